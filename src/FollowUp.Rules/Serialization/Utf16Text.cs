using System.Text;

namespace FollowUp.Rules.Serialization;

/// <summary>
/// Tells JSON saved as UTF-16 (Windows PowerShell's <c>&gt;</c>, SQL Server's <c>bcp -w</c>) from UTF-8 by its first bytes,
/// so it can be transcoded, or refused in one result, instead of read as UTF-8 into an error on every line. JSON starts
/// with ASCII (<c>{</c>, <c>[</c>, white space), which UTF-16 writes with a zero byte beside each character; UTF-8 JSON
/// holds no zero byte, since a NUL in a JSON string is written <c>\u0000</c>.
/// </summary>
internal static class Utf16Text
{
    /// <summary>Gets UTF-16 when <paramref name="head"/> starts with its byte order mark, or is UTF-16 JSON without one; else <see langword="null"/>.</summary>
    /// <param name="head">The first bytes of the input: its first line that is not blank, or more.</param>
    public static Encoding? Of(ReadOnlySpan<byte> head) => head switch
    {
        [0xFF, 0xFE, ..] => Encoding.Unicode,
        [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
        _ => WithoutByteOrderMark(head),
    };

    /// <summary>
    /// Gets UTF-16 for JSON without a byte order mark: its first character that is not white space is <c>{</c> or <c>[</c>
    /// and the next three are ASCII too, each with its zero byte on the same side (after it in little-endian, before it in
    /// big-endian); and zero bytes on that side are in at least 1/16 of the byte pairs (Chinese text holds none), on the
    /// other side in at most a quarter as many (UTF-32 has them on both). A UTF-8 file with a few stray zero bytes is
    /// broken, not UTF-16: it stays UTF-8, so each of its lines is still read or reported. Else <see langword="null"/>.
    /// </summary>
    /// <param name="head">The first bytes of the input: its first line that is not blank, or more.</param>
    public static Encoding? WithoutByteOrderMark(ReadOnlySpan<byte> head)
    {
        var bigEndian = StartsAsJson(head, bigEndian: true);
        if (!bigEndian && !StartsAsJson(head, bigEndian: false))
        {
            return null;
        }

        int zerosFirst = 0, zerosSecond = 0;
        for (var i = 0; i + 1 < head.Length; i += 2)
        {
            zerosFirst += head[i] == 0 ? 1 : 0;
            zerosSecond += head[i + 1] == 0 ? 1 : 0;
        }

        var (zeros, otherZeros) = bigEndian ? (zerosFirst, zerosSecond) : (zerosSecond, zerosFirst);
        var inProportion = zeros * 16 >= head.Length / 2 && otherZeros * 4 <= zeros;
        return !inProportion ? null : bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;
    }

    /// <summary>
    /// Whether the first UTF-16 character that is not white space is <c>{</c> or <c>[</c>, and the three after it (as many as
    /// there are) ASCII, as a record's opening (<c>{"id"</c>, <c>[{"c</c>, <c>{ "</c>) is: its field names are English. Two stray zero bytes in a
    /// short UTF-8 line (<c>{\0"\0id":…</c>) pass the proportion, but not this.
    /// </summary>
    private static bool StartsAsJson(ReadOnlySpan<byte> head, bool bigEndian)
    {
        var start = 0;
        while (start + 1 < head.Length && AsciiAt(head, start, bigEndian) is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start += 2;
        }

        if (start + 3 >= head.Length || AsciiAt(head, start, bigEndian) is not ((byte)'{' or (byte)'['))
        {
            return false;
        }

        // Up to the input's end: " []" is an empty array.
        for (var next = start + 2; next <= start + 6 && next + 1 < head.Length; next += 2)
        {
            if (AsciiAt(head, next, bigEndian) == 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Gets the character of the UTF-16 code unit at <paramref name="index"/> when it is ASCII other than NUL; else 0.</summary>
    private static byte AsciiAt(ReadOnlySpan<byte> head, int index, bool bigEndian)
    {
        var (high, low) = bigEndian ? (head[index], head[index + 1]) : (head[index + 1], head[index]);
        return high == 0 && low < 0x80 ? low : (byte)0;
    }
}
