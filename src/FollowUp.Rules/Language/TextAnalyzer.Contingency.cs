namespace FollowUp.Rules.Language;

// Contingency plans: a risk a note only supposes, in order to say what will be done if it happens (如果客户嫌贵，可以申请
// 95 折; "If they push back on price, offer 5%"), or guards against (…，防止客户压价). A careful salesperson writes these,
// and they tell of no risk that has happened. A false "all clear" is the worst failure of a risk tool, so the reading is
// narrow: a condition the customer sets (如果太贵就不考虑了), the customer's own precaution (客户为了避免麻烦直接不续约了) or a
// supposition without a plan of ours after it still raises.
internal sealed partial class TextAnalyzer
{
    /// <summary>
    /// Words that open a supposition at the start of a clause (after a subject, 客户如果…), folded. 若 alone begins names (若琳)
    /// and idioms (若无其事, 若即若离) too, so it supposes only right before the risk phrase (若嫌贵) or with a word that can
    /// follow nothing else (若仍未接通, 若客户…).
    /// </summary>
    private static readonly string[] SuppositionLeads =
    [
        "如果", "假如", "要是", "万一", "倘若", "假设", "若是", "一旦", "若仍", "若还", "若再", "若依然", "若依旧", "若客户", "若对方", "若届时",
        "if", "what if", "in case", "in the event",
    ];

    /// <summary>The supposition word that counts only as the whole lead, right before the risk phrase (若预算不足).</summary>
    private const string BareSupposition = "若";

    /// <summary>
    /// Words that open a clause guarding against what follows, itself the plan (…，防止客户压价; 以免延期), folded. Only at
    /// the start of a clause: after a subject (客户为了避免…, 本想避免…) the precaution is someone's act, not the note's plan.
    /// </summary>
    private static readonly string[] PrecautionLeads = ["为了避免", "为避免", "为防止", "为了防止", "防止", "以防", "以免", "避免", "谨防", "预防"];

    /// <summary>English words that guard against what follows them in the same clause (… to avoid a delay), folded.</summary>
    private static readonly string[] EnglishPrecautions = ["to avoid", "to prevent"];

    /// <summary>Words after a precaution word that make it something else (以防万一 is "just in case"), folded.</summary>
    private static readonly string[] NotPrecautions = ["万一"];

    /// <summary>
    /// How many characters may come between a precaution word and the risk it guards against: a subject or a modifier
    /// (防止客户压价, 以免项目延期, to avoid any delay), no more.
    /// </summary>
    private const int PrecautionReach = 4;

    /// <summary>How many characters may come between "to avoid" and the risk (a delay, any further delays).</summary>
    private const int AsciiPrecautionReach = 12;

    /// <summary>A word that parts a precaution from what follows it (to avoid a delay, but they are hesitant), folded.</summary>
    private static readonly string[] Contrasts = ["but"];

    /// <summary>Words that open a counterfactual, whose risk is real (如果不是价格太贵，早就签了; if it weren't for the price), folded.</summary>
    private static readonly string[] Counterfactuals =
        ["如果不是", "要不是", "若不是", "假如不是", "要是没有", "如果没有", "if it weren't", "if it wasn't", "if not for"];

    /// <summary>Words that may come before a supposition in its clause: who supposes, or a link from the clause before, folded.</summary>
    private static readonly string[] SuppositionSubjects =
        ["客户", "对方", "他们", "她们", "他", "她", "佢", "买家", "甲方", "顾客", "但", "但是", "不过", "另外", "同时", "and", "but", "so"];

    /// <summary>
    /// Words for the other side that may stand in a supposition (如果客户…, if the customer…), folded: with one, what follows in
    /// the same clause may be its act (如果客户预算不足提前终止合同), so it is a plan of ours only after a link or a modal (可以申请).
    /// </summary>
    private static readonly string[] OtherSide =
    [
        "客户", "对方", "他们", "她们", "他", "她", "佢", "买家", "甲方", "顾客", "老板", "采购",
        "customer", "customers", "client", "clients", "they", "he", "she", "buyer",
    ];

    /// <summary>A word that ends a clause as a supposition right after the risk phrase (客户预算不够的话，…), folded.</summary>
    private const string SuppositionTail = "的话";

