using System.Globalization;

namespace FollowUp.Rules.Benchmarks;

/// <summary>How carefully the generated records were written.</summary>
public enum RecordMix
{
    /// <summary>Every record complete and concrete, with risks answered: the best case for the rules.</summary>
    Clean,

    /// <summary>About 45% of the records messy, the rest clean: what a sales team's export looks like.</summary>
    Mixed,

    /// <summary>Every record messy: missing fields, placeholders, vague phrases, unanswered risks, odd dates and enum texts.</summary>
    Messy,
}

/// <summary>
/// A deterministic stream of realistic follow-up records (客户跟进单) in the four built-in scenarios, shaped like
/// <c>samples/data/follow-ups.jsonl</c>: the same seed always gives the same records, in the same order, so benchmarks and
/// the measured CLI runs work on identical data. Messy records carry what the rules look for: missing and acknowledged
/// fields (待补充, 客户暂未明确), bare placeholders (-, 无, N/A), vague phrases (跟进中, 等客户回复, 客户有意向, 近期, 同上),
/// risk phrases (友商, 犹豫, 太贵, 预算不足, 暂缓, 未接通, 投诉, 离职) without countermeasures, Traditional Chinese and full-width
/// text, English notes, dates without an offset or unreadable, unknown enum text, overdue next actions and stale contacts.
/// Dates are relative to <see cref="Now"/>.
/// </summary>
public sealed class SampleRecords
{
    /// <summary>The fixed seed of the generator.</summary>
    public const int Seed = 20261126;

