using FollowUp.Rules.Grading;
using FollowUp.Rules.Risk;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests.Grading;

/// <summary>
/// A lost deal's risk section is its post-mortem: one noted risk that says why the deal was lost and what was learnt answers
/// every signal detected, and a lost deal without one is asked for that, not for a plan to save a deal that is over.
/// </summary>
public class LostDealTests
{
    private const string LossCall = "沈总电话告知已选用友商，对方报价比我方低 7 万，我方方案超出预算";

    private static readonly FollowUpEvaluator Evaluator = TestClock.Evaluator();

    private static readonly RiskNote PostMortem = new()
    {
        Kind = "Competitor",
        Description = "友商报价 73 万，比我方低 7 万并含一年免费运维，丢单",
        Countermeasure = "复盘：同类客户报价前先确认预算上限；2027 年 5 月 15 日回访沈总，了解二期需求",
    };

    [Fact]
    public void LostDeal_OnePostMortem_AnswersEverySignalDetected()
    {
        var evaluation = Evaluator.Evaluate(Deal(DealStage.Lost, PostMortem));

        Assert.True(evaluation.Risk.Signals.Select(s => s.Code).Distinct().Count() >= 3, string.Join(", ", evaluation.Risk.Signals.Select(s => s.Code)));
        Assert.Empty(evaluation.FindingsWithCode(FindingCodes.RiskUnanswered));
        Assert.DoesNotContain(evaluation.Deductions, d => d.Group == DeductionGroup.RiskIgnored);
    }

    [Fact]
    public void OpenDeal_SameRiskNote_AnswersOnlyTheSignalsItNames()
    {
        var evaluation = Evaluator.Evaluate(Deal(DealStage.Negotiation, PostMortem));

        var unanswered = evaluation.FindingsWithCode(FindingCodes.RiskUnanswered).ToList();
        Assert.NotEmpty(unanswered);
        Assert.DoesNotContain(unanswered, f => f.Message.Contains("竞争对手", StringComparison.Ordinal));
        Assert.All(unanswered, f => Assert.Contains("主动分析并写下应对方案", f.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("zh-CN", "丢单原因")]
    [InlineData("en", "why the deal was lost")]
    public void LostDeal_WithoutPostMortem_IsAskedWhyItWasLost(string culture, string ask)
    {
        var evaluation = TestClock.Evaluator(o => o.Culture = culture).Evaluate(Deal(DealStage.Lost));

        var unanswered = evaluation.FindingsWithCode(FindingCodes.RiskUnanswered).ToList();
        Assert.True(unanswered.Count >= 3, $"{unanswered.Count} unanswered signals");
        Assert.All(unanswered, f => Assert.Contains(ask, f.Message, StringComparison.Ordinal));
        var risks = Assert.Single(evaluation.Deductions, d => d.Field == "risks" && d.Code == DeductionCodes.RiskUnaddressed);
        Assert.Contains(ask, risks.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LostDeal_VaguePostMortem_CostsLessThanNoneAndMoreThanAConcreteOne()
    {
        var vague = Evaluator.Evaluate(Deal(DealStage.Lost, PostMortem with { Countermeasure = "加强沟通" }));
        var none = Evaluator.Evaluate(Deal(DealStage.Lost));
        var concrete = Evaluator.Evaluate(Deal(DealStage.Lost, PostMortem));

        Assert.Contains(vague.Deductions, d => d.Field == "risks[0].countermeasure" && d.Code == DeductionCodes.VagueText);
        Assert.Empty(vague.FindingsWithCode(FindingCodes.RiskUnanswered));
        Assert.True(none.Score < vague.Score && vague.Score < concrete.Score, $"none {none.Score}, vague {vague.Score}, concrete {concrete.Score}");
    }

    [Theory]
    [InlineData("暂无明显风险", "保持联系")]
    [InlineData(null, "复盘：报价前先确认预算上限")]
    public void LostDeal_NoRiskNoteOrACountermeasureAlone_IsNoPostMortem(string? description, string countermeasure)
    {
        var evaluation = Evaluator.Evaluate(Deal(DealStage.Lost, new RiskNote { Description = description, Countermeasure = countermeasure }));

        Assert.NotEmpty(evaluation.FindingsWithCode(FindingCodes.RiskUnanswered));
        Assert.Contains(evaluation.Deductions, d => d.Field == "risks" && d.Code == DeductionCodes.RiskUnaddressed);
    }

    [Fact]
    public void LostDeal_VaguePostMortemNamingNoSignal_IsGradedAsAnsweringThemAndNeverCostsMoreThanNone()
    {
        var record = Deal(DealStage.Lost) with { Communications = [SampleRecords.CompleteToB().Communications![0] with { Summary = "周总说还在犹豫，集团统一采购 ERP 自带模块" }] };
        var none = Evaluator.Evaluate(record);
        var vague = Evaluator.Evaluate(record with { Risks = [new RiskNote { Description = "集团统一采购 ERP 自带模块", Countermeasure = "加强沟通" }] });

        Assert.Contains(RiskSignalCodes.Hesitation, none.Risk.Signals.Select(s => s.Code));
        var charge = Assert.Single(vague.Deductions, d => d.Field == "risks[0].countermeasure");
        Assert.Equal((DeductionCodes.VagueText, GradeComponent.RiskHandling), (charge.Code, charge.Component));
        Assert.True(vague.Score > none.Score, $"none {none.Score}, vague {vague.Score}");
    }

    [Fact]
    public void LostDeal_AVagueAnswerBesideAConcretePostMortem_CostsNothing()
    {
        var extra = new RiskNote { Kind = "NegativeLastFeedback", Description = "客户不满", Countermeasure = "加强沟通" };

        var alone = Evaluator.Evaluate(Deal(DealStage.Lost, PostMortem));
        var both = Evaluator.Evaluate(Deal(DealStage.Lost, PostMortem, extra));

        Assert.Equal(alone.Score, both.Score);
    }

    [Theory]
    [InlineData(DealStage.Lost, "丢单原因")]
    [InlineData(DealStage.Negotiation, "暂无明显风险")]
    public void ProjectWithoutRiskPoints_IsAskedForItsPostMortemOnlyWhenLost(DealStage stage, string ask)
    {
        var record = SampleRecords.CompleteProject().WithProgress(p => p with { Stage = stage }) with { Risks = null };

        var evaluation = Evaluator.Evaluate(record);

        var finding = Assert.Single(evaluation.FindingsWithCode(FindingCodes.RiskPointsMissing));
        Assert.Contains(ask, finding.Message, StringComparison.Ordinal);
        Assert.Contains(evaluation.Deductions, d => d.Code == DeductionCodes.RiskPointsMissing && d.Message == finding.Message);
    }

    private static FollowUpRecord Deal(DealStage stage, params RiskNote[] risks)
    {
        var record = SampleRecords.CompleteToB();
        var log = record.Communications!.ToList();
        log[^1] = log[^1] with { Summary = LossCall, Feedback = CustomerFeedback.Dissatisfied };
        return record.WithProgress(p => p with { Stage = stage }) with { Communications = log, Risks = risks.Length == 0 ? null : risks };
    }
}
