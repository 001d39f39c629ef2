namespace FollowUp.Rules;

/// <summary>The latest communication of a record: the one with the latest readable time, else the last one listed.</summary>
internal static class LatestContact
{
    /// <summary>Finds the latest communication.</summary>
    /// <returns>Its index (-1 when there is none) and its time (null when no communication has a readable time).</returns>
    public static (int Index, DateTimeOffset? At) Of(FollowUpRecord record, TimeSpan defaultOffset)
    {
        var communications = record.Communications;
        if (communications is null || communications.Count == 0)
        {
            return (-1, null);
        }

        var index = -1;
        DateTimeOffset? latest = null;
        for (var i = 0; i < communications.Count; i++)
        {
            if (communications[i]?.At.Resolve(defaultOffset) is { } at && (latest is null || at >= latest))
            {
                latest = at;
                index = i;
            }
        }

        return index >= 0 ? (index, latest) : (communications.Count - 1, null);
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
