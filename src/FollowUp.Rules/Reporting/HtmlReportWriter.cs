using System.Globalization;
using System.Net;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Risk;

namespace FollowUp.Rules.Reporting;

/// <summary>
/// Writes the report as one self-contained HTML page for the weekly review (团队复盘): inline CSS, charts as inline SVG, no
/// script, no external asset of any kind. Every piece of text that comes from records (ids, customers, owners, phrases,
/// fields, messages) goes through <see cref="WebUtility.HtmlEncode(string)"/>.
/// </summary>
internal sealed class HtmlReportWriter(TeamReport report, ReportText text, TextWriter writer)
{
    private const int ChartWidth = 560;

    private static readonly string[] GradeColors = ["#2e7d32", "#1565c0", "#ef8f00", "#c62828"];
    private static readonly string[] RiskColors = ["#78909c", "#f9a825", "#ef6c00", "#b71c1c"];
    private const string NotAssessableColor = "#9e9e9e";
    private static readonly string[] FunnelColors = ["#90caf9", "#64b5f6", "#42a5f5", "#1e88e5", "#1565c0"];

    private const string Style =
        """
        :root { --ink: #1f2933; --muted: #65717e; --line: #e3e8ee; --card: #fff; --page: #f3f5f8; --accent: #1565c0; }
        * { box-sizing: border-box; }
        body { margin: 0; background: var(--page); color: var(--ink); line-height: 1.5;
          font: 14px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif; }
        main { max-width: 1200px; margin: 0 auto; padding: 28px 24px 40px; }
        header { margin-bottom: 20px; }
        h1 { font-size: 26px; margin: 0 0 4px; letter-spacing: .02em; }
        h2 { font-size: 16px; margin: 0 0 12px; }
        .subtitle { color: var(--muted); margin: 0 0 6px; }
        .meta { color: var(--muted); font-size: 13px; margin: 0; }
        .kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 14px; margin-bottom: 18px; }
        .kpi { background: var(--card); border-radius: 10px; padding: 14px 16px; box-shadow: 0 1px 3px rgba(15, 30, 60, .08); border-top: 4px solid var(--accent); }
        .kpi .label { color: var(--muted); font-size: 13px; }
        .kpi .value { font-size: 28px; font-weight: 700; font-variant-numeric: tabular-nums; }
        .kpi.good { border-top-color: #2e7d32; } .kpi.bad { border-top-color: #c62828; } .kpi.warn { border-top-color: #ef6c00; }
        .grid { display: grid; grid-template-columns: repeat(2, minmax(0, 1fr)); gap: 18px; margin-bottom: 18px; }
        .stack { display: flex; flex-direction: column; gap: 18px; min-width: 0; }
        .card { background: var(--card); border-radius: 10px; padding: 16px 18px; box-shadow: 0 1px 3px rgba(15, 30, 60, .08); min-width: 0; }
        .card.wide { margin-bottom: 18px; }
        .note { color: var(--muted); font-size: 12px; margin: -6px 0 10px; }
        svg.chart { display: block; width: 100%; height: auto; }
        svg.chart text { font-size: 12px; fill: var(--ink); }
        svg.chart .muted { fill: var(--muted); }
        svg.chart .value { font-weight: 600; }
        svg.chart line.grid { stroke: var(--line); }
        table { width: 100%; border-collapse: collapse; font-size: 13px; }
        th { text-align: left; color: var(--muted); font-weight: 600; border-bottom: 2px solid var(--line); padding: 6px 8px; white-space: nowrap; }
        td { border-bottom: 1px solid var(--line); padding: 7px 8px; vertical-align: top; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.owner { white-space: nowrap; }
        td.id { font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; white-space: nowrap; }
        tr:last-child td { border-bottom: none; }
        .badge { display: inline-block; min-width: 26px; text-align: center; padding: 1px 8px; border-radius: 10px; color: #fff; font-weight: 600; font-size: 12px; white-space: nowrap; }
        .deductions { margin: 0; padding-left: 16px; }
        .deductions li { margin: 0 0 3px; }
        .deductions .pts { color: #c62828; font-weight: 600; white-space: nowrap; }
        .deductions .field { color: var(--muted); font-family: ui-monospace, Menlo, Consolas, monospace; font-size: 12px; }
        .bar { height: 8px; border-radius: 4px; background: #e8edf3; min-width: 60px; }
        .bar > span { display: block; height: 100%; border-radius: 4px; background: #c62828; }
        .empty { color: var(--muted); }
        footer { color: var(--muted); font-size: 12px; text-align: center; margin-top: 24px; }
        @media (max-width: 900px) { .kpis { grid-template-columns: repeat(2, 1fr); } .grid { grid-template-columns: 1fr; } }
        @media print { body { background: #fff; } .card, .kpi { box-shadow: none; border: 1px solid var(--line); } .card { break-inside: avoid; } }
        """;

