using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;
using FollowUp.Rules.Risk;
using System.Text.Json.Serialization;

namespace FollowUp.Rules.Reporting;

/// <summary>The records of one owner in a <see cref="TeamReport"/>.</summary>
/// <param name="Owner">
/// Who is responsible for the next step (SPEC's 责任人): the next action's owner, else the record's owner, trimmed, as
/// <see cref="FollowUpEvaluation.Owner"/>; <see langword="null"/> for the records that name nobody, so no real name can be taken
/// for them. Names that differ only in case, full-width forms, Traditional or Simplified characters or white space (趙敏, 赵敏,
/// 赵 敏) are one owner, shown as most of the owner's records spell it (of equally used spellings, the first seen).
/// </param>
/// <param name="RecordCount">How many records the owner has, at least 1.</param>
/// <param name="AverageScore">The average quality score of those records, 0 to 100.</param>
public sealed record OwnerSummary(string? Owner, long RecordCount, double AverageScore)
{
    /// <summary>
    /// Gets how many of the owner's records got each grade; every grade is present, with 0 when none got it (empty only for
    /// a summary not made by <see cref="TeamReportBuilder"/>). An average alone hides a rep with two D records among A ones.
    /// </summary>
    public IReadOnlyDictionary<Grade, long> Grades { get; init; } = System.Collections.ObjectModel.ReadOnlyDictionary<Grade, long>.Empty;

    /// <summary>
    /// Gets the deductions counted and points lost on the owner's records for each of the article's five common errors, in
    /// <see cref="DeductionGroup"/> order, as <see cref="TeamReport.DeductionGroups"/> counts them for the team: what to coach
    /// the owner on.
    /// </summary>
    public IReadOnlyList<DeductionGroupSummary> DeductionGroups { get; init; } = [];

    /// <summary>
    /// Gets how many of the owner's deals are at risk, as <see cref="TeamReport.DealsAtRiskCount"/> counts them (all of them,
    /// not only those <see cref="TeamReport.DealsAtRisk"/> lists): a rep with a good average can still own the worst deals.
    /// </summary>
    public long DealsAtRisk { get; init; }

    /// <summary>Gets how many of <see cref="DealsAtRisk"/> have a next action past its due time (<see cref="DealRiskReason.NextActionOverdue"/>).</summary>
    public long DealsOverdue { get; init; }
}

/// <summary>How complete one of the five steps is across the records of a <see cref="TeamReport"/>.</summary>
/// <param name="Step">The step.</param>
/// <param name="RecordsMissing">How many records miss at least one required field of the step.</param>
/// <param name="MissingRate">The share of records that miss at least one required field of the step, 0 to 1.</param>
/// <param name="AverageScore">The average score of the step, 0 to 100.</param>
public sealed record StepSummary(FollowUpStep Step, long RecordsMissing, double MissingRate, double AverageScore);

/// <summary>The deductions of one of the article's five common errors across the records of a <see cref="TeamReport"/>.</summary>
/// <param name="Group">The common error.</param>
/// <param name="Count">How many deductions belong to it.</param>
/// <param name="Points">The points they took off, summed over all records.</param>
public sealed record DeductionGroupSummary(DeductionGroup Group, long Count, double Points);

/// <summary>A vague phrase and how often the team was coached for it.</summary>
/// <param name="Phrase">
/// The phrase as most of its occurrences spell it (the first seen of spellings used as often). Its spellings are counted as
/// one phrase when they fold alike, as the detector matches them: full-width forms as ASCII, case, Traditional characters as
/// Simplified, stray white space. So <c>等對方回覆</c> and <c>等对方回复</c> count as one phrase, shown as the team writes it.
/// </param>
/// <param name="Category">The phrase's category, as the detector first reported it.</param>
/// <param name="Count">
/// How many times it was found where the evaluation coached it, over all records: a <c>VagueLanguage</c> or <c>NoContent</c>
/// finding on the field quotes it, or a phrase with no content (同上) in a field charged points (<c>NoContent</c>,
/// <c>NoNextAction</c>).
/// Where the rules leave it alone (可能 in a risk's description of what may happen) it is not counted.
/// </param>
public sealed record VaguePhraseSummary(string Phrase, VagueCategory Category, long Count);

/// <summary>A risk signal and how many records raise it.</summary>
/// <param name="Code">The signal's code, such as <c>Competitor</c> (see <see cref="RiskSignalCodes"/>).</param>
/// <param name="RecordCount">How many records raise it at least once.</param>
public sealed record RiskSignalSummary(string Code, long RecordCount);

