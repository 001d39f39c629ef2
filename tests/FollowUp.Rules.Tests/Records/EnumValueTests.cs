// The types under test live in namespace FollowUp.Rules (src/FollowUp.Rules/Records/), so their tests live in FollowUp.Rules.Tests.
using FollowUp.Rules.Reporting;
using FollowUp.Rules.Serialization;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests;

public class EnumValueTests
{
    [Fact]
    public void FromANumberThatIsNoMember_IsUnrecognizedTextOfItsDigits()
    {
        EnumValue<DealStage> cast = (DealStage)99;
        var constructed = new EnumValue<CustomerFeedback>((CustomerFeedback)(-1));

        Assert.Equal((false, true, "99", (DealStage?)null), (cast.IsKnown, cast.IsUnrecognized, cast.Text, cast.Value));
        Assert.Equal((false, true, "-1"), (constructed.IsKnown, constructed.IsUnrecognized, constructed.Text));
        Assert.Equal(EnumValue<DealStage>.Parse("99"), cast);
        Assert.True(EnumValue<DealStage>.FromEnum(DealStage.Signed).IsKnown);
    }

    [Fact]
    public void FromANumberThatIsNoMember_IsReportedAsTheSameNumberReadFromJsonIs_AndTheTeamReportTakesIt()
    {
        var inCode = SampleRecords.CompleteToB().WithProgress(p => p with { Stage = (DealStage)99 }) with { Id = "C-99" };
        var fromJson = FollowUpJson.DeserializeRecord(FollowUpJson.Serialize(inCode))!;
        var evaluator = TestClock.Evaluator();

        var evaluation = evaluator.Evaluate(inCode);
        var builder = new TeamReportBuilder();
        builder.Add(inCode, evaluation);

        var finding = Assert.Single(evaluation.FindingsOn("progress.stage"));
        Assert.Equal((FindingCodes.UnknownValue, "99"), (finding.Code, finding.Value));
        Assert.Equal(FollowUpJson.Serialize(evaluator.Evaluate(fromJson)), FollowUpJson.Serialize(evaluation));
        Assert.Equal(1, builder.Build().RecordCount);
    }

    [Theory]
    [InlineData("Phone", ContactChannel.Phone)]
    [InlineData("phone", ContactChannel.Phone)]
    [InlineData("PHONE", ContactChannel.Phone)]
    [InlineData("wechat", ContactChannel.WeChat)]
    [InlineData("  Meeting\t", ContactChannel.Meeting)]
    [InlineData("电话", ContactChannel.Phone)]
    [InlineData("電話", ContactChannel.Phone)]
    [InlineData("微信", ContactChannel.WeChat)]
    [InlineData("面谈", ContactChannel.Visit)]
    [InlineData("面談", ContactChannel.Visit)]
    [InlineData("拜访", ContactChannel.Visit)]
    [InlineData("邮件", ContactChannel.Email)]
    [InlineData("郵件", ContactChannel.Email)]
    [InlineData("会议", ContactChannel.Meeting)]
    [InlineData("會議", ContactChannel.Meeting)]
    [InlineData("其他", ContactChannel.Other)]
    [InlineData("到店", ContactChannel.Visit)]
    [InlineData("門店", ContactChannel.Visit)]
    [InlineData("短信", ContactChannel.Other)]
    [InlineData("千牛", ContactChannel.Other)]
    [InlineData("whatsapp", ContactChannel.Other)]
    [InlineData("電郵", ContactChannel.Email)]
    [InlineData("电邮", ContactChannel.Email)]
    [InlineData("視像會議", ContactChannel.Meeting)]
    [InlineData("视像会议", ContactChannel.Meeting)]
    [InlineData("網上會議", ContactChannel.Meeting)]
    [InlineData("電話會議", ContactChannel.Meeting)]
    [InlineData("Conference Call", ContactChannel.Meeting)]
    [InlineData("Zoom", ContactChannel.Meeting)]
    [InlineData("Teams", ContactChannel.Meeting)]
    [InlineData("Teams 會議", ContactChannel.Meeting)]
    [InlineData("Microsoft Teams", ContactChannel.Meeting)]
    [InlineData("Google Meet", ContactChannel.Meeting)]
    [InlineData("騰訊會議", ContactChannel.Meeting)]
    [InlineData("上門拜訪", ContactChannel.Visit)]
    [InlineData("上门拜访", ContactChannel.Visit)]
    [InlineData("拜會", ContactChannel.Visit)]
    [InlineData("Line", ContactChannel.Other)]
    [InlineData("Signal", ContactChannel.Other)]
    public void Parse_ContactChannelNameOrLabel_IsRecognised(string text, ContactChannel expected)
    {
        var value = EnumValue<ContactChannel>.Parse(text);

        Assert.True(value.IsKnown);
        Assert.Equal(expected, value.Value);
        Assert.False(value.IsEmpty);
        Assert.False(value.IsUnrecognized);
        Assert.Equal(text, value.Text);
    }

