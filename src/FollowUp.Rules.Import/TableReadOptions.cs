using System.Text;

namespace FollowUp.Rules.Import;

/// <summary>How <see cref="FollowUpTableReader"/> reads a table. Every member is optional.</summary>
public sealed record TableReadOptions
{
    /// <summary>Gets the text encoding of a CSV or TSV file (see <see cref="TableEncodings.GetEncoding"/> for names such as <c>gbk</c>).</summary>
    /// <value>
    /// <see langword="null"/> (the default) detects it: a byte order mark decides; otherwise the file is UTF-16 when zero bytes
    /// fall on one side of the byte pairs of its start in UTF-16's proportion (UTF-16 without a byte order mark; NULs in a
    /// few cells of a UTF-8 file are not), else UTF-8, unless its bytes hold Chinese text in GB18030 (a superset of GBK and
    /// GB2312, what Chinese Excel saves as "CSV") or Big5 (what Excel in Taiwan saves) and read better so, the two told apart
    /// by how much of the text each reads as common Chinese characters (see <see cref="FollowUpTableReader.EncodingUncertain"/>). A byte order mark
    /// always wins over this setting. Bytes invalid in the encoding are read as U+FFFD and their rows reported.
    /// </value>
    public Encoding? Encoding { get; init; }

    /// <summary>Gets the worksheet to read from an .xlsx file, overriding the column map's <see cref="ColumnMap.Sheet"/>.</summary>
    /// <value><see langword="null"/> (the default) for the map's sheet, or the first sheet that is not hidden.</value>
    public string? Sheet { get; init; }

    /// <summary>Gets the character between cells of a CSV or TSV file.</summary>
    /// <value><see langword="null"/> (the default) for a comma in CSV and a tab in TSV.</value>
    public char? Separator { get; init; }

    /// <summary>
    /// Gets whether a record whose id an earlier record of the table has gets an <see cref="ImportWarningCodes.IdRepeated"/>
    /// warning, when a column fills ids.
    /// </summary>
    /// <value>
    /// <see langword="true"/> (the default): each id is held as a 64-bit hash with its record's row, about 30 bytes a
    /// record (a million ids raise the peak working set by about 64 MB while the table is read). Set it to
    /// <see langword="false"/> when the host checks ids itself across tables, as the <c>followup</c> tool does across its
    /// inputs, to save that memory.
    /// </value>
    public bool WarnRepeatedIds { get; init; } = true;

    /// <summary>
    /// Gets how contact times written with the year last (<c>20/11/2026</c>) are read when the rows of a customer are joined
    /// and the latest contact's row wins (<see cref="ColumnMap.GroupBy"/>). Set it to the rules' <c>DateOrder</c>, as the
    /// <c>followup</c> tool does; the record keeps its dates as written, and the evaluator reads them with its own rules.
    /// </summary>
    /// <value><see cref="FollowUp.Rules.DateOrder.YearFirst"/> (the default): such times are not read, and the rows keep the file's order.</value>
    public DateOrder DateOrder { get; init; } = DateOrder.YearFirst;
}
