using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;

namespace FollowUp.Rules;

/// <summary>How a batch of records is evaluated.</summary>
public sealed class BatchEvaluationOptions
{
    /// <summary>Gets or sets how many records are evaluated at once.</summary>
    /// <value><see cref="Environment.ProcessorCount"/>. 1 evaluates one record at a time.</value>
    public int MaxDegreeOfParallelism { get; set; } = Environment.ProcessorCount;

    /// <summary>Gets or sets the profile to evaluate every record with, whatever its scenario says, or <see langword="null"/> to follow each record's scenario.</summary>
    public string? Profile { get; set; }

    /// <summary>
    /// Gets or sets the time every record of the batch is evaluated at, or <see langword="null"/> to read the evaluator's
    /// <see cref="TimeProvider"/> once, when the batch's first record is evaluated. Either way the whole batch shares one
    /// "now", so records alike are overdue or silent for exactly as long, and a ranking of them (the team report's deals at
    /// risk) falls back to input order, the same on every run.
    /// </summary>
    /// <value><see langword="null"/>. Evaluations show the time in the rules' <see cref="FollowUpRuleSet.DefaultUtcOffset"/>, as they show the clock's.</value>
    public DateTimeOffset? Now { get; set; }

    /// <summary>Gets or sets where progress is reported, or <see langword="null"/> for none.</summary>
    public IProgress<BatchProgress>? Progress { get; set; }

    /// <summary>Gets or sets how many evaluations pass between progress reports; a last report follows the last record.</summary>
    /// <value>1000.</value>
    public int ProgressInterval { get; set; } = 1000;
}

/// <summary>How far a batch has come.</summary>
/// <param name="Evaluated">The number of rows handed back so far, in input order.</param>
public readonly record struct BatchProgress(long Evaluated);

/// <summary>One row of a batch: the caller's item and its evaluation, or <see langword="null"/> when the item had no record.</summary>
/// <typeparam name="TItem">The caller's row type, such as an imported row with its line number.</typeparam>
/// <param name="Item">The item as given.</param>
/// <param name="Evaluation">Its evaluation, or <see langword="null"/> when the item carried no record.</param>
public readonly record struct BatchResult<TItem>(TItem Item, FollowUpEvaluation? Evaluation);

/// <summary>
/// Evaluates many records with bounded parallelism, handing results back in input order as soon as they are ready, so a
/// stream of any length is evaluated in flat memory. One chunk is evaluated while the next is read and the one before is
/// consumed, in the synchronous forms as in the asynchronous ones. Cancellation is checked before each record is read and
/// before each result is handed back, so it stops within one record (after the chunk in evaluation, if any, finishes). When the source
/// throws, every row read before the failure is still evaluated and handed back, in order, and then the source's exception
/// is rethrown as it was, so an import knows where it stopped. When a row cannot be evaluated (a null record, a custom
/// detector that throws), the rows before it are handed back and a <see cref="BatchEvaluationException"/> names the row.
/// Every record of a batch is evaluated at one time (<see cref="BatchEvaluationOptions.Now"/>), when evaluated by a
/// <see cref="FollowUpEvaluator"/> or an evaluator that calls one (the evaluator <c>AddFollowUpRules</c> registers).
/// </summary>
public static class BatchEvaluation
{
    private const int RowsPerWorker = 64;

    /// <summary>Evaluates records in input order.</summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="records">The records.</param>
    /// <param name="options">The batch options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>One evaluation per record, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluator"/> or <paramref name="records"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException"><see cref="BatchEvaluationOptions.Profile"/> names no profile.</exception>
    /// <exception cref="BatchEvaluationException">While enumerating: a record is <see langword="null"/>, or its evaluation threw; the records before it were handed back.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="BatchEvaluationOptions.MaxDegreeOfParallelism"/> or <see cref="BatchEvaluationOptions.ProgressInterval"/> is below 1.</exception>
    /// <exception cref="OperationCanceledException">The batch was cancelled.</exception>
    public static IEnumerable<FollowUpEvaluation> EvaluateMany(
        this IFollowUpEvaluator evaluator, IEnumerable<FollowUpRecord> records, BatchEvaluationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return evaluator.EvaluateRows(records, record => record ?? throw new ArgumentNullException(nameof(records), "A record is null."), options, cancellationToken)
            .Select(result => result.Evaluation!);
    }

