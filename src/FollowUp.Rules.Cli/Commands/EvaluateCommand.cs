using System.CommandLine;
using System.Runtime.CompilerServices;
using System.Text;
using FollowUp.Rules.Cli.Input;
using FollowUp.Rules.Import;
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
            Description = "jsonl: one JSON object per record, as in the specification (default). table: one aligned line per record. " +
                "csv or xlsx: a spreadsheet, one row per record with grade, score, risk and the three largest deductions " +
                "(xlsx needs --output; csv written to a file gets the byte order mark Excel needs for Chinese).",
            DefaultValueFactory = _ => "jsonl",
            HelpName = "jsonl|table|csv|xlsx",
        };
        format.AcceptOnlyFromAmongIgnoringCase("jsonl", "table", "csv", "xlsx");
        var failUnder = new Option<string>("--fail-under")
        {
            Description = "Exit with code 4 when any record grades below this grade (A, B or C), so an import job can gate on quality. " +
                "Unreadable rows come first: the exit code is then 3. Standard error names the records graded below by id " +
                "(by input and line or row when a record has none), the first 10 and how many more.",
            HelpName = "A|B|C",
        };
        failUnder.AcceptOnlyFromAmongIgnoringCase("A", "B", "C");

        var command = new Command(
            "evaluate",
            """
            Evaluate every record: completeness of the five steps, vague language, risk signals, grade and findings.
            Reads JSON Lines and JSON arrays, and CSV or Excel exports of a CRM with a column map (--map).
            Unreadable rows are reported on standard error with their line or row number (and column, for CSV and
            Excel); the rest are still evaluated.
            Exit codes: 0 done, 2 usage or configuration error, 3 done but some rows were unreadable,
            4 done but a record graded below --fail-under, 1 reading or writing failed or standard input or output
            is closed (--output left as it was), 130 cancelled with Ctrl+C, 143 stopped by SIGTERM.

            Examples:
              followup evaluate samples/data/follow-ups.jsonl
              followup evaluate --format table --now 2026-11-26T12:00:00+08:00 records.jsonl
              cat records.jsonl | followup evaluate --profile ToC --culture en -
              followup evaluate --map followup-zh --format table samples/data/crm-export.csv
              followup evaluate --map my-crm-map.json --sheet 跟进记录 --format xlsx --output graded.xlsx export.xlsx
              followup evaluate --config appsettings.json --section Tenants:sg:FollowUpRules --map followup-en sg-export.csv
            """);
        common.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(failUnder);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, common, format, failUnder, console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parse, CommonOptions common, Option<string> format, Option<string> failUnder, CliConsole console, CancellationToken cancellationToken)
    {
        var inputs = parse.GetValue(common.Inputs) ?? [];
        var formatName = parse.GetValue(format);
        var outputPath = parse.GetValue(common.Output);
        if (formatName == "xlsx" && outputPath is null)
        {
            throw new CliUsageException("--format xlsx writes a workbook, which cannot go to standard output: add --output FILE.xlsx.");
        }

        var (evaluator, profile) = common.CreateEvaluator(parse, console.Error);
        var tables = common.CreateTableInput(parse, evaluator.Rules.DateOrder);
        using var checkedInputs = RecordSources.CheckInputs(inputs, outputPath, tables);
        var threshold = parse.GetValue(failUnder) is { } grade ? Enum.Parse<Grading.Grade>(grade, ignoreCase: true) : (Grading.Grade?)null;
        var output = common.OpenOutput(parse, console);
        var below = threshold is { } passing ? new BelowGrade(passing) : null;
        using var progress = console.ErrorIsTerminal ? new ProgressLine(console.Error) : null;
        var batch = new BatchEvaluationOptions { Profile = profile, Progress = progress };

        // Evaluations in input order, noted when below the threshold.
        async IAsyncEnumerable<FollowUpEvaluation> EvaluateAsync([EnumeratorCancellation] CancellationToken token = default)
        {
            await foreach (var (row, evaluation) in RecordSources.EvaluateAsync(checkedInputs, evaluator, batch, console, progress, token).ConfigureAwait(false))
            {
                below?.Note(row, evaluation);
                yield return evaluation;
            }
        }

        await using (output.ConfigureAwait(false))
        {
            switch (formatName)
            {
                case "csv":
                    // A file is for Excel, which needs the byte order mark to read UTF-8; a pipe is for tools, which do not want it.
                    var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: outputPath is not null);
                    await EvaluationTableWriter.WriteCsvAsync(output, EvaluateAsync(cancellationToken), encoding, cancellationToken).ConfigureAwait(false);
                    break;
                case "xlsx":
                    // MiniExcel pulls rows synchronously: it runs on a thread of its own while the evaluations are made in parallel.
                    await Task.Factory.StartNew(
                        () => EvaluationTableWriter.WriteXlsx(output, EvaluateAsync(cancellationToken).ToBlockingEnumerable(cancellationToken)),
                        cancellationToken,
                        TaskCreationOptions.LongRunning,
                        TaskScheduler.Default).ConfigureAwait(false);
                    break;
                default:
                    IEvaluationWriter writer = formatName == "table"
                        ? new TableEvaluationWriter(output, Reporting.ReportText.For(evaluator.Rules.Culture))
                        : new JsonLinesEvaluationWriter(output);
                    await using (writer.ConfigureAwait(false))
                    {
                        await foreach (var evaluation in EvaluateAsync(cancellationToken).ConfigureAwait(false))
                        {
                            writer.Write(evaluation);
                        }
                    }

                    break;
            }

            OutputFile.Complete(output);
        }

        progress?.Clear();
        if (below?.Notice() is { } notice)
        {
            await console.Error.WriteLineAsync(notice).ConfigureAwait(false);
        }

        return checkedInputs.Unreadable > 0 ? ExitCodes.UnreadableRows : below?.Count > 0 ? ExitCodes.BelowGrade : ExitCodes.Done;
    }
}
