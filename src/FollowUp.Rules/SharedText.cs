using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace FollowUp.Rules;

/// <summary>
/// Text that many records repeat, as one string shared by all of them: the text a phrase matched (跟进中, 友商, 不满…), and
/// lists joined from a bounded set of parts ("communications[0].summary, needs.summary", signal labels). Both would
/// otherwise be allocated again for every record.
/// </summary>
internal static class SharedText
{
    /// <summary>Enough for every phrase of a lexicon in the spellings people type, and the lists records make of the first few paths or labels.</summary>
    private const int Capacity = 12_288;

    private static readonly BoundedCache<string, string> Texts = new(Capacity, StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Texts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The longest text kept: longer than any phrase and any list this shares. A longer one (a run of fillers, a whole note of
    /// no content) is the record's own, and would hold its text in the cache.
    /// </summary>
    private const int MaxKeptLength = 256;

    /// <summary>Returns <paramref name="source"/>[<paramref name="start"/>..<paramref name="end"/>], shared when seen before.</summary>
    public static string Of(string source, int start, int end)
    {
        if (end - start > MaxKeptLength)
        {
            return start == 0 && end == source.Length ? source : source[start..end];
        }

        var span = source.AsSpan(start, end - start);
        return BySpan.TryGetValue(span, out var text) ? text : Keep(span.ToString());
    }

    /// <summary>Returns the text <paramref name="builder"/> holds, shared when seen before, and clears the builder.</summary>
    public static string Of(ref DefaultInterpolatedStringHandler builder)
    {
        if (BySpan.TryGetValue(builder.Text, out var text))
        {
            builder.Clear();
            return text;
        }

        return Keep(builder.ToStringAndClear());
    }

    private static string Keep(string text)
    {
        if (text.Length <= MaxKeptLength)
        {
            Texts.TryKeep(text, text);
        }

        return text;
    }
}
