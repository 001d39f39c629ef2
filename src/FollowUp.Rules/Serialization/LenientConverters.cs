using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace FollowUp.Rules.Serialization;

/// <summary>Reads a string from a string, number or boolean token, because CRM exports send <c>"budget": 500000</c>.</summary>
/// <remarks>Applied to the record's text properties, so any <see cref="JsonSerializer"/> options read records as leniently as <see cref="FollowUpJson"/>.</remarks>
public sealed class LenientStringConverter : JsonConverter<string>
{
    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    /// <exception cref="JsonException">The token is an object or an array.</exception>
    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        ReadScalar(ref reader);

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value);
    }

    /// <inheritdoc/>
    public override string ReadAsPropertyName(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetString()!;

    /// <inheritdoc/>
    public override void WriteAsPropertyName(Utf8JsonWriter writer, string value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(value);
    }

    internal static string? ReadScalar(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => ReadString(ref reader),
        JsonTokenType.Number => System.Text.Encoding.UTF8.GetString(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan),
        JsonTokenType.True => "true",
        JsonTokenType.False => "false",
        _ => throw new JsonException($"Expected a text value but found {Describe(reader.TokenType)}."),
    };

    /// <summary>
    /// A string token's text. Half of a surrogate pair escaped alone (<c>"好\ud83d"</c>, a note cut in the middle of an emoji
    /// by a JavaScript export's <c>slice</c>) is read as U+FFFD, the replacement character, rather than making the whole
    /// record unreadable; bytes that are not UTF-8 still fail.
    /// </summary>
    internal static string ReadString(ref Utf8JsonReader reader)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException) when (reader.ValueIsEscaped)
        {
            var escaped = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
            if (!System.Text.Unicode.Utf8.IsValid(escaped))
            {
                throw;
            }

            return UnescapeReplacingLoneSurrogates(escaped);
        }
    }

    /// <summary>Unescapes a JSON string's bytes (valid UTF-8, well-formed escapes), each lone surrogate as U+FFFD.</summary>
    private static string UnescapeReplacingLoneSurrogates(ReadOnlySpan<byte> escaped)
    {
        var text = new System.Text.StringBuilder(escaped.Length);
        while (!escaped.IsEmpty)
        {
            var backslash = escaped.IndexOf((byte)'\\');
            var plain = backslash < 0 ? escaped : escaped[..backslash];
            text.Append(System.Text.Encoding.UTF8.GetString(plain));
            if (backslash < 0)
            {
                break;
            }

            escaped = escaped[backslash..];
            if (escaped[1] != (byte)'u')
            {
                text.Append(escaped[1] switch
                {
                    (byte)'b' => '\b',
                    (byte)'f' => '\f',
                    (byte)'n' => '\n',
                    (byte)'r' => '\r',
                    (byte)'t' => '\t',
                    var other => (char)other,
                });
                escaped = escaped[2..];
                continue;
            }

            var unit = (char)int.Parse(escaped.Slice(2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture);
            escaped = escaped[6..];
            if (char.IsHighSurrogate(unit) && escaped.Length >= 6 && escaped[0] == (byte)'\\' && escaped[1] == (byte)'u'
                && int.Parse(escaped.Slice(2, 4), System.Globalization.NumberStyles.AllowHexSpecifier, System.Globalization.CultureInfo.InvariantCulture) is var low
                && char.IsLowSurrogate((char)low))
            {
                text.Append(unit).Append((char)low);
                escaped = escaped[6..];
            }
            else
            {
                text.Append(char.IsSurrogate(unit) ? '\uFFFD' : unit);
            }
        }

        return text.ToString();
    }

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        _ => token.ToString(),
    };
}

/// <summary>Reads a list of strings from an array of scalars, or from one scalar as a list of one.</summary>
public sealed class LenientStringListConverter : JsonConverter<IReadOnlyList<string>>
{
    /// <inheritdoc/>
    /// <exception cref="JsonException">An item is an object or an array.</exception>
    public override IReadOnlyList<string>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return LenientStringConverter.ReadScalar(ref reader) is { } single ? [single] : [];
        }

        var items = new List<string>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (LenientStringConverter.ReadScalar(ref reader) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyList<string> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartArray();
        foreach (var item in value)
        {
            writer.WriteStringValue(item);
        }

        writer.WriteEndArray();
    }
}

