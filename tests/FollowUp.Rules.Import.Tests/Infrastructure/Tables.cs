using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using FollowUp.Rules.Import.Reading;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;

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
    public static MemoryStream Xlsx(params (string Sheet, object?[][] Rows)[] sheets) => Xlsx(writeEmptyCells: true, sheets);

    /// <summary>
    /// Writes rows to an .xlsx workbook; without <paramref name="writeEmptyCells"/>, an empty cell has no element in the
    /// sheet's XML, as Excel and openpyxl write an unstyled one (MiniExcel writes an empty element by default).
    /// </summary>
    public static MemoryStream Xlsx(bool writeEmptyCells, params (string Sheet, object?[][] Rows)[] sheets)
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

        var configuration = new OpenXmlConfiguration { EnableWriteNullValueCell = writeEmptyCells };
        MiniExcel.SaveAs(stream, workbook, printHeader: false, excelType: ExcelType.XLSX, configuration: configuration);
        stream.Position = 0;
        return stream;
    }

    /// <summary>
    /// Merges ranges of cells (<c>A2:A4</c>) of a workbook's first sheet as Excel records them: a <c>mergeCells</c> element
    /// after the sheet's data, the covered cells left as they are. Any text is taken as a range, as a damaged file may have it.
    /// </summary>
    public static MemoryStream Merge(MemoryStream workbook, params string[] ranges)
    {
        using (var zip = new ZipArchive(workbook, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            XDocument sheet;
            using (var read = entry.Open())
            {
                sheet = XDocument.Load(read);
            }

            // The schema's order: mergeCells follows sheetData and autoFilter.
            var ns = sheet.Root!.Name.Namespace;
            var before = sheet.Root.Element(ns + "autoFilter") ?? sheet.Root.Element(ns + "sheetData")!;
            before.AddAfterSelf(new XElement(
                ns + "mergeCells",
                new XAttribute("count", ranges.Length),
                ranges.Select(range => new XElement(ns + "mergeCell", new XAttribute("ref", range)))));
            entry.Delete();
            using var write = zip.CreateEntry("xl/worksheets/sheet1.xml").Open();
            sheet.Save(write);
        }

        workbook.Position = 0;
        return workbook;
    }

    /// <summary>
    /// Moves a workbook's first sheet to another part, with the relationship target written as <paramref name="target"/>,
    /// as writers other than Excel may store it.
    /// </summary>
    public static MemoryStream MoveFirstSheet(MemoryStream workbook, string target, string part)
    {
        using (var zip = new ZipArchive(workbook, ZipArchiveMode.Update, leaveOpen: true))
        {
            Rewrite(zip, "xl/worksheets/sheet1.xml", part, text => text);
            Rewrite(zip, "xl/_rels/workbook.xml.rels", "xl/_rels/workbook.xml.rels", text => text.Replace("\"/xl/worksheets/sheet1.xml\"", $"\"{target}\"", StringComparison.Ordinal)
                .Replace("\"worksheets/sheet1.xml\"", $"\"{target}\"", StringComparison.Ordinal));
            Rewrite(zip, "[Content_Types].xml", "[Content_Types].xml", text => text.Replace("/xl/worksheets/sheet1.xml", "/" + part, StringComparison.Ordinal));
        }

        workbook.Position = 0;
        return workbook;
    }

    /// <summary>Changes the text of one part of a workbook, as a damaged or hand-written file may have it.</summary>
    public static MemoryStream EditPart(MemoryStream workbook, string part, Func<string, string> change)
    {
        using (var zip = new ZipArchive(workbook, ZipArchiveMode.Update, leaveOpen: true))
        {
            Rewrite(zip, part, part, change);
        }

        workbook.Position = 0;
        return workbook;
    }

    /// <summary>Removes one part of a workbook.</summary>
    public static MemoryStream DeletePart(MemoryStream workbook, string part)
    {
        using (var zip = new ZipArchive(workbook, ZipArchiveMode.Update, leaveOpen: true))
        {
            zip.GetEntry(part)!.Delete();
        }

        workbook.Position = 0;
        return workbook;
    }

    /// <summary>Replaces the part <paramref name="from"/> with <paramref name="to"/>, its text changed.</summary>
    private static void Rewrite(ZipArchive zip, string from, string to, Func<string, string> change)
    {
        var entry = zip.GetEntry(from)!;
        string text;
        using (var reader = new StreamReader(entry.Open()))
        {
            text = reader.ReadToEnd();
        }

        entry.Delete();
        using var writer = new StreamWriter(zip.CreateEntry(to).Open());
        writer.Write(change(text));
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
