namespace FollowUp.Rules.Risk;

/// <summary>The lowest risk score of each level; anything below <see cref="Medium"/> is Low.</summary>
public sealed class RiskLevelOptions
{
    /// <summary>Gets or sets the lowest score of the Medium level.</summary>
    /// <value>25.</value>
    public double Medium { get; set; } = 25;

    /// <summary>Gets or sets the lowest score of the High level.</summary>
    /// <value>50.</value>
    public double High { get; set; } = 50;

    /// <summary>Gets or sets the lowest score of the Critical level.</summary>
    /// <value>75.</value>
    public double Critical { get; set; } = 75;
}
