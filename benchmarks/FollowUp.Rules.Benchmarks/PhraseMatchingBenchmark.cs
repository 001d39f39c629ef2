using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using BenchmarkDotNet.Attributes;
using FollowUp.Rules.Language;

namespace FollowUp.Rules.Benchmarks;

/// <summary>
/// Issue 3, "Engine and speed": one pass of <see cref="PhraseAutomaton"/> over each note for the whole lexicon, against
/// what a user would write without it: (a) a compiled <see cref="Regex"/> alternation, (b) <see cref="SearchValues{T}"/> of
/// strings plus a lookup at each hit, (c) a loop of <see cref="string.IndexOf(string, StringComparison)"/> per phrase.
/// </summary>
/// <remarks>
/// <para>
/// The lexicon: every Vague, Risk and negation-cue phrase of the shipped lexicon that has no gap (…), folded with
/// <see cref="TextFolding.FoldPhrase"/> and de-duplicated (<see cref="PhraseLexicon"/>). Every method searches exactly
/// that list; the automaton is built from it with <see cref="PhraseAutomaton.Build"/>, as the compiled lexicon is.
/// </para>
/// <para>
/// The automaton folds as it scans. The baselines cannot: a user first normalises the note into a new string, per
/// character with the same fold (full width to ASCII, lower case, Traditional to Simplified), dropping white space except
/// one space between ASCII words and keeping line breaks, exactly as the automaton sees the text
/// (<see cref="PhraseLexicon.Fold"/>). An English phrase matches whole words only (no ASCII letter before or after it),
/// in every method.
/// </para>
/// <para>
/// What is counted: the positions of the folded note at which at least one phrase starts, summed over all notes. That is
/// what every method can count. The regex finds, from each position, the next position where an alternative matches
/// and restarts one character after it (its longest-first alternation reports one phrase per position); SearchValues
/// does the same with <c>IndexOfAny</c> and looks up the phrases that start there; the automaton and the
/// <c>IndexOf</c> loop report every (position, phrase) pair, and mark the positions they have counted in a stamped array
/// so each position counts once. <see cref="Setup"/> checks that all four agree.
/// </para>
/// </remarks>
[MemoryDiagnoser]
public class PhraseMatchingBenchmark
{
    private const int NoteCount = 1_000;

    private string[] _notes = [];
    private PhraseLexicon _lexicon = null!;
    private PhraseAutomaton _automaton = null!;
    private Regex _regex = null!;
    private SearchValues<string> _searchValues = null!;
    private Dictionary<char, PhraseLexicon.Phrase[]> _byFirstChar = [];
    private int[] _automatonSeen = [];
    private int[] _indexOfSeen = [];
    private int _automatonStamp;
    private int _indexOfStamp;

    [GlobalSetup]
    public void Setup()
    {
        _lexicon = PhraseLexicon.Load();
        _automaton = _lexicon.BuildAutomaton();
        _regex = _lexicon.BuildRegex();
        _searchValues = SearchValues.Create([.. _lexicon.Phrases.Select(p => p.Folded)], StringComparison.Ordinal);
        _byFirstChar = _lexicon.Phrases
            .GroupBy(p => p.Folded[0])
            .ToDictionary(g => g.Key, g => g.OrderByDescending(p => p.Folded.Length).ThenBy(p => p.Folded, StringComparer.Ordinal).ToArray());
        _automatonSeen = new int[SampleNotes.MaxLength + 1];
        _indexOfSeen = new int[SampleNotes.MaxLength + 1];

        var written = _lexicon.Written;
        _notes = SampleNotes.Create(NoteCount, written, text => CountAutomaton([text]));

        var counts = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["Automaton"] = Automaton(),
            ["Regex alternation"] = RegexAlternation(),
            ["SearchValues + lookup"] = SearchValuesAndLookup(),
            ["IndexOf per phrase"] = IndexOfPerPhrase(),
        };
        var summary = string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"));
        if (counts.Values.Distinct().Count() != 1)
        {
            throw new InvalidOperationException($"The methods disagree on the phrase count: {summary}.");
        }

