using System.Runtime.CompilerServices;

namespace FollowUp.Rules.Language;

/// <summary>A phrase found in a text, in original and folded coordinates, with its clause.</summary>
internal struct TextHit
{
    public int Entry;
    public int Part;
    public int Start;
    public int End;
    public int FoldedStart;
    public int FoldedEnd;
    public int Clause;
    public int GapFrom;
    public int GapTo;
    public int GapStart;
    public int GapEnd;
    public bool AtClauseEnd;
    public bool Dropped;

    /// <summary>Whether a cue negated this risk phrase; the negation carries on over 或 / or to the next one.</summary>
    public bool Negated;
}

/// <summary>A phrase kept after resolution: a vague category or a risk-signal index, with its span in the original text.</summary>
internal readonly record struct ResolvedHit(int Category, int Start, int End, int Entry) : IEndsAt;

/// <summary>A concrete fact found in a text.</summary>
internal readonly record struct FactSpan(FactKind Kind, int Start, int End) : IEndsAt;

/// <summary>Something that ends at an offset of the original text, for searches over lists ordered by where they end.</summary>
internal interface IEndsAt
{
    int End { get; }
}

/// <summary>
/// The reusable working memory of one text analysis: what the scan saw and what resolution kept. One per thread, so an
/// analysis allocates nothing unless the caller keeps its results.
/// </summary>
internal sealed partial class TextScan
{
    [ThreadStatic]
    private static TextScan? t_cached;

    /// <summary>
    /// The longest array a scan keeps between texts, about 200 KB of hits: far more than a note needs, so that only a long text
    /// (tens of thousands of characters) allocates its own, rather than leaving them with the thread.
    /// </summary>
    private const int MaxKept = 4096;

    public TextHit[] Hits = new TextHit[32];
    public int HitCount;
    public FactSpan[] Facts = new FactSpan[16];
    public int FactCount;
    public ResolvedHit[] Vague = new ResolvedHit[8];
    public int VagueCount;
    public ResolvedHit[] Risk = new ResolvedHit[8];
    public int RiskCount;

    public int ContentChars;
    public int DigitChars;
    public int AsciiChars;
    public char FirstContent;
    public bool SameContent;
    public int Clause;
    public double AcknowledgedUnits;

    /// <summary>The content units of acknowledgement phrases that count only as the whole value (未提, 没说).</summary>
    public double WholeAcknowledgedUnits;
    public bool ChangeMentioned;

    /// <summary>The last clause with a movement (增至) and the last with a subject of the needs (数量), or -1: both in one is a change.</summary>
    public int ChangeMovementClause;
    public int ChangeSubjectClause;

    private const int RingMask = PhraseAutomaton.MaxPhraseLength - 1;
    private readonly int[] _numberStartAt = new int[PhraseAutomaton.MaxPhraseLength];
    private readonly int[] _numberLengthAt = new int[PhraseAutomaton.MaxPhraseLength];
    private readonly char[] _charAt = new char[PhraseAutomaton.MaxPhraseLength];
    private readonly int[] _clauseAt = new int[PhraseAutomaton.MaxPhraseLength];
    private int _position;
    private int _upperRunStart;
    private int _upperRunEnd;
    private int _upperRunLength;

    /// <summary>The run's letters packed five bits each (while it has at most 12), to tell the words in <see cref="NotProducts"/>.</summary>
    private long _upperRunKey;
    private bool _upperRunAfterLetter;
    private bool _previousWasLetter;

    public static TextScan Rent()
    {
        var scan = t_cached ?? new TextScan();
        t_cached = null;
        scan.Reset();
        return scan;
    }

    public static void Return(TextScan scan)
    {
        // What a long text made the arrays grow to is not kept for the thread's next text.
        if (scan.Hits.Length > MaxKept)
        {
            scan.Hits = new TextHit[32];
        }

        if (scan.Facts.Length > MaxKept)
        {
            scan.Facts = new FactSpan[16];
        }

        if (scan.Vague.Length > MaxKept)
        {
            scan.Vague = new ResolvedHit[8];
        }

        if (scan.Risk.Length > MaxKept)
        {
            scan.Risk = new ResolvedHit[8];
        }

        t_cached = scan;
    }