/// <summary>How many records are at one stage of the deal.</summary>
/// <param name="Stage">The stage, or <see langword="null"/> for records whose stage is missing or not recognised.</param>
/// <param name="Count">How many records are at it.</param>
public sealed record StageCount(DealStage? Stage, long Count);

/// <summary>A record that needs attention first: what it is, who owns it and what costs it most.</summary>
/// <param name="Id">The record's id.</param>
/// <param name="Customer">The customer's company, else the contact's name, when the record gives one.</param>
/// <param name="Owner">Who is responsible, as in <see cref="OwnerSummary.Owner"/>.</param>
/// <param name="Grade">The record's grade.</param>
/// <param name="Score">The record's quality score.</param>
/// <param name="RiskLevel">The record's risk level.</param>
/// <param name="RiskScore">The record's risk score.</param>
/// <param name="Overdue">How long the next action is past its due time; <see cref="TimeSpan.Zero"/> when it is not overdue.</param>
/// <param name="TopDeductions">The record's largest deductions, at most two, largest first (ties in record order).</param>
public sealed record AttentionItem(
    string? Id, string? Customer, string? Owner, Grade Grade, double Score, RiskLevel RiskLevel, double RiskScore, TimeSpan Overdue,
    IReadOnlyList<Deduction> TopDeductions)
{
    /// <summary>
    /// Gets whether the record's risk could not be assessed (see <see cref="TeamReport.RiskNotAssessable"/>): its
    /// <see cref="RiskLevel"/> is then Low only because nothing could be read, and the report shows it as not assessable.
    /// </summary>
    /// <value><see langword="false"/> unless set.</value>
    public bool RiskNotAssessable { get; init; }
}

/// <summary>Why a deal is at risk, in the order the report ranks them: the most urgent first.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DealRiskReason>))]
public enum DealRiskReason
{
    /// <summary>The next action is past its due time: a promise to the customer is already broken.</summary>
    NextActionOverdue,

    /// <summary>Nobody owns the next step (no next-action owner and no record owner): nobody will act.</summary>
    NoOwner,

    /// <summary>The customer has not been contacted for longer than the profile allows (the <c>Stale</c> signal).</summary>
    Stale,

    /// <summary>A risk signal that needs a countermeasure (a competitor, a price objection…) has no risk entry answering it.</summary>
    UnansweredSignal,
}

/// <summary>
/// A deal not lost that needs the team's attention whatever its record's quality: its next action is overdue, nobody owns
/// it, it has gone stale, or a risk signal is unanswered. A signed deal, which still has its delivery, payment and
/// after-sales, only for an overdue next action or an unanswered risk.
/// </summary>
/// <param name="Id">The record's id.</param>
/// <param name="Customer">The customer's company, else the contact's name, when the record gives one.</param>
/// <param name="Owner">Who is responsible, as in <see cref="OwnerSummary.Owner"/>; <see langword="null"/> when nobody is.</param>
/// <param name="Stage">The deal's stage, or <see langword="null"/> when it is missing or not recognised.</param>
/// <param name="Grade">The record's grade.</param>
/// <param name="Score">The record's quality score.</param>
/// <param name="RiskLevel">The record's risk level.</param>
/// <param name="RiskScore">The record's risk score.</param>
/// <param name="Reasons">Why the deal is at risk, at least one, most urgent first (in <see cref="DealRiskReason"/> order).</param>
/// <param name="Overdue">How long the next action is past its due time; <see cref="TimeSpan.Zero"/> when it is not overdue.</param>
/// <param name="SinceContact">
/// How long since the latest contact, stale or not: since its time, or, when the record lists no contact, since the record
/// was created (as the <c>Stale</c> signal counts); <see langword="null"/> when that time is not known (no readable time) or
/// is after the evaluation.
/// </param>
/// <param name="UnansweredSignals">
/// The codes of the unanswered risk signals (see <see cref="RiskSignalCodes"/>), in record order; <c>Stale</c> is a reason of its
/// own and not repeated here.
/// </param>
public sealed record DealAtRisk(
    string? Id, string? Customer, string? Owner, DealStage? Stage, Grade Grade, double Score, RiskLevel RiskLevel, double RiskScore,
    IReadOnlyList<DealRiskReason> Reasons, TimeSpan Overdue, TimeSpan? SinceContact, IReadOnlyList<string> UnansweredSignals)
{
    /// <summary>
    /// Gets the profile's limit a stale deal's silence passed, so the report never shows the silence rounded down to it (2.8
    /// days past a 2-day limit is 2.8 天, 14.5 days past a 14-day limit 14.5 天, never 14); zero when the deal is not stale.
    /// </summary>
    internal TimeSpan StaleAfter { get; init; }
}
