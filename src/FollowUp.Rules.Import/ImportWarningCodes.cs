namespace FollowUp.Rules.Import;

/// <summary>The codes of <see cref="ImportWarning"/>, stable for hosts to act on.</summary>
public static class ImportWarningCodes
{
    /// <summary>
    /// An earlier record of the table has the same id (compared exactly): a system that loads records by id keeps one of
    /// them. The message names the first row of the earlier record.
    /// </summary>
    public const string IdRepeated = "IdRepeated";

    /// <summary>
    /// The rows that share this record's group key hold different ids, so each id made its own record (rows without an id
    /// one more, when there are any), rather than one record keeping one id; the message names the ids and their rows.
    /// Two customers of one company name, or one customer under two ids in the CRM.
    /// </summary>
    public const string GroupSplitById = "GroupSplitById";

    /// <summary>
    /// A cell the record was read from holds private-use characters (U+E000–U+F8FF), which no export means as text: most
    /// likely characters its encoding lacks, such as Hong Kong (HKSCS) characters in a file read as Big5 (咗 read as
    /// U+ECD9). They are kept as read, and match no phrase; the message names the rows, columns and characters.
    /// </summary>
    public const string PrivateUseCharacters = "PrivateUseCharacters";

    /// <summary>
    /// A date field's cell held a bare number in the range of Excel's serial day numbers (1954–2119), such as
    /// <c>46352.6</c>: a date cell exported without its date format, as a General-format .xlsx cell or its text in a CSV
    /// file. It was read as that date (2026-11-26 14:24); the message names the rows, columns, numbers and dates.
    /// </summary>
    public const string ExcelSerialDate = "ExcelSerialDate";
}
