namespace FollowUp.Rules;

/// <summary>The latest communication of a record: the one with the latest readable time, else the last one listed.</summary>
internal static class LatestContact
{
    /// <summary>Finds the latest communication; a null entry is none.</summary>
    /// <returns>Its index (-1 when there is none) and its time (null when no communication has a readable time).</returns>
    public static (int Index, DateTimeOffset? At) Of(FollowUpRecord record, TimeSpan defaultOffset)
    {
        var communications = record.Communications;
        var index = -1;
        var last = -1;
        DateTimeOffset? latest = null;
        for (var i = 0; i < (communications?.Count ?? 0); i++)
        {
            if (communications![i] is not { } entry)
            {
                continue;
            }

            last = i;
            if (entry.At.Resolve(defaultOffset) is { } at && (latest is null || at >= latest))
            {
                latest = at;
                index = i;
            }
        }

        return index >= 0 ? (index, latest) : (last, null);
    }

    /// <summary>The index of the first entry of a log that is there (not null), or -1.</summary>
    public static int FirstEntry(IReadOnlyList<Communication?>? communications)
    {
        for (var i = 0; i < (communications?.Count ?? 0); i++)
        {
            if (communications![i] is not null)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Finds the last entry listed whose time is missing or unreadable: it may be later than every readable one, so a record
    /// late beside the latest readable time is not known to be late.
    /// </summary>
    /// <returns>Its index; -1 when every entry has a readable time.</returns>
    public static int LastWithoutTime(FollowUpRecord record)
    {
        var communications = record.Communications;
        for (var i = (communications?.Count ?? 0) - 1; i >= 0; i--)
        {
            if (communications![i] is { At.IsValid: false })
            {
                return i;
            }
        }

        return -1;
    }
}
