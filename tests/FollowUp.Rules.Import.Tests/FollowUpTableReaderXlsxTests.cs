using System.Text;
using System.Text.RegularExpressions;
using FollowUp.Rules.Import.Reading;
using FollowUp.Rules.Import.Tests.Infrastructure;

namespace FollowUp.Rules.Import.Tests;

/// <summary>Reading .xlsx workbooks made in the test with MiniExcel: sheets, typed cells, row numbers and merged cells.</summary>
public sealed partial class FollowUpTableReaderXlsxTests
{
    private static readonly ColumnMap Map = ColumnMap.GetBuiltIn("followup-zh");

    private static readonly ColumnMap English = ColumnMap.GetBuiltIn("followup-en");

    [Fact]
    public void Read_FirstSheet_DateCellsBecomeIsoDatesAndNumbersText()
    {
        using var workbook = Tables.Xlsx(("跟进记录",
        [
            ["关联客户", "跟进时间", "下次跟进时间", "手机", "预算", "跟进内容"],
            ["宏图建筑设计院", new DateTime(2026, 11, 20, 15, 30, 0), new DateTime(2026, 12, 5), 13800000000d, 500000.5, "电话沟通"],
        ]));

        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, Map);
        var record = reader.ReadRecords().Single().Record!;

        Assert.Equal("跟进记录", reader.Sheet);
        Assert.Null(reader.Encoding);
        Assert.Equal("2026-11-20T15:30:00", record.Communications![0].At.Text);
        Assert.Equal("2026-12-05", record.Progress!.NextActionDue.Text);
        Assert.Equal("13800000000", record.Customer!.Phone);
        Assert.Equal("500000.5", record.Needs!.Budget);
    }

    [Fact]
    public void Read_DateFieldHoldingASerialNumber_IsReadAsAnExcelDate()
    {
        using var workbook = Tables.Xlsx(("Sheet1",
        [
            ["customer.company", "communications[0].at", "needs.quantity"],
            ["宏图", 46346.625, 46346d],
        ]));

        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx);
        var record = reader.ReadRecords().Single().Record!;

        Assert.Equal(new DateTime(2026, 11, 20, 15, 0, 0), record.Communications![0].At.ClockTime);
        Assert.Equal("46346", record.Needs!.Quantity);
    }

    [Fact]
    public void Read_NamedSheet_ReadsThatSheet_FromOptionsOverTheMap()
    {
        using var workbook = Tables.Xlsx(
            ("说明", [["本文件由 CRM 导出"]]),
            ("跟进记录", [["customer.company"], ["宏图"]]),
            ("归档", [["customer.company"], ["旧客户"]]));
        var map = ColumnMap.Parse("""{"columns": {}, "sheet": "归档"}""");

        using (var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, map, leaveOpen: true))
        {
            Assert.Equal("旧客户", reader.ReadRecords().Single().Record!.Customer!.Company);
        }

        workbook.Position = 0;
        using (var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, map, new TableReadOptions { Sheet = "跟进记录" }, leaveOpen: true))
        {
            Assert.Equal("宏图", reader.ReadRecords().Single().Record!.Customer!.Company);
        }
    }

    [Fact]
    public void Read_WorkbookWithThe1904DateSystem_DatesAreTheDaysExcelShows()
    {
        // The serials MiniExcel writes for these dates count from 1900; a workbook saved with the 1904 date system shows
        // the same serials 1,462 days later, which is what its user typed and sees.
        using var workbook = Tables.EditPart(
            Tables.Xlsx(("跟进记录",
            [
                ["customer.company", "communications[0].at", "progress.nextActionDue"],
                ["宏图", new DateTime(2022, 11, 19, 15, 30, 0), 44894d],
            ])),
            "xl/workbook.xml",
            xml => xml.Replace("<x:sheets>", "<x:workbookPr date1904=\"1\" /><x:sheets>", StringComparison.Ordinal));

        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx);
        var record = reader.ReadRecords().Single().Record!;

        Assert.Equal("2026-11-20T15:30:00", record.Communications![0].At.Text);
        Assert.Equal("2026-11-30", record.Progress!.NextActionDue.Text);
    }

    [Fact]
    public void Open_NoSheetNamed_ReadsTheFirstSheetThatIsNotHidden()
    {
        using var workbook = Tables.EditPart(
            Tables.Xlsx(("下拉选项", [["电话", "微信"]]), ("跟进记录", [["customer.company"], ["宏图"]])),
            "xl/workbook.xml",
            xml => xml.Replace("name=\"下拉选项\" sheetId=\"1\" state=\"visible\"", "name=\"下拉选项\" sheetId=\"1\" state=\"hidden\"", StringComparison.Ordinal));

        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx);

        Assert.Equal("跟进记录", reader.Sheet);
        Assert.Equal("宏图", reader.ReadRecords().Single().Record!.Customer!.Company);
    }

    [Fact]
    public void Open_SheetThatIsNotThere_ListsTheSheets()
    {
        using var workbook = Tables.Xlsx(("跟进记录", [["customer.company"]]), ("归档", [["customer.company"]]));

        var error = Assert.Throws<FormatException>(() =>
            FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, options: new TableReadOptions { Sheet = "客户" }));

        Assert.Contains("no sheet named '客户'; its sheets are '跟进记录', '归档'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_SheetWithoutRows_FailsNamingTheEmptySheet()
    {
        using var workbook = Tables.Xlsx(("说明", [["导出说明"]]), ("跟进记录", []));

        var error = Assert.Throws<EmptyTableException>(() =>
            FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, options: new TableReadOptions { Sheet = "跟进记录" }));

        Assert.Equal("跟进记录", error.Sheet);
        Assert.Equal("the worksheet '跟进记录' is empty: it has no header row.", error.Message);
    }

    [Fact]
    public void Open_CsvTextNamedXlsx_FailsSayingItIsTextToReadAsCsv()
    {
        var error = Assert.Throws<FormatException>(() =>
            FollowUpTableReader.OpenStream(Tables.Csv("customer.company\r\n宏图\r\n"), TableFormat.Xlsx));

        Assert.Equal(
            "the file is text, such as CSV, not an .xlsx workbook (a zip archive): rename it to .csv and read it as CSV.",
            error.Message);
    }

    [Fact]
    public void Open_Utf16TextNamedXlsx_FailsSayingItIsTextToReadAsCsv()
    {
        // Excel's "Unicode text" is UTF-16 with a byte order mark: its zero bytes are not a binary file's.
        var error = Assert.Throws<FormatException>(() =>
            FollowUpTableReader.OpenStream(Tables.Csv("customer.company\t需求\r\n宏图\t需要ERP\r\n", Encoding.Unicode, byteOrderMark: true), TableFormat.Xlsx));

        Assert.Equal(
            "the file is text, such as CSV, not an .xlsx workbook (a zip archive): rename it to .csv and read it as CSV.",
            error.Message);
    }

    [Fact]
    public void Open_WorkbookCutShort_FailsSayingItIsDamaged()
    {
        var whole = Tables.Xlsx(("跟进记录", [["customer.company"], ["宏图"]])).ToArray();

        var error = Assert.Throws<FormatException>(() =>
            FollowUpTableReader.OpenStream(new MemoryStream(whole[..(whole.Length / 2)]), TableFormat.Xlsx));

        Assert.StartsWith("the workbook is damaged or cut short (an .xlsx workbook is a zip archive, and this one cannot be read: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_BinaryFileThatIsNoZip_FailsSayingWhatItIsNot()
    {
        var error = Assert.Throws<FormatException>(() =>
            FollowUpTableReader.OpenStream(new MemoryStream([0x00, 0x01, 0x02, 0x03, 0xFF]), TableFormat.Xlsx));

        Assert.StartsWith("the file is neither an .xlsx workbook (a zip archive) nor text; it may be damaged or another kind of file (", error.Message, StringComparison.Ordinal);
    }

    /// <summary>An Excel 97-2003 workbook (or a workbook saved with a password) read as .xlsx or as CSV says what it is.</summary>
    [Theory]
    [InlineData(TableFormat.Xlsx, "not an .xlsx workbook")]
    [InlineData(TableFormat.Csv, "not CSV text")]
    public void Open_Excel97Workbook_FailsSayingToSaveItAsXlsxOrCsv(TableFormat format, string notWhat)
    {
        var error = Assert.Throws<FormatException>(() =>
            FollowUpTableReader.OpenStream(new MemoryStream([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0, 0, 0]), format));

        Assert.StartsWith("the file is an Excel 97-2003 workbook (.xls)", error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"{notWhat}: open it in Excel, save it as .xlsx or CSV (without a password), and read that.", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A sheet stored where MiniExcel does not look fails naming where it is and what to do, not "Sequence contains no matching element".</summary>
    [Theory]
    [InlineData("sheets/sheet1.xml", "xl/sheets/sheet1.xml")]
    [InlineData("worksheets/data.xml", "xl/worksheets/data.xml")]
    [InlineData("../xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml")]
    public void Open_SheetStoredWhereTheReaderDoesNotLook_FailsNamingThePartAndTheRemedy(string target, string part)
    {
        using var workbook = Tables.MoveFirstSheet(Tables.Xlsx(("跟进记录", [["关联客户", "跟进内容"], ["宏图", "电话沟通"]])), target, part);

        var error = Assert.Throws<FormatException>(() => FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, Map));

        Assert.Contains($"the worksheet '跟进记录' is stored at '{target}'", error.Message, StringComparison.Ordinal);
        Assert.Contains("save it again", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A row numbered as no worksheet numbers rows: MiniExcel would drop it, misplace its cells or count to it for hours.</summary>
    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("x")]
    [InlineData("2000000000")]
    public void Open_RowNumberedOutsideTheSheet_FailsNamingItAndTheRemedy(string number)
    {
        using var workbook = Tables.EditPart(TwoRows(), "xl/worksheets/sheet1.xml", xml => xml.Replace("<x:row r=\"2\">", $"<x:row r=\"{number}\">", StringComparison.Ordinal));

        var error = Assert.Throws<FormatException>(() => FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, Map));

        Assert.Contains($"row element 2 is numbered r=\"{number}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("save it again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_RowsOutOfOrder_FailsNamingTheRow()
    {
        using var workbook = Tables.EditPart(TwoRows(), "xl/worksheets/sheet1.xml", xml => xml.Replace("<x:row r=\"2\">", "<x:row r=\"1\">", StringComparison.Ordinal));

        var error = Assert.Throws<FormatException>(() => FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, Map));

        Assert.Contains("its row 1 comes after row 1", error.Message, StringComparison.Ordinal);
    }

    /// <summary>A cell of shared strings the workbook lacks fails inside MiniExcel with a null reference: a damaged row, not a crash.</summary>
    [Fact]
    public void Read_SharedStringTheWorkbookLacks_IsAnUnreadableRow()
    {
        var workbook = Tables.EditPart(TwoRows(), "xl/worksheets/sheet1.xml", xml => CellB2().Replace(xml, "<x:c r=\"B2\" t=\"s\"><x:v>0</x:v></x:c>"));
        using var damaged = Tables.DeletePart(workbook, "xl/sharedStrings.xml");

        using var reader = FollowUpTableReader.OpenStream(damaged, TableFormat.Xlsx, Map);
        var result = Assert.Single(reader.ReadRecords());

        Assert.False(result.IsRecord);
        Assert.Contains("the workbook is damaged", result.Error, StringComparison.Ordinal);
    }

    /// <summary>Cells MiniExcel reads as empty although the file gives them content: in a mapped column, the row is reported.</summary>
    [Theory]
    [InlineData("<x:c r=\"B2\" t=\"s\"><x:v>999</x:v></x:c>", "the cell refers to shared text 999, which the workbook does not hold")]
    [InlineData("<x:c r=\"B2\" t=\"s\"></x:c>", "the cell is marked as shared text but gives no index into it")]
    [InlineData("<x:c r=\"B2\"><x:f>\"电话\"&amp;\"沟通\"</x:f></x:c>", "the cell holds a formula whose result was never saved")]
    [InlineData("<x:c r=\"B2\" t=\"inlineStr\"></x:c>", "the cell is marked as inline text but holds no <is> element with the text; the workbook is damaged.")]
    [InlineData("<x:c r=\"B2\" t=\"inlineStr\"><x:f>\"电话\"&amp;\"沟通\"</x:f></x:c>", "the cell holds a formula whose result was never saved")]
    public void Read_CellTheReaderWouldLeaveEmpty_IsAnUnreadableRowNamingTheColumn(string cell, string reason)
    {
        using var workbook = Tables.EditPart(TwoRows(), "xl/worksheets/sheet1.xml", xml => CellB2().Replace(xml, cell));

        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, Map);
        var result = Assert.Single(reader.ReadRecords());

        Assert.False(result.IsRecord);
        Assert.Equal("跟进内容", result.Column);
        Assert.StartsWith(reason, result.Error, StringComparison.Ordinal);
    }

    /// <summary>
    /// Shared strings as other writers store them: a <c>uniqueCount</c> that says too few, an index with spaces around it, a
    /// part no relationship names (MiniExcel reads it from its usual place). Each is read, not refused.
    /// </summary>
    [Theory]
    [InlineData("uniqueCount=\"1\"", "1", true)]
    [InlineData("uniqueCount=\"2\"", " 1 ", true)]
    [InlineData("", "1", false)]
    public void Read_SharedStringsAsOtherWritersStoreThem_AreRead(string counts, string index, bool related)
    {
        var workbook = Tables.EditPart(TwoRows(), "xl/sharedStrings.xml",
            _ => $"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" {counts}><si><t>宏图</t></si><si><t>电话沟通</t></si></sst>");
        Tables.EditPart(workbook, "xl/worksheets/sheet1.xml", xml => CellB2().Replace(xml, $"<x:c r=\"B2\" t=\"s\"><x:v>{index}</x:v></x:c>"));
        if (!related)
        {
            Tables.EditPart(workbook, "xl/_rels/workbook.xml.rels", rels => SharedStringsRelationship().Replace(rels, string.Empty));
        }

        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, Map);

        Assert.Equal("电话沟通", reader.ReadRecords().Single().Record!.Communications![0].Summary);
    }

    [Fact]
    public void Open_HeaderCellTheReaderWouldLeaveEmpty_FailsNamingItsColumn()
    {
        using var workbook = Tables.EditPart(TwoRows(), "xl/worksheets/sheet1.xml",
            xml => HeaderCellA1().Replace(xml, "<x:c r=\"A1\" t=\"s\"><x:v>99</x:v></x:c>"));

        var error = Assert.Throws<FormatException>(() => FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, Map));

        Assert.StartsWith("row 1, the header: column A: the cell refers to shared text 99", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_FormulaWithItsSavedResult_IsReadAsThatResult()
    {
        using var workbook = Tables.EditPart(TwoRows(), "xl/worksheets/sheet1.xml",
            xml => CellB2().Replace(xml, "<x:c r=\"B2\" t=\"str\"><x:f>\"电话\"&amp;\"沟通\"</x:f><x:v>电话沟通</x:v></x:c>"));

        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, Map);

        Assert.Equal("电话沟通", reader.ReadRecords().Single().Record!.Communications![0].Summary);
    }

    /// <summary>Inline text as writers store it: in <c>is</c>, in runs, in a <c>v</c> (which MiniExcel reads too), or none at all in an empty element.</summary>
    [Theory]
    [InlineData("<x:c r=\"B2\" t=\"inlineStr\"><x:is><x:t>电话沟通</x:t></x:is></x:c>", "电话沟通")]
    [InlineData("<x:c r=\"B2\" t=\"inlineStr\"><x:is><x:r><x:t>电话</x:t></x:r><x:r><x:t>沟通</x:t></x:r></x:is></x:c>", "电话沟通")]
    [InlineData("<x:c r=\"B2\" t=\"inlineStr\"><x:v>电话沟通</x:v></x:c>", "电话沟通")]
    [InlineData("<x:c r=\"B2\" t=\"inlineStr\"><x:f>\"电话\"&amp;\"沟通\"</x:f><x:is><x:t>电话沟通</x:t></x:is></x:c>", "电话沟通")]
    [InlineData("<x:c r=\"B2\" t=\"inlineStr\"><x:is/></x:c>", null)]
    [InlineData("<x:c r=\"B2\" t=\"inlineStr\"/>", null)]
    public void Read_InlineTextAsWritersStoreIt_IsReadAsItsText(string cell, string? summary)
    {
        using var workbook = Tables.EditPart(TwoRows(), "xl/worksheets/sheet1.xml", xml => CellB2().Replace(xml, cell));

        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, Map);
        var record = Assert.Single(reader.ReadRecords()).Record!;

        Assert.Equal(summary, record.Communications?[0].Summary);
    }

    [Fact]
    public void Read_CellTheReaderWouldLeaveEmptyInAColumnTheMapDoesNotRead_LeavesTheRowReadable()
    {
        var workbook = Tables.Xlsx(("跟进记录", [["关联客户", "跟进内容", "备注"], ["宏图", "电话沟通", "x"]]));
        using var edited = Tables.EditPart(workbook, "xl/worksheets/sheet1.xml", xml => CellC2().Replace(xml, "<x:c r=\"C2\" t=\"s\"><x:v>999</x:v></x:c>"));

        using var reader = FollowUpTableReader.OpenStream(edited, TableFormat.Xlsx, Map);

        Assert.Equal("电话沟通", reader.ReadRecords().Single().Record!.Communications![0].Summary);
    }

    [Fact]
    public void Open_SheetWithNoRelationship_FailsSayingTheWorkbookIsDamaged()
    {
        using var workbook = Tables.EditPart(TwoRows(), "xl/workbook.xml", xml => RelationshipId().Replace(xml, string.Empty));

        var error = Assert.Throws<FormatException>(() => FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, Map));

        Assert.Contains("the workbook names no part for the worksheet '跟进记录'", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// Damage after the header: with a dimension element the rows before it are read and the rest is one unreadable row;
    /// without one MiniExcel reads the sheet whole first, so the failure names the damaged row, not the header.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_SheetDamagedInALaterRow_ReadsTheRowsBeforeOrNamesTheDamagedRow(bool statesItsSize)
    {
        var workbook = Tables.Xlsx(("跟进记录", [["关联客户", "跟进内容"], ["宏图", "电话沟通"], ["蓝海", "上门拜访"]]));
        using var damaged = Tables.EditPart(workbook, "xl/worksheets/sheet1.xml", xml =>
        {
            var broken = xml.Replace("上门拜访", "上门\u0001拜访", StringComparison.Ordinal);
            return statesItsSize ? broken : Dimension().Replace(broken, string.Empty);
        });

        if (statesItsSize)
        {
            using var reader = FollowUpTableReader.OpenStream(damaged, TableFormat.Xlsx, Map);
            var results = reader.ReadRecords().ToDictionary(r => r.Row);
            Assert.Equal("宏图", results[2].Record!.Customer!.Company);
            Assert.False(results[3].IsRecord);
            Assert.Equal(2, results.Count);
        }
        else
        {
            var error = Assert.Throws<FormatException>(() => FollowUpTableReader.OpenStream(damaged, TableFormat.Xlsx, Map));
            Assert.Contains("the worksheet is damaged in row 3", error.Message, StringComparison.Ordinal);
            Assert.Contains("repair or remove row 3", error.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>Targets written from the package root (openpyxl) or with another sheet number are read.</summary>
    [Theory]
    [InlineData("/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml")]
    [InlineData("worksheets/sheet7.xml", "xl/worksheets/sheet7.xml")]
    public void Read_SheetTargetFromTheRootOrAnotherNumber_IsRead(string target, string part)
    {
        using var workbook = Tables.MoveFirstSheet(Tables.Xlsx(("跟进记录", [["关联客户", "跟进内容"], ["宏图", "电话沟通"]])), target, part);

        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, Map);

        Assert.Equal("宏图", reader.ReadRecords().Single().Record!.Customer!.Company);
    }

    [Fact]
    public void Read_EmptyRowsBetweenData_KeepTheSpreadsheetRowNumbers()
    {
        using var workbook = Tables.Xlsx(("Sheet1",
        [
            ["customer.company", "owner"],
            ["宏图", "李明"],
            [null, null],
            [null, null],
            ["蓝海", "王芳"],
            ["#N/A", "王芳"],
        ]));

        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx);
        var results = reader.ReadRecords().ToList();

        Assert.Equal([2L, 5L, 6L], results.Select(r => r.Row));
        Assert.Equal((false, "customer.company"), (results[2].IsRecord, results[2].Column));
    }

    [Fact]
    public void Read_UnseekableStream_IsCopiedAndRead()
    {
        using var workbook = Tables.Xlsx(("Sheet1", [["customer.company"], ["宏图"]]));

        using var reader = FollowUpTableReader.OpenStream(Tables.Pipe(workbook.ToArray()), TableFormat.Xlsx);

        Assert.Equal("宏图", reader.ReadRecords().Single().Record!.Customer!.Company);
    }

    [Fact]
    public void Open_FilePath_ChoosesTheFormatByExtension()
    {
        var path = Path.Combine(Path.GetTempPath(), $"followup-{Guid.NewGuid():N}.xlsx");
        using (var workbook = Tables.Xlsx(("Sheet1", [["customer.company"], ["宏图"]])))
        {
            File.WriteAllBytes(path, workbook.ToArray());
        }

        try
        {
            using var reader = FollowUpTableReader.Open(path);
            Assert.Equal("宏图", reader.ReadRecords().Single().Record!.Customer!.Company);
        }
        finally
        {
            File.Delete(path);
        }

        Assert.Throws<ArgumentException>(() => FollowUpTableReader.Open("records.jsonl"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Read_IdCompanyAndOwnerMergedDownARecordsRows_MakeOneRecordWithEveryCommunication(bool writeEmptyCells)
    {
        // With writeEmptyCells MiniExcel writes the covered cells as empty values, without it as empty strings: both read as
        // the range's value.
        using var workbook = Tables.Merge(
            Tables.Xlsx(writeEmptyCells, ("Sheet1",
            [
                ["Customer ID", "Company", "Owner", "Date", "Notes"],
                ["C-1001", "Acme Corp", "Li Ming", new DateTime(2026, 11, 10, 10, 0, 0), "First call"],
                [null, null, null, new DateTime(2026, 11, 18, 16, 0, 0), "Sent the proposal"],
                [null, null, null, new DateTime(2026, 11, 20, 15, 0, 0), "Visited the site"],
                ["C-1002", "Blue Sea", "Wang Fang", new DateTime(2026, 11, 12), "WeChat"],
            ])),
            "A2:A4", "B2:B4", "C2:C4");

        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, English);
        var results = reader.ReadRecords().ToList();

        Assert.All(results, r => Assert.True(r.IsRecord, r.Error));
        var acme = results[0];
        Assert.Equal(("C-1001", "Acme Corp", "Li Ming"), (acme.Record!.Id, acme.Record.Customer!.Company, acme.Record.Owner));
        Assert.Equal([2L, 3L, 4L], acme.Rows);
        Assert.Equal(["First call", "Sent the proposal", "Visited the site"], acme.Record.Communications!.Select(c => c.Summary));
        Assert.Equal(("C-1002", 5L), (results[1].Record!.Id, Assert.Single(results[1].Rows)));
        Assert.Equal(2, results.Count);
    }

    [Fact]
    public void Read_RangeMergedAcrossColumnsAndRows_FillsEveryCellItCovers()
    {
        using var workbook = Tables.Merge(
            Tables.Xlsx(("Sheet1",
            [
                ["customer.company", "communications[0].summary", "needs.summary"],
                ["宏图", "要 20 套，下周报价", null],
                ["蓝海", null, null],
            ])),
            "B2:C3");

        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx);
        var records = reader.ReadRecords().Select(r => r.Record!).ToList();

        Assert.Equal(["宏图", "蓝海"], records.Select(r => r.Customer!.Company));
        Assert.All(records, r => Assert.Equal(
            ("要 20 套，下周报价", "要 20 套，下周报价"), (r.Communications!.Single().Summary, r.Needs!.Summary)));
    }

    [Fact]
    public void Read_RowBlankButForMergedCells_StaysBlank()
    {
        using var workbook = Tables.Merge(
            Tables.Xlsx(("Sheet1",
            [
                ["Company", "Notes"],
                ["Acme Corp", "First call"],
                [null, "Second call"],
                [null, null],
                ["Blue Sea", "WeChat"],
            ])),
            "A2:A4");

        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, English);
        var results = reader.ReadRecords().ToList();

        Assert.Equal([[2L, 3L], [5L]], results.Select(r => r.Rows));
        Assert.All(results, r => Assert.True(r.IsRecord));
    }

    [Fact]
    public void Read_CoveredCellWithAValueOfItsOwn_KeepsItAndItsRow()
    {
        // Written by a program, not by Excel: B3 holds a note under a range whose top-left cell is empty. Filled with that
        // empty value, the row read as blank and was dropped without a word.
        using var workbook = Tables.Merge(
            Tables.Xlsx(("Sheet1",
            [
                ["customer.company", "communications[0].summary", "owner"],
                ["宏图", "第一次", "李明"],
                [null, "第二次", null],
                ["蓝海", "微信", "王芳"],
            ])),
            "A3:C3");

        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx);
        var results = reader.ReadRecords().ToList();

        Assert.Equal([2L, 3L, 4L], results.Select(r => r.Row));
        Assert.Equal("第二次", results[1].Record!.Communications!.Single().Summary);
    }

    [Fact]
    public void Open_HeaderCellMergedAcrossMappedColumns_FailsNamingTheMergedRange()
    {
        using var workbook = Tables.Merge(
            Tables.Xlsx(("Sheet1", [["Company", "Notes", null], ["Acme Corp", "First call", "Visited the site"]])),
            "B1:C1");

        var error = Assert.Throws<FormatException>(() => FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, English));

        Assert.Equal(
            "the header cell 'Notes' is merged across B1:C1, so each of its columns is named 'Notes', and the map reads it: unmerge it and give each column its own name.",
            error.Message);
    }

    [Fact]
    public void Read_HeaderCellMergedAcrossUnmappedColumns_ReadsNeitherColumn()
    {
        using var workbook = Tables.Merge(
            Tables.Xlsx(("Sheet1", [["Company", "Remarks", null], ["Acme Corp", "VIP", "call after 5"]])),
            "B1:C1");

        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, English);

        Assert.Equal(["Company", "Remarks", "Remarks"], reader.Header);
        Assert.Equal(["Company"], reader.MappedColumns);
        Assert.Equal("Acme Corp", reader.ReadRecords().Single().Record!.Customer!.Company);
    }

    [Fact]
    public void Open_TitleMergedAcrossTheFirstRow_IsTheHeaderTheMapCannotRead()
    {
        using var workbook = Tables.Merge(
            Tables.Xlsx(("Sheet1", [["Follow-ups, November", null, null], ["Company", "Owner", "Notes"], ["Acme Corp", "Li Ming", "First call"]])),
            "A1:C1");

        var error = Assert.Throws<FormatException>(() => FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, English));

        Assert.Contains("the header is 'Follow-ups, November'. ", error.Message, StringComparison.Ordinal);
    }

    /// <summary>
    /// The bundled maps expect the company and a follow-up's date and notes in every export, by any of their names; the
    /// other fields are optional, since no export has them all.
    /// </summary>
    [Fact]
    public void Open_BundledMap_SheetWithRenamedNotesColumn_NamesTheNotesColumnsOnly()
    {
        using var workbook = Tables.Xlsx(("Activities",
        [
            ["Account", "Activity Date", "Call Notes", "Owner"],
            ["Acme Corp", new DateTime(2026, 11, 20), "First call", "Li Ming"],
        ]));

        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, English);

        Assert.Equal(["Notes", "Comments", "Summary", "Follow-up Notes", "Follow Up Notes", "Activity Notes"], reader.MissingColumns);
        Assert.Equal(["Call Notes"], reader.IgnoredColumns);
        Assert.Equal("Acme Corp", reader.ReadRecords().Single().Record!.Customer!.Company);
    }

    [Fact]
    public void Open_NamedSheet_IsCheckedAgainstItsOwnHeader()
    {
        var map = ColumnMap.Parse("""{"columns": {"关联客户": "customer.company", "跟进内容": "communications[0].summary", "商机阶段": "progress.stage"}}""");
        using var workbook = Tables.Xlsx(
            ("说明", [["导出说明"], ["本表由 CRM 导出"]]),
            ("跟进记录", [["关联客户", "跟进内容", "商机状态"], ["宏图", "电话沟通", "需求确认"]]));

        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, map, new TableReadOptions { Sheet = "跟进记录" });

        Assert.Equal(["商机阶段"], reader.MissingColumns);
        Assert.Equal(["商机状态"], reader.IgnoredColumns);
    }

    [Fact]
    public void Read_HeaderCellsMergedDownIntoTheRowBelow_LeaveThatRowToTheHeader()
    {
        using var workbook = Tables.Merge(
            Tables.Xlsx(("Sheet1", [["Company", "Notes"], [null, null], ["Acme Corp", "First call"]])),
            "A1:A2", "B1:B2");

        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, English);
        var result = reader.ReadRecords().Single();

        Assert.Equal((3L, "Acme Corp"), (Assert.Single(result.Rows), result.Record!.Customer!.Company));
    }

    [Fact]
    public void Read_TwoRowHeader_DoesNotCopyHeaderNamesIntoTheSecondRow()
    {
        // Row 2 names the columns under "Last contact": a header is one row, so row 2 is data that reads as nothing,
        // never as customer "Company" of owner "Owner".
        using var workbook = Tables.Merge(
            Tables.Xlsx(("Sheet1",
            [
                ["Company", "Owner", "Last contact", null],
                [null, null, "Date", "Notes"],
                ["Acme Corp", "Li Ming", new DateTime(2026, 11, 10), "First call"],
            ])),
            "A1:A2", "B1:B2", "C1:D1");

        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, English);
        var results = reader.ReadRecords().ToList();

        Assert.Equal((2L, false), (results[0].Row, results[0].IsRecord));
        Assert.Equal(["Acme Corp"], results.Where(r => r.IsRecord).Select(r => r.Record!.Customer!.Company));
    }

    [Theory(Timeout = 60_000)]
    [InlineData(new string[0], "宏图|")]
    [InlineData(new[] { "A2" }, "宏图|")]
    [InlineData(new[] { "A3:A2" }, "宏图|宏图")]
    [InlineData(new[] { "A2:A3", "A2:A3" }, "宏图|宏图")]
    [InlineData(new[] { "A2:A3", "A3:B3" }, "宏图|宏图")]
    [InlineData(new[] { "A2:XFD1048576" }, "宏图|宏图")]
    [InlineData(new[] { "not a range", "A0:B1", "A2:" }, "宏图|")]
    public async Task Read_MergeRangesExcelWouldNotWrite_AreReadOrSkippedNeverFatal(string[] ranges, string companies)
    {
        // An empty mergeCells element, a one-cell range and overlapping ranges each stop MiniExcel's FillMergedCells.
        using var workbook = Tables.Merge(Tables.Xlsx(("Sheet1", [["customer.company", "communications[0].summary"], ["宏图", "第一次"], [null, "第二次"]])), ranges);

        var results = await Task.Run(() =>
        {
            using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx);
            return reader.ReadRecords().ToList();
        });

        Assert.Equal(companies, string.Join("|", results.Select(r => r.Record!.Customer?.Company)));
    }

    private static MemoryStream TwoRows() => Tables.Xlsx(("跟进记录", [["关联客户", "跟进内容"], ["宏图", "电话沟通"]]));

    [GeneratedRegex("<x:c r=\"B2\"[^>]*>.*?</x:c>")]
    private static partial Regex CellB2();

    [GeneratedRegex("<x:c r=\"A1\"[^>]*>.*?</x:c>")]
    private static partial Regex HeaderCellA1();

    [GeneratedRegex("<Relationship [^>]*/sharedStrings\"[^>]*/>")]
    private static partial Regex SharedStringsRelationship();

    [GeneratedRegex("<x:c r=\"C2\"[^>]*>.*?</x:c>")]
    private static partial Regex CellC2();

    [GeneratedRegex(" r:id=\"[^\"]*\"")]
    private static partial Regex RelationshipId();

    [GeneratedRegex("<x:dimension [^>]*/>")]
    private static partial Regex Dimension();
}
