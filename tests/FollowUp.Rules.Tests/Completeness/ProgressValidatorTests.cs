using FluentValidation;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests.Completeness;

public class ProgressValidatorTests
{
    private static readonly ProgressValidator Validator = new(TestClock.Evaluator());

    [Fact]
    public void Step_IsProgress() => Assert.Equal(FollowUpStep.Progress, Validator.Step);

    [Fact]
    public void Validate_CompleteRecord_IsValid() => Assert.True(Validator.Validate(SampleRecords.CompleteToB()).IsValid);

    [Fact]
    public void Validate_EmptyRecord_ReportsStageNextActionDueAndOwner()
    {
        var result = Validator.Validate(new FollowUpRecord());

        Assert.Equal(
            ["progress.stage", "progress.nextAction", "progress.nextActionDue", "progress.nextActionOwner"],
            result.Errors.Select(e => e.PropertyName));
        Assert.All(result.Errors, e => Assert.Equal(FindingCodes.FieldMissing, e.ErrorCode));
        Assert.All(result.Errors, e => Assert.Equal(FollowUpStep.Progress, e.CustomState));
    }

    [Theory]
    [InlineData(DealStage.Signed)]
    [InlineData(DealStage.Lost)]
    public void Validate_ClosedStage_DoesNotNeedNextActionOrDueDate(DealStage stage)
    {
        var record = SampleRecords.CompleteToB()
            .WithAttachments(AttachmentKind.Proposal, AttachmentKind.Contract)
            .WithProgress(p => p with { Stage = stage, NextAction = null, NextActionDue = default });

        var result = Validator.Validate(record);
        var evaluation = TestClock.Evaluator().Evaluate(record);

        Assert.True(result.IsValid, string.Join("; ", result.Errors));
        Assert.Equal(100, evaluation.Step(FollowUpStep.Progress).Score);
    }

    [Theory]
    [InlineData(DealStage.Signed)]
    [InlineData(DealStage.Lost)]
    public void Evaluate_NamingAClosedStage_NeverLowersTheStep_ThoughItNeedsNoNextStep(DealStage stage)
    {
        // Found by the FsCheck property: without a stage the filled next action and due date earned credit; a closed stage
        // dropped both checks, so naming the stage took the step from 40 to 33.3 while the owner stayed missing.
        var unnamed = SampleRecords.CompleteProject().WithoutCustom("milestones")
            .WithProgress(p => p with { Stage = default, NextActionOwner = null }) with { Owner = null };
        var named = unnamed.WithProgress(p => p with { Stage = stage });
        var evaluator = TestClock.Evaluator();

        var before = evaluator.Evaluate(unnamed).Step(FollowUpStep.Progress);
        var after = evaluator.Evaluate(named).Step(FollowUpStep.Progress);

        Assert.True(after.Score >= before.Score, $"{before.Score} -> {after.Score}");
        Assert.Equal(["progress.nextActionOwner", "custom.milestones"], after.Missing);
    }

    [Theory]
    [InlineData(DealStage.Initial)]
    [InlineData(DealStage.NeedsConfirmed)]
    [InlineData(DealStage.ProposalSent)]
    [InlineData(DealStage.AwaitingFeedback)]
    [InlineData(DealStage.Negotiation)]
    public void Validate_OpenStage_NeedsNextActionAndDueDate(DealStage stage)
    {
        var record = SampleRecords.CompleteToB()
            .WithAttachments(AttachmentKind.Quote)
            .WithProgress(p => p with { Stage = stage, NextAction = null, NextActionDue = default });

        var result = Validator.Validate(record);

        Assert.Equal(["progress.nextAction", "progress.nextActionDue"], result.Errors.Select(e => e.PropertyName));
        Assert.All(result.Errors, e => Assert.Equal(Severity.Error, e.Severity));
    }

