using FollowUp.Rules.Profiles;

namespace FollowUp.Rules;

/// <summary>
/// Evaluates follow-up records against one immutable <see cref="FollowUpRuleSet"/>, with "now" from a
/// <see cref="TimeProvider"/> so results are reproducible. Build it once and share it: it is thread-safe.
/// </summary>
/// <example>
/// <code>
/// var evaluator = new FollowUpEvaluator(FollowUpRuleSet.Default);
/// var evaluation = evaluator.Evaluate(record);
/// Console.WriteLine($"{evaluation.Grade} {evaluation.Score}");
/// </code>
/// </example>
public sealed class FollowUpEvaluator : IFollowUpEvaluator
{
    private readonly TimeProvider _timeProvider;

    /// <summary>Initializes a new instance of the <see cref="FollowUpEvaluator"/> class.</summary>
    /// <param name="rules">The rule set.</param>
    /// <param name="timeProvider">Where "now" comes from; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> is <see langword="null"/>.</exception>
    public FollowUpEvaluator(FollowUpRuleSet rules, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public FollowUpRuleSet Rules { get; }

    /// <summary>Creates an evaluator from options set in code.</summary>
    /// <param name="configure">Changes to the default options, or <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">Where "now" comes from; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <returns>The evaluator.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public static FollowUpEvaluator Create(Action<FollowUpRulesOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        if (configure is null)
        {
            return new FollowUpEvaluator(FollowUpRuleSet.Default, timeProvider);
        }

        var options = new FollowUpRulesOptions();
        configure(options);
        return new FollowUpEvaluator(FollowUpRuleSet.Create(options), timeProvider);
    }

    /// <inheritdoc />
    public FollowUpEvaluation Evaluate(FollowUpRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var known = Rules.TryGetProfile(record.Scenario, out var profile);
        return Evaluate(record, profile, unknownProfile: !known);
    }

    /// <inheritdoc />
    public FollowUpEvaluation Evaluate(FollowUpRecord record, string? profile)
    {
        ArgumentNullException.ThrowIfNull(record);
        return Evaluate(record, Rules.GetProfile(profile), unknownProfile: false);
    }

    internal FollowUpEvaluation Evaluate(FollowUpRecord record, FollowUpProfile profile, bool unknownProfile)
    {
        var now = _timeProvider.GetUtcNow().ToOffset(Rules.DefaultUtcOffset);
        var inspection = Inspection.Rent();
        try
        {
            inspection.Run(record, Rules, profile, now, unknownProfile);
            return EvaluationBuilder.Build(inspection, Rules, profile);
        }
        finally
        {
            Inspection.Return(inspection);
        }
    }
}
