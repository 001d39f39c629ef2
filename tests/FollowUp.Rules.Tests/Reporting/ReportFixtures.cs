using FluentValidation.Results;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;
using FollowUp.Rules.Reporting;
using FollowUp.Rules.Reminders;
using FollowUp.Rules.Risk;
using FollowUp.Rules.Serialization;
using Microsoft.Extensions.Time.Testing;

namespace FollowUp.Rules.Tests.Reporting;

/// <summary>Records and hand-made evaluations with exactly the numbers a report test needs, and the evaluated sample records.</summary>
internal static class ReportFixtures
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(8));

    private static readonly GradeScale Grades = new(85, 70, 60);

    private static readonly FollowUpEvaluator Evaluator = new(FollowUpRuleSet.Default, new FakeTimeProvider(Now));

    public static string SampleDataPath { get; } = Path.Combine(AppContext.BaseDirectory, "SampleData", "follow-ups.jsonl");

    public static FollowUpRecord Record(
        string? owner = null, string? nextActionOwner = null, EnumValue<DealStage> stage = default, string? company = null, string? name = null) => new()
        {
            Owner = owner,
            Customer = company is null && name is null ? null : new Customer { Company = company, Name = name },
            Progress = new DealProgress { Stage = stage, NextActionOwner = nextActionOwner },
        };

    /// <summary>Adds <paramref name="record"/> with the evaluation <paramref name="evaluated"/> makes of it (pass it as <c>of</c>).</summary>
    public static void Add(this TeamReportBuilder builder, FollowUpRecord record, Func<FollowUpRecord, FollowUpEvaluation> evaluated) =>
        builder.Add(record, evaluated(record));

    /// <summary>
    /// An evaluation as the evaluator would give it, with only what the test sets; everything else empty. Each of
    /// <paramref name="vague"/> is coached (a VagueLanguage finding quotes it); each of <paramref name="uncoached"/> is not.
    /// </summary>
    public static FollowUpEvaluation Evaluated(
        string? id,
        double score,
        Grade? grade = null,
        RiskLevel risk = RiskLevel.Low,
        double riskScore = 0,
        IEnumerable<FollowUpStep>? missingSteps = null,
        double stepScore = 100,
        IEnumerable<Deduction>? deductions = null,
        IEnumerable<string>? vague = null,
        IEnumerable<string>? uncoached = null,
        IEnumerable<string>? signals = null,
        IEnumerable<string>? findings = null,
        TimeSpan? overdue = null,
        TimeSpan? stale = null,
        IEnumerable<string>? unanswered = null,
        DateTimeOffset? evaluatedAt = null,
        FollowUpRecord? of = null)
    {
        // The owner, customer and stage are read from the record by the evaluator's rules, as in a real evaluation.
        var read = of is null ? null : Evaluator.Evaluate(of);
        var missing = (missingSteps ?? []).ToHashSet();
        var steps = Enum.GetValues<FollowUpStep>()
            .Select(step => new StepResult(step, stepScore, missing.Contains(step) ? ["some.field"] : [], []))
            .ToArray();
        FollowUpReminder[] reminders =
        [
            .. overdue is { } late ? [new FollowUpReminder(id, null, null, ReminderKind.Overdue, late, Now - late, "overdue")] : Array.Empty<FollowUpReminder>(),
            .. stale is { } silence ? [new FollowUpReminder(id, null, null, ReminderKind.Stale, silence, null, "stale")] : Array.Empty<FollowUpReminder>(),
        ];
        return new FollowUpEvaluation(
            id,
            "ToB",
            evaluatedAt ?? Now,
            score,
            grade ?? Grades.GradeOf(score),
            new CompletenessResult(stepScore, steps),
            [],
            [.. (vague ?? []).Concat(uncoached ?? []).Select(text => Phrase(text))],
            new RiskAssessment(riskScore, risk, [.. (signals ?? []).Select(code => new RiskSignal(code, "communications[0].summary", code, 0.3))]),
            [.. deductions ?? []],
            [
                .. (findings ?? []).Select(code => new Finding(code, FluentValidation.Severity.Info, "risks", $"{code} message", null, FollowUpStep.AttachmentsAndRisks)),
                .. (vague ?? []).Select(text => new Finding(FindingCodes.VagueLanguage, FluentValidation.Severity.Warning, Phrase(text).Field, $"{text} message", text, FollowUpStep.Communications)),
            ],
            reminders,
            read?.Owner,
            read?.Customer)
        {
            UnansweredSignals = [.. unanswered ?? []],
            Stage = read?.Stage,
        };
    }

    public static Deduction Deduction(DeductionGroup group, double points, string code = "Code", string field = "field") =>
        new(code, group, GradeComponent.Completeness, points, field, $"{code} message");

    public static VagueMatch Phrase(string text, VagueCategory category = VagueCategory.StatusOnly) =>
        new("communications[0].summary", category, text, 0, text.Length);

    /// <summary>Adds hand-made evaluations, each with a record that has no owner, and builds the report.</summary>
    public static TeamReport Report(params FollowUpEvaluation[] evaluations)
    {
        var builder = new TeamReportBuilder();
        foreach (var evaluation in evaluations)
        {
            builder.Add(Record(), evaluation);
        }

        return builder.Build();
    }

    /// <summary>Gets the sample records (samples/data/follow-ups.jsonl), each with its evaluation as of <see cref="Now"/>.</summary>
    public static IReadOnlyList<(FollowUpRecord Record, FollowUpEvaluation Evaluation)> EvaluatedSamples()
    {
        var evaluator = new FollowUpEvaluator(FollowUpRuleSet.Default, new FakeTimeProvider(Now));
        return
        [
            .. File.ReadLines(SampleDataPath)
                .Where(line => !string.IsNullOrWhiteSpace(line))
                .Select(line => FollowUpJson.DeserializeRecord(line)!)
                .Select(record => (record, evaluator.Evaluate(record))),
        ];
    }

    /// <summary>Gets the report over the sample records.</summary>
    public static TeamReport SampleReport()
    {
        var builder = new TeamReportBuilder();
        foreach (var (record, evaluation) in EvaluatedSamples())
        {
            builder.Add(record, evaluation);
        }

        return builder.Build();
    }
}
