using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FollowUp.Rules.Serialization;

/// <summary>
/// Reads a <see cref="FollowUpRecord"/> as <see cref="FollowUpJson.DeserializeRecord(ReadOnlySpan{byte})"/> does, and writes
/// one as <see cref="FollowUpJson.Serialize(FollowUpRecord)"/> does, inside any <see cref="JsonSerializer"/> call: add it to a
/// host's options (an ASP.NET Core endpoint's, through <c>ConfigureHttpJsonOptions</c>) so a record parameter is read by the
/// library's rules rather than the host's.
/// </summary>
/// <remarks>
/// The host's serializer alone refuses a wrong-shaped value (<c>"customer": "张伟"</c>) with an empty 400 and keeps the last
/// of a field given twice; <see cref="FollowUpJson.DeserializeRecord(ReadOnlySpan{byte})"/> reads around the first, so the
/// evaluation reports it as an <c>InvalidValue</c> finding, and refuses the second with a <see cref="JsonException"/> naming
/// the field. The record's object is read whole first, so a record costs one parse more than the host's own reading.
/// Comments and trailing commas are the host reader's to allow: set <see cref="JsonSerializerOptions.ReadCommentHandling"/>
/// to <see cref="JsonCommentHandling.Skip"/> and <see cref="JsonSerializerOptions.AllowTrailingCommas"/> as
/// <see cref="FollowUpJson.Options"/> does, or a record holding them is refused before the converter sees it.
/// </remarks>
public sealed class FollowUpRecordJsonConverter : JsonConverter<FollowUpRecord>
{
    /// <inheritdoc />
    public override FollowUpRecord? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            // No message of ours: the host's serializer then writes its own, naming the record's place in the request once.
            throw new JsonException();
        }

        using var document = JsonDocument.ParseValue(ref reader);
        try
        {
            return FollowUpJson.DeserializeRecord(JsonMarshal.GetRawUtf8Value(document.RootElement));
        }
        catch (JsonException error)
        {
            // Thrown without a path, so the host's serializer gives it the record's place in the request ($.records[1]),
            // not a place counted from inside the record.
            throw new JsonException(error.Message, error);
        }
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, FollowUpRecord value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        JsonSerializer.Serialize(writer, value, FollowUpJson.Record);
    }
}
