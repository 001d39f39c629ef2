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
    /// and the next one is ASCII too, each with its zero byte on the same side (after it in little-endian, before it in
    /// big-endian); zero bytes on that side are in at least 1/16 of the byte pairs (Chinese text holds none), on the other
    /// side in at most a quarter as many (UTF-32 has them on both); and either the three characters after the brace are
    /// ASCII, as a record's English field names are, or there are at least eight such zero bytes (a first key in Chinese).
    /// Two stray zero bytes in a short UTF-8 line (<c>{\0"\0id":…</c>) pass the proportion but neither of the last. A UTF-8
    /// file with a few stray zero bytes is broken, not UTF-16: it stays UTF-8, so each of its lines is still read or
    /// reported. Else <see langword="null"/>.
    /// </summary>
    /// <param name="head">The first bytes of the input: its first line that is not blank, or more.</param>
    public static Encoding? WithoutByteOrderMark(ReadOnlySpan<byte> head)
    {
        var bigEndianOpening = Opening(head, bigEndian: true);
        var bigEndian = bigEndianOpening >= 0;
        var asciiAfter = bigEndian ? bigEndianOpening : Opening(head, bigEndian: false);
        if (asciiAfter < 0)
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
        var enough = asciiAfter >= 3 || zeros >= 8;
        return !(inProportion && enough) ? null : bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;
    }

    /// <summary>
    /// Reads the opening of UTF-16 JSON: the first character that is not white space must be <c>{</c> or <c>[</c> and the next
    /// ASCII. Returns how many of the three characters after the brace are ASCII, counting those past the input's end
    /// (<c>" []"</c> is an empty array); -1 when it does not open so.
    /// </summary>
    private static int Opening(ReadOnlySpan<byte> head, bool bigEndian)
    {
        var start = 0;
        while (start + 1 < head.Length && AsciiAt(head, start, bigEndian) is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start += 2;
        }

        if (start + 3 >= head.Length || AsciiAt(head, start, bigEndian) is not ((byte)'{' or (byte)'[') || AsciiAt(head, start + 2, bigEndian) == 0)
        {
            return -1;
        }

        var ascii = 0;
        for (var next = start + 2; next <= start + 6; next += 2)
        {
            if (next + 1 < head.Length && AsciiAt(head, next, bigEndian) == 0)
            {
                break;
            }

            ascii++;
        }

        return ascii;
    }

    /// <summary>Gets the character of the UTF-16 code unit at <paramref name="index"/> when it is ASCII other than NUL; else 0.</summary>
    private static byte AsciiAt(ReadOnlySpan<byte> head, int index, bool bigEndian)
    {
        var (high, low) = bigEndian ? (head[index], head[index + 1]) : (head[index + 1], head[index]);
        return high == 0 && low < 0x80 ? low : (byte)0;
    }
}
