using FluentValidation;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests.Completeness;

public class FollowUpValidationContextTests
{
    [Fact]
    public void StepValidatorsOnOneContext_EvaluateTheRecordOnce()
    {
        var evaluator = new CountingEvaluator(TestClock.Evaluator());
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { Budget = null });
        var context = new ValidationContext<FollowUpRecord>(record);

        new BasicInfoValidator(evaluator).Validate(context);
        new NeedsValidator(evaluator).Validate(context);
        new ProgressValidator(evaluator).Validate(context);

        Assert.Equal(1, evaluator.Evaluations);
        Assert.Contains(context.GetFollowUpEvaluation()!.Findings, f => f.Field == "needs.budget");
    }

    [Fact]
    public void GetFollowUpEvaluation_AfterValidation_IsTheEvaluationTheFindingsCameFrom()
    {
        var evaluator = TestClock.Evaluator();
        var record = SampleRecords.CompleteToB().WithCustomer(c => c with { Company = null });
        var context = new ValidationContext<FollowUpRecord>(record);

        var result = new FollowUpRecordValidator(evaluator).Validate(context);
        var evaluation = context.GetFollowUpEvaluation();

        Assert.NotNull(evaluation);
        Assert.Same(evaluation, context.RootContextData[FollowUpValidationContext.EvaluationKey]);
        Assert.Equal(evaluation.Findings.Select(f => f.Code), result.Errors.Select(f => f.ErrorCode));
        Assert.Equal(evaluator.Evaluate(record).Score, evaluation.Score);
    }

    [Fact]
    public void ChangingAValidatorsFailure_LeavesTheEvaluationOnTheContextAsItWas()
    {
        var record = SampleRecords.CompleteToB().WithCustomer(c => c with { Company = null });
        var context = new ValidationContext<FollowUpRecord>(record);

        var failure = new BasicInfoValidator(TestClock.Evaluator()).Validate(context).Errors.Single(f => f.PropertyName == "customer.company");
        var message = failure.ErrorMessage;
        failure.ErrorMessage = "changed by the host";
        failure.Severity = Severity.Info;

        var finding = context.GetFollowUpEvaluation()!.Findings.Single(f => f.Field == "customer.company");
        Assert.Equal(message, finding.Message);
        Assert.Equal(Severity.Error, finding.Severity);
        Assert.Equal(FollowUpStep.BasicInfo, failure.CustomState);
    }

    [Fact]
    public void GetFollowUpEvaluation_BeforeAnyFollowUpValidator_IsNull() =>
        Assert.Null(new ValidationContext<FollowUpRecord>(SampleRecords.CompleteToB()).GetFollowUpEvaluation());

    [Fact]
    public void GetFollowUpEvaluation_NullContext_Throws() =>
        Assert.Throws<ArgumentNullException>(() => FollowUpValidationContext.GetFollowUpEvaluation(null!));

    [Fact]
    public void ContextData_CarriedToAnotherRecord_IsNotReused()
    {
        var evaluator = new CountingEvaluator(TestClock.Evaluator());
        var first = new ValidationContext<FollowUpRecord>(SampleRecords.CompleteToB());
        new NeedsValidator(evaluator).Validate(first);
        var other = SampleRecords.CompleteToB().WithNeeds(n => n with { Budget = null });
        var second = new ValidationContext<FollowUpRecord>(other, null, first.Selector);
        foreach (var (key, value) in first.RootContextData)
        {
            second.RootContextData[key] = value;
        }

        var result = new NeedsValidator(evaluator).Validate(second);

        Assert.Equal(2, evaluator.Evaluations);
        Assert.Contains(result.Errors, f => f.PropertyName == "needs.budget");
    }

    [Fact]
    public void ContextData_FromAnotherEvaluator_IsNotReused()
    {
        var record = SampleRecords.CompleteToB();
        var context = new ValidationContext<FollowUpRecord>(record);
        var first = new CountingEvaluator(TestClock.Evaluator());
        var second = new CountingEvaluator(TestClock.Evaluator());

        new NeedsValidator(first).Validate(context);
        new NeedsValidator(second).Validate(context);

        Assert.Equal((1, 1), (first.Evaluations, second.Evaluations));
    }

    /// <summary>Counts the evaluations it passes on, to show which validations reuse the kept one.</summary>
    private sealed class CountingEvaluator(IFollowUpEvaluator inner) : IFollowUpEvaluator
    {
        public int Evaluations { get; private set; }

        public FollowUpRuleSet Rules => inner.Rules;

        public FollowUpEvaluation Evaluate(FollowUpRecord record)
        {
            Evaluations++;
            return inner.Evaluate(record);
        }

        public FollowUpEvaluation Evaluate(FollowUpRecord record, string? profile)
        {
            Evaluations++;
            return inner.Evaluate(record, profile);
        }
    }
}
