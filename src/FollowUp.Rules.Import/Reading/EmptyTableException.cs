namespace FollowUp.Rules.Import.Reading;

/// <summary>
/// The table holds no header row: no text, only blank lines or a byte order mark, or a worksheet without rows. Thrown as the
/// <see cref="FormatException"/> that <see cref="FollowUpTableReader.Open"/> documents, and told apart by the tool, which
/// reads such a table as one of no rows.
/// </summary>
/// <param name="sheet">The worksheet that is empty, for an .xlsx workbook.</param>
internal sealed class EmptyTableException(string? sheet) : FormatException("the table is empty: it has no header row.")
{
    /// <summary>Gets the worksheet that is empty; <see langword="null"/> for CSV and TSV.</summary>
    public string? Sheet { get; } = sheet;
}
