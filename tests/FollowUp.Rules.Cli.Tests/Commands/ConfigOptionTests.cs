using FollowUp.Rules.Cli.Tests.Infrastructure;

namespace FollowUp.Rules.Cli.Tests.Commands;

/// <summary>
/// <c>--config</c> and <c>--section</c> of evaluate, remind and report: a file is read as check-config reads it, in the
/// same shapes, sections and error wording, so a file check-config passes grades records as the host would.
/// </summary>
public sealed class ConfigOptionTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    public static TheoryData<string> Commands => ["evaluate", "remind", "report"];

    private const string AppSettings = """
        { "Logging": { "LogLevel": { "Default": "Information" } }, "AllowedHosts": "*",
          "FollowUpRules": { "Culture": "en" } }
        """;

    private const string RulesJson = """{ "Culture": "en" }""";

    private const string Tenants = """
        { "Logging": { "LogLevel": { "Default": "Information" } },
          "FollowUpRules": { "Culture": "zh-CN" },
          "Tenants": {
            "hk": { "FollowUpRules": { "Culture": "zh-HK" } },
            "sg": { "FollowUpRules": { "Culture": "en" } },
            "my": { "FollowUpRules": { "Cultur": "en", "Culture": "fr-FR", "Profiles": { "MySme": { "BasedOn": "ToC", "StaleAfterDays": -1, "StalledStageAfterDays": "often" } } } } } }
        """;

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
        var configured = await RunOnSampleAsync(command, "--config", config);

        Assert.Equal($"{config}: valid: culture en, default profile ToB, profiles ECommerce, Project, ToB, ToC.\n", check.Output);
        await AssertRunInEnglishAsync(command, configured);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Section_ReadsThatSectionInsteadOfFollowUpRules(string command)
    {
        var config = _temp.Write("appsettings.json", Tenants);

        var tenant = await RunOnSampleAsync(command, "--config", config, "--section", "Tenants:sg:FollowUpRules");
        var byDefault = await RunOnSampleAsync(command, "--config", config);

        await AssertRunInEnglishAsync(command, tenant);
        Assert.Equal((await RunOnSampleAsync(command)).Output, byDefault.Output);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Help_DescribesSection_WithAnExample(string command)
    {
        var run = await CliRunner.RunAsync(command, "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("--section <path>", run.Output, StringComparison.Ordinal);
        Assert.Contains("Needs --config.", run.Output, StringComparison.Ordinal);
        Assert.Contains($"followup {command} --config appsettings.json --section Tenants:", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Section_WithoutConfig_IsAUsageErrorSayingSo(string command)
    {
        var run = await RunOnSampleAsync(command, "--section", "Tenants:sg:FollowUpRules");

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.OutputBytes);
        Assert.Equal(
            $"followup: --section names a section of the --config file, and there is none: add --config FILE. Run 'followup {command} --help' for usage.\n",
            run.Error);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Section_NotInTheFile_ListsTheFileSections_AsCheckConfigDoes(string command)
    {
        var config = _temp.Write("appsettings.json", Tenants);

        var run = await RunOnSampleAsync(command, "--config", config, "--section", "Tenants:tw:FollowUpRules");
        var check = await CliRunner.RunAsync("check-config", "--section", "Tenants:tw:FollowUpRules", config);

        AssertSameErrorAsCheckConfig(run, check);
        Assert.Equal(
            $"followup: --config '{config}' has no section Tenants:tw:FollowUpRules; its FollowUpRules sections are "
            + "FollowUpRules, Tenants:hk:FollowUpRules, Tenants:my:FollowUpRules, Tenants:sg:FollowUpRules.\n",
            run.Error);
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task InvalidSection_NamesEveryErrorByItsKeyUnderThePath_InCheckConfigsWords(string command)
    {
        var config = _temp.Write("appsettings.json", Tenants);

        var run = await RunOnSampleAsync(command, "--config", config, "--section", "Tenants:my:FollowUpRules");
        var check = await CliRunner.RunAsync("check-config", "--section", "Tenants:my:FollowUpRules", config);

        AssertSameErrorAsCheckConfig(run, check);
        Assert.StartsWith($"followup: cannot use --config '{config}': Tenants:my:FollowUpRules:Cultur: no such key;", run.Error, StringComparison.Ordinal);
        Assert.Contains(" Tenants:my:FollowUpRules:Profiles:MySme:StalledStageAfterDays: 'often' is not a whole number. ", run.Error, StringComparison.Ordinal);
        Assert.Contains(" Property Tenants:my:FollowUpRules:Culture ('fr-FR'): ", run.Error, StringComparison.Ordinal);
        Assert.Contains("; Property Tenants:my:FollowUpRules:Profiles:MySme:StaleAfterDays (-1): ", run.Error, StringComparison.Ordinal);
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

        var run = await RunOnSampleAsync(command, "--config", config);
        var check = await CliRunner.RunAsync("check-config", config);

        AssertSameErrorAsCheckConfig(run, check);
        Assert.All(errors.Split('|'), error => Assert.Contains(error, run.Error, StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public async Task Config_WithOnlyTenantSections_WarnsThatTheBuiltInRulesApply_NamingTheSections(string command)
    {
        var config = _temp.Write("appsettings.json", """{ "Tenants": { "sg": { "FollowUpRules": { "Culture": "en" } }, "hk": { "FollowUpRules": { } } } }""");

        var run = await RunOnSampleAsync(command, "--config", config);
        var builtIn = await RunOnSampleAsync(command);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(builtIn.Output, run.Output);
        Assert.Equal(
            $"{config}: warning: --config has no FollowUpRules section, so the built-in rules apply. "
            + "It has FollowUpRules sections at Tenants:hk:FollowUpRules, Tenants:sg:FollowUpRules: read one with --section.\n",
            run.Error);
    }

    /// <summary>Runs <paramref name="command"/> on the sample records at <see cref="CliRunner.Now"/>, with these options.</summary>
    private static Task<CliRun> RunOnSampleAsync(string command, params string[] options) =>
        CliRunner.RunAsync([command, "--now", CliRunner.Now, .. options, SampleData.FollowUpsPath]);

    /// <summary>
    /// The run succeeded, silently, with the rules configured (Culture en): its output is the English run's and not the
    /// built-in rules' (zh-CN).
    /// </summary>
    private static async Task AssertRunInEnglishAsync(string command, CliRun run)
    {
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        Assert.Equal((await RunOnSampleAsync(command, "--culture", "en")).Output, run.Output);
        Assert.NotEqual((await RunOnSampleAsync(command)).Output, run.Output);
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
