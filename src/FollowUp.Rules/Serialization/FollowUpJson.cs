using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Messages;

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

    private static readonly JsonRecordReadOptions DefaultReadOptions = new();

    /// <summary>
    /// Gets the serialization metadata of <see cref="FollowUpRecord"/>, for use with <see cref="JsonSerializer"/>; with
    /// <see cref="Options"/>, so a field given twice in one object throws.
    /// </summary>
    public static JsonTypeInfo<FollowUpRecord> Record => FollowUpJsonContext.Default.FollowUpRecord;

    /// <summary>
    /// Gets the source-generated metadata of the types the library reads or writes as JSON: <see cref="FollowUpRecord"/> (and a
    /// <see cref="List{T}"/> of them), <see cref="FollowUpEvaluation"/> and <see cref="Reminders.FollowUpReminder"/> (and an
    /// <see cref="IReadOnlyList{T}"/> of either), and <see cref="Reporting.TeamReport"/>. A Native AOT host, whose serializer cannot fall back
    /// to reflection, adds it to its own options so that an endpoint can take a record and return an evaluation:
    /// <c>json.SerializerOptions.TypeInfoResolverChain.Insert(0, FollowUpJson.TypeInfoResolver)</c>.
    /// </summary>
    public static IJsonTypeInfoResolver TypeInfoResolver => FollowUpJsonContext.Default;

    /// <summary>
    /// Gets the options records are read and written with: camelCase, case-insensitive names, comments and trailing commas
    /// allowed, and a name given twice in one object refused (<see cref="JsonSerializerOptions.AllowDuplicateProperties"/> is
    /// <see langword="false"/>: <c>id</c> and <c>ID</c> set the same field, so they count as the same name).
    /// </summary>
    public static JsonSerializerOptions Options => FollowUpJsonContext.Default.Options;

    /// <summary>Reads one record.</summary>
    /// <remarks>
    /// <para>
    /// A value of the wrong shape for its field (text where the customer object belongs, a list where text belongs) does not
    /// make the record unreadable: the record is read as if the field were absent, and the value is listed in
    /// <see cref="FollowUpRecord.InvalidValues"/>, which the evaluation reports as findings. <see cref="JsonSerializer"/> with
    /// <see cref="Record"/> is stricter: it throws on such a value.
    /// </para>
    /// <para>
    /// A field given twice in one object (<c>{"id": "D1", "id": "D2"}</c>, <c>id</c> and <c>ID</c>, two <c>needs</c>
    /// objects, a custom field twice) makes the record unreadable, whatever the values: reading either one would drop the
    /// other without a word. The exception's message names each such field by its path (<c>communications[1].summary</c>)
    /// and, when they differ in case, the names as written.
    /// </para>
    /// </remarks>
    /// <param name="json">The record's JSON object.</param>
    /// <returns>The record, or <see langword="null"/> when the JSON is <c>null</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">
    /// The text is not well-formed JSON or not a JSON object, gives a field twice in one object, or nests objects and lists
    /// more than 64 levels deep (the message says so, and where).
    /// </exception>
    public static FollowUpRecord? DeserializeRecord(string json)
    {
        try
        {
            return JsonSerializer.Deserialize(json, Record);
        }
        catch (JsonException)
        {
            // Read again around wrong-shaped values, or refused with a plainer reason; else the serializer's own error goes on.
            if (InvalidValueReader.Reread(json, Record) is { } record)
            {
                return record;
            }

            throw;
        }
    }

    /// <summary>Reads one record from UTF-8.</summary>
    /// <remarks>Reads wrong-shaped values, and refuses a field given twice, as <see cref="DeserializeRecord(string)"/> does.</remarks>
    /// <param name="utf8Json">The record's JSON object in UTF-8.</param>
    /// <returns>The record, or <see langword="null"/> when the JSON is <c>null</c>.</returns>
    /// <exception cref="JsonException">
    /// The text is not well-formed JSON or not a JSON object, gives a field twice in one object, or nests objects and lists
    /// more than 64 levels deep (the message says so, and where).
    /// </exception>
    public static FollowUpRecord? DeserializeRecord(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return JsonSerializer.Deserialize(utf8Json, Record);
        }
        catch (JsonException)
        {
            if (InvalidValueReader.Reread(utf8Json, Record) is { } record)
            {
                return record;
            }

            throw;
        }
    }

    /// <summary>
    /// Reads the records of a UTF-8 JSON input one at a time, as leniently as <see cref="DeserializeRecord(string)"/>: JSON
    /// Lines, a JSON array, or objects written one after another over several lines each. Unless the options name the
    /// layout, it is told from the first line that is not blank (a byte order mark is skipped): a leading <c>[</c> opens an
    /// array, a line that is only <c>{</c> opens concatenated objects, and anything else is JSON Lines.
    /// </summary>
    /// <remarks>
    /// <para>
    /// The input is streamed: memory holds one record, whatever the input's size. Lines may end with LF, CRLF or CR. A
    /// value that cannot be read (broken JSON, not an object, <c>null</c>, a field given twice, nested more than 64 levels
    /// deep, text that is not UTF-8, more bytes than <see cref="JsonRecordReadOptions.MaxRecordBytes"/>) is a result with
    /// its <see cref="JsonRecordResult.Number"/> and <see cref="JsonRecordResult.Error"/>, and the reading goes on after it;
    /// blank lines are skipped. Only broken syntax between records of an array or of objects written one after another
    /// (not one per line), after which no record can be told from the next, ends the reading, with a last result that says
    /// so (<see cref="JsonRecordResult.EndsReading"/>). Pass the results to
    /// <see cref="BatchEvaluation.EvaluateRowsAsync{TItem}"/> with <c>row =&gt; row.Record</c>: unreadable ones come back in
    /// place, unevaluated.
    /// </para>
    /// <para>
    /// Text in UTF-16, told by its byte order mark or by the zero byte beside each ASCII character it starts with, is one
    /// result, number 1, that says so and ends the reading, instead of an error on every line: transcode it to UTF-8 first
    /// (<see cref="System.Text.Encoding.CreateTranscodingStream"/>).
    /// </para>
    /// <para>
    /// Told from the text, the layout can be wrong: JSON Lines whose first line that is not blank opens with <c>[</c> are
    /// read as a JSON array, that line as element 1, and the text after it ends the reading with a result that says so.
    /// Name the layout in <see cref="JsonRecordReadOptions.Layout"/> when it is known.
    /// </para>
    /// <para>The stream is read to the end of the input but not closed.</para>
    /// </remarks>
    /// <param name="utf8Json">The UTF-8 text.</param>
    /// <param name="options">The layout and the limit on a record's size, or <see langword="null"/> for the defaults: the layout told from the text, and 256 MB.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>One result per value, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <see cref="JsonRecordReadOptions.MaxRecordBytes"/> is below 1 or above 256 MB, or <see cref="JsonRecordReadOptions.Layout"/>
    /// is not a <see cref="JsonRecordLayout"/>; thrown by this call, not while enumerating.
    /// </exception>
    /// <exception cref="OperationCanceledException">While enumerating: the reading was cancelled.</exception>
    /// <exception cref="IOException">While enumerating: the stream could not be read.</exception>
    public static IAsyncEnumerable<JsonRecordResult> ReadRecordsAsync(
        Stream utf8Json, JsonRecordReadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return ReadRecordsAsynchronously(utf8Json, Validate(options), cancellationToken);
    }

    /// <summary>
    /// Reads the records of a UTF-8 JSON input one at a time, in the layout its text shows, as
    /// <see cref="ReadRecordsAsync(Stream, JsonRecordReadOptions?, CancellationToken)"/> does with the default options.
    /// </summary>
    /// <param name="utf8Json">The UTF-8 text.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    /// <returns>One result per value, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="OperationCanceledException">While enumerating: the reading was cancelled.</exception>
    /// <exception cref="IOException">While enumerating: the stream could not be read.</exception>
    public static IAsyncEnumerable<JsonRecordResult> ReadRecordsAsync(Stream utf8Json, CancellationToken cancellationToken) =>
        ReadRecordsAsync(utf8Json, null, cancellationToken);

    /// <summary>
    /// Reads the records of a UTF-8 JSON input one at a time, synchronously, as
    /// <see cref="ReadRecordsAsync(Stream, JsonRecordReadOptions?, CancellationToken)"/> does.
    /// </summary>
    /// <param name="utf8Json">The UTF-8 text.</param>
    /// <param name="options">The layout and the limit on a record's size, or <see langword="null"/> for the defaults: the layout told from the text, and 256 MB.</param>
    /// <returns>One result per value, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <see cref="JsonRecordReadOptions.MaxRecordBytes"/> is below 1 or above 256 MB, or <see cref="JsonRecordReadOptions.Layout"/>
    /// is not a <see cref="JsonRecordLayout"/>; thrown by this call, not while enumerating.
    /// </exception>
    /// <exception cref="IOException">While enumerating: the stream could not be read.</exception>
    public static IEnumerable<JsonRecordResult> ReadRecords(Stream utf8Json, JsonRecordReadOptions? options)
    {
        ArgumentNullException.ThrowIfNull(utf8Json);
        return ReadRecordsSynchronously(utf8Json, Validate(options));
    }

    /// <summary>
    /// Reads the records of a UTF-8 JSON input one at a time, synchronously, in the layout its text shows, as
    /// <see cref="ReadRecordsAsync(Stream, JsonRecordReadOptions?, CancellationToken)"/> does with the default options.
    /// </summary>
    /// <param name="utf8Json">The UTF-8 text.</param>
    /// <returns>One result per value, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="utf8Json"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">While enumerating: the stream could not be read.</exception>
    public static IEnumerable<JsonRecordResult> ReadRecords(Stream utf8Json) => ReadRecords(utf8Json, null);

    private static async IAsyncEnumerable<JsonRecordResult> ReadRecordsAsynchronously(
        Stream utf8Json, JsonRecordReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = await JsonRecordReader.OpenAsync(utf8Json, options, synchronous: false, cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false) is { } result)
        {
            yield return result;
        }
    }

    private static IEnumerable<JsonRecordResult> ReadRecordsSynchronously(Stream utf8Json, JsonRecordReadOptions options)
    {
        using var reader = Completed(JsonRecordReader.OpenAsync(utf8Json, options, synchronous: true, default));
        while (Completed(reader.ReadAsync(default)) is { } result)
        {
            yield return result;
        }
    }

    /// <summary>Checks the options when the reading is asked for, not at its first record; the defaults for none.</summary>
    private static JsonRecordReadOptions Validate(JsonRecordReadOptions? options)
    {
        options ??= DefaultReadOptions;

        // The parameter is the whole options object, so the message names the property that is wrong.
        if (options.MaxRecordBytes is < 1 or > JsonRecordReadOptions.DefaultMaxRecordBytes)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                options.MaxRecordBytes,
                $"{nameof(JsonRecordReadOptions)}.{nameof(JsonRecordReadOptions.MaxRecordBytes)} must be from 1 to {JsonRecordReadOptions.DefaultMaxRecordBytes} (256 MB).");
        }

        if (options.Layout is { } layout && !Enum.IsDefined(layout))
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), layout, $"{nameof(JsonRecordReadOptions)}.{nameof(JsonRecordReadOptions.Layout)} is not a {nameof(JsonRecordLayout)}.");
        }

        return options;
    }

    /// <summary>Gets the result of a task of the synchronous reader, which reads with <see cref="Stream.Read(Span{byte})"/> and so is complete.</summary>
    private static T Completed<T>(ValueTask<T> task) => task.IsCompleted ? task.Result : task.AsTask().GetAwaiter().GetResult();

    /// <summary>
    /// Gets a JSON Schema (draft 2020-12) of the JSON the library reads or writes, for validating records before they are
    /// loaded or outputs in another language, or generating typed clients from them. Each lists the closed sets of values as
    /// <c>enum</c> and the built-in codes of the open ones (finding, deduction and risk signal codes) as <c>examples</c>.
    /// </summary>
    /// <remarks>
    /// The text is the file of the repository's and the package's <c>schemas</c> folder, embedded in the assembly, so it
    /// always describes this version of the library; <c>followup schema</c> prints the same text.
    /// </remarks>
    /// <param name="schema">Which schema.</param>
    /// <returns>The schema's JSON text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="schema"/> is not a <see cref="FollowUpJsonSchema"/> value.</exception>
    public static string GetSchema(FollowUpJsonSchema schema) => schema switch
    {
        FollowUpJsonSchema.Record => SchemaTexts.Record,
        FollowUpJsonSchema.Evaluation => SchemaTexts.Evaluation,
        FollowUpJsonSchema.Report => SchemaTexts.Report,
        FollowUpJsonSchema.Reminder => SchemaTexts.Reminder,
        _ => throw new ArgumentOutOfRangeException(nameof(schema), schema, $"Not a {nameof(FollowUpJsonSchema)}."),
    };

    /// <summary>Writes a record as JSON.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The JSON.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is <see langword="null"/>.</exception>
    public static string Serialize(FollowUpRecord record)
    {
        // As Serialize(evaluation) does: the serializer alone would write the text "null", a line no reader takes for a record.
        ArgumentNullException.ThrowIfNull(record);
        return JsonSerializer.Serialize(record, ReadableRecord);
    }

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

        // The lists are walked by index: foreach over an IReadOnlyList<T> allocates an enumerator for each list of each record.
        var encoded = EncodedMessages.For(writer.Options.Encoder);
        writer.WriteStartObject();
        if (evaluation.Id is null)
        {
            writer.WriteNull(Names.Id);
        }
        else
        {
            writer.WriteString(Names.Id, evaluation.Id);
        }

        writer.WriteString(Names.Profile, evaluation.Profile);
        writer.WriteString(Names.EvaluatedAt, evaluation.EvaluatedAt);
        WriteNumber(writer, Names.Score, evaluation.Score);
        writer.WriteString(Names.Grade, EncodedName.Of(evaluation.Grade));

        writer.WriteStartObject(Names.Completeness);
        WriteNumber(writer, Names.Score, evaluation.Completeness.Score);
        writer.WriteStartArray(Names.Steps);
        var steps = evaluation.Completeness.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            writer.WriteStartObject();
            writer.WriteString(Names.Step, EncodedName.Of(step.Step));
            WriteNumber(writer, Names.Score, step.Score);
            WriteStrings(writer, Names.Missing, step.Missing);
            WriteStrings(writer, Names.Acknowledged, step.Acknowledged);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        writer.WriteStartArray(Names.Clarity);
        var clarities = evaluation.Clarity;
        for (var i = 0; i < clarities.Count; i++)
        {
            var clarity = clarities[i];
            writer.WriteStartObject();
            writer.WriteString(Names.Field, clarity.Field);
            writer.WriteString(Names.Level, EncodedName.Of(clarity.Level));
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartArray(Names.Vague);
        var vagueMatches = evaluation.Vague;
        for (var i = 0; i < vagueMatches.Count; i++)
        {
            var vague = vagueMatches[i];
            writer.WriteStartObject();
            writer.WriteString(Names.Field, vague.Field);
            writer.WriteString(Names.Category, EncodedName.Of(vague.Category));
            writer.WriteString(Names.Text, vague.Text);
            writer.WriteNumber(Names.Start, vague.Start);
            writer.WriteNumber(Names.Length, vague.Length);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();

        writer.WriteStartObject(Names.Risk);
        WriteNumber(writer, Names.Score, evaluation.Risk.Score);
        writer.WriteString(Names.Level, EncodedName.Of(evaluation.Risk.Level));
        writer.WriteStartArray(Names.Signals);
        var signals = evaluation.Risk.Signals;
        for (var i = 0; i < signals.Count; i++)
        {
            var signal = signals[i];
            writer.WriteStartObject();
            writer.WriteString(Names.Code, signal.Code);
            writer.WriteString(Names.Field, signal.Field);
            writer.WriteString(Names.Evidence, signal.Evidence);
            WriteNumber(writer, Names.Weight, signal.Weight);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();

        writer.WriteStartArray(Names.Deductions);
        var deductions = evaluation.Deductions;
        for (var i = 0; i < deductions.Count; i++)
        {
            var deduction = deductions[i];
            WriteDeduction(writer, deduction, deduction.Points, encoded);
        }

        writer.WriteEndArray();

        writer.WriteStartArray(Names.Findings);
        var findings = evaluation.Findings;
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            writer.WriteStartObject();
            writer.WriteString(Names.Code, finding.Code);
            writer.WriteString(Names.Severity, EncodedName.Of(finding.Severity));
            writer.WriteString(Names.Field, finding.Field);
            finding.MessageText.WriteTo(writer, Names.Message, encoded);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes a deduction object (code, group, component, points, field, message), with its points as given (the report rounds
    /// them). The component is not in SPEC §8's example; it tells apart two deductions with one code on one field, such as
    /// a vague required text charged under completeness and under clarity.
    /// </summary>
    internal static void WriteDeduction(Utf8JsonWriter writer, Grading.Deduction deduction, double points, EncodedMessages? encoded)
    {
        writer.WriteStartObject();
        writer.WriteString(Names.Code, deduction.Code);
        writer.WriteString(Names.Group, EncodedName.Of(deduction.Group));
        writer.WriteString(Names.Component, EncodedName.Of(deduction.Component));
        WriteNumber(writer, Names.Points, points);
        writer.WriteString(Names.Field, deduction.Field);
        deduction.MessageText.WriteTo(writer, Names.Message, encoded);
        writer.WriteEndObject();
    }

    /// <summary>
    /// Writes a number as <see cref="Utf8JsonWriter.WriteNumber(JsonEncodedText, double)"/> does, the shortest text that reads
    /// back as it. Scores and points are whole hundredths, whose shortest text is their decimal digits (93, 2.5, 1.67): those
    /// are written from the integer, several times faster than the general formatting of a double, which writes the rest.
    /// </summary>
    internal static void WriteNumber(Utf8JsonWriter writer, JsonEncodedText name, double value)
    {
        var hundredths = Math.Round(value * 100);
        if (hundredths / 100 != value || double.IsNegative(value) || hundredths >= MaxHundredths)
        {
            writer.WriteNumber(name, value);
            return;
        }

        Span<byte> digits = stackalloc byte[24];
        var whole = (long)hundredths / 100;
        var fraction = (int)((long)hundredths % 100);
        whole.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
        if (fraction != 0)
        {
            digits[length++] = (byte)'.';
            digits[length++] = (byte)('0' + (fraction / 10));
            if (fraction % 10 != 0)
            {
                digits[length++] = (byte)('0' + (fraction % 10));
            }
        }

        writer.WritePropertyName(name);
        writer.WriteRawValue(digits[..length], skipInputValidation: true);
    }

    /// <summary>The hundredths below which <see cref="WriteNumber"/> writes digits itself: far from where a double's shortest text turns to an exponent.</summary>
    private const double MaxHundredths = 1e15;

    private static void WriteStrings(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<string> values)
    {
        writer.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>
    /// The names of an enumeration's values, encoded once and found by the value's number: <c>ToString()</c> on an enumeration
    /// value boxes it first, and so does a dictionary lookup before the JIT has optimised it.
    /// </summary>
    private static class EncodedName
    {
        public static JsonEncodedText Of<TEnum>(TEnum value)
            where TEnum : struct, Enum
        {
            var number = Unsafe.As<TEnum, int>(ref value);
            var names = EncodedNames<TEnum>.ByNumber;
            return (uint)number < (uint)names.Length && names[number] is { } name ? name : JsonEncodedText.Encode(value.ToString());
        }

        /// <summary>The encoded name of each defined value at its number; every enumeration written here is an <see cref="int"/> from 0.</summary>
        private static class EncodedNames<TEnum>
            where TEnum : struct, Enum
        {
            public static readonly JsonEncodedText?[] ByNumber = Build();

            private static JsonEncodedText?[] Build()
            {
                if (Enum.GetUnderlyingType(typeof(TEnum)) != typeof(int))
                {
                    throw new InvalidOperationException($"{typeof(TEnum).Name} is not an int enumeration.");
                }

                var numbered = Enum.GetValues<TEnum>().Select(value => (Number: Unsafe.As<TEnum, int>(ref value), Name: value.ToString()))
                    .Where(value => value.Number >= 0).ToList();
                var names = new JsonEncodedText?[numbered.Count == 0 ? 0 : numbered.Max(value => value.Number) + 1];
                foreach (var (number, name) in numbered)
                {
                    names[number] = JsonEncodedText.Encode(name);
                }

                return names;
            }
        }
    }

    /// <summary>The embedded schema files, each read the first time it is asked for.</summary>
    private static class SchemaTexts
    {
        private static readonly Lazy<string> RecordText = new(() => Load("record"));
        private static readonly Lazy<string> EvaluationText = new(() => Load("evaluation"));
        private static readonly Lazy<string> ReportText = new(() => Load("report"));
        private static readonly Lazy<string> ReminderText = new(() => Load("reminder"));

        public static string Record => RecordText.Value;

        public static string Evaluation => EvaluationText.Value;

        public static string Report => ReportText.Value;

        public static string Reminder => ReminderText.Value;

        private static string Load(string name)
        {
            var resource = $"Schemas.{name}.schema.json";
            using var stream = typeof(FollowUpJson).Assembly.GetManifestResourceStream(resource)
                ?? throw new InvalidOperationException($"The embedded schema '{resource}' is missing from the assembly.");
            using var reader = new StreamReader(stream, System.Text.Encoding.UTF8);
            return reader.ReadToEnd();
        }
    }

    /// <summary>The property names of SPEC §8 (and a deduction's component), encoded once rather than on every record.</summary>
    private static class Names
    {
        public static readonly JsonEncodedText Acknowledged = JsonEncodedText.Encode("acknowledged");
        public static readonly JsonEncodedText Category = JsonEncodedText.Encode("category");
        public static readonly JsonEncodedText Clarity = JsonEncodedText.Encode("clarity");
        public static readonly JsonEncodedText Code = JsonEncodedText.Encode("code");
        public static readonly JsonEncodedText Component = JsonEncodedText.Encode("component");
        public static readonly JsonEncodedText Completeness = JsonEncodedText.Encode("completeness");
        public static readonly JsonEncodedText Deductions = JsonEncodedText.Encode("deductions");
        public static readonly JsonEncodedText EvaluatedAt = JsonEncodedText.Encode("evaluatedAt");
        public static readonly JsonEncodedText Evidence = JsonEncodedText.Encode("evidence");
        public static readonly JsonEncodedText Field = JsonEncodedText.Encode("field");
        public static readonly JsonEncodedText Findings = JsonEncodedText.Encode("findings");
        public static readonly JsonEncodedText Grade = JsonEncodedText.Encode("grade");
        public static readonly JsonEncodedText Group = JsonEncodedText.Encode("group");
        public static readonly JsonEncodedText Id = JsonEncodedText.Encode("id");
        public static readonly JsonEncodedText Length = JsonEncodedText.Encode("length");
        public static readonly JsonEncodedText Level = JsonEncodedText.Encode("level");
        public static readonly JsonEncodedText Message = JsonEncodedText.Encode("message");
        public static readonly JsonEncodedText Missing = JsonEncodedText.Encode("missing");
        public static readonly JsonEncodedText Points = JsonEncodedText.Encode("points");
        public static readonly JsonEncodedText Profile = JsonEncodedText.Encode("profile");
        public static readonly JsonEncodedText Risk = JsonEncodedText.Encode("risk");
        public static readonly JsonEncodedText Score = JsonEncodedText.Encode("score");
        public static readonly JsonEncodedText Severity = JsonEncodedText.Encode("severity");
        public static readonly JsonEncodedText Signals = JsonEncodedText.Encode("signals");
        public static readonly JsonEncodedText Start = JsonEncodedText.Encode("start");
        public static readonly JsonEncodedText Step = JsonEncodedText.Encode("step");
        public static readonly JsonEncodedText Steps = JsonEncodedText.Encode("steps");
        public static readonly JsonEncodedText Text = JsonEncodedText.Encode("text");
        public static readonly JsonEncodedText Vague = JsonEncodedText.Encode("vague");
        public static readonly JsonEncodedText Weight = JsonEncodedText.Encode("weight");
    }
}
