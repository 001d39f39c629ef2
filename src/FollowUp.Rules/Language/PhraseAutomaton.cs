using System.Runtime.CompilerServices;

namespace FollowUp.Rules.Language;

/// <summary>One phrase occurrence, reported by <see cref="PhraseAutomaton.Scan{TSink}"/>.</summary>
/// <param name="Payload">The caller's value for the phrase.</param>
/// <param name="Start">The UTF-16 offset of the first matched character in the original text.</param>
/// <param name="End">The UTF-16 offset just past the last matched character in the original text.</param>
/// <param name="FoldedStart">The position of the first matched character in the folded text.</param>
/// <param name="FoldedEnd">The position just past the last matched character in the folded text.</param>
/// <param name="Before">The folded character before the match, or <c>'\0'</c> at the start of the text.</param>
/// <param name="After">The folded character after the match (a space for white space), or <c>'\0'</c> at the end.</param>
/// <param name="Next">The folded character after the match and any white space, or <c>'\0'</c> at the end.</param>
internal readonly record struct PhraseMatch(int Payload, int Start, int End, int FoldedStart, int FoldedEnd, char Before, char After, char Next);

/// <summary>Receives what <see cref="PhraseAutomaton.Scan{TSink}"/> sees. Implemented by structs so calls inline.</summary>
internal interface IPhraseSink
{
    /// <summary>Called for every character of the folded text, before the matches that end on it.</summary>
    void OnChar(char original, char folded, int start, int foldedPosition);

    /// <summary>Called for every phrase that ends on the last character passed to <see cref="OnChar"/>.</summary>
    void OnMatch(in PhraseMatch match);
}

/// <summary>
/// An Aho–Corasick automaton over folded text: finds every occurrence of every phrase in one pass, folding the text as it
/// goes (<see cref="TextFolding"/>), so offsets point into the original string and nothing is allocated per scan.
/// </summary>
/// <remarks>
/// <para>
/// A phrase that begins (ends) with an ASCII letter only matches where no ASCII letter precedes (follows) it, so English
/// words match whole. The automaton is immutable and safe to share between threads.
/// </para>
/// <para>
/// Layout, for speed. Every input character is mapped once, through a table of the automaton's own, to its folded form
/// and its class: its index in the sorted alphabet of phrase characters, or 0 for a character no phrase contains, which
/// always leads back to the root. States are numbered breadth first, so the root and its children come first; the scan
/// spends most of its time in them, so they get dense rows over the classes with their fail links already resolved, and a
/// transition from them is one array load. Deeper states, visited far less, keep a sorted edge list and follow fail links
/// until a state with a dense row answers. The dense rows cost (1 + the number of distinct first characters) × (1 + the
/// alphabet size) ints: about 1.4 MB for the shipped lexicon.
/// </para>
/// </remarks>
internal sealed class PhraseAutomaton
{
    /// <summary>The longest phrase, in folded characters, the automaton accepts.</summary>
    public const int MaxPhraseLength = 64;

    private const int RingMask = MaxPhraseLength - 1;

    // The high half of a _charInfo entry is a class, or one of these for the characters the scan never passes to a
    // transition. The low half is the folded character.
    private const int FirstSpecialClass = 0xFFFD;
    private const int SpaceClass = 0xFFFD;
    private const int LineBreakClass = 0xFFFE;
    private const int IgnorableClass = 0xFFFF;

    private readonly uint[] _charInfo;
    private readonly int _spaceClass;
    private readonly int _classCount;
    private readonly int _denseCount;
    private readonly int[] _dense;
    private readonly int[] _fail;
    private readonly int[] _edgeStart;
    private readonly ushort[] _edgeClasses;
    private readonly int[] _edgeTargets;
    private readonly int[] _outputStart;
    private readonly int[] _outputs;
    private readonly Phrase[] _phrases;

    private PhraseAutomaton(
        uint[] charInfo, int spaceClass, int classCount, int denseCount, int[] dense, int[] fail, int[] edgeStart, ushort[] edgeClasses,
        int[] edgeTargets, int[] outputStart, int[] outputs, Phrase[] phrases)
    {
        _charInfo = charInfo;
        _spaceClass = spaceClass;
        _classCount = classCount;
        _denseCount = denseCount;
        _dense = dense;
        _fail = fail;
        _edgeStart = edgeStart;
        _edgeClasses = edgeClasses;
        _edgeTargets = edgeTargets;
        _outputStart = outputStart;
        _outputs = outputs;
        _phrases = phrases;
    }

