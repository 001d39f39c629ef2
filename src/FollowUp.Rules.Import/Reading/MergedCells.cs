using System.Globalization;
using System.IO.Compression;
using System.Xml;

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
    /// <summary>The last row of an Excel worksheet.</summary>
    private const long LastRow = 1_048_576;

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    // By first row, so the ranges a row meets are found as rows come in order.
    private readonly CellRange[] _ranges;
    private readonly object?[] _values;
    private readonly List<int> _covering = [];

    // The last row each column is covered to by a range in _covering, so a range overlapping one is found in its own columns.
    private long[] _coveredTo = [];
    private int _next;

    /// <summary>Gets how many ranges cover the row last filled: at most one per column of the row.</summary>
    internal int CoveringCount => _covering.Count;

    private MergedCells(CellRange[] ranges, string? sheetTarget, bool hasSheetPart, string? rowNumberProblem, long? damagedRow)
    {
        _ranges = ranges;
        _values = new object?[ranges.Length];
        SheetTarget = sheetTarget;
        HasSheetPart = hasSheetPart;
        RowNumberProblem = rowNumberProblem;
        DamagedRow = damagedRow;
    }

    /// <summary>Gets the row in which the sheet's XML breaks off or goes wrong, when it does; for error messages.</summary>
    public long? DamagedRow { get; }

    /// <summary>Gets where the workbook's relationships say the sheet's part is, as written there; for error messages.</summary>
    public string? SheetTarget { get; }

    /// <summary>Gets whether the workbook holds the part <see cref="SheetTarget"/> names; for error messages.</summary>
    public bool HasSheetPart { get; }

    /// <summary>
    /// Gets the first row number of the sheet that MiniExcel cannot follow, said for an error message, or
    /// <see langword="null"/>. Read in the same pass as the ranges: MiniExcel drops a row numbered 0 or less, misplaces the
    /// cells of one numbered in letters, and fills every row up to a number past Excel's last one (r="2000000000" would take
    /// hours), all without a word.
    /// </summary>
    public string? RowNumberProblem { get; }

    /// <summary>
    /// Reads the merged ranges of a worksheet from the <c>mergeCells</c> element after its rows, and checks the rows' numbers
    /// (one pass over the sheet's XML, the cells skipped), then puts the stream back where it was.
    /// </summary>
    /// <remarks>
    /// A part the workbook lacks or that is damaged gives the ranges read before it: MiniExcel reports the damage when it
    /// reaches it, and the rows before it stand.
    /// </remarks>
    public static MergedCells Read(Stream stream, string sheet)
    {
        var start = stream.Position;
        var ranges = new List<CellRange>();
        string? target = null;
        string? rowNumberProblem = null;
        var hasSheetPart = false;
        long? damagedRow = null;
        long lastRow = 0;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (SheetPart(zip, sheet, out target) is { } part)
            {
                hasSheetPart = true;
                rowNumberProblem = ReadSheet(part, ranges, ref lastRow);
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or XmlException)
        {
            // Keep what was read; see the remarks.
            damagedRow = exception is XmlException && lastRow > 0 ? lastRow : null;
        }

        stream.Position = start;
        return new MergedCells([.. ranges.OrderBy(r => r.FirstRow)], target, hasSheetPart, rowNumberProblem, damagedRow);
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

    /// <summary>Finds a sheet's part by its name: workbook.xml gives the relationship, its .rels file the part's path.</summary>
    private static ZipArchiveEntry? SheetPart(ZipArchive zip, string sheet, out string? target)
    {
        target = null;
        string? relationship = null;
        using (var workbook = Open(zip, "xl/workbook.xml"))
        {
            if (workbook?.MoveToContent() == XmlNodeType.Element)
            {
                var ns = workbook.NamespaceURI;
                while (relationship is null && workbook.ReadToFollowing("sheet", ns))
                {
                    relationship = workbook.GetAttribute("name") == sheet ? RelationshipId(workbook) : null;
                }
            }
        }

        if (relationship is null)
        {
            return null;
        }

        using var relationships = Open(zip, "xl/_rels/workbook.xml.rels");
        while (relationships?.Read() == true)
        {
            if (relationships.NodeType == XmlNodeType.Element && relationships.LocalName == "Relationship"
                && relationships.GetAttribute("Id") == relationship && relationships.GetAttribute("Target") is { } written)
            {
                target = written;
                return Entry(zip, PartName(written));
            }
        }

        return null;
    }

    /// <summary>The part a workbook relationship's target names: relative to xl/, or from the package root after a slash.</summary>
    private static string PartName(string target)
    {
        var segments = new List<string>();
        foreach (var segment in (target.StartsWith('/') ? target : "xl/" + target).Split('/'))
        {
            if (segment == ".." && segments.Count > 0 && segments[^1] != "..")
            {
                segments.RemoveAt(segments.Count - 1);
            }
            else if (segment is not ("" or "."))
            {
                // A ".." above the package root stays, so the name is one the workbook does not hold.
                segments.Add(segment);
            }
        }

        return string.Join('/', segments);
    }

    /// <summary>Gets a sheet element's <c>r:id</c>, in whichever relationships namespace the workbook uses.</summary>
    private static string? RelationshipId(XmlReader sheet)
    {
        while (sheet.MoveToNextAttribute())
        {
            if (sheet.LocalName == "id" && sheet.NamespaceURI.EndsWith("/relationships", StringComparison.Ordinal))
            {
                return sheet.Value;
            }
        }

        return null;
    }

    /// <summary>Adds the sheet's merged ranges to <paramref name="ranges"/>; returns its first row number problem, if any.</summary>
    private static string? ReadSheet(ZipArchiveEntry part, List<CellRange> ranges, ref long lastRow)
    {
        using var reader = XmlReader.Create(part.Open(), Settings);
        reader.MoveToContent();
        var ns = reader.NamespaceURI;
        string? rowNumberProblem = null;
        while (!reader.EOF)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.NamespaceURI != ns)
            {
                reader.Read();
            }
            else if (reader.LocalName == "sheetData")
            {
                rowNumberProblem ??= CheckRowNumbers(reader, ns, ref lastRow);
            }
            else
            {
                if (reader.LocalName == "mergeCell" && CellRange.TryParse(reader.GetAttribute("ref"), out var range))
                {
                    ranges.Add(range);
                }

                reader.Read();
            }
        }

        return rowNumberProblem;
    }

    /// <summary>
    /// Reads the <c>row</c> elements of <c>sheetData</c>, their cells skipped, and leaves the reader past it. A row's number
    /// (<c>r</c>, optional: one without it follows the row before) must be a row of a worksheet and come after the row before.
    /// <paramref name="lastRow"/> is the row being read, so a row whose XML is damaged can be named.
    /// </summary>
    private static string? CheckRowNumbers(XmlReader reader, string ns, ref long lastRow)
    {
        if (reader.IsEmptyElement)
        {
            reader.Read();
            return null;
        }

        string? problem = null;
        var depth = reader.Depth;
        var element = 0;
        reader.Read();
        while (!reader.EOF && reader.Depth > depth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "row" || reader.NamespaceURI != ns)
            {
                reader.Read();
                continue;
            }

            element++;
            problem ??= CheckRowNumber(reader.GetAttribute("r"), element, ref lastRow);
            reader.Skip();
        }

        reader.Read();
        return problem;
    }

    private static string? CheckRowNumber(string? written, int element, ref long previous)
    {
        if (written is null)
        {
            previous++;
            return null;
        }

        if (!long.TryParse(written, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || number is < 1 or > LastRow)
        {
            return $"its row element {element} is numbered r=\"{written}\", which is no row of a worksheet (1 to 1,048,576)";
        }

        if (number <= previous)
        {
            return $"its row {number} comes after row {previous}, out of order";
        }

        previous = number;
        return null;
    }

    private static XmlReader? Open(ZipArchive zip, string path) =>
        Entry(zip, path) is { } entry ? XmlReader.Create(entry.Open(), Settings) : null;

    // Some writers store part names with a leading slash.
    private static ZipArchiveEntry? Entry(ZipArchive zip, string path) => zip.GetEntry(path) ?? zip.GetEntry("/" + path);

    /// <summary>A merged range: zero-based columns, rows numbered from 1 as the spreadsheet shows them.</summary>
    private readonly record struct CellRange(long FirstRow, int FirstColumn, long LastRow, int LastColumn)
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
