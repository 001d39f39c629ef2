using System.Text;
using System.Text.Json;

namespace FollowUp.Rules.Serialization;

/// <summary>
/// Reads the records of a UTF-8 JSON input one at a time, so memory holds one record whatever the input's size: JSON Lines
/// line by line, a JSON array or concatenated objects element by element. A value that cannot be read is a result with its
/// number and reason, and the reading goes on after it; only broken syntax in an array or between objects written one
/// after another ends it, after a result that says so. Text in UTF-16 is one result that says so.
/// </summary>
internal sealed class JsonRecordReader : IDisposable
{
    /// <summary>How many bytes are read ahead, at most, to find the first line that is not blank, which tells the layout.</summary>
    private const int MaxPeekBytes = 4096;

    private readonly Utf8LineReader? _lines;
    private readonly JsonArrayReader? _elements;
    private readonly int _maxRecordBytes;
    private long _number;
    private bool _ended;

    /// <summary>Why the input cannot be read at all (it is UTF-16), to be its one result; <see langword="null"/> when it can.</summary>
    private string? _unreadableInput;

    private JsonRecordReader(Utf8Source source, JsonRecordLayout layout, int maxRecordBytes)
    {
        Layout = layout;
        _maxRecordBytes = maxRecordBytes;
        if (layout == JsonRecordLayout.JsonLines)
        {
            _lines = new Utf8LineReader(source, maxRecordBytes);
        }
        else
        {
            _elements = new JsonArrayReader(source, maxRecordBytes, values: layout == JsonRecordLayout.Concatenated);
        }
    }

    private JsonRecordReader(JsonRecordLayout layout, string unreadableInput)
    {
        Layout = layout;
        _unreadableInput = unreadableInput;
    }

    public JsonRecordLayout Layout { get; }

