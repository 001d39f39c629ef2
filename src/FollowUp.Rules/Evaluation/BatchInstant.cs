namespace FollowUp.Rules;

/// <summary>
/// The one "now" of a batch: every record of it is evaluated at this time, so that records alike are late by exactly as much
/// and rank by input order, not by when each happened to be evaluated. A batch sets it on the thread that evaluates a row, for
/// the length of that row (<see cref="Enter"/>); <see cref="FollowUpEvaluator"/> reads it there instead of its clock, which
/// reaches an evaluator wrapped in another (a host's, which follows reloads) as well.
/// </summary>
internal sealed class BatchInstant
{
    [ThreadStatic]
    private static BatchInstant? t_current;

    /// <summary>Held while the clock is read, so that it is read once however many rows start together.</summary>
    private readonly Lock _gate = new();

    /// <summary>The time, boxed once it is known, so that the first evaluation to take it publishes it to the others at once.</summary>
    private object? _now;

    /// <summary>Initializes a new instance of the <see cref="BatchInstant"/> class.</summary>
    /// <param name="now">The batch's time; <see langword="null"/> to take it from the clock of the first evaluation.</param>
    public BatchInstant(DateTimeOffset? now) => _now = now;

    /// <summary>Gets the instant of the batch a row of which this thread is evaluating, or <see langword="null"/>.</summary>
    public static BatchInstant? Current => t_current;

    /// <summary>Gets the batch's time, reading <paramref name="clock"/> for it if no evaluation of the batch has yet.</summary>
    public DateTimeOffset Now(TimeProvider clock)
    {
        if (Volatile.Read(ref _now) is { } now)
        {
            return (DateTimeOffset)now;
        }

        // One read only: rows racing to be first would otherwise each read the clock, and which reading stood would vary.
        lock (_gate)
        {
            return (DateTimeOffset)(_now ??= clock.GetUtcNow());
        }
    }

    /// <summary>Makes this the instant of the calling thread until the scope returned is disposed.</summary>
    public Scope Enter()
    {
        var outer = t_current;
        t_current = this;
        return new Scope(outer);
    }

    /// <summary>Puts back the instant the thread had before, if any: a batch started inside a batch's row ends as it began.</summary>
    public readonly struct Scope(BatchInstant? outer) : IDisposable
    {
        public void Dispose() => t_current = outer;
    }
}
