using System.Text.Json.Serialization;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules;

/// <summary>One contact with the customer (沟通节点).</summary>
public sealed record Communication
{
    /// <summary>Gets when the contact took place.</summary>
    [JsonPropertyName("at")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Timestamp At { get; init; }

    /// <summary>Gets how the contact took place (方式).</summary>
    [JsonPropertyName("channel")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public EnumValue<ContactChannel> Channel { get; init; }

    /// <summary>Gets the name of the person spoken to (沟通对象).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("contact")]
    public string? Contact { get; init; }

    /// <summary>Gets that person's job title.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("contactTitle")]
    public string? ContactTitle { get; init; }

    /// <summary>Gets that person's role in the decision.</summary>
    [JsonPropertyName("contactRole")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public EnumValue<DecisionRole> ContactRole { get; init; }

    /// <summary>Gets the summary of what was said (沟通内容摘要).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("summary")]
    public string? Summary { get; init; }

    /// <summary>Gets the customer's reaction (客户反馈).</summary>
    [JsonPropertyName("feedback")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public EnumValue<CustomerFeedback> Feedback { get; init; }

    /// <summary>Gets the customer's objections (异议), if any.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("objections")]
    public string? Objections { get; init; }
}
