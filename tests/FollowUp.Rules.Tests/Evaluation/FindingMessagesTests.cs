using System.Globalization;
using System.Text.RegularExpressions;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;
using FollowUp.Rules.Messages;
using FollowUp.Rules.Profiles;
using FollowUp.Rules.Risk;
using FollowUp.Rules.Tests.TestData;

// The type under test (FindingMessages) lives in namespace FollowUp.Rules (src/FollowUp.Rules/Evaluation/).
namespace FollowUp.Rules.Tests;

/// <summary>
/// The wording of findings and deductions as a salesperson reads them: labels instead of codes, no empty quotes, advice that
/// fits the field, examples that the rules would not themselves charge, and English that reads as English.
/// </summary>
public partial class FindingMessagesTests
{
    private static FollowUpEvaluator Evaluator(string culture) => TestClock.Evaluator(o => o.Culture = culture);

    private static FollowUpRecord WithRisk(FollowUpRecord record, RiskNote risk) => record with { Risks = [risk] };

    [Theory]
    [InlineData("zh-CN", "ContactChange", "风险“对接人变动”没有应对建议。")]
    [InlineData("zh-CN", "contactchange", "风险“对接人变动”没有应对建议。")]
    [InlineData("zh-CN", "对接人变动", "风险“对接人变动”没有应对建议。")]
    [InlineData("zh-TW", "ContactChange", "風險「窗口異動」沒有應對建議。")]
    [InlineData("zh-TW", "对接人变动", "風險「窗口異動」沒有應對建議。")]
    [InlineData("zh-CN", "窗口異動", "风险“对接人变动”没有应对建议。")]
    [InlineData("zh-HK", "PriceObjection", "風險「價格異議」沒有應對建議。")]
    [InlineData("zh-HK", "ContactChange", "風險「聯絡人變動」沒有應對建議。")]
    [InlineData("zh-HK", "窗口異動", "風險「聯絡人變動」沒有應對建議。")]
    [InlineData("zh-TW", "聯絡人變動", "風險「窗口異動」沒有應對建議。")]
    [InlineData("en", "ContactChange", "The risk \"contact changed\" has no countermeasure.")]
    [InlineData("en", "对接人变动", "The risk \"contact changed\" has no countermeasure.")]
    [InlineData("en", "PriceObjection", "The risk \"price objection\" has no countermeasure.")]
    [InlineData("zh-CN", "项目推迟", "风险“延期”没有应对建议。")]
    [InlineData("zh-TW", "專案延期", "風險「延期」沒有應對建議。")]
    [InlineData("zh-HK", "項目延期", "風險「延期」沒有應對建議。")]
    [InlineData("en", "项目推迟", "The risk \"deal postponed\" has no countermeasure.")]
    public void CountermeasureMissing_KindIsASignal_NamesItByItsLabelInTheMessageLanguage(string culture, string kind, string expected)
    {
        var evaluation = Evaluator(culture).Evaluate(WithRisk(SampleRecords.CompleteToB(), new RiskNote { Kind = kind, Description = "采购经理周立群 12 月底离职" }));

        var finding = Assert.Single(evaluation.FindingsWithCode(FindingCodes.CountermeasureMissing));
        var deduction = Assert.Single(evaluation.Deductions, d => d.Code == DeductionCodes.CountermeasureMissing && d.Component == GradeComponent.Completeness);

        Assert.StartsWith(expected, finding.Message, StringComparison.Ordinal);
        Assert.Equal(finding.Message, deduction.Message);
    }

