namespace FollowUp.Rules;

/// <summary>A member of each entry of a list, with the paths of the first entries built once.</summary>
internal sealed class IndexedPath
{
    private const int Cached = 32;
    private readonly string _list;
    private readonly string _suffix;
    private readonly string[] _paths;

    /// <summary>Initializes a path for a member of each entry, or for the entries themselves when <paramref name="member"/> is null.</summary>
    public IndexedPath(string list, string? member = null)
    {
        _list = list;
        _suffix = member is null ? "" : "." + member;
        Key = $"{list}[]{_suffix}";
        _paths = new string[Cached];
        for (var i = 0; i < Cached; i++)
        {
            _paths[i] = $"{list}[{i}]{_suffix}";
        }
    }

    /// <summary>Gets the requirement key, such as <c>communications[].summary</c>.</summary>
    public string Key { get; }

    /// <summary>Gets the path of one entry's member, such as <c>communications[3].summary</c>.</summary>
    public string this[int index] => index < Cached ? _paths[index] : $"{_list}[{index}]{_suffix}";

    /// <summary>Whether <paramref name="path"/> is this member of some entry: <c>communications[12].contact</c> for <c>communications[].contact</c>.</summary>
    public bool Matches(string path) => IndexIn(path) >= 0;

    /// <summary>The entry's index when <paramref name="path"/> is this member of some entry (3 for <c>communications[3].at</c>), else -1.</summary>
    public int IndexIn(string path)
    {
        var span = path.AsSpan();
        if (!span.StartsWith(_list, StringComparison.Ordinal) || !span.EndsWith(_suffix, StringComparison.Ordinal)
            || span.Length < _list.Length + _suffix.Length + 3 || span[_list.Length] != '[')
        {
            return -1;
        }

        var index = span[(_list.Length + 1)..^_suffix.Length];
        return index.Length > 1 && index[^1] == ']' && int.TryParse(index[..^1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var entry)
            ? entry
            : -1;
    }
}

/// <summary>The indexed field paths of the record.</summary>
internal static class FieldPaths
{
    public static readonly IndexedPath CommunicationAt = new("communications", "at");
    public static readonly IndexedPath CommunicationChannel = new("communications", "channel");
    public static readonly IndexedPath CommunicationContact = new("communications", "contact");
    public static readonly IndexedPath CommunicationContactTitle = new("communications", "contactTitle");
    public static readonly IndexedPath CommunicationContactRole = new("communications", "contactRole");
    public static readonly IndexedPath CommunicationSummary = new("communications", "summary");
    public static readonly IndexedPath CommunicationFeedback = new("communications", "feedback");
    public static readonly IndexedPath CommunicationObjections = new("communications", "objections");
    public static readonly IndexedPath PainPoint = new("needs.painPoints");
    public static readonly IndexedPath Concern = new("needs.concerns");
    public static readonly IndexedPath ChangeAt = new("needs.changes", "at");
    public static readonly IndexedPath AttachmentKind = new("attachments", "kind");
    public static readonly IndexedPath RiskKind = new("risks", "kind");
    public static readonly IndexedPath RiskDescription = new("risks", "description");
    public static readonly IndexedPath RiskCountermeasure = new("risks", "countermeasure");

    /// <summary>
    /// The requirement key of each indexed path seen, so that grading a record does not build it again; a list's first
    /// entries, for every field.
    /// </summary>
    private static readonly BoundedCache<string, string> KeysOfIndexedPaths = new(4096, StringComparer.Ordinal);

    /// <summary>The requirement key of a path, its indices left out: <c>risks[0].description</c> is <c>risks[].description</c>.</summary>
    public static string KeyOf(string path) =>
        path.Contains('[', StringComparison.Ordinal) ? KeysOfIndexedPaths.GetOrCreate(path, static (p, _) => WithoutIndices(p), 0) : path;

    private static string WithoutIndices(string path)
    {
        var key = new System.Text.StringBuilder(path.Length);
        var inIndex = false;
        foreach (var c in path)
        {
            inIndex &= c != ']';
            if (!inIndex)
            {
                key.Append(c);
            }

            inIndex |= c == '[';
        }

        return key.ToString();
    }
}