    /// <summary>
    /// Starts reading <paramref name="stream"/> in the layout the options name, or the one its first line that is not blank
    /// shows; that line is read ahead in any case, to tell UTF-16 (see <see cref="Utf16Text"/>).
    /// </summary>
    /// <param name="stream">The UTF-8 text.</param>
    /// <param name="options">The layout, or none to tell it from the text, and the most bytes a record may hold (checked).</param>
    /// <param name="synchronous">Whether to read the stream synchronously: every task returned is then complete.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    public static async ValueTask<JsonRecordReader> OpenAsync(
        Stream stream, JsonRecordReadOptions options, bool synchronous, CancellationToken cancellationToken)
    {
        var head = await PeekAsync(new Utf8Source(stream, default, synchronous), cancellationToken).ConfigureAwait(false);
        if (Utf16Text.Of(head.Span) is { } utf16)
        {
            // Read as UTF-8, every line would be an error of its own. The layout, unless named, is told from the start decoded.
            var layout = options.Layout ?? LayoutOf(Encoding.UTF8.GetBytes(utf16.GetString(head.Span)));
            var name = utf16.CodePage == Encoding.BigEndianUnicode.CodePage ? "UTF-16 big-endian" : "UTF-16 little-endian";
            return new JsonRecordReader(
                layout, $"the input is {name} text, not UTF-8, so none of it can be read; save it as UTF-8, or transcode it to UTF-8 first (Encoding.CreateTranscodingStream).");
        }

        return new JsonRecordReader(new Utf8Source(stream, head, synchronous), options.Layout ?? LayoutOf(head.Span), options.MaxRecordBytes);
    }

    /// <summary>
    /// Reads ahead until the first line with anything but white space is whole (or <see cref="MaxPeekBytes"/> are read, or the
    /// input ends): one read may hand out only part of that line, or even part of a byte order mark. Zero bytes count as
    /// white space here, so the first line of UTF-16 text is read whole too.
    /// </summary>
    /// <returns>The bytes read, to be read again first.</returns>
    internal static async ValueTask<ReadOnlyMemory<byte>> PeekAsync(Utf8Source source, CancellationToken cancellationToken)
    {
        var buffer = new byte[MaxPeekBytes];
        var length = 0;
        while (length < buffer.Length && !HoldsFirstLine(buffer.AsSpan(0, length)))
        {
            var read = await source.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return buffer.AsMemory(0, length);
    }

    /// <summary>Reads the next result; <see langword="null"/> at the end of the input.</summary>
    /// <exception cref="OperationCanceledException">The reading was cancelled.</exception>
    public ValueTask<JsonRecordResult?> ReadAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (_unreadableInput is { } reason)
        {
            _unreadableInput = null;
            _ended = true;
            _number = 1;
            return new(Failure(reason, endsReading: true));
        }

        return _lines is null ? ReadElementAsync(cancellationToken) : ReadLineAsync(_lines, cancellationToken);
    }

    public void Dispose()
    {
        _lines?.Dispose();
        _elements?.Dispose();
    }

    /// <summary>
    /// Tells the layout from the first line that is not blank: a leading '[' opens a JSON array, and a line that is only '{'
    /// opens an object written over several lines (no JSON line is only '{'); anything else is JSON Lines.
    /// </summary>
    internal static JsonRecordLayout LayoutOf(ReadOnlySpan<byte> head)
    {
        var text = FromFirstSignificant(head);
        if (text is [(byte)'[', ..])
        {
            return JsonRecordLayout.Array;
        }

        var lineEnd = text.IndexOfAny((byte)'\n', (byte)'\r');
        return lineEnd >= 0 && text[..lineEnd].TrimEnd(" \t"u8).SequenceEqual("{"u8) ? JsonRecordLayout.Concatenated : JsonRecordLayout.JsonLines;
    }

    private async ValueTask<JsonRecordResult?> ReadLineAsync(Utf8LineReader lines, CancellationToken cancellationToken)
    {
        while (true)
        {
            var (read, line, tooLong) = await lines.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (!read)
            {
                return null;
            }

            _number++;
            if (tooLong)
            {
                return TooLong();
            }

            if (!line.Span.Trim(" \t\r"u8).IsEmpty)
            {
                return Parse(line.Span);
            }
        }
    }

    private async ValueTask<JsonRecordResult?> ReadElementAsync(CancellationToken cancellationToken)
    {
        if (_ended)
        {
            return null;
        }

        (bool Read, ReadOnlyMemory<byte> Element, bool TooLong) next;
        try
        {
            next = await _elements!.ReadElementAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException exception)
        {
            _ended = true;
            _number++;
            var rest = Layout == JsonRecordLayout.Concatenated ? "file" : "JSON array";
            return Failure($"{ReasonOf(exception)} The rest of this {rest} cannot be read.", endsReading: true);
        }

        if (!next.Read)
        {
            return null;
        }

        _number++;
        return next.TooLong ? TooLong() : Parse(next.Element.Span);
    }

    private JsonRecordResult Parse(ReadOnlySpan<byte> json)
    {
        var unit = JsonRecordResult.UnitOf(Layout);
        if (NotAnObject(FromFirstSignificant(json)) is { } what)
        {
            return Failure($"the {unit} is {what}, not a JSON object.");
        }

        try
        {
            return FollowUpJson.DeserializeRecord(json) is { } record
                ? new JsonRecordResult(Layout, _number, record, null)
                : Failure($"the {unit} is null, not a JSON object.");
        }
        catch (JsonException exception)
        {
            return Failure(ReasonOf(exception));
        }
        catch (NotSupportedException exception)
        {
            return Failure(OneLine(exception.Message));
        }
    }

    private JsonRecordResult Failure(string error, bool endsReading = false) => new(Layout, _number, null, error, endsReading);

    private JsonRecordResult TooLong() =>
        Failure($"the {JsonRecordResult.UnitOf(Layout)} is longer than {SizeText(_maxRecordBytes)}, more than a record may hold.");

    /// <summary>
    /// The reader's reason without its "Path: $ | LineNumber: 0 | BytePositionInLine: 12." tail, whose zero-based numbers count
    /// within the value and contradict the result's own number: where in the value it broke, as a user counts, instead.
    /// </summary>
    private string ReasonOf(JsonException exception)
    {
        // Invalid UTF-8 in a string surfaces as a value that "could not be converted" (or, read around a wrong-shaped value,
        // as the reader's own refusal): say what is wrong with the bytes.
        var reason = exception.InnerException is System.Text.DecoderFallbackException
            || exception.InnerException?.InnerException is System.Text.DecoderFallbackException
            ? "the text is not valid UTF-8; save the file as UTF-8."
            : OneLine(exception.Message);
        var tail = reason.IndexOf(" Path: ", StringComparison.Ordinal) is >= 0 and var path ? path : reason.IndexOf(" LineNumber: ", StringComparison.Ordinal);
        if (tail >= 0)
        {
            reason = reason[..tail].TrimEnd();
        }

        var unit = JsonRecordResult.UnitOf(Layout);
        return exception switch
        {
            { BytePositionInLine: { } position, LineNumber: 0 or null } => $"byte {position + 1} of the {unit}: {reason}",
            { BytePositionInLine: { } position, LineNumber: { } line } => $"line {line + 1}, byte {position + 1} of the {unit}: {reason}",
            _ => reason,
        };
    }

    /// <summary>Names a JSON value that is well-formed but not an object, from its first byte; <see langword="null"/> for anything else.</summary>
    private static string? NotAnObject(ReadOnlySpan<byte> value) => value switch
    {
        [(byte)'[', ..] => "an array",
        [(byte)'"', ..] => "a string",
        [(byte)'t' or (byte)'f', ..] => "true or false",
        [(byte)'-' or (>= (byte)'0' and <= (byte)'9'), ..] => "a number",
        _ => null,
    };

    /// <summary>Whether the first line that is not blank ends within <paramref name="bytes"/>; zero bytes count as blank, for UTF-16.</summary>
    private static bool HoldsFirstLine(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < ByteOrderMark.Length && ByteOrderMark.StartsWith(bytes))
        {
            return false;
        }

        bytes = bytes.StartsWith(ByteOrderMark) ? bytes[ByteOrderMark.Length..] : bytes;
        var start = bytes.IndexOfAnyExcept(" \t\r\n\0"u8);
        return start >= 0 && bytes[start..].IndexOfAny((byte)'\n', (byte)'\r') >= 0;
    }

    /// <summary>The bytes from the first that is neither a byte order mark nor white space; empty when there is none.</summary>
    private static ReadOnlySpan<byte> FromFirstSignificant(ReadOnlySpan<byte> bytes)
    {
        bytes = bytes.StartsWith(ByteOrderMark) ? bytes[ByteOrderMark.Length..] : bytes;
        var start = bytes.IndexOfAnyExcept(" \t\r\n"u8);
        return start < 0 ? [] : bytes[start..];
    }

    private static ReadOnlySpan<byte> ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>Says a size as a user thinks of it, exactly: 256 MB, 64 KB, 1000 bytes.</summary>
    private static string SizeText(int bytes) => bytes switch
    {
        >= 1 << 20 when bytes % (1 << 20) == 0 => $"{bytes >> 20} MB",
        >= 1 << 10 when bytes % (1 << 10) == 0 => $"{bytes >> 10} KB",
        1 => "1 byte",
        _ => $"{bytes} bytes",
    };

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
