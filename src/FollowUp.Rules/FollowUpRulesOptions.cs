using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;
using FollowUp.Rules.Profiles;
using FollowUp.Rules.Risk;

namespace FollowUp.Rules;

/// <summary>
/// Everything that configures FollowUp.Rules: the default profile, custom and changed profiles, the lexicon, and the
/// cut-offs of grades and risk levels. Bind it from configuration (section <see cref="SectionName"/>, with the binder's
/// <c>ErrorOnUnknownConfiguration</c> set, so a misspelt key or a value that does not convert fails instead of being
/// skipped) or set it in code; it is validated once, and an immutable <see cref="FollowUpRuleSet"/> is built from it.
/// </summary>
public sealed class FollowUpRulesOptions
{
    /// <summary>The configuration section the options are conventionally bound from: <c>FollowUpRules</c>.</summary>
    public const string SectionName = "FollowUpRules";

    /// <summary>Gets or sets the profile used for records that name none.</summary>
    /// <value><c>ToB</c>.</value>
    public string DefaultProfile { get; set; } = "ToB";

    /// <summary>
    /// Gets or sets the culture of messages: any Chinese culture (<c>zh</c>, <c>zh-CN</c>, <c>zh-TW</c>, <c>zh-HK</c>…) or
    /// English one (<c>en</c>, <c>en-US</c>, <c>en-GB</c>…). <c>zh-HK</c> and <c>zh-MO</c> (and <c>zh-Hant-HK</c>,
    /// <c>zh-Hant-MO</c>) get Traditional Chinese messages in Hong Kong wording, the other cultures under <c>zh-Hant</c> in
    /// .NET's parent chain (<c>zh-TW</c>, <c>zh-Hant</c>, <c>zh-Hant-*</c>) Traditional Chinese ones in Taiwan wording, every
    /// other Chinese culture (<c>zh-CN</c>, <c>zh-SG</c>, <c>zh-Hans</c>, <c>zh</c>) Simplified Chinese ones, every English
    /// one English.
    /// </summary>
    /// <value><c>zh-CN</c>.</value>
    /// <remarks>
    /// With <see cref="FollowCurrentUICulture"/> set, it is the culture of messages for callers whose culture is neither
    /// Chinese nor English.
    /// </remarks>
    public string Culture { get; set; } = "zh-CN";

    /// <summary>
    /// Gets or sets a value indicating whether messages follow the caller's culture at each evaluation instead of
    /// <see cref="Culture"/>: FluentValidation's <c>ValidatorOptions.Global.LanguageManager.Culture</c> when it is set, else
    /// <see cref="System.Globalization.CultureInfo.CurrentUICulture"/>, as FluentValidation's own messages do. A web app that
    /// calls <c>UseRequestLocalization</c> then answers each request in its user's language (zh-CN, zh-TW, zh-HK, en) with one
    /// registration: the evaluator, the validators and the profiles' <see cref="Language.VagueLanguageDetector.Advice"/> all follow.
    /// A caller culture that is neither Chinese nor English (the invariant culture, <c>fr-FR</c>) gets <see cref="Culture"/>.
    /// </summary>
    /// <value><see langword="false"/>: every message is in <see cref="Culture"/>, whatever the caller's culture.</value>
    /// <remarks>
    /// The culture is read on the thread that evaluates; it flows into tasks and <c>await</c>s, so a batch
    /// (<see cref="BatchEvaluation.EvaluateMany"/>) follows its caller's. To choose the language per call instead, evaluate with
    /// the evaluator <see cref="IFollowUpEvaluator.WithCulture"/> returns.
    /// </remarks>
    public bool FollowCurrentUICulture { get; set; }

    /// <summary>Gets or sets the UTC offset given to timestamps that carry none, such as <c>2026-11-20 15:00</c>.</summary>
    /// <value>UTC+08:00 (China Standard Time).</value>
    public TimeSpan DefaultUtcOffset { get; set; } = TimeSpan.FromHours(8);

    /// <summary>
    /// Gets or sets how a record's numeric dates with the year last (<c>20/11/2026</c>) are read: not at all
    /// (<see cref="Rules.DateOrder.YearFirst"/>), day first as Hong Kong's exports write them, or month first. A date that
    /// starts with its year (<c>2026/11/20</c>, <c>2026-11-20</c>) is read the same in every order.
    /// </summary>
    /// <value>
    /// <see cref="Rules.DateOrder.YearFirst"/>: <c>05/11/2026</c> is 5 November in one export and 11 May in another, so the
    /// order is stated, never guessed; such a date is an <see cref="FindingCodes.InvalidDate"/> finding whose message asks the
    /// record's writer to put the year first (<c>2026-11-20 15:00</c>).
    /// </value>
    /// <remarks>
    /// <para>
    /// It is the export's, so one setting for every profile. It applies where records are evaluated; text that
    /// <see cref="Timestamp.Parse(string?)"/> left unread is read again in this order.
    /// </para>
    /// <para>
    /// Set it when a CRM or a spreadsheet writes every date of its export day first (Hong Kong, British) or month first
    /// (American): the finding is read by the salesperson who wrote the record, who cannot change this, so it does not name
    /// the setting. To learn which order an export uses, look at its dates, or run it through <c>followup evaluate</c>,
    /// which warns once per run on standard error, naming the order (<c>--date-order DayFirst</c>) that reads them.
    /// </para>
    /// </remarks>
    public DateOrder DateOrder { get; set; }

