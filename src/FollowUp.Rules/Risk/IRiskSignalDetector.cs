namespace FollowUp.Rules.Risk;

/// <summary>
/// Finds risk signals in a record. The built-in structural signals (Stale, NextActionOverdue, SingleThreaded…) are
/// detectors of this kind; add your own with <c>AddRiskSignal&lt;T&gt;()</c> on the DI builder or through
/// <see cref="FollowUpRuleSet.Create(FollowUpRulesOptions, IEnumerable{IRiskSignalDetector})"/>. Implementations must be
/// thread-safe: one instance serves every evaluation.
/// </summary>
public interface IRiskSignalDetector
{
    /// <summary>Gets the signals this detector can report, each with its code, default weight and whether it needs a countermeasure.</summary>
    IReadOnlyList<RiskSignalDefinition> Signals { get; }

    /// <summary>Reports the signals found in <see cref="RiskDetectionContext.Record"/> through <see cref="RiskDetectionContext.Report"/>.</summary>
    /// <param name="context">The record, its profile, "now", and the reporting sink.</param>
    void Detect(RiskDetectionContext context);
}

/// <summary>A risk signal a detector can report.</summary>
/// <param name="Code">Its stable code, such as <c>Stale</c>; letters and digits only.</param>
/// <param name="DefaultWeight">Its weight (0 to 1) in profiles that do not set one in <c>SignalWeights</c>.</param>
/// <param name="RequiresCountermeasure">
/// Whether the record must answer it with a <c>risks</c> entry and countermeasure (风险预警). Signals about the record's own
/// hygiene, such as a missing owner, are handled by other deductions and need none.
/// </param>
public sealed record RiskSignalDefinition(string Code, double DefaultWeight, bool RequiresCountermeasure = true);
