using FollowUp.Rules.Serialization;
using FollowUp.Rules.Import.Tests.Infrastructure;

namespace FollowUp.Rules.Import.Tests;

/// <summary>
/// Excel's serial day numbers in date fields: a date cell that lost its date format reads as the same date, with the same
/// warning, from a General-format .xlsx cell and from its text in a CSV file; a number outside the range of a follow-up's
/// dates is no date in either.
/// </summary>
public sealed class SerialDateTests
{
    private static readonly ColumnMap Map = ColumnMap.Parse("""
        {"columns": {"订单号": "id", "跟进时间": "communications[0].at", "跟进内容": "communications[0].summary", "下次跟进时间": "progress.nextActionDue", "数量": "needs.quantity"}}
        """);

    [Fact]
    public void Read_SerialInACsvDateColumn_IsReadAsTheDate_AndWarnedOfWithTheCellAndTheDate()
    {
        var results = Tables.ReadCsv("订单号,跟进时间,跟进内容,下次跟进时间,数量\r\nTB034,46352.6,旺旺确认地址,46355,46352\r\n", Map);

        var result = Assert.Single(results);
        var record = result.Record!;
        Assert.Equal("2026-11-26T14:24:00", record.Communications![0].At.Text);
        Assert.Equal("2026-11-29", record.Progress!.NextActionDue.Text);
        // Only date fields: a quantity is a number.
        Assert.Equal("46352", record.Needs!.Quantity);
        var warning = Assert.Single(result.Warnings);
        Assert.Equal(ImportWarningCodes.ExcelSerialDate, warning.Code);
        Assert.StartsWith(
            "read Excel serial day numbers as dates (row 2, column '跟进时间': 46352.6 as 2026-11-26T14:24:00; row 2, column '下次跟进时间': 46355 as 2026-11-29)",
            warning.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SerialInAnXlsxNumberCell_GivesTheRecordAndWarningTheCsvGives()
    {
        using var workbook = Tables.Xlsx(("Sheet1",
        [
            ["订单号", "跟进时间", "跟进内容", "下次跟进时间", "数量"],
            ["TB034", 46352.6, "旺旺确认地址", 46355d, 46352d],
        ]));
        var csv = Assert.Single(Tables.ReadCsv("订单号,跟进时间,跟进内容,下次跟进时间,数量\r\nTB034,46352.6,旺旺确认地址,46355,46352\r\n", Map));

        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, Map);
        var xlsx = reader.ReadRecords().Single();

        Assert.Equal(FollowUpJson.Serialize(csv.Record!), FollowUpJson.Serialize(xlsx.Record!));
        Assert.Equal(csv.Warnings.Select(w => w.ToString()), xlsx.Warnings.Select(w => w.ToString()));
    }

    [Theory]
    [InlineData("5")]
    [InlineData("19999")]
    [InlineData("80001")]
    [InlineData("13800000000")]
    [InlineData("-46352")]
    [InlineData("4.6352E4")]
    public void Read_NumberOutsideTheSerialsOfAFollowUpsDates_StaysTextInBothFormats(string number)
    {
        var csv = Assert.Single(Tables.ReadCsv($"订单号,跟进时间,跟进内容\r\nTB1,{number},旺旺确认地址\r\n", Map));
        Assert.Equal(number, csv.Record!.Communications![0].At.Text);
        Assert.Empty(csv.Warnings);

        if (double.TryParse(number, System.Globalization.CultureInfo.InvariantCulture, out var value) && number != "4.6352E4")
        {
            using var workbook = Tables.Xlsx(("Sheet1", [["订单号", "跟进时间", "跟进内容"], ["TB1", value, "旺旺确认地址"]]));
            using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, Map);
            var xlsx = reader.ReadRecords().Single();
            Assert.Equal(number, xlsx.Record!.Communications![0].At.Text);
            Assert.Empty(xlsx.Warnings);
        }
    }

    [Fact]
    public void Read_SerialsOfAGroupsRows_AreNamedOnItsRecord()
    {
        var grouped = ColumnMap.Parse("""{"groupBy": "客户", "columns": {"客户": "customer.company", "跟进时间": "communications[0].at", "跟进内容": "communications[0].summary"}}""");

        var result = Assert.Single(Tables.ReadCsv("客户,跟进时间,跟进内容\r\n宏图,46340,电话\r\n宏图,2026-11-20,拜访\r\n宏图,46350.5,邮件\r\n", grouped));

        Assert.Contains("row 2, column '跟进时间': 46340 as 2026-11-14; row 4, column '跟进时间': 46350.5 as 2026-11-24T12:00:00", Assert.Single(result.Warnings).Message, StringComparison.Ordinal);
    }
}
