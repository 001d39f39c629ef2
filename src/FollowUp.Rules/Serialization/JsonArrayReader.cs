using System.Buffers;
using System.Text.Json;

namespace FollowUp.Rules.Serialization;

/// <summary>
/// Reads the elements of a top-level JSON array one at a time, as raw UTF-8 into a pooled buffer, handing each on as soon as
/// it is complete; or, with <c>values</c>, top-level JSON values one after another (pretty-printed objects, one per record).
/// Memory holds one element, whatever the array's size. An element longer than the limit is scanned to its end without
/// being held, and comes back as <c>TooLong</c>, so one runaway element neither takes the memory nor ends the reading. When
/// the syntax breaks, reading stops there with a <see cref="JsonException"/>, and every element before the break has
/// already been handed on.
/// </summary>
/// <param name="source">The UTF-8 text.</param>
/// <param name="maxElementBytes">The most bytes an element may hold: <see cref="JsonRecordReadOptions.MaxRecordBytes"/>.</param>
/// <param name="values">Whether to read JSON values one after another instead of the elements of an array.</param>
internal sealed class JsonArrayReader(Utf8Source source, int maxElementBytes, bool values = false) : IDisposable
{
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

    /// <summary>The scan of the element longer than the limit being skipped, or <see langword="null"/> when there is none.</summary>
    private ValueSkipper? _skipping;

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
    /// Reads the next element (valid only until the next call); <see langword="false"/> after the closing bracket. An
    /// element of more than <c>maxElementBytes</c> is skipped to its end and comes back empty, as <c>TooLong</c>.
    /// </summary>
    /// <exception cref="JsonException">The array's syntax is broken at or before the next element.</exception>
    public async ValueTask<(bool Read, ReadOnlyMemory<byte> Element, bool TooLong)> ReadElementAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var (step, element) = _skipping is null ? Step() : SkipStep(_skipping);
            switch (step)
            {
                case StepResult.Element:
                    return (true, element, false);
                case StepResult.TooLong:
                    return (true, default, true);
                case StepResult.End:
                    return (false, default, false);
                default:
                    if (_endOfStream)
                    {
                        throw new JsonException(values ? "The input ends inside a JSON value." : "The JSON array ends before its closing ']'.");
                    }

                    // At least as many new bytes as are pending, so a long element arriving in small reads is re-scanned
                    // a logarithmic number of times, not once per read; but no more than one byte past the limit, which
                    // is enough to tell that an element is too long.
                    var pending = _end - _start;
                    await FillAsync(Math.Max(Math.Min(pending, maxElementBytes + 1 - pending), 1), cancellationToken).ConfigureAwait(false);
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
                        if (_end - _start <= maxElementBytes)
                        {
                            return (StepResult.NeedMore, default);
                        }

                        // Unfinished past the limit: found to be too long, so scanned to its end rather than held whole.
                        _skipping = new ValueSkipper();
                        return SkipStep(_skipping);
                    }

                    var length = (int)reader.BytesConsumed;
                    var element = _buffer.AsMemory(_start, length);
                    _start += length;
                    _position = values ? Position.BetweenValues : Position.AfterElement;
                    return length > maxElementBytes ? (StepResult.TooLong, default) : (StepResult.Element, element);
            }
        }
    }

    /// <summary>Scans the pending bytes of the element being skipped, dropping them; <see cref="StepResult.TooLong"/> at its end.</summary>
    private (StepResult Step, ReadOnlyMemory<byte> Element) SkipStep(ValueSkipper skipping)
    {
        var (ended, scanned) = skipping.Scan(_buffer.AsSpan(_start, _end - _start), _endOfStream);
        _start += scanned;
        if (!ended)
        {
            return (StepResult.NeedMore, default);
        }

        _skipping = null;
        _position = values ? Position.BetweenValues : Position.AfterElement;
        return (StepResult.TooLong, default);
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

        // No more is wanted than one byte past the limit, so the buffer grows to about twice the limit at most.
        var target = _end + wanted;
        while (_end < target && !_endOfStream)
        {
            if (_end == _buffer.Length)
            {
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
        TooLong,
        End,
    }

    /// <summary>
    /// Finds where a JSON value ends without holding it: it follows strings and their escapes, comments, and the nesting of
    /// objects and arrays, and nothing else, so memory stays flat however long the value. Syntax broken inside the value is
    /// not noticed here; the reading after it finds the text out of place.
    /// </summary>
    private sealed class ValueSkipper
    {
        private long _depth;
        private State _state;

        private enum State
        {
            /// <summary>Between tokens: before the value (depth 0) or inside an object or array.</summary>
            Structure,

            /// <summary>In a number or literal that is the whole value, which ends at the byte after it.</summary>
            Scalar,
            InString,
            InLineComment,
            InBlockComment,
        }

        /// <summary>
        /// Scans <paramref name="bytes"/>, which follow those scanned before. A byte whose meaning hangs on the next one (a
        /// backslash in a string, a slash, a star in a comment) is left unscanned at the end, to be scanned again with it.
        /// </summary>
        /// <param name="bytes">The bytes after those scanned so far.</param>
        /// <param name="isFinalBlock">Whether the input ends after them, which ends a number or literal.</param>
        /// <returns>Whether the value ended, and how many bytes were scanned: up to its end, if it ended.</returns>
        public (bool Ended, int Scanned) Scan(ReadOnlySpan<byte> bytes, bool isFinalBlock)
        {
            for (var i = 0; i < bytes.Length; i++)
            {
                var next = bytes[i];
                var hasFollower = i + 1 < bytes.Length;
                switch (_state)
                {
                    case State.InString when next == (byte)'\\':
                        if (!hasFollower)
                        {
                            return (false, i);
                        }

                        i++;
                        break;

                    case State.InString when next == (byte)'"':
                        _state = State.Structure;
                        if (_depth == 0)
                        {
                            return (true, i + 1);
                        }

                        break;

                    case State.InLineComment when next is (byte)'\n' or (byte)'\r':
                        _state = State.Structure;
                        break;

                    case State.InBlockComment when next == (byte)'*':
                        if (!hasFollower)
                        {
                            return (false, i);
                        }

                        if (bytes[i + 1] == (byte)'/')
                        {
                            i++;
                            _state = State.Structure;
                        }

                        break;

                    case State.Scalar when next is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)',' or (byte)']' or (byte)'}' or (byte)'/':
                        return (true, i);

                    case State.Structure:
                        switch (next)
                        {
                            case (byte)'"':
                                _state = State.InString;
                                break;
                            case (byte)'{' or (byte)'[':
                                _depth++;
                                break;
                            case (byte)'}' or (byte)']':
                                if (--_depth == 0)
                                {
                                    return (true, i + 1);
                                }

                                break;
                            case (byte)'/':
                                if (!hasFollower)
                                {
                                    return (false, i);
                                }

                                (_state, i) = bytes[i + 1] switch
                                {
                                    (byte)'/' => (State.InLineComment, i + 1),
                                    (byte)'*' => (State.InBlockComment, i + 1),
                                    _ => (State.Structure, i),
                                };
                                break;
                            case (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n':
                                break;
                            default:
                                if (_depth == 0)
                                {
                                    _state = State.Scalar;
                                }

                                break;
                        }

                        break;
                }
            }

            return (isFinalBlock && _state == State.Scalar, bytes.Length);
        }
    }
}
