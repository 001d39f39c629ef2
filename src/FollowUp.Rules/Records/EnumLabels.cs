using System.Collections.Frozen;
using FollowUp.Rules.Language;

namespace FollowUp.Rules;

/// <summary>The English names and Chinese labels by which each record enumeration is recognised.</summary>
internal static class EnumLabels<TEnum>
    where TEnum : struct, Enum
{
    private static readonly FrozenDictionary<string, TEnum> ByText = Build();

    /// <summary>
    /// Every name and label folded as the lexicon reads text (Traditional to Simplified, full-width, case), keyed on that
    /// form and looked up by span, so text no label names (most often a note, not a label) is folded on the stack.
    /// </summary>
    private static readonly FrozenDictionary<string, TEnum>.AlternateLookup<ReadOnlySpan<char>> ByFoldedText = ByText
        .GroupBy(entry => EnumLabelCatalog.FoldedKey(entry.Key), StringComparer.Ordinal)
        .ToFrozenDictionary(group => group.Key, group => group.First().Value, StringComparer.Ordinal)
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The length of the longest folded name or label: longer text is none, and is not folded.</summary>
    private static readonly int LongestFoldedText = ByFoldedText.Dictionary.Keys.Max(key => key.Length);

    private static readonly FrozenDictionary<TEnum, string> Names =
        Enum.GetValues<TEnum>().ToFrozenDictionary(v => v, v => v.ToString());

    private static readonly System.Buffers.SearchValues<char> WordSeparators = System.Buffers.SearchValues.Create(" _-");

    /// <summary>
    /// Recognises a name or label; an English name may be written in words (Proposal Sent, closed_won, Closed-Lost), and a
    /// label in Traditional characters no label lists (視頻會議, 等客戶回復) is read as its Simplified spelling.
    /// </summary>
    public static bool TryParse(string text, out TEnum value)
    {
        var trimmed = text.Trim();
        if (ByText.TryGetValue(trimmed, out value))
        {
            return true;
        }

        var joined = trimmed.AsSpan().ContainsAny(WordSeparators) ? EnumLabelCatalog.Joined(trimmed) : trimmed;
        return (!ReferenceEquals(joined, trimmed) && ByText.TryGetValue(joined, out value)) || TryGetFolded(joined, out value);
    }

    public static string NameOf(TEnum value) => Names.TryGetValue(value, out var name) ? name : value.ToString();

    /// <summary>Gets every member's name, comma-separated, for messages that list the known values.</summary>
    public static string NameList { get; } = string.Join(", ", Enum.GetNames<TEnum>());

    private static bool TryGetFolded(string text, out TEnum value)
    {
        if (text.Length > LongestFoldedText)
        {
            value = default;
            return false;
        }

        Span<char> folded = stackalloc char[text.Length];
        EnumLabelCatalog.Fold(text, folded);
        return ByFoldedText.TryGetValue(folded, out value);
    }

    private static FrozenDictionary<string, TEnum> Build()
    {
        var map = new Dictionary<string, TEnum>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in Enum.GetValues<TEnum>())
        {
            map[value.ToString()] = value;
        }

        foreach (var (label, member) in EnumLabelCatalog.LabelsFor(typeof(TEnum)))
        {
            map[label] = Enum.Parse<TEnum>(member);
        }

        return map.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }
}

/// <summary>Chinese labels (Simplified, Traditional and the synonyms CRMs store) for each enumeration member.</summary>
internal static class EnumLabelCatalog
{
    private static readonly (string Label, string Member)[] DecisionRoles =
    [
        ("决策人", "DecisionMaker"), ("決策人", "DecisionMaker"), ("决策者", "DecisionMaker"), ("決策者", "DecisionMaker"),
        ("拍板人", "DecisionMaker"), ("Decision Maker", "DecisionMaker"), ("Decision-Maker", "DecisionMaker"),
        ("影响者", "Influencer"), ("影響者", "Influencer"), ("影响人", "Influencer"), ("影響人", "Influencer"),
        ("使用者", "User"), ("使用人", "User"), ("用户", "User"), ("用戶", "User"),
        ("把关人", "Gatekeeper"), ("把關人", "Gatekeeper"), ("守门人", "Gatekeeper"), ("守門人", "Gatekeeper"),
        ("未知", "Unknown"), ("不明", "Unknown"),
    ];

