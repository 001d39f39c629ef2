using System.Globalization;
using System.Text;
using nietras.SeparatedValues;

namespace FollowUp.Rules.Import.Reading;

/// <summary>
/// Reads CSV or TSV (RFC 4180: quoted cells may hold separators, doubled quotes and line breaks) with Sep, one row at a
/// time from a <see cref="StreamReader"/>, so memory stays flat whatever the file size.
/// </summary>
internal sealed class CsvSource : TableSource
{
    /// <summary>The most characters Sep 0.17.1 holds for one row; it cannot read a longer one, nor anything after it.</summary>
    private const int SepMaxRowChars = 16_777_216;

    private readonly char _separator;
    private readonly StreamReader _text;

    /// <summary>
    /// 1 when the file starts with Excel's separator line (<c>sep=;</c>). Excel hides it, so it is no row (the header is
    /// row 1, as Excel shows it), but it is a line of the file, which the messages that name lines count.
    /// </summary>
    private readonly int _separatorLines;
    private readonly SepReader _reader;
    private readonly bool _leaveOpen;

    /// <summary>Reads the bytes that are not valid in the encoding as U+FFFD and notes it, so the rows that hold them are reported.</summary>
    private readonly NotingDecoderFallback _invalidBytes = new();

    private bool _failed;

    /// <summary>How many rows the lines that stray quotes merged into earlier rows hold, so later rows keep their numbers.</summary>
    private long _mergedRows;

    /// <summary>Sep's index of the last row read (-1 before any), so a failure while reading the next one can say where reading stopped.</summary>
    private long _lastRowIndex = -1;

    /// <inheritdoc />
    public override bool StoppedReading => _failed;

    public CsvSource(Stream stream, char separator, Encoding? forcedEncoding, bool leaveOpen)
    {
        _separator = separator;
        _leaveOpen = leaveOpen;
        (Encoding, EncodingGuess, var text) = EncodingDetector.Detect(stream, forcedEncoding);
        // Never a DecoderFallbackException mid-file (a named encoding, or the rest of a pipe whose start alone decided it):
        // the invalid bytes are read as U+FFFD, and the rows that hold them reported.
        var decoding = (Encoding)Encoding.Clone();
        decoding.DecoderFallback = _invalidBytes;
        // The detector skipped a byte order mark, whose encoding won; the reader must not swap in its own, which would not note.
        _text = new StreamReader(text, decoding, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16, leaveOpen: true);
        var (named, textAfter) = ReadSeparatorLine(_text);
        if (named is { } fromFile)
        {
            _separator = fromFile;
            _separatorLines = 1;
        }

        _reader = Sep.Reader(ReaderOptions).From(new PrefixedTextReader(textAfter, _text));
    }

    /// <summary>Gets the encoding the text is read with.</summary>
    public Encoding Encoding { get; }

    /// <summary>
    /// Gets why <see cref="Encoding"/> was guessed from the bytes, when it is a guess other than UTF-8 (GB18030, Big5, UTF-16
    /// without a byte order mark), which may be wrong; <see langword="null"/> when it was named, marked or is UTF-8.
    /// </summary>
    public EncodingGuess? EncodingGuess { get; }

    private SepReaderOptions ReaderOptions(SepReaderOptions options) => options with
    {
        Sep = new Sep(_separator),
        HasHeader = false,
        Unescape = true,
        DisableColCountCheck = true,
        CultureInfo = CultureInfo.InvariantCulture,
    };

