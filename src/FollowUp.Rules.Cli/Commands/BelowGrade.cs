using System.Globalization;
using FollowUp.Rules.Cli.Input;
using FollowUp.Rules.Grading;

namespace FollowUp.Rules.Cli.Commands;

/// <summary>
/// The records graded below <c>--fail-under</c>, counted, and the first of them kept by id (by where they are, when they
/// have none), so that the closing line tells an import gate which records to fix, not only how many.
/// </summary>
/// <param name="threshold">The lowest grade that passes.</param>
internal sealed class BelowGrade(Grade threshold)
{
    /// <summary>How many records the closing line names before "and N more".</summary>
    internal const int Listed = 10;

    /// <summary>How many characters of an id the line quotes.</summary>
    private const int Quoted = 40;

    private readonly List<string> _listed = [];

    /// <summary>Gets how many records graded below the threshold.</summary>
    public long Count { get; private set; }

    /// <summary>Notes an evaluation, counted when its grade is below the threshold.</summary>
    public void Note(RecordInput row, FollowUpEvaluation evaluation)
    {
        if (evaluation.Grade <= threshold)
        {
            return;
        }

        Count++;
        if (_listed.Count < Listed)
        {
            var record = string.IsNullOrWhiteSpace(evaluation.Id) ? row.Location : $"'{PrintableText.Of(evaluation.Id, Quoted)}'";
            _listed.Add($"{record} ({evaluation.Grade})");
        }
    }

    /// <summary>Gets the closing line naming the records below the threshold, or <see langword="null"/> when none is.</summary>
    public string? Notice() => Count == 0
        ? null
        : string.Create(
            CultureInfo.InvariantCulture,
            $"followup: {Count} record(s) graded below {threshold}: {string.Join(", ", _listed)}{(Count > Listed ? $" and {Count - Listed} more" : "")}.");
}
