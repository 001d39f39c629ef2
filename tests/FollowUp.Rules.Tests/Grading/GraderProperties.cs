using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;
using FollowUp.Rules.Risk;
using FollowUp.Rules.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace FollowUp.Rules.Tests.Grading;

/// <summary>The invariants of the quality grade (SPEC §7, issue 5), over generated records.</summary>
public sealed class GraderProperties
{
    private static readonly FollowUpEvaluator Evaluator = new(FollowUpRuleSet.Default, new FakeTimeProvider(RecordGen.Now));

    /// <summary>Every grade cap set, at C, so that the caps' own invariants are checked over the same records.</summary>
    private static readonly FollowUpEvaluator CappedEvaluator = FollowUpEvaluator.Create(
        o =>
        {
            o.Grades.Caps.VagueLatestContact = Grade.C;
            o.Grades.Caps.UnansweredRisk = Grade.C;
            o.Grades.Caps.OverdueNextAction = Grade.C;
        },
        new FakeTimeProvider(RecordGen.Now));

    /// <summary>A cap only lowers the grade, never touches the score, and a lowered grade always says why.</summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public Property Caps_OnlyLowerTheGradeLeaveTheScoreAndExplainEachLowering(FollowUpRecord record)
    {
        var plain = Evaluator.Evaluate(record);
        var capped = CappedEvaluator.Evaluate(record);
        var explained = capped.Findings.Any(f => f.Code == FindingCodes.GradeCapped);

        return (capped.Score == plain.Score && capped.Grade >= plain.Grade && (capped.Grade != plain.Grade) == explained
                && capped.Grade == (explained ? (plain.Grade > Grade.C ? plain.Grade : Grade.C) : plain.Grade))
            .Label($"{plain.Grade} ({plain.Score}) capped to {capped.Grade}, explained {explained}");
    }

    /// <summary>With every cap set, filling a missing field never lowers the grade, as it never lowers the score.</summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public Property FillingAMissingRequiredField_NeverLowersTheCappedGrade(FollowUpRecord record, Fill fill)
    {
        if (FillOneMissing(CappedEvaluator, record, fill) is not var (path, before, after))
        {
            return true.ToProperty();
        }

        return (after.Grade <= before.Grade).Label(
            $"{path} := '{fill.Text}'/{fill.Time:O}: {before.Grade} ({before.Score}) -> {after.Grade} ({after.Score}); caps "
            + string.Join(" | ", after.Findings.Where(f => f.Code == FindingCodes.GradeCapped).Select(f => f.Field)));
    }

    /// <summary>
    /// Fills one of the fields a record's evaluation lists as missing (not <c>risks</c>), chosen by <paramref name="fill"/>, and
    /// evaluates the record before and after; <see langword="null"/> when nothing is missing or the field cannot be filled.
    /// </summary>
    private static (string Path, FollowUpEvaluation Before, FollowUpEvaluation After)? FillOneMissing(FollowUpEvaluator evaluator, FollowUpRecord record, Fill fill)
    {
        var before = evaluator.Evaluate(record);
        var missing = before.Completeness.Steps.SelectMany(s => s.Missing).Where(p => p is not "risks").ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        var path = missing[fill.Index % missing.Count];
        return RecordEditor.Fill(record, path, fill.Text, fill.Time, fill.Index) is { } filled ? (path, before, evaluator.Evaluate(filled)) : null;
    }

