using System.Text.Json;
using System.Text.Json.Serialization;

namespace FollowUp.Rules.Reporting;

/// <summary>
/// Writes a <see cref="TeamReport"/> as the JSON of <see cref="TeamReportFormat.Json"/> wherever a <see cref="JsonSerializer"/>
/// meets one (<c>Results.Ok(report)</c>, a controller's return value): <c>overdueHours</c> and <c>hoursSinceContact</c>
/// in hours, rates from 0 to 1, scores rounded to 0.01, not the object's own properties. The attribute on the type applies it.
/// </summary>
/// <remarks>A report is output only: reading one back is not supported.</remarks>
public sealed class TeamReportJsonConverter : JsonConverter<TeamReport>
{
    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">Always: a report is built with <see cref="TeamReportBuilder"/>, not read.</exception>
    public override TeamReport Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException(
            $"A {nameof(TeamReport)} is written, not read: build it again with {nameof(TeamReportBuilder)}, or read its JSON with your own type or JsonDocument.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, TeamReport value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        JsonReportWriter.Write(value, writer);
    }
}
