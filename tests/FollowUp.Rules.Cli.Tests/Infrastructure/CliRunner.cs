using System.Text;

namespace FollowUp.Rules.Cli.Tests.Infrastructure;

/// <summary>Runs <c>followup</c> in-process, with memory streams for standard input and output and a writer for standard error.</summary>
internal static class CliRunner
{
    /// <summary>The "now" every reproducible run uses.</summary>
    public const string Now = "2026-11-26T12:00:00+08:00";

    private static readonly Lazy<Task<CliRun>> Sample = new(() => RunAsync("evaluate", "--now", Now, SampleData.FollowUpsPath));

    /// <summary>
    /// Gets <c>followup evaluate --now <see cref="Now"/> samples/data/follow-ups.jsonl</c>, run once and shared by the tests
    /// that compare another way of running the tool against it.
    /// </summary>
    public static Task<CliRun> SampleEvaluationAsync() => Sample.Value;

    /// <summary>Runs the tool with an empty standard input.</summary>
    public static Task<CliRun> RunAsync(params string[] args) => RunWithInputAsync([], args);

    /// <summary>Runs the tool with this text (UTF-8) on standard input.</summary>
    public static Task<CliRun> RunWithInputAsync(string standardInput, params string[] args) =>
        RunWithInputAsync(Encoding.UTF8.GetBytes(standardInput), args);

    /// <summary>Runs the tool with these bytes on standard input.</summary>
    public static Task<CliRun> RunWithInputAsync(byte[] standardInput, params string[] args) =>
        RunWithInputAsync(() => new MemoryStream(standardInput, writable: false), args);

    /// <summary>Runs the tool with the stream this opens as standard input.</summary>
    public static Task<CliRun> RunWithInputAsync(Func<Stream> openStandardInput, params string[] args) =>
        RunWithInputAsync(openStandardInput, CancellationToken.None, args);

    /// <summary>Runs the tool with this text on standard input and standard output on a terminal <paramref name="width"/> cells wide.</summary>
    public static Task<CliRun> RunInTerminalAsync(int width, string standardInput, params string[] args) =>
        RunAsync(() => new MemoryStream(Encoding.UTF8.GetBytes(standardInput), writable: false), width, args, CancellationToken.None);

    /// <summary>Runs the tool with the stream this opens as standard input, cancelled by a token as Ctrl+C would.</summary>
    public static Task<CliRun> RunWithInputAsync(Func<Stream> openStandardInput, CancellationToken cancellationToken, params string[] args) =>
        RunAsync(openStandardInput, null, args, cancellationToken);

    /// <summary>
    /// Runs the tool with the stream this opens as standard input, and standard output on a terminal <paramref name="width"/>
    /// cells wide, or a pipe when <see langword="null"/>.
    /// </summary>
    private static async Task<CliRun> RunAsync(Func<Stream> openStandardInput, int? width, string[] args, CancellationToken cancellationToken)
    {
        var output = new MemoryStream();
        using var error = new StringWriter { NewLine = "\n" };
        var console = new CliConsole(openStandardInput, output, error, ErrorIsTerminal: false) { OutputWidth = width };

        var exitCode = await FollowUpCli.RunAsync(args, console, cancellationToken);

        // The tool closes standard output when it is done; a closed MemoryStream still hands out its bytes.
        return new CliRun(exitCode, output.ToArray(), error.ToString());
    }
}
