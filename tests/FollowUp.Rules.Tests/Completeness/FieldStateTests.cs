using FluentValidation;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Profiles;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests.Completeness;

/// <summary>
/// SPEC §2 through the evaluator: every checked field is Filled, Acknowledged or Missing. The ToB Needs step has four checks
/// (summary, quantity, budget, pain points or concerns), so one field changes its score by a quarter: Missing earns 0 of it,
/// Acknowledged the profile's credit of 0.5, Filled all of it.
/// </summary>
public class FieldStateTests
{
    private static FollowUpEvaluation EvaluateWithBudget(string? budget, FollowUpEvaluator? evaluator = null) =>
        (evaluator ?? TestClock.Evaluator()).Evaluate(SampleRecords.CompleteToB().WithNeeds(n => n with { Budget = budget }));

    [Theory]
    [InlineData("50万")]
    [InlineData("5")]
    [InlineData("预算 30-50 万，年底前走完审批")]
    public void Filled_RealValue_EarnsFullCreditWithoutFinding(string budget)
    {
        var evaluation = EvaluateWithBudget(budget);

        var needs = evaluation.Step(FollowUpStep.Needs);
        Assert.Equal(100, needs.Score);
        Assert.Empty(needs.Missing);
        Assert.Empty(needs.Acknowledged);
        Assert.Empty(evaluation.FindingsOn("needs.budget"));
    }

    [Theory]
    [InlineData("待补充")]
    [InlineData("客户暂未明确")]
    [InlineData("未透露")]
    [InlineData("TBD - customer did not say")]
    [InlineData("客户不愿透露")]
    [InlineData("待確認")]
    [InlineData("Not disclosed")]
    [InlineData("未提")]
    [InlineData("未提及")]
    [InlineData("客户没说")]
    [InlineData("沒說")]
    public void Acknowledged_ReasonInWords_EarnsPartialCreditAndAWarning(string budget)
    {
        var evaluation = EvaluateWithBudget(budget);

        var needs = evaluation.Step(FollowUpStep.Needs);
        Assert.Equal(["needs.budget"], needs.Acknowledged);
        Assert.Empty(needs.Missing);
        Assert.Equal(100 * (3 + 0.5) / 4, needs.Score);
        var finding = Assert.Single(evaluation.FindingsOn("needs.budget"));
        Assert.Equal(FindingCodes.FieldAcknowledged, finding.Code);
        Assert.Equal(Severity.Warning, finding.Severity);
        Assert.Equal(budget, finding.Value);
        Assert.Contains(budget, finding.Message, StringComparison.Ordinal);
    }

    /// <summary>A pain point that says it was not given (未提, 沒說) is acknowledged, as 待补充 is: not a pain point filled in.</summary>
    [Theory]
    [InlineData("未提")]
    [InlineData("没提。")]
    [InlineData("沒提")]
    [InlineData("未说")]
    [InlineData("未說")]
    [InlineData("客户没说")]
    [InlineData("客户没提")]
    [InlineData("未提及")]
    [InlineData("没有提到")]
    [InlineData("客户没讲")]
    [InlineData("客户未讲")]
    [InlineData("Not mentioned")]
    [InlineData("待补充")]
    public void Acknowledged_PainPointNotGiven_IsNotFilled(string painPoint)
    {
        var evaluation = TestClock.Evaluator().Evaluate(SampleRecords.CompleteToB().WithNeeds(n => n with { PainPoints = [painPoint], Concerns = null }));

        Assert.Equal(["needs.painPoints"], evaluation.Step(FollowUpStep.Needs).Acknowledged);
    }

    /// <summary>
    /// 未提 and 没说 say a value was not given only as the whole value: in a longer one they begin other words (未提交) or
    /// report what was said.
    /// </summary>
    [Theory]
    [InlineData("未提交的工单积压 200 张")]
    [InlineData("没说清楚需求，方案反复返工")]
    [InlineData("提了三次需求都没提上日程")]
    public void Filled_PainPointHoldingAWholeValuePhrase_IsFilled(string painPoint)
    {
        var evaluation = TestClock.Evaluator().Evaluate(SampleRecords.CompleteToB().WithNeeds(n => n with { PainPoints = [painPoint], Concerns = null }));

        Assert.Empty(evaluation.Step(FollowUpStep.Needs).Acknowledged);
        Assert.Empty(evaluation.Step(FollowUpStep.Needs).Missing);
    }

