namespace FollowUp.Rules;

/// <summary>
/// The latest communication of a record: the one with the latest readable time, unless an entry listed on its newer side
/// has no readable time, in which case that entry may be the latest and its time is unknown. The log may be listed oldest
/// or newest first; its first and last readable times tell which.
/// </summary>
internal static class LatestContact
{
    /// <summary>Finds the latest communication.</summary>
    /// <returns>
    /// Its index (-1 when there is none) and its time: null when no communication has a readable time (the index is then the
    /// last one listed), or when an entry without one may be later than every readable one (the index is then that entry's).
    /// </returns>
    public static (int Index, DateTimeOffset? At) Of(FollowUpRecord record, TimeSpan defaultOffset)
    {
        var communications = record.Communications;
        if (communications is null || communications.Count == 0)
        {
            return (-1, null);
        }

        var index = -1;
        DateTimeOffset? latest = null;
        int firstReadable = -1, lastReadable = -1;
        DateTimeOffset first = default, last = default;
        for (var i = 0; i < communications.Count; i++)
        {
            if (communications[i]?.At.Resolve(defaultOffset) is not { } at)
            {
                continue;
            }

            if (firstReadable < 0)
            {
                (firstReadable, first) = (i, at);
            }

            (lastReadable, last) = (i, at);
            if (latest is null || at >= latest)
            {
                latest = at;
                index = i;
            }
        }

        if (index < 0)
        {
            return (communications.Count - 1, null);
        }

        // An entry without a readable time beyond the latest readable one, in the order the log is listed, may be the latest.
        var newestFirst = first > last;
        var unknown = newestFirst ? FirstWithoutTime(communications, 0, index) : LastWithoutTime(communications, index + 1, communications.Count);
        return unknown >= 0 ? (unknown, null) : (index, latest);
    }

    private static int FirstWithoutTime(IReadOnlyList<Communication> communications, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (communications[i] is { At.IsValid: false })
            {
                return i;
            }
        }

        return -1;
    }

    private static int LastWithoutTime(IReadOnlyList<Communication> communications, int from, int to)
    {
        for (var i = to - 1; i >= from; i--)
        {
            if (communications[i] is { At.IsValid: false })
            {
                return i;
            }
        }

        return -1;
    }
}
