using FollowUp.Rules.Completeness;
using FollowUp.Rules.Language;
using FollowUp.Rules.Profiles;
using FollowUp.Rules.Risk;
using FollowUp.Rules.Tests.TestData;
using Microsoft.Extensions.Options;

namespace FollowUp.Rules.Tests.Evaluation;

/// <summary>
/// Values a shop writes in its fields: an amount is content, 无 answers a field where there may be none, and a status that
/// heads the details of what is being done is no vague status.
/// </summary>
public sealed class ShopValueTests
{
    private static readonly FollowUpEvaluator Evaluator = TestClock.Evaluator();

    private static ClarityLevel ClarityOf(FollowUpEvaluation evaluation, string field) =>
        Assert.Single(evaluation.Clarity, c => c.Field == field).Level;

    [Theory]
    [InlineData("¥1,598")]
    [InlineData("￥1598")]
    [InlineData("¥1,598.00")]
    [InlineData("1,598 ¥")]
    [InlineData("US$1,598")]
    [InlineData("HK$ 1,598")]
    [InlineData("CNY1598")]
    [InlineData("¥0")]
    public void CurrencyAmount_InAnyCustomField_IsConcrete(string amount)
    {
        var evaluation = Evaluator.Evaluate(SampleRecords.CompleteECommerce().WithCustom("remark", amount));

        Assert.Equal(ClarityLevel.Concrete, ClarityOf(evaluation, "custom.remark"));
        Assert.DoesNotContain(evaluation.Findings, f => f.Field == "custom.remark");
    }

    [Theory]
    [InlineData("¥1,598")]
    [InlineData("￥1598 已付")]
    public void CurrencyAmount_AsANote_IsNoNoContent(string summary)
    {
        var evaluation = Evaluator.Evaluate(SampleRecords.CompleteECommerce().WithCommunications(c => c with { Summary = summary }));

        Assert.NotEqual(ClarityLevel.NoContent, ClarityOf(evaluation, "communications[0].summary"));
        Assert.DoesNotContain(evaluation.Findings, f => f.Code == FindingCodes.NoContent);
    }

    [Theory]
    [InlineData("orderAmount", "1598")]
    [InlineData("orderAmount", "0")]
    [InlineData("couponValue", "15")]
    [InlineData("order_qty", "123")]
    [InlineData("orderNo", "4028117736512")]
    [InlineData("订单金额", "1598")]
    [InlineData("件數", "3")]
    public void BareNumber_InAFieldThatHoldsANumber_IsItsValue(string field, string value)
    {
        var evaluation = Evaluator.Evaluate(SampleRecords.CompleteECommerce().WithCustom(field, value));

        Assert.Equal(ClarityLevel.Concrete, ClarityOf(evaluation, "custom." + field));
        Assert.DoesNotContain(evaluation.Findings, f => f.Field == "custom." + field);
    }

    [Theory]
    [InlineData("remark", "1598")]
    [InlineData("afterSales", "0")]
    [InlineData("buyerNote", "123")]
    public void BareNumber_InAnyOtherField_StaysNoContent(string field, string value)
    {
        var evaluation = Evaluator.Evaluate(SampleRecords.CompleteECommerce().WithCustom(field, value));

        Assert.Equal(ClarityLevel.NoContent, ClarityOf(evaluation, "custom." + field));
    }

    [Fact]
    public void BareNumber_AsANote_StaysNoContent()
    {
        var evaluation = Evaluator.Evaluate(SampleRecords.CompleteECommerce().WithCommunications(c => c with { Summary = "1598" }));

        Assert.Equal(ClarityLevel.NoContent, ClarityOf(evaluation, "communications[0].summary"));
    }

    [Theory]
    [InlineData("1598")]
    [InlineData("¥3,000")]
    public void BareNumber_InBudgetAndQuantity_FillsThem(string value)
    {
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { Budget = value, Quantity = value });

        var evaluation = Evaluator.Evaluate(record);