    public override bool TryRead(out SourceRow row)
    {
        row = default;
        if (_failed)
        {
            return false;
        }

        try
        {
            if (!_reader.MoveNext())
            {
                return false;
            }
        }
        catch (NotSupportedException)
        {
            // Sep's buffer is full before the row ends, and it cannot go on past it; the rows before it were all read.
            row = Failed(string.Create(
                CultureInfo.InvariantCulture,
                $"the row is longer than the {SepMaxRowChars:N0} characters the CSV reader can hold, most likely because a quote in it never closes and takes the rest of the file as its text; this row and the rest of the file cannot be read. Close the quote, and double a quote inside a quoted cell (\"\")."));
            return true;
        }

        var current = _reader.Current;
        var number = current.RowIndex + 1 + _mergedRows;
        _lastRowIndex = current.RowIndex;
        // In RFC 4180 quotes come in pairs (open and close, or doubled inside), and Sep pairs them wherever they are; an
        // odd count means a quote never closed, which swallowed the line breaks after it, to the end of the file. The raw
        // row is copied before its cells are read, since unescaping rewrites the row's span in place.
        // A quote inside a cell's unquoted text (27" 显示器) is not RFC 4180's, but Sep pairs it all the same: with a
        // second one on a later line, the lines between become one row, which can even have the header's width.
        // Outside quotes a line break ends the row, so only a row with quotes can hold one.
        var quotes = current.Span.Count('"');
        var unclosed = quotes % 2 == 1;
        var raw = unclosed || (quotes > 0 && current.Span.IndexOfAny('\r', '\n') >= 0) ? current.Span.ToString() : null;
        // Sep 0.17.1 gives the first row (RowIndex 0) a LineNumberFrom equal to its LineNumberToExcl; it starts on line 1.
        var lineFrom = (current.RowIndex == 0 ? 1 : current.LineNumberFrom) + _separatorLines;
        var lineToExcl = current.LineNumberToExcl + _separatorLines;
        var cells = new object?[current.ColCount];
        for (var i = 0; i < cells.Length; i++)
        {
            cells[i] = current[i].ToString();
        }

        row = new SourceRow(number, cells);
        if (unclosed)
        {
            row = Unclosed(row, raw!, lineFrom, lineToExcl);
        }
        else if (raw is not null && OpenQuote(raw) is { InsideCell: true } stray)
        {
            row = Merged(row, raw, stray, lineFrom, lineToExcl);
        }
        else if (InvalidBytesColumn(cells) is >= 0 and var column)
        {
            var name = TableEncodings.DisplayName(Encoding);
            row = row with
            {
                Problem = $"the cell holds bytes that are not valid {name}, the encoding the file is read in. Correct them, or name the file's encoding if it is not {name}.",
                ProblemColumn = column,
            };
        }
        else if (HeaderWidth is { } width && cells.Length != width && !row.IsBlank)
        {
            row = row with
            {
                Problem = cells.Length > width
                    ? string.Create(CultureInfo.InvariantCulture, $"the row has {Cells(cells.Length)} but the header has {width} (A–{ColumnLetter(width - 1)}): {Beyond(width, cells.Length)} beyond it, as an unquoted separator in a cell shifts every cell after it. Quote a cell that holds a separator.")
                    : string.Create(CultureInfo.InvariantCulture, $"the row has {Cells(cells.Length)} but the header has {width}: cells are missing, so the cells cannot be matched to their columns."),
                ProblemColumn = Math.Min(cells.Length, width),
                CellsInPlace = cells.Length,
            };
        }

        return true;
    }

    /// <summary>Names the cells of a row past the header's last column: <c>cell AE is</c>, <c>cells AK–AM are</c>.</summary>
    private static string Beyond(int width, int cells) => cells - width == 1
        ? $"cell {ColumnLetter(width)} is"
        : $"cells {ColumnLetter(width)}–{ColumnLetter(cells - 1)} are";

    /// <summary>
    /// Gets the first cell that holds bytes not valid in the encoding, or -1: U+FFFD once the decoder has replaced some, and
    /// in Big5 U+F8F8 and U+0080 too, which code page 950 makes of the bytes 0xFF and 0x80 instead of falling back, though no
    /// Big5 or Big5-HKSCS text holds them. Big5's other private-use characters come from its user-defined areas, where the
    /// Hong Kong (HKSCS) characters lie, so they are read and warned of as such, not taken for invalid bytes.
    /// </summary>
    private int InvalidBytesColumn(object?[] cells)
    {
        var replaced = _invalidBytes.Replaced;
        var big5 = Encoding.CodePage == TableEncodings.Big5.CodePage;
        if (!replaced && !big5)
        {
            return -1;
        }

        // A loop, not a lambda: the check runs on every row of a Big5 file, and a closure would be allocated for each.
        for (var column = 0; column < cells.Length; column++)
        {
            var text = ((string)cells[column]!).AsSpan();
            if ((replaced && text.Contains('\uFFFD')) || (big5 && text.IndexOfAny('\uF8F8', '\u0080') >= 0))
            {
                return column;
            }
        }

        return -1;
    }

    private static string Cells(int count) => count == 1 ? "1 cell" : string.Create(CultureInfo.InvariantCulture, $"{count} cells");

