using System.Buffers;
using System.Globalization;

namespace FollowUp.Rules.Language;

/// <summary>What one text says about its clarity, after a single scan.</summary>
/// <param name="Clarity">The text's clarity level.</param>
/// <param name="Acknowledged">
/// Whether the text says a value is not known yet (待补充, 客户暂未明确, TBD - customer did not say): it holds an
/// acknowledgement phrase and little else. A longer note that mentions one open point is not an acknowledgement.
/// </param>
internal readonly record struct TextAnalysis(ClarityLevel Clarity, bool Acknowledged);

/// <summary>
/// Reads a text once with the shared automaton and resolves what it found: vague phrases (longest wins), risk phrases
/// (negation-aware, clause-scoped), concrete facts and the clarity level. Immutable and thread-safe; working memory
/// comes from a per-thread <see cref="TextScan"/>.
/// </summary>
internal sealed partial class TextAnalyzer
{
    private const int RiskCueWindow = 6;
    private const int VagueCueWindow = 2;
    private const int AsciiCueWindow = 16;
    private const int PostCueWindow = 3;
    private const int AsciiMaxGap = 16;

    /// <summary>The longest run of digits read as filler beside other fillers (测试123); longer is a phone or order number.</summary>
    internal const int MaxFillerDigits = 6;

    /// <summary>How close before a cue another cue must be to negate it (不是没有, 不能说没有).</summary>
    private const int DoubleNegativeWindow = 2;

    /// <summary>Where a question or topic ends before its answer.</summary>
    private static readonly SearchValues<char> AnswerBreaks = SearchValues.Create("?？,，:：;；。\n");

    /// <summary>Words that make a risk phrase the topic of the clause (竞争对手方面), folded.</summary>
    private static readonly string[] TopicMarkers = ["方面", "这块", "这边", "情况", "呢", "吗", "的话"];

    /// <summary>Words that join alternatives under one negation (没有投诉或不满, no complaints or delays), folded, longest first.</summary>
    private static readonly string[] Alternatives = ["或者", "或是", "或", "nor", "or"];

    /// <summary>How far, in characters, <see cref="IsInName"/> looks for the quotes around a phrase.</summary>
    private const int NameReach = 24;

    private const string QuoteOpeners = "“「『《〈‘＂";
    private const string QuoteClosers = "”」』》〉’";

    /// <summary>
    /// Words that, right after a closing quote or ending the quoted words, say they name a thing (see <see cref="IsInName"/>),
    /// folded; Taiwan writes 模组 (模組) for 模块, 元件 and 程式 for 组件 and 程序.
    /// </summary>
    private static readonly string[] NameWords =
    [
        "模块", "模组", "功能", "活动", "条款", "系统", "套件", "组件", "元件", "程式", "工具", "插件", "套餐", "服务", "报表", "看板", "流程",
        "菜单", "按钮", "页面", "字段", "政策", "新政", "规定", "制度", "险", "栏目", "标签", "设置", "开关", "module", "feature", "setting",
        "settings", "report", "plugin", "add-on", "dashboard", "tool", "policy", "campaign", "tab", "field", "button", "page", "rule",
    ];

    /// <summary>Longer words that start with a name word but name nothing (服务器, 系统性), folded.</summary>
    private static readonly string[] NotNameWords = ["服务器", "系统性", "功能性", "政策性"];

    /// <summary>Endings of a title that is a document the customer sent (《关于暂缓采购的函》, 《投诉函》): an event, not a name.</summary>
    private static readonly string[] DocumentEndings = ["函", "通知", "通知书", "申请", "信", "声明", "告知书", "告知", "报告", "说明", "决定", "纪要", "结果", "表"];

    /// <summary>Words right before quotes that make them what someone said or put in force (客户说“太贵了”, 发布“预算冻结”政策), folded.</summary>
    private static readonly string[] SpeechLeads =
        ["说", "回复", "表示", "原话", "反馈", "称", "讲", ":", "发布", "出台", "推出", "实行", "said", "says", "replied", "rolled out a", "announced a", "issued a"];

    private const string EnumerationCommas = "、\uFF64";

    /// <summary>Words after the last item that close a list in so many words (投诉、延期等问题, …的情况), folded.</summary>
    private static readonly string[] ListEnds = ["等问题", "等情况", "的情况", "等风险", "之类"];

    /// <summary>Words after an item that close a list (投诉、退货、差评等问题), folded.</summary>
    private static readonly string[] ListClosers = ["等", "之类", "的情况", "的问题", "和", "及", "或", "情况", "问题"];

    /// <summary>Cues that state an absence (没有, 无, 未出现) and so may head a list, folded.</summary>
    private static readonly string[] AbsenceCues =
        ["没有", "无", "未出现", "未发现", "暂无", "不存在", "未发生", "没出现", "没发现", "未见", "并无", "均无", "都没有", "没有出现", "没有发现", "未提出", "没有提出"];

    /// <summary>Who may be named before a bare answer (客户说没有), folded.</summary>
    private static readonly string[] Answerers = ["客户说", "他说", "她说", "对方说", "客户表示", "客户回复", "回复", "答复", "客户答复", "答", "回答", "客户回答"];

    /// <summary>Where the clause of a risk phrase ends before a settling clause: not at a colon (安装问题：已解决 is a clause of its own).</summary>
    private const string SettlementBreakChars = "?？,，;；。.!！\n\r";

    private static readonly SearchValues<char> SettlementBreaks = SearchValues.Create(SettlementBreakChars);

    /// <summary>
    /// What may come before a settling cue in the clause after a risk phrase, which then still says only that the risk is
    /// resolved (，目前已解决; ，经沟通已打消; "; this has been resolved"), folded. Anything else (，还不能说已解决) settles nothing.
    /// </summary>
    private static readonly string[] SettlementLeads =
    [
        "目前", "现", "现在", "当前", "如今", "后来", "最终", "最后", "都", "均", "也", "目前都", "现均", "已经", "目前已经", "现在已经",
        "经沟通", "经沟通后", "沟通后", "经协商", "经协商后", "协商后", "经解释", "经解释后", "解释后", "经演示", "经演示后", "演示后",
        "问题", "该问题", "此问题", "这个问题", "顾虑", "该顾虑", "疑虑", "异议", "该异议",
        "it", "this", "that", "which", "all", "the issue", "this issue", "the concern", "this concern", "the objection",
    ];

    /// <summary>
    /// How far, in folded characters, hits can bear on each other: the longest phrase, its gap and a cue window. Hits are
    /// ordered by where they end, so each hit looks only at its neighbours and a long text is resolved in linear time.
    /// </summary>
    internal const int Reach = PhraseAutomaton.MaxPhraseLength + AsciiMaxGap + AsciiCueWindow + 8;
    private const double ShortTextUnits = 6;

    /// <summary>A value may be one Chinese character (是) or three letters (yes), but not a stray letter (x, ab).</summary>
    private const double ShortValueUnits = 1;
    private static readonly int AllFactKinds = (1 << Enum.GetValues<FactKind>().Length) - 1;

    /// <summary>The lexicon's contrast words (但, 不过, but), folded, longest first: they may open a settling clause (但已解决).</summary>
    private readonly string[] _contrastWords;

    /// <summary>By entry: whether it is a negation cue of <see cref="AbsenceCues"/>.</summary>
    private readonly bool[] _absenceCues;

    public TextAnalyzer(CompiledLexicon lexicon)
    {
        Lexicon = lexicon;
        _contrastWords = [.. lexicon.Entries
            .Where(e => e.Role == PhraseRole.ClauseBreak && e.Category == (int)ClauseBreakKind.Contrast)
            .Select(e => TextFolding.FoldPhrase(e.Phrase))
            .OrderByDescending(word => word.Length)];
        _absenceCues = [.. lexicon.Entries.Select(e => e.Role == PhraseRole.NegationCue && AbsenceCues.Contains(TextFolding.FoldPhrase(e.Phrase)))];
    }

    public CompiledLexicon Lexicon { get; }

