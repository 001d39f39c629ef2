using FollowUp.Rules.Reminders;
using FollowUp.Rules.Reporting;
using FollowUp.Rules.Risk;
using FollowUp.Rules.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

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

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 1)]
    [InlineData(2, 1000)]
    [InlineData(3, 1001)]
    public async Task EvaluateManyAsync_OverManyChunks_KeepsInputOrderAndMatchesOneByOne(int parallelism, int count)
    {
        var records = Records(count);
        var options = new BatchEvaluationOptions { MaxDegreeOfParallelism = parallelism };

        var evaluations = new List<FollowUpEvaluation>();
        await foreach (var evaluation in Evaluator.EvaluateManyAsync(records.ToAsyncEnumerable(), options))
        {
            evaluations.Add(evaluation);
        }

        Assert.Equal(records.Select(r => r.Id), evaluations.Select(e => e.Id));
        Assert.Equal(records.Select(r => Evaluator.Evaluate(r).Score), evaluations.Select(e => e.Score));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 64)]
    [InlineData(2, 1000)]
    [InlineData(3, 1001)]
    public void EvaluateMany_OverManyChunks_KeepsInputOrderAndMatchesOneByOne(int parallelism, int count)
    {
        var records = Records(count);

        var evaluations = Evaluator.EvaluateMany(records, new BatchEvaluationOptions { MaxDegreeOfParallelism = parallelism }).ToList();

        Assert.Equal(records.Select(r => r.Id), evaluations.Select(e => e.Id));
        Assert.Equal(records.Select(r => Evaluator.Evaluate(r).Score), evaluations.Select(e => e.Score));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(1, 300)]
    [InlineData(2, 300)]
    [InlineData(8, 1023)]
    public void EvaluateMany_NullRecord_HandsBackEveryRecordBeforeItThenNamesItsRow(int parallelism, int failing)
    {
        var records = Records(1280);
        records[failing] = null!;
        var handed = new List<FollowUpEvaluation>();

        var thrown = Assert.Throws<BatchEvaluationException>(() =>
        {
            foreach (var evaluation in Evaluator.EvaluateMany(records, new BatchEvaluationOptions { MaxDegreeOfParallelism = parallelism }))
            {
                handed.Add(evaluation);
            }
        });

        Assert.Equal(records.Take(failing).Select(r => r.Id), handed.Select(e => e.Id));
        Assert.Equal((failing, null), (thrown.Row, thrown.RecordId));
        Assert.IsType<ArgumentNullException>(thrown.InnerException);
        Assert.StartsWith($"Row {failing} of the batch could not be evaluated", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EvaluateRowsAsync_RecordOfOrEvaluationThrows_HandsBackTheRowsBeforeAndNamesTheRowAndRecord()
    {
        var records = Records(700);
        var evaluator = TestClock.Evaluator(FollowUpRuleSet.Create(new FollowUpRulesOptions(), [new ThrowingDetector("R500")]));
        var handed = new List<int>();

        var thrown = await Assert.ThrowsAsync<BatchEvaluationException>(async () =>
        {
            await foreach (var (index, _) in evaluator.EvaluateRowsAsync(
                Enumerable.Range(0, records.Length).ToAsyncEnumerable(), i => i == 600 ? throw new FormatException("row 600") : records[i],
                new BatchEvaluationOptions { MaxDegreeOfParallelism = 2 }))
            {
                handed.Add(index);
            }
        });

        Assert.Equal(Enumerable.Range(0, 500), handed);
        Assert.Equal((500, "R500"), (thrown.Row, thrown.RecordId));
        Assert.Contains("'R500'", thrown.Message, StringComparison.Ordinal);
        Assert.Equal("boom", thrown.InnerException!.Message);
    }

    [Fact]
    public void EvaluateRows_RecordOfThrows_NamesTheRowWithoutARecord()
    {
        var thrown = Assert.Throws<BatchEvaluationException>(() =>
            Evaluator.EvaluateRows(Enumerable.Range(0, 10), i => i == 7 ? throw new FormatException("bad row") : Records(1)[0]).ToList());

        Assert.Equal((7L, (string?)null), (thrown.Row, thrown.RecordId));
        Assert.IsType<FormatException>(thrown.InnerException);
    }

    [Fact]
    public void EvaluateMany_UnknownProfile_ThrowsAtTheCall()
    {
        var options = new BatchEvaluationOptions { Profile = "Nope" };

        Assert.Throws<KeyNotFoundException>(() => Evaluator.EvaluateMany(Records(1), options));
        Assert.Throws<KeyNotFoundException>(() => Evaluator.EvaluateManyAsync(Records(1).ToAsyncEnumerable(), options));
    }

    /// <summary>A custom detector that throws for one record, as a buggy one would.</summary>
    private sealed class ThrowingDetector(string failingId) : IRiskSignalDetector
    {
        public IReadOnlyList<RiskSignalDefinition> Signals => [];

        public void Detect(RiskDetectionContext context)
        {
            if (context.Record.Id == failingId)
            {
                throw new InvalidOperationException("boom");
            }
        }
    }

    [Fact]
    public void EvaluateMany_CallerStopsEarly_EndsWithoutErrorAndDisposesTheSource()
    {
        var source = new DisposalTrackingSource(Records(2000));

        var seen = Evaluator.EvaluateMany(source).Take(150).Count();

        Assert.Equal(150, seen);
        Assert.True(source.Disposed);
    }

    [Fact]
    public void EvaluateMany_ReadsTheNextChunkWhileTheCurrentOneIsEvaluated()
    {
        // Chunks are 64 records with one worker. The evaluator holds the first chunk until the source has handed out the
        // first record of the second: that only happens if reading goes on during the evaluation.
        var gate = new GatedEvaluator(Evaluator, releaseAfterReading: 65);
        var options = new BatchEvaluationOptions { MaxDegreeOfParallelism = 1 };

        var evaluations = gate.EvaluateMany(gate.Count(Records(200)), options).ToList();

        Assert.Equal(200, evaluations.Count);
        Assert.False(gate.TimedOut, "The first chunk was evaluated before the second was read.");
    }

    [Fact]
    public async Task EvaluateManyAsync_ReadsTheNextChunkWhileTheCurrentOneIsEvaluated()
    {
        var gate = new GatedEvaluator(Evaluator, releaseAfterReading: 65);
        var options = new BatchEvaluationOptions { MaxDegreeOfParallelism = 1 };

        var count = 0;
        await foreach (var evaluation in gate.EvaluateManyAsync(gate.Count(Records(200)).ToAsyncEnumerable(), options))
        {
            count++;
        }

        Assert.Equal(200, count);
        Assert.False(gate.TimedOut, "The first chunk was evaluated before the second was read.");
    }

    [Fact]
    public async Task EvaluateManyAsync_CallerStopsEarly_EndsWithoutError()
    {
        var seen = 0;
        await foreach (var evaluation in Evaluator.EvaluateManyAsync(Records(2000).ToAsyncEnumerable()))
        {
            if (++seen == 150)
            {
                break;
            }
        }

        Assert.Equal(150, seen);
    }

    [Fact]
    public async Task EvaluateManyAsync_CancelledMidway_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var evaluation in Evaluator.EvaluateManyAsync(Records(3000).ToAsyncEnumerable(), null, cancellation.Token))
            {
                if (++seen == 100)
                {
                    await cancellation.CancelAsync();
                }
            }
        });
        Assert.Equal(100, seen);
    }

    [Fact]
    public async Task EvaluateManyAsync_CancelledThroughWithCancellation_Throws()
    {
        using var cancellation = new CancellationTokenSource();
        var seen = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var evaluation in Evaluator.EvaluateManyAsync(Records(3000).ToAsyncEnumerable()).WithCancellation(cancellation.Token))
            {
                if (++seen == 100)
                {
                    await cancellation.CancelAsync();
                }
            }
        });
        Assert.InRange(seen, 100, 2999);
    }

    [Fact]
    public async Task EvaluateManyAsync_Progress_IsReportedEveryIntervalAndAtTheEnd()
    {
        var reports = new List<long>();
        var options = new BatchEvaluationOptions { ProgressInterval = 100, Progress = new SyncProgress(p => reports.Add(p.Evaluated)) };

        await foreach (var evaluation in Evaluator.EvaluateManyAsync(Records(250).ToAsyncEnumerable(), options))
        {
        }

        Assert.Equal([100, 200, 250], reports);
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
    public void EvaluateMany_CancelledWhileTheSourceIsRead_StopsReadingAtOnce()
    {
        using var cancellation = new CancellationTokenSource();
        var read = 0;
        IEnumerable<FollowUpRecord> Source()
        {
            foreach (var record in Records(3000))
            {
                if (++read == 10)
                {
                    cancellation.Cancel();
                }

                yield return record;
            }
        }

        Assert.ThrowsAny<OperationCanceledException>(() => Evaluator.EvaluateMany(Source(), new BatchEvaluationOptions { MaxDegreeOfParallelism = 4 }, cancellation.Token).ToList());
        Assert.Equal(10, read);
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

    [Theory]
    [InlineData(0, 1000, "BatchEvaluationOptions.MaxDegreeOfParallelism")]
    [InlineData(2, 0, "BatchEvaluationOptions.ProgressInterval")]
    public void EvaluateMany_OptionBelowOne_NamesTheOption(int parallelism, int interval, string option)
    {
        var thrown = Assert.Throws<ArgumentOutOfRangeException>("options", () =>
            Evaluator.EvaluateMany(Records(1), new BatchEvaluationOptions { MaxDegreeOfParallelism = parallelism, ProgressInterval = interval }));

        Assert.Contains(option, thrown.Message, StringComparison.Ordinal);
        Assert.Equal(0, thrown.ActualValue);
    }

    [Theory]
    [InlineData(0, 1000)]
    [InlineData(2, 0)]
    public void EvaluateRowsAsync_OptionBelowOne_ThrowsAtTheCall(int parallelism, int interval) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Evaluator.EvaluateRowsAsync(Records(1).ToAsyncEnumerable(), r => r, new BatchEvaluationOptions { MaxDegreeOfParallelism = parallelism, ProgressInterval = interval }));

    [Fact]
    public void EvaluateManyAsync_OptionBelowOne_ThrowsAtTheCall() =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            Evaluator.EvaluateManyAsync(Records(1).ToAsyncEnumerable(), new BatchEvaluationOptions { MaxDegreeOfParallelism = 0 }));

    [Fact]
    public void EvaluateManyAsync_NullArgument_ThrowsAtTheCall()
    {
        Assert.Throws<ArgumentNullException>("records", () => Evaluator.EvaluateManyAsync(null!));
        Assert.Throws<ArgumentNullException>("evaluator", () => ((IFollowUpEvaluator)null!).EvaluateManyAsync(Records(1).ToAsyncEnumerable()));
    }

    [Fact]
    public void EvaluateRowsAsync_NullArgument_ThrowsAtTheCall()
    {
        var rows = Records(1).ToAsyncEnumerable();
        Assert.Throws<ArgumentNullException>("items", () => Evaluator.EvaluateRowsAsync<FollowUpRecord>(null!, r => r));
        Assert.Throws<ArgumentNullException>("recordOf", () => Evaluator.EvaluateRowsAsync(rows, null!));
        Assert.Throws<ArgumentNullException>("evaluator", () => ((IFollowUpEvaluator)null!).EvaluateRowsAsync(rows, r => r));
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(1, 64)]
    [InlineData(1, 200)]
    [InlineData(3, 500)]
    public void EvaluateMany_SourceFailsMidway_HandsBackEveryRecordReadThenThrowsTheSourcesException(int parallelism, int readBeforeFailure)
    {
        var records = Records(readBeforeFailure);
        var evaluations = new List<FollowUpEvaluation>();

        var thrown = Assert.Throws<IOException>(() =>
        {
            foreach (var evaluation in Evaluator.EvaluateMany(FailingAfter(records), new BatchEvaluationOptions { MaxDegreeOfParallelism = parallelism }))
            {
                evaluations.Add(evaluation);
            }
        });

        Assert.Equal("disk gone", thrown.Message);
        Assert.Equal(records.Select(r => r.Id), evaluations.Select(e => e.Id));
    }

    [Theory]
    [InlineData(1, 10)]
    [InlineData(1, 64)]
    [InlineData(1, 200)]
    [InlineData(3, 500)]
    public async Task EvaluateManyAsync_SourceFailsMidway_HandsBackEveryRecordReadThenThrowsTheSourcesException(int parallelism, int readBeforeFailure)
    {
        var records = Records(readBeforeFailure);
        var evaluations = new List<FollowUpEvaluation>();

        var thrown = await Assert.ThrowsAsync<IOException>(async () =>
        {
            var options = new BatchEvaluationOptions { MaxDegreeOfParallelism = parallelism };
            await foreach (var evaluation in Evaluator.EvaluateManyAsync(FailingAfter(records).ToAsyncEnumerable(), options))
            {
                evaluations.Add(evaluation);
            }
        });

        Assert.Equal("disk gone", thrown.Message);
        Assert.Equal(records.Select(r => r.Id), evaluations.Select(e => e.Id));
    }

    [Fact]
    public void EvaluateRows_SourceFailsMidway_HandsBackEveryRowReadThenThrowsTheSourcesException()
    {
        var records = Records(100);
        var lines = new List<int>();

        Assert.Throws<IOException>(() =>
        {
            foreach (var result in Evaluator.EvaluateRows(FailingAfter(records).Select((record, i) => (Line: i + 1, Record: record)), row => row.Record))
            {
                lines.Add(result.Item.Line);
            }
        });

        Assert.Equal(Enumerable.Range(1, 100), lines);
    }

    [Fact]
    public async Task EvaluateRowsAsync_SourceFailsMidway_HandsBackEveryRowReadThenThrowsTheSourcesException()
    {
        var records = Records(100);
        var lines = new List<int>();

        await Assert.ThrowsAsync<IOException>(async () =>
        {
            var rows = FailingAfter(records).Select((record, i) => (Line: i + 1, Record: record)).ToAsyncEnumerable();
            await foreach (var result in Evaluator.EvaluateRowsAsync(rows, row => row.Record))
            {
                lines.Add(result.Item.Line);
            }
        });

        Assert.Equal(Enumerable.Range(1, 100), lines);
    }

    [Fact]
    public void EvaluateMany_SourceFailsMidway_ReportsEveryIntervalAndWhatWasHandedBackBeforeRethrowing()
    {
        var reports = new List<long>();
        var options = new BatchEvaluationOptions { ProgressInterval = 50, Progress = new SyncProgress(p => reports.Add(p.Evaluated)) };

        Assert.Throws<IOException>(() => Evaluator.EvaluateMany(FailingAfter(Records(120)), options).ToList());

        Assert.Equal([50, 100, 120], reports);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public void EvaluateMany_ClockTicksBetweenReads_ReadsItOnceAndEvaluatesEveryRecordAtThatTime(int parallelism)
    {
        var clock = TickingClock();
        var evaluator = new FollowUpEvaluator(FollowUpRuleSet.Default, clock);

        var evaluations = evaluator.EvaluateMany(Records(300), new BatchEvaluationOptions { MaxDegreeOfParallelism = parallelism }).ToList();

        Assert.All(evaluations, e => Assert.Equal(TestClock.Now, e.EvaluatedAt));
        Assert.Equal(TestClock.Now.AddTicks(1000), clock.GetUtcNow()); // read once, however many rows started together
    }

    [Fact]
    public async Task EvaluateRowsAsync_ClockTicksBetweenReads_EvaluatesEveryRecordAtTheBatchStart()
    {
        var evaluator = new FollowUpEvaluator(FollowUpRuleSet.Default, TickingClock());

        var times = new HashSet<DateTimeOffset>();
        await foreach (var result in evaluator.EvaluateRowsAsync(Records(300).ToAsyncEnumerable(), r => r, new BatchEvaluationOptions { MaxDegreeOfParallelism = 3 }))
        {
            times.Add(result.Evaluation!.EvaluatedAt);
        }

        Assert.Equal([TestClock.Now], times);
    }

    [Fact]
    public void EvaluateMany_NowGiven_EvaluatesAtItInTheRulesOffsetWithoutReadingTheClock()
    {
        var clock = TickingClock();
        var evaluator = new FollowUpEvaluator(FollowUpRuleSet.Default, clock);
        var at = new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero);

        var evaluations = evaluator.EvaluateMany(Records(100), new BatchEvaluationOptions { Now = at }).ToList();

        Assert.All(evaluations, e => Assert.Equal((at, TestClock.ChinaOffset), (e.EvaluatedAt, e.EvaluatedAt.Offset)));
        Assert.Equal(TestClock.Now, clock.GetUtcNow());
    }

    [Fact]
    public void Evaluate_OutsideABatch_ReadsTheClockAtEachCall()
    {
        var evaluator = new FollowUpEvaluator(FollowUpRuleSet.Default, TickingClock());
        _ = evaluator.EvaluateMany(Records(10)).ToList();

        var first = evaluator.Evaluate(SampleRecords.CompleteToB());
        var second = evaluator.Evaluate(SampleRecords.CompleteToB());

        Assert.True(second.EvaluatedAt > first.EvaluatedAt);
    }

    [Fact]
    public void EvaluateMany_HostEvaluator_EvaluatesEveryRecordAtOneTime()
    {
        using var services = new ServiceCollection().AddSingleton<TimeProvider>(TickingClock()).AddFollowUpRules().Services.BuildServiceProvider();
        var evaluator = services.GetRequiredService<IFollowUpEvaluator>();

        var times = evaluator.EvaluateMany(Records(200), new BatchEvaluationOptions { MaxDegreeOfParallelism = 4 }).Select(e => e.EvaluatedAt).Distinct();

        Assert.Equal([TestClock.Now], times);
    }

    [Fact]
    public void Remind_ClockTicksBetweenReads_RemindersAlikeAreLateAlikeInRecordOrder()
    {
        var evaluator = new FollowUpEvaluator(FollowUpRuleSet.Default, TickingClock());

        var reminders = evaluator.Remind(OverdueCopies(20)).Where(r => r.Kind == ReminderKind.Overdue).ToList();

        Assert.Equal(20, reminders.Count);
        Assert.Single(reminders.Select(r => r.Late).Distinct());
        Assert.Equal(Enumerable.Range(0, 20).Select(i => $"D{i:D2}"), reminders.Select(r => r.RecordId));
    }

    [Fact]
    public async Task TeamReport_SameUploadTwiceUnderATickingClock_ListsTiedDealsAtRiskInInputOrderBothTimes()
    {
        var records = OverdueCopies(40);

        var first = await ReportOf(records);
        var second = await ReportOf(records);

        Assert.Equal(Enumerable.Range(0, TeamReport.AttentionLimit).Select(i => $"D{i:D2}"), first.DealsAtRisk.Select(d => d.Id));
        Assert.Equal(first.ToString(TeamReportFormat.Json), second.ToString(TeamReportFormat.Json));

        // As a host does it: a fresh evaluator whose clock ticks on every read, rows streamed in parallel.
        static async Task<TeamReport> ReportOf(FollowUpRecord[] records)
        {
            var evaluator = new FollowUpEvaluator(FollowUpRuleSet.Default, TickingClock());
            var builder = new TeamReportBuilder();
            await foreach (var (record, evaluation) in evaluator.EvaluateRowsAsync(records.ToAsyncEnumerable(), r => r, new BatchEvaluationOptions { MaxDegreeOfParallelism = 4 }))
            {
                builder.Add(record, evaluation!);
            }

            return builder.Build();
        }
    }

    /// <summary>A clock at <see cref="TestClock.Now"/> that moves a tenth of a millisecond each time it is read, as a real one does between evaluations.</summary>
    private static FakeTimeProvider TickingClock() => new(TestClock.Now) { AutoAdvanceAmount = TimeSpan.FromTicks(1000) };

    /// <summary>Copies of one deal whose next action was due three days ago, ids D00, D01, …: a tie in every respect but input order.</summary>
    private static FollowUpRecord[] OverdueCopies(int count) =>
        [.. Enumerable.Range(0, count).Select(i => SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = TestClock.DaysFromNow(-3) }) with { Id = $"D{i:D2}" })];

    private static IEnumerable<FollowUpRecord> FailingAfter(IEnumerable<FollowUpRecord> records)
    {
        foreach (var record in records)
        {
            yield return record;
        }

        throw new IOException("disk gone");
    }

    /// <summary>An evaluator that holds its evaluations until the source has handed out a given number of records.</summary>
    private sealed class GatedEvaluator(IFollowUpEvaluator inner, int releaseAfterReading) : IFollowUpEvaluator
    {
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _read;

        public bool TimedOut { get; private set; }

        public FollowUpRuleSet Rules => inner.Rules;

        public IEnumerable<FollowUpRecord> Count(IEnumerable<FollowUpRecord> records)
        {
            foreach (var record in records)
            {
                if (Interlocked.Increment(ref _read) == releaseAfterReading)
                {
                    _released.TrySetResult();
                }

                yield return record;
            }
        }

        public FollowUpEvaluation Evaluate(FollowUpRecord record)
        {
            if (!_released.Task.Wait(TimeSpan.FromSeconds(10)))
            {
                TimedOut = true;
                _released.TrySetResult();
            }

            return inner.Evaluate(record);
        }

        public FollowUpEvaluation Evaluate(FollowUpRecord record, string? profile) => Evaluate(record);
    }

    private sealed class DisposalTrackingSource(IEnumerable<FollowUpRecord> records) : IEnumerable<FollowUpRecord>
    {
        public bool Disposed { get; private set; }

        public IEnumerator<FollowUpRecord> GetEnumerator()
        {
            try
            {
                foreach (var record in records)
                {
                    yield return record;
                }
            }
            finally
            {
                Disposed = true;
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private sealed class SyncProgress(Action<BatchProgress> report) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => report(value);
    }
}
