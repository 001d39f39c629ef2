using System.Buffers;

namespace FollowUp.Rules.Serialization;

/// <summary>Growth of the pooled byte buffers the streaming readers keep one record in.</summary>
internal static class PooledBuffer
{
    /// <summary>Swaps <paramref name="buffer"/> for a pooled one twice as large holding its first <paramref name="used"/> bytes.</summary>
    public static void Double(ref byte[] buffer, int used)
    {
        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
        Buffer.BlockCopy(buffer, 0, larger, 0, used);
        ArrayPool<byte>.Shared.Return(buffer);
        buffer = larger;
    }
}
