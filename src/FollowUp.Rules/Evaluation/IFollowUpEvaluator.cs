using System.Globalization;

namespace FollowUp.Rules;

/// <summary>Evaluates follow-up records against a rule set. Implementations are thread-safe.</summary>
public interface IFollowUpEvaluator
{
    /// <summary>Gets the rule set evaluations currently use.</summary>
    FollowUpRuleSet Rules { get; }

    /// <summary>Evaluates a record with the profile its <see cref="FollowUpRecord.Scenario"/> names, or the default profile.</summary>
    /// <param name="record">The record; any member may be missing.</param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    FollowUpEvaluation Evaluate(FollowUpRecord record);

    /// <summary>Evaluates a record with a given profile, whatever its <see cref="FollowUpRecord.Scenario"/> says.</summary>
    /// <param name="record">The record; any member may be missing.</param>
    /// <param name="profile">
    /// The profile's name (case-insensitive) or alias. <see langword="null"/> or a blank name gives none, so the record's
    /// scenario chooses, as in <see cref="Evaluate(FollowUpRecord)"/> and as <see cref="BatchEvaluationOptions.Profile"/> does:
    /// a tenant's optional profile setting can be passed as it is. To use the default profile whatever the record says, pass
    /// its name (<c>evaluator.Rules.DefaultProfile.Name</c>).
    /// </param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">
    /// No profile has <paramref name="profile"/> as its name or alias. Unlike a record's unknown scenario, which gets the default
    /// profile and an <c>UnknownProfile</c> warning, a profile the caller names must exist: check a name from outside (a URL,
    /// a tenant's setting) with <see cref="FollowUpRuleSet.TryGetProfile"/> first.
    /// </exception>
    FollowUpEvaluation Evaluate(FollowUpRecord record, string? profile);

    /// <summary>
    /// Gets an evaluator that writes its messages (findings, deductions, signals' evidence, reminders) in a given culture and is
    /// this one in every other respect: the same rules, "now" and reloads. One registration serves users of several languages,
    /// each call in its user's; anything that takes an evaluator (the validators, <see cref="BatchEvaluation.EvaluateMany"/>,
    /// <see cref="Reminders.FollowUpReminders"/>) then works in that culture.
    /// </summary>
    /// <param name="culture">
    /// The culture of the messages, read as <see cref="FollowUpRulesOptions.Culture"/> is: Hong Kong's Traditional Chinese for
    /// <c>zh-HK</c> and <c>zh-MO</c>, Taiwan's for <c>zh-TW</c> and the other <c>zh-Hant</c> cultures, Simplified Chinese for every
    /// other Chinese culture, English for every English one. A culture that is neither Chinese nor English (the invariant culture,
    /// <c>fr-FR</c>) gets the rule set's <see cref="FollowUpRuleSet.Culture"/>. It takes the place of the caller's culture when the
    /// rules follow that (<see cref="FollowUpRulesOptions.FollowCurrentUICulture"/>).
    /// </param>
    /// <returns>The evaluator in <paramref name="culture"/>; thread-safe, and cheap to ask for on every call.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is <see langword="null"/>.</exception>
    /// <exception cref="NotSupportedException">
    /// The implementation does not evaluate in a given culture: the default of this member, so that implementations written
    /// before it still compile and run.
    /// </exception>
    /// <example>
    /// <code>
    /// var evaluation = evaluator.WithCulture(CultureInfo.GetCultureInfo("zh-TW")).Evaluate(record);
    /// </code>
    /// </example>
    IFollowUpEvaluator WithCulture(CultureInfo culture) => throw new NotSupportedException(
        $"{GetType().Name} does not evaluate in a given culture: implement IFollowUpEvaluator.WithCulture, or evaluate with FollowUpEvaluator.");
}