        var chars = _notes.Sum(n => n.Length);
        var empty = _notes.Count(n => CountAutomaton([n]) == 0);
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// PhraseMatching: {_lexicon.Phrases.Count} phrases ({_lexicon.Describe()}); {_notes.Length} notes, {chars} chars (mean {chars / _notes.Length}), {empty} with no phrase; all methods count {counts["Automaton"]}."));
    }

    /// <summary>Ours: one pass per note, folding on the fly, into a counting struct sink.</summary>
    [Benchmark(Description = "Automaton")]
    public int Automaton() => CountAutomaton(_notes);

    /// <summary>Baseline (a): fold into a new string, then a compiled alternation of every phrase, longest first.</summary>
    [Benchmark(Baseline = true, Description = "Regex alternation")]
    public int RegexAlternation()
    {
        var count = 0;
        foreach (var note in _notes)
        {
            var folded = PhraseLexicon.Fold(note);
            var from = 0;
            while (from < folded.Length)
            {
                var match = _regex.Match(folded, from);
                if (!match.Success)
                {
                    break;
                }

                count++;
                from = match.Index + 1;
            }
        }

        return count;
    }

    /// <summary>Baseline (b): fold into a new string, <c>IndexOfAny</c> over all phrases, then which phrases start at the hit.</summary>
    [Benchmark(Description = "SearchValues + lookup")]
    public int SearchValuesAndLookup()
    {
        var count = 0;
        foreach (var note in _notes)
        {
            var folded = PhraseLexicon.Fold(note).AsSpan();
            var from = 0;
            while (from < folded.Length)
            {
                var hit = folded[from..].IndexOfAny(_searchValues);
                if (hit < 0)
                {
                    break;
                }

                var at = from + hit;
                foreach (var phrase in _byFirstChar[folded[at]])
                {
                    if (folded[at..].StartsWith(phrase.Folded, StringComparison.Ordinal) && phrase.IsWholeWordAt(folded, at))
                    {
                        count++;
                        break;
                    }
                }

                from = at + 1;
            }
        }

        return count;
    }

    /// <summary>Baseline (c): fold into a new string, then <c>IndexOf</c> for every phrase in turn.</summary>
    [Benchmark(Description = "IndexOf per phrase")]
    public int IndexOfPerPhrase()
    {
        var count = 0;
        var seen = _indexOfSeen;
        foreach (var note in _notes)
        {
            var folded = PhraseLexicon.Fold(note);
            var stamp = ++_indexOfStamp;
            foreach (var phrase in _lexicon.Phrases)
            {
                var from = 0;
                int at;
                while (from < folded.Length && (at = folded.IndexOf(phrase.Folded, from, StringComparison.Ordinal)) >= 0)
                {
                    if (seen[at] != stamp && phrase.IsWholeWordAt(folded, at))
                    {
                        seen[at] = stamp;
                        count++;
                    }

                    from = at + 1;
                }
            }
        }

        return count;
    }

    private int CountAutomaton(string[] notes)
    {
        var sink = new CountingSink(_automatonSeen);
        foreach (var note in notes)
        {
            sink.Stamp = ++_automatonStamp;
            _automaton.Scan(note, ref sink);
        }

        return sink.Count;
    }

    /// <summary>Counts the folded positions at which a phrase starts, each once.</summary>
    private struct CountingSink(int[] seen) : IPhraseSink
    {
        public int Stamp;
        public int Count;

        public readonly void OnChar(char original, char folded, int start, int foldedPosition)
        {
        }

        public void OnMatch(in PhraseMatch match)
        {
            if (seen[match.FoldedStart] != Stamp)
            {
                seen[match.FoldedStart] = Stamp;
                Count++;
            }
        }
    }
}

