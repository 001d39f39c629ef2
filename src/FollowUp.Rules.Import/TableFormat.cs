namespace FollowUp.Rules.Import;

/// <summary>The table formats <see cref="FollowUpTableReader"/> reads.</summary>
public enum TableFormat
{
    /// <summary>Comma-separated values (RFC 4180), <c>.csv</c>.</summary>
    Csv,

    /// <summary>Tab-separated values, <c>.tsv</c> (also Excel's "Unicode text" export, UTF-16 with a byte order mark).</summary>
    Tsv,

    /// <summary>An Excel workbook, <c>.xlsx</c>.</summary>
    Xlsx,
}
