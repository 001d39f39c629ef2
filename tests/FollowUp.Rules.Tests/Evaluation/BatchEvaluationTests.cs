using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests;

public sealed class BatchEvaluationTests
{
    private static readonly FollowUpEvaluator Evaluator = TestClock.Evaluator();

    private static FollowUpRecord[] Records(int count) =>
        [.. Enumerable.Range(0, count).Select(i => SampleRecords.CompleteToB() with { Id = $"R{i}", Owner = i % 3 == 0 ? null : "李明" })];

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public void EvaluateMany_AnyParallelism_KeepsInputOrderAndMatchesOneByOne(int parallelism)
    {
        var records = Records(700);
        var evaluations = Evaluator.EvaluateMany(records, new BatchEvaluationOptions { MaxDegreeOfParallelism = parallelism }).ToList();
        Assert.Equal(records.Select(r => r.Id), evaluations.Select(e => e.Id));
        Assert.Equal(records.Select(r => Evaluator.Evaluate(r).Score), evaluations.Select(e => e.Score));
    }

    [Fact]
    public async Task EvaluateRowsAsync_RowsWithoutRecord_PassThroughUnevaluatedInPlace()
    {
        var rows = Enumerable.Range(0, 300).Select(i => (Line: i + 1, Record: i % 7 == 0 ? null : SampleRecords.CompleteToB() with { Id = $"L{i + 1}" }));
        var results = new List<BatchResult<(int Line, FollowUpRecord? Record)>>();
        await foreach (var result in Evaluator.EvaluateRowsAsync(rows.ToAsyncEnumerable(), row => row.Record))
        {
            results.Add(result);
        }

        Assert.Equal(Enumerable.Range(1, 300), results.Select(r => r.Item.Line));
        Assert.All(results, r => Assert.Equal(r.Item.Record is null, r.Evaluation is null));
        Assert.All(results.Where(r => r.Evaluation is not null), r => Assert.Equal($"L{r.Item.Line}", r.Evaluation!.Id));
    }

    [Fact]
    public void EvaluateMany_Progress_IsReportedEveryIntervalAndAtTheEnd()
    {
        var reports = new List<long>();
        var options = new BatchEvaluationOptions { ProgressInterval = 100, Progress = new SyncProgress(p => reports.Add(p.Evaluated)) };
        _ = Evaluator.EvaluateMany(Records(250), options).ToList();
        Assert.Equal([100, 200, 250], reports);
    }

    [Fact]
    public void EvaluateMany_Cancelled_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        cancellation.Cancel();
        Assert.ThrowsAny<OperationCanceledException>(() => Evaluator.EvaluateMany(Records(10), null, cancellation.Token).ToList());
    }

    [Fact]
    public void EvaluateMany_ProfileOption_AppliesToEveryRecord()
    {
        var evaluations = Evaluator.EvaluateMany(Records(3), new BatchEvaluationOptions { Profile = "ToC" }).ToList();
        Assert.All(evaluations, e => Assert.Equal("ToC", e.Profile));
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(2, 0)]
    public void EvaluateMany_OptionBelowOne_Throws(int parallelism, int interval) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Evaluator.EvaluateMany(Records(1), new BatchEvaluationOptions { MaxDegreeOfParallelism = parallelism, ProgressInterval = interval }));

    private sealed class SyncProgress(Action<BatchProgress> report) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => report(value);
    }
}
