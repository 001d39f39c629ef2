using FollowUp.Rules.Language;

namespace FollowUp.Rules.Reminders;

/// <summary>Collects what needs follow-up now across records (每天定时推送"未跟进订单"), most urgent first.</summary>
public static class FollowUpReminders
{
    /// <summary>
    /// Gets the order of urgency: overdue, due today, unanswered, stale, upcoming; within a kind, the latest first (upcoming:
    /// the soonest due first); then by record id.
    /// </summary>
    public static IComparer<FollowUpReminder> MostUrgentFirst { get; } = Comparer<FollowUpReminder>.Create((x, y) =>
    {
        var byKind = x.Kind.CompareTo(y.Kind);
        if (byKind != 0)
        {
            return byKind;
        }

        if (x.Kind == ReminderKind.Upcoming)
        {
            var byDue = Nullable.Compare(x.Due, y.Due);
            if (byDue != 0)
            {
                return byDue;
            }
        }

        var byLate = y.Late.CompareTo(x.Late);
        return byLate != 0 ? byLate : string.CompareOrdinal(x.RecordId, y.RecordId);
    });

    /// <summary>Collects the reminders of evaluations, most urgent first.</summary>
    /// <param name="evaluations">The evaluations.</param>
    /// <param name="owner">Keep only reminders for this owner, or all when <see langword="null"/>. Names match as the team report merges them: ignoring case, full-width forms, white space and Traditional against Simplified characters (趙敏 is 赵敏).</param>
    /// <returns>The reminders.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluations"/> is <see langword="null"/>.</exception>
    public static IReadOnlyList<FollowUpReminder> Collect(IEnumerable<FollowUpEvaluation> evaluations, string? owner = null) =>
        CollectWithin(evaluations, withinDays: 0, owner);

    /// <summary>
    /// Collects the reminders of evaluations, most urgent first, and the next actions due in the coming days after them
    /// (<see cref="ReminderKind.Upcoming"/>, soonest first): what is due this week, beside what is due now.
    /// </summary>
    /// <param name="evaluations">The evaluations.</param>
    /// <param name="withinDays">
    /// How many days ahead to list next actions due: 1 for those due tomorrow, 7 for those due by the same weekday next week
    /// (days counted in the zone of the evaluation's <see cref="FollowUpEvaluation.EvaluatedAt"/>); 0 for none, as <see cref="Collect"/>.
    /// </param>
    /// <param name="owner">Keep only reminders for this owner, or all when <see langword="null"/>, matched as <see cref="Collect"/> matches them.</param>
    /// <returns>The reminders.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluations"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="withinDays"/> is negative.</exception>
    public static IReadOnlyList<FollowUpReminder> CollectWithin(IEnumerable<FollowUpEvaluation> evaluations, int withinDays, string? owner = null)
    {
        ArgumentNullException.ThrowIfNull(evaluations);
        ArgumentOutOfRangeException.ThrowIfNegative(withinDays);
        var reminders = new List<FollowUpReminder>();
        foreach (var evaluation in evaluations)
        {
            foreach (var reminder in evaluation.Reminders)
            {
                if (IsFor(reminder, owner))
                {
                    reminders.Add(reminder);
                }
            }

            if (withinDays > 0 && evaluation.Upcoming is { IsSet: true } ahead && DaysAhead(ahead.Due, ahead.DueIsDateOnly, evaluation.EvaluatedAt) <= withinDays
                && ReminderStage.UpcomingReminder(evaluation) is { } upcoming && IsFor(upcoming, owner))
            {
                reminders.Add(upcoming);
            }
        }

        reminders.Sort(MostUrgentFirst);
        return reminders;
    }

    private static bool IsFor(FollowUpReminder reminder, string? owner) =>
        owner is null || (reminder.Owner is { } name && TextFolding.IsSameName(name, owner));

    /// <summary>How many days after the day of <paramref name="now"/> a due time falls: a day alone on its own date, a time in now's zone.</summary>
    private static int DaysAhead(DateTimeOffset due, bool dateOnly, DateTimeOffset now) =>
        (int)((dateOnly ? due.Date - now.ToOffset(due.Offset).Date : due.ToOffset(now.Offset).Date - now.Date).TotalDays);

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
