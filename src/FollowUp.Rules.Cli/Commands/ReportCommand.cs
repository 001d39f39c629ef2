using System.CommandLine;
using System.Text;
using FollowUp.Rules.Cli.Input;
using FollowUp.Rules.Cli.Output;
using FollowUp.Rules.Reporting;

namespace FollowUp.Rules.Cli.Commands;

/// <summary><c>followup report</c>: the team's picture over all records, as text, Markdown, JSON or one HTML page.</summary>
internal static class ReportCommand
{
    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var format = new Option<string>("--format", "-f")
        {
            Description = "text: for a terminal (default). markdown: for a wiki or chat. json: one object for other tools. "
                + "html: one self-contained page with charts (no external assets), to open in a browser.",
            DefaultValueFactory = _ => "text",
            HelpName = "text|markdown|json|html",
        };
        format.AcceptOnlyFromAmongIgnoringCase("text", "markdown", "json", "html");
        var top = new Option<int>("--top")
        {
            Description = "How many deals at risk and records to rewrite to list, most urgent first (default 10). "
                + "The report counts every deal at risk either way; a large number keeps that many in memory.",
            DefaultValueFactory = _ => TeamReport.AttentionLimit,
            HelpName = "N",
        };
        top.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 1)
            {
                result.AddError("--top must be 1 or more.");
            }
        });

        var command = new Command(
            "report",
            """
            Report on the whole team (团队复盘): grade distribution, average score per owner, missing rate per step, the
            article's five common errors, the most frequent vague phrases, risk levels and signals, the stage funnel, and what
            needs attention first: the deals at risk (open deals with an overdue next action, no owner, no recent contact or an
            unanswered risk signal, each with why) and the records to rewrite (by record quality). An owner is the next
            action's owner, else the record's, with spellings that differ only in Traditional/Simplified characters, width,
            case or spaces merged. Records whose risk could not be assessed are counted apart from Low; the records at High
            and Critical risk are named. Records are read and evaluated one at a time, so any input size fits in memory.
            Labels follow --culture; deduction messages too. Unreadable rows are reported on standard error with their line
            or row number and left out of the report, which says how many it left out.
            Exit codes: 0 done, 2 usage or configuration error, 3 done but some rows were unreadable,
            1 reading or writing failed or standard input or output is closed (--output left as it was),
            130 cancelled with Ctrl+C, 143 stopped by SIGTERM.

            Examples:
              followup report samples/data/follow-ups.jsonl
              followup report --format html --output team-review.html --now 2026-11-26T12:00:00+08:00 records.jsonl
              followup report --format markdown --culture en week-47.jsonl week-48.json > review.md
              followup report --top 50 --format html --output every-deal-at-risk.html records.jsonl
              followup report --config appsettings.json --section Tenants:hk:FollowUpRules hk-records.jsonl
              cat records.jsonl | followup report --format json -
            """);
        common.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(top);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, common, format, top, console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parse, CommonOptions common, Option<string> format, Option<int> top, CliConsole console, CancellationToken cancellationToken)
    {
        var inputs = parse.GetValue(common.Inputs) ?? [];
        var (evaluator, profile) = common.CreateEvaluator(parse, console.Error);
        var tables = common.CreateTableInput(parse, evaluator.Rules.DateOrder);
        using var checkedInputs = RecordSources.CheckInputs(inputs, parse.GetValue(common.Output), tables);
        var reportFormat = parse.GetValue(format) switch
        {
            "markdown" => TeamReportFormat.Markdown,
            "json" => TeamReportFormat.Json,
            "html" => TeamReportFormat.Html,
            _ => TeamReportFormat.Text,
        };

        // Evaluated in parallel, added in input order on this thread: the builder keeps only tallies and the worst few records.
        // The output is opened first, so a bad --output is a usage error before anything is evaluated.
        var builder = new TeamReportBuilder(parse.GetValue(top));
        var output = common.OpenOutput(parse, console);
        await using (output.ConfigureAwait(false))
        {
            using (var progress = console.ErrorIsTerminal ? new ProgressLine(console.Error) : null)
            {
                var batch = new BatchEvaluationOptions { Profile = profile, Progress = progress };
                await foreach (var (row, evaluation) in RecordSources.EvaluateAsync(checkedInputs, evaluator, batch, console, progress, cancellationToken).ConfigureAwait(false))
                {
                    builder.Add(row.Record!, evaluation);
                }

                builder.AddUnreadable(checkedInputs.Unreadable);
                foreach (var location in checkedInputs.ReadInPart)
                {
                    builder.AddReadInPart(location);
                }

                progress?.Clear();
            }

            var writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
            await using (writer.ConfigureAwait(false))
            {
                builder.Build().Write(writer, reportFormat, evaluator.Rules.Culture);
            }

            OutputFile.Complete(output);
        }

        return checkedInputs.Unreadable > 0 ? ExitCodes.UnreadableRows : ExitCodes.Done;
    }
}
