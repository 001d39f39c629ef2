using FollowUp.Rules.Cli.Tests.Infrastructure;

namespace FollowUp.Rules.Cli.Tests.Output;

/// <summary>Where <c>--output</c> goes: replaced through a temporary file, written directly, or refused.</summary>
public sealed class OutputFileTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("/dev/stdout")]
    [InlineData("/dev/fd/1")]
    [InlineData("/proc/self/fd/1")]
    public async Task Evaluate_OutputNamesStandardOutput_WritesToTheConsoleOutput(string path)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, "--output", path, SampleData.FollowUpsPath);
        var toStandardOutput = await CliRunner.SampleEvaluationAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(toStandardOutput.OutputBytes, run.OutputBytes);
    }

    /// <summary>.NET's reason ends with the file's name ("No space left on device : '/dev/full'"): one sentence names it instead.</summary>
    [Theory]
    [InlineData("evaluate")]
    [InlineData("report")]
    [InlineData("remind")]
    public async Task Command_OutputOnAFullDevice_IsAnIoErrorInOneLineNamingTheOutput(string command)
    {
        if (!File.Exists("/dev/full"))
        {
            return;
        }

        var run = await CliRunner.RunAsync(command, "--now", CliRunner.Now, "--output", "/dev/full", SampleData.FollowUpsPath);

        Assert.True(run.ExitCode == 1, run.ToString());
        Assert.Equal("followup: cannot write --output '/dev/full': No space left on device.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Evaluate_OutputWithANameNearTheLimitIsTheFileOnStandardInput_ReadsItWholeBeforeReplacingIt()
    {
        // 240 characters: no room for the file's own name in a temporary name beside it.
        var path = _temp.File(new string('a', 234) + ".jsonl");
        File.Copy(SampleData.FollowUpsPath, path);

        var run = await CliRunner.RunWithInputAsync(() => File.OpenRead(path), "evaluate", "--now", CliRunner.Now, "--output", path, "-");
        var toStandardOutput = await CliRunner.SampleEvaluationAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(toStandardOutput.OutputBytes, await File.ReadAllBytesAsync(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("report")]
    [InlineData("remind")]
    public async Task Command_EmptyOutput_IsAUsageError(string command)
    {
        var run = await CliRunner.RunAsync(command, "--output", "", SampleData.FollowUpsPath);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("followup: --output needs a file name.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Evaluate_OutputUnderDevShmIsTheFileOnStandardInput_ReadsItWholeBeforeReplacingIt()
    {
        if (!Directory.Exists("/dev/shm"))
        {
            return;
        }

        var path = Path.Combine("/dev/shm", $"followup-cli-tests-{Guid.NewGuid():N}.jsonl");
        try
        {
            File.Copy(SampleData.FollowUpsPath, path);

            var run = await CliRunner.RunWithInputAsync(() => File.OpenRead(path), "evaluate", "--now", CliRunner.Now, "--output", path, "-");
            var toStandardOutput = await CliRunner.SampleEvaluationAsync();

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(toStandardOutput.OutputBytes, await File.ReadAllBytesAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public async Task Evaluate_OutputIsADirectory_FailsAsAUsageErrorBeforeEvaluating()
    {
        var directory = Directory.CreateDirectory(_temp.File("evaluations")).FullName;

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, "--output", directory, SampleData.FollowUpsPath);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal($"followup: cannot write --output '{directory}': it is a directory; name a file to write.", Assert.Single(run.ErrorLines));
        Assert.Equal([directory], Directory.GetFileSystemEntries(_temp.Path));
    }

    [Fact]
    public async Task Output_InADirectoryThatDoesNotExist_SaysSoWithoutATemporaryFileName()
    {
        var input = _temp.Write("in.jsonl", SampleData.Record("D-1") + "\n");
        var missing = Path.Combine(_temp.Path, "nodir");
        var output = Path.Combine(missing, "out.jsonl");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, "-o", output, input);

        Assert.Equal(2, run.ExitCode);
        Assert.Equal($"followup: cannot write --output '{output}': its directory '{missing}' does not exist.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Evaluate_OutputReplacesAPrivateFile_KeepsItPrivate()
    {
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        var path = _temp.Write("evaluations.jsonl", "old\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, "--output", path, SampleData.FollowUpsPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.NotEqual("old\n", await File.ReadAllTextAsync(path));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Fact]
    public async Task Evaluate_CancelledPartWay_LeavesTheExistingFileAndNoTemporaryFile()
    {
        var path = _temp.Write("evaluations.jsonl", "PRECIOUS\n");
        using var cancellation = new CancellationTokenSource();
        var records = await File.ReadAllBytesAsync(SampleData.FollowUpsPath);

        var run = await CliRunner.RunWithInputAsync(
            () => new CancellingStream(records, cancellation), cancellation.Token, "evaluate", "--now", CliRunner.Now, "--output", path, "-");

        Assert.True(run.ExitCode == 130, run.ToString());
        Assert.Equal("followup: cancelled.", Assert.Single(run.ErrorLines));
        Assert.Equal("PRECIOUS\n", await File.ReadAllTextAsync(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    /// <summary>Standard input that hands out the records once, then cancels the run as Ctrl+C would and waits for the cancellation to reach it.</summary>
    private sealed class CancellingStream(byte[] records, CancellationTokenSource cancellation) : MemoryStream(records, writable: false)
    {
        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (Position < Length)
            {
                return await base.ReadAsync(buffer, cancellationToken);
            }

            // Ends the input after a while if the cancellation never reaches the read, so the test fails instead of hanging.
            await cancellation.CancelAsync();
            await Task.Delay(TimeSpan.FromSeconds(10), cancellationToken);
            return 0;
        }
    }
}