    /// <summary>Ends the reading with the row after the last one read (and the lines it merged), which carries why nothing more can be read.</summary>
    private SourceRow Failed(string problem)
    {
        _failed = true;
        return new SourceRow(_lastRowIndex + 2 + _mergedRows, [], problem);
    }

    /// <summary>
    /// Gets the column of the quote that is still open at the end of a row's first line, whether it opens inside the cell's
    /// text rather than at its start (after nothing but white space), and where the second line starts. No line break comes
    /// before a row's first quote (it would have ended the row), so that quote opens on the first line.
    /// </summary>
    private (int Column, bool InsideCell, int SecondLine) OpenQuote(string raw)
    {
        var quoted = false;
        var column = 0;
        var opened = 0;
        var insideCell = false;
        var cellText = false;
        for (var i = 0; i < raw.Length; i++)
        {
            var c = raw[i];
            if (c == '"' && quoted && i + 1 < raw.Length && raw[i + 1] == '"')
            {
                // A doubled quote inside a quoted cell is a quote of its text ("客户说""价格偏高"""): the cell stays open.
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
                if (quoted)
                {
                    opened = column;
                    insideCell = cellText;
                }

                cellText = true;
            }
            else if (c == _separator && !quoted)
            {
                column++;
                cellText = false;
            }
            else if (c is '\r' or '\n')
            {
                return (opened, insideCell, i + (c == '\r' && i + 1 < raw.Length && raw[i + 1] == '\n' ? 2 : 1));
            }
            else if (!char.IsWhiteSpace(c))
            {
                cellText = true;
            }
        }

        return (opened, insideCell, raw.Length);
    }

    /// <summary>
    /// Reports a row whose quote never closed: the quote opens on the row's first line and runs to the end of the file.
    /// The lines after the first are read again as rows, as if the quote had closed at the end of the first line; those
    /// rows are <see cref="SourceRow.Swallowed"/>, so the rows they hold are counted and not lost. Where the quote was meant
    /// to close cannot be known (the row's own cell may have been meant to hold a line break or two), so this is the reading
    /// the message names, with the lines Sep reports.
    /// </summary>
    private SourceRow Unclosed(SourceRow row, string raw, int lineFrom, int lineToExcl)
    {
        var (column, _, secondLine) = OpenQuote(raw);
        // Sep's range counts the empty line after a final line break; the quote's last line is the one before it.
        var lineTo = Math.Max(lineFrom, lineToExcl - 1 - (raw.Length > 0 && raw[^1] is '\r' or '\n' ? 1 : 0));
        var swallowed = Swallow(raw[secondLine..], row.Number + 1, out _);
        var runs = string.Create(
            CultureInfo.InvariantCulture,
            $"a quoted cell opens on line {lineFrom}, in row {row.Number}, and is never closed, so the quote runs from row {row.Number} to line {lineTo}, the end of the file");
        var rest = swallowed.Count switch
        {
            0 when lineTo == lineFrom => "",
            0 => string.Create(CultureInfo.InvariantCulture, $", taking the lines after line {lineFrom} as its text; {Held(swallowed)}"),
            _ => string.Create(
                CultureInfo.InvariantCulture,
                $", taking the lines after line {lineFrom} as its text: counted as if the quote closed at the end of line {lineFrom}, {Held(swallowed)}"),
        };
        return row with
        {
            Problem = runs + rest + ". Close the quote, and double a quote inside a quoted cell (\"\").",
            ProblemColumn = column,
            CellsInPlace = column,
            Swallowed = swallowed,
        };
    }

    /// <summary>
    /// Reports a row that a quote inside a cell's text merged with the lines after it, up to the line of the quote Sep paired it
    /// with. As for a quote that never closes, the lines after the first are read again as rows, as if the quote had closed at
    /// the end of the first line, and are <see cref="SourceRow.Swallowed"/>; the rows after them keep their numbers.
    /// </summary>
    private SourceRow Merged(SourceRow row, string raw, (int Column, bool InsideCell, int SecondLine) quote, int lineFrom, int lineToExcl)
    {
        var lineTo = lineToExcl - 1;
        var swallowed = Swallow(raw[quote.SecondLine..], row.Number + 1, out var lines);
        _mergedRows += lines;
        return row with
        {
            Problem = string.Create(
                CultureInfo.InvariantCulture,
                $"a quote inside the text of a cell on line {lineFrom}, in row {row.Number}, pairs with a quote on line {lineTo}, so lines {lineFrom} to {lineTo} read as one row; counted as if the quote closed at the end of line {lineFrom}, {Held(swallowed)}. Quote the whole cell and double a quote inside it (\"\")."),
            ProblemColumn = quote.Column,
            CellsInPlace = quote.Column,
            Swallowed = swallowed,
        };
    }

