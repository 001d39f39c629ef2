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
}
