using System.Text;
using FollowUp.Rules.Import.Reading;
using MiniExcelLibs;

namespace FollowUp.Rules.Import.Tests.Infrastructure;

/// <summary>Builds table files in memory for the tests: CSV text in any encoding and .xlsx sheets written with MiniExcel.</summary>
internal static class Tables
{
    public static string SampleDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "SampleData");

    public static string SampleMapDirectory { get; } = Path.Combine(SampleDirectory, "maps");

    /// <summary>Encodes CSV text (lines joined with CRLF) with an encoding, with or without its byte order mark.</summary>
    public static MemoryStream Csv(string text, Encoding? encoding = null, bool byteOrderMark = false)
    {
        encoding ??= new UTF8Encoding(false);
        var bytes = encoding.GetBytes(text);
        var preamble = byteOrderMark ? encoding.GetPreamble() : [];
        return new MemoryStream([.. preamble, .. bytes], writable: false);
    }

    /// <summary>Reads every result of a CSV text with a map.</summary>
    public static List<ImportedRecord> ReadCsv(string text, ColumnMap? map = null, TableReadOptions? options = null, Encoding? encoding = null)
    {
        using var reader = FollowUpTableReader.OpenStream(Csv(text, encoding), TableFormat.Csv, map, options);
        return [.. reader.ReadRecords()];
    }

    /// <summary>Writes rows (the first is the header) to an .xlsx workbook in memory, one sheet per entry, with MiniExcel.</summary>
    public static MemoryStream Xlsx(params (string Sheet, object?[][] Rows)[] sheets)
    {
        var stream = new MemoryStream();
        var workbook = new Dictionary<string, object>();
        foreach (var (sheet, rows) in sheets)
        {
            var width = rows.Select(r => r.Length).DefaultIfEmpty().Max();
            workbook[sheet] = rows.Select(row =>
            {
                var cells = new Dictionary<string, object?>();
                for (var i = 0; i < width; i++)
                {
                    cells[TableSource.ColumnLetter(i)] = i < row.Length ? row[i] : null;
                }

                return cells;
            }).ToList();
        }

        MiniExcel.SaveAs(stream, workbook, printHeader: false, excelType: ExcelType.XLSX);
        stream.Position = 0;
        return stream;
    }

    /// <summary>Reads a map from the tests' own JSON.</summary>
    public static ColumnMap Map(string json) => ColumnMap.Parse(json);

    /// <summary>A stream that cannot seek, as standard input is.</summary>
    public static Stream Pipe(byte[] bytes) => new PipeStream(bytes);

    private sealed class PipeStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;

        public override long Position
        {
            get => base.Position;
            set => throw new NotSupportedException();
        }

        public override long Seek(long offset, SeekOrigin loc) => throw new NotSupportedException();
    }
}
