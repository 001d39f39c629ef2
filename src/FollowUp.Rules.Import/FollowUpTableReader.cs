using System.Globalization;
using System.Text;
using System.Text.Json;
using FollowUp.Rules.Import.Mapping;
using FollowUp.Rules.Import.Reading;
using FollowUp.Rules.Import.Text;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules.Import;

/// <summary>
/// Reads follow-up records from a CSV, TSV or .xlsx table, one row at a time: each row's mapped cells are written into a
/// JSON object at their field paths and read with <see cref="FollowUpJson"/>, so the same lenient parsing applies as to
/// JSON input (enumerations by English name or Chinese label, dates in the layouts CRMs export).
/// </summary>
/// <remarks>
/// <para>
/// Opening reads the header (the first row that is not blank) and checks it against the <see cref="ColumnMap"/>; a header
/// the map cannot read is a <see cref="FormatException"/> before any record (a table with no header row at all, an empty
/// upload, is its subtype <see cref="EmptyTableException"/>), and the map's columns the header lacks are
/// <see cref="MissingColumns"/>, for the caller to warn of: their fields are left empty, with no row to report. Then <see cref="ReadRecords()"/> yields one
/// <see cref="ImportedRecord"/> per row: a record, or the row number, column and reason it could not be read. Blank rows
/// are skipped, but keep their numbers, so row numbers match the spreadsheet. A summary row someone added (合计, 总计, 小计,
/// Total in its first cell or its group or id cell, only numbers beside it) is a result of its own,
/// <see cref="ImportedRecord.IsSummaryRow"/>, as it is met, and joins no group. Nothing else is dropped: the rows read
/// equal the rows in records plus the unreadable and summary rows.
/// </para>
/// <para>
/// With <see cref="ColumnMap.GroupBy"/>, rows join when their keys match ignoring case, full-width forms and white
/// space; not Traditional against Simplified characters, which would join different companies (乾坤建材, 干坤建材). When a column fills <c>id</c>, the rows of one
/// key that hold different ids make different records, one per id (and the rows without an id one more), each with an
/// <see cref="ImportWarningCodes.GroupSplitById"/> warning: a company name two customers share never loses one of them
/// under the other's id. A key whose rows hold one id or none makes one record, taking the rows without an id.
/// An unreadable row whose group cell can be read carries that key (<see cref="ImportedRecord.GroupKey"/>), and the record
/// it belongs to lists it in <see cref="ImportedRecord.UnreadableRows"/>: the record was built without it, so it is
/// incomplete. In a key split by id, that is the record of the row's id, or every record of the key when its id cell
/// is empty or cannot be read.
/// </para>
/// <para>
/// When a column fills <c>id</c>, a record whose id an earlier record of the table has (compared exactly) carries an
/// <see cref="ImportWarningCodes.IdRepeated"/> warning naming that record's row: a system that loads records by id keeps one
/// (unless <see cref="TableReadOptions.WarnRepeatedIds"/> is off).
/// </para>
/// <para>
/// In an .xlsx sheet, each cell of a merged range reads as the range's value, which the file keeps in its top-left cell
/// only: a record's id, customer and owner merged down over its rows reach each row, so the rows make one group. A row
/// empty but for merged cells stays blank; a covered cell the file gives a value of its own keeps it. A header cell merged across columns names each of them, so the map reading
/// that name is a <see cref="FormatException"/> naming the range (which column is meant cannot be told); one merged
/// downwards is the header's, and the cells below it stay empty rather than repeat a column name as data.
/// </para>
/// <para>
/// A CSV quote that never closes runs to the end of the file. It makes one unreadable result, in the column it opens in,
/// whose <see cref="ImportedRecord.Rows"/> are its own row and the rows the later lines hold, read as if the quote had
/// closed at the end of the line it opens on: one row per line, blank lines skipped but numbered. Where the quote was meant
/// to close cannot be known (a quoted cell may hold line breaks), so the message names the lines it spans, from the row it
/// opens in to the last line. The swallowed rows' group cells are read the same way, so their groups' records are marked.
/// </para>
/// <para>
/// Memory does not grow with the table: CSV is read row by row from the stream and .xlsx with MiniExcel's streaming reader.
/// The exceptions: a map with <see cref="ColumnMap.GroupBy"/> holds each group's rows until the table ends (groups are
/// yielded last, after the unreadable rows, whose numbers it notes by group key): each row as the text of the cells it
/// reads, a value that the row before it in its group or many rows repeat (a company, an owner, a stage) held once, made
/// into a record only when its group is merged; about twice the row's bytes in the file. A CSV quote that never closes
/// makes the rest of the file one row, which is held whole, an .xlsx stream that cannot seek is first copied into memory, and when
/// a column fills <c>id</c>, each id is held as a 64-bit hash with its record's row (see
/// <see cref="TableReadOptions.WarnRepeatedIds"/>) to tell a repeat; a different id shares a hash with a chance of about
/// one in 10^7 in ten million records. A
/// sheet's merged ranges, listed after its rows, are read first in one more pass over its XML, and held (a few numbers each),
/// with the checks MiniExcel does not make (row numbers, cells it would read as empty).
/// </para>
/// <para>
/// When no column fills <c>id</c>, a record's id is its group key when rows are grouped, and <c>row N</c> otherwise, so
/// every result can be traced to its place in the table. Not thread-safe; read it once.
/// </para>
/// </remarks>
public sealed class FollowUpTableReader : IDisposable
{
    private readonly TableSource _source;
    private readonly TablePlan _plan;
    private readonly bool _warnRepeatedIds;
    private readonly DateOrder _dateOrder;

