using System.Text.Json;
using FollowUp.Rules.Import.Mapping;

namespace FollowUp.Rules.Import;

/// <summary>One entry of a <see cref="ColumnMap"/>: a source column and the record field its cells are written to.</summary>
/// <param name="Column">
/// The column's name in the source header, such as <c>跟进内容</c>; matched ignoring surrounding spaces, case, full-width forms
/// and Traditional against Simplified characters, so <c>客户名称</c> reads a Taiwan export's <c>客戶名稱</c> too.
/// </param>
/// <param name="Field">
/// The field in the notation of SPEC §1, such as <c>communications[0].summary</c>, <c>progress.nextActionDue</c> or
/// <c>custom.orderStatus</c>.
/// </param>
public sealed record ColumnMapping(string Column, string Field);

/// <summary>
/// Turns another system's columns into fields of the follow-up record: a JSON file such as
/// <c>{"columns": {"跟进内容": "communications[0].summary", "下次联系时间": "progress.nextActionDue"}, "groupBy": "关联客户"}</c>.
/// Immutable and validated when it is created: every target must be a field of SPEC §1 or <c>custom.&lt;name&gt;</c>.
/// </summary>
/// <remarks>
/// <para>
/// A column may map to several fields (<c>"联系人": ["customer.name", "communications[0].contact"]</c>), and several columns
/// may map to one field, as aliases for the ways different CRMs name it: the first of them in the map that has a value in a
/// row wins. A column named like a field path (<c>customer.company</c>) maps to that field unless the map lists it, so no map
/// is needed for a sheet whose header already uses the field paths.
/// </para>
/// <para>
/// A column of the map that the header lacks leaves the fields it fills empty in every record, which
/// <see cref="FollowUpTableReader.MissingColumns"/> tells; a field another column of the header fills (an alias) or that
/// <see cref="OptionalFields"/> lists does not count, so a map can name a field the ways several CRMs do, and name columns
/// some exports leave out.
/// </para>
/// <para>
/// With <see cref="GroupBy"/>, the rows that share a value in that column (or field) make one record: each row adds its
/// communications, attachments, risks and needs changes, and the most recent row (by its communication time) decides every
/// other field.
/// </para>
/// </remarks>
public sealed class ColumnMap
{
    private const string MapResourcePrefix = "Maps.";

    private static readonly string[] Options = ["columns", "groupBy", "sheet", "optional", "description"];

