using System.Buffers;
using System.Globalization;
using System.Text;
using FollowUp.Rules.Import.Text;

namespace FollowUp.Rules.Import.Reading;

/// <summary>
/// Weighs GB18030 (GBK; Simplified Chinese Excel's CSV) against Big5 (Traditional Chinese Excel's, in Taiwan and Hong
/// Kong) for bytes that are Chinese in a legacy encoding. Their byte ranges overlap so much that Big5 text is nearly always
/// valid GB18030, so validity cannot tell them; what the text decodes to can. Each is decoded, and its characters other
/// than ASCII counted: common ones (<see cref="CommonHanzi"/>, in either script, so GB18030 holding Traditional text is
/// still GB18030), and bad ones, U+FFFD for invalid bytes and private-use characters. Big5 read as GB18030 makes kana,
/// private-use and rare characters (客戶 reads as a private-use character and め, 跟進 as 蛤秈); GB18030 read as Big5 makes
/// rare Traditional characters (客户 reads as 諦誧).
/// </summary>
internal sealed class ChineseEncodingTally
{
    /// <summary>
    /// How many characters other than ASCII each reading counts at most: past that the evidence is plenty, and the rest of
    /// a large file is not decoded twice more.
    /// </summary>
    private const int Enough = 1 << 16;

    /// <summary>
    /// How far the common characters of the reading chosen must outnumber its bad ones for a confident guess: a few
    /// characters (宏图建筑) can fall either way by chance.
    /// </summary>
    private const int MinimumScore = 8;

    private readonly Reading _gb18030 = new(TableEncodings.GB18030);
    private readonly Reading _big5 = new(TableEncodings.Big5);

    /// <summary>Decodes the next bytes both ways, carrying a character the end cuts into the next call, until there is <see cref="Enough"/>.</summary>
    public void Add(ReadOnlySpan<byte> bytes, bool isFinalBlock)
    {
        if (_gb18030.Other >= Enough && _big5.Other >= Enough)
        {
            return;
        }

        _gb18030.Add(bytes, isFinalBlock);
        _big5.Add(bytes, isFinalBlock);
    }

    /// <summary>
    /// Gets whether one of the readings is confidently Chinese: its common characters less bad ones reach
    /// <see cref="MinimumScore"/> and are at least three times <paramref name="utf8Common"/>, the common characters of the
    /// bytes' valid UTF-8 sequences.
    /// </summary>
    public bool ReadsBetterThanUtf8(long utf8Common) =>
        Math.Max(_gb18030.Score, _big5.Score) is var best && best >= MinimumScore && best >= 3 * utf8Common;

    /// <summary>
    /// Gets the encoding whose reading has more common characters less bad ones (GB18030 on a tie, the more usual export),
    /// and how sure that is: weak unless that score reaches <see cref="MinimumScore"/>, at least a quarter of the reading's
    /// characters other than ASCII are common ones, and the score is at least three times the other reading's.
    /// </summary>
    public (Encoding Encoding, EncodingGuess Guess) Choose()
    {
        var (chosen, other) = _big5.Score > _gb18030.Score ? (_big5, _gb18030) : (_gb18030, _big5);
        var weak = chosen.Score < MinimumScore || chosen.Common * 4 < chosen.Other || chosen.Score < 3 * other.Score;
        var bad = chosen.Bad == 0 ? "" : string.Create(CultureInfo.InvariantCulture, $" and {chosen.Bad:N0} invalid or private-use");
        var evidence = string.Create(
            CultureInfo.InvariantCulture,
            $"in {chosen.Name}, {chosen.Common:N0} of {chosen.Other:N0} characters other than ASCII are common Chinese ones{bad}; in {other.Name}, {other.Common:N0} of {other.Other:N0}");
        return (chosen.Encoding, new EncodingGuess(weak, evidence));
    }

    /// <summary>One encoding's reading of the bytes, counted.</summary>
    private sealed class Reading
    {
        private readonly Decoder _decoder;

        public Reading(Encoding encoding)
        {
            Encoding = encoding;
            Name = TableEncodings.DisplayName(encoding);
            // The code pages provider reads invalid bytes as '?' by default, which text holds too.
            var replacing = (Encoding)encoding.Clone();
            replacing.DecoderFallback = new DecoderReplacementFallback("\uFFFD");
            _decoder = replacing.GetDecoder();
        }

        public Encoding Encoding { get; }

        public string Name { get; }

        /// <summary>Gets how many characters other than ASCII the reading made.</summary>
        public long Other { get; private set; }

        /// <summary>Gets how many of them are common Chinese characters or punctuation.</summary>
        public long Common { get; private set; }

        /// <summary>Gets how many of them are U+FFFD for invalid bytes, or private-use characters, which no export means.</summary>
        public long Bad { get; private set; }

        public long Score => Common - Bad;

        public void Add(ReadOnlySpan<byte> bytes, bool flush)
        {
            var chars = ArrayPool<char>.Shared.Rent(Encoding.GetMaxCharCount(bytes.Length));
            try
            {
                var count = _decoder.GetChars(bytes, chars, flush);
                foreach (var c in chars.AsSpan(0, count))
                {
                    if (c < '\u0080')
                    {
                        continue;
                    }

                    Other++;
                    if (c is '\uFFFD' or (>= '\uE000' and <= '\uF8FF'))
                    {
                        Bad++;
                    }
                    else if (CommonHanzi.Contains(c))
                    {
                        Common++;
                    }
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(chars);
            }
        }
    }
}
