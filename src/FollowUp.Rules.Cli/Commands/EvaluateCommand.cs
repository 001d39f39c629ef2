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
        var failUnder = new Option<string?>("--fail-under")
        {
            Description = "Exit with code 4 when any record grades below this grade (A, B or C), so an import job can gate on quality.",
            HelpName = "A|B|C",
        };
        failUnder.AcceptOnlyFromAmong("A", "B", "C", "a", "b", "c");

        var command = new Command(
            "evaluate",
            """
            Evaluate every record: completeness of the five steps, vague language, risk signals, grade and findings.
            Unreadable rows are reported on standard error with their line number; the rest are still evaluated.
            Exit codes: 0 done, 2 usage or configuration error, 3 done but some rows were unreadable,
            4 done but a record graded below --fail-under.

            Examples:
              followup evaluate samples/data/follow-ups.jsonl
              followup evaluate --format table --now 2026-11-26T12:00:00+08:00 records.jsonl
              cat records.jsonl | followup evaluate --profile ToC --culture en -
            """);
        common.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(failUnder);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, common, format, failUnder, console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parse, CommonOptions common, Option<string> format, Option<string?> failUnder, CliConsole console, CancellationToken cancellationToken)
    {
        var inputs = parse.GetValue(common.Inputs) ?? [];
        RecordSources.CheckInputs(inputs, parse.GetValue(common.Output));
        var (evaluator, profile) = common.CreateEvaluator(parse);
        var threshold = parse.GetValue(failUnder) is { } grade ? Enum.Parse<Grading.Grade>(grade, ignoreCase: true) : (Grading.Grade?)null;
        var output = common.OpenOutput(parse, console);
        var unreadable = 0L;
        var belowThreshold = 0L;
        using var progress = console.ErrorIsTerminal ? new ProgressLine(console.Error) : null;
        var batch = new BatchEvaluationOptions { Profile = profile, Progress = progress };
        await using (output.ConfigureAwait(false))
        {
            IEvaluationWriter writer = parse.GetValue(format) == "table" ? new TableEvaluationWriter(output) : new JsonLinesEvaluationWriter(output);
            await using (writer.ConfigureAwait(false))
            {
                var rows = RecordSources.ReadAsync(inputs, console, cancellationToken);
                await foreach (var (row, evaluation) in evaluator.EvaluateRowsAsync(rows, r => r.Record, batch, cancellationToken).ConfigureAwait(false))
                {
                    if (evaluation is null)
                    {
                        unreadable++;
                        progress?.Clear();
                        await console.Error.WriteLineAsync($"{row.Location}: unreadable record: {row.Error}").ConfigureAwait(false);
                        continue;
                    }

                    writer.Write(evaluation);
                    belowThreshold += evaluation.Grade > threshold ? 1 : 0;
                }
            }
        }

        progress?.Finish();
        if (belowThreshold > 0)
        {
            await console.Error.WriteLineAsync($"followup: {belowThreshold} record(s) graded below {threshold}.").ConfigureAwait(false);
        }

        return unreadable > 0 ? ExitCodes.UnreadableRows : belowThreshold > 0 ? ExitCodes.BelowGrade : ExitCodes.Done;
    }
}