    public void Write()
    {
        var title = text["title"];
        W("<!DOCTYPE html>\n<html lang=\"");
        E(text.Language);
        W("\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        W("<meta name=\"generator\" content=\"FollowUp.Rules\">\n<title>");
        E(report.EvaluatedAt is { } at ? $"{title} · {at.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}" : title);
        W("</title>\n<style>\n");
        W(Style);
        W("\n</style>\n</head>\n<body>\n<main>\n");

        WriteHeader(title);
        WriteKpis();

        W("<div class=\"grid\">\n");
        Card("grades", text["section.grades"], null, GradeChart);
        Card("steps", text["section.steps"], text["note.steps"], StepChart);
        W("</div>\n<div class=\"grid\">\n");
        Card("owners", text["section.owners"], null, OwnerChart);
        W("<div class=\"stack\">\n");
        Card("stages", text["section.stages"], null, StageChart);
        Card("risk", text["section.riskLevels"], null, RiskSection);
        W("</div>\n</div>\n");

        W("<section class=\"card wide\" id=\"owner-deductions\">\n<h2>");
        E(text["section.ownerDeductions"]);
        W("</h2>\n<p class=\"note\">");
        E(text["note.ownerDeductions"]);
        W("</p>\n");
        OwnerTable();
        W("</section>\n<div class=\"grid\">\n");
        Card("deductions", text["section.deductions"], null, DeductionTable);
        Card("vague", text["section.vague"], text["note.vague"], VagueTable);
        W("</div>\n");

        W("<section class=\"card wide\" id=\"deals-at-risk\">\n<h2>");
        E(text["section.dealsAtRisk"]);
        W("</h2>\n<p class=\"note\">");
        E(ReportTables.DealsAtRiskNote(report, text));
        W("</p>\n");
        DealsAtRiskTable();
        W("</section>\n");

        W("<section class=\"card wide\" id=\"attention\">\n<h2>");
        E(text["section.attention"]);
        W("</h2>\n<p class=\"note\">");
        E(text["note.attention"]);
        W("</p>\n");
        AttentionTable();
        W("</section>\n");

        W("<footer>");
        E(text["footer"]);
        W("</footer>\n</main>\n</body>\n</html>\n");
    }

    private static string Num(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture);

    /// <summary>Splits a label into at most two lines at a space near the middle, for English labels under narrow bars.</summary>
    private static string[] Wrap(string label, int cells)
    {
        if (TextReportWriter.DisplayWidth(label) <= cells || !label.Contains(' ', StringComparison.Ordinal))
        {
            return [label];
        }

        var middle = label.Length / 2;
        var split = label.LastIndexOf(' ', middle);
        var after = label.IndexOf(' ', middle);
        if (split < 0 || (after >= 0 && after - middle < middle - split))
        {
            split = after;
        }

        return [label[..split], label[(split + 1)..]];
    }

    private void W(string raw) => writer.Write(raw);

    private void E(string value) => writer.Write(WebUtility.HtmlEncode(value));

