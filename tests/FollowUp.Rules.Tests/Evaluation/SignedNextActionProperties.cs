using FsCheck.Xunit;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Risk;
using FollowUp.Rules.Tests.Generators;
using FollowUp.Rules.Tests.TestData;
using static FollowUp.Rules.Tests.FollowUpEvaluatorPropertyTests;

namespace FollowUp.Rules.Tests.Evaluation;

/// <summary>
/// A next action written on a signed deal is held to its due date in every profile, whatever else the record holds: a date
/// ahead never adds a due-date finding, and a date passed always raises one.
/// </summary>
public sealed class SignedNextActionProperties
{
    private static readonly FollowUpEvaluator Evaluator = TestClock.Evaluator();

    private const string Action = "12 月 1 日上线培训，培训 IT 与车间主管";

    private static bool IsDueDateFinding(Finding finding) => finding.Code is FindingCodes.NextActionDueInPast or FindingCodes.NextActionOverdue;

    private static FollowUpRecord SignedWith(FollowUpRecord record, string? action, DateTimeOffset? due) =>
        record.WithProgress(p => p with { Stage = DealStage.Signed, NextAction = action, NextActionDue = due is { } at ? at : default });

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void AddingAFutureDatedNextAction_ToASignedRecord_NeverAddsADueDateFinding(GeneratedRecord generated, byte daysAhead)
    {
        var without = SignedWith(generated.Record, null, null);
        var with = SignedWith(generated.Record, Action, TestClock.DaysFromNow(1 + (daysAhead % 60)));

        foreach (var profile in RecordGen.Scenarios)
        {
            var before = Evaluator.Evaluate(without, profile);
            var after = Evaluator.Evaluate(with, profile);

            Assert.Equal(before.Findings.Count(IsDueDateFinding), after.Findings.Count(IsDueDateFinding));
            Assert.DoesNotContain(after.Risk.Signals, s => s.Code == RiskSignalCodes.NextActionOverdue);
            Assert.DoesNotContain(after.Deductions, d => d.Code == DeductionCodes.NextActionOverdue);
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void APastDueNextAction_OnASignedRecord_IsReportedInEveryProfile(GeneratedRecord generated, byte daysAgo)
    {
        var record = SignedWith(generated.Record, Action, TestClock.DaysFromNow(-1 - (daysAgo % 60)));

        foreach (var profile in RecordGen.Scenarios)
        {
            var evaluation = Evaluator.Evaluate(record, profile);

            Assert.Contains(evaluation.Findings, f => f.Code == FindingCodes.NextActionDueInPast && f.Field == "progress.nextActionDue");
            Assert.Contains(evaluation.Risk.Signals, s => s.Code == RiskSignalCodes.NextActionOverdue);
        }
    }
}
