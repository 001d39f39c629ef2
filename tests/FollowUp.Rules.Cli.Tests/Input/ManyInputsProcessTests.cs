using System.Diagnostics;
using FollowUp.Rules.Cli.Tests.Infrastructure;

namespace FollowUp.Rules.Cli.Tests.Input;

/// <summary>
/// The built tool as a real process under a low limit of open files, which only a process has: many table inputs must not
/// be held open from the check of their headers until their turn to be read.
/// </summary>
public sealed class ManyInputsProcessTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

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

        var start = new ProcessStartInfo("bash")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "-c", "ulimit -n 256 && exec \"$@\"", "bash", Dotnet(), Followup(), "evaluate", "--now", CliRunner.Now })
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var input in inputs)
        {
            start.ArgumentList.Add(input);
        }

        using var timeout = new CancellationTokenSource(Timeout);
        using var process = Process.Start(start)!;
        var output = new MemoryStream();
        var readOutput = process.StandardOutput.BaseStream.CopyToAsync(output, timeout.Token);
        var readError = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        await readOutput;
        var run = new CliRun(process.ExitCode, output.ToArray(), await readError);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        Assert.Equal(Enumerable.Range(1, 600).Select(i => $"T-{i}"), run.Ids);
    }

    private static string Followup() => typeof(FollowUpCli).Assembly.Location;

    /// <summary>The dotnet host that runs the tests (set by the SDK for test runs), else the one on the PATH.</summary>
    private static string Dotnet() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