    [Theory]
    [InlineData("zh-CN", "决策权的值“老板娘”无法识别，已按原文保留。可用的值：决策人（DecisionMaker）、影响者（Influencer）、使用者（User）、把关人（Gatekeeper）、未知（Unknown）。")]
    [InlineData("zh-TW", "決策權的值「老板娘」無法辨識，已按原文保留。可用的值：決策人（DecisionMaker）、影響者（Influencer）、使用者（User）、把關人（Gatekeeper）、未知（Unknown）。")]
    [InlineData("zh-HK", "決策權的值「老板娘」無法識別，已按原文保留。可用的值：決策人（DecisionMaker）、影響者（Influencer）、使用者（User）、把關人（Gatekeeper）、未知（Unknown）。")]
    [InlineData("en", "The decision role \"老板娘\" is not recognised and was kept as written. Known values: DecisionMaker, Influencer, User, Gatekeeper, Unknown.")]
    public void UnknownValue_ListsTheValuesAChineseCrmWouldStore(string culture, string expected)
    {
        // The Chinese message listed the English names only, joined by ", ", though 决策人 and the other labels are accepted too.
        var record = SampleRecords.CompleteToB() with { Customer = SampleRecords.CompleteToB().Customer! with { DecisionRole = EnumValue<DecisionRole>.Parse("老板娘") } };

        var finding = Assert.Single(Evaluator(culture).Evaluate(record).FindingsWithCode(FindingCodes.UnknownValue));

        Assert.Equal(expected, finding.Message);
    }

    [Theory]
    [InlineData("zh-CN", "同上", "关键内容缺失或没有实际内容（下一步行动）", "别用“同上”之类的话代替")]
    [InlineData("en", "Same as above", "Key content is missing or says nothing (next action)", "not a filler such as \"same as above\"")]
    public void RiskNotAssessable_FillerInAKeyField_IsCalledAFillerNotAnEmptyField(string culture, string filler, string start, string advice)
    {
        // A next action of "Same as above" was reported as missing content, with advice for an empty field ("mark to be confirmed").
        var record = SampleRecords.CompleteToB() with { Progress = SampleRecords.CompleteToB().Progress! with { NextAction = filler } };

        var finding = Assert.Single(Evaluator(culture).Evaluate(record).FindingsWithCode(FindingCodes.RiskNotAssessable));

        Assert.StartsWith(start, finding.Message, StringComparison.Ordinal);
        Assert.Contains(advice, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "关键内容缺失或没有实际内容（预算、痛点或关注点、第 2 条沟通记录的客户反馈），", "写“待补充”或“客户暂未明确”")]
    [InlineData("zh-TW", "關鍵內容缺失或沒有實際內容（預算、痛點或關注點、第 2 筆溝通記錄的客戶回饋），", "寫「待補充」或「客戶暫未明確」")]
    [InlineData("zh-HK", "關鍵內容缺失或沒有實際內容（預算、痛點或關注點、第 2 項溝通紀錄的客戶回應），", "寫「待補充」或「客戶暫未明確」")]
    [InlineData("en", "Key content is missing or says nothing (budget, pain points or concerns, customer feedback of communication 2),", "\"not disclosed\"")]
    public void RiskNotAssessable_NamesFieldsByLabel_AndSaysAnAcknowledgementIsEnough(string culture, string start, string advice)
    {
        // The message listed paths (needs.budget, needs.painPoints, communications[1].feedback) joined by ", " in Chinese text
        // too, and said only "补齐后才能评估风险", though the article's 待补充 clears it as well as a value does.
        var blank = SampleRecords.CompleteToB()
            .WithNeeds(n => n with { Budget = "", PainPoints = null, Concerns = null })
            .WithLastCommunication(c => c with { Feedback = default });
        var acknowledged = SampleRecords.CompleteToB()
            .WithNeeds(n => n with { Budget = "未透露", PainPoints = ["客户暂未明确"], Concerns = null })
            .WithLastCommunication(c => c with { Feedback = EnumValue<CustomerFeedback>.Parse("待定") });
        var evaluator = Evaluator(culture);

        var evaluation = evaluator.Evaluate(blank);

        var finding = Assert.Single(evaluation.FindingsWithCode(FindingCodes.RiskNotAssessable));
        Assert.StartsWith(start, finding.Message, StringComparison.Ordinal);
        Assert.Contains(advice, finding.Message, StringComparison.Ordinal);
        Assert.All(evaluation.Deductions.Where(d => d.Code == DeductionCodes.RiskNotAssessable), d => Assert.Equal(finding.Message, d.Message));
        Assert.DoesNotContain(evaluator.Evaluate(acknowledged).Findings, f => f.Code == FindingCodes.RiskNotAssessable);
    }

