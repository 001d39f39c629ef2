using System.Text.Json.Serialization;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules;

/// <summary>A risk the author noted, with what they will do about it (风险提示与应对建议).</summary>
public sealed record RiskNote
{
    /// <summary>Gets the risk signal code this note answers, such as <c>Competitor</c> or <c>PriceObjection</c>.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("kind")]
    public string? Kind { get; init; }

    /// <summary>Gets the description of the risk.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("description")]
    public string? Description { get; init; }

    /// <summary>Gets the countermeasure (应对建议).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("countermeasure")]
    public string? Countermeasure { get; init; }
}
