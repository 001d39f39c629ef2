using FluentValidation.Results;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;
using FollowUp.Rules.Reminders;
using FollowUp.Rules.Risk;
using FollowUp.Rules.Serialization;
using System.Text.Json.Serialization;

namespace FollowUp.Rules;

/// <summary>
/// Everything the evaluator says about one record (SPEC §8): completeness per step, clarity and vague phrases, risk
/// signals, the quality grade with every deduction, and the findings. Immutable.
/// </summary>
/// <remarks>
/// Any <see cref="System.Text.Json.JsonSerializer"/> writes it as the JSON object of SPEC §8 (<see cref="FollowUpEvaluationConverter"/>),
/// so an ASP.NET Core endpoint can return it as is.
/// </remarks>
[JsonConverter(typeof(FollowUpEvaluationConverter))]
public sealed class FollowUpEvaluation
{
    internal FollowUpEvaluation(
        string? id,
        string profile,
        DateTimeOffset evaluatedAt,
        double score,
        Grade grade,
        CompletenessResult completeness,
        IReadOnlyList<FieldClarity> clarity,
        IReadOnlyList<VagueMatch> vague,
        RiskAssessment risk,
        IReadOnlyList<Deduction> deductions,
        IReadOnlyList<Finding> findings,
        IReadOnlyList<FollowUpReminder> reminders,
        string? owner,
        string? customer)
    {
        Id = id;
        Profile = profile;
        EvaluatedAt = evaluatedAt;
        Score = score;
        Grade = grade;
        Completeness = completeness;
        Clarity = clarity;
        Vague = vague;
        Risk = risk;
        Deductions = deductions;
        Findings = findings;
        Reminders = reminders;
        Owner = owner;
        Customer = customer;
    }

    /// <summary>Gets the record's <see cref="FollowUpRecord.Id"/>.</summary>
    public string? Id { get; }

    /// <summary>Gets the name of the profile the record was evaluated with.</summary>
    public string Profile { get; }

    /// <summary>Gets "now" as the evaluator's <see cref="TimeProvider"/> gave it, in the configured offset.</summary>
    public DateTimeOffset EvaluatedAt { get; }

    /// <summary>Gets the quality score, 0 to 100: 100 minus the sum of <see cref="Deductions"/>.</summary>
    public double Score { get; }

    /// <summary>Gets the grade of <see cref="Score"/>.</summary>
    public Grade Grade { get; }

    /// <summary>Gets the completeness of the five steps.</summary>
    public CompletenessResult Completeness { get; }

    /// <summary>Gets the clarity of each scanned free-text field that has a value.</summary>
    public IReadOnlyList<FieldClarity> Clarity { get; }

    /// <summary>Gets the vague phrases found, in record order.</summary>
    public IReadOnlyList<VagueMatch> Vague { get; }

    /// <summary>Gets the risk signals and the risk score.</summary>
    public RiskAssessment Risk { get; }

    /// <summary>Gets every deduction from the score, each with its group among the article's five common errors.</summary>
    public IReadOnlyList<Deduction> Deductions { get; }

    /// <summary>
    /// Gets the findings in FluentValidation's vocabulary: code (see <see cref="FindingCodes"/>), severity, field path and message.
    /// <see cref="ToValidationResult"/> gives them as a FluentValidation <see cref="ValidationResult"/>.
    /// </summary>
    public IReadOnlyList<Finding> Findings { get; }

    /// <summary>
    /// Gets what needs follow-up now (overdue, due today, unanswered, stale), as of <see cref="EvaluatedAt"/>. Not part of the
    /// SPEC §8 JSON; collect across records with <see cref="FollowUpReminders.Collect"/>.
    /// </summary>
    public IReadOnlyList<FollowUpReminder> Reminders { get; }

    /// <summary>
    /// Gets who owns the record's next step, as the rules read it: the next action's owner, else the record's owner, trimmed;
    /// <see langword="null"/> when neither is filled (blank, a placeholder such as 无, or 待确认), as the <c>NoOwner</c> signal
    /// says. Not part of the SPEC §8 JSON; the team report groups by it.
    /// </summary>
    public string? Owner { get; }

    /// <summary>Gets who the customer is: the company, else the contact's name, when filled. Not part of the SPEC §8 JSON.</summary>
    public string? Customer { get; }

    /// <summary>
    /// Gets the codes of the signals that need a countermeasure and that no noted risk answers, each once, in record order: what
    /// the <c>RiskUnanswered</c> findings are about, for the team report's deals at risk.
    /// </summary>
    internal IReadOnlyList<string> UnansweredSignals { get; init; } = [];

    /// <summary>
    /// Gets the stage as the rules read it, a label configured in <see cref="FollowUpRulesOptions.Labels"/> included, for the team
    /// report's stage funnel; <see langword="null"/> when the record gives none the rules know.
    /// </summary>
    internal DealStage? Stage { get; init; }

    /// <summary>The culture of the evaluation's messages, for a team report over this evaluation to label in the same language.</summary>
    internal System.Globalization.CultureInfo? Culture { get; init; }

    /// <summary>The order the record's dates were read in, for a team report to read the record's dates as the evaluation did.</summary>
    internal DateOrder DateOrder { get; init; }

    /// <summary>
    /// Gets the next action due after today, for a list of what is due in the coming days (<see cref="ReminderKind.Upcoming"/>,
    /// made by <see cref="ReminderStage.UpcomingReminder"/>); <see langword="default"/> when there is none. Not in
    /// <see cref="Reminders"/>, which is what is due now.
    /// </summary>
    internal UpcomingAction Upcoming { get; init; }

    /// <summary>Gets a value indicating whether any finding is an error.</summary>
    public bool HasErrors
    {
        get
        {
            foreach (var finding in Findings)
            {
                if (finding.Severity == FluentValidation.Severity.Error)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Gets the largest deductions, the points a record would gain first if it fixed them.</summary>
    /// <param name="count">How many to return at most.</param>
    /// <returns>At most <paramref name="count"/> deductions, largest first; equal ones in the order of <see cref="Deductions"/>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative.</exception>
    public IReadOnlyList<Deduction> TopDeductions(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var top = new Deduction[Math.Min(count, Deductions.Count)];
        var filled = 0;
        foreach (var deduction in Deductions)
        {
            // Insertion into the few kept: a later deduction passes only strictly smaller ones, so ties keep their order.
            var at = filled;
            while (at > 0 && top[at - 1].Points < deduction.Points)
            {
                at--;
            }

            if (at == top.Length)
            {
                continue;
            }

            var last = Math.Min(filled, top.Length - 1);
            Array.Copy(top, at, top, at + 1, last - at);
            top[at] = deduction;
            filled = Math.Min(filled + 1, top.Length);
        }

        return Array.AsReadOnly(top);
    }

    /// <summary>
    /// Creates a FluentValidation result holding a new failure for each of <see cref="Findings"/>, in order (see
    /// <see cref="Finding.ToValidationFailure"/>), for hosts that report through FluentValidation.
    /// </summary>
    /// <returns>A result the caller owns. Like FluentValidation's own, it is invalid if any finding is present, warnings included.</returns>
    public ValidationResult ToValidationResult()
    {
        var failures = new List<ValidationFailure>(Findings.Count);
        foreach (var finding in Findings)
        {
            failures.Add(finding.ToValidationFailure());
        }

        return new ValidationResult(failures);
    }
}