    [Theory]
    [InlineData("zh-CN", "关键内容无法识别（第 2 条沟通记录的沟通时间），无法判断风险是否已处理：已经填写，但不是可识别的日期。按各自的提示改写，如 2026-11-20 15:00。", "待补充")]
    [InlineData("en", "Key content cannot be read (contact time of communication 2), so it cannot be told whether risks were handled: it is written, but not as a readable date. Rewrite each as its own finding says, such as 2026-11-20 15:00.", "to be confirmed")]
    public void RiskNotAssessable_DateWrittenButUnreadable_IsNamedUnreadableAndNotToldToWriteAnAcknowledgement(string culture, string expected, string acknowledgement)
    {
        // A contact time the rep wrote in the CRM's own format (2026/11/18(三) before it was read) was called 关键内容缺失, with
        // the advice to write 待补充 in its place. The customer was dissatisfied then, so that contact may be the latest.
        var record = SampleRecords.CompleteToB().WithLastCommunication(c => c with { At = Timestamp.Parse("上周三 15:00"), Feedback = CustomerFeedback.Dissatisfied });

        var evaluation = Evaluator(culture).Evaluate(record);

        var finding = Assert.Single(evaluation.FindingsWithCode(FindingCodes.RiskNotAssessable));
        Assert.Equal(expected, finding.Message);
        Assert.Null(finding.Value);
        Assert.DoesNotContain(acknowledgement, finding.Message, StringComparison.Ordinal);
        Assert.Single(evaluation.FindingsWithCode(FindingCodes.InvalidDate), f => f.Field == "communications[1].at");
        Assert.All(evaluation.Deductions.Where(d => d.Code == DeductionCodes.RiskNotAssessable), d => Assert.Equal(finding.Message, d.Message));
    }

    [Theory]
    [InlineData("zh-CN", "关键内容缺失或没有实际内容（预算）或无法识别（第 2 条沟通记录的沟通时间），无法判断风险是否已处理。补上缺失的内容，客户还没说的，写“待补充”或“客户暂未明确”，也比空着强；无法识别的日期按各自的提示改写。")]
    [InlineData("en", "Key content is missing or says nothing (budget) and cannot be read (contact time of communication 2), so it cannot be told whether risks were handled. Fill in what is missing; what the customer has not said yet, mark \"to be confirmed\" or \"not disclosed\" rather than leaving it empty. Rewrite the dates that cannot be read as their own findings say.")]
    public void RiskNotAssessable_MissingAndUnreadable_NamesEachForWhatItIs(string culture, string expected)
    {
        var record = SampleRecords.CompleteToB()
            .WithNeeds(n => n with { Budget = null })
            .WithLastCommunication(c => c with { At = Timestamp.Parse("25/11/2026 15:00"), Feedback = CustomerFeedback.Dissatisfied });

        var evaluation = Evaluator(culture).Evaluate(record);

        Assert.Equal(expected, Assert.Single(evaluation.FindingsWithCode(FindingCodes.RiskNotAssessable)).Message);
        Assert.All(evaluation.Deductions.Where(d => d.Code == DeductionCodes.RiskNotAssessable), d => Assert.Equal(expected, d.Message));
    }