    private void WriteHeader(string title)
    {
        W("<header>\n<h1>");
        E(title);
        W("</h1>\n<p class=\"subtitle\">");
        E(text["subtitle"]);
        W("</p>\n<p class=\"meta\">");
        E(ReportTables.Headline(report, text));
        W("</p>\n</header>\n");
    }

    private void WriteKpis()
    {
        var total = report.RecordCount;
        var highRisk = report.RiskLevels[RiskLevel.High] + report.RiskLevels[RiskLevel.Critical];
        W("<section class=\"kpis\">\n");
        Kpi(text["records"], ReportTables.Count(total), "");
        if (report.UnreadableRows > 0)
        {
            Kpi(text["unreadableRows"], ReportTables.Count(report.UnreadableRows), "bad");
        }

        Kpi(text["averageScore"], report.AverageScore is { } average ? ReportTables.Score(average) : "-", "");
        Kpi(text["shareOfA"], ReportTables.Percent(report.Grades[Grade.A], total), "good");
        Kpi(text["gradeDRecords"], ReportTables.Count(report.Grades[Grade.D]), report.Grades[Grade.D] > 0 ? "bad" : "good");
        Kpi(text["highRiskRecords"], ReportTables.Count(highRisk), highRisk > 0 ? "warn" : "good");
        Kpi(text["dealsAtRisk"], ReportTables.Count(report.DealsAtRiskCount), report.DealsAtRiskCount > 0 ? "warn" : "good");
        W("</section>\n");
    }

    private void Kpi(string label, string value, string kind)
    {
        W(kind.Length == 0 ? "<div class=\"kpi\">" : $"<div class=\"kpi {kind}\">");
        W("<div class=\"label\">");
        E(label);
        W("</div><div class=\"value\">");
        E(value);
        W("</div></div>\n");
    }

    private void Card(string id, string title, string? note, Action body)
    {
        W($"<section class=\"card\" id=\"{id}\">\n<h2>");
        E(title);
        W("</h2>\n");
        if (note is not null)
        {
            W("<p class=\"note\">");
            E(note);
            W("</p>\n");
        }

        body();
        W("</section>\n");
    }

    private void SvgStart(string chart, int height, string label)
    {
        W($"<svg class=\"chart\" data-chart=\"{chart}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {ChartWidth} {height}\" role=\"img\" aria-label=\"");
        E(label);
        W("\">\n");
    }

    private void SvgText(double x, double y, string value, string anchor = "start", string? cssClass = null, string? fill = null)
    {
        W($"<text x=\"{Num(x)}\" y=\"{Num(y)}\" text-anchor=\"{anchor}\"");
        if (cssClass is not null)
        {
            W($" class=\"{cssClass}\"");
        }

        if (fill is not null)
        {
            W($" style=\"fill:{fill}\"");
        }

        W(">");
        E(value);
        W("</text>\n");
    }

    private void Rect(double x, double y, double width, double height, string fill, string tooltip)
    {
        W($"<rect x=\"{Num(x)}\" y=\"{Num(y)}\" width=\"{Num(Math.Max(width, 0))}\" height=\"{Num(Math.Max(height, 0))}\" rx=\"3\" fill=\"{fill}\"><title>");
        E(tooltip);
        W("</title></rect>\n");
    }

