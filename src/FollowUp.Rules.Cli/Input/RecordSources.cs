using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using FollowUp.Rules.Cli.Output;
using FollowUp.Rules.Import;
using FollowUp.Rules.Import.Reading;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules.Cli.Input;

/// <summary>
/// Reads records from the inputs of a command, one at a time, so memory stays flat whatever the input size. A row that
/// cannot be read becomes a <see cref="RecordInput"/> with its reason; the rows around it are still read. CSV, TSV and
/// .xlsx files (by extension) are read with FollowUp.Rules.Import and the column map of <see cref="TableInput"/>.
/// </summary>
internal static class RecordSources
{
    /// <summary>
    /// Reads every input in order, after telling what <see cref="CheckInputs"/> noticed about them; each table file is
    /// opened again when its turn comes (a FIFO is read with the reader <see cref="CheckInputs"/> kept open for it).
    /// </summary>
    public static async IAsyncEnumerable<RecordInput> ReadAsync(
        CheckedInputs inputs, CliConsole console, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var notice in inputs.Notices)
        {
            await console.Error.WriteLineAsync(notice).ConfigureAwait(false);
        }

        for (var i = 0; i < inputs.Count; i++)
        {
            // Named in diagnostics as one line that cannot change the terminal, whatever the path holds (a line break).
            var path = inputs.Name(i);
            var input = PrintableText.Of(path, path.Length);
            if (inputs.IsBlank(i))
            {
                continue;
            }

            if (inputs.Damaged(i) is { } damaged)
            {
                yield return new RecordInput(input, 1, "row", null, damaged, EndsInput: true);
                continue;
            }

            if (inputs.IsTable(i))
            {
                var (table, failure) = TakeTable(inputs, i);
                if (table is null)
                {
                    // Only the file's start could be checked before the run: where it is now unreadable is this input's only row.
                    yield return new RecordInput(input, 1, "row", null, failure, EndsInput: true);
                    continue;
                }

                var anyTableRow = false;
                var privateUse = new PrivateUseWarnings(input, table.Encoding);
                foreach (var row in ReadTable(input, table, privateUse, cancellationToken))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return row;
                    anyTableRow = true;
                }

                if (privateUse.Notice() is { } privateUseNotice)
                {
                    inputs.AddClosingNotice(privateUseNotice);
                }

                if (HeaderWarnings.UnreadColumns(table) is { } unread)
                {
                    inputs.AddClosingNotice($"{input}: warning: {unread}");
                }

                if (!anyTableRow)
                {
                    // A header and nothing under it: as an empty file, an export that failed upstream, not a run with nothing wrong.
                    inputs.AddClosingNotice($"{input}: warning: the table has a header and no rows, so it holds no records.");
                }

                continue;
            }

            if (OpenAtItsTurn(path, console) is not { } stream)
            {
                // Checked at the start and gone since (an export a sync removed or replaced): this input's only row, as a
                // table that changed after its header was checked is, and the run goes on with the others.
                yield return new RecordInput(input, 1, "line", null, "the file was deleted or moved after it was checked, so it cannot be read.", EndsInput: true);
                continue;
            }

