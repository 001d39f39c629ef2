using System.Diagnostics;
using FollowUp.Rules.Cli.Tests.Infrastructure;

namespace FollowUp.Rules.Cli.Tests.Input;

/// <summary>
/// The built tool as a real process under a low limit of open files, which only a process has: many table inputs must not
/// be held open from the check of their headers until their turn to be read.
/// </summary>
public sealed class ManyInputsProcessTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Evaluate_MoreTablesThanTheOpenFileLimit_ReadsThemAllInOrder()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // 600 tables under a limit of 256 descriptors, of which the runtime takes about 85 (a FIFO's would stay open).
        var inputs = Enumerable.Range(1, 600)
            .Select(i => _temp.Write($"export-{i:D3}.csv", $"id,customer.company\nT-{i},宏图建筑\n"))
            .ToArray();

        var run = await CliProcess.RunAsync(
            new ProcessStartInfo("bash", ["-c", "ulimit -n 256 && exec \"$@\"", "bash", CliProcess.DotnetHost, CliProcess.FollowupDll, "evaluate", "--now", CliRunner.Now, .. inputs]));

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        Assert.Equal(Enumerable.Range(1, 600).Select(i => $"T-{i}"), run.Ids);
    }
}
