using FollowUp.Rules.Risk;
using FollowUp.Rules.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace FollowUp.Rules.Tests.Risk;

/// <summary>The invariants SPEC §6 and issue 4 state for the risk assessment, over generated records and signals.</summary>
public sealed class RiskAssessmentProperties
{
    private static readonly FollowUpEvaluator Evaluator = new(FollowUpRuleSet.Default, new FakeTimeProvider(RecordGen.Now));

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public Property Score_IsWithinZeroAndOneHundredAndMatchesItsLevel(FollowUpRecord record)
    {
        var risk = Evaluator.Evaluate(record).Risk;
        return (risk.Score is >= 0 and <= 100 && risk.Level == FollowUpRuleSet.Default.RiskLevels.LevelOf(risk.Score)).Label($"{risk.Score} {risk.Level}");
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 500)]
    public Property RiskScore_AddingASignal_NeverLowersIt(RiskSignal[] signals, RiskSignal added)
    {
        var before = EvaluationBuilder.RiskScore(signals);
        var after = EvaluationBuilder.RiskScore([.. signals, added]);
        return (after >= before && after <= 100).Label($"{before} -> {after}");
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public bool Signals_SameInputAndTime_AreIdentical(FollowUpRecord record) =>
        Evaluator.Evaluate(record).Risk.Signals.SequenceEqual(Evaluator.Evaluate(record).Risk.Signals);

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public Property MovingNowLater_NeverRemovesStaleOrOverdue(FollowUpRecord record, PositiveInt hoursLater)
    {
        var later = new FollowUpEvaluator(FollowUpRuleSet.Default, new FakeTimeProvider(RecordGen.Now.AddHours(hoursLater.Get)));
        string[] timed = [RiskSignalCodes.Stale, RiskSignalCodes.NextActionOverdue];
        var before = Evaluator.Evaluate(record).Risk.Signals.Where(s => timed.Contains(s.Code)).Select(s => s.Code).ToHashSet();
        var after = later.Evaluate(record).Risk.Signals.Where(s => timed.Contains(s.Code)).Select(s => s.Code).ToHashSet();
        return before.IsSubsetOf(after).Label($"now + {hoursLater.Get}h: {string.Join(",", before)} -> {string.Join(",", after)}");
    }

    public static class Arbitraries
    {
        private static readonly string[] Codes = [.. FollowUpRuleSet.Default.Signals.Select(s => s.Code)];

        public static Arbitrary<FollowUpRecord> Record() => RecordGen.Record.ToArbitrary();

        public static Arbitrary<RiskSignal> Signal() =>
            (from code in Gen.Elements(Codes)
             from weight in Gen.Choose(0, 100)
             select new RiskSignal(code, "communications[0].summary", "evidence", weight / 100.0)).ToArbitrary();
    }
}
