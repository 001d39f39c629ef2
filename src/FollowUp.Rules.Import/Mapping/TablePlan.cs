using System.Globalization;
using System.Text.Json.Nodes;
using FollowUp.Rules.Import.Reading;
using FollowUp.Rules.Import.Text;

namespace FollowUp.Rules.Import.Mapping;

/// <summary>
/// How the cells of one table become a record: which header columns fill which field, in which order of preference, and
/// which column or field groups rows. Made once from the header and the column map; a mistake in either is a
/// <see cref="FormatException"/> before any row is read.
/// </summary>
internal sealed class TablePlan
{
    private static readonly char[] ListSeparators = [';', '；', '、', '|', '\n', '\r'];

    private static readonly HashSet<string> SpreadsheetErrors = new(StringComparer.OrdinalIgnoreCase)
    {
        "#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!", "#GETTING_DATA",
    };

    private readonly Target[] _targets;
    private readonly int? _groupColumn;
    private readonly Target? _groupTarget;
    private readonly Target? _idTarget;
    private readonly bool[] _mapped;
    private readonly bool _date1904;

    private TablePlan(
        IReadOnlyList<string> header, Target[] targets, int? groupColumn, Target? groupTarget, bool[] mapped, List<string> misnamed, List<string> missing,
        List<LookalikeColumn> lookalikes, bool[] warned, bool date1904)
    {
        Header = header;
        MissingColumns = missing;
        _date1904 = date1904;
        _targets = targets;
        _groupColumn = groupColumn;
        _groupTarget = groupTarget;
        _idTarget = targets.FirstOrDefault(t => t.Field.Text == "id");
        _mapped = mapped;
        MisnamedColumns = misnamed;
        LookalikeColumns = lookalikes;
        UnreadColumns = [.. Enumerable.Range(0, header.Count).Where(i => !mapped[i] && !warned[i] && i != groupColumn)];
    }

    /// <summary>
    /// Gets the zero-based columns of the header no map entry reads, named or not, that are not the group column and not
    /// among <see cref="MisnamedColumns"/> (told of already): a value in one is in no record.
    /// </summary>
    public IReadOnlyList<int> UnreadColumns { get; }

    /// <summary>
    /// Gets, for each column the map does not list that is named like a field path but names no field
    /// (<c>communications[100].at</c>, <c>customer.foo</c>), or whose name holds private-use characters, why it is not
    /// read: it was surely meant to be.
    /// </summary>
    public IReadOnlyList<string> MisnamedColumns { get; }

    /// <summary>
    /// Gets the header columns no map entry reads whose names look like fields the map reads (see <see cref="FieldLookalikes"/>)
    /// that it lists as optional and that no column of the header fills, so they are left empty without a missing column to tell.
    /// </summary>
    public IReadOnlyList<LookalikeColumn> LookalikeColumns { get; }

    /// <summary>
    /// Gets the map's columns the header lacks whose fields no other column fills and the map does not call optional, so
    /// they are left empty in every record.
    /// </summary>
    public IReadOnlyList<string> MissingColumns { get; }

    /// <summary>Gets the header's column names, trimmed.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>
    /// Gets whether the header looks like a shop's order export (订单号, 订单编号, 订单ID, 买家…, 收货人), whose buyers have no
    /// company: only then is a row without one likely a record of its own rather than a customer's follow-up.
    /// </summary>
    public bool LooksLikeShopExport => Header.Select(ColumnNames.Fold).Any(name =>
        name is "订单号" or "订单编号" or "订单id" || name.Contains("买家", StringComparison.Ordinal) || name.Contains("收货人", StringComparison.Ordinal));

    /// <summary>Gets whether rows are joined into records by a column or field.</summary>
    public bool Groups => _groupColumn is not null || _groupTarget is not null;

    /// <summary>Gets how many fields the table's columns fill: the length of a row's values (see <see cref="Read"/>).</summary>
    public int Fields => _targets.Length;

    /// <summary>Gets whether a column fills the record's id.</summary>
    public bool HasId => _idTarget is not null;

