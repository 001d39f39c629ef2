using System.Globalization;

namespace FollowUp.Rules.Samples.ImportGate;

/// <summary>
/// What one run of the gate did. Every count except <see cref="Records"/>, <see cref="IncompleteRecords"/>,
/// <see cref="DuplicateRecords"/>, <see cref="UnreadableRows"/> and <see cref="Batches"/> is in the export's data rows, so that two partitions hold exactly:
/// <c>Accepted + Quarantined == RowsRead</c> (the gate's verdict) and <c>Added + AlreadyImported == RowsRead</c> (what the
/// database gained). A record grouped from three rows counts three.
/// </summary>
/// <param name="FileName">The export's file name.</param>
/// <param name="FileSha256">The SHA-256 of the export's bytes, lower-case hexadecimal: with the rows, the natural key of a result.</param>
/// <param name="RowsRead">The data rows read: every row of the export after the header, blank rows aside.</param>
/// <param name="Accepted">The rows of records with no Error finding.</param>
/// <param name="Quarantined">The rows of records with an Error finding, incomplete or duplicate, and the rows the reader could not read.</param>
/// <param name="Added">The rows whose result this run inserted.</param>
/// <param name="AlreadyImported">The rows whose result an earlier run of the same file had inserted, so this run did not.</param>
/// <param name="Records">The records the rows made (one per customer when the map groups rows).</param>
/// <param name="IncompleteRecords">The grouped records quarantined as incomplete: they lack a row of their customer the reader could not read, and their id is their own (also counted in <see cref="Records"/>).</param>
/// <param name="DuplicateRecords">The records quarantined as duplicates: an earlier record of the file has their id, whether or not they are also incomplete (also counted in <see cref="Records"/>).</param>
/// <param name="UnreadableRows">The results that are rows the reader could not read (each also counted in <see cref="Quarantined"/>).</param>
/// <param name="Batches">The transactions committed.</param>
public sealed record ImportSummary(
    string FileName,
    string FileSha256,
    long RowsRead,
    long Accepted,
    long Quarantined,
    long Added,
    long AlreadyImported,
    int Records,
    int IncompleteRecords,
    int DuplicateRecords,
    int UnreadableRows,
    int Batches)
{
    /// <summary>
    /// Returns the summary as one line, such as <c>crm-export.csv: 21 rows read, 7 accepted, 14 quarantined, 0 skipped as
    /// already imported (…)</c>; the incomplete and duplicate records are named only when there are some.
    /// </summary>
    /// <returns>The line.</returns>
    public override string ToString()
    {
        string?[] held =
        [
            IncompleteRecords > 0 ? string.Create(CultureInfo.InvariantCulture, $"{IncompleteRecords} incomplete") : null,
            DuplicateRecords > 0 ? Count(DuplicateRecords, "duplicate") : null,
        ];
        var heldBack = string.Join(", ", held.OfType<string>());
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{FileName}: {RowsRead} rows read, {Accepted} accepted, {Quarantined} quarantined, {AlreadyImported} skipped as already imported " +
            $"({Added} added; {Count(Records, "record")}{(heldBack.Length > 0 ? $" ({heldBack})" : "")}, {Count(UnreadableRows, "unreadable row")}, " +
            $"{Count(Batches, "batch")}; sha256 {FileSha256[..12]})");
    }

    private static string Count(long count, string noun) => string.Create(
        CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : noun.EndsWith("ch", StringComparison.Ordinal) ? "es" : "s")}");
}
