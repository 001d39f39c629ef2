using System.Globalization;

namespace FollowUp.Rules.Import.Reading;

/// <summary>
/// The merged ranges of one worksheet, and the cells they cover filled as rows stream past: a merged range keeps its value
/// in its top-left cell only, the others are empty in the file, yet Excel shows the value across the whole range.
/// </summary>
/// <remarks>
/// MiniExcel's own <c>FillMergedCells</c> (1.46) is not used: it fills only the covered cells the file writes an element
/// for, which a writer may leave out; it holds one dictionary entry per covered cell (a merged column is a million); it
/// loops for ever on a one-cell range, throws on overlapping ones, and reads a sheet with an empty <c>mergeCells</c>
/// element as having no rows. Here a range is four numbers, whatever its size, and one Excel would not write is read or
/// skipped, never fatal.
/// </remarks>
internal sealed class MergedCells
{
    // By first row, so the ranges a row meets are found as rows come in order.
    private readonly CellRange[] _ranges;
    private readonly object?[] _values;
    private readonly List<int> _covering = [];

    // The last row each column is covered to by a range in _covering, so a range overlapping one is found in its own columns.
    private long[] _coveredTo = [];
    private int _next;

    /// <summary>Gets how many ranges cover the row last filled: at most one per column of the row.</summary>
    internal int CoveringCount => _covering.Count;

    /// <summary>Creates the filler of a sheet's merged ranges, as <see cref="SheetScan"/> read them.</summary>
    internal MergedCells(IEnumerable<CellRange> ranges)
    {
        _ranges = [.. ranges.OrderBy(r => r.FirstRow)];
        _values = new object?[_ranges.Length];
    }

    /// <summary>
    /// Writes each range's top-left value into the other cells it covers in a row. Rows must come in order, each once.
    /// </summary>
    /// <param name="row">The row's number, from 1.</param>
    /// <param name="cells">The row's cells; covered cells past its end are left out, as columns the sheet does not use.</param>
    /// <param name="headerRow">The header's row number once it is known: the cells under a header cell merged downwards
    /// are part of the header cell, not data, and stay empty.</param>
    /// <remarks>
    /// A row that is blank but for covered cells stays blank: a merged customer cell that runs past the group's last
    /// communication makes no extra row. A covered cell the file gives a value of its own keeps it (Excel empties covered
    /// cells, but a file written another way may not): data the file holds is never replaced, nor a row of it emptied.
    /// </remarks>
    public void Fill(long row, object?[] cells, long? headerRow)
    {
        for (var i = _covering.Count - 1; i >= 0; i--)
        {
            if (_ranges[_covering[i]].LastRow < row)
            {
                _covering.RemoveAt(i);
            }
        }

        // A range is taken as the row it starts in comes, within that row's columns: one past them covers nothing, and
        // one overlapping a range already taken is skipped (Excel writes neither), so a row meets at most one range per
        // column however many a damaged file lists.
        while (_next < _ranges.Length && _ranges[_next].FirstRow <= row)
        {
            if (Take(_next, row, cells.Length))
            {
                _covering.Add(_next);
            }

            _next++;
        }

        if (_covering.Count == 0 || new SourceRow(row, cells).IsBlank)
        {
            return;
        }

        foreach (var i in _covering)
        {
            var range = _ranges[i];
            if (range.FirstRow == row)
            {
                _values[i] = range.FirstColumn < cells.Length ? cells[range.FirstColumn] : null;
            }
            else if (headerRow is { } header && range.FirstRow <= header)
            {
                continue;
            }

            for (var column = range.FirstColumn; column <= range.LastColumn && column < cells.Length; column++)
            {
                if ((row != range.FirstRow || column != range.FirstColumn) && SourceRow.IsEmpty(cells[column]))
                {
                    cells[column] = _values[i];
                }
            }
        }
    }

    /// <summary>Whether a range that has reached <paramref name="row"/> is taken: it still covers rows from here, starts within
    /// the row's <paramref name="width"/>, and overlaps no range taken before it.</summary>
    private bool Take(int index, long row, int width)
    {
        var range = _ranges[index];
        var last = Math.Min(range.LastColumn, width - 1);
        if (range.LastRow < row || range.FirstColumn > last)
        {
            return false;
        }

        if (_coveredTo.Length <= last)
        {
            Array.Resize(ref _coveredTo, last + 1);
        }

        for (var column = range.FirstColumn; column <= last; column++)
        {
            if (_coveredTo[column] >= row)
            {
                return false;
            }
        }

        _coveredTo.AsSpan(range.FirstColumn, last - range.FirstColumn + 1).Fill(range.LastRow);
        return true;
    }

    /// <summary>Gets the merged range that covers a cell, as Excel writes it (<c>E1:F1</c>).</summary>
    /// <returns>The range, or <see langword="null"/> when the cell is not merged.</returns>
    public string? RangeAt(long row, int column)
    {
        foreach (var range in _ranges)
        {
            if (range.FirstRow <= row && row <= range.LastRow && range.FirstColumn <= column && column <= range.LastColumn)
            {
                return range.ToString();
            }
        }

        return null;
    }

    /// <summary>A merged range: zero-based columns, rows numbered from 1 as the spreadsheet shows them.</summary>
    internal readonly record struct CellRange(long FirstRow, int FirstColumn, long LastRow, int LastColumn)
    {
        /// <summary>Reads <c>A2:C4</c>, in either corner order; a single cell covers nothing and is not a range.</summary>
        public static bool TryParse(string? text, out CellRange range)
        {
            range = default;
            if (text?.Split(':') is not [var first, var last]
                || !TryCell(first, out var row1, out var column1) || !TryCell(last, out var row2, out var column2)
                || (row1 == row2 && column1 == column2))
            {
                return false;
            }

            range = new CellRange(Math.Min(row1, row2), Math.Min(column1, column2), Math.Max(row1, row2), Math.Max(column1, column2));
            return true;
        }

        public override string ToString() => string.Create(
            CultureInfo.InvariantCulture, $"{TableSource.ColumnLetter(FirstColumn)}{FirstRow}:{TableSource.ColumnLetter(LastColumn)}{LastRow}");

        private static bool TryCell(ReadOnlySpan<char> cell, out long row, out int column)
        {
            cell = cell.Trim().TrimStart('$');
            var letters = 0;
            while (letters < cell.Length && char.IsAsciiLetter(cell[letters]))
            {
                letters++;
            }

            column = TableSource.ColumnIndex(cell[..letters].ToString().ToUpperInvariant());
            var digits = cell[letters..].TrimStart('$');
            return long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out row) && row >= 1 && column >= 0 && letters is > 0 and <= 3;
        }
    }
}
