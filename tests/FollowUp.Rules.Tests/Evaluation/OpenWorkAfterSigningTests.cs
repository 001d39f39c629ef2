using FollowUp.Rules.Grading;
using FollowUp.Rules.Reminders;
using FollowUp.Rules.Reporting;
using FollowUp.Rules.Risk;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests.Evaluation;

/// <summary>
/// A signed stage whose text names work still open (售后中, 退货中, 待收货, 实施中) is followed up as an open stage, and stays Signed;
/// a signed order's written next action is held to its date where signing finishes an order.
/// </summary>
public sealed class OpenWorkAfterSigningTests
{
    private static readonly FollowUpEvaluator Evaluator = TestClock.Evaluator();

    private static FollowUpRecord AtStage(string profile, string stage) =>
        SampleRecords.CompleteFor(profile).WithAttachments(AttachmentKind.Contract, AttachmentKind.Proposal)
            .WithProgress(p => p with { Stage = EnumValue<DealStage>.Parse(stage) });

    [Theory]
    [InlineData("售后中")]
    [InlineData("售后处理中")]
    [InlineData("售後處理中")]
    [InlineData("After Sales")]
    [InlineData("退货中")]
    [InlineData("退貨中")]
    [InlineData("Returning")]
    [InlineData("退款中")]
    [InlineData("换货中")]
    [InlineData("補發中")]
    [InlineData("待收货")]
    [InlineData("已發貨")]
    [InlineData("awaiting_shipment")]
    public void OpenWork_NoNextAction_IsChargedAndSignalledAsAnOpenStage(string stage)
    {
        var record = AtStage("ECommerce", stage).WithProgress(p => p with { NextAction = null, NextActionDue = default });

        var evaluation = Evaluator.Evaluate(record);

        Assert.Equal(DealStage.Signed, record.Progress!.Stage.Value);
        Assert.Contains(evaluation.Risk.Signals, s => s.Code == RiskSignalCodes.NoNextAction);
        Assert.Contains(evaluation.Deductions, d => d.Code == DeductionCodes.NoNextAction);
        Assert.Contains(evaluation.Deductions, d => d.Code == DeductionCodes.NoDueDate);
        Assert.DoesNotContain(evaluation.Findings, f => f.Code == FindingCodes.UnknownValue);
    }

    [Theory]
    [InlineData("售后中")]
    [InlineData("退貨中")]
    [InlineData("Refunding")]
    public void OpenWork_GradedAsTheSameRecordAtAnOpenStage(string stage)
    {
        var record = AtStage("ECommerce", stage).WithProgress(p => p with { NextAction = null, NextActionDue = default });
        var negotiation = record.WithProgress(p => p with { Stage = DealStage.Negotiation });

        Assert.Equal(Evaluator.Evaluate(negotiation).Score, Evaluator.Evaluate(record).Score);
    }

    [Theory]
    [InlineData("售后中")]
    [InlineData("換貨中")]
    [InlineData("In Transit")]
    public void OpenWork_OverdueNextAction_RaisesNextActionOverdueAndIsReminded(string stage)
    {
        var record = AtStage("ECommerce", stage).WithProgress(p => p with { NextActionDue = TestClock.DaysFromNow(-2) });

        var evaluation = Evaluator.Evaluate(record);

        Assert.Contains(evaluation.Risk.Signals, s => s.Code == RiskSignalCodes.NextActionOverdue);
        Assert.Contains(evaluation.Deductions, d => d.Code == DeductionCodes.NextActionOverdue);
        Assert.Contains(evaluation.Findings, f => f.Code == FindingCodes.NextActionDueInPast);
        Assert.Contains(evaluation.Reminders, r => r.Kind == ReminderKind.Overdue);
    }

    [Theory]
    [InlineData("售后中")]
    [InlineData("退款中")]
    [InlineData("Exchanging")]
    public void OpenWork_NoNextActionAndSilent_GoesStaleAndIsReminded(string stage)
    {
        var record = AtStage("ECommerce", stage).WithCommunications(c => c with { At = TestClock.DaysFromNow(-5) })
            .WithProgress(p => p with { NextAction = null, NextActionDue = default });

        var evaluation = Evaluator.Evaluate(record);

        Assert.Contains(evaluation.Risk.Signals, s => s.Code == RiskSignalCodes.Stale);
        Assert.Contains(evaluation.Reminders, r => r.Kind == ReminderKind.Stale);
    }

