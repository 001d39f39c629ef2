namespace FollowUp.Rules;

/// <summary>
/// A CRM's own words for the values of the record's enumerations, beside the built-in English names and Chinese labels
/// (<see cref="EnumValue{TEnum}"/>): a shop system's 退货中 for <see cref="DealStage.Signed"/>, its 抖音私信 channel for
/// <see cref="ContactChannel.Other"/>. Bound from configuration as, for example,
/// <c>"Labels": { "Stage": { "待付款": "Negotiation", "退货中": "Signed" }, "Channel": { "抖音私信": "Other" }, "OpenAfterSigning": [ "退货中" ] }</c>.
/// </summary>
/// <remarks>
/// <para>
/// A record is read before the rules are known, so a label only configured here arrives as unrecognised text; the evaluation
/// reads that text with these labels, and the evaluation, its reminders and the team report's stage funnel all see the member,
/// with no <c>UnknownValue</c> finding. A label is compared as the built-in ones are: in any case, width and script (Traditional
/// or Simplified), with surrounding spaces and the spaces, <c>_</c> and <c>-</c> between its words ignored.
/// </para>
/// <para>
/// A label may not be empty, name no member, or read as a built-in label or name of another member (成交 is Signed, so it cannot
/// be Lost here), nor as another label configured for another member: the options validator names the key of each.
/// </para>
/// </remarks>
public sealed class RecordLabelOptions
{
    /// <summary>Gets the labels of <see cref="DealStage"/> members (当前进度), by label (case-insensitive).</summary>
    /// <value>Empty: the built-in labels only.</value>
    public IDictionary<string, DealStage> Stage { get; } = new Dictionary<string, DealStage>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the labels of <see cref="ContactChannel"/> members (沟通方式), by label (case-insensitive).</summary>
    /// <value>Empty: the built-in labels only.</value>
    public IDictionary<string, ContactChannel> Channel { get; } = new Dictionary<string, ContactChannel>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the labels of <see cref="CustomerFeedback"/> members (客户反馈), by label (case-insensitive).</summary>
    /// <value>Empty: the built-in labels only.</value>
    public IDictionary<string, CustomerFeedback> Feedback { get; } = new Dictionary<string, CustomerFeedback>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the labels of <see cref="Rules.DecisionRole"/> members (决策权), by label (case-insensitive).</summary>
    /// <value>Empty: the built-in labels only.</value>
    public IDictionary<string, DecisionRole> DecisionRole { get; } = new Dictionary<string, DecisionRole>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the labels of <see cref="Rules.AttachmentKind"/> members (附件类型), by label (case-insensitive).</summary>
    /// <value>Empty: the built-in labels only.</value>
    public IDictionary<string, AttachmentKind> AttachmentKind { get; } = new Dictionary<string, AttachmentKind>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets the stage labels that name signed business whose work is still open (a CRM's own 补寄中 or 维修中), beside the
    /// built-in ones (已付款, 待发货, 已发货, 待收货, 售后中, 退货中, 退款中, 换货中, 补发中, 实施中, 交付中 and their Traditional and English
    /// kin). A record in such a stage stays <see cref="DealStage.Signed"/> in every output, but its next action and due date are
    /// required and checked as an open stage's are, in every profile. A signed record whose <c>custom.afterSales</c> names one
    /// of these labels (已签收 with 退货中) is followed up alike.
    /// </summary>
    /// <value>Empty: the built-in labels only.</value>
    /// <remarks>Each must read as <see cref="DealStage.Signed"/>: a built-in label of it, or one configured in <see cref="Stage"/>.</remarks>
    public IList<string> OpenAfterSigning { get; } = [];
}
