namespace FollowUp.Rules.Import.Reading;

/// <summary>
/// A cell the reader gave no value for although the file does not leave it empty (a shared string the workbook lacks, a
/// formula never computed): in a mapped column its row is reported with <paramref name="Reason"/>, never read without it.
/// </summary>
internal sealed record UnreadableCell(string Reason)
{
    /// <summary>Reads as empty where only text is asked for: a column the map does not read.</summary>
    public override string ToString() => string.Empty;
}
