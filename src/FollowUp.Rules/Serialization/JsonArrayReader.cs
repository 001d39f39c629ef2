using System.Buffers;
using System.Text.Json;

namespace FollowUp.Rules.Serialization;

/// <summary>
/// Reads the elements of a top-level JSON array one at a time, as raw UTF-8 into a pooled buffer, handing each on as soon as
/// it is complete; or, with <c>values</c>, top-level JSON values one after another (pretty-printed objects, one per record).
/// Memory holds one element, whatever the array's size. When the syntax breaks, reading stops there with a
/// <see cref="JsonException"/>, and every element before the break has already been handed on.
/// </summary>
internal sealed class JsonArrayReader(Utf8Source source, bool values = false) : IDisposable
{
    private const int MaxElementBytes = 256 * 1024 * 1024;

    /// <summary>
    /// No depth limit here, where elements are only found: a record nested too deeply is one unreadable element, which
    /// <see cref="FollowUpJson"/> names as such, not the end of the array.
    /// </summary>
    private static readonly JsonReaderOptions ReaderOptions = new() { CommentHandling = JsonCommentHandling.Skip, MaxDepth = int.MaxValue };
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _start;
    private int _end;
    private bool _endOfStream;
    private Position _position = values ? Position.BetweenValues : Position.BeforeArray;

    private enum Position
    {
        BeforeArray,
        BeforeFirstElement,
        AfterElement,
        BeforeElement,
        AfterArray,
        BetweenValues,
    }

    /// <summary>
    /// Reads the next element (valid only until the next call); <see langword="false"/> after the closing bracket.
    /// </summary>
    /// <exception cref="JsonException">The array's syntax is broken at or before the next element.</exception>
    public async ValueTask<(bool Read, ReadOnlyMemory<byte> Element)> ReadElementAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (step, element) = Step();
            switch (step)
            {
                case StepResult.Element:
                    return (true, element);
                case StepResult.End:
                    return (false, default);
                default:
                    if (_endOfStream)
                    {
                        throw new JsonException(values ? "The input ends inside a JSON value." : "The JSON array ends before its closing ']'.");
                    }

                    // At least as many new bytes as are pending, so a long element arriving in small reads is re-scanned
                    // a logarithmic number of times, not once per read.
                    await FillAsync(Math.Max(_end - _start, 1), cancellationToken).ConfigureAwait(false);
                    break;
            }
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    private (StepResult Step, ReadOnlyMemory<byte> Element) Step()
    {
        while (true)
        {
            var span = _buffer.AsSpan(_start, _end - _start);
            if (_position is Position.BeforeArray or Position.BetweenValues && span.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            {
                _start += 3;
                continue;
            }

            var i = span.IndexOfAnyExcept(" \t\r\n"u8);
            if (i < 0)
            {
                _start = _end;
                return (_position is Position.AfterArray or Position.BetweenValues && _endOfStream ? StepResult.End : StepResult.NeedMore, default);
            }

            _start += i;
            var next = span[i];
            switch (_position)
            {
                case Position.BeforeArray:
                    if (next != (byte)'[')
                    {
                        throw new JsonException("The input does not start with '['.");
                    }

                    _start++;
                    _position = Position.BeforeFirstElement;
                    continue;

                case Position.AfterElement when next == (byte)',':
                    _start++;
                    _position = Position.BeforeElement;
                    continue;

                case Position.AfterElement when next != (byte)']':
                    throw new JsonException($"Expected ',' or ']' after an element, but found '{(char)next}'.");

                case Position.AfterArray:
                    throw new JsonException("There is text after the end of the JSON array.");

                case Position.BeforeFirstElement or Position.BeforeElement or Position.AfterElement when next == (byte)']':
                    _start++;
                    _position = Position.AfterArray;
                    continue;

                default:
                    var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _endOfStream, new JsonReaderState(ReaderOptions));
                    if (!reader.Read() || (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && !reader.TrySkip()))
                    {
                        return (StepResult.NeedMore, default);
                    }

                    var length = (int)reader.BytesConsumed;
                    var element = _buffer.AsMemory(_start, length);
                    _start += length;
                    _position = values ? Position.BetweenValues : Position.AfterElement;
                    return (StepResult.Element, element);
            }
        }
    }

    /// <summary>Reads at least <paramref name="wanted"/> more bytes, or up to the end of the stream, growing the buffer as needed.</summary>
    private async ValueTask FillAsync(int wanted, CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        var target = _end + wanted;
        while (_end < target && !_endOfStream)
        {
            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= MaxElementBytes)
                {
                    throw new JsonException($"A JSON {(values ? "value" : "array element")} is longer than {MaxElementBytes / (1024 * 1024)} MB.");
                }

                PooledBuffer.Double(ref _buffer, _end);
            }

            var read = await source.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
            _end += read;
            _endOfStream = read == 0;
        }
    }

    private enum StepResult
    {
        NeedMore,
        Element,
        End,
    }
}
