namespace FollowUp.Rules.Serialization;

/// <summary>
/// The bytes the record readers read: first those already read to tell the input's layout, then the rest of the stream,
/// read synchronously for <see cref="FollowUpJson.ReadRecords(Stream, JsonRecordReadOptions?)"/>, so one reader serves both forms.
/// </summary>
/// <param name="stream">The stream.</param>
/// <param name="head">The bytes already read from it.</param>
/// <param name="synchronous">Whether to read with <see cref="Stream.Read(Span{byte})"/>: the returned task is then always complete.</param>
internal sealed class Utf8Source(Stream stream, ReadOnlyMemory<byte> head, bool synchronous)
{
    /// <summary>Reads bytes into <paramref name="buffer"/>; 0 at the end of the stream.</summary>
    public ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        if (!head.IsEmpty)
        {
            var count = Math.Min(buffer.Length, head.Length);
            head[..count].CopyTo(buffer);
            head = head[count..];
            return new(count);
        }

        return synchronous ? new(stream.Read(buffer.Span)) : stream.ReadAsync(buffer, cancellationToken);
    }
}
