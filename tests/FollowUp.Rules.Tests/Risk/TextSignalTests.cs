using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;
using FollowUp.Rules.Risk;
using FollowUp.Rules.Tests.Language;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests.Risk;

/// <summary>The signals found in text: every code in each language, negation scoped to the clause, and answering a signal.</summary>
public sealed class TextSignalTests
{
    private static readonly FollowUpEvaluator Evaluator = TestClock.Evaluator();

    [Theory]
    [InlineData("友商已报价", RiskSignalCodes.Competitor)]
    [InlineData("客户还在犹豫", RiskSignalCodes.Hesitation)]
    [InlineData("客户嫌价格太贵", RiskSignalCodes.PriceObjection)]
    [InlineData("今年预算不足", RiskSignalCodes.BudgetConstraint)]
    [InlineData("项目暂缓到明年", RiskSignalCodes.Delay)]
    [InlineData("电话一直无人接听", RiskSignalCodes.NoResponse)]
    [InlineData("客户已经投诉到总部", RiskSignalCodes.NegativeFeedback)]
    [InlineData("原对接人已离职", RiskSignalCodes.ContactChange)]
    [InlineData("客户表示暂不考虑", RiskSignalCodes.IntentDecline)]
    [InlineData("客戶預算不足", RiskSignalCodes.BudgetConstraint)]
    [InlineData("They are comparing quotes from other vendors.", RiskSignalCodes.Competitor)]
    [InlineData("Customer left a complaint on the portal.", RiskSignalCodes.NegativeFeedback)]
    public void Signal_PhraseInACommunication_IsRaisedWithItsEvidence(string summary, string code)
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { Summary = summary });
        var signal = Assert.Single(Evaluator.Evaluate(record).Risk.Signals, s => s.Code == code && s.Field == "communications[0].summary");
        Assert.Contains(signal.Evidence, summary, StringComparison.Ordinal);
        Assert.Equal(FollowUpRuleSet.Default.DefaultProfile.SignalWeights[code], signal.Weight);
    }

    [Theory]
    [InlineData("客人話今年冇 budget，明年先再傾", RiskSignalCodes.Delay, "明年先再傾")]
    [InlineData("客戶話等下個月先再睇下", RiskSignalCodes.Delay, "下個月先再")]
    [InlineData("Client said no budget this year, will revisit in March", RiskSignalCodes.BudgetConstraint, "no budget this year")]
    public void Signal_EvidenceOfPhrasesSharingAStart_IsTheLongestPhraseWhole(string summary, string code, string evidence)
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { Summary = summary });

        var signal = Assert.Single(Evaluator.Evaluate(record).Risk.Signals, s => s.Code == code && s.Field == "communications[0].summary");

        Assert.Equal(evidence, signal.Evidence);
    }

    [Theory]
    [InlineData("没有预算")]
    [InlineData("预算不足，只有 10 万")]
    [InlineData("No budget this year")]
    [InlineData("No budget")]
    public void Signal_InTheBudget_IsRaisedOnTheBudget(string budget)
    {
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { Budget = budget });

        var signal = Assert.Single(Evaluator.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.BudgetConstraint);

        Assert.Equal("needs.budget", signal.Field);
    }

    [Theory]
    [InlineData("学员投诉多，客服压力大")]
    [InlineData("日報延遲一天，管理層看不到實時數據")]
    [InlineData("员工离职交接靠纸质单据")]
    public void PainPoint_TheCustomersOwnProblem_RaisesNoSignalWhereAConcernWould(string problem)
    {
        var asPainPoint = SampleRecords.CompleteToB().WithNeeds(n => n with { PainPoints = [problem], Concerns = null });
        var asConcern = SampleRecords.CompleteToB().WithNeeds(n => n with { PainPoints = ["纸质单据多"], Concerns = [problem] });

        Assert.DoesNotContain(Evaluator.Evaluate(asPainPoint).Risk.Signals, s => s.Field.StartsWith("needs.", StringComparison.Ordinal));
        Assert.Contains(Evaluator.Evaluate(asConcern).Risk.Signals, s => s.Field == "needs.concerns[0]");
    }

    /// <summary>
    /// A needs summary written as the problem the deal is to solve names the customer's own pain, as a pain point does: it
    /// raises no signal. A risk outside that clause, or a budget too small to solve it, still does.
    /// </summary>
    [Theory]
    [InlineData("车间 MES 报工模块，解决纸质报工数据滞后一天的问题")]
    [InlineData("解决客户投诉处理慢的问题")]
    [InlineData("解决发货延误、错发的问题")]
    [InlineData("解决错发、发货延误的问题")]
    [InlineData("解决月报总是推迟 5 天出的问题")]
    [InlineData("想改善交付延误的情况")]
    [InlineData("解決客戶投訴處理慢的問題")]
    [InlineData("Solve the problem of delayed shipments")]
    public void Signal_NeedsSummaryStatingTheProblemToSolve_RaisesNone(string summary)
    {
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { Summary = summary });

        Assert.DoesNotContain(Evaluator.Evaluate(record).Risk.Signals, s => s.Field == "needs.summary");
    }

    [Theory]
    [InlineData("客户说项目推迟到明年", RiskSignalCodes.Delay)]
    [InlineData("上 WMS，解决库存不准，但项目推迟到明年", RiskSignalCodes.Delay)]
    [InlineData("项目推迟到明年，解决库存不准的问题", RiskSignalCodes.Delay)]
    [InlineData("客户对我们的解决方案不满意", RiskSignalCodes.NegativeFeedback)]
    [InlineData("希望通过分期解决预算不足的问题", RiskSignalCodes.BudgetConstraint)]
    [InlineData("降低价格否则推迟采购", RiskSignalCodes.Delay)]
    [InlineData("客户想降低成本所以暂缓采购", RiskSignalCodes.Delay)]
    [InlineData("客户想在降低成本的情况下推迟采购", RiskSignalCodes.Delay)]
    [InlineData("Email address bounced and the contact has left the company", RiskSignalCodes.ContactChange)]
    [InlineData("降低库存成本 10% 客户推迟采购看情况", RiskSignalCodes.Delay)]
    [InlineData("降低采购成本客户推迟签约技术上没问题", RiskSignalCodes.Delay)]
    [InlineData("减少人工客户暂缓采购情况未知", RiskSignalCodes.Delay)]
    [InlineData("降低库存成本 10% 客户推迟采购的问题不大", RiskSignalCodes.Delay)]
    [InlineData("降低库存成本 10% 客户推迟采购的情况说不准", RiskSignalCodes.Delay)]
    [InlineData("降低采购成本客户推迟签约的情况已上报总监", RiskSignalCodes.Delay)]
    [InlineData("解决报工难客户推迟采购的问题很严重", RiskSignalCodes.Delay)]
    [InlineData("降低成本，等问题解决后再定，客户推迟采购", RiskSignalCodes.Delay)]
    [InlineData("Address issues with the client who is hesitant", RiskSignalCodes.Hesitation)]
    public void Signal_NeedsSummaryRiskOutsideAProblemToSolve_IsRaised(string summary, string code)
    {
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { Summary = summary });

        Assert.Contains(Evaluator.Evaluate(record).Risk.Signals, s => s.Field == "needs.summary" && s.Code == code);
    }

    [Theory]
    [InlineData("50万")]
    [InlineData("预算充足，约 80 万")]
    [InlineData("不是没有预算，是要等年初批")]
    [InlineData("No budget issue, 80k approved")]
    public void Signal_BudgetWithoutAConstraint_RaisesNothing(string budget)
    {
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { Budget = budget });

        Assert.DoesNotContain(Evaluator.Evaluate(record).Risk.Signals, s => s.Field == "needs.budget");
    }

    [Fact]
    public void Signal_MissingRequiredBudget_LeavesTheRiskNotAssessable_AsAnyFieldRiskDetectionReads()
    {
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { Budget = "-" });

        var evaluation = Evaluator.Evaluate(record);

        var finding = Assert.Single(evaluation.Findings, f => f.Code == FindingCodes.RiskNotAssessable);
        Assert.Contains("关键内容缺失或没有实际内容（预算）", finding.Message, StringComparison.Ordinal);

        // It hides a budget constraint and nothing else, so it costs what an unanswered one would, not the whole part.
        var profile = FollowUpRuleSet.Default.DefaultProfile;
        var deduction = Assert.Single(evaluation.Deductions, d => d.Code == DeductionCodes.RiskNotAssessable && d.Component == GradeComponent.RiskHandling);
        Assert.Equal(
            profile.ScoreWeight(GradeComponent.RiskHandling) * profile.SignalWeights[RiskSignalCodes.BudgetConstraint], deduction.Points, 2);
    }

    [Fact]
    public void Signal_MissingBudget_HidesNoRisk_WhenTheProfileDoesNotWeighABudgetConstraint()
    {
        // The budget is read for a budget constraint only; a profile that does not weigh it never raises it from any budget,
        // so a missing budget hides nothing: it is a missing field, not a risk that cannot be assessed.
        var evaluator = TestClock.Evaluator(o => o.Profiles["ToB"] = new FollowUp.Rules.Profiles.ProfileOptions { SignalWeights = { [RiskSignalCodes.BudgetConstraint] = 0 } });
        var missing = evaluator.Evaluate(SampleRecords.CompleteToB().WithNeeds(n => n with { Budget = null }));
        var filled = evaluator.Evaluate(SampleRecords.CompleteToB().WithNeeds(n => n with { Budget = "没有预算" }));

        Assert.DoesNotContain(missing.Findings, f => f.Code == FindingCodes.RiskNotAssessable);
        Assert.DoesNotContain(missing.Deductions, d => d.Code == DeductionCodes.RiskNotAssessable);
        Assert.Contains(missing.Findings, f => f.Code == FindingCodes.FieldMissing && f.Field == "needs.budget");
        Assert.Equal(filled.Step(FollowUpStep.AttachmentsAndRisks).Score, missing.Step(FollowUpStep.AttachmentsAndRisks).Score);
    }

    [Fact]
    public void Signal_TheBudgetIsReadForABudgetConstraintOnly()
    {
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { Budget = "友商报价更低，客户犹豫，没有预算" });

        var signal = Assert.Single(Evaluator.Evaluate(record).Risk.Signals);

        Assert.Equal((RiskSignalCodes.BudgetConstraint, "needs.budget"), (signal.Code, signal.Field));
    }

    [Theory]
    [InlineData("暂无竞争对手介入", RiskSignalCodes.Competitor)]
    [InlineData("客户没有犹豫", RiskSignalCodes.Hesitation)]
    [InlineData("对价格没有异议", RiskSignalCodes.PriceObjection)]
    [InlineData("no competitor involved", RiskSignalCodes.Competitor)]
    [InlineData("不存在投诉", RiskSignalCodes.NegativeFeedback)]
    [InlineData("竞争对手：无", RiskSignalCodes.Competitor)]
    [InlineData("no 竞争对手介入", RiskSignalCodes.Competitor)]
    [InlineData("有没有竞争对手？客户说没有", RiskSignalCodes.Competitor)]
    [InlineData("客户说暂时不考虑其他供应商，只用我们", RiskSignalCodes.Competitor)]
    [InlineData("客户说暂时不考虑其他供应商，只用我们", RiskSignalCodes.IntentDecline)]
    [InlineData("客話呢排唔會考慮第二間，淨係用我哋", RiskSignalCodes.Competitor)]
    [InlineData("有没有竞争对手？没有。", RiskSignalCodes.Competitor)]
    [InlineData("竞争对手方面，暂无", RiskSignalCodes.Competitor)]
    [InlineData("友商方面，客戶說沒有", RiskSignalCodes.Competitor)]
    [InlineData("總經理不再考慮其他品牌，決定採用我們，12/5 簽約", RiskSignalCodes.Competitor)]
    [InlineData("客户暂时不考虑其他品牌，12月3日签约", RiskSignalCodes.Competitor)]
    public void Signal_NegatedPhrase_RaisesNothing(string text, string code) => Assert.DoesNotContain(code, TextProbe.Of(text).Risk);

    [Theory]
    [InlineData("并不是没有竞争对手，只是客户更信任我们", RiskSignalCodes.Competitor)]
    [InlineData("不能说没有竞争对手，只是目前我们领先", RiskSignalCodes.Competitor)]
    [InlineData("不是没有友商在接触", RiskSignalCodes.Competitor)]
    [InlineData("客户在看竞争对手，没有下单", RiskSignalCodes.Competitor)]
    [InlineData("友商报价更低，客户说还没有决定", RiskSignalCodes.Competitor)]
    [InlineData("客户不再考虑，已选了其他品牌", RiskSignalCodes.Competitor)]
    public void Signal_DoubleNegativeOrNegationOfSomethingElse_IsRaised(string text, string code) => Assert.Contains(code, TextProbe.Of(text).Risk);

    [Theory]
    [InlineData("未回复", RiskSignalCodes.NoResponse)]
    [InlineData("客户不满", RiskSignalCodes.NegativeFeedback)]
    [InlineData("已读不回", RiskSignalCodes.NoResponse)]
    [InlineData("没有竞争对手报价，但客户犹豫", RiskSignalCodes.Hesitation)]
    [InlineData("no budget issue 客户犹豫", RiskSignalCodes.Hesitation)]
    public void Signal_PhraseThatIsItselfNegative_OrNegationInAnotherClause_IsRaised(string text, string code) =>
        Assert.Contains(code, TextProbe.Of(text).Risk);

    [Theory]
    [InlineData("客户没下单是因为竞品更便宜", RiskSignalCodes.Competitor)]
    [InlineData("客户不签是因为预算不足", RiskSignalCodes.BudgetConstraint)]
    [InlineData("没有签约，由于预算不足", RiskSignalCodes.BudgetConstraint)]
    [InlineData("Customer didn't sign because a competitor came in lower", RiskSignalCodes.Competitor)]
    [InlineData("Not signed since budget was cut", RiskSignalCodes.BudgetConstraint)]
    public void Signal_NegationBeforeAReason_DoesNotReachThePhraseInTheReason(string text, string code) =>
        Assert.Contains(code, TextProbe.Of(text).Risk);

    /// <summary>A cue negates the first risk phrase after it; the next, or one after 但 or a reason, stands.</summary>
    [Theory]
    [InlineData("没有竞争对手 客户嫌贵", RiskSignalCodes.PriceObjection)]
    [InlineData("无竞品 预算不足", RiskSignalCodes.BudgetConstraint)]
    [InlineData("暂无竞品 客户觉得价格偏高", RiskSignalCodes.PriceObjection)]
    [InlineData("竞品没有但预算不足", RiskSignalCodes.BudgetConstraint)]
    [InlineData("未签约原因：竞品价格低", RiskSignalCodes.Competitor)]
    [InlineData("不签的原因是预算不足", RiskSignalCodes.BudgetConstraint)]
    [InlineData("客户其他都没意见就是觉得价格偏高", RiskSignalCodes.PriceObjection)]
    [InlineData("客户说如果价格不降就选别家", RiskSignalCodes.Competitor)]
    [InlineData("不能不考虑竞品", RiskSignalCodes.Competitor)]
    [InlineData("Not signed, the reason is budget cuts", RiskSignalCodes.BudgetConstraint)]
    public void Signal_AfterTheNegatedPhraseOrABreak_IsRaised(string text, string code) =>
        Assert.Contains(code, TextProbe.Of(text).Risk);

    [Theory]
    [InlineData("竞品没有但预算不足", RiskSignalCodes.Competitor)]
    [InlineData("没有竞争对手 客户嫌贵", RiskSignalCodes.Competitor)]
    [InlineData("无投诉无差评", RiskSignalCodes.NegativeFeedback)]
    [InlineData("无投诉 无退货 无差评", RiskSignalCodes.NegativeFeedback)]
    [InlineData("客户无投诉和差评", RiskSignalCodes.NegativeFeedback)]
    [InlineData("客户没有任何投诉及差评", RiskSignalCodes.NegativeFeedback)]
    [InlineData("无竞品及价格异议", RiskSignalCodes.PriceObjection)]
    [InlineData("客户没有犹豫和拖延", RiskSignalCodes.Delay)]
    [InlineData("客户不担心价格太贵", RiskSignalCodes.PriceObjection)]
    [InlineData("客户没有抱怨价格太贵", RiskSignalCodes.PriceObjection)]
    [InlineData("客户不担心竞品", RiskSignalCodes.Competitor)]
    [InlineData("客户没有犹豫没有拖延", RiskSignalCodes.Delay)]
    public void Signal_NegatedBeforeAnotherRiskOrABreak_RaisesNothing(string text, string code) =>
        Assert.DoesNotContain(code, TextProbe.Of(text).Risk);

    [Theory]
    [InlineData("客户不是因为预算不足才不签", RiskSignalCodes.BudgetConstraint)]
    [InlineData("客户没有因为价格犹豫", RiskSignalCodes.Hesitation)]
    [InlineData("Not because of a competitor; they signed on Monday", RiskSignalCodes.Competitor)]
    public void Signal_NegatedReason_RaisesNothing(string text, string code) => Assert.DoesNotContain(code, TextProbe.Of(text).Risk);

    [Theory]
    [InlineData("客户没有提出任何投诉或不满")]
    [InlineData("客户没有投诉或者表达不满")]
    [InlineData("The customer did not complain or express any dissatisfaction")]
    public void Signal_AlternativeToANegatedPhrase_IsNegatedToo(string text) =>
        Assert.DoesNotContain(RiskSignalCodes.NegativeFeedback, TextProbe.Of(text).Risk);

    [Theory]
    [InlineData("没有竞争对手介入或价格异议")]
    [InlineData("暂无竞争对手参与或价格异议")]
    [InlineData("No competitor involvement or price objection so far")]
    public void Signal_AlternativeAfterTheWordThatEndsTheNegatedPhrase_IsNegatedToo(string text) =>
        Assert.Empty(TextProbe.Of(text).Risk);

    /// <summary>
    /// Items of one kind joined by 、 are one enumeration under the cue before the first, whatever the items between; when the
    /// first is no risk phrase, two 、 after a cue of absence make it a list (未出现退货、退款、差评).
    /// </summary>
    [Theory]
    [InlineData("未出现投诉、退货、差评")]
    [InlineData("未出现投诉、漏发、差评")]
    [InlineData("没有竞品、竞争对手")]
    [InlineData("没有投诉、差评等问题")]
    [InlineData("未出现退货、退款、差评")]
    [InlineData("未出現退貨、退款、負評")]
    [InlineData("不存在预算不足、延期等问题")]
    [InlineData("没有出现客户投诉、项目延期的情况")]
    public void Signal_EnumeratedAfterANegatedPhrase_IsNegatedToo(string text) => Assert.Empty(TextProbe.Of(text).Risk);

    /// <summary>
    /// Words before the next phrase, a contrast word, words after it (差评较多), another kind of risk (无竞品、预算不足), a phrase
    /// that negates itself (没有预算), a raised risk between, or a cue that negates a verb rather than states an absence make
    /// a new statement, as when 、 stands for a comma.
    /// </summary>
    [Theory]
    [InlineData("没有投诉、客户嫌贵", RiskSignalCodes.PriceObjection)]
    [InlineData("没有投诉、只是价格有点贵", RiskSignalCodes.PriceObjection)]
    [InlineData("没有投诉，差评两条", RiskSignalCodes.NegativeFeedback)]
    [InlineData("客户投诉、差评", RiskSignalCodes.NegativeFeedback)]
    [InlineData("没有竞品、客户在犹豫、预算不足", RiskSignalCodes.Hesitation)]
    [InlineData("没问题、价格偏高", RiskSignalCodes.PriceObjection)]
    [InlineData("没有竞品、价格异议", RiskSignalCodes.PriceObjection)]
    [InlineData("无竞品、预算不足", RiskSignalCodes.BudgetConstraint)]
    [InlineData("没有投诉、联系不上", RiskSignalCodes.NoResponse)]
    [InlineData("没有竞品、没有预算", RiskSignalCodes.BudgetConstraint)]
    [InlineData("未出现退货、退款、客户嫌贵", RiskSignalCodes.PriceObjection)]
    [InlineData("无异常、无投诉、差评两条", RiskSignalCodes.NegativeFeedback)]
    [InlineData("客户反馈：不了解产品、觉得贵、担心效果", RiskSignalCodes.Hesitation)]
    [InlineData("客户的问题：没有IT人员、预算不足、担心实施", RiskSignalCodes.Hesitation)]
    [InlineData("不是决策人、老板出差、联系不上", RiskSignalCodes.NoResponse)]
    [InlineData("未发现质量问题、物流慢、差评多", RiskSignalCodes.NegativeFeedback)]
    [InlineData("没有投诉、差评较多", RiskSignalCodes.NegativeFeedback)]
    [InlineData("没投诉、竞品在接触", RiskSignalCodes.Competitor)]
    [InlineData("没有退货、退款、差评 3 条", RiskSignalCodes.NegativeFeedback)]
    public void Signal_AfterAnEnumerationCommaThatStartsANewStatement_IsRaised(string text, string code) =>
        Assert.Contains(code, TextProbe.Of(text).Risk);

    [Theory]
    [InlineData("客户特别担心售后响应慢")]
    [InlineData("客戶特別擔心售後")]
    [InlineData("两位老板分别担心价格和交付")]
    public void Signal_WorryWordsThatContainDontWorry_AreRaised(string text) =>
        Assert.Contains(RiskSignalCodes.Hesitation, TextProbe.Of(text).Risk);

    /// <summary>Risk words in a title or in quotes followed by a word that names a thing are a name, not a risk.</summary>
    [Theory]
    [InlineData("客户采购了“投诉工单管理”模块，下周上线")]
    [InlineData("推荐了“不满意包退”活动，客户很认可")]
    [InlineData("客户关心\"Delay Tolerance\" setting 的默认值")]
    [InlineData("客户咨询《延期交付管理办法》第三条")]
    [InlineData("「猶豫就會敗北」活動反應熱烈")]
    [InlineData("確認需要「延遲預警」模組")]
    [InlineData("確認需要“延遲預警”套件，12/2 報價")]
    [InlineData("確認需要『客訴管理模組』與『延遲交貨追蹤模組』，共 3 個模組")]
    [InlineData("客户要上“延迟交货追踪模块”，下周演示")]
    public void Signal_InsideAName_IsNotRaised(string text) => Assert.Empty(TextProbe.Of(text).Risk);

    [Theory]
    [InlineData("客户原话：“太贵了，再便宜点”", RiskSignalCodes.PriceObjection)]
    [InlineData("客户说“竞品便宜一半”，我们再议价", RiskSignalCodes.Competitor)]
    [InlineData("客户说“我们再考虑一下”", RiskSignalCodes.Hesitation)]
    [InlineData("“太贵”是客户的原话，系统里已记录", RiskSignalCodes.PriceObjection)]
    [InlineData("客户说“太贵了”服务费还要另算", RiskSignalCodes.PriceObjection)]
    [InlineData("收到客户《投诉函》", RiskSignalCodes.NegativeFeedback)]
    [InlineData("客户发来《关于暂缓采购的函》", RiskSignalCodes.Delay)]
    [InlineData("【客户投诉】服务人员上门迟到两小时", RiskSignalCodes.NegativeFeedback)]
    [InlineData("客户公司发布“预算冻结”政策", RiskSignalCodes.BudgetConstraint)]
    [InlineData("客户发来《关于项目延期的说明》", RiskSignalCodes.Delay)]
    [InlineData("客户原话：“交货一直延迟，考虑换系统”", RiskSignalCodes.Delay)]
    public void Signal_QuotedSpeechTagOrDocumentSent_IsRaised(string text, string code) => Assert.Contains(code, TextProbe.Of(text).Risk);

    /// <summary>
    /// A later phrase saying the risk is over (reached at last, signed after all, the quote accepted) overcomes it; without
    /// that phrase the same text raises the risk, so each case shows the phrase at work.
    /// </summary>
    [Theory]
    [InlineData("之前联系不上，今天终于联系上了", "终于联系上了", RiskSignalCodes.NoResponse)]
    [InlineData("客户犹豫了一下还是签了", "还是签了", RiskSignalCodes.Hesitation)]
    [InlineData("客户觉得贵，已接受报价", "已接受报价", RiskSignalCodes.PriceObjection)]
    [InlineData("客戶覺得太貴，已接受報價", "已接受報價", RiskSignalCodes.PriceObjection)]
    [InlineData("上月说没有预算，现在预算已到位", "预算已到位", RiskSignalCodes.BudgetConstraint)]
    [InlineData("客户对比了竞品，最终选择了我们", "选择了我们", RiskSignalCodes.Competitor)]
    [InlineData("No reply to two emails, finally replied today", "finally replied", RiskSignalCodes.NoResponse)]
    [InlineData("之前联系不上，刚才终于联系上了", "终于联系上了", RiskSignalCodes.NoResponse)]
    [InlineData("客户犹豫了很久，开会后还是签了", "还是签了", RiskSignalCodes.Hesitation)]
    [InlineData("客户犹豫了一下，再次沟通后还是签了", "还是签了", RiskSignalCodes.Hesitation)]
    [InlineData("上周三次电话未接通，周一通过微信联系上了张经理", "联系上了", RiskSignalCodes.NoResponse)]
    [InlineData("客户犹豫了一阵，没多久还是签了", "还是签了", RiskSignalCodes.Hesitation)]
    [InlineData("Customer pushed back on price, then accepted the quote yesterday", "accepted the quote", RiskSignalCodes.PriceObjection)]
    [InlineData("客户之前嫌贵。谈了两轮后已接受报价。", "已接受报价", RiskSignalCodes.PriceObjection)]
    [InlineData("磨了一个月，客户犹豫很久才最终签约了", "最终签约了", RiskSignalCodes.Hesitation)]
    [InlineData("They were hesitant at first but eventually signed", "eventually signed", RiskSignalCodes.Hesitation)]
    public void Signal_OvercomeLater_IsNotRaised(string text, string overcome, string code)
    {
        Assert.DoesNotContain(code, TextProbe.Of(text).Risk);
        Assert.Contains(code, TextProbe.Of(text.Replace(overcome, "，", StringComparison.Ordinal)).Risk);
    }

    /// <summary>
    /// A risk only supposed in a contingency plan (if it happens, this is what we do) has not happened; without the plan the
    /// same supposition raises it, so each case shows the plan at work.
    /// </summary>
    [Theory]
    [InlineData("如果客户嫌贵，可以申请 95 折", "可以申请 95 折", RiskSignalCodes.PriceObjection)]
    [InlineData("要是客户觉得价格高，我们可以先给试用版", "我们可以先给试用版", RiskSignalCodes.PriceObjection)]
    [InlineData("万一客户预算不够，可以拆成两期", "可以拆成两期", RiskSignalCodes.BudgetConstraint)]
    [InlineData("客户预算不够的话，可以拆成两期", "可以拆成两期", RiskSignalCodes.BudgetConstraint)]
    [InlineData("如果客戶覺得太貴，可以先提供月租方案", "可以先提供月租方案", RiskSignalCodes.PriceObjection)]
    [InlineData("一旦客户投诉，立即上报主管", "立即上报主管", RiskSignalCodes.NegativeFeedback)]
    [InlineData("提前准备竞品对比资料，防止客户压价", "防止", RiskSignalCodes.PriceObjection)]
    [InlineData("Send the signed SOW today to avoid a delay", "to avoid", RiskSignalCodes.Delay)]
    [InlineData("What if they choose the cheaper vendor? Prepare a TCO comparison", "Prepare a TCO comparison", RiskSignalCodes.PriceObjection)]
    [InlineData("11 月 27 日上午再打一次，若仍未接通发短信告知优惠截止", "发短信告知优惠截止", RiskSignalCodes.NoResponse)]
    [InlineData("若仍未接通，发微信留言", "发微信留言", RiskSignalCodes.NoResponse)]
    [InlineData("倘若客户嫌贵，可以申请 95 折", "可以申请 95 折", RiskSignalCodes.PriceObjection)]
    [InlineData("如果客户嫌贵可以申请 95 折", "可以申请 95 折", RiskSignalCodes.PriceObjection)]
    [InlineData("如果客户犹豫安排试用", "安排试用", RiskSignalCodes.Hesitation)]
    [InlineData("如果其他人离职安排交接", "安排交接", RiskSignalCodes.ContactChange)]
    [InlineData("11月27日上午10点再打一次，仍未接通则发短信告知", "发短信告知", RiskSignalCodes.NoResponse)]
    [InlineData("客户犹豫则安排试用", "安排试用", RiskSignalCodes.Hesitation)]
    public void Signal_SupposedInAContingencyPlan_IsNotRaised(string text, string plan, string code)
    {
        Assert.DoesNotContain(code, TextProbe.Of(text).Risk);
        Assert.Contains(code, TextProbe.Of(text.Replace(plan, "客户说的", StringComparison.Ordinal)).Risk);
    }

    /// <summary>
    /// A condition the customer sets, a counterfactual, the customer's own precaution, a habit (一旦…就) or a risk stated before
    /// the plan is a real risk (a review's attempts to slip one past the contingency rule).
    /// </summary>
    [Theory]
    [InlineData("如果太贵，客户就不考虑了", RiskSignalCodes.PriceObjection)]
    [InlineData("要是价格再便宜点就好了", RiskSignalCodes.PriceObjection)]
    [InlineData("客户觉得太贵，可以申请折扣", RiskSignalCodes.PriceObjection)]
    [InlineData("主要是价格太贵，可以申请特价", RiskSignalCodes.PriceObjection)]
    [InlineData("客户担心如果延期会影响上线", RiskSignalCodes.Delay)]
    [InlineData("The customer asked if we could match the competitor's price", RiskSignalCodes.Competitor)]
    [InlineData("客户为了避免麻烦直接不续约了", RiskSignalCodes.IntentDecline)]
    [InlineData("客户为了防止超支已经改用竞品了", RiskSignalCodes.Competitor)]
    [InlineData("本想避免延期但最后还是延期了", RiskSignalCodes.Delay)]
    [InlineData("为避免延期我们加急但客户嫌贵", RiskSignalCodes.PriceObjection)]
    [InlineData("客户一旦发现竞品更便宜的话，马上就会换", RiskSignalCodes.Competitor)]
    [InlineData("一旦涉及预算客户就说预算不足，先等等", RiskSignalCodes.BudgetConstraint)]
    [InlineData("客户嫌贵说了很多难听的话，可以理解", RiskSignalCodes.PriceObjection)]
    [InlineData("没有 follow up 客户投诉了", RiskSignalCodes.NegativeFeedback)]
    [InlineData("若干客户投诉，立即上报主管", RiskSignalCodes.NegativeFeedback)]
    [InlineData("若仍未接通客户就不要了", RiskSignalCodes.NoResponse)]
    [InlineData("若琳说价格太贵，给她申请了95折", RiskSignalCodes.PriceObjection)]
    [InlineData("若楠说还在犹豫，发微信跟进", RiskSignalCodes.Hesitation)]
    [InlineData("客户若预算不足发邮件告知我们", RiskSignalCodes.BudgetConstraint)]
    [InlineData("若价格太贵给别家做", RiskSignalCodes.PriceObjection)]
    [InlineData("如果客户预算不足提前终止合同", RiskSignalCodes.BudgetConstraint)]
    [InlineData("若对方觉得太贵发邮件投诉", RiskSignalCodes.PriceObjection)]
    [InlineData("If the customer is unresponsive send them a final notice", RiskSignalCodes.NoResponse)]
    [InlineData("如果客户觉得太贵发邮件投诉", RiskSignalCodes.PriceObjection)]
    [InlineData("如果对方犹豫准备换供应商", RiskSignalCodes.Hesitation)]
    [InlineData("如果客户嫌贵提供友商报价", RiskSignalCodes.PriceObjection)]
    [InlineData("客户嫌贵则给别家做", RiskSignalCodes.PriceObjection)]
    [InlineData("客户觉得太贵则发邮件给领导", RiskSignalCodes.PriceObjection)]
    [InlineData("未接通则放弃", RiskSignalCodes.NoResponse)]
    public void Signal_ConditionOrRiskBeforeAPlan_IsRaised(string text, string code) => Assert.Contains(code, TextProbe.Of(text).Risk);

    /// <summary>A risk that cannot be avoided is a risk: neither the negation in 无法避免 nor the precaution word 避免 takes it away.</summary>
    [Theory]
    [InlineData("项目无法避免延期")]
    [InlineData("项目避免不了延期")]
    [InlineData("不可避免地要推迟")]
    [InlineData("交付不可避免要延后两周")]
    [InlineData("We cannot avoid a delay now")]
    public void Signal_RiskThatCannotBeAvoided_IsRaised(string text) => Assert.Contains(RiskSignalCodes.Delay, TextProbe.Of(text).Risk);

    /// <summary>
    /// 如果不是 and 要不是 open a counterfactual (如果不是价格太贵，早就签了: the price is the obstacle) as often as a plain
    /// supposition or question (如果不是价格太贵，那是什么让他们停下？), so their 不是 still negates: no risk is asserted by them.
    /// </summary>
    [Theory]
    [InlineData("客户说价格不是问题。如果不是价格太贵，那是什么让他们停下？")]
    [InlineData("如果不是价格太贵的原因，那就是决策流程的问题")]
    public void Signal_SuppositionWithNotIs_RaisesNoPriceObjection(string text) =>
        Assert.DoesNotContain(RiskSignalCodes.PriceObjection, TextProbe.Of(text).Risk);

    /// <summary>A complaint that is about the price goes when the price objection is overcome.</summary>
    /// <summary>
    /// A clause that opens with an earlier time tells a past episode: once a later phrase overcomes one of its risks, its other
    /// risks go with it (the delay the budget caused); without that phrase, the same text raises them.
    /// </summary>
    [Theory]
    [InlineData("去年因預算不足延後的案子，今年預算 NT$300 萬已編列，12/1 召開啟動會議", "已編列", RiskSignalCodes.Delay)]
    [InlineData("之前因为客户嫌贵推迟了，这次已接受报价", "已接受报价", RiskSignalCodes.Delay)]
    public void Signal_InAPastEpisodeThatIsOvercome_IsNotRaised(string text, string overcome, string code)
    {
        Assert.Empty(TextProbe.Of(text).Risk);
        Assert.Contains(code, TextProbe.Of(text.Replace(overcome, "，", StringComparison.Ordinal)).Risk);
    }

    /// <summary>The other risks of a clause stay when it tells no earlier time, or when they are a competitor.</summary>
    [Theory]
    [InlineData("因預算不足延後，今年預算 NT$300 萬已編列", RiskSignalCodes.Delay)]
    [InlineData("12月5日之前预算不足导致推迟，现在预算已到位", RiskSignalCodes.Delay)]
    [InlineData("之前客户说竞品更便宜，现在已接受报价", RiskSignalCodes.Competitor)]
    [InlineData("去年因預算不足延後，今年預算還在申請", RiskSignalCodes.Delay)]
    public void Signal_BesideAnOvercomeRiskOutsideAPastEpisode_IsRaised(string text, string code) => Assert.Contains(code, TextProbe.Of(text).Risk);

    /// <summary>A competitor of the customer's and complaints of the customer's own customers are theirs, not risks to the deal.</summary>
    [Theory]
    [InlineData("總經理提到他們的競爭對手擴廠，所以想在 12 月底前完成導入")]
    [InlineData("他们的竞争对手扩厂，客户想加快导入")]
    [InlineData("協助客戶處理他們終端客戶的客訴案件，已於 11/25 結案")]
    public void Signal_OfAThirdParty_IsNotRaised(string text) => Assert.Empty(TextProbe.Of(text).Risk);

    [Fact]
    public void Signal_ComplaintAboutThePriceOvercome_GoesWithIt() =>
        Assert.Empty(TextProbe.Of("客户抱怨价格高，已接受报价").Risk);

    /// <summary>
    /// The risk stands when the overcome phrase comes first or in another sentence, is denied, asked, planned, hoped for,
    /// conditional, about another deal or a part of it, a signing with a competitor, or part of a risk phrase, or when it
    /// overcomes another kind of risk (a signed deal does not undo a competitor who took part, nor a complaint).
    /// </summary>
    [Theory]
    [InlineData("上周联系上了，这周又联系不上", RiskSignalCodes.NoResponse)]
    [InlineData("客户嫌贵，还没接受报价", RiskSignalCodes.PriceObjection)]
    [InlineData("联系不上，终于联系上了吗", RiskSignalCodes.NoResponse)]
    [InlineData("客户还在观望，最后签了没有还不清楚", RiskSignalCodes.Hesitation)]
    [InlineData("客户担心价格，希望最终签了以后还能优惠", RiskSignalCodes.Hesitation)]
    [InlineData("客户犹豫，最终签约时间待定", RiskSignalCodes.Hesitation)]
    [InlineData("预算不足，申请追加了预算，还没批", RiskSignalCodes.BudgetConstraint)]
    [InlineData("客户说竞品更便宜，最终还是签了", RiskSignalCodes.Competitor)]
    [InlineData("客户投诉了交付问题，最后签了续费", RiskSignalCodes.NegativeFeedback)]
    [InlineData("客户在比价，最后选了我们的竞品", RiskSignalCodes.Competitor)]
    [InlineData("客户之前联系不上，已联系上他的助理，本人仍未回复", RiskSignalCodes.NoResponse)]
    [InlineData("Customer hesitant; will know if they finally signed next week", RiskSignalCodes.Hesitation)]
    [InlineData("Budget tight, waiting to see if budget was approved", RiskSignalCodes.BudgetConstraint)]
    [InlineData("客户还在犹豫，下周决定购买哪个版本", RiskSignalCodes.Hesitation)]
    [InlineData("客户预算不足，说预算批下来了就下单", RiskSignalCodes.BudgetConstraint)]
    [InlineData("客户嫌贵，如果能降价，接受了报价就签", RiskSignalCodes.PriceObjection)]
    [InlineData("客户嫌贵，估计最后还是签了", RiskSignalCodes.PriceObjection)]
    [InlineData("客户犹豫，去年还是签了，今年续约不确定", RiskSignalCodes.Hesitation)]
    [InlineData("客户不接电话，我们回电了三次都没接", RiskSignalCodes.NoResponse)]
    [InlineData("客户嫌贵。另一家客户已接受报价。", RiskSignalCodes.PriceObjection)]
    [InlineData("客户嫌贵，最后还是签了竞品", RiskSignalCodes.PriceObjection)]
    [InlineData("客户犹豫，最终签约了吗还不知道", RiskSignalCodes.Hesitation)]
    [InlineData("客户觉得贵，已接受报价，对吧？", RiskSignalCodes.PriceObjection)]
    [InlineData("客户觉得贵，已接受报价吧", RiskSignalCodes.PriceObjection)]
    [InlineData("客户觉得贵，已接受报价了没有", RiskSignalCodes.PriceObjection)]
    [InlineData("客户嫌贵、预算紧张，最后还是签了试用版", RiskSignalCodes.PriceObjection)]
    [InlineData("王总一直联系不上，联系上了他的助理", RiskSignalCodes.NoResponse)]
    [InlineData("Customer said it is too expensive; have they accepted the quote", RiskSignalCodes.PriceObjection)]
    [InlineData("张总一直联系不上，李经理终于联系上了", RiskSignalCodes.NoResponse)]
    [InlineData("客户嫌贵，好像已接受报价", RiskSignalCodes.PriceObjection)]
    [InlineData("电话没接，已发短信请客户回电", RiskSignalCodes.NoResponse)]
    [InlineData("二期推迟到明年，一期还是签了", RiskSignalCodes.Delay)]
    [InlineData("预算紧张，上周预算批下来了，不过只有一半", RiskSignalCodes.BudgetConstraint)]
    [InlineData("客户嫌贵，已接受报价（待确认）", RiskSignalCodes.PriceObjection)]
    [InlineData("客户现在又嫌贵了，说之前已接受报价", RiskSignalCodes.PriceObjection)]
    [InlineData("客户犹豫，已签约客户案例", RiskSignalCodes.Hesitation)]
    [InlineData("电话未接通，短信告知客户回电", RiskSignalCodes.NoResponse)]
    [InlineData("客户差评，说补发就改好评", RiskSignalCodes.NegativeFeedback)]
    [InlineData("客户犹豫很久，最后签了另一家", RiskSignalCodes.Hesitation)]
    [InlineData("客户嫌贵，客户说已接受报价，但还没确认", RiskSignalCodes.PriceObjection)]
    [InlineData("Budget is tight, after the budget has been approved they will sign.", RiskSignalCodes.BudgetConstraint)]
    public void Signal_NotOvercome_IsRaised(string text, string code) => Assert.Contains(code, TextProbe.Of(text).Risk);

    [Theory]
    [InlineData("Customer has not responded or is hesitating", RiskSignalCodes.Hesitation)]
    [InlineData("没有竞争对手，或者说客户还在犹豫", RiskSignalCodes.Hesitation)]
    [InlineData("客户未回复或在犹豫", RiskSignalCodes.Hesitation)]
    [InlineData("没有竞争对手，客户说价格偏高或在犹豫", RiskSignalCodes.PriceObjection)]
    [InlineData("No competitor and the actor price is too high", RiskSignalCodes.PriceObjection)]
    public void Signal_AlternativeToAPhraseThatIsNotNegated_IsRaised(string text, string code) =>
        Assert.Contains(code, TextProbe.Of(text).Risk);

    [Theory]
    [InlineData("竞争对手已出局", RiskSignalCodes.Competitor)]
    [InlineData("上次说的暂缓已取消", RiskSignalCodes.Delay)]
    [InlineData("价格偏高的问题已通过分期付款解决", RiskSignalCodes.PriceObjection)]
    [InlineData("预算紧张已解决", RiskSignalCodes.BudgetConstraint)]
    [InlineData("價格異議已解決", RiskSignalCodes.PriceObjection)]
    [InlineData("The budget issue was resolved", RiskSignalCodes.BudgetConstraint)]
    public void Signal_ResolvedRightAfterThePhrase_RaisesNothing(string text, string code) =>
        Assert.DoesNotContain(code, TextProbe.Of(text).Risk);

    /// <summary>A cue that negates the settling word after the phrase (not yet resolved, 尚未解决) leaves the risk raised.</summary>
    [Theory]
    [InlineData("Budget issue not yet resolved.", RiskSignalCodes.BudgetConstraint)]
    [InlineData("The budget issue has not been resolved", RiskSignalCodes.BudgetConstraint)]
    [InlineData("budget issue never resolved", RiskSignalCodes.BudgetConstraint)]
    [InlineData("budget issue isn't resolved", RiskSignalCodes.BudgetConstraint)]
    [InlineData("Budget issues aren’t resolved yet", RiskSignalCodes.BudgetConstraint)]
    [InlineData("budget issue hasn't been resolved", RiskSignalCodes.BudgetConstraint)]
    [InlineData("budget issue didn't get resolved", RiskSignalCodes.BudgetConstraint)]
    [InlineData("budget issue doesn’t seem resolved", RiskSignalCodes.BudgetConstraint)]
    [InlineData("budget issue won't be resolved this quarter", RiskSignalCodes.BudgetConstraint)]
    [InlineData("budget issue can't be resolved", RiskSignalCodes.BudgetConstraint)]
    [InlineData("budget issue cannot be resolved", RiskSignalCodes.BudgetConstraint)]
    [InlineData("budget issue couldn't be resolved", RiskSignalCodes.BudgetConstraint)]
    [InlineData("price objection not fully resolved", RiskSignalCodes.PriceObjection)]
    [InlineData("预算紧张尚未解决", RiskSignalCodes.BudgetConstraint)]
    [InlineData("预算紧张还没解决", RiskSignalCodes.BudgetConstraint)]
    [InlineData("价格异议仍未解决", RiskSignalCodes.PriceObjection)]
    [InlineData("價格異議尚未解決", RiskSignalCodes.PriceObjection)]
    [InlineData("價格異議還沒解決", RiskSignalCodes.PriceObjection)]
    public void Signal_NegatedResolutionAfterThePhrase_IsRaised(string text, string code) =>
        Assert.Contains(code, TextProbe.Of(text).Risk);

    [Theory]
    [InlineData("客户担心价格，已确认下周报价", RiskSignalCodes.Hesitation)]
    [InlineData("客户说项目暂缓，原定的会议已取消", RiskSignalCodes.Delay)]
    public void Signal_ResolutionOfSomethingElse_IsRaised(string text, string code) =>
        Assert.Contains(code, TextProbe.Of(text).Risk);

    /// <summary>A clause that says no more than that the risk before it is resolved settles it.</summary>
    [Theory]
    [InlineData("客户对价格有异议，目前已解决", RiskSignalCodes.PriceObjection)]
    [InlineData("客户担心价格，现已解决", RiskSignalCodes.Hesitation)]
    [InlineData("客户担心数据安全，经演示后已打消", RiskSignalCodes.Hesitation)]
    [InlineData("预算紧张。该问题已经解决，周五签约", RiskSignalCodes.BudgetConstraint)]
    [InlineData("客戶擔心價格，目前已解決", RiskSignalCodes.Hesitation)]
    [InlineData("The customer had doubts about the price; this has been resolved.", RiskSignalCodes.Hesitation)]
    [InlineData("Customer worried about price, now resolved.", RiskSignalCodes.Hesitation)]
    public void Signal_ResolvedInTheNextClause_RaisesNothing(string text, string code) =>
        Assert.DoesNotContain(code, TextProbe.Of(text).Risk);

    /// <summary>
    /// The next clause settles only when resolving is all it says, and only the clause right before it: a negated, hedged or
    /// asked resolution, a resolution of something named after it, or a risk two clauses back stays raised.
    /// </summary>
    [Theory]
    [InlineData("客户对价格有异议，目前尚未解决", RiskSignalCodes.PriceObjection)]
    [InlineData("客户对价格有异议，还不能说已解决", RiskSignalCodes.PriceObjection)]
    [InlineData("客户对价格有异议，已解决竞品问题", RiskSignalCodes.PriceObjection)]
    [InlineData("客户犹豫，已解决了吗？", RiskSignalCodes.Hesitation)]
    [InlineData("客户犹豫，竞品已介入，已解决", RiskSignalCodes.Hesitation)]
    [InlineData("Customer worried about price; not resolved yet.", RiskSignalCodes.Hesitation)]
    [InlineData("Customer worried about price; the budget issue was resolved.", RiskSignalCodes.Hesitation)]
    [InlineData("价格偏高，售后问题：已解决", RiskSignalCodes.PriceObjection)]
    [InlineData("客户担心交期。付款方式：已解决", RiskSignalCodes.Hesitation)]
    [InlineData("客户对价格有异议，目前已解决？", RiskSignalCodes.PriceObjection)]
    [InlineData("Customer worried about price; this was resolved?", RiskSignalCodes.Hesitation)]
    [InlineData("Price concern, was resolved partially.", RiskSignalCodes.PriceObjection)]
    [InlineData("Customer is hesitant; this has been resolved in part", RiskSignalCodes.Hesitation)]
    [InlineData("客户嫌贵，已解决 20%差价还在谈", RiskSignalCodes.PriceObjection)]
    [InlineData("客户嫌贵，目前基本已解决，还差2个点", RiskSignalCodes.PriceObjection)]
    [InlineData("价格异议已解决？", RiskSignalCodes.PriceObjection)]
    public void Signal_NextClauseThatSaysMoreThanResolved_IsRaised(string text, string code) =>
        Assert.Contains(code, TextProbe.Of(text).Risk);

    /// <summary>A negation reaches no further than it did: a word of 和/与/及 is no "or", and 不可能不 is a double negative.</summary>
    [Theory]
    [InlineData("客户没有任何犹豫就直接和竞品签约了", RiskSignalCodes.Competitor)]
    [InlineData("客户没有投诉和我们反馈价格偏高", RiskSignalCodes.PriceObjection)]
    [InlineData("没有竞品参与客户觉得我们太贵", RiskSignalCodes.PriceObjection)]
    [InlineData("客户不可能不考虑竞品", RiskSignalCodes.Competitor)]
    [InlineData("客户不至于不看竞品", RiskSignalCodes.Competitor)]
    [InlineData("客户和竞品价格已谈妥，下周签约", RiskSignalCodes.Competitor)]
    [InlineData("客户嫌贵，已接受报价更低的竞品", RiskSignalCodes.Competitor)]
    [InlineData("竞品问题已解决", RiskSignalCodes.Competitor)]
    public void Signal_NegationOrSettlementThatWouldReachTooFar_IsRaised(string text, string code) =>
        Assert.Contains(code, TextProbe.Of(text).Risk);

    [Theory]
    [InlineData("近三个月无投诉 差评")]
    [InlineData("本月无客诉 退货 差评记录")]
    [InlineData("客户说这次的建议太宝贵了")]
    [InlineData("客户说今年煤价高了，想上节能设备")]
    [InlineData("实际数量比报价少，按实际结算")]
    [InlineData("这类客户意向一般比较强")]
    public void Signal_HarmlessTextWithAPriceOrIntentWord_RaisesNothing(string text) => Assert.Empty(TextProbe.Of(text).Risk);

    /// <summary>Exceptions for product words void those words only, never the same words in a real risk.</summary>
    [Theory]
    [InlineData("打了三次电话，客户自动挂断", RiskSignalCodes.NoResponse)]
    [InlineData("客户拒绝服务合同", RiskSignalCodes.IntentDecline)]
    [InlineData("客户已选择其竞争对手的产品", RiskSignalCodes.Competitor)]
    [InlineData("客户更倾向他们的竞争对手的方案", RiskSignalCodes.Competitor)]
    [InlineData("我们比友商贵了3000", RiskSignalCodes.PriceObjection)]
    public void Signal_WordsAnExceptionOrPhraseWasWrittenFor_InARealRisk_IsRaised(string text, string code) =>
        Assert.Contains(code, TextProbe.Of(text).Risk);

    [Theory]
    [InlineData("客户比较认可贵司方案")]
    [InlineData("客户收到报价后对交期不满意")]
    [InlineData("客户说交付周期太离谱")]
    public void Signal_PriceWordsWithoutAPrice_RaiseNoPriceObjection(string text) =>
        Assert.DoesNotContain(RiskSignalCodes.PriceObjection, TextProbe.Of(text).Risk);

    /// <summary>A competitor, a delay or a lost contact is a fact: a clause saying "resolved" after it settles nothing.</summary>
    [Theory]
    [InlineData("友商也在报价且客户担心交期，经沟通已打消", RiskSignalCodes.Competitor)]
    [InlineData("Customer is worried about price and a competitor is also bidding; this has been resolved.", RiskSignalCodes.Competitor)]
    [InlineData("客户犹豫是因为竞品报价更低，经沟通已打消", RiskSignalCodes.Competitor)]
    [InlineData("客户顾虑：竞品价格更低，已打消", RiskSignalCodes.Competitor)]
    [InlineData("客户要求延期，已解决", RiskSignalCodes.Delay)]
    public void Signal_FactBeforeASettlingClause_IsRaised(string text, string code) =>
        Assert.Contains(code, TextProbe.Of(text).Risk);

    /// <summary>Resolved, the writer has closed that clause: the risk after it (after 但 or a space) stands, and the one before is settled.</summary>
    [Theory]
    [InlineData("价格问题已解决但客户还在犹豫", RiskSignalCodes.Hesitation)]
    [InlineData("價格問題已解決但客戶還在猶豫", RiskSignalCodes.Hesitation)]
    [InlineData("价格问题已解决但友商也在报价", RiskSignalCodes.Competitor)]
    [InlineData("付款问题已经解决但客户说明年再说", RiskSignalCodes.Delay)]
    [InlineData("顾虑已打消但预算不足", RiskSignalCodes.BudgetConstraint)]
    [InlineData("发票问题已解决 客户嫌贵", RiskSignalCodes.PriceObjection)]
    [InlineData("发票问题已经解决了 客户还是嫌贵", RiskSignalCodes.PriceObjection)]
    public void Signal_AfterAResolution_IsRaised(string text, string code) =>
        Assert.Contains(code, TextProbe.Of(text).Risk);

    [Theory]
    [InlineData("顾虑已打消但预算不足", RiskSignalCodes.Hesitation)]
    [InlineData("客户嫌贵，但目前已解决", RiskSignalCodes.PriceObjection)]
    [InlineData("客户嫌贵但已解决", RiskSignalCodes.PriceObjection)]
    [InlineData("客户对价格有异议，目前已经解决了", RiskSignalCodes.PriceObjection)]
    [InlineData("已解决客户的顾虑，本周签约", RiskSignalCodes.Hesitation)]
    public void Signal_ResolvedBeforeABreakOrAfterABut_RaisesNothing(string text, string code) =>
        Assert.DoesNotContain(code, TextProbe.Of(text).Risk);

    /// <summary>Accepting or agreeing to a risk, or refusing, settles nothing: the customer takes the cheaper rival, the delay stands.</summary>
    [Theory]
    [InlineData("竞品报价更低，客户已接受", RiskSignalCodes.Competitor)]
    [InlineData("客户要求延期，已同意", RiskSignalCodes.Delay)]
    [InlineData("客户拒绝接受报价", RiskSignalCodes.IntentDecline)]
    [InlineData("客户投诉交付慢，已同意", RiskSignalCodes.NegativeFeedback)]
    [InlineData("客戶要求延期，已同意", RiskSignalCodes.Delay)]
    [InlineData("They went with the competitor", RiskSignalCodes.Competitor)]
    public void Signal_AcceptedAgreedOrRefusedAfterThePhrase_IsRaised(string text, string code) =>
        Assert.Contains(code, TextProbe.Of(text).Risk);

    [Fact]
    public void Signal_InFeedbackWrittenInWords_IsRaisedOnTheFeedbackAndTheValueStaysUnknown()
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { Feedback = EnumValue<CustomerFeedback>.Parse("客户觉得价格太高，还要再考虑") });

        var evaluation = Evaluator.Evaluate(record);

        var onFeedback = evaluation.Risk.Signals.Where(s => s.Field == "communications[0].feedback").Select(s => s.Code).Order();
        Assert.Equal([RiskSignalCodes.Hesitation, RiskSignalCodes.PriceObjection], onFeedback);
        Assert.Contains(evaluation.Findings, f => f.Code == FindingCodes.UnknownValue && f.Field == "communications[0].feedback");
        Assert.DoesNotContain(evaluation.Vague, v => v.Field == "communications[0].feedback");
    }

    [Theory]
    [InlineData("价格没有异议")]
    [InlineData("满意")]
    [InlineData("Dissatisfied")]
    [InlineData("no reply yet")]
    public void Signal_InFeedbackThatIsAValueOrNegated_IsNotRaisedAsText(string feedback)
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { Feedback = EnumValue<CustomerFeedback>.Parse(feedback) });

        Assert.DoesNotContain(Evaluator.Evaluate(record).Risk.Signals, s => s.Field == "communications[0].feedback" && s.Code != RiskSignalCodes.NegativeLastFeedback);
    }

    [Theory]
    [InlineData("Competitive pricing agreed, order of 200 units.")]
    [InlineData("价格达成一致，下周签合同")]
    [InlineData("客户采购投诉管理模块，80 坐席")]
    [InlineData("保单生效不满 1 年退保")]
    public void Signal_LookAlike_RaisesNothing(string text) => Assert.Empty(TextProbe.Of(text).Risk);

    /// <summary>For each risk phrase of the shipped lexicon, its negated forms must not raise its code on the phrase itself.</summary>
    [Fact]
    public void EveryShippedPhrase_NegatedForms_RaiseNothingOnThePhrase()
    {
        var analyzer = FollowUpRuleSet.Default.DefaultProfile.Analyzer;
        var cues = ShippedLexicon.Files.Where(f => f.File.Kind == "Negation").SelectMany(f => f.File.Entries).Select(e => TextFolding.FoldPhrase(e.Phrase)).ToHashSet();
        var failures = new List<string>();
        var checkedForms = 0;
        foreach (var (name, file) in ShippedLexicon.Files.Where(f => f.File.Kind == "Risk"))
        {
            foreach (var entry in file.Entries)
            {
                var folded = TextFolding.FoldPhrase(entry.Phrase);
                if (entry.Phrase.Contains(LexiconEntry.GapMarker, StringComparison.Ordinal) || entry.NotBeforeNumber
                    || cues.Any(cue => folded.StartsWith(cue, StringComparison.Ordinal)))
                {
                    continue;
                }

                string[] forms = file.Language == "en" ? [$"no {entry.Phrase}", $"without {entry.Phrase}"] : [$"没有{entry.Phrase}", $"暂无{entry.Phrase}", $"不存在{entry.Phrase}"];
                foreach (var form in forms)
                {
                    checkedForms++;
                    var phraseStart = form.Length - entry.Phrase.Length;
                    if (RaisesOn(analyzer, form, phraseStart, file.Category))
                    {
                        failures.Add($"{name}: \"{form}\" still raises {file.Category}");
                    }
                }
            }
        }

        Assert.True(checkedForms > 500, $"only {checkedForms} negated forms were checked");
        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Fact]
    public void Answered_RiskEntryWithCountermeasureNamingTheCode_ClearsTheFinding()
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { Summary = "友商已报价，低 5%" });
        Assert.Contains(Evaluator.Evaluate(record).Findings, f => f.Code == FindingCodes.RiskUnanswered);

        foreach (var answer in new[]
        {
            new RiskNote { Kind = "Competitor", Countermeasure = "周三前提交差异化方案" },
            new RiskNote { Kind = "竞争对手", Countermeasure = "周三前提交差异化方案" },
            new RiskNote { Description = "友商低价竞争", Countermeasure = "周三前提交差异化方案" },
        })
        {
            var answered = Evaluator.Evaluate(record with { Risks = [answer] });
            Assert.DoesNotContain(answered.Findings, f => f.Code == FindingCodes.RiskUnanswered);
        }

        var notAnswered = Evaluator.Evaluate(record with { Risks = [new RiskNote { Kind = "Competitor", Countermeasure = "待补充" }] });
        Assert.Contains(notAnswered.Findings, f => f.Code == FindingCodes.RiskUnanswered);
    }

    [Fact]
    public void CompetitorNames_ConfiguredPerProfile_RaiseCompetitor()
    {
        var evaluator = TestClock.Evaluator(options => options.Profiles["ToB"] = new FollowUp.Rules.Profiles.ProfileOptions { CompetitorNames = { "金蝶" } });
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { Summary = "客户手上有金蝶的方案" });
        Assert.Contains(evaluator.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.Competitor && s.Evidence == "金蝶");
        Assert.DoesNotContain(Evaluator.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.Competitor);
    }

    private static readonly FollowUpEvaluator HrCompetitors = TestClock.Evaluator(
        options => options.Profiles["ToB"] = new FollowUp.Rules.Profiles.ProfileOptions { CompetitorNames = { "金蝶", "钉钉", "Moka" } });

    [Theory]
    [InlineData("与金蝶对接")]
    [InlineData("要求与金蝶K3对接，12月3日前给对接方案")]
    [InlineData("对接金蝶K3，12月3日评审")]
    [InlineData("需要和钉钉打通")]
    [InlineData("集成钉钉，考勤数据双向同步")]
    [InlineData("钉钉审批流接入，12月5日联调")]
    [InlineData("金蝶接口文档已拿到")]
    [InlineData("Payroll must sync with Moka, API spec due 3 Dec")]
    [InlineData("Needs to integrate with Moka by January")]
    public void CompetitorNames_NamedAsAnIntegrationTarget_RaiseNoCompetitor(string concern)
    {
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { Concerns = [concern] });
        Assert.DoesNotContain(HrCompetitors.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.Competitor);
    }

    [Theory]
    [InlineData("金蝶报价低15%，客户要对接方案", "金蝶")]
    [InlineData("钉钉报价低，需要和钉钉打通", "钉钉")]
    [InlineData("Moka is cheaper; integration with our payroll by 3 Dec", "Moka")]
    public void CompetitorNames_ARivalInAnotherClauseThanTheIntegrationWord_StillRaiseCompetitor(string summary, string evidence)
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { Summary = summary });
        Assert.Contains(HrCompetitors.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.Competitor && s.Evidence == evidence);
    }

    [Theory]
    [InlineData("Moka不考虑了")]
    [InlineData("Moka那边不考虑了，12月3日签约")]
    [InlineData("友商不考虑了，客户12月3日签约")]
    [InlineData("竞品方案不考虑了")]
    public void Decline_WhoseSubjectIsARival_IsNoIntentDecline(string summary)
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { Summary = summary });
        Assert.DoesNotContain(HrCompetitors.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.IntentDecline);
    }

    [Theory]
    [InlineData("客户不考虑了，友商报价更低")]
    [InlineData("客户看了Moka，不考虑了")]
    [InlineData("Moka报价低，客户说我们不考虑了")]
    public void Decline_BesideARivalWithTheCustomerAsSubject_StaysAnIntentDecline(string summary)
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { Summary = summary });
        Assert.Contains(HrCompetitors.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.IntentDecline);
    }

    [Theory]
    [InlineData("邝总说Moka不考虑了，已明确选择我们，没有其他竞品")]
    [InlineData("Moka也在跟，最终选择我们")]
    [InlineData("客户不考虑了，最后定了我们")]
    [InlineData("Compared Moka and another vendor; they chose us")]
    public void ChoseUs_AfterARivalOrADecline_SettlesBoth(string summary)
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { Summary = summary });
        Assert.DoesNotContain(
            HrCompetitors.Evaluate(record).Risk.Signals, s => s.Code is RiskSignalCodes.Competitor or RiskSignalCodes.IntentDecline);
    }

    [Theory]
    [InlineData("Moka也在跟，可能选择我们")]
    [InlineData("客户在比价，没有选择我们")]
    [InlineData("Moka报价低，选择我们的原因是本地实施")]
    public void ChoseUs_HedgedDeniedOrDescribed_LeavesTheRival(string summary)
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { Summary = summary });
        Assert.Contains(HrCompetitors.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.Competitor);
    }

    [Theory]
    [InlineData("秒杀价 ¥59 已结束，客户已用券下单", RiskSignalCodes.PriceObjection)]
    [InlineData("直播间秒殺價 ¥199，客户拍下 2 件", RiskSignalCodes.PriceObjection)]
    [InlineData("客户之前的差评已删除，本次回访满意", RiskSignalCodes.NegativeFeedback)]
    [InlineData("买家因漏发给了差评，补发后已追评好评", RiskSignalCodes.NegativeFeedback)]
    [InlineData("买家投诉发错货，换货后投诉已撤销", RiskSignalCodes.NegativeFeedback)]
    [InlineData("砍价砍到 ¥199，我们同意了并已成交", RiskSignalCodes.PriceObjection)]
    [InlineData("买家嫌贵，领券后已下单", RiskSignalCodes.PriceObjection)]
    [InlineData("我们 10 月发货延误两次，客户转向别的供应商", RiskSignalCodes.Delay)]
    [InlineData("仓库爆单发货延误 2 天，已补偿 10 元券", RiskSignalCodes.Delay)]
    [InlineData("客户说不会因为这点小事就投诉，已补发配件", RiskSignalCodes.NegativeFeedback)]
    public void ShopWording_ThatIsNoRiskOrASettledOne_RaisesNothing(string summary, string code)
    {
        var record = SampleRecords.CompleteECommerce().WithCommunications(c => c with { Summary = summary });
        Assert.DoesNotContain(Evaluator.Evaluate(record).Risk.Signals, s => s.Code == code);
    }

    [Theory]
    [InlineData("秒杀价已经很低，客户还嫌贵", RiskSignalCodes.PriceObjection)]
    [InlineData("客户之前给了差评，本次回访满意", RiskSignalCodes.NegativeFeedback)]
    [InlineData("砍价砍到 ¥199，我们没同意", RiskSignalCodes.PriceObjection)]
    [InlineData("买家嫌贵，已下单吗？", RiskSignalCodes.PriceObjection)]
    [InlineData("客户要求推迟发货到下月", RiskSignalCodes.Delay)]
    [InlineData("客户说如果三天内不处理就投诉到平台，已安排换新", RiskSignalCodes.NegativeFeedback)]
    [InlineData("买家说今天不退款就投诉", RiskSignalCodes.NegativeFeedback)]
    [InlineData("买家说明天不到货就给差评", RiskSignalCodes.NegativeFeedback)]
    public void ShopWording_ThatStaysARisk_IsRaised(string summary, string code)
    {
        var record = SampleRecords.CompleteECommerce().WithCommunications(c => c with { Summary = summary });
        Assert.Contains(Evaluator.Evaluate(record).Risk.Signals, s => s.Code == code);
    }

    private static bool RaisesOn(TextAnalyzer analyzer, string text, int phraseStart, string code)
    {
        var scan = TextScan.Rent();
        try
        {
            scan.Reset();
            analyzer.Analyze(text, scan);
            for (var i = 0; i < scan.RiskCount; i++)
            {
                if (FollowUpRuleSet.Default.SignalCodes[scan.Risk[i].Category] == code && scan.Risk[i].Start >= phraseStart)
                {
                    return true;
                }
            }

            return false;
        }
        finally
        {
            TextScan.Return(scan);
        }
    }
}