    /// <summary>Evaluates rows that carry their own context (a line number, a source row), in input order.</summary>
    /// <typeparam name="TItem">The row type.</typeparam>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="items">The rows.</param>
    /// <param name="recordOf">Gives a row's record, or <see langword="null"/> when it has none (an unreadable row), which is handed back unevaluated.</param>
    /// <param name="options">The batch options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>One result per row, in input order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException"><see cref="BatchEvaluationOptions.Profile"/> names no profile.</exception>
    /// <exception cref="BatchEvaluationException">While enumerating: <paramref name="recordOf"/> or a row's evaluation threw; the rows before it were handed back.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="BatchEvaluationOptions.MaxDegreeOfParallelism"/> or <see cref="BatchEvaluationOptions.ProgressInterval"/> is below 1.</exception>
    /// <exception cref="OperationCanceledException">The batch was cancelled.</exception>
    public static IEnumerable<BatchResult<TItem>> EvaluateRows<TItem>(
        this IFollowUpEvaluator evaluator, IEnumerable<TItem> items, Func<TItem, FollowUpRecord?> recordOf, BatchEvaluationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(recordOf);
        var settings = Validate(evaluator, options);
        return Run(evaluator, items, recordOf, settings, cancellationToken);
    }

    /// <summary>Evaluates an asynchronous stream of records in input order.</summary>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="records">The records.</param>
    /// <param name="options">The batch options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>One evaluation per record, in input order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="evaluator"/> or <paramref name="records"/> is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException"><see cref="BatchEvaluationOptions.Profile"/> names no profile.</exception>
    /// <exception cref="BatchEvaluationException">While enumerating: a record is <see langword="null"/>, or its evaluation threw; the records before it were handed back.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="BatchEvaluationOptions.MaxDegreeOfParallelism"/> or <see cref="BatchEvaluationOptions.ProgressInterval"/> is below 1.</exception>
    /// <exception cref="OperationCanceledException">The batch was cancelled.</exception>
    public static IAsyncEnumerable<FollowUpEvaluation> EvaluateManyAsync(
        this IFollowUpEvaluator evaluator, IAsyncEnumerable<FollowUpRecord> records, BatchEvaluationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(records);
        return evaluator.EvaluateRowsAsync(records, record => record ?? throw new ArgumentNullException(nameof(records), "A record is null."), options, cancellationToken)
            .Select(result => result.Evaluation!);
    }

    /// <summary>Evaluates an asynchronous stream of rows that carry their own context, in input order.</summary>
    /// <typeparam name="TItem">The row type.</typeparam>
    /// <param name="evaluator">The evaluator.</param>
    /// <param name="items">The rows.</param>
    /// <param name="recordOf">Gives a row's record, or <see langword="null"/> when it has none, which is handed back unevaluated.</param>
    /// <param name="options">The batch options, or <see langword="null"/> for the defaults.</param>
    /// <param name="cancellationToken">Stops the batch.</param>
    /// <returns>One result per row, in input order.</returns>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="KeyNotFoundException"><see cref="BatchEvaluationOptions.Profile"/> names no profile.</exception>
    /// <exception cref="BatchEvaluationException">While enumerating: <paramref name="recordOf"/> or a row's evaluation threw; the rows before it were handed back.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="BatchEvaluationOptions.MaxDegreeOfParallelism"/> or <see cref="BatchEvaluationOptions.ProgressInterval"/> is below 1.</exception>
    /// <exception cref="OperationCanceledException">The batch was cancelled.</exception>
    public static IAsyncEnumerable<BatchResult<TItem>> EvaluateRowsAsync<TItem>(
        this IFollowUpEvaluator evaluator, IAsyncEnumerable<TItem> items, Func<TItem, FollowUpRecord?> recordOf, BatchEvaluationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        // Checked here rather than in the iterator, which would only throw on the first MoveNextAsync.
        ArgumentNullException.ThrowIfNull(evaluator);
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(recordOf);
        var settings = Validate(evaluator, options);
        return RunAsync(evaluator, items, recordOf, settings, cancellationToken);
    }

