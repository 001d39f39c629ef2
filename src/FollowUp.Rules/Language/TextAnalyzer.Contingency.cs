namespace FollowUp.Rules.Language;

// Contingency plans: a risk a note only supposes, in order to say what will be done if it happens (如果客户嫌贵，可以申请
// 95 折; "If they push back on price, offer 5%"), or guards against (防止客户压价). A careful salesperson writes these, and
// they tell of no risk that has happened. A condition the customer sets (如果太贵就不考虑了, 要是便宜点就好了) still raises:
// only a plan answers it.
internal sealed partial class TextAnalyzer
{
    /// <summary>Words that open a supposition at the start of a clause (after a subject, 客户如果…), folded.</summary>
    private static readonly string[] SuppositionLeads =
        ["如果", "假如", "要是", "万一", "倘若", "假设", "若是", "一旦", "if", "what if", "in case", "in the event"];

    /// <summary>Words that say what follows is guarded against, itself the plan (…，防止客户拿友商压价; to avoid a delay), folded.</summary>
    private static readonly string[] PrecautionLeads = ["防止", "以防", "以免", "避免", "为了避免", "为避免", "预防", "谨防", "to avoid", "to prevent"];

    /// <summary>Words before a precaution word that say it fails (无法避免, 难以避免, can't avoid), folded.</summary>
    private static readonly string[] PrecautionFails = ["无法", "难以", "不可", "不能", "没法", "没能", "未能", "can't", "cannot", "couldn't", "unable to", "failed"];

    /// <summary>How many characters may come between a precaution word and the risk it guards against (以免项目整体延期; to avoid any further delay).</summary>
    private const int PrecautionReach = 12;

    /// <summary>Words that open a counterfactual, whose risk is real (如果不是价格太贵，早就签了; if it weren't for the price), folded.</summary>
    private static readonly string[] Counterfactuals =
        ["如果不是", "要不是", "若不是", "假如不是", "要是没有", "如果没有", "if it weren't", "if it wasn't", "if not for"];

    /// <summary>Words that may come before a supposition in its clause: who supposes, or a link from the clause before, folded.</summary>
    private static readonly string[] SuppositionSubjects =
        ["客户", "对方", "他们", "她们", "他", "她", "佢", "买家", "甲方", "顾客", "但", "但是", "不过", "另外", "同时", "and", "but", "so"];

    /// <summary>Words that end a clause as a supposition (客户预算不够的话，…), folded.</summary>
    private static readonly string[] SuppositionTails = ["的话"];

    /// <summary>Words that join a supposition to what follows it (就, 那就, then), skipped before the plan, folded.</summary>
    private static readonly string[] ConsequenceLinks = ["那就", "那么", "就", "则", "便", "那", "我们", "我方", "我", "then", "we", "we will", "we'll", "we can"];

    /// <summary>Words that open what the note's side will do: the plan a supposition leads to, folded.</summary>
    private static readonly string[] PlanLeads =
    [
        "可以", "可", "给", "申请", "提供", "准备", "拆", "底线", "先", "建议", "马上", "立即", "及时", "安排", "启动", "按", "提前", "俾", "送",
        "offer", "prepare", "propose", "send", "give", "escalate", "share", "provide", "split", "loop in", "fall back",
    ];

    /// <summary>
    /// Whether the risk phrase from <paramref name="start"/> to <paramref name="end"/> is only supposed in a plan: its clause
    /// opens with a supposition (如果, 万一, if; after a subject: 客户如果) or ends in 的话, and the next clause says what will
    /// be done (可以申请 95 折, 底线是 8.5 折, offer 5%); or its clause opens with a precaution (防止客户压价). A counterfactual
    /// (如果不是价格太贵) and a supposition with no plan after it keep the risk.
    /// </summary>
    private static bool IsContingency(string text, int start, int end)
    {
        var clauseStart = ClauseStart(text, start);
        var lead = text.AsSpan(clauseStart, start - clauseStart).TrimStart();
        lead = lead[LeadingWordLength(lead, SuppositionSubjects)..].TrimStart();
        if (IsGuardedAgainst(lead))
        {
            return true;
        }

        var clauseEnd = end;
        while (clauseEnd < text.Length && !TextFolding.IsClauseEnd(TextFolding.Fold(text[clauseEnd])))
        {
            clauseEnd++;
        }

        var supposed = StartsWithAny(lead, SuppositionLeads) || EndsWithAny(text.AsSpan(end, clauseEnd - end).TrimEnd(), SuppositionTails);
        if (!supposed || StartsWithAny(lead, Counterfactuals) || clauseEnd >= text.Length)
        {
            return false;
        }

        var next = text.AsSpan(clauseEnd + 1).TrimStart();
        next = next[LeadingWordLength(next, ConsequenceLinks)..].TrimStart();
        return StartsWithAny(next, PlanLeads);
    }

    /// <summary>
    /// Whether the words before a risk phrase in its clause end with a precaution shortly before it (以免延期, 防止客户拿友商压价,
    /// to avoid any further delay), one that does not fail (避免不了, 无法避免, can't avoid).
    /// </summary>
    private static bool IsGuardedAgainst(ReadOnlySpan<char> lead)
    {
        const int LongestPrecaution = 10;
        for (var from = Math.Max(0, lead.Length - PrecautionReach - LongestPrecaution); from < lead.Length; from++)
        {
            // An English word starts a word (not the "to avoid" of "auto avoid").
            var length = LeadingWordLength(lead[from..], PrecautionLeads);
            if (length == 0 || (from > 0 && TextFolding.IsAsciiLetter(TextFolding.Fold(lead[from - 1])) && TextFolding.IsAsciiLetter(TextFolding.Fold(lead[from]))))
            {
                continue;
            }

            var after = lead[(from + length)..].TrimStart();
            if (after.Length <= PrecautionReach && !after.StartsWith("不") && !EndsWithAny(lead[..from].TrimEnd(), PrecautionFails))
            {
                return true;
            }
        }

        return false;
    }
}