    /// <summary>Analyses <paramref name="text"/> into <paramref name="scan"/>, which must have been reset.</summary>
    /// <param name="text">The text.</param>
    /// <param name="scan">Where the hits go.</param>
    /// <param name="prose">
    /// Whether the text is prose (a summary, a next action), which says too little to act on when it is very short; a value
    /// (a custom field such as 已发货) may be short and still say all it needs to.
    /// </param>
    /// <param name="numberIsValue">
    /// Whether the text is the value of a field that holds a number (an order amount, a quantity, an order number), where
    /// digits alone (1598, 0) are the value itself; in a note they say nothing.
    /// </param>
    public TextAnalysis Analyze(string text, TextScan scan, bool prose = true, bool numberIsValue = false)
    {
        var sink = new Sink(scan, Lexicon);
        scan.StartTiling(Lexicon);
        Lexicon.Automaton.Scan(text, ref sink);
        scan.Finish();
        JoinGaps(scan);
        var fillersOnly = ResolveVague(text, scan);
        ResolveRisk(text, scan);
        // Digits alone are a number: an amount with a currency sign (¥1,598, 1598 ￥, US$20) in any field, bare (1598, 0, 123)
        // only where the field holds a number. Elsewhere they say nothing, and 0, 123 are fillers.
        var number = scan.ContentChars > 0 && scan.DigitChars == scan.ContentChars && (numberIsValue || HasFact(scan, FactKind.Amount));
        if (number)
        {
            RemoveFillers(scan);
        }

        var clarity = number ? ClarityLevel.Concrete : fillersOnly || IsNoContent(text, scan) ? ClarityLevel.NoContent : Clarity(scan, prose);
        if (clarity == ClarityLevel.NoContent && !HasCategory(scan, VagueCategory.NoContent) && Trimmed(text) is var (start, end) && end > start)
        {
            scan.AddVague(new ResolvedHit((int)VagueCategory.NoContent, start, end, -1));
        }

        return new TextAnalysis(clarity, IsAcknowledgement(scan.AcknowledgedUnits, scan.WholeAcknowledgedUnits, scan.ContentChars, scan.AsciiChars));
    }

    /// <summary>
    /// Reads a short value only for what its field state needs: whether it has any content, and whether it says the
    /// value is not known yet.
    /// </summary>
    public (bool HasContent, bool Acknowledged) Classify(string text)
    {
        var sink = new StateSink(Lexicon);
        Lexicon.Automaton.Scan(text, ref sink);
        return (sink.ContentChars > 0, IsAcknowledgement(sink.AcknowledgedUnits, sink.WholeAcknowledgedUnits, sink.ContentChars, sink.AsciiChars) || sink.IsUnsettled);
    }

    /// <summary>
    /// Whether a value says nothing but that it is not settled yet (待定, 未定, 看情况, TBD): in a field that takes one value, as
    /// much an acknowledgement as 待补充. A value that says anything more (王总待定, 50万，待定) is not.
    /// </summary>
    public bool IsUnsettled(string text)
    {
        var sink = new StateSink(Lexicon);
        Lexicon.Automaton.Scan(text, ref sink);
        return sink.IsUnsettled;
    }