    /// <summary>Gets the zero-based columns a row's group key is read from: the group column, or the columns of the group field in order of preference.</summary>
    public IReadOnlyList<int> GroupColumns => _groupColumn is { } column ? [column] : _groupTarget?.Columns ?? [];

    /// <summary>Gets the zero-based columns that fill the record's id, in order of preference; empty when none does.</summary>
    public IReadOnlyList<int> IdColumns => _idTarget?.Columns ?? [];

    /// <summary>
    /// Gets the zero-based columns that tell which record a row belongs to when rows are grouped: the group columns, then
    /// the id columns (a group's rows with different ids make different records). Empty when rows are not grouped.
    /// </summary>
    public IReadOnlyList<int> KeyColumns => Groups ? [.. GroupColumns.Concat(_idTarget?.Columns ?? []).Distinct()] : [];

    /// <summary>Gets the names of the header columns that fill a field.</summary>
    public IReadOnlyList<string> MappedColumns => [.. Header.Where((_, i) => _mapped[i])];

    /// <summary>Gets the names of the header columns that fill no field and are not read.</summary>
    public IReadOnlyList<string> IgnoredColumns => [.. Header.Where((name, i) => !_mapped[i] && i != _groupColumn && name.Length > 0)];

    /// <summary>Makes the plan of a header.</summary>
    /// <param name="map">The column map.</param>
    /// <param name="header">The header's column names, trimmed.</param>
    /// <param name="mergedRange">Gets the merged range a header cell is part of (<c>E1:F1</c>), or <see langword="null"/>.</param>
    /// <param name="date1904">Whether the table's serial day numbers count from 1904 (see <see cref="TableSource.Date1904"/>).</param>
    /// <exception cref="FormatException">No column fills a field, a mapped column appears twice, or the group column is absent.</exception>
    public static TablePlan Create(ColumnMap map, IReadOnlyList<string> header, Func<int, string?> mergedRange, bool date1904 = false)
    {
        var byField = new Dictionary<string, (FieldPath Field, List<(int Order, int Column)> Columns)>(StringComparer.Ordinal);
        var mapped = new bool[header.Count];
        var misnamed = new List<string>();
        var warned = new bool[header.Count];
        // Folded once: names match ignoring case, full-width forms and Traditional against Simplified characters.
        var folded = header.Select(ColumnNames.Fold).ToArray();
        var entries = map.Columns.Select(c => ColumnNames.Fold(c.Column)).ToArray();
        for (var column = 0; column < header.Count; column++)
        {
            var name = header[column];
            if (name.Length == 0)
            {
                continue;
            }

            var listed = false;
            for (var entry = 0; entry < map.Columns.Count; entry++)
            {
                if (entries[entry] == folded[column])
                {
                    listed = true;
                    Add(byField, map.Fields[entry], entry, column);
                }
            }

            // A column named like a field path fills that field, unless the map says otherwise.
            if (!listed)
            {
                if (FieldPath.TryParse(name, out var identity, out var notAPath))
                {
                    listed = true;
                    Add(byField, identity, map.Columns.Count + column, column);
                }
                else if (FieldPath.LooksLikePath(name))
                {
                    misnamed.Add($"the column '{name}' is not read: {notAPath}");
                    warned[column] = true;
                }
                else if (PrivateUse.In(name))
                {
                    // A name garbled in decoding (an HKSCS character read as Big5) matches no map entry, silently.
                    misnamed.Add($"the column '{name}' is not read: its name holds private-use characters ({PrivateUse.Name(PrivateUse.Of(name))}), which no map entry matches; most likely characters the file's encoding lacks. Save the file as UTF-8 and read it again.");
                    warned[column] = true;
                }
            }

            if (listed)
            {
                var first = Array.IndexOf(folded, folded[column]);
                if (first != column)
                {
                    // A header cell merged across columns names each of them; which one the map means cannot be told.
                    throw new FormatException(mergedRange(column) is { } range && range == mergedRange(first)
                        ? $"the header cell '{name}' is merged across {range}, so each of its columns is named '{name}', and the map reads it: unmerge it and give each column its own name."
                        : header[first] == name
                        ? $"the header has the column '{name}' twice ({TableSource.ColumnLetter(first)} and {TableSource.ColumnLetter(column)}), and the map reads it: rename one of them."
                        : $"the header's columns '{header[first]}' ({TableSource.ColumnLetter(first)}) and '{name}' ({TableSource.ColumnLetter(column)}) are one name to the column map, which matches names ignoring case, full-width forms and Traditional against Simplified characters, and the map reads it: which of them is meant cannot be told, so rename or remove one of them.");
                }

                mapped[column] = true;
            }
        }

        if (byField.Count == 0)
        {
            throw new FormatException(NothingMapped(map, header));
        }

        // A column the header lacks matters only when nothing else fills its field: a map names a field the ways several
        // CRMs do (aliases), and lists under "optional" what some exports leave out.
        var missing = new List<string>();
        for (var entry = 0; entry < map.Columns.Count; entry++)
        {
            var column = map.Columns[entry].Column.Trim();
            var field = map.Fields[entry].Text;
            if (!byField.ContainsKey(field) && !map.OptionalFields.Contains(field) && IndexOfName(folded, column) < 0
                && !missing.Exists(m => ColumnNames.Same(m, column)))
            {
                missing.Add(column);
            }
        }

        var targets = byField.Values
            .OrderBy(t => t.Columns.Min(c => c.Order))
            .Select(t => new Target(t.Field, [.. t.Columns.OrderBy(c => c.Order).Select(c => c.Column)]))
            .ToArray();

        int? groupColumn = null;
        Target? groupTarget = null;
        if (map.GroupBy is { } groupBy)
        {
            var index = IndexOfName(folded, groupBy);
            if (index >= 0)
            {
                groupColumn = index;
            }
            else if (FieldPath.TryParse(groupBy, out var groupField, out _))
            {
                groupTarget = targets.FirstOrDefault(t => t.Field.Text == groupField.Text)
                    ?? throw new FormatException(
                        $"the map groups rows by {groupField.Text}, but no column of the header fills it; the header is {Describe(header)}.");
            }
            else
            {
                throw new FormatException($"the map groups rows by the column '{groupBy}', which the header lacks; the header is {Describe(header)}.");
            }
        }

        // An optional field left empty is no missing column; a column that looks like it is the one sign that it was meant to be read.
        var lookalikes = new List<LookalikeColumn>();
        for (var column = 0; column < header.Count; column++)
        {
            if (mapped[column] || warned[column] || column == groupColumn || header[column].Length == 0)
            {
                continue;
            }

            var fields = FieldLookalikes.Of(folded[column])
                .Where(f => !byField.ContainsKey(f) && map.OptionalFields.Contains(f) && map.Fields.Any(known => known.Text == f))
                .ToList();
            if (fields.Count > 0)
            {
                lookalikes.Add(new LookalikeColumn(header[column], fields.AsReadOnly()));
            }
        }

        return new TablePlan(header, targets, groupColumn, groupTarget, mapped, misnamed, missing, lookalikes, warned, date1904);
    }

