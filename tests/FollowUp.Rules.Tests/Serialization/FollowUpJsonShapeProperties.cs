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
