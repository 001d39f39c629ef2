using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace FollowUp.Rules.Serialization;

/// <summary>
/// Reads again a record the serializer refused. When its JSON is well-formed but holds values of the wrong shape for their
/// fields (text where the customer object belongs, a list where text belongs), each such value is read as null and listed
/// in <see cref="FollowUpRecord.InvalidValues"/>, so one bad field does not cost the whole record (SPEC §1). When a name
/// is given twice in one object, or the record is nested too deeply, it says so more plainly than the serializer does.
/// The expected shapes come from the serialization metadata, so a member added to the record is covered without a change here.
/// </summary>
/// <remarks>Only for JSON the serializer has already refused: a record that reads as is never comes here.</remarks>
internal static class InvalidValueReader
{
    /// <summary>How deep objects and lists may nest: the default of the serializer, which <see cref="FollowUpJson.Options"/> keeps.</summary>
    private const int MaxDepth = 64;

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = MaxDepth,
    };

    /// <summary>Decodes UTF-8 throwing at the first byte that is not UTF-8, to say where it is.</summary>
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Writes a value's excerpt with Chinese as is, as the CRM sent it, not as \uXXXX escapes.</summary>
    private static readonly JsonWriterOptions ExcerptOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Reads the record around its wrong-shaped values.</summary>
    /// <returns>The record; <see langword="null"/> when nothing clearer than the serializer's refusal can be said.</returns>
    /// <exception cref="JsonException">
    /// A name is given twice in one object, objects and lists nest deeper than the limit, or (for UTF-8 input) the bytes are not
    /// UTF-8.
    /// </exception>
    public static FollowUpRecord? Reread(string json, JsonTypeInfo<FollowUpRecord> recordType)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException)
        {
            ThrowIfNestedTooDeeply(System.Text.Encoding.UTF8.GetBytes(json));
            return null;
        }

        using (document)
        {
            return Reread(document.RootElement, recordType);
        }
    }

    /// <inheritdoc cref="Reread(string, JsonTypeInfo{FollowUpRecord})"/>
    public static FollowUpRecord? Reread(ReadOnlySpan<byte> utf8Json, JsonTypeInfo<FollowUpRecord> recordType)
    {
        // Bytes that are not UTF-8 make a record unreadable, as they do without a wrong-shaped value: read around that value,
        // they would come back as U+FFFD and change the record without a word.
        ThrowIfNotUtf8(utf8Json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json.ToArray(), DocumentOptions);
        }
        catch (JsonException)
        {
            ThrowIfNestedTooDeeply(utf8Json);
            return null;
        }

        using (document)
        {
            return Reread(document.RootElement, recordType);
        }
    }

    private static void ThrowIfNotUtf8(ReadOnlySpan<byte> utf8Json)
    {
        if (System.Text.Unicode.Utf8.IsValid(utf8Json))
        {
            return;
        }

        try
        {
            StrictUtf8.GetCharCount(utf8Json);
        }
        catch (DecoderFallbackException invalid)
        {
            throw new JsonException("The text is not valid UTF-8.", path: null, lineNumber: 0, bytePositionInLine: invalid.Index, invalid);
        }
    }

    private static FollowUpRecord? Reread(JsonElement root, JsonTypeInfo<FollowUpRecord> recordType)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var found = new Findings(refusesRepeatedNames: !recordType.Options.AllowDuplicateProperties);
        var repaired = new ArrayBufferWriter<byte>();
        try
        {
            using var writer = new Utf8JsonWriter(repaired);
            Copy(root, recordType, "", writer, found);
        }
        catch (InvalidOperationException)
        {
            // Text the document cannot turn into a string (bytes that are not UTF-8, half an escaped surrogate pair beside
            // them): the serializer's own error says what is wrong.
            return null;
        }

        // Whichever value of a repeated name were kept, the record would silently lose the other.
        if (found.RepeatedNames.Count > 0)
        {
            throw new JsonException(RepeatedNamesMessage(found.RepeatedNames));
        }

        // Nothing left out means the serializer refused the record for a reason this reader does not know: keep its error.
        if (found.InvalidValues.Count == 0)
        {
            return null;
        }

        FollowUpRecord? read;
        try
        {
            read = JsonSerializer.Deserialize(repaired.WrittenSpan, recordType);
        }
        catch (JsonException)
        {
            return null;
        }

        return read! with { InvalidValues = found.InvalidValues.ToArray() };
    }

    /// <summary>Copies a value that <paramref name="type"/> can hold, or writes null in its place and lists it.</summary>
    private static void Copy(JsonElement value, JsonTypeInfo type, string path, Utf8JsonWriter writer, Findings found)
    {
        if (value.ValueKind == JsonValueKind.Null)
        {
            writer.WriteNullValue();
            return;
        }

        switch (type.Kind)
        {
            case JsonTypeInfoKind.Object when value.ValueKind == JsonValueKind.Object:
                var fieldNames = new Dictionary<string, string>(StringComparer.Ordinal);
                writer.WriteStartObject();
                foreach (var member in value.EnumerateObject())
                {
                    writer.WritePropertyName(member.Name);
                    if (PropertyOf(type, member.Name) is { } property)
                    {
                        var fieldPath = Join(path, property.Name);
                        found.NoteName(fieldNames, property.Name, member.Name, fieldPath);
                        CopyMember(member.Value, property, fieldPath, writer, found);
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
                var keys = new Dictionary<string, string>(StringComparer.Ordinal);
                writer.WriteStartObject();
                foreach (var member in value.EnumerateObject())
                {
                    writer.WritePropertyName(member.Name);
                    var keyPath = Join(path, member.Name);
                    found.NoteName(keys, member.Name, member.Name, keyPath);
                    Copy(member.Value, valueType, keyPath, writer, found);
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
                    Copy(element, elementType, $"{path}[{index++}]", writer, found);
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
                }, path, writer, found);
                return;
        }
    }

    /// <summary>Copies a member's value, as its own converter reads it when it has one.</summary>
    private static void CopyMember(JsonElement value, JsonPropertyInfo property, string path, Utf8JsonWriter writer, Findings found)
    {
        switch (property.CustomConverter)
        {
            case null:
                Copy(value, property.Options.GetTypeInfo(property.PropertyType), path, writer, found);
                return;

            case LenientStringConverter when value.ValueKind is JsonValueKind.Object or JsonValueKind.Array:
                LeaveOut(value, JsonValueKind.String, path, writer, found);
                return;

            case LenientStringListConverter when value.ValueKind == JsonValueKind.Array:
                writer.WriteStartArray();
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    if (item.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        LeaveOut(item, JsonValueKind.String, $"{path}[{index}]", writer, found);
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
                LeaveOut(value, JsonValueKind.Array, path, writer, found);
                return;

            case LenientStringDictionaryConverter when value.ValueKind == JsonValueKind.Object:
                // Custom names in any case name one field, as the record's own do: a repeat is named by its first spelling.
                var customNames = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                writer.WriteStartObject();
                foreach (var member in value.EnumerateObject())
                {
                    writer.WritePropertyName(member.Name);
                    found.NoteName(customNames, member.Name, member.Name, Join(path, customNames.GetValueOrDefault(member.Name, member.Name)));
                    if (member.Value.ValueKind is JsonValueKind.Object or JsonValueKind.Array)
                    {
                        LeaveOut(member.Value, JsonValueKind.String, Join(path, member.Name), writer, found);
                    }
                    else
                    {
                        member.Value.WriteTo(writer);
                    }
                }

                writer.WriteEndObject();
                return;

            case LenientStringDictionaryConverter when value.ValueKind != JsonValueKind.Null:
                LeaveOut(value, JsonValueKind.Object, path, writer, found);
                return;

            default:
                value.WriteTo(writer);
                return;
        }
    }

    private static void LeaveOut(JsonElement value, JsonValueKind expected, string path, Utf8JsonWriter writer, Findings found)
    {
        found.InvalidValues.Add(new InvalidValue(path, expected, value.ValueKind, Excerpt(value)));
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

    /// <summary>
    /// Says where objects and lists first nest deeper than <see cref="MaxDepth"/>, as the serializer would if it had not stopped
    /// at an earlier problem (an object where text belongs); does nothing when they do not, or the JSON breaks before.
    /// </summary>
    private static void ThrowIfNestedTooDeeply(ReadOnlySpan<byte> utf8Json)
    {
        if (DeepestStart(utf8Json) is not { } start)
        {
            return;
        }

        var before = utf8Json[..(int)start];
        var lineStart = before.LastIndexOf((byte)'\n') + 1;
        throw new JsonException(
            $"The record is nested too deeply: objects and lists may nest {MaxDepth} levels deep, and here they go deeper.",
            path: null,
            lineNumber: before.Count((byte)'\n'),
            bytePositionInLine: before.Length - lineStart);
    }

    /// <summary>Where the first object or list deeper than <see cref="MaxDepth"/> starts; <see langword="null"/> when none does or the JSON breaks first.</summary>
    private static long? DeepestStart(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = int.MaxValue,
        });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray && reader.CurrentDepth >= MaxDepth)
                {
                    return reader.TokenStartIndex;
                }
            }
        }
        catch (JsonException)
        {
            // Broken before any too-deep value: the serializer's own error says where.
        }

        return null;
    }

    /// <summary>Names each field given more than once in its object, with its names as written when they differ in case.</summary>
    private static string RepeatedNamesMessage(List<(string Path, List<string> Names)> repeated)
    {
        var fields = repeated.Select(field =>
        {
            var times = field.Names.Count == 2 ? "twice" : $"{field.Names.Count} times";
            return field.Names.Distinct(StringComparer.Ordinal).Count() == 1
                ? $"'{field.Path}' {times}"
                : $"'{field.Path}' {times}, as {ListOf(field.Names.Select(name => $"\"{name}\"").ToArray())} (names are read ignoring case)";
        });
        return $"The record gives {ListOf(fields.ToArray())}: which value is meant cannot be told, so give each field once.";
    }

    /// <summary>Lists items as a sentence does: <c>a, b and c</c>.</summary>
    private static string ListOf(string[] items) =>
        items.Length == 1 ? items[0] : $"{string.Join(", ", items[..^1])} and {items[^1]}";

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

    /// <summary>What a reading found: the values left out for their shape, and the names given more than once in one object.</summary>
    private sealed class Findings(bool refusesRepeatedNames)
    {
        public List<InvalidValue> InvalidValues { get; } = [];

        /// <summary>Gets each field named more than once in its object, by path, with every name it was given there, in order.</summary>
        public List<(string Path, List<string> Names)> RepeatedNames { get; } = [];

        /// <summary>
        /// Notes a member's name among the names before it in its object (<paramref name="seen"/>, from the field each sets
        /// to the name first written for it), when the options refuse a field set twice.
        /// </summary>
        public void NoteName(Dictionary<string, string> seen, string field, string name, string path)
        {
            if (!refusesRepeatedNames || seen.TryAdd(field, name))
            {
                return;
            }

            var noted = RepeatedNames.FindIndex(repeated => repeated.Path == path);
            if (noted < 0)
            {
                RepeatedNames.Add((path, [seen[field], name]));
            }
            else
            {
                RepeatedNames[noted].Names.Add(name);
            }
        }
    }
}
