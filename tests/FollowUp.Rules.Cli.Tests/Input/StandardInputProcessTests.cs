using System.Diagnostics;
using FollowUp.Rules.Cli.Tests.Infrastructure;

namespace FollowUp.Rules.Cli.Tests.Input;

/// <summary>
/// The built tool as a real process, with a file piped to its standard input: the one path the in-process tests cannot
/// cover (Console streams, the process exit code). One test only; everything else runs in-process.
/// </summary>
public sealed class StandardInputProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task Evaluate_FilePipedToStandardInput_MatchesTheInProcessRun()
    {
        // The project reference copies followup.dll with its runtimeconfig.json and deps.json beside the tests.
        var followup = typeof(FollowUpCli).Assembly.Location;
        Assert.True(File.Exists(Path.ChangeExtension(followup, ".runtimeconfig.json")), $"no runtimeconfig beside {followup}");

        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { followup, "evaluate", "--now", CliRunner.Now, "-" })
        {
            start.ArgumentList.Add(arg);
        }

        using var timeout = new CancellationTokenSource(Timeout);
        using var process = Process.Start(start)!;
        var output = new MemoryStream();
        var readOutput = process.StandardOutput.BaseStream.CopyToAsync(output, timeout.Token);
        var readError = process.StandardError.ReadToEndAsync(timeout.Token);
        await using (var input = File.OpenRead(SampleData.FollowUpsPath))
        {
            await input.CopyToAsync(process.StandardInput.BaseStream, timeout.Token);
        }

        process.StandardInput.Close();
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
        var error = await readError;
        var run = new CliRun(process.ExitCode, output.ToArray(), error);
        var inProcess = await CliRunner.SampleEvaluationAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        Assert.Equal(SampleData.FollowUpIds, run.Ids);
        Assert.Equal(inProcess.OutputBytes, run.OutputBytes);
    }

    /// <summary>The dotnet host that runs the tests (set by the SDK for test runs), else the one on the PATH.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
