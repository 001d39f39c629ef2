using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace FollowUp.Rules.Messages;

/// <summary>
/// Text joined from parts of a bounded set (field paths, signal labels), as a string shared by every record that joins the
/// same parts: "communications[0].summary, needs.summary" would otherwise be built again for each one.
/// </summary>
internal static class SharedText
{
    /// <summary>Enough for the lists records make of the first few paths or labels; beyond it, text is allocated as usual.</summary>
    private const int Capacity = 4096;

    private static readonly BoundedCache<string, string> Texts = new(Capacity, StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> BySpan =
        Texts.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Returns the text <paramref name="builder"/> holds, shared when seen before, and clears the builder.</summary>
    public static string Of(ref DefaultInterpolatedStringHandler builder)
    {
        if (BySpan.TryGetValue(builder.Text, out var text))
        {
            builder.Clear();
            return text;
        }

        text = builder.ToStringAndClear();
        Texts.TryKeep(text, text);
        return text;
    }
}
