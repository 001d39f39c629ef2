using System.Buffers;

namespace FollowUp.Rules.Cli.Input;

/// <summary>
/// Reads a UTF-8 stream line by line into a pooled buffer, without decoding it, so JSON Lines parse straight from bytes.
/// CR, LF and CRLF each end a line, as they do in CSV: a file saved with old Mac line ends still holds one record a line.
/// </summary>
internal sealed class Utf8LineReader(Stream stream) : IDisposable
{
    private const int MaxLineBytes = 256 * 1024 * 1024;
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _atStart = true;

    /// <summary>Whether the last line ended with CR, so an LF right after it is the rest of that line break, not an empty line.</summary>
    private bool _afterCarriageReturn;

    /// <summary>Reads the next line, without its line break; <see langword="false"/> at the end of the stream.</summary>
    public async ValueTask<(bool Read, ReadOnlyMemory<byte> Line)> ReadLineAsync(CancellationToken cancellationToken)
    {
        // How many bytes after _start were already searched for a line break.
        var scanned = 0;
        while (true)
        {
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
                var line = Line(_start, _start + lineBreak);
                _afterCarriageReturn = pending[lineBreak] == (byte)'\r';
                _start += lineBreak + 1;
                return (true, line);
            }

            if (_endOfStream)
            {
                if (pending.IsEmpty)
                {
                    return (false, default);
                }

                var last = Line(_start, _end);
                _start = _end;
                return (true, last);
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

    private ReadOnlyMemory<byte> Line(int from, int to)
    {
        if (_atStart)
        {
            _atStart = false;
            if (to - from >= 3 && _buffer[from] == 0xEF && _buffer[from + 1] == 0xBB && _buffer[from + 2] == 0xBF)
            {
                from += 3;
            }
        }

        return _buffer.AsMemory(from, to - from);
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxLineBytes)
            {
                throw new InvalidDataException($"A line is longer than {MaxLineBytes / (1024 * 1024)} MB.");
            }

            PooledBuffer.Double(ref _buffer, _end);
        }

        var read = await stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        _endOfStream = read == 0;
    }
}
