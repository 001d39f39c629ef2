using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FollowUp.Rules.Import;

/// <summary>
/// One result of reading a table: a record, with the rows it was built from, or a row that could not be read, with the
/// reason and the column, or a summary row (<see cref="IsSummaryRow"/>), which is no record. Every data row of the table is in exactly one result, so the rows read always equal the sum of
/// <see cref="Rows"/> over the results.
/// </summary>
/// <remarks>
/// When the map groups rows (<see cref="ColumnMap.GroupBy"/>), a row that cannot be read is still its own result, but when
/// its group cell can be read it carries its <see cref="GroupKey"/>, and the record of that group lists it in
/// <see cref="UnreadableRows"/>: such a record was built without it, so it is incomplete. Check
/// <see cref="UnreadableRows"/> before accepting a grouped record, and <see cref="Warnings"/> before loading any record by
/// its id.
/// </remarks>
public sealed class ImportedRecord
{
    private ImportedRecord(
        IReadOnlyList<long> rows,
        FollowUpRecord? record,
        string? column,
        string? error,
        string? groupKey,
        IReadOnlyList<long> unreadableRows,
        IReadOnlyList<ImportWarning> warnings,
        bool isSummaryRow = false)
    {
        IsSummaryRow = isSummaryRow;
        Rows = rows;
        Record = record;
        Column = column;
        Error = error;
        GroupKey = groupKey;
        UnreadableRows = unreadableRows;
        Warnings = warnings;
    }

    /// <summary>Gets the row number of the (first) row, as a spreadsheet numbers it: the header is row 1.</summary>
    public long Row => Rows[0];

    /// <summary>Gets the numbers of every row this result covers, in file order: one, unless rows were grouped into a record.</summary>
    /// <remarks>
    /// A failure can cover several rows too: the rows of a group whose merged record cannot be read, or the rows a quote
    /// that never closes swallowed. Such a quote runs to the end of the file; the rows it covers are the row it opens in and
    /// the rows the later lines hold when read as if the quote had closed at the end of its first line. Which quote was
    /// meant to close where cannot be known (a quoted cell may hold line breaks), so <see cref="Error"/> names the lines.
    /// </remarks>
    public IReadOnlyList<long> Rows { get; }

    /// <summary>Gets the record, when the row or rows could be read.</summary>
    public FollowUpRecord? Record { get; }