    [Theory]
    [InlineData(DealStage.Initial)]
    [InlineData(DealStage.ProposalSent)]
    [InlineData(DealStage.Negotiation)]
    public void Validate_OpenStageWithPastDueDate_WarnsNextActionDueInPast(DealStage stage)
    {
        var due = new DateTimeOffset(2026, 11, 25, 18, 0, 0, TestClock.ChinaOffset);
        var record = SampleRecords.CompleteToB()
            .WithAttachments(AttachmentKind.Quote)
            .WithProgress(p => p with { Stage = stage, NextActionDue = due });

        var result = Validator.Validate(record);
        var evaluation = TestClock.Evaluator().Evaluate(record);

        var failure = Assert.Single(result.Errors);
        Assert.Equal(FindingCodes.NextActionDueInPast, failure.ErrorCode);
        Assert.Equal(Severity.Warning, failure.Severity);
        Assert.Equal("progress.nextActionDue", failure.PropertyName);
        Assert.Contains("2026-11-25 18:00", failure.ErrorMessage, StringComparison.Ordinal);

        // A stale due date earns the acknowledged credit: three of four checks filled and one at 0.5.
        Assert.Equal(100 * 3.5 / 4, evaluation.Step(FollowUpStep.Progress).Score);
        Assert.Empty(evaluation.Step(FollowUpStep.Progress).Missing);
    }

    [Theory]
    [InlineData(DealStage.Signed, null)]
    [InlineData(DealStage.Lost, null)]
    [InlineData(DealStage.Lost, "半年后回访，看新预算")]
    public void Validate_ClosedStageWithPastDueDate_AndNoActionHeldToIt_IsNotReported(DealStage stage, string? action)
    {
        var record = SampleRecords.CompleteToB()
            .WithAttachments(AttachmentKind.Proposal, AttachmentKind.Contract)
            .WithProgress(p => p with { Stage = stage, NextAction = action, NextActionDue = TestClock.DaysFromNow(-30) });

        Assert.True(Validator.Validate(record).IsValid);
    }

    [Fact]
    public void Validate_SignedDealWithAWrittenActionPastDue_WarnsNextActionDueInPast()
    {
        // A signed deal's written next action (上线培训) is work promised for a date, held to it in every profile.
        var record = SampleRecords.CompleteToB()
            .WithAttachments(AttachmentKind.Proposal, AttachmentKind.Contract)
            .WithProgress(p => p with { Stage = DealStage.Signed, NextAction = "12 月 1 日上线培训，培训 IT 与车间主管", NextActionDue = TestClock.DaysFromNow(-30) });

        var failure = Assert.Single(Validator.Validate(record).Errors);

        Assert.Equal(FindingCodes.NextActionDueInPast, failure.ErrorCode);
        Assert.Equal(Severity.Warning, failure.Severity);
    }

