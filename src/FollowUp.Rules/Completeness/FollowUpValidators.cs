using FluentValidation;
using FluentValidation.Results;

namespace FollowUp.Rules.Completeness;

/// <summary>
/// A FluentValidation validator for one of the five steps: it reports the findings on that step's fields (missing and
/// acknowledged fields, unreadable values, vague phrases), with the stable codes of <see cref="FindingCodes"/>.
/// </summary>
/// <remarks>
/// Each failure's <see cref="ValidationFailure.CustomState"/> is the <see cref="FollowUpStep"/> it belongs to; its
/// <see cref="ValidationFailure.PropertyName"/> is the field path, under the parent's path when the validator is nested
/// (<c>Records[1].customer.company</c> with <c>RuleForEach(x =&gt; x.Records).SetValidator(...)</c>).
/// The validator evaluates with the evaluator's current rule set, so it follows configuration reloads. Validators run on
/// one context share one evaluation, which <see cref="FollowUpValidationContext.GetFollowUpEvaluation"/> returns.
/// </remarks>
public abstract class FollowUpStepValidator : AbstractValidator<FollowUpRecord>
{
    /// <summary>Initializes a new instance of the <see cref="FollowUpStepValidator"/> class.</summary>
    /// <param name="evaluator">The evaluator whose rules to apply.</param>
    /// <param name="step">The step to report on.</param>
    /// <exception cref="ArgumentNullException"><paramref name="evaluator"/> is <see langword="null"/>.</exception>
    protected FollowUpStepValidator(IFollowUpEvaluator evaluator, FollowUpStep step)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        Step = step;
        RuleFor(record => record).Custom((record, context) =>
        {
            foreach (var finding in FollowUpValidationContext.Evaluate(evaluator, record, context).Findings)
            {
                if (finding.Step == step)
                {
                    context.AddFailure(finding.ToValidationFailureAt(context.PropertyChain.BuildPropertyName(finding.Field)));
                }
            }
        });
    }

    /// <summary>Gets the step this validator reports on.</summary>
    public FollowUpStep Step { get; }
}

/// <summary>Validates step 1, customer basics (客户基础信息).</summary>
/// <param name="evaluator">The evaluator whose rules to apply.</param>
public sealed class BasicInfoValidator(IFollowUpEvaluator evaluator) : FollowUpStepValidator(evaluator, FollowUpStep.BasicInfo);

/// <summary>Validates step 2, needs and pain points (需求与痛点).</summary>
/// <param name="evaluator">The evaluator whose rules to apply.</param>
public sealed class NeedsValidator(IFollowUpEvaluator evaluator) : FollowUpStepValidator(evaluator, FollowUpStep.Needs);

/// <summary>Validates step 3, the communication log (沟通节点).</summary>
/// <param name="evaluator">The evaluator whose rules to apply.</param>
public sealed class CommunicationsValidator(IFollowUpEvaluator evaluator) : FollowUpStepValidator(evaluator, FollowUpStep.Communications);

/// <summary>Validates step 4, progress and next step (进度与下一步).</summary>
/// <param name="evaluator">The evaluator whose rules to apply.</param>
public sealed class ProgressValidator(IFollowUpEvaluator evaluator) : FollowUpStepValidator(evaluator, FollowUpStep.Progress);

/// <summary>Validates step 5, attachments and risk (附件与风险).</summary>
/// <param name="evaluator">The evaluator whose rules to apply.</param>
public sealed class AttachmentsAndRisksValidator(IFollowUpEvaluator evaluator) : FollowUpStepValidator(evaluator, FollowUpStep.AttachmentsAndRisks);

/// <summary>
/// Validates a whole record: every finding of every step, plus the record-level ones (such as an unknown scenario), from
/// one evaluation. Registered as <see cref="IValidator{T}"/> of <see cref="FollowUpRecord"/>.
/// </summary>
/// <remarks>
/// <see cref="ValidationResult.IsValid"/> is <see langword="false"/> for Warnings too (vague wording, an acknowledged
/// "待补充"); to accept records that only have warnings, check for failures of <see cref="Severity.Error"/>. The evaluation
/// behind the findings (score, grade, risk) is kept on the context: see <see cref="FollowUpValidationContext"/>.
/// </remarks>
public sealed class FollowUpRecordValidator : AbstractValidator<FollowUpRecord>
{
    /// <summary>Initializes a new instance of the <see cref="FollowUpRecordValidator"/> class.</summary>
    /// <param name="evaluator">The evaluator whose rules to apply.</param>
    /// <exception cref="ArgumentNullException"><paramref name="evaluator"/> is <see langword="null"/>.</exception>
    public FollowUpRecordValidator(IFollowUpEvaluator evaluator)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        RuleFor(record => record).Custom((record, context) =>
        {
            foreach (var finding in FollowUpValidationContext.Evaluate(evaluator, record, context).Findings)
            {
                context.AddFailure(finding.ToValidationFailureAt(context.PropertyChain.BuildPropertyName(finding.Field)));
            }
        });
    }
}
