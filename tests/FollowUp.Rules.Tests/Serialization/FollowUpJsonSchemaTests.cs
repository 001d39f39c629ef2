using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using FluentValidation;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;
using FollowUp.Rules.Reminders;
using FollowUp.Rules.Reporting;
using FollowUp.Rules.Risk;
using FollowUp.Rules.Serialization;
using FollowUp.Rules.Tests.Reporting;
using FollowUp.Rules.Tests.TestData;
using Json.Schema;
using static FollowUp.Rules.Tests.TestData.SchemaValidation;

namespace FollowUp.Rules.Tests;

/// <summary>
/// The shipped JSON Schemas as a contract: what the library writes matches them, each closed set in them is the C# enum's
/// names and each list of codes the code constants (so a new member or code cannot be left out), and each refuses what is wrong.
/// </summary>
public sealed class FollowUpJsonSchemaTests
{
    /// <summary>The C# enum each <c>enum</c> of the schemas lists, by the name of the definition or member that holds it.</summary>
    private static readonly Dictionary<string, Type> ClosedSets = new(StringComparer.Ordinal)
    {
        ["grade"] = typeof(Grade),
        ["step"] = typeof(FollowUpStep),
        ["clarityLevel"] = typeof(ClarityLevel),
        ["vagueCategory"] = typeof(VagueCategory),
        ["riskLevel"] = typeof(RiskLevel),
        ["severity"] = typeof(Severity),
        ["deductionGroup"] = typeof(DeductionGroup),
        ["gradeComponent"] = typeof(GradeComponent),
        ["stageOrNull"] = typeof(DealStage),
        ["dealRiskReason"] = typeof(DealRiskReason),
        ["kind"] = typeof(ReminderKind),
    };

    /// <summary>The constants each open list of codes gives as <c>examples</c>, by the definition's name.</summary>
    private static readonly Dictionary<string, Type> CodeLists = new(StringComparer.Ordinal)
    {
        ["findingCode"] = typeof(FindingCodes),
        ["deductionCode"] = typeof(DeductionCodes),
        ["riskSignalCode"] = typeof(RiskSignalCodes),
    };

    public static TheoryData<FollowUpJsonSchema> Schemas => new(Enum.GetValues<FollowUpJsonSchema>());

    [Theory]
    [MemberData(nameof(Schemas))]
    public void GetSchema_EachSchema_IsTheFileOfTheSchemasFolder(FollowUpJsonSchema schema)
    {
        var file = Path.Combine(AppContext.BaseDirectory, "Schemas", $"{schema.ToString().ToLowerInvariant()}.schema.json");

        Assert.Equal(File.ReadAllText(file), FollowUpJson.GetSchema(schema));
    }

    [Fact]
    public void GetSchema_EveryFileOfTheSchemasFolder_HasItsValue()
    {
        var files = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Schemas"), "*.schema.json").Select(Path.GetFileName).Order(StringComparer.Ordinal);

        Assert.Equal(Enum.GetNames<FollowUpJsonSchema>().Select(name => $"{name.ToLowerInvariant()}.schema.json").Order(StringComparer.Ordinal), files);
    }

