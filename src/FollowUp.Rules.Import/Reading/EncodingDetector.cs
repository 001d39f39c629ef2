using System.Buffers;
using System.Text;
using System.Text.Unicode;
using FollowUp.Rules.Import.Text;

namespace FollowUp.Rules.Import.Reading;

/// <summary>
/// Decides the encoding of a CSV file: a byte order mark decides, then the caller's word. Otherwise UTF-16 when the start
/// has UTF-16's zero bytes in proportion (see <see cref="Utf16WithoutMark"/>), then UTF-8 when every byte is valid UTF-8.
/// When some are not, the bytes are weighed: Chinese Excel saves CSV as GB18030 (GBK) in mainland China and as Big5 in
/// Taiwan and Hong Kong, whose text is mostly invalid UTF-8, while a UTF-8 export with a stray bad byte is mostly valid
/// multi-byte UTF-8. So a legacy Chinese encoding only when the invalid UTF-8 sequences outnumber the valid multi-byte
/// ones, GB18030 fits the bytes better (fewer invalid sequences; Big5's byte ranges lie within GB18030's), and the bytes
/// hold a few characters of Chinese text in it; else UTF-8. Which of GB18030 and Big5, the text each decodes to tells
/// (see <see cref="ChineseEncodingTally"/>). Whatever the encoding, the reader reads bytes invalid in it as U+FFFD and reports their rows.
/// A seekable stream is checked whole and rewound; a pipe is checked on its first mebibyte, kept for the reader.
/// </summary>
internal static class EncodingDetector
{
    /// <summary>How much of a stream that cannot seek is looked at, and so held in memory, before the decision.</summary>
    internal const int PipePrefixLength = 1 << 20;

    private const int ChunkLength = 1 << 16;

    /// <summary>
    /// How many GB18030 Chinese characters, and invalid UTF-8 sequences, it takes to read a file as GB18030, or zero bytes to
    /// read it as UTF-16: a stray byte or two in an English file (a Windows ’ as 0x92) is no evidence of Chinese, and misread
    /// it would garble its row silently, whereas read as UTF-8 the row is reported.
    /// </summary>
    private const int MinimumEvidence = 3;

    /// <summary>How many bytes of the start are looked at for UTF-16 without a byte order mark: a header and a few rows.</summary>
    private const int Utf16SampleLength = 4096;

    /// <summary>Why a file without a byte order mark is read as UTF-16.</summary>
    private const string Utf16Evidence = "the file has no byte order mark, but zero bytes in alternate bytes, as UTF-16 text has";

    private static readonly Encoding BigEndianUtf32 = new UTF32Encoding(bigEndian: true, byteOrderMark: true);

    /// <summary>Decides the encoding and returns the stream to read the text from, positioned after any byte order mark.</summary>
    /// <returns>
    /// The encoding; why it was guessed from the bytes when it was, being neither named, nor given by a byte order mark,
    /// nor UTF-8 (GB18030, Big5, or UTF-16 without a mark), so it may be wrong; and the text in it.
    /// </returns>
    public static (Encoding Encoding, EncodingGuess? Guess, Stream Text) Detect(Stream stream, Encoding? forced)
    {
        (Encoding Encoding, EncodingGuess? Guess) decided;
        (Encoding Encoding, int Length)? mark;
        Stream text;
        if (stream.CanSeek)
        {
            var start = stream.Position;
            var head = ReadHead(stream);
            RejectWorkbook(head);
            mark = FromByteOrderMark(head);
            stream.Position = start;
            decided = Given(mark?.Encoding ?? forced) ?? Utf16WithoutMark(head, isWhole: head.Length < Utf16SampleLength)
                ?? Utf8OrWeighed(stream, start);
            stream.Position = start + (mark?.Length ?? 0);
            text = stream;
        }
        else
        {
            var prefix = ReadPrefix(stream);
            var isFinal = prefix.Length < PipePrefixLength;
            RejectWorkbook(prefix);
            mark = FromByteOrderMark(prefix);
            decided = Given(mark?.Encoding ?? forced)
                ?? Utf16WithoutMark(prefix.AsSpan(0, Math.Min(prefix.Length, Utf16SampleLength)), isWhole: prefix.Length < Utf16SampleLength)
                ?? (IsUtf8(prefix, isFinal) ? (TableEncodings.StrictUtf8, null) : Weigh(prefix, isFinal));
            text = new PrefixedStream(prefix, stream);
            if (mark is { Length: var markLength })
            {
                text.ReadExactly(new byte[markLength]);
            }
        }

        return (decided.Encoding, decided.Guess, text);
    }