    /// <summary>The columns that say which record a row is (group and id), where a summary row may put its word (合计).</summary>
    private readonly int[] _recordColumns;

    /// <summary>How many rows read into records hold a value in each of <see cref="TablePlan.UnreadColumns"/>, and the first of them.</summary>
    private readonly (long Rows, long First)[] _unread;
    private bool _read;

    private FollowUpTableReader(TableSource source, ColumnMap map, bool warnRepeatedIds, DateOrder dateOrder)
    {
        _source = source;
        _warnRepeatedIds = warnRepeatedIds;
        _dateOrder = dateOrder;
        try
        {
            var header = ReadHeader(source);
            if (Array.FindIndex(header.Cells, cell => cell is UnreadableCell) is >= 0 and var damaged)
            {
                // A header name the reader could not see would silently drop its column.
                throw new FormatException($"row {header.Number.ToString(CultureInfo.InvariantCulture)}, the header: column {TableSource.ColumnLetter(damaged)}: {((UnreadableCell)header.Cells[damaged]!).Reason}");
            }

            var names = header.Cells.Select(c => TablePlan.Text(c, FieldKind.Text)?.Trim() ?? "").ToArray();
            source.HeaderWidth = names.Length;
            source.HeaderRow = header.Number;
            _plan = TablePlan.Create(map, names, column => source.MergedRange(header.Number, column), source.Date1904);
            source.KeyColumns = _plan.KeyColumns;
            _recordColumns = [.. _plan.GroupColumns.Concat(_plan.IdColumns).Distinct()];
            _unread = new (long, long)[_plan.UnreadColumns.Count];
        }
        catch (FormatException exception) when (source is CsvSource { EncodingGuess: not null } csv)
        {
            // A header that reads as nonsense is most likely in another encoding than the guess (Japanese read as GB18030).
            source.Dispose();
            throw new FormatException(
                $"{exception.Message} The file was read as {TableEncodings.DisplayName(csv.Encoding)}, guessed from its bytes; if the header reads wrong, name the file's encoding (such as gb18030, big5 or utf-8).",
                exception);
        }
        catch
        {
            source.Dispose();
            throw;
        }
    }

    /// <summary>Gets the header's column names, trimmed, as read from the table.</summary>
    public IReadOnlyList<string> Header => _plan.Header;