    [Fact]
    public void GetSchema_NotAValue_Throws()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => FollowUpJson.GetSchema((FollowUpJsonSchema)4));

        Assert.Equal("schema", error.ParamName);
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void EachSchema_IsADraft202012Schema(FollowUpJsonSchema schema)
    {
        using var document = JsonDocument.Parse(FollowUpJson.GetSchema(schema));

        var results = MetaSchemas.Draft202012.Evaluate(document.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(results.IsValid, string.Join("; ", (results.Details ?? []).Where(d => d.Errors is not null).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")));
        Assert.Equal("https://json-schema.org/draft/2020-12/schema", document.RootElement.GetProperty("$schema").GetString());
    }

    /// <summary>
    /// Code generators such as quicktype name a class by its schema's title (else by where it is met, as EvaluationSchema)
    /// and intersect a <c>type</c> with the <c>anyOf</c> beside it, which typed a reminder's due as null alone.
    /// </summary>
    [Theory]
    [MemberData(nameof(Schemas))]
    public void EachSchema_GeneratesTypedCode_EveryObjectTitledAndNoTypeBesideAnyOf(FollowUpJsonSchema schema)
    {
        var subschemas = Subschemas(Root(schema)).ToList();

        Assert.Empty(subschemas.Where(s => s.ContainsKey("type") && (s.ContainsKey("anyOf") || s.ContainsKey("oneOf"))).Select(s => s.ToJsonString()));
        Assert.Empty(subschemas.Where(s => s["type"]?.ToJsonString().Contains("\"object\"", StringComparison.Ordinal) == true && !s.ContainsKey("title"))
            .Select(s => s.ToJsonString()));
    }

    [Fact]
    public void Evaluation_OfEverySampleRecord_MatchesTheEvaluationSchema()
    {
        var evaluator = TestClock.Evaluator();
        var evaluations = ReportFixtures.EvaluatedSamples().Select(sample => sample.Evaluation)
            .Concat(new[] { "ToB", "ToC", "Project", "ECommerce" }.Select(profile => evaluator.Evaluate(SampleRecords.CompleteFor(profile), profile)))
            .Append(evaluator.Evaluate(new FollowUpRecord()))
            .ToList();

        Assert.Equal(39, evaluations.Count);
        Assert.All(evaluations, evaluation =>
        {
            AssertMatches(FollowUpJsonSchema.Evaluation, FollowUpJson.Serialize(evaluation));

            // As a host's endpoint returns it: its own serializer, default options.
            AssertMatches(FollowUpJsonSchema.Evaluation, JsonSerializer.Serialize(evaluation));
        });
    }

    [Fact]
    public void Record_EverySampleRecord_MatchesTheRecordSchema()
    {
        var lines = File.ReadLines(ReportFixtures.SampleDataPath).Where(line => !string.IsNullOrWhiteSpace(line)).ToList();
        var written = new[] { "ToB", "ToC", "Project", "ECommerce" }.Select(profile => FollowUpJson.Serialize(SampleRecords.CompleteFor(profile)));

        Assert.Equal(34, lines.Count);
        Assert.All(lines.Concat(written), json => AssertMatches(FollowUpJsonSchema.Record, json));
    }

    [Fact]
    public void Report_OfTheSamplesAndOfNoRecords_MatchesTheReportSchema()
    {
        var samples = ReportFixtures.SampleReport();
        var empty = new TeamReportBuilder().Build();

        AssertMatches(FollowUpJsonSchema.Report, samples.ToString(TeamReportFormat.Json));
        AssertMatches(FollowUpJsonSchema.Report, empty.ToString(TeamReportFormat.Json));
        AssertMatches(FollowUpJsonSchema.Report, JsonSerializer.Serialize(samples));
        Assert.NotEmpty(samples.NeedsAttention);
        Assert.NotEmpty(samples.DealsAtRisk);
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void EveryEnumOfASchema_IsTheNamesOfItsCSharpEnum(FollowUpJsonSchema schema)
    {
        var sets = NamedKeywords(Root(schema), "enum").ToList();

        Assert.All(sets, set =>
        {
            Assert.True(ClosedSets.TryGetValue(set.Name, out var type), $"The {schema} schema's enum '{set.Name}' has no C# enum in {nameof(ClosedSets)}.");
            var values = set.Value.AsArray().Where(value => value is not null).Select(value => value!.GetValue<string>());
            Assert.Equal(Enum.GetValues(type).Cast<object>().Select(value => value.ToString()), values);
        });
    }

    [Fact]
    public void TheSchemas_ListEveryClosedSetTheyWrite()
    {
        var found = Enum.GetValues<FollowUpJsonSchema>().SelectMany(schema => NamedKeywords(Root(schema), "enum")).Select(set => set.Name).ToHashSet(StringComparer.Ordinal);

        Assert.Equal(ClosedSets.Keys.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
    }

    /// <summary>The report's objects keyed by grade and by risk level name every value, as the writer does.</summary>
    [Fact]
    public void ReportSchema_ObjectsKeyedByAnEnum_RequireEachOfItsNames()
    {
        var properties = Root(FollowUpJsonSchema.Report)["properties"]!;

        Assert.Equal(Enum.GetNames<Grade>(), Required(properties["grades"]!));
        Assert.Equal(Enum.GetNames<RiskLevel>(), Required(properties["riskLevels"]!));
        Assert.Equal([nameof(RiskLevel.High), nameof(RiskLevel.Critical)], Required(properties["highRiskIds"]!));
    }

    [Theory]
    [MemberData(nameof(Schemas))]
    public void EveryListOfCodes_IsTheCodeConstants(FollowUpJsonSchema schema)
    {
        var definitions = Root(schema)["$defs"]?.AsObject() ?? [];

        foreach (var (name, definition) in definitions.Where(d => d.Key.EndsWith("Code", StringComparison.Ordinal)))
        {
            Assert.True(CodeLists.TryGetValue(name, out var constants), $"The {schema} schema's code list '{name}' has no constants in {nameof(CodeLists)}.");
            Assert.Equal("string", definition!["type"]!.GetValue<string>());
            Assert.Equal(Constants(constants).Order(StringComparer.Ordinal), Strings(definition["examples"]!).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void TheOutputSchemas_ListEveryKindOfCode()
    {
        Assert.Equal(["deductionCode", "findingCode", "riskSignalCode"], CodeDefinitions(FollowUpJsonSchema.Evaluation));
        Assert.Equal(["deductionCode", "riskSignalCode"], CodeDefinitions(FollowUpJsonSchema.Report));
    }

    /// <summary>A risk's kind answers a signal by naming its code, so the record schema offers every code there.</summary>
    [Fact]
    public void RecordSchema_RiskKind_OffersEveryRiskSignalCode()
    {
        var kind = Root(FollowUpJsonSchema.Record)["properties"]!["risks"]!["items"]!["properties"]!["kind"]!;

        Assert.Equal(Constants(typeof(RiskSignalCodes)).Order(StringComparer.Ordinal), Strings(kind["examples"]!).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void RecordSchema_EachChoice_OffersTheEnumsNamesThenTheirChineseLabels()
    {
        var definitions = Root(FollowUpJsonSchema.Record)["$defs"]!;

        Assert.Equal(NamesAndLabels<DecisionRole>(), Strings(definitions["decisionRole"]!["examples"]!));
        Assert.Equal(NamesAndLabels<ContactChannel>(), Strings(definitions["contactChannel"]!["examples"]!));
        Assert.Equal(NamesAndLabels<CustomerFeedback>(), Strings(definitions["customerFeedback"]!["examples"]!));
        Assert.Equal(NamesAndLabels<DealStage>(), Strings(definitions["dealStage"]!["examples"]!));
        Assert.Equal(NamesAndLabels<AttachmentKind>(), Strings(definitions["attachmentKind"]!["examples"]!));
    }

    /// <summary>Every member of the record's types is in the schema, whose objects refuse any other member.</summary>
    [Fact]
    public void RecordSchema_EachObject_HasEveryMemberOfItsType()
    {
        var record = Root(FollowUpJsonSchema.Record)["properties"]!;

        Assert.Equal(JsonNames<FollowUpRecord>(), Names(Root(FollowUpJsonSchema.Record)));
        Assert.Equal(JsonNames<Customer>(), Names(record["customer"]!));
        Assert.Equal(JsonNames<CustomerNeeds>(), Names(record["needs"]!));
        Assert.Equal(JsonNames<NeedsChange>(), Names(record["needs"]!["properties"]!["changes"]!["items"]!));
        Assert.Equal(JsonNames<Communication>(), Names(record["communications"]!["items"]!));
        Assert.Equal(JsonNames<DealProgress>(), Names(record["progress"]!));
        Assert.Equal(JsonNames<Attachment>(), Names(record["attachments"]!["items"]!));
        Assert.Equal(JsonNames<RiskNote>(), Names(record["risks"]!["items"]!));
    }

    [Fact]
    public void EvaluationSchema_ScoreAsText_IsRefused()
    {
        var evaluation = EvaluationNode(SampleRecords.CompleteToB());
        evaluation["score"] = "93";

        var errors = AssertRefuses(FollowUpJsonSchema.Evaluation, evaluation.ToJsonString());

        Assert.Contains(errors, error => error.StartsWith("/score", StringComparison.Ordinal));
    }

    [Fact]
    public void EvaluationSchema_GradeOutsideItsSetOrAMemberLeftOut_IsRefused()
    {
        var evaluation = EvaluationNode(SampleRecords.CompleteToB());
        evaluation["grade"] = "E";
        var withoutFindings = EvaluationNode(SampleRecords.CompleteToB());
        withoutFindings.Remove("findings");

        Assert.Contains(AssertRefuses(FollowUpJsonSchema.Evaluation, evaluation.ToJsonString()), error => error.StartsWith("/grade", StringComparison.Ordinal));
        AssertRefuses(FollowUpJsonSchema.Evaluation, withoutFindings.ToJsonString());
    }

    /// <summary>Codes are open: a validator must take a code a later version or a custom detector adds.</summary>
    [Fact]
    public void EvaluationSchema_ACodeItDoesNotList_IsTaken()
    {
        var evaluation = EvaluationNode(new FollowUpRecord());
        evaluation["findings"]![0]!["code"] = "TenderProcessMissing";
        evaluation["deductions"]![0]!["code"] = "TenderProcessMissing";

        AssertMatches(FollowUpJsonSchema.Evaluation, evaluation.ToJsonString());
    }

    /// <summary>The schema refuses what the reader would lose: a value of the wrong shape, which it reads as absent, with a finding.</summary>
    [Fact]
    public void RecordSchema_AValueOfTheWrongShape_IsRefusedWhereTheReaderReportsIt()
    {
        const string json = """{"id":"R","customer":"张伟"}""";

        var errors = AssertRefuses(FollowUpJsonSchema.Record, json);

        Assert.Contains(errors, error => error.StartsWith("/customer", StringComparison.Ordinal));
        Assert.Equal("customer", Assert.Single(FollowUpJson.DeserializeRecord(json)!.InvalidValues).Path);
    }

    /// <summary>Exports send ids, amounts and custom values as numbers; the reader keeps them as text, so the schema takes them.</summary>
    [Fact]
    public void RecordSchema_ANumberOrOneTextForAList_IsTakenAsTheReaderKeepsIt()
    {
        const string json = """{"id":12345,"needs":{"budget":500000,"painPoints":"库存不准"},"custom":{"creditDays":60,"vip":true}}""";

        AssertMatches(FollowUpJsonSchema.Record, json);
        var record = FollowUpJson.DeserializeRecord(json)!;
        Assert.Equal("12345", record.Id);
        Assert.Equal("500000", record.Needs!.Budget);
        Assert.Equal(["库存不准"], record.Needs.PainPoints);
        Assert.Equal("60", record.Custom!["creditDays"]);
        Assert.Empty(record.InvalidValues);
    }

    /// <summary>An export's own members (updatedAt, links) are ignored by the reader, so the schema takes them.</summary>
    [Fact]
    public void RecordSchema_AMemberTheRecordDoesNotHave_IsTakenAsTheReaderIgnoresIt()
    {
        const string json = """{"id":"R","updatedAt":"2026-11-27T09:00:00+08:00","progress":{"nextAction":"周三前发报价","crmUrl":"https://crm.example/r"}}""";

        AssertMatches(FollowUpJsonSchema.Record, json);
        Assert.Equal("周三前发报价", FollowUpJson.DeserializeRecord(json)!.Progress!.NextAction);
    }

    /// <summary>Unknown choice text is kept and reported by the evaluation, so the schema takes it.</summary>
    [Fact]
    public void RecordSchema_ChoiceTextItDoesNotList_IsTaken()
    {
        const string json = """{"communications":[{"channel":"信鸽","at":"2026/11/20 下午 03:00:00"}],"progress":{"stage":"已簽約"}}""";

        AssertMatches(FollowUpJsonSchema.Record, json);
        Assert.Contains(TestClock.Evaluator().Evaluate(FollowUpJson.DeserializeRecord(json)!).Findings, f => f.Code == FindingCodes.UnknownValue);
    }

    [Fact]
    public void ReportSchema_AGradeLeftOutOrACountAsText_IsRefused()
    {
        var withoutD = JsonNode.Parse(new TeamReportBuilder().Build().ToString(TeamReportFormat.Json))!;
        withoutD["grades"]!.AsObject().Remove("D");
        var countAsText = JsonNode.Parse(new TeamReportBuilder().Build().ToString(TeamReportFormat.Json))!;
        countAsText["recordCount"] = "0";

        Assert.Contains(AssertRefuses(FollowUpJsonSchema.Report, withoutD.ToJsonString()), error => error.StartsWith("/grades", StringComparison.Ordinal));
        Assert.Contains(AssertRefuses(FollowUpJsonSchema.Report, countAsText.ToJsonString()), error => error.StartsWith("/recordCount", StringComparison.Ordinal));
    }

    [Fact]
    public void ReminderSchema_AKindOutsideItsSetOrADueThatIsNoDate_IsRefused()
    {
        const string line = """{"id":"R","customer":null,"owner":"李明","kind":"Overdue","lateHours":2.5,"due":"2026-11-26","reason":"…"}""";

        AssertMatches(FollowUpJsonSchema.Reminder, line);
        AssertRefuses(FollowUpJsonSchema.Reminder, line.Replace("\"Overdue\"", "\"Late\"", StringComparison.Ordinal));
        AssertRefuses(FollowUpJsonSchema.Reminder, line.Replace("\"2026-11-26\"", "\"明天\"", StringComparison.Ordinal));
    }

    private static JsonObject EvaluationNode(FollowUpRecord record) => JsonNode.Parse(FollowUpJson.Serialize(TestClock.Evaluator().Evaluate(record)))!.AsObject();

    private static JsonNode Root(FollowUpJsonSchema schema) => JsonNode.Parse(FollowUpJson.GetSchema(schema))!;

    /// <summary>Every value of a keyword in the schema, with the name of the definition or member it is in.</summary>
    private static IEnumerable<(string Name, JsonNode Value)> NamedKeywords(JsonNode node, string keyword, string name = "")
    {
        if (node is JsonArray items)
        {
            return items.Where(item => item is not null).SelectMany(item => NamedKeywords(item!, keyword, name));
        }

        if (node is not JsonObject members)
        {
            return [];
        }

        var found = members.Where(member => member.Key == keyword && member.Value is not null).Select(member => (name, member.Value!));

        // Below properties and $defs, a key names what it holds; below any other keyword, the name stays that of its owner.
        return found.Concat(members.Where(member => member.Value is not null && member.Key != keyword).SelectMany(member =>
            member.Key is "properties" or "$defs" && member.Value is JsonObject named
                ? named.Where(n => n.Value is not null).SelectMany(n => NamedKeywords(n.Value!, keyword, n.Key))
                : NamedKeywords(member.Value!, keyword, name)));
    }

    /// <summary>Every schema object in the document: the root, and each one below a keyword, not the values listed as examples.</summary>
    private static IEnumerable<JsonObject> Subschemas(JsonNode node)
    {
        if (node is not JsonObject schema)
        {
            return node is JsonArray items ? items.OfType<JsonNode>().SelectMany(Subschemas) : [];
        }

        return schema.Where(member => member.Value is not null && member.Key is not ("examples" or "enum" or "const" or "default"))
            .SelectMany(member => member.Key is "properties" or "$defs" or "patternProperties"
                ? member.Value!.AsObject().Select(named => named.Value).OfType<JsonNode>().SelectMany(Subschemas)
                : Subschemas(member.Value!))
            .Prepend(schema);
    }

    private static string[] CodeDefinitions(FollowUpJsonSchema schema) =>
        [.. Root(schema)["$defs"]!.AsObject().Select(d => d.Key).Where(name => name.EndsWith("Code", StringComparison.Ordinal)).Order(StringComparer.Ordinal)];

    private static string[] Required(JsonNode schema) => Strings(schema["required"]!);

    private static string[] Strings(JsonNode array) => [.. array.AsArray().Select(item => item!.GetValue<string>())];

    private static string[] Names(JsonNode schema) => [.. schema["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal)];

    private static IEnumerable<string> Constants(Type codes) =>
        codes.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!);

    private static string[] NamesAndLabels<TEnum>()
        where TEnum : struct, Enum =>
        [.. Enum.GetNames<TEnum>(), .. Enum.GetValues<TEnum>().Select(value => EnumLabelCatalog.ChineseLabel(value, traditional: false)!)];

    /// <summary>The JSON names of a record type's members: every property the type names for JSON.</summary>
    private static string[] JsonNames<T>() =>
        [.. typeof(T).GetProperties().Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name).OfType<string>().Order(StringComparer.Ordinal)];
}