    private static readonly (string Label, string Member)[] Channels =
    [
        ("电话", "Phone"), ("電話", "Phone"), ("手机", "Phone"), ("手機", "Phone"), ("Tel", "Phone"), ("Call", "Phone"),
        ("微信", "WeChat"), ("企业微信", "WeChat"), ("企業微信", "WeChat"), ("Weixin", "WeChat"),
        ("面谈", "Visit"), ("面談", "Visit"), ("拜访", "Visit"), ("拜訪", "Visit"), ("上门", "Visit"), ("上門", "Visit"),
        ("面谈/拜访", "Visit"), ("面談/拜訪", "Visit"), ("当面", "Visit"), ("當面", "Visit"), ("In person", "Visit"),
        ("到店", "Visit"), ("进店", "Visit"), ("進店", "Visit"), ("门店", "Visit"), ("門店", "Visit"), ("来访", "Visit"), ("來訪", "Visit"),
        ("上门拜访", "Visit"), ("上門拜訪", "Visit"), ("实地拜访", "Visit"), ("實地拜訪", "Visit"), ("拜会", "Visit"), ("拜會", "Visit"),
        ("邮件", "Email"), ("郵件", "Email"), ("电子邮件", "Email"), ("電子郵件", "Email"), ("E-mail", "Email"), ("Mail", "Email"),
        ("电邮", "Email"), ("電郵", "Email"),
        ("会议", "Meeting"), ("會議", "Meeting"), ("视频会议", "Meeting"), ("視訊會議", "Meeting"), ("线上会议", "Meeting"),
        ("線上會議", "Meeting"),

        // A meeting is one whatever carries it: by video as Hong Kong (視像) and Taiwan (視訊) name it, online (網上 in Hong
        // Kong), in a meeting app, and by phone (电话会议, a conference call: booked, with several people, like the others,
        // unlike the call the Phone member names). Names of more than one word are listed joined, as they are looked up.
        ("视像会议", "Meeting"), ("視像會議", "Meeting"), ("网上会议", "Meeting"), ("網上會議", "Meeting"), ("在线会议", "Meeting"),
        ("在線會議", "Meeting"), ("电话会议", "Meeting"), ("電話會議", "Meeting"), ("腾讯会议", "Meeting"), ("騰訊會議", "Meeting"),
        ("Zoom", "Meeting"), ("Zoom会议", "Meeting"), ("Zoom會議", "Meeting"), ("Teams", "Meeting"), ("MicrosoftTeams", "Meeting"),
        ("MSTeams", "Meeting"), ("Teams会议", "Meeting"), ("Teams會議", "Meeting"), ("GoogleMeet", "Meeting"), ("Webex", "Meeting"),
        ("ConferenceCall", "Meeting"),
        ("其他", "Other"), ("其它", "Other"),

        // Channels with no member of their own (text messages, shop and chat apps) are Other, not unknown text.
        ("短信", "Other"), ("簡訊", "Other"), ("短訊", "Other"), ("SMS", "Other"), ("千牛", "Other"), ("旺旺", "Other"), ("阿里旺旺", "Other"),
        ("抖店", "Other"), ("在线客服", "Other"), ("線上客服", "Other"), ("钉钉", "Other"), ("釘釘", "Other"), ("飞书", "Other"), ("飛書", "Other"), ("QQ", "Other"),
        ("WhatsApp", "Other"), ("LINE", "Other"), ("Signal", "Other"), ("Telegram", "Other"),

        // Shop and content platforms' own messaging (Douyin, Xiaohongshu, JD's 咚咚, Pinduoduo, Taobao's 旺旺) and a live
        // stream's chat are Other; WeCom (企微) and WeChat Channels (视频号, whose messages and orders reach the seller inside
        // WeChat) are WeChat. A return call (电话回访) is a call.
        ("抖音", "Other"), ("抖音私信", "Other"), ("Douyin", "Other"), ("小红书", "Other"), ("小紅書", "Other"), ("Xiaohongshu", "Other"),
        ("咚咚", "Other"), ("京东咚咚", "Other"), ("京東咚咚", "Other"), ("拼多多", "Other"), ("Pinduoduo", "Other"),
        ("淘宝旺旺", "Other"), ("淘寶旺旺", "Other"), ("直播间", "Other"), ("直播間", "Other"),
        ("企微", "WeChat"), ("WeCom", "WeChat"), ("视频号", "WeChat"), ("視頻號", "WeChat"), ("微信视频号", "WeChat"), ("微信視頻號", "WeChat"),
        ("电话回访", "Phone"), ("電話回訪", "Phone"),
    ];

