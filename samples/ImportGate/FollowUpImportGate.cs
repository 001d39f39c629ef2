using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FluentValidation;
using FluentValidation.Results;
using FollowUp.Rules.Import;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules.Samples.ImportGate;

/// <summary>
/// Reads a CRM export, evaluates every record, and writes each result to SQLite: a record with no Error finding to
/// <c>accepted</c>, a record with one or more to <c>quarantined</c> with its findings, a record whose id an earlier record
/// of the file has to <c>quarantined</c> as a duplicate, naming that record's row, a grouped record with a row of its
/// customer that could not be read to <c>quarantined</c> as incomplete, naming that row, and a row the reader could not read
/// to <c>quarantined</c> with its row number, column and reason. Every record's import warnings are stored with it. One
/// transaction per batch; running the same file again adds nothing. Thread-safe: every <see cref="Run"/> opens its own file
/// and connection.
/// </summary>
/// <param name="evaluator">Evaluates the records.</param>
/// <param name="timeProvider">Stamps the rows written (<c>imported_at</c>) and the runs in <c>imports</c>.</param>
public sealed class FollowUpImportGate(IFollowUpEvaluator evaluator, TimeProvider timeProvider)
{
    /// <summary>The finding code of a row the reader could not read, in a quarantined row's <c>findings_json</c>.</summary>
    public const string UnreadableRowCode = "UnreadableRow";

    /// <summary>
    /// The finding code of a grouped record that lacks rows of its customer the reader could not read, first in its
    /// quarantined row's <c>findings_json</c>, with the numbers of those rows.
    /// </summary>
    public const string IncompleteRecordCode = "IncompleteRecord";

    /// <summary>
    /// The finding code of a record whose id an earlier record of the same file has, first in its quarantined row's
    /// <c>findings_json</c>, with the first row of that earlier record.
    /// </summary>
    public const string DuplicateIdCode = "DuplicateId";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Imports one export into the database.</summary>
    /// <param name="job">What to read and where to write it.</param>
    /// <param name="cancellationToken">Stops the run between batches; the batches committed before stay, and a new run resumes after them.</param>
    /// <returns>What the run did.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="job"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ImportJob.BatchSize"/> is below 1.</exception>
    /// <exception cref="ArgumentException">The input is not a <c>.csv</c>, <c>.tsv</c> or <c>.xlsx</c> file.</exception>
    /// <exception cref="IOException">The input cannot be read.</exception>
    /// <exception cref="FormatException">The export's header cannot be read with the column map; nothing was written.</exception>
    /// <exception cref="Microsoft.Data.Sqlite.SqliteException">The database cannot be opened or written.</exception>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public ImportSummary Run(ImportJob job, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(job);
        ArgumentOutOfRangeException.ThrowIfLessThan(job.BatchSize, 1, nameof(job));
        var format = FollowUpTableReader.GetFormat(job.InputPath)
            ?? throw new ArgumentException($"'{job.InputPath}' is not a .csv, .tsv or .xlsx file.", nameof(job));

        // Hash and read the same open file, so the key is the hash of exactly the bytes that were imported.
        using var file = new FileStream(job.InputPath, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(file));
        file.Position = 0;

        // Opening reads the header: a map that does not fit fails here, before the database is touched.
        using var reader = FollowUpTableReader.OpenStream(file, format, job.Map, job.ReadOptions, leaveOpen: true);
        using var database = GateDatabase.Open(job.DatabasePath);
        var fileName = Path.GetFileName(job.InputPath);
        database.BeginImport(sha256, fileName, file.Length, job.MapName, timeProvider.GetUtcNow());

        var tally = new Tally();

