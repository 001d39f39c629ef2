using FollowUp.Rules.Cli.Tests.Infrastructure;

namespace FollowUp.Rules.Cli.Tests.Commands;

/// <summary><c>followup check-config</c>: checks a configuration file with no input, and so with no warning about one.</summary>
public sealed class CheckConfigCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task CheckConfig_ValidFile_PrintsItsCultureAndProfiles_AndNothingOnStandardError()
    {
        var config = _temp.Write("appsettings.json", """
            { "Logging": { "LogLevel": { "Default": "Information" } },
              "FollowUpRules": { "Culture": "zh-CN", "Profiles": { "HzShop": { "BasedOn": "ECommerce", "StaleAfterDays": 2 } } } }
            """);

        var run = await CliRunner.RunAsync("check-config", config);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        Assert.Equal($"{config}: valid: culture zh-CN, default profile ToB, profiles ECommerce, HzShop, Project, ToB, ToC.\n", run.Output);
    }

    [Fact]
    public async Task CheckConfig_MisspeltKey_ExitsTwoNamingItsFullPath()
    {
        var config = _temp.Write("appsettings.json", """
            { "FollowUpRules": { "Profiles": { "HzShop": { "BasedOn": "ECommerce", "StaleAfterDay": 2 } } } }
            """);

        var run = await CliRunner.RunAsync("check-config", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.StartsWith($"followup: cannot use the configuration '{config}': FollowUpRules:Profiles:HzShop:StaleAfterDay: no such key", run.Error, StringComparison.Ordinal);
    }

    private const string Tenants = """
        { "Logging": { "LogLevel": { "Default": "Information" } },
          "FollowUpRules": { "Culture": "zh-CN" },
          "Tenants": {
            "hk": { "FollowUpRules": { "Culture": "zh-HK", "DateOrder": "DayFirst" } },
            "sg": { "FollowUpRules": { "Culture": "fr-FR", "Profiles": { "SgSme": { "BasedOn": "ToC", "StaleAfterDays": -1 } } } } } }
        """;

    [Fact]
    public async Task CheckConfig_Section_ChecksThatSection_NamingItsKeys()
    {
        var config = _temp.Write("appsettings.json", Tenants);

        var hk = await CliRunner.RunAsync("check-config", "--section", "Tenants:hk:FollowUpRules", config);
        var sg = await CliRunner.RunAsync("check-config", "--section", "Tenants:sg:FollowUpRules", config);

        Assert.True(hk.ExitCode == 0, hk.ToString());
        Assert.Equal($"{config}: Tenants:hk:FollowUpRules: valid: culture zh-HK, default profile ToB, profiles ECommerce, Project, ToB, ToC.\n", hk.Output);
        Assert.Equal(2, sg.ExitCode);
        Assert.Contains("Property Tenants:sg:FollowUpRules:Culture ('fr-FR')", sg.Error, StringComparison.Ordinal);
        Assert.Contains("; Property Tenants:sg:FollowUpRules:Profiles:SgSme:StaleAfterDays (-1)", sg.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_SectionThatIsNotThere_ExitsTwoListingTheFollowUpRulesSections()
    {
        var config = _temp.Write("appsettings.json", Tenants);

        var run = await CliRunner.RunAsync("check-config", "--section", "Tenants:my:FollowUpRules", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"followup: the configuration '{config}' has no section Tenants:my:FollowUpRules; its FollowUpRules sections are FollowUpRules, Tenants:hk:FollowUpRules, Tenants:sg:FollowUpRules.\n",
            run.Error);
    }

    [Fact]
    public async Task CheckConfig_AllSections_ReportsEachSection_AndExitsTwoWhenOneIsInvalid()
    {
        var config = _temp.Write("appsettings.json", Tenants);

        var run = await CliRunner.RunAsync("check-config", "--all-sections", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"{config}: valid: culture zh-CN, default profile ToB, profiles ECommerce, Project, ToB, ToC.\n"
            + $"{config}: Tenants:hk:FollowUpRules: valid: culture zh-HK, default profile ToB, profiles ECommerce, Project, ToB, ToC.\n",
            run.Output);
        Assert.StartsWith($"followup: invalid rules in '{config}': Property Tenants:sg:FollowUpRules:Culture ('fr-FR')", run.Error, StringComparison.Ordinal);
        Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public async Task CheckConfig_AllSectionsWithSection_IsAUsageError()
    {
        var config = _temp.Write("appsettings.json", Tenants);

        var run = await CliRunner.RunAsync("check-config", "--all-sections", "--section", "FollowUpRules", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("--section and --all-sections cannot be used together", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_NoFollowUpRulesSection_SaysTheDefaultsApply_AndExitsZero()
    {
        var config = _temp.Write("appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } }, "AllowedHosts": "*" }""");

        var run = await CliRunner.RunAsync("check-config", config);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        Assert.Equal($"{config}: no FollowUpRules section, so the built-in defaults apply: culture zh-CN, default profile ToB, profiles ECommerce, Project, ToB, ToC.\n", run.Output);
    }

    [Fact]
    public async Task CheckConfig_OnlyTenantSections_SaysTheDefaultsApply_AndPointsAtTheSections()
    {
        var config = _temp.Write("appsettings.json", """{ "Tenants": { "sg": { "FollowUpRules": { "Culture": "fr-FR" } } } }""");

        var run = await CliRunner.RunAsync("check-config", config);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.EndsWith(" It has FollowUpRules sections at Tenants:sg:FollowUpRules: check them with --section or --all-sections.\n", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_TopLevelWithKeysOfTheOptions_IsCheckedAsTheSection()
    {
        var config = _temp.Write("rules.json", """{ "Culture": "en", "Logging": { } }""");

        var run = await CliRunner.RunAsync("check-config", config);

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"followup: cannot use the configuration '{config}': Logging: no such key; the keys of FollowUpRulesOptions are", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CheckConfig_UnknownKeysAndInvalidValues_AreNamedInOneRun()
    {
        var config = _temp.Write("appsettings.json", """
            { "FollowUpRules": {
                "Cultur": "en",
                "Labels": {
                  "Stage": { "交付实施": "Signed", "成交": "Lost" },
                  "Channel": { "飞书会议": "Meetng" },
                  "OpenAfterSigning": [ "交付实施", "商务审批" ] },
                "Profiles": { "AcmeKA": { "BasedOn": "ToB", "StaleAfterDay": 3, "StalledStageAfterDays": "often" } } } }
            """);

        var run = await CliRunner.RunAsync("check-config", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal(
            $"followup: cannot use the configuration '{config}': "
            + "FollowUpRules:Cultur: no such key; the keys of FollowUpRulesOptions are DefaultProfile, Culture, FollowCurrentUICulture, DefaultUtcOffset, DateOrder, AcknowledgementPhrases, PlaceholderValues, Lexicon, CompetitorNames, Profiles, Grades, RiskLevels, Labels. "
            + "FollowUpRules:Labels:Channel:飞书会议: 'Meetng' is not a member of ContactChannel; the members are Phone, WeChat, Visit, Email, Meeting, Other. "
            + "FollowUpRules:Profiles:AcmeKA:StaleAfterDay: no such key; the keys of ProfileOptions are BasedOn, Aliases, RequiredFields, IgnoredFields, NoneIsAnswer, CustomFieldSteps, StepWeights, AcknowledgedCredit, AttachmentsAtEveryStage, StaleAfterDays, FollowUpAfterSigning, StalledStageAfterDays, SignalWeights, CompetitorNames, Lexicon, ScoreWeights. "
            + "FollowUpRules:Profiles:AcmeKA:StalledStageAfterDays: 'often' is not a whole number. "
            + "Property FollowUpRules:Labels:Stage:成交: is already a label of Signed, so it cannot name Lost; "
            + "Property FollowUpRules:Labels:OpenAfterSigning:1 ('商务审批'): must be a label of Signed, built in or configured under FollowUpRules:Labels:Stage, since a stage of open work after signing is signed business.\n",
            run.Error);
    }

    [Fact]
    public async Task CheckConfig_MisspeltEnumMember_ListsTheMembers()
    {
        var config = _temp.Write("appsettings.json", """{ "FollowUpRules": { "DateOrder": "DMY", "Grades": { "Caps": { "UnansweredRisk": "E" } } } }""");

        var run = await CliRunner.RunAsync("check-config", config);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("FollowUpRules:DateOrder: 'DMY' is not a member of DateOrder; the members are YearFirst, DayFirst, MonthFirst.", run.Error, StringComparison.Ordinal);
        Assert.Contains("FollowUpRules:Grades:Caps:UnansweredRisk: 'E' is not a member of Grade; the members are A, B, C, D.", run.Error, StringComparison.Ordinal);
    }
}
