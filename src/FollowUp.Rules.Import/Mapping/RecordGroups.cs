using System.Text.Json.Nodes;
using FollowUp.Rules.Language;

namespace FollowUp.Rules.Import.Mapping;

/// <summary>
/// Joins the rows that share a group key into one record's JSON: lists (communications, attachments, risks, needs changes,
/// pain points, concerns) are concatenated; every other field takes the value of the most recent row that has one.
/// Holds the rows of every group until the table ends, since a CRM export need not sort rows by customer; so it also
/// notes the rows that could not be read but whose group key could, wherever they come, and names them on their group's
/// record, which is incomplete without them. Keys match as the library matches owners and phrases (see <see cref="Fold"/>).
/// </summary>
internal sealed class RecordGroups
{
    private readonly Dictionary<string, Group> _byKey = new(StringComparer.Ordinal);
    private readonly List<Group> _order = [];

    // Only the numbers of unreadable rows, by key: a group may get its first readable row after them, or none at all.
    private readonly Dictionary<string, List<long>> _unreadable = new(StringComparer.Ordinal);

    /// <summary>Adds a row to its group.</summary>
    public void Add(string key, long row, JsonObject json)
    {
        var folded = Fold(key);
        if (!_byKey.TryGetValue(folded, out var group))
        {
            group = new Group(key, folded);
            _byKey[folded] = group;
            _order.Add(group);
        }

        group.Rows.Add((row, json, LatestContact(json)));
    }

    /// <summary>Notes a row that could not be read but belongs to a group by its group key.</summary>
    public void AddUnreadable(string key, long row)
    {
        var folded = Fold(key);
        if (!_unreadable.TryGetValue(folded, out var rows))
        {
            rows = [];
            _unreadable[folded] = rows;
        }

        rows.Add(row);
    }

    /// <summary>
    /// Gets each group's merged JSON, its key (as its first row has it), its rows, and the unreadable rows that share its
    /// key, in order of each group's first row. The unreadable rows of a key no readable row has make no record.
    /// </summary>
    public IEnumerable<(JsonObject Json, string Key, IReadOnlyList<long> Rows, IReadOnlyList<long> UnreadableRows)> Merge()
    {
        foreach (var group in _order)
        {
            // The most recent row wins, by its contact time when every row has a readable one, else by file order.
            var rows = group.Rows.All(r => r.At is not null)
                ? [.. group.Rows.OrderBy(r => r.At)]
                : group.Rows;
            var merged = new JsonObject();
            foreach (var (_, json, _) in rows)
            {
                MergeInto(merged, json);
            }

            merged["id"] ??= group.Key;
            IReadOnlyList<long> unreadable = _unreadable.TryGetValue(group.FoldedKey, out var missing) ? [.. missing.Order()] : [];
            yield return (merged, group.Key, group.Rows.Select(r => r.Row).ToList().AsReadOnly(), unreadable);
        }
    }

    private static void MergeInto(JsonObject target, JsonObject source)
    {
        foreach (var (name, value) in source)
        {
            switch (value)
            {
                case JsonArray items:
                    if (target[name] is not JsonArray list)
                    {
                        list = [];
                        target[name] = list;
                    }

                    foreach (var item in items)
                    {
                        // Text lists (pain points, concerns) keep one copy of a repeated item; object lists keep every entry.
                        if (item is JsonValue text && list.Any(existing => existing is JsonValue other && JsonNode.DeepEquals(other, text)))
                        {
                            continue;
                        }

                        list.Add(item?.DeepClone());
                    }

                    break;
                case JsonObject child:
                    if (target[name] is not JsonObject into)
                    {
                        into = [];
                        target[name] = into;
                    }

                    MergeInto(into, child);
                    break;
                default:
                    target[name] = value?.DeepClone();
                    break;
            }
        }
    }

    /// <summary>Gets the latest readable contact time of a row, to order the rows of a group.</summary>
    private static DateTimeOffset? LatestContact(JsonObject json)
    {
        DateTimeOffset? latest = null;
        if (json["communications"] is JsonArray communications)
        {
            foreach (var communication in communications)
            {
                if (communication?["at"] is JsonValue at && at.TryGetValue<string>(out var text)
                    && Timestamp.Parse(text).Resolve(TimeSpan.Zero) is { } when && (latest is null || when > latest))
                {
                    latest = when;
                }
            }
        }

        return latest;
    }

    /// <summary>
    /// Folds a group key as the library folds owners' names: full-width forms, case, and Traditional characters to
    /// Simplified, zero-width characters dropped, white space kept only as one space between ASCII words; so ＡＢＣ科技,
    /// abc科技 and "ABC 科技 " are one customer, as are 宏圖 and 宏图.
    /// </summary>
    private static string Fold(string key) => TextFolding.FoldPhrase(key);

    private sealed class Group(string key, string foldedKey)
    {
        public string Key { get; } = key;

        public string FoldedKey { get; } = foldedKey;

        public List<(long Row, JsonObject Json, DateTimeOffset? At)> Rows { get; } = [];
    }
}