    private static readonly (string Label, string Member)[] Feedback =
    [
        ("满意", "Satisfied"), ("滿意", "Satisfied"),
        ("不满", "Dissatisfied"), ("不滿", "Dissatisfied"), ("不满意", "Dissatisfied"), ("不滿意", "Dissatisfied"),
        ("待定", "Pending"), ("未定", "Pending"), ("待回复", "Pending"), ("待回覆", "Pending"), ("TBD", "Pending"), ("Undecided", "Pending"),

        // A reply awaited is a reaction not given yet, as 待回复 is: read as text, such a waiting phrase said the feedback was
        // not known (a finding asking to fill it in), and "no reply yet" raised NoResponse, though the contact took place.
        ("等待回复", "Pending"), ("等待回覆", "Pending"), ("等回复", "Pending"), ("等回覆", "Pending"), ("等客户回复", "Pending"),
        ("等客戶回覆", "Pending"), ("待客户回复", "Pending"), ("待客戶回覆", "Pending"), ("等待客户回复", "Pending"),
        ("等待客戶回覆", "Pending"), ("待反馈", "Pending"), ("待反饋", "Pending"), ("AwaitingReply", "Pending"),
        ("AwaitingResponse", "Pending"), ("WaitingForReply", "Pending"), ("NoReplyYet", "Pending"),
        ("未知", "Unknown"),
    ];

    /// <summary>
    /// Stage labels of signed business whose work is still open: an order paid and not yet shipped or received, an
    /// after-sales case (return, refund, exchange, reshipment) and a project being delivered. Each reads as Signed, and a
    /// record in one has its next action and due date checked as an open stage's are (<see cref="NamesOpenWorkAfterSigning"/>).
    /// </summary>
    private static readonly string[] OpenWorkAfterSigning =
    [
        "已付款", "待发货", "待發貨", "已发货", "已發貨", "待收货", "待收貨", "配送中", "运输中", "運輸中",
        "售后中", "售後中", "售后处理中", "售後處理中", "退货中", "退貨中", "退货处理中", "退貨處理中", "退款中", "退款处理中", "退款處理中",
        "退货退款中", "退貨退款中", "换货中", "換貨中", "换货处理中", "換貨處理中", "退换货中", "退換貨中", "补发中", "補發中", "待补发", "待補發",
        "实施中", "實施中", "交付中",
        "AwaitingShipment", "Shipped", "InTransit", "AfterSales", "Returning", "Refunding", "Exchanging", "Reshipping", "Implementing", "Delivering",
    ];

    /// <summary>The labels of <see cref="OpenWorkAfterSigning"/> in their <see cref="LookupKey"/> form, looked up by span.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OpenWorkKeys = KeySet(OpenWorkAfterSigning);

