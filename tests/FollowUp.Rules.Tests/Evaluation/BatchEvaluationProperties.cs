using FollowUp.Rules.Reporting;
using FollowUp.Rules.Tests.Generators;
using FollowUp.Rules.Tests.TestData;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;

namespace FollowUp.Rules.Tests;

/// <summary>A batch is evaluated at one time, so the same upload gives the same team report however the clock moves meanwhile.</summary>
public sealed class BatchEvaluationProperties
{
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 100)]
    public Property EvaluateMany_SameBatchTwiceUnderATickingClock_GivesTheSameReport(FollowUpRecord[] records, PositiveInt copies, PositiveInt parallelism)
    {
        // Copies tie in everything but input order, which is what the report's lists fall back to.
        var batch = records.SelectMany(record => Enumerable.Repeat(record, 1 + (copies.Get % 4))).ToArray();
        var options = new BatchEvaluationOptions { MaxDegreeOfParallelism = 1 + (parallelism.Get % 4) };

        var (firstTimes, first) = Run(batch, options);
        var (secondTimes, second) = Run(batch, options);

        var differ = first.Split('\n').Zip(second.Split('\n')).FirstOrDefault(lines => lines.First != lines.Second);
        // The clock is read once per batch, its first reading: TestClock.Now, however many rows start together.
        return (firstTimes.All(t => t == TestClock.Now) && secondTimes.All(t => t == TestClock.Now) && first == second)
            .Label($"{batch.Length} records at {string.Join(", ", firstTimes)} and {string.Join(", ", secondTimes)}; first difference: {differ}");
    }

    private static (HashSet<DateTimeOffset> Times, string Report) Run(FollowUpRecord[] batch, BatchEvaluationOptions options)
    {
        var evaluator = new FollowUpEvaluator(FollowUpRuleSet.Default, new FakeTimeProvider(TestClock.Now) { AutoAdvanceAmount = TimeSpan.FromTicks(1000) });
        var builder = new TeamReportBuilder();
        var times = new HashSet<DateTimeOffset>();
        foreach (var (record, evaluation) in evaluator.EvaluateRows(batch, r => r, options))
        {
            times.Add(evaluation!.EvaluatedAt);
            builder.Add(record, evaluation);
        }

        return (times, builder.Build().ToString(TeamReportFormat.Json));
    }

    public static class Arbitraries
    {
        public static Arbitrary<FollowUpRecord[]> Records() => RecordGen.Record.ArrayOf().Select(records => records.Take(40).ToArray()).ToArbitrary();
    }
}