    /// <summary>
    /// Whether the clause of the phrase at <paramref name="start"/>..<paramref name="end"/> of an analysed text states a
    /// quantity, an amount or a percentage (the facts <paramref name="scan"/> found): what an unquantified intent lacks.
    /// </summary>
    public bool IsMeasuredInItsClause(TextScan scan, string text, int start, int end)
    {
        for (var f = 0; f < scan.FactCount; f++)
        {
            var fact = scan.Facts[f];
            if ((MeasureKinds & (1 << (int)fact.Kind)) != 0
                && (fact.End <= start ? InOneClause(text, fact.End, start) : fact.Start < end || InOneClause(text, end, fact.Start)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the status phrase ending at <paramref name="end"/> is the verb of what was done, with
    /// its object in its own clause (已联系中通客服催件, 已聯絡順豐加急): words follow it at once, not a break, at least
    /// <see cref="MinStatusObjectLength"/> characters of them before the clause ends. A status of something under way (跟进中,
    /// 处理中) takes no object, and one followed by a break (已联系，…) stands alone.
    /// </summary>
    public static bool TakesItsObject(string text, int end)
    {
        if (end >= text.Length || TextFolding.Fold(text[end - 1]) == '中' || !char.IsLetterOrDigit(text[end]))
        {
            return false;
        }

        return text.AsSpan(end, ClauseEnd(text, end) - end).Trim().Length >= MinStatusObjectLength;
    }

    /// <summary>
    /// Whether the status phrase ending at <paramref name="end"/> is followed by a colon and then by at least
    /// <see cref="MinStatusObjectLength"/> characters of content before the clause ends: 换货处理中：换新内胆, 退款中: ¥459 原路退回.
    /// What follows may still be vague in its own words (处理中：等客户回复), and is read for them as any text is.
    /// </summary>
    private static bool HeadsItsDetails(string text, int end)
    {
        var colon = end;
        while (colon < text.Length && char.IsWhiteSpace(text[colon]))
        {
            colon++;
        }

        if (colon >= text.Length || TextFolding.Fold(text[colon]) != ':')
        {
            return false;
        }

        var content = 0;
        var clauseEnd = ClauseEnd(text, colon + 1);
        for (var i = colon + 1; i < clauseEnd; i++)
        {
            content += TextFolding.IsContent(TextFolding.Fold(text[i])) ? 1 : 0;
        }

        return content >= MinStatusObjectLength;
    }

    /// <summary>How many characters of object a status verb needs in its clause to be a deed, not a status (中通客服催件).</summary>
    private const int MinStatusObjectLength = 4;

    /// <summary>
    /// Whether the clause of the wait at <paramref name="start"/>..<paramref name="end"/> of an analysed text gives it a
    /// deadline (the facts <paramref name="scan"/> found): a date or a clock time before it marked as a deadline, with at most
    /// who waits between (12 月 5 日前等客户回复, 12 月 10 日前她会主动联系), or after it led by a word of time limit (等客户回复到
    /// 12 月 5 日, waiting for reply until Dec 5). Any other date in the clause dates something else, as a note's dates
    /// usually do (11 月 20 日已发报价等客户回复, 等客户回复 11 月 20 日发的报价).
    /// </summary>
    public bool IsDatedInItsClause(TextScan scan, string text, int start, int end)
    {
        for (var f = 0; f < scan.FactCount; f++)
        {
            var fact = scan.Facts[f];
            if ((TimeKinds & (1 << (int)fact.Kind)) == 0)
            {
                continue;
            }

            if (fact.End <= start)
            {
                var between = text.AsSpan(fact.End, start - fact.End).Trim();
                var mark = IsDeadlineMark(between);
                if (mark > 0 && InOneClause(text, fact.End, start) && between[mark..].Trim().Length <= MaxWaiterLength)
                {
                    return true;
                }
            }
            else if (fact.Start < end)
            {
                // Inside the wait (等客户在 12 月 5 日前回复): its own date, when marked as a deadline.
                if (IsDeadlineMark(text.AsSpan(fact.End, text.Length - fact.End).TrimStart()) > 0)
                {
                    return true;
                }
            }
            else if (InOneClause(text, end, fact.Start)
                && (EndsWithAny(text.AsSpan(end, fact.Start - end).Trim(), TimeLimitWords) || EndsAsADeadline(text, fact.End)))
            {
                // After it, led by a word of limit (到 12 月 5 日, until Dec 5) or marked as a deadline that ends the clause
                // (（12 月 5 日前）), not a date of what follows (11 月 20 日之前发的报价).
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a deadline mark follows <paramref name="at"/> and then only closing punctuation until the clause ends.</summary>
    private static bool EndsAsADeadline(string text, int at)
    {
        var rest = text.AsSpan(at).TrimStart();
        var mark = IsDeadlineMark(rest);
        if (mark == 0)
        {
            return false;
        }

        foreach (var c in rest[mark..])
        {
            var folded = TextFolding.Fold(c);
            if (TextFolding.IsClauseEnd(folded))
            {
                return true;
            }

            if (folded is not (')' or '）' or ']' or '】' or ' '))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The length of the deadline mark <paramref name="words"/> start with (前, 之前, 截止), or 0; not 前后, "around".</summary>
    private static int IsDeadlineMark(ReadOnlySpan<char> words)
    {
        var mark = LeadingWordLength(words, DeadlineMarks);
        return mark > 0 && !StartsWithAny(words, NotDeadlineMarks) ? mark : 0;
    }

    /// <summary>Words right after a date that make it a deadline (12 月 5 日前, 周五之前, 12 月 5 日截止), folded.</summary>
    private static readonly string[] DeadlineMarks = ["前", "之前", "以前", "以内", "之内", "为止", "截止"];

    /// <summary>Words that start with a deadline mark but are none (12 月 5 日前后 is "around" it), folded.</summary>
    private static readonly string[] NotDeadlineMarks = ["前后", "前发", "前已"];

    /// <summary>Words right before a date after a wait that make the date its limit (等客户回复到 12 月 5 日, until Dec 5), folded.</summary>
    private static readonly string[] TimeLimitWords =
        ["到", "至", "直到", "截至", "截止", "最晚", "最迟", "by", "until", "before", "no later than", "deadline"];

    /// <summary>How many characters may name who waits between a deadline and the wait (12 月 10 日前她会主动联系; 客户).</summary>
    private const int MaxWaiterLength = 2;

    /// <summary>The fact kinds that measure (a bit per <see cref="FactKind"/>): a quantity, an amount, a percentage.</summary>
    private const int MeasureKinds = (1 << (int)FactKind.Quantity) | (1 << (int)FactKind.Amount) | (1 << (int)FactKind.Percentage);

    /// <summary>The fact kinds that say when (a bit per <see cref="FactKind"/>): a date, a clock time.</summary>
    private const int TimeKinds = (1 << (int)FactKind.Date) | (1 << (int)FactKind.Time);

    /// <summary>
    /// Whether nothing between two offsets ends a clause: a clause-ending character (，。、… a full stop), a point or comma
    /// between digits (2.5 万, 1,200 套) excepted, or a contrast word of the lexicon (但, 不过, but).
    /// </summary>
    private bool InOneClause(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var c = TextFolding.Fold(text[i]);
            var inNumber = c is '.' or ',' && i > 0 && i + 1 < text.Length
                && TextFolding.IsAsciiDigit(TextFolding.Fold(text[i - 1])) && TextFolding.IsAsciiDigit(TextFolding.Fold(text[i + 1]));
            var wordStart = i == 0 || !TextFolding.IsAsciiLetter(TextFolding.Fold(text[i - 1]));
            if ((TextFolding.IsClauseEnd(c) && !inNumber) || (wordStart && BreakWordLength(text.AsSpan(i, to - i)) > 0))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>How much besides its acknowledgement phrases a text may say and still be an acknowledgement.</summary>
    private const double AcknowledgementSlack = 6;

    /// <summary>How far below the content a sum of phrases' units may fall and still cover it: a third of a letter is 0.333….</summary>
    private const double WholeTolerance = 1e-9;

    /// <summary>
    /// Whether a text is an acknowledgement: its acknowledgement phrases leave little else (客户暂未明确，下周问), or its
    /// whole-value ones (未提, 没说) are all it says.
    /// </summary>
    private static bool IsAcknowledgement(double acknowledgedUnits, double wholeAcknowledgedUnits, int contentChars, int asciiChars)
    {
        var units = TextFolding.ContentUnits(contentChars, asciiChars);
        return (acknowledgedUnits > 0 && units - acknowledgedUnits <= AcknowledgementSlack)
            || (wholeAcknowledgedUnits > 0 && wholeAcknowledgedUnits >= units - WholeTolerance);
    }

    private void JoinGaps(TextScan scan)
    {
        var hits = scan.Hits;
        for (var t = 0; t < scan.HitCount; t++)
        {
            var kind = Lexicon.Parts[hits[t].Part].Kind;
            if (kind == PhrasePartKind.Whole)
            {
                continue;
            }

            hits[t].Dropped = true;
            if (kind != PhrasePartKind.GapTail)
            {
                continue;
            }

            for (var h = t - 1; h >= 0 && hits[h].FoldedEnd >= hits[t].FoldedStart - AsciiMaxGap; h--)
            {
                ref readonly var head = ref hits[h];
                var maxGap = IsAscii(Lexicon.Entries[head.Entry].Phrase) ? AsciiMaxGap : LexiconEntry.MaxGap;
                if (head.Entry == hits[t].Entry && Lexicon.Parts[head.Part].Kind == PhrasePartKind.GapHead && head.Clause == hits[t].Clause
                    && head.FoldedEnd <= hits[t].FoldedStart && hits[t].FoldedStart - head.FoldedEnd <= maxGap)
                {
                    hits[t].GapFrom = head.FoldedEnd;
                    hits[t].GapTo = hits[t].FoldedStart;
                    hits[t].GapStart = head.End;
                    hits[t].GapEnd = hits[t].Start;
                    hits[t].Start = head.Start;
                    hits[t].FoldedStart = head.FoldedStart;
                    hits[t].Dropped = false;
                    break;
                }
            }
        }
    }

    /// <summary>Keeps the vague hits that count; returns whether the text says nothing but fillers and vague phrases.</summary>
    private bool ResolveVague(string text, TextScan scan)
    {
        var hits = scan.Hits;
        // Digits alone are no content already (IsNoContent), and without a filler no text is nothing but fillers.
        var fillersOnly = scan.DigitChars != scan.ContentChars && (scan.DigitChars != 0 || scan.HasFiller) && scan.FillersTileText();
        for (var i = 0; i < scan.HitCount; i++)
        {
            ref var hit = ref hits[i];
            var entry = Lexicon.Entries[hit.Entry];
            if (hit.Dropped || entry.Role != PhraseRole.Vague)
            {
                continue;
            }

            if ((entry.Flags & PhraseFlags.WholeText) != 0 && Lexicon.Parts[hit.Part].ContentLength != scan.ContentChars)
            {
                continue;
            }

            // A status that heads the details of what is being done (换货处理中：换新内胆，旧件顺丰到付寄回) is their label,
            // not a status standing in for them.
            if (entry.Category == (int)VagueCategory.StatusOnly && HeadsItsDetails(text, hit.End))
            {
                continue;
            }

            // A date or time in the gap makes the phrase definite: 等客户12月3日前回复 is a wait with a deadline.
            if (hit.GapTo > 0 && HasDateOrTimeWithin(scan, hit.GapStart, hit.GapEnd))
            {
                continue;
            }

            // A negated vague phrase says something definite (不感兴趣 is no interest at all, 无需等客户回复 waits for nothing),
            // and so does one inside a risk phrase (意向明显下降 is a decline, not an unmeasured intent).
            var near = Neighbours(scan, i);
            if (IsInsideLonger(scan, i, near, PhraseRole.Vague, sameCategoryOnly: false)
                || IsInsideRisk(scan, i, near, opening: entry.Category != (int)VagueCategory.Hedge) || IsExcepted(scan, i, near)
                || (entry.Category != (int)VagueCategory.NoContent && IsNegated(text, scan, i, near, VagueCueWindow, allowClosingCue: false)))
            {
                continue;
            }

            AddVague(scan, new ResolvedHit(entry.Category, hit.Start, hit.End, hit.Entry));
        }

        return fillersOnly;
    }

    /// <summary>
    /// Keeps a vague hit, joined with the kept hits of its category that it overlaps: 持续跟进 and 跟进中 in 持续跟进中 are one
    /// finding over 持续跟进中. Fillers stay apart, as their units measure how much of a text they cover.
    /// </summary>
    private static void AddVague(TextScan scan, ResolvedHit hit)
    {
        // Kept hits are ordered by where they end, so those overlapping this one are the last few.
        for (var v = scan.VagueCount - 1; v >= 0 && scan.Vague[v].End > hit.Start && hit.Category != (int)VagueCategory.NoContent; v--)
        {
            var kept = scan.Vague[v];
            if (kept.Category == hit.Category)
            {
                var entry = kept.End - kept.Start > hit.End - hit.Start ? kept.Entry : hit.Entry;
                hit = new ResolvedHit(hit.Category, Math.Min(kept.Start, hit.Start), Math.Max(kept.End, hit.End), entry);
                scan.RemoveVague(v);
            }
        }

        scan.AddVague(hit);
    }

    private void ResolveRisk(string text, TextScan scan)
    {
        var hits = scan.Hits;
        for (var i = 0; i < scan.HitCount; i++)
        {
            ref var hit = ref hits[i];
            var entry = Lexicon.Entries[hit.Entry];
            if (hit.Dropped || entry.Role != PhraseRole.Risk)
            {
                continue;
            }

            var near = Neighbours(scan, i);
            if (IsInsideLonger(scan, i, near, PhraseRole.Risk, sameCategoryOnly: true) || IsExcepted(scan, i, near) || IsInName(text, hit.Start, hit.End))
            {
                continue;
            }

            if (IsNegated(text, scan, i, near, RiskCueWindow, allowClosingCue: true) || IsNegatedAlternative(text, scan, i, near))
            {
                hit.Negated = true;
                continue;
            }

            if (IsOvercome(text, scan, i, near) || IsInsideOvercomeRisk(text, scan, i, near) || IsContingency(text, hit.Start, hit.End)
                || IsInOvercomePast(text, scan, i, near) || IsDeclinedRival(text, scan, i, near))
            {
                continue;
            }

            scan.AddRisk(new ResolvedHit(entry.Category, hit.Start, hit.End, hit.Entry));
        }
    }

    /// <summary>
    /// Whether a decline has a competitor for its subject (Moka不考虑了, 友商那边不考虑了, 竞品方案不考虑了): the customer
    /// turned the rival down, not us. Only the rival and a few words naming its offer may come before the decline.
    /// </summary>
    private bool IsDeclinedRival(string text, TextScan scan, int index, (int From, int To) near)
    {
        ref readonly var hit = ref scan.Hits[index];
        if ((Lexicon.Entries[hit.Entry].Flags & PhraseFlags.Decline) == 0)
        {
            return false;
        }

        for (var j = near.From; j < index; j++)
        {
            ref readonly var other = ref scan.Hits[j];
            if (!other.Dropped && (Lexicon.Entries[other.Entry].Flags & PhraseFlags.Rival) != 0 && other.Clause == hit.Clause
                && other.End <= hit.Start && !IsExcepted(scan, j, Neighbours(scan, j))
                && IsOneOf(text.AsSpan(other.End, hit.Start - other.End).Trim(), RivalOfferWords))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What may stand between a competitor and its decline (Moka那边不考虑了), folded; the empty word is none at all.</summary>
    private static readonly string[] RivalOfferWords = ["", "那边", "那家", "的", "的方案", "方案", "的产品", "产品", "的报价", "报价", "这家", "就", "已经", "已", "也"];

    /// <summary>The range of hits that end within <see cref="Reach"/> of the hit's span: the only ones that can bear on it.</summary>
    private static (int From, int To) Neighbours(TextScan scan, int index)
    {
        ref readonly var hit = ref scan.Hits[index];
        var from = index;
        while (from > 0 && scan.Hits[from - 1].FoldedEnd >= hit.FoldedStart - Reach)
        {
            from--;
        }

        var to = index;
        while (to + 1 < scan.HitCount && scan.Hits[to + 1].FoldedEnd <= hit.FoldedEnd + Reach)
        {
            to++;
        }

        return (from, to);
    }

    /// <summary>
    /// Whether the phrase is part of a name: inside a title (《延期交付管理办法》, but not a document sent: 《关于暂缓采购的函》), or
    /// inside quotes that a word naming a thing follows or ends (“投诉工单”模块, “不满意包退”活动, 『延遲交貨追蹤模組』, the "Delay
    /// Tolerance" setting). Quoted words someone said stay risks (客户原话：“太贵了”, 客户说“太贵了”服务费另算).
    /// </summary>
    private static bool IsInName(string text, int start, int end)
    {
        var open = -1;
        for (var i = start - 1; i >= 0 && start - i <= NameReach; i--)
        {
            var c = text[i];
            if (QuoteOpeners.Contains(c) || c == '"')
            {
                open = i;
                break;
            }

            if (QuoteClosers.Contains(c) || TextFolding.IsClauseEnd(TextFolding.Fold(c)))
            {
                return false;
            }
        }

        if (open < 0)
        {
            return false;
        }

        var closer = text[open] switch { '“' => '”', '「' => '」', '『' => '』', '《' => '》', '〈' => '〉', '【' => '】', '‘' => '’', var same => same };
        var close = text.AsSpan(end, Math.Min(NameReach, text.Length - end)).IndexOf(closer);
        if (close < 0)
        {
            return false;
        }

        if (closer is '》' or '〉')
        {
            return !EndsWithAny(text.AsSpan(open + 1, end + close - open - 1), DocumentEndings);
        }

        var after = text.AsSpan(end + close + 1).TrimStart();
        var quoted = text.AsSpan(open + 1, end + close - open - 1).TrimEnd();
        return !EndsWithAny(text.AsSpan(0, open).TrimEnd(), SpeechLeads)
            && ((!StartsWithAny(after, NotNameWords) && StartsWithAny(after, NameWords)) || EndsWithAny(quoted, NameWords));
    }

    /// <summary>Whether an exception of the hit's role and category covers it (投诉管理模块 covers 投诉).</summary>
    private bool IsExcepted(TextScan scan, int index, (int From, int To) near)
    {
        ref readonly var hit = ref scan.Hits[index];
        var entry = Lexicon.Entries[hit.Entry];
        var (from, to) = near;
        for (var j = from; j <= to; j++)
        {
            ref readonly var other = ref scan.Hits[j];
            var exception = Lexicon.Entries[other.Entry];
            // A part of a gapped exception that found no other part (可能性 without 评估…) excepts nothing.
            if (!other.Dropped && exception.Role == PhraseRole.Exception && exception.ExceptionTo == entry.Role && exception.Category == entry.Category
                && other.FoldedStart <= hit.FoldedStart && hit.FoldedEnd <= other.FoldedEnd)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the hit lies inside the words of a longer risk phrase; the gap of a risk phrase is not its words, and an excepted
    /// one is no risk (the 在跟 of Moka也在跟 is a rival's move, of 我们也在跟 our status). Without <paramref name="opening"/>, a
    /// hit that opens the risk phrase is not inside it: a hedge opening one (可能年后, 可能比价) hedges the risk and stays.
    /// </summary>
    private bool IsInsideRisk(TextScan scan, int index, (int From, int To) near, bool opening)
    {
        ref readonly var hit = ref scan.Hits[index];
        var (from, to) = near;
        for (var j = from; j <= to; j++)
        {
            ref readonly var other = ref scan.Hits[j];
            if (!other.Dropped && Lexicon.Entries[other.Entry].Role == PhraseRole.Risk && other.FoldedStart <= hit.FoldedStart
                && hit.FoldedEnd <= other.FoldedEnd && other.FoldedEnd - other.FoldedStart > hit.FoldedEnd - hit.FoldedStart
                && !(other.GapTo > 0 && other.GapFrom <= hit.FoldedStart && hit.FoldedEnd <= other.GapTo)
                && (opening || other.FoldedStart != hit.FoldedStart) && !IsExcepted(scan, j, Neighbours(scan, j)))
            {
                return true;
            }
        }

        return false;
    }

    private bool IsInsideLonger(TextScan scan, int index, (int From, int To) near, PhraseRole role, bool sameCategoryOnly)
    {
        ref readonly var hit = ref scan.Hits[index];
        var category = Lexicon.Entries[hit.Entry].Category;
        var (from, to) = near;
        for (var j = from; j <= to; j++)
        {
            ref readonly var other = ref scan.Hits[j];
            if (j == index || other.Dropped || Lexicon.Entries[other.Entry].Role != role
                || (sameCategoryOnly && Lexicon.Entries[other.Entry].Category != category))
            {
                continue;
            }

            var contains = other.FoldedStart <= hit.FoldedStart && hit.FoldedEnd <= other.FoldedEnd;
            var longer = other.FoldedEnd - other.FoldedStart > hit.FoldedEnd - hit.FoldedStart;
            if (contains && (longer || j < index))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a cue negates the hit: the nearest cue shortly before it in its clause (unless that cue is itself negated: 并不是
    /// 没有竞争对手 affirms), a cue in its gap, for risks a cue closing the clause after it (竞争对手：无), a bare negative
    /// answer in the next clause to a risk named as a question or topic (有没有竞争对手？客户说没有; 竞争对手方面，暂无), or a
    /// next clause that says no more than that it is resolved (客户对价格有异议，目前已解决).
    /// </summary>
    private bool IsNegated(string text, TextScan scan, int index, (int From, int To) near, int window, bool allowClosingCue)
    {
        ref readonly var hit = ref scan.Hits[index];
        var (from, to) = near;
        var nearestBefore = -1;
        for (var c = from; c <= to; c++)
        {
            ref readonly var cue = ref scan.Hits[c];
            if (cue.Dropped || Lexicon.Entries[cue.Entry].Role != PhraseRole.NegationCue)
            {
                continue;
            }

            if (cue.Clause != hit.Clause)
            {
                if (allowClosingCue && cue.Clause > hit.Clause && cue.FoldedStart >= hit.FoldedEnd
                    && ((cue.Clause == hit.Clause + 1 && cue.AtClauseEnd && IsBareAnswer(text, hit.End, cue.Start))
                        || (IsSettling(cue) && IsResolvable(hit)
                            && IsBareSettlement(text, hit.End, cue.Start) && EndsStatement(text, cue.End)))
                    && !IsVoidCue(scan, c, index))
                {
                    return true;
                }

                // An enumeration after a cue of absence (未出现退货、退款、差评) is under it, whatever its first items are, unless
                // one of them is a risk it did not negate; one item before the hit may be a clause of its own (没问题、价格偏高),
                // and a verb's negation (不了解产品、觉得贵、担心效果) is no list's.
                if (cue.Clause < hit.Clause && _absenceCues[cue.Entry] && cue.End <= hit.Start && StartsItem(text, cue.End)
                    && IsEnumerationLink(text.AsSpan(cue.End, hit.Start - cue.End), minCommas: 2) && EndsItem(text, hit.End)
                    && !IsRaisedBetween(scan, c, index) && !IsVoidCue(scan, c, index) && !IsCueNegated(text, scan, c, index))
                {
                    return true;
                }

                continue;
            }

            // A settling cue negates what follows it only with no space between (已解决客户的顾虑): 发票问题已解决 客户嫌贵 is two
            // clauses. It closes its clause before a break word too (顾虑已打消但预算不足), and asked (价格异议已解决？) it settles nothing.
            var settling = IsSettling(cue);
            var before = cue.FoldedEnd <= hit.FoldedStart && hit.FoldedStart - cue.FoldedEnd <= CueWindow(cue, hit, window)
                && !(settling && HasWhitespace(text, cue.End, hit.Start));
            var inGap = hit.GapTo > 0 && hit.GapFrom <= cue.FoldedStart && cue.FoldedEnd <= hit.GapTo;
            // A settling cue closing the clause settles only what can be resolved: 竞品问题已解决 leaves the competitor.
            var closingAfter = allowClosingCue && cue.FoldedStart >= hit.FoldedEnd && cue.FoldedStart - hit.FoldedEnd <= PostCueWindow
                && (settling
                    ? (cue.AtClauseEnd || StartsWithBreakWord(text, cue.End)) && NextVisible(text, cue.End, out _) != '?' && IsResolvable(hit)
                    : cue.AtClauseEnd || StartsWithBreakWord(text, cue.End));
            // Whether the cue is void costs a search of its neighbours: only for a cue placed to negate.
            if (before && !inGap)
            {
                if ((nearestBefore < 0 || IsNearer(cue, scan.Hits[nearestBefore])) && !IsVoidCue(scan, c, index))
                {
                    nearestBefore = c;
                }
            }
            else if ((inGap || closingAfter) && !IsVoidCue(scan, c, index))
            {
                return true;
            }
        }

        return nearestBefore >= 0 && !IsCueNegated(text, scan, nearestBefore, index) && !IsRiskBetween(text, scan, nearestBefore, index, near, parted: true);

        // Nearer the phrase: ending later; at the same end, the longer cue (没有 over 没).
        static bool IsNearer(in TextHit cue, in TextHit other) =>
            cue.FoldedEnd > other.FoldedEnd || (cue.FoldedEnd == other.FoldedEnd && cue.FoldedStart < other.FoldedStart);
    }

    /// <summary>
    /// Whether another risk phrase stands between a cue and the hit; with <paramref name="parted"/>, only one of another kind
    /// parted from the hit by white space. Notes part statements with a space, and a cue negates the first of them, not the
    /// next (没有竞争对手 客户嫌贵, 无竞品 预算不足), while items of one kind are a list under one cue (无投诉 差评 退货); without
    /// a space the first is what the cue negates together with the hit (不担心价格太贵, 没有抱怨价格太贵), and alternatives
    /// joined by 或 are negated together by <see cref="IsNegatedAlternative"/>. A cue that negated a risk phrase does not
    /// negate the cue after it either (没有投诉无差评 is no double negative).
    /// </summary>
    private bool IsRiskBetween(string text, TextScan scan, int cueIndex, int hitIndex, (int From, int To) near, bool parted)
    {
        ref readonly var cue = ref scan.Hits[cueIndex];
        ref readonly var hit = ref scan.Hits[hitIndex];
        for (var j = near.From; j <= near.To; j++)
        {
            ref readonly var other = ref scan.Hits[j];
            if (j != hitIndex && !other.Dropped && Lexicon.Entries[other.Entry].Role == PhraseRole.Risk
                && other.FoldedStart >= cue.FoldedEnd && other.FoldedEnd <= hit.FoldedStart
                && (!parted || (HasWhitespace(text, other.End, hit.Start) && Lexicon.Entries[other.Entry].Category != Lexicon.Entries[hit.Entry].Category)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the hit is an alternative to a negated risk phrase shortly before it in its clause, joined by 或 / or, or an
    /// item of the same enumeration: one cue negates them all in 没有任何投诉或不满, "did not complain or express any
    /// dissatisfaction" and 未出现投诉、退货、差评.
    /// </summary>
    private bool IsNegatedAlternative(string text, TextScan scan, int index, (int From, int To) near)
    {
        ref readonly var hit = ref scan.Hits[index];
        for (var j = near.From; j < index; j++)
        {
            ref readonly var other = ref scan.Hits[j];
            if (!other.Negated || other.End > hit.Start)
            {
                continue;
            }

            // An enumeration carries the negation only to an item of the same kind that does not negate itself: 无投诉、差评
            // is one list, but 无竞品、预算不足 and 没有投诉、联系不上 tell a second, different thing. A list closed in so many
            // words (投诉、延期等问题, 投诉、延期的情况) is one list whatever its kinds.
            var between = text.AsSpan(other.End, hit.Start - other.End);
            var closedList = StartsWithAny(text.AsSpan(hit.End).TrimStart(), ListEnds);
            var listed = other.Clause == hit.Clause
                ? IsAlternativeLink(between)
                : IsEnumerationLink(between, minCommas: 1, closedList) && EndsItem(text, hit.End) && !HoldsCue(scan, index)
                    && (Lexicon.Entries[other.Entry].Category == Lexicon.Entries[hit.Entry].Category || closedList);
            if (listed)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a negation cue lies inside the hit's own words (没有预算, 不急, 未回复): it says the bad thing itself.</summary>
    private bool HoldsCue(TextScan scan, int index)
    {
        ref readonly var hit = ref scan.Hits[index];
        var (from, to) = Neighbours(scan, index);
        for (var j = from; j <= to; j++)
        {
            ref readonly var other = ref scan.Hits[j];
            if (j != index && !other.Dropped && Lexicon.Entries[other.Entry].Role == PhraseRole.NegationCue
                && hit.FoldedStart <= other.FoldedStart && other.FoldedEnd <= hit.FoldedEnd)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the phrase ending at <paramref name="phraseEnd"/> ends its item of a list: the text or its clause ends, or a
    /// word that closes a list follows (差评等问题, 投诉之类). 差评较多, 差评两条 and 竞品在接触 tell rather than list.
    /// </summary>
    private static bool EndsItem(string text, int phraseEnd)
    {
        var next = NextVisible(text, phraseEnd, out _);
        if (next == '\0' || TextFolding.IsClauseEnd(next))
        {
            return true;
        }

        return StartsWithAny(text.AsSpan(phraseEnd).TrimStart(), ListClosers);
    }

    /// <summary>Whether an item starts right at <paramref name="from"/>: a cue of absence is followed by what is absent, not by a clause break.</summary>
    private static bool StartsItem(string text, int from)
    {
        var next = NextVisible(text, from, out _);
        return next != '\0' && !TextFolding.IsClauseEnd(next);
    }

    /// <summary>Whether a risk phrase between the cue and the hit was raised: then the items are statements, not one list.</summary>
    private bool IsRaisedBetween(TextScan scan, int cueIndex, int hitIndex)
    {
        ref readonly var cue = ref scan.Hits[cueIndex];
        ref readonly var hit = ref scan.Hits[hitIndex];
        for (var j = cueIndex + 1; j < hitIndex; j++)
        {
            ref readonly var other = ref scan.Hits[j];
            if (!other.Dropped && !other.Negated && Lexicon.Entries[other.Entry].Role == PhraseRole.Risk
                && other.FoldedStart >= cue.FoldedEnd && other.FoldedEnd <= hit.FoldedStart)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the words between two phrases continue an enumeration: 、 between short items (投诉、退货、差评; 投诉、漏发、差评),
    /// no other punctuation, and the hit right after the last 、. Words before the hit (没有投诉、客户嫌贵) or a contrast word
    /// (没有投诉、只是嫌贵) read as a new statement, as when 、 stands for a comma. <paramref name="minCommas"/> is how many 、
    /// there must be; in a list closed in so many words (<paramref name="closedList"/>: 客户投诉、项目延期的情况) the last item
    /// may have words before the hit.
    /// </summary>
    private bool IsEnumerationLink(ReadOnlySpan<char> between, int minCommas, bool closedList = false)
    {
        if (!closedList && !between.TrimEnd().EndsWith('、') && !between.TrimEnd().EndsWith('\uFF64'))
        {
            return false;
        }

        var items = 0;
        foreach (var item in between.SplitAny(EnumerationCommas))
        {
            var words = between[item].Trim();
            var content = 0;
            foreach (var c in words)
            {
                var folded = TextFolding.Fold(c);
                if (TextFolding.IsClauseEnd(folded))
                {
                    return false;
                }

                content += TextFolding.IsContent(folded) ? 1 : 0;
            }

            if (content > RiskCueWindow || BreakWordLength(words) > 0)
            {
                return false;
            }

            items++;
        }

        return items - 1 >= minCommas;
    }

    /// <summary>
    /// Whether the words between two phrases are 或 / or, after at most a word that ends the first phrase (介入, involvement),
    /// and say little more after it (或表达, or express any).
    /// </summary>
    private static bool IsAlternativeLink(ReadOnlySpan<char> between)
    {
        between = between.Trim();
        var chinese = 0;
        for (var lead = 0; lead < between.Length; lead++)
        {
            var wordStart = lead == 0 || !TextFolding.IsAsciiLetter(TextFolding.Fold(between[lead - 1]));
            if (StartsWithAlternative(between[lead..], wordStart))
            {
                return true;
            }

            // The lead may be up to three Chinese characters, or one English word and its space.
            var c = TextFolding.Fold(between[lead]);
            var inEnglishWord = TextFolding.IsAsciiLetter(c) || (c == ' ' && lead > 0 && TextFolding.IsAsciiLetter(TextFolding.Fold(between[lead - 1])));
            chinese += inEnglishWord ? 0 : 1;
            if (!(inEnglishWord || TextFolding.IsContent(c)) || chinese > 3 || (inEnglishWord && chinese > 0) || lead >= 16)
            {
                return false;
            }
        }

        return false;
    }

    private static bool StartsWithAlternative(ReadOnlySpan<char> text, bool wordStart)
    {
        foreach (var word in Alternatives)
        {
            if (text.Length < word.Length || !FoldsTo(text[..word.Length], word))
            {
                continue;
            }

            var ascii = IsAscii(word);
            var rest = text[word.Length..];

            // A word that only starts or ends like one: order, actor, 或许 (perhaps).
            if ((!rest.IsEmpty && (ascii ? !TextFolding.IsWhitespace(rest[0]) : TextFolding.Fold(rest[0]) == '许')) || (ascii && !wordStart))
            {
                continue;
            }

            var content = 0;
            foreach (var c in rest)
            {
                content += TextFolding.IsContent(TextFolding.Fold(c)) ? 1 : 0;
            }

            return content <= (ascii ? AsciiCueWindow : RiskCueWindow);
        }

        return false;
    }

    /// <summary>Whether another cue right before a cue negates it (不是没有, 不能说没有), so the two affirm.</summary>
    private bool IsCueNegated(string text, TextScan scan, int cueIndex, int negatedIndex)
    {
        ref readonly var cue = ref scan.Hits[cueIndex];
        var (from, to) = Neighbours(scan, cueIndex);
        for (var j = from; j <= to; j++)
        {
            ref readonly var other = ref scan.Hits[j];
            // The same cue again after a spaced item is a list (无投诉 无退货 无差评), not a double negative (不可能不, 不能不).
            if (j != cueIndex && !other.Dropped && other.Clause == cue.Clause && Lexicon.Entries[other.Entry].Role == PhraseRole.NegationCue
                && other.FoldedEnd <= cue.FoldedStart && cue.FoldedStart - other.FoldedEnd <= DoubleNegativeWindow
                && !(other.Entry == cue.Entry && HasWhitespace(text, other.End, cue.Start))
                && !IsAscii(Lexicon.Entries[other.Entry].Phrase) && !IsVoidCue(scan, j, negatedIndex) && !IsRiskBetween(text, scan, j, cueIndex, (from, to), parted: false))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the text between a risk phrase and a cue is a question or topic ending its clause and, after the break, at
    /// most who answered: 有没有竞争对手？(客户说)没有, 竞争对手方面，暂无.
    /// </summary>
    private static bool IsBareAnswer(string text, int phraseEnd, int cueStart)
    {
        var between = text.AsSpan(phraseEnd, cueStart - phraseEnd);
        var clauseEnd = between.IndexOfAny(AnswerBreaks);
        if (clauseEnd < 0)
        {
            return false;
        }

        // Asked: a question or heading right after the phrase (竞争对手？, 竞争对手：), or the phrase as a topic (竞争对手方面，).
        var asked = between[..clauseEnd].Trim();
        var isAsked = asked.IsEmpty ? between[clauseEnd] is '?' or '？' or ':' or '：' : IsOneOf(asked, TopicMarkers);
        var answeredBy = between[(clauseEnd + 1)..].Trim().TrimEnd(":：");
        return isAsked && (answeredBy.IsEmpty || IsOneOf(answeredBy, Answerers));
    }

    /// <summary>
    /// Whether the text between a risk phrase and a settling cue ends the phrase's clause and then says no more than
    /// <see cref="SettlementLeads"/>: ，目前已解决; 但已解决; "; this has been resolved". A colon does not end the clause, so
    /// 客户嫌贵，安装问题：已解决 settles nothing.
    /// </summary>
    private bool IsBareSettlement(string text, int phraseEnd, int cueStart)
    {
        var between = text.AsSpan(phraseEnd, cueStart - phraseEnd);
        var clauseEnd = between.IndexOfAny(SettlementBreaks);
        var lead = between[(clauseEnd + 1)..].TrimStart(SettlementBreakChars).Trim();
        var wordLength = BreakWordLength(lead);
        lead = lead[wordLength..].Trim();
        return (clauseEnd >= 0 || wordLength > 0) && (lead.IsEmpty || IsOneOf(lead, SettlementLeads));
    }

    /// <summary>The length of the contrast word <paramref name="text"/> starts with, or 0.</summary>
    private int BreakWordLength(ReadOnlySpan<char> text) => LeadingWordLength(text, _contrastWords);

    private bool StartsWithBreakWord(string text, int from) => BreakWordLength(text.AsSpan(from).TrimStart()) > 0;

    private static bool HasWhitespace(string text, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (TextFolding.IsWhitespace(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a settling cue ends what it says: the text ends, or a clause does (not with a question mark), or a space parts
    /// it from Chinese (已解决 周五签约). "was resolved partially" and 已解决 20%差价还在谈 go on, so they settle nothing.
    /// </summary>
    private static bool EndsStatement(string text, int cueEnd)
    {
        var next = NextVisible(text, cueEnd, out var afterSpace);
        return next == '\0' || (TextFolding.IsClauseEnd(next) && next != '?')
            || (afterSpace && char.GetUnicodeCategory(next) == UnicodeCategory.OtherLetter);
    }

    /// <summary>The folded character after <paramref name="from"/>, past white space and ignorable characters, or <c>'\0'</c> at the end.</summary>
    private static char NextVisible(string text, int from, out bool afterSpace)
    {
        afterSpace = false;
        for (var i = from; i < text.Length; i++)
        {
            var c = text[i];
            if (TextFolding.IsClauseEnd(TextFolding.Fold(c)))
            {
                return TextFolding.Fold(c);
            }

            if (TextFolding.IsWhitespace(c) || TextFolding.IsIgnorable(c))
            {
                afterSpace |= TextFolding.IsWhitespace(c);
                continue;
            }

            return TextFolding.Fold(c);
        }

        return '\0';
    }

    private bool IsSettling(in TextHit cue) => Lexicon.Entries[cue.Entry].Category == (int)CueKind.Settles;

    private bool IsResolvable(in TextHit hit) => (Lexicon.Entries[hit.Entry].Flags & PhraseFlags.Resolvable) != 0;

    private static bool IsOneOf(ReadOnlySpan<char> text, string[] folded)
    {
        foreach (var candidate in folded)
        {
            if (text.Length == candidate.Length && FoldsTo(text, candidate))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The length of the longest of <paramref name="words"/> (folded) that <paramref name="text"/> starts with, English ones as whole words; 0 for none.</summary>
    private static int LeadingWordLength(ReadOnlySpan<char> text, string[] words)
    {
        var longest = 0;
        foreach (var word in words)
        {
            if (word.Length > longest && text.Length >= word.Length && FoldsTo(text[..word.Length], word)
                && (!IsAscii(word) || text.Length == word.Length || !TextFolding.IsAsciiLetter(TextFolding.Fold(text[word.Length]))))
            {
                longest = word.Length;
            }
        }

        return longest;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> text, string[] words) => LeadingWordLength(text, words) > 0;

    /// <summary>Whether <paramref name="text"/> ends with one of <paramref name="words"/> (folded).</summary>
    private static bool EndsWithAny(ReadOnlySpan<char> text, string[] words)
    {
        foreach (var word in words)
        {
            if (text.Length >= word.Length && FoldsTo(text[^word.Length..], word))
            {
                return true;
            }
        }

        return false;
    }

    private static bool FoldsTo(ReadOnlySpan<char> text, string folded)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (TextFolding.Fold(text[i]) != folded[i])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>
    /// How far before a phrase a cue reaches, in folded characters. An English cue reaches over English words (no budget
    /// approved yet), but a Chinese phrase only right after it (no 预算): "no budget 跟进中" does not negate 跟进中.
    /// </summary>
    private int CueWindow(in TextHit cue, in TextHit hit, int window) => IsAscii(Lexicon.Entries[cue.Entry].Phrase)
        ? (IsAscii(Lexicon.Entries[hit.Entry].Phrase) ? AsciiCueWindow : 0)
        : window;

    /// <summary>
    /// A cue inside a word that is not a negation (无论, 不仅) or inside the words of a risk phrase (未回复) negates
    /// nothing else. A cue in the gap of a risk phrase (预算没被砍) is not inside its words, a risk phrase that overlaps
    /// the negated one is a rival reading of the same words (没有预算 in 没有预算不足), not another phrase, and one an
    /// exception voids (不再考虑 in 不再考虑其他) is no phrase at all.
    /// </summary>
    private bool IsVoidCue(TextScan scan, int cueIndex, int negatedIndex)
    {
        ref readonly var cue = ref scan.Hits[cueIndex];
        ref readonly var negated = ref scan.Hits[negatedIndex];
        var (from, to) = Neighbours(scan, cueIndex);
        for (var j = from; j <= to; j++)
        {
            ref readonly var other = ref scan.Hits[j];
            var role = Lexicon.Entries[other.Entry].Role;
            if (j == cueIndex || other.Dropped || role is not (PhraseRole.NonCue or PhraseRole.Risk)
                || !(other.FoldedStart <= cue.FoldedStart && cue.FoldedEnd <= other.FoldedEnd))
            {
                continue;
            }

            var inGap = other.GapTo > 0 && other.GapFrom <= cue.FoldedStart && cue.FoldedEnd <= other.GapTo;
            var rival = role == PhraseRole.Risk && other.FoldedStart < negated.FoldedEnd && negated.FoldedStart < other.FoldedEnd;
            if (!inGap && !rival && !(role == PhraseRole.Risk && IsExcepted(scan, j, Neighbours(scan, j))))
            {
                return true;
            }
        }

        return false;
    }

    private static ClarityLevel Clarity(TextScan scan, bool prose)
    {
        var vague = 0;
        for (var i = 0; i < scan.VagueCount; i++)
        {
            if (scan.Vague[i].Category != (int)VagueCategory.NoContent)
            {
                vague++;
            }
        }

        var kinds = FactKinds(scan);
        if (vague == 0)
        {
            // Without a vague phrase a text is concrete, unless it is too short to act on (prose: 张经理-电话; a value: x) or
            // leaves a point open in so many words (暂未透露需求).
            var units = TextFolding.ContentUnits(scan.ContentChars, scan.AsciiChars);
            return kinds >= 1 ? ClarityLevel.Concrete
                : units < (prose ? ShortTextUnits : ShortValueUnits) ? ClarityLevel.Vague
                : scan.AcknowledgedUnits > 0 ? ClarityLevel.PartlyVague
                : ClarityLevel.Concrete;
        }

        return kinds >= 2 && kinds >= vague ? ClarityLevel.Concrete : kinds >= 1 ? ClarityLevel.PartlyVague : ClarityLevel.Vague;
    }

    /// <summary>
    /// Counts the distinct kinds of fact that do not sit inside a vague phrase or a longer fact. Facts and vague phrases are
    /// both ordered by where they end, so each fact looks only at those ending near it.
    /// </summary>
    private static int FactKinds(TextScan scan)
    {
        const int span = 512;
        var seen = 0;
        for (var f = 0; f < scan.FactCount && seen != AllFactKinds; f++)
        {
            var fact = scan.Facts[f];
            var ignored = false;
            for (var v = FirstEndingAfter(scan.Vague, scan.VagueCount, fact.Start); v < scan.VagueCount && !ignored && scan.Vague[v].End <= fact.End + span; v++)
            {
                ignored = scan.Vague[v].Start < fact.End;
            }

            for (var g = f + 1; g < scan.FactCount && !ignored && scan.Facts[g].End <= fact.End + PhraseAutomaton.MaxPhraseLength; g++)
            {
                var other = scan.Facts[g];
                ignored = other.Start <= fact.Start && fact.End <= other.End;
            }

            for (var g = f - 1; g >= 0 && !ignored && scan.Facts[g].End == fact.End; g--)
            {
                var other = scan.Facts[g];
                ignored = other.Start < fact.Start;
            }

            if (!ignored)
            {
                seen |= 1 << (int)fact.Kind;
            }
        }

        return System.Numerics.BitOperations.PopCount((uint)seen);
    }

    /// <summary>The index of the first item, in a list ordered by end, that ends after <paramref name="offset"/>.</summary>
    internal static int FirstEndingAfter<T>(T[] spans, int count, int offset)
        where T : struct, IEndsAt
    {
        var low = 0;
        var high = count;
        while (low < high)
        {
            var middle = (low + high) >>> 1;
            if (spans[middle].End <= offset)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }

    private bool IsNoContent(string text, TextScan scan)
    {
        if (scan.ContentChars == 0 || FillerCoversText(text, scan) || scan.DigitChars == scan.ContentChars || (scan.SameContent && scan.ContentChars >= 2))
        {
            return true;
        }

        return (scan.AsciiChars == scan.ContentChars && IsKeyboardMash(text)) || (text.Contains('<', StringComparison.Ordinal) && IsEmptyMarkup(text));
    }

    /// <summary>Whether filler phrases (同上, 此处省略, asdf) are all the text says; inside a real note they are only phrases.</summary>
    private bool FillerCoversText(string text, TextScan scan)
    {
        var covered = 0.0;
        for (var i = 0; i < scan.VagueCount; i++)
        {
            var hit = scan.Vague[i];
            if (hit.Category == (int)VagueCategory.NoContent && hit.Entry >= 0)
            {
                // A phrase with a gap covers its words, not the gap; any other covers its span, a run of it (测试测试测试) once.
                covered += Lexicon.Entries[hit.Entry].Phrase.Contains(LexiconEntry.GapMarker, StringComparison.Ordinal)
                    ? Lexicon.EntryContentUnits[hit.Entry]
                    : TextFolding.ContentUnitsOf(text.AsSpan(hit.Start, hit.End - hit.Start));
            }
        }

        return covered > 0 && TextFolding.ContentUnits(scan.ContentChars, scan.AsciiChars) - covered <= 2;
    }

    /// <summary>Whether a date or time lies within the span; facts are ordered by end, so only those ending inside it are read.</summary>
    private static bool HasDateOrTimeWithin(TextScan scan, int start, int end)
    {
        for (var f = FirstEndingAfter(scan.Facts, scan.FactCount, start); f < scan.FactCount && scan.Facts[f].End <= end; f++)
        {
            var fact = scan.Facts[f];
            if (fact.Kind is FactKind.Date or FactKind.Time && start <= fact.Start)
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasFact(TextScan scan, FactKind kind)
    {
        for (var f = 0; f < scan.FactCount; f++)
        {
            if (scan.Facts[f].Kind == kind)
            {
                return true;
            }
        }

        return false;
    }

    private static void RemoveFillers(TextScan scan)
    {
        for (var v = scan.VagueCount - 1; v >= 0; v--)
        {
            if (scan.Vague[v].Category == (int)VagueCategory.NoContent)
            {
                scan.RemoveVague(v);
            }
        }
    }

    private static bool HasCategory(TextScan scan, VagueCategory category)
    {
        for (var i = 0; i < scan.VagueCount; i++)
        {
            if (scan.Vague[i].Category == (int)category)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>One short token typed along one keyboard row: asdf, qwer, jkl.</summary>
    private static bool IsKeyboardMash(string text)
    {
        var word = text.AsSpan().Trim();
        if (word.Length is < 3 or > 12)
        {
            return false;
        }

        ReadOnlySpan<string> rows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
        foreach (var row in rows)
        {
            var all = true;
            foreach (var c in word)
            {
                all &= row.Contains(TextFolding.Fold(c), StringComparison.Ordinal);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>HTML tags and entities around nothing: &lt;p&gt;&lt;/p&gt;, &lt;br/&gt;&amp;nbsp;.</summary>
    private static bool IsEmptyMarkup(string text)
    {
        var inTag = false;
        var inEntity = false;
        foreach (var c in text)
        {
            switch (c)
            {
                case '<':
                    inTag = true;
                    break;
                case '>' when inTag:
                    inTag = false;
                    break;
                case '&' when !inTag:
                    inEntity = true;
                    break;
                case ';' when inEntity:
                    inEntity = false;
                    break;
                default:
                    if (!inTag && !inEntity && TextFolding.IsContent(TextFolding.Fold(c)))
                    {
                        return false;
                    }

                    break;
            }
        }

        return !inTag;
    }

    private static (int Start, int End) Trimmed(string text)
    {
        var start = 0;
        var end = text.Length;
        while (start < end && (TextFolding.IsWhitespace(text[start]) || TextFolding.IsIgnorable(text[start])))
        {
            start++;
        }

        while (end > start && (TextFolding.IsWhitespace(text[end - 1]) || TextFolding.IsIgnorable(text[end - 1])))
        {
            end--;
        }

        return (start, end);
    }

    private static bool IsAscii(string phrase) => phrase.Length > 0 && phrase[0] < '\u0080';

    /// <summary>
    /// What <see cref="Classify"/> needs of a short value: its content, its acknowledgement phrases, and its phrases saying the
    /// value is not settled yet (待定, 看情况, TBD), which, when they are the whole value, say no more than an acknowledgement.
    /// </summary>
    private struct StateSink(CompiledLexicon lexicon) : IPhraseSink
    {
        public int ContentChars;
        public int AsciiChars;
        public double AcknowledgedUnits;
        public double WholeAcknowledgedUnits;

        /// <summary>The content units of whole waiting and hedging phrases that need nothing around them to match.</summary>
        public double UnsettledUnits;

        /// <summary>Whether the value is such phrases and nothing else: they cover all its content.</summary>
        public readonly bool IsUnsettled => UnsettledUnits > 0 && UnsettledUnits >= TextFolding.ContentUnits(ContentChars, AsciiChars) - WholeTolerance;

        public void OnChar(char original, char folded, int start, int foldedPosition)
        {
            if (TextFolding.IsContent(folded))
            {
                ContentChars++;
                AsciiChars += folded < '\u0080' ? 1 : 0;
            }
        }

        public void OnMatch(in PhraseMatch match)
        {
            var part = lexicon.Parts[match.Payload];
            var entry = lexicon.Entries[part.Entry];
            switch (entry.Role)
            {
                case PhraseRole.Acknowledgement when (entry.Flags & PhraseFlags.WholeText) != 0:
                    WholeAcknowledgedUnits += part.ContentUnits;
                    break;
                case PhraseRole.Acknowledgement:
                    AcknowledgedUnits += part.ContentUnits;
                    break;
                case PhraseRole.Vague when part.Kind == PhrasePartKind.Whole && entry.Flags == PhraseFlags.None
                    && (VagueCategory)entry.Category is VagueCategory.Waiting or VagueCategory.Hedge:
                    UnsettledUnits += part.ContentUnits;
                    break;
            }
        }
    }

    private struct Sink(TextScan scan, CompiledLexicon lexicon) : IPhraseSink
    {
        public readonly void OnChar(char original, char folded, int start, int foldedPosition) => scan.OnChar(original, folded, start, foldedPosition);

        public readonly void OnMatch(in PhraseMatch match)
        {
            var part = lexicon.Parts[match.Payload];
            var entry = lexicon.Entries[part.Entry];
            var numberStart = match.Start;
            var numberLength = 0;
            var flags = entry.Flags;
            if (((flags & (PhraseFlags.NumberBefore | PhraseFlags.YearBefore)) != 0
                    && !scan.TryGetNumberBefore(match.FoldedStart, (flags & PhraseFlags.DigitsBefore) != 0, out numberStart, out numberLength))
                || ((flags & PhraseFlags.YearBefore) != 0 && numberLength != 4)
                || ((flags & PhraseFlags.NumberAfter) != 0 && !TextFolding.IsAsciiDigit(match.After))
                || ((flags & PhraseFlags.NotBeforeNumber) != 0 && (TextFolding.IsAsciiDigit(match.Next) || TextScan.IsChineseNumeral(match.Next)))
                || ((flags & PhraseFlags.NotAfterNumber) != 0 && scan.TryGetNumberBefore(match.FoldedStart, digitsOnly: false, out _, out _)))
            {
                return;
            }

            switch (entry.Role)
            {
                case PhraseRole.ClauseBreak when entry.Category == (int)ClauseBreakKind.Reason && scan.EndsWithCue(match.FoldedStart, lexicon):
                    // Right after a cue a reason is what the cue negates (不是因为预算不足, not because of price): one clause.
                    break;
                case PhraseRole.ClauseBreak:
                    scan.Clause++;
                    break;
                case PhraseRole.Fact:
                    scan.AddFact((FactKind)entry.Category, numberStart, match.End);
                    break;
                case PhraseRole.Acknowledgement when (entry.Flags & PhraseFlags.WholeText) != 0:
                    scan.WholeAcknowledgedUnits += part.ContentUnits;
                    break;
                case PhraseRole.Acknowledgement:
                    scan.AcknowledgedUnits += part.ContentUnits;
                    break;
                case PhraseRole.ChangeMention:
                    // 数量从100套增至200套 says the needs changed; 处理时间从6小时降到1.5小时 is a result, not a change of the needs.
                    switch ((ChangeMentionKind)entry.Category)
                    {
                        case ChangeMentionKind.Change:
                            scan.ChangeMentioned = true;
                            break;
                        case ChangeMentionKind.Movement:
                            scan.ChangeMovementClause = scan.Clause;
                            scan.ChangeMentioned |= scan.ChangeSubjectClause == scan.Clause;
                            break;
                        default:
                            scan.ChangeSubjectClause = scan.Clause;
                            scan.ChangeMentioned |= scan.ChangeMovementClause == scan.Clause;
                            break;
                    }

                    break;
                case PhraseRole.NegationCue when match.FoldedEnd - match.FoldedStart == 1 && match.Before == match.After && match.Before != '\0':
                    // 成不成, 有没有, 要不要: a question between two halves of one word, not a negation.
                    break;
                case PhraseRole.Vague:
                    var filler = entry.Category == (int)VagueCategory.NoContent;
                    scan.HasFiller |= filler;
                    if (part.Kind == PhrasePartKind.Whole)
                    {
                        scan.OfferTile(match, filler);

                        // A phrase that must be the whole text is kept only while it still can be: 啊啊啊… would keep one at
                        // every character. Overlapping occurrences of one phrase are one hit over their run (。。。。。).
                        if (((flags & PhraseFlags.WholeText) != 0 && scan.ContentChars > part.ContentLength) || scan.ExtendRun(match))
                        {
                            break;
                        }
                    }

                    scan.AddHit(part.Entry, match.Payload, match);
                    break;
                default:
                    scan.AddHit(part.Entry, match.Payload, match);
                    break;
            }
        }
    }
}
