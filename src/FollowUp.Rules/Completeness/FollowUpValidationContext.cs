using FluentValidation;

namespace FollowUp.Rules.Completeness;

/// <summary>
/// Shares one evaluation among the FollowUp.Rules validators that run on one <see cref="IValidationContext"/>, and hands it
/// to the caller afterwards, so a record validated by several step validators (or validated, then graded) is evaluated once.
/// </summary>
/// <example>
/// <code>
/// var context = new ValidationContext&lt;FollowUpRecord&gt;(record);
/// var result = validator.Validate(context);
/// var evaluation = context.GetFollowUpEvaluation(); // the same evaluation the findings came from: score, grade, risk
/// </code>
/// </example>
public static class FollowUpValidationContext
{
    /// <summary>The <see cref="IValidationContext.RootContextData"/> key under which the evaluation is kept.</summary>
    public const string EvaluationKey = "FollowUp.Rules.Evaluation";

    private const string SourceKey = "FollowUp.Rules.EvaluationSource";

    /// <summary>Gets the evaluation a FollowUp.Rules validator made on this context.</summary>
    /// <param name="context">The context a validator ran on.</param>
    /// <returns>The evaluation, or <see langword="null"/> when no FollowUp.Rules validator has run on the context.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> is <see langword="null"/>.</exception>
    public static FollowUpEvaluation? GetFollowUpEvaluation(this IValidationContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return context.RootContextData.TryGetValue(EvaluationKey, out var value) ? value as FollowUpEvaluation : null;
    }

    /// <summary>Returns the evaluation of <paramref name="record"/> kept on the context by the same evaluator, or evaluates and keeps it.</summary>
    internal static FollowUpEvaluation Evaluate(IFollowUpEvaluator evaluator, FollowUpRecord record, IValidationContext context)
    {
        var data = context.RootContextData;
        if (data.TryGetValue(SourceKey, out var source) && source is EvaluationSource kept
            && ReferenceEquals(kept.Record, record) && ReferenceEquals(kept.Evaluator, evaluator)
            && data.TryGetValue(EvaluationKey, out var value) && value is FollowUpEvaluation evaluation)
        {
            return evaluation;
        }

        evaluation = evaluator.Evaluate(record);
        data[SourceKey] = new EvaluationSource(record, evaluator);
        data[EvaluationKey] = evaluation;
        return evaluation;
    }

    /// <summary>Which record and evaluator the kept evaluation came from, so a context reused for another record is not served a stale one.</summary>
    private sealed record EvaluationSource(FollowUpRecord Record, IFollowUpEvaluator Evaluator);
}
