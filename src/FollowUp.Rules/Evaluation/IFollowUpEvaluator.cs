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
    /// The profile's name (case-insensitive) or alias. <see langword="null"/> or a blank name, like a record that names no scenario, means the default profile.
    /// </param>
    /// <returns>The evaluation.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException">No profile is named <paramref name="profile"/>.</exception>
    FollowUpEvaluation Evaluate(FollowUpRecord record, string? profile);
}
