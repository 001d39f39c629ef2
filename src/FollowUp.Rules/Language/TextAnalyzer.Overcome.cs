namespace FollowUp.Rules.Language;

// Overcome phrases: a phrase after a risk phrase that says the risk is over (终于联系上了, 还是签了, 已接受报价), and the many
// ways such a phrase may only ask, plan, hope or tell of another deal, which leave the risk raised.
internal sealed partial class TextAnalyzer
{
    /// <summary>
    /// The only words that may come before an overcome phrase in its clause (after the risk phrase, when they share one), folded:
    /// when, how and who in the plainest terms (今天, 后来, 经过沟通, 试用后, 客户, finally, they). Anything else makes the phrase
    /// something other than the risk's end: a plan, a hope, a request, a hedge, another person, deal or time (估计, 请客户回电,
    /// 好像, 李经理, 一期, 之前, I think). Digits and Chinese numerals pass too (上周五, 谈了两轮, 3 days later). Our yes to a
    /// haggle, a coupon the buyer used and an exchange are how too (我们同意了并已成交, 领券后已下单, 换货后投诉已撤销).
    /// </summary>
    private static readonly string[] PlainLeads =
    [
        "今天", "昨天", "前天", "今早", "今晚", "昨晚", "当天", "当场", "次日", "第二天", "隔天", "刚才", "刚刚", "现在", "目前", "现已", "如今", "今年",
        "这次", "本次", "本周", "这周", "上周", "下午", "上午", "中午", "晚上", "早上", "本月", "这个月", "月底", "月初", "周", "星期", "号",
        "后来", "最后", "最终", "终于", "随后", "之后", "然后", "接着", "已经", "已", "也", "还是", "又", "再次", "都", "才",
        "总算", "还", "一下", "了", "很久", "半天", "经过", "经", "多次", "沟通", "谈判", "谈了", "轮", "次", "试用", "试听", "演示", "讲解",
        "解释", "协调", "报价", "降价", "优惠", "给了折扣", "要了折扣", "开会", "会后", "开完会", "补发", "后", "天", "个月", "月", "日", "小时",
        "现", "主动", "追评", "看完", "看了", "案例", "参观", "考察", "拜访", "上门", "见面", "面谈", "电话",
        "客户", "对方", "他们", "她们", "他", "她", "买家", "家长", "顾客", "客人", "甲方", "业主", "我们", "我方", "双方", "但", "但是",
        "不过", "并且", "并", "且", "而且", "会谈", "洽谈", "商谈", "通过", "微信", "邮件", "短信", "钉钉", "企业微信", "说", "表示", "称",
        "点", "半", "分", "几", "多", "好几", "发", "改用", "追加", "争取", "提供", "免", "送", "拍板", "汇报", "出面",
        "确认", "明确", "没多久", "不久", "没几天", "同意了", "领券", "领了券", "用券", "用了券", "换货", "换新",
        "today", "yesterday", "tonight", "now", "then", "later", "finally", "eventually", "after", "all", "anyway", "anyways", "this",
        "morning", "afternoon", "evening", "week", "on", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "the", "customer", "client", "buyer", "they", "he", "she", "we", "it", "but", "and", "so", "already", "also", "still", "since",
        "days", "weeks", "a", "couple", "of", "said", "says", "confirmed", "via", "email", "phone", "by", "discount", "demo", "call",
        "calls", "meeting", "at first", "initially", "at the start",
    ];

    /// <summary>Words after an overcome phrase that make it a part or a trial, not the deal (签了试用版, 已批下来但只有一半, signed the NDA only), folded.</summary>
    private static readonly string[] ScopeLimits =
    [
        "试用", "只有", "一半", "部分", "保密协议", "意向书", "框架协议", "备忘录", "助理", "同事", "前台", "秘书", "下属", "只够", "只批了", "少了",
        "六成", "一期", "复选", "入围", "nda", "mou", "poc", "loi", "pilot", "only", "partial", "trial", "proof of concept", "half",
        "assistant", "receptionist", "phase", "small", "shortlist",
    ];

    /// <summary>Words that open a clause whose condition governs the next (如果价格合适，…), folded.</summary>
    private static readonly string[] ConditionLeads = ["如果", "假如", "要是", "若", "等", "除非", "只要", "一旦", "if", "once", "unless", "when"];

    /// <summary>Words right after an overcome phrase that make it a condition (批下来了就下单, 已批的话), folded.</summary>
    private static readonly string[] ConditionTails =
    [
        "的话", "就", "才", "再", "会", "的可能", "之后会", "之后再", "以后再", "以后会", "后再", "时", "的时候", "通知我们", "告诉我们", "will", "they will",
        "we will", "he will", "she will",
    ];

    /// <summary>Words right after an overcome phrase that make it describe a kind of customer or case (已签约客户案例, 已接受报价的前提), folded.</summary>
    private static readonly string[] ModifiedNouns = ["的", "客户案例", "客户名单", "客户一般", "客户都", "客户价格", "用户", "案例", "名单", "项目", "同行"];

