namespace FollowUp.Rules.Risk;

/// <summary>A risk signal found in a record.</summary>
/// <param name="Code">The signal's stable code, such as <c>Competitor</c> (see <see cref="RiskSignalCodes"/>).</param>
/// <param name="Field">Where it was found, such as <c>communications[0].summary</c> or <c>progress.nextActionDue</c>.</param>
/// <param name="Evidence">The matched text, or the fact that raised it.</param>
/// <param name="Weight">Its weight, 0 to 1, from the profile.</param>
public readonly record struct RiskSignal(string Code, string Field, string Evidence, double Weight);

/// <summary>The risk a record carries.</summary>
public sealed class RiskAssessment
{
    internal RiskAssessment(double score, RiskLevel level, IReadOnlyList<RiskSignal> signals)
    {
        Score = score;
        Level = level;
        Signals = signals;
    }

    /// <summary>Gets the risk score, 0 to 100: <c>100 × (1 − Π(1 − weight))</c> over the distinct signals, so adding a signal never lowers it.</summary>
    public double Score { get; }

    /// <summary>Gets the risk level of <see cref="Score"/>.</summary>
    public RiskLevel Level { get; }

    /// <summary>Gets the signals, in record order.</summary>
    public IReadOnlyList<RiskSignal> Signals { get; }
}
