using FollowUp.Rules.Cli.Tests.Infrastructure;

namespace FollowUp.Rules.Cli.Tests;

/// <summary>The <c>followup</c> command line as a whole: help and the commands it offers.</summary>
public sealed class FollowUpCliTests
{
    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    public async Task RunAsync_Help_PrintsUsageAndTheCommands(string help)
    {
        var run = await CliRunner.RunAsync(help);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
        Assert.Contains("[command] [options]", run.Output, StringComparison.Ordinal);
        Assert.Contains("evaluate", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EvaluateHelp_PrintsEveryOptionAndAnExample()
    {
        var run = await CliRunner.RunAsync("evaluate", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        Assert.Contains("evaluate <input>... [options]", run.Output, StringComparison.Ordinal);
        foreach (var option in new[] { "--profile", "--config", "--now", "--culture", "--output", "--format", "Exit codes" })
        {
            Assert.Contains(option, run.Output, StringComparison.Ordinal);
        }

        Assert.Contains("followup evaluate samples/data/follow-ups.jsonl", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_EvaluateHelp_IgnoresOtherArguments()
    {
        var run = await CliRunner.RunAsync("evaluate", "--help", "missing.jsonl");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Usage:", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnknownCommand_ExitsTwoWithOneLine()
    {
        var run = await CliRunner.RunAsync("grade", SampleData.FollowUpsPath);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Empty(run.OutputBytes);
        Assert.StartsWith("followup: ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }
}
