using FollowUp.Rules.Import.Tests.Infrastructure;

namespace FollowUp.Rules.Import.Tests;

/// <summary>
/// A row whose customer cell is empty belongs to no record. Right under a customer's row of a CSV it may be what is left of
/// a cell merged down in Excel, but a CSV keeps no trace of a merge, so it is refused, not joined by guess, and the reason
/// says so, naming the row above; an .xlsx keeps the merge and is read with it. The shop map is suggested only for a
/// header that looks like a shop's export.
/// </summary>
public sealed class EmptyGroupCellTests
{
    private static readonly ColumnMap Zh = ColumnMap.GetBuiltIn("followup-zh");

    private const string Header = "客户编号,客户名称,联系人,跟进时间,跟进内容";

    [Fact]
    public void Read_CsvRowWithEmptyCustomerRightUnderACustomersRow_IsRefusedSayingItMayContinueThatRecordAndWhyItIsNotJoined()
    {
        var csv = $"{Header}\r\nXSY-1040,恒通达供应链,包总,2026-11-25 10:00,拜访包总\r\n,,严经理,2026-11-27 10:00,与严经理确认考勤规则\r\n";

        var results = Tables.ReadCsv(csv, Zh);

        var refused = Assert.Single(results, r => !r.IsRecord);
        Assert.Equal(3, refused.Row);
        Assert.Equal("客户名称", refused.Column);
        Assert.Equal(
            "the cell that joins rows into one record is empty, so the row belongs to no record. It may continue the record of the row above (row 2, '恒通达供应链'): "
                + "a cell merged down a record's rows in Excel is empty below its first row once saved as CSV. But a CSV keeps no trace of a merge, so this row cannot "
                + "be told from a follow-up whose customer was never filled in, and joining it to the row above could give one customer's follow-up to another. "
                + "Fill the cell in, or read the .xlsx, whose merged cells are read as merged.",
            refused.Error);
        Assert.Single(Assert.Single(results, r => r.IsRecord).Record!.Communications!);
    }

    [Theory]
    [InlineData($"{Header}\r\n,,严经理,2026-11-27 10:00,确认考勤规则\r\n")]
    [InlineData($"{Header}\r\nXSY-1040,恒通达供应链,包总,2026-11-25 10:00,拜访包总\r\n\r\n,,严经理,2026-11-27 10:00,确认考勤规则\r\n")]
    [InlineData($"{Header}\r\nXSY-1040,,包总,2026-11-25 10:00,拜访包总\r\n,,严经理,2026-11-27 10:00,确认考勤规则\r\n")]
    public void Read_CsvRowWithEmptyCustomerNotRightUnderAReadRow_IsAskedToBeFilledIn(string csv)
    {
        var refused = Tables.ReadCsv(csv, Zh).Where(r => !r.IsRecord).ToList();

        Assert.NotEmpty(refused);
        Assert.All(refused, r => Assert.Equal("the cell that joins rows into one record is empty, so the row belongs to no record: fill it in.", r.Error));
    }

    [Fact]
    public void Read_XlsxWithTheSameRows_JoinsThemWhenMergedAndOtherwiseAsksForTheCell()
    {
        object?[][] rows =
        [
            ["客户编号", "客户名称", "联系人", "跟进时间", "跟进内容"],
            ["XSY-1040", "恒通达供应链", "包总", "2026-11-25 10:00", "拜访包总"],
            [null, null, "严经理", "2026-11-27 10:00", "与严经理确认考勤规则"],
        ];

        using var merged = Tables.Merge(Tables.Xlsx(("Sheet1", rows)), "A2:A3", "B2:B3");
        using (var reader = FollowUpTableReader.OpenStream(merged, TableFormat.Xlsx, Zh))
        {
            Assert.Equal(2, Assert.Single(reader.ReadRecords()).Record!.Communications!.Count);
        }

        using var unmerged = Tables.Xlsx(("Sheet1", rows));
        using (var reader = FollowUpTableReader.OpenStream(unmerged, TableFormat.Xlsx, Zh))
        {
            var refused = Assert.Single(reader.ReadRecords(), r => !r.IsRecord);
            Assert.EndsWith("so the row belongs to no record: fill it in.", refused.Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("订单号", true)]
    [InlineData("訂單編號", true)]
    [InlineData("买家姓名", true)]
    [InlineData("收货人", true)]
    [InlineData("商机金额", false)]
    [InlineData("订单状态", false)]
    public void Read_RowWithEmptyCustomer_SuggestsTheShopMapOnlyForAShopsHeader(string column, bool suggested)
    {
        var csv = $"客户名称,跟进时间,跟进内容,{column}\r\n,2026-11-27 20:10,提醒买家付款,TB1001\r\n";

        var refused = Assert.Single(Tables.ReadCsv(csv, Zh));

        Assert.Equal(suggested, refused.Error!.Contains("followup-zh-shop", StringComparison.Ordinal));
    }
}
