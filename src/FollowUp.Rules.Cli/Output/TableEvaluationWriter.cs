using System.Globalization;
using System.Text;
using FluentValidation;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Reporting;

namespace FollowUp.Rules.Cli.Output;

/// <summary>
/// Writes one aligned line per evaluation: id, profile, grade, score, risk level and the most important problems, under headers
/// in the labels' language (the values stay the codes JSON Lines gives).
/// </summary>
internal sealed class TableEvaluationWriter : IEvaluationWriter
{
    private readonly StreamWriter _writer;
    private readonly TextTable _table;

    public TableEvaluationWriter(Stream output, ReportText text)
    {
        _table = new(
            (text["table.column.id"], 14), (text["table.column.profile"], 9), (text["table.column.grade"], 5), (text["table.column.score"], 5),
            (text["table.column.risk"], 8), (text["table.column.issues"], 80));
        _writer = new StreamWriter(output, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 1 << 16, leaveOpen: true) { NewLine = "\n" };
        _writer.WriteLine(_table.Header());
    }

    public void Write(FollowUpEvaluation evaluation)
    {
        _writer.WriteLine(_table.Row(
            evaluation.Id ?? "-",
            evaluation.Profile,
            evaluation.Grade.ToString(),
            evaluation.Score.ToString("0.#", CultureInfo.InvariantCulture),
            evaluation.Risk.Level.ToString(),
            TopIssues(evaluation)));
    }

    public async ValueTask DisposeAsync() => await _writer.DisposeAsync().ConfigureAwait(false);

    /// <summary>
    /// Gets the three flaws that cost most: one flaw (a code on a field) can cost points in two components, such as a vague
    /// after-sales note in Clarity and in Completeness, and is listed once with what it costs in each.
    /// </summary>
    private static string TopIssues(FollowUpEvaluation evaluation)
    {
        var issues = evaluation.Deductions.Count > 0
            ? evaluation.Deductions
                .GroupBy(d => (d.Code, d.Field))
                .OrderByDescending(flaw => flaw.Sum(d => d.Points))
                .Take(3)
                .Select(flaw => $"{flaw.Key.Code} {flaw.Key.Field} ({string.Join(", ", flaw.OrderByDescending(d => d.Points).Select(Cost))})")
            : evaluation.Findings.Where(f => f.Severity == Severity.Error).Take(3).Select(f => $"{f.Code} {f.Field}");
        return string.Join("; ", issues);
    }

    private static string Cost(Deduction deduction) => $"{deduction.Component} -{deduction.Points.ToString("0.#", CultureInfo.InvariantCulture)}";
}
