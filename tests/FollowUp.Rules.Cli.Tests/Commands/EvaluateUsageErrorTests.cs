using FollowUp.Rules.Cli.Tests.Infrastructure;

namespace FollowUp.Rules.Cli.Tests.Commands;

/// <summary>
/// Usage and configuration mistakes of <c>followup evaluate</c>: exit code 2, exactly one line on standard error that starts
/// with "followup:", and nothing on standard output, because nothing was evaluated.
/// </summary>
public sealed class EvaluateUsageErrorTests : IDisposable
{
    private const string Sample = "{sample}";
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("--profile 'Nope' names no profile", "evaluate", "--profile", "Nope", Sample)]
    [InlineData("'missing.jsonl': no such file", "evaluate", "missing.jsonl")]
    [InlineData("'missing.jsonl': no such file", "evaluate", Sample, "missing.jsonl")]
    [InlineData("--now 'yesterday'", "evaluate", "--now", "yesterday", Sample)]
    [InlineData("--now '2026-13-45T99:00:00+08:00'", "evaluate", "--now", "2026-13-45T99:00:00+08:00", Sample)]
    [InlineData("--format 'xml' not recognized. Must be one of jsonl, table, csv or xlsx (any case).", "evaluate", "--format", "xml", Sample)]
    [InlineData("--culture 'fr' is not a Chinese (zh, zh-CN, zh-TW, zh-HK…) or English (en, en-US, en-GB…) culture.", "evaluate", "--culture", "fr", Sample)]
    [InlineData("--date-order 'DMY' is not a date order; use YearFirst, DayFirst, MonthFirst.", "evaluate", "--date-order", "DMY", Sample)]
    [InlineData("--date-order '1' is not a date order; use YearFirst, DayFirst, MonthFirst.", "evaluate", "--date-order", "1", Sample)]
    [InlineData("evaluate", "evaluate")]
    [InlineData("evaluate", "evaluate", "--now", CliRunner.Now)]
    [InlineData("command", "")]
    [InlineData("--config 'missing.json': no such file", "evaluate", "--config", "missing.json", Sample)]
    [InlineData("unknown option '--bogus'", "evaluate", "--bogus", Sample)]
    [InlineData("unknown command 'grade'", "grade", Sample)]
    public async Task Evaluate_BadCommandLine_ExitsTwoWithOneLine(string expected, params string[] args)
    {
        var run = await CliRunner.RunAsync([.. args.Where(a => a.Length > 0).Select(a => a == Sample ? SampleData.FollowUpsPath : a)]);

        AssertUsageError(run, expected);
    }

    [Fact]
    public async Task Evaluate_DirectoryAsInput_SaysItIsADirectory()
    {
        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, _temp.Path);

        AssertUsageError(run, $"cannot read input '{_temp.Path}': it is a directory; name the files in it.");
    }

    [Fact]
    public async Task Evaluate_DirectoryAsConfig_SaysItIsADirectory()
    {
        var run = await CliRunner.RunAsync("evaluate", "--config", _temp.Path, SampleData.FollowUpsPath);

        AssertUsageError(run, $"cannot read --config '{_temp.Path}': it is a directory, not a file.");
    }

    [Theory]
    [InlineData("unknown key", """{ "FollowUpRules": { "Bogus": 1 } }""", "Bogus")]
    [InlineData("unknown profile key", """{ "FollowUpRules": { "Profiles": { "K": { "BasedOn": "ToB", "Bogus": 1 } } } }""", "Bogus")]
    [InlineData("misspelt profile key", """{ "FollowUpRules": { "Profiles": { "KeyAccounts": { "BasedOn": "ToB", "StaleAfterDay": 7 } } } }""", "FollowUpRules:Profiles:KeyAccounts:StaleAfterDay: no such key; the keys of ProfileOptions are BasedOn, Aliases, RequiredFields,")]
    [InlineData("misspelt key without wrapper", """{ "Profiles": { "KeyAccounts": { "StaleAfterDay": 7 } } }""", "Profiles:KeyAccounts:StaleAfterDay: no such key; the keys of ProfileOptions are")]
    [InlineData("misspelt phrase key", """{ "FollowUpRules": { "Lexicon": { "Add": [ { "Phrase": "看缘分", "Categroy": "Hedge" } ] } } }""", "FollowUpRules:Lexicon:Add:0:Categroy: no such key; the keys of PhraseOptions are Phrase, Category, WholeText.")]
    [InlineData("bad value", """{ "FollowUpRules": { "Profiles": { "K": { "StaleAfterDays": "often" } } } }""", "FollowUpRules:Profiles:K:StaleAfterDays")]
    [InlineData("unknown step", """{ "FollowUpRules": { "Profiles": { "K": { "StepWeights": { "Nedds": 1 } } } } }""", "FollowUpRules:Profiles:K:StepWeights:Nedds: is not a step; use one of BasicInfo, Needs,")]
    [InlineData("unknown grade part", """{ "FollowUpRules": { "Profiles": { "K": { "ScoreWeights": { "Completness": 40 } } } } }""", "FollowUpRules:Profiles:K:ScoreWeights:Completness: is not a part of the grade; use one of Completeness,")]
    [InlineData("invalid JSON", """{ "FollowUpRules": { "Profiles": """, "JSON")]
    [InlineData("negative step weight", """{ "FollowUpRules": { "Profiles": { "K": { "BasedOn": "ToB", "StepWeights": { "Needs": -1 } } } } }""", "FollowUpRules:Profiles:K:StepWeights:Needs")]
    [InlineData("out of range", """{ "FollowUpRules": { "Profiles": { "K": { "StaleAfterDays": 0 } } } }""", "FollowUpRules:Profiles:K:StaleAfterDays")]
    [InlineData("unknown base profile", """{ "FollowUpRules": { "Profiles": { "K": { "BasedOn": "Nope" } } } }""", "FollowUpRules:Profiles:K:BasedOn")]
    [InlineData("unknown default profile", """{ "FollowUpRules": { "DefaultProfile": "Nope" } }""", "FollowUpRules:DefaultProfile")]
    [InlineData("unknown date order", """{ "FollowUpRules": { "DateOrder": "DMY" } }""", "FollowUpRules:DateOrder")]
    public async Task Evaluate_InvalidConfig_ExitsTwoWithOneLineNamingTheKey(string scenario, string config, string expected)
    {
        var path = _temp.Write($"{scenario.Replace(' ', '-')}.json", config);

        var run = await CliRunner.RunAsync("evaluate", "--config", path, SampleData.FollowUpsPath);

        AssertUsageError(run, expected);
        Assert.Contains(path, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_MisspeltKeysInSeveralPlaces_NamesEachByItsPath()
    {
        // The binder stops at the first object with an unknown key and names only its type, not which profile it is.
        var path = _temp.Write("rules.json", """
            { "FollowUpRules": { "DefaultProfle": "ToB", "Profiles": { "A": { "StaleAfterDay": 7 }, "B": { "Weights": { "Needs": 1 } } } } }
            """);

        var run = await CliRunner.RunAsync("evaluate", "--config", path, SampleData.FollowUpsPath);

        AssertUsageError(run, "FollowUpRules:DefaultProfle: no such key; the keys of FollowUpRulesOptions are DefaultProfile, Culture,");
        Assert.Contains("FollowUpRules:Profiles:A:StaleAfterDay: no such key", run.Error, StringComparison.Ordinal);
        Assert.Contains("FollowUpRules:Profiles:B:Weights: no such key", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_MisspeltKeyAndUnconvertibleValue_NamesBoth()
    {
        var path = _temp.Write("rules.json", """
            { "FollowUpRules": { "Profiles": { "A": { "StaleAfterDay": 7 }, "B": { "StaleAfterDays": "often" } } } }
            """);

        var run = await CliRunner.RunAsync("evaluate", "--config", path, SampleData.FollowUpsPath);

        AssertUsageError(run, "FollowUpRules:Profiles:A:StaleAfterDay: no such key");
        Assert.Contains("FollowUpRules:Profiles:B:StaleAfterDays", run.Error, StringComparison.Ordinal);
        Assert.Contains("often", run.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\n  \"FollowUpRules\": {\n    \"DefaultProfile\": \"ToB\",,\n  }\n}\n", "Line 3, byte 29: ',' is an invalid start of a property name.")]
    [InlineData("{ \"FollowUpRules\": 1 } x", "Line 1, byte 24: 'x' is invalid after a single JSON value.")]
    public async Task Evaluate_ConfigThatIsNotJson_SaysWhereCountingFromOne(string config, string expected)
    {
        // System.Text.Json's LineNumber and BytePositionInLine count from 0, and sent the user one line short of the mistake.
        var path = _temp.Write("rules.json", config);

        var run = await CliRunner.RunAsync("evaluate", "--config", path, SampleData.FollowUpsPath);

        AssertUsageError(run, expected);
        Assert.DoesNotMatch("LineNumber|BytePositionInLine", run.Error);
    }

    [Fact]
    public async Task Evaluate_OutputIsAnInput_ExitsTwoAndLeavesTheInputIntact()
    {
        var input = _temp.Write("records.jsonl", File.ReadAllText(SampleData.FollowUpsPath));
        var before = File.ReadAllText(input);

        var run = await CliRunner.RunAsync("evaluate", "--output", input, input);

        AssertUsageError(run, "is also an input");
        Assert.Equal(before, File.ReadAllText(input));
    }

    [Fact]
    public async Task Evaluate_OutputIsALinkToAnInput_ExitsTwoAndLeavesTheInputIntact()
    {
        var input = _temp.Write("records.jsonl", File.ReadAllText(SampleData.FollowUpsPath));
        var link = _temp.File("link.jsonl");
        File.CreateSymbolicLink(link, input);
        var before = File.ReadAllText(input);

        var run = await CliRunner.RunAsync("evaluate", "--output", link, input);

        AssertUsageError(run, "is also an input");
        Assert.Equal(before, File.ReadAllText(input));
    }

    [Fact]
    public async Task Evaluate_InvalidConfig_ReportsEveryProblemAtOnce()
    {
        var path = _temp.Write("rules.json", """
            { "FollowUpRules": { "Culture": "fr", "Profiles": { "K": { "StepWeights": { "Needs": -1 }, "AcknowledgedCredit": 2 } } } }
            """);

        var run = await CliRunner.RunAsync("evaluate", "--config", path, SampleData.FollowUpsPath);

        AssertUsageError(run, "FollowUpRules:Culture");
        Assert.Contains("FollowUpRules:Profiles:K:StepWeights:Needs", run.Error, StringComparison.Ordinal);
        Assert.Contains("FollowUpRules:Profiles:K:AcknowledgedCredit", run.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(".;", run.Error, StringComparison.Ordinal);
        Assert.Contains("; Property FollowUpRules:Profiles:K:", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_OutputInMissingDirectory_ExitsTwoWithOneLine()
    {
        var run = await CliRunner.RunAsync("evaluate", "--output", _temp.File(Path.Combine("no-such-dir", "out.jsonl")), SampleData.FollowUpsPath);

        AssertUsageError(run, "--output");
    }

    [Fact]
    public async Task Evaluate_UsageError_DoesNotCreateTheOutputFile()
    {
        var output = _temp.File("out.jsonl");

        var run = await CliRunner.RunAsync("evaluate", "--output", output, "--profile", "Nope", SampleData.FollowUpsPath);

        AssertUsageError(run, "Nope");
        Assert.False(File.Exists(output));
    }

    private static void AssertUsageError(CliRun run, string expected)
    {
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.OutputBytes);
        Assert.EndsWith("\n", run.Error, StringComparison.Ordinal);
        var line = Assert.Single(run.ErrorLines);
        Assert.DoesNotContain('\r', line);
        Assert.StartsWith("followup: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }
}
