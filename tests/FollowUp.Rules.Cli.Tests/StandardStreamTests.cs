using System.Diagnostics;
using FollowUp.Rules.Cli.Tests.Infrastructure;

namespace FollowUp.Rules.Cli.Tests;

/// <summary>
/// The built tool as a real process started by a shell with a standard descriptor closed or redirected oddly: what only a
/// process has. A closed descriptor's number is taken by a pipe of the runtime's own, which the tool used to read from
/// forever (<c>&lt;&amp;-</c>) or fail to write with an unhandled exception (<c>&gt;&amp;-</c>).
/// </summary>
public sealed class StandardStreamTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("evaluate")]
    [InlineData("report")]
    [InlineData("remind")]
    public async Task EveryCommand_StandardOutputClosed_IsAnIoError(string command)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var (exitCode, error) = await RunAsync(">&-", command, "--now", CliRunner.Now, SampleData.FollowUpsPath);

        Assert.Equal((1, "followup: cannot write standard output: it is closed.\n"), (exitCode, error));
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("report")]
    [InlineData("remind")]
    public async Task EveryCommand_StandardOutputOnAFullDevice_IsAnIoErrorInOneLine(string command)
    {
        if (!File.Exists("/dev/full"))
        {
            return;
        }

        var (exitCode, error) = await RunAsync(">/dev/full", command, "--now", CliRunner.Now, SampleData.FollowUpsPath);

        Assert.Equal((1, "followup: cannot write standard output: No space left on device.\n"), (exitCode, error));
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("report")]
    [InlineData("remind")]
    public async Task EveryCommand_StandardInputClosed_IsAnIoErrorNotAHang(string command)
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var (exitCode, error) = await RunAsync("<&-", command, "--now", CliRunner.Now, "-");

        Assert.Equal((1, "followup: cannot read standard input: it is closed.\n"), (exitCode, error));
    }

    [Fact]
    public async Task Evaluate_StandardOutputOpenOnlyForReading_IsAnIoErrorNamingIt()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        // Writing gets EBADF, which .NET throws as an UnauthorizedAccessException.
        var (exitCode, error) = await RunAsync("1</dev/null", "evaluate", "--now", CliRunner.Now, SampleData.FollowUpsPath);

        Assert.Equal(1, exitCode);
        Assert.StartsWith("followup: cannot write standard output: ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Evaluate_StandardInputIsADirectory_IsAnIoErrorNamingIt()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var (exitCode, error) = await RunAsync($"<'{_temp.Path}'", "evaluate", "--now", CliRunner.Now, "-");

        Assert.Equal(1, exitCode);
        Assert.StartsWith("followup: cannot read standard input: ", error, StringComparison.Ordinal);
        Assert.Single(error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public async Task Evaluate_StandardInputIsDevNull_EvaluatesNothingAndSaysSo()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var output = _temp.File("evaluations.jsonl");

        var (exitCode, error) = await RunAsync("</dev/null", "evaluate", "--now", CliRunner.Now, "--output", output, "-");

        Assert.Equal((0, "-: warning: the input is empty, so it holds no records.\n"), (exitCode, error));
        Assert.Equal("", await File.ReadAllTextAsync(output));
    }

    [Fact]
    public async Task Evaluate_StandardOutputClosedWithOutputFile_WritesTheFile()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var output = _temp.File("evaluations.jsonl");

        var (exitCode, error) = await RunAsync(">&-", "evaluate", "--now", CliRunner.Now, "--output", output, SampleData.FollowUpsPath);

        Assert.Equal((0, ""), (exitCode, error));
        Assert.Equal(SampleData.FollowUpIds.Count, (await File.ReadAllLinesAsync(output)).Length);
    }

    /// <summary>
    /// With standard error closed or open only for reading, a diagnostic goes nowhere, and the exit code still tells. On a
    /// full device a diagnostic fails to be written, which ends the run as an I/O error (the unreadable row cannot be told)
    /// rather than crashing it when the failure cannot be told either.
    /// </summary>
    [Theory]
    [InlineData("2>&-", "missing.jsonl", 2)]
    [InlineData("2</dev/null", "missing.jsonl", 2)]
    [InlineData("2</dev/null", "bad.jsonl", 3)]
    [InlineData("2>/dev/full", "missing.jsonl", 2)]
    [InlineData("2>/dev/full", "bad.jsonl", 1)]
    public async Task Evaluate_StandardErrorClosedReadOnlyOrFull_StillExitsWithItsCode(string redirection, string input, int expected)
    {
        if (OperatingSystem.IsWindows() || (redirection.Contains("/dev/full", StringComparison.Ordinal) && !File.Exists("/dev/full")))
        {
            return;
        }

        _temp.Write("bad.jsonl", "not json\n");

        var (exitCode, _) = await RunAsync(redirection, "evaluate", "--now", CliRunner.Now, _temp.File(input));

        Assert.Equal(expected, exitCode);
    }

    /// <summary>A warning that cannot be written on a full standard error does not undo a finished run: the output is written.</summary>
    [Fact]
    public async Task Evaluate_WarningOnAFullStandardError_StillWritesTheOutput()
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/dev/full"))
        {
            return;
        }

        var input = _temp.Write("wholesale.jsonl", SampleData.Record("W-1", "\"scenario\":\"Wholesale\"") + "\n");
        var output = _temp.File("out.jsonl");

        var (exitCode, _) = await RunAsync("2>/dev/full", "evaluate", "--now", CliRunner.Now, "--output", output, input);

        Assert.Equal(0, exitCode);
        Assert.Single(await File.ReadAllLinesAsync(output));
    }

    /// <summary>
    /// A reader that stops early (<c>| head</c>, a loader that died) ends the run with exit 1 and one line: .NET's console
    /// stream dropped EPIPE, so the run went on to the end of its input and exited 0.
    /// </summary>
    [Fact]
    public async Task Evaluate_ReaderOfStandardOutputGone_FailsWithBrokenPipe()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var sample = await File.ReadAllTextAsync(SampleData.FollowUpsPath);
        var input = _temp.Write("many.jsonl", string.Concat(Enumerable.Repeat(sample, 100)));

        var run = await CliProcess.RunAsync(new ProcessStartInfo(
            "bash", ["-c", "\"$@\" | head -c 100 >/dev/null; exit ${PIPESTATUS[0]}", "bash", CliProcess.DotnetHost, CliProcess.FollowupDll, "evaluate", "--now", CliRunner.Now, input]));

        Assert.Equal((1, "followup: cannot write standard output: Broken pipe.\n"), (run.ExitCode, run.Error));
    }

    /// <summary>Standard output redirected to a file is written at the shell's offset, so what the shell writes next follows it.</summary>
    [Fact]
    public async Task Evaluate_StandardOutputAFileTheShellWritesAfter_KeepsTheOrder()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var output = _temp.File("out.txt");

        var run = await CliProcess.RunAsync(new ProcessStartInfo(
            "bash", ["-c", "{ echo first; \"$@\"; echo done; } > \"$OUT\"", "bash", CliProcess.DotnetHost, CliProcess.FollowupDll, "evaluate", "--now", CliRunner.Now, SampleData.FollowUpsPath])
        {
            Environment = { ["OUT"] = output },
        });

        var lines = await File.ReadAllLinesAsync(output);
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(("first", "done", 36), (lines[0], lines[^1], lines.Length));
    }

    /// <summary>
    /// Runs <c>followup</c> through <c>sh</c> with <paramref name="redirection"/> applied to it, and returns its exit code
    /// and standard error (empty when the redirection closes it).
    /// </summary>
    private static async Task<(int ExitCode, string Error)> RunAsync(string redirection, params string[] args)
    {
        var run = await CliProcess.RunAsync(
            new ProcessStartInfo("/bin/sh", ["-c", $"exec \"$@\" {redirection}", "sh", CliProcess.DotnetHost, CliProcess.FollowupDll, .. args]));
        return (run.ExitCode, run.Error);
    }
}