    /// <summary><see cref="SuppositionTail"/> as the list <see cref="EndsWithAny"/> takes, made once.</summary>
    private static readonly string[] SuppositionTails = [SuppositionTail];

    /// <summary>A word right after the risk phrase that supposes it, with the plan after it in the same clause (仍未接通则发短信), folded.</summary>
    private const string ThenSupposition = "则";

    /// <summary>Words inside a supposition's own clause that give its consequence there (一旦涉及预算客户就说…): a habit, not a plan.</summary>
    private static readonly string[] InClauseConsequences = ["就", "then"];

    /// <summary>Words that join a supposition to what follows it (那就, then), skipped before the plan, folded.</summary>
    private static readonly string[] ConsequenceLinks = ["那就", "那么", "则", "那", "我们", "我方", "我", "then", "we", "we will", "we'll", "we can"];

    /// <summary>Words that say the note's side may do what follows (可以申请), skipped before the plan, folded.</summary>
    private static readonly string[] PlanModals = ["可以", "可"];

    /// <summary>
    /// Plan words that may as well be what the other side does (若价格太贵给别家做): in the supposition's own clause, with no
    /// link or modal before them (可以给), they are no plan of ours.
    /// </summary>
    private static readonly string[] GivingLeads = ["给", "先给", "送", "俾", "拆"];

    /// <summary>
    /// Plan words only the note's side does (安排试用, 上报主管, escalate), folded: in a supposition that names the other side
    /// they are a plan of ours even with no link or modal (如果客户犹豫安排试用), where 发邮件, 提前, 准备 or 申请 may be the other
    /// side's act (如果对方犹豫准备换供应商).
    /// </summary>
    private static readonly string[] OurOwnPlanLeads = ["安排", "底线", "上报", "立即上报", "马上上报", "立即通知", "马上通知", "offer", "escalate", "loop in"];

    /// <summary>Words that open what the note's side will do: the plan a supposition leads to, folded.</summary>
    private static readonly string[] PlanLeads =
    [
        "申请", "给", "先给", "先提供", "先发", "拆", "提供", "准备", "底线", "建议", "安排", "启动", "提前", "俾", "送", "上报", "立即上报", "马上上报",
        "立即通知", "马上通知", "发短信", "发微信", "发邮件", "留言", "split", "offer", "prepare", "propose", "send", "give", "escalate", "share", "provide", "loop in", "fall back",
    ];

    /// <summary>
    /// Whether the risk phrase from <paramref name="start"/> to <paramref name="end"/> is only supposed in a plan: its clause
    /// opens with a supposition (如果, 若仍, 万一, if; 若 right before the phrase; after a subject: 客户如果) or the phrase is followed by 的话, the
    /// clause gives no consequence of its own (就, then), and the rest of the clause or the next clause says what the note's
    /// side will do (可以申请 95 折, 底线是 8.5 折, 发短信告知, offer 5%); or a clause opening with a precaution guards against it (防止客户压价). A counterfactual (如果不是价格太贵),
    /// a supposition with no plan after it and the customer's own precaution keep the risk.
    /// </summary>
    private static bool IsContingency(string text, int start, int end)
    {
        var clauseStart = ClauseStart(text, start);
        var wholeLead = text.AsSpan(clauseStart, start - clauseStart).TrimStart();
        if (IsGuardedAgainst(wholeLead))
        {
            return true;
        }

        var lead = wholeLead[LeadingWordLength(wholeLead, SuppositionSubjects)..].TrimStart();
        var clauseEnd = ClauseEnd(text, end);
        var rest = text.AsSpan(end, clauseEnd - end).Trim();
        if (rest.StartsWith(ThenSupposition) && !StartsWithAny(lead, Counterfactuals))
        {
            // "X 则 Y" supposes X for the plan Y after it: ours when the clause names no other side (仍未接通则发短信告知), and after
            // the other side (客户仍未回复则…) only a word only we do, since what follows may be its act (客户嫌贵则给别家做).
            return OpensAPlan(rest[ThenSupposition.Length..], ContainsWord(wholeLead, OtherSide) ? SameClausePlan.AfterLinkOrModal : SameClausePlan.Ours);
        }

        var supposed = StartsWithAny(lead, SuppositionLeads) || lead.SequenceEqual(BareSupposition)
            || (rest.Length >= SuppositionTail.Length && rest.Length <= SuppositionTail.Length + 2 && EndsWithAny(rest, SuppositionTails));
        if (!supposed || StartsWithAny(lead, Counterfactuals) || ContainsWord(lead, InClauseConsequences) || ContainsWord(rest, InClauseConsequences))
        {
            return false;
        }

        // The plan may follow in the same clause, with no comma (若仍未接通发短信告知, 如果客户嫌贵可以申请 95 折), when the clause
        // opens with the supposition: after a subject (客户若预算不足发邮件告知我们) what follows is the subject's act.
        var opensWithSupposition = lead.Length == wholeLead.Length;
        var sameClause = !opensWithSupposition ? SameClausePlan.None : ContainsWord(lead, OtherSide) ? SameClausePlan.AfterLinkOrModal : SameClausePlan.Ours;
        return (sameClause != SameClausePlan.None && OpensAPlan(rest, sameClause))
            || (clauseEnd < text.Length && OpensAPlan(text.AsSpan(clauseEnd + 1), SameClausePlan.None));
    }