    [Theory]
    [InlineData("2026-11-26T00:00:00+08:00", true)]
    [InlineData("2026-11-26T09:00:00+08:00", true)]
    [InlineData("2026-11-26 09:00", true)]
    [InlineData("2026-11-26T01:00:00Z", true)]
    [InlineData("2026-11-26", false)]
    [InlineData("2026-11-26T13:00:00+08:00", false)]
    [InlineData("2026-11-27T08:00:00+08:00", false)]
    public void Validate_DueEarlierTodayOrLater_IsNotInThePastButOverdueOnceItsHourHasPassed(string due, bool overdue)
    {
        // Now is 2026-11-26 12:00 at UTC+08:00; a due date today is still "today or later" even when its hour has passed,
        // and then it is overdue, a warning of its own.
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = Timestamp.Parse(due) });

        var failures = Validator.Validate(record).Errors;

        Assert.DoesNotContain(failures, f => f.ErrorCode == FindingCodes.NextActionDueInPast);
        Assert.Equal(overdue ? [(FindingCodes.NextActionOverdue, Severity.Warning, "progress.nextActionDue")] : [],
            failures.Select(f => (f.ErrorCode, f.Severity, f.PropertyName)));
    }

    [Fact]
    public void Validate_DueYesterdayWithoutOffset_IsInThePastInTheDefaultOffset()
    {
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = Timestamp.Parse("2026/11/25 23:00") });

        var failure = Assert.Single(Validator.Validate(record).Errors);

        Assert.Equal(FindingCodes.NextActionDueInPast, failure.ErrorCode);
    }

    [Fact]
    public void Validate_DueWithoutOffset_IsResolvedInTheConfiguredOffset()
    {
        // 2026-11-25 23:00 at UTC-08:00 is 2026-11-26 07:00 UTC; now at UTC-08:00 is 2026-11-25 20:00, the same day.
        var validator = new ProgressValidator(TestClock.Evaluator(o => o.DefaultUtcOffset = TimeSpan.FromHours(-8)));
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = Timestamp.Parse("2026/11/25 23:00") });

        Assert.True(validator.Validate(record).IsValid);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("-")]
    public void Validate_NoNextActionOwner_FallsBackToTheRecordOwner(string? nextActionOwner)
    {
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionOwner = nextActionOwner }) with { Owner = "陈晓东" };

        Assert.True(Validator.Validate(record).IsValid);
    }

    [Fact]
    public void Validate_NextActionOwnerWithoutRecordOwner_IsEnough()
    {
        var record = SampleRecords.CompleteToB() with { Owner = null };

        Assert.True(Validator.Validate(record).IsValid);
    }

    [Fact]
    public void Validate_NoOwnerAtAll_ReportsTheNextActionOwner()
    {
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionOwner = " " }) with { Owner = "无" };

        var failure = Assert.Single(Validator.Validate(record).Errors);

        Assert.Equal(("progress.nextActionOwner", FindingCodes.FieldMissing), (failure.PropertyName, failure.ErrorCode));
    }

    [Fact]
    public void Validate_UnrecognisedStage_IsReportedAndTreatedAsOpen()
    {
        var record = SampleRecords.CompleteToB()
            .WithProgress(p => p with { Stage = EnumValue<DealStage>.Parse("方案演示"), NextAction = null });

        var result = Validator.Validate(record);

        Assert.Equal(
            [("progress.stage", FindingCodes.UnknownValue), ("progress.nextAction", FindingCodes.FieldMissing)],
            result.Errors.Select(e => (e.PropertyName, e.ErrorCode)));
        Assert.Contains("方案演示", result.Errors[0].ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("等客戶回覆")]
    [InlineData("等客户回复")]
    [InlineData("待回覆")]
    [InlineData("待回复")]
    [InlineData("等待回覆")]
    [InlineData("等客戶回應")]
    [InlineData("等老闆批覆")]
    [InlineData("等老板批复")]
    [InlineData("等審批")]
    [InlineData("等审批")]
    [InlineData("待審批")]
    [InlineData("待审批")]
    [InlineData("審批中")]
    [InlineData("审批中")]
    [InlineData("等客戶確認")]
    [InlineData("等客户确认")]
    [InlineData("待客戶確認")]
    [InlineData("待客户确认")]
    [InlineData("客戶內部審批中")]
    [InlineData("客户内部审批中")]
    [InlineData("等採購")]
    [InlineData("等采购")]
    [InlineData("pending approval")]
    [InlineData("Awaiting Approval")]
    [InlineData("awaiting customer confirmation")]
    public void Evaluate_StageNamingTheWaitForTheCustomer_IsAwaitingFeedback_NotMarkedUnknown(string stage)
    {
        // A Hong Kong CRM's stage 等客戶回覆 was no label, so it was read as text, and a value that is nothing but a waiting
        // phrase says it is not known yet: 目前進度暫未明確, with the acknowledged credit, and no 等待回覆 in the funnel. So
        // were the waits for the customer's approval, confirmation or purchasing (審批中, 等客戶確認, pending approval).
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { Stage = EnumValue<DealStage>.Parse(stage) });

        var evaluation = TestClock.Evaluator().Evaluate(record);

        Assert.Equal(DealStage.AwaitingFeedback, record.Progress!.Stage.Value);
        Assert.Empty(evaluation.FindingsOn("progress.stage"));
        Assert.Equal(100, evaluation.Step(FollowUpStep.Progress).Score);
    }

    [Theory]
    [InlineData("待补充")]
    [InlineData("暂未明确")]
    [InlineData("待定")]
    [InlineData("待確認")]
    public void Validate_StageMarkedUnknown_IsStillAcknowledged(string stage)
    {
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { Stage = EnumValue<DealStage>.Parse(stage) });

        var failure = Assert.Single(Validator.Validate(record).Errors);

        Assert.Equal(("progress.stage", FindingCodes.FieldAcknowledged), (failure.PropertyName, failure.ErrorCode));
    }

    [Fact]
    public void Validate_OnlyReportsProgressFindings()
    {
        var result = Validator.Validate(new FollowUpRecord { Scenario = "Wholesale", Customer = new Customer { Company = "-" } });

        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.StartsWith("progress.", e.PropertyName, StringComparison.Ordinal));
    }
}
