using System.Globalization;
using System.Text;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Risk;

namespace FollowUp.Rules.Reporting;

/// <summary>The report as titled tables of display strings, shared by the text and Markdown writers.</summary>
internal static class ReportTables
{
    /// <summary>The most points any group of deductions lost, the scale of the bars; 0 with none.</summary>
    public static double MostPointsLost(TeamReport report) => report.DeductionGroups.Count == 0 ? 0 : report.DeductionGroups.Max(g => g.Points);

    public static IEnumerable<ReportTable> Of(TeamReport report, ReportText text)
    {
        var total = report.RecordCount;

        yield return new ReportTable(
            text["section.grades"], null,
            [new(text["column.grade"]), new(text["column.count"], true), new(text["column.share"], true)],
            [.. Enum.GetValues<Grade>().Select(g => Row(Share(report.Grades[g], total), $"{g} {text.Grade(g)}", Count(report.Grades[g]), Percent(report.Grades[g], total)))]);

        yield return new ReportTable(
            text["section.owners"], null,
            [
                new(text["column.owner"]), new(text["column.records"], true), new(text["column.averageScore"], true), new(text["column.gradeMix"], true),
                new(text["column.dealsAtRisk"], true),
            ],
            [
                .. report.Owners.Select(o => Row(
                    o.AverageScore / 100, text.Owner(o.Owner), Count(o.RecordCount), Score(o.AverageScore), GradeMix(o), OwnerDealsAtRisk(o, text))),
            ]);

        yield return new ReportTable(
            text["section.ownerDeductions"], text["note.ownerDeductions"],
            [new(text["column.owner"]), .. Enum.GetValues<DeductionGroup>().Select(g => new ReportColumn(text.Group(g), true))],
            [.. report.Owners.Select(o => new ReportRow([text.Owner(o.Owner), .. o.DeductionGroups.Select(g => g.Count == 0 ? "-" : Points(g.Points))], null, []))]);

        yield return new ReportTable(
            text["section.steps"], text["note.steps"],
            [new(text["column.step"]), new(text["column.recordsMissing"], true), new(text["column.missingRate"], true), new(text["column.stepScore"], true)],
            [.. report.Steps.Select(s => Row(s.MissingRate, text.Step(s.Step), Count(s.RecordsMissing), Percent(s.MissingRate), report.RecordCount > 0 ? Score(s.AverageScore) : "-"))]);

        var mostPoints = MostPointsLost(report);
        yield return new ReportTable(
            text["section.deductions"], null,
            [new(text["column.group"]), new(text["column.deductions"], true), new(text["column.pointsLost"], true)],
            [.. report.DeductionGroups.Select(g => Row(mostPoints > 0 ? g.Points / mostPoints : 0, text.Group(g.Group), Count(g.Count), Points(g.Points)))]);

        var mostPhrase = report.VaguePhrases.Count == 0 ? 0 : report.VaguePhrases.Max(p => p.Count);
        yield return new ReportTable(
            text["section.vague"], text["note.vague"],
            [new(text["column.phrase"]), new(text["column.category"]), new(text["column.count"], true)],
            [.. report.VaguePhrases.Select(p => Row(Share(p.Count, mostPhrase), p.Phrase, text.Category(p.Category), Count(p.Count)))]);

        yield return new ReportTable(
            text["section.riskLevels"], text["note.riskLevels"],
            [new(text["column.riskLevel"]), new(text["column.count"], true), new(text["column.share"], true), new(text["column.ids"])],
            [
                .. Enum.GetValues<RiskLevel>().Select(l => Row(
                    Share(report.RiskLevels[l], total), text.RiskLevel(l), Count(report.RiskLevels[l]), Percent(report.RiskLevels[l], total), HighRiskIds(report, l, text))),
                Row(Share(report.RiskNotAssessable, total), text["risk.NotAssessable"], Count(report.RiskNotAssessable), Percent(report.RiskNotAssessable, total), ""),
            ])
        {
            // The bars beside the share, where every level has one; the ids of the High and Critical records, as long as they
            // are, after them.
            BarAfter = 2,
        };

        yield return new ReportTable(
            text["section.riskSignals"], text["note.signals"],
            [new(text["column.signal"]), new(text["column.records"], true), new(text["column.share"], true)],
            [.. report.RiskSignals.Select(s => Row(Share(s.RecordCount, total), $"{text.Signal(s.Code)} ({s.Code})", Count(s.RecordCount), Percent(s.RecordCount, total)))]);

        yield return new ReportTable(
            text["section.stages"], null,
            [new(text["column.stage"]), new(text["column.count"], true), new(text["column.share"], true)],
            [.. report.Stages.Select(s => Row(Share(s.Count, total), text.Stage(s.Stage), Count(s.Count), Percent(s.Count, total)))]);

        yield return new ReportTable(
            text["section.dealsAtRisk"], DealsAtRiskNote(report, text),
            [
                new(text["column.rank"], true), new(text["column.id"]), new(text["column.customer"]), new(text["column.owner"]),
                new(text["column.stage"]), new(text["column.grade"]), new(text["column.score"], true), new(text["column.risk"]), new(text["column.why"]),
            ],
            [
                .. report.DealsAtRisk.Select((deal, i) => new ReportRow(
                    [
                        Count(i + 1), deal.Id ?? "-", deal.Customer ?? "-", text.Owner(deal.Owner), text.Stage(deal.Stage), deal.Grade.ToString(),
                        Score(deal.Score), text.RiskLevel(deal.RiskLevel), string.Join(text["separator.reasons"], Reasons(deal, text)),
                    ],
                    null,
                    [])),
            ],
            text["empty.dealsAtRisk"]);

        yield return new ReportTable(
            text["section.attention"], text["note.attention"],
            [
                new(text["column.rank"], true), new(text["column.id"]), new(text["column.customer"]), new(text["column.owner"]),
                new(text["column.grade"]), new(text["column.score"], true), new(text["column.risk"]), new(text["column.overdue"], true),
            ],
            [
                .. report.NeedsAttention.Select((item, i) => new ReportRow(
                    [
                        Count(i + 1), item.Id ?? "-", item.Customer ?? "-", text.Owner(item.Owner), item.Grade.ToString(), Score(item.Score),
                        text.RiskLevel(item.RiskLevel, item.RiskNotAssessable), Overdue(item.Overdue, text),
                    ],
                    null,
                    [.. item.TopDeductions.Select(d => Deduction(d, text))])),
            ],
            text["empty.attention"]);
    }