    /// <summary>The "now" the generated dates are relative to; evaluate with <c>--now 2026-11-26T12:00:00+08:00</c>.</summary>
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(8));

    private static readonly string[] Surnames = ["王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "高", "罗", "郑", "梁", "沈", "钱"];

    private static readonly string[] GivenNames =
        ["伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "娟", "涛", "明", "超", "秀英", "建国", "晓东", "思琪", "立群", "振华", "雪梅", "子涵", "浩然", "欣怡", "志强"];

    private static readonly string[] Cities = ["苏州", "杭州", "南京", "宁波", "成都", "武汉", "合肥", "青岛", "厦门", "深圳", "广州", "天津", "西安", "长沙", "郑州", "无锡"];

    private static readonly string[] NameCores = ["启衡", "汇智", "宏图", "恒泰", "瑞丰", "华信", "远航", "鼎盛", "中科", "新锐", "博远", "盛世", "金桥", "嘉禾", "联创", "天合", "星河", "东方"];

    private static readonly (string Industry, string Suffix, string Product, string Unit)[] Industries =
    [
        ("精密零部件制造", "精密机械有限公司", "上线 WMS 管理原料仓、半成品仓、成品仓", "手持终端"),
        ("职业教育培训", "教育科技有限公司", "采购线上直播课平台，支持回放和作业", "并发授权"),
        ("建筑设计", "建筑设计院", "替换现有 OA，统一图纸审批流程", "用户授权"),
        ("连锁零售", "商贸有限公司", "上线门店进销存和会员系统", "门店授权"),
        ("医疗器械", "医疗器械有限公司", "建设经销商订单协同平台", "经销商账号"),
        ("物流仓储", "供应链管理有限公司", "替换现有 TMS，打通车辆调度和回单", "车载终端"),
        ("食品加工", "食品有限公司", "上线 MES 追溯生产批次", "工位终端"),
        ("新能源", "新能源科技有限公司", "采购 CRM 系统，统一各区域销售团队的客户数据", "用户授权"),
        ("软件信息服务", "信息技术有限公司", "建设视频会议系统覆盖各地会议室", "会议室终端"),
        ("物业管理", "物业服务有限公司", "上线智慧社区门禁和访客系统", "门禁点位"),
    ];

    private static readonly (string Title, DecisionRole Role)[] Titles =
    [
        ("采购经理", DecisionRole.Influencer), ("IT主管", DecisionRole.User), ("总经理", DecisionRole.DecisionMaker),
        ("副总经理", DecisionRole.DecisionMaker), ("财务总监", DecisionRole.Influencer), ("行政专员", DecisionRole.Gatekeeper),
        ("仓库主管", DecisionRole.User), ("董事长", DecisionRole.DecisionMaker), ("项目经理", DecisionRole.Influencer),
        ("信息中心主任", DecisionRole.Influencer),
    ];

    private static readonly string[] BusinessSources = ["线上咨询", "2026 工博会展位", "老客户转介绍", "官网表单", "电话营销", "渠道合作伙伴", "百度推广", "公众号留言"];

    private static readonly string[] ConsumerSources = ["小红书", "抖音直播间", "门店到访", "朋友推荐", "美团", "大众点评"];

    private static readonly string[] ShopSources = ["天猫旗舰店咨询", "京东店铺", "拼多多", "抖音小店", "企业采购平台"];

    private static readonly (string Need, string Quantity, string Budget)[] ConsumerNeeds =
    [
        ("全屋定制衣柜，主卧和儿童房两间，12 月底前安装", "2 间", "3万"),
        ("给孩子报少儿编程课，周末上课，希望 1 月开班", "48 课时", "6800元"),
        ("购买家用净水器，厨下式，要求上门安装", "1 台", "4000元以内"),
        ("婚纱照拍摄，外景 + 内景，明年 3 月拍", "1 套", "1.2万"),
        ("旧房翻新厨卫，90 平米，春节前完工", "厨房 + 2 卫", "8万"),
    ];

    private static readonly (string Need, string Quantity, string Budget, string OrderStatus, string AfterSales)[] ShopNeeds =
    [
        ("开第二家门店，采购商用封口机和制冰机，开业前到货安装", "封口机 2 台 + 制冰机 1 台", "1.6万", "已发货（顺丰 SF{0}）", "含上门安装 1 次；整机保修 1 年"),
        ("公司年会礼品，定制保温杯印 logo", "300 个", "2.4万", "已付款待发货", "质量问题 7 天内包换"),
        ("办公室采购人体工学椅", "40 把", "3.2万", "已签收", "5 年质保，上门维修"),
        ("门店采购收银一体机", "6 台", "1.8万", "退款中", "15 天无理由退换"),
    ];

    private static readonly string[] PainPoints =
        ["三仓账实不符，月度盘点差异率 3%", "出库拣货依赖纸质单据，日均错发 5 单", "数据分散在 4 个系统，月结要 5 天", "晚高峰卡顿，学员投诉多", "人工对账每月耗时 60 小时", "审批靠纸质签字，平均 3 天才能走完"];

    private static readonly string[] ConsumerPainPoints = ["现在的衣柜不够用，换季衣服没地方放", "工期紧，春节前必须完工", "上次装修的售后没人管", "孩子周末时间不固定"];

    private static readonly string[] ShopPainPoints = ["旧设备夏季产能不足", "开业时间紧，必须 12 月初到货", "上一家供应商售后响应慢"];

    private static readonly string[] ConsumerSummaries =
    [
        "微信发了 3 套设计方案，客户选了第 2 套，约{d}到门店看样品",
        "电话沟通 {m} 分钟，客户确认预算 {b}，{d}上门量尺",
        "客户在门店体验 1 小时，确认需求 {q}，{d}前出报价",
        "{c}到店看了样板间，对报价 {b} 没有异议，{d}签订单",
    ];

    private static readonly string[] ShopSummaries =
    [
        "确认型号和数量 {q}，企业采购价 {b}，客户已下单付款",
        "告知已发顺丰，预计 {d}送达，约当天 14:00 上门安装",
        "{c}咨询开票，已开具增值税专票 {b}，{d}前寄出",
    ];

    private static readonly string[] Concerns = ["上线周期不超过 3 个月", "与金蝶 K3 的接口稳定性", "总价", "交期", "售后响应 4 小时内", "数据本地化部署"];

    private static readonly string[] ConcreteSummaries =
    [
        "电话沟通 {m} 分钟，客户确认数量 {q}，要求 {d}前给出正式报价",
        "上门拜访 2 小时，现场看了仓库和产线，确认需求 {q}，预算 {b}",
        "线上会议 {m} 分钟，{c}确认预算 {b}，要求 {d}前提交方案 V2",
        "微信发送产品白皮书和 2 个同行业案例，{c}约{d}上午 10 点做产品演示",
        "邮件发送报价单，总价 {b}，{c}回复 {d}前内部评审，暂无竞争对手介入",
        "到客户现场做 POC 演示 90 分钟，{c}对接口方案没有异议，要求 {d}前给出实施计划",
    ];

    private static readonly string[] VagueSummaries =
    [
        "跟进中", "已联系客户", "等客户回复", "客户有意向", "客户很感兴趣，过几天再联系", "大概下周再约", "同上", "沟通中，近期推进",
        "待反馈", "客户说差不多可以，尽快跟进", "。。。", "哈哈哈", "test", "跟進中，等客戶回覆", "客戶有興趣", "waiting for reply",
        "customer interested, will follow up soon", "in progress", "电话沟通了一下，可能有戏", "客户有 ERP 替换意向，约周四上门",
    ];

    private static readonly (string Phrase, string Kind, string Countermeasure)[] RiskPhrases =
    [
        ("客户提到友商已报价，比我方低 10%", "Competitor", "{d}前提交差异化方案，附 2 个同行业上线案例"),
        ("客户还在犹豫，说要再考虑一下", "Hesitation", "{d}约决策人做一次 ROI 测算汇报"),
        ("客户觉得价格太贵，超出预期 15%", "PriceObjection", "提供首付 40% 的分期方案，{d}前发出"),
        ("客户预算不足，需要内部再申请", "BudgetConstraint", "拆分一期二期，一期控制在预算内，{d}前给出拆分报价"),
        ("项目暂缓，客户说明年再说", "Delay", "每两周发一次行业案例保持联系，{d}再约沟通"),
        ("电话未接通，微信已读不回", "NoResponse", "换渠道联系采购部其他同事，{d}前确认对接人"),
        ("客户投诉上次交付延迟 3 天", "NegativeFeedback", "已安排区域经理 {d}上门致歉并确认补偿方案"),
        ("原对接人已离职，换人对接", "ContactChange", "{d}前拜访新对接人，重新确认需求和决策链"),
        ("客户表示暂不考虑", "IntentDecline", "保留线索，{d}回访确认是否有新需求"),
        ("客户提到竞品在做免费试用", "Competitor", "{d}前开通 30 天试用账号并安排专人陪跑"),
    ];

    private static readonly string[] VagueNextActions = ["继续跟进", "尽快约客户", "等客户回复", "近期再联系", "看情况", "待定", "follow up soon"];

    private static readonly string[] Placeholders = ["-", "无", "N/A", "/", "null", " ", ""];

    private static readonly string[] Acknowledgements = ["待补充", "客户暂未明确", "未透露", "待确认", "TBD - customer did not say"];

    private static readonly string[] OddDecisionRoles = ["大老板", "关键人", "不清楚", "决策人", "影响者"];

    private static readonly string[] OddChannels = ["电话", "微信", "拜访", "钉钉", "飞书", "QQ"];

    private static readonly string[] CompanySizes = ["50-100人", "100-300人", "300-500人", "500-1000人", "1000人以上"];

    private static readonly string[] Levels = ["A", "B", "C"];

    private static readonly ContactChannel[] Channels = Enum.GetValues<ContactChannel>();

    private static readonly CustomerFeedback[] Feedbacks =
        [CustomerFeedback.Satisfied, CustomerFeedback.Satisfied, CustomerFeedback.Pending, CustomerFeedback.Pending, CustomerFeedback.Dissatisfied];

    private static readonly DealStage[] Stages =
        [DealStage.Initial, DealStage.NeedsConfirmed, DealStage.ProposalSent, DealStage.AwaitingFeedback, DealStage.Negotiation, DealStage.Signed, DealStage.Lost];

    private readonly Random _random;
    private readonly RecordMix _mix;
    private long _count;

    /// <summary>Initializes a generator of <paramref name="mix"/> records from <see cref="Seed"/>.</summary>
    public SampleRecords(RecordMix mix = RecordMix.Mixed)
        : this(mix, Seed)
    {
    }

    /// <summary>Initializes a generator of <paramref name="mix"/> records from another seed.</summary>
    public SampleRecords(RecordMix mix, int seed)
    {
        _mix = mix;
        _random = new Random(seed);
    }

    /// <summary>Generates <paramref name="count"/> records of <paramref name="mix"/> from <see cref="Seed"/>.</summary>
    public static FollowUpRecord[] Create(int count, RecordMix mix = RecordMix.Mixed)
    {
        var records = new SampleRecords(mix);
        var result = new FollowUpRecord[count];
        for (var i = 0; i < count; i++)
        {
            result[i] = records.Next();
        }

        return result;
    }

    /// <summary>Generates the next record.</summary>
    public FollowUpRecord Next()
    {
        _count++;
        var messy = _mix switch
        {
            RecordMix.Clean => false,
            RecordMix.Messy => true,
            _ => Chance(0.45),
        };

        var roll = _random.NextDouble();
        var scenario = roll switch
        {
            < 0.40 => "ToB",
            < 0.65 => "ToC",
            < 0.80 => "Project",
            _ => "ECommerce",
        };

        return new Builder(this, scenario, messy).Build($"GEN-{_count:D7}");
    }

    private bool Chance(double probability) => _random.NextDouble() < probability;

    private T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    private int Between(int min, int maxInclusive) => _random.Next(min, maxInclusive + 1);

    private static string Date(DateTimeOffset at) => at.ToString("M 月 d 日", CultureInfo.InvariantCulture);

    /// <summary>Builds one record; a class so the record's facts (names, dates, risks) stay consistent across its parts.</summary>
    private sealed class Builder(SampleRecords g, string scenario, bool messy)
    {
        private readonly bool _business = scenario is "ToB" or "Project";
        private readonly string _owner = g.Pick(Surnames) + g.Pick(GivenNames);
        private readonly string _contact = g.Pick(Surnames) + g.Pick(GivenNames);
        private readonly (string Title, DecisionRole Role) _title = g.Pick(Titles);
        private readonly (string Industry, string Suffix, string Product, string Unit) _industry = g.Pick(Industries);
        private readonly List<RiskNote> _risks = [];
        private string _quantity = "";
        private string _budget = "";
        private (string Need, string Quantity, string Budget, string OrderStatus, string AfterSales) _shop;

        public FollowUpRecord Build(string id)
        {
            var stage = g.Pick(Stages);
            var needs = Needs(); // first: the communication summaries quote its quantity and budget
            var communications = Communications(stage);
            var lastContact = communications.Count > 0 ? communications[^1].At.Resolve(TimeSpan.FromHours(8)) ?? Now : Now.AddDays(-3);
            return new FollowUpRecord
            {
                Id = id,
                Scenario = messy && g.Chance(0.05) ? null : scenario,
                RecordedAt = RecordedAt(lastContact),
                Owner = Messy(0.15) ? Missing() : _owner,
                Customer = Customer(),
                Needs = needs,
                Communications = communications,
                Progress = Progress(stage, lastContact),
                Attachments = Attachments(stage),
                Risks = messy && g.Chance(0.6) ? (g.Chance(0.5) ? null : []) : _risks,
                Custom = Custom(),
            };
        }

        private bool Messy(double probability) => messy && g.Chance(probability);

        /// <summary>A missing value: absent, or a bare placeholder; sometimes acknowledged as unknown instead.</summary>
        private string? Missing() => g.Chance(0.3) ? g.Pick(Acknowledgements) : g.Chance(0.5) ? null : g.Pick(Placeholders);

        private string? Field(string value, double missing = 0.12) => Messy(missing) ? Missing() : value;

        private Customer Customer()
        {
            var company = _business
                ? g.Pick(Cities) + g.Pick(NameCores) + _industry.Suffix
                : scenario == "ECommerce" ? $"{g.Pick(NameCores)}茶饮（{g.Pick(Cities)}）" : null;
            var phone = $"138{g.Between(0, 99_999_999):D8}";
            var role = Messy(0.15)
                ? EnumValue<DecisionRole>.Parse(g.Pick(OddDecisionRoles))
                : Messy(0.15) ? default : EnumValue<DecisionRole>.FromEnum(_title.Role);
            return new Customer
            {
                Name = Field(_contact),
                Company = company is null ? null : Field(messy && g.Chance(0.1) ? company.Replace("科技", "ＫＪ科技", StringComparison.Ordinal) : company),
                Industry = _business ? Field(_industry.Industry) : null,
                CompanySize = _business ? Field(g.Pick(CompanySizes), 0.25) : null,
                ContactTitle = _business ? Field(_title.Title) : null,
                DecisionRole = _business || g.Chance(0.3) ? role : default(EnumValue<DecisionRole>),
                Source = Field(scenario switch
                {
                    "ToC" => g.Pick(ConsumerSources),
                    "ECommerce" => g.Pick(ShopSources),
                    _ => g.Pick(BusinessSources),
                }),
                Level = Field(g.Pick(Levels), 0.2),
                Phone = Messy(0.3) ? null : phone,
                Email = g.Chance(messy ? 0.3 : 0.6) ? $"contact{g.Between(1, 9999)}@example.cn" : null,
                WeChat = g.Chance(messy ? 0.3 : 0.5) ? $"wx_{g.Between(100_000, 999_999)}" : null,
            };
        }

        private CustomerNeeds Needs()
        {
            string summary;
            if (scenario == "ToC")
            {
                (summary, _quantity, _budget) = g.Pick(ConsumerNeeds);
            }
            else if (scenario == "ECommerce")
            {
                _shop = g.Pick(ShopNeeds);
                (summary, _quantity, _budget) = (_shop.Need, _shop.Quantity, _shop.Budget);
            }
            else
            {
                var units = g.Between(2, 60) * 10;
                summary = $"{_industry.Product}，共 {units} 个{_industry.Unit}";
                _quantity = $"{_industry.Unit} {units} 个";
                _budget = $"{g.Between(8, 300)}万（含实施和一年运维）";
            }

            var changed = _business && g.Chance(0.3);
            return new CustomerNeeds
            {
                Summary = Messy(0.3) ? g.Pick(VagueSummaries) : Messy(0.1) ? Missing() : summary,
                Quantity = Field(_quantity, 0.3),
                Budget = Messy(0.35) ? (g.Chance(0.5) ? g.Pick(Acknowledgements) : Missing()) : _budget,
                PainPoints = Messy(0.4) ? null : [.. Enumerable.Range(0, g.Between(1, 2)).Select(_ => g.Pick(scenario switch
                {
                    "ToC" => ConsumerPainPoints,
                    "ECommerce" => ShopPainPoints,
                    _ => PainPoints,
                })).Distinct()],
                Concerns = Messy(0.4) ? [] : [.. Enumerable.Range(0, g.Between(0, 2)).Select(_ => g.Pick(Concerns)).Distinct()],
                Changes = changed && !Messy(0.6)
                    ? [new NeedsChange { At = Now.AddDays(-g.Between(5, 20)), Description = $"数量从 {g.Between(10, 50)} 增至 {g.Between(60, 200)}，预算同步上调" }]
                    : null,
            };
        }

        private List<Communication> Communications(DealStage stage)
        {
            var count = messy && g.Chance(0.1) ? 0 : g.Between(1, stage >= DealStage.ProposalSent ? 4 : 2);
            var stale = Messy(0.3);
            var latest = Now.AddDays(-(stale ? g.Between(10, 60) : g.Between(0, 2))).AddHours(-g.Between(1, 8));
            var times = new DateTimeOffset[count];
            for (var i = count - 1; i >= 0; i--)
            {
                times[i] = i == count - 1 ? latest : times[i + 1].AddDays(-g.Between(2, 6)).AddHours(-g.Between(0, 5));
            }

            var contacts = new List<Communication>(count);
            for (var i = 0; i < count; i++)
            {
                var when = times[i];
                var contact = _business && i == count - 1 && g.Chance(0.5) ? g.Pick(Surnames) + g.Pick(GivenNames) : _contact;
                contacts.Add(new Communication
                {
                    At = When(when),
                    Channel = Messy(0.15) ? EnumValue<ContactChannel>.Parse(g.Pick(OddChannels)) : Messy(0.1) ? default : EnumValue<ContactChannel>.FromEnum(g.Pick(Channels)),
                    Contact = Field(contact, 0.2),
                    ContactTitle = _business ? Field(_title.Title, 0.3) : null,
                    ContactRole = _business && !Messy(0.3) ? (contact == _contact ? _title.Role : DecisionRole.DecisionMaker) : default(EnumValue<DecisionRole>),
                    Summary = Summary(when),
                    Feedback = Messy(0.2) ? default(EnumValue<CustomerFeedback>) : g.Pick(Feedbacks),
                    Objections = g.Chance(0.2) ? Risk(when) : null,
                });
            }

            return contacts;
        }

        private string? Summary(DateTimeOffset when)
        {
            if (Messy(0.5))
            {
                return g.Chance(0.1) ? Missing() : g.Pick(VagueSummaries) + (g.Chance(0.3) ? "，" + Risk(when, answered: false) : "");
            }

            var summary = g.Pick(scenario switch
                {
                    "ToC" => ConsumerSummaries,
                    "ECommerce" => ShopSummaries,
                    _ => ConcreteSummaries,
                })
                .Replace("{m}", g.Between(10, 90).ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{q}", _quantity, StringComparison.Ordinal)
                .Replace("{b}", _budget, StringComparison.Ordinal)
                .Replace("{c}", _contact, StringComparison.Ordinal)
                .Replace("{d}", Date(when.AddDays(g.Between(3, 10))), StringComparison.Ordinal);
            return g.Chance(0.25) ? summary + "；" + Risk(when) : summary;
        }

        /// <summary>A risk phrase; a clean record answers it with a <c>risks</c> entry and a countermeasure, a messy one may not.</summary>
        private string Risk(DateTimeOffset when, bool answered = true)
        {
            var (phrase, kind, countermeasure) = g.Pick(RiskPhrases);
            if (answered && !Messy(0.5))
            {
                _risks.Add(new RiskNote
                {
                    Kind = kind,
                    Description = phrase,
                    Countermeasure = Messy(0.3) ? g.Pick(VagueNextActions) : countermeasure.Replace("{d}", Date(when.AddDays(g.Between(2, 7))), StringComparison.Ordinal),
                });
            }

            return phrase;
        }

        private DealProgress Progress(DealStage stage, DateTimeOffset lastContact)
        {
            var open = stage is not (DealStage.Signed or DealStage.Lost);
            var overdue = Messy(0.3);
            var due = overdue ? Now.AddDays(-g.Between(1, 20)) : Now.AddDays(g.Between(1, 14));
            var dueAt = new DateTimeOffset(due.Year, due.Month, due.Day, 18, 0, 0, TimeSpan.FromHours(8));
            return new DealProgress
            {
                Stage = Messy(0.1) ? EnumValue<DealStage>.Parse(g.Chance(0.5) ? "方案已发" : "谈判中") : EnumValue<DealStage>.FromEnum(stage),
                StageSince = Messy(0.2) ? default : When(lastContact.AddDays(-g.Between(0, messy ? 60 : 10))),
                NextAction = Messy(0.35)
                    ? (g.Chance(0.3) ? Missing() : g.Pick(VagueNextActions))
                    : open
                        ? $"{Date(dueAt)}前提交正式报价单，并约{_contact}做产品演示"
                        : stage == DealStage.Signed ? $"{Date(dueAt)}安排实施启动会，交付清单发客户确认" : "归档，3 个月后回访",
                NextActionDue = Messy(0.25) ? (g.Chance(0.3) ? Timestamp.Parse("下周三") : default) : When(dueAt),
                NextActionOwner = Messy(0.3) ? Missing() : _owner,
            };
        }

        private List<Attachment>? Attachments(DealStage stage)
        {
            if (Messy(0.5))
            {
                return g.Chance(0.5) ? null : [];
            }

            var attachments = new List<Attachment>();
            if (stage >= DealStage.ProposalSent || scenario == "Project")
            {
                var name = scenario switch
                {
                    "ToC" => "设计方案",
                    "ECommerce" => "企业采购清单",
                    _ => _industry.Industry + "解决方案",
                };
                attachments.Add(new Attachment { Kind = AttachmentKind.Proposal, Name = $"{name}V{g.Between(1, 3)}.pdf", Uri = $"https://crm.example.com/files/{g.Between(1000, 9999)}/proposal.pdf" });
                if (g.Chance(0.6))
                {
                    attachments.Add(new Attachment { Kind = AttachmentKind.Quote, Name = "正式报价单.xlsx", Uri = $"https://crm.example.com/files/{g.Between(1000, 9999)}/quote.xlsx" });
                }
            }

            if (stage == DealStage.Signed)
            {
                attachments.Add(new Attachment { Kind = AttachmentKind.Contract, Name = "销售合同-盖章版.pdf", Uri = $"https://crm.example.com/files/{g.Between(1000, 9999)}/contract.pdf" });
            }

            if (g.Chance(0.3))
            {
                attachments.Add(new Attachment { Kind = AttachmentKind.Other, Name = "现场调研纪要.docx", Uri = $"https://crm.example.com/files/{g.Between(1000, 9999)}/notes.docx" });
            }

            return attachments;
        }

        private Dictionary<string, string?>? Custom()
        {
            switch (scenario)
            {
                case "ECommerce":
                    return new Dictionary<string, string?>(StringComparer.Ordinal)
                    {
                        ["orderStatus"] = Field(string.Format(CultureInfo.InvariantCulture, _shop.OrderStatus, g.Between(1_000_000_000, 1_999_999_999)), 0.3),
                        ["afterSales"] = Field(_shop.AfterSales, 0.3),
                    };
                case "Project":
                    var start = Now.AddDays(g.Between(10, 40));
                    return new Dictionary<string, string?>(StringComparer.Ordinal)
                    {
                        ["milestones"] = Field($"{Date(start)}开标；{Date(start.AddDays(12))}签约；{Date(start.AddDays(60))}一期上线；{Date(start.AddDays(120))}终验", 0.3),
                    };
                default:
                    return null;
            }
        }

        private Timestamp RecordedAt(DateTimeOffset lastContact)
        {
            if (Messy(0.1))
            {
                return g.Chance(0.5) ? default : Timestamp.Parse("昨天下午");
            }

            var at = lastContact.AddHours(Messy(0.4) ? g.Between(30, 120) : g.Between(0, 6));
            return When(at > Now ? Now : at);
        }

        /// <summary>A timestamp, written as the CRM would: usually with its offset, in a messy record sometimes as local clock text.</summary>
        private Timestamp When(DateTimeOffset at) =>
            Messy(0.2) ? Timestamp.Parse(at.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture)) : at;
    }
}
