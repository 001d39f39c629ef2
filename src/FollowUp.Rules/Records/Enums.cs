using System.Text.Json.Serialization;

namespace FollowUp.Rules;

/// <summary>A person's role in the customer's buying decision (决策权).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DecisionRole>))]
public enum DecisionRole
{
    /// <summary>Makes the decision (决策人).</summary>
    DecisionMaker,

    /// <summary>Influences the decision (影响者).</summary>
    Influencer,

    /// <summary>Uses the product (使用者).</summary>
    User,

    /// <summary>Controls access to the decision makers (把关人).</summary>
    Gatekeeper,

    /// <summary>Explicitly not known yet (未知).</summary>
    Unknown,
}

/// <summary>How a contact took place.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContactChannel>))]
public enum ContactChannel
{
    /// <summary>By phone (电话).</summary>
    Phone,

    /// <summary>On WeChat (微信).</summary>
    WeChat,

    /// <summary>In person (面谈 / 拜访).</summary>
    Visit,

    /// <summary>By e-mail (邮件).</summary>
    Email,

    /// <summary>In a meeting (会议).</summary>
    Meeting,

    /// <summary>Any other way (其他).</summary>
    Other,
}

/// <summary>The customer's reaction to a contact (客户反馈).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CustomerFeedback>))]
public enum CustomerFeedback
{
    /// <summary>Satisfied (满意).</summary>
    Satisfied,

    /// <summary>Dissatisfied (不满).</summary>
    Dissatisfied,

    /// <summary>Undecided (待定).</summary>
    Pending,

    /// <summary>Explicitly not known (未知).</summary>
    Unknown,
}

/// <summary>The stage of the deal (当前进度).</summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "The stage names are the specification's.")]
[JsonConverter(typeof(JsonStringEnumConverter<DealStage>))]
public enum DealStage
{
    /// <summary>First contact (初步沟通).</summary>
    Initial,

    /// <summary>Needs confirmed (需求确认).</summary>
    NeedsConfirmed,

    /// <summary>Proposal sent (方案已发).</summary>
    ProposalSent,

    /// <summary>Waiting for the customer's feedback (等待反馈).</summary>
    AwaitingFeedback,

    /// <summary>Commercial negotiation (商务谈判).</summary>
    Negotiation,

    /// <summary>Signed (已签约). A closed stage.</summary>
    Signed,

    /// <summary>Lost (已流失). A closed stage.</summary>
    Lost,
}

/// <summary>The kind of an attached document.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AttachmentKind>))]
public enum AttachmentKind
{
    /// <summary>A quotation (报价单).</summary>
    Quote,

    /// <summary>A proposal or technical solution (方案).</summary>
    Proposal,

    /// <summary>A contract or contract draft (合同).</summary>
    Contract,

    /// <summary>An e-mail (邮件).</summary>
    Email,

    /// <summary>Anything else (其他).</summary>
    Other,
}
