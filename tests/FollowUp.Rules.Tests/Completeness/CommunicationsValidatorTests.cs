using FluentValidation;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Serialization;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests.Completeness;

public class CommunicationsValidatorTests
{
    private static readonly CommunicationsValidator Validator = new(TestClock.Evaluator());

    [Fact]
    public void Step_IsCommunications() => Assert.Equal(FollowUpStep.Communications, Validator.Step);

    [Fact]
    public void Validate_CompleteRecord_IsValid() => Assert.True(Validator.Validate(SampleRecords.CompleteToB()).IsValid);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Validate_NoCommunication_ReportsTheLogOnceAndScoresItAsAnEmptyFirstEntry(bool emptyList)
    {
        var record = SampleRecords.CompleteToB() with { Communications = emptyList ? [] : null };

        var result = Validator.Validate(record);
        var step = TestClock.Evaluator().Evaluate(record).Step(FollowUpStep.Communications);

        // One finding for the log: an entry that does not exist has no fields to fill in.
        var failure = Assert.Single(result.Errors);
        Assert.Equal(("communications", FindingCodes.FieldMissing, Severity.Error), (failure.PropertyName, failure.ErrorCode, failure.Severity));

        // Scored and listed as missing every field of its first entry, so that adding an empty entry is no progress.
        Assert.Equal(0, step.Score);
        Assert.Equal(
            [
                "communications", "communications[0].at", "communications[0].channel", "communications[0].contact",
                "communications[0].contactTitle", "communications[0].contactRole", "communications[0].summary", "communications[0].feedback",
            ],
            step.Missing);
    }

    [Fact]
    public void Validate_ToBEntryWithOnlyASummary_ReportsEveryOtherRequiredMember()
    {
        var record = SampleRecords.CompleteToB() with { Communications = [new Communication { Summary = "电话沟通 20 分钟，确认 12 月 2 日前交付报价单" }] };

        var result = Validator.Validate(record);

        Assert.Equal(
            [
                "communications[0].at", "communications[0].channel", "communications[0].contact", "communications[0].contactTitle",
                "communications[0].contactRole", "communications[0].feedback",
            ],
            result.Errors.Select(e => e.PropertyName));
        Assert.All(result.Errors, e => Assert.Equal(FindingCodes.FieldMissing, e.ErrorCode));
    }

    [Fact]
    public void Validate_ToCEntry_NeedsNoContactNameTitleOrRole()
    {
        var record = SampleRecords.CompleteToC().WithCommunications(c => c with { Contact = null, ContactTitle = null, ContactRole = default });

        Assert.True(Validator.Validate(record).IsValid);
    }

    [Fact]
    public void Validate_EachEntry_IsCheckedOnItsOwnIndex()
    {
        var record = SampleRecords.CompleteToB();
        record = record with { Communications = [record.Communications![0], record.Communications[1] with { Feedback = default, At = default }] };

        var result = Validator.Validate(record);

        Assert.Equal(["communications[1].at", "communications[1].feedback"], result.Errors.Select(e => e.PropertyName));
    }

    [Fact]
    public void Validate_NullEntry_IsAnAbsentEntry()
    {
        var record = SampleRecords.CompleteToB() with { Communications = [SampleRecords.CompleteToB().Communications![0], null!] };

        Assert.Empty(Validator.Validate(record).Errors);
    }

    [Fact]
    public void Validate_LogOfNullEntries_IsMissing()
    {
        var result = Validator.Validate(SampleRecords.CompleteToB() with { Communications = [null!, null!] });

        Assert.Equal((FindingCodes.FieldMissing, "communications"), (Assert.Single(result.Errors).ErrorCode, result.Errors[0].PropertyName));
    }

    [Fact]
    public void Validate_UnknownFeedbackAndRole_AreAcknowledged()
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { Feedback = CustomerFeedback.Unknown, ContactRole = EnumValue<DecisionRole>.Parse("未知") });

        var result = Validator.Validate(record);

        Assert.Equal(4, result.Errors.Count);
        Assert.All(result.Errors, e => Assert.Equal((FindingCodes.FieldAcknowledged, Severity.Warning), (e.ErrorCode, e.Severity)));
    }

    [Theory]
    [InlineData("等客户回复")]
    [InlineData("待回复")]
    [InlineData("等客戶回覆")]
    [InlineData("待回覆")]
    [InlineData("awaiting reply")]
    [InlineData("No reply yet")]
    public void Evaluate_FeedbackSayingTheReplyIsAwaited_IsPending_NotMarkedUnknown(string feedback)
    {
        // The customer has not reacted yet: the feedback is Pending (待定), not a value the rep must still find out.
        var record = SampleRecords.CompleteToB().WithLastCommunication(c => c with { Feedback = EnumValue<CustomerFeedback>.Parse(feedback) });
        var pending = SampleRecords.CompleteToB().WithLastCommunication(c => c with { Feedback = CustomerFeedback.Pending });

        Assert.Equal(CustomerFeedback.Pending, record.Communications![^1]!.Feedback.Value);
        Assert.True(Validator.Validate(record).IsValid);
        Assert.Equal(FollowUpJson.Serialize(TestClock.Evaluator().Evaluate(pending)), FollowUpJson.Serialize(TestClock.Evaluator().Evaluate(record)));
    }

    [Fact]
    public void Validate_NoObjections_IsNotAFinding()
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { Objections = null });

        Assert.True(Validator.Validate(record).IsValid);
    }

    [Fact]
    public void Validate_UnreadableDate_IsAnInvalidDateOnTheEntry()
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { At = Timestamp.Parse("周三下午") });

        var result = Validator.Validate(record);

        Assert.Equal(["communications[0].at", "communications[1].at"], result.Errors.Select(e => e.PropertyName));
        Assert.All(result.Errors, e => Assert.Equal(FindingCodes.InvalidDate, e.ErrorCode));
    }
}
