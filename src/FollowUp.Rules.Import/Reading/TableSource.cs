namespace FollowUp.Rules.Import.Reading;

/// <summary>One physical row of a table: its number (header = 1), its cells, and a problem the format itself found.</summary>
/// <param name="Number">The row number as a spreadsheet shows it, from 1.</param>
/// <param name="Cells">The cells: <see cref="string"/> from CSV; <see cref="string"/>, <see cref="double"/>, <see cref="DateTime"/> or <see cref="bool"/> from .xlsx; <see langword="null"/> for empty.</param>
/// <param name="Problem">Why the row cannot be read, when the format says so (an unclosed quote, cells past the header).</param>
/// <param name="ProblemColumn">The zero-based column of <paramref name="Problem"/>, when it is in one.</param>
internal readonly record struct SourceRow(long Number, object?[] Cells, string? Problem = null, int? ProblemColumn = null)
{
    /// <summary>Gets whether every cell is empty or white space.</summary>
    public bool IsBlank => Problem is null && Cells.All(IsEmpty);

    /// <summary>Whether a cell is empty: no value, or only white space.</summary>
    public static bool IsEmpty(object? cell) => cell is null || (cell is string text && string.IsNullOrWhiteSpace(text));

    /// <summary>
    /// Gets how many leading cells of a row with a <see cref="Problem"/> stand in their own columns: all of them (the
    /// default) for a row of the wrong width, whose shift the format cannot locate; those before the quote that never
    /// closed for an unclosed quote. Cells at or past it are not known; cells past the end of a row without a problem are empty.
    /// </summary>
    public int CellsInPlace { get; init; } = int.MaxValue;

    /// <summary>
    /// Gets the later data rows (blank ones left out) that this row's problem swallowed: the rows an unclosed quote took as
    /// its text. Each keeps its number and, of its cells, only those of <see cref="TableSource.KeyColumns"/>.
    /// </summary>
    public IReadOnlyList<SourceRow> Swallowed { get; init; } = [];
}

/// <summary>Reads the physical rows of one table format, one at a time.</summary>
internal abstract class TableSource : IDisposable
{
    /// <summary>Gets the number of cells in the header, once it has been read; formats that check row widths use it.</summary>
    public int? HeaderWidth { get; set; }

    /// <summary>Gets the number of the header row, once it has been read.</summary>
    public long? HeaderRow { get; set; }

    /// <summary>
    /// Gets or sets the zero-based columns that give a row its group and its id: a row swallowed by another row's problem
    /// keeps only these cells, so its record is known without holding the rest of its text. Empty when rows are not grouped.
    /// </summary>
    public IReadOnlyList<int> KeyColumns { get; set; } = [];

    /// <summary>
    /// Gets whether the table's serial day numbers count from 1904-01-01 rather than from 1900 (an .xlsx workbook saved
    /// that way); the date cells it reads are already right, but a bare number in a date field is such a serial.
    /// </summary>
    public virtual bool Date1904 => false;

    /// <summary>Gets whether reading stopped at a row it could not get past (the rest of the table is not read).</summary>
    public virtual bool StoppedReading => false;

    /// <summary>Gets the merged range that covers a cell, as the spreadsheet writes it (<c>E1:F1</c>).</summary>
    /// <returns>The range; <see langword="null"/> when the cell is not merged, or the format has no merged cells.</returns>
    public virtual string? MergedRange(long row, int column) => null;

    /// <summary>Reads the next row.</summary>
    /// <returns><see langword="false"/> at the end of the table.</returns>
    public abstract bool TryRead(out SourceRow row);

    /// <inheritdoc />
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the source's reader and, unless told to leave it open, its stream.</summary>
    protected abstract void Dispose(bool disposing);

    /// <summary>Gets a column's letter as a spreadsheet shows it: 0 → A, 25 → Z, 26 → AA.</summary>
    public static string ColumnLetter(int index)
    {
        var letters = new System.Text.StringBuilder();
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            letters.Insert(0, (char)('A' + ((n - 1) % 26)));
        }

        return letters.ToString();
    }

    /// <summary>Gets a column's zero-based index from its letters: A → 0, AA → 26; -1 when the text is not column letters.</summary>
    public static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var c in letters)
        {
            if (c is < 'A' or > 'Z')
            {
                return -1;
            }

            index = (index * 26) + (c - 'A' + 1);
        }

        return index - 1;
    }
}
