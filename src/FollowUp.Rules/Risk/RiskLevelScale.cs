namespace FollowUp.Rules.Risk;

/// <summary>How much risk a record carries.</summary>
public enum RiskLevel
{
    /// <summary>Below the Medium cut-off.</summary>
    Low,

    /// <summary>Worth watching.</summary>
    Medium,

    /// <summary>Needs action.</summary>
    High,

    /// <summary>Needs action now.</summary>
    Critical,
}

/// <summary>The lowest risk score of each level; below <see cref="Medium"/> is Low.</summary>
/// <param name="Medium">The lowest score of the Medium level.</param>
/// <param name="High">The lowest score of the High level.</param>
/// <param name="Critical">The lowest score of the Critical level.</param>
public sealed record RiskLevelScale(double Medium, double High, double Critical)
{
    /// <summary>Gives the level of a risk score.</summary>
    /// <param name="score">A score from 0 to 100.</param>
    /// <returns>The level: higher scores never get a lower level.</returns>
    public RiskLevel LevelOf(double score) =>
        score >= Critical ? RiskLevel.Critical : score >= High ? RiskLevel.High : score >= Medium ? RiskLevel.Medium : RiskLevel.Low;
}
