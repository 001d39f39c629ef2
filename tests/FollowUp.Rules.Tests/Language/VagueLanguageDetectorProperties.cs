using System.Text;
using FollowUp.Rules.Language;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FollowUp.Rules.Tests.Language;

/// <summary>The invariants SPEC §5 and issue 3 state for the vague-language detector, over generated notes.</summary>
public sealed class VagueLanguageDetectorProperties
{
    private static readonly VagueLanguageDetector Detector = VagueLanguageDetector.Default;

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public bool Detect_AnyText_NeverThrows(NoisyText text)
    {
        _ = Detector.Detect(text.Value);
        return true;
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public bool Detect_AnyText_SpansLieInsideTheTextAndQuoteIt(NoisyText text)
    {
        var value = text.Value;
        return Detector.Detect(value).Phrases.All(p =>
            p.Start >= 0 && p.Length > 0 && p.Start + p.Length <= value.Length && p.Text == value.Substring(p.Start, p.Length));
    }

    /// <summary>
    /// SPEC §5: hits of one category that overlap are one hit over their union, and a run of one phrase (。。。。。) is one hit
    /// over the run; only different fillers may overlap, as each measures how much of the text it covers.
    /// </summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
    public Property Detect_AnyText_OverlappingPhrasesOfOneCategoryAreDifferentFillers(NoisyText text, Repetition repetition) =>
        (OverlapsOfOneCategory(text.Value) && OverlapsOfOneCategory(repetition.Text)).Label($"'{text.Value}', '{repetition.Text}'");

    private static bool OverlapsOfOneCategory(string text)
    {
        var phrases = Detector.Detect(text).Phrases;
        return phrases.SelectMany((p, i) => phrases.Skip(i + 1).Select(q => (p, q)))
            .Where(pair => pair.p.Category == pair.q.Category && pair.p.Start < pair.q.Start + pair.q.Length && pair.q.Start < pair.p.Start + pair.p.Length)
            .All(pair => pair.p.Category == VagueCategory.NoContent && pair.p.Text != pair.q.Text);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public Property Detect_InsertingAVaguePhrase_NeverRaisesClarity(BusinessNote note, VagueInsertion insertion)
    {
        var before = Detector.Detect(note.Value).Clarity;
        var after = Detector.Detect(insertion.Into(note.Value)).Clarity;
        return (after <= before).Label($"{before} -> {after}: {insertion.Into(note.Value)}");
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public Property Detect_WhitespaceWidth_DoesNotChangeTheResult(NoisyText text, Spacing spacing)
    {
        var original = Detector.Detect(text.Value);
        var respaced = Detector.Detect(spacing.Apply(text.Value));
        return (original.Clarity == respaced.Clarity && Signature(original).SequenceEqual(Signature(respaced)))
            .Label($"'{text.Value}' vs '{spacing.Apply(text.Value)}'");
    }

    private static IEnumerable<string> Signature(VagueTextResult result) =>
        result.Phrases.Select(p => $"{p.Category}:{new string(p.Text.Where(c => !char.IsWhiteSpace(c)).ToArray())}");

    /// <summary>Any text: CJK, full-width, ASCII, punctuation, white space, controls, zero-width and lone surrogates, with lexicon phrases mixed in.</summary>
    public sealed record NoisyText(string Value)
    {
        public override string ToString() => Value;
    }

    /// <summary>A note with business content (not NoContent), built from concrete facts and words.</summary>
    public sealed record BusinessNote(string Value)
    {
        public override string ToString() => Value;
    }

    /// <summary>A shipped vague phrase inserted at a clause boundary: the start, the end, or after a clause's punctuation.</summary>
    public sealed record VagueInsertion(string Phrase, int Boundary)
    {
        public string Into(string text)
        {
            var boundaries = new List<int> { 0, text.Length };
            for (var i = 0; i < text.Length; i++)
            {
                if (text[i] is '，' or '。' or '；')
                {
                    boundaries.Add(i + 1);
                }
            }

            var at = boundaries[Boundary % boundaries.Count];
            return text[..at] + "，" + Phrase + "，" + text[at..];
        }
    }

    /// <summary>A shipped phrase written several times in a row, with or without something between.</summary>
    public sealed record Repetition(string Phrase, int Count, string Separator)
    {
        public string Text => string.Join(Separator, Enumerable.Repeat(Phrase, Count));

        public override string ToString() => Text;
    }

    /// <summary>Replaces every white-space run of a text by another width and kind of white space.</summary>
    public sealed record Spacing(string Replacement)
    {
        public string Apply(string text)
        {
            var builder = new StringBuilder(Replacement);
            var inSpace = false;
            foreach (var c in text)
            {
                if (char.IsWhiteSpace(c) && c is not ('\n' or '\r'))
                {
                    if (!inSpace)
                    {
                        builder.Append(Replacement);
                    }

                    inSpace = true;
                }
                else
                {
                    builder.Append(c);
                    inSpace = false;
                }
            }

            return builder.Append(Replacement).ToString();
        }
    }

    public static class Arbitraries
    {
        private static readonly string[] Phrases = ShippedLexicon.Files
            .Where(f => f.File.Kind is "Vague" or "Risk")
            .SelectMany(f => f.File.Entries.Where(e => !e.Phrase.Contains(LexiconEntry.GapMarker, StringComparison.Ordinal)).Select(e => e.Phrase))
            .ToArray();

        /// <summary>The shipped fillers: some overlap themselves when repeated (。。。, 测试测试, test test).</summary>
        private static readonly string[] Fillers = ShippedLexicon.Files
            .Where(f => f.File.Kind == "Vague" && f.File.Category == nameof(VagueCategory.NoContent))
            .SelectMany(f => f.File.Entries.Select(e => e.Phrase))
            .ToArray();

        private static readonly string[] InsertableVague = ShippedLexicon.Files
            .Where(f => f.File.Kind == "Vague" && f.File.Category != nameof(VagueCategory.NoContent))
            .SelectMany(f => f.File.Entries.Where(e => !e.WholeText && !e.Phrase.Contains(LexiconEntry.GapMarker, StringComparison.Ordinal)))
            .Select(e => e.Phrase)
            .Where(p => Detector.Detect($"，{p}，").Phrases.Count > 0)
            .ToArray();

        private static readonly string[] Facts =
        [
            "12 月 5 日前", "周四上午", "15:00", "预算 36 万", "首批 80 台", "200 套", "下调 5%", "ERP 替换", "CRM 系统",
            "Dec 12", "400k", "30 units", "2026-11-20", "合同金额 45 万", "3 个点位",
        ];

        private static readonly string[] Words =
        [
            "上门拜访", "采购部李工", "确认", "交付", "发送正式报价单", "技术交流", "样机测试", "签合同", "客户反馈", "库存不准",
            "met the CFO", "signed", "delivered", "demo done", "contract draft", "电话沟通",
        ];

        public static Arbitrary<NoisyText> NoisyText()
        {
            var character = Gen.OneOf(
                Gen.Choose(0x4E00, 0x9FFF).Select(c => ((char)c).ToString()),
                Gen.Choose(0x20, 0x7E).Select(c => ((char)c).ToString()),
                Gen.Choose(0xFF01, 0xFF5E).Select(c => ((char)c).ToString()),
                Gen.Elements(" ", "  ", "\t", "\u3000", "\n", "\u200B", "\u200D", "\uFEFF", "\u0001", "\u0007", "\uD800", "\uDC00", "，", "。", "…", "、"),
                Gen.Elements(Phrases));
            return Gen.ListOf(character).Select(parts => new NoisyText(string.Concat(parts))).ToArbitrary();
        }

        public static Arbitrary<BusinessNote> BusinessNote()
        {
            var part = Gen.OneOf(Gen.Elements(Facts), Gen.Elements(Words));
            return Gen.Choose(1, 5)
                .SelectMany(n => Gen.ArrayOf(part, n))
                .Select(parts => new BusinessNote(string.Join("，", parts)))
                .Where(note => Detector.Detect(note.Value).Clarity != ClarityLevel.NoContent)
                .ToArbitrary();
        }

        public static Arbitrary<VagueInsertion> VagueInsertion() =>
            Gen.Elements(InsertableVague).SelectMany(p => Gen.Choose(0, 20).Select(b => new VagueInsertion(p, b))).ToArbitrary();

        public static Arbitrary<Repetition> Repetition() =>
            (from phrase in Gen.Frequency((1, Gen.Elements(Phrases)), (3, Gen.Elements(Fillers)))
             from count in Gen.Choose(2, 9)
             from separator in Gen.Elements("", " ", "，")
             select new Repetition(phrase, count, separator)).ToArbitrary();

        public static Arbitrary<Spacing> Spacing() =>
            Gen.Elements(" ", "  ", "   ", "\t", "\u3000", " \u3000 ", "\u00A0").Select(s => new Spacing(s)).ToArbitrary();
    }
}
