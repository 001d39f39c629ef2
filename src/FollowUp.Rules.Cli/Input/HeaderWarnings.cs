using FollowUp.Rules.Import;

namespace FollowUp.Rules.Cli.Input;

/// <summary>What the header of a table tells the user before any row is read.</summary>
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
    /// Says which of the header's columns no map entry reads look like fields the map reads but no column fills, so those
    /// fields are left empty in every record, or nothing. The map calls such fields optional, so <see cref="MissingColumns"/>
    /// says nothing of them, and an export's own name for one (客戶聯絡窗口 for the contact) would lose it without a word.
    /// Only columns that look like such a field are named, by the words in their names, so an export's many other columns
    /// stay quiet. One line for the input, before any row.
    /// </summary>
    public static string? LookalikeColumns(FollowUpTableReader table)
    {
        if (table.LookalikeColumns is not { Count: > 0 } lookalikes)
        {
            return null;
        }

        var named = lookalikes.Take(Listed).Select(c => $"'{PrintableText.Of(c.Column, Quoted)}' ({string.Join(", ", c.Fields)})");
        var more = lookalikes.Count > Listed ? $" and {lookalikes.Count - Listed} more" : "";
        var (columns, areNotRead, theyLook, theyHold) = lookalikes.Count == 1
            ? ("column", "is not read", "it looks", "it holds")
            : ("columns", "are not read", "they look", "they hold");
        return $"the header's {columns} {string.Join(", ", named)}{more} {areNotRead}, though {theyLook} like fields the map reads that no column "
            + $"fills, so those fields are left empty. If {theyHold} them, add the {columns} to the map under those fields.";
    }

    private static string List(IReadOnlyList<string> columns)
    {
        var listed = string.Join(", ", columns.Take(Listed).Select(c => $"'{PrintableText.Of(c, Quoted)}'"));
        return columns.Count > Listed ? $"{listed} and {columns.Count - Listed} more" : listed;
    }
}