    /// <summary>Builds an automaton.</summary>
    /// <param name="phrases">Each phrase, already folded with <see cref="TextFolding.FoldPhrase"/>, with its payload.</param>
    public static PhraseAutomaton Build(IReadOnlyList<(string Folded, int Payload)> phrases)
    {
        var trie = new List<Dictionary<char, int>> { new() };
        var terminal = new List<List<int>?> { null };
        var built = new Phrase[phrases.Count];
        for (var p = 0; p < phrases.Count; p++)
        {
            var (folded, payload) = phrases[p];
            if (folded.Length is 0 or > MaxPhraseLength)
            {
                throw new ArgumentException($"Phrase '{folded}' must have 1 to {MaxPhraseLength} characters.", nameof(phrases));
            }

            built[p] = new Phrase(folded.Length, payload, TextFolding.IsAsciiLetter(folded[0]), TextFolding.IsAsciiLetter(folded[^1]));
            var node = 0;
            foreach (var c in folded)
            {
                if (!trie[node].TryGetValue(c, out var next))
                {
                    next = trie.Count;
                    trie.Add([]);
                    terminal.Add(null);
                    trie[node][c] = next;
                }

                node = next;
            }

            (terminal[node] ??= []).Add(p);
        }

        // Fail links and outputs, breadth first; `order` is also the new numbering of the states.
        var count = trie.Count;
        var fail = new int[count];
        var outputs = new List<int>[count];
        var order = new List<int>(count) { 0 };
        outputs[0] = [];
        for (var head = 0; head < order.Count; head++)
        {
            var node = order[head];
            foreach (var (c, child) in trie[node])
            {
                var f = node == 0 ? 0 : Step(trie, fail, fail[node], c);
                fail[child] = f;
                outputs[child] = [.. terminal[child] ?? [], .. outputs[f]];
                order.Add(child);
            }
        }

        var id = new int[count];
        for (var k = 0; k < count; k++)
        {
            id[order[k]] = k;
        }

        // The alphabet: every phrase character gets a class from 1 up, in character order; 0 is every other character.
        var classOf = new ushort[char.MaxValue + 1];
        var classCount = 1;
        foreach (var c in trie.SelectMany(edges => edges.Keys).Distinct().Order())
        {
            if (classCount == FirstSpecialClass)
            {
                throw new ArgumentException("The phrases use too many distinct characters.", nameof(phrases));
            }

            classOf[c] = (ushort)classCount++;
        }

        var charInfo = new uint[char.MaxValue + 1];
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            var folded = TextFolding.Fold(c);
            var info = TextFolding.IsIgnorable(c) ? IgnorableClass
                : !TextFolding.IsWhitespace(c) ? classOf[folded]
                : TextFolding.IsClauseEnd(c) ? LineBreakClass
                : SpaceClass;
            charInfo[i] = ((uint)info << 16) | folded;
        }

        // Dense rows for the root and its children (the first states breadth first). A child's fail link is the root, so
        // its row is the root's row with its own edges written over it.
        var denseCount = 1 + trie[0].Count;
        var dense = new int[denseCount * classCount];
        for (var state = 0; state < denseCount; state++)
        {
            var row = dense.AsSpan(state * classCount, classCount);
            if (state > 0)
            {
                dense.AsSpan(id[fail[order[state]]] * classCount, classCount).CopyTo(row);
            }

            foreach (var (c, child) in trie[order[state]])
            {
                row[classOf[c]] = id[child];
            }
        }

        // Sorted edge lists for the deeper states (empty for the dense ones), and every state's outputs, in the new numbering.
        var newFail = new int[count];
        var edgeStart = new int[count + 1];
        var edgeClasses = new List<ushort>();
        var edgeTargets = new List<int>();
        var outputStart = new int[count + 1];
        var flatOutputs = new List<int>();
        for (var state = 0; state < count; state++)
        {
            var node = order[state];
            newFail[state] = id[fail[node]];
            edgeStart[state] = edgeClasses.Count;
            if (state >= denseCount)
            {
                foreach (var (c, child) in trie[node].OrderBy(e => e.Key))
                {
                    edgeClasses.Add(classOf[c]);
                    edgeTargets.Add(id[child]);
                }
            }

            outputStart[state] = flatOutputs.Count;
            flatOutputs.AddRange(outputs[node]);
        }

