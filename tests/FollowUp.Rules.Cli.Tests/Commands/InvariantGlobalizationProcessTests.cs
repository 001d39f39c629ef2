using System.Diagnostics;
using FollowUp.Rules.Cli.Tests.Infrastructure;

namespace FollowUp.Rules.Cli.Tests.Commands;

/// <summary>
/// The tool in a process without ICU's culture data (a slim container image): the error says so, where it blamed the
/// culture of rules the user never gave ("invalid rules: … must be a Chinese or English culture").
/// </summary>
public sealed class InvariantGlobalizationProcessTests
{
    [Theory]
    [InlineData("invalid rules: Property FollowUpRules:Culture ('zh-CN'): cannot be used: the process runs in .NET's invariant globalization mode")]
    [InlineData("--culture 'en' cannot be used: the process runs in .NET's invariant globalization mode", "--culture", "en")]
    public async Task Evaluate_InvariantGlobalization_SaysThatICUIsMissing(string expected, params string[] options)
    {
        var run = await CliProcess.RunAsync(new ProcessStartInfo(CliProcess.DotnetHost, [CliProcess.FollowupDll, "evaluate", "--now", CliRunner.Now, .. options, SampleData.FollowUpsPath])
        {
            Environment = { ["DOTNET_SYSTEM_GLOBALIZATION_INVARIANT"] = "1" },
        });

        Assert.Equal(2, run.ExitCode);
        Assert.StartsWith($"followup: {expected}", run.Error, StringComparison.Ordinal);
        Assert.Contains("install ICU (the libicu package)", run.Error, StringComparison.Ordinal);
    }
}
