using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FollowUp.Rules.Cli.Input;
using FollowUp.Rules.Cli.Output;
using FollowUp.Rules.Language;
using FollowUp.Rules.Messages;
using FollowUp.Rules.Reminders;
using FollowUp.Rules.Reporting;

namespace FollowUp.Rules.Cli.Commands;

/// <summary><c>followup remind</c>: what needs follow-up now, most urgent first.</summary>
internal static class RemindCommand
{
    /// <summary>How many ids the warning about records with unreadable schedule dates names.</summary>
    private const int ListedUnscheduled = 5;

    /// <summary>The fewest cells the reason column keeps on a narrow terminal.</summary>
    private const int NarrowestReason = 20;

    public static Command Create(CliConsole console)
    {
        var common = new CommonOptions();
        var format = new Option<string>("--format", "-f")
        {
            Description = "table: one aligned line per deal, its reminders' kinds and reasons joined, most urgent first (default). jsonl: one JSON object per reminder.",
            DefaultValueFactory = _ => "table",
            HelpName = "table|jsonl",
        };
        format.AcceptOnlyFromAmongIgnoringCase("table", "jsonl");
        var owner = new Option<string?>("--owner")
        {
            Description = "Only reminders for this owner (the next action's owner, else the record's owner), matched as the report merges names: case, width, spaces and Traditional or Simplified characters ignored.",
            HelpName = "name",
        };

        var within = new Option<int>("--within")
        {
            Description = "Also list next actions due in the coming DAYS (7: this week), marked as upcoming, not overdue, after what is due now.",
            HelpName = "DAYS",
        };
        within.Validators.Add(result =>
        {
            // A value that is no number is already refused by the parser; reading it here would throw.
            if (result.Tokens is [{ Value: var value }] && int.TryParse(value, CultureInfo.InvariantCulture, out var days) && days is < 0 or > 366)
            {
                result.AddError("--within takes a number of days from 0 to 366.");
            }
        });

        var command = new Command(
            "remind",
            """
            List what needs follow-up now, most urgent first: overdue next actions, next actions due today, contacts the
            customer left unanswered, and customers not contacted for longer than their profile allows; with --within DAYS,
            also the next actions due in the coming days. The table gives one line per deal, in the --culture's language,
            its reasons whole unless the terminal is too narrow; --format jsonl gives one line per reminder.
            Use --now to see the list as of another time.
            Exit codes: 0 done, 2 usage or configuration error, 3 done but some rows were unreadable,
            1 reading or writing failed or standard input or output is closed (--output left as it was),
            130 cancelled with Ctrl+C, 143 stopped by SIGTERM.

            Examples:
              followup remind samples/data/follow-ups.jsonl
              followup remind --owner 李明 --now 2026-11-26T09:00:00+08:00 records.jsonl
              followup remind --within 7 --map followup-zh crm-export.csv
              followup remind --config appsettings.json --section Tenants:sg:FollowUpRules sg-records.jsonl
            """);
        common.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(owner);
        command.Options.Add(within);
        command.SetAction((parse, cancellationToken) => RunAsync(parse, common, format, owner, within, console, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(
        ParseResult parse, CommonOptions common, Option<string> format, Option<string?> owner, Option<int> within, CliConsole console,
        CancellationToken cancellationToken)
    {
        var inputs = parse.GetValue(common.Inputs) ?? [];
        var (evaluator, profile) = common.CreateEvaluator(parse, console.Error);
        var tables = common.CreateTableInput(parse, evaluator.Rules.DateOrder);
        using var checkedInputs = RecordSources.CheckInputs(inputs, parse.GetValue(common.Output), tables);
        var ownerFilter = parse.GetValue(owner);
        var wantedOwner = ownerFilter?.Trim();
        var ownerFound = false;
        var unscheduled = new List<string>();
        var unscheduledCount = 0;
        var withinDays = parse.GetValue(within);
        // One list per evaluated record, most urgent first: a deal's line in the table; two records that share an id stay apart.
        var deals = new List<IReadOnlyList<FollowUpReminder>>();
        // The output is opened first, so a bad --output is a usage error before anything is evaluated.
        var output = common.OpenOutput(parse, console);
        await using (output.ConfigureAwait(false))
        {
            var batch = new BatchEvaluationOptions { Profile = profile };
            await foreach (var (_, evaluation) in RecordSources.EvaluateAsync(checkedInputs, evaluator, batch, console, progress: null, cancellationToken).ConfigureAwait(false))
            {
                if (FollowUpReminders.CollectWithin([evaluation], withinDays, ownerFilter) is { Count: > 0 } ofDeal)
                {
                    deals.Add(ofDeal);
                }

                var ofOwner = wantedOwner is null || (evaluation.Owner is { } name && TextFolding.IsSameName(name, wantedOwner));
                ownerFound |= wantedOwner is not null && ofOwner;
                if (ofOwner && HasUnreadableSchedule(evaluation))
                {
                    unscheduledCount++;
                    if (unscheduled.Count < ListedUnscheduled)
                    {
                        unscheduled.Add(evaluation.Id ?? "(no id)");
                    }
                }
            }

            if (parse.GetValue(format) == "jsonl")
            {
                var reminders = deals.SelectMany(deal => deal).ToList();
                reminders.Sort(FollowUpReminders.MostUrgentFirst);
                WriteJsonLines(output, reminders);
            }
            else
            {
                deals.Sort((x, y) => FollowUpReminders.MostUrgentFirst.Compare(x[0], y[0]));
                var text = ReportText.For(evaluator.Rules.Culture);
                if (await WriteTableAsync(output, deals, text, console.OutputWidth).ConfigureAwait(false) && console.OutputWidth is { } width)
                {
                    await console.Error.WriteLineAsync(string.Create(
                        CultureInfo.InvariantCulture,
                        $"followup: reasons cut with … to fit the terminal's {width} columns; --format jsonl, or the table piped (| less -S) or written with --output, gives them whole.")).ConfigureAwait(false);
                }
            }

            OutputFile.Complete(output);
        }

        if (ownerFilter is not null && !ownerFound)
        {
            // An empty list would read as "nothing to do"; a misspelt name is the likelier reason.
            await console.Error.WriteLineAsync($"followup: no record has the owner '{PrintableText.Of(ownerFilter, 40)}' (the next action's owner, else the record's owner; case, width, spaces and Traditional or Simplified characters are ignored).").ConfigureAwait(false);
        }

        if (unscheduledCount > 0)
        {
            // Such a record is in no list above, though it may be overdue or stale: an empty list must not read as "nothing due".
            var listed = string.Join(", ", unscheduled.Select(id => $"'{PrintableText.Of(id, 40)}'"));
            var more = unscheduledCount > unscheduled.Count ? string.Create(CultureInfo.InvariantCulture, $" and {unscheduledCount - unscheduled.Count} more") : "";
            await console.Error.WriteLineAsync(string.Create(
                CultureInfo.InvariantCulture,
                $"followup: warning: {unscheduledCount} {(unscheduledCount == 1 ? "record has" : "records have")} a next action due time or contact time that could not be read, so whether they are overdue, unanswered or stale could not be checked: {listed}{more}. Their InvalidDate findings (followup evaluate) name the values.")).ConfigureAwait(false);
        }

        return checkedInputs.Unreadable > 0 ? ExitCodes.UnreadableRows : ExitCodes.Done;
    }

    /// <summary>
    /// Whether a date the reminders are computed from could not be read: the next action's due time, a contact's time, or the
    /// record's time (the contact time of a record without contacts).
    /// </summary>
    private static bool HasUnreadableSchedule(FollowUpEvaluation evaluation) => evaluation.Findings.Any(f =>
        f.Code == FindingCodes.InvalidDate
        && (f.Field is "progress.nextActionDue" or "recordedAt"
            || (f.Field.StartsWith("communications[", StringComparison.Ordinal) && f.Field.EndsWith("].at", StringComparison.Ordinal))));

    /// <summary>
    /// Writes one line per deal: its kinds joined, most urgent first, how late the most urgent is, and its reasons joined, with
    /// headers and kinds in the labels' language. The reason, last, is whole unless the terminal is narrower than the line.
    /// </summary>
    /// <returns>Whether a reason was cut to fit the terminal.</returns>
    private static async Task<bool> WriteTableAsync(Stream output, List<IReadOnlyList<FollowUpReminder>> deals, ReportText text, int? terminalWidth)
    {
        var rows = deals.Select(deal => new[]
        {
            string.Join(text["remind.separator.kinds"], deal.Select(r => text[$"remind.kind.{r.Kind}"])),
            Late(deal[0].Late),
            deal[0].RecordId ?? "-",
            deal[0].Customer ?? "-",
            deal[0].Owner ?? "-",
            string.Join(text["remind.separator.reasons"], deal.Select(r => r.Reason)),
        }).ToList();
        string[] headers = ["remind.column.kind", "remind.column.late", "remind.column.id", "remind.column.customer", "remind.column.owner", "remind.column.reason"];
        // The id, customer and owner columns as wide as their widest value, up to a limit: two reps named Priya N… and Priya N…
        // could not be told apart in a fixed column of 8.
        int[] limits = [40, 6, 20, 24, 20, int.MaxValue];
        var widths = headers.Select((header, c) => Fit(rows, c, text[header], limits[c])).ToArray();
        var wanted = widths[^1];
        if (terminalWidth is { } available)
        {
            var before = widths[..^1].Sum() + (2 * (widths.Length - 1));
            widths[^1] = Math.Min(wanted, Math.Max(NarrowestReason, available - before - 1));
        }

        var table = new TextTable([.. headers.Select((header, c) => (text[header], widths[c]))]);
        var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        await using (writer.ConfigureAwait(false))
        {
            await writer.WriteLineAsync(table.Header()).ConfigureAwait(false);
            foreach (var row in rows)
            {
                await writer.WriteLineAsync(table.Row(row)).ConfigureAwait(false);
            }
        }

        return widths[^1] < wanted;
    }

    private static void WriteJsonLines(Stream output, List<FollowUpReminder> reminders)
    {
        using var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        foreach (var reminder in reminders)
        {
            writer.WriteStartObject();
            writer.WriteString("id", reminder.RecordId);
            writer.WriteString("customer", reminder.Customer);
            writer.WriteString("owner", reminder.Owner);
            writer.WriteString("kind", reminder.Kind.ToString());
            writer.WriteNumber("lateHours", Math.Round(reminder.Late.TotalHours, 1));
            if (reminder.Due is { } due)
            {
                // A day alone as the day: its midnight would read as a deadline a day earlier than lateHours counts from.
                if (reminder.DueIsDateOnly)
                {
                    writer.WriteString("due", due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                }
                else
                {
                    writer.WriteString("due", due);
                }
            }
            else
            {
                writer.WriteNull("due");
            }

            writer.WriteString("reason", reminder.Reason);
            writer.WriteEndObject();
            writer.Flush();
            writer.Reset();
            output.WriteByte((byte)'\n');
        }
    }

    /// <summary>The width of a column: its widest value or its header, whichever is wider, at most <paramref name="limit"/> cells.</summary>
    private static int Fit(List<string[]> rows, int column, string header, int limit) =>
        Math.Min(limit, rows.Select(r => TextReportWriter.DisplayWidth(TextReportWriter.Clean(r[column]))).Append(TextReportWriter.DisplayWidth(header)).Max());

    /// <summary>How late, in a column's short units (30min, 3h, 1.5d), rounded as the reasons and the risk evidence are.</summary>
    private static string Late(TimeSpan late) => late <= TimeSpan.Zero ? "-" : LatenessText.Compact(late).ToString();
}
