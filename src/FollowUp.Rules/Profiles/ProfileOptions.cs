using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;

namespace FollowUp.Rules.Profiles;

/// <summary>
/// A scenario profile as configured: what it inherits and what it changes. A profile named like a built-in one
/// (<c>ToB</c>, <c>ToC</c>, <c>Project</c>, <c>ECommerce</c>) changes that profile; any other name defines a new one.
/// Unset members inherit from <see cref="BasedOn"/>.
/// </summary>
public sealed class ProfileOptions
{
    /// <summary>Gets or sets the profile this one starts from.</summary>
    /// <value>A built-in or another configured profile; <see langword="null"/> means the built-in profile of the same name, or <c>ToB</c>.</value>
    public string? BasedOn { get; set; }

    /// <summary>
    /// Gets other values a record's <c>scenario</c> may give for this profile: a CRM's own words for it (电商, 快消品电商, B2B).
    /// Matched ignoring case, full-width forms, Traditional characters and spaces, after the profile names, which always win.
    /// </summary>
    /// <remarks>
    /// Aliases name this profile only; a profile based on it does not inherit them. A configured profile named like a built-in
    /// one adds to the built-in aliases. An alias that another configured profile's name or alias already takes fails
    /// validation; one that only a built-in alias takes moves to this profile.
    /// </remarks>
    /// <value>Empty; the built-in profiles have aliases of their own (企业客户, 电商, B2B…).</value>
    public IList<string> Aliases { get; } = [];

    /// <summary>Gets the fields to require on top of the base profile, as keys of <see cref="FollowUpFields"/> or <c>custom.&lt;name&gt;</c>.</summary>
    /// <value>Empty: the base profile's required fields.</value>
    public IList<string> RequiredFields { get; } = [];

    /// <summary>Gets the fields the base profile requires that this profile does not.</summary>
    /// <value>Empty.</value>
    public IList<string> IgnoredFields { get; } = [];

    /// <summary>
    /// Gets the fields, on top of the base profile's, whose honest answer may be that there is none: there a value that says
    /// only that (无, 没有, 暂无, 否, none, n/a) is a full answer, filled and concrete, not a placeholder. Keys of
    /// <see cref="FollowUpFields"/> or <c>custom.&lt;name&gt;</c>: <c>custom.afterSales</c> (无 is no after-sales case),
    /// <c>custom.coupon</c>.
    /// </summary>
    /// <remarks>
    /// Elsewhere 无 stays a placeholder: an order status of 无 says nothing. A none answer earns full credit, unlike an
    /// acknowledgement (待补充, 客户暂未透露), which says the value is not known yet and earns <see cref="AcknowledgedCredit"/>.
    /// A risk point whose description says none is read as 暂无风险: the risks were weighed, and no countermeasure is asked for.
    /// </remarks>
    /// <value>
    /// Empty: the base profile's fields. The built-in profiles list <c>communications[].objections</c> and
    /// <c>risks[].description</c>; <c>ECommerce</c> adds <c>custom.afterSales</c>.
    /// </value>
    public IList<string> NoneIsAnswer { get; } = [];

    /// <summary>Gets the step each required custom field counts toward, by custom field name.</summary>
    /// <value>Custom fields not listed here count toward <see cref="FollowUpStep.Progress"/>.</value>
    public IDictionary<string, FollowUpStep> CustomFieldSteps { get; } = new Dictionary<string, FollowUpStep>(StringComparer.Ordinal);

    /// <summary>
    /// Gets the relative weight of each step in the completeness score, by step (<c>StepWeights[FollowUpStep.Needs]</c>) or by
    /// its name (<c>"Needs"</c>, case-insensitive); steps not listed keep the base weight.
    /// </summary>
    /// <remarks>
    /// A key that names no <see cref="FollowUpStep"/> fails validation, which names it and the steps allowed; so does a weight
    /// below 0 or above 1,000,000.
    /// </remarks>
    /// <value>Empty: the base profile's weights (the built-in ones in BuiltInProfiles.json).</value>
    public WeightDictionary<FollowUpStep> StepWeights { get; } = new();

