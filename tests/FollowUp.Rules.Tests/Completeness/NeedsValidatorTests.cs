using FluentValidation;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Profiles;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests.Completeness;

public class NeedsValidatorTests
{
    private const string ChangedSummary = "客户需求数量从100套增至200套，仍需覆盖 3 个仓库";

    private static readonly NeedsValidator Validator = new(TestClock.Evaluator());

    [Fact]
    public void Step_IsNeeds() => Assert.Equal(FollowUpStep.Needs, Validator.Step);

    [Fact]
    public void Validate_CompleteRecord_IsValid() => Assert.True(Validator.Validate(SampleRecords.CompleteToB()).IsValid);

    [Fact]
    public void Validate_EmptyToBRecord_ReportsSummaryQuantityBudgetAndPainPoints()
    {
        var result = Validator.Validate(new FollowUpRecord());

        Assert.Equal(["needs.summary", "needs.quantity", "needs.budget", "needs.painPoints"], result.Errors.Select(e => e.PropertyName));
        Assert.All(result.Errors, e => Assert.Equal(FollowUpStep.Needs, e.CustomState));
    }

    [Fact]
    public void Validate_EmptyToCRecord_ReportsOnlyTheSummary()
    {
        var failure = Assert.Single(Validator.Validate(new FollowUpRecord { Scenario = "ToC" }).Errors);

        Assert.Equal("needs.summary", failure.PropertyName);
    }

    [Theory]
    [InlineData(new[] { "库存不准" }, null)]
    [InlineData(null, new[] { "交期" })]
    [InlineData(new[] { "-", "" }, new[] { "价格" })]
    public void Validate_AnyPainPointOrConcern_IsEnough(string[]? painPoints, string[]? concerns)
    {
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { PainPoints = painPoints, Concerns = concerns });

