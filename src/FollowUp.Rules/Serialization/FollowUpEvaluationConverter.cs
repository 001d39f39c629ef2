using System.Text.Json;
using System.Text.Json.Serialization;

namespace FollowUp.Rules.Serialization;

/// <summary>
/// Writes a <see cref="FollowUpEvaluation"/> as the JSON object of SPEC §8 wherever a <see cref="JsonSerializer"/> meets one
/// (<c>Results.Ok(evaluation)</c>, a controller's return value, a message body), as <see cref="FollowUpJson.Write"/> does;
/// the attribute on the type applies it, as the record's converters apply on the way in.
/// </summary>
/// <remarks>An evaluation is output only: reading one back is not supported.</remarks>
public sealed class FollowUpEvaluationConverter : JsonConverter<FollowUpEvaluation>
{
    /// <inheritdoc/>
    /// <exception cref="NotSupportedException">Always: an evaluation is made by the evaluator, not read.</exception>
    public override FollowUpEvaluation Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException(
            $"A {nameof(FollowUpEvaluation)} is written, not read: evaluate the record again, or read the SPEC §8 JSON with your own type or JsonDocument.");

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, FollowUpEvaluation value, JsonSerializerOptions options) =>
        FollowUpJson.Write(writer, value);
}