    /// <summary>Vertical bars with a value above and a (possibly two-line) label below each, over four gridlines labelled by <paramref name="tick"/>.</summary>
    private void VerticalBars(
        string chart, string label, IReadOnlyList<(string Label, double Value, string Display, string Color, string Tooltip)> bars, double max,
        Func<double, string> tick)
    {
        const int height = 248;
        const int top = 28;
        const int bottom = 206;
        const int left = 44;
        SvgStart(chart, height, label);
        for (var i = 0; i <= 4; i++)
        {
            var y = bottom - ((bottom - top) * i / 4.0);
            W($"<line class=\"grid\" x1=\"{left}\" x2=\"{ChartWidth - 10}\" y1=\"{Num(y)}\" y2=\"{Num(y)}\"/>\n");
            SvgText(left - 8, y + 4, tick(max * i / 4), "end", "muted");
        }

        var slot = (ChartWidth - left - 10) / (double)bars.Count;
        var width = Math.Min(64, slot * 0.6);
        for (var i = 0; i < bars.Count; i++)
        {
            var bar = bars[i];
            var x = left + (slot * i) + ((slot - width) / 2);
            var barHeight = max <= 0 ? 0 : (bottom - top) * Math.Min(bar.Value, max) / max;
            Rect(x, bottom - barHeight, width, barHeight, bar.Color, bar.Tooltip);
            SvgText(x + (width / 2), bottom - barHeight - 8, bar.Display, "middle", "value");
            var lines = Wrap(bar.Label, (int)(slot / 7));
            for (var l = 0; l < lines.Length; l++)
            {
                SvgText(x + (width / 2), bottom + 20 + (l * 15), lines[l], "middle");
            }
        }

        W("</svg>\n");
    }

    private void GradeChart()
    {
        var total = report.RecordCount;
        var grades = Enum.GetValues<Grade>();
        var bars = grades.Select(g => (
            $"{g} · {text.Grade(g)}",
            (double)report.Grades[g],
            $"{ReportTables.Count(report.Grades[g])} ({ReportTables.Percent(report.Grades[g], total)})",
            GradeColors[(int)g],
            $"{g}: {ReportTables.Count(report.Grades[g])}")).ToList();

        // A top that is a multiple of 4, so every gridline is a whole number of records.
        var most = grades.Max(g => report.Grades[g]);
        var max = Math.Max(4, (most + 3) / 4 * 4);
        VerticalBars("grades", text["section.grades"], bars, max, value => Num(value, "0"));
    }

    private void StepChart()
    {
        var bars = report.Steps.Select(s => (
            text.Step(s.Step),
            s.MissingRate,
            ReportTables.Percent(s.MissingRate),
            s.MissingRate >= 0.5 ? "#c62828" : s.MissingRate >= 0.25 ? "#ef6c00" : "#1565c0",
            $"{text.Step(s.Step)}: {ReportTables.Count(s.RecordsMissing)} / {ReportTables.Count(report.RecordCount)}")).ToList();
        VerticalBars("steps", text["section.steps"], bars, 1, value => Num(value * 100, "0") + "%");
    }

    private void OwnerChart()
    {
        const int row = 30;
        const int top = 24;
        const int labelWidth = 150;
        const int right = 100;
        var owners = report.Owners;
        var height = top + (Math.Max(owners.Count, 1) * row) + 10;
        SvgStart("owners", height, text["section.owners"]);
        var plot = ChartWidth - labelWidth - right;
        for (var tick = 0; tick <= 100; tick += 25)
        {
            var x = labelWidth + (plot * tick / 100.0);
            W($"<line class=\"grid\" x1=\"{Num(x)}\" x2=\"{Num(x)}\" y1=\"{top - 6}\" y2=\"{height - 6}\"/>\n");
            SvgText(x, top - 10, Num(tick), "middle", "muted");
        }

        if (owners.Count == 0)
        {
            SvgText(labelWidth + 8, top + 20, text["empty"], "start", "muted");
        }

        for (var i = 0; i < owners.Count; i++)
        {
            var owner = owners[i];
            var y = top + (i * row);
            var name = text.Owner(owner.Owner);
            SvgText(labelWidth - 10, y + 19, TextReportWriter.Cut(name, 18), "end");
            var color = owner.Owner is null ? "#9aa5b1" : "#1565c0";
            Rect(labelWidth, y + 6, plot * Math.Clamp(owner.AverageScore, 0, 100) / 100, row - 12, color,
                $"{name}: {ReportTables.Score(owner.AverageScore)} ({ReportTables.Count(owner.RecordCount)})");
            var x = labelWidth + (plot * Math.Clamp(owner.AverageScore, 0, 100) / 100) + 6;
            W($"<text x=\"{Num(x)}\" y=\"{Num(y + 19)}\"><tspan class=\"value\">");
            E(ReportTables.Score(owner.AverageScore));
            W("</tspan><tspan class=\"muted\"> · ");
            E(text.Format("recordsUnit", ReportTables.Count(owner.RecordCount)));
            W("</tspan></text>\n");
        }

        W("</svg>\n");
    }