    /// <summary>Gets an encoding a byte order mark or the caller gave, which is no guess.</summary>
    private static (Encoding, EncodingGuess?)? Given(Encoding? encoding) => encoding is null ? null : (encoding, null);

    /// <summary>Fails on a workbook uploaded as CSV, whose bytes would otherwise be weighed as text and reported as invalid.</summary>
    private static void RejectWorkbook(ReadOnlySpan<byte> head)
    {
        if (FileSignature.NotText(head) is { } reason)
        {
            throw new FormatException(reason);
        }
    }

    /// <summary>Gets UTF-8 when every byte from <paramref name="start"/> is valid UTF-8, else what weighing them gives.</summary>
    private static (Encoding, EncodingGuess?) Utf8OrWeighed(Stream stream, long start)
    {
        if (IsUtf8(stream))
        {
            return (TableEncodings.StrictUtf8, null);
        }

        stream.Position = start;
        return Weigh(stream);
    }

    /// <summary>Reads up to <see cref="Utf16SampleLength"/> bytes: enough for a byte order mark and for <see cref="Utf16WithoutMark"/>.</summary>
    private static byte[] ReadHead(Stream stream)
    {
        var head = new byte[Utf16SampleLength];
        var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        return head[..length];
    }

    /// <summary>
    /// Gets UTF-16 for text without a byte order mark, as some exports write it (SQL Server's <c>bcp -w</c>): each ASCII
    /// character (separators, line breaks, digits) holds a zero byte, after the character's byte in little-endian and before
    /// it in big-endian. A UTF-8 or GB18030 export may hold zero bytes too, one for each empty cell of a legacy export, so
    /// the zeros must be in proportion and on one side: at least <see cref="MinimumEvidence"/>, four times as many on one
    /// side of the byte pairs as on the other (a Chinese character such as 一, U+4E00, has one on the other side; UTF-32 has
    /// them on both), and either
    /// <list type="bullet">
    /// <item>in at least half of the pairs: ASCII-heavy UTF-16, valid UTF-8 too, but no UTF-8 text has that many NULs; or</item>
    /// <item>
    /// in at least 1/16 of the pairs of bytes that are not valid UTF-8: CJK-heavy UTF-16, whose Chinese holds no zero. Then
    /// bytes from 0x80 must be in at least 1/8 of the pairs, as Chinese in UTF-16 has them (an ASCII file with a stray
    /// Windows byte does not), and read as UTF-16 at most 1 pair in 32 may be other than Chinese text (see
    /// <see cref="NotChineseText"/>), which GB18030 is not (so CJK-heavy Korean without a byte order mark is not told).
    /// </item>
    /// </list>
    /// Else <see langword="null"/>.
    /// </summary>
    /// <param name="head">The first bytes.</param>
    /// <param name="isWhole">Whether <paramref name="head"/> is the whole file, so a sequence cut at its end is invalid.</param>
    private static (Encoding, EncodingGuess?)? Utf16WithoutMark(ReadOnlySpan<byte> head, bool isWhole)
    {
        int zerosFirst = 0, zerosSecond = 0, highBytes = 0;
        for (var i = 0; i + 1 < head.Length; i += 2)
        {
            zerosFirst += head[i] == 0 ? 1 : 0;
            zerosSecond += head[i + 1] == 0 ? 1 : 0;
            highBytes += head[i] >= 0x80 || head[i + 1] >= 0x80 ? 1 : 0;
        }

        var (bigEndian, zeros) = zerosFirst * 4 <= zerosSecond ? (false, zerosSecond)
            : zerosSecond * 4 <= zerosFirst ? (true, zerosFirst)
            : (false, 0);
        var pairs = head.Length / 2;
        if (zeros < MinimumEvidence)
        {
            return null;
        }

        var asciiHeavy = zeros * 2 >= pairs;
        var cjkHeavy = zeros * 16 >= pairs && highBytes * 8 >= pairs && !IsUtf8(head, isWhole)
            && NotChineseText(head, bigEndian) * 32 <= pairs;
        return !(asciiHeavy || cjkHeavy)
            ? null
            : (bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode, new EncodingGuess(Weak: false, Utf16Evidence));
    }

