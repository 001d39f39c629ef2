using FluentValidation;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Profiles;
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

        // SPEC §3 step 1, in record order; "at least one of phone/email/wechat" (and WhatsApp, LINE) is reported on customer.phone.
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
    [InlineData("13800001001", null, null, null, null)]
    [InlineData(null, "zw@example.com", null, null, null)]
    [InlineData(null, null, "zhangwei", null, null)]
    [InlineData(null, null, null, "+852 6123 4567", null)]
    [InlineData(null, null, null, null, "chen.tw")]
    [InlineData("-", "无", "zhangwei", null, null)]
    [InlineData("-", "N/A", "/", "+60 12-345 6789", "")]
    [InlineData("待补充", null, null, null, "chen.tw")]
    [InlineData("13800001001", "zw@example.com", "zhangwei", "+852 6123 4567", "chen.tw")]
    public void Validate_AnyOneContactMethod_IsEnough(string? phone, string? email, string? weChat, string? whatsApp, string? line)
    {
        var record = SampleRecords.CompleteToB().WithCustomer(c => c with { Phone = phone, Email = email, WeChat = weChat, WhatsApp = whatsApp, Line = line });

        Assert.True(Validator.Validate(record).IsValid);
        Assert.Equal(100, TestClock.Evaluator().Evaluate(record).Step(FollowUpStep.BasicInfo).Score);
    }

    [Theory]
    [InlineData(null, null, null, null, null)]
    [InlineData("", " ", "N/A", null, null)]
    [InlineData(null, null, null, "-", "N/A")]
    [InlineData("无", "/", null, "null", "\u3000")]
    public void Validate_NoContactMethod_ReportsItOnThePhone(string? phone, string? email, string? weChat, string? whatsApp, string? line)
    {
        var record = SampleRecords.CompleteToB().WithCustomer(c => c with { Phone = phone, Email = email, WeChat = weChat, WhatsApp = whatsApp, Line = line });

        var failure = Assert.Single(Validator.Validate(record).Errors);

        Assert.Equal(("customer.phone", FindingCodes.FieldMissing), (failure.PropertyName, failure.ErrorCode));
        Assert.StartsWith("缺少联系方式。", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(FollowUpFields.CustomerPhone)]
    [InlineData(FollowUpFields.CustomerWhatsApp)]
    [InlineData(FollowUpFields.CustomerLine)]
    public void Validate_AcknowledgedContactMethod_IsAWarning(string field)
    {
        var record = SampleRecords.CompleteToB().WithCustomer(c => c with { Phone = null, Email = null, WeChat = null })
            .WithCustomer(c => WithContact(c, field, "客户未透露"));

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

    [Theory]
    [InlineData(FollowUpFields.CustomerWeChat)]
    [InlineData(FollowUpFields.CustomerWhatsApp)]
    [InlineData(FollowUpFields.CustomerLine)]
    public void Validate_ContactFieldRequiredOnItsOwn_IsMissingUntilItHoldsAValue(string field)
    {
        var validator = new BasicInfoValidator(TestClock.Evaluator(o => o.Profiles["ToB"] = new ProfileOptions { RequiredFields = { field } }));
        var phoneOnly = SampleRecords.CompleteToB().WithCustomer(c => c with { WeChat = null });

        var missing = Assert.Single(validator.Validate(phoneOnly).Errors);
        var placeholder = Assert.Single(validator.Validate(phoneOnly.WithCustomer(c => WithContact(c, field, "N/A"))).Errors);

        Assert.Equal((field, FindingCodes.FieldMissing), (missing.PropertyName, missing.ErrorCode));
        Assert.Equal((field, FindingCodes.FieldMissing), (placeholder.PropertyName, placeholder.ErrorCode));
        Assert.True(validator.Validate(phoneOnly.WithCustomer(c => WithContact(c, field, "chen_2026"))).IsValid);
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

    private static Customer WithContact(Customer customer, string field, string value) => field switch
    {
        FollowUpFields.CustomerPhone => customer with { Phone = value },
        FollowUpFields.CustomerWeChat => customer with { WeChat = value },
        FollowUpFields.CustomerWhatsApp => customer with { WhatsApp = value },
        FollowUpFields.CustomerLine => customer with { Line = value },
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "not a contact field"),
    };
}
