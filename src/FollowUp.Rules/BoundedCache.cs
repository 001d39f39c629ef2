using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace FollowUp.Rules;

/// <summary>
/// A thread-safe cache of immutable values that many records repeat (messages, deductions, lists of paths), so that each
/// is built once and shared. It keeps at most a fixed number of entries: records may hold any text, so what is kept must
/// not grow with the input. Once full, it still finds what it kept, and new values are simply not kept.
/// </summary>
internal sealed class BoundedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, TValue> _entries;
    private readonly int _capacity;
    private int _count;

    public BoundedCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        _capacity = capacity;
        _entries = new ConcurrentDictionary<TKey, TValue>(comparer);
    }

    /// <summary>Gets whether the cache keeps no more values.</summary>
    /// <remarks>By its own count, not <c>ConcurrentDictionary.Count</c>, which takes every lock; racing threads may overshoot by a few entries.</remarks>
    public bool IsFull => Volatile.Read(ref _count) >= _capacity;

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => _entries.TryGetValue(key, out value);

    /// <summary>Keeps <paramref name="value"/> under <paramref name="key"/> if there is room and the key is new.</summary>
    /// <returns>Whether it was kept.</returns>
    public bool TryKeep(TKey key, TValue value)
    {
        if (IsFull || !_entries.TryAdd(key, value))
        {
            return false;
        }

        Interlocked.Increment(ref _count);
        return true;
    }

    /// <summary>The value kept under <paramref name="key"/>, or one made by <paramref name="create"/> and kept if there is room.</summary>
    public TValue GetOrCreate<TState>(TKey key, Func<TKey, TState, TValue> create, TState state)
    {
        if (_entries.TryGetValue(key, out var value))
        {
            return value;
        }

        value = create(key, state);
        TryKeep(key, value);
        return value;
    }

    /// <summary>Forgets every entry, so that the cache keeps new ones again.</summary>
    public void Clear()
    {
        _entries.Clear();
        Volatile.Write(ref _count, 0);
    }

    /// <summary>Looks entries up by another form of their key, such as a span of characters for a string.</summary>
    public ConcurrentDictionary<TKey, TValue>.AlternateLookup<TAlternateKey> GetAlternateLookup<TAlternateKey>()
        where TAlternateKey : notnull, allows ref struct =>
        _entries.GetAlternateLookup<TAlternateKey>();
}