    private void StageChart()
    {
        const int row = 30;
        const int top = 8;
        const int labelWidth = 110;
        const int right = 100;
        var stages = report.Stages;
        var height = top + (stages.Count * row) + 8;
        var max = Math.Max(1, stages.Max(s => s.Count));
        var plot = ChartWidth - labelWidth - right;
        var center = labelWidth + (plot / 2.0);
        SvgStart("stages", height, text["section.stages"]);
        for (var i = 0; i < stages.Count; i++)
        {
            var stage = stages[i];
            var y = top + (i * row);
            var width = Math.Max(stage.Count > 0 ? 4 : 0, plot * stage.Count / (double)max);
            var color = stage.Stage switch
            {
                null => "#b0bac5",
                DealStage.Lost => "#8d99a6",
                DealStage.Signed => "#2e7d32",
                { } open => FunnelColors[(int)open],
            };
            var label = text.Stage(stage.Stage);
            SvgText(labelWidth - 10, y + 19, label, "end");
            Rect(center - (width / 2), y + 4, width, row - 8, color, $"{label}: {ReportTables.Count(stage.Count)}");
            SvgText(ChartWidth - right + 10, y + 19,
                $"{ReportTables.Count(stage.Count)} ({ReportTables.Percent(stage.Count, report.RecordCount)})", "start", "value");
        }

        W("</svg>\n");
    }

    private void AttentionTable()
    {
        if (!StartRecordTable(report.NeedsAttention.Count, "empty.attention"))
        {
            return;
        }

        Th(text["column.grade"]);
        Th(text["column.score"], true);
        Th(text["column.risk"]);
        Th(text["column.overdue"], true);
        Th(text["column.topDeductions"]);
        W("</tr></thead>\n<tbody>\n");
        var rank = 0;
        foreach (var item in report.NeedsAttention)
        {
            RecordCells(++rank, item.Id, item.Customer, item.Owner);
            W($"<td><span class=\"badge\" style=\"background:{GradeColors[(int)item.Grade]}\">");
            E(item.Grade.ToString());
            W("</span></td>");
            Td(ReportTables.Score(item.Score), "num");
            W($"<td><span class=\"badge\" style=\"background:{(item.RiskNotAssessable ? NotAssessableColor : RiskColors[(int)item.RiskLevel])}\">");
            E(text.RiskLevel(item.RiskLevel, item.RiskNotAssessable));
            W("</span></td>");
            Td(ReportTables.Overdue(item.Overdue, text), "num");
            W("<td>");
            if (item.TopDeductions.Count > 0)
            {
                W("<ul class=\"deductions\">");
                foreach (var deduction in item.TopDeductions)
                {
                    W("<li><span class=\"pts\">-");
                    E(ReportTables.Points(deduction.Points));
                    W("</span> ");
                    E(text.Group(deduction.Group));
                    W(" · ");
                    E(text.Component(deduction.Component));
                    W(" <span class=\"field\">");
                    E(deduction.Field);
                    W("</span><br>");
                    E(deduction.Message);
                    W("</li>");
                }

                W("</ul>");
            }

            W("</td></tr>\n");
        }

        W("</tbody>\n</table>\n");
    }

