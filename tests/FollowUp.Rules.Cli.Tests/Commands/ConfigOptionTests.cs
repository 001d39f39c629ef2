using FollowUp.Rules.Cli.Tests.Infrastructure;

namespace FollowUp.Rules.Cli.Tests.Commands;

/// <summary>
/// <c>--config</c> of evaluate, remind and report: a file is read as check-config reads it, in the same shapes and error
/// wording, so a file check-config passes grades records as the host would.
/// </summary>
public sealed class ConfigOptionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private const string AppSettings = """
        { "Logging": { "LogLevel": { "Default": "Information" } }, "AllowedHosts": "*",
          "FollowUpRules": { "Culture": "en" } }
        """;

    private const string RulesJson = """{ "Culture": "en" }""";

    [Theory]
    [InlineData("evaluate", AppSettings)]
    [InlineData("remind", AppSettings)]
    [InlineData("report", AppSettings)]
    [InlineData("evaluate", RulesJson)]
    [InlineData("remind", RulesJson)]
    [InlineData("report", RulesJson)]
    public async Task Config_InEitherShapeCheckConfigPasses_GivesTheRulesItConfigures(string command, string content)
    {
        var config = _temp.Write("appsettings.json", content);

        var check = await CliRunner.RunAsync("check-config", config);
        var configured = await CliRunner.RunAsync(command, "--now", CliRunner.Now, "--config", config, SampleData.FollowUpsPath);
        var english = await CliRunner.RunAsync(command, "--now", CliRunner.Now, "--culture", "en", SampleData.FollowUpsPath);
        var builtIn = await CliRunner.RunAsync(command, "--now", CliRunner.Now, SampleData.FollowUpsPath);

        Assert.Equal($"{config}: valid: culture en, default profile ToB, profiles ECommerce, Project, ToB, ToC.\n", check.Output);
        Assert.True(configured.ExitCode == 0, configured.ToString());
        Assert.Equal("", configured.Error);
        Assert.Equal(english.Output, configured.Output);
        Assert.NotEqual(builtIn.Output, configured.Output);
    }

    private const string UnreadableAndInvalid = """
        { "FollowUpRules": { "DateOrder": "DMY", "Culture": "fr", "Profiles": { "K": { "StaleAfterDay": 7, "AcknowledgedCredit": 2 } } } }
        """;

    private const string InvalidOnly = """
        { "FollowUpRules": { "Culture": "fr", "Profiles": { "K": { "StepWeights": { "Needs": -1 }, "AcknowledgedCredit": 2 } } } }
        """;

    private const string TopLevelWithAStrayKey = """{ "Culture": "fr", "Logging": { } }""";

    public static TheoryData<string, string, string> InvalidConfigs => new()
    {
        // Unreadable keys and values, then the validation failures of what could be read: every one, in one line.
        { "evaluate", UnreadableAndInvalid, "FollowUpRules:DateOrder: 'DMY'|FollowUpRules:Profiles:K:StaleAfterDay: no such key|Property FollowUpRules:Culture ('fr')|Property FollowUpRules:Profiles:K:AcknowledgedCredit" },
        { "remind", UnreadableAndInvalid, "FollowUpRules:DateOrder: 'DMY'|FollowUpRules:Profiles:K:StaleAfterDay: no such key|Property FollowUpRules:Culture ('fr')|Property FollowUpRules:Profiles:K:AcknowledgedCredit" },
        { "report", UnreadableAndInvalid, "FollowUpRules:DateOrder: 'DMY'|FollowUpRules:Profiles:K:StaleAfterDay: no such key|Property FollowUpRules:Culture ('fr')|Property FollowUpRules:Profiles:K:AcknowledgedCredit" },
        { "evaluate", InvalidOnly, "Property FollowUpRules:Culture ('fr')|Property FollowUpRules:Profiles:K:StepWeights:Needs|Property FollowUpRules:Profiles:K:AcknowledgedCredit" },
        { "remind", InvalidOnly, "Property FollowUpRules:Culture ('fr')|Property FollowUpRules:Profiles:K:StepWeights:Needs|Property FollowUpRules:Profiles:K:AcknowledgedCredit" },
        { "report", InvalidOnly, "Property FollowUpRules:Culture ('fr')|Property FollowUpRules:Profiles:K:StepWeights:Needs|Property FollowUpRules:Profiles:K:AcknowledgedCredit" },
        { "remind", TopLevelWithAStrayKey, "Logging: no such key|Property Culture ('fr')" },
    };

    [Theory]
    [MemberData(nameof(InvalidConfigs))]
    public async Task InvalidConfig_NamesEveryErrorInOneRun_InCheckConfigsWords(string command, string content, string errors)
    {
        var config = _temp.Write("appsettings.json", content);

        var run = await CliRunner.RunAsync(command, "--config", config, SampleData.FollowUpsPath);
        var check = await CliRunner.RunAsync("check-config", config);

        AssertSameErrorAsCheckConfig(run, check);
        Assert.All(errors.Split('|'), error => Assert.Contains(error, run.Error, StringComparison.Ordinal));
    }

    /// <summary>
    /// The command's error is check-config's, word for word, but for what it calls the file (the option its user typed),
    /// and it ends the run before anything is written: exit 2, one line.
    /// </summary>
    private static void AssertSameErrorAsCheckConfig(CliRun run, CliRun check)
    {
        Assert.Equal(2, check.ExitCode);
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.OutputBytes);
        Assert.Single(run.ErrorLines);
        Assert.Equal(check.Error.Replace("the configuration '", "--config '", StringComparison.Ordinal), run.Error);
    }
}