/// <summary>
/// Issue 3: "zero allocations for a text with no hit". One note of about 200 characters, Chinese and English, in which
/// no phrase of the full shipped lexicon occurs, scanned by the shipped compiled automaton (every phrase of every role,
/// gap parts included) and analysed as the rules analyse a free-text field.
/// </summary>
[MemoryDiagnoser]
public class PhraseMatchingNoHitBenchmark
{
    private const string Note =
        "上门拜访，现场看了仓库和产线。客户IT经理参加了产品演示，详细询问了接口方案和数据迁移；采购经理希望看到正式方案和实施计划。"
        + "Met the IT manager and walked through the API design. Procurement asked for the final proposal and the rollout plan.";

    private TextAnalyzer _analyzer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _analyzer = FollowUpRuleSet.Default.DefaultProfile.Analyzer;
        if (Scan() != 0)
        {
            var sink = new ListingSink([]);
            _analyzer.Lexicon.Automaton.Scan(Note, ref sink);
            throw new InvalidOperationException($"The no-hit note holds phrases of the shipped lexicon: {string.Join(" | ", sink.Hits.Select(h => Note[h.Start..h.End]))}");
        }
    }

    /// <summary>The shipped automaton alone, into a counting struct sink.</summary>
    [Benchmark(Baseline = true)]
    public int Scan()
    {
        var sink = new AllMatchesSink();
        _analyzer.Lexicon.Automaton.Scan(Note, ref sink);
        return sink.Count;
    }

    /// <summary>The whole analysis of one free-text field: scan, gaps, vague and risk resolution, clarity.</summary>
    [Benchmark]
    public ClarityLevel Analyze()
    {
        var scan = TextScan.Rent();
        try
        {
            return _analyzer.Analyze(Note, scan).Clarity;
        }
        finally
        {
            TextScan.Return(scan);
        }
    }

    /// <summary>The public detector: allocates its result only.</summary>
    [Benchmark]
    public int Detect() => VagueLanguageDetector.Default.Detect(Note).Phrases.Count;

    private readonly struct ListingSink(List<PhraseMatch> hits) : IPhraseSink
    {
        public List<PhraseMatch> Hits => hits;

        public void OnChar(char original, char folded, int start, int foldedPosition)
        {
        }

        public void OnMatch(in PhraseMatch match) => hits.Add(match);
    }

    private struct AllMatchesSink : IPhraseSink
    {
        public int Count;

        public readonly void OnChar(char original, char folded, int start, int foldedPosition)
        {
        }

        public void OnMatch(in PhraseMatch match) => Count++;
    }
}

/// <summary>The phrase list every phrase-matching method searches, and the normalisation a user would write.</summary>
internal sealed class PhraseLexicon
{
    private PhraseLexicon(List<Phrase> phrases, List<string> written, Dictionary<PhraseRole, int> roles)
    {
        Phrases = phrases;
        Written = written;
        Roles = roles;
    }

    /// <summary>The distinct folded phrases.</summary>
    public IReadOnlyList<Phrase> Phrases { get; }

    /// <summary>The phrases as the lexicon writes them (Traditional, capitals and all), for the note generator.</summary>
    public IReadOnlyList<string> Written { get; }

    /// <summary>How many of the distinct folded phrases each role contributed (first one wins).</summary>
    public IReadOnlyDictionary<PhraseRole, int> Roles { get; }

    /// <summary>Every Vague, Risk and negation-cue phrase without a gap of the shipped default lexicon.</summary>
    public static PhraseLexicon Load()
    {
        var entries = FollowUpRuleSet.Default.DefaultProfile.Analyzer.Lexicon.Entries
            .Where(e => e.Role is PhraseRole.Vague or PhraseRole.Risk or PhraseRole.NegationCue)
            .Where(e => !e.Phrase.Contains(LexiconEntry.GapMarker, StringComparison.Ordinal))
            .ToList();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var phrases = new List<Phrase>();
        var roles = new Dictionary<PhraseRole, int>();
        foreach (var entry in entries)
        {
            var folded = TextFolding.FoldPhrase(entry.Phrase);
            if (folded.Length > 0 && seen.Add(folded))
            {
                phrases.Add(new Phrase(folded, TextFolding.IsAsciiLetter(folded[0]), TextFolding.IsAsciiLetter(folded[^1])));
                roles[entry.Role] = roles.GetValueOrDefault(entry.Role) + 1;
            }
        }

        return new PhraseLexicon(phrases, [.. entries.Select(e => e.Phrase).Distinct(StringComparer.Ordinal)], roles);
    }