    [Theory]
    [InlineData("zh-CN", "2026-11-20T18:00:00+08:00", "下一步行动的截止时间（2026-11-20 18:00）已过。")]
    [InlineData("en", "2026-11-20T18:00:00+08:00", "The next action was due 2026-11-20 18:00.")]
    [InlineData("zh-TW", "2026-11-20 18:00", "下一步行動的截止時間（2026-11-20 18:00）已過。")]
    [InlineData("zh-CN", "2026-11-20 18:00", "下一步行动的截止时间（2026-11-20 18:00）已过。")]
    [InlineData("zh-CN", "2026-11-20", "下一步行动的截止时间（2026-11-20）已过。")]
    [InlineData("en", "2026-11-20+08:00", "The next action was due 2026-11-20.")]
    [InlineData("zh-CN", "2026-11-20T10:00:00Z", "下一步行动的截止时间（2026-11-20 18:00）已过。")]
    [InlineData("en", "2026-11-20T05:00:00-05:00", "The next action was due 2026-11-20 18:00.")]
    public void NextActionDueInPast_ShowsTheDueTimeAsTheOtherMessagesDo(string culture, string due, string expected)
    {
        // The message quoted the raw ISO text (2026-11-20T18:00:00+08:00) while the overdue deduction beside it said
        // 2026-11-20 18:00; the finding's value stays the due time in ISO 8601, as before.
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = Timestamp.Parse(due) });

        var evaluation = Evaluator(culture).Evaluate(record);

        var finding = Assert.Single(evaluation.FindingsWithCode(FindingCodes.NextActionDueInPast));
        Assert.StartsWith(expected, finding.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("T18:00:00", finding.Message, StringComparison.Ordinal);
        Assert.Equal(Timestamp.Parse(due).ToString(), finding.Value);
        Assert.Equal(finding.Message, Assert.Single(evaluation.Deductions, d => d.Code == DeductionCodes.NextActionDueInPast).Message);
    }

    [Theory]
    [InlineData("zh-CN", "这个时间（2026-11-27 08:00）晚于现在")]
    [InlineData("en", "This time (2026-11-27 08:00) is later than now")]
    public void DateInFuture_TimeGivenInAnotherOffset_ShowsItInTheRulesZone(string culture, string expected)
    {
        var record = SampleRecords.CompleteToB() with { RecordedAt = Timestamp.Parse("2026-11-27T00:00:00Z") };

        var finding = Assert.Single(Evaluator(culture).Evaluate(record).FindingsWithCode(FindingCodes.DateInFuture));

        Assert.StartsWith(expected, finding.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "风险“机房改造”没有应对建议。")]
    [InlineData("en", "The risk \"机房改造\" has no countermeasure.")]
    public void CountermeasureMissing_KindIsNotASignal_QuotesItAsWritten(string culture, string expected)
    {
        var evaluation = Evaluator(culture).Evaluate(WithRisk(SampleRecords.CompleteToB(), new RiskNote { Kind = "机房改造", Description = "客户机房 12 月 10 日才能完成改造" }));

        Assert.StartsWith(expected, Assert.Single(evaluation.FindingsWithCode(FindingCodes.CountermeasureMissing)).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "这条风险没有应对建议。")]
    [InlineData("en", "A risk entry has no countermeasure.")]
    public void CountermeasureMissing_RiskWithoutKindOrDescription_QuotesNothing(string culture, string expected)
    {
        var evaluation = Evaluator(culture).Evaluate(WithRisk(SampleRecords.CompleteToB(), new RiskNote { Kind = "" }));

        var message = Assert.Single(evaluation.FindingsWithCode(FindingCodes.CountermeasureMissing)).Message;

        Assert.StartsWith(expected, message, StringComparison.Ordinal);
        Assert.DoesNotContain("“”", message, StringComparison.Ordinal);
        Assert.DoesNotContain("\"\"", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("zh-TW")]
    [InlineData("zh-HK")]
    [InlineData("en")]
    public void CountermeasureMissing_ExampleItSuggests_IsAConcreteCountermeasure(string culture)
    {
        var evaluator = Evaluator(culture);
        var message = Assert.Single(evaluator.Evaluate(WithRisk(SampleRecords.CompleteToB(), new RiskNote { Kind = "Competitor", Description = "友商已报价 72 万" }))
            .FindingsWithCode(FindingCodes.CountermeasureMissing)).Message;
        var example = Assert.Single(QuotedExample().Matches(message)).Groups["text"].Value;

        // The example is what a salesperson copies: the rules must not charge it as vague (加强沟通 alone is).
        var answered = evaluator.Evaluate(WithRisk(SampleRecords.CompleteToB(), new RiskNote { Kind = "Competitor", Description = "友商已报价 72 万", Countermeasure = example }));

        Assert.Equal(ClarityLevel.Concrete, Assert.Single(answered.Clarity, c => c.Field == "risks[0].countermeasure").Level);
        Assert.Empty(answered.FindingsOn("risks[0].countermeasure"));
        Assert.DoesNotContain(answered.Deductions, d => d.Field == "risks[0].countermeasure");
        Assert.DoesNotContain("加强沟通", message, StringComparison.Ordinal);
        Assert.DoesNotContain("talk more often", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "痛点或关注点暂未明确。下次沟通时补齐，别让它一直空着。")]
    [InlineData("zh-TW", "痛點或關注點暫未明確。下次溝通時補齊，別讓它一直空著。")]
    [InlineData("zh-HK", "痛點或關注點暫未明確。下次溝通時補齊，不要一直留空。")]
    [InlineData("en", "The pain points or concerns field is marked as not known yet. Fill it in after the next contact; do not leave it open.")]
    public void FieldAcknowledged_ListAcknowledgedWithNoTextOfItsOwn_QuotesNothing(string culture, string expected)
    {
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { PainPoints = ["待补充"], Concerns = null });

        var evaluation = Evaluator(culture).Evaluate(record);

        Assert.Equal(expected, Assert.Single(evaluation.FindingsOn("needs.painPoints")).Message);
        Assert.Equal(expected, Assert.Single(evaluation.Deductions, d => d.Field == "needs.painPoints").Message);
    }

    [Theory]
    [InlineData("zh-CN", "Unknown", "决策权暂未明确。下次沟通时补齐，别让它一直空着。")]
    [InlineData("zh-CN", "未知", "决策权暂未明确。下次沟通时补齐，别让它一直空着。")]
    [InlineData("en", "unknown", "The decision role field is marked as not known yet. Fill it in after the next contact; do not leave it open.")]
    public void FieldAcknowledged_ChoiceGivenAsItsUnknownMember_QuotesNotTheMembersName(string culture, string written, string expected)
    {
        var record = SampleRecords.CompleteToB().WithCustomer(c => c with { DecisionRole = EnumValue<DecisionRole>.Parse(written) });

        var finding = Assert.Single(Evaluator(culture).Evaluate(record).FindingsOn("customer.decisionRole"));

        Assert.Equal((FindingCodes.FieldAcknowledged, expected, written), (finding.Code, finding.Message, finding.Value));
    }

    [Theory]
    [InlineData("zh-CN", "企业规模暂未明确（“待补充”）。")]
    [InlineData("zh-TW", "企業規模暫未明確（「待补充」）。")]
    [InlineData("en", "The company size field is marked as not known yet (\"待补充\").")]
    public void FieldAcknowledged_WithItsOwnText_QuotesItAndStartsAsASentence(string culture, string expected)
    {
        var evaluation = Evaluator(culture).Evaluate(SampleRecords.CompleteToB().WithCustomer(c => c with { CompanySize = "待补充" }));

        Assert.StartsWith(expected, Assert.Single(evaluation.FindingsOn("customer.companySize")).Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "“-”没有业务内容。写下这一栏该记的具体事实，让没参与的同事也能看懂、接手。")]
    [InlineData("zh-TW", "「-」沒有業務內容。寫下這一欄該記的具體事實，讓沒參與的同事也能看懂、接手。")]
    [InlineData("en", "\"-\" carries no business content. Write the concrete facts this field is for, so a colleague who was not there can follow it and take over.")]
    public void NoContent_OnAFieldThatIsNoContact_GivesAdviceThatFitsAnyField(string culture, string expected)
    {
        var evaluation = Evaluator(culture).Evaluate(SampleRecords.CompleteProject().WithCustom("milestones", "-"));

        var deduction = Assert.Single(evaluation.Deductions, d => d.Code == DeductionCodes.NoContent);

        Assert.Equal(("custom.milestones", expected), (deduction.Field, deduction.Message));
    }

    [Theory]
    [InlineData("zh-CN", "应对建议是空的：不写下来，看记录的同事就无从了解。写明应对建议。")]
    [InlineData("en", "The countermeasure field is empty: a colleague reading the record learns nothing from it. Write the countermeasure.")]
    public void TextMissing_OnACountermeasure_DoesNotSpeakOfTheCustomersState(string culture, string expected)
    {
        // A note naming no signal: its missing countermeasure is graded as text (one naming a signal is graded under risk handling).
        var record = WithRisk(SampleRecords.CompleteProject(), new RiskNote { Kind = "机房改造", Description = "客户机房 12 月 10 日才能完成改造" });

        var evaluation = Evaluator(culture).Evaluate(record);

        Assert.Equal(expected, Assert.Single(evaluation.Deductions, d => d.Code == DeductionCodes.TextMissing).Message);
    }

    [Fact]
    public void TextMissing_CustomFieldWithAPluralLabel_ReadsAsEnglish()
    {
        var evaluation = Evaluator("en").Evaluate(SampleRecords.CompleteProject().WithCustom("milestones", null));

        var deduction = Assert.Single(evaluation.Deductions, d => d.Code == DeductionCodes.TextMissing);

        Assert.StartsWith("The milestones field is empty:", deduction.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "2 次沟通都只和“周立群”一个人")]
    [InlineData("zh-TW", "2 次溝通都只和「周立群」一個人")]
    [InlineData("zh-HK", "2 次溝通都只與「周立群」一個人")]
    [InlineData("en", "each of the 2 contacts was with 周立群 alone")]
    public void SingleThreadedEvidence_TwoContacts_ReadsCorrectly(string culture, string expected)
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { Contact = "周立群", ContactTitle = "采购经理", ContactRole = DecisionRole.Influencer });

        var evaluation = Evaluator(culture).Evaluate(record);

        Assert.Equal(expected, Assert.Single(evaluation.Risk.Signals, s => s.Code == RiskSignalCodes.SingleThreaded).Evidence);
    }

    [Theory]
    [InlineData("zh-TW", "電話、電子郵件、LINE 或微信", "什麼", "辨識", "郵件")]
    [InlineData("zh-Hant", "電話、電子郵件、LINE 或微信", "什麼", "辨識", "郵件")]
    [InlineData("zh-Hant-TW", "電話、電子郵件、LINE 或微信", "什麼", "辨識", "郵件")]
    [InlineData("zh-HK", "電話、電郵、WhatsApp 或微信", "甚麼", "識別", "電郵")]
    [InlineData("zh-MO", "電話、電郵、WhatsApp 或微信", "甚麼", "識別", "電郵")]
    [InlineData("zh-Hant-HK", "電話、電郵、WhatsApp 或微信", "甚麼", "識別", "電郵")]
    public void Evaluate_TraditionalChineseCulture_WritesTraditionalMessagesInItsRegionsWording(string culture, string contactMethods, string what, string recognise, string email)
    {
        // zh-TW was accepted and every message came out in Simplified Chinese; then Hong Kong and Macao read Taiwan's 電子郵件 and 辨識.
        // The contact methods named are the ones each region reaches customers on: LINE in Taiwan, WhatsApp in Hong Kong and Macao;
        // the e-mail channel accepted is 電郵 in Hong Kong, where it was 郵件 too.
        var record = SampleRecords.CompleteToB()
            .WithCustomer(c => c with { Phone = null, Email = null, WeChat = null })
            .WithLastCommunication(c => c with { Summary = "持續追蹤中，等對方回覆", Channel = EnumValue<ContactChannel>.Parse("傳真") });

        var evaluation = Evaluator(culture).Evaluate(record);

        Assert.Equal($"缺少聯絡方式。至少留一種聯絡方式：{contactMethods}。", Assert.Single(evaluation.FindingsWithCode(FindingCodes.FieldMissing)).Message);
        Assert.Contains(evaluation.Findings, f => f.Code == FindingCodes.VagueLanguage && f.Message.StartsWith($"「等對方回覆」沒有說清在等{what}。", StringComparison.Ordinal));
        Assert.StartsWith(
            $"溝通方式的值「傳真」無法{recognise}，已按原文保留。可用的值：電話（Phone）、微信（WeChat）、面談（Visit）、{email}（Email）、會議（Meeting）、其他（Other）。",
            Assert.Single(evaluation.FindingsWithCode(FindingCodes.UnknownValue)).Message,
            StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "缺少联系方式。至少留一种联系方式：电话、邮箱或微信。")]
    [InlineData("zh-SG", "缺少联系方式。至少留一种联系方式：电话、邮箱或微信。")]
    [InlineData("en", "Missing contact method. Keep at least one way to reach the customer: phone, e-mail, WeChat, WhatsApp or LINE.")]
    [InlineData("en-SG", "Missing contact method. Keep at least one way to reach the customer: phone, e-mail, WeChat, WhatsApp or LINE.")]
    [InlineData("en-MY", "Missing contact method. Keep at least one way to reach the customer: phone, e-mail, WeChat, WhatsApp or LINE.")]
    public void FieldMissing_NoContactMethod_NamesTheMethodsItsReadersUse(string culture, string expected)
    {
        var record = SampleRecords.CompleteToB().WithCustomer(c => c with { Phone = null, Email = null, WeChat = null, WhatsApp = "-", Line = "N/A" });

        var finding = Assert.Single(Evaluator(culture).Evaluate(record).FindingsWithCode(FindingCodes.FieldMissing));

        Assert.Equal(("customer.phone", expected), (finding.Field, finding.Message));
    }

    [Theory]
    [InlineData("zh-CN", "customer.whatsapp", "缺少WhatsApp。写明 WhatsApp 号码。")]
    [InlineData("zh-CN", "customer.line", "缺少LINE。写明 LINE 账号。")]
    [InlineData("zh-TW", "customer.line", "缺少LINE。寫明 LINE 帳號。")]
    [InlineData("zh-TW", "customer.whatsapp", "缺少WhatsApp。寫明 WhatsApp 號碼。")]
    [InlineData("zh-HK", "customer.whatsapp", "缺少WhatsApp。寫明 WhatsApp 號碼。")]
    [InlineData("zh-HK", "customer.line", "缺少LINE。寫明 LINE 帳號。")]
    [InlineData("en", "customer.whatsapp", "Missing WhatsApp number. Write the WhatsApp number.")]
    [InlineData("en", "customer.line", "Missing LINE id. Write the LINE id.")]
    public void FieldMissing_WhatsAppOrLineRequiredOnItsOwn_NamesTheField(string culture, string field, string expected)
    {
        var evaluator = TestClock.Evaluator(o =>
        {
            o.Culture = culture;
            o.Profiles["ToB"] = new ProfileOptions { RequiredFields = { field } };
        });

        var finding = Assert.Single(evaluator.Evaluate(SampleRecords.CompleteToB()).FindingsWithCode(FindingCodes.FieldMissing));

        Assert.Equal((field, expected), (finding.Field, finding.Message));
    }

    [Theory]
    [InlineData("zh-TW", "目前無明顯風險")]
    [InlineData("zh-HK", "暫無明顯風險")]
    public void Evaluate_TraditionalChineseAdvice_SuggestsWhatTheRulesAccept(string culture, string noRiskPhrase)
    {
        // The Traditional messages tell a rep to write 待補充, 客戶暫未明確, 未透露 and that there is no obvious risk (目前無明顯風險
        // in Taiwan, 暫無明顯風險 in Hong Kong): each must clear what it is written for.
        var evaluator = Evaluator(culture);
        var acknowledged = SampleRecords.CompleteToB()
            .WithNeeds(n => n with { Budget = "未透露", Quantity = "客戶暫未明確", PainPoints = ["待補充"], Concerns = null });
        var noRisk = SampleRecords.CompleteProject() with { Risks = [new RiskNote { Description = noRiskPhrase }] };
        var advice = MessageCatalog.For(CultureInfo.GetCultureInfo(culture));

        Assert.Contains($"「{noRiskPhrase}」", advice.Format("RiskPointsMissing"), StringComparison.Ordinal);
        Assert.Contains("「未透露」", advice.FieldAdvice("needs.budget"), StringComparison.Ordinal);
        Assert.Contains("「客戶暫未明確」", advice.FieldAdvice("needs.quantity"), StringComparison.Ordinal);

        var needs = evaluator.Evaluate(acknowledged);

        Assert.All(needs.Findings.Where(f => f.Field?.StartsWith("needs.", StringComparison.Ordinal) == true), f => Assert.Equal(FindingCodes.FieldAcknowledged, f.Code));
        Assert.DoesNotContain(needs.Findings, f => f.Code == FindingCodes.RiskNotAssessable);
        Assert.DoesNotContain(evaluator.Evaluate(noRisk).Findings, f => f.Field == "risks");
    }

    [GeneratedRegex("(?:如[“「]|such as \")(?<text>[^”」\"]+)[”」\"]")]
    private static partial Regex QuotedExample();
}

internal static class LastCommunicationExtensions
{
    /// <summary>The record with its last communication changed, the others as they are.</summary>
    public static FollowUpRecord WithLastCommunication(this FollowUpRecord record, Func<Communication, Communication> change) =>
        record with { Communications = [.. record.Communications!.Take(record.Communications!.Count - 1), change(record.Communications![^1])] };
}
