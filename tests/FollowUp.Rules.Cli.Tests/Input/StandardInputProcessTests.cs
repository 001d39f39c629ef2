using System.Diagnostics;
using FollowUp.Rules.Cli.Tests.Infrastructure;

namespace FollowUp.Rules.Cli.Tests.Input;

/// <summary>
/// The built tool as a real process, with a file piped to its standard input: the one path the in-process tests cannot
/// cover (Console streams, the process exit code). One test only; everything else runs in-process.
/// </summary>
public sealed class StandardInputProcessTests
{
    [Fact]
    public async Task Evaluate_FilePipedToStandardInput_MatchesTheInProcessRun()
    {
        var followup = CliProcess.FollowupDll;
        Assert.True(File.Exists(Path.ChangeExtension(followup, ".runtimeconfig.json")), $"no runtimeconfig beside {followup}");

        await using var sample = File.OpenRead(SampleData.FollowUpsPath);
        var run = await CliProcess.RunAsync(new ProcessStartInfo(CliProcess.DotnetHost, [followup, "evaluate", "--now", CliRunner.Now, "-"]), sample);
        var inProcess = await CliRunner.SampleEvaluationAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        Assert.Equal(SampleData.FollowUpIds, run.Ids);
        Assert.Equal(inProcess.OutputBytes, run.OutputBytes);
    }
}
