using System.Globalization;
using System.Text;
using FluentValidation;

namespace FollowUp.Rules.Cli.Output;

/// <summary>Writes one aligned line per evaluation: id, profile, grade, score, risk level and the most important problems.</summary>
internal sealed class TableEvaluationWriter : IEvaluationWriter
{
    private readonly StreamWriter _writer;
    private readonly TextTable _table = new(("ID", 14), ("PROFILE", 9), ("GRADE", 5), ("SCORE", 5), ("RISK", 8), ("TOP ISSUES", 80));

    public TableEvaluationWriter(Stream output)
    {
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

    private static string TopIssues(FollowUpEvaluation evaluation)
    {
        var issues = evaluation.Deductions.Count > 0
            ? evaluation.TopDeductions(3).Select(d => $"{d.Code} {d.Field} ({d.Component} -{d.Points.ToString("0.#", CultureInfo.InvariantCulture)})")
            : evaluation.Findings.Where(f => f.Severity == Severity.Error).Take(3).Select(f => $"{f.Code} {f.Field}");
        return string.Join("; ", issues);
    }
}