    /// <summary>
    /// Counts the byte pairs that, read as UTF-16, are not what Chinese text holds: ASCII without control characters but
    /// tab, CR, LF and NUL, Latin letters, punctuation, CJK symbols, kana and ideographs, full-width forms, or a surrogate
    /// pair (an emoji). Chinese in GB18030 read as UTF-16 gives Hangul, private-use characters and lone surrogates.
    /// </summary>
    private static int NotChineseText(ReadOnlySpan<byte> bytes, bool bigEndian)
    {
        var count = 0;
        var afterHighSurrogate = false;
        for (var i = 0; i + 1 < bytes.Length; i += 2)
        {
            var unit = (char)(bigEndian ? bytes[i] << 8 | bytes[i + 1] : bytes[i + 1] << 8 | bytes[i]);
            var text = afterHighSurrogate
                ? char.IsLowSurrogate(unit)
                : char.IsHighSurrogate(unit) || unit is '\0' or '\t' or '\n' or '\r' or (>= ' ' and <= '\u024F')
                    or (>= '\u2000' and <= '\u206F') or (>= '\u3000' and <= '\u9FFF') or (>= '\uF900' and <= '\uFAFF')
                    or (>= '\uFF00' and <= '\uFFEF');
            count += text ? 0 : 1;
            afterHighSurrogate = !afterHighSurrogate && char.IsHighSurrogate(unit);
        }

        return count;
    }