    /// <summary>Gets or sets the credit an acknowledged field earns, from 0 (none) to 1 (as if filled).</summary>
    /// <value>Inherited when <see langword="null"/>; 0.5 in the built-in profiles.</value>
    public double? AcknowledgedCredit { get; set; }

    /// <summary>Gets or sets whether attachments are expected at every stage, not only from ProposalSent on.</summary>
    /// <value>Inherited when <see langword="null"/>; <see langword="true"/> for <c>Project</c>.</value>
    public bool? AttachmentsAtEveryStage { get; set; }

    /// <summary>Gets or sets the days after the latest communication when a customer is stale.</summary>
    /// <value>Inherited when <see langword="null"/>; 14, 3, 7 and 2 for ToB, ToC, Project and ECommerce.</value>
    public int? StaleAfterDays { get; set; }

    /// <summary>
    /// Gets or sets whether a signed deal is still followed up (delivery, payment, renewal), so that it goes stale like an
    /// open one. When <see langword="false"/>, a signed deal is a finished order: only while a next action is written for it
    /// (an after-sales case, a delivery to chase) does it go stale, and a finished one drops out of reminders.
    /// </summary>
    /// <remarks>
    /// <para>
    /// A next action written on a signed deal is held to its due date (<c>NextActionDueInPast</c>, <c>NextActionOverdue</c>)
    /// whatever this says: 上线培训 or 续约会议 past its date is late in a profile that follows signed deals up as much as in one
    /// that does not. Nothing is required of a signed deal with no next action.
    /// </para><para>
    /// A stage that names work still open after signing (售后中, 退货中, 待发货, 实施中, or a label of
    /// <see cref="RecordLabelOptions.OpenAfterSigning"/>), or a signed record whose <c>custom.afterSales</c> names one, is
    /// followed up as an open stage whatever this says: the record itself says the work is not done, which this setting, about
    /// a signed deal that says no more, does not change.
    /// </para>
    /// </remarks>
    /// <value>Inherited when <see langword="null"/>; <see langword="true"/> for ToB and Project, <see langword="false"/> for ToC and ECommerce.</value>
    public bool? FollowUpAfterSigning { get; set; }

    /// <summary>Gets or sets the days a deal may stay in one stage before it is stalled.</summary>
    /// <value>Inherited when <see langword="null"/>; 30, 7, 21 and 3 for ToB, ToC, Project and ECommerce.</value>
    public int? StalledStageAfterDays { get; set; }

    /// <summary>Gets the weight (0 to 1) of each risk signal, by code; 0 turns a signal off. Signals not listed keep the base weight.</summary>
    /// <value>Empty: the base profile's weights.</value>
    public IDictionary<string, double> SignalWeights { get; } = new Dictionary<string, double>(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Gets the names of competitors this profile knows besides the global <see cref="FollowUpRulesOptions.CompetitorNames"/>
    /// and those of the profiles it is based on; a mention raises the <c>Competitor</c> signal, except next to an integration
    /// word in its clause (与金蝶对接, sync with Moka).
    /// </summary>
    /// <value>Empty: only the shipped competitor phrases (竞品, 友商, competitor…) and the inherited names raise the signal.</value>
    public IList<string> CompetitorNames { get; } = [];

    /// <summary>Gets the phrase changes this profile makes to the lexicon, after the global ones.</summary>
    /// <value>Empty: the lexicon as the global options leave it.</value>
    public LexiconOptions Lexicon { get; } = new();

    /// <summary>
    /// Gets the points each part of the quality grade is worth, by part (<c>ScoreWeights[GradeComponent.Clarity]</c>) or by its
    /// name (<c>"Clarity"</c>, case-insensitive); parts not listed keep the base points.
    /// </summary>
    /// <remarks>
    /// A key that names no <see cref="GradeComponent"/> fails validation, which names it and the parts allowed; so does a weight
    /// below 0 or above 1,000,000, or parts that do not add up to 100.
    /// </remarks>
    /// <value>Empty: the base profile's points; 40, 20, 15, 5 and 20 for completeness, clarity, actionability, timeliness and risk handling in the built-in profiles.</value>
    public WeightDictionary<GradeComponent> ScoreWeights { get; } = new();
}
