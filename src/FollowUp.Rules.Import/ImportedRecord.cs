using System.Diagnostics.CodeAnalysis;

namespace FollowUp.Rules.Import;

/// <summary>
/// One result of reading a table: a record, with the rows it was built from, or a row that could not be read, with the
/// reason and the column. Every data row of the table is in exactly one result, so the rows read always equal the sum of
/// <see cref="Rows"/> over the results.
/// </summary>
public sealed class ImportedRecord
{
    private ImportedRecord(IReadOnlyList<long> rows, FollowUpRecord? record, string? column, string? error)
    {
        Rows = rows;
        Record = record;
        Column = column;
        Error = error;
    }

    /// <summary>Gets the row number of the (first) row, as a spreadsheet numbers it: the header is row 1.</summary>
    public long Row => Rows[0];

    /// <summary>Gets the numbers of every row this result covers, in file order: one, unless rows were grouped into a record.</summary>
    public IReadOnlyList<long> Rows { get; }

    /// <summary>Gets the record, when the row or rows could be read.</summary>
    public FollowUpRecord? Record { get; }

    /// <summary>Gets a value indicating whether this result is a record, not an unreadable row.</summary>
    [MemberNotNullWhen(true, nameof(Record))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsRecord => Record is not null;

    /// <summary>Gets the column the problem is in: its header name, or its letter (such as <c>K</c>) when it has no header.</summary>
    /// <value><see langword="null"/> for a record, or when the problem is the row as a whole.</value>
    public string? Column { get; }

    /// <summary>Gets why the row could not be read, as one sentence.</summary>
    /// <value><see langword="null"/> for a record.</value>
    public string? Error { get; }

    /// <summary>Creates a result that is a record.</summary>
    internal static ImportedRecord Success(FollowUpRecord record, IReadOnlyList<long> rows) => new(rows, record, null, null);

    /// <summary>Creates a result that is an unreadable row.</summary>
    internal static ImportedRecord Failure(long row, string? column, string error) => new([row], null, column, error);

    /// <summary>Creates a result for rows that together could not make a record.</summary>
    internal static ImportedRecord Failure(IReadOnlyList<long> rows, string? column, string error) => new(rows, null, column, error);

    /// <summary>Returns the result as one line: the row and the record's id, or the row, column and reason.</summary>
    /// <returns>The line.</returns>
    public override string ToString() => IsRecord
        ? $"row {Row}{(Rows.Count > 1 ? $" (+{Rows.Count - 1} grouped)" : "")}: record {Record.Id}"
        : $"row {Row}{(Column is null ? "" : $", column {Column}")}: {Error}";
}