    private static async IAsyncEnumerable<BatchResult<TItem>> RunAsync<TItem>(
        IFollowUpEvaluator evaluator, IAsyncEnumerable<TItem> items, Func<TItem, FollowUpRecord?> recordOf, BatchEvaluationOptions settings,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var chunks = new Chunks<TItem>(evaluator, recordOf, settings, new BatchInstant(settings.Now), ChunkSize(settings), cancellationToken);
        long handed = 0;
        try
        {
            await using var enumerator = items.GetAsyncEnumerator(cancellationToken);
            var more = true;
            while (more)
            {
                more = await chunks.ReadNextAsync(enumerator).ConfigureAwait(false);
                if (chunks.Evaluating is { } evaluating)
                {
                    await evaluating.ConfigureAwait(false);
                }

                chunks.EvaluateRead();
                for (var i = 0; i < (chunks.ReadFailure?.Index ?? chunks.Read.Count); i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return chunks.ReadResults[i];
                    Report(settings, ++handed, last: false);
                }

                ThrowIfFailed(chunks.ReadFailure, settings, handed);
            }

            var lastFailure = chunks.Evaluating is { } last ? await last.ConfigureAwait(false) : null;
            for (var i = 0; i < (lastFailure?.Index ?? chunks.Evaluated.Count); i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return chunks.EvaluatedResults[i];
                Report(settings, ++handed, last: false);
            }

            ThrowIfFailed(lastFailure, settings, handed);

            // What was handed back is reported as for a finished batch, before the source's exception, if any.
            Report(settings, handed, last: true);
            chunks.SourceFailure?.Throw();
        }
        finally
        {
            // A caller that stops early leaves a chunk in evaluation: let it finish before the buffers are dropped.
            if (chunks.Evaluating is Task unfinished)
            {
                await unfinished.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private static IEnumerable<BatchResult<TItem>> Run<TItem>(
        IFollowUpEvaluator evaluator, IEnumerable<TItem> items, Func<TItem, FollowUpRecord?> recordOf, BatchEvaluationOptions settings,
        CancellationToken cancellationToken)
    {
        // As RunAsync, waiting instead of awaiting: the caller's thread reads the next chunk and consumes the one
        // before while the current one is evaluated.
        var chunks = new Chunks<TItem>(evaluator, recordOf, settings, new BatchInstant(settings.Now), ChunkSize(settings), cancellationToken);
        long handed = 0;
        try
        {
            using var enumerator = items.GetEnumerator();
            var source = new SynchronousSource<TItem>(enumerator);
            var more = true;
            while (more)
            {
                // The asynchronous read over a source that never waits: it has completed by the time it returns.
                var read = chunks.ReadNextAsync(source);
                more = read.IsCompleted ? read.Result : read.AsTask().GetAwaiter().GetResult();
                chunks.Evaluating?.GetAwaiter().GetResult();
                chunks.EvaluateRead();
                for (var i = 0; i < (chunks.ReadFailure?.Index ?? chunks.Read.Count); i++)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return chunks.ReadResults[i];
                    Report(settings, ++handed, last: false);
                }

                ThrowIfFailed(chunks.ReadFailure, settings, handed);
            }

            var lastFailure = chunks.Evaluating?.GetAwaiter().GetResult();
            for (var i = 0; i < (lastFailure?.Index ?? chunks.Evaluated.Count); i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                yield return chunks.EvaluatedResults[i];
                Report(settings, ++handed, last: false);
            }

            ThrowIfFailed(lastFailure, settings, handed);

            // What was handed back is reported as for a finished batch, before the source's exception, if any.
            Report(settings, handed, last: true);
            chunks.SourceFailure?.Throw();
        }
        finally
        {
            ((Task?)chunks.Evaluating)?.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing).GetAwaiter().GetResult();
        }
    }

    /// <summary>
    /// Evaluates a chunk in parallel into <paramref name="results"/>; a row that throws stops the rows after it, and the first
    /// such row is returned, so that the rows before it are still handed back.
    /// </summary>
    private static RowFailure? Evaluate<TItem>(
        IFollowUpEvaluator evaluator, List<TItem> chunk, Func<TItem, FollowUpRecord?> recordOf, BatchResult<TItem>[] results,
        BatchEvaluationOptions settings, BatchInstant instant, CancellationToken cancellationToken)
    {
        var profile = settings.Profile;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = settings.MaxDegreeOfParallelism, CancellationToken = cancellationToken };
        RowFailure? first = null;
        var gate = new Lock();
        try
        {
            Parallel.For(0, chunk.Count, parallel, (i, loop) =>
            {
                var item = chunk[i];
                FollowUpRecord? record = null;
                using var batchTime = instant.Enter();
                try
                {
                    record = recordOf(item);
                    var evaluation = record is null ? null : evaluator.Evaluate(record, profile);
                    results[i] = new BatchResult<TItem>(item, evaluation);
                }
                catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
                {
                    // Break, not Stop: every row before this one still runs, so all of them can be handed back.
                    loop.Break();
                    lock (gate)
                    {
                        if (first is null || i < first.Index)
                        {
                            first = new RowFailure(i, record?.Id, failure);
                        }
                    }
                }
            });
        }
        catch (AggregateException failed)
        {
            // Only a row that threw once the batch was cancelled gets here: the caller sees that exception, as one evaluation would throw it.
            ExceptionDispatchInfo.Throw(failed.InnerExceptions[0]);
        }

        return first;
    }