    /// <summary>Gets the encoding a byte order mark names, and the mark's length, which the reader skips.</summary>
    private static (Encoding Encoding, int Length)? FromByteOrderMark(ReadOnlySpan<byte> head) => head switch
    {
        [0xEF, 0xBB, 0xBF, ..] => (TableEncodings.StrictUtf8, 3),
        [0xFF, 0xFE, 0x00, 0x00, ..] => (Encoding.UTF32, 4),
        [0x00, 0x00, 0xFE, 0xFF, ..] => (BigEndianUtf32, 4),
        [0xFF, 0xFE, ..] => (Encoding.Unicode, 2),
        [0xFE, 0xFF, ..] => (Encoding.BigEndianUnicode, 2),
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

    /// <summary>Weighs a stream that is not valid UTF-8 as UTF-8 against GB18030 and Big5, chunk by chunk.</summary>
    private static (Encoding, EncodingGuess?) Weigh(Stream stream)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkLength + 4);
        var tally = new Tally();
        try
        {
            var carried = 0;
            while (true)
            {
                var read = stream.Read(buffer, carried, ChunkLength);
                var length = carried + read;
                tally.AddGb18030(buffer.AsSpan(carried, read), isFinalBlock: read == 0);
                var counted = tally.AddUtf8(buffer.AsSpan(0, length), isFinalBlock: read == 0);
                if (read == 0)
                {
                    return tally.Choose();
                }

                carried = length - counted;
                buffer.AsSpan(counted, carried).CopyTo(buffer);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>Weighs the first bytes of a pipe that are not valid UTF-8 as UTF-8 against GB18030 and Big5.</summary>
    private static (Encoding, EncodingGuess?) Weigh(ReadOnlySpan<byte> bytes, bool isFinalBlock)
    {
        var tally = new Tally();
        tally.AddGb18030(bytes, isFinalBlock);
        tally.AddUtf8(bytes, isFinalBlock);
        return tally.Choose();
    }

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

    /// <summary>
    /// Counts how well the bytes read as UTF-8 and as GB18030: the sequences of each that are valid or not; and, for bytes
    /// that are Chinese in a legacy encoding, what they read as in GB18030 and in Big5.
    /// </summary>
    private sealed class Tally
    {
        private readonly ChineseEncodingTally _legacy = new();

        private long _utf8MultiByte;
        private long _utf8Invalid;

        /// <summary>The common Chinese characters among the bytes' valid UTF-8 sequences (see <see cref="CommonHanzi"/>).</summary>
        private long _utf8Common;
        private long _gb18030Invalid;

        /// <summary>
        /// The valid GB18030 double-byte characters whose second byte is not ASCII, as GBK's Chinese characters and
        /// full-width punctuation are: a stray high byte before a letter (0x92 's') is valid GB18030 too, but no evidence.
        /// </summary>
        private long _gb18030Chinese;

        /// <summary>Where the GB18030 reading stands: at a character's start, or after its first, second or third byte.</summary>
        private int _gb18030Position;

        /// <summary>
        /// Gets a legacy Chinese encoding, GB18030 or Big5 as <see cref="ChineseEncodingTally"/> chooses, when the invalid
        /// UTF-8 sequences outnumber the valid multi-byte ones (or that reading is clearly Chinese and the valid UTF-8 is not:
        /// <see cref="ChineseEncodingTally.ReadsBetterThanUtf8"/>), GB18030 has fewer invalid sequences, and both the Chinese
        /// characters in GB18030 and the invalid UTF-8 sequences reach <see cref="MinimumEvidence"/>; else UTF-8, whose
        /// invalid bytes the reader reports: a stray byte in a UTF-8 or ASCII file does not make it Chinese, nor does a byte
        /// invalid in both. Asked only of bytes that are not all valid UTF-8.
        /// </summary>
        public (Encoding, EncodingGuess?) Choose()
        {
            // A short GB18030 or Big5 text can hold as many byte runs that happen to be valid UTF-8 as invalid ones; they
            // decode to no common Chinese, so a legacy reading that is clearly Chinese outweighs them.
            var mostlyUtf8 = _utf8MultiByte >= _utf8Invalid && !_legacy.ReadsBetterThanUtf8(_utf8Common);
            var gb18030FitsBetter = _gb18030Invalid < _utf8Invalid;
            var chinese = _gb18030Chinese >= MinimumEvidence && _utf8Invalid >= MinimumEvidence;
            return chinese && !mostlyUtf8 && gb18030FitsBetter ? _legacy.Choose() : (TableEncodings.StrictUtf8, null);
        }

        /// <summary>Counts UTF-8 sequences; returns how many bytes were counted, short of a sequence the end cuts when not final.</summary>
        public int AddUtf8(ReadOnlySpan<byte> bytes, bool isFinalBlock)
        {
            var chars = ArrayPool<char>.Shared.Rent(bytes.Length);
            try
            {
                var counted = 0;
                while (true)
                {
                    var rest = bytes[counted..];
                    var status = Utf8.ToUtf16(rest, chars, out var read, out var written, replaceInvalidSequences: false, isFinalBlock);
                    _utf8MultiByte += LeadBytes(rest[..read]);
                    foreach (var c in chars.AsSpan(0, written))
                    {
                        _utf8Common += CommonHanzi.Contains(c) ? 1 : 0;
                    }

                    counted += read;
                    if (status != OperationStatus.InvalidData)
                    {
                        return counted;
                    }

                    _ = Rune.DecodeFromUtf8(bytes[counted..], out _, out var invalid);
                    _utf8Invalid++;
                    counted += invalid;
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }

        /// <summary>
        /// Counts invalid GB18030 sequences, carrying a character cut by the end of the bytes into the next call. A character
        /// is one byte up to 0x7F; or a lead byte 0x81–0xFE then 0x40–0x7E or 0x80–0xFE; or four bytes: lead, 0x30–0x39, lead, 0x30–0x39.
        /// The same bytes are decoded as GB18030 and as Big5, to tell which of them the text is in.
        /// </summary>
        public void AddGb18030(ReadOnlySpan<byte> bytes, bool isFinalBlock)
        {
            _legacy.Add(bytes, isFinalBlock);
            foreach (var b in bytes)
            {
                var lead = b is >= 0x81 and <= 0xFE;
                var digit = b is >= 0x30 and <= 0x39;
                var secondByte = _gb18030Position == 1;
                (_gb18030Position, var valid) = _gb18030Position switch
                {
                    1 when b is (>= 0x40 and <= 0x7E) or (>= 0x80 and <= 0xFE) => (0, true),
                    1 when digit => (2, true),
                    2 when lead => (3, true),
                    3 when digit => (0, true),
                    0 => (lead ? 1 : 0, b <= 0x7F || lead),
                    _ => (lead ? 1 : 0, false),
                };
                _gb18030Invalid += valid ? 0 : 1;
                _gb18030Chinese += secondByte && valid && _gb18030Position == 0 && b >= 0x80 ? 1 : 0;
            }

            if (isFinalBlock && _gb18030Position != 0)
            {
                _gb18030Invalid++;
            }
        }

        /// <summary>Counts the lead bytes of valid UTF-8, one per multi-byte sequence.</summary>
        private static long LeadBytes(ReadOnlySpan<byte> validUtf8)
        {
            long count = 0;
            int at;
            while ((at = validUtf8.IndexOfAnyInRange((byte)0xC0, (byte)0xFF)) >= 0)
            {
                count++;
                validUtf8 = validUtf8[(at + 1)..];
            }

            return count;
        }
    }
}