            await using (stream.ConfigureAwait(false))
            {
                var (text, guessedEncoding) = await Utf8TextAsync(stream, cancellationToken).ConfigureAwait(false);
                await using (text.ConfigureAwait(false))
                {
                    var head = await HeadAsync(text, cancellationToken).ConfigureAwait(false);
                    if (NotJsonText(head) is { } format)
                    {
                        // Read as JSON Lines, a binary file makes a line of nonsense for every stray line-break byte in it.
                        yield return new RecordInput(input, 1, "line", null, format, EndsInput: true);
                        continue;
                    }

                    // A .jsonl file is JSON Lines whatever its first line holds; otherwise the reader tells the layout from it.
                    var options = new JsonRecordReadOptions { Layout = IsJsonLinesName(input) ? JsonRecordLayout.JsonLines : null };
                    var rows = ReadJsonAsync(input, new PrefixedStream(head, text), options, cancellationToken);
                    var encodingWarning = guessedEncoding is null ? null : GuessedEncodingWarning(guessedEncoding);
                    var anyRow = false;
                    await foreach (var row in rows.ConfigureAwait(false))
                    {
                        // Told with the first row, so it is written in turn with the rows' diagnostics, off the progress line.
                        yield return row with { InputWarning = encodingWarning };
                        encodingWarning = null;
                        anyRow = true;
                    }

                    if (!anyRow)
                    {
                        // As a table of no rows is told: an export that failed upstream must not pass as a run with nothing wrong.
                        inputs.AddClosingNotice(head.Length == 0
                            ? $"{input}: warning: the input is empty, so it holds no records."
                            : $"{input}: warning: the input holds no records: only white space, or an empty JSON array.");
                    }
                }
            }
        }
    }

    /// <summary>
    /// Evaluates every readable record of the inputs in parallel, yielding them in input order with their rows; an unreadable
    /// row is reported on standard error where it stood and counted in <see cref="CheckedInputs.Unreadable"/>.
    /// </summary>
    public static async IAsyncEnumerable<(RecordInput Row, FollowUpEvaluation Evaluation)> EvaluateAsync(
        CheckedInputs inputs, IFollowUpEvaluator evaluator, BatchEvaluationOptions batch, CliConsole console, ProgressLine? progress,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var rows = ReadAsync(inputs, console, cancellationToken);
        var unknownScenarios = new UnknownScenarios();
        var repeatedIds = new RepeatedIds();
        // Only the default order leaves such dates unread for want of an order; a configured one reads them or says why not.
        var yearLastDates = evaluator.Rules.DateOrder == DateOrder.YearFirst ? new YearLastDates() : null;
        await foreach (var (row, evaluation) in evaluator.EvaluateRowsAsync(rows, r => r.Record, batch, cancellationToken).ConfigureAwait(false))
        {
            await RowDiagnostics.ReportAsync(row, console.Error, progress).ConfigureAwait(false);
            if (evaluation is null)
            {
                if (row.IsSkipped)
                {
                    // A summary row (合计) is no record and loses nothing: warned of, not counted as unreadable.
                    continue;
                }

                inputs.Unreadable += row.RowCount;
                if (row.EndsInput)
                {
                    inputs.AddReadInPart(row.Location);
                }

                continue;
            }

            unknownScenarios.Count(evaluation);
            repeatedIds.Count(evaluation.Id, row.Location);
            yearLastDates?.Count(evaluation);
            yield return (row, evaluation);
        }

        foreach (var notice in inputs.ClosingNotices.Append(unknownScenarios.Notice()).Append(repeatedIds.Notice()).Append(yearLastDates?.Notice()))
        {
            if (notice is null)
            {
                continue;
            }

            progress?.Clear();
            try
            {
                await console.Error.WriteLineAsync(notice).ConfigureAwait(false);
            }
            catch (IOException)
            {
                // Standard error cannot be written (2>/dev/full): a warning that cannot be shown does not undo a finished run.
            }
        }
    }

    /// <summary>
    /// The scenarios that named no profile, counted, so that one line at the end says which records were evaluated with the
    /// default profile instead: an export whose scenario column holds the CRM's own words would otherwise be graded under the
    /// wrong profile with only a finding inside each evaluation to tell.
    /// </summary>
    private sealed class UnknownScenarios
    {
        private const int Listed = 5;

        /// <summary>How many characters of a scenario the warning quotes.</summary>
        private const int Quoted = 40;

        private Dictionary<string, int>? _counts;
        private string? _profile;
        private long _records;

        public void Count(FollowUpEvaluation evaluation)
        {
            foreach (var finding in evaluation.Findings)
            {
                if (finding.Code == FindingCodes.UnknownProfile)
                {
                    _counts ??= new(StringComparer.Ordinal);
                    var scenario = finding.Value ?? "";
                    _counts[scenario] = _counts.GetValueOrDefault(scenario) + 1;
                    _profile ??= evaluation.Profile;
                    _records++;
                    return;
                }
            }
        }

        public string? Notice()
        {
            if (_counts is null)
            {
                return null;
            }

            var named = _counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).ToList();
            var listed = string.Join(", ", named.Take(Listed).Select(c => $"'{PrintableText.Of(c.Key, Quoted)}' ({c.Value})"));
            var more = named.Count > Listed ? $" and {named.Count - Listed} more" : "";
            return $"followup: warning: {_records} record(s) name a scenario no profile has, and were evaluated with profile {_profile}: "
                + $"{listed}{more}. Give a profile's name, or add the value to a profile's \"Aliases\" in --config.";
        }
    }

    /// <summary>
    /// Checks that every input can be opened, and that --map, --sheet and --encoding apply to one if given, before anything
    /// is evaluated, so a typo is a usage error, not a half run; the header of each table must be readable with the column
    /// map. A table in a regular file is closed again once checked, so thousands of inputs hold neither thousands of open
    /// files nor their buffers, and <see cref="ReadAsync"/> opens it again with the encoding detected here; a table that
    /// cannot be read twice (a FIFO) stays open until it is read.
    /// </summary>
    public static CheckedInputs CheckInputs(IReadOnlyList<string> inputs, string? output, TableInput tables)
    {
        if (output is not null && string.IsNullOrWhiteSpace(output))
        {
            throw new CliUsageException("--output needs a file name.");
        }

        tables.CheckApplies(inputs);
        // RepeatedIds counts the run's repeated ids across its inputs in one line at the end; the reader need not hold a
        // hash per record too, nor warn of them row by row.
        var options = tables.Options with { WarnRepeatedIds = false };

        var checkedInputs = new CheckedInputs(inputs);
        try
        {
            for (var i = 0; i < inputs.Count; i++)
            {
                Check(inputs[i], i);
            }
        }
        catch
        {
            checkedInputs.Dispose();
            throw;
        }

        return checkedInputs;

        void Check(string input, int index)
        {
            var shown = PrintableText.Of(input, input.Length);
            if (input != "-" && !File.Exists(input))
            {
                throw new CliUsageException(input.StartsWith('-')
                    ? $"unknown option '{shown}'."
                    : $"cannot read input '{shown}': {(Directory.Exists(input) ? "it is a directory; name the files in it" : "no such file")}.");
            }

            if (output is not null && input != "-" && OutputFile.IsSameFile(input, output))
            {
                throw new CliUsageException($"--output '{output}' is also an input; writing it would destroy the records before they are read.");
            }

            if (input != "-" && FollowUpTableReader.GetFormat(input) is not null)
            {
                // An empty export is a table of no rows, as an empty JSON Lines file is, not a reason to stop the run: a file of
                // no bytes (no .xlsx workbook either), or any table without a header row.
                try
                {
                    var stream = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
                    // A file is closed once checked and opened again at its turn; a FIFO cannot seek and its bytes cannot be read
                    // twice, so its reader is kept. Its length says nothing (0), and an empty one is found to have no header row.
                    var reopens = stream.CanSeek;
                    if (reopens && stream.Length == 0)
                    {
                        stream.Dispose();
                        SetBlank("the file is empty");
                        return;
                    }

                    var format = FollowUpTableReader.GetFormat(input)!.Value;
                    var table = FollowUpTableReader.OpenStream(stream, format, tables.Map, options);
                    foreach (var misnamed in table.MisnamedColumns)
                    {
                        checkedInputs.AddNotice($"{shown}: warning: {misnamed}");
                    }

                    if (HeaderWarnings.MissingColumns(table) is { } missing)
                    {
                        checkedInputs.AddNotice($"{shown}: warning: {missing}");
                    }

                    if (options.Encoding is null && EncodingNotice(table) is { } notice)
                    {
                        // A weak guess may garble every row while the run looks fine: a warning, where a sure one is a note.
                        checkedInputs.AddNotice($"{shown}: {(table.EncodingUncertain ? "warning" : "note")}: {notice}");
                    }

                    if (reopens)
                    {
                        // Read again in the encoding found now, so the note above holds and the file is not weighed twice.
                        checkedInputs.ReopenTable(index, tables.Map, options with { Encoding = table.Encoding ?? options.Encoding });
                        table.Dispose();
                    }
                    else
                    {
                        checkedInputs.KeepTable(index, table);
                    }
                }
                catch (EmptyTableException exception)
                {
                    SetBlank(exception.Sheet is { } sheet ? $"the worksheet '{sheet}' is empty" : "the file is empty");
                }
                catch (FormatException exception) when (exception.InnerException is InvalidDataException or System.Xml.XmlException)
                {
                    // Damaged content (a workbook cut short, a worksheet whose compressed data is broken), not a wrong map or
                    // sheet: the file's one unreadable row at its turn, so one bad upload does not cost the night's other inputs.
                    checkedInputs.SetDamaged(index, exception.Message);
                }
                catch (Exception exception) when (exception is FormatException or IOException or UnauthorizedAccessException)
                {
                    throw new CliUsageException($"cannot read input '{shown}': {exception.Message}");
                }
            }

            void SetBlank(string what)
            {
                checkedInputs.SetBlank(index);
                checkedInputs.AddNotice($"{shown}: warning: {what}, so it holds no rows.");
            }
        }
    }

    /// <summary>
    /// Takes the reader of a table over from <paramref name="inputs"/>, opening a file again; or, when the file changed since
    /// its header was checked so that it can no longer be read, says so, for the run to go on with the other inputs.
    /// </summary>
    private static (FollowUpTableReader? Table, string? Failure) TakeTable(CheckedInputs inputs, int index)
    {
        try
        {
            return (inputs.TakeTable(index), null);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return (null, "the file was deleted or moved after its header was checked, so it cannot be read.");
        }
        catch (EmptyTableException)
        {
            return (null, "the file was emptied after its header was checked, so none of its rows can be read.");
        }
        catch (Exception exception) when (exception is FormatException or UnauthorizedAccessException)
        {
            return (null, $"the file changed after its header was checked, and cannot be read now: {OneLine(exception.Message)}");
        }
    }

    /// <summary>Reads a CSV, TSV or .xlsx file: one row per record (or per group of rows), or the row, column and reason it cannot be read.</summary>
    private static IEnumerable<RecordInput> ReadTable(string input, FollowUpTableReader table, PrivateUseWarnings privateUse, CancellationToken cancellationToken)
    {
        using (table)
        {
            foreach (var result in table.ReadRecords(cancellationToken))
            {
                yield return result.IsRecord
                    ? new RecordInput(input, result.Row, "row", result.Record, null, RecordWarning(result, privateUse))
                    : result.IsSummaryRow
                    ? new RecordInput(input, result.Row, "row", null, null, $"skipped: {result.Error}")
                    : new RecordInput(
                        input, result.Row, "row", null, result.Column is null ? result.Error : $"column '{result.Column}': {result.Error}", EndsInput: table.StoppedReading,
                        RowCount: Math.Max(1, result.Rows.Count));
            }
        }
    }

    /// <summary>
    /// Says which encoding a table nobody named the encoding of is read with, when it is not UTF-8, so text that reads wrong
    /// can be traced to it; nothing for UTF-8 and .xlsx. A byte order mark leads to UTF-16 or UTF-32, or zero bytes in every
    /// other byte to UTF-16; the detector's weighing of the bytes leads to GB18030 or Big5, and says how sure it is.
    /// </summary>
    private static string? EncodingNotice(FollowUpTableReader table) => table.Encoding switch
    {
        null or { CodePage: 65001 } => null,
        var encoding when !table.EncodingGuessed => $"read as {encoding.WebName}, as its byte order mark says.",
        { CodePage: 54936 or 950 } chinese when table.EncodingUncertain =>
            $"read as {TableEncodings.DisplayName(chinese)}, but only a weak guess from its bytes: {table.EncodingEvidence}. If its text reads wrong, name its encoding with --encoding (gb18030 or big5), or save the file as UTF-8.",
        { CodePage: 54936 or 950 } chinese =>
            $"read as {TableEncodings.DisplayName(chinese)}, guessed from its bytes with confidence: {table.EncodingEvidence}. If its text reads wrong, name its encoding with --encoding.",
        var utf16 => $"read as {utf16.WebName}: {table.EncodingEvidence}. If its text reads wrong, name its encoding with --encoding.",
    };

    private static bool IsJsonLinesName(string input) =>
        input.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || input.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);

    /// <summary>Opens an input when its turn comes; <see langword="null"/> when a file checked at the start is no longer there.</summary>
    private static Stream? OpenAtItsTurn(string input, CliConsole console)
    {
        if (input == "-")
        {
            return console.OpenInput();
        }

        try
        {
            return new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, useAsync: true);
        }
        catch (Exception missing) when (missing is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Reads JSON: a record per line or element, or its number and why it cannot be read.</summary>
    /// <param name="source">The input's name.</param>
    /// <param name="stream">The UTF-8 text.</param>
    /// <param name="options">The layout, or none for the reader to tell it from the text, and the most bytes a record may hold.</param>
    /// <param name="cancellationToken">Stops the reading.</param>
    internal static async IAsyncEnumerable<RecordInput> ReadJsonAsync(
        string source, Stream stream, JsonRecordReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var result in FollowUpJson.ReadRecordsAsync(stream, options, cancellationToken).ConfigureAwait(false))
        {
            yield return new RecordInput(
                source, result.Number, result.Unit, result.Record, result.Error, result.Record is { } record ? InvalidValuesWarning(record) : null, result.EndsReading);
        }
    }

    /// <summary>
    /// Gets the input as UTF-8, which the JSON readers parse: as it is, or transcoded from UTF-16, when a byte order mark says
    /// so, as Windows PowerShell's <c>&gt;</c> and <c>Out-File</c> write it, or when the zero bytes of its first line do, as
    /// some exports write it without a mark (see <see cref="Utf16Text.WithoutByteOrderMark"/>).
    /// </summary>
    /// <returns>The UTF-8 text, and the encoding it was transcoded from when only its zero bytes told it.</returns>
    private static async ValueTask<(Stream Text, Encoding? GuessedEncoding)> Utf8TextAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = (await JsonRecordReader.PeekAsync(new Utf8Source(stream, default, synchronous: false), cancellationToken).ConfigureAwait(false)).ToArray();
        Stream text = new PrefixedStream(head, stream);
        Encoding? marked = head switch
        {
            [0xFF, 0xFE, ..] => Encoding.Unicode,
            [0xFE, 0xFF, ..] => Encoding.BigEndianUnicode,
            _ => null,
        };
        var guessed = marked is null ? Utf16Text.WithoutByteOrderMark(head) : null;
        return (marked ?? guessed) is { } utf16 ? (Encoding.CreateTranscodingStream(text, utf16, Encoding.UTF8), guessed) : (text, null);
    }

    /// <summary>Says that a JSON input was read as UTF-16 for its zero bytes alone, so text that reads wrong can be traced to it.</summary>
    private static string GuessedEncodingWarning(Encoding utf16) =>
        $"read as {utf16.WebName}: the input has no byte order mark, but zero bytes in alternate bytes, as UTF-16 text has. If its text reads wrong, save it as UTF-8.";

    /// <summary>
    /// Says what a file is when its first bytes are those of a binary format users export records in, which no JSON starts
    /// with; <see langword="null"/> for anything else.
    /// </summary>
    private static string? NotJsonText(ReadOnlySpan<byte> head) => head switch
    {
        [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, ..] =>
            "the input is an Excel 97-2003 workbook (.xls) or another Office file, not JSON, and cannot be read; save it as .xlsx or CSV and read it with --map.",
        [(byte)'P', (byte)'K', 0x03, 0x04, ..] =>
            "the input is a zip archive, not JSON; an .xlsx workbook is read as one only when its name ends in .xlsx (with --map).",
        [0x1F, 0x8B, ..] => "the input is gzip-compressed, not JSON; decompress it first (gunzip).",
        _ => null,
    };

    /// <summary>
    /// Says which values of a record were read as absent for their wrong shape, or nothing. Their findings are in the
    /// evaluation, but a table shows only the top deductions, and data left out must never go unsaid (SPEC §9).
    /// </summary>
    private static string? InvalidValuesWarning(FollowUpRecord record) => record.InvalidValues.Count == 0
        ? null
        : $"values of the wrong shape were read as absent: {string.Join("; ", record.InvalidValues.Select(v => $"{v.Path} = {v.Json} (expected {ShapeName(v.Expected)})"))}.";

    private static string ShapeName(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object with fields",
        JsonValueKind.Array => "a list",
        _ => "text",
    };

    /// <summary>
    /// Reads the first bytes of the input, enough to tell a binary format by <see cref="NotJsonText"/>, for the JSON reader
    /// to read again.
    /// </summary>
    private static async ValueTask<byte[]> HeadAsync(Stream stream, CancellationToken cancellationToken)
    {
        var head = new byte[8];
        var length = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken).ConfigureAwait(false);
        return head[..length];
    }

    /// <summary>
    /// Says that a grouped record was built without rows of its group that could not be read, and what else the reader
    /// warns of (a group whose rows held several ids; private-use characters, for the first few records of the table), or nothing.
    /// </summary>
    private static string? RecordWarning(ImportedRecord result, PrivateUseWarnings privateUse)
    {
        var warnings = privateUse.ToTell(result.Warnings).Select(w => PrintableText.Of(w.Message, int.MaxValue)).ToList();
        if (result.UnreadableRows.Count > 0)
        {
            warnings.Insert(0, string.Create(
                System.Globalization.CultureInfo.InvariantCulture,
                $"the record of '{result.GroupKey}' is incomplete: it was built without unreadable row(s) {string.Join(", ", result.UnreadableRows)} of its group."));
        }

        return warnings.Count == 0 ? null : string.Join("; ", warnings.Select(w => w.TrimEnd('.'))) + ".";
    }

    private static string OneLine(string message) => message.ReplaceLineEndings(" ");
}