    /// <summary>
    /// Once the rows before a row that failed have been handed back (<paramref name="handed"/> of them, so the failed row is
    /// the batch's row of that index), reports them as a finished batch's and throws what the row threw, naming the row.
    /// </summary>
    private static void ThrowIfFailed(RowFailure? failure, BatchEvaluationOptions settings, long handed)
    {
        if (failure is not null)
        {
            Report(settings, handed, last: true);
            throw new BatchEvaluationException(handed, failure.RecordId, failure.Error);
        }
    }

    /// <summary>The first row of a chunk that could not be evaluated: its index in the chunk, its record's id if it had a record, and what it threw.</summary>
    private sealed record RowFailure(int Index, string? RecordId, Exception Error);

    /// <summary>
    /// The two chunks of a batch, double-buffered: while one is evaluated in parallel, the other is read and then handed
    /// out, so reading, evaluating and the caller's consuming overlap instead of taking turns.
    /// </summary>
    private sealed class Chunks<TItem>(
        IFollowUpEvaluator evaluator, Func<TItem, FollowUpRecord?> recordOf, BatchEvaluationOptions settings, BatchInstant instant, int size,
        CancellationToken cancellationToken)
    {
        /// <summary>Gets the chunk being read; after <see cref="EvaluateRead"/>, the chunk evaluated before, to hand out.</summary>
        public List<TItem> Read { get; private set; } = new(size);

        public BatchResult<TItem>[] ReadResults { get; private set; } = new BatchResult<TItem>[size];

        /// <summary>Gets the chunk in evaluation, or the last one evaluated.</summary>
        public List<TItem> Evaluated { get; private set; } = new(size);

        public BatchResult<TItem>[] EvaluatedResults { get; private set; } = new BatchResult<TItem>[size];

        /// <summary>Gets the evaluation under way, if any: the first row of its chunk that failed, or <see langword="null"/>.</summary>
        public Task<RowFailure?>? Evaluating { get; private set; }

        /// <summary>Gets the first row that failed in the chunk to hand out, after <see cref="EvaluateRead"/>.</summary>
        public RowFailure? ReadFailure { get; private set; }

        /// <summary>Gets what the source threw, to rethrow once every row read before it has been handed out.</summary>
        public ExceptionDispatchInfo? SourceFailure { get; private set; }

        /// <summary>Reads the next chunk into <see cref="Read"/>.</summary>
        /// <returns>Whether the source may hold more rows: <see langword="false"/> once it is exhausted or has thrown.</returns>
        public async ValueTask<bool> ReadNextAsync(IAsyncEnumerator<TItem> source)
        {
            Read.Clear();
            try
            {
                while (Read.Count < size)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (!await source.MoveNextAsync().ConfigureAwait(false))
                    {
                        return false;
                    }

                    Read.Add(source.Current);
                }

                return true;
            }
            catch (Exception failure) when (!cancellationToken.IsCancellationRequested)
            {
                // A cancelled batch stops at once, as it always has; any other failure ends the reading, and the rows read
                // before it are still evaluated and handed out, so the caller learns where the source stopped.
                SourceFailure = ExceptionDispatchInfo.Capture(failure);
                return false;
            }
        }

