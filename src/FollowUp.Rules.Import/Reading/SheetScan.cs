using System.Globalization;
using System.IO.Compression;
using System.Xml;

namespace FollowUp.Rules.Import.Reading;

/// <summary>
/// One pass over a worksheet's XML before MiniExcel reads it, for what MiniExcel does not do: the merged ranges, row
/// numbers it cannot follow, cells it would read as empty without a word, and where the XML is damaged. The pass reads
/// elements and attributes only, never cell text.
/// </summary>
internal sealed class SheetScan
{
    /// <summary>The last row of an Excel worksheet.</summary>
    private const long LastRow = 1_048_576;

    /// <summary>How a part of the workbook is read: no DTD, nothing resolved, and the part's stream closed with its reader.</summary>
    internal static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreWhitespace = true,
        CloseInput = true,
    };

    // Rows with cells MiniExcel would read as empty: by row, the columns and why.
    private readonly Dictionary<long, List<(int Column, string Reason)>> _unreadableCells;

    private SheetScan(
        MergedCells merged, string? sheetTarget, bool hasSheetPart, string? rowNumberProblem, long? damagedRow,
        Dictionary<long, List<(int Column, string Reason)>> unreadableCells)
    {
        Merged = merged;
        SheetTarget = sheetTarget;
        HasSheetPart = hasSheetPart;
        RowNumberProblem = rowNumberProblem;
        DamagedRow = damagedRow;
        _unreadableCells = unreadableCells;
    }

    /// <summary>Gets the sheet's merged ranges.</summary>
    public MergedCells Merged { get; }

    /// <summary>Gets where the workbook's relationships say the sheet's part is, as written there; for error messages.</summary>
    public string? SheetTarget { get; }

    /// <summary>Gets whether the workbook holds the part <see cref="SheetTarget"/> names; for error messages.</summary>
    public bool HasSheetPart { get; }

    /// <summary>
    /// Gets the first row number of the sheet that MiniExcel cannot follow, said for an error message, or
    /// <see langword="null"/>: MiniExcel drops a row numbered 0 or less, misplaces the cells of one numbered in letters, and
    /// fills every row up to a number past Excel's last one (r="2000000000" would take hours), all without a word.
    /// </summary>
    public string? RowNumberProblem { get; }

    /// <summary>Gets the row in which the sheet's XML breaks off or goes wrong, when it does; for error messages.</summary>
    public long? DamagedRow { get; }

    /// <summary>
    /// Reads a worksheet's XML once (its cells' text skipped), then puts the stream back where it was.
    /// </summary>
    /// <remarks>
    /// A part the workbook lacks or that is damaged gives what was read before it: MiniExcel reports the damage when it
    /// reaches it, and the rows before it stand.
    /// </remarks>
    public static SheetScan Read(Stream stream, string sheet)
    {
        var start = stream.Position;
        var ranges = new List<MergedCells.CellRange>();
        var unreadable = new Dictionary<long, List<(int, string)>>();
        string? target = null;
        string? rowNumberProblem = null;
        var hasSheetPart = false;
        long? damagedRow = null;
        long lastRow = 0;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            if (SheetPart(zip, sheet, out target, out var sharedStrings) is { } part)
            {
                hasSheetPart = true;
                rowNumberProblem = ReadSheet(part, new SharedStringCount(sharedStrings), ranges, unreadable, ref lastRow);
            }
        }
        catch (Exception exception) when (exception is InvalidDataException or IOException or XmlException)
        {
            // Keep what was read; see the remarks.
            damagedRow = exception is XmlException && lastRow > 0 ? lastRow : null;
        }

        stream.Position = start;
        return new SheetScan(new MergedCells(ranges), target, hasSheetPart, rowNumberProblem, damagedRow, unreadable);
    }

    /// <summary>
    /// Puts an <see cref="UnreadableCell"/> in each cell of a row that MiniExcel read as empty but the file does not leave
    /// empty, so the row is reported instead of read without that value.
    /// </summary>
    /// <returns>The row's cells, longer when such a cell lies past the last one MiniExcel gave.</returns>
    public object?[] MarkUnreadableCells(long row, object?[] cells)
    {
        if (!_unreadableCells.TryGetValue(row, out var found))
        {
            return cells;
        }

        var width = Math.Max(cells.Length, found.Max(cell => cell.Column) + 1);
        var marked = width == cells.Length ? cells : [.. cells, .. new object?[width - cells.Length]];
        foreach (var (column, reason) in found)
        {
            marked[column] = new UnreadableCell(reason);
        }

        return marked;
    }

    /// <summary>
    /// Finds a sheet's part by its name, and the workbook's shared strings: workbook.xml gives the sheet's relationship, its
    /// .rels file the parts' paths.
    /// </summary>
    private static ZipArchiveEntry? SheetPart(ZipArchive zip, string sheet, out string? target, out ZipArchiveEntry? sharedStrings)
    {
        target = null;
        sharedStrings = null;
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

        ZipArchiveEntry? part = null;
        using var relationships = Open(zip, "xl/_rels/workbook.xml.rels");
        while (relationships?.Read() == true)
        {
            if (relationships.NodeType != XmlNodeType.Element || relationships.LocalName != "Relationship"
                || relationships.GetAttribute("Target") is not { } written)
            {
                continue;
            }

            if (relationship is not null && relationships.GetAttribute("Id") == relationship)
            {
                target = written;
                part = Entry(zip, PartName(written));
            }
            else if (relationships.GetAttribute("Type")?.EndsWith("/sharedStrings", StringComparison.Ordinal) == true)
            {
                sharedStrings = Entry(zip, PartName(written));
            }
        }

        // MiniExcel reads xl/sharedStrings.xml even when no relationship names it.
        sharedStrings ??= Entry(zip, "xl/sharedStrings.xml");
        return part;
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

    /// <summary>
    /// Adds the sheet's merged ranges and unreadable cells; returns its first row number problem, if any.
    /// </summary>
    private static string? ReadSheet(
        ZipArchiveEntry part, SharedStringCount sharedStrings, List<MergedCells.CellRange> ranges,
        Dictionary<long, List<(int, string)>> unreadable, ref long lastRow)
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
                rowNumberProblem ??= ReadRows(reader, ns, sharedStrings, unreadable, ref lastRow);
            }
            else
            {
                if (reader.LocalName == "mergeCell" && MergedCells.CellRange.TryParse(reader.GetAttribute("ref"), out var range))
                {
                    ranges.Add(range);
                }

                reader.Read();
            }
        }

        return rowNumberProblem;
    }

    /// <summary>
    /// Reads the <c>row</c> elements of <c>sheetData</c> and leaves the reader past it. A row's number (<c>r</c>, optional:
    /// one without it follows the row before) must be a row of a worksheet and come after the row before.
    /// <paramref name="lastRow"/> is the row being read, so a row whose XML is damaged can be named.
    /// </summary>
    private static string? ReadRows(
        XmlReader reader, string ns, SharedStringCount sharedStrings, Dictionary<long, List<(int, string)>> unreadable, ref long lastRow)
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
            if (problem is null && !reader.IsEmptyElement)
            {
                ReadCells(reader, ns, lastRow, sharedStrings, unreadable);
            }
            else
            {
                reader.Skip();
            }
        }

        reader.Read();
        return problem;
    }

    /// <summary>
    /// Reads the cells of one row, leaving the reader past it, and notes each MiniExcel would read as empty: a shared string
    /// the workbook does not hold, inline text with no text element, and a formula whose result was never saved.
    /// </summary>
    private static void ReadCells(XmlReader reader, string ns, long row, SharedStringCount sharedStrings, Dictionary<long, List<(int, string)>> unreadable)
    {
        var rowDepth = reader.Depth;
        var column = -1;
        reader.Read();
        while (!reader.EOF && reader.Depth > rowDepth)
        {
            if (reader.NodeType != XmlNodeType.Element || reader.LocalName != "c" || reader.NamespaceURI != ns)
            {
                reader.Read();
                continue;
            }

            column = reader.GetAttribute("r") is { } reference ? ColumnOf(reference) : column + 1;
            var type = reader.GetAttribute("t");
            if (reader.IsEmptyElement || column < 0)
            {
                reader.Skip();
                continue;
            }

            if (CellProblem(reader, ns, type, sharedStrings) is { } reason)
            {
                if (!unreadable.TryGetValue(row, out var cells))
                {
                    unreadable[row] = cells = [];
                }

                cells.Add((column, reason));
            }
        }

        reader.Read();
    }

    /// <summary>Reads one cell, leaving the reader past it; says why MiniExcel would read it as empty, or nothing.</summary>
    private static string? CellProblem(XmlReader reader, string ns, string? type, SharedStringCount sharedStrings)
    {
        var cellDepth = reader.Depth;
        var hasFormula = false;
        var hasInlineText = false;
        string? value = null;
        reader.Read();
        while (!reader.EOF && reader.Depth > cellDepth)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == ns && reader.LocalName == "v" && type == "s")
            {
                value = reader.ReadElementContentAsString();
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == ns && reader.LocalName == "v")
            {
                value = string.Empty;
                reader.Skip();
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == ns && reader.LocalName == "f")
            {
                hasFormula = true;
                reader.Skip();
            }
            else if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == ns && reader.LocalName == "is")
            {
                hasInlineText = true;
                reader.Skip();
            }
            else
            {
                reader.Read();
            }
        }

        reader.Read();
        if (type == "s")
        {
            return value is null ? "the cell is marked as shared text but gives no index into it; the workbook is damaged."
                : !int.TryParse(value, NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite, CultureInfo.InvariantCulture, out var index)
                    || index < 0 || !sharedStrings.Holds(index)
                    ? $"the cell refers to shared text {value.Trim()}, which the workbook does not hold ({sharedStrings.Count} in all); the workbook is damaged."
                    : null;
        }

        // An inline text cell keeps its text in <is>, though MiniExcel reads a <v> there too.
        var hasValue = value is not null || (type == "inlineStr" && hasInlineText);
        return hasFormula && !hasValue
            ? "the cell holds a formula whose result was never saved (the file was written by a program, not saved by Excel); open and save it in Excel or LibreOffice so the value is computed."
            : type == "inlineStr" && !hasValue
                ? "the cell is marked as inline text but holds no <is> element with the text; the workbook is damaged."
                : null;
    }

    /// <summary>The zero-based column of a cell reference such as <c>AB12</c>, or -1.</summary>
    private static int ColumnOf(string reference)
    {
        var letters = 0;
        while (letters < reference.Length && char.IsAsciiLetter(reference[letters]))
        {
            letters++;
        }

        return letters is > 0 and <= 3 ? TableSource.ColumnIndex(reference[..letters].ToUpperInvariant()) : -1;
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


    /// <summary>
    /// Whether the workbook's shared-strings part holds an index: below its <c>uniqueCount</c>, when it states one, at once;
    /// otherwise (a stated count may be wrong, or missing) by its <c>si</c> elements, counted once when first needed.
    /// </summary>
    private sealed class SharedStringCount(ZipArchiveEntry? part)
    {
        private int? _stated;
        private int? _counted;

        public int Count => _counted ??= CountItems(part);

        public bool Holds(int index) => index < (_stated ??= StatedCount(part)) || index < Count;

        private static int StatedCount(ZipArchiveEntry? part)
        {
            if (part is null)
            {
                return 0;
            }

            using var reader = XmlReader.Create(part.Open(), Settings);
            return reader.MoveToContent() == XmlNodeType.Element
                && int.TryParse(reader.GetAttribute("uniqueCount"), NumberStyles.None, CultureInfo.InvariantCulture, out var stated) ? stated : 0;
        }

        private static int CountItems(ZipArchiveEntry? part)
        {
            if (part is null)
            {
                return 0;
            }

            using var reader = XmlReader.Create(part.Open(), Settings);
            if (reader.MoveToContent() != XmlNodeType.Element)
            {
                return 0;
            }

            var ns = reader.NamespaceURI;
            var count = 0;
            while (reader.ReadToFollowing("si", ns))
            {
                count++;
            }

            return count;
        }
    }
}
