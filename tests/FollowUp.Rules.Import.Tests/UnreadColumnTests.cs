using FollowUp.Rules.Import.Tests.Infrastructure;

namespace FollowUp.Rules.Import.Tests;

/// <summary>
/// Every column no map entry reads that holds values in rows read into records is named once the table is read
/// (<see cref="FollowUpTableReader.UnreadColumns"/>), with its rows and the fields it looks like: a column the map does not
/// know (商机金额, 项目里程碑 before the maps read it) was dropped without a word.
/// </summary>
public sealed class UnreadColumnTests
{
    private static readonly ColumnMap Zh = ColumnMap.GetBuiltIn("followup-zh");

    [Fact]
    public void Read_UnreadColumnsWithValues_AreNamedWithTheirRowsAndLookalikeFields()
    {
        var csv = "客户名称,跟进时间,跟进内容,商机金额,客戶聯絡窗口,备注,,customer.compnay\r\n"
            + "宏图,2026-11-20 10:00,电话,45万,陈生,,x,y\r\n"
            + "\r\n"
            + "宏图,2026-11-21 10:00,拜访,,陈生,,,\r\n"
            + "蓝海,2026-11-22 10:00,电话,20万,,,,\r\n";
        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(csv), TableFormat.Csv, Zh);

        Assert.Empty(reader.UnreadColumns);
        _ = reader.ReadRecords().ToList();

        // 备注 is empty in every row, and customer.compnay is told of as misnamed when the header is read.
        Assert.Equal(
            ["商机金额 (2 rows from row 2)", "客戶聯絡窗口 (2 rows from row 2; looks like customer.name, communications[0].contact)", "G (1 row from row 2)"],
            reader.UnreadColumns.Select(c => c.ToString()));
    }

    [Fact]
    public void Read_UnreadValuesOnlyInRowsThatAreNoRecord_AreNotNamed()
    {
        // The unreadable row (no customer) is reported with its own reason, and a summary row holds no follow-up.
        var csv = "客户名称,跟进时间,跟进内容,商机金额\r\n宏图,2026-11-20 10:00,电话,\r\n,2026-11-21 10:00,拜访,20万\r\n合计,,,20万\r\n";
        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(csv), TableFormat.Csv, Zh);

        _ = reader.ReadRecords().ToList();

        Assert.Empty(reader.UnreadColumns);
    }

    [Fact]
    public void Read_GroupColumnTheMapDoesNotOtherwiseRead_IsNotUnread()
    {
        var map = ColumnMap.Parse("""{"groupBy": "关联客户", "columns": {"跟进内容": "communications[0].summary"}}""");
        using var reader = FollowUpTableReader.OpenStream(Tables.Csv("关联客户,跟进内容\r\n宏图,电话\r\n"), TableFormat.Csv, map);

        _ = reader.ReadRecords().ToList();

        Assert.Empty(reader.UnreadColumns);
    }

    [Fact]
    public void Read_XlsxNumberInAnUnreadColumn_IsAValue()
    {
        using var workbook = Tables.Xlsx(("Sheet1", [["客户名称", "跟进时间", "跟进内容", "商机金额"], ["宏图", "2026-11-20 10:00", "电话", 450000d]]));
        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, Zh);

        _ = reader.ReadRecords().ToList();

        Assert.Equal("商机金额", Assert.Single(reader.UnreadColumns).Column);
    }
}
