using FollowUp.Rules.Completeness;
using FollowUp.Rules.Messages;
using FollowUp.Rules.Profiles;
using FollowUp.Rules.Risk;

namespace FollowUp.Rules.Reminders;

/// <summary>Derives a record's reminders from its inspection and risk signals.</summary>
internal static class ReminderStage
{
    public static FollowUpReminder[] Build(Inspection inspection, FollowUpRuleSet rules, FollowUpProfile profile, List<RiskSignal> signals)
    {
        var record = inspection.Record;
        var messages = inspection.Messages;
        var now = inspection.Now;
        var owner = inspection.Owner;
        var customer = inspection.Customer;
        var action = record.Progress?.NextAction ?? "";
        // A due date with no action written: the reminder says so rather than quoting nothing (下一步“”).
        var unnamed = string.IsNullOrWhiteSpace(action);
        var reminders = inspection.Reminders;
        reminders.Clear();

        // Whatever the stage: a signed order's delivery or a lost deal's call back in six months is still a promise with a date.
        var dueToday = false;
        if (inspection.NextActionDue is { } due && inspection.NextActionDeadline is { } deadline)
        {
            var dateOnly = inspection.NextActionDueIsDateOnly;
            if (deadline < now)
            {
                var late = LatenessText.For(messages, inspection.NextActionLateness);
                var dueText = TimeText.Due(due, dateOnly, rules.DefaultUtcOffset);
                reminders.Add(new FollowUpReminder(record.Id, customer, owner, ReminderKind.Overdue, inspection.NextActionLateness, due, unnamed
                    ? messages.Defer("ReminderOverdueUnnamed", late, dueText)
                    : messages.Defer("ReminderOverdue", action, late, dueText)) { DueIsDateOnly = dateOnly });
            }
            else if (IsToday(due, dateOnly, now))
            {
                dueToday = true;
                var clock = TimeText.Clock(due, now.Offset);
                reminders.Add(new FollowUpReminder(record.Id, customer, owner, ReminderKind.DueToday, TimeSpan.Zero, due, (dateOnly, unnamed) switch
                {
                    (true, true) => messages.Fixed("ReminderDueTodayAnyTimeUnnamed"),
                    (true, false) => messages.Defer("ReminderDueTodayAnyTime", action),
                    (false, true) => messages.Defer("ReminderDueTodayUnnamed", clock),
                    (false, false) => messages.Defer("ReminderDueToday", action, clock),
                }) { DueIsDateOnly = dateOnly });
            }
        }

        var (latestIndex, latestAt) = inspection.LatestContact;

        // The next action written for the customer (已约 11-28 回电) is the context a lead scanning silent customers needs, so
        // these carry its due time too.
        var nextDue = inspection.NextActionDue;
        var nextDueIsDateOnly = nextDue is not null && inspection.NextActionDueIsDateOnly;

        // A signal the record answers with a noted risk of its kind and a concrete countermeasure, while a next action is written and still ahead,
        // has its plan written and scheduled (客户要求考完前勿扰 → 12 月 11 日微信提醒一次): a reminder would only ask for what
        // the record already says, and press a customer who asked for quiet. Once the next action is due or overdue, or with a
        // vague answer (加强沟通), the reminder stands, and due and overdue next actions above are reminded whatever the risks say.
        var scheduled = !unnamed && !dueToday && inspection.NextActionDeadline is { } ahead && ahead >= now;
        var noResponseAnswered = scheduled && inspection.IsAnsweredConcretely(Array.IndexOf(rules.SignalCodes, RiskSignalCodes.NoResponse));
        var staleAnswered = scheduled && inspection.IsAnsweredConcretely(Array.IndexOf(rules.SignalCodes, RiskSignalCodes.Stale));
        foreach (var signal in signals)
        {
            if (!noResponseAnswered && signal.Code == RiskSignalCodes.NoResponse && latestIndex >= 0
                && (signal.Field == FieldPaths.CommunicationSummary[latestIndex] || signal.Field == FieldPaths.CommunicationObjections[latestIndex]))
            {
                var since = latestAt is { } at ? now - at : TimeSpan.Zero;
                reminders.Add(new FollowUpReminder(record.Id, customer, owner, ReminderKind.Unanswered, since, nextDue,
                    messages.Defer("ReminderUnanswered", signal.Evidence)) { DueIsDateOnly = nextDueIsDateOnly });
                break;
            }
        }

        // A lost deal's silence is expected: it raises no Stale signal, so it gets no reminder.
        foreach (var signal in signals)
        {
            if (!staleAnswered && signal.Code == RiskSignalCodes.Stale)
            {
                var since = latestAt is { } at ? now - at : record.RecordedAt.Resolve(rules.DefaultUtcOffset) is { } recorded ? now - recorded : TimeSpan.Zero;
                reminders.Add(new FollowUpReminder(record.Id, customer, owner, ReminderKind.Stale, since, nextDue,
                    messages.QuotingEvidence("ReminderStale", null, signal.Evidence)) { DueIsDateOnly = nextDueIsDateOnly, Limit = profile.StaleAfter });
                break;
            }
        }

        return reminders.Count == 0 ? [] : [.. reminders];
    }