    /// <summary>
    /// After-sales statuses of work done (已完成, 已退款, 已处理, 已解决, 已补发, 已换货, 售后完结 and kin, Completed, Refunded,
    /// Resolved): in an after-sales field that logs a case's statuses, latest last (退货中；已退款), one of these after an open
    /// one says the case is closed (<see cref="RecordLabels.AfterSalesNamesOpenWork"/>). Not stage labels.
    /// </summary>
    private static readonly string[] FinishedAfterSalesWork =
    [
        "已完成", "完成", "售后完成", "售后完结", "已处理", "处理完成", "处理完毕", "已解决", "已退款", "退款成功", "退款完成",
        "已退货", "退货完成", "已换货", "换货完成", "已补发", "补发完成", "已关闭", "已结束",
        "Completed", "Done", "Resolved", "Closed", "Refunded", "Exchanged", "Reshipped",
    ];

    /// <summary>The labels of <see cref="FinishedAfterSalesWork"/> in their <see cref="LookupKey"/> form, looked up by span.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FinishedWorkKeys = KeySet(FinishedAfterSalesWork);

    /// <summary>The longest text whose lookup key is made on the stack; a longer one, most often a note rather than a label, on the heap.</summary>
    private const int LongestStackKey = 128;

    private static readonly (string Label, string Member)[] Stages =
    [

        ("初步沟通", "Initial"), ("初步溝通", "Initial"), ("初次沟通", "Initial"), ("初次溝通", "Initial"), ("初步接触", "Initial"),
        ("初步接觸", "Initial"),
        ("需求确认", "NeedsConfirmed"), ("需求確認", "NeedsConfirmed"), ("需求已确认", "NeedsConfirmed"), ("需求已確認", "NeedsConfirmed"),
        ("方案已发", "ProposalSent"), ("方案已發", "ProposalSent"), ("已发方案", "ProposalSent"), ("已發方案", "ProposalSent"),
        ("方案报价", "ProposalSent"), ("方案報價", "ProposalSent"),
        ("等待反馈", "AwaitingFeedback"), ("等待反饋", "AwaitingFeedback"), ("待反馈", "AwaitingFeedback"), ("待反饋", "AwaitingFeedback"),

        // Waiting on the customer, as CRMs name the stage (Hong Kong and Taiwan write 回覆 and 回應). Read as a label first, a
        // stage names it; only text no label names is read for what it says, where a bare waiting phrase would say the stage
        // is not known yet.
        ("等待回复", "AwaitingFeedback"), ("等待回覆", "AwaitingFeedback"), ("待回复", "AwaitingFeedback"), ("待回覆", "AwaitingFeedback"),
        ("等回复", "AwaitingFeedback"), ("等回覆", "AwaitingFeedback"), ("等客户回复", "AwaitingFeedback"), ("等客戶回覆", "AwaitingFeedback"),
        ("待客户回复", "AwaitingFeedback"), ("待客戶回覆", "AwaitingFeedback"), ("等待客户回复", "AwaitingFeedback"),
        ("等待客戶回覆", "AwaitingFeedback"), ("等客户反馈", "AwaitingFeedback"), ("等客戶反饋", "AwaitingFeedback"),
        ("待客户反馈", "AwaitingFeedback"), ("待客戶反饋", "AwaitingFeedback"), ("等待客户反馈", "AwaitingFeedback"),
        ("等待客戶反饋", "AwaitingFeedback"), ("等待回应", "AwaitingFeedback"), ("等待回應", "AwaitingFeedback"),
        ("等客户回应", "AwaitingFeedback"), ("等客戶回應", "AwaitingFeedback"), ("等待客户回应", "AwaitingFeedback"),
        ("等待客戶回應", "AwaitingFeedback"),

        // Waiting on the customer's approval, confirmation or purchasing department, as CRMs name the stage: the next move is
        // the customer's, as it is while a reply is awaited (等老闆批覆 is the customer's boss; a discount our side must approve
        // is written as a next action, not a stage).
        ("等老板批复", "AwaitingFeedback"), ("等老闆批覆", "AwaitingFeedback"), ("等审批", "AwaitingFeedback"), ("等審批", "AwaitingFeedback"),
        ("待审批", "AwaitingFeedback"), ("待審批", "AwaitingFeedback"), ("审批中", "AwaitingFeedback"), ("審批中", "AwaitingFeedback"),
        ("客户内部审批中", "AwaitingFeedback"), ("客戶內部審批中", "AwaitingFeedback"), ("等客户确认", "AwaitingFeedback"),
        ("等客戶確認", "AwaitingFeedback"), ("待客户确认", "AwaitingFeedback"), ("待客戶確認", "AwaitingFeedback"),
        ("等采购", "AwaitingFeedback"), ("等採購", "AwaitingFeedback"), ("PendingApproval", "AwaitingFeedback"),
        ("AwaitingApproval", "AwaitingFeedback"), ("AwaitingCustomerConfirmation", "AwaitingFeedback"),
        ("商务谈判", "Negotiation"), ("商務談判", "Negotiation"), ("谈判", "Negotiation"), ("談判", "Negotiation"),
        ("已签约", "Signed"), ("已簽約", "Signed"), ("签约", "Signed"), ("簽約", "Signed"), ("成交", "Signed"), ("赢单", "Signed"),
        ("贏單", "Signed"), ("Won", "Signed"),
        ("已流失", "Lost"), ("流失", "Lost"), ("丢单", "Lost"), ("丟單", "Lost"), ("输单", "Lost"), ("輸單", "Lost"),

        // Tender and pricing stages: a bid sent or a price being quoted is a proposal sent; an award, or a price being
        // bargained over (議價中, as Taiwan CRMs name the stage), is the contract's negotiation.
        ("投标", "ProposalSent"), ("投標", "ProposalSent"), ("已投标", "ProposalSent"), ("已投標", "ProposalSent"),
        ("已报价", "ProposalSent"), ("已報價", "ProposalSent"), ("报价中", "ProposalSent"), ("報價中", "ProposalSent"),
        ("议价中", "Negotiation"), ("議價中", "Negotiation"),
        ("中标", "Negotiation"), ("中標", "Negotiation"), ("已中标", "Negotiation"), ("已中標", "Negotiation"),
        ("未中标", "Lost"), ("未中標", "Lost"), ("没中标", "Lost"), ("沒中標", "Lost"), ("落标", "Lost"), ("落標", "Lost"),

        // After the contract: delivery, acceptance and payment of a project, and an order's life on a shop platform, are all
        // signed business (those still in progress are listed in OpenWorkAfterSigning); a platform's closed trade (交易关闭:
        // cancelled or refunded before completion) is a lost one.
        ("已上线", "Signed"), ("已上線", "Signed"),
        ("已验收", "Signed"), ("已驗收", "Signed"), ("已回款", "Signed"),
        ("已签收", "Signed"), ("已簽收", "Signed"), ("交易成功", "Signed"), ("交易完成", "Signed"), ("已成交", "Signed"), ("已完成", "Signed"),
        ("售后完结", "Signed"), ("售後完結", "Signed"),
        ("交易关闭", "Lost"), ("交易關閉", "Lost"),

        // Hong Kong's order words: an order placed (落單, 下單) is a signed deal, as a platform's paid order is, and an order
        // lost (失單) a lost one. A quotation sent is a proposal sent, as 已报价 is, and so is Taiwan's 提案 stage.
        ("已落单", "Signed"), ("已落單", "Signed"), ("落单", "Signed"), ("落單", "Signed"), ("已下单", "Signed"), ("已下單", "Signed"),
        ("下单", "Signed"), ("下單", "Signed"),
        ("已失单", "Lost"), ("已失單", "Lost"), ("失单", "Lost"), ("失單", "Lost"),
        ("报价已发", "ProposalSent"), ("報價已發", "ProposalSent"), ("已发报价", "ProposalSent"), ("已發報價", "ProposalSent"),
        ("已提案", "ProposalSent"), ("提案中", "ProposalSent"),

        // English CRM stage names, written without spaces: "Closed Won" and "closed_won" are looked up as ClosedWon.
        ("Prospecting", "Initial"), ("Qualification", "Initial"), ("NeedsAnalysis", "NeedsConfirmed"),
        ("Proposal", "ProposalSent"), ("Quoted", "ProposalSent"), ("ClosedWon", "Signed"), ("ClosedLost", "Lost"),

        // Shop platforms' order states: an order placed and not paid (待付款) is a deal still being closed; a refunded one
        // (已退款, 退款成功) is lost, as a closed trade is. Listed last, so that each member's first label stays its own.
        ("待付款", "Negotiation"), ("待支付", "Negotiation"), ("等待买家付款", "Negotiation"), ("等待買家付款", "Negotiation"),
        ("AwaitingPayment", "Negotiation"), ("PendingPayment", "Negotiation"),
        ("已退款", "Lost"), ("退款成功", "Lost"), ("Refunded", "Lost"),
        .. OpenWorkAfterSigning.Select(label => (label, "Signed")),
    ];