    /// <summary>
    /// The ids of the records at a High or Critical level, then how many more the level counts ("R07, R08 等另 3 条"); empty for
    /// the other levels.
    /// </summary>
    public static string HighRiskIds(TeamReport report, RiskLevel level, ReportText text)
    {
        if (!report.HighRiskIds.TryGetValue(level, out var ids))
        {
            return "";
        }

        var more = report.RiskLevels[level] - ids.Count;
        var listed = string.Join(", ", ids);
        return more <= 0 ? listed : $"{listed} {text.Format("moreIds", Count(more))}".TrimStart();
    }

    /// <summary>An owner's records per grade, A to D: "3/1/0/1".</summary>
    public static string GradeMix(OwnerSummary owner) => string.Join('/', Enum.GetValues<Grade>().Select(g => Count(owner.Grades.GetValueOrDefault(g))));

    /// <summary>How many of an owner's deals are at risk, and how many of them overdue when any are: "2（逾期 2）".</summary>
    public static string OwnerDealsAtRisk(OwnerSummary owner, ReportText text) =>
        owner.DealsOverdue > 0
            ? string.Format(CultureInfo.InvariantCulture, text["owner.dealsOverdue"], Count(owner.DealsAtRisk), Count(owner.DealsOverdue))
            : Count(owner.DealsAtRisk);

    /// <summary>How many deals are at risk and why they are listed, and how many of them the table lists when it cannot list all.</summary>
    internal static string DealsAtRiskNote(TeamReport report, ReportText text) =>
        report.DealsAtRisk.Count < report.DealsAtRiskCount
            ? text.Format("note.dealsAtRisk", Count(report.DealsAtRiskCount)) + text.Format("note.dealsAtRiskListed", Count(report.DealsAtRisk.Count))
            : text.Format("note.dealsAtRisk", Count(report.DealsAtRiskCount));