        // Each id with the first row of its first record, in the order the reader yields records (by first row), so a
        // repeat names the row the reader's IdRepeated warning names, with or without that warning.
        var firstRows = new Dictionary<string, long>(StringComparer.Ordinal);
        var results = evaluator.EvaluateRows(reader.ReadRecords(cancellationToken), item => item.IsRecord ? item.Record : null, cancellationToken: cancellationToken);
        foreach (var chunk in results.Chunk(job.BatchSize))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var importedAt = timeProvider.GetUtcNow();
            using var batch = database.BeginBatch();
            foreach (var (item, evaluation) in chunk)
            {
                var key = GateKey.Of(sha256, item.Rows);
                var warningsJson = WarningsJson(item.Warnings);
                string? reason;
                bool added;
                if (item.IsRecord && evaluation is not null)
                {
                    // The gate, first match wins: a record whose id an earlier record of the file has is a duplicate (a load
                    // keyed by id would keep one of them); a record that lacks an unreadable row of its customer is partial,
                    // whatever its grade; else any Error finding quarantines the record. Warnings (vague wording, "待补充") do not.
                    (long FirstRow, string Message)? duplicate = item.Record.Id is { } id && !firstRows.TryAdd(id, item.Row)
                        ? (firstRows[id], DuplicateMessage(firstRows[id]))
                        : null;
                    (IReadOnlyList<long> Rows, string Message)? incomplete = item.UnreadableRows.Count > 0
                        ? (item.UnreadableRows, IncompleteMessage(item.UnreadableRows))
                        : null;
                    reason = duplicate is not null ? "duplicate" : incomplete is not null ? "incomplete" : evaluation.HasErrors ? "errors" : null;
                    var recordJson = FollowUpJson.Serialize(item.Record);
                    var evaluationJson = FollowUpJson.Serialize(evaluation);
                    if (reason is null)
                    {
                        added = batch.Accept(
                            key, item.Record.Id, evaluation.Grade.ToString(), evaluation.Score, evaluation.Risk.Level.ToString(),
                            recordJson, evaluationJson, warningsJson, importedAt);
                    }
                    else
                    {
                        // The message of the reason, then "; also" each other reason the record is held back for.
                        string?[] messages = [duplicate?.Message, incomplete?.Message, evaluation.HasErrors ? ErrorSummary(evaluation.Findings) : null];
                        added = batch.Quarantine(
                            key, item.Record.Id, reason, sourceColumn: null, string.Join("; also ", messages.OfType<string>()),
                            FindingsJson(evaluation.Findings, duplicate, incomplete), recordJson, evaluationJson, warningsJson, importedAt);
                    }
                }
                else
                {
                    // A row the reader could not read (wrong cell count, an open quote, #REF!, an empty group cell).
                    reason = "unreadable";
                    added = batch.Quarantine(
                        key, recordId: null, reason, item.Column, item.Error ?? "the row could not be read.",
                        UnreadableJson(item.Column, item.Error, item.GroupKey), recordJson: null, evaluationJson: null, warningsJson, importedAt);
                }

                tally.Add(item, reason, added);
            }

