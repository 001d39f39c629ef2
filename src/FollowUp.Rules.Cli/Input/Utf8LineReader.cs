using System.Buffers;

namespace FollowUp.Rules.Cli.Input;

/// <summary>
/// Reads a UTF-8 stream line by line into a pooled buffer, without decoding it, so JSON Lines parse straight from bytes.
/// CR, LF and CRLF each end a line, as they do in CSV: a file saved with old Mac line ends still holds one record a line.
/// A line longer than the limit is skipped to its line break and reported as such, so one runaway line neither takes
/// the memory nor ends the reading.
/// </summary>
/// <param name="stream">The UTF-8 text.</param>
/// <param name="maxLineBytes">The most bytes a line may hold: <see cref="DefaultMaxLineBytes"/>, lower in tests.</param>
internal sealed class Utf8LineReader(Stream stream, int maxLineBytes) : IDisposable
{
    /// <summary>The most bytes a line of an input may hold: far more than any record, far less than the memory.</summary>
    public const int DefaultMaxLineBytes = 256 * 1024 * 1024;

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _atStart = true;

    /// <summary>Whether the last line ended with CR, so an LF right after it is the rest of that line break, not an empty line.</summary>
    private bool _afterCarriageReturn;

    /// <summary>
    /// Reads the next line, without its line break (valid only until the next call); <see langword="false"/> at the end of
    /// the stream. A line of <c>maxLineBytes</c> or more is skipped to its line break and comes back empty, as
    /// <c>TooLong</c>.
    /// </summary>
    public async ValueTask<(bool Read, ReadOnlyMemory<byte> Line, bool TooLong)> ReadLineAsync(CancellationToken cancellationToken)
    {
        // How many bytes after _start were already searched for a line break.
        var scanned = 0;
        while (true)
        {
            // A byte order mark is not part of the first line; waiting for its three bytes matters only on a slow pipe.
            if (_atStart)
            {
                if (_end - _start < 3 && !_endOfStream)
                {
                    await FillAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                _atStart = false;
                if (_buffer.AsSpan(_start, _end - _start).StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                {
                    _start += 3;
                }
            }

            if (_afterCarriageReturn)
            {
                if (_start == _end && !_endOfStream)
                {
                    await FillAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                _afterCarriageReturn = false;
                if (_start < _end && _buffer[_start] == (byte)'\n')
                {
                    _start++;
                }
            }

            var pending = _buffer.AsSpan(_start, _end - _start);
            var lineBreak = pending[scanned..].IndexOfAny((byte)'\r', (byte)'\n');
            if (lineBreak >= 0)
            {
                lineBreak += scanned;
                var tooLong = lineBreak >= maxLineBytes;
                var line = tooLong ? default : _buffer.AsMemory(_start, lineBreak);
                _afterCarriageReturn = pending[lineBreak] == (byte)'\r';
                _start += lineBreak + 1;
                return (true, line, tooLong);
            }

            if (pending.Length >= maxLineBytes)
            {
                await SkipLineAsync(cancellationToken).ConfigureAwait(false);
                return (true, default, true);
            }

            if (_endOfStream)
            {
                if (pending.IsEmpty)
                {
                    return (false, default, false);
                }

                var last = _buffer.AsMemory(_start, pending.Length);
                _start = _end;
                return (true, last, false);
            }

            scanned = pending.Length;
            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }

    /// <summary>Drops the bytes of the line being read, up to and with its line break, holding no more than a buffer at a time.</summary>
    private async ValueTask SkipLineAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var lineBreak = _buffer.AsSpan(_start, _end - _start).IndexOfAny((byte)'\r', (byte)'\n');
            if (lineBreak >= 0)
            {
                _afterCarriageReturn = _buffer[_start + lineBreak] == (byte)'\r';
                _start += lineBreak + 1;
                return;
            }

            _start = _end;
            if (_endOfStream)
            {
                return;
            }

            await FillAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        // Only a line shorter than the limit is pending here, so the buffer grows to about the limit at most.
        if (_end == _buffer.Length)
        {
            PooledBuffer.Double(ref _buffer, _end);
        }

        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        _endOfStream = read == 0;
    }
}