    /// <summary>
    /// Reads the cells of one row that fill fields: for each field, the first of its columns that has a value. The
    /// values, not the row's JSON, are what a grouped table holds until it ends; <see cref="Json"/> makes the JSON.
    /// </summary>
    /// <returns>The values and the row's group key, or the column and reason it cannot be read.</returns>
    public RowCells Read(SourceRow row)
    {
        string? Cell(int column) => column < row.Cells.Length ? Text(row.Cells[column], FieldKind.Text) : null;

        foreach (var target in _targets)
        {
            foreach (var column in target.Columns)
            {
                if (column < row.Cells.Length && row.Cells[column] is UnreadableCell unreadable)
                {
                    return RowCells.Failed(Header[column], unreadable.Reason);
                }

                // Every spreadsheet error starts with '#': long free text is never hashed.
                if (Cell(column) is { } text && text.AsSpan().TrimStart().StartsWith('#') && SpreadsheetErrors.Contains(text.Trim()))
                {
                    return RowCells.Failed(Header[column], $"the cell holds the spreadsheet error {text.Trim()}, not a value; fix the formula or type the value.");
                }
            }
        }

        var values = new string?[_targets.Length];
        string? groupKey = null;
        string? id = null;
        var written = 0;
        List<PrivateUseCell>? privateUse = null;
        List<SerialDateCell>? serialDates = null;
        void NotePrivateUse(int column, string value)
        {
            if (PrivateUse.In(value))
            {
                (privateUse ??= []).Add(new PrivateUseCell(row.Number, Header[column].Length > 0 ? Header[column] : TableSource.ColumnLetter(column), PrivateUse.Of(value)));
            }
        }

        for (var field = 0; field < _targets.Length; field++)
        {
            var target = _targets[field];
            foreach (var column in target.Columns)
            {
                if (column >= row.Cells.Length || Text(row.Cells[column], target.Field.Kind, _date1904) is not { } value || string.IsNullOrWhiteSpace(value))
                {
                    continue;
                }

                // An id is compared and grouped trimmed, so the record carries it trimmed: " C-001" is C-001's row.
                values[field] = ReferenceEquals(target, _idTarget) ? value.Trim() : value;
                written++;
                NotePrivateUse(column, value);
                if (target.Field.Kind == FieldKind.Date && row.Cells[column] is string or double && Text(row.Cells[column], FieldKind.Text) is { } typed && typed != value)
                {
                    (serialDates ??= []).Add(new SerialDateCell(row.Number, Header[column].Length > 0 ? Header[column] : TableSource.ColumnLetter(column), typed.Trim(), value));
                }
                if (ReferenceEquals(target, _groupTarget))
                {
                    groupKey = value.Trim();
                }

                if (ReferenceEquals(target, _idTarget))
                {
                    id = value.Trim();
                }

                break;
            }
        }

        if (written == 0)
        {
            var elsewhere = row.Cells.Select((cell, i) => (cell, i))
                .Where(c => !string.IsNullOrWhiteSpace(Text(c.cell, FieldKind.Text)) && c.i < Header.Count && !_mapped[c.i])
                .Select(c => Header[c.i].Length > 0 ? Header[c.i] : TableSource.ColumnLetter(c.i))
                .ToList();
            return RowCells.Failed(
                null,
                elsewhere.Count == 0
                    ? "no mapped column has a value in this row."
                    : $"no mapped column has a value in this row; its values are in columns the map does not read: {string.Join(", ", elsewhere)}.");
        }

        if (_groupColumn is { } groupColumn)
        {
            groupKey = Cell(groupColumn)?.Trim();
            if (groupKey is not null && SpreadsheetErrors.Contains(groupKey))
            {
                // The group column need not be mapped, so the check above may not have seen it.
                return RowCells.Failed(Header[groupColumn], $"the cell that joins rows into one record holds the spreadsheet error {groupKey}, not a value; fix the formula or type the value.");
            }

            if (groupKey is not null && !_mapped[groupColumn])
            {
                NotePrivateUse(groupColumn, groupKey);
            }
        }

        if (Groups && string.IsNullOrEmpty(groupKey))
        {
            var column = _groupColumn is { } c ? Header[c] : string.Join(" / ", _groupTarget!.Columns.Select(i => Header[i]));
            return RowCells.Failed(column, "the cell that joins rows into one record is empty, so the row belongs to no record") with { NoGroupKey = true };
        }

        return new RowCells(values, groupKey, id, null, null, privateUse, serialDates);
    }

