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
}