    private static readonly (string Label, string Member)[] AttachmentKinds =
    [
        ("报价单", "Quote"), ("報價單", "Quote"), ("报价", "Quote"), ("報價", "Quote"), ("Quotation", "Quote"),
        ("方案", "Proposal"), ("技术方案", "Proposal"), ("技術方案", "Proposal"), ("解决方案", "Proposal"), ("解決方案", "Proposal"),
        ("合同", "Contract"), ("合同草稿", "Contract"), ("合約", "Contract"), ("協議", "Contract"), ("协议", "Contract"),

        // The customer's order binds the deal as a contract does: 已落單 is a signed stage, whose contract is often the PO.
        ("订单", "Contract"), ("訂單", "Contract"), ("采购订单", "Contract"), ("採購訂單", "Contract"), ("PO", "Contract"),
        ("PurchaseOrder", "Contract"),
        ("邮件", "Email"), ("郵件", "Email"), ("电邮", "Email"), ("電郵", "Email"), ("E-mail", "Email"),
        ("其他", "Other"), ("其它", "Other"),
    ];

    private static readonly (string Label, string Member)[][] AllLabels = [DecisionRoles, Channels, Feedback, Stages, AttachmentKinds];

    /// <summary>
    /// The Simplified Chinese label of <paramref name="value"/> (电话 for Phone), or with <paramref name="traditional"/> that
    /// label in Traditional characters when one is listed (電話), else the Simplified one (使用者 is both); <see langword="null"/>
    /// when it has none.
    /// </summary>
    public static string? ChineseLabel<TEnum>(TEnum value, bool traditional)
        where TEnum : struct, Enum => FirstLabel(LabelsFor(typeof(TEnum)), EnumLabels<TEnum>.NameOf(value), traditional);

