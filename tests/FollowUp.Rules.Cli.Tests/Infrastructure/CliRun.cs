using System.Text;
using System.Text.Json;

namespace FollowUp.Rules.Cli.Tests.Infrastructure;

/// <summary>What one run of the tool did: its exit code, the bytes it wrote to standard output and the text on standard error.</summary>
internal sealed record CliRun(int ExitCode, byte[] OutputBytes, string Error)
{
    public string Output => Encoding.UTF8.GetString(OutputBytes);

    /// <summary>Gets standard output split into lines, without the final empty one.</summary>
    public IReadOnlyList<string> OutputLines => SplitLines(Output);

    /// <summary>Gets standard error split into lines, without the final empty one.</summary>
    public IReadOnlyList<string> ErrorLines => SplitLines(Error);

    /// <summary>Gets each line of standard output parsed as JSON (the JSON Lines format).</summary>
    public IReadOnlyList<JsonElement> Evaluations => [.. OutputLines.Select(JsonValues.Parse)];

    /// <summary>Gets the <c>id</c> of each evaluation, in output order.</summary>
    public IReadOnlyList<string?> Ids => [.. Evaluations.Select(e => e.GetProperty("id").GetString())];

    public override string ToString() => $"exit {ExitCode}\n--- stdout ---\n{Output}\n--- stderr ---\n{Error}";

    private static string[] SplitLines(string text) =>
        text.Length == 0 ? [] : text.TrimEnd('\n').Split('\n');
}
