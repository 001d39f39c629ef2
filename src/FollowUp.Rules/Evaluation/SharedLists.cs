using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace FollowUp.Rules;

/// <summary>
/// Read-only lists that many records repeat (the same fields missing, the same fields at the same clarity, 跟进中 as a whole
/// summary), shared by content so that an evaluation allocates no list of its own for them. Immutable once kept, so one
/// instance serves every evaluation on any thread.
/// </summary>
/// <typeparam name="T">The element type.</typeparam>
/// <remarks>
/// A list is found by a text key the caller writes, on the stack, from all that decides the list's content, so that a list
/// found allocates nothing; the key becomes a string only when a list is kept.
/// </remarks>
internal sealed class SharedLists<T>
{
    private readonly BoundedCache<string, IReadOnlyList<T>> _lists;
    private readonly ConcurrentDictionary<string, IReadOnlyList<T>>.AlternateLookup<ReadOnlySpan<char>> _byText;

    /// <param name="capacity">How many lists to keep; once full, a list not kept is made for its evaluation alone.</param>
    public SharedLists(int capacity)
    {
        _lists = new BoundedCache<string, IReadOnlyList<T>>(capacity, StringComparer.Ordinal);
        _byText = _lists.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Finds the list kept for <paramref name="key"/>; clears the key if found.</summary>
    public bool TryGet(ref DefaultInterpolatedStringHandler key, [MaybeNullWhen(false)] out IReadOnlyList<T> list)
    {
        if (!_byText.TryGetValue(key.Text, out list))
        {
            return false;
        }

        key.Clear();
        return true;
    }

    /// <summary>Keeps <paramref name="items"/>, read-only, under <paramref name="key"/> if there is room; clears the key.</summary>
    /// <returns>The list to use (the kept one, or <paramref name="items"/> for this evaluation alone), and whether it is shared.</returns>
    public (IReadOnlyList<T> List, bool Shared) Keep(ref DefaultInterpolatedStringHandler key, T[] items)
    {
        if (_lists.IsFull)
        {
            key.Clear();
            return (items, false);
        }

        var list = Array.AsReadOnly(items);
        return (list, _lists.TryKeep(key.ToStringAndClear(), list));
    }

    /// <summary>Forgets every list kept.</summary>
    public void Clear() => _lists.Clear();
}