    [Theory]
    [InlineData("Proposal Sent", DealStage.ProposalSent)]
    [InlineData("proposal_sent", DealStage.ProposalSent)]
    [InlineData(" Needs-Confirmed ", DealStage.NeedsConfirmed)]
    [InlineData("Awaiting  Feedback", DealStage.AwaitingFeedback)]
    [InlineData("Closed Won", DealStage.Signed)]
    [InlineData("CLOSED_LOST", DealStage.Lost)]
    [InlineData("Needs Analysis", DealStage.NeedsConfirmed)]
    [InlineData("Prospecting", DealStage.Initial)]
    [InlineData("投标", DealStage.ProposalSent)]
    [InlineData("已中標", DealStage.Negotiation)]
    [InlineData("未中标", DealStage.Lost)]
    [InlineData("落標", DealStage.Lost)]
    [InlineData("实施中", DealStage.Signed)]
    [InlineData("已驗收", DealStage.Signed)]
    [InlineData("交易成功", DealStage.Signed)]
    [InlineData("已发货", DealStage.Signed)]
    [InlineData("售後處理中", DealStage.Signed)]
    [InlineData("交易关闭", DealStage.Lost)]
    [InlineData("報價中", DealStage.ProposalSent)]
    [InlineData("报价中", DealStage.ProposalSent)]
    [InlineData("議價中", DealStage.Negotiation)]
    [InlineData("议价中", DealStage.Negotiation)]
    [InlineData("已落單", DealStage.Signed)]
    [InlineData("落單", DealStage.Signed)]
    [InlineData("已下單", DealStage.Signed)]
    [InlineData("下单", DealStage.Signed)]
    [InlineData("已失單", DealStage.Lost)]
    [InlineData("失單", DealStage.Lost)]
    [InlineData("報價已發", DealStage.ProposalSent)]
    [InlineData("已發報價", DealStage.ProposalSent)]
    [InlineData("报价已发", DealStage.ProposalSent)]
    [InlineData("已提案", DealStage.ProposalSent)]
    public void Parse_EnglishNameWrittenInWordsOrACrmStageName_IsRecognised(string text, DealStage expected)
    {
        var value = EnumValue<DealStage>.Parse(text);

        Assert.Equal(expected, value.Value);
        Assert.Equal(text, value.Text);
    }

    [Theory]
    [InlineData("待付款", DealStage.Negotiation)]
    [InlineData("等待買家付款", DealStage.Negotiation)]
    [InlineData("Pending Payment", DealStage.Negotiation)]
    [InlineData("待收货", DealStage.Signed)]
    [InlineData("待收貨", DealStage.Signed)]
    [InlineData("退款中", DealStage.Signed)]
    [InlineData("退货中", DealStage.Signed)]
    [InlineData("退貨中", DealStage.Signed)]
    [InlineData("換貨中", DealStage.Signed)]
    [InlineData("Returning", DealStage.Signed)]
    [InlineData("已退款", DealStage.Lost)]
    [InlineData("退款成功", DealStage.Lost)]
    [InlineData("Refunded", DealStage.Lost)]
    public void Parse_ShopOrderStage_IsReadAsItsMember(string text, DealStage expected) =>
        Assert.Equal(expected, EnumValue<DealStage>.Parse(text).Value);

    [Theory]
    [InlineData("抖音", ContactChannel.Other)]
    [InlineData("抖音私信", ContactChannel.Other)]
    [InlineData("小紅書", ContactChannel.Other)]
    [InlineData("京東咚咚", ContactChannel.Other)]
    [InlineData("咚咚", ContactChannel.Other)]
    [InlineData("拼多多", ContactChannel.Other)]
    [InlineData("直播間", ContactChannel.Other)]
    [InlineData("淘宝旺旺", ContactChannel.Other)]
    [InlineData("企微", ContactChannel.WeChat)]
    [InlineData("WeCom", ContactChannel.WeChat)]
    [InlineData("視頻號", ContactChannel.WeChat)]
    [InlineData("电话回访", ContactChannel.Phone)]
    public void Parse_ShopChannel_IsReadAsItsMember(string text, ContactChannel expected) =>
        Assert.Equal(expected, EnumValue<ContactChannel>.Parse(text).Value);

