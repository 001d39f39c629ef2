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
    private readonly StreamReader _text;
    private readonly SepReader _reader;
    private readonly bool _leaveOpen;
    private bool _failed;

    public CsvSource(Stream stream, char separator, Encoding? forcedEncoding, bool leaveOpen)
    {
        _leaveOpen = leaveOpen;
        (Encoding, var text) = EncodingDetector.Detect(stream, forcedEncoding);
        // A byte order mark is skipped (and wins over the encoding, which the detector already made it do).
        _text = new StreamReader(text, Encoding, detectEncodingFromByteOrderMarks: true, bufferSize: 1 << 16, leaveOpen: true);
        _reader = Sep.Reader(o => o with
        {
            Sep = new Sep(separator),
            HasHeader = false,
            Unescape = true,
            DisableColCountCheck = true,
            CultureInfo = CultureInfo.InvariantCulture,
        }).From(_text);
    }

    /// <summary>Gets the encoding the text is read with.</summary>
    public Encoding Encoding { get; }

    public override bool TryRead(out SourceRow row)
    {
        row = default;
        if (_failed)
        {
            return false;
        }

        long number = 0;
        try
        {
            if (!_reader.MoveNext())
            {
                return false;
            }

            var current = _reader.Current;
            number = current.RowIndex + 1;
            // In RFC 4180 quotes come in pairs (open and close, or doubled inside); an odd count means a quote never closed,
            // which swallowed the line breaks after it. Counted on the raw row, before unescaping changes it.
            var unclosed = current.Span.Count('"') % 2 == 1;
            var lineFrom = current.LineNumberFrom;
            var lineTo = current.LineNumberToExcl - 1;
            var cells = new object?[current.ColCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = current[i].ToString();
            }

            row = new SourceRow(number, cells);
            if (unclosed)
            {
                row = row with
                {
                    Problem = string.Create(
                        CultureInfo.InvariantCulture,
                        $"a quoted cell that opens on line {lineFrom} is never closed, so the lines after it (through line {lineTo}) were read as its text. Close the quote, and double a quote inside a quoted cell (\"\")."),
                    ProblemColumn = cells.Length - 1,
                };
            }
            else if (HeaderWidth is { } width && cells.Length != width && !row.IsBlank)
            {
                row = row with
                {
                    Problem = cells.Length > width
                        ? string.Create(CultureInfo.InvariantCulture, $"the row has {cells.Length} cells but the header has {width}: an unquoted separator in a cell shifts every cell after it. Quote a cell that holds a separator.")
                        : string.Create(CultureInfo.InvariantCulture, $"the row has {cells.Length} cells but the header has {width}: cells are missing, so the cells cannot be matched to their columns."),
                    ProblemColumn = Math.Min(cells.Length, width),
                };
            }

            return true;
        }
        catch (DecoderFallbackException exception)
        {
            // The text stopped being valid in the chosen encoding (only a pipe, whose start alone decided it, can do this).
            _failed = true;
            row = new SourceRow(
                number == 0 ? 0 : number + 1,
                [],
                $"the file stops being valid {Encoding.WebName} here ({exception.Message}); the rest of it cannot be read. Name its encoding (for example gb18030).");
            return true;
        }
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
