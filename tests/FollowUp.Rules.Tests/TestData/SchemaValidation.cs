using System.Collections.Concurrent;
using System.Text.Json;
using FollowUp.Rules.Serialization;
using Json.Schema;

namespace FollowUp.Rules.Tests.TestData;

/// <summary>Validates JSON against the schemas the library ships (<see cref="FollowUpJson.GetSchema"/>), with JsonSchema.Net.</summary>
/// <remarks>Linked into the command's tests too, which validate what <c>followup</c> prints.</remarks>
internal static class SchemaValidation
{
    /// <summary>Every error listed, and <c>format</c> asserted, so a date-time that is no date-time fails too.</summary>
    private static readonly EvaluationOptions Options = new() { OutputFormat = OutputFormat.List, RequireFormatValidation = true };

    private static readonly ConcurrentDictionary<FollowUpJsonSchema, Lazy<JsonSchema>> Built = new();

    /// <summary>Gets the schema built once: building it again would register its <c>$id</c> twice.</summary>
    public static JsonSchema Schema(FollowUpJsonSchema schema) =>
        Built.GetOrAdd(schema, static which => new Lazy<JsonSchema>(() => JsonSchema.FromText(FollowUpJson.GetSchema(which)))).Value;

    /// <summary>Gets where and why the JSON does not match the schema: empty when it does.</summary>
    public static IReadOnlyList<string> Errors(FollowUpJsonSchema schema, string json)
    {
        using var document = JsonDocument.Parse(json);
        var results = Schema(schema).Evaluate(document.RootElement, Options);
        if (results.IsValid)
        {
            return [];
        }

        string[] errors =
        [
            .. (results.Details ?? []).Prepend(results)
                .SelectMany(detail => (detail.Errors ?? new Dictionary<string, string>()).Select(error => $"{detail.InstanceLocation} ({error.Key}): {error.Value}")),
        ];
        return errors.Length > 0 ? errors : ["invalid, with no error message"];
    }

    /// <summary>Asserts that the JSON matches the schema, naming every mismatch and the JSON when it does not.</summary>
    public static void AssertMatches(FollowUpJsonSchema schema, string json)
    {
        var errors = Errors(schema, json);
        Assert.True(errors.Count == 0, $"Not a {schema}: {string.Join("; ", errors)}\n{json}");
    }

    /// <summary>Asserts that the schema refuses the JSON, and returns why.</summary>
    public static IReadOnlyList<string> AssertRefuses(FollowUpJsonSchema schema, string json)
    {
        var errors = Errors(schema, json);
        Assert.True(errors.Count > 0, $"The {schema} schema took: {json}");
        return errors;
    }
}