    /// <summary>How far a plan in the supposition's own clause is taken as ours.</summary>
    private enum SameClausePlan
    {
        /// <summary>Not in the supposition's clause: the next clause, where any plan word counts.</summary>
        None,

        /// <summary>In a clause that supposes nothing of the other side (若仍未接通发短信告知): a plan word counts, a giving word alone not.</summary>
        Ours,

        /// <summary>In a clause that names the other side (如果客户嫌贵可以申请): after a link or a modal, or a word only we do (安排).</summary>
        AfterLinkOrModal,
    }

    /// <summary>
    /// Whether <paramref name="words"/>, past a link (那就, we) and a modal (可以), say what the note's side will do; in the
    /// supposition's own clause a giving word (可以给 95 折, not 给别家做), or after the other side (如果客户…) any word but
    /// one only we do (安排, 上报), needs a link or a modal before it.
    /// </summary>
    private static bool OpensAPlan(ReadOnlySpan<char> words, SameClausePlan sameClause)
    {
        words = words.TrimStart();
        var linked = LeadingWordLength(words, ConsequenceLinks);
        words = words[linked..].TrimStart();
        var modal = LeadingWordLength(words, PlanModals);
        words = words[modal..].TrimStart();
        var bare = linked + modal == 0;
        return StartsWithAny(words, PlanLeads)
            && !(bare && sameClause == SameClausePlan.AfterLinkOrModal && !StartsWithAny(words, OurOwnPlanLeads))
            && !(bare && sameClause == SameClausePlan.Ours && StartsWithAny(words, GivingLeads));
    }

    /// <summary>
    /// Whether the words before a risk phrase in its clause guard against it: the clause opens with a precaution (防止, 以免,
    /// 为避免) and at most a subject or modifier stands between (防止客户压价, 以免项目延期), or in English "to avoid" / "to
    /// prevent" comes a few words before it (to avoid any delay). Not 以防万一, nor a precaution that fails (无法避免).
    /// </summary>
    private static bool IsGuardedAgainst(ReadOnlySpan<char> lead)
    {
        var length = LeadingWordLength(lead, PrecautionLeads);
        if (length > 0)
        {
            var after = lead[length..].TrimStart();
            return after.Length <= PrecautionReach && !StartsWithAny(after, NotPrecautions) && !after.StartsWith("不");
        }

        const int LongestEnglishPrecaution = 10;
        for (var from = Math.Max(0, lead.Length - AsciiPrecautionReach - LongestEnglishPrecaution); from < lead.Length; from++)
        {
            // An English word starts a word (not the "to avoid" of "auto avoid").
            if (from > 0 && TextFolding.IsAsciiLetter(TextFolding.Fold(lead[from - 1])))
            {
                continue;
            }

            var english = LeadingWordLength(lead[from..], EnglishPrecautions);
            if (english > 0 && lead[(from + english)..].Trim().Length <= AsciiPrecautionReach && !ContainsWord(lead[(from + english)..], Contrasts))
            {
                return true;
            }
        }

        return false;
    }
}
