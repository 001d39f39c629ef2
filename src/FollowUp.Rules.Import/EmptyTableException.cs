namespace FollowUp.Rules.Import;

/// <summary>
/// The table holds no header row: a file of no bytes, only blank lines or a byte order mark, or a worksheet without rows.
/// An empty upload, not a broken one: a host may take it as a table of no records (the <c>followup</c> tool warns and goes
/// on), where any other <see cref="FormatException"/> from <see cref="FollowUpTableReader.Open"/> means the table cannot be read.
/// </summary>
public sealed class EmptyTableException : FormatException
{
    private const string DefaultMessage = "the table is empty: it has no header row.";

    /// <summary>Initializes a new instance with the message that the table has no header row.</summary>
    public EmptyTableException()
        : base(DefaultMessage)
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public EmptyTableException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The exception that caused it.</param>
    public EmptyTableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    private EmptyTableException(string message, string sheet)
        : base(message) => Sheet = sheet;

    /// <summary>Gets the worksheet that is empty.</summary>
    /// <value><see langword="null"/> for CSV and TSV, and for a workbook file of no bytes.</value>
    public string? Sheet { get; }

    /// <summary>Creates the exception for an empty worksheet, or for a table without one.</summary>
    internal static EmptyTableException Of(string? sheet) =>
        sheet is null ? new() : new($"the worksheet '{sheet}' is empty: it has no header row.", sheet);
}