    /// <summary>
    /// Words after an overcome phrase that put it in another deal, party or time (最后签了另一家, 便宜的那家, 是去年的事,
    /// ended up signing with…, for another project, last year), folded.
    /// </summary>
    private static readonly string[] OtherDeals =
    [
        "另一家", "另外一家", "别的", "别家", "其他", "原来的", "那家", "以外", "一家", "本地", "便宜的", "便宜那家", "是去年", "去年", "with",
        "for another", "for the other", "about a different", "last year", "last time",
    ];

    /// <summary>Words that ask about what came before them in the clause or the one before (对吧, 是吗, 待确认), folded.</summary>
    private static readonly string[] QuestionTags =
    [
        "对吧", "是吗", "对吗", "待确认", "待核实", "尚未确认", "还需确认", "需确认", "未确认", "待书面确认", "还没确认", "没确认", "未核实", "没核实",
        "书面确认", "等书面确认", "但还没确认", "但还未确认", "但没确认", "但未核实", "但未确认",
    ];

    /// <summary>English words that open a question (have they accepted the quote), folded.</summary>
    private static readonly string[] QuestionOpeners = ["have", "has", "had", "did", "do", "does", "will", "would", "could", "can", "is", "are", "was", "were"];

    /// <summary>How many characters after an overcome phrase <see cref="IsLimitedInScope"/> reads.</summary>
    private const int ScopeReach = 32;

    /// <summary>How far after a risk phrase, in folded characters, a phrase saying it is over may come: about five words in English.</summary>
    private const int OvercomeReach = 30;

    private const int AsciiOvercomeReach = 60;

    /// <summary>
    /// Whether a phrase shortly after the risk hit, or around it, says that risk is over
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
            if (j == index || other.Dropped || Lexicon.Entries[other.Entry] is not { Role: PhraseRole.Overcome } entry || entry.Category != category)
            {
                continue;
            }