    /// <summary>Builds the JSON of one row from the values <see cref="Read"/> gave: each written at its field path.</summary>
    public JsonObject Json(string?[] values)
    {
        var json = new JsonObject();
        for (var field = 0; field < _targets.Length; field++)
        {
            if (values[field] is { } value)
            {
                Write(json, _targets[field].Field, value);
            }
        }

        Compact(json);
        return json;
    }

    /// <summary>
    /// Gets the group key of a row that cannot be read, when its group cell can: the same cell <see cref="Read"/> would
    /// take the key from, among the cells that stand in their own columns (<see cref="SourceRow.CellsInPlace"/>).
    /// </summary>
    /// <returns>
    /// The trimmed key; <see langword="null"/> when rows are not grouped, or the group cell is empty, holds a spreadsheet
    /// error, or is not known (an unclosed quote before it, or a preferred alias column past the cells in place).
    /// </returns>
    public string? GroupKeyOf(SourceRow row) => FirstCell(row, GroupColumns, _groupTarget?.Field.Kind ?? FieldKind.Text);

    /// <summary>Gets the id of a row that cannot be read, as <see cref="GroupKeyOf"/> gets its group key.</summary>
    /// <returns>The trimmed id; <see langword="null"/> when no column fills it, or its cell is empty, an error or not known.</returns>
    public string? IdOf(SourceRow row) => _idTarget is null ? null : FirstCell(row, _idTarget.Columns, FieldKind.Text);

