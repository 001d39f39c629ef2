using System.Collections.ObjectModel;
using System.Globalization;
using System.Text;
using System.Text.Json.Serialization;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Risk;

namespace FollowUp.Rules.Reporting;

/// <summary>
/// The team's picture (团队复盘) over many evaluated records: grades, scores per owner, missing steps, the five common errors,
/// vague phrases, risk, the stage funnel, the deals at risk and the records to rewrite first. Immutable; build it with <see cref="TeamReportBuilder"/>
/// and write it with <see cref="Write"/> or <see cref="WriteAsync(Stream, TeamReportFormat, CultureInfo?, CancellationToken)"/>;
/// a <see cref="System.Text.Json.JsonSerializer"/> writes it as <see cref="TeamReportFormat.Json"/> does (<see cref="TeamReportJsonConverter"/>).
/// </summary>
[JsonConverter(typeof(TeamReportJsonConverter))]
public sealed class TeamReport
{
    /// <summary>The most records <see cref="NeedsAttention"/> and <see cref="DealsAtRisk"/> list by default: 10 (see <see cref="TeamReportBuilder(int)"/>).</summary>
    public const int AttentionLimit = 10;

    /// <summary>The most entries <see cref="VaguePhrases"/> and <see cref="RiskSignals"/> list: 10.</summary>
    public const int TopLimit = 10;

    internal TeamReport(
        long recordCount,
        long unreadableRows,
        string[] readInPart,
        DateTimeOffset? evaluatedAt,
        double? averageScore,
        Dictionary<Grade, long> grades,
        OwnerSummary[] owners,
        StepSummary[] steps,
        DeductionGroupSummary[] deductionGroups,
        VaguePhraseSummary[] vaguePhrases,
        Dictionary<RiskLevel, long> riskLevels,
        long riskNotAssessable,
        Dictionary<RiskLevel, string[]> highRiskIds,
        RiskSignalSummary[] riskSignals,
        StageCount[] stages,
        AttentionItem[] needsAttention,
        long dealsAtRiskCount,
        DealAtRisk[] dealsAtRisk)
    {
        RecordCount = recordCount;
        UnreadableRows = unreadableRows;
        ReadInPart = Array.AsReadOnly(readInPart);
        EvaluatedAt = evaluatedAt;
        AverageScore = averageScore;
        Grades = new ReadOnlyDictionary<Grade, long>(grades);
        Owners = Array.AsReadOnly(owners);
        Steps = Array.AsReadOnly(steps);
        DeductionGroups = Array.AsReadOnly(deductionGroups);
        VaguePhrases = Array.AsReadOnly(vaguePhrases);
        RiskLevels = new ReadOnlyDictionary<RiskLevel, long>(riskLevels);
        RiskNotAssessable = riskNotAssessable;
        HighRiskIds = new ReadOnlyDictionary<RiskLevel, IReadOnlyList<string>>(highRiskIds.ToDictionary(l => l.Key, l => (IReadOnlyList<string>)Array.AsReadOnly(l.Value)));
        RiskSignals = Array.AsReadOnly(riskSignals);
        Stages = Array.AsReadOnly(stages);
        NeedsAttention = Array.AsReadOnly(needsAttention);
        DealsAtRiskCount = dealsAtRiskCount;
        DealsAtRisk = Array.AsReadOnly(dealsAtRisk);
    }

    /// <summary>Gets how many records the report covers.</summary>
    public long RecordCount { get; }

    /// <summary>Gets how many input rows could not be read as records and are not in the report (<see cref="TeamReportBuilder.AddUnreadable"/>).</summary>
    public long UnreadableRows { get; }

    /// <summary>
    /// Gets where reading of an input stopped before its end (<see cref="TeamReportBuilder.AddReadInPart"/>): the rest of
    /// those inputs is in neither the records nor <see cref="UnreadableRows"/>.
    /// </summary>
    public IReadOnlyList<string> ReadInPart { get; }

    /// <summary>Gets when the records were evaluated: the latest <see cref="FollowUpEvaluation.EvaluatedAt"/>, or <see langword="null"/> when there are none.</summary>
    public DateTimeOffset? EvaluatedAt { get; }

