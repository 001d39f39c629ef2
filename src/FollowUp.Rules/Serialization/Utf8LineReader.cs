using System.Buffers;

namespace FollowUp.Rules.Serialization;

/// <summary>
/// Reads a UTF-8 stream line by line into a pooled buffer, without decoding it, so JSON Lines parse straight from bytes.
/// The first line break decides how lines end: after a lone CR (old Mac line ends) CR, LF and CRLF each end a line, so such
/// a file still holds one record a line; after LF or CRLF only LF does, so a stray CR inside a line neither splits its
/// record nor shifts the numbers of the lines after it.
/// A line longer than the limit is skipped to its line break and reported as such, so one runaway line neither takes
/// the memory nor ends the reading.
/// </summary>
/// <param name="source">The UTF-8 text.</param>
/// <param name="maxLineBytes">The most bytes a line may hold, without its line break: <see cref="JsonRecordReadOptions.MaxRecordBytes"/>.</param>
internal sealed class Utf8LineReader(Utf8Source source, int maxLineBytes) : IDisposable
{
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _atStart = true;

    /// <summary>Whether the last line ended with CR, so an LF right after it is the rest of that line break, not an empty line.</summary>
    private bool _afterCarriageReturn;

    /// <summary>How lines end, once the first line break has said so.</summary>
    private LineBreaks _lineBreaks;

    /// <summary>
    /// Reads the next line, without its line break (valid only until the next call); <see langword="false"/> at the end of
    /// the stream. A line of more than <c>maxLineBytes</c> is skipped to its line break and comes back empty, as
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
                var crLf = _start < _end && _buffer[_start] == (byte)'\n';
                if (crLf)
                {
                    _start++;
                }

                if (_lineBreaks == LineBreaks.Undecided)
                {
                    _lineBreaks = crLf ? LineBreaks.LineFeed : LineBreaks.CarriageReturn;
                }
            }

            var pending = _buffer.AsSpan(_start, _end - _start);
            var lineBreak = IndexOfLineBreak(pending[scanned..]);
            if (lineBreak >= 0)
            {
                lineBreak += scanned;
                var length = LineLength(pending, lineBreak);
                var tooLong = length > maxLineBytes;
                var line = tooLong ? default : _buffer.AsMemory(_start, length);
                EndLine(pending[lineBreak]);
                _start += lineBreak + 1;
                return (true, line, tooLong);
            }

            if (LineLength(pending, pending.Length) > maxLineBytes)
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

                var last = _buffer.AsMemory(_start, LineLength(pending, pending.Length));
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
            var lineBreak = IndexOfLineBreak(_buffer.AsSpan(_start, _end - _start));
            if (lineBreak >= 0)
            {
                EndLine(_buffer[_start + lineBreak]);
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

    /// <summary>Gets where the next line break is, by how lines end: at LF alone once the file is known to end lines with LF or CRLF.</summary>
    private int IndexOfLineBreak(ReadOnlySpan<byte> bytes) =>
        _lineBreaks == LineBreaks.LineFeed ? bytes.IndexOf((byte)'\n') : bytes.IndexOfAny((byte)'\r', (byte)'\n');

    /// <summary>
    /// Gets the length of the line that ends at <paramref name="end"/> (its LF, or the end of the stream): in a file of LF or
    /// CRLF line ends, a CR there is the start of the line break, not part of the line.
    /// </summary>
    private int LineLength(ReadOnlySpan<byte> pending, int end) =>
        _lineBreaks == LineBreaks.LineFeed && end > 0 && pending[end - 1] == (byte)'\r' ? end - 1 : end;

    /// <summary>
    /// Notes the line break a line ended with: a first LF decides that lines end with LF; after a CR, whether an LF follows
    /// is seen at the next read, which then decides between CRLF and lone CR if nothing has yet.
    /// </summary>
    private void EndLine(byte lineBreak)
    {
        _afterCarriageReturn = lineBreak == (byte)'\r';
        if (lineBreak == (byte)'\n' && _lineBreaks == LineBreaks.Undecided)
        {
            _lineBreaks = LineBreaks.LineFeed;
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

        // Only a line no longer than the limit (and the CR of its CRLF) is pending here, so the buffer grows to about twice
        // the limit at most.
        if (_end == _buffer.Length)
        {
            PooledBuffer.Double(ref _buffer, _end);
        }

        var read = await source.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        _end += read;
        _endOfStream = read == 0;
    }

    private enum LineBreaks
    {
        /// <summary>No line break seen yet, or only a CR whose next byte is not read yet: CR and LF end lines.</summary>
        Undecided,

        /// <summary>The first line break was a lone CR: CR, LF and CRLF each end a line.</summary>
        CarriageReturn,

        /// <summary>The first line break was LF or CRLF: only LF ends a line, and a CR before it is part of the line break.</summary>
        LineFeed,
    }
}
