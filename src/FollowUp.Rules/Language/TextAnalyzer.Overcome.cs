namespace FollowUp.Rules.Language;

// Overcome phrases: a phrase after a risk phrase that says the risk is over (终于联系上了, 还是签了, 已接受报价), and the many
// ways such a phrase may only ask, plan, hope or tell of another deal, which leave the risk raised.
internal sealed partial class TextAnalyzer
{
    /// <summary>Words after which an overcome phrase is planned, hoped for, feared, asked or past, not told (see <see cref="FollowsUntoldLead"/>).</summary>
    private static readonly string[] UntoldLeads =
    [
        "如果", "假如", "要是", "若", "希望", "争取", "期待", "担心", "怕", "是否", "能否", "有没有", "不知道", "不清楚", "不确定", "看看",
        "再", "才", "会", "将要", "就要", "等", "需要", "准备", "打算", "计划", "预计", "估计", "可能", "应该", "倾向", "有望", "一旦", "除非",
        "只要", "到时候", "去年", "前年", "上次", "以前", "往年", "拒绝", "另一家", "另外一家", "其他客户", "别的客户", "同事", "朋友", "隔壁",
        "听说", "子公司", "小单",
        "if", "whether", "hope", "hoping", "hopefully", "once", "when", "until", "unless", "see", "might", "may", "maybe", "would",
        "will", "expect", "expects", "plan", "plans", "probably", "not sure", "last year", "last time", "refused",
    ];

    /// <summary>Words that hold a one-character lead without meaning it: 刚才 is no 才, 开会 no 会, 再次 no 再, 等了两周 no plan.</summary>
    private static readonly string[] LeadLookalikes = ["刚才", "方才", "开会", "会议", "会后", "会上", "机会", "再次", "再三", "等了", "等等"];

    /// <summary>Words after an overcome phrase that make it a part or a trial, not the deal (签了试用版, 已批下来但只有一半, signed the NDA only), folded.</summary>
    private static readonly string[] ScopeLimits = ["试用", "只有", "一半", "部分", "保密协议", "意向书", "助理", "同事", "nda", "pilot", "only", "partial", "trial"];

    /// <summary>Words that open a clause whose condition governs the next (如果价格合适，…), folded.</summary>
    private static readonly string[] ConditionLeads = ["如果", "假如", "要是", "若", "等", "除非", "只要", "一旦", "if", "once", "unless", "when"];

    /// <summary>Words right after an overcome phrase that make it a condition (批下来了就下单, 已批的话), folded.</summary>
    private static readonly string[] ConditionTails = ["的话", "就", "才", "再", "的可能"];

    /// <summary>Words that ask about what came before them in the clause or the one before (对吧, 是吗, 待确认), folded.</summary>
    private static readonly string[] QuestionTags = ["对吧", "是吗", "对吗", "是不是", "待确认", "待核实"];

    /// <summary>English words that open a question (have they accepted the quote), folded.</summary>
    private static readonly string[] QuestionOpeners = ["have", "has", "had", "did", "do", "does", "will", "would", "could", "can", "is", "are", "was", "were"];

    /// <summary>How many characters after an overcome phrase <see cref="IsLimitedInScope"/> reads.</summary>
    private const int ScopeReach = 16;

    /// <summary>How far after a risk phrase, in folded characters, a phrase saying it is over may come.</summary>
    private const int OvercomeReach = 30;

    /// <summary>How many characters before an overcome phrase <see cref="FollowsUntoldLead"/> reads.</summary>
    private const int UntoldLeadReach = 16;