    [Theory]
    [InlineData(DealStage.Signed, "已签约", "已簽約")]
    [InlineData(DealStage.Negotiation, "商务谈判", "商務談判")]
    [InlineData(DealStage.Lost, "已流失", "已流失")]
    public void ChineseLabel_StageWithShopLabels_KeepsItsOwnFirstLabel(DealStage stage, string simplified, string traditional)
    {
        Assert.Equal(simplified, EnumLabelCatalog.ChineseLabel(stage, traditional: false));
        Assert.Equal(traditional, EnumLabelCatalog.ChineseLabel(stage, traditional: true));
    }

    [Theory]
    [InlineData("售后中", true)]
    [InlineData("售後處理中", true)]
    [InlineData("after_sales", true)]
    [InlineData("ＲＥＴＵＲＮＩＮＧ", true)]
    [InlineData("换货处理中", true)]
    [InlineData("待補發", true)]
    [InlineData("交易成功", false)]
    [InlineData("已签收", false)]
    [InlineData("Signed", false)]
    public void NamesOpenWorkAfterSigning_OpenAndFinishedLabels(string text, bool open) =>
        Assert.Equal(open, EnumLabelCatalog.NamesOpenWorkAfterSigning(text));

    [FsCheck.Xunit.Property(MaxTest = 2000)]
    public bool ContainsKeyOf_FindsExactlyTheTextsWhoseLookupKeyIsInTheSet(string label, string text)
    {
        // The key made on the stack must be the LookupKey string, or a label that the table reads would not be found.
        label ??= "";
        text ??= "";
        var keys = EnumLabelCatalog.KeySet([label]);
        var decorated = $" {label.ToUpperInvariant()}_ ";
        return EnumLabelCatalog.ContainsKeyOf(keys, label)
            && EnumLabelCatalog.ContainsKeyOf(keys, text) == (EnumLabelCatalog.LookupKey(text) == EnumLabelCatalog.LookupKey(label))
            && EnumLabelCatalog.ContainsKeyOf(keys, decorated) == (EnumLabelCatalog.LookupKey(decorated) == EnumLabelCatalog.LookupKey(label));
    }

    [Fact]
    public void ContainsKeyOf_TextLongerThanTheStackKey_IsStillRead()
    {
        var label = new string('售', 200) + "后中";

        Assert.True(EnumLabelCatalog.ContainsKeyOf(EnumLabelCatalog.KeySet([label]), " " + label.Replace("后", "後", StringComparison.Ordinal)));
    }

    [Fact]
    public void Labels_EachIsReadAsTheOneMemberItIsListedFor_AsWrittenWithItsWordsJoinedAndFolded()
    {
        // The table is a dictionary: a label listed for two members, or two labels that one lookup form joins (Teams 會議 and
        // Teams會議, 等客戶回覆 and 等客户回复 once folded), would be read as whichever came last, with no error.
        Assert.Empty(AmbiguousLabels<DecisionRole>());
        Assert.Empty(AmbiguousLabels<ContactChannel>());
        Assert.Empty(AmbiguousLabels<CustomerFeedback>());
        Assert.Empty(AmbiguousLabels<DealStage>());
        Assert.Empty(AmbiguousLabels<AttachmentKind>());
    }

    [Theory]
    [InlineData("視頻會議", ContactChannel.Meeting)]
    [InlineData("视訊會議", ContactChannel.Meeting)]
    [InlineData("ＷＨＡＴＳＡＰＰ", ContactChannel.Other)]
    [InlineData("企業 微信", ContactChannel.WeChat)]
    public void Parse_ALabelInTraditionalCharactersTheTableDoesNotList_IsReadAsItsSimplifiedSpelling(string text, ContactChannel expected) =>
        Assert.Equal(expected, EnumValue<ContactChannel>.Parse(text).Value);

    [Theory]
    [InlineData("Proposal Sent Later")]
    [InlineData("- _")]
    [InlineData("方案 已发 了")]
    public void Parse_WordsThatAreNoMember_StayUnrecognised(string text) =>
        Assert.True(EnumValue<DealStage>.Parse(text).IsUnrecognized);