    /// <summary>Gets a value indicating whether this result is a record, not an unreadable row.</summary>
    [MemberNotNullWhen(true, nameof(Record))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsRecord => Record is not null;

    /// <summary>
    /// Gets whether the row is a summary row added under or between the follow-ups (合计, 总计, 小计, Total, Subtotal in its
    /// first cell or its group or id cell, each other cell a number or empty): no record, and no data lost by leaving it
    /// out. <see cref="Error"/> says so, naming the word and its <see cref="Column"/>, so a host that knows only records
    /// and unreadable rows reports it as unreadable; a host that knows it skips it with a warning, as the <c>followup</c>
    /// tool does, and need not fail the upload for it.
    /// </summary>
    public bool IsSummaryRow { get; }

    /// <summary>Gets the column the problem is in: its header name, or its letter (such as <c>K</c>) when it has no header.</summary>
    /// <value><see langword="null"/> for a record, or when the problem is the row as a whole.</value>
    public string? Column { get; }

    /// <summary>Gets why the row could not be read, as one sentence.</summary>
    /// <value><see langword="null"/> for a record.</value>
    public string? Error { get; }

    /// <summary>
    /// Gets the group key that joins rows into one record (the value of the map's <see cref="ColumnMap.GroupBy"/> column or
    /// field, trimmed), so a row that could not be read can be matched to the record of its group.
    /// </summary>
    /// <value>
    /// For a grouped record (or a group whose merged rows make no record), the group's key, as its first row has it (a key
    /// whose rows hold different ids makes a record per id, each with the key as its own first row has it). For a
    /// row that could not be read, its group cell's value when that cell can be read: not empty, no spreadsheet error, and
    /// before the quote that never closed. A row of the wrong width is read as if its cells stood in their columns up to
    /// the shift the reader cannot locate, usually after a customer column, which CRM exports put first. Keys are matched
    /// ignoring case, full-width forms and white space (ＡＢＣ科技 is ABC科技), not Traditional against Simplified characters
    /// (宏圖 is not 宏图: 乾坤 and 干坤 are different names in Simplified too). <see langword="null"/> when the map does not group rows, or the group cell cannot be read.
    /// </value>
    public string? GroupKey { get; }

    /// <summary>
    /// Gets the rows that could not be read but belong to this record's group by their <see cref="GroupKey"/> (and, when the
    /// group's rows hold several ids, by their id, or to each of its records when their id cannot be read): the record
    /// was built without them, so it is incomplete. They are not in <see cref="Rows"/>; each is in the
    /// <see cref="Rows"/> of a failure result, its own or that of the unclosed quote that swallowed it.
    /// </summary>
    /// <value>The row numbers in ascending order; empty when none, and for every result that is not a group's.</value>
    public IReadOnlyList<long> UnreadableRows { get; }

    /// <summary>
    /// Gets what a host loading the record should know though the record is whole: an id an earlier record of the table
    /// has too (<see cref="ImportWarningCodes.IdRepeated"/>), a group whose rows held several ids, so that each id made
    /// its own record (<see cref="ImportWarningCodes.GroupSplitById"/>), or cells it was read from that hold private-use
    /// characters, most likely characters the file's encoding lacks (<see cref="ImportWarningCodes.PrivateUseCharacters"/>).
    /// </summary>
    /// <value>Empty when none, and for a result that is not a record.</value>
    public IReadOnlyList<ImportWarning> Warnings { get; }

    /// <summary>Creates a result that is a record.</summary>
    internal static ImportedRecord Success(
        FollowUpRecord record, IReadOnlyList<long> rows, string? groupKey = null, IReadOnlyList<long>? unreadableRows = null, IReadOnlyList<ImportWarning>? warnings = null) =>
        new(rows, record, null, null, groupKey, unreadableRows ?? [], warnings ?? []);

    /// <summary>Creates a result for rows that could not be read: one row, or the rows its problem swallowed with it.</summary>
    internal static ImportedRecord Failure(IReadOnlyList<long> rows, string? column, string error, string? groupKey = null, IReadOnlyList<long>? unreadableRows = null) =>
        new(rows, null, column, error, groupKey, unreadableRows ?? [], []);

    /// <summary>Creates the result of a summary row (合计): no record, with why it is none.</summary>
    internal static ImportedRecord Summary(long row, string? column, string reason) =>
        new([row], null, column, reason, null, [], [], isSummaryRow: true);

    /// <summary>Gets this result with one more warning.</summary>
    internal ImportedRecord With(ImportWarning warning) =>
        new(Rows, Record, Column, Error, GroupKey, UnreadableRows, [.. Warnings, warning]);

    /// <summary>
    /// Returns the result as one line: the row and the record's id, or the row, column and reason; the unreadable rows of its
    /// group; and the codes of its warnings.
    /// </summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        var head = string.Create(
            CultureInfo.InvariantCulture,
            $"row {Row}{(Rows.Count > 1 ? $" (+{Rows.Count - 1} {(IsRecord ? "grouped" : "more")})" : "")}");
        var without = UnreadableRows.Count == 0
            ? ""
            : $", incomplete without unreadable row{(UnreadableRows.Count == 1 ? "" : "s")} {string.Join(", ", UnreadableRows.Select(r => r.ToString(CultureInfo.InvariantCulture)))}";
        var warned = Warnings.Count == 0 ? "" : $"; {string.Join(", ", Warnings.Select(w => w.Code))}";
        return IsRecord
            ? $"{head}: record {Record.Id}{without}{warned}"
            : $"{head}{(Column is null ? "" : $", column {Column}")}: {Error}{without}";
    }
}
