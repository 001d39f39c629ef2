using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace FollowUp.Rules.Import.Reading;

/// <summary>
/// Decides the encoding of a CSV file: a byte order mark decides; otherwise UTF-8 when every byte is valid UTF-8, else
/// GB18030. A seekable stream is checked whole and rewound; a pipe is checked on its first mebibyte, kept for the reader.
/// </summary>
internal static class EncodingDetector
{
    /// <summary>How much of a stream that cannot seek is looked at, and so held in memory, before the decision.</summary>
    internal const int PipePrefixLength = 1 << 20;

    private const int ChunkLength = 1 << 16;

    /// <summary>Decides the encoding and returns the stream to read the text from, positioned at its start.</summary>
    public static (Encoding Encoding, Stream Text) Detect(Stream stream, Encoding? forced)
    {
        if (stream.CanSeek)
        {
            var start = stream.Position;
            var encoding = FromByteOrderMark(stream) ?? forced ?? (IsUtf8(stream) ? TableEncodings.StrictUtf8 : TableEncodings.GB18030);
            stream.Position = start;
            return (encoding, stream);
        }

        var prefix = ReadPrefix(stream);
        var chosen = FromByteOrderMark(prefix) ?? forced ?? (IsUtf8(prefix, isFinalBlock: prefix.Length < PipePrefixLength) ? TableEncodings.StrictUtf8 : TableEncodings.GB18030);
        return (chosen, new PrefixedStream(prefix, stream));
    }

    private static Encoding? FromByteOrderMark(Stream stream)
    {
        Span<byte> head = stackalloc byte[3];
        var length = 0;
        while (length < head.Length)
        {
            var read = stream.Read(head[length..]);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return FromByteOrderMark(head[..length]);
    }

    private static Encoding? FromByteOrderMark(ReadOnlySpan<byte> head) => head switch
    {
        [0xEF, 0xBB, 0xBF, ..] => TableEncodings.StrictUtf8,
        [0xFF, 0xFE, ..] => Encoding.Unicode,
        [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
        _ => null,
    };

    private static bool IsUtf8(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkLength + 4);
        try
        {
            var carried = 0;
            while (true)
            {
                var read = stream.Read(buffer, carried, ChunkLength);
                var length = carried + read;
                if (read == 0)
                {
                    return Utf8.IsValid(buffer.AsSpan(0, length));
                }

                // Validate up to the last complete sequence; carry an incomplete one into the next chunk.
                var complete = CompleteLength(buffer.AsSpan(0, length));
                if (!Utf8.IsValid(buffer.AsSpan(0, complete)))
                {
                    return false;
                }

                carried = length - complete;
                buffer.AsSpan(complete, carried).CopyTo(buffer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsUtf8(ReadOnlySpan<byte> bytes, bool isFinalBlock) =>
        Utf8.IsValid(isFinalBlock ? bytes : bytes[..CompleteLength(bytes)]);

    /// <summary>Gets the length of the bytes without a multi-byte sequence that the end cuts short.</summary>
    private static int CompleteLength(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(4, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80)
            {
                continue;
            }

            var needed = (b & 0xE0) == 0xC0 ? 2 : (b & 0xF0) == 0xE0 ? 3 : (b & 0xF8) == 0xF0 ? 4 : 1;
            return needed > back ? bytes.Length - back : bytes.Length;
        }

        return bytes.Length;
    }

    private static byte[] ReadPrefix(Stream stream)
    {
        var buffer = new byte[PipePrefixLength];
        var length = 0;
        while (length < buffer.Length)
        {
            var read = stream.Read(buffer, length, buffer.Length - length);
            if (read == 0)
            {
                break;
            }

            length += read;
        }

        return length == buffer.Length ? buffer : buffer[..length];
    }
}
