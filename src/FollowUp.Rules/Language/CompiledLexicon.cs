namespace FollowUp.Rules.Language;

/// <summary>Which part of its entry a phrase of the automaton is.</summary>
internal enum PhrasePartKind : byte
{
    Whole,
    GapHead,
    GapTail,
}

/// <summary>One phrase of the automaton: the whole entry, or one side of an entry's gap.</summary>
/// <param name="Entry">The index of its entry.</param>
/// <param name="Kind">Which part of the entry it is.</param>
/// <param name="ContentLength">Its letters and digits.</param>
/// <param name="ContentUnits">Its length in content units: a Chinese character is one, an ASCII letter or digit a third.</param>
internal readonly record struct PhrasePart(int Entry, PhrasePartKind Kind, int ContentLength, double ContentUnits);

/// <summary>
/// Every phrase a rule set looks for — vague language, risk signals, negation cues, clause breaks, facts and
/// acknowledgements — compiled into one automaton, so each text is read once for all of them.
/// </summary>
internal sealed class CompiledLexicon
{
    private CompiledLexicon(PhraseAutomaton automaton, LexiconEntry[] entries, PhrasePart[] parts, byte[] vagueReach)
    {
        Automaton = automaton;
        Entries = entries;
        Parts = parts;
        VagueReach = vagueReach;
        EntryContentUnits = new double[entries.Length];
        foreach (var part in parts)
        {
            EntryContentUnits[part.Entry] += part.ContentUnits;
        }
    }

    /// <summary>The content units of each entry, its gap parts together (see <see cref="TextFolding.ContentUnits(string)"/>).</summary>
    public double[] EntryContentUnits { get; }

    public PhraseAutomaton Automaton { get; }

    /// <summary>
    /// By folded character: the length of the longest vague phrase without a gap that starts with it, or 0. Once a scan is that
    /// far past a place the character starts, every such phrase starting there has been found.
    /// </summary>
    public byte[] VagueReach { get; }

    public LexiconEntry[] Entries { get; }

    public PhrasePart[] Parts { get; }

    public static CompiledLexicon Compile(IReadOnlyList<LexiconEntry> entries)
    {
        var parts = new List<PhrasePart>(entries.Count + 16);
        var phrases = new List<(string, int)>(entries.Count + 16);
        var vagueReach = new byte[char.MaxValue + 1];
        for (var e = 0; e < entries.Count; e++)
        {
            var phrase = entries[e].Phrase;
            var gap = phrase.IndexOf(LexiconEntry.GapMarker, StringComparison.Ordinal);
            if (gap < 0)
            {
                Add(phrase, e, PhrasePartKind.Whole);
            }
            else
            {
                Add(phrase[..gap], e, PhrasePartKind.GapHead);
                Add(phrase[(gap + 1)..], e, PhrasePartKind.GapTail);
            }
        }

        return new CompiledLexicon(PhraseAutomaton.Build(phrases), [.. entries], [.. parts], vagueReach);

        void Add(string text, int entry, PhrasePartKind kind)
        {
            var folded = TextFolding.FoldPhrase(text);
            if (kind == PhrasePartKind.Whole && entries[entry].Role == PhraseRole.Vague && folded.Length > 0)
            {
                vagueReach[folded[0]] = (byte)Math.Clamp(folded.Length, vagueReach[folded[0]], byte.MaxValue);
            }

            phrases.Add((folded, parts.Count));
            parts.Add(new PhrasePart(entry, kind, folded.Count(TextFolding.IsContent), TextFolding.ContentUnits(folded)));
        }
    }
}