    [Theory]
    [InlineData("交易成功")]
    [InlineData("售后完结")]
    [InlineData("售後完結")]
    [InlineData("已完成")]
    [InlineData("已簽收")]
    [InlineData("Closed Won")]
    [InlineData("Signed")]
    public void FinishedOrder_NoNextAction_StaysFinished(string stage)
    {
        var record = AtStage("ECommerce", stage).WithCommunications(c => c with { At = TestClock.DaysFromNow(-5) })
            .WithProgress(p => p with { NextAction = null, NextActionDue = TestClock.DaysFromNow(-2) });

        var evaluation = Evaluator.Evaluate(record);

        Assert.DoesNotContain(evaluation.Risk.Signals, s => s.Code is RiskSignalCodes.NoNextAction or RiskSignalCodes.NextActionOverdue or RiskSignalCodes.Stale);
        Assert.DoesNotContain(evaluation.Deductions, d => d.Component == GradeComponent.Actionability);
        Assert.DoesNotContain(evaluation.Reminders, r => r.Kind == ReminderKind.Stale);
    }

    [Theory]
    [InlineData("ToB", "实施中")]
    [InlineData("Project", "實施中")]
    [InlineData("ToB", "Implementing")]
    [InlineData("ToC", "交付中")]
    public void OpenWork_InEveryProfile_NeedsANextAction(string profile, string stage)
    {
        var record = AtStage(profile, stage).WithProgress(p => p with { NextAction = null, NextActionDue = default });

        Assert.Contains(Evaluator.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.NoNextAction);
    }

    [Theory]
    [InlineData("ECommerce", "已签收", true)]
    [InlineData("ECommerce", "交易成功", true)]
    [InlineData("ToC", "已簽收", true)]
    [InlineData("ECommerce", "Closed Won", true)]
    [InlineData("ToB", "已签约", false)]
    [InlineData("Project", "Closed Won", false)]
    public void SignedOrder_WrittenNextActionPastDue_IsOverdueWhereSigningFinishesAnOrder(string profile, string stage, bool overdue)
    {
        // FollowUpAfterSigning = false calls a next action written on a signed order an after-sales case: it is held to its date.
        var record = AtStage(profile, stage).WithProgress(p => p with { NextActionDue = TestClock.DaysFromNow(-2) });

        var evaluation = Evaluator.Evaluate(record);

        Assert.Equal(overdue, evaluation.Risk.Signals.Any(s => s.Code == RiskSignalCodes.NextActionOverdue));
        Assert.Equal(overdue, evaluation.Deductions.Any(d => d.Code == DeductionCodes.NextActionOverdue));
        Assert.DoesNotContain(evaluation.Deductions, d => d.Code is DeductionCodes.NoDueDate or DeductionCodes.VagueNextAction or DeductionCodes.NoNextAction);
    }

    [Fact]
    public void SignedOrder_WrittenNextActionWithoutDueDate_IsNotCharged()
    {
        // Nothing is required of a signed order: a next action written without a date costs nothing, as before.
        var record = AtStage("ECommerce", "已签收").WithProgress(p => p with { NextActionDue = default });

        var evaluation = Evaluator.Evaluate(record);

        Assert.DoesNotContain(evaluation.Deductions, d => d.Component == GradeComponent.Actionability);
        Assert.DoesNotContain(evaluation.Risk.Signals, s => s.Code == RiskSignalCodes.NextActionOverdue);
    }

    [Fact]
    public void OpenWork_InTheTeamReport_CountsAsSigned()
    {
        var builder = new TeamReportBuilder();
        foreach (var stage in new[] { "售后中", "退貨中", "Returning", "交易成功" })
        {
            var record = AtStage("ECommerce", stage);
            builder.Add(record, Evaluator.Evaluate(record));
        }

        var report = builder.Build();

        Assert.Equal(4, report.Stages.Single(s => s.Stage == DealStage.Signed).Count);
    }
}
