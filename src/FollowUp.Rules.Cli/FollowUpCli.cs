using System.CommandLine;
using System.Runtime.InteropServices;
using FollowUp.Rules.Cli.Commands;

namespace FollowUp.Rules.Cli;

/// <summary>The <c>followup</c> command line: parses, runs a command and maps every failure to an exit code and one line.</summary>
internal static class FollowUpCli
{
    /// <summary>How long a command has to unwind (delete its temporary file) after Ctrl+C or SIGTERM before the process ends anyway.</summary>
    private static readonly TimeSpan TerminationTimeout = TimeSpan.FromSeconds(2);

    /// <param name="args">The command line.</param>
    /// <param name="console">The streams to read and write.</param>
    /// <param name="cancellationToken">Cancels the command as Ctrl+C does.</param>
    public static async Task<int> RunAsync(string[] args, CliConsole console, CancellationToken cancellationToken = default)
    {
        var root = new RootCommand(
            """
            followup: check and grade customer follow-up records (客户跟进单) against the FollowUp.Rules standard.
            Run 'followup <command> --help' for the options of a command.
            """);
        root.Subcommands.Add(EvaluateCommand.Create(console));
        root.Subcommands.Add(RemindCommand.Create(console));
        root.Subcommands.Add(ReportCommand.Create(console));
        root.Subcommands.Add(SchemaCommand.Create(console));
        root.Subcommands.Add(CheckConfigCommand.Create(console));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var command = parse.CommandResult.Command == root ? "followup" : $"followup {parse.CommandResult.Command.Name}";
            var error = parse.CommandResult.Command == root && args.Length > 0 && !args[0].StartsWith('-')
                ? $"unknown command '{args[0]}'; the commands are {string.Join(", ", root.Subcommands.Select(c => c.Name))}."
                : OneLine(parse.Errors[0].Message);
            await TellAsync(console, $"followup: {error} Run '{command} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        // Ctrl+C and SIGTERM cancel the command's token, so that it unwinds (deletes the temporary file of --output) and the
        // exit code says which ended it: 130 for Ctrl+C, 143 for SIGTERM, as schedulers tell their own stop from an operator's.
        // Left to the runtime they end the process at once; System.CommandLine's own handling gives 130 for both.
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stoppedWith = 0;
        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            Interlocked.CompareExchange(ref stoppedWith, context.Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Cancelled, 0);
            stop.Cancel();
            _ = Task.Delay(TerminationTimeout, CancellationToken.None).ContinueWith(_ => Environment.Exit(Volatile.Read(ref stoppedWith)), TaskScheduler.Default);
        }

        using var interrupt = console.HandlesTermination ? PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop) : null;
        using var terminate = console.HandlesTermination ? PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop) : null;
        try
        {
            var invocation = new InvocationConfiguration
            {
                Output = new StreamWriter(console.Output) { AutoFlush = true },
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null,
            };
            return await parse.InvokeAsync(invocation, stop.Token).ConfigureAwait(false);
        }
        catch (CliUsageException usage)
        {
            await TellAsync(console, $"followup: {OneLine(usage.Message)}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException)
        {
            var terminated = Volatile.Read(ref stoppedWith) == ExitCodes.Terminated;
            await TellAsync(console, terminated ? "followup: stopped by SIGTERM." : "followup: cancelled.").ConfigureAwait(false);
            return terminated ? ExitCodes.Terminated : ExitCodes.Cancelled;
        }
        catch (IOException io)
        {
            await TellAsync(console, $"followup: {OneLine(io.Message)}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }

    /// <summary>
    /// Writes why the run ended on standard error, unless standard error itself cannot be written (<c>2&gt;/dev/full</c>,
    /// where a diagnostic failing is often why the run ended): the exit code still tells, where an exception would crash the process.
    /// </summary>
    private static async Task TellAsync(CliConsole console, string message)
    {
        try
        {
            await console.Error.WriteLineAsync(message).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Nowhere left to tell it.
        }
    }

    /// <summary>Joins a multi-line message (System.CommandLine lists allowed values one per line) into the one line a failure gets.</summary>
    internal static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
