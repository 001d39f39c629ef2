using System.Diagnostics;
using System.Text;
using FollowUp.Rules.Cli.Tests.Infrastructure;

namespace FollowUp.Rules.Cli.Tests.Output;

/// <summary>
/// The built tool as a real process, for what only a process has: signals and file size limits. Each checks that an
/// existing <c>--output</c> is left as it was and no temporary file is left beside it.
/// </summary>
public sealed class OutputProcessTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("TERM", 143, "followup: stopped by SIGTERM.\n")]
    [InlineData("INT", 130, "followup: cancelled.\n")]
    public async Task Evaluate_SignalPartWay_ExitsWithTheSignalsCodeAndDeletesTheTemporaryFile(string signal, int exitCode, string message)
    {
        // SIGTERM exited 130 as Ctrl+C does, where the README and --help promise 143: a scheduler could not tell its own stop.
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        // Enough records to take seconds, so the signal comes while they are written.
        var input = _temp.File("many.jsonl");
        var sample = await File.ReadAllTextAsync(SampleData.FollowUpsPath);
        await File.WriteAllTextAsync(input, new StringBuilder().Insert(0, sample, 1000).ToString());
        var output = _temp.Write("evaluations.jsonl", "PRECIOUS\n");

        // Not CliProcess.RunAsync: the signal has to be sent to the process while it runs.
        var start = new ProcessStartInfo("bash", ["-c", "exec \"$@\"", "bash", CliProcess.DotnetHost, CliProcess.FollowupDll, "evaluate", "--now", CliRunner.Now, "--output", output, input])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CliProcess.Timeout);
        // A megabyte written: the command is running, and its handler of SIGTERM is in place.
        while (Directory.GetFiles(_temp.Path, "*.tmp").Sum(file => new FileInfo(file).Length) < 1 << 20 && !process.HasExited)
        {
            await Task.Delay(20, timeout.Token);
        }

        using (var kill = Process.Start("kill", [$"-{signal}", $"{process.Id}"]))
        {
            await kill.WaitForExitAsync(timeout.Token);
        }

        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal((exitCode, message), (process.ExitCode, await error));
        Assert.Equal("PRECIOUS\n", await File.ReadAllTextAsync(output));
        Assert.Equal([output, input], Directory.GetFiles(_temp.Path).Order());
    }

    [Fact]
    public async Task Evaluate_WriteFailsPartWay_NamesTheOutputAndDeletesTheTemporaryFile()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var output = _temp.Write("evaluations.jsonl", "PRECIOUS\n");

        // A 64 KiB file size limit fails the write as a full disk would; SIGXFSZ ignored turns it into an error (EFBIG).
        var run = await CliProcess.RunAsync(new ProcessStartInfo(
            "bash",
            ["-c", "trap '' XFSZ; ulimit -f 64; DOTNET_EnableWriteXorExecute=0 exec \"$@\"", "bash", CliProcess.DotnetHost, CliProcess.FollowupDll, "evaluate", "--now", CliRunner.Now, "--output", output, SampleData.FollowUpsPath]));

        Assert.Equal((1, $"followup: cannot write --output '{output}': the file is too large for the file system.\n"), (run.ExitCode, run.Error));
        Assert.Equal("PRECIOUS\n", await File.ReadAllTextAsync(output));
        Assert.Equal([output], Directory.GetFiles(_temp.Path));
    }
}
