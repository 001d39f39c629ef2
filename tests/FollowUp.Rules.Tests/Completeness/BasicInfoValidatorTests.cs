using FluentValidation;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests.Completeness;

public class BasicInfoValidatorTests
{
    private static readonly BasicInfoValidator Validator = new(TestClock.Evaluator());

    [Fact]
    public void Constructor_NullEvaluator_Throws() => Assert.Throws<ArgumentNullException>(() => new BasicInfoValidator(null!));

    [Fact]
    public void Step_IsBasicInfo() => Assert.Equal(FollowUpStep.BasicInfo, Validator.Step);

    [Fact]
    public void Validate_CompleteRecord_IsValid() => Assert.True(Validator.Validate(SampleRecords.CompleteToB()).IsValid);

    [Fact]
    public void Validate_EmptyToBRecord_ReportsEveryBasicField()
    {
        var result = Validator.Validate(new FollowUpRecord());

        // SPEC §3 step 1, in record order; "at least one of phone/email/wechat" is reported on customer.phone.
        Assert.Equal(
            [
                "customer.company", "customer.industry", "customer.companySize", "customer.name", "customer.contactTitle",
                "customer.decisionRole", "customer.source", "customer.level", "customer.phone",
            ],
            result.Errors.Select(e => e.PropertyName));
        Assert.All(result.Errors, e => Assert.Equal((FindingCodes.FieldMissing, Severity.Error), (e.ErrorCode, e.Severity)));
        Assert.All(result.Errors, e => Assert.Equal(FollowUpStep.BasicInfo, e.CustomState));
    }

    [Theory]
    [InlineData("13800001001", null, null)]
    [InlineData(null, "zw@example.com", null)]
    [InlineData(null, null, "zhangwei")]
    [InlineData("-", "无", "zhangwei")]
    [InlineData("13800001001", "zw@example.com", "zhangwei")]
    public void Validate_AnyOneContactMethod_IsEnough(string? phone, string? email, string? weChat)
    {
        var record = SampleRecords.CompleteToB().WithCustomer(c => c with { Phone = phone, Email = email, WeChat = weChat });

        Assert.True(Validator.Validate(record).IsValid);
        Assert.Equal(100, TestClock.Evaluator().Evaluate(record).Step(FollowUpStep.BasicInfo).Score);
    }

    [Theory]
    [InlineData(null, null, null)]
    [InlineData("", " ", "N/A")]
    public void Validate_NoContactMethod_ReportsItOnThePhone(string? phone, string? email, string? weChat)
    {
        var record = SampleRecords.CompleteToB().WithCustomer(c => c with { Phone = phone, Email = email, WeChat = weChat });

        var failure = Assert.Single(Validator.Validate(record).Errors);

        Assert.Equal(("customer.phone", FindingCodes.FieldMissing), (failure.PropertyName, failure.ErrorCode));
        Assert.StartsWith("缺少联系方式。", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_AcknowledgedContactMethod_IsAWarning()
    {
        var record = SampleRecords.CompleteToB().WithCustomer(c => c with { Phone = "客户未透露", Email = null, WeChat = null });

        var failure = Assert.Single(Validator.Validate(record).Errors);

        Assert.Equal(("customer.phone", FindingCodes.FieldAcknowledged, Severity.Warning), (failure.PropertyName, failure.ErrorCode, failure.Severity));
    }

    [Fact]
    public void Validate_ToCRecordWithoutCompanyDetails_IsValid()
    {
        var result = Validator.Validate(SampleRecords.CompleteToC());

        Assert.True(result.IsValid);
        Assert.Null(SampleRecords.CompleteToC().Customer!.Company);
    }

    [Fact]
    public void AsIValidator_ValidatesFollowUpRecords()
    {
        IValidator<FollowUpRecord> validator = Validator;

        Assert.True(validator.CanValidateInstancesOfType(typeof(FollowUpRecord)));
        Assert.False(validator.Validate(new FollowUpRecord()).IsValid);
        Assert.True(validator.Validate(SampleRecords.CompleteToB()).IsValid);
    }

    [Fact]
    public async Task ValidateAsync_GivesTheSameFailuresAsValidate()
    {
        var record = SampleRecords.CompleteToB().WithCustomer(c => c with { Industry = "待补充", Level = null });

        var sync = Validator.Validate(record);
        var async = await Validator.ValidateAsync(record);

        Assert.Equal(sync.Errors.Select(e => (e.PropertyName, e.ErrorCode)), async.Errors.Select(e => (e.PropertyName, e.ErrorCode)));
        Assert.Equal(2, async.Errors.Count);
    }

    [Fact]
    public void Validate_WithEnglishEvaluator_WritesEnglishMessages()
    {
        var validator = new BasicInfoValidator(TestClock.Evaluator(o => o.Culture = "en"));

        var failure = Assert.Single(validator.Validate(SampleRecords.CompleteToB().WithCustomer(c => c with { Company = null })).Errors);

        Assert.Equal("customer.company", failure.PropertyName);
        Assert.StartsWith("Missing company.", failure.ErrorMessage, StringComparison.Ordinal);
    }
}
