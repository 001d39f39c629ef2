using System.Text.Json.Serialization;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules;

/// <summary>The deal's progress and next step (进度与下一步).</summary>
public sealed record DealProgress
{
    /// <summary>Gets the current stage (当前进度).</summary>
    [JsonPropertyName("stage")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public EnumValue<DealStage> Stage { get; init; }

    /// <summary>Gets when the deal entered the current stage.</summary>
    [JsonPropertyName("stageSince")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Timestamp StageSince { get; init; }

    /// <summary>Gets the next action (下一步行动).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("nextAction")]
    public string? NextAction { get; init; }

    /// <summary>Gets when the next action is due.</summary>
    [JsonPropertyName("nextActionDue")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Timestamp NextActionDue { get; init; }

    /// <summary>Gets who does the next action. When empty, the record's <see cref="FollowUpRecord.Owner"/> is responsible.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("nextActionOwner")]
    public string? NextActionOwner { get; init; }
}
