using FollowUp.Rules.Import.Tests.Infrastructure;

namespace FollowUp.Rules.Import.Tests;

/// <summary>The sample CRM export (samples/data/crm-export.csv and its GB18030 twin) read with the bundled Chinese map.</summary>
public sealed class SampleExportTests
{
    private static readonly string Utf8Path = Path.Combine(Tables.SampleDirectory, "crm-export.csv");
    private static readonly string Gb18030Path = Path.Combine(Tables.SampleDirectory, "crm-export.gb18030.csv");

    [Fact]
    public void Read_SampleExport_GroupsGoodRowsPerCustomerAndReportsEachBrokenRow()
    {
        var results = Read(Utf8Path);

        var records = results.Where(r => r.IsRecord).ToList();
        var errors = results.Where(r => !r.IsRecord).ToList();
        Assert.Equal(
            ["宏图建筑设计院", "蓝海物流", "陈女士（个人）", "华远制造", "佳禾食品", "优品家居旗舰店", "瑞丰医疗器械", "启明教育", "新源科技"],
            records.Select(r => r.Record!.Id));
        Assert.Equal(
            [(7L, "AE"), (11L, "公司规模"), (15L, "关联客户"), (21L, "下次跟进时间")],
            errors.Select(e => (e.Row, e.Column)));
        // 22 rows after the header, one of them blank: every other row is in a record or reported.
        Assert.Equal(21, results.Sum(r => r.Rows.Count));
    }

    [Theory]
    [InlineData("crm-export.csv")]
    [InlineData("crm-export.gb18030.csv")]
    public void Open_SampleExport_LacksNoColumnTheBundledMapExpects(string file)
    {
        using var reader = FollowUpTableReader.Open(Path.Combine(Tables.SampleDirectory, file), ColumnMap.GetBuiltIn("followup-zh"));

        Assert.Empty(reader.MissingColumns);
    }

    [Fact]
    public void Read_SampleExport_UnreadableRowsCarryTheirCustomer_AndTheirCustomersRecordsListThem()
    {
        var results = Read(Utf8Path);

        // Row 15 has no customer; the others do, though row 7 has a stray comma, row 11 is cut short and row 21 holds #REF!.
        Assert.Equal(
            [(7L, "蓝海物流"), (11L, "华远制造"), (15L, null), (21L, "启明教育")],
            results.Where(r => !r.IsRecord).Select(r => (r.Row, r.GroupKey)));
        var huayuan = results.Single(r => r.GroupKey == "华远制造" && r.IsRecord);
        Assert.Equal([10L, 12L], huayuan.Rows);
        Assert.Equal([11L], huayuan.UnreadableRows);
        Assert.Equal(
            [("蓝海物流", 7L), ("华远制造", 11L), ("启明教育", 21L)],
            results.Where(r => r.IsRecord).SelectMany(r => r.UnreadableRows.Select(row => (r.GroupKey!, row))));
    }

    [Fact]
    public void Read_SampleExport_BuildsTheCommunicationLogOfEachCustomer()
    {
        var hongtu = Read(Utf8Path).Single(r => r.Record?.Id == "宏图建筑设计院");

        var record = hongtu.Record!;
        Assert.Equal([2L, 3L, 4L], hongtu.Rows);
        Assert.Equal("ToB", record.Scenario);
        Assert.Equal("李明", record.Owner);
        var communications = record.Communications!;
        Assert.Equal(["张伟", "张伟", "王建国"], communications.Select(c => c.Contact));
        Assert.Equal([ContactChannel.Phone, ContactChannel.Email, ContactChannel.Visit], communications.Select(c => c.Channel.Value!.Value));
        Assert.Contains("\n2. 友商已报价", communications[2].Summary, StringComparison.Ordinal);
        Assert.Equal(DecisionRole.DecisionMaker, record.Customer!.DecisionRole.Value);
        Assert.Equal(DealStage.Negotiation, record.Progress!.Stage.Value);
        Assert.Equal(new DateTime(2026, 12, 5, 18, 0, 0), record.Progress.NextActionDue.ClockTime);
        Assert.Equal("200 套", record.Needs!.Quantity);
        Assert.Equal(["库存不准", "月结慢"], record.Needs.PainPoints);
        Assert.Equal(["ERP方案V2.pdf", "报价单-宏图-1120.xlsx"], record.Attachments!.Select(a => a.Name));
        Assert.Equal("11 月 25 日前提交差异化方案：实施周期与售后服务对比", Assert.Single(record.Risks!).Countermeasure);
    }

    [Fact]
    public void Read_Gb18030Twin_IsDetectedAndReadsTheSameAsTheUtf8File()
    {
        using var reader = FollowUpTableReader.Open(Gb18030Path, ColumnMap.GetBuiltIn("followup-zh"));
        var gb18030 = reader.ReadRecords().ToList();

        Assert.Equal(54936, reader.Encoding!.CodePage);
        Assert.Equal(Read(Utf8Path).Select(Describe), gb18030.Select(Describe));
    }

    [Fact]
    public void Evaluate_SampleExport_GradesTheCarefulRecordAboveTheVagueOne()
    {
        var evaluator = FollowUpEvaluator.Create();
        var records = Read(Utf8Path).Where(r => r.IsRecord).ToDictionary(r => r.Record!.Id!, r => r.Record!);

        var careful = evaluator.Evaluate(records["宏图建筑设计院"]);
        var vague = evaluator.Evaluate(records["蓝海物流"]);

        Assert.True(careful.Score > vague.Score, $"宏图 {careful.Score} vs 蓝海 {vague.Score}");
        Assert.Contains(vague.Vague, v => v.Text.Contains("等客户回复", StringComparison.Ordinal));
    }

    private static List<ImportedRecord> Read(string path)
    {
        using var reader = FollowUpTableReader.Open(path, ColumnMap.GetBuiltIn("followup-zh"));
        return [.. reader.ReadRecords()];
    }

    private static string Describe(ImportedRecord result) =>
        result.IsRecord ? $"{string.Join('+', result.Rows)} {Serialization.FollowUpJson.Serialize(result.Record)}" : result.ToString();
}
