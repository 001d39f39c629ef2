using System.Diagnostics;

namespace FollowUp.Rules.Cli.Tests.Infrastructure;

/// <summary>
/// Runs the built <c>followup</c> as a real process, for the few tests of what only a process has (standard descriptors,
/// resource limits, the exit code); <see cref="CliRunner"/> runs it in-process for everything else. One place to start it,
/// drain its output and end it on a hang, so each of those tests says only how it starts the tool and what it expects.
/// </summary>
internal static class CliProcess
{
    /// <summary>Generous, so a slow machine never fails a test that works; a hang fails instead of stopping the suite.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>Gets the dotnet host that runs the tests (set by the SDK for test runs), else the one on the PATH.</summary>
    public static string DotnetHost =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>
    /// Gets the full path of followup.dll, which the project reference copies beside the tests with its runtimeconfig.json
    /// and deps.json: run it as <c><see cref="DotnetHost"/> <see cref="FollowupDll"/> args…</c>.
    /// </summary>
    public static string FollowupDll => typeof(FollowUpCli).Assembly.Location;

    /// <summary>
    /// Starts <paramref name="start"/> with its standard output and error redirected (and its standard input, when
    /// <paramref name="standardInput"/> is given: copied in, then closed), and returns what the process did once it exits.
    /// A process still running after <see cref="Timeout"/> is killed with its children and fails the test.
    /// </summary>
    public static async Task<CliRun> RunAsync(ProcessStartInfo start, Stream? standardInput = null)
    {
        start.RedirectStandardInput = standardInput is not null;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;

        using var timeout = new CancellationTokenSource(Timeout);
        using var process = Process.Start(start)!;
        var output = new MemoryStream();
        var readOutput = process.StandardOutput.BaseStream.CopyToAsync(output, timeout.Token);
        var readError = process.StandardError.ReadToEndAsync(timeout.Token);
        try
        {
            if (standardInput is not null)
            {
                await standardInput.CopyToAsync(process.StandardInput.BaseStream, timeout.Token);
                process.StandardInput.Close();
            }

            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not end within {Timeout}.");
        }

        await readOutput;
        return new CliRun(process.ExitCode, output.ToArray(), await readError);
    }
}