    [Theory]
    [InlineData("待定")]
    [InlineData("未定")]
    [InlineData("TBD")]
    [InlineData("to be determined")]
    [InlineData("看情况")]
    [InlineData("待定。")]
    [InlineData("TBD ")]
    public void Acknowledged_ValueSayingOnlyThatItIsNotSettled_EarnsPartialCreditAndAWarning(string budget)
    {
        var evaluation = EvaluateWithBudget(budget);

        Assert.Equal(["needs.budget"], evaluation.Step(FollowUpStep.Needs).Acknowledged);
        var finding = Assert.Single(evaluation.FindingsOn("needs.budget"));
        Assert.Equal((FindingCodes.FieldAcknowledged, budget), (finding.Code, finding.Value));
    }

    [Theory]
    [InlineData("50万，待定")]
    [InlineData("30-50 万，看情况")]
    [InlineData("TBD: 200k")]
    [InlineData("预算待定，等老板拍板")]
    [InlineData("4 lines, camera count TBD")]
    public void Filled_ValueSayingMoreThanThatItIsNotSettled_IsFilled(string budget)
    {
        var evaluation = EvaluateWithBudget(budget);

        Assert.Empty(evaluation.Step(FollowUpStep.Needs).Acknowledged);
        Assert.Empty(evaluation.FindingsOn("needs.budget"));
    }

    [Theory]
    [InlineData("王总待定")]
    [InlineData("Li Ming, maybe")]
    public void Owner_NamedBesideAnUnsettledWord_IsStillTheOwner(string owner)
    {
        var evaluation = TestClock.Evaluator().Evaluate(SampleRecords.CompleteToB().WithProgress(p => p with { NextActionOwner = owner }));

        Assert.Equal(owner, evaluation.Owner);
        Assert.Empty(evaluation.Step(FollowUpStep.Progress).Acknowledged);
    }

