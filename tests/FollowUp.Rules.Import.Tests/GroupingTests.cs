using FollowUp.Rules.Import.Tests.Infrastructure;

namespace FollowUp.Rules.Import.Tests;

/// <summary>Rows that share a customer make one record, each row adding a communication.</summary>
public sealed class GroupingTests
{
    private static readonly ColumnMap ByColumn = ColumnMap.Parse("""
        {"groupBy": "关联客户", "columns": {
          "跟进时间": "communications[0].at", "跟进内容": "communications[0].summary", "联系人": "communications[0].contact",
          "跟进阶段": "progress.stage", "下次联系时间": "progress.nextActionDue", "痛点": "needs.painPoints", "附件": "attachments[0].name"}}
        """);

    private const string Rows =
        "关联客户,跟进时间,跟进内容,联系人,跟进阶段,下次联系时间,痛点,附件\r\n" +
        "宏图,2026-11-20 15:00,第三次：上门拜访,王总,商务谈判,2026-12-05,库存不准,报价单.xlsx\r\n" +
        "蓝海,2026-11-12 11:00,微信沟通,赵强,初步沟通,2026-11-15,,\r\n" +
        "宏图,2026-11-10 10:00,第一次：电话,张伟,需求确认,2026-11-18,库存不准、月结慢,\r\n" +
        ",2026-11-11 09:00,没有客户的一行,钱先生,,,,\r\n" +
        "宏图,2026-11-18 16:00,第二次：邮件发方案,张伟,方案已发,,,方案V2.pdf\r\n";

    [Fact]
    public void Read_GroupByColumn_JoinsRowsPerCustomerInOrderOfContact()
    {
        var results = Tables.ReadCsv(Rows, ByColumn);

        var hongtu = results.Single(r => r.Record?.Id == "宏图");
        Assert.Equal([2L, 4L, 6L], hongtu.Rows);
        Assert.Equal(["第一次：电话", "第二次：邮件发方案", "第三次：上门拜访"], hongtu.Record!.Communications!.Select(c => c.Summary));
        Assert.Equal(DealStage.Negotiation, hongtu.Record.Progress!.Stage.Value);
        Assert.Equal("2026-12-05", hongtu.Record.Progress.NextActionDue.Text);
        Assert.Equal(["库存不准", "月结慢"], hongtu.Record.Needs!.PainPoints);
        Assert.Equal(["方案V2.pdf", "报价单.xlsx"], hongtu.Record.Attachments!.Select(a => a.Name));
    }

    [Fact]
    public void Read_GroupedTable_ReportsUnreadableRowsFirstAndRecordsInOrderOfFirstRow()
    {
        var results = Tables.ReadCsv(Rows, ByColumn);

        Assert.Equal(["row 5, column 关联客户", "宏图", "蓝海"], results.Select(r => r.IsRecord ? r.Record.Id! : $"row {r.Row}, column {r.Column}"));
        Assert.Equal(5, results.Sum(r => r.Rows.Count));
    }

    [Fact]
    public void Read_GroupByFieldPath_UsesWhicheverAliasColumnHasTheValue()
    {
        var map = ColumnMap.Parse("""
            {"groupBy": "customer.company", "columns": {
              "关联客户": "customer.company", "客户名称": "customer.company", "跟进内容": "communications[0].summary"}}
            """);
        var csv = "客户名称,关联客户,跟进内容\r\n宏图,,第一次\r\n,宏图,第二次\r\n";

        var record = Assert.Single(Tables.ReadCsv(csv, map));

        Assert.Equal("宏图", record.Record!.Id);
        Assert.Equal(2, record.Record.Communications!.Count);
    }

    [Fact]
    public void Read_RowsWithoutReadableTimes_KeepFileOrderAndTheLastRowWins()
    {
        var csv = "关联客户,跟进时间,跟进内容,跟进阶段\r\n宏图,上周,第一次,需求确认\r\n宏图,,第二次,方案已发\r\n";

        var record = Tables.ReadCsv(csv, ByColumn).Single().Record!;

        Assert.Equal(["第一次", "第二次"], record.Communications!.Select(c => c.Summary));
        Assert.Equal(DealStage.ProposalSent, record.Progress!.Stage.Value);
    }

    [Fact]
    public void Open_GroupColumnMissingFromTheHeader_Fails()
    {
        var error = Assert.Throws<FormatException>(() =>
            FollowUpTableReader.OpenStream(Tables.Csv("跟进内容\r\n沟通\r\n"), TableFormat.Csv, ByColumn));

        Assert.Contains("groups rows by the column '关联客户', which the header lacks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_GroupFieldWithNoColumn_Fails()
    {
        var map = ColumnMap.Parse("""{"groupBy": "customer.company", "columns": {"跟进内容": "communications[0].summary"}}""");

        var error = Assert.Throws<FormatException>(() =>
            FollowUpTableReader.OpenStream(Tables.Csv("跟进内容\r\n沟通\r\n"), TableFormat.Csv, map));

        Assert.Contains("groups rows by customer.company, but no column of the header fills it", error.Message, StringComparison.Ordinal);
    }
}
