using FollowUp.Rules.Language;

namespace FollowUp.Rules.Tests.Language;

public sealed class VagueLanguageDetectorTests
{
    private static readonly VagueLanguageDetector Detector = VagueLanguageDetector.Default;

    [Theory]
    [InlineData("跟进中", VagueCategory.StatusOnly)]
    [InlineData("等客户回复", VagueCategory.Waiting)]
    [InlineData("客户有意向", VagueCategory.UnquantifiedIntent)]
    [InlineData("可能下单", VagueCategory.Hedge)]
    [InlineData("尽快处理", VagueCategory.VagueTime)]
    [InlineData("同上", VagueCategory.NoContent)]
    [InlineData("In progress.", VagueCategory.StatusOnly)]
    [InlineData("Waiting for reply", VagueCategory.Waiting)]
    [InlineData("Customer seems interested", VagueCategory.UnquantifiedIntent)]
    [InlineData("Maybe next quarter", VagueCategory.Hedge)]
    [InlineData("Will call soon", VagueCategory.VagueTime)]
    public void Detect_SeedPhrase_ReportsItsCategory(string text, VagueCategory category) =>
        Assert.Contains(Detector.Detect(text).Phrases, p => p.Category == category);

    [Theory]
    [InlineData("跟進中，等客戶回覆")]
    [InlineData("ＦＯＬＬＯＷＩＮＧ ＵＰ")]
    [InlineData("跟 进 中")]
    [InlineData("跟\u200B进\u200D中")]
    [InlineData("FoLLoWiNg Up")]
    public void Detect_FullWidthMixedCaseTraditionalSpacesAndZeroWidth_StillMatches(string text) =>
        Assert.Contains(Detector.Detect(text).Phrases, p => p.Category == VagueCategory.StatusOnly);

    [Fact]
    public void Detect_FoldedMatch_OffsetsPointIntoTheOriginalText()
    {
        const string text = "电话沟通，ＳＴＡＴＵＳ：跟 進\u200B中。";
        var phrase = Assert.Single(Detector.Detect(text).Phrases);
        Assert.Equal("跟 進\u200B中", text.Substring(phrase.Start, phrase.Length));
        Assert.Equal(text.Substring(phrase.Start, phrase.Length), phrase.Text);
    }

    [Theory]
    [InlineData("客户有意向", ClarityLevel.Vague)]
    [InlineData("电话沟通 30 分钟，客户有 ERP 替换意向，约周四上门", ClarityLevel.Concrete)]
    [InlineData("客户有意向，12 月 5 日前给报价", ClarityLevel.PartlyVague)]
    [InlineData("上门拜访采购部李工，确认首批 80 台，12 月 10 日前交付，预算 36 万已批", ClarityLevel.Concrete)]
    [InlineData("。。。", ClarityLevel.NoContent)]
    [InlineData("哈哈哈", ClarityLevel.NoContent)]
    [InlineData("1234", ClarityLevel.NoContent)]
    [InlineData("asdf", ClarityLevel.NoContent)]
    [InlineData("<p>&nbsp;</p>", ClarityLevel.NoContent)]
    [InlineData("略", ClarityLevel.NoContent)]
    public void Detect_Clarity_FollowsTheFactsBesideTheVaguePhrases(string text, ClarityLevel expected) =>
        Assert.Equal(expected, Detector.Detect(text).Clarity);

    /// <summary>Capitals name a product (ERP) unless they are a common word written loud: OK, ASAP, FYI.</summary>
    [Theory]
    [InlineData("客户有意向，应该 OK 的", ClarityLevel.Vague)]
    [InlineData("客户有意向，应该ＯＫ的", ClarityLevel.Vague)]
    [InlineData("客户有意向，FYI 老板也知道", ClarityLevel.Vague)]
    [InlineData("客户有意向，应该 CRM 的", ClarityLevel.PartlyVague)]
    [InlineData("客户有意向，可能要ＰＳ授权", ClarityLevel.PartlyVague)]
    public void Detect_Clarity_CapitalsThatNameNothingAreNoProduct(string text, ClarityLevel expected) =>
        Assert.Equal(expected, Detector.Detect(text).Clarity);

    [Theory]
    [InlineData("已发货")]
    [InlineData("已签合同")]
    [InlineData("客户已付款")]
    [InlineData("已發報價單")]
    [InlineData("Signed the contract")]
    [InlineData("Paid in full")]
    [InlineData("Order shipped")]
    public void Detect_ShortTextStatingAnOutcome_IsConcrete(string text) => Assert.Equal(ClarityLevel.Concrete, Detector.Detect(text).Clarity);

