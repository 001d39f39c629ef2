using FluentValidation;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests.Completeness;

public class FollowUpRecordValidatorTests
{
    private static readonly FollowUpEvaluator Evaluator = TestClock.Evaluator();

    /// <summary>A record with findings in every step and one at record level (the unknown scenario).</summary>
    private static FollowUpRecord FlawedRecord() => SampleRecords.CompleteToB()
        .WithCustomer(c => c with { Company = null })
        .WithNeeds(n => n with { Budget = "待补充" })
        .WithCommunications(c => c with { Feedback = default })
        .WithProgress(p => p with { NextActionDue = TestClock.DaysFromNow(-2) })
        .WithAttachments() with { Scenario = "Wholesale" };

    [Fact]
    public void Constructor_NullEvaluator_Throws() => Assert.Throws<ArgumentNullException>(() => new FollowUpRecordValidator(null!));

    [Fact]
    public void Validate_CompleteRecord_IsValid() => Assert.True(new FollowUpRecordValidator(Evaluator).Validate(SampleRecords.CompleteToB()).IsValid);

    [Fact]
    public void Validate_ReportsEveryFindingOfTheEvaluationInOrder()
    {
        var record = FlawedRecord();

        var result = new FollowUpRecordValidator(Evaluator).Validate(record);
        var evaluation = Evaluator.Evaluate(record);

        Assert.Equal(
            evaluation.Findings.Select(f => (f.Field, f.Code, f.Severity, f.Message)),
            result.Errors.Select(f => (f.PropertyName, f.ErrorCode, f.Severity, f.ErrorMessage)));
    }

    [Fact]
    public void Validate_NestedInAHostValidator_PutsEachFieldUnderItsParentPath()
    {
        var import = new Import(FlawedRecord(), [SampleRecords.CompleteToB(), FlawedRecord()]);

        var failures = new ImportValidator(Evaluator).Validate(import).Errors;

        var fields = Evaluator.Evaluate(FlawedRecord()).Findings.Select(f => f.Field).ToList();
        var basicInfoFields = Evaluator.Evaluate(FlawedRecord()).Findings.Where(f => f.Step == FollowUpStep.BasicInfo).Select(f => f.Field);
        Assert.Equal(
            [.. fields.Select(f => "Record." + f), .. basicInfoFields.Select(f => "Records[1]." + f)],
            failures.Select(f => f.PropertyName));
    }

    private sealed record Import(FollowUpRecord Record, IReadOnlyList<FollowUpRecord> Records);

    private sealed class ImportValidator : AbstractValidator<Import>
    {
        public ImportValidator(IFollowUpEvaluator evaluator)
        {
            RuleFor(x => x.Record).SetValidator(new FollowUpRecordValidator(evaluator));
            RuleForEach(x => x.Records).SetValidator(new BasicInfoValidator(evaluator));
        }
    }

    [Fact]
    public void Validate_IsTheFiveStepValidatorsPlusRecordLevelFindings()
    {
        var record = FlawedRecord();
        FollowUpStepValidator[] steps =
        [
            new BasicInfoValidator(Evaluator), new NeedsValidator(Evaluator), new CommunicationsValidator(Evaluator),
            new ProgressValidator(Evaluator), new AttachmentsAndRisksValidator(Evaluator),
        ];

        var composite = new FollowUpRecordValidator(Evaluator).Validate(record).Errors;
        var perStep = steps.Select(v => v.Validate(record).Errors).ToList();

        Assert.All(perStep, errors => Assert.NotEmpty(errors));
        Assert.All(steps.Zip(perStep), pair => Assert.All(pair.Second, e => Assert.Equal(pair.First.Step, e.CustomState)));
        var recordLevel = Assert.Single(composite, e => e.CustomState is null);
        Assert.Equal(("scenario", FindingCodes.UnknownProfile), (recordLevel.PropertyName, recordLevel.ErrorCode));
        Assert.Equal(composite.Count, perStep.Sum(e => e.Count) + 1);
        Assert.Equal(
            composite.Where(e => e.CustomState is not null).Select(e => (e.PropertyName, e.ErrorCode)).Order(),
            perStep.SelectMany(e => e).Select(e => (e.PropertyName, e.ErrorCode)).Order());
    }

    [Fact]
    public void AsIValidator_CanBeUsedInAHostPipeline()
    {
        IEnumerable<IValidator<FollowUpRecord>> pipeline = [new FollowUpRecordValidator(Evaluator)];

        var failures = pipeline.SelectMany(v => v.Validate(FlawedRecord()).Errors).ToList();

        Assert.Contains(failures, e => e.Severity == Severity.Error);
        Assert.Contains(failures, e => e.Severity == Severity.Warning);
        Assert.Contains(failures, e => e.PropertyName == "customer.company");
    }

    [Fact]
    public void Validate_WarningsOnly_AreStillReportedAsFailures()
    {
        // FluentValidation counts every failure against IsValid; hosts filter on Severity to let warnings through.
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { Budget = "客户暂未明确" });

        var result = new FollowUpRecordValidator(Evaluator).Validate(record);

        var failure = Assert.Single(result.Errors);
        Assert.Equal(Severity.Warning, failure.Severity);
        Assert.False(result.IsValid);
    }
}
