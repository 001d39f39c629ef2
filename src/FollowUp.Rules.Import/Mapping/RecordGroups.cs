using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using FollowUp.Rules.Import.Text;

namespace FollowUp.Rules.Import.Mapping;

/// <summary>
/// Joins the rows that share a group key into one record's JSON: lists (communications, attachments, risks, needs changes,
/// pain points, concerns) are concatenated; every other field takes the value of the most recent row that has one.
/// When the rows of a key hold different ids, each id makes its own record (and the rows without an id one more), so no
/// customer is lost under another's id; each of those records carries a warning naming the ids and their rows.
/// Holds the rows of every group until the table ends, since a CRM export need not sort rows by customer; so it also
/// notes the rows that could not be read but whose group key could, wherever they come, and names them on their group's
/// record, which is incomplete without them. Keys match ignoring case, full-width forms and white space (see <see cref="Fold"/>).
/// A held row is its values alone, one copy of a value its group's previous row has too or its field repeats across the
/// table (<see cref="ValuePool"/>); its JSON is made when its group is merged, since a row's JSON tree takes several times
/// the memory of its text (4.6 KB against under 1 KB a row of a 30-column export).
/// </summary>
/// <param name="plan">The table's plan, which makes a row's JSON from its values.</param>
/// <param name="dateOrder">How contact times written with the year last are read, to find each row's latest contact.</param>
internal sealed class RecordGroups(TablePlan plan, DateOrder dateOrder)
{
    /// <summary>How many ids, and rows of each, the warning of a group split by id names.</summary>
    private const int Listed = 5;

    private const int ListedRows = 3;

    private readonly Dictionary<string, Group> _byKey = new(StringComparer.Ordinal);
    private readonly ValuePool _pool = new(plan.Fields);
    private readonly List<Group> _order = [];

    // Only the numbers and ids of unreadable rows, by key: a group may get its first readable row after them, or none at all.
    private readonly Dictionary<string, List<(long Row, string? Id)>> _unreadable = new(StringComparer.Ordinal);

    /// <summary>Adds a row to its group.</summary>
    /// <param name="key">The row's group key, trimmed.</param>
    /// <param name="id">The row's id, trimmed; <see langword="null"/> when it has none.</param>
    /// <param name="row">The row's number.</param>
    /// <param name="values">The row's values, as <see cref="TablePlan.Read"/> gave them; the group keeps the array.</param>
    /// <param name="privateUse">The row's cells that hold private-use characters, for its record's warning; <see langword="null"/> for none.</param>
    /// <param name="serialDates">The row's date cells read from Excel serial day numbers, for its record's warning; <see langword="null"/> for none.</param>
    public void Add(string key, string? id, long row, string?[] values, IReadOnlyList<PrivateUseCell>? privateUse, IReadOnlyList<SerialDateCell>? serialDates)
    {
        var folded = Fold(key);
        if (!_byKey.TryGetValue(folded, out var group))
        {
            group = new Group(folded);
            _byKey[folded] = group;
            _order.Add(group);
        }

        // A customer's rows mostly repeat its company, contact, phone and owner, and all rows a few stages and channels:
        // one copy of each is held, the group's previous row's or the pool's.
        var previous = group.Rows.Count > 0 ? group.Rows[^1] : default;
        for (var field = 0; field < values.Length; field++)
        {
            if (values[field] is { } value)
            {
                values[field] = previous.Values?[field] is { } earlier && string.Equals(value, earlier, StringComparison.Ordinal)
                    ? earlier
                    : _pool.Get(field, value);
            }
        }

        key = string.Equals(key, previous.Key, StringComparison.Ordinal) ? previous.Key : key;
        id = string.Equals(id, previous.Id, StringComparison.Ordinal) ? previous.Id : id;
        group.Rows.Add(new GroupRow(row, key, id, values, privateUse, serialDates));
    }

    /// <summary>Notes a row that could not be read but belongs to a group by its group key, with its id when that can be read.</summary>
    public void AddUnreadable(string key, string? id, long row)
    {
        var folded = Fold(key);
        if (!_unreadable.TryGetValue(folded, out var rows))
        {
            rows = [];
            _unreadable[folded] = rows;
        }

        rows.Add((row, id));
    }