    [Fact]
    public void Parse_TextReadFoldedOrNoLabel_AllocatesNothing()
    {
        // Records are read by the million: a Traditional spelling no label lists, and a note where a stage belongs, are
        // looked up folded without a copy.
        string[] texts = ["視頻會議", "谈判中", "客户说下周再谈，等老板拍板后回复", "ＷＨＡＴＳＡＰＰ"];
        foreach (var text in texts)
        {
            _ = EnumValue<ContactChannel>.Parse(text);
            _ = EnumValue<DealStage>.Parse(text);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var text in texts)
        {
            _ = EnumValue<ContactChannel>.Parse(text);
            _ = EnumValue<DealStage>.Parse(text);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Theory]
    [InlineData("决策人", DecisionRole.DecisionMaker)]
    [InlineData("決策人", DecisionRole.DecisionMaker)]
    [InlineData("decisionmaker", DecisionRole.DecisionMaker)]
    [InlineData("影响者", DecisionRole.Influencer)]
    [InlineData("影響者", DecisionRole.Influencer)]
    [InlineData("使用者", DecisionRole.User)]
    [InlineData("把关人", DecisionRole.Gatekeeper)]
    [InlineData("把關人", DecisionRole.Gatekeeper)]
    [InlineData("未知", DecisionRole.Unknown)]
    public void Parse_DecisionRoleNameOrLabel_IsRecognised(string text, DecisionRole expected) =>
        Assert.Equal(expected, EnumValue<DecisionRole>.Parse(text).Value);

    [Theory]
    [InlineData("满意", CustomerFeedback.Satisfied)]
    [InlineData("滿意", CustomerFeedback.Satisfied)]
    [InlineData("不满", CustomerFeedback.Dissatisfied)]
    [InlineData("不滿", CustomerFeedback.Dissatisfied)]
    [InlineData("待定", CustomerFeedback.Pending)]
    [InlineData("待回复", CustomerFeedback.Pending)]
    [InlineData("tbd", CustomerFeedback.Pending)]
    [InlineData("未知", CustomerFeedback.Unknown)]
    [InlineData("PENDING", CustomerFeedback.Pending)]
    public void Parse_FeedbackNameOrLabel_IsRecognised(string text, CustomerFeedback expected) =>
        Assert.Equal(expected, EnumValue<CustomerFeedback>.Parse(text).Value);

    [Theory]
    [InlineData("初步沟通", DealStage.Initial)]
    [InlineData("初步溝通", DealStage.Initial)]
    [InlineData("需求确认", DealStage.NeedsConfirmed)]
    [InlineData("需求確認", DealStage.NeedsConfirmed)]
    [InlineData("方案已发", DealStage.ProposalSent)]
    [InlineData("方案已發", DealStage.ProposalSent)]
    [InlineData("等待反馈", DealStage.AwaitingFeedback)]
    [InlineData("等待反饋", DealStage.AwaitingFeedback)]
    [InlineData("商务谈判", DealStage.Negotiation)]
    [InlineData("商務談判", DealStage.Negotiation)]
    [InlineData("已签约", DealStage.Signed)]
    [InlineData("已簽約", DealStage.Signed)]
    [InlineData("已流失", DealStage.Lost)]
    [InlineData("proposalsent", DealStage.ProposalSent)]
    [InlineData("等客戶回覆", DealStage.AwaitingFeedback)]
    [InlineData("等客户回复", DealStage.AwaitingFeedback)]
    [InlineData("等客戶回復", DealStage.AwaitingFeedback)]
    [InlineData("待回覆", DealStage.AwaitingFeedback)]
    [InlineData("等待回覆", DealStage.AwaitingFeedback)]
    [InlineData("等待客戶回應", DealStage.AwaitingFeedback)]
    [InlineData("客戶內部審批中", DealStage.AwaitingFeedback)]
    [InlineData("等老板批复", DealStage.AwaitingFeedback)]
    [InlineData("等老闆批復", DealStage.AwaitingFeedback)]
    [InlineData("Pending_Approval", DealStage.AwaitingFeedback)]
    public void Parse_StageNameOrLabel_IsRecognised(string text, DealStage expected) =>
        Assert.Equal(expected, EnumValue<DealStage>.Parse(text).Value);

    [Theory]
    [InlineData("报价单", AttachmentKind.Quote)]
    [InlineData("報價單", AttachmentKind.Quote)]
    [InlineData("方案", AttachmentKind.Proposal)]
    [InlineData("合同", AttachmentKind.Contract)]
    [InlineData("合約", AttachmentKind.Contract)]
    [InlineData("邮件", AttachmentKind.Email)]
    [InlineData("其他", AttachmentKind.Other)]
    [InlineData("quote", AttachmentKind.Quote)]
    [InlineData("訂單", AttachmentKind.Contract)]
    [InlineData("Purchase Order", AttachmentKind.Contract)]
    public void Parse_AttachmentKindNameOrLabel_IsRecognised(string text, AttachmentKind expected) =>
        Assert.Equal(expected, EnumValue<AttachmentKind>.Parse(text).Value);

    [Theory]
    [InlineData("进行中")]
    [InlineData("Phoned")]
    [InlineData("电话 微信")]
    [InlineData("\u0000")]
    public void Parse_UnknownText_IsKeptAndUnrecognised(string text)
    {
        var value = EnumValue<ContactChannel>.Parse(text);

        Assert.False(value.IsKnown);
        Assert.True(value.IsUnrecognized);
        Assert.False(value.IsEmpty);
        Assert.Null(value.Value);
        Assert.Equal(text, value.Text);
        Assert.Equal(text, value.ToString());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Parse_NullOrBlank_IsEmpty(string? text)
    {
        var value = EnumValue<DealStage>.Parse(text);

        Assert.True(value.IsEmpty);
        Assert.False(value.IsKnown);
        Assert.False(value.IsUnrecognized);
        Assert.Null(value.Value);
        Assert.Equal(text, value.Text);
    }

    [Fact]
    public void Default_IsEmpty()
    {
        EnumValue<DealStage> value = default;

        Assert.True(value.IsEmpty);
        Assert.Null(value.Text);
        Assert.Equal(string.Empty, value.ToString());
    }

    [Fact]
    public void ImplicitConversion_FromMember_IsKnownWithoutText()
    {
        EnumValue<DealStage> value = DealStage.Signed;

        Assert.True(value.IsKnown);
        Assert.Equal(DealStage.Signed, value.Value);
        Assert.Null(value.Text);
        Assert.Equal(EnumValue<DealStage>.FromEnum(DealStage.Signed), value);
    }

    [Fact]
    public void ToString_KnownFromChineseLabel_IsEnglishName() =>
        Assert.Equal("Signed", EnumValue<DealStage>.Parse("已签约").ToString());

    [Fact]
    public void Equals_SameMemberFromDifferentTexts_AreEqual()
    {
        var fromLabel = EnumValue<DealStage>.Parse("已簽約");
        var fromName = EnumValue<DealStage>.Parse("signed");

        Assert.Equal(fromLabel, fromName);
        Assert.True(fromLabel == fromName);
        Assert.Equal(fromLabel.GetHashCode(), fromName.GetHashCode());
    }

    [Fact]
    public void Equals_UnrecognisedTexts_CompareOrdinally()
    {
        Assert.Equal(EnumValue<DealStage>.Parse("进行中"), EnumValue<DealStage>.Parse("进行中"));
        Assert.True(EnumValue<DealStage>.Parse("abc") != EnumValue<DealStage>.Parse("ABC"));
        Assert.NotEqual(EnumValue<DealStage>.Parse("Signed"), EnumValue<DealStage>.Parse("Signd"));
    }

    /// <summary>Each label and name, in every form a lookup tries, that does not read as the member it names.</summary>
    private static List<string> AmbiguousLabels<TEnum>()
        where TEnum : struct, Enum
    {
        var named = EnumLabelCatalog.LabelsFor(typeof(TEnum)).Concat(Enum.GetNames<TEnum>().Select(name => (Label: name, Member: name)));
        var forms = named.SelectMany(entry => new[] { entry.Label, EnumLabelCatalog.Joined(entry.Label), EnumLabelCatalog.FoldedKey(EnumLabelCatalog.Joined(entry.Label)) }
            .Select(form => (Form: form, entry.Member)));
        var clashes = forms.GroupBy(entry => entry.Form, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Select(entry => entry.Member).Distinct().Count() > 1)
            .Select(group => $"{group.Key}: {string.Join(", ", group.Select(entry => entry.Member).Distinct())}");
        var misread = named.Where(entry => !EnumLabels<TEnum>.TryParse(entry.Label, out var read) || read.ToString() != entry.Member)
            .Select(entry => $"{entry.Label} is not read as {entry.Member}");
        return [.. clashes, .. misread];
    }

    [Fact]
    public void Equals_KnownAndUnrecognised_AreNotEqual() =>
        Assert.NotEqual(EnumValue<DealStage>.FromEnum(DealStage.Lost), EnumValue<DealStage>.Parse("Lost!"));
}
