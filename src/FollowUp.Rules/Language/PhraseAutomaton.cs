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
/// A phrase that begins (ends) with an ASCII letter only matches where no ASCII letter precedes (follows) it, so English
/// words match whole. The automaton is immutable and safe to share between threads.
/// </remarks>
internal sealed class PhraseAutomaton
{
    /// <summary>The longest phrase, in folded characters, the automaton accepts.</summary>
    public const int MaxPhraseLength = 64;

    private const int RingMask = MaxPhraseLength - 1;

    private readonly int[] _rootNext;
    private readonly int[] _fail;
    private readonly int[] _edgeStart;
    private readonly char[] _edgeChars;
    private readonly int[] _edgeTargets;
    private readonly int[] _outputStart;
    private readonly int[] _outputs;
    private readonly Phrase[] _phrases;
    private readonly ulong[] _alphabet;

    private PhraseAutomaton(
        int[] rootNext, int[] fail, int[] edgeStart, char[] edgeChars, int[] edgeTargets, int[] outputStart, int[] outputs, Phrase[] phrases,
        ulong[] alphabet)
    {
        _rootNext = rootNext;
        _fail = fail;
        _edgeStart = edgeStart;
        _edgeChars = edgeChars;
        _edgeTargets = edgeTargets;
        _outputStart = outputStart;
        _outputs = outputs;
        _phrases = phrases;
        _alphabet = alphabet;
    }

    /// <summary>Gets the number of phrases.</summary>
    public int Count => _phrases.Length;

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

        var rootNext = new int[char.MaxValue + 1];
        foreach (var (c, child) in trie[0])
        {
            rootNext[c] = child;
        }

        var edgeStart = new int[count + 1];
        var edgeChars = new List<char>();
        var edgeTargets = new List<int>();
        var outputStart = new int[count + 1];
        var flatOutputs = new List<int>();
        var alphabet = new ulong[(char.MaxValue + 1) / 64];
        for (var node = 0; node < count; node++)
        {
            edgeStart[node] = edgeChars.Count;
            foreach (var (c, child) in trie[node].OrderBy(e => e.Key))
            {
                edgeChars.Add(c);
                edgeTargets.Add(child);
                alphabet[c >> 6] |= 1UL << (c & 63);
            }

            outputStart[node] = flatOutputs.Count;
            flatOutputs.AddRange(outputs[node]);
        }

        edgeStart[count] = edgeChars.Count;
        outputStart[count] = flatOutputs.Count;
        return new PhraseAutomaton(
            rootNext, fail, edgeStart, [.. edgeChars], [.. edgeTargets], outputStart, [.. flatOutputs], built, alphabet);
    }

    /// <summary>Scans <paramref name="text"/> once, reporting every folded character and every phrase occurrence to <paramref name="sink"/>.</summary>
    public void Scan<TSink>(ReadOnlySpan<char> text, ref TSink sink)
        where TSink : struct, IPhraseSink
    {
        Span<int> ringStart = stackalloc int[MaxPhraseLength];
        Span<char> ringChar = stackalloc char[MaxPhraseLength];
        var state = 0;
        var position = 0;
        var previous = '\0';
        var pendingSpaceAt = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var original = text[i];
            if (TextFolding.IsIgnorable(original))
            {
                continue;
            }

            if (TextFolding.IsWhitespace(original))
            {
                if (TextFolding.IsClauseEnd(original))
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
                else if (pendingSpaceAt < 0)
                {
                    pendingSpaceAt = i;
                }

                continue;
            }

            var folded = TextFolding.Fold(original);
            if (pendingSpaceAt >= 0)
            {
                if (TextFolding.IsAsciiWordChar(previous) && TextFolding.IsAsciiWordChar(folded))
                {
                    Advance(' ', text[pendingSpaceAt], pendingSpaceAt, text, ref state, ref position, ringStart, ringChar, ref sink);
                }

                pendingSpaceAt = -1;
            }

            Advance(folded, original, i, text, ref state, ref position, ringStart, ringChar, ref sink);
            previous = folded;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Advance<TSink>(
        char folded, char original, int index, ReadOnlySpan<char> text, ref int state, ref int position, Span<int> ringStart, Span<char> ringChar,
        ref TSink sink)
        where TSink : struct, IPhraseSink
    {
        ringStart[position & RingMask] = index;
        ringChar[position & RingMask] = folded;
        sink.OnChar(original, folded, index, position);
        state = (_alphabet[folded >> 6] & (1UL << (folded & 63))) == 0 ? 0 : Next(state, folded);
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

    private int Next(int state, char c)
    {
        while (true)
        {
            if (state == 0)
            {
                return _rootNext[c];
            }

            var from = _edgeStart[state];
            var to = _edgeStart[state + 1];
            for (var e = from; e < to; e++)
            {
                var edge = _edgeChars[e];
                if (edge == c)
                {
                    return _edgeTargets[e];
                }

                if (edge > c)
                {
                    break;
                }
            }

            state = _fail[state];
        }
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
