using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace FollowUp.Rules;

/// <summary>
/// A thread-safe cache of immutable values that many records repeat (messages, deductions, lists of paths), so that each
/// is built once and shared. It keeps at most a fixed number of entries: records may hold any text, so what is kept must
/// not grow with the input. When it is full it starts over, empty: what records keep repeating is soon kept again, so a
/// long-running host goes on sharing what its records say now, not only what its first records said.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly IEqualityComparer<TKey>? _comparer;
    private readonly int _capacity;
    private Generation _current;

    public BoundedCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        _capacity = capacity;
        _comparer = comparer;
        _current = new Generation(comparer);
    }

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => Volatile.Read(ref _current).Entries.TryGetValue(key, out value);

    /// <summary>Looks an entry up by another form of its key, such as a span of characters for a string.</summary>
    public bool TryGetValue<TAlternateKey>(TAlternateKey key, [MaybeNullWhen(false)] out TValue value)
        where TAlternateKey : notnull, allows ref struct =>
        Volatile.Read(ref _current).Entries.GetAlternateLookup<TAlternateKey>().TryGetValue(key, out value);

    /// <summary>Keeps <paramref name="value"/> under <paramref name="key"/> if the key is new, starting over once full.</summary>
    /// <returns>Whether it was kept.</returns>
    public bool TryKeep(TKey key, TValue value)
    {
        // The count, not ConcurrentDictionary.Count, which takes every lock. Threads racing the swap may add a few entries to
        // the generation being dropped; they are built again when next needed.
        var generation = Volatile.Read(ref _current);
        if (Volatile.Read(ref generation.Count) >= _capacity)
        {
            var fresh = new Generation(_comparer);
            generation = Interlocked.CompareExchange(ref _current, fresh, generation) == generation ? fresh : Volatile.Read(ref _current);
        }

        if (!generation.Entries.TryAdd(key, value))
        {
            return false;
        }

        Interlocked.Increment(ref generation.Count);
        return true;
    }

    /// <summary>The value kept under <paramref name="key"/>, or one made by <paramref name="create"/> and kept.</summary>
    public TValue GetOrCreate<TState>(TKey key, Func<TKey, TState, TValue> create, TState state)
    {
        if (TryGetValue(key, out var value))
        {
            return value;
        }

        value = create(key, state);
        TryKeep(key, value);
        return value;
    }

    private sealed class Generation(IEqualityComparer<TKey>? comparer)
    {
        public readonly ConcurrentDictionary<TKey, TValue> Entries = new(comparer);

        public int Count;
    }
}