        Assert.DoesNotContain(evaluation.Findings, f => f.Field is FollowUpFields.NeedsBudget or FollowUpFields.NeedsQuantity);
    }

    [Theory]
    [InlineData("无")]
    [InlineData("没有")]
    [InlineData("無")]
    [InlineData("none")]
    [InlineData("N/A")]
    [InlineData("无。")]
    public void NoneAnswer_InAfterSales_FillsTheRequiredField(string value)
    {
        var complete = Evaluator.Evaluate(SampleRecords.CompleteECommerce());

        var evaluation = Evaluator.Evaluate(SampleRecords.CompleteECommerce().WithCustom("afterSales", value));

        Assert.Equal(ClarityLevel.Concrete, ClarityOf(evaluation, "custom.afterSales"));
        Assert.DoesNotContain(evaluation.Findings, f => f.Field == "custom.afterSales");
        Assert.Equal(complete.Score, evaluation.Score);
    }

    [Theory]
    [InlineData("orderStatus", "无")]
    [InlineData("afterSales", "-")]
    [InlineData("afterSales", "。。。")]
    public void NoneAnswer_WhereItSaysNothing_StaysMissing(string field, string value)
    {
        var evaluation = Evaluator.Evaluate(SampleRecords.CompleteECommerce().WithCustom(field, value));

        Assert.Contains(evaluation.Findings, f => f.Code == FindingCodes.FieldMissing && f.Field == "custom." + field);
    }

    [Fact]
    public void NoneAnswer_IsAFullAnswer_NotAnAcknowledgement()
    {
        var none = Evaluator.Evaluate(SampleRecords.CompleteECommerce().WithCustom("afterSales", "无"));
        var acknowledged = Evaluator.Evaluate(SampleRecords.CompleteECommerce().WithCustom("afterSales", "待补充"));

        Assert.True(none.Score > acknowledged.Score, $"{none.Score} vs {acknowledged.Score}");
        Assert.Contains(acknowledged.Findings, f => f.Code == FindingCodes.FieldAcknowledged);
    }

    [Fact]
    public void NoneAnswer_InAnObjection_IsNoNoContent()
    {
        var evaluation = Evaluator.Evaluate(SampleRecords.CompleteToB().WithCommunications(c => c with { Objections = "无" }));

        Assert.DoesNotContain(evaluation.Findings, f => f.Field == "communications[0].objections");
    }

    [Theory]
    [InlineData("无")]
    [InlineData("暂无风险")]
    public void NoneAnswer_InARiskDescription_SaysNoRiskAndAsksNoCountermeasure(string description)
    {
        var record = SampleRecords.CompleteToB() with { Risks = [new RiskNote { Description = description }] };

        var evaluation = Evaluator.Evaluate(record);

        Assert.DoesNotContain(evaluation.Findings, f => f.Field is not null && f.Field.StartsWith("risks[0]", StringComparison.Ordinal));
    }

    [Fact]
    public void NoneIsAnswer_ConfiguredForACustomField_TakesNone()
    {
        var evaluator = TestClock.Evaluator(options => options.Profiles["ECommerce"] = new ProfileOptions { NoneIsAnswer = { "custom.coupon" } });
        var record = SampleRecords.CompleteECommerce().WithCustom("coupon", "无");

        Assert.Equal(ClarityLevel.Concrete, ClarityOf(evaluator.Evaluate(record), "custom.coupon"));
        Assert.Equal(ClarityLevel.NoContent, ClarityOf(Evaluator.Evaluate(record), "custom.coupon"));
        Assert.Equal(ClarityLevel.Concrete, ClarityOf(evaluator.Evaluate(SampleRecords.CompleteECommerce().WithCustom("afterSales", "无")), "custom.afterSales"));
    }

    [Fact]
    public void NoneIsAnswer_NotAFieldKey_FailsValidationNamingIt()
    {
        var options = new FollowUpRulesOptions();
        options.Profiles["ECommerce"] = new ProfileOptions { NoneIsAnswer = { "afterSales" } };

        var exception = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(options));

        Assert.Contains("NoneIsAnswer:0 ('afterSales')", Assert.Single(exception.Failures), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("换货处理中：换新内胆，旧件顺丰到付寄回")]
    [InlineData("退款处理中: 原路退回，已通知买家")]
    [InlineData("补发中：顺丰 SF1234567890 明天到")]
    public void Status_HeadingTheDetailsOfWhatIsDone_IsConcrete(string value)
    {
        var evaluation = Evaluator.Evaluate(SampleRecords.CompleteECommerce().WithCustom("afterSales", value));

        Assert.Equal(ClarityLevel.Concrete, ClarityOf(evaluation, "custom.afterSales"));
        Assert.DoesNotContain(evaluation.Findings, f => f.Field == "custom.afterSales");
    }

    [Theory]
    [InlineData("处理中", ClarityLevel.Vague)]
    [InlineData("处理中：换新", ClarityLevel.Vague)]
    [InlineData("处理中：等客户回复", ClarityLevel.Vague)]
    [InlineData("处理中：", ClarityLevel.Vague)]
    public void Status_WithoutDetailsOrWithVagueOnes_StaysVague(string value, ClarityLevel expected)
    {
        var evaluation = Evaluator.Evaluate(SampleRecords.CompleteECommerce().WithCustom("afterSales", value));

        Assert.Equal(expected, ClarityOf(evaluation, "custom.afterSales"));
    }

    [Fact]
    public void VagueStatus_InACustomField_IsCoachedAsAStatusNotAContact()
    {
        var evaluation = Evaluator.Evaluate(SampleRecords.CompleteECommerce().WithCustom("afterSales", "处理中"));

        var finding = Assert.Single(evaluation.Findings, f => f.Field == "custom.afterSales" && f.Code == FindingCodes.VagueLanguage);
        Assert.Contains("具体在办什么", finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("本次沟通", finding.Message, StringComparison.Ordinal);
    }
}
