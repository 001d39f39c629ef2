using System.Runtime.CompilerServices;
using System.Text.Json;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules.Cli.Input;

/// <summary>
/// Reads records from the inputs of a command, one at a time, so memory stays flat whatever the input size. A row that
/// cannot be read becomes a <see cref="RecordInput"/> with its reason; the rows around it are still read.
/// </summary>
internal static class RecordSources
{
    public static async IAsyncEnumerable<RecordInput> ReadAsync(
        IReadOnlyList<string> inputs, CliConsole console, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var input in inputs)
        {
            var stream = Open(input, console);
            await using (stream.ConfigureAwait(false))
            {
                var (first, prefix) = await PeekAsync(stream, cancellationToken).ConfigureAwait(false);
                var source = new PrefixedStream(prefix, stream);
                var rows = first == (byte)'['
                    ? ReadJsonArrayAsync(input, source, cancellationToken)
                    : ReadJsonLinesAsync(input, source, cancellationToken);
                await foreach (var row in rows.ConfigureAwait(false))
                {
                    yield return row;
                }
            }
        }
    }

    /// <summary>Checks that every input can be opened before anything is evaluated, so a typo is a usage error, not a half run.</summary>
    public static void CheckInputs(IReadOnlyList<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (input != "-" && !File.Exists(input))
            {
                throw new CliUsageException($"cannot read input '{input}': no such file.");
            }
        }
    }

    private static Stream Open(string input, CliConsole console) =>
        input == "-" ? console.OpenInput() : new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);

    private static async IAsyncEnumerable<RecordInput> ReadJsonLinesAsync(
        string source, Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new Utf8LineReader(stream);
        long number = 0;
        while (true)
        {
            var (read, line) = await reader.ReadLineAsync(cancellationToken).ConfigureAwait(false);
            if (!read)
            {
                yield break;
            }

            number++;
            if (IsBlank(line.Span))
            {
                continue;
            }

            yield return Parse(source, number, "line", line.Span);
        }
    }

    private static async IAsyncEnumerable<RecordInput> ReadJsonArrayAsync(
        string source, Stream stream, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var elements = JsonSerializer.DeserializeAsyncEnumerable(stream, FollowUpCliJsonContext.Default.JsonElement, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        await using var _ = elements.ConfigureAwait(false);
        long number = 0;
        while (true)
        {
            string? brokenArray = null;
            try
            {
                if (!await elements.MoveNextAsync().ConfigureAwait(false))
                {
                    yield break;
                }
            }
            catch (JsonException exception)
            {
                brokenArray = $"{OneLine(exception.Message)} The rest of this JSON array cannot be read.";
            }

            number++;
            if (brokenArray is not null)
            {
                yield return new RecordInput(source, number, "element", null, brokenArray);
                yield break;
            }

            yield return Parse(source, number, "element", elements.Current);
        }
    }

    private static RecordInput Parse(string source, long number, string kind, ReadOnlySpan<byte> json)
    {
        try
        {
            return FollowUpJson.DeserializeRecord(json) is { } record
                ? new RecordInput(source, number, kind, record, null)
                : new RecordInput(source, number, kind, null, "the row is null, not a JSON object.");
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            return new RecordInput(source, number, kind, null, OneLine(exception.Message));
        }
    }

    private static RecordInput Parse(string source, long number, string kind, JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return new RecordInput(source, number, kind, null, $"the element is {element.ValueKind}, not a JSON object.");
        }

        try
        {
            return new RecordInput(source, number, kind, element.Deserialize(FollowUpJson.Record), null);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            return new RecordInput(source, number, kind, null, OneLine(exception.Message));
        }
    }

    private static async ValueTask<(byte First, byte[] Prefix)> PeekAsync(Stream stream, CancellationToken cancellationToken)
    {
        var buffer = new byte[4096];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = await stream.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            length += read;
            var first = FirstSignificant(buffer.AsSpan(0, length));
            if (first != 0)
            {
                return (first, buffer[..length]);
            }
        }

        return (0, buffer[..length]);
    }

    private static byte FirstSignificant(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            bytes = bytes[3..];
        }

        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n'))
            {
                return b;
            }
        }

        return 0;
    }

    private static bool IsBlank(ReadOnlySpan<byte> line) => line.Trim(" \t\r"u8).IsEmpty;

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