        Assert.True(Validator.Validate(record).IsValid);
    }

    [Fact]
    public void Validate_NoPainPointOrConcern_ReportsPainPoints()
    {
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { PainPoints = ["无"], Concerns = [] });

        var failure = Assert.Single(Validator.Validate(record).Errors);

        Assert.Equal(("needs.painPoints", FindingCodes.FieldMissing), (failure.PropertyName, failure.ErrorCode));
    }

    [Fact]
    public void Validate_SummaryMentionsAChangeWithoutHistory_ReportsChangeHistoryMissing()
    {
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { Summary = ChangedSummary, Changes = null });

        var failure = Assert.Single(Validator.Validate(record).Errors);
        var step = TestClock.Evaluator().Evaluate(record).Step(FollowUpStep.Needs);

        Assert.Equal(("needs.changes", FindingCodes.ChangeHistoryMissing, Severity.Warning), (failure.PropertyName, failure.ErrorCode, failure.Severity));
        Assert.Equal(["needs.changes"], step.Missing);

        // The summary is only half complete while its change is unrecorded: 3.5 of 4 checks.
        Assert.Equal(100 * 3.5 / 4, step.Score);
    }

    [Theory]
    [InlineData("客户需求数量从100套增至200套", true)]
    [InlineData("首批从100套增至200套，周五前重新报价", true)]
    [InlineData("预算调整为 80 万", true)]
    [InlineData("客户需求有变：只上仓储模块", true)]
    [InlineData("Budget increased to 80k after the board meeting", true)]
    [InlineData("上线后单据处理时间从 6 小时降到 1.5 小时", false)]
    [InlineData("演示中客服响应从 90 秒降到 20 秒，客户认可", false)]
    [InlineData("Response time reduced to 2 hours in the pilot", false)]
    public void Evaluate_ChangeHistoryIsAskedForOnlyWhenTheNeedsChanged_NotForAResultThatMoved(string summary, bool changed)
    {
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { Summary = summary, Changes = null });

        var evaluation = TestClock.Evaluator().Evaluate(record);

        Assert.Equal(changed, evaluation.Findings.Any(f => f.Code == FindingCodes.ChangeHistoryMissing));
    }

    [Theory]
    [InlineData("zh-CN", "沟通记录（communications[1].summary）提到了需求变更")]
    [InlineData("en", "The communication log (communications[1].summary) says the needs changed")]
    public void Evaluate_CommunicationSaysTheNeedsChangedWithoutHistory_ReportsChangeHistoryMissingAndHalvesThatSummary(string culture, string message)
    {
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { Changes = null });
        record = record with
        {
            Communications = [record.Communications![0], record.Communications[1] with { Summary = "电话沟通，客户需求变更：数量从100套增至200套，周五前重新报价" }],
        };
        var evaluator = TestClock.Evaluator(o => o.Culture = culture);

        var evaluation = evaluator.Evaluate(record);

        var finding = Assert.Single(evaluation.Findings);
        Assert.Equal(("needs.changes", FindingCodes.ChangeHistoryMissing), (finding.Field, finding.Code));
        Assert.StartsWith(message, finding.Message, StringComparison.Ordinal);
        Assert.Equal(["needs.changes"], evaluation.Step(FollowUpStep.Needs).Missing);
        var deduction = Assert.Single(evaluation.Deductions, d => d.Code == FollowUp.Rules.Grading.DeductionCodes.ChangeHistoryMissing);
        Assert.Equal(("needs.changes", finding.Message), (deduction.Field, deduction.Message));
        Assert.True(evaluation.Step(FollowUpStep.Communications).Score < 100);
        Assert.Equal(100, evaluation.Step(FollowUpStep.Needs).Score);

        var recorded = record.WithNeeds(n => n with { Changes = [new NeedsChange { At = TestClock.DaysFromNow(-1), Description = "数量从100套增至200套" }] });
        Assert.Empty(evaluator.Evaluate(recorded).Findings);
    }

    [Fact]
    public void Validate_SummaryMentionsAChangeWithHistory_IsValid()
    {
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with
        {
            Summary = ChangedSummary,
            Changes = [new NeedsChange { At = TestClock.DaysFromNow(-3), Description = "数量从100套增至200套（新增成品仓）" }],
        });

        Assert.True(Validator.Validate(record).IsValid);
        Assert.Equal(100, TestClock.Evaluator().Evaluate(record).Step(FollowUpStep.Needs).Score);
    }

    [Fact]
    public void Validate_ChangeHistoryOfEmptyEntries_DoesNotCount()
    {
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with
        {
            Summary = ChangedSummary,
            Changes = [null!, new NeedsChange { Description = "-" }],
        });

        Assert.Equal(FindingCodes.ChangeHistoryMissing, Assert.Single(Validator.Validate(record).Errors).ErrorCode);
    }

    [Fact]
    public void Validate_ChangeHistoryWithOnlyADate_Counts()
    {
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with
        {
            Summary = ChangedSummary,
            Changes = [new NeedsChange { At = Timestamp.Parse("2026/11/20") }],
        });

        Assert.True(Validator.Validate(record).IsValid);
    }

    [Fact]
    public void Validate_ToCSummaryMentionsAChange_AlsoNeedsHistory()
    {
        var record = SampleRecords.CompleteToC().WithNeeds(n => n with { Summary = "空调由 2 台改为 3 台，12 月 20 日前安装" });

        Assert.Equal(FindingCodes.ChangeHistoryMissing, Assert.Single(Validator.Validate(record).Errors).ErrorCode);
    }

    [Fact]
    public void Validate_ProfileIgnoringChangeHistory_DoesNotAskForIt()
    {
        var validator = new NeedsValidator(TestClock.Evaluator(o =>
        {
            var profile = new ProfileOptions { BasedOn = "ToB" };
            profile.IgnoredFields.Add(FollowUpFields.NeedsChanges);
            o.Profiles["NoHistory"] = profile;
        }));
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { Summary = ChangedSummary }) with { Scenario = "NoHistory" };

        Assert.True(validator.Validate(record).IsValid, string.Join("; ", validator.Validate(record).Errors));
    }

    [Fact]
    public void Validate_UnreadableChangeDate_IsReportedOnTheEntry()
    {
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { Changes = [new NeedsChange { At = Timestamp.Parse("上周"), Description = "预算上调" }] });

        var failure = Assert.Single(Validator.Validate(record).Errors);

        Assert.Equal(("needs.changes[0].at", FindingCodes.InvalidDate), (failure.PropertyName, failure.ErrorCode));
    }
}