    /// <summary>
    /// The next action due after today, as its parts, for a list of what is due in the coming days; <see langword="default"/>
    /// when the next action is overdue, due today or has no readable due time. Whatever the stage, as the overdue reminder.
    /// </summary>
    public static UpcomingAction Upcoming(Inspection inspection)
    {
        if (inspection.NextActionDue is not { } due || inspection.NextActionDeadline is not { } deadline || deadline < inspection.Now
            || IsToday(due, inspection.NextActionDueIsDateOnly, inspection.Now))
        {
            return default;
        }

        return new UpcomingAction(due, inspection.NextActionDueIsDateOnly, inspection.Record.Progress?.NextAction);
    }

    /// <summary>The reminder of an evaluation's next action due after today, made only when a list of the coming days asks for it.</summary>
    public static FollowUpReminder? UpcomingReminder(FollowUpEvaluation evaluation)
    {
        if (evaluation.Upcoming is not { IsSet: true } upcoming)
        {
            return null;
        }

        var messages = MessageCatalog.For(evaluation.Culture ?? FollowUpRuleSet.Default.Culture);
        // The evaluation's time is in the rules' zone, where the due time is written.
        var dueText = TimeText.Due(upcoming.Due, upcoming.DueIsDateOnly, evaluation.EvaluatedAt.Offset);
        return new FollowUpReminder(evaluation.Id, evaluation.Customer, evaluation.Owner, ReminderKind.Upcoming, TimeSpan.Zero, upcoming.Due,
            string.IsNullOrWhiteSpace(upcoming.Action)
                ? messages.Defer("ReminderUpcomingUnnamed", dueText)
                : messages.Defer("ReminderUpcoming", upcoming.Action, dueText)) { DueIsDateOnly = upcoming.DueIsDateOnly };
    }

    /// <summary>Whether a due time falls on the day of <paramref name="now"/>: a day alone on its own date, a time in now's zone.</summary>
    private static bool IsToday(DateTimeOffset due, bool dateOnly, DateTimeOffset now) =>
        dateOnly ? due.Date == now.ToOffset(due.Offset).Date : due.ToOffset(now.Offset).Date == now.Date;
}

/// <summary>
/// A next action due after today, kept in the evaluation as its parts so that an evaluation no list of the coming days reads
/// allocates no reminder for it.
/// </summary>
/// <param name="Due">The due time as read.</param>
/// <param name="DueIsDateOnly">Whether only a day was given.</param>
/// <param name="Action">The next action as written.</param>
internal readonly record struct UpcomingAction(DateTimeOffset Due, bool DueIsDateOnly, string? Action)
{
    /// <summary>Gets whether there is such an action (<see langword="default"/> is none).</summary>
    public bool IsSet => Due != default;
}
