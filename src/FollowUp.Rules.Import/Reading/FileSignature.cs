using System.Buffers;

namespace FollowUp.Rules.Import.Reading;

/// <summary>
/// Tells a file uploaded under the wrong format by its first bytes, so the error names what it is (an .xlsx workbook named
/// .csv reads as text of invalid bytes) and the format to read it as.
/// </summary>
internal static class FileSignature
{
    /// <summary>How many bytes of the start <see cref="NotXlsx"/> looks at to tell text.</summary>
    public const int TextSampleLength = 512;

    /// <summary>Gets why bytes meant as CSV or TSV text are not, when their start is a workbook's; else <see langword="null"/>.</summary>
    public static string? NotText(ReadOnlySpan<byte> head) =>
        IsZip(head) ? "the file is a zip archive, as an .xlsx workbook is, not CSV text: rename it to .xlsx and read it as a workbook."
        : IsCompoundFile(head) ? $"the file is {OldWorkbook}, not CSV text: {SaveAgain}"
        : null;

    /// <summary>
    /// Gets why bytes meant as an .xlsx workbook could not be opened: what their start says they are (text, an old binary
    /// workbook), or a damaged zip archive, or neither, with the zip reader's own reason.
    /// </summary>
    public static string NotXlsx(ReadOnlySpan<byte> head, string zipError) =>
        IsZip(head) ? $"the workbook is damaged or cut short (an .xlsx workbook is a zip archive, and this one cannot be read: {zipError})"
        : IsCompoundFile(head) ? $"the file is {OldWorkbook}, not an .xlsx workbook: {SaveAgain}"
        : IsText(head[..Math.Min(head.Length, TextSampleLength)]) ? "the file is text, such as CSV, not an .xlsx workbook (a zip archive): rename it to .csv and read it as CSV."
        : $"the file is neither an .xlsx workbook (a zip archive) nor text; it may be damaged or another kind of file ({zipError})";

    /// <summary>The control characters no text holds: all but tab, line feed and carriage return.</summary>
    private static readonly SearchValues<byte> ControlBytes =
        SearchValues.Create([.. Enumerable.Range(0, 0x20).Where(b => b is not ('\t' or '\n' or '\r')).Select(b => (byte)b)]);

    private const string OldWorkbook = "an Excel 97-2003 workbook (.xls) or another file in Office's old binary format (as a workbook saved with a password is)";

    private const string SaveAgain = "open it in Excel, save it as .xlsx or CSV (without a password), and read that.";

    private static bool IsZip(ReadOnlySpan<byte> head) => head.StartsWith("PK\x03\x04"u8);

    private static bool IsCompoundFile(ReadOnlySpan<byte> head) => head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]);

    /// <summary>
    /// Whether the bytes start with a UTF-16 byte order mark, as Excel's "Unicode text" does, or no byte is a control
    /// character but tab and line breaks: ASCII, UTF-8 or GB18030 text, not a binary file.
    /// </summary>
    private static bool IsText(ReadOnlySpan<byte> head) =>
        head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]) || head.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF])
        || (!head.IsEmpty && !head.ContainsAny(ControlBytes));
}