    private void DealsAtRiskTable()
    {
        if (!StartRecordTable(report.DealsAtRisk.Count, "empty.dealsAtRisk"))
        {
            return;
        }

        Th(text["column.stage"]);
        Th(text["column.grade"]);
        Th(text["column.score"], true);
        Th(text["column.risk"]);
        Th(text["column.why"]);
        W("</tr></thead>\n<tbody>\n");
        var rank = 0;
        foreach (var deal in report.DealsAtRisk)
        {
            RecordCells(++rank, deal.Id, deal.Customer, deal.Owner);
            Td(text.Stage(deal.Stage));
            W($"<td><span class=\"badge\" style=\"background:{GradeColors[(int)deal.Grade]}\">");
            E(deal.Grade.ToString());
            W("</span></td>");
            Td(ReportTables.Score(deal.Score), "num");
            W($"<td><span class=\"badge\" style=\"background:{RiskColors[(int)deal.RiskLevel]}\">");
            E(text.RiskLevel(deal.RiskLevel));
            W("</span></td><td><ul class=\"deductions\">");
            foreach (var reason in ReportTables.Reasons(deal, text))
            {
                W("<li>");
                E(reason);
                W("</li>");
            }

            W("</ul></td></tr>\n");
        }

        W("</tbody>\n</table>\n");
    }

    /// <summary>
    /// Starts a table of records with its first headers (rank, id, customer, owner), or says the table is empty and returns
    /// <see langword="false"/>.
    /// </summary>
    private bool StartRecordTable(int count, string emptyKey)
    {
        if (count == 0)
        {
            W("<p class=\"empty\">");
            E(text[emptyKey]);
            W("</p>\n");
            return false;
        }

        W("<table>\n<thead><tr>");
        Th(text["column.rank"], true);
        Th(text["column.id"]);
        Th(text["column.customer"]);
        Th(text["column.owner"]);
        return true;
    }

    /// <summary>Opens a record's row with the cells <see cref="StartRecordTable"/> heads.</summary>
    private void RecordCells(int rank, string? id, string? customer, string? owner)
    {
        W("<tr>");
        Td(ReportTables.Count(rank), "num");
        Td(id ?? "-", "id");
        Td(customer ?? "-");
        Td(text.Owner(owner), "owner");
    }

    private void Th(string label, bool number = false)
    {
        W(number ? "<th class=\"num\">" : "<th>");
        E(label);
        W("</th>");
    }

    private void Td(string value, string? cssClass = null)
    {
        W(cssClass is null ? "<td>" : $"<td class=\"{cssClass}\">");
        E(value);
        W("</td>");
    }

    /// <summary>
    /// Each owner in the order of the chart: records, average, grades A to D, deals at risk (overdue among them) and the points
    /// lost to each of the five common errors, so a rep with a fair average and the worst deals stands out.
    /// </summary>
    private void OwnerTable()
    {
        if (report.Owners.Count == 0)
        {
            W("<p class=\"empty\">");
            E(text["empty"]);
            W("</p>\n");
            return;
        }

        W("<table>\n<thead><tr>");
        Th(text["column.owner"]);
        Th(text["column.records"], true);
        Th(text["column.averageScore"], true);
        Th(text["column.gradeMix"], true);
        Th(text["column.dealsAtRisk"], true);
        foreach (var group in Enum.GetValues<DeductionGroup>())
        {
            Th(text.Group(group), true);
        }

        W("</tr></thead>\n<tbody>\n");
        foreach (var owner in report.Owners)
        {
            W("<tr>");
            Td(text.Owner(owner.Owner), "owner");
            Td(ReportTables.Count(owner.RecordCount), "num");
            Td(ReportTables.Score(owner.AverageScore), "num");
            Td(ReportTables.GradeMix(owner), "num");
            Td(ReportTables.OwnerDealsAtRisk(owner, text), "num");
            foreach (var group in owner.DeductionGroups)
            {
                Td(group.Count == 0 ? "-" : ReportTables.Points(group.Points), "num");
            }

            W("</tr>\n");
        }

        W("</tbody>\n</table>\n");
    }

