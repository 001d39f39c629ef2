using MiniExcelLibs;

namespace FollowUp.Rules.Import.Reading;

/// <summary>
/// Reads one worksheet of an .xlsx workbook with MiniExcel's streaming reader: rows come one at a time from the sheet's XML,
/// with empty rows in between kept, so row numbers match the spreadsheet. Merged cells read as their range's value.
/// </summary>
internal sealed class XlsxSource : TableSource
{
    private readonly Stream _stream;
    private readonly bool _leaveOpen;
    private readonly IEnumerator<object> _rows;
    private readonly SheetScan _scan;
    private readonly WorkbookProperties _workbook;
    private long _number;
    private bool _failed;

    /// <inheritdoc />
    public override bool StoppedReading => _failed;

    public XlsxSource(Stream stream, string? sheet, bool leaveOpen)
    {
        _leaveOpen = leaveOpen;
        if (!stream.CanSeek)
        {
            // A workbook is a zip archive, read from its end: a pipe is first copied into memory.
            var copy = new MemoryStream();
            stream.CopyTo(copy);
            copy.Position = 0;
            if (!leaveOpen)
            {
                stream.Dispose();
            }

            stream = copy;
            _leaveOpen = false;
        }

        _stream = stream;
        var start = stream.Position;
        if (stream.Length == start)
        {
            // An upload of no bytes is empty whatever its name says, as an empty CSV file is.
            throw EmptyTableException.Of(null);
        }

        List<string> sheets;
        try
        {
            sheets = MiniExcel.GetSheetNames(stream);
        }
        catch (Exception exception) when (IsDamage(exception))
        {
            stream.Position = start;
            var head = new byte[FileSignature.TextSampleLength];
            var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            throw new FormatException(FileSignature.NotXlsx(head.AsSpan(0, length), exception.Message), exception);
        }

        stream.Position = start;
        if (sheets.Count == 0)
        {
            throw new FormatException("the workbook has no worksheet.");
        }

        _workbook = WorkbookProperties.Read(stream);
        // The first sheet a user sees in Excel, not a hidden one (an export's lists for drop-downs, say) before it.
        Sheet = sheet is null
            ? sheets.FirstOrDefault(s => !_workbook.HiddenSheets.Contains(s)) ?? sheets[0]
            : sheets.FirstOrDefault(s => string.Equals(s, sheet, StringComparison.Ordinal))
                ?? sheets.FirstOrDefault(s => string.Equals(s.Trim(), sheet.Trim(), StringComparison.OrdinalIgnoreCase))
                ?? throw new FormatException($"the workbook has no sheet named '{sheet}'; its sheets are {string.Join(", ", sheets.Select(s => $"'{s}'"))}.");
        _scan = SheetScan.Read(stream, Sheet);
        if (_scan.RowNumberProblem is { } problem)
        {
            throw new FormatException(
                $"the worksheet '{Sheet}' cannot be read as it is: {problem}. Open the workbook in Excel or LibreOffice and save it again.");
        }

        _rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: Sheet, excelType: ExcelType.XLSX).GetEnumerator();
    }

    /// <summary>Gets the name of the worksheet being read.</summary>
    public string Sheet { get; }

    /// <inheritdoc />
    public override bool Date1904 => _workbook.Date1904;

    public override bool TryRead(out SourceRow row)
    {
        row = default;
        if (_failed)
        {
            return false;
        }

        try
        {
            if (!_rows.MoveNext())
            {
                return false;
            }
        }
        catch (Exception exception) when (IsDamage(exception))
        {
            // A damaged sheet: what was read stands; the rest is reported as one unreadable row, not dropped.
            _failed = true;
            row = new SourceRow(_number + 1, [], (_number, exception) switch
            {
                (0, InvalidOperationException notFound) => SheetNotFound(notFound),
                (0, System.Xml.XmlException) when _scan.DamagedRow is > 1 and var damaged =>
                    $"the worksheet is damaged in row {damaged} ({exception.Message.ReplaceLineEndings(" ")}), and MiniExcel reads a sheet that does not state its size (no dimension element) whole before its first row, so no row could be read: repair or remove row {damaged}",
                _ => ReadFailure(exception),
            });
            return true;
        }

        _number++;
        var cells = (IDictionary<string, object?>)_rows.Current;
        var width = 0;
        foreach (var key in cells.Keys)
        {
            width = Math.Max(width, ColumnIndex(key) + 1);
        }

        var values = new object?[width];
        foreach (var (key, value) in cells)
        {
            var index = ColumnIndex(key);
            if (index >= 0)
            {
                // MiniExcel turns a date cell's serial into a date as if it counted from 1900, 1,462 days early in a 1904 workbook.
                values[index] = value is DateTime date && _workbook.Date1904 ? date.AddDays(WorkbookProperties.Date1904Offset) : value;
            }
        }

        values = _scan.MarkUnreadableCells(_number, values);

        // A record's id, customer and owner merged down over its rows reach each of them.
        _scan.Merged.Fill(_number, values, HeaderRow);
        row = new SourceRow(_number, values);
        return true;
    }

    /// <inheritdoc />
    public override string? MergedRange(long row, int column) => _scan.Merged.RangeAt(row, column);

    /// <summary>Why MiniExcel found no sheet to read, as far as the workbook's own parts tell.</summary>
    private string SheetNotFound(InvalidOperationException exception) => _scan switch
    {
        { SheetTarget: null } => $"the workbook names no part for the worksheet '{Sheet}', so it is damaged",
        { HasSheetPart: false } => $"the worksheet '{Sheet}' should be stored at '{_scan.SheetTarget}', which the workbook does not hold, so it is damaged",
        { SheetTarget: { } target } when !IsReadableTarget(target) =>
            $"the worksheet '{Sheet}' is stored at '{target}', where MiniExcel, the .xlsx reader, does not look (it reads worksheets/sheet….xml under xl/); open the workbook in Excel or LibreOffice and save it again",
        _ => ReadFailure(exception),
    };

    /// <summary>A failure while reading rows; one that says nothing of the file (a null reference inside MiniExcel) is called damage.</summary>
    private static string ReadFailure(Exception exception) => exception is System.Xml.XmlException or InvalidDataException or IOException or FormatException
        ? $"the worksheet cannot be read from here on: {exception.Message.ReplaceLineEndings(" ")}"
        : $"the worksheet cannot be read from here on: the workbook is damaged where MiniExcel reads it ({exception.GetType().Name}: {exception.Message.ReplaceLineEndings(" ")})";

    /// <summary>
    /// Whether an exception out of MiniExcel says the workbook is damaged. MiniExcel does not check what it reads: a missing
    /// part, a duplicate zip entry or a shared string that is not there surface as whatever failed inside it, down to a
    /// <see cref="NullReferenceException"/>, and must reach the user as a damaged file, never as a crash.
    /// </summary>
    private static bool IsDamage(Exception exception) => exception is System.Xml.XmlException or InvalidDataException or IOException
        or InvalidOperationException or FormatException or ArgumentException or NullReferenceException or IndexOutOfRangeException
        or KeyNotFoundException or InvalidCastException or OverflowException;

    /// <summary>
    /// Whether MiniExcel (1.46) finds a sheet at this relationship target: a part named sheet….xml in xl/worksheets, written
    /// relative to xl/ or from the root. Other writers may store a sheet elsewhere (sheets/sheet1.xml, worksheets/data.xml,
    /// ../xl/worksheets/sheet1.xml), which MiniExcel reports only as "Sequence contains no matching element".
    /// </summary>
    private static bool IsReadableTarget(string target)
    {
        var path = target.TrimStart('/');
        path = path.StartsWith("xl/", StringComparison.OrdinalIgnoreCase) ? path[3..] : path;
        return !path.Contains("..", StringComparison.Ordinal) && path.StartsWith("worksheets/sheet", StringComparison.OrdinalIgnoreCase);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _rows.Dispose();
            if (!_leaveOpen)
            {
                _stream.Dispose();
            }
        }
    }
}
