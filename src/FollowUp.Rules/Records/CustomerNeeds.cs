using System.Text.Json.Serialization;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules;

/// <summary>The customer's needs and pain points (需求与痛点).</summary>
public sealed record CustomerNeeds
{
    /// <summary>Gets the need in the customer's terms (需求).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("summary")]
    public string? Summary { get; init; }

    /// <summary>Gets the quantity, as free text such as "200 套".</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("quantity")]
    public string? Quantity { get; init; }

    /// <summary>Gets the budget, as free text such as "50万".</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("budget")]
    public string? Budget { get; init; }

    /// <summary>Gets the pain points (痛点).</summary>
    [JsonConverter(typeof(LenientStringListConverter))]
    [JsonPropertyName("painPoints")]
    public IReadOnlyList<string>? PainPoints { get; init; }

    /// <summary>Gets what the customer cares about (关注点), such as price or delivery time.</summary>
    [JsonConverter(typeof(LenientStringListConverter))]
    [JsonPropertyName("concerns")]
    public IReadOnlyList<string>? Concerns { get; init; }

    /// <summary>Gets the history of changes to the needs (需求变更历史).</summary>
    [JsonPropertyName("changes")]
    public IReadOnlyList<NeedsChange>? Changes { get; init; }
}

/// <summary>One change to the customer's needs.</summary>
public sealed record NeedsChange
{
    /// <summary>Gets when the change was learned.</summary>
    [JsonPropertyName("at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Timestamp At { get; init; }

    /// <summary>Gets what changed, such as "数量从100套增至200套".</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("description")]
    public string? Description { get; init; }
}
