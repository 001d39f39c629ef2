using System.Text.Json;
using System.Text.Json.Serialization;

namespace FollowUp.Rules.Serialization;

/// <summary>
/// Source-generated serialization metadata for the record model, and for the evaluation, reminders and team report (the
/// evaluation and report written in the SPEC's shape by their own converters), and lists of evaluations and reminders, so that a Native AOT host has metadata for every type the library reads or writes.
/// The record's own [JsonConverter] attributes make it lenient; the option-level string converter extends that to the
/// values of <see cref="FollowUpRecord.Custom"/>. A name given twice in one object is refused rather than read last-wins,
/// which would drop the first value without a word.
/// </summary>
[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    AllowDuplicateProperties = false,
    Converters = [typeof(LenientStringConverter)])]
[JsonSerializable(typeof(FollowUpRecord))]
[JsonSerializable(typeof(List<FollowUpRecord>))]
[JsonSerializable(typeof(FollowUpEvaluation))]
[JsonSerializable(typeof(IReadOnlyList<FollowUpEvaluation>))]
[JsonSerializable(typeof(Reminders.FollowUpReminder))]
[JsonSerializable(typeof(IReadOnlyList<Reminders.FollowUpReminder>))]
[JsonSerializable(typeof(Reporting.TeamReport))]
internal sealed partial class FollowUpJsonContext : JsonSerializerContext;
