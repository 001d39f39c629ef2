using FollowUp.Rules.Import.Tests.Infrastructure;

namespace FollowUp.Rules.Import.Tests;

/// <summary>
/// The Project profile requires <c>custom.milestones</c> (and risks, which the maps read from 风险描述 …): a 项目里程碑
/// column an export has must fill it, or every Project record loses those points for a column it holds.
/// </summary>
public sealed class MilestoneColumnTests
{
    private const string Milestones = "12月15日递交标书；12月20日开标；1月签约";

    [Theory]
    [InlineData("followup-zh", "项目里程碑")]
    [InlineData("followup-zh", "里程碑")]
    [InlineData("followup-zh", "關鍵里程碑")]
    [InlineData("followup-zh", "項目節點")]
    [InlineData("followup-zh", "專案里程碑")]
    [InlineData("followup-zh", "專案時程")]
    [InlineData("followup-zh-shop", "项目里程碑")]
    [InlineData("followup-en", "Project Milestones")]
    [InlineData("followup-en", "Milestones")]
    public void Read_MilestoneColumn_FillsCustomMilestones(string map, string column)
    {
        var (company, at, notes, id) = map == "followup-en"
            ? ("Company", "Follow-up Date", "Notes", "Customer ID")
            : ("客户名称", "跟进时间", "跟进内容", "订单号");
        var csv = $"{id},{company},{at},{notes},{column}\r\nXSY-1044,深圳市地铁运营集团,2026-11-22 14:00,拜访戴总,{Milestones}\r\n";

        var record = Assert.Single(Tables.ReadCsv(csv, ColumnMap.GetBuiltIn(map))).Record;

        Assert.NotNull(record);
        Assert.Equal(Milestones, record.Custom?["milestones"]);
    }

    [Fact]
    public void Evaluate_ProjectRecordWithMilestoneColumn_IsNotChargedForMissingMilestones()
    {
        var evaluator = FollowUpEvaluator.Create();
        const string header = "客户名称,跟进时间,跟进内容,风险描述,应对措施";
        const string row = "深圳市地铁运营集团,2026-11-22 14:00,拜访戴总：私有化部署为硬性要求,北森参与投标,12月5日前完成技术对比";

        var without = Assert.Single(Tables.ReadCsv($"{header}\r\n{row}\r\n", ColumnMap.GetBuiltIn("followup-zh"))).Record!;
        var with = Assert.Single(Tables.ReadCsv($"{header},项目里程碑\r\n{row},{Milestones}\r\n", ColumnMap.GetBuiltIn("followup-zh"))).Record!;

        Assert.Contains(evaluator.Evaluate(without, "Project").Deductions, d => d.Field == "custom.milestones");
        Assert.DoesNotContain(evaluator.Evaluate(with, "Project").Deductions, d => d.Field == "custom.milestones");
    }

    [Theory]
    [InlineData("里程碑进度")]
    [InlineData("Milestone Dates")]
    public void Open_ColumnNamedLikeMilestonesTheMapDoesNotList_IsALookalike(string column)
    {
        var csv = $"客户名称,跟进时间,跟进内容,{column}\r\n宏图,2026-11-25,电话,{Milestones}\r\n";

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(csv), TableFormat.Csv, ColumnMap.GetBuiltIn("followup-zh"));

        Assert.Equal([$"{column} (custom.milestones)"], reader.LookalikeColumns.Select(c => c.ToString()));
    }
}
