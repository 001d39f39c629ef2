namespace FollowUp.Rules.Risk;

/// <summary>The stable codes of the built-in risk signals (风险信号).</summary>
public static class RiskSignalCodes
{
    /// <summary>A competitor is involved (竞争对手, 竞品, 友商, 别家, or a configured competitor name).</summary>
    public const string Competitor = "Competitor";

    /// <summary>The customer hesitates or doubts (犹豫, 再考虑, 观望, 疑虑).</summary>
    public const string Hesitation = "Hesitation";

    /// <summary>The price is too high (太贵, 价格偏高).</summary>
    public const string PriceObjection = "PriceObjection";

    /// <summary>There is no or too little budget (预算不足, 没有预算).</summary>
    public const string BudgetConstraint = "BudgetConstraint";

    /// <summary>The deal is postponed (暂缓, 推迟, 明年再说).</summary>
    public const string Delay = "Delay";

    /// <summary>The customer cannot be reached (联系不上, 未接通, 已读不回).</summary>
    public const string NoResponse = "NoResponse";

    /// <summary>A complaint or dissatisfaction (投诉, 不满).</summary>
    public const string NegativeFeedback = "NegativeFeedback";

    /// <summary>The contact left or changed (离职, 换人).</summary>
    public const string ContactChange = "ContactChange";

    /// <summary>Interest dropped (没有需求, 暂不考虑).</summary>
    public const string IntentDecline = "IntentDecline";

    /// <summary>The latest communication is older than the profile's limit; not raised for a lost deal.</summary>
    public const string Stale = "Stale";

    /// <summary>An open deal's next action is past its due date.</summary>
    public const string NextActionOverdue = "NextActionOverdue";

    /// <summary>An open deal has no next action.</summary>
    public const string NoNextAction = "NoNextAction";

    /// <summary>Nobody is responsible.</summary>
    public const string NoOwner = "NoOwner";

    /// <summary>A ToB or Project deal at ProposalSent or later has reached no decision maker.</summary>
    public const string NoDecisionMaker = "NoDecisionMaker";

    /// <summary>A ToB or Project deal talks to one person only.</summary>
    public const string SingleThreaded = "SingleThreaded";

    /// <summary>The stage has not moved for longer than the profile's limit.</summary>
    public const string StalledStage = "StalledStage";

    /// <summary>The latest communication's feedback is Dissatisfied.</summary>
    public const string NegativeLastFeedback = "NegativeLastFeedback";

    /// <summary>The signals found in text, in catalogue order.</summary>
    public static IReadOnlyList<string> TextSignals { get; } =
        [Competitor, Hesitation, PriceObjection, BudgetConstraint, Delay, NoResponse, NegativeFeedback, ContactChange, IntentDecline];

    /// <summary>The signals derived from the record's structure, in catalogue order.</summary>
    public static IReadOnlyList<string> StructuralSignals { get; } =
        [Stale, NextActionOverdue, NoNextAction, NoOwner, NoDecisionMaker, SingleThreaded, StalledStage, NegativeLastFeedback];
}