    /// <summary>
    /// The first Chinese label of a member of any of the enumerations, in Traditional characters when one is listed and
    /// <paramref name="traditional"/> asks, for a list of names of one of them; <see langword="null"/> when it has none.
    /// </summary>
    public static string? FirstLabel(string member, bool traditional)
    {
        foreach (var labels in AllLabels)
        {
            if (FirstLabel(labels, member, traditional) is { } label)
            {
                return label;
            }
        }

        return null;
    }

    /// <summary>The member's first Chinese label, or the first label after it that writes it in Traditional characters.</summary>
    private static string? FirstLabel((string Label, string Member)[] labels, string member, bool traditional)
    {
        string? first = null;
        foreach (var (label, of) in labels)
        {
            if (of != member || label[0] <= '\u2E7F')
            {
                continue;
            }

            if (first is null)
            {
                if (!traditional)
                {
                    return label;
                }

                first = label;
            }
            else if (IsTraditionalSpelling(label, first))
            {
                return label;
            }
        }

        return first;
    }

    /// <summary>Whether <paramref name="label"/> is <paramref name="simplified"/> in other characters that fold to its own, one by one (決策人, 决策人).</summary>
    private static bool IsTraditionalSpelling(string label, string simplified)
    {
        if (label.Length != simplified.Length || string.Equals(label, simplified, StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < label.Length; i++)
        {
            if (TextFolding.Fold(label[i]) != simplified[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// Whether a stage's text is a built-in label of signed business whose work is still open (售后中, 退貨中, Returning), read
    /// in any case, width or script and with its words joined.
    /// </summary>
    public static bool NamesOpenWorkAfterSigning(ReadOnlySpan<char> text) => ContainsKeyOf(OpenWorkKeys, text);

    /// <summary>
    /// Whether a status of an after-sales field is one of work done (已退款, 已處理, Resolved), read as a stage label is read.
    /// </summary>
    public static bool NamesFinishedAfterSalesWork(ReadOnlySpan<char> text) => ContainsKeyOf(FinishedWorkKeys, text);

    /// <summary>The <see cref="LookupKey"/> forms of <paramref name="labels"/>, to be searched with <see cref="ContainsKeyOf"/>.</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> KeySet(IEnumerable<string> labels) =>
        labels.Select(LookupKey).ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// Whether <paramref name="keys"/> holds the <see cref="LookupKey"/> of <paramref name="text"/>, made on the stack: every
    /// evaluation of a signed record asks, so the key is not allocated.
    /// </summary>
    public static bool ContainsKeyOf(FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> keys, ReadOnlySpan<char> text)
    {
        var key = text.Length <= LongestStackKey ? stackalloc char[text.Length] : new char[text.Length];
        return keys.Contains(key[..KeyInto(text, key)]);
    }

    /// <summary>The form in which a label is compared with others: trimmed, its words joined and folded (等客戶 回覆 as 等客户回复).</summary>
    public static string LookupKey(string text)
    {
        var key = text.Length <= LongestStackKey ? stackalloc char[text.Length] : new char[text.Length];
        return new string(key[..KeyInto(text, key)]);
    }

    /// <summary>Writes the <see cref="LookupKey"/> of <paramref name="text"/> into <paramref name="key"/>, at least as long; returns its length.</summary>
    private static int KeyInto(ReadOnlySpan<char> text, Span<char> key)
    {
        var length = 0;
        foreach (var character in text.Trim())
        {
            if (character is not (' ' or '_' or '-'))
            {
                key[length++] = TextFolding.Fold(character);
            }
        }

        return length;
    }

    /// <summary>A name's or label's words joined, as the table lists what CRMs write in words (ClosedWon for Closed Won).</summary>
    public static string Joined(string text) => string.Concat(text.Split([' ', '_', '-'], StringSplitOptions.RemoveEmptyEntries));

    /// <summary>A name or label folded character by character as the lexicon folds text: 等客戶回覆 and 等客户回复 are one key.</summary>
    public static string FoldedKey(string text) => string.Create(text.Length, text, static (folded, source) => Fold(source, folded));

    /// <summary>Folds <paramref name="text"/> into <paramref name="destination"/>, of its length, as <see cref="FoldedKey"/> does.</summary>
    public static void Fold(ReadOnlySpan<char> text, Span<char> destination)
    {
        for (var i = 0; i < text.Length; i++)
        {
            destination[i] = TextFolding.Fold(text[i]);
        }
    }

    public static (string Label, string Member)[] LabelsFor(Type enumType) =>
        enumType == typeof(DecisionRole) ? DecisionRoles
        : enumType == typeof(ContactChannel) ? Channels
        : enumType == typeof(CustomerFeedback) ? Feedback
        : enumType == typeof(DealStage) ? Stages
        : enumType == typeof(AttachmentKind) ? AttachmentKinds
        : [];
}
