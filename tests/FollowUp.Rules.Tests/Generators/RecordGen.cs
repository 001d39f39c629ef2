using FollowUp.Rules.Completeness;
using FsCheck;
using FsCheck.Fluent;

namespace FollowUp.Rules.Tests.Generators;

/// <summary>
/// Generators of follow-up records as integrators send them: every field may be missing, a placeholder, an
/// acknowledgement, vague, risky, concrete, an unknown enum text or an unreadable date; lists are empty or short.
/// "Now" for these records is <see cref="Now"/>.
/// </summary>
internal static class RecordGen
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(8));

    public static readonly string[] Scenarios = ["ToB", "ToC", "Project", "ECommerce"];

    private static readonly string[] Texts =
    [
        "上门拜访采购部李工，确认首批 80 台，12 月 10 日前交付，预算 36 万已批",
        "电话沟通 30 分钟，客户有 ERP 替换意向，约周四上门",
        "Met CFO Wang; budget of 400k approved; contract draft due Dec 12.",
        "跟进中", "等客户回复", "客户有意向", "可能下个月", "尽快", "。。。", "同上", "哈哈哈", "asdf",
        "客户说价格太贵了，别家便宜两成", "今年预算已冻结，项目推迟到明年", "打了三次电话都无人接听",
        "客户对上次安装服务很不满，已在平台投诉", "原对接人调岗，新对接人为王经理", "客户表示暂不考虑",
        "没有发现竞争对手，客户对报价无异议", "跟進中，等客戶回覆", "ＣＲＭ　系统  演示完成，客户  有意向",
        "客户暂未明确", "待补充", "TBD - customer did not say", "-", "无", "N/A", "null", "",
        "   ", "需求变更：数量从 100 套增至 200 套", "发送正式报价单并约技术交流",
    ];

    private static readonly string[] Names = ["张伟", "李明", "王芳", "Amy", "刘洋", "待补充", "", "-"];

    public static Gen<string?> Text => Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements(Texts).Select(t => (string?)t));

    public static Gen<string?> Name => Gen.OneOf(Gen.Constant<string?>(null), Gen.Elements(Names).Select(t => (string?)t));

    public static Gen<Timestamp> Time => Gen.OneOf(
        Gen.Constant(default(Timestamp)),
        Gen.Choose(-60 * 24, 20 * 24).Select(hours => (Timestamp)Now.AddHours(hours)),
        Gen.Choose(-60, 20).Select(days => Timestamp.Parse(Now.AddDays(days).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture))),
        Gen.Elements("明天", "下周", "2026-13-45", "待定", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59Z").Select(Timestamp.Parse));

    public static Gen<EnumValue<T>> Choice<T>()
        where T : struct, Enum =>
        Gen.OneOf(
            Gen.Constant(default(EnumValue<T>)),
            Gen.Elements(Enum.GetValues<T>()).Select(EnumValue<T>.FromEnum),
            Gen.Elements("信鸽", "未知", "待定", "-", "决策人", "电话", "已签约", "方案已发", "满意", "不满", "报价单", "合同").Select(EnumValue<T>.Parse));

    public static Gen<Communication> Communication =>
        from at in Time
        from channel in Choice<ContactChannel>()
        from contact in Name
        from title in Gen.Elements<string?>(null, "采购经理", "CFO", "")
        from role in Choice<DecisionRole>()
        from summary in Text
        from feedback in Choice<CustomerFeedback>()
        from objections in Gen.OneOf(Gen.Constant<string?>(null), Text)
        select new Communication
        {
            At = at, Channel = channel, Contact = contact, ContactTitle = title, ContactRole = role, Summary = summary, Feedback = feedback,
            Objections = objections,
        };

    public static Gen<FollowUpRecord> Record =>
        from scenario in Gen.Elements<string?>([.. Scenarios, null, "Unknown"])
        from recordedAt in Time
        from owner in Name
        from customer in Gen.OneOf(Gen.Constant<Customer?>(null), CustomerGen)
        from needs in Gen.OneOf(Gen.Constant<CustomerNeeds?>(null), NeedsGen)
        from communications in Gen.Choose(0, 3).SelectMany(n => Gen.ArrayOf(Communication, n))
        from progress in Gen.OneOf(Gen.Constant<DealProgress?>(null), ProgressGen)
        from attachments in Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(AttachmentGen, n))
        from risks in Gen.Choose(0, 2).SelectMany(n => Gen.ArrayOf(RiskGen, n))
        from custom in CustomGen
        select new FollowUpRecord
        {
            Id = "FU-P", Scenario = scenario, RecordedAt = recordedAt, Owner = owner, Customer = customer, Needs = needs,
            Communications = communications, Progress = progress, Attachments = attachments, Risks = risks, Custom = custom,
        };

    private static Gen<Customer?> CustomerGen =>
        from name in Name
        from company in Gen.Elements<string?>(null, "宏图建筑设计院", "", "待补充")
        from industry in Gen.Elements<string?>(null, "建筑设计", "-")
        from role in Choice<DecisionRole>()
        from phone in Gen.Elements<string?>(null, "13800000000", "")
        from whatsApp in Gen.Elements<string?>(null, "+852 6123 4567", "-", "待补充")
        from line in Gen.Elements<string?>(null, "chen.tw", "N/A", "")
        select (Customer?)new Customer
        {
            Name = name, Company = company, Industry = industry, CompanySize = company, ContactTitle = industry, DecisionRole = role,
            Source = industry, Level = company is null ? null : "A", Phone = phone, WhatsApp = whatsApp, Line = line,
        };

    private static Gen<CustomerNeeds?> NeedsGen =>
        from summary in Text
        from quantity in Gen.Elements<string?>(null, "200 套", "客户暂未明确")
        from budget in Gen.Elements<string?>(null, "50万", "未透露", "无")
        from pains in Gen.Elements<IReadOnlyList<string>?>(null, [], ["库存不准"], ["待补充"])
        from changes in Gen.Elements<IReadOnlyList<NeedsChange>?>(null, [], [new NeedsChange { Description = "数量从100套增至200套" }])
        select (CustomerNeeds?)new CustomerNeeds { Summary = summary, Quantity = quantity, Budget = budget, PainPoints = pains, Changes = changes };

    private static Gen<DealProgress?> ProgressGen =>
        from stage in Choice<DealStage>()
        from since in Time
        from action in Text
        from due in Time
        from owner in Name
        select (DealProgress?)new DealProgress { Stage = stage, StageSince = since, NextAction = action, NextActionDue = due, NextActionOwner = owner };

    private static Gen<Attachment> AttachmentGen =>
        from kind in Choice<AttachmentKind>()
        from name in Gen.Elements<string?>(null, "方案V2.pdf")
        select new Attachment { Kind = kind, Name = name };

    private static Gen<RiskNote> RiskGen =>
        from kind in Gen.Elements<string?>(null, "Competitor", "PriceObjection", "竞争对手", "")
        from description in Text
        from countermeasure in Gen.Elements<string?>(null, "周三前提交差异化方案", "待补充", "加强沟通")
        select new RiskNote { Kind = kind, Description = description, Countermeasure = countermeasure };

    private static Gen<IReadOnlyDictionary<string, string?>?> CustomGen =>
        from orderStatus in Gen.Elements<string?>(null, "已发货", "")
        from afterSales in Gen.Elements<string?>(null, "无售后问题", "待补充")
        from milestones in Gen.Elements<string?>(null, "M1 需求调研 12 月 1 日完成", "跟进中")
        select (IReadOnlyDictionary<string, string?>?)new Dictionary<string, string?>
        {
            ["orderStatus"] = orderStatus, ["afterSales"] = afterSales, ["milestones"] = milestones,
        };
}