    /// <summary>Gets the first of the cells that is not empty, trimmed, as <see cref="Read"/> would take it, among the cells in place.</summary>
    private string? FirstCell(SourceRow row, IReadOnlyList<int> columns, FieldKind kind)
    {
        foreach (var column in columns)
        {
            if (column >= row.CellsInPlace)
            {
                return null;
            }

            var text = column < row.Cells.Length ? Text(row.Cells[column], kind, _date1904)?.Trim() : null;
            if (string.IsNullOrEmpty(text))
            {
                continue;
            }

            return SpreadsheetErrors.Contains(text) ? null : text;
        }

        return null;
    }

    /// <summary>Turns a cell into the text the record's JSON holds: dates as ISO 8601, numbers as invariant text.</summary>
    /// <param name="cell">The cell.</param>
    /// <param name="kind">The kind of field it fills.</param>
    /// <param name="date1904">Whether a serial day number in a date field counts from 1904.</param>
    internal static string? Text(object? cell, FieldKind kind, bool date1904 = false) => cell switch
    {
        null => null,
        // The same serial as a CSV file's text, so a CSV reads as the workbook it was saved from.
        string text when kind == FieldKind.Date && SerialDates.Of(text) is { } day => Iso(day),
        string text => text,
        DateTime date => Iso(date),
        DateTimeOffset date => date.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture),
        // A date field holding a bare number is a date cell without a date format: Excel's serial day number.
        double serial when kind == FieldKind.Date && SerialDates.Of(ExcelSerial(serial, date1904)) is { } day => Iso(day),
        double number => number.ToString("G15", CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        TimeSpan time => time.ToString("c", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString(),
    };

    private static double ExcelSerial(double serial, bool date1904) => date1904 ? serial + WorkbookProperties.Date1904Offset : serial;

    private static string Iso(DateTime date) => date.TimeOfDay == TimeSpan.Zero
        ? date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)
        : date.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

    private static void Write(JsonObject root, FieldPath field, string value)
    {
        var node = root;
        for (var i = 0; i < field.Steps.Count - 1; i++)
        {
            var step = field.Steps[i];
            if (step.Index is not { } index)
            {
                if (node[step.Name] is not JsonObject child)
                {
                    child = [];
                    node[step.Name] = child;
                }

                node = child;
                continue;
            }

            if (node[step.Name] is not JsonArray list)
            {
                list = [];
                node[step.Name] = list;
            }

            while (list.Count <= index)
            {
                list.Add(null);
            }

            if (list[index] is not JsonObject element)
            {
                element = [];
                list[index] = element;
            }

            node = element;
        }

        var last = field.Steps[^1];
        if (field.Kind != FieldKind.TextList)
        {
            node[last.Name] = value;
            return;
        }

        if (node[last.Name] is not JsonArray items)
        {
            items = [];
            node[last.Name] = items;
        }

        var parts = last.Index is null ? value.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [value.Trim()];
        foreach (var part in parts)
        {
            items.Add(part);
        }
    }