    public string Describe() => string.Join(", ", Roles.OrderBy(r => r.Key).Select(r => $"{r.Value} {r.Key}"));

    public PhraseAutomaton BuildAutomaton() => PhraseAutomaton.Build([.. Phrases.Select((p, i) => (p.Folded, i))]);

    /// <summary>
    /// One alternation of every escaped phrase, longest first, in four groups by where an English phrase needs a word
    /// boundary (no ASCII letter before or after it): the regex can backtrack to a shorter phrase when a longer one fails it.
    /// </summary>
    /// <remarks>
    /// "Longest first" among the phrases that share a first character: at any position only those can match, so this is
    /// the same as sorting the whole list by length, and it lets the regex parser merge the branches' common first
    /// characters. (Sorted by length alone the alternation was no faster.)
    /// </remarks>
    public Regex BuildRegex()
    {
        var groups = Phrases
            .GroupBy(p => (p.WordStart, p.WordEnd))
            .OrderBy(g => g.Key)
            .Select(g =>
            {
                var ordered = g.OrderBy(p => p.Folded[0]).ThenByDescending(p => p.Folded.Length).ThenBy(p => p.Folded, StringComparer.Ordinal);
                var alternation = string.Join('|', ordered.Select(p => Regex.Escape(p.Folded)));
                return (g.Key.WordStart ? "(?<![a-z])" : "") + "(?:" + alternation + ")" + (g.Key.WordEnd ? "(?![a-z])" : "");
            });
        return new Regex(string.Join('|', groups), RegexOptions.Compiled | RegexOptions.CultureInvariant);
    }

    /// <summary>
    /// Normalises a note into a new string the way the automaton reads it: each character folded
    /// (<see cref="TextFolding.Fold"/>), ignorable characters dropped, white space dropped except one space between ASCII
    /// words, line breaks kept as <c>\n</c>.
    /// </summary>
    public static string Fold(string text)
    {
        var rented = text.Length > 512 ? ArrayPool<char>.Shared.Rent(text.Length) : null;
        Span<char> buffer = rented is null ? stackalloc char[512] : rented;
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (TextFolding.IsIgnorable(c))
            {
                continue;
            }

            if (TextFolding.IsWhitespace(c))
            {
                if (TextFolding.IsClauseEnd(c))
                {
                    buffer[length++] = '\n';
                    pendingSpace = false;
                }
                else
                {
                    pendingSpace = length > 0;
                }

                continue;
            }

            var folded = TextFolding.Fold(c);
            if (pendingSpace && TextFolding.IsAsciiWordChar(buffer[length - 1]) && TextFolding.IsAsciiWordChar(folded))
            {
                buffer[length++] = ' ';
            }

            pendingSpace = false;
            buffer[length++] = folded;
        }

        var result = new string(buffer[..length]);
        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }

        return result;
    }

    /// <summary>A folded phrase, and whether it must start or end at a word boundary (it starts or ends with an ASCII letter).</summary>
    internal sealed record Phrase(string Folded, bool WordStart, bool WordEnd)
    {
        /// <summary>Whether the phrase, known to occur at <paramref name="at"/>, has no ASCII letter before or after it where it must not.</summary>
        public bool IsWholeWordAt(ReadOnlySpan<char> text, int at)
        {
            var end = at + Folded.Length;
            return !(WordStart && at > 0 && char.IsAsciiLetterLower(text[at - 1]))
                && !(WordEnd && end < text.Length && char.IsAsciiLetterLower(text[end]));
        }
    }
}
