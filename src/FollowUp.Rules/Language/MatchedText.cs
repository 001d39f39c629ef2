using System.Collections.Concurrent;

namespace FollowUp.Rules.Language;

/// <summary>
/// The text a phrase matched, as a string shared by every record it occurs in: matches come from a bounded lexicon, so the
/// same few hundred strings (跟进中, 友商, 不满…) would otherwise be allocated again for every record.
/// </summary>
internal static class MatchedText
{
    /// <summary>Enough for every phrase of a lexicon in the spellings people type; beyond it, text is allocated as usual.</summary>
    private const int Capacity = 8192;

    private static readonly BoundedCache<string, string> Texts = new(Capacity, StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Texts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns <paramref name="source"/>[<paramref name="start"/>..<paramref name="end"/>], shared when seen before.</summary>
    public static string Of(string source, int start, int end)
    {
        var span = source.AsSpan(start, end - start);
        if (BySpan.TryGetValue(span, out var text))
        {
            return text;
        }

        text = span.ToString();
        Texts.TryKeep(text, text);
        return text;
    }
}