    /// <summary>Gets the average quality score, 0 to 100, or <see langword="null"/> when there are no records.</summary>
    public double? AverageScore { get; }

    /// <summary>Gets how many records got each grade; every grade is present, with 0 when no record got it.</summary>
    public IReadOnlyDictionary<Grade, long> Grades { get; }

    /// <summary>Gets the average score of each owner, highest first (ties: more records first, then by name).</summary>
    public IReadOnlyList<OwnerSummary> Owners { get; }

    /// <summary>Gets the missing rate and average score of each of the five steps, in step order.</summary>
    public IReadOnlyList<StepSummary> Steps { get; }

    /// <summary>Gets the deductions counted and points lost for each of the article's five common errors, in <see cref="DeductionGroup"/> order.</summary>
    public IReadOnlyList<DeductionGroupSummary> DeductionGroups { get; }

    /// <summary>
    /// Gets the vague phrases most often coached (see <see cref="VaguePhraseSummary.Count"/>), at most <see cref="TopLimit"/>,
    /// most frequent first (ties by phrase).
    /// </summary>
    public IReadOnlyList<VaguePhraseSummary> VaguePhrases { get; }

    /// <summary>
    /// Gets how many records are at each risk level, of those whose risk could be assessed (see <see cref="RiskNotAssessable"/>);
    /// every level is present, with 0 when no record is at it.
    /// </summary>
    public IReadOnlyDictionary<RiskLevel, long> RiskLevels { get; }

    /// <summary>
    /// Gets how many records are counted apart from <see cref="RiskLevels"/> because their risk could not be assessed: the
    /// evaluation found too little content to judge it (a <c>RiskNotAssessable</c> finding) and no risk signal, so its Low
    /// level says nothing about the deal. A record with a signal keeps its level, the least risk it carries. The evaluation's
    /// level is unchanged; only the report counts it apart.
    /// </summary>
    public long RiskNotAssessable { get; }

    /// <summary>
    /// Gets the ids of the records at <see cref="RiskLevel.High"/> and at <see cref="RiskLevel.Critical"/> risk (the two keys),
    /// at most <see cref="TopLimit"/> of each level, in input order, so the report names the records behind those counts.
    /// Records without an id are counted in <see cref="RiskLevels"/> but cannot be named here.
    /// </summary>
    public IReadOnlyDictionary<RiskLevel, IReadOnlyList<string>> HighRiskIds { get; }

    /// <summary>Gets the risk signals raised by the most records, at most <see cref="TopLimit"/>, most frequent first (ties by code).</summary>
    public IReadOnlyList<RiskSignalSummary> RiskSignals { get; }

    /// <summary>
    /// Gets how many records are at each stage, every stage in <see cref="DealStage"/> order (0 too, for the funnel), then, when
    /// there are any, the records whose stage is missing or not recognised (<see cref="StageCount.Stage"/> <see langword="null"/>).
    /// </summary>
    public IReadOnlyList<StageCount> Stages { get; }

    /// <summary>
    /// Gets the records to rewrite first, by the quality of the record, at most <see cref="AttentionLimit"/> (or the builder's limit): grade D first, then lower score, higher
    /// risk score and longer overdue, then input order. Only records below grade A, at high risk or worse, or with an overdue next
    /// action are listed.
    /// </summary>
    public IReadOnlyList<AttentionItem> NeedsAttention { get; }

    /// <summary>
    /// Gets the deals not lost (any stage but Lost; a signed deal, which still has its delivery, payment and after-sales, only
    /// for an overdue next action or an unanswered risk) that need attention first whatever their record's quality, at most
    /// <see cref="AttentionLimit"/> (or the builder's limit; <see cref="DealsAtRiskCount"/> counts them all): those whose next action is overdue, that nobody owns, that have gone stale or that leave a
    /// risk signal unanswered. Ranked by the most urgent reason (in <see cref="DealRiskReason"/> order), then more reasons,
    /// longer overdue, a stale deal's longer silence and higher risk score, then input order.
    /// </summary>
    public IReadOnlyList<DealAtRisk> DealsAtRisk { get; }