    [Theory]
    [InlineData("张经理-电话")]
    [InlineData("见面聊了")]
    [InlineData("未发货")]
    [InlineData("not shipped")]
    [InlineData("Contract not signed")]
    public void Detect_ShortProseWithoutAFact_IsVague(string text) => Assert.Equal(ClarityLevel.Vague, Detector.Detect(text).Clarity);

    [Theory]
    [InlineData("好的，收到")]
    [InlineData("嗯，好的")]
    [InlineData("ok 收到")]
    [InlineData("测试123")]
    [InlineData("同上。无")]
    public void Detect_OnlyWholeTextFillersOneAfterAnother_IsNoContent(string text) =>
        Assert.Equal(ClarityLevel.NoContent, Detector.Detect(text).Clarity);

    [Theory]
    [InlineData("同上，跟进中", VagueCategory.StatusOnly)]
    [InlineData("无，可能", VagueCategory.Hedge)]
    [InlineData("test maybe", VagueCategory.Hedge)]
    [InlineData("哈哈哈，客户有意向", VagueCategory.UnquantifiedIntent)]
    [InlineData("5678 跟进中", VagueCategory.StatusOnly)]
    public void Detect_VaguePhraseAddedToAFiller_StaysNoContentAndReportsThePhrase(string text, VagueCategory category)
    {
        var result = Detector.Detect(text);
        Assert.Equal(ClarityLevel.NoContent, result.Clarity);
        Assert.Contains(result.Phrases, p => p.Category == category);
    }

    [Theory]
    [InlineData("跟进中，等客户回复")]
    [InlineData("客户有意向")]
    public void Detect_VaguePhrasesWithoutAFiller_AreVagueNotNoContent(string text) =>
        Assert.Equal(ClarityLevel.Vague, Detector.Detect(text).Clarity);

    [Theory]
    [InlineData("好的，明天 10 点上门演示")]
    [InlineData("收到，报价 3.5 万已发采购部王经理")]
    [InlineData("收到，2025-12-03 14:30")]
    [InlineData("等客户回复 2025-12-03")]
    [InlineData("ok 2025/12/3")]
    [InlineData("好的 13800138000")]
    public void Detect_FillerBesideRealContent_IsNotNoContent(string text)
    {
        var result = Detector.Detect(text);

        Assert.NotEqual(ClarityLevel.NoContent, result.Clarity);
        Assert.DoesNotContain(result.Phrases, p => p.Category == VagueCategory.NoContent);
    }

    [Fact]
    public void Detect_FillersOneAfterAnother_AreOneNoContentPhraseOverTheText()
    {
        var phrase = Assert.Single(Detector.Detect("好的，收到").Phrases);

        Assert.Equal((VagueCategory.NoContent, "好的，收到"), (phrase.Category, phrase.Text));
    }

    /// <summary>Overlapping phrases of one category are one phrase over their union, and so is a run of one filler.</summary>
    [Theory]
    [InlineData("持续跟进中", VagueCategory.StatusOnly, "持续跟进中", 0)]
    [InlineData("还在沟通中", VagueCategory.StatusOnly, "在沟通中", 1)]
    [InlineData("一直在跟进中", VagueCategory.StatusOnly, "一直在跟进中", 0)]
    [InlineData("方案已发，持续跟进中", VagueCategory.StatusOnly, "持续跟进中", 5)]
    [InlineData("。。。。。", VagueCategory.NoContent, "。。。。。", 0)]
    [InlineData("测试测试测试", VagueCategory.NoContent, "测试测试测试", 0)]
    [InlineData("报价已发，测试测试 测试测试", VagueCategory.NoContent, "测试测试 测试测试", 5)]
    public void Detect_OverlappingPhrasesOfOneCategory_AreOnePhraseOverTheirUnion(string text, VagueCategory category, string union, int start)
    {
        var phrase = Assert.Single(Detector.Detect(text).Phrases);

        Assert.Equal((category, union, start, union.Length), (phrase.Category, phrase.Text, phrase.Start, phrase.Length));
    }

    /// <summary>A run of one filler covers its text once, as one occurrence does: beside the same real content, both are content.</summary>
    [Theory]
    [InlineData("报价已发，测试测试")]
    [InlineData("报价已发，测试测试测试测试")]
    public void Detect_RunOfAFillerBesideContent_IsNotNoContent(string text) =>
        Assert.NotEqual(ClarityLevel.NoContent, Detector.Detect(text).Clarity);