    /// <summary>Gets the header columns that fill a record field.</summary>
    public IReadOnlyList<string> MappedColumns => _plan.MappedColumns;

    /// <summary>Gets the named header columns that fill no record field, and are not read (the group column aside).</summary>
    public IReadOnlyList<string> IgnoredColumns => _plan.IgnoredColumns;

    /// <summary>
    /// Gets the map's columns that the header lacks (as the map spells them, in its order) whose fields are therefore
    /// empty in every record: no other column of the header fills them (an alias the map lists, or a column named like
    /// the field path) and <see cref="ColumnMap.OptionalFields"/> does not list them. A column renamed in the CRM
    /// (拜访内容 → 拜访纪要) shows here, and its new name among <see cref="IgnoredColumns"/>.
    /// </summary>
    /// <value>Empty when the header has every column the map expects.</value>
    public IReadOnlyList<string> MissingColumns => _plan.MissingColumns;

    /// <summary>
    /// Gets the header columns no map entry reads whose names look like a field the map reads, which
    /// <see cref="ColumnMap.OptionalFields"/> lists and no column of the header fills: an export's own name for the field
    /// (客戶聯絡窗口, Primary Mobile), so the field is left empty in every record with no missing column to tell. A name looks
    /// like a field by the words in it, matched folded as the map's names are: 联系人, 联络人 or contact for the contact,
    /// 职 or title for the title, 电话, 手机 or mobile for the phone, 邮箱, 电邮 or email for the e-mail, 负责 or owner for the
    /// owner, 下次 with 日期 or next with date for the next action's due date, whatsapp for the WhatsApp number, line or 赖
    /// with id or 帐号 (or 賴 alone) for the LINE id, and so on for the stage, budget, industry, company size, source, level
    /// and needs. A name with another date or time in it (Last Contact Date) looks like none.
    /// </summary>
    /// <value>In header order; empty when no unread column looks like a field left empty.</value>
    public IReadOnlyList<LookalikeColumn> LookalikeColumns => _plan.LookalikeColumns;

    /// <summary>
    /// Gets the columns no map entry reads (named or not; the group column and <see cref="MisnamedColumns"/> aside) that
    /// hold a value in rows read into records, so those values are in no record: a column the map does not know, such
    /// as 项目里程碑 before the bundled maps read it, is otherwise dropped without a word. Each names the fields it looks
    /// like, when it looks like one the map reads and no column fills (see <see cref="LookalikeColumns"/>). To keep one,
    /// add it to the map under its field, or as <c>custom.&lt;name&gt;</c>, which carries it into the record as written.
    /// </summary>
    /// <value>
    /// In header order; complete once <see cref="ReadRecords()"/> has been read to its end, and the rows read so far before
    /// that. Empty before reading, and when every value of the table is read.
    /// </value>
    public IReadOnlyList<UnreadColumn> UnreadColumns
    {
        get
        {
            var columns = new List<UnreadColumn>();
            for (var i = 0; i < _unread.Length; i++)
            {
                if (_unread[i].Rows == 0)
                {
                    continue;
                }

                var column = _plan.UnreadColumns[i];
                var name = ColumnName(column)!;
                var looksLike = _plan.LookalikeColumns.FirstOrDefault(l => l.Column == name)?.Fields ?? [];
                columns.Add(new UnreadColumn(name, _unread[i].Rows, _unread[i].First, looksLike));
            }

            return columns;
        }
    }

    /// <summary>
    /// Gets, for each header column the map does not read that is named like a field path naming no field
    /// (<c>communications[100].at</c>), or whose name holds private-use characters (garbled in decoding), why it is not
    /// read; such a column is surely a mistake, where other unmapped columns are the export's own.
    /// </summary>
    public IReadOnlyList<string> MisnamedColumns => _plan.MisnamedColumns;

    /// <summary>Gets the text encoding a CSV or TSV table is read with, detected or given.</summary>
    /// <value><see langword="null"/> for an .xlsx workbook.</value>
    public Encoding? Encoding => (_source as CsvSource)?.Encoding;

