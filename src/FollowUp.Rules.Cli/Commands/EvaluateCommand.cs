using System.CommandLine;
using FollowUp.Rules.Cli.Input;
using FollowUp.Rules.Cli.Output;

namespace FollowUp.Rules.Cli.Commands;

/// <summary><c>followup evaluate</c>: one evaluation per record, as JSON Lines or a table.</summary>
internal static class EvaluateCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var format = new Option<string>("--format", "-f")
        {
            Description = "jsonl: one JSON object per record, as in the specification (default). table: one aligned line per record.",
            DefaultValueFactory = _ => "jsonl",
            HelpName = "jsonl|table",
        };
        format.AcceptOnlyFromAmong("jsonl", "table");

        var command = new Command(
            "evaluate",
            """
            Evaluate every record: completeness of the five steps, vague language, risk signals, grade and findings.
            Unreadable rows are reported on standard error with their line number; the rest are still evaluated.
            Exit codes: 0 done, 2 usage or configuration error, 3 done but some rows were unreadable.

            Examples:
              followup evaluate samples/data/follow-ups.jsonl
              followup evaluate --format table --now 2026-11-26T12:00:00+08:00 records.jsonl
              cat records.jsonl | followup evaluate --profile ToC --culture en -
            """);
        common.AddTo(command);
        command.Options.Add(format);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, common, format, console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CommonOptions common, Option<string> format, CliConsole console, CancellationToken cancellationToken)
    {
        var inputs = parse.GetValue(common.Inputs) ?? [];
        RecordSources.CheckInputs(inputs);
        var (evaluator, profile) = common.CreateEvaluator(parse);
        var output = common.OpenOutput(parse, console);
        var unreadable = 0L;
        await using (output.ConfigureAwait(false))
        {
            IEvaluationWriter writer = parse.GetValue(format) == "table" ? new TableEvaluationWriter(output) : new JsonLinesEvaluationWriter(output);
            await using (writer.ConfigureAwait(false))
            {
                await foreach (var row in RecordSources.ReadAsync(inputs, console, cancellationToken).ConfigureAwait(false))
                {
                    if (row.Record is null)
                    {
                        unreadable++;
                        await console.Error.WriteLineAsync($"{row.Location}: unreadable record: {row.Error}").ConfigureAwait(false);
                        continue;
                    }

                    writer.Write(profile is null ? evaluator.Evaluate(row.Record) : evaluator.Evaluate(row.Record, profile));
                }
            }
        }

        return unreadable > 0 ? ExitCodes.UnreadableRows : ExitCodes.Done;
    }
}
