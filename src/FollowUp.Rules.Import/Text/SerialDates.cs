using System.Globalization;

namespace FollowUp.Rules.Import.Text;

/// <summary>
/// Excel's serial day numbers in date fields: a date cell that lost its date format, as a number in a General-format .xlsx
/// cell or as its text in a CSV file (<c>46352.6</c> is 2026-11-26 14:24). Both are read as the date, in the same range,
/// and warned of with the date they were read as, so a CSV and the workbook it was saved from give one record.
/// </summary>
internal static class SerialDates
{
    /// <summary>How many cells a warning names before "and N more".</summary>
    private const int Listed = 3;

    /// <summary>
    /// The serials a follow-up's date can be: 1954-10-03 to 2119-01-10, the range in which the core's reading of a date
    /// calls a bare number an Excel serial; a number outside it (<c>5</c>, <c>13800000000</c>) is no date and stays text.
    /// </summary>
    private const double First = 20000, Last = 80000;

    /// <summary>Gets the date of a serial day number (of the 1900 date system), or <see langword="null"/> outside the range.</summary>
    public static DateTime? Of(double serial) => serial is >= First and < Last + 1 ? DateTime.FromOADate(serial) : null;

    /// <summary>Gets the date of a cell's text that is a bare serial day number (digits, an optional fraction), or <see langword="null"/>.</summary>
    public static DateTime? Of(string text) =>
        double.TryParse(text.AsSpan().Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var serial) ? Of(serial) : null;

    /// <summary>Gets the warning of a record whose date fields were read from serial day numbers, naming the first cells.</summary>
    public static ImportWarning Warning(IReadOnlyList<SerialDateCell> cells)
    {
        var listed = string.Join("; ", cells.Take(Listed).Select(c => $"row {c.Row.ToString(CultureInfo.InvariantCulture)}, column '{c.Column}': {c.Serial} as {c.Date}"));
        var more = cells.Count > Listed ? string.Create(CultureInfo.InvariantCulture, $"; and {cells.Count - Listed} more") : "";
        return new ImportWarning(
            ImportWarningCodes.ExcelSerialDate,
            $"read Excel serial day numbers as dates ({listed}{more}): the cells are dates without their date format. Check the dates, and give the column a date format in the export.");
    }
}

/// <summary>A date field's cell read from a serial day number: its row, its column's name, the number and the date it was read as.</summary>
internal readonly record struct SerialDateCell(long Row, string Column, string Serial, string Date);