    /// <summary>Removes the holes a sparse list index left (a map that reads communications[1] but not [0]).</summary>
    private static void Compact(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (_, child) in obj)
                {
                    Compact(child);
                }

                break;
            case JsonArray array:
                for (var i = array.Count - 1; i >= 0; i--)
                {
                    if (array[i] is null)
                    {
                        array.RemoveAt(i);
                    }
                    else
                    {
                        Compact(array[i]);
                    }
                }

                break;
        }
    }

    private static void Add(Dictionary<string, (FieldPath Field, List<(int Order, int Column)> Columns)> byField, FieldPath field, int order, int column)
    {
        if (!byField.TryGetValue(field.Text, out var entry))
        {
            entry = (field, []);
            byField[field.Text] = entry;
        }

        // A map may list a name in both scripts (客户名称, 客戶名稱); both match one header column, which fills the field once.
        if (!entry.Columns.Exists(c => c.Column == column))
        {
            entry.Columns.Add((order, column));
        }
    }

    /// <summary>Gets the first column of the header, its names folded, that is named <paramref name="name"/>; -1 when none is.</summary>
    private static int IndexOfName(string[] foldedHeader, string name) => Array.IndexOf(foldedHeader, ColumnNames.Fold(name));

    private static string NothingMapped(ColumnMap map, IReadOnlyList<string> header)
    {
        var message = $"no column of the header is in the column map or named like a record field (such as customer.company); the header is {Describe(header)}.";
        if (header.Where(h => h.Length > 0).ToList() is [var only] && only.IndexOfAny([';', '\t', ',', '|']) is >= 0 and var at)
        {
            // An export separated otherwise than its name says (semicolons from Excel in a European locale): one column of it all.
            return message + (only[at] switch
            {
                '\t' => " The header is one column holding tabs, so the file seems to be tab-separated: name it .tsv.",
                ',' => " The header is one column holding commas, so the file seems to be comma-separated: name it .csv.",
                var other => $" The header is one column holding '{other}', so the file seems to be separated by '{other}': add the line sep={other} before the header, as Excel writes it, or save the file with commas.",
            });
        }

        var best = ColumnMap.BuiltInNames
            .Select(name => (Name: name, Hits: header.Distinct(StringComparer.Ordinal).Count(h => ColumnMap.GetBuiltIn(name).Columns.Any(c => ColumnNames.Same(c.Column, h)))))
            .Where(m => m.Hits > 0)
            .OrderByDescending(m => m.Hits)
            .FirstOrDefault();
        return best.Name is null
            ? message + (map.Columns.Count == 0 ? " Give a column map." : " Check the column names of the map against the header.")
            : message + $" The bundled column map '{best.Name}' reads {best.Hits} of these columns.";
    }

    private static string Describe(IReadOnlyList<string> header)
    {
        // Each name once: a title merged across the first row names every column it spans.
        var names = header.Where(h => h.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        return names.Count == 0 ? "empty" : string.Join(", ", names.Take(12).Select(h => $"'{h}'")) + (names.Count > 12 ? ", …" : "");
    }

    /// <summary>A field and the header columns that fill it, in order of preference.</summary>
    private sealed record Target(FieldPath Field, int[] Columns);
}

/// <summary>
/// One row's values, one per field of the plan in its order (<see langword="null"/> where no column has one), with its
/// group key and id (trimmed), the cells read that hold private-use characters and the date cells read from Excel serial
/// day numbers (each <see langword="null"/> when there is none); or the column and reason it cannot be read.
/// </summary>
internal readonly record struct RowCells(
    string?[]? Values, string? GroupKey, string? Id, string? Column, string? Error, IReadOnlyList<PrivateUseCell>? PrivateUse = null, IReadOnlyList<SerialDateCell>? SerialDates = null)
{
    /// <summary>
    /// Gets whether the row failed for its empty group cell alone, so <see cref="Error"/> is a clause for the reader to
    /// finish with what it knows of the rows around it and the table's format.
    /// </summary>
    public bool NoGroupKey { get; init; }

    public static RowCells Failed(string? column, string error) => new(null, null, null, column, error);
}
