using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FollowUp.Rules.Completeness;

namespace FollowUp.Rules.Serialization;

/// <summary>
/// Reads records and writes evaluations in the JSON of the specification: camelCase records whose enumerations accept
/// English names and Chinese labels, and the evaluation object of SPEC §8. Source-generated, so it works trimmed and AOT.
/// </summary>
public static class FollowUpJson
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The record options with Chinese written as is, not as \uXXXX escapes, so exported files read like the CRM's own.</summary>
    private static readonly JsonSerializerOptions ReadableOptions = new(FollowUpJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = FollowUpJsonContext.Default,
    };

    private static readonly JsonTypeInfo<FollowUpRecord> ReadableRecord = (JsonTypeInfo<FollowUpRecord>)ReadableOptions.GetTypeInfo(typeof(FollowUpRecord));

    /// <summary>Gets the serialization metadata of <see cref="FollowUpRecord"/>, for use with <see cref="JsonSerializer"/>.</summary>
    public static JsonTypeInfo<FollowUpRecord> Record => FollowUpJsonContext.Default.FollowUpRecord;

    /// <summary>Gets the options records are read and written with: camelCase, case-insensitive names, comments and trailing commas allowed.</summary>
    public static JsonSerializerOptions Options => FollowUpJsonContext.Default.Options;

    /// <summary>Reads one record.</summary>
    /// <param name="json">The record's JSON object.</param>
    /// <returns>The record, or <see langword="null"/> when the JSON is <c>null</c>.</returns>
    /// <exception cref="JsonException">The text is not JSON, or a member has the wrong shape (an object where text belongs).</exception>
    public static FollowUpRecord? DeserializeRecord(string json) => JsonSerializer.Deserialize(json, Record);

    /// <summary>Reads one record from UTF-8.</summary>
    /// <param name="utf8Json">The record's JSON object in UTF-8.</param>
    /// <returns>The record, or <see langword="null"/> when the JSON is <c>null</c>.</returns>
    /// <exception cref="JsonException">The text is not JSON, or a member has the wrong shape.</exception>
    public static FollowUpRecord? DeserializeRecord(ReadOnlySpan<byte> utf8Json) => JsonSerializer.Deserialize(utf8Json, Record);

    /// <summary>Writes a record as JSON.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The JSON.</returns>
    public static string Serialize(FollowUpRecord record) => JsonSerializer.Serialize(record, ReadableRecord);

    /// <summary>Writes an evaluation as the JSON object of SPEC §8.</summary>
    /// <param name="evaluation">The evaluation.</param>
    /// <returns>The JSON, on one line.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluation"/> is <see langword="null"/>.</exception>
    public static string Serialize(FollowUpEvaluation evaluation)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(2048);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            Write(writer, evaluation);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Writes an evaluation as the JSON object of SPEC §8.</summary>
    /// <param name="writer">The writer; create it with <see cref="JavaScriptEncoder.UnsafeRelaxedJsonEscaping"/> to keep Chinese readable.</param>
    /// <param name="evaluation">The evaluation.</param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> or <paramref name="evaluation"/> is <see langword="null"/>.</exception>
    public static void Write(Utf8JsonWriter writer, FollowUpEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(evaluation);
        writer.WriteStartObject();
        if (evaluation.Id is null)
        {
            writer.WriteNull("id");
        }
        else
        {
            writer.WriteString("id", evaluation.Id);
        }

        writer.WriteString("profile", evaluation.Profile);
        writer.WriteString("evaluatedAt", evaluation.EvaluatedAt);
        writer.WriteNumber("score", evaluation.Score);
        writer.WriteString("grade", evaluation.Grade.ToString());

        writer.WriteStartObject("completeness");
        writer.WriteNumber("score", evaluation.Completeness.Score);
        writer.WriteStartArray("steps");
        foreach (var step in evaluation.Completeness.Steps)
        {
            writer.WriteStartObject();
            writer.WriteString("step", StepName(step.Step));
            writer.WriteNumber("score", step.Score);
            WriteStrings(writer, "missing", step.Missing);
            WriteStrings(writer, "acknowledged", step.Acknowledged);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        writer.WriteStartArray("clarity");
        foreach (var clarity in evaluation.Clarity)
        {
            writer.WriteStartObject();
            writer.WriteString("field", clarity.Field);
            writer.WriteString("level", clarity.Level.ToString());
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("vague");
        foreach (var vague in evaluation.Vague)
        {
            writer.WriteStartObject();
            writer.WriteString("field", vague.Field);
            writer.WriteString("category", vague.Category.ToString());
            writer.WriteString("text", vague.Text);
            writer.WriteNumber("start", vague.Start);
            writer.WriteNumber("length", vague.Length);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartObject("risk");
        writer.WriteNumber("score", evaluation.Risk.Score);
        writer.WriteString("level", evaluation.Risk.Level.ToString());
        writer.WriteStartArray("signals");
        foreach (var signal in evaluation.Risk.Signals)
        {
            writer.WriteStartObject();
            writer.WriteString("code", signal.Code);
            writer.WriteString("field", signal.Field);
            writer.WriteString("evidence", signal.Evidence);
            writer.WriteNumber("weight", signal.Weight);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        writer.WriteStartArray("deductions");
        foreach (var deduction in evaluation.Deductions)
        {
            writer.WriteStartObject();
            writer.WriteString("code", deduction.Code);
            writer.WriteString("group", deduction.Group.ToString());
            writer.WriteNumber("points", deduction.Points);
            writer.WriteString("field", deduction.Field);
            writer.WriteString("message", deduction.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray("findings");
        foreach (var finding in evaluation.Findings)
        {
            writer.WriteStartObject();
            writer.WriteString("code", finding.Code);
            writer.WriteString("severity", finding.Severity.ToString());
            writer.WriteString("field", finding.Field);
            writer.WriteString("message", finding.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    private static string StepName(FollowUpStep step) => step switch
    {
        FollowUpStep.BasicInfo => nameof(FollowUpStep.BasicInfo),
        FollowUpStep.Needs => nameof(FollowUpStep.Needs),
        FollowUpStep.Communications => nameof(FollowUpStep.Communications),
        FollowUpStep.Progress => nameof(FollowUpStep.Progress),
        _ => nameof(FollowUpStep.AttachmentsAndRisks),
    };
}