            var after = other.FoldedStart >= hit.FoldedEnd
                && other.FoldedStart - hit.FoldedEnd <= (IsAscii(entry.Phrase) ? AsciiOvercomeReach : OvercomeReach)
                && HasPlainLead(text, Math.Max(ClauseStart(text, other.Start), hit.End), other.Start);
            if ((after || around) && !IsOvercomeDenied(text, scan, j))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the hit lies inside a longer risk phrase of another kind that is overcome: in 客户对价格不满，已接受报价 the 不满 of
    /// 对价格不满 goes with it. A competitor stays: 竞品更便宜，最终还是签了 settles the price, not who else was there.
    /// </summary>
    private bool IsInsideOvercomeRisk(string text, TextScan scan, int index, (int From, int To) near)
    {
        ref readonly var hit = ref scan.Hits[index];
        if ((Lexicon.Entries[hit.Entry].Flags & PhraseFlags.Rival) != 0)
        {
            return false;
        }

        for (var j = near.From; j <= near.To; j++)
        {
            ref readonly var other = ref scan.Hits[j];
            if (j != index && !other.Dropped && Lexicon.Entries[other.Entry].Role == PhraseRole.Risk
                && Lexicon.Entries[other.Entry].Category != Lexicon.Entries[hit.Entry].Category
                && other.FoldedStart <= hit.FoldedStart && hit.FoldedEnd <= other.FoldedEnd
                && other.FoldedEnd - other.FoldedStart > hit.FoldedEnd - hit.FoldedStart
                && IsOvercome(text, scan, j, Neighbours(scan, j)))
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
        if (IsAsked(text, overcome.Start, overcome.End) || FollowsCondition(text, overcome.Start) || LeadsToCondition(text, overcome.End)
            || IsLimitedInScope(text, overcome.End) || StartsWithAny(text.AsSpan(overcome.End).TrimStart(), ModifiedNouns)
            || StartsWithAny(AfterPhrase(text, overcome.End), OtherDeals))
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
                && overcome.FoldedStart - other.FoldedEnd <= (ascii ? AsciiCueWindow : DoubleNegativeWindow)
                && !IsVoidCue(scan, j, overcomeIndex);
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
                if (afterClause)
                {
                    return false;
                }

                if (c == '?' || c is not (',' or '、'))
                {
                    return c == '?' || last is '吧' or '呢';
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
            if ((first && c == '没' && IsAskingNot(text, i)) || (!afterClause && c is '吗' or '么') || ((!afterClause || nextClauseStart) && StartsWithAny(text.AsSpan(i), QuestionTags)))
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

    /// <summary>Whether the 没 at <paramref name="at"/> asks (签了没有, 签了没？), rather than goes on (签了没几天).</summary>
    private static bool IsAskingNot(string text, int at)
    {
        var next = NextVisible(text, at + 1, out _);
        return next is '\0' or '有' or '吗' || TextFolding.IsClauseEnd(next);
    }

    /// <summary>Where the clause holding <paramref name="at"/> starts: after the last clause-ending mark before it.</summary>
    private static int ClauseStart(string text, int at)
    {
        var start = at;
        while (start > 0 && !TextFolding.IsClauseEnd(TextFolding.Fold(text[start - 1])))
        {
            start--;
        }

        return start;
    }

    /// <summary>
    /// Where the clause holding <paramref name="at"/> ends: at the first clause-ending mark from it, or the text's end; items
    /// joined by 、 stay in one clause when <paramref name="listsStay"/> (解决发货延误、错发的问题).
    /// </summary>
    private static int ClauseEnd(string text, int at, bool listsStay = false)
    {
        var end = at;
        while (end < text.Length && !EndsClause(TextFolding.Fold(text[end]), listsStay))
        {
            end++;
        }

        return end;
    }

    /// <summary>Whether a folded character ends a clause; an enumeration comma (、) does not when <paramref name="listsStay"/>.</summary>
    private static bool EndsClause(char folded, bool listsStay) =>
        TextFolding.IsClauseEnd(folded) && !(listsStay && EnumerationCommas.Contains(folded));

    /// <summary>
    /// Whether the words from <paramref name="from"/> to <paramref name="to"/> (before an overcome phrase) are all
    /// <see cref="PlainLeads"/>, numbers or punctuation: 今天终于联系上了, 谈了两轮后已接受报价, then accepted the quote.
    /// </summary>
    private static bool HasPlainLead(string text, int from, int to)
    {
        var i = from;
        while (i < to)
        {
            var c = TextFolding.Fold(text[i]);
            var length = TextFolding.IsContent(c) ? LeadingWordLength(text.AsSpan(i, to - i), PlainLeads) : 1;
            if (length == 0 && !TextFolding.IsAsciiDigit(c) && !TextScan.IsChineseNumeral(c))
            {
                return false;
            }

            i += Math.Max(length, 1);
        }

        return true;
    }

    /// <summary>Whether the clause before the phrase's opens with a condition that governs it too (如果价格合适，…).</summary>
    private static bool FollowsCondition(string text, int phraseStart)
    {
        var clauseStart = ClauseStart(text, phraseStart);
        if (clauseStart == 0 || TextFolding.Fold(text[clauseStart - 1]) != ',')
        {
            return false;
        }

        var previousStart = ClauseStart(text, clauseStart - 1);
        return StartsWithAny(text.AsSpan(previousStart, clauseStart - 1 - previousStart).TrimStart(), ConditionLeads);
    }

    /// <summary>
    /// Whether words shortly after the phrase, in its clause or a next one that opens with a contrast (，不过只有一半), make it a
    /// part or a trial of the deal: 还是签了试用版, 预算已批下来但只有一半, "finally signed the NDA only". Another next clause
    /// tells something else (最终签了，首付一半).
    /// </summary>
    private bool IsLimitedInScope(string text, int end)
    {
        Span<char> buffer = stackalloc char[ScopeReach];
        var length = 0;
        for (var i = end; i < text.Length && length < ScopeReach; i++)
        {
            var c = TextFolding.Fold(text[i]);
            if (TextFolding.IsClauseEnd(c) && !(c == ',' && StartsWithBreakWord(text, i + 1)))
            {
                break;
            }

            buffer[length++] = TextFolding.IsWhitespace(c) ? ' ' : c;
        }

        return ContainsWord(buffer[..length], ScopeLimits);
    }

    /// <summary>Whether the clause goes on after the phrase as a condition: 预算批下来了就下单, 预算已批的话就签, 客户回电时再谈.</summary>
    private static bool LeadsToCondition(string text, int phraseEnd) => StartsWithAny(AfterPhrase(text, phraseEnd), ConditionTails);

    /// <summary>The text after a phrase, past white space and one 了.</summary>
    private static ReadOnlySpan<char> AfterPhrase(string text, int phraseEnd)
    {
        var rest = text.AsSpan(phraseEnd).TrimStart();
        return !rest.IsEmpty && TextFolding.Fold(rest[0]) == '了' ? rest[1..].TrimStart() : rest;
    }

    /// <summary>Whether <paramref name="text"/> holds one of <paramref name="words"/> (folded), English ones as whole words.</summary>
    private static bool ContainsWord(ReadOnlySpan<char> text, string[] words)
    {
        for (var at = 0; at < text.Length; at++)
        {
            // An English word must not start inside another (a "trial" in "industrial"); LeadingWordLength checks its end.
            var inWord = at > 0 && TextFolding.IsAsciiLetter(text[at - 1]) && TextFolding.IsAsciiLetter(text[at]);
            if (!inWord && LeadingWordLength(text[at..], words) > 0)
            {
                return true;
            }
        }

        return false;
    }
}
