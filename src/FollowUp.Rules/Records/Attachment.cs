using System.Text.Json.Serialization;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules;

/// <summary>A document attached to the record (附件).</summary>
public sealed record Attachment
{
    /// <summary>Gets what kind of document it is.</summary>
    [JsonPropertyName("kind")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public EnumValue<AttachmentKind> Kind { get; init; }

    /// <summary>Gets the file name.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets where the document can be found.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("uri")]
    public string? Uri { get; init; }
}