    /// <summary>Gets the phrases that mark a value as known to be unknown (<see cref="Completeness.FieldState.Acknowledged"/>).</summary>
    /// <value>
    /// 33 built-in phrases: 待补充, 暂未明确, 未透露, 待确认, 未提及, "did not say", "not disclosed" and their kin. Besides these, a
    /// value that is nothing but a short phrase such as 未提 or 没说 is acknowledged too.
    /// </value>
    /// <remarks>
    /// Phrases bound from configuration are added after the built-in ones, as the configuration binder adds to a list it
    /// finds filled: <c>FollowUpRules:AcknowledgementPhrases:0</c> is entry 33. To replace the built-in phrases, clear the
    /// list in a configure action registered before the one that binds configuration, such as
    /// <c>services.AddFollowUpRules(options =&gt; options.AcknowledgementPhrases.Clear())</c> followed by
    /// <c>services.Configure&lt;FollowUpRulesOptions&gt;(configuration.GetSection(FollowUpRulesOptions.SectionName), binder =&gt; binder.ErrorOnUnknownConfiguration = true)</c>.
    /// </remarks>
    public IList<string> AcknowledgementPhrases { get; } = [.. DefaultAcknowledgementPhrases];

    /// <summary>Gets the bare placeholder values that count as missing when they are the whole value.</summary>
    /// <value>21 built-in placeholders: -, --, ---, /, \, 无, 没有, 暂无, n/a, na, null, none, nil, 空, ?, ？, ., 。, …, ..., ——.</value>
    /// <remarks>
    /// Values bound from configuration are added after the built-in ones: <c>FollowUpRules:PlaceholderValues:0</c> is
    /// entry 21. To replace the built-in values, clear the list in a configure action registered before the one that binds
    /// configuration, as for <see cref="AcknowledgementPhrases"/>.
    /// </remarks>
    public IList<string> PlaceholderValues { get; } = [.. DefaultPlaceholderValues];

    /// <summary>Gets the phrase changes every profile makes to the shipped lexicon.</summary>
    /// <value>Empty: the shipped lexicon as it is.</value>
    public LexiconOptions Lexicon { get; } = new();

    /// <summary>
    /// Gets the names of competitors every profile knows; a mention raises the <c>Competitor</c> signal, except next to an
    /// integration word in its clause (与金蝶对接, 需要和钉钉打通, sync with Moka), where the name is a system the customer
    /// connects to.
    /// </summary>
    /// <value>Empty: only the shipped competitor phrases (竞品, 友商, competitor…) and each profile's own names raise the signal.</value>
    /// <remarks>
    /// A profile's <see cref="ProfileOptions.CompetitorNames"/> add to these, so a team that sells under several profiles
    /// (ToB and Project) lists its rivals once here and a profile lists only the rivals of its own market.
    /// </remarks>
    public IList<string> CompetitorNames { get; } = [];

    /// <summary>Gets the configured profiles, by name (case-insensitive).</summary>
    /// <value>Empty: the built-in profiles ToB, ToC, Project and ECommerce only.</value>
    public IDictionary<string, ProfileOptions> Profiles { get; } = new Dictionary<string, ProfileOptions>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Gets the lowest scores of grades A, B and C.</summary>
    /// <value>A 85, B 70, C 60 (SPEC §7).</value>
    public GradeScaleOptions Grades { get; } = new();

    /// <summary>Gets the lowest risk scores of the Medium, High and Critical levels.</summary>
    /// <value>Medium 25, High 50, Critical 75.</value>
    public RiskLevelOptions RiskLevels { get; } = new();

    /// <summary>
    /// Gets a CRM's own words for the values of the record's enumerations (a stage, a channel…), read beside the built-in
    /// labels when records are evaluated, and the stage labels that name work still open after signing.
    /// </summary>
    /// <value>Empty: the built-in English names and Chinese labels only.</value>
    public RecordLabelOptions Labels { get; } = new();

    internal static readonly string[] DefaultAcknowledgementPhrases =
    [
        "待补充", "待补", "暂未明确", "未明确", "未透露", "不愿透露", "暂不清楚", "尚不清楚", "待确认", "待核实", "待了解", "暂未提供",
        "未提供", "未告知", "暂未告知", "客户未说", "客户没说", "未提及", "没提及", "未提到", "没提到", "保密", "未知", "不详",
        "to be confirmed", "to be determined", "unknown", "not disclosed", "not yet known", "did not say",
        "didn't say", "not provided", "pending confirmation",
    ];

    /// <summary>
    /// Short phrases that say a value was not given (未提, 没说, 沒說) only when they are the whole value: inside a longer text
    /// they begin other words (未提交, 没提价) or report what was said (客户没说不买). Not configurable; they apply with any
    /// <see cref="AcknowledgementPhrases"/>.
    /// </summary>
    internal static readonly string[] WholeValueAcknowledgementPhrases =
    [
        "未提", "没提", "没有提", "没有提到", "没有提及", "未说", "没说", "没有说", "未讲", "没讲", "客户未提", "客户没提", "客户没有提",
        "客户没有说", "客户未讲", "客户没讲", "not mentioned",
    ];

    internal static readonly string[] DefaultPlaceholderValues =
        ["-", "--", "---", "/", "\\", "无", "没有", "暂无", "n/a", "na", "null", "none", "nil", "空", "?", "？", ".", "。", "…", "...", "——"];
}