    /// <summary>
    /// Whether a phrase after the risk hit in its sentence and shortly after it, or around it, says that risk is over
    /// (之前联系不上，今天终于联系上了; 客户犹豫了一下还是签了; 觉得贵，已接受报价; 已撤回投诉). See <see cref="IsOvercomeDenied"/>
    /// for when it does not.
    /// </summary>
    private bool IsOvercome(string text, TextScan scan, int index, (int From, int To) near)
    {
        ref readonly var hit = ref scan.Hits[index];
        var category = Lexicon.Entries[hit.Entry].Category;
        for (var j = near.From; j <= near.To; j++)
        {
            ref readonly var other = ref scan.Hits[j];
            var around = other.FoldedStart <= hit.FoldedStart && hit.FoldedEnd <= other.FoldedEnd;
            var after = other.FoldedStart >= hit.FoldedEnd && other.FoldedStart - hit.FoldedEnd <= OvercomeReach
                && !HasSentenceEnd(text.AsSpan(hit.End, other.Start - hit.End));
            if (j != index && !other.Dropped && (after || around) && Lexicon.Entries[other.Entry] is { Role: PhraseRole.Overcome } entry
                && entry.Category == category && !IsOvercomeDenied(text, scan, j))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the overcome phrase does not tell that the risk is over: it is asked (联系上了吗, 已接受报价，对吧？), planned,
    /// hoped for or conditional (下周决定购买, 希望最终签了以后, 预算批下来了就下单, 如果价格合适，…), in the past of another deal
    /// (去年还是签了), denied by a cue right before it (还没联系上了), part of a risk phrase reaching out of it (价格难以接受报价),
    /// or a signing with a competitor in its clause (最后还是签了竞品).
    /// </summary>
    private bool IsOvercomeDenied(string text, TextScan scan, int overcomeIndex)
    {
        ref readonly var overcome = ref scan.Hits[overcomeIndex];
        if (IsAsked(text, overcome.Start, overcome.End) || FollowsUntoldLead(text, overcome.Start) || LeadsToCondition(text, overcome.End)
            || IsLimitedInScope(text, overcome.End))
        {
            return true;
        }

        var (from, to) = Neighbours(scan, overcomeIndex);
        var overcomeEntry = Lexicon.Entries[overcome.Entry];
        var ascii = IsAscii(overcomeEntry.Phrase);
        for (var j = from; j <= to; j++)
        {
            ref readonly var other = ref scan.Hits[j];
            if (j == overcomeIndex || other.Dropped)
            {
                continue;
            }

            // A risk phrase the overcome phrase holds whole is what it overcomes (疑虑已消除); one reaching out of it reads it
            // otherwise (价格难以接受报价).
            var entry = Lexicon.Entries[other.Entry];
            var overlaps = other.FoldedStart < overcome.FoldedEnd && overcome.FoldedStart < other.FoldedEnd
                && (other.FoldedStart < overcome.FoldedStart || other.FoldedEnd > overcome.FoldedEnd);
            var cueBefore = entry.Role == PhraseRole.NegationCue && !IsSettling(other) && other.Clause == overcome.Clause
                && other.FoldedEnd <= overcome.FoldedStart
                && overcome.FoldedStart - other.FoldedEnd <= (ascii ? AsciiCueWindow : DoubleNegativeWindow);
            var rivalWins = entry.Role == PhraseRole.Risk && (entry.Flags & PhraseFlags.Rival) != 0 && other.Clause == overcome.Clause
                && entry.Category != overcomeEntry.Category;
            if ((entry.Role == PhraseRole.Risk && overlaps) || cueBefore || rivalWins)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a sentence ends in <paramref name="text"/>: 。！？, a line break, or a full stop before a space. A semicolon joins
    /// what it parts (No reply last week; the buyer has since replied).
    /// </summary>
    private static bool HasSentenceEnd(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = TextFolding.Fold(text[i]);
            if (c is '。' or '!' or '?' or '\n' or '\r' || (c == '.' && (i + 1 == text.Length || TextFolding.IsWhitespace(text[i + 1]))))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the clause of the phrase from <paramref name="start"/> to <paramref name="end"/> is asked: 没 right after (签了没有),
    /// 吗 after it (最终签约了吗还不知道), a question mark at its end, a tag in the rest of the clause or the next one (对吧,
    /// 是吗, 待确认), or, in English, a clause that opens with an auxiliary (have they accepted the quote).
    /// </summary>
    private static bool IsAsked(string text, int start, int end)
    {
        var clauseStart = start;
        while (clauseStart > 0 && !TextFolding.IsClauseEnd(TextFolding.Fold(text[clauseStart - 1])))
        {
            clauseStart--;
        }

        var firstWord = text.AsSpan(clauseStart, start - clauseStart).TrimStart();
        var wordLength = 0;
        while (wordLength < firstWord.Length && TextFolding.IsAsciiLetter(TextFolding.Fold(firstWord[wordLength])))
        {
            wordLength++;
        }

        if (wordLength > 0 && wordLength < firstWord.Length && IsOneOf(firstWord[..wordLength], QuestionOpeners))
        {
            return true;
        }

        var first = true;
        var afterClause = false;
        var nextClauseStart = false;
        var last = '\0';
        for (var i = end; i < text.Length; i++)
        {
            var c = TextFolding.Fold(text[i]);
            if (TextFolding.IsClauseEnd(c))
            {
                if (c == '?' || afterClause || c is not (',' or '、'))
                {
                    return c == '?' || (!afterClause && last is '吧' or '呢');
                }

                afterClause = true;
                nextClauseStart = true;
                first = false;
                continue;
            }

            if (!TextFolding.IsContent(c))
            {
                continue;
            }

            if (first && c == '了' && last == '\0')
            {
                last = c;
                continue;
            }

            // A tag asks from anywhere in the rest of the clause (已接受报价（待确认）), but only opening the next one (，对吧).
            if ((first && c == '没') || (!afterClause && c is '吗' or '么') || ((!afterClause || nextClauseStart) && StartsWithAny(text.AsSpan(i), QuestionTags)))
            {
                return true;
            }

            if (afterClause)
            {
                nextClauseStart = false;
            }

            first = false;
            last = c;
        }

        return !afterClause && last is '吧' or '呢';
    }

    private static bool StartsWithAny(ReadOnlySpan<char> text, string[] folded)
    {
        foreach (var word in folded)
        {
            if (text.Length >= word.Length && FoldsTo(text[..word.Length], word))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a word shortly before <paramref name="phraseStart"/> in its clause, or a condition opening the clause before it,
    /// makes what follows planned, hoped for, feared, asked or past rather than told (希望最终签了以后, 是否已接受报价, 估计最后还是签了,
    /// 去年还是签了, if they finally signed; 如果价格合适，下周…).
    /// </summary>
    private static bool FollowsUntoldLead(string text, int phraseStart)
    {
        Span<char> buffer = stackalloc char[UntoldLeadReach];
        var length = 0;
        var i = phraseStart - 1;
        for (; i >= 0 && length < UntoldLeadReach; i--)
        {
            var c = TextFolding.Fold(text[i]);
            if (TextFolding.IsClauseEnd(c))
            {
                break;
            }

            if (!TextFolding.IsIgnorable(text[i]))
            {
                buffer[UntoldLeadReach - 1 - length++] = TextFolding.IsWhitespace(c) ? ' ' : c;
            }
        }

        if (ContainsWord(buffer[(UntoldLeadReach - length)..], UntoldLeads, LeadLookalikes))
        {
            return true;
        }

        // A clause that opens with a condition (如果价格合适，下周签了) governs the next one too.
        if (i < 0 || TextFolding.Fold(text[i]) != ',')
        {
            return false;
        }

        var previousStart = i;
        while (previousStart > 0 && !TextFolding.IsClauseEnd(TextFolding.Fold(text[previousStart - 1])))
        {
            previousStart--;
        }

        return StartsWithAny(text.AsSpan(previousStart, i - previousStart).TrimStart(), ConditionLeads);
    }

    /// <summary>
    /// Whether words shortly after the phrase, in its clause or the next, make it a part or a trial of the deal: 还是签了试用版,
    /// 预算已批下来但只有一半, "finally signed the NDA only".
    /// </summary>
    private static bool IsLimitedInScope(string text, int end)
    {
        Span<char> buffer = stackalloc char[ScopeReach];
        var length = 0;
        for (var i = end; i < text.Length && length < ScopeReach; i++)
        {
            var c = TextFolding.Fold(text[i]);
            if (TextFolding.IsClauseEnd(c) && c is not (',' or '、'))
            {
                break;
            }

            buffer[length++] = TextFolding.IsWhitespace(c) ? ' ' : c;
        }

        return ContainsWord(buffer[..length], ScopeLimits, []);
    }

    /// <summary>Whether the clause goes on after the phrase as a condition: 预算批下来了就下单, 预算已批的话就签.</summary>
    private static bool LeadsToCondition(string text, int phraseEnd)
    {
        var rest = text.AsSpan(phraseEnd).TrimStart();
        if (!rest.IsEmpty && TextFolding.Fold(rest[0]) == '了')
        {
            rest = rest[1..].TrimStart();
        }

        return StartsWithAny(rest, ConditionTails);
    }

    private static bool IsInsideLookalike(ReadOnlySpan<char> text, int at, string word, string[] lookalikes)
    {
        foreach (var lookalike in lookalikes)
        {
            var offset = lookalike.IndexOf(word, StringComparison.Ordinal);
            if (offset >= 0 && at - offset >= 0 && at - offset + lookalike.Length <= text.Length
                && text.Slice(at - offset, lookalike.Length).SequenceEqual(lookalike))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="text"/> holds one of <paramref name="words"/> (folded), English ones as whole words, and not inside
    /// one of <paramref name="lookalikes"/>.
    /// </summary>
    private static bool ContainsWord(ReadOnlySpan<char> text, string[] words, string[] lookalikes)
    {
        foreach (var word in words)
        {
            var ascii = IsAscii(word);
            for (var from = 0; from < text.Length;)
            {
                var at = text[from..].IndexOf(word, StringComparison.Ordinal);
                if (at < 0)
                {
                    break;
                }

                at += from;
                var end = at + word.Length;
                var whole = ascii
                    ? (at == 0 || !TextFolding.IsAsciiLetter(text[at - 1])) && (end == text.Length || !TextFolding.IsAsciiLetter(text[end]))
                    : !IsInsideLookalike(text, at, word, lookalikes);
                if (whole)
                {
                    return true;
                }

                from = at + 1;
            }
        }

        return false;
    }
}
