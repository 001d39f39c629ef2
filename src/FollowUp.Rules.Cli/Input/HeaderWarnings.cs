using System.Globalization;
using FollowUp.Rules.Import;

namespace FollowUp.Rules.Cli.Input;

/// <summary>What the header of a table tells the user before any row is read, and its unread columns once its rows are.</summary>
internal static class HeaderWarnings
{
    /// <summary>How many columns a list names before "and N more", so the warning stays one readable line.</summary>
    private const int Listed = 5;

    /// <summary>How many characters of a column name the warning quotes.</summary>
    private const int Quoted = 40;

    /// <summary>
    /// Says which of the map's columns the header lacks, so their fields are left empty in every record, or nothing. No row
    /// is unreadable for it, so without this line a renamed column (拜访内容 → 拜访纪要) would only show as collapsed grades.
    /// The header's columns no map entry reads are named beside them, as a renamed column is among them; on their own they
    /// are no warning, since exports carry many columns no map needs.
    /// </summary>
    public static string? MissingColumns(FollowUpTableReader table)
    {
        if (table.MissingColumns is not { Count: > 0 } missing)
        {
            return null;
        }

        var warning = missing.Count == 1
            ? $"the map's column {List(missing)} is not in the header, so the fields it fills are left empty"
            : $"the map's columns {List(missing)} are not in the header, so the fields they fill are left empty";
        var unread = table.IgnoredColumns.Count == 0 ? "" : $"; the header's columns no map entry reads: {List(table.IgnoredColumns)}";
        return $"{warning}{unread}. Give the map the header's names, or list the fields an export may lack under \"optional\".";
    }

    /// <summary>
    /// Says which of the table's columns no map entry reads held values in rows read into records, so those values are in
    /// no record, or nothing: a column the map does not know (项目里程碑) was otherwise dropped without a word. A column
    /// whose name looks like a field the map reads and no column fills (客戶聯絡窗口 for the contact, when the map calls
    /// it optional) is named with that field, as it most likely holds it. One line for the input, once it is read, since
    /// only its rows tell which columns hold anything; it says how to keep such a column.
    /// </summary>
    public static string? UnreadColumns(FollowUpTableReader table)
    {
        if (table.UnreadColumns is not { Count: > 0 } unread)
        {
            return null;
        }

        var named = unread.Take(Listed).Select(c =>
            $"'{PrintableText.Of(c.Column, Quoted)}' ({Rows(c.Rows)} from row {c.FirstRow.ToString(CultureInfo.InvariantCulture)}"
            + (c.LooksLike.Count == 0 ? ")" : $"; looks like {string.Join(", ", c.LooksLike)}, which no column fills)"));
        var more = unread.Count > Listed ? $" and {unread.Count - Listed} more" : "";
        var (columns, holdValues) = unread.Count == 1 ? ("column", "holds values") : ("columns", "hold values");
        var example = unread.FirstOrDefault(c => c.LooksLike.Count == 0) ?? unread[0];
        var name = PrintableText.Of(example.Column, Quoted);
        return $"the {columns} {string.Join(", ", named)}{more} {holdValues} no map entry reads, so those values are in no record. "
            + $"To keep a column, add it to the map under the field it holds, or as custom.<name> (\"{name}\": \"custom.{name}\"), which carries it into the record as written.";
    }

    private static string Rows(long rows) => rows == 1 ? "1 row" : $"{rows.ToString("N0", CultureInfo.InvariantCulture)} rows";

    private static string List(IReadOnlyList<string> columns)
    {
        var listed = string.Join(", ", columns.Take(Listed).Select(c => $"'{PrintableText.Of(c, Quoted)}'"));
        return columns.Count > Listed ? $"{listed} and {columns.Count - Listed} more" : listed;
    }
}
