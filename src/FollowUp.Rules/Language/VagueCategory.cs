using System.Text.Json.Serialization;

namespace FollowUp.Rules.Language;

/// <summary>The kinds of vague language (模糊语言) the detector reports.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<VagueCategory>))]
public enum VagueCategory
{
    /// <summary>A status word standing in for content: 跟进中, 沟通中, 已联系, in progress.</summary>
    StatusOnly,

    /// <summary>Waiting on someone, with no date: 等客户回复, 待反馈, waiting for reply.</summary>
    Waiting,

    /// <summary>Interest with nothing measurable: 客户有意向, 很感兴趣, interested.</summary>
    UnquantifiedIntent,

    /// <summary>Hedging words: 可能, 大概, 差不多, maybe.</summary>
    Hedge,

    /// <summary>A time that is no time: 近期, 尽快, 过几天, soon.</summary>
    VagueTime,

    /// <summary>No business content at all: 无, 同上, 。。。, 哈哈哈, 11, test.</summary>
    NoContent,
}

/// <summary>How clearly a free-text field says what happened and what comes next. Greater is clearer.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ClarityLevel>))]
public enum ClarityLevel
{
    /// <summary>Carries no business information: punctuation, digits only, fillers such as 同上 or 略, keyboard mashes.</summary>
    NoContent,

    /// <summary>Vague phrases with no concrete fact beside them, or too little text to act on.</summary>
    Vague,

    /// <summary>Vague phrases softened by one concrete fact, or content without any concrete fact.</summary>
    PartlyVague,

    /// <summary>Concrete: facts such as dates, amounts, quantities or named products outweigh any vague phrase.</summary>
    Concrete,
}
