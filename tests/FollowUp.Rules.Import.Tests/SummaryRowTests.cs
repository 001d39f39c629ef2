using FollowUp.Rules.Import.Tests.Infrastructure;

namespace FollowUp.Rules.Import.Tests;

/// <summary>
/// A summary row someone added in Excel (合计, 总计, 小计, Total) is no follow-up: it comes back as a summary row, naming its
/// word and column, not as an unreadable row, and joins no record; every row is still in exactly one result.
/// </summary>
public sealed class SummaryRowTests
{
    private static readonly ColumnMap Zh = ColumnMap.GetBuiltIn("followup-zh");

    private const string Header = "客户编号,客户名称,人员规模,跟进时间,跟进内容,商机金额";

    [Theory]
    [InlineData(",,合计,,,", "合计", "人员规模")]
    [InlineData("合计,,,,,", "合计", "客户编号")]
    [InlineData(",总计：,,,,\"1,200\"", "总计：", "客户名称")]
    [InlineData(",,小 计,,,45万", "小 计", "人员规模")]
    [InlineData("1,合計,,,,¥120000", "合計", "客户名称")]
    [InlineData("Grand Total,,,,,12.5%", "Grand Total", "客户编号")]
    [InlineData("SUBTOTAL,,,,,RMB 120k", "SUBTOTAL", "客户编号")]
    public void Read_SummaryRowAmongFollowUps_IsASummaryRowNotARecordOrUnreadable(string summary, string word, string column)
    {
        var csv = $"{Header}\r\nC-1,宏图,50人,2026-11-20 10:00,电话,45万\r\n{summary}\r\nC-2,蓝海,80人,2026-11-21 10:00,拜访,20万\r\n";

        var results = Tables.ReadCsv(csv, Zh);

        var skipped = Assert.Single(results, r => !r.IsRecord);
        Assert.True(skipped.IsSummaryRow);
        Assert.Equal([3L], skipped.Rows);
        Assert.Equal(column, skipped.Column);
        Assert.Contains($"'{word}'", skipped.Error, StringComparison.Ordinal);
        Assert.Equal(["C-1", "C-2"], results.Where(r => r.IsRecord).Select(r => r.Record!.Id));
        Assert.All(results.Where(r => r.IsRecord), r => Assert.Empty(r.UnreadableRows));
    }

    /// <summary>A row whose other cells hold text is a follow-up (or a broken one), whatever its first cell says.</summary>
    [Theory]
    [InlineData(",,合计,2026-11-22 10:00,,")]
    [InlineData(",合计,,,电话沟通：合计三人参会,")]
    [InlineData("C-3,合计,,,,")]
    public void Read_RowWithTextBesideTheWordOrTheWordElsewhere_IsNoSummaryRow(string row)
    {
        var results = Tables.ReadCsv($"{Header}\r\n{row}\r\n", Zh);

        Assert.DoesNotContain(results, r => r.IsSummaryRow);
    }

    [Fact]
    public void Read_XlsxSummaryRowWithNumberCells_IsASummaryRow()
    {
        using var workbook = Tables.Xlsx(("Sheet1",
        [
            ["客户名称", "跟进时间", "跟进内容", "商机金额"],
            ["宏图", "2026-11-20 10:00", "电话", 450000d],
            ["合计", null, null, 450000d],
        ]));
        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, Zh);

        var results = reader.ReadRecords().ToList();

        // Grouped records come after the last row, so the summary row, met as it is read, comes first.
        Assert.Equal([true, false], results.Select(r => r.IsSummaryRow));
        Assert.Equal("客户名称", results[0].Column);
        Assert.Equal("宏图", results[1].Record!.Id);
    }

    [Fact]
    public void Read_UnreadableRow_IsNoSummaryRow()
    {
        var results = Tables.ReadCsv($"{Header}\r\n,,50人,,,\r\n,,,,电话,\r\n", Zh);

        Assert.Equal(2, results.Count);
        Assert.All(results, r => Assert.False(r.IsSummaryRow || r.IsRecord));
    }
}
