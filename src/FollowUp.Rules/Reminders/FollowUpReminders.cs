using FollowUp.Rules.Language;

namespace FollowUp.Rules.Reminders;

/// <summary>Collects what needs follow-up now across records (每天定时推送"未跟进订单"), most urgent first.</summary>
public static class FollowUpReminders
{
    /// <summary>Gets the order of urgency: overdue, due today, unanswered, stale; within a kind, the latest first; then by record id.</summary>
    public static IComparer<FollowUpReminder> MostUrgentFirst { get; } = Comparer<FollowUpReminder>.Create((x, y) =>
    {
        var byKind = x.Kind.CompareTo(y.Kind);
        if (byKind != 0)
        {
            return byKind;
        }

        var byLate = y.Late.CompareTo(x.Late);
        return byLate != 0 ? byLate : string.CompareOrdinal(x.RecordId, y.RecordId);
    });

    /// <summary>Collects the reminders of evaluations, most urgent first.</summary>
    /// <param name="evaluations">The evaluations.</param>
    /// <param name="owner">Keep only reminders for this owner, or all when <see langword="null"/>. Names match as the team report merges them: ignoring case, full-width forms, white space and Traditional against Simplified characters (趙敏 is 赵敏).</param>
    /// <returns>The reminders.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluations"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<FollowUpReminder> Collect(IEnumerable<FollowUpEvaluation> evaluations, string? owner = null)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        var reminders = new List<FollowUpReminder>();
        foreach (var evaluation in evaluations)
        {
            foreach (var reminder in evaluation.Reminders)
            {
                if (owner is null || (reminder.Owner is { } name && TextFolding.IsSameName(name, owner)))
                {
                    reminders.Add(reminder);
                }
            }
        }

        reminders.Sort(MostUrgentFirst);
        return reminders;
    }

    /// <summary>
    /// Evaluates records with "now" from the evaluator's <see cref="TimeProvider"/>, read once for them all so that reminders
    /// alike are late by exactly as much and keep their order, and lists what needs follow-up now, most urgent first.
    /// </summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="records">The records.</param>
    /// <param name="owner">Keep only reminders for this owner, or all when <see langword="null"/>. Names match as the team report merges them: ignoring case, full-width forms, white space and Traditional against Simplified characters (趙敏 is 赵敏).</param>
    /// <returns>The reminders.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluator"/> or <paramref name="records"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<FollowUpReminder> Remind(this IFollowUpEvaluator evaluator, IEnumerable<FollowUpRecord> records, string? owner = null)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(records);
        // Collect evaluates the records as it reads them, on this thread, inside the batch's time.
        using var batchTime = new BatchInstant(null).Enter();
        return Collect(records.Select(evaluator.Evaluate), owner);
    }
}