    public void Reset()
    {
        HitCount = 0;
        FactCount = 0;
        VagueCount = 0;
        RiskCount = 0;
        ContentChars = 0;
        DigitChars = 0;
        AsciiChars = 0;
        FirstContent = '\0';
        SameContent = true;
        Clause = 0;
        AcknowledgedUnits = 0;
        WholeAcknowledgedUnits = 0;
        ChangeMentioned = false;
        ChangeMovementClause = -1;
        ChangeSubjectClause = -1;
        _position = 0;
        _upperRunLength = 0;
        _upperRunKey = 0;
        _upperRunAfterLetter = false;
        _previousWasLetter = false;
        ResetTiling();
    }

    /// <summary>
    /// Finds the number that ends right before <paramref name="foldedPosition"/>, perhaps with one space or dash between
    /// (80 台, 40 units, 5-ton), optionally only one of ASCII digits (3 个, not 两个). A lone 一 does not count: it is mostly
    /// an article (一个问题), not a quantity.
    /// </summary>
    public bool TryGetNumberBefore(int foldedPosition, bool digitsOnly, out int numberStart, out int numberLength)
    {
        numberStart = -1;
        numberLength = 0;
        var last = foldedPosition - 1;
        if (last >= 0 && last > _position - PhraseAutomaton.MaxPhraseLength && _charAt[last & RingMask] is ' ' or '-')
        {
            last--;
        }

        if (last < 0 || last <= _position - PhraseAutomaton.MaxPhraseLength || _numberStartAt[last & RingMask] < 0)
        {
            return false;
        }

        if ((_numberLengthAt[last & RingMask] == 1 && _charAt[last & RingMask] == '一')
            || (digitsOnly && !TextFolding.IsAsciiDigit(_charAt[last & RingMask])))
        {
            return false;
        }

        numberStart = _numberStartAt[last & RingMask];
        numberLength = _numberLengthAt[last & RingMask];
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void OnChar(char original, char folded, int start, int foldedPosition)
    {
        if (TextFolding.IsClauseEnd(folded))
        {
            Clause++;
        }

        var slot = foldedPosition & RingMask;
        _charAt[slot] = folded;
        _clauseAt[slot] = Clause;
        if (TextFolding.IsAsciiDigit(folded) || IsChineseNumeral(folded))
        {
            var previous = (foldedPosition - 1) & RingMask;
            var continues = foldedPosition > 0 && _numberStartAt[previous] >= 0;
            _numberStartAt[slot] = continues ? _numberStartAt[previous] : start;
            _numberLengthAt[slot] = continues ? _numberLengthAt[previous] + 1 : 1;
        }
        else
        {
            _numberStartAt[slot] = -1;
        }

        _position = foldedPosition + 1;

        var content = TextFolding.IsContent(folded);
        if (content)
        {
            ContentChars++;
            if (TextFolding.IsAsciiDigit(folded))
            {
                DigitChars++;
            }

            if (folded < '\u0080')
            {
                AsciiChars++;
            }

            if (ContentChars == 1)
            {
                FirstContent = folded;
            }
            else if (folded != FirstContent)
            {
                SameContent = false;
            }
        }

        TrackUppercase(original, folded, start);
        if (Tiling)
        {
            RememberTileChar(folded, start, foldedPosition, content);
        }
    }

    public void Finish() => TrackUppercase('\0', '\0', 0);

    public void AddHit(int entry, int part, in PhraseMatch match)
    {
        if (HitCount == Hits.Length)
        {
            Array.Resize(ref Hits, Hits.Length * 2);
        }

        Hits[HitCount++] = new TextHit
        {
            Entry = entry,
            Part = part,
            Start = match.Start,
            End = match.End,
            FoldedStart = match.FoldedStart,
            FoldedEnd = match.FoldedEnd,

            // The clause a phrase starts in: a clause break inside it (read but no reply) does not split it.
            Clause = _clauseAt[match.FoldedStart & RingMask],
            AtClauseEnd = IsAtClauseEnd(match),
        };
    }

    /// <summary>
    /// Extends the hit of the same phrase that <paramref name="match"/> overlaps, if there is one, over the match: a run of one
    /// phrase (。。。。。, 测试测试测试) is one hit, however long. The hit moves last, among those that end where it now ends.
    /// </summary>
    /// <returns>Whether a hit was extended.</returns>
    public bool ExtendRun(in PhraseMatch match)
    {
        // Hits are ordered by where they end, so those the match overlaps are the last few.
        for (var h = HitCount - 1; h >= 0 && Hits[h].FoldedEnd > match.FoldedStart; h--)
        {
            if (Hits[h].Part == match.Payload)
            {
                var run = Hits[h];
                run.End = match.End;
                run.FoldedEnd = match.FoldedEnd;
                run.AtClauseEnd = IsAtClauseEnd(match);
                Array.Copy(Hits, h + 1, Hits, h, HitCount - h - 1);
                Hits[HitCount - 1] = run;
                return true;
            }
        }

        return false;
    }

    private static bool IsAtClauseEnd(in PhraseMatch match) =>
        match.After == '\0' || TextFolding.IsClauseEnd(match.After) || TextFolding.IsWhitespace(match.After);

    /// <summary>Whether a negation cue found so far ends right at <paramref name="foldedPosition"/>.</summary>
    public bool EndsWithCue(int foldedPosition, CompiledLexicon lexicon)
    {
        // One space may part an English cue from the break (not because).
        if (foldedPosition > 0 && foldedPosition > _position - PhraseAutomaton.MaxPhraseLength && _charAt[(foldedPosition - 1) & RingMask] == ' ')
        {
            foldedPosition--;
        }

        // Hits arrive ordered by where they end, so those ending at the position are the last few.
        for (var h = HitCount - 1; h >= 0 && Hits[h].FoldedEnd >= foldedPosition; h--)
        {
            // A settling cue has closed its clause: in 已解决，因为… or 已解决因为… the reason is not what it negates.
            if (Hits[h].FoldedEnd == foldedPosition && lexicon.Entries[Hits[h].Entry] is { Role: PhraseRole.NegationCue, Category: not (int)CueKind.Settles })
            {
                return true;
            }
        }

        return false;
    }

    public void AddVague(in ResolvedHit hit)
    {
        if (VagueCount == Vague.Length)
        {
            Array.Resize(ref Vague, Vague.Length * 2);
        }

        Vague[VagueCount++] = hit;
    }

    public void RemoveVague(int index)
    {
        Array.Copy(Vague, index + 1, Vague, index, VagueCount - index - 1);
        VagueCount--;
    }

    public void AddRisk(in ResolvedHit hit)
    {
        if (RiskCount == Risk.Length)
        {
            Array.Resize(ref Risk, Risk.Length * 2);
        }

        Risk[RiskCount++] = hit;
    }

    public void AddFact(FactKind kind, int start, int end)
    {
        if (FactCount == Facts.Length)
        {
            Array.Resize(ref Facts, Facts.Length * 2);
        }

        Facts[FactCount++] = new FactSpan(kind, start, end);
    }

    /// <summary>Words written in capitals that name no product, system or person: 应该 OK 的, ASAP, TBD, FYI.</summary>
    private static readonly long[] NotProducts = [.. new[] { "ok", "okay", "asap", "tbd", "tbc", "fyi", "thx" }.Select(Key)];

    private const int MaxKeyLetters = 12;

    private static long Key(string word) => word.Aggregate(0L, (key, letter) => (key << 5) | (uint)(letter - 'a' + 1));

    public static bool IsChineseNumeral(char folded) =>
        folded is '一' or '二' or '三' or '四' or '五' or '六' or '七' or '八' or '九' or '十' or '百' or '千' or '万' or '两' or '半' or '零';

    private void TrackUppercase(char original, char folded, int start)
    {
        // Two or more capitals standing as a word (ERP, CRM, CFO) name a product, system or person.
        if (original is >= 'A' and <= 'Z' or >= '\uFF21' and <= '\uFF3A')
        {
            if (_upperRunLength == 0)
            {
                _upperRunStart = start;
                _upperRunAfterLetter = _previousWasLetter;
            }

            _upperRunLength++;
            _upperRunKey = (_upperRunKey << 5) | (uint)(folded - 'a' + 1);
            _upperRunEnd = start + 1;
        }
        else
        {
            if (_upperRunLength >= 2 && !_upperRunAfterLetter && !TextFolding.IsAsciiLetter(folded)
                && (_upperRunLength > MaxKeyLetters || Array.IndexOf(NotProducts, _upperRunKey) < 0))
            {
                AddFact(FactKind.Product, _upperRunStart, _upperRunEnd);
            }

            _upperRunLength = 0;
            _upperRunKey = 0;
        }

        _previousWasLetter = TextFolding.IsAsciiLetter(folded);
    }
}
