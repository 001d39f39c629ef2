using FluentValidation;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests.Completeness;

public class AttachmentsAndRisksValidatorTests
{
    private static readonly AttachmentsAndRisksValidator Validator = new(TestClock.Evaluator());

    private static FollowUpRecord AtStage(DealStage stage, params AttachmentKind[] attachments) =>
        SampleRecords.CompleteToB().WithAttachments(attachments).WithProgress(p => p with { Stage = stage });

    [Fact]
    public void Step_IsAttachmentsAndRisks() => Assert.Equal(FollowUpStep.AttachmentsAndRisks, Validator.Step);

    [Theory]
    [InlineData(DealStage.Initial)]
    [InlineData(DealStage.NeedsConfirmed)]
    [InlineData(DealStage.Lost)]
    public void Validate_StageBeforeProposalOrLost_NeedsNoAttachment(DealStage stage)
    {
        var record = AtStage(stage);

        Assert.True(Validator.Validate(record).IsValid);
        Assert.Equal(100, TestClock.Evaluator().Evaluate(record).Step(FollowUpStep.AttachmentsAndRisks).Score);
    }

    [Theory]
    [InlineData(DealStage.ProposalSent)]
    [InlineData(DealStage.AwaitingFeedback)]
    [InlineData(DealStage.Negotiation)]
    public void Validate_ProposalSentOrLaterWithoutProposalOrQuote_ReportsAttachmentMissing(DealStage stage)
    {
        var record = AtStage(stage, AttachmentKind.Email, AttachmentKind.Other);

        var failure = Assert.Single(Validator.Validate(record).Errors);
        var step = TestClock.Evaluator().Evaluate(record).Step(FollowUpStep.AttachmentsAndRisks);

        Assert.Equal(("attachments", FindingCodes.AttachmentMissing, Severity.Error), (failure.PropertyName, failure.ErrorCode, failure.Severity));
        Assert.Equal(["attachments"], step.Missing);
        Assert.True(step.Score < 100, $"{step.Score}");
    }

    [Theory]
    [InlineData(DealStage.ProposalSent, AttachmentKind.Proposal)]
    [InlineData(DealStage.ProposalSent, AttachmentKind.Quote)]
    [InlineData(DealStage.AwaitingFeedback, AttachmentKind.Quote)]
    [InlineData(DealStage.Negotiation, AttachmentKind.Proposal)]
    public void Validate_ProposalSentOrLaterWithProposalOrQuote_IsValid(DealStage stage, AttachmentKind kind) =>
        Assert.True(Validator.Validate(AtStage(stage, kind)).IsValid);

    [Fact]
    public void Validate_SignedWithProposalAndContract_IsValid() =>
        Assert.True(Validator.Validate(AtStage(DealStage.Signed, AttachmentKind.Quote, AttachmentKind.Contract)).IsValid);