    /// <summary>Why a deal is at risk, one phrase per reason, most urgent first: "下一步逾期 3 天", "风险信号未应对：竞争对手介入、客户犹豫".</summary>
    public static IEnumerable<string> Reasons(DealAtRisk deal, ReportText text) => deal.Reasons.Select(reason => reason switch
    {
        DealRiskReason.NextActionOverdue => text.Format("reason.NextActionOverdue", text.Beyond(deal.Overdue, TimeSpan.Zero)),
        DealRiskReason.Stale => text.Format("reason.Stale", text.Beyond(deal.SinceContact ?? TimeSpan.Zero, deal.StaleAfter)),
        DealRiskReason.UnansweredSignal => text.Format("reason.UnansweredSignal", string.Join(text["separator.list"], deal.UnansweredSignals.Select(text.Signal))),
        _ => text["reason.NoOwner"],
    });

    public static string Count(long count) => count.ToString(CultureInfo.InvariantCulture);

    public static string Score(double score) => score.ToString("0.0", CultureInfo.InvariantCulture);

    public static string Points(double points) => points.ToString("0.##", CultureInfo.InvariantCulture);

    public static string Percent(double rate) => (rate * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%";

    public static string Percent(long count, long total) => Percent(Share(count, total));

    public static double Share(long count, long total) => total == 0 ? 0 : (double)count / total;

    public static string Time(DateTimeOffset time) => time.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture);

    public static string Overdue(TimeSpan overdue, ReportText text) =>
        overdue <= TimeSpan.Zero ? "-"
        : overdue.TotalHours < 48 ? text.Format("overdue.hours", Math.Floor(overdue.TotalHours))
        : text.Format("overdue.days", Math.Floor(overdue.TotalDays));

    /// <summary>
    /// A deduction in one line: its group, points, component, field and message. The component tells apart the two charges
    /// of one vague text, under completeness and under clarity, which share everything else.
    /// </summary>
    public static string Deduction(Deduction deduction, ReportText text) =>
        $"{text.Group(deduction.Group)} -{Points(deduction.Points)} · {text.Component(deduction.Component)} · {deduction.Field} · {deduction.Message}";

    /// <summary>The headline numbers: records, unreadable rows left out (if any), average score, evaluation time.</summary>
    public static string Headline(TeamReport report, ReportText text)
    {
        var line = new StringBuilder()
            .Append(text["records"]).Append(' ').Append(Count(report.RecordCount))
            .Append(report.UnreadableRows > 0 ? $" · {text["unreadableRows"]} {Count(report.UnreadableRows)}" : "")
            .Append(report.ReadInPart.Count > 0 ? $" · {text["readInPart"]} {string.Join(", ", report.ReadInPart)}" : "")
            .Append(" · ").Append(text["averageScore"]).Append(' ').Append(report.AverageScore is { } average ? Score(average) : "-")
            .Append(" · ").Append(text["evaluatedAt"]).Append(' ').Append(report.EvaluatedAt is { } at ? Time(at) : text["notEvaluated"]);
        return line.ToString();
    }

    private static ReportRow Row(double bar, params string[] cells) => new(cells, Math.Clamp(bar, 0, 1), []);
}

/// <summary>A column of a <see cref="ReportTable"/>.</summary>
internal readonly record struct ReportColumn(string Header, bool AlignRight = false);

/// <summary>A row of a <see cref="ReportTable"/>: its cells, an optional bar length (0 to 1) and detail lines shown below it.</summary>
internal sealed record ReportRow(string[] Cells, double? Bar, string[] Details);

/// <summary>One section of the report as a table.</summary>
internal sealed record ReportTable(string Title, string? Note, ReportColumn[] Columns, ReportRow[] Rows, string? Empty = null)
{
    /// <summary>
    /// Gets the index of the column the text writer draws the bars after; the last column by default. A long column after it
    /// (a list of ids) would otherwise push the bars of every row to its width.
    /// </summary>
    public int? BarAfter { get; init; }
}
