using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;
using FollowUp.Rules.Reminders;
using FollowUp.Rules.Reporting;
using FollowUp.Rules.Risk;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static FollowUp.Rules.Tests.Reporting.ReportFixtures;

namespace FollowUp.Rules.Tests.Reporting;

/// <summary>The invariants of the streaming team report, over generated batches of evaluated records.</summary>
public sealed class TeamReportBuilderProperties
{
    private static readonly string[] Owners = ["李明", "王芳", "Chen Yu", "chen yu", " 李明 ", "-", "", "無"];

    [Property(MaxTest = 200)]
    public Property Build_AnyBatch_CountsAddUpAndRatesStayInRange(byte[] data)
    {
        var batch = Batch(data);
        var report = Build(batch);
        var n = batch.Count;

        return (report.RecordCount == n
                && report.Grades.Values.Sum() == n
                && report.RiskLevels.Values.Sum() + report.RiskNotAssessable == n
                && report.Stages.Sum(s => s.Count) == n
                && report.Owners.Sum(o => o.RecordCount) == n
                && report.Steps.All(s => s.MissingRate is >= 0 and <= 1 && s.RecordsMissing <= n)
                && report.Owners.All(o => o.AverageScore is >= 0 and <= 100)
                && (n == 0 ? report.AverageScore is null : Math.Abs(report.AverageScore!.Value - batch.Average(b => b.Evaluation.Score)) < 1e-9))
            .Label($"{n} records");
    }

    [Property(MaxTest = 200)]
    public Property Build_AnyBatchAndListLimit_AttentionIsTheTopOfAFullSort(byte[] data, byte limit)
    {
        var batch = Batch(data);
        var listLimit = ListLimit(limit);
        var report = Build(batch, listLimit);

        var expected = batch
            .Select((b, i) => (b.Evaluation, Index: i, Overdue: b.Evaluation.Reminders.Where(r => r.Kind == ReminderKind.Overdue).Select(r => r.Late).DefaultIfEmpty(TimeSpan.Zero).Max()))
            .Where(x => x.Evaluation.Grade != Grade.A || x.Evaluation.Risk.Level >= RiskLevel.High || x.Overdue > TimeSpan.Zero)
            .OrderBy(x => x.Evaluation.Grade == Grade.D ? 0 : 1)
            .ThenBy(x => x.Evaluation.Score)
            .ThenByDescending(x => x.Evaluation.Risk.Score)
            .ThenByDescending(x => x.Overdue)
            .ThenBy(x => x.Index)
            .Take(listLimit)
            .Select(x => x.Evaluation.Id);

        return expected.SequenceEqual(report.NeedsAttention.Select(a => a.Id))
            .Label($"expected {string.Join(",", expected)}, got {string.Join(",", report.NeedsAttention.Select(a => a.Id))}");
    }

    [Property(MaxTest = 200)]
    public Property Build_AnyBatchAndListLimit_DealsAtRiskAreTheTopOfAFullSortOfOpenDeals(byte[] data, byte limit)
    {
        var batch = Batch(data);
        var listLimit = ListLimit(limit);
        var report = Build(batch, listLimit);

        TimeSpan Late(FollowUpEvaluation evaluation, ReminderKind kind) =>
            evaluation.Reminders.Where(r => r.Kind == kind).Select(r => r.Late).DefaultIfEmpty(TimeSpan.Zero).Max();

        var atRisk = batch
            .Select((b, i) => (b.Evaluation, Index: i, Open: b.Record.Progress?.Stage.Value is not DealStage.Lost,
                Overdue: Late(b.Evaluation, ReminderKind.Overdue), Stale: Late(b.Evaluation, ReminderKind.Stale)))
            .Select(x => (x.Evaluation, x.Index, x.Overdue, x.Stale, Reasons: x.Open
                ? new[] { x.Overdue > TimeSpan.Zero, x.Evaluation.Owner is null, x.Stale > TimeSpan.Zero, x.Evaluation.UnansweredSignals.Any(c => c != RiskSignalCodes.Stale) }
                : new bool[4]))
            .Where(x => x.Reasons.Contains(true))
            .Where(x => batch[x.Index].Record.Progress?.Stage.Value is not DealStage.Signed || x.Reasons[0] || x.Reasons[3])
            .ToList();
        var expected = atRisk
            .OrderBy(x => Array.IndexOf(x.Reasons, true))
            .ThenByDescending(x => x.Reasons.Count(r => r))
            .ThenByDescending(x => x.Overdue)
            .ThenByDescending(x => x.Stale)
            .ThenByDescending(x => x.Evaluation.Risk.Score)
            .ThenBy(x => x.Index)
            .Take(listLimit)
            .Select(x => x.Evaluation.Id);

        return (expected.SequenceEqual(report.DealsAtRisk.Select(d => d.Id)) && report.DealsAtRiskCount == atRisk.Count)
            .Label($"expected {string.Join(",", expected)} of {atRisk.Count}, got {string.Join(",", report.DealsAtRisk.Select(d => d.Id))} of {report.DealsAtRiskCount}");
    }

