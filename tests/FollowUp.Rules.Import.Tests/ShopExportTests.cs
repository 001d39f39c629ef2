using FollowUp.Rules.Import.Tests.Infrastructure;
using FollowUp.Rules.Language;

namespace FollowUp.Rules.Import.Tests;

/// <summary>
/// A shop's (ToC) order follow-up export: buyers have no company, so the customer-grouping followup-zh refuses their
/// rows, and followup-zh-shop reads each row as a record of its own under its order number.
/// </summary>
public sealed class ShopExportTests
{
    private const string Export =
        "订单号,买家姓名,手机,跟进时间,跟进方式,跟进内容,跟进阶段,订单状态,售后状态,公司名称\r\n" +
        "TB1001,周晓雯,13900001001,2026-11-27 20:10,旺旺,旺旺提醒买家付款，买家说 21 点前付,待付款,待付款,暂无售后,\r\n" +
        "TB1002,李娜,13900001002,2026-11-27 15:30,旺旺,同意换新内胆，旧件顺丰到付寄回,售后中,已签收,换货中：旧件已寄回,\r\n" +
        "TB1003,李娜,13900001002,2026-11-26 11:00,电话,回访羊毛衫尺码，买家满意,已签约,交易成功,无售后,\r\n" +
        "WS-101,王经理,13800002001,2026-11-25 10:00,拜访,上门确认 500 件团购报价,商务谈判,,,杭州悦家百货\r\n";

    [Fact]
    public void Read_WithTheShopMap_MakesEachRowARecordUnderItsOrderNumber()
    {
        var results = Tables.ReadCsv(Export, ColumnMap.GetBuiltIn("followup-zh-shop"));

        Assert.All(results, r => Assert.True(r.IsRecord, r.ToString()));
        Assert.Equal(["TB1001", "TB1002", "TB1003", "WS-101"], results.Select(r => r.Record!.Id));
        // One buyer's two orders are two cases, not one customer's log.
        Assert.Equal([[3L], [4L]], results.Where(r => r.Record!.Customer!.Name == "李娜").Select(r => r.Rows.ToArray()));
        var exchange = results[1].Record!;
        Assert.Equal("李娜", exchange.Communications![0].Contact);
        Assert.Equal("已签收", exchange.Custom!["orderStatus"]);
        Assert.Equal("换货中：旧件已寄回", exchange.Custom["afterSales"]);
        Assert.Equal("杭州悦家百货", results[3].Record!.Customer!.Company);
    }

    [Fact]
    public void Read_WithTheCustomerMap_ReadsTheBuyerAndOrder_AndRefusesRowsWithoutACompanyNamingTheShopMap()
    {
        var results = Tables.ReadCsv(Export, ColumnMap.GetBuiltIn("followup-zh"));

        var wholesale = Assert.Single(results, r => r.IsRecord).Record!;
        Assert.Equal("杭州悦家百货", wholesale.Id);
        Assert.Equal("王经理", wholesale.Customer!.Name);
        Assert.Equal("WS-101", wholesale.Custom!["orderId"]);
        var refused = results.Where(r => !r.IsRecord).ToList();
        Assert.Equal([2L, 3L, 4L], refused.Select(r => r.Row));
        Assert.All(refused, r => Assert.Equal("公司名称", r.Column));
        Assert.All(refused, r => Assert.Contains("followup-zh-shop", r.Error, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("followup-zh-shop", "订单金额")]
    [InlineData("followup-zh-shop", "实付金额")]
    [InlineData("followup-zh-shop", "金额")]
    [InlineData("followup-zh-shop", "訂單金額")]
    [InlineData("followup-zh", "订单金额")]
    [InlineData("followup-zh", "实付金额")]
    public void Read_OrderAmountColumn_FillsCustomOrderAmount_ReadAsContent(string map, string column)
    {
        var results = Tables.ReadCsv(
            $"订单号,公司名称,买家姓名,跟进时间,跟进内容,{column}\r\nTB2001,杭州悦家百货,周晓雯,2026-11-25 10:00,确认 12 月 1 日发货,1598\r\n",
            ColumnMap.GetBuiltIn(map));

        var record = Assert.Single(results).Record!;
        Assert.Equal("1598", record.Custom!["orderAmount"]);
        var evaluation = FollowUpEvaluator.Create(timeProvider: new FixedTime(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(8))))
            .Evaluate(record with { Scenario = "ECommerce" });
        Assert.Equal(ClarityLevel.Concrete, Assert.Single(evaluation.Clarity, c => c.Field == "custom.orderAmount").Level);
        Assert.DoesNotContain(evaluation.Findings, f => f.Field == "custom.orderAmount");
    }

    [Fact]
    public void Read_WithTheShopMap_OrderAmountIsReadFromTheFirstListedColumnWithAValue()
    {
        // 订单金额 comes first in the map: an export with both keeps the order's amount; 实付金额 fills in where it is empty.
        var results = Tables.ReadCsv(
            "订单号,跟进时间,跟进内容,实付金额,订单金额\r\nTB2002,2026-11-25,确认发货,1499,1598\r\nTB2003,2026-11-25,确认发货,459,\r\n",
            ColumnMap.GetBuiltIn("followup-zh-shop"));

        Assert.Equal(["1598", "459"], results.Select(r => r.Record!.Custom!["orderAmount"]));
    }

    [Theory]
    [InlineData("客户姓名")]
    [InlineData("收货人")]
    public void Read_WithTheShopMap_TakesTheBuyersNameFromEitherColumn(string column)
    {
        var results = Tables.ReadCsv($"订单编号,{column},跟进时间,跟进内容\r\nJD3007,陈先生,2026-11-27,确认冰箱周六送货上门\r\n", ColumnMap.GetBuiltIn("followup-zh-shop"));

        var record = Assert.Single(results).Record!;
        Assert.Equal("JD3007", record.Id);
        Assert.Equal("陈先生", record.Customer!.Name);
        Assert.Equal("陈先生", record.Communications![0].Contact);
    }
}
