using System.CommandLine;
using FollowUp.Rules.Cli.Commands;

namespace FollowUp.Rules.Cli;

/// <summary>The <c>followup</c> command line: parses, runs a command and maps every failure to an exit code and one line.</summary>
internal static class FollowUpCli
{
    public static async Task<int> RunAsync(string[] args, CliConsole console)
    {
        var root = new RootCommand(
            """
            followup: check and grade customer follow-up records (客户跟进单) against the FollowUp.Rules standard.
            Run 'followup <command> --help' for the options of a command.
            """);
        root.Subcommands.Add(EvaluateCommand.Create(console));

        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var command = parse.CommandResult.Command == root ? "followup" : $"followup {parse.CommandResult.Command.Name}";
            await console.Error.WriteLineAsync($"followup: {parse.Errors[0].Message} Run '{command} --help' for usage.").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }

        try
        {
            var invocation = new InvocationConfiguration
            {
                Output = new StreamWriter(console.Output) { AutoFlush = true },
                Error = console.Error,
                EnableDefaultExceptionHandler = false,
            };
            return await parse.InvokeAsync(invocation).ConfigureAwait(false);
        }
        catch (CliUsageException usage)
        {
            await console.Error.WriteLineAsync($"followup: {usage.Message}").ConfigureAwait(false);
            return ExitCodes.UsageError;
        }
        catch (OperationCanceledException)
        {
            await console.Error.WriteLineAsync("followup: cancelled.").ConfigureAwait(false);
            return ExitCodes.Cancelled;
        }
        catch (IOException io)
        {
            await console.Error.WriteLineAsync($"followup: {io.Message}").ConfigureAwait(false);
            return ExitCodes.Failed;
        }
    }
}