    [Fact]
    public void Detect_SeparatePhrasesOfOneCategory_StayApart()
    {
        var phrases = Detector.Detect("跟进中，等客户回复，跟进中").Phrases;

        Assert.Equal([(VagueCategory.StatusOnly, 0), (VagueCategory.Waiting, 4), (VagueCategory.StatusOnly, 10)], phrases.Select(p => (p.Category, p.Start)));
    }

    [Theory]
    [InlineData("评估私有化部署的可能性，12月3日出方案", VagueCategory.Hedge)]
    [InlineData("沟通中提出的三项修改已确认，12月5日交付", VagueCategory.StatusOnly)]
    [InlineData("近期已完成安装调试，12月3日验收", VagueCategory.VagueTime)]
    [InlineData("Renewal quote sent for their soon-to-expire licences", VagueCategory.VagueTime)]
    public void Detect_PhraseInsideAnException_IsNotVague(string text, VagueCategory category) =>
        Assert.DoesNotContain(Detector.Detect(text).Phrases, p => p.Category == category);

    [Fact]
    public void Detect_DateInTheGapOfAPhrase_MakesItDefinite()
    {
        var dated = Detector.Detect("等客户12月3日前回复报价确认");
        Assert.DoesNotContain(dated.Phrases, p => p.Category == VagueCategory.Waiting);
        Assert.Equal(ClarityLevel.Concrete, dated.Clarity);

        Assert.Contains(Detector.Detect("等客户下周回复").Phrases, p => p.Category == VagueCategory.Waiting);
    }

    [Theory]
    [InlineData("客户对新方案不感兴趣")]
    [InlineData("无需等客户回复，现场已确认")]
    [InlineData("Not interested anymore.")]
    public void Detect_NegatedVaguePhrase_IsNotVague(string text) =>
        Assert.DoesNotContain(Detector.Detect(text).Phrases, p => p.Category is VagueCategory.UnquantifiedIntent or VagueCategory.Waiting);

    [Theory]
    [InlineData("No rush 客户有意向", "客户有意向")]
    [InlineData("no worries 等客户回复", "等客户回复")]
    [InlineData("Not today 跟进中", "跟进中")]
    public void Detect_NegationCueBeforeOtherWords_DoesNotReachAPhraseInTheOtherLanguage(string text, string phrase) =>
        Assert.Contains(Detector.Detect(text).Phrases, p => p.Text == phrase);

    [Theory]
    [InlineData("Moka也在跟")]
    [InlineData("北森也在跟进这个单")]
    [InlineData("據說北森也在跟進")]
    public void Detect_ARivalAlsoFollowingTheDeal_IsNoStatus(string text) =>
        Assert.DoesNotContain(Detector.Detect(text).Phrases, p => p.Category == VagueCategory.StatusOnly);

    [Theory]
    [InlineData("我们也在跟")]
    [InlineData("我们也在跟进")]
    [InlineData("客户也在跟进")]
    public void Detect_OurOwnOrTheCustomersFollowUp_StaysAStatus(string text) =>
        Assert.Contains(Detector.Detect(text).Phrases, p => p.Category == VagueCategory.StatusOnly);

    [Theory]
    [InlineData("客户可能年后", "可能")]
    [InlineData("客户可能比价", "可能")]
    public void Detect_AHedgeOpeningARiskPhrase_StaysAHedge(string text, string hedge) =>
        Assert.Contains(Detector.Detect(text).Phrases, p => p.Category == VagueCategory.Hedge && p.Text == hedge);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Detect_NoText_IsNoContentWithoutPhrases(string? text)
    {
        var result = Detector.Detect(text);
        Assert.Equal(ClarityLevel.NoContent, result.Clarity);
        Assert.Empty(result.Phrases);
    }

    [Fact]
    public void Advice_Waiting_CoachesWhoWhatWhen()
    {
        var phrase = Assert.Single(Detector.Detect("等客户回复").Phrases);
        Assert.Contains("写明等谁、等什么、最晚何时", Detector.Advice(phrase), StringComparison.Ordinal);
    }

    [Fact]
    public void Advice_EnglishRuleSet_CoachesInEnglish()
    {
        var detector = FollowUpRuleSet.Create(new FollowUpRulesOptions { Culture = "en" }).DefaultProfile.VagueLanguage;
        var phrase = Assert.Single(detector.Detect("客户有意向").Phrases);
        Assert.Contains("product, quantity, budget or timing", detector.Advice(phrase), StringComparison.Ordinal);
    }
}
