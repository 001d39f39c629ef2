using FollowUp.Rules.Grading;
using FollowUp.Rules.Reminders;
using FollowUp.Rules.Reporting;
using FollowUp.Rules.Risk;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests.Evaluation;

/// <summary>
/// A signed stage whose text names work still open (售后中, 退货中, 待收货, 实施中) is followed up as an open stage, and stays Signed;
/// a signed deal's written next action is held to its date in every profile.
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
    [InlineData("ECommerce", "已签收")]
    [InlineData("ECommerce", "交易成功")]
    [InlineData("ToC", "已簽收")]
    [InlineData("ECommerce", "Closed Won")]
    [InlineData("ToB", "已签约")]
    [InlineData("ToB", "Signed")]
    [InlineData("Project", "Closed Won")]
    [InlineData("Project", "已簽約")]
    public void SignedDeal_WrittenNextActionPastDue_IsOverdueInEveryProfile(string profile, string stage)
    {
        // A next action written on a signed deal (上线培训, 续约会议, an after-sales case) is work promised for a date, whether or
        // not the profile follows signed deals up (FollowUpAfterSigning).
        var record = AtStage(profile, stage).WithProgress(p => p with { NextAction = "12 月 1 日上线培训，培训 IT 与车间主管", NextActionDue = TestClock.DaysFromNow(-2) });

        var evaluation = Evaluator.Evaluate(record);

        Assert.Contains(evaluation.Findings, f => f.Code == FindingCodes.NextActionDueInPast && f.Field == "progress.nextActionDue");
        Assert.Contains(evaluation.Risk.Signals, s => s.Code == RiskSignalCodes.NextActionOverdue);
        Assert.Contains(evaluation.Deductions, d => d.Code == DeductionCodes.NextActionOverdue);
        Assert.Contains(evaluation.Reminders, r => r.Kind == ReminderKind.Overdue);
        Assert.DoesNotContain(evaluation.Deductions, d => d.Code is DeductionCodes.NoDueDate or DeductionCodes.VagueNextAction or DeductionCodes.NoNextAction);
    }

    [Theory]
    [InlineData("ToB")]
    [InlineData("ToC")]
    [InlineData("Project")]
    [InlineData("ECommerce")]
    public void SignedDeal_WrittenNextActionDueEarlierToday_IsOverdueInEveryProfile(string profile)
    {
        var record = AtStage(profile, "Signed").WithProgress(p => p with { NextAction = "续约会议", NextActionDue = TestClock.Now.AddHours(-3) });

        var evaluation = Evaluator.Evaluate(record);

        Assert.Contains(evaluation.Findings, f => f.Code == FindingCodes.NextActionOverdue);
        Assert.Contains(evaluation.Risk.Signals, s => s.Code == RiskSignalCodes.NextActionOverdue);
    }

    [Theory]
    [InlineData("ToB")]
    [InlineData("ToC")]
    [InlineData("Project")]
    [InlineData("ECommerce")]
    public void SignedDeal_WrittenNextActionAhead_IsNotOverdue(string profile)
    {
        var record = AtStage(profile, "Signed").WithProgress(p => p with { NextAction = "续约会议", NextActionDue = TestClock.DaysFromNow(3) });

        var evaluation = Evaluator.Evaluate(record);

        Assert.DoesNotContain(evaluation.Findings, f => f.Code is FindingCodes.NextActionDueInPast or FindingCodes.NextActionOverdue);
        Assert.DoesNotContain(evaluation.Risk.Signals, s => s.Code == RiskSignalCodes.NextActionOverdue);
        Assert.DoesNotContain(evaluation.Deductions, d => d.Component == GradeComponent.Actionability);
    }

    [Theory]
    [InlineData("ToB")]
    [InlineData("ToC")]
    [InlineData("Project")]
    [InlineData("ECommerce")]
    public void SignedDeal_NoNextAction_RequiresNothing(string profile)
    {
        // A due date alone, with no action written, is no promise the evaluation holds a signed deal to; it is still reminded.
        var record = AtStage(profile, "Signed").WithProgress(p => p with { NextAction = null, NextActionDue = TestClock.DaysFromNow(-2) });

        var evaluation = Evaluator.Evaluate(record);

        Assert.DoesNotContain(evaluation.Findings, f => f.Code is FindingCodes.NextActionDueInPast or FindingCodes.NextActionOverdue);
        Assert.DoesNotContain(evaluation.Risk.Signals, s => s.Code is RiskSignalCodes.NextActionOverdue or RiskSignalCodes.NoNextAction);
        Assert.DoesNotContain(evaluation.Deductions, d => d.Component == GradeComponent.Actionability);
    }

    [Theory]
    [InlineData("ToB")]
    [InlineData("Project")]
    public void SignedDeal_InTheTeamReport_IsAtRiskForAnOverdueNextActionNotForSilence(string profile)
    {
        var overdue = AtStage(profile, "Signed") with { Id = "overdue" };
        overdue = overdue.WithProgress(p => p with { NextAction = "上线培训", NextActionDue = TestClock.DaysFromNow(-3) });
        var silentAhead = (AtStage(profile, "Signed") with { Id = "silent" }).WithCommunications(c => c with { At = TestClock.DaysFromNow(-40) })
            .WithProgress(p => p with { NextAction = "续约会议", NextActionDue = TestClock.DaysFromNow(20) });
        var builder = new TeamReportBuilder();
        foreach (var record in new[] { overdue, silentAhead })
        {
            builder.Add(record, Evaluator.Evaluate(record));
        }

        var report = builder.Build();

        var deal = Assert.Single(report.DealsAtRisk);
        Assert.Equal("overdue", deal.Id);
        Assert.Equal(DealStage.Signed, deal.Stage);
        Assert.Equal(DealRiskReason.NextActionOverdue, deal.Reasons[0]);
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

    private static FollowUpRecord SignedWithAfterSales(string profile, string stage, string key, string afterSales) =>
        AtStage(profile, stage).WithoutCustom("afterSales").WithCustom(key, afterSales)
            .WithProgress(p => p with { NextAction = null, NextActionDue = default });

    [Theory]
    [InlineData("已签收", "退货中")]
    [InlineData("交易成功", "换货处理中：换新内胆，旧件顺丰到付寄回")]
    [InlineData("已签收", "待补发")]
    [InlineData("已签收", "退款中: ¥459 原路退回")]
    [InlineData("已簽收", "退貨中")]
    [InlineData("交易成功", "換貨處理中：換新內膽")]
    [InlineData("已簽收", "待補發（缺 1 件）")]
    [InlineData("Closed Won", "Returning")]
    [InlineData("Closed Won", "after sales: replacement part on its way")]
    [InlineData("Signed", "REFUNDING")]
    [InlineData("已签收", "已补发；退货中")]
    public void AfterSalesField_NamingOpenWork_IsFollowedUpAsAnOpenStage(string stage, string afterSales)
    {
        var record = SignedWithAfterSales("ECommerce", stage, "afterSales", afterSales);

        var evaluation = Evaluator.Evaluate(record);

        Assert.Equal(DealStage.Signed, evaluation.Stage);
        Assert.Contains(evaluation.Risk.Signals, s => s.Code == RiskSignalCodes.NoNextAction);
        Assert.Contains(evaluation.Deductions, d => d.Code == DeductionCodes.NoNextAction);
    }

    [Theory]
    [InlineData("无")]
    [InlineData("無")]
    [InlineData("无售后")]
    [InlineData("none")]
    [InlineData("N/A")]
    [InlineData("已完成")]
    [InlineData("已退款")]
    [InlineData("已處理")]
    [InlineData("已解决：补偿 20 元优惠券")]
    [InlineData("已补发，顺丰 SF1234567890")]
    [InlineData("退货中；已退款")]
    [InlineData("Resolved")]
    [InlineData("refunded")]
    [InlineData("客户说退货中的那件不要了")]
    public void AfterSalesField_NoneOrFinishedWork_LeavesTheOrderFinished(string afterSales)
    {
        var record = SignedWithAfterSales("ECommerce", "已签收", "afterSales", afterSales);

        var evaluation = Evaluator.Evaluate(record);

        Assert.DoesNotContain(evaluation.Risk.Signals, s => s.Code is RiskSignalCodes.NoNextAction or RiskSignalCodes.NextActionOverdue);
        Assert.DoesNotContain(evaluation.Deductions, d => d.Component == GradeComponent.Actionability);
    }

    [Theory]
    [InlineData("AfterSales")]
    [InlineData("aftersales")]
    [InlineData("AFTERSALES")]
    public void AfterSalesField_KeyInAnyCase_IsRead(string key)
    {
        var record = SignedWithAfterSales("ECommerce", "已签收", key, "退货中");

        Assert.Contains(Evaluator.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.NoNextAction);
    }

    [Theory]
    [InlineData("ToB")]
    [InlineData("ToC")]
    [InlineData("Project")]
    public void AfterSalesField_NamingOpenWork_IsFollowedUpInEveryProfile(string profile)
    {
        var record = SignedWithAfterSales(profile, "已签约", "afterSales", "换货中");

        Assert.Contains(Evaluator.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.NoNextAction);
    }

    [Fact]
    public void AfterSalesField_NamingAConfiguredLabel_IsOpenWork()
    {
        var evaluator = TestClock.Evaluator(o =>
        {
            o.Labels.Stage["维修中"] = DealStage.Signed;
            o.Labels.OpenAfterSigning.Add("维修中");
        });
        var record = SignedWithAfterSales("ECommerce", "已签收", "afterSales", "維修中：主板返厂");

        Assert.Contains(evaluator.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.NoNextAction);
        Assert.DoesNotContain(Evaluator.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.NoNextAction);
    }

    [Fact]
    public void AfterSalesField_NamingOpenWork_AtAnUnsignedStage_ChangesNothing()
    {
        var record = SignedWithAfterSales("ECommerce", "交易关闭", "afterSales", "退款中");

        Assert.DoesNotContain(Evaluator.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.NoNextAction);
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
