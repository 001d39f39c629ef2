using System.Globalization;
using System.Text.Json.Serialization;

namespace FollowUp.Rules.Risk;

/// <summary>How much risk a record carries.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<RiskLevel>))]
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
public sealed record RiskLevelScale
{
    /// <summary>Initializes a scale from the lowest risk score of each level.</summary>
    /// <param name="Medium">The lowest score of the Medium level.</param>
    /// <param name="High">The lowest score of the High level.</param>
    /// <param name="Critical">The lowest score of the Critical level.</param>
    /// <exception cref="ArgumentException">The cut-offs do not satisfy 0 &lt; Medium &lt;= High &lt;= Critical &lt;= 100, as
    /// <see cref="RiskLevelOptions"/> must. Equal cut-offs are allowed: the lower of the two levels is then never given.</exception>
    public RiskLevelScale(double Medium, double High, double Critical)
    {
        // Out of order, the scale would level silently wrong (with Medium above Critical, 60 is Critical), so it is refused
        // as the options are. Medium must be above 0, or no record would be Low.
        if (FirstOutOfOrder(Medium, High, Critical) is { } outOfOrder)
        {
            throw new ArgumentException(
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"Risk level cut-offs must satisfy 0 < Medium <= High <= Critical <= 100; got Medium={Medium}, High={High}, Critical={Critical}."),
                outOfOrder);
        }

        this.Medium = Medium;
        this.High = High;
        this.Critical = Critical;
    }

    /// <summary>
    /// The first cut-off, from Medium up, that breaks 0 &lt; Medium &lt;= High &lt;= Critical &lt;= 100, or <see langword="null"/>; the
    /// options validator checks the same.
    /// </summary>
    internal static string? FirstOutOfOrder(double Medium, double High, double Critical) =>
        !(double.IsFinite(Medium) && Medium > 0) ? nameof(Medium)
        : !(double.IsFinite(High) && High >= Medium) ? nameof(High)
        : !(double.IsFinite(Critical) && Critical >= High && Critical <= 100) ? nameof(Critical)
        : null;

    // Get-only rather than init, so a with-expression cannot put the cut-offs out of order either.
    /// <summary>Gets the lowest score of the Medium level.</summary>
    public double Medium { get; }

    /// <summary>Gets the lowest score of the High level.</summary>
    public double High { get; }

    /// <summary>Gets the lowest score of the Critical level.</summary>
    public double Critical { get; }

    /// <summary>Gives the cut-offs.</summary>
    /// <param name="Medium">The lowest score of the Medium level.</param>
    /// <param name="High">The lowest score of the High level.</param>
    /// <param name="Critical">The lowest score of the Critical level.</param>
    public void Deconstruct(out double Medium, out double High, out double Critical) => (Medium, High, Critical) = (this.Medium, this.High, this.Critical);

    /// <summary>Gives the level of a risk score.</summary>
    /// <param name="score">A score from 0 to 100.</param>
    /// <returns>The level: higher scores never get a lower level.</returns>
    public RiskLevel LevelOf(double score) =>
        score >= Critical ? RiskLevel.Critical : score >= High ? RiskLevel.High : score >= Medium ? RiskLevel.Medium : RiskLevel.Low;
}