    [Fact]
    public void Owner_NotSettled_IsNoOneToHoldToIt()
    {
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionOwner = "待定" }) with { Owner = "TBD" };

        var evaluation = TestClock.Evaluator().Evaluate(record);

        Assert.Null(evaluation.Owner);
        Assert.Equal(["progress.nextActionOwner"], evaluation.Step(FollowUpStep.Progress).Acknowledged);
        Assert.Contains(evaluation.Deductions, d => d.Code == FollowUp.Rules.Grading.DeductionCodes.OwnerNotConfirmed);
    }

    [Fact]
    public void Prose_NotSettled_IsStillVagueLanguage()
    {
        var evaluation = TestClock.Evaluator().Evaluate(SampleRecords.CompleteToB().WithNeeds(n => n with { Summary = "待定" }));

        Assert.Empty(evaluation.Step(FollowUpStep.Needs).Acknowledged);
        Assert.Contains(evaluation.FindingsOn("needs.summary"), f => f.Code == FindingCodes.VagueLanguage);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\r\n")]
    [InlineData("-")]
    [InlineData("--")]
    [InlineData("/")]
    [InlineData("无")]
    [InlineData("N/A")]
    [InlineData("n/a")]
    [InlineData("null")]
    [InlineData("NULL")]
    [InlineData("ＮＵＬＬ")]
    [InlineData(" 无 ")]
    [InlineData("无\u200B")]
    [InlineData("n / a")]
    [InlineData("Ｎ / Ａ")]
    [InlineData("。。。")]
    [InlineData("!!!")]
    [InlineData("？？")]
    [InlineData("——")]
    [InlineData("…")]
    public void Missing_AbsentBlankPlaceholderOrPunctuation_EarnsNothingAndAnError(string? budget)
    {
        var evaluation = EvaluateWithBudget(budget);

        var needs = evaluation.Step(FollowUpStep.Needs);
        Assert.Equal(["needs.budget"], needs.Missing);
        Assert.Empty(needs.Acknowledged);
        Assert.Equal(75, needs.Score);
        var finding = Assert.Single(evaluation.FindingsOn("needs.budget"));
        Assert.Equal(FindingCodes.FieldMissing, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
    }

    [Fact]
    public void States_RankMissingBelowAcknowledgedBelowFilled()
    {
        var missing = EvaluateWithBudget("-").Step(FollowUpStep.Needs).Score;
        var acknowledged = EvaluateWithBudget("待补充").Step(FollowUpStep.Needs).Score;
        var filled = EvaluateWithBudget("50万").Step(FollowUpStep.Needs).Score;

        Assert.True(missing < acknowledged && acknowledged < filled, $"{missing} < {acknowledged} < {filled}");
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(0.25)]
    [InlineData(1.0)]
    public void Acknowledged_CreditComesFromTheProfile(double credit)
    {
        var evaluator = TestClock.Evaluator(o => o.Profiles["ToB"] = new ProfileOptions { AcknowledgedCredit = credit });

        var score = EvaluateWithBudget("待补充", evaluator).Step(FollowUpStep.Needs).Score;

        // Three of four checks filled, the fourth earning the credit; scores carry one decimal.
        Assert.Equal(100 * (3 + credit) / 4, score, tolerance: 0.05);
    }

    [Fact]
    public void Acknowledged_PhraseListIsConfigurable()
    {
        const string Phrase = "年后再定";
        Assert.Empty(EvaluateWithBudget(Phrase).FindingsOn("needs.budget"));

        var evaluator = TestClock.Evaluator(o => o.AcknowledgementPhrases.Add(Phrase));
        var evaluation = EvaluateWithBudget("客户说预算年后再定", evaluator);

        Assert.Equal(["needs.budget"], evaluation.Step(FollowUpStep.Needs).Acknowledged);
    }

    [Fact]
    public void Missing_PlaceholderListIsConfigurable()
    {
        const string Placeholder = "未填";
        Assert.Empty(EvaluateWithBudget(Placeholder).FindingsOn("needs.budget"));

        var evaluator = TestClock.Evaluator(o => o.PlaceholderValues.Add(Placeholder));

        Assert.Equal(["needs.budget"], EvaluateWithBudget(Placeholder, evaluator).Step(FollowUpStep.Needs).Missing);
    }

    [Theory]
    [InlineData("Unknown", FieldState.Acknowledged)]
    [InlineData("未知", FieldState.Acknowledged)]
    [InlineData("待补充", FieldState.Acknowledged)]
    [InlineData("待定", FieldState.Acknowledged)]
    [InlineData("-", FieldState.Missing)]
    [InlineData("", FieldState.Missing)]
    [InlineData("决策人", FieldState.Filled)]
    public void EnumField_UnknownMemberOrAcknowledgementIsAcknowledged(string decisionRole, FieldState expected)
    {
        var record = SampleRecords.CompleteToB().WithCustomer(c => c with { DecisionRole = EnumValue<DecisionRole>.Parse(decisionRole) });

        var basics = TestClock.Evaluator().Evaluate(record).Step(FollowUpStep.BasicInfo);

        Assert.Equal(expected == FieldState.Missing, basics.Missing.Contains("customer.decisionRole"));
        Assert.Equal(expected == FieldState.Acknowledged, basics.Acknowledged.Contains("customer.decisionRole"));
    }

    [Theory]
    [InlineData("待确认", FieldState.Acknowledged)]
    [InlineData("待定", FieldState.Acknowledged)]
    [InlineData("-", FieldState.Missing)]
    [InlineData("2026-12-02 18:00", FieldState.Filled)]
    public void DateField_PlaceholderAndAcknowledgementAreStatesNotInvalidDates(string due, FieldState expected)
    {
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = Timestamp.Parse(due) });

        var evaluation = TestClock.Evaluator().Evaluate(record);

        var progress = evaluation.Step(FollowUpStep.Progress);
        Assert.Equal(expected == FieldState.Missing, progress.Missing.Contains("progress.nextActionDue"));
        Assert.Equal(expected == FieldState.Acknowledged, progress.Acknowledged.Contains("progress.nextActionDue"));
        Assert.Empty(evaluation.FindingsWithCode(FindingCodes.InvalidDate));
    }

    [Fact]
    public void DateField_UnreadableText_IsMissingWithAnInvalidDateError()
    {
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = Timestamp.Parse("下周三下午") });

        var evaluation = TestClock.Evaluator().Evaluate(record);

        Assert.Equal(["progress.nextActionDue"], evaluation.Step(FollowUpStep.Progress).Missing);
        var finding = Assert.Single(evaluation.FindingsOn("progress.nextActionDue"));
        Assert.Equal(FindingCodes.InvalidDate, finding.Code);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Contains("下周三下午", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void EnumField_UnrecognisedText_IsFilledButReportedAsUnknownValue()
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { Channel = EnumValue<ContactChannel>.Parse("信鸽") });

        var evaluation = TestClock.Evaluator().Evaluate(record);

        Assert.Equal(100, evaluation.Step(FollowUpStep.Communications).Score);
        var findings = evaluation.FindingsWithCode(FindingCodes.UnknownValue).ToList();
        Assert.Equal(["communications[0].channel", "communications[1].channel"], findings.Select(f => f.Field));
        Assert.All(findings, f => Assert.Equal(Severity.Warning, f.Severity));
        Assert.All(findings, f => Assert.Contains("信鸽", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void ListEntryField_StateIsReportedOnTheIndexedPath()
    {
        var record = SampleRecords.CompleteToB() with
        {
            Communications = [.. SampleRecords.CompleteToB().Communications!.Select((c, i) => i == 1 ? c with { Summary = "待补充", Contact = "/" } : c)],
        };

        var step = TestClock.Evaluator().Evaluate(record).Step(FollowUpStep.Communications);

        Assert.Equal(["communications[1].contact"], step.Missing);
        Assert.Equal(["communications[1].summary"], step.Acknowledged);
    }
}