    [Property(MaxTest = 100)]
    public Property Build_AnySplitOfABatch_GivesTheSameReportAsOneBuilderAtATime(byte[] data, byte split)
    {
        // Build() is a snapshot: building part way and then going on gives what one build at the end gives.
        var batch = Batch(data);
        var builder = new TeamReportBuilder();
        var at = batch.Count == 0 ? 0 : split % (batch.Count + 1);
        foreach (var (record, evaluation) in batch.Take(at))
        {
            builder.Add(record, evaluation);
        }

        var partial = builder.Build();
        foreach (var (record, evaluation) in batch.Skip(at))
        {
            builder.Add(record, evaluation);
        }

        var whole = Build(batch);
        var resumed = builder.Build();
        return (partial.RecordCount == at
                && resumed.ToString(TeamReportFormat.Json) == whole.ToString(TeamReportFormat.Json))
            .Label($"split at {at} of {batch.Count}");
    }

    /// <summary>Decodes every 4 bytes into a record: score, risk, owner and stage, overdue and missing steps.</summary>
    private static List<(FollowUpRecord Record, FollowUpEvaluation Evaluation)> Batch(byte[]? data)
    {
        data ??= [];
        var batch = new List<(FollowUpRecord, FollowUpEvaluation)>();
        for (var i = 0; i + 3 < data.Length; i += 4)
        {
            var score = data[i] % 101 * 0.5 + (data[i] % 3 == 0 ? 50 : 0);
            var risk = (RiskLevel)(data[i + 1] % 4);
            var stage = data[i + 2] % 9;
            var record = Record(
                owner: Owners[data[i + 2] % Owners.Length],
                stage: stage < 7 ? (DealStage)stage : stage == 7 ? EnumValue<DealStage>.Parse("谈恋爱") : default);
            var evaluation = Evaluated(
                $"R{i / 4}",
                Math.Min(score, 100),
                risk: risk,
                riskScore: data[i + 1] % 50 * 2,
                missingSteps: Enum.GetValues<FollowUpStep>().Where(s => (data[i + 3] & (1 << (int)s)) != 0),
                stepScore: data[i + 3] % 101,
                deductions: [Deduction((DeductionGroup)(data[i + 3] % 5), data[i] % 7 + 0.25)],
                vague: data[i + 3] % 2 == 0 ? ["跟进中", "ＳＯＯＮ"] : ["跟 進 中"],
                signals: data[i + 1] % 3 == 0 ? [RiskSignalCodes.Competitor, RiskSignalCodes.Stale] : [],
                findings: data[i + 2] % 5 == 0 ? [FindingCodes.RiskNotAssessable] : [],
                overdue: (data[i + 3] & 0x80) != 0 ? TimeSpan.FromHours(data[i + 2]) + TimeSpan.FromMinutes(1) : null,
                stale: data[i + 1] % 5 == 0 ? TimeSpan.FromDays(data[i] % 20 + 4) : null,
                unanswered: data[i + 3] % 3 == 0 ? [RiskSignalCodes.Competitor] : data[i + 3] % 3 == 1 ? [RiskSignalCodes.Stale] : [],
                of: record);
            batch.Add((record, evaluation));
        }

        return batch;
    }

    /// <summary>A list limit from 1 to 16, or the default 10 for every other byte: small limits cut most batches short.</summary>
    private static int ListLimit(byte limit) => limit % 2 == 0 ? TeamReport.AttentionLimit : 1 + (limit / 2 % 16);

    private static TeamReport Build(IEnumerable<(FollowUpRecord Record, FollowUpEvaluation Evaluation)> batch, int listLimit = TeamReport.AttentionLimit)
    {
        var builder = new TeamReportBuilder(listLimit);
        foreach (var (record, evaluation) in batch)
        {
            builder.Add(record, evaluation);
        }

        return builder.Build();
    }
}