    /// <summary>Gets how many deals not lost are at risk, <see cref="DealsAtRisk"/> listing the most urgent of them.</summary>
    public long DealsAtRiskCount { get; }

    /// <summary>
    /// The language the records were evaluated in, when they all were in one, or zh-TW when all were in Taiwan's and Hong
    /// Kong's Traditional Chinese; the labels' default.
    /// </summary>
    internal CultureInfo? Culture { get; init; }

    /// <summary>Writes the report.</summary>
    /// <param name="writer">Where to write.</param>
    /// <param name="format">The format.</param>
    /// <param name="culture">
    /// The language of the labels, chosen as the messages' (<see cref="FollowUpRulesOptions.Culture"/>): Traditional Chinese
    /// in Hong Kong wording for <c>zh-HK</c> and <c>zh-MO</c>, in Taiwan wording for <c>zh-TW</c> and <c>zh-Hant</c>,
    /// Simplified Chinese for any other <c>zh</c> culture, English otherwise. When <see langword="null"/>, the language the
    /// records were evaluated in (the rule set's <see cref="FollowUpRuleSet.Culture"/>, or each evaluation's own when it was made
    /// with <see cref="IFollowUpEvaluator.WithCulture"/> or in the caller's culture, <see cref="FollowUpRulesOptions.FollowCurrentUICulture"/>);
    /// zh-TW when they were evaluated in both Taiwan and Hong Kong wording; zh-CN when in more than one language otherwise or the
    /// report has none. Numbers are
    /// always written with <see cref="CultureInfo.InvariantCulture"/>, and <see cref="TeamReportFormat.Json"/> has no labels.
    /// Deduction messages keep the language the records were evaluated in.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="writer"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a <see cref="TeamReportFormat"/>.</exception>
    public void Write(TextWriter writer, TeamReportFormat format, CultureInfo? culture = null)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var text = ReportText.For(culture ?? Culture ?? ReportText.DefaultCulture);
        switch (format)
        {
            case TeamReportFormat.Text:
                new TextReportWriter(this, text, writer).Write();
                break;
            case TeamReportFormat.Markdown:
                new MarkdownReportWriter(this, text, writer).Write();
                break;
            case TeamReportFormat.Json:
                JsonReportWriter.Write(this, writer);
                break;
            case TeamReportFormat.Html:
                new HtmlReportWriter(this, text, writer).Write();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown report format.");
        }
    }

    /// <summary>
    /// Writes the report to a stream as UTF-8 (no byte order mark) asynchronously: a response body (ASP.NET Core refuses
    /// synchronous writes to one), a blob, a file. The report is formatted in memory first, then written in one call; for a
    /// <see cref="TextWriter"/>, write <see cref="ToString(TeamReportFormat, CultureInfo?)"/> with its <c>WriteAsync</c>.
    /// </summary>
    /// <param name="stream">Where to write; left open and not flushed beyond the write.</param>
    /// <param name="format">The format.</param>
    /// <param name="culture">The language of the labels, as for <see cref="Write"/>.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>A task that completes when the report is written.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="stream"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a <see cref="TeamReportFormat"/>.</exception>
    public async Task WriteAsync(Stream stream, TeamReportFormat format, CultureInfo? culture = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var bytes = Encoding.UTF8.GetBytes(ToString(format, culture));
        await stream.WriteAsync(bytes, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Writes the report to a string.</summary>
    /// <param name="format">The format.</param>
    /// <param name="culture">The language of the labels, as for <see cref="Write"/>.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a <see cref="TeamReportFormat"/>.</exception>
    public string ToString(TeamReportFormat format, CultureInfo? culture = null)
    {
        using var writer = new StringWriter(CultureInfo.InvariantCulture) { NewLine = "\n" };
        Write(writer, format, culture);
        return writer.ToString();
    }

    /// <summary>Returns the report as plain text in Chinese.</summary>
    /// <returns>The report.</returns>
    public override string ToString() => ToString(TeamReportFormat.Text);
}