    /// <summary>With every cap set, adding a vague phrase never raises the grade.</summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public Property AddingAVaguePhrase_NeverRaisesTheCappedGrade(FollowUpRecord record, VaguePhraseChoice choice)
    {
        var before = CappedEvaluator.Evaluate(record);
        if (choice.AppendTo(record) is not { } changed)
        {
            return true.ToProperty();
        }

        var after = CappedEvaluator.Evaluate(changed);
        return (after.Grade >= before.Grade).Label($"'{choice.Phrase}' in {choice.Field}: {before.Grade} -> {after.Grade}");
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public Property Score_IsBoundedAndExplainedExactlyByTheDeductions(FollowUpRecord record)
    {
        var evaluation = Evaluator.Evaluate(record);
        var lost = evaluation.Deductions.Sum(d => (decimal)d.Points);
        return (evaluation.Score is >= 0 and <= 100 && (decimal)evaluation.Score == 100 - lost && evaluation.Deductions.All(d => d.Points > 0))
            .Label($"score {evaluation.Score}, deductions {lost}");
    }

    /// <summary>
    /// The parts count points in hundredths by double arithmetic where that is safe: the result must be decimal rounding's, for
    /// any points and for the midpoints (0.125, 1.005) where a double and a decimal disagree most.
    /// </summary>
    [Property(MaxTest = 2000)]
    public Property Hundredths_AreDecimalRounding(NonNegativeInt hundredths, NormalFloat any, bool toEven)
    {
        var mode = toEven ? MidpointRounding.ToEven : MidpointRounding.AwayFromZero;
        var midpoint = (hundredths.Get % 100_000 * 10 + 5) / 1000.0;
        var arbitrary = Math.Abs(any.Get) % 1000;
        var large = Math.Abs(any.Get) * 1e7 % 1e10;
        return new[] { midpoint, arbitrary, midpoint + 0.0001, large, 999_999.995, 1e6 + 0.005, 3_128_629_552.094997, 7_156_866_321.3049965 }
            .All(points => Grader.Hundredths(points, mode) == (long)(Math.Round((decimal)points, 2, mode) * 100))
            .Label($"{midpoint}, {arbitrary}, {mode}");
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public Property FillingAMissingRequiredField_NeverLowersTheScoreOrAStepScore(FollowUpRecord record, Fill fill)
    {
        if (FillOneMissing(Evaluator, record, fill) is not var (path, before, after))
        {
            return true.ToProperty();
        }

        var stepsHold = before.Completeness.Steps.Zip(after.Completeness.Steps).All(p => p.Second.Score >= p.First.Score);
        return (after.Score >= before.Score && stepsHold)
            .Label($"{path} := '{fill.Text}'/{fill.Time:O}: score {before.Score} -> {after.Score}; steps "
                + string.Join(", ", before.Completeness.Steps.Zip(after.Completeness.Steps).Select(p => $"{p.First.Score}->{p.Second.Score}")));
    }

    /// <summary>
    /// A date written so that it cannot be read (a day its month lacks, no year, an hour past 23, day first, a relative day)
    /// is scored as missing: it never costs more than leaving the field empty, in the score or the capped grade.
    /// </summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public Property WritingADateUnreadably_NeverCostsMoreThanLeavingItOut(FollowUpRecord record, UnreadableDate date)
    {
        if (date.Write(record, Timestamp.Parse(date.Text)) is not { } unreadable || date.Write(record, default) is not { } removed)
        {
            return true.ToProperty();
        }

        var (written, left) = (Evaluator.Evaluate(unreadable), Evaluator.Evaluate(removed));
        var (writtenCapped, leftCapped) = (CappedEvaluator.Evaluate(unreadable), CappedEvaluator.Evaluate(removed));
        return (written.Score >= left.Score && writtenCapped.Grade <= leftCapped.Grade)
            .Label($"{date.Field} '{date.Text}': {written.Score} ({writtenCapped.Grade}) vs left out {left.Score} ({leftCapped.Grade})");
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public Property AddingAVaguePhrase_NeverRaisesTheScore(FollowUpRecord record, VaguePhraseChoice choice)
    {
        var before = Evaluator.Evaluate(record);
        var changed = choice.AppendTo(record);
        if (changed is null)
        {
            return true.ToProperty();
        }

        var after = Evaluator.Evaluate(changed);
        return (after.Score <= before.Score).Label(
            $"'{choice.Phrase}' in {choice.Field}: {before.Score} -> {after.Score} for {Serialization.FollowUpJson.Serialize(record)}");
    }

    /// <summary>
    /// Answers as salespeople write them: concrete, vague (加强沟通, 尽快跟进), too short. A note whose countermeasure is 待补充 or
    /// "-" answers nothing (SPEC §3: a risks entry with a countermeasure), so it is not an answer this invariant is about.
    /// </summary>
    private static readonly string[] Countermeasures =
        ["12 月 5 日前由李明上门演示差异化方案，附报价对比", "加强沟通", "尽快跟进", "跟进", "Follow up soon", "再说", "12 月 5 日前尽快上门演示"];

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public Property AnsweringADetectedRisk_NeverLowersTheScore(FollowUpRecord record, int pick)
    {
        var before = Evaluator.Evaluate(record);
        var codes = before.Risk.Signals.Select(s => s.Code).Where(c => FollowUpRuleSet.Default.Signals.Single(d => d.Code == c).RequiresCountermeasure).Distinct().ToList();
        if (codes.Count == 0)
        {
            return true.ToProperty();
        }

        var code = codes[Math.Abs(pick) % codes.Count];
        var countermeasure = Countermeasures[Math.Abs(pick / 7) % Countermeasures.Length];
        var answered = record with
        {
            Risks = [.. record.Risks ?? [], new RiskNote { Kind = code, Countermeasure = countermeasure }],
        };
        var after = Evaluator.Evaluate(answered);
        return (after.Score >= before.Score).Label($"answering {code} with '{countermeasure}': {before.Score} -> {after.Score}");
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public Property ClarifyingOneOfSeveralRiskNotes_NeverLowersTheScore(FollowUpRecord record, RiskNotes notes)
    {
        // One note's countermeasure moves one step up the ladder (missing, 待补充, vague, partly vague, concrete) while the
        // other notes, which may name the same risks in their kinds or descriptions, stay as they are.
        FollowUpRecord With(string? countermeasure) => record with
        {
            Risks = [.. record.Risks ?? [], .. notes.Notes.Select((n, i) => i == notes.Climbing ? n with { Countermeasure = countermeasure } : n)],
        };

        var before = Evaluator.Evaluate(With(RiskNotes.Ladder[notes.Step]));
        var after = Evaluator.Evaluate(With(RiskNotes.Ladder[notes.Step + 1]));
        return (after.Score >= before.Score).Label(
            $"note {notes.Climbing} '{RiskNotes.Ladder[notes.Step]}' -> '{RiskNotes.Ladder[notes.Step + 1]}': {before.Score} -> {after.Score}; "
            + string.Join(" | ", notes.Notes.Select(n => $"{n.Kind}/{n.Description}/{n.Countermeasure}")));
    }

    /// <summary>Summaries as salespeople write them: vague, partly vague, empty of content, marked unknown, missing.</summary>
    private static readonly string?[] Summaries = ["跟进中", "等客户回复", "沈总确认预算 80 万，等客户回复", "同上", "待补充", "x", null];

    private const string ConcreteSummary = "12 月 3 日上门演示 WMS，确认首批 80 台";

    /// <summary>
    /// The latest contact's summary weighs more than an older entry's: the same text costs at least as much in the latest
    /// entry as in an older one, the other entry's summary concrete and the rest of the record as it is.
    /// </summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public Property SameSummary_CostsAtLeastAsMuchInTheLatestContactAsInAnOlderOne(FollowUpRecord record, int pick)
    {
        var offset = FollowUpRuleSet.Default.DefaultUtcOffset;
        var timed = (record.Communications ?? []).Select((c, i) => (Index: i, At: c?.At.Resolve(offset))).Where(e => e.At is not null).ToList();
        var latest = timed.Count == 0 ? -1 : timed.MaxBy(e => e.At)!.Index;
        var olderOnes = timed.Where(e => e.At < timed.Max(t => t.At)).ToList();
        if (latest < 0 || olderOnes.Count == 0)
        {
            return true.ToProperty();
        }

        var older = olderOnes[Math.Abs(pick % olderOnes.Count)].Index;
        var summary = Summaries[Math.Abs(pick / 7 % Summaries.Length)];
        FollowUpRecord With(string? inLatest, string? inOlder) => record with
        {
            Communications = [.. record.Communications!.Select((c, i) => i == latest ? c! with { Summary = inLatest } : i == older ? c! with { Summary = inOlder } : c)],
        };

        var inLatestEntry = Evaluator.Evaluate(With(summary, ConcreteSummary));
        var inOlderEntry = Evaluator.Evaluate(With(ConcreteSummary, summary));
        return (inLatestEntry.Score <= inOlderEntry.Score).Label(
            $"'{summary}' in the latest entry {latest}: {inLatestEntry.Score}; in the older entry {older}: {inOlderEntry.Score}");
    }

    [Property(MaxTest = 500)]
    public bool GradeOf_IsMonotoneInScore(double first, double second)
    {
        var scale = FollowUpRuleSet.Default.Grades;
        var (low, high) = first <= second ? (first, second) : (second, first);
        return !double.IsFinite(low) || !double.IsFinite(high) || scale.GradeOf(high) <= scale.GradeOf(low);
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public bool Evaluate_IsDeterministicForAFixedClock(FollowUpRecord record) =>
        Serialization.FollowUpJson.Serialize(Evaluator.Evaluate(record)) == Serialization.FollowUpJson.Serialize(Evaluator.Evaluate(record));

    /// <summary>A value to fill a missing field with: text (any kind, vague or risky included), a time, and an enum choice.</summary>
    public sealed record Fill(string Text, DateTimeOffset Time, int Index);

    /// <summary>A date field (an entry's contact time by <see cref="Entry"/>) and a text that is no readable date.</summary>
    public sealed record UnreadableDate(string Field, int Entry, string Text)
    {
        /// <summary>The record with the field set to <paramref name="value"/>; <see langword="null"/> when it has no such entry.</summary>
        public FollowUpRecord? Write(FollowUpRecord record, Timestamp value) => Field switch
        {
            "recordedAt" => record with { RecordedAt = value },
            "progress.stageSince" => record with { Progress = (record.Progress ?? new DealProgress()) with { StageSince = value } },
            "progress.nextActionDue" => record with { Progress = (record.Progress ?? new DealProgress()) with { NextActionDue = value } },
            _ when record.Communications is { Count: > 0 } log && log[Entry % log.Count] is { } entry =>
                record with { Communications = [.. log.Select((c, i) => i == Entry % log.Count ? entry with { At = value } : c)] },
            _ => null,
        };
    }

    /// <summary>One to three risk notes, kinds and descriptions naming signals or not, and which note's countermeasure climbs which step.</summary>
    public sealed record RiskNotes(RiskNote[] Notes, int Climbing, int Step)
    {
        /// <summary>Countermeasures from least to most answered: missing, 待补充, vague, partly vague, concrete.</summary>
        public static readonly string?[] Ladder = [null, "待补充", "加强沟通", "12 月 5 日前尽快上门演示", "12 月 5 日前由李明上门演示差异化方案，附报价对比"];
    }

    /// <summary>
    /// A vague phrase to append, at a clause boundary, to a free-text field that is filled (with business content or only a
    /// filler such as 同上: an empty field gains its completeness credit, which SPEC §7 allows).
    /// </summary>
    public sealed record VaguePhraseChoice(string Phrase, string Field)
    {
        public FollowUpRecord? AppendTo(FollowUpRecord record)
        {
            static bool HasContent(string? text) => text is not null && text.Any(char.IsLetterOrDigit);
            string Append(string text) => $"{text}，{Phrase}。";
            return Field switch
            {
                "needs.summary" when HasContent(record.Needs?.Summary) => record with { Needs = record.Needs! with { Summary = Append(record.Needs!.Summary!) } },
                "progress.nextAction" when HasContent(record.Progress?.NextAction) =>
                    record with { Progress = record.Progress! with { NextAction = Append(record.Progress!.NextAction!) } },
                "communications[0].summary" when record.Communications is [{ } first, ..] && HasContent(first.Summary) =>
                    record with { Communications = [first with { Summary = Append(first.Summary!) }, .. record.Communications.Skip(1)] },
                _ => null,
            };
        }
    }

    public static class Arbitraries
    {
        private static readonly string[] VaguePhrases = ShippedLexicon.Files
            .Where(f => f.File.Kind == "Vague" && f.File.Category != nameof(VagueCategory.NoContent))
            .SelectMany(f => f.File.Entries)
            .Where(e => !e.WholeText && !e.Phrase.Contains(LexiconEntry.GapMarker, StringComparison.Ordinal))
            .Select(e => e.Phrase)
            .ToArray();

        public static Arbitrary<FollowUpRecord> Record() => RecordGen.Record.ToArbitrary();

        public static Arbitrary<Fill> Fill() =>
            (from text in Gen.Elements("跟进中", "客户有意向", "客户说价格太贵了，别家便宜两成", "待补充", "确认首批 80 台，12 月 10 日前交付", "-", "x",
                "Customer unhappy, filed a complaint", "打了三次电话都无人接听", "数量从100套增至200套", "没有预算")
             from hours in Gen.Choose(-90 * 24, 30 * 24)
             from index in Gen.Choose(0, 1000)
             select new Fill(text, RecordGen.Now.AddHours(hours), index)).ToArbitrary();

        public static Arbitrary<RiskNotes> RiskNotes() =>
            (from count in Gen.Choose(1, 3)
             from notes in Gen.ArrayOf(
                 from kind in Gen.Elements<string?>(null, "Competitor", "Hesitation", "PriceObjection", "NegativeFeedback", "NegativeLastFeedback",
                     "SingleThreaded", "NoOwner", "StalledStage", "竞争对手", "价格", "其他")
                 from description in Gen.Elements<string?>(null, "客户有顾虑", "本周收到一起客诉", "友商低价", "客户说再考虑看看", "暂无明显风险", "交付周期紧张")
                 from countermeasure in Gen.Elements(Grading.GraderProperties.RiskNotes.Ladder)
                 select new RiskNote { Kind = kind, Description = description, Countermeasure = countermeasure }, count)
             from climbing in Gen.Choose(0, count - 1)
             from step in Gen.Choose(0, Grading.GraderProperties.RiskNotes.Ladder.Length - 2)
             select new RiskNotes(notes, climbing, step)).ToArbitrary();

        public static Arbitrary<UnreadableDate> UnreadableDate() =>
            (from field in Gen.Elements("recordedAt", "progress.stageSince", "progress.nextActionDue", "communications[].at")
             from entry in Gen.Choose(0, 2)
             from text in Gen.Elements("2026/11/31 10:00", "2026-02-29", "11月26日", "11/26 10:00", "2026-11-20 25:00", "20/11/2026", "上周三")
             select new UnreadableDate(field, entry, text)).ToArbitrary();

        public static Arbitrary<VaguePhraseChoice> VaguePhraseChoice() =>
            (from phrase in Gen.Elements(VaguePhrases)
             from field in Gen.Elements("needs.summary", "progress.nextAction", "communications[0].summary")
             select new VaguePhraseChoice(phrase, field)).ToArbitrary();
    }
}