    private void DeductionTable()
    {
        var most = ReportTables.MostPointsLost(report);
        W("<table>\n<thead><tr>");
        Th(text["column.group"]);
        Th(text["column.deductions"], true);
        Th(text["column.pointsLost"], true);
        W("<th></th></tr></thead>\n<tbody>\n");
        foreach (var group in report.DeductionGroups)
        {
            W("<tr>");
            Td(text.Group(group.Group));
            Td(ReportTables.Count(group.Count), "num");
            Td(ReportTables.Points(group.Points), "num");
            var share = most <= 0 ? 0 : group.Points / most * 100;
            W($"<td><div class=\"bar\"><span style=\"width:{Num(share, "0.#")}%\"></span></div></td></tr>\n");
        }

        W("</tbody>\n</table>\n");
    }

    private void VagueTable()
    {
        if (report.VaguePhrases.Count == 0)
        {
            W("<p class=\"empty\">");
            E(text["empty"]);
            W("</p>\n");
            return;
        }

        W("<table>\n<thead><tr>");
        Th(text["column.phrase"]);
        Th(text["column.category"]);
        Th(text["column.count"], true);
        W("</tr></thead>\n<tbody>\n");
        foreach (var phrase in report.VaguePhrases)
        {
            W("<tr>");
            Td(text.Quoted(phrase.Phrase));
            Td(text.Category(phrase.Category));
            Td(ReportTables.Count(phrase.Count), "num");
            W("</tr>\n");
        }

        W("</tbody>\n</table>\n");
    }

    private void RiskSection()
    {
        // The risk levels, then the records whose risk could not be assessed, as one stacked bar; the records behind High and
        // Critical by id; then the most frequent signals.
        const int height = 58;
        SvgStart("risk", height, text["section.riskLevels"]);
        var total = Math.Max(1, report.RecordCount);
        var segments = Enum.GetValues<RiskLevel>()
            .Select(l => (Label: text.RiskLevel(l), Count: report.RiskLevels[l], Color: RiskColors[(int)l]))
            .Append((Label: text["risk.NotAssessable"], Count: report.RiskNotAssessable, Color: NotAssessableColor))
            .ToList();
        var x = 0.0;
        foreach (var (label, count, color) in segments)
        {
            var width = (ChartWidth - 4) * count / (double)total;
            if (width > 0)
            {
                Rect(x, 0, width, 24, color, $"{label}: {ReportTables.Count(count)}");
            }

            x += width;
        }

        var slot = ChartWidth / (double)segments.Count;
        for (var i = 0; i < segments.Count; i++)
        {
            var left = slot * i;
            W($"<rect x=\"{Num(left)}\" y=\"38\" width=\"12\" height=\"12\" rx=\"2\" fill=\"{segments[i].Color}\"/>\n");
            SvgText(left + 18, 49, $"{segments[i].Label} {ReportTables.Count(segments[i].Count)}");
        }

        W("</svg>\n<p class=\"note\" style=\"margin-top:8px\">");
        E(text["note.riskLevels"]);
        W("</p>\n");
        foreach (var level in new[] { RiskLevel.Critical, RiskLevel.High })
        {
            var ids = ReportTables.HighRiskIds(report, level, text);
            if (ids.Length > 0)
            {
                W($"<p class=\"risk-ids\" data-level=\"{level}\">");
                E($"{text.RiskLevel(level)}: {ids}");
                W("</p>\n");
            }
        }

        W("<h2 style=\"margin-top:16px\">");
        E(text["section.riskSignals"]);
        W("</h2>\n");
        if (report.RiskSignals.Count == 0)
        {
            W("<p class=\"empty\">");
            E(text["empty"]);
            W("</p>\n");
            return;
        }

        W("<p class=\"note\">");
        E(text["note.signals"]);
        W("</p>\n<table>\n<thead><tr>");
        Th(text["column.signal"]);
        Th(text["column.records"], true);
        Th(text["column.share"], true);
        W("</tr></thead>\n<tbody>\n");
        foreach (var signal in report.RiskSignals)
        {
            W("<tr><td title=\"");
            E(signal.Code);
            W("\">");
            E(text.Signal(signal.Code));
            W("</td>");
            Td(ReportTables.Count(signal.RecordCount), "num");
            Td(ReportTables.Percent(signal.RecordCount, report.RecordCount), "num");
            W("</tr>\n");
        }

        W("</tbody>\n</table>\n");
    }
}