    /// <summary>
    /// Gets whether <see cref="Encoding"/> was guessed from the bytes: neither given in <see cref="TableReadOptions.Encoding"/>,
    /// nor named by a byte order mark, nor UTF-8. That is GB18030 (GBK) or Big5, weighed against UTF-8 and then against
    /// each other by how much of the text each reads as common Chinese characters, or UTF-16 without a byte order mark,
    /// told by its zero bytes. A guess can be wrong, so say which encoding was read (see <see cref="EncodingEvidence"/>).
    /// </summary>
    /// <value><see langword="false"/> for an .xlsx workbook.</value>
    public bool EncodingGuessed => EncodingGuess is not null;

    /// <summary>
    /// Gets whether the guess of <see cref="Encoding"/> rests on weak evidence: a handful of Chinese characters, or text
    /// that reads about as well in GB18030 as in Big5, or well in neither (Japanese or Korean text), so it may read wrong.
    /// Name the encoding in <see cref="TableReadOptions.Encoding"/> then, or save the file as UTF-8.
    /// </summary>
    /// <value><see langword="false"/> unless <see cref="EncodingGuessed"/>.</value>
    public bool EncodingUncertain => EncodingGuess is { Weak: true };

    /// <summary>Gets why <see cref="Encoding"/> was guessed, as a phrase for a message.</summary>
    /// <value>
    /// Such as <c>in GB18030, 1,142 of 1,606 characters other than ASCII are common Chinese ones; in Big5, 43 of 1,606</c>,
    /// or for UTF-16 that the file has no byte order mark but zero bytes in alternate bytes; <see langword="null"/> unless
    /// <see cref="EncodingGuessed"/>.
    /// </value>
    public string? EncodingEvidence => EncodingGuess?.Evidence;

    private EncodingGuess? EncodingGuess => (_source as CsvSource)?.EncodingGuess;

    /// <summary>Gets the worksheet an .xlsx workbook is read from.</summary>
    /// <value><see langword="null"/> for CSV and TSV.</value>
    public string? Sheet => (_source as XlsxSource)?.Sheet;

    /// <summary>
    /// Gets whether reading stopped at a row it could not get past (a CSV row longer than the reader can hold, a damaged
    /// workbook): that row's failure says so, and the rest of the table is not read. Read it after that failure.
    /// </summary>
    public bool StoppedReading => _source.StoppedReading;