/// <summary>Reads an object of text values (the record's custom fields), each value read as <see cref="LenientStringConverter"/> reads one.</summary>
/// <remarks>Applied to <see cref="FollowUpRecord.Custom"/>, so any <see cref="JsonSerializer"/> options read custom fields as leniently as <see cref="FollowUpJson"/>.</remarks>
public sealed class LenientStringDictionaryConverter : JsonConverter<IReadOnlyDictionary<string, string?>>
{
    /// <inheritdoc/>
    /// <exception cref="JsonException">
    /// The token is not an object, a value is an object or an array, or a name appears twice where the options refuse duplicates.
    /// </exception>
    public override IReadOnlyDictionary<string, string?>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"Expected an object of text values but found {LenientStringConverter.Describe(reader.TokenType)}.");
        }

        // Names in any case name one field, as every other field's do: OrderStatus fills the profile's orderStatus.
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var name = LenientStringConverter.ReadString(ref reader);
            reader.Read();
            var value = LenientStringConverter.ReadScalar(ref reader);
            if (!values.TryAdd(name, value))
            {
                // As the serializer's own dictionaries: the last value wins, unless the options refuse duplicates.
                values[name] = options.AllowDuplicateProperties ? value : throw new JsonException($"The custom field '{name}' appears twice.");
            }
        }

        return values;
    }

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, IReadOnlyDictionary<string, string?> value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var (name, text) in value)
        {
            writer.WriteString(options.DictionaryKeyPolicy?.ConvertName(name) ?? name, text);
        }

        writer.WriteEndObject();
    }
}

/// <summary>Creates the converters of <see cref="EnumValue{TEnum}"/> for the record's enumerations, without reflection.</summary>
public sealed class EnumValueConverterFactory : JsonConverterFactory
{
    /// <inheritdoc/>
    public override bool CanConvert(Type typeToConvert) => CreateFor(typeToConvert) is not null;

    /// <inheritdoc/>
    /// <exception cref="NotSupportedException"><paramref name="typeToConvert"/> is not an <see cref="EnumValue{TEnum}"/> of the record's enumerations.</exception>
    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        CreateFor(typeToConvert) ?? throw new NotSupportedException($"{typeToConvert} is not an EnumValue of a follow-up record enumeration.");

    private static JsonConverter? CreateFor(Type type) =>
        type == typeof(EnumValue<DecisionRole>) ? new EnumValueConverter<DecisionRole>()
        : type == typeof(EnumValue<ContactChannel>) ? new EnumValueConverter<ContactChannel>()
        : type == typeof(EnumValue<CustomerFeedback>) ? new EnumValueConverter<CustomerFeedback>()
        : type == typeof(EnumValue<DealStage>) ? new EnumValueConverter<DealStage>()
        : type == typeof(EnumValue<AttachmentKind>) ? new EnumValueConverter<AttachmentKind>()
        : null;
}

/// <summary>Reads an <see cref="EnumValue{TEnum}"/> from its English name or Chinese label; keeps unknown text.</summary>
internal sealed class EnumValueConverter<TEnum> : JsonConverter<EnumValue<TEnum>>
    where TEnum : struct, Enum
{
    public override bool HandleNull => true;

    public override EnumValue<TEnum> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        EnumValue<TEnum>.Parse(LenientStringConverter.ReadScalar(ref reader));

    public override void Write(Utf8JsonWriter writer, EnumValue<TEnum> value, JsonSerializerOptions options)
    {
        if (value.IsKnown || !value.IsEmpty)
        {
            writer.WriteStringValue(value.ToString());
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}

/// <summary>Reads a <see cref="Timestamp"/> from text; keeps unreadable text.</summary>
public sealed class TimestampConverter : JsonConverter<Timestamp>
{
    /// <inheritdoc/>
    public override bool HandleNull => true;

    /// <inheritdoc/>
    /// <exception cref="JsonException">The token is an object or an array.</exception>
    public override Timestamp Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Timestamp.Parse(LenientStringConverter.ReadScalar(ref reader));

    /// <inheritdoc/>
    public override void Write(Utf8JsonWriter writer, Timestamp value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value.IsEmpty)
        {
            writer.WriteNullValue();
        }
        else
        {
            writer.WriteStringValue(value.ToString());
        }
    }
}