    /// <summary>Says which rows the lines a quote swallowed hold.</summary>
    private static string Held(List<SourceRow> swallowed) => swallowed.Count switch
    {
        0 => "they hold no other row",
        1 => string.Create(CultureInfo.InvariantCulture, $"they hold row {swallowed[0].Number}, which cannot be read either and is reported with this row"),
        var count => string.Create(
            CultureInfo.InvariantCulture,
            $"they hold rows {swallowed[0].Number} to {swallowed[^1].Number} ({count} rows), which cannot be read either and are reported with this row"),
    };

    /// <summary>
    /// Reads the text a quote swallowed (one never closed, or one paired across lines) as rows, numbered on from
    /// <paramref name="firstNumber"/>, keeping of each row that is not blank its number and the cells of
    /// <see cref="TableSource.KeyColumns"/>. Sep was inside the quote
    /// at every line break of this text, and reading it again from outside a quote flips that state at every point, so each
    /// line is one row here (a quoted cell in it may still hold a separator or a doubled quote).
    /// </summary>
    /// <param name="text">The text the quote swallowed.</param>
    /// <param name="firstNumber">The number of its first row.</param>
    /// <param name="rowCount">How many rows the text holds, blank ones included.</param>
    private List<SourceRow> Swallow(string text, long firstNumber, out int rowCount)
    {
        var rows = new List<SourceRow>();
        rowCount = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return rows;
        }

        var width = KeyColumns.Count == 0 ? 0 : KeyColumns.Max() + 1;
        using var reader = Sep.Reader(ReaderOptions).FromText(text);
        while (reader.MoveNext())
        {
            var current = reader.Current;
            rowCount = current.RowIndex + 1;
            var blank = true;
            for (var i = 0; i < current.ColCount && blank; i++)
            {
                blank = current[i].Span.IsWhiteSpace();
            }

            if (blank)
            {
                continue;
            }

            var kept = new object?[Math.Min(width, current.ColCount)];
            foreach (var column in KeyColumns)
            {
                if (column < kept.Length)
                {
                    kept[column] = current[column].ToString();
                }
            }

            rows.Add(new SourceRow(firstNumber + current.RowIndex, kept) { CellsInPlace = current.ColCount });
        }

        return rows;
    }

    /// <summary>
    /// Reads Excel's separator line, <c>sep=;</c> alone on the first line, which Excel writes for a separator other than
    /// the locale's and obeys when it opens the file (a European export's semicolons): the file's own word on its separator.
    /// </summary>
    /// <returns>The separator it names, or <see langword="null"/>; and the text read that is not that line, to be read again.</returns>
    private static (char? Separator, string TextAfter) ReadSeparatorLine(TextReader text)
    {
        // A byte order mark after the one the encoding came from (a BOM file saved again by a tool that adds its own) reads
        // as U+FEFF: on the first header name, where nobody sees it and no map names it, its column would go unread.
        int first;
        do
        {
            first = text.Read();
        }
        while (first == '\uFEFF');

        if (first < 0)
        {
            return (null, "");
        }

        var head = new char["sep=;\r\n".Length];
        head[0] = (char)first;
        var read = 1 + text.ReadBlock(head, 1, head.Length - 1);
        var line = head.AsSpan(0, read);
        if (read < 5 || !line.StartsWith("sep=", StringComparison.OrdinalIgnoreCase) || line[4] is not (',' or ';' or '\t' or '|'))
        {
            return (null, new string(line));
        }

        var after = line[5..];
        var lineBreak = after switch
        {
            [] => 0,
            ['\r', '\n', ..] => 2,
            ['\r' or '\n', ..] => 1,
            _ => -1,
        };
        return lineBreak < 0 ? (null, new string(line)) : (line[4], new string(after[lineBreak..]));
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _reader.Dispose();
            _text.Dispose();
            if (!_leaveOpen)
            {
                _text.BaseStream.Dispose();
            }
        }
    }
}
