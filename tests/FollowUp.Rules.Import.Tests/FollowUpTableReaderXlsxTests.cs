using FollowUp.Rules.Import.Reading;
using FollowUp.Rules.Import.Tests.Infrastructure;

namespace FollowUp.Rules.Import.Tests;

/// <summary>Reading .xlsx workbooks made in the test with MiniExcel: sheets, typed cells and row numbers.</summary>
public sealed class FollowUpTableReaderXlsxTests
{
    private static readonly ColumnMap Map = ColumnMap.GetBuiltIn("followup-zh");

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
        Assert.Contains("no header row", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_NotAWorkbook_FailsWithAFormatException()
    {
        var error = Assert.Throws<FormatException>(() =>
            FollowUpTableReader.OpenStream(Tables.Csv("customer.company\r\n宏图\r\n"), TableFormat.Xlsx));

        Assert.Contains("not an .xlsx workbook", error.Message, StringComparison.Ordinal);
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
}
