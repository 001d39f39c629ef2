using System.Text.Json;
using System.Text.Json.Nodes;
using FollowUp.Rules.Serialization;
using FollowUp.Rules.Tests.TestData;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static FollowUp.Rules.Tests.FollowUpEvaluatorPropertyTests;

namespace FollowUp.Rules.Tests;

/// <summary>SPEC §1 over generated records: a value of the wrong shape is a finding on its field, never an unreadable record.</summary>
public sealed class FollowUpJsonShapeProperties
{
    private static readonly FollowUpEvaluator Evaluator = TestClock.Evaluator();

    [Property(Arbitrary = [typeof(FollowUpEvaluatorPropertyTests.Arbitraries), typeof(Arbitraries)], MaxTest = 300)]
    public void DeserializeRecord_OneValueOfAnotherKind_IsReadAndReportedOnItsPath(GeneratedRecord generated, Replacement replacement)
    {
        var json = JsonNode.Parse(FollowUpJson.Serialize(generated.Record))!;
        var values = new List<(string Path, JsonNode Node)>();
        Collect(json, "", values);
        var (path, node) = values[replacement.Pick % values.Count];
        node.ReplaceWith(replacement.For(node.GetValueKind()));

        var record = FollowUpJson.DeserializeRecord(json.ToJsonString())!;
        var evaluation = Evaluator.Evaluate(record);

        Assert.Equal(path, Assert.Single(record.InvalidValues).Path);
        Assert.Contains(evaluation.Findings, f => f.Code == FindingCodes.InvalidValue && f.Field == path);
    }

    /// <summary>
    /// A host's own serializer with default options (case-sensitive, no naming policy) reads and writes the SPEC shape: it
    /// bound nothing from camelCase JSON, leaving an empty record that scored 0, and wrote PascalCase.
    /// </summary>
    [Property(Arbitrary = [typeof(FollowUpEvaluatorPropertyTests.Arbitraries)], MaxTest = 300)]
    public void JsonSerializerWithDefaultOptions_ReadsAndWritesTheSpecShape(GeneratedRecord generated)
    {
        var json = FollowUpJson.Serialize(generated.Record);

        var read = JsonSerializer.Deserialize<FollowUpRecord>(json)!;
        var written = JsonNode.Parse(JsonSerializer.Serialize(generated.Record))!;

        Assert.Equal(FollowUpJson.Serialize(FollowUpJson.DeserializeRecord(json)!), FollowUpJson.Serialize(read));
        Assert.Equal(WithoutNulls(JsonNode.Parse(json))!.ToJsonString(), WithoutNulls(written)!.ToJsonString());
    }

    /// <summary>The node with its null members removed: default options write every absent value as null, ours absent text and lists not at all.</summary>
    private static JsonNode? WithoutNulls(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject members:
                foreach (var name in members.Where(m => m.Value is null).Select(m => m.Key).ToList())
                {
                    members.Remove(name);
                }

                foreach (var member in members.ToList())
                {
                    WithoutNulls(member.Value);
                }

                break;
            case JsonArray items:
                foreach (var item in items)
                {
                    WithoutNulls(item);
                }

                break;
        }

        return node;
    }

    /// <summary>Every value under the root that is not null, with its path in SPEC notation.</summary>
    private static void Collect(JsonNode node, string path, List<(string Path, JsonNode Node)> values)
    {
        var children = node switch
        {
            JsonObject members => members.Select(m => (Path: path.Length == 0 ? m.Key : $"{path}.{m.Key}", Node: m.Value)),
            JsonArray items => items.Select((item, i) => (Path: $"{path}[{i}]", Node: item)),
            _ => [],
        };
        foreach (var (childPath, child) in children.ToList())
        {
            if (child is not null)
            {
                values.Add((childPath, child));
                Collect(child, childPath, values);
            }
        }
    }

    /// <summary>Which value to replace, and with which of the kinds that cannot stand in for it.</summary>
    /// <remarks>
    /// Text, a number or true/false are interchangeable where text belongs, and a scalar is a list of one where a list of text
    /// belongs, so a scalar is replaced by an object or a list, a list by an object, an object by anything else.
    /// </remarks>
    public sealed record Replacement(int Pick, int Choice)
    {
        public JsonNode For(JsonValueKind original) => original switch
        {
            JsonValueKind.Object => new JsonNode?[] { JsonValue.Create("张伟"), JsonValue.Create(42), JsonValue.Create(true), new JsonArray("a", "b") }[Choice % 4]!,
            JsonValueKind.Array => new JsonObject { ["summary"] = "电话沟通" },
            _ => Choice % 2 == 0 ? new JsonObject { ["name"] = "x" } : new JsonArray("a", "b"),
        };
    }

    public static class Arbitraries
    {
        public static Arbitrary<Replacement> Replacements() => Arb.From(
            from pick in Gen.Choose(0, int.MaxValue)
            from choice in Gen.Choose(0, 3)
            select new Replacement(pick, choice));
    }
}