    /// <summary>
    /// Gets each record's merged JSON, its key (as its first row has it), its rows, the unreadable rows it may lack, the
    /// warning of a group split by id, the cells of its rows that hold private-use characters and its date cells read from
    /// Excel serial day numbers, in order of each record's first row. The unreadable rows of a key (and id) no readable row
    /// has make no record.
    /// </summary>
    public IEnumerable<(JsonObject Json, string Key, IReadOnlyList<long> Rows, IReadOnlyList<long> UnreadableRows, ImportWarning? Warning, IReadOnlyList<PrivateUseCell> PrivateUse, IReadOnlyList<SerialDateCell> SerialDates)> Merge()
    {
        var parts = new List<(Group Group, List<GroupRow> Rows, ImportWarning? Warning)>(_order.Count);
        foreach (var group in _order)
        {
            var byId = group.Rows.GroupBy(r => r.Id, StringComparer.Ordinal).ToList();
            if (byId.Count(ids => ids.Key is not null) <= 1)
            {
                // One id or none: rows without an id are that customer's too.
                parts.Add((group, group.Rows, null));
                continue;
            }

            var warning = SplitWarning(byId);
            parts.AddRange(byId.Select(ids => (group, ids.ToList(), (ImportWarning?)warning)));
        }

        foreach (var (group, rows, warning) in parts.OrderBy(p => p.Rows[0].Row))
        {
            var jsons = rows.ConvertAll(row => plan.Json(row.Values));
            var latest = jsons.ConvertAll(json => LatestContact(json, dateOrder));
            // The most recent row wins, by its contact time when every row has a readable one, else by file order.
            var order = Enumerable.Range(0, rows.Count);
            if (latest.TrueForAll(at => at is not null))
            {
                order = order.OrderBy(i => latest[i]);
            }

            var merged = new JsonObject();
            foreach (var i in order)
            {
                MergeInto(merged, jsons[i]);
            }

            var key = rows[0].Key;
            merged["id"] ??= key;
            var id = rows.Find(r => r.Id is not null).Id;
            // An unreadable row is this record's when its id is this record's, or unknown (any record of a split group may lack
            // it), or would have been this record's id: a group of one id or none takes rows of any id, or of none.
            IReadOnlyList<long> unreadable = _unreadable.TryGetValue(group.FoldedKey, out var missing)
                ? [.. missing.Where(u => u.Id is null || u.Id == id || (warning is null && id is null)).Select(u => u.Row).Order()]
                : [];
            IReadOnlyList<PrivateUseCell> privateUse = [.. rows.OrderBy(r => r.Row).SelectMany(r => r.PrivateUse ?? [])];
            IReadOnlyList<SerialDateCell> serialDates = [.. rows.OrderBy(r => r.Row).SelectMany(r => r.SerialDates ?? [])];
            yield return (merged, key, rows.Select(r => r.Row).ToList().AsReadOnly(), unreadable, warning, privateUse, serialDates);
        }
    }

    /// <summary>
    /// Folds a group key: full-width forms and other compatibility forms (NFKC), case, and white space, zero-width and control
    /// characters dropped; so ＡＢＣ科技, abc科技 and "ABC 科技 " are one customer. Traditional characters are not folded to
    /// Simplified, as owners' names are: 乾坤建材 and 干坤建材, or 於氏 and 于氏, are different companies in Simplified too, and
    /// joining two customers' rows would lose one of them, where keeping 宏圖 and 宏图 apart only makes two records.
    /// </summary>
    private static string Fold(string key)
    {
        var normalized = key.Normalize(NormalizationForm.FormKC);
        var folded = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (!char.IsWhiteSpace(c) && char.GetUnicodeCategory(c) is not (UnicodeCategory.Format or UnicodeCategory.Control))
            {
                folded.Append(char.ToUpperInvariant(c));
            }
        }

        return folded.ToString();
    }

    /// <summary>Names the ids of a group's rows and the rows of each, for each of the records they make.</summary>
    private static ImportWarning SplitWarning(List<IGrouping<string?, GroupRow>> byId)
    {
        var ids = byId.Where(g => g.Key is not null).ToList();
        var listed = string.Join(", ", ids.Take(Listed).Select(g => $"{ImportWarning.Quote(g.Key!)} ({Rows(g)})"));
        var more = ids.Count > Listed ? string.Create(CultureInfo.InvariantCulture, $" and {ids.Count - Listed} more") : "";
        var withoutId = byId.FirstOrDefault(g => g.Key is null) is { } none
            ? $"; the rows without an id ({Rows(none)}) make one more record, with the id {ImportWarning.Quote(none.First().Key)}"
            : "";
        return new ImportWarning(
            ImportWarningCodes.GroupSplitById,
            string.Create(
                CultureInfo.InvariantCulture,
                $"the rows of {ImportWarning.Quote(byId[0].First().Key)} hold {ids.Count} different ids, so each id makes its own record: {listed}{more}{withoutId}. Check whether they are one customer."));
    }

    private static string Rows(IEnumerable<GroupRow> rows)
    {
        var numbers = rows.Select(r => r.Row).ToList();
        var text = string.Join(", ", numbers.Take(ListedRows).Select(n => n.ToString(CultureInfo.InvariantCulture)));
        return (numbers.Count == 1 ? "row " : "rows ") + text
            + (numbers.Count > ListedRows ? string.Create(CultureInfo.InvariantCulture, $" and {numbers.Count - ListedRows} more") : "");
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
    private static DateTimeOffset? LatestContact(JsonObject json, DateOrder dateOrder)
    {
        DateTimeOffset? latest = null;
        if (json["communications"] is JsonArray communications)
        {
            foreach (var communication in communications)
            {
                if (communication?["at"] is JsonValue at && at.TryGetValue<string>(out var text)
                    && Timestamp.Parse(text, dateOrder).Resolve(TimeSpan.Zero) is { } when && (latest is null || when > latest))
                {
                    latest = when;
                }
            }
        }

        return latest;
    }

    /// <summary>
    /// One readable row of a group: its number, its key as typed, its id, its values (see <see cref="TablePlan.Read"/>),
    /// its cells that hold private-use characters and its date cells read from Excel serial day numbers.
    /// </summary>
    private readonly record struct GroupRow(
        long Row, string Key, string? Id, string?[] Values, IReadOnlyList<PrivateUseCell>? PrivateUse, IReadOnlyList<SerialDateCell>? SerialDates);

    private sealed class Group(string foldedKey)
    {
        public string FoldedKey { get; } = foldedKey;

        public List<GroupRow> Rows { get; } = [];
    }
}
