using FollowUp.Rules.Messages;
using System.Text.Json.Serialization;

namespace FollowUp.Rules.Reminders;

/// <summary>Why a record needs follow-up, most urgent first.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ReminderKind>))]
public enum ReminderKind
{
    /// <summary>The next action is past its due time.</summary>
    Overdue,

    /// <summary>The next action is due later today.</summary>
    DueToday,

    /// <summary>The latest contact went unanswered by the customer (联系不上, 已读不回).</summary>
    Unanswered,

    /// <summary>No contact for longer than the profile allows.</summary>
    Stale,

    /// <summary>
    /// The next action is due after today (本周到期), not late: listed only when asked for, by
    /// <see cref="FollowUpReminders.CollectWithin"/>, and never in
    /// <see cref="FollowUpEvaluation.Reminders"/>, which holds what needs follow-up now. <see cref="FollowUpReminder.Late"/> is zero.
    /// </summary>
    Upcoming,
}

/// <summary>Something that needs follow-up now (未跟进提醒).</summary>
/// <param name="RecordId">The record's id.</param>
/// <param name="Customer">The customer: company, else contact name.</param>
/// <param name="Owner">Who should act: the next action's owner, else the record's owner.</param>
/// <param name="Kind">Why.</param>
/// <param name="Late">How late: past the due time (Overdue), since the unanswered contact (Unanswered) or since the latest contact (Stale); zero when due today or upcoming.</param>
/// <param name="Due">
/// The next action's due time when the record has one, on every kind: for Unanswered and Stale, the next action written for the customer (itself past due at times);
/// the day's start when it was a day alone (<see cref="DueIsDateOnly"/>); <see langword="null"/> when the record has none.
/// </param>
/// <param name="Reason">What to do, in the configured culture.</param>
public sealed record FollowUpReminder(string? RecordId, string? Customer, string? Owner, ReminderKind Kind, TimeSpan Late, DateTimeOffset? Due, string Reason)
{
    private readonly MessageText _reason = Reason;

    /// <summary>A reminder whose reason is formatted when first read.</summary>
    internal FollowUpReminder(string? recordId, string? customer, string? owner, ReminderKind kind, TimeSpan late, DateTimeOffset? due, MessageText reason)
        : this(recordId, customer, owner, kind, late, due, string.Empty) => _reason = reason;

    /// <summary>What to do, in the configured culture; formatted when first read and then kept; reading it is thread-safe.</summary>
    public string Reason { get => _reason.Text; init => _reason = value; }

    /// <summary>
    /// Gets whether the due time was given as a day alone (2026-11-20): <see cref="Due"/> is then that day's start, and the
    /// action is late only from the day's end, which <see cref="Late"/> counts from. Show such a due time as the day.
    /// </summary>
    public bool DueIsDateOnly { get; init; }

    /// <summary>
    /// Gets the limit <see cref="Late"/> passed: the profile's for a Stale reminder, so that its lateness shown beside that
    /// limit (as the team report's stale deals are) is never rounded down to it; zero for the other kinds.
    /// </summary>
    internal TimeSpan Limit { get; init; }

    /// <summary>Whether <paramref name="other"/> is about the same record, customer, owner, kind, lateness, due time (and whether it is a day alone) and reason.</summary>
    /// <param name="other">The reminder to compare with.</param>
    /// <returns><see langword="true"/> when every member is equal.</returns>
    public bool Equals(FollowUpReminder? other) => ReferenceEquals(this, other) || (other is not null && RecordId == other.RecordId
        && Customer == other.Customer && Owner == other.Owner && Kind == other.Kind && Late == other.Late && Due == other.Due
        && DueIsDateOnly == other.DueIsDateOnly && Reason == other.Reason);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(RecordId, Customer, Owner, Kind, Late, Due, DueIsDateOnly, Reason);
}
