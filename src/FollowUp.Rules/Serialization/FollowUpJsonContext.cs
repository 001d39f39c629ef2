using System.Text.Json;
using System.Text.Json.Serialization;

namespace FollowUp.Rules.Serialization;

/// <summary>Source-generated serialization metadata for the record model.</summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    Converters =
    [
        typeof(LenientStringConverter),
        typeof(LenientStringListConverter),
        typeof(TimestampConverter),
        typeof(EnumValueConverter<DecisionRole>),
        typeof(EnumValueConverter<ContactChannel>),
        typeof(EnumValueConverter<CustomerFeedback>),
        typeof(EnumValueConverter<DealStage>),
        typeof(EnumValueConverter<AttachmentKind>),
    ])]
[JsonSerializable(typeof(FollowUpRecord))]
[JsonSerializable(typeof(List<FollowUpRecord>))]
internal sealed partial class FollowUpJsonContext : JsonSerializerContext;
