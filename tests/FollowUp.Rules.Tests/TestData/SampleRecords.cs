namespace FollowUp.Rules.Tests.TestData;

/// <summary>
/// Records that meet every requirement of their profile at <see cref="TestClock.Now"/>: each step scores 100 and there is no
/// completeness finding. Tests take one and change the one thing they are about, so the expected result follows from that change.
/// The texts are concrete (names, dates, amounts, quantities) and free of risk words, so no other analysis comments on them.
/// </summary>
internal static class SampleRecords
{
    /// <summary>A ToB deal at ProposalSent, with the proposal attached and a next action due in six days.</summary>
    public static FollowUpRecord CompleteToB() => new()
    {
        Id = "FU-T-0001",
        Scenario = "ToB",
        RecordedAt = new DateTimeOffset(2026, 11, 25, 19, 30, 0, TestClock.ChinaOffset),
        Owner = "陈晓东",
        Customer = new Customer
        {
            Name = "周立群",
            Company = "苏州启衡精密机械有限公司",
            Industry = "精密零部件制造",
            CompanySize = "300-500人",
            ContactTitle = "采购经理",
            DecisionRole = DecisionRole.Influencer,
            Source = "2026 工博会展位",
            Level = "A",
            Phone = "13800001001",
            Email = "zhouliqun@example.cn",
            WeChat = "zlq_qiheng",
        },
        Needs = new CustomerNeeds
        {
            Summary = "上线 WMS 管理原料仓、半成品仓、成品仓 3 个仓库共 1.2 万个 SKU",
            Quantity = "WMS 授权 60 用户，手持终端 40 台",
            Budget = "80万（含实施和一年运维）",
            PainPoints = ["三仓账实不符，月度盘点差异率 3%"],
            Concerns = ["上线周期不超过 3 个月"],
        },
        Communications =
        [
            new Communication
            {
                At = new DateTimeOffset(2026, 11, 19, 10, 0, 0, TestClock.ChinaOffset),
                Channel = ContactChannel.Visit,
                Contact = "周立群",
                ContactTitle = "采购经理",
                ContactRole = DecisionRole.Influencer,
                Summary = "上门拜访 2 小时，现场看了原料仓和成品仓，确认三仓共 1.2 万个 SKU",
                Feedback = CustomerFeedback.Satisfied,
            },
            new Communication
            {
                At = new DateTimeOffset(2026, 11, 25, 15, 0, 0, TestClock.ChinaOffset),
                Channel = ContactChannel.Meeting,
                Contact = "沈建国",
                ContactTitle = "副总经理",
                ContactRole = DecisionRole.DecisionMaker,
                Summary = "向沈总汇报实施方案 V2 共 90 分钟，沈总确认预算 80 万，要求 12 月 2 日前提交分期付款报价单",
                Feedback = CustomerFeedback.Pending,
            },
        ],
        Progress = new DealProgress
        {
            Stage = DealStage.ProposalSent,
            StageSince = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TestClock.ChinaOffset),
            NextAction = "12 月 2 日前提交分期付款报价单（首付 40%），约沈总 12 月 4 日来我司看 WMS 演示",
            NextActionDue = new DateTimeOffset(2026, 12, 2, 18, 0, 0, TestClock.ChinaOffset),
            NextActionOwner = "陈晓东",
        },
        Attachments = [new Attachment { Kind = AttachmentKind.Proposal, Name = "启衡WMS实施方案V2.pdf", Uri = "https://crm.example.com/files/wms-v2.pdf" }],
    };

    /// <summary>A ToC customer at NeedsConfirmed: a name, a source, one contact channel and a needs summary.</summary>
    public static FollowUpRecord CompleteToC() => new()
    {
        Id = "FU-T-0002",
        Scenario = "ToC",
        RecordedAt = new DateTimeOffset(2026, 11, 25, 21, 0, 0, TestClock.ChinaOffset),
        Owner = "林小雨",
        Customer = new Customer { Name = "王女士", Source = "小红书私信", WeChat = "wang_2026" },
        Needs = new CustomerNeeds { Summary = "给 90 平米的新房选 3 台变频空调，12 月 20 日前安装" },
        Communications =
        [
            new Communication
            {
                At = new DateTimeOffset(2026, 11, 25, 20, 0, 0, TestClock.ChinaOffset),
                Channel = ContactChannel.WeChat,
                Summary = "微信发了 3 款机型的参数和价格表，王女士选定 1.5 匹和 3 匹两款，周六 14 点到门店看样机",
                Feedback = CustomerFeedback.Satisfied,
            },
        ],
        Progress = new DealProgress
        {
            Stage = DealStage.NeedsConfirmed,
            StageSince = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TestClock.ChinaOffset),
            NextAction = "周六 14 点在门店接待王女士看样机，确认 3 台的型号和安装日期",
            NextActionDue = new DateTimeOffset(2026, 11, 28, 14, 0, 0, TestClock.ChinaOffset),
            NextActionOwner = "林小雨",
        },
    };

    /// <summary>A Project deal: the ToB record plus milestones, noted risk points and attachments.</summary>
    public static FollowUpRecord CompleteProject() => CompleteToB() with
    {
        Id = "FU-T-0003",
        Scenario = "Project",
        Risks = [new RiskNote { Kind = "Delay", Description = "客户机房 12 月 10 日才能完成改造", Countermeasure = "12 月 1 日前与客户 IT 确认改造排期，实施团队按 12 月 11 日进场排班" }],
        Custom = new Dictionary<string, string?> { ["milestones"] = "12 月 11 日进场，次年 1 月 15 日上线，2 月 28 日验收" },
    };

    /// <summary>An e-commerce order: the ToC record plus order status and after-sales.</summary>
    public static FollowUpRecord CompleteECommerce() => CompleteToC() with
    {
        Id = "FU-T-0004",
        Scenario = "ECommerce",
        Custom = new Dictionary<string, string?>
        {
            ["orderStatus"] = "订单 20261125-0831 已发货，顺丰 SF1234567890",
            ["afterSales"] = "12 月 20 日上门安装 3 台，安装后 7 天内回访",
        },
    };

    /// <summary>The complete record of a built-in profile, by name.</summary>
    public static FollowUpRecord CompleteFor(string profile) => profile switch
    {
        "ToB" => CompleteToB(),
        "ToC" => CompleteToC(),
        "Project" => CompleteProject(),
        "ECommerce" => CompleteECommerce(),
        _ => throw new ArgumentOutOfRangeException(nameof(profile), profile, "Not a built-in profile."),
    };

    public static FollowUpRecord WithCustomer(this FollowUpRecord record, Func<Customer, Customer> change) =>
        record with { Customer = change(record.Customer ?? new Customer()) };

    public static FollowUpRecord WithNeeds(this FollowUpRecord record, Func<CustomerNeeds, CustomerNeeds> change) =>
        record with { Needs = change(record.Needs ?? new CustomerNeeds()) };

    public static FollowUpRecord WithProgress(this FollowUpRecord record, Func<DealProgress, DealProgress> change) =>
        record with { Progress = change(record.Progress ?? new DealProgress()) };

    /// <summary>Changes every communication of the record.</summary>
    public static FollowUpRecord WithCommunications(this FollowUpRecord record, Func<Communication, Communication> change) =>
        record with { Communications = [.. (record.Communications ?? []).Select(change)] };

    public static FollowUpRecord WithAttachments(this FollowUpRecord record, params AttachmentKind[] kinds) =>
        record with { Attachments = [.. kinds.Select(k => new Attachment { Kind = k, Name = $"{k}.pdf", Uri = $"https://crm.example.com/files/{k}.pdf" })] };

    public static FollowUpRecord WithCustom(this FollowUpRecord record, string name, string? value)
    {
        var custom = new Dictionary<string, string?>(record.Custom ?? new Dictionary<string, string?>()) { [name] = value };
        return record with { Custom = custom };
    }

    public static FollowUpRecord WithoutCustom(this FollowUpRecord record, string name)
    {
        var custom = new Dictionary<string, string?>(record.Custom ?? new Dictionary<string, string?>());
        custom.Remove(name);
        return record with { Custom = custom };
    }
}
