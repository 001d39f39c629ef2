namespace FollowUp.Rules.Cli;

/// <summary>The streams a run of the tool reads and writes, so tests can run it in-process.</summary>
/// <param name="OpenInput">Opens standard input (for the input <c>-</c>).</param>
/// <param name="Output">Standard output.</param>
/// <param name="Error">Standard error, for diagnostics and progress.</param>
/// <param name="ErrorIsTerminal">Whether standard error is a terminal, where a progress bar may be drawn.</param>
internal sealed record CliConsole(Func<Stream> OpenInput, Stream Output, TextWriter Error, bool ErrorIsTerminal)
{
    /// <summary>
    /// Gets whether Ctrl+C and SIGTERM cancel the run: they do for the process's own console; a test that runs the tool
    /// in-process leaves the test host's signals alone and cancels through a token instead.
    /// </summary>
    public bool HandlesTermination { get; init; }

    /// <summary>
    /// Gets the width, in terminal cells, of the terminal standard output goes to; <see langword="null"/> when it goes to a file
    /// or a pipe, where a table's last column is written whole.
    /// </summary>
    public int? OutputWidth { get; init; }

    public static CliConsole FromSystem() =>
        new(StandardStream.OpenInput, StandardStream.OpenOutput(), StandardStream.Error, !Console.IsErrorRedirected)
        {
            HandlesTermination = true,
            OutputWidth = Console.IsOutputRedirected || Console.WindowWidth <= 0 ? null : Console.WindowWidth,
        };
}

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    /// <summary>Every record was read and evaluated.</summary>
    public const int Done = 0;

    /// <summary>The command line or the configuration is wrong; nothing was evaluated.</summary>
    public const int UsageError = 2;

    /// <summary>Done, but some rows could not be read; each was reported on standard error.</summary>
    public const int UnreadableRows = 3;

    /// <summary>Done, but a record graded below <c>--fail-under</c>.</summary>
    public const int BelowGrade = 4;

    /// <summary>Reading or writing failed part way (a disk full, a closed pipe).</summary>
    public const int Failed = 1;

    /// <summary>Cancelled by the user (Ctrl+C, SIGINT): 128 + 2, as a shell reports a process the signal ended.</summary>
    public const int Cancelled = 130;

    /// <summary>Stopped by SIGTERM (a scheduler, <c>timeout</c>, <c>kill</c>): 128 + 15.</summary>
    public const int Terminated = 143;
}

/// <summary>A mistake in the command line or configuration, reported as one line and exit code 2.</summary>
internal sealed class CliUsageException(string message) : Exception(message);

/// <summary>A <see cref="TimeProvider"/> whose "now" is fixed by <c>--now</c>.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
