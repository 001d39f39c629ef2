using System.Text.Json.Serialization;

namespace FollowUp.Rules.Serialization;

/// <summary>
/// The JSON Schemas (draft 2020-12) the library ships, one per JSON shape it reads or writes, for
/// <see cref="FollowUpJson.GetSchema(FollowUpJsonSchema)"/>. The same files are in the repository's <c>schemas</c> folder and the package's.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<FollowUpJsonSchema>))]
public enum FollowUpJsonSchema
{
    /// <summary>
    /// <c>record.schema.json</c>: a <see cref="FollowUpRecord"/> (SPEC §1) as the reader takes it without loss: text may be a
    /// number or <c>true</c>, a list of text one text, and members the record does not have are allowed. It refuses a value of
    /// the wrong shape, which the reader reads as absent with an <c>InvalidValue</c> finding.
    /// </summary>
    Record,

    /// <summary><c>evaluation.schema.json</c>: one <see cref="FollowUpEvaluation"/> as <see cref="FollowUpJson.Serialize(FollowUpEvaluation)"/> writes it (SPEC §8).</summary>
    Evaluation,

    /// <summary><c>report.schema.json</c>: a <see cref="Reporting.TeamReport"/> written as JSON (<see cref="Reporting.TeamReportFormat.Json"/>).</summary>
    Report,

    /// <summary>
    /// <c>reminder.schema.json</c>: one line of <c>followup remind --format jsonl</c>, a <see cref="Reminders.FollowUpReminder"/> as
    /// the command writes it (not as <see cref="System.Text.Json.JsonSerializer"/> writes the .NET type).
    /// </summary>
    Reminder,
}