    [Fact]
    public void Validate_SignedWithoutContract_ReportsTheContract()
    {
        var record = AtStage(DealStage.Signed, AttachmentKind.Proposal);

        var failure = Assert.Single(Validator.Validate(record).Errors);

        Assert.Equal(FindingCodes.AttachmentMissing, failure.ErrorCode);
        Assert.Contains("合同", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Score_SignedWithOneOfItsTwoDocuments_EarnsPartOfTheCredit()
    {
        var evaluator = TestClock.Evaluator();
        double ScoreWith(params AttachmentKind[] kinds) =>
            evaluator.Evaluate(AtStage(DealStage.Signed, kinds)).Step(FollowUpStep.AttachmentsAndRisks).Score;

        var none = ScoreWith();
        var proposalOnly = ScoreWith(AttachmentKind.Proposal);
        var contractOnly = ScoreWith(AttachmentKind.Contract);
        var both = ScoreWith(AttachmentKind.Proposal, AttachmentKind.Contract);

        Assert.True(none < proposalOnly && proposalOnly < both, $"{none} < {proposalOnly} < {both}");
        Assert.Equal(proposalOnly, contractOnly);
        Assert.Equal(100, both);
    }

    [Fact]
    public void Validate_SignedWithNothing_ReportsProposalAndContract()
    {
        var result = Validator.Validate(AtStage(DealStage.Signed));

        Assert.Equal(2, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal(("attachments", FindingCodes.AttachmentMissing), (e.PropertyName, e.ErrorCode)));
    }

    [Fact]
    public void Validate_AttachmentKindAsChineseLabel_CountsAsThatKind()
    {
        var record = SampleRecords.CompleteToB() with { Attachments = [new Attachment { Kind = EnumValue<AttachmentKind>.Parse("報價單"), Name = "报价V1.xlsx" }] };

        Assert.True(Validator.Validate(record).IsValid);
    }

    [Theory]
    [InlineData("已落單", "採購訂單")]
    [InlineData("已下單", "PO")]
    [InlineData("已簽約", "訂單")]
    public void Validate_OrderPlacedWithTheCustomersOrder_HasItsContract(string stage, string order)
    {
        // An order placed is a signed deal, and the order the customer placed binds it as a contract does.
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { Stage = EnumValue<DealStage>.Parse(stage) }) with
        {
            Attachments =
            [
                new Attachment { Kind = EnumValue<AttachmentKind>.Parse("報價單"), Name = "報價V2.pdf" },
                new Attachment { Kind = EnumValue<AttachmentKind>.Parse(order), Name = "PO-2026-118.pdf" },
            ],
        };

        Assert.True(Validator.Validate(record).IsValid);
    }

    [Theory]
    [InlineData("进行中")]
    [InlineData(null)]
    public void Validate_UnknownOrMissingStage_ReportsAttachmentMissingBecauseTheStageIsUnknown(string? stage)
    {
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { Stage = EnumValue<DealStage>.Parse(stage) });

        var failure = Assert.Single(Validator.Validate(record).Errors, e => e.ErrorCode == FindingCodes.AttachmentMissing);

        Assert.Equal(("attachments", Severity.Error), (failure.PropertyName, failure.Severity));
        Assert.StartsWith("阶段不明", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_UnknownStageInEnglish_SaysTheStageIsUnknown()
    {
        var validator = new AttachmentsAndRisksValidator(TestClock.Evaluator(o => o.Culture = "en"));
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { Stage = EnumValue<DealStage>.Parse("进行中") });

        var failure = Assert.Single(validator.Validate(record).Errors, e => e.ErrorCode == FindingCodes.AttachmentMissing);

        Assert.StartsWith("The stage is unknown", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_NotedRiskWithoutCountermeasure_ReportsCountermeasureMissing()
    {
        var record = SampleRecords.CompleteToB() with
        {
            Risks =
            [
                new RiskNote { Kind = "Competitor", Description = "友商已报价 72 万", Countermeasure = "12 月 2 日前提交分期方案" },
                new RiskNote { Kind = "PriceObjection", Description = "沈总认为总价偏高", Countermeasure = "-" },
            ],
        };

        var failure = Assert.Single(Validator.Validate(record).Errors);
        var step = TestClock.Evaluator().Evaluate(record).Step(FollowUpStep.AttachmentsAndRisks);

        Assert.Equal(("risks[1].countermeasure", FindingCodes.CountermeasureMissing, Severity.Error), (failure.PropertyName, failure.ErrorCode, failure.Severity));
        Assert.Contains("风险“价格异议”", failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(["risks[1].countermeasure"], step.Missing);
    }

    [Fact]
    public void Validate_NoRisksInToB_IsValid() =>
        Assert.True(Validator.Validate(SampleRecords.CompleteToB() with { Risks = null }).IsValid);

    [Fact]
    public void Validate_OnlyReportsAttachmentAndRiskFindings()
    {
        var result = Validator.Validate(new FollowUpRecord { Scenario = "Project", Risks = [new RiskNote { Kind = "Delay" }] });

        Assert.NotEmpty(result.Errors);
        Assert.All(result.Errors, e => Assert.Matches("^(attachments|risks)", e.PropertyName));
        Assert.All(result.Errors, e => Assert.Equal(FollowUpStep.AttachmentsAndRisks, e.CustomState));
    }
}