        /// <summary>Once the evaluation before has finished: starts evaluating the chunk just read, and swaps the chunks.</summary>
        public void EvaluateRead()
        {
            ReadFailure = Evaluating is { IsCompletedSuccessfully: true } done ? done.Result : null;
            (Read, Evaluated) = (Evaluated, Read);
            (ReadResults, EvaluatedResults) = (EvaluatedResults, ReadResults);
            var (chunk, results) = (Evaluated, EvaluatedResults);
            Evaluating = chunk.Count == 0 || ReadFailure is not null
                ? null
                : Task.Run(() => Evaluate(evaluator, chunk, recordOf, results, settings, instant, cancellationToken), cancellationToken);
        }
    }

    private static void Report(BatchEvaluationOptions settings, long handed, bool last)
    {
        var due = last ? handed % settings.ProgressInterval != 0 || handed == 0 : handed % settings.ProgressInterval == 0;
        if (settings.Progress is { } progress && due)
        {
            progress.Report(new BatchProgress(handed));
        }
    }

    private static int ChunkSize(BatchEvaluationOptions settings) => Math.Max(1, settings.MaxDegreeOfParallelism * RowsPerWorker);

    private static BatchEvaluationOptions Validate(IFollowUpEvaluator evaluator, BatchEvaluationOptions? options)
    {
        options ??= new BatchEvaluationOptions();
        if (options.Profile is { } profile)
        {
            // Throws KeyNotFoundException naming the known profiles, now rather than at the first row.
            _ = evaluator.Rules.GetProfile(profile);
        }

        // The parameter is the whole options object, so the message names the property that is wrong.
        if (options.MaxDegreeOfParallelism < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.MaxDegreeOfParallelism, $"{nameof(BatchEvaluationOptions)}.{nameof(BatchEvaluationOptions.MaxDegreeOfParallelism)} must be 1 or more.");
        }

        if (options.ProgressInterval < 1)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options), options.ProgressInterval, $"{nameof(BatchEvaluationOptions)}.{nameof(BatchEvaluationOptions.ProgressInterval)} must be 1 or more.");
        }

        return options;
    }
}

/// <summary>A synchronous source seen as an asynchronous one whose every step has already completed.</summary>
file sealed class SynchronousSource<TItem>(IEnumerator<TItem> source) : IAsyncEnumerator<TItem>
{
    public TItem Current => source.Current;

    public ValueTask<bool> MoveNextAsync() => new(source.MoveNext());

    /// <summary>Nothing to do: the batch disposes the enumerator it wraps.</summary>
    public ValueTask DisposeAsync() => default;
}
