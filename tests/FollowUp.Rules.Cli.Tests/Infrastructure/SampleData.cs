namespace FollowUp.Rules.Cli.Tests.Infrastructure;

/// <summary>The bundled sample records (samples/data/follow-ups.jsonl), linked into the test output.</summary>
internal static class SampleData
{
    public static string FollowUpsPath { get; } = Path.Combine(AppContext.BaseDirectory, "Data", "follow-ups.jsonl");

    /// <summary>Gets the ids of the sample records, in file order.</summary>
    public static IReadOnlyList<string> FollowUpIds { get; } =
    [
        .. File.ReadLines(FollowUpsPath)
            .Where(line => !string.IsNullOrWhiteSpace(line))
            .Select(line => JsonValues.Parse(line).GetProperty("id").GetString()!),
    ];

    /// <summary>Builds one JSON Lines row: a minimal record with this id and whatever members follow.</summary>
    public static string Record(string id, string members = "") =>
        members.Length == 0 ? $$"""{"id":"{{id}}"}""" : $$"""{"id":"{{id}}",{{members}}}""";
}
