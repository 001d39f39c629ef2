namespace FollowUp.Rules;

/// <summary>
/// Reads a record's dates in the rule set's <see cref="DateOrder"/>. A record is read before the rules are known (from JSON,
/// a table, code), in the one order that guesses nothing; the text of a date left unread there is kept, and read again here,
/// so that a day-first export is evaluated, reminded and reported on as the dates it holds.
/// </summary>
internal static class DateReading
{
    /// <summary>The record with every date it left unread read again in <paramref name="order"/>; the record itself when none changes.</summary>
    public static FollowUpRecord InOrder(FollowUpRecord record, DateOrder order)
    {
        // Text read in YearFirst is read alike in every order, so only what it left unread can change.
        if (order == DateOrder.YearFirst)
        {
            return record;
        }

        var recordedAt = Reread(record.RecordedAt, order);
        var communications = Reread(record.Communications, order, static c => c.At, static (c, at) => c with { At = at });
        var changes = Reread(record.Needs?.Changes, order, static c => c.At, static (c, at) => c with { At = at });
        var progress = record.Progress;
        var stageSince = Reread(progress?.StageSince ?? default, order);
        var nextActionDue = Reread(progress?.NextActionDue ?? default, order);
        var progressChanged = progress is not null && (!Same(stageSince, progress.StageSince) || !Same(nextActionDue, progress.NextActionDue));
        if (Same(recordedAt, record.RecordedAt) && ReferenceEquals(communications, record.Communications)
            && ReferenceEquals(changes, record.Needs?.Changes) && !progressChanged)
        {
            return record;
        }

        return record with
        {
            RecordedAt = recordedAt,
            Communications = communications,
            Needs = ReferenceEquals(changes, record.Needs?.Changes) ? record.Needs : record.Needs! with { Changes = changes },
            Progress = progressChanged ? progress! with { StageSince = stageSince, NextActionDue = nextActionDue } : progress,
        };
    }

    private static Timestamp Reread(Timestamp value, DateOrder order) => value.IsInvalid ? Timestamp.Parse(value.Text, order) : value;

    /// <summary>Whether a value read again says what it said: read or not alike, for the same reason.</summary>
    private static bool Same(Timestamp reread, Timestamp value) => reread.IsValid == value.IsValid && reread.Fault == value.Fault;

    /// <summary>The entries with their dates read again; the list itself when no date changes. A null entry stays null.</summary>
    private static IReadOnlyList<T>? Reread<T>(IReadOnlyList<T>? entries, DateOrder order, Func<T, Timestamp> at, Func<T, Timestamp, T> withAt)
        where T : class
    {
        T[]? copy = null;
        for (var i = 0; i < (entries?.Count ?? 0); i++)
        {
            if (entries![i] is not { } entry)
            {
                continue;
            }

            var reread = Reread(at(entry), order);
            if (!Same(reread, at(entry)))
            {
                copy ??= [.. entries];
                copy[i] = withAt(entry, reread);
            }
        }

        return copy ?? entries;
    }
}