        edgeStart[count] = edgeClasses.Count;
        outputStart[count] = flatOutputs.Count;
        return new PhraseAutomaton(
            charInfo, classOf[' '], classCount, denseCount, dense, newFail, edgeStart, [.. edgeClasses], [.. edgeTargets], outputStart,
            [.. flatOutputs], built);
    }

    /// <summary>Scans <paramref name="text"/> once, reporting every folded character and every phrase occurrence to <paramref name="sink"/>.</summary>
    public void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IPhraseSink
    {
        Span<int> ringStart = stackalloc int[MaxPhraseLength];
        Span<char> ringChar = stackalloc char[MaxPhraseLength];
        var charInfo = _charInfo;
        var state = 0;
        var position = 0;
        var previous = '\0';
        var pendingSpaceAt = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var original = text[i];
            var info = charInfo[original];
            var cls = (int)(info >> 16);
            if (cls >= FirstSpecialClass)
            {
                if (cls == LineBreakClass)
                {
                    // A line break ends a clause; it reaches the sink as a break, never inside a phrase.
                    sink.OnChar(original, '\n', i, position);
                    ringStart[position & RingMask] = i;
                    ringChar[position & RingMask] = '\n';
                    position++;
                    previous = '\n';
                    state = 0;
                    pendingSpaceAt = -1;
                }
                else if (cls == SpaceClass && pendingSpaceAt < 0)
                {
                    pendingSpaceAt = i;
                }

                continue;
            }

            var folded = (char)info;
            if (pendingSpaceAt >= 0)
            {
                if (TextFolding.IsAsciiWordChar(previous) && TextFolding.IsAsciiWordChar(folded))
                {
                    Advance(' ', _spaceClass, text[pendingSpaceAt], pendingSpaceAt, text, ref state, ref position, ringStart, ringChar, ref sink);
                }

                pendingSpaceAt = -1;
            }

            Advance(folded, cls, original, i, text, ref state, ref position, ringStart, ringChar, ref sink);
            previous = folded;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Advance<TSink>(
        char folded, int cls, char original, int index, ReadOnlySpan<char> text, ref int state, ref int position, Span<int> ringStart,
        Span<char> ringChar, ref TSink sink)
        where TSink : struct, IPhraseSink
    {
        ringStart[position & RingMask] = index;
        ringChar[position & RingMask] = folded;
        sink.OnChar(original, folded, index, position);
        state = cls == 0 ? 0 : Next(state, cls);
        var from = _outputStart[state];
        var to = _outputStart[state + 1];
        if (from != to)
        {
            Report(from, to, index, position, text, ringStart, ringChar, ref sink);
        }

        position++;
    }

    private void Report<TSink>(
        int from, int to, int index, int position, ReadOnlySpan<char> text, ReadOnlySpan<int> ringStart, ReadOnlySpan<char> ringChar, ref TSink sink)
        where TSink : struct, IPhraseSink
    {
        var after = PeekFolded(text, index + 1, skipWhitespace: false);
        var next = after == ' ' ? PeekFolded(text, index + 1, skipWhitespace: true) : after;
        for (var o = from; o < to; o++)
        {
            var phrase = _phrases[_outputs[o]];
            var foldedStart = position - phrase.Length + 1;
            var before = foldedStart > 0 ? ringChar[(foldedStart - 1) & RingMask] : '\0';
            if ((phrase.WholeWordStart && TextFolding.IsAsciiLetter(before)) || (phrase.WholeWordEnd && TextFolding.IsAsciiLetter(after)))
            {
                continue;
            }

            sink.OnMatch(new PhraseMatch(phrase.Payload, ringStart[foldedStart & RingMask], index + 1, foldedStart, position + 1, before, after, next));
        }
    }

    /// <summary>The transition on a phrase character's class: one load from a dense row for the root and its children.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private int Next(int state, int cls) =>
        state < _denseCount ? _dense[(state * _classCount) + cls] : NextSparse(state, cls);

    /// <summary>A deeper state: its own edges, then its fail links until a state with a dense row answers.</summary>
    private int NextSparse(int state, int cls)
    {
        do
        {
            var to = _edgeStart[state + 1];
            for (var e = _edgeStart[state]; e < to; e++)
            {
                var edge = _edgeClasses[e];
                if (edge == cls)
                {
                    return _edgeTargets[e];
                }

                if (edge > cls)
                {
                    break;
                }
            }

            state = _fail[state];
        }
        while (state >= _denseCount);

        return _dense[(state * _classCount) + cls];
    }

    private static char PeekFolded(ReadOnlySpan<char> text, int from, bool skipWhitespace)
    {
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (TextFolding.IsIgnorable(c) || (skipWhitespace && TextFolding.IsWhitespace(c) && !TextFolding.IsClauseEnd(c)))
            {
                continue;
            }

            return TextFolding.IsWhitespace(c) ? ' ' : TextFolding.Fold(c);
        }

        return '\0';
    }

    private static int Step(List<Dictionary<char, int>> trie, int[] fail, int state, char c)
    {
        while (true)
        {
            if (trie[state].TryGetValue(c, out var next))
            {
                return next;
            }

            if (state == 0)
            {
                return 0;
            }

            state = fail[state];
        }
    }

    private readonly record struct Phrase(int Length, int Payload, bool WholeWordStart, bool WholeWordEnd);
}
