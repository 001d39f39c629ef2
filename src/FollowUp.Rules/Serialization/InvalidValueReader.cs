using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FollowUp.Rules.Serialization;

/// <summary>
/// Reads a record whose JSON is well-formed but holds values of the wrong shape for their fields (text where the customer
/// object belongs, a list where text belongs): each such value is read as null and listed in
/// <see cref="FollowUpRecord.InvalidValues"/>, so one bad field does not cost the whole record (SPEC §1). The expected shapes
/// come from the serialization metadata, so a member added to the record is covered without a change here.
/// </summary>
/// <remarks>Only for JSON the serializer has already refused: a record that reads as is never comes here.</remarks>
internal static class InvalidValueReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    /// <summary>Writes a value's excerpt with Chinese as is, as the CRM sent it, not as \uXXXX escapes.</summary>
    private static readonly JsonWriterOptions ExcerptOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads the record around its wrong-shaped values; <see langword="false"/> when the text is not well-formed JSON or not an object.</summary>
    public static bool TryRead(string json, JsonTypeInfo<FollowUpRecord> recordType, [NotNullWhen(true)] out FollowUpRecord? record)
    {
        record = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException)
        {
            return false;
        }

        using (document)
        {
            return TryRead(document.RootElement, recordType, out record);
        }
    }

    /// <inheritdoc cref="TryRead(string, JsonTypeInfo{FollowUpRecord}, out FollowUpRecord?)"/>
    public static bool TryRead(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<FollowUpRecord> recordType, [NotNullWhen(true)] out FollowUpRecord? record)
    {
        record = null;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), DocumentOptions);
        }
        catch (JsonException)
        {
            return false;
        }

        using (document)
        {
            return TryRead(document.RootElement, recordType, out record);
        }
    }

    private static bool TryRead(JsonElement root, JsonTypeInfo<FollowUpRecord> recordType, [NotNullWhen(true)] out FollowUpRecord? record)
    {
        record = null;
        if (root.ValueKind != JsonValueKind.Object)
        {
            return false;
        }

        var invalid = new List<InvalidValue>();
        var repaired = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(repaired))
        {
            Copy(root, recordType, "", writer, invalid);
        }

        // Nothing left out means the serializer refused the record for a reason this reader does not know: keep its error.
        if (invalid.Count == 0)
        {
            return false;
        }

        FollowUpRecord? read;
        try
        {
            read = JsonSerializer.Deserialize(repaired.WrittenSpan, recordType);
        }
        catch (JsonException)
        {
            return false;
        }

        record = read! with { InvalidValues = invalid.ToArray() };
        return true;
    }

    /// <summary>Copies a value that <paramref name="type"/> can hold, or writes null in its place and lists it.</summary>
    private static void Copy(JsonElement value, JsonTypeInfo type, string path, Utf8JsonWriter writer, List<InvalidValue> invalid)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            writer.WriteNullValue();
            return;
        }

        switch (type.Kind)
        {
            case JsonTypeInfoKind.Object when value.ValueKind == JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in value.EnumerateObject())
                {
                    writer.WritePropertyName(member.Name);
                    if (PropertyOf(type, member.Name) is { } property)
                    {
                        CopyMember(member.Value, property, Join(path, property.Name), writer, invalid);
                    }
                    else
                    {
                        // A member the record does not have is skipped by the serializer, whatever its shape.
                        member.Value.WriteTo(writer);
                    }
                }

                writer.WriteEndObject();
                return;

            case JsonTypeInfoKind.Dictionary when value.ValueKind == JsonValueKind.Object:
                var valueType = type.Options.GetTypeInfo(type.ElementType!);
                writer.WriteStartObject();
                foreach (var member in value.EnumerateObject())
                {
                    writer.WritePropertyName(member.Name);
                    Copy(member.Value, valueType, Join(path, member.Name), writer, invalid);
                }

                writer.WriteEndObject();
                return;

            case JsonTypeInfoKind.Enumerable when value.ValueKind == JsonValueKind.Array:
                // A wrong entry becomes null, which the record keeps as an absent entry, so the entries after it keep their index.
                var elementType = type.Options.GetTypeInfo(type.ElementType!);
                writer.WriteStartArray();
                var index = 0;
                foreach (var element in value.EnumerateArray())
                {
                    Copy(element, elementType, $"{path}[{index++}]", writer, invalid);
                }

                writer.WriteEndArray();
                return;

            case JsonTypeInfoKind.None when IsScalar(value.ValueKind):
                value.WriteTo(writer);
                return;

            default:
                LeaveOut(value, type.Kind switch
                {
                    JsonTypeInfoKind.Object or JsonTypeInfoKind.Dictionary => JsonValueKind.Object,
                    JsonTypeInfoKind.Enumerable => JsonValueKind.Array,
                    _ => JsonValueKind.String,
                }, path, writer, invalid);
                return;
        }
    }

    /// <summary>Copies a member's value, as its own converter reads it when it has one.</summary>
    private static void CopyMember(JsonElement value, JsonPropertyInfo property, string path, Utf8JsonWriter writer, List<InvalidValue> invalid)
    {
        switch (property.CustomConverter)
        {
            case null:
                Copy(value, property.Options.GetTypeInfo(property.PropertyType), path, writer, invalid);
                return;

            case LenientStringConverter when value.ValueKind is JsonValueKind.Object or JsonValueKind.Array:
                LeaveOut(value, JsonValueKind.String, path, writer, invalid);
                return;

            case LenientStringListConverter when value.ValueKind == JsonValueKind.Array:
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        LeaveOut(item, JsonValueKind.String, $"{path}[{index}]", writer, invalid);
                    }
                    else
                    {
                        item.WriteTo(writer);
                    }

                    index++;
                }

                writer.WriteEndArray();
                return;

            case LenientStringListConverter when value.ValueKind == JsonValueKind.Object:
                LeaveOut(value, JsonValueKind.Array, path, writer, invalid);
                return;

            case LenientStringDictionaryConverter when value.ValueKind == JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var member in value.EnumerateObject())
                {
                    writer.WritePropertyName(member.Name);
                    if (member.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        LeaveOut(member.Value, JsonValueKind.String, Join(path, member.Name), writer, invalid);
                    }
                    else
                    {
                        member.Value.WriteTo(writer);
                    }
                }

                writer.WriteEndObject();
                return;

            case LenientStringDictionaryConverter when value.ValueKind != JsonValueKind.Null:
                LeaveOut(value, JsonValueKind.Object, path, writer, invalid);
                return;

            default:
                value.WriteTo(writer);
                return;
        }
    }

    private static void LeaveOut(JsonElement value, JsonValueKind expected, string path, Utf8JsonWriter writer, List<InvalidValue> invalid)
    {
        invalid.Add(new InvalidValue(path, expected, value.ValueKind, Excerpt(value)));
        writer.WriteNullValue();
    }

    /// <summary>Finds the member a JSON name sets, as the serializer does: case-insensitively.</summary>
    private static JsonPropertyInfo? PropertyOf(JsonTypeInfo type, string name)
    {
        foreach (var property in type.Properties)
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return property;
            }
        }

        return null;
    }

    private static bool IsScalar(JsonValueKind kind) => kind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    /// <summary>The value's JSON on one line, shortened with an ellipsis past <see cref="InvalidValue.MaxJsonLength"/> characters.</summary>
    private static string Excerpt(JsonElement value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, ExcerptOptions))
        {
            value.WriteTo(writer);
        }

        var json = System.Text.Encoding.UTF8.GetString(buffer.WrittenSpan);
        if (json.Length <= InvalidValue.MaxJsonLength)
        {
            return json;
        }

        var cut = InvalidValue.MaxJsonLength - 1;
        if (char.IsHighSurrogate(json[cut - 1]))
        {
            cut--;
        }

        return string.Concat(json.AsSpan(0, cut), "…");
    }
}