    private static readonly JsonDocumentOptions DocumentOptions = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
    };

    private static readonly Lazy<IReadOnlyList<string>> BuiltIns = new(() =>
    [
        .. typeof(ColumnMap).Assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(MapResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Select(n => n[MapResourcePrefix.Length..^".json".Length])
            .Order(StringComparer.Ordinal),
    ]);

    private ColumnMap(
        IReadOnlyList<ColumnMapping> columns, IReadOnlyList<FieldPath> fields, string? groupBy, string? sheet, IReadOnlyList<string> optionalFields, string? description)
    {
        Columns = columns;
        Fields = fields;
        GroupBy = groupBy;
        Sheet = sheet;
        OptionalFields = optionalFields;
        Description = description;
    }

    /// <summary>Gets a map with no entries: only columns named like field paths (<c>customer.company</c>) are read.</summary>
    public static ColumnMap Empty { get; } = new([], [], null, null, [], null);

    /// <summary>Gets the names of the maps bundled with this package, for <see cref="GetBuiltIn"/>.</summary>
    /// <value>
    /// <c>followup-en</c> (an English follow-up sheet), <c>followup-zh</c> (a Chinese CRM's 跟进记录 export, one record per
    /// customer company) and <c>followup-zh-shop</c> (a shop's order follow-ups, one record per row, the order number its id).
    /// </value>
    public static IReadOnlyList<string> BuiltInNames => BuiltIns.Value;

    /// <summary>Gets the entries, in the order of the map.</summary>
    public IReadOnlyList<ColumnMapping> Columns { get; }

    /// <summary>Gets the column, or the record-level field path, whose equal values join rows into one record.</summary>
    /// <value><see langword="null"/> when every row is a record of its own.</value>
    public string? GroupBy { get; }

    /// <summary>Gets the worksheet an .xlsx file is read from.</summary>
    /// <value><see langword="null"/> for the first sheet that is not hidden.</value>
    public string? Sheet { get; }

    /// <summary>
    /// Gets the fields an export may lack: when no column of the header fills one, the map's columns for it are not
    /// <see cref="FollowUpTableReader.MissingColumns"/>. The bundled maps list every field but the customer (the order number in
    /// <c>followup-zh-shop</c>) and a follow-up's time and content, since they name the columns of many exports and no
    /// export has them all.
    /// </summary>
    /// <value>Field paths as the specification spells them (<c>customer.wechat</c>), in the map's order; empty when every column is expected.</value>
    public IReadOnlyList<string> OptionalFields { get; }

    /// <summary>Gets the map's description, free text for the people who maintain it.</summary>
    public string? Description { get; }

    /// <summary>Gets the parsed target of each entry of <see cref="Columns"/>, at the same position.</summary>
    internal IReadOnlyList<FieldPath> Fields { get; }

    /// <summary>Creates a map from code.</summary>
    /// <param name="columns">The entries; a column may appear more than once to fill several fields.</param>
    /// <param name="groupBy">The column, or record-level field path, that joins rows into one record; <see langword="null"/> for none.</param>
    /// <param name="sheet">The worksheet to read from an .xlsx file; <see langword="null"/> for the first.</param>
    /// <param name="optionalFields">The fields an export may lack (see <see cref="OptionalFields"/>); <see langword="null"/> for none.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="columns"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">
    /// An entry or optional field names no field of the record, or an entry is given twice; the message names it.
    /// </exception>
    public static ColumnMap Create(IEnumerable<ColumnMapping> columns, string? groupBy = null, string? sheet = null, IEnumerable<string>? optionalFields = null)
    {
        ArgumentNullException.ThrowIfNull(columns);
        return Build([.. columns], groupBy, sheet, [.. optionalFields ?? []], description: null, source: "column map");
    }

    /// <summary>Reads a map from its JSON text.</summary>
    /// <param name="json">
    /// An object with <c>columns</c> (source column → field path, or → an array of field paths) and optionally <c>groupBy</c>,
    /// <c>sheet</c>, <c>optional</c> (an array of field paths) and <c>description</c>. Comments and trailing commas are allowed.
    /// </param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="FormatException">The text is not such an object; the message names the offending entry or option.</exception>
    public static ColumnMap Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Parse(json, "column map");
    }

    /// <summary>Reads a map from a JSON file.</summary>
    /// <param name="path">The file, UTF-8.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="FormatException">The file is not a valid map; the message names the file and the offending entry.</exception>
    public static ColumnMap Load(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), $"column map '{path}'");
    }

    /// <summary>Gets a map bundled with this package.</summary>
    /// <param name="name">One of <see cref="BuiltInNames"/>, matched ignoring case.</param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">No bundled map has that name; the message lists the names.</exception>
    public static ColumnMap GetBuiltIn(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var match = BuiltInNames.FirstOrDefault(n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"No bundled column map is named '{name}'; the bundled maps are {string.Join(", ", BuiltInNames)}.", nameof(name));
        return Parse(ReadBuiltInText(match), $"bundled column map '{match}'");
    }

    /// <summary>Gets the map a user names, as a command's <c>--map</c> option takes it: a map file when one is there, else a bundled map.</summary>
    /// <param name="fileOrName">A path to a JSON map, or one of <see cref="BuiltInNames"/> (ignoring case).</param>
    /// <returns>The map.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fileOrName"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">It is neither a file nor a bundled map; the message lists the bundled names.</exception>
    /// <exception cref="IOException">The file cannot be read.</exception>
    /// <exception cref="UnauthorizedAccessException">The file may not be read.</exception>
    /// <exception cref="FormatException">The file is not a valid map; the message names the file and the offending entry.</exception>
    public static ColumnMap Resolve(string fileOrName)
    {
        ArgumentNullException.ThrowIfNull(fileOrName);
        if (File.Exists(fileOrName))
        {
            return Load(fileOrName);
        }

        var match = BuiltInNames.FirstOrDefault(n => string.Equals(n, fileOrName, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"'{fileOrName}' is neither a file nor a bundled map; the bundled maps are {string.Join(", ", BuiltInNames)}.");
        return Parse(ReadBuiltInText(match), $"bundled column map '{match}'");
    }

    /// <summary>Reads the JSON text of a bundled map, as shipped.</summary>
    internal static string ReadBuiltInText(string name)
    {
        using var stream = typeof(ColumnMap).Assembly.GetManifestResourceStream(MapResourcePrefix + name + ".json")
            ?? throw new ArgumentException($"No bundled column map is named '{name}'.", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private static ColumnMap Parse(string json, string source)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, DocumentOptions);
        }
        catch (JsonException exception)
        {
            throw new FormatException($"{source}: not valid JSON: {exception.Message}", exception);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"{source}: expected a JSON object with \"columns\", found {Describe(root.ValueKind)}.");
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            List<ColumnMapping>? columns = null;
            List<string> optional = [];
            string? groupBy = null, sheet = null, description = null;
            foreach (var option in root.EnumerateObject())
            {
                if (!seen.Add(option.Name))
                {
                    throw new FormatException($"{source}: option \"{option.Name}\" is given twice.");
                }

                switch (option.Name)
                {
                    case "columns":
                        columns = ReadColumns(option.Value, source);
                        break;
                    case "groupBy":
                        groupBy = ReadOptionalText(option, source);
                        break;
                    case "sheet":
                        sheet = ReadOptionalText(option, source);
                        break;
                    case "optional":
                        optional = ReadOptionalFields(option.Value, source);
                        break;
                    case "description":
                        description = ReadOptionalText(option, source);
                        break;
                    default:
                        var hint = Options.FirstOrDefault(o => string.Equals(o, option.Name, StringComparison.OrdinalIgnoreCase)) is { } near
                            ? $" (options are case-sensitive: did you mean \"{near}\"?)"
                            : "";
                        throw new FormatException(
                            $"{source}: unknown option \"{option.Name}\"{hint}; the options are {string.Join(", ", Options.Select(o => $"\"{o}\""))}.");
                }
            }

            if (columns is null)
            {
                throw new FormatException($"{source}: \"columns\" is missing: give an object of source column → field path.");
            }

            return Build(columns, groupBy, sheet, optional, description, source);
        }
    }

    private static List<ColumnMapping> ReadColumns(JsonElement element, string source)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"{source}: \"columns\" must be an object of source column → field path, found {Describe(element.ValueKind)}.");
        }

        var columns = new List<ColumnMapping>();
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var entry in element.EnumerateObject())
        {
            if (!names.Add(entry.Name.Trim()))
            {
                throw new FormatException($"{source}: columns.\"{entry.Name}\" is given twice; list every field of a column in one array.");
            }

            switch (entry.Value.ValueKind)
            {
                case JsonValueKind.String:
                    columns.Add(new ColumnMapping(entry.Name, entry.Value.GetString()!));
                    break;
                case JsonValueKind.Array when entry.Value.GetArrayLength() > 0:
                    foreach (var item in entry.Value.EnumerateArray())
                    {
                        if (item.ValueKind != JsonValueKind.String)
                        {
                            throw new FormatException($"{source}: columns.\"{entry.Name}\": every item must be a field path string, found {Describe(item.ValueKind)}.");
                        }

                        columns.Add(new ColumnMapping(entry.Name, item.GetString()!));
                    }

                    break;
                default:
                    throw new FormatException(
                        $"{source}: columns.\"{entry.Name}\" must be a field path string or a non-empty array of them, found {Describe(entry.Value.ValueKind)}.");
            }
        }

        return columns;
    }

    private static List<string> ReadOptionalFields(JsonElement element, string source)
    {
        if (element.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"{source}: \"optional\" must be an array of field paths, found {Describe(element.ValueKind)}.");
        }

        var fields = new List<string>();
        foreach (var item in element.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.String)
            {
                throw new FormatException($"{source}: \"optional\": every item must be a field path string, found {Describe(item.ValueKind)}.");
            }

            fields.Add(item.GetString()!);
        }

        return fields;
    }

    private static string? ReadOptionalText(JsonProperty option, string source) => option.Value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.String when !string.IsNullOrWhiteSpace(option.Value.GetString()) => option.Value.GetString()!.Trim(),
        JsonValueKind.String => throw new FormatException($"{source}: \"{option.Name}\" must be a non-empty string, found an empty one; leave it out instead."),
        _ => throw new FormatException($"{source}: \"{option.Name}\" must be a non-empty string, found {Describe(option.Value.ValueKind)}."),
    };

    private static ColumnMap Build(List<ColumnMapping> columns, string? groupBy, string? sheet, List<string> optional, string? description, string source)
    {
        var fields = new List<FieldPath>(columns.Count);
        var pairs = new HashSet<(string, string)>();
        foreach (var mapping in columns)
        {
            if (mapping is null || string.IsNullOrWhiteSpace(mapping.Column))
            {
                throw new FormatException($"{source}: an entry is null or has an empty column name.");
            }

            if (!FieldPath.TryParse(mapping.Field, out var field, out var error))
            {
                throw new FormatException($"{source}: columns.\"{mapping.Column}\" → \"{mapping.Field}\": {error}");
            }

            if (!pairs.Add((mapping.Column.Trim().ToUpperInvariant(), field.Text)))
            {
                throw new FormatException($"{source}: columns.\"{mapping.Column}\" maps to {field.Text} twice.");
            }

            fields.Add(field);
        }

        if (groupBy is not null && FieldPath.TryParse(groupBy, out var groupField, out _) && !groupField.IsRecordLevel)
        {
            throw new FormatException(
                $"{source}: \"groupBy\": {groupField.Text} belongs to one entry of a list; group by a column or by a field of the record itself, such as customer.company.");
        }

        // Spelled as the specification does, the way MissingColumns compares them with the fields the columns fill.
        var optionalFields = new List<string>(optional.Count);
        foreach (var path in optional)
        {
            if (!FieldPath.TryParse(path, out var field, out var error))
            {
                throw new FormatException($"{source}: \"optional\": \"{path}\": {error}");
            }

            if (!optionalFields.Contains(field.Text))
            {
                optionalFields.Add(field.Text);
            }
        }

        return new ColumnMap(columns.AsReadOnly(), fields.AsReadOnly(), groupBy?.Trim(), sheet?.Trim(), optionalFields.AsReadOnly(), description);
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "true or false",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };
}