            batch.Commit();
            tally.Batches++;
        }

        database.CompleteImport(sha256, tally.RowsRead, timeProvider.GetUtcNow());
        return new ImportSummary(
            fileName, sha256, tally.RowsRead, tally.Accepted, tally.Quarantined, tally.Added, tally.AlreadyImported,
            tally.Records, tally.IncompleteRecords, tally.DuplicateRecords, tally.UnreadableRows, tally.Batches);
    }

    /// <summary>One line naming the fields in error, such as <c>3 errors: customer.decisionRole, needs.budget, progress.nextActionDue</c>.</summary>
    private static string ErrorSummary(IReadOnlyList<Finding> findings)
    {
        var fields = findings.Where(f => f.Severity == Severity.Error).Select(f => f.Field).Distinct(StringComparer.Ordinal).ToList();
        var count = findings.Count(f => f.Severity == Severity.Error);
        return string.Create(CultureInfo.InvariantCulture, $"{count} {(count == 1 ? "error" : "errors")}: {string.Join(", ", fields)}");
    }

    /// <summary>
    /// One line naming the unreadable rows a record lacks, such as <c>row 11 of this customer could not be read, so the record
    /// is incomplete without it: fix the row and import the corrected file</c>.
    /// </summary>
    private static string IncompleteMessage(IReadOnlyList<long> rows) => rows.Count == 1
        ? string.Create(CultureInfo.InvariantCulture, $"row {rows[0]} of this customer could not be read, so the record is incomplete without it: fix the row and import the corrected file")
        : string.Create(CultureInfo.InvariantCulture, $"rows {string.Join(", ", rows)} of this customer could not be read, so the record is incomplete without them: fix the rows and import the corrected file");

    /// <summary>
    /// One line naming the earlier record of a repeated id, such as <c>the record of row 2 has this id too, earlier in the
    /// file, so a load keyed by id would keep one of them: give each record its own id and import the corrected file</c>.
    /// </summary>
    private static string DuplicateMessage(long firstRow) => string.Create(
        CultureInfo.InvariantCulture,
        $"the record of row {firstRow} has this id too, earlier in the file, so a load keyed by id would keep one of them: give each record its own id and import the corrected file");

    /// <summary>
    /// Every finding, of every severity, as the <c>findings</c> array of SPEC §8: code, severity, field, message; after the
    /// gate's own Error findings, when the record has them: the earlier record of its id, then the unreadable rows it lacks.
    /// </summary>
    private static string FindingsJson(
        IReadOnlyList<Finding> findings, (long FirstRow, string Message)? duplicate, (IReadOnlyList<long> Rows, string Message)? incomplete) => WriteJson(writer =>
    {
        writer.WriteStartArray();
        if (duplicate is { } repeat)
        {
            writer.WriteStartObject();
            writer.WriteString("code", DuplicateIdCode);
            writer.WriteString("severity", nameof(Severity.Error));
            writer.WriteString("field", "id");
            writer.WriteNumber("firstRow", repeat.FirstRow);
            writer.WriteString("message", repeat.Message);
            writer.WriteEndObject();
        }

        if (incomplete is { } gap)
        {
            writer.WriteStartObject();
            writer.WriteString("code", IncompleteRecordCode);
            writer.WriteString("severity", nameof(Severity.Error));
            writer.WriteNull("field");
            writer.WriteStartArray("rows");
            foreach (var row in gap.Rows)
            {
                writer.WriteNumberValue(row);
            }

            writer.WriteEndArray();
            writer.WriteString("message", gap.Message);
            writer.WriteEndObject();
        }

        foreach (var finding in findings)
        {
            writer.WriteStartObject();
            writer.WriteString("code", finding.Code);
            writer.WriteString("severity", finding.Severity.ToString());
            writer.WriteString("field", finding.Field);
            writer.WriteString("message", finding.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    /// <summary>
    /// An unreadable row as a one-finding array of the same shape, naming the export's column instead of a field, and the
    /// customer (group key) the row belongs to when the map groups rows and its group cell could be read.
    /// </summary>
    private static string UnreadableJson(string? column, string? error, string? groupKey) => WriteJson(writer =>
    {
        writer.WriteStartArray();
        writer.WriteStartObject();
        writer.WriteString("code", UnreadableRowCode);
        writer.WriteString("severity", nameof(Severity.Error));
        writer.WriteNull("field");
        writer.WriteString("column", column);
        writer.WriteString("groupKey", groupKey);
        writer.WriteString("message", error);
        writer.WriteEndObject();
        writer.WriteEndArray();
    });

    /// <summary>The reader's warnings of a record as an array of <c>{"code", "message"}</c>; <c>[]</c> when none.</summary>
    private static string WarningsJson(IReadOnlyList<ImportWarning> warnings) => WriteJson(writer =>
    {
        writer.WriteStartArray();
        foreach (var warning in warnings)
        {
            writer.WriteStartObject();
            writer.WriteString("code", warning.Code);
            writer.WriteString("message", warning.Message);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    });

    private static string WriteJson(Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
        {
            write(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>The counts of a run, in source rows (see <see cref="ImportSummary"/>).</summary>
    private sealed class Tally
    {
        public long RowsRead { get; private set; }

        public long Accepted { get; private set; }

        public long Quarantined { get; private set; }

        public long Added { get; private set; }

        public long AlreadyImported { get; private set; }

        public int Records { get; private set; }

        public int IncompleteRecords { get; private set; }

        public int DuplicateRecords { get; private set; }

        public int UnreadableRows { get; private set; }

        public int Batches { get; set; }

        /// <summary>Counts a result: its reason is <see langword="null"/> when it was accepted.</summary>
        public void Add(ImportedRecord item, string? reason, bool added)
        {
            var rows = item.Rows.Count;
            RowsRead += rows;
            if (item.IsRecord)
            {
                Records++;
                IncompleteRecords += reason == "incomplete" ? 1 : 0;
                DuplicateRecords += reason == "duplicate" ? 1 : 0;
            }
            else
            {
                UnreadableRows++;
            }

            if (reason is null)
            {
                Accepted += rows;
            }
            else
            {
                Quarantined += rows;
            }

            if (added)
            {
                Added += rows;
            }
            else
            {
                AlreadyImported += rows;
            }
        }
    }
}