    /// <summary>Gets the table format of a file from its extension: <c>.csv</c>, <c>.tsv</c> (or <c>.tab</c>) or <c>.xlsx</c>.</summary>
    /// <param name="path">The file's path or name.</param>
    /// <returns>The format, or <see langword="null"/> when the extension is none of them.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    public static TableFormat? GetFormat(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Path.GetExtension(path).ToUpperInvariant() switch
        {
            ".CSV" => TableFormat.Csv,
            ".TSV" or ".TAB" => TableFormat.Tsv,
            ".XLSX" => TableFormat.Xlsx,
            _ => null,
        };
    }

    /// <summary>Opens a table file, choosing the format by its extension (see <see cref="GetFormat"/>).</summary>
    /// <param name="path">The file.</param>
    /// <param name="map">The column map; <see langword="null"/> for <see cref="ColumnMap.Empty"/> (columns named like field paths).</param>
    /// <param name="options">How to read it; <see langword="null"/> for the defaults.</param>
    /// <returns>The reader, positioned after the header.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="path"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The extension is not one of a table.</exception>
    /// <exception cref="IOException">The file cannot be opened.</exception>
    /// <exception cref="EmptyTableException">The table has no header row (no bytes, only blank lines, an empty sheet): an empty upload.</exception>
    /// <exception cref="FormatException">
    /// The header cannot be read with the map, the workbook or sheet is not there, or the file is of another format (an
    /// .xlsx or .xls workbook read as CSV, CSV text read as .xlsx); the message says why.
    /// </exception>
    public static FollowUpTableReader Open(string path, ColumnMap? map = null, TableReadOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var format = GetFormat(path) ?? throw new ArgumentException($"'{path}' is not a .csv, .tsv or .xlsx file.", nameof(path));
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        return OpenStream(stream, format, map, options, leaveOpen: false);
    }

    /// <summary>Opens a table from a stream.</summary>
    /// <param name="stream">The table's bytes. An .xlsx stream that cannot seek is copied into memory first.</param>
    /// <param name="format">The table's format.</param>
    /// <param name="map">The column map; <see langword="null"/> for <see cref="ColumnMap.Empty"/> (columns named like field paths).</param>
    /// <param name="options">How to read it; <see langword="null"/> for the defaults.</param>
    /// <param name="leaveOpen">Whether disposing the reader leaves <paramref name="stream"/> open.</param>
    /// <returns>The reader, positioned after the header.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="EmptyTableException">The table has no header row (no bytes, only blank lines, an empty sheet): an empty upload.</exception>
    /// <exception cref="FormatException">
    /// The header cannot be read with the map, the workbook or sheet is not there, or the file is of another format (an
    /// .xlsx or .xls workbook read as CSV, CSV text read as .xlsx); the message says why.
    /// </exception>
    public static FollowUpTableReader OpenStream(Stream stream, TableFormat format, ColumnMap? map = null, TableReadOptions? options = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        map ??= ColumnMap.Empty;
        options ??= new TableReadOptions();
        TableSource source;
        try
        {
            source = format switch
            {
                TableFormat.Xlsx => new XlsxSource(stream, options.Sheet ?? map.Sheet, leaveOpen),
                TableFormat.Tsv => new CsvSource(stream, options.Separator ?? '\t', options.Encoding, leaveOpen),
                _ => new CsvSource(stream, options.Separator ?? ',', options.Encoding, leaveOpen),
            };
        }
        catch
        {
            if (!leaveOpen)
            {
                stream.Dispose();
            }

            throw;
        }

        return new FollowUpTableReader(source, map, options.WarnRepeatedIds, options.DateOrder);
    }

    /// <summary>Reads the rows after the header as records, or as the reasons rows could not be read.</summary>
    /// <returns>
    /// One result per row (per group when the map groups rows), lazily, in file order; with grouping, unreadable rows come
    /// as they are met and the grouped records after the last row, in order of their first rows, each naming the
    /// unreadable rows of its group.
    /// </returns>
    /// <exception cref="InvalidOperationException">The rows were already read.</exception>
    public IEnumerable<ImportedRecord> ReadRecords() => ReadRecords(CancellationToken.None);

    /// <summary>Reads the rows after the header as records, as <see cref="ReadRecords()"/> does, until cancelled.</summary>
    /// <param name="cancellationToken">
    /// Stops the reading at the next row, also while a grouping map reads the whole table before its first record.
    /// </param>
    /// <returns>The results, as <see cref="ReadRecords()"/> gives them.</returns>
    /// <exception cref="InvalidOperationException">The rows were already read.</exception>
    /// <exception cref="OperationCanceledException">Thrown while enumerating, once <paramref name="cancellationToken"/> is cancelled.</exception>
    public IEnumerable<ImportedRecord> ReadRecords(CancellationToken cancellationToken)
    {
        if (_read)
        {
            throw new InvalidOperationException("The rows of this table were already read; open it again to read them again.");
        }

        _read = true;
        return Read(cancellationToken);
    }

    /// <inheritdoc />
    public void Dispose() => _source.Dispose();

    private IEnumerable<ImportedRecord> Read(CancellationToken cancellationToken)
    {
        var groups = _plan.Groups ? new RecordGroups(_plan, _dateOrder) : null;
        var ids = _plan.HasId && _warnRepeatedIds ? new SeenIds() : null;
        (long Number, string Key)? above = null;
        while (_source.TryRead(out var row))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (row.Problem is { } problem)
            {
                var key = Unreadable(groups, row);
                if (row.Swallowed.Count == 0)
                {
                    yield return ImportedRecord.Failure([row.Number], ColumnName(row.ProblemColumn), problem, key);
                    continue;
                }

                // An unclosed quote: one failure covers its row and the rows it swallowed, each noted in its own group.
                var rows = new List<long>(row.Swallowed.Count + 1) { row.Number };
                foreach (var swallowed in row.Swallowed)
                {
                    rows.Add(swallowed.Number);
                    Unreadable(groups, swallowed);
                }

                yield return ImportedRecord.Failure(rows.AsReadOnly(), ColumnName(row.ProblemColumn), problem, key);
                continue;
            }

            if (row.IsBlank)
            {
                continue;
            }

            if (SummaryRows.Of(row, _recordColumns) is { } summary)
            {
                var column = ColumnName(summary.Column);
                yield return ImportedRecord.Summary(
                    row.Number,
                    column,
                    $"the row is a summary row ('{summary.Word}' in column '{column}', its other cells numbers or empty), not a follow-up, so it makes no record.");
                continue;
            }

            var cells = _plan.Read(row);
            if (cells.Values is null)
            {
                var error = cells.NoGroupKey ? NoGroupKey(cells.Error!, row.Number, above) : cells.Error!;
                yield return ImportedRecord.Failure([row.Number], cells.Column, error, Unreadable(groups, row));
                continue;
            }

            TallyUnread(row);

            if (groups is not null)
            {
                groups.Add(cells.GroupKey!, cells.Id, row.Number, cells.Values, cells.PrivateUse, cells.SerialDates);
                above = (row.Number, cells.GroupKey!);
                continue;
            }

            var json = _plan.Json(cells.Values);
            json["id"] ??= string.Create(CultureInfo.InvariantCulture, $"row {row.Number}");
            yield return Checked(ids, ToRecord(json, [row.Number], null, [], Warnings(null, cells.PrivateUse ?? [], cells.SerialDates ?? [])));
        }

        if (groups is not null)
        {
            foreach (var (json, key, rows, unreadable, warning, privateUse, serialDates) in groups.Merge())
            {
                yield return Checked(ids, ToRecord(json, rows, key, unreadable, Warnings(warning, privateUse, serialDates)));
            }
        }
    }

    /// <summary>
    /// Finishes the reason a row whose group cell is empty cannot be read. Right under a record's row of a CSV file, it may
    /// be a cell merged down in Excel, which the CSV keeps in the first row only; an .xlsx keeps the merge, and is read so,
    /// but a CSV keeps no trace of it, so joining the row to the one above would be a guess that can give one customer's
    /// follow-up to another: the reason says so, and names the row above. A shop's rows, whose buyers have no company,
    /// are records of their own: told only when the header looks like a shop's export.
    /// </summary>
    private string NoGroupKey(string clause, long row, (long Number, string Key)? above)
    {
        var reason = new StringBuilder(clause);
        if (_source is CsvSource && above is { } prior && prior.Number == row - 1)
        {
            reason.Append(CultureInfo.InvariantCulture, $". It may continue the record of the row above (row {prior.Number}, {ImportWarning.Quote(prior.Key)}): ")
                .Append("a cell merged down a record's rows in Excel is empty below its first row once saved as CSV. But a CSV keeps no trace of a merge, ")
                .Append("so this row cannot be told from a follow-up whose customer was never filled in, and joining it to the row above could give one customer's follow-up to another. ")
                .Append("Fill the cell in, or read the .xlsx, whose merged cells are read as merged");
        }
        else
        {
            reason.Append(": fill it in");
        }

        if (_plan.LooksLikeShopExport)
        {
            reason.Append("; where every row is a record of its own (a shop's orders, whose buyers have no company), read the export with a map without groupBy, such as the bundled followup-zh-shop");
        }

        return reason.Append('.').ToString();
    }

    /// <summary>Notes the unread columns in which a row read into a record holds a value.</summary>
    private void TallyUnread(SourceRow row)
    {
        for (var i = 0; i < _unread.Length; i++)
        {
            var column = _plan.UnreadColumns[i];
            if (column < row.Cells.Length && !SourceRow.IsEmpty(row.Cells[column]))
            {
                _unread[i] = (_unread[i].Rows + 1, _unread[i].Rows == 0 ? row.Number : _unread[i].First);
            }
        }
    }

    /// <summary>
    /// Gets a record's warnings: its group's split by id, its cells that hold private-use characters, and its date cells
    /// read from Excel serial day numbers.
    /// </summary>
    private IReadOnlyList<ImportWarning> Warnings(ImportWarning? split, IReadOnlyList<PrivateUseCell> privateUse, IReadOnlyList<SerialDateCell> serialDates)
    {
        if (split is null && privateUse.Count == 0 && serialDates.Count == 0)
        {
            // Most records have none: no list for each of a million.
            return Array.Empty<ImportWarning>();
        }

        var warnings = new List<ImportWarning>(2);
        if (split is not null)
        {
            warnings.Add(split);
        }

        if (privateUse.Count > 0)
        {
            warnings.Add(PrivateUse.Warning(privateUse, Encoding));
        }

        if (serialDates.Count > 0)
        {
            warnings.Add(SerialDates.Warning(serialDates));
        }

        return warnings;
    }

    /// <summary>
    /// Adds a warning to a record whose id an earlier record of the table has, when a column fills ids (else the ids are
    /// group keys or row numbers, which no two records share).
    /// </summary>
    private static ImportedRecord Checked(SeenIds? ids, ImportedRecord result) =>
        ids is not null && result.Record?.Id is { } id && ids.FirstRowOf(id, result.Row) is { } earlier
            ? result.With(new ImportWarning(
                ImportWarningCodes.IdRepeated,
                string.Create(CultureInfo.InvariantCulture, $"the id {ImportWarning.Quote(id)} is also the id of the record of row {earlier}, earlier in the table: a system that loads records by id keeps one of them.")))
            : result;

    /// <summary>Gets the group key of a row that cannot be read, when it has one, and notes the row in its group.</summary>
    private string? Unreadable(RecordGroups? groups, SourceRow row)
    {
        if (groups is null || _plan.GroupKeyOf(row) is not { } key)
        {
            return null;
        }

        groups.AddUnreadable(key, _plan.IdOf(row), row.Number);
        return key;
    }

    private static ImportedRecord ToRecord(
        System.Text.Json.Nodes.JsonObject json, IReadOnlyList<long> rows, string? groupKey, IReadOnlyList<long> unreadableRows, IReadOnlyList<ImportWarning> warnings)
    {
        try
        {
            return JsonSerializer.Deserialize(json, FollowUpJson.Record) is { } record
                ? ImportedRecord.Success(record, rows, groupKey, unreadableRows, warnings)
                : ImportedRecord.Failure(rows, null, "the row makes no record.", groupKey, unreadableRows);
        }
        catch (Exception exception) when (exception is JsonException or NotSupportedException)
        {
            return ImportedRecord.Failure(rows, null, exception.Message.ReplaceLineEndings(" "), groupKey, unreadableRows);
        }
    }

    private string? ColumnName(int? column) => column switch
    {
        null => null,
        { } c when c < _plan.Header.Count && _plan.Header[c].Length > 0 => _plan.Header[c],
        { } c => TableSource.ColumnLetter(c),
    };

    private static SourceRow ReadHeader(TableSource source)
    {
        while (source.TryRead(out var row))
        {
            if (row.Problem is { } problem)
            {
                var column = row.ProblemColumn is { } c ? $", column {TableSource.ColumnLetter(c)}" : "";
                throw new FormatException($"row {row.Number.ToString(CultureInfo.InvariantCulture)}{column}, the header: {problem}");
            }

            if (!row.IsBlank)
            {
                return row;
            }
        }

        throw EmptyTableException.Of((source as XlsxSource)?.Sheet);
    }
}
