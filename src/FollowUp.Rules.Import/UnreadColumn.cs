using System.Globalization;

namespace FollowUp.Rules.Import;

/// <summary>
/// A column of the table no map entry reads that holds values in rows read into records, so those values are in no
/// record: see <see cref="FollowUpTableReader.UnreadColumns"/>.
/// </summary>
public sealed class UnreadColumn
{
    internal UnreadColumn(string column, long rows, long firstRow, IReadOnlyList<string> looksLike)
    {
        Column = column;
        Rows = rows;
        FirstRow = firstRow;
        LooksLike = looksLike;
    }

    /// <summary>Gets the column's name, as the header has it, or its letter (such as <c>K</c>) when it has no name.</summary>
    public string Column { get; }

    /// <summary>Gets how many rows read into records hold a value in the column.</summary>
    public long Rows { get; }

    /// <summary>Gets the number of the first such row, as a spreadsheet numbers it (the header is row 1).</summary>
    public long FirstRow { get; }

    /// <summary>
    /// Gets the fields the column's name looks like that the map reads but no column fills, as in
    /// <see cref="FollowUpTableReader.LookalikeColumns"/>: the column most likely holds them.
    /// </summary>
    /// <value>Empty when the name looks like no such field (備註, 商机金额).</value>
    public IReadOnlyList<string> LooksLike { get; }

    /// <summary>Returns the column, its rows and the fields it looks like.</summary>
    /// <returns><c>Column (N rows from row R; looks like field, field)</c>.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Column} ({Rows} row{(Rows == 1 ? "" : "s")} from row {FirstRow}")
        + (LooksLike.Count == 0 ? ")" : $"; looks like {string.Join(", ", LooksLike)})");
}
