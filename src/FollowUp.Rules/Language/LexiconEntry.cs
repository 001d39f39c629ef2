namespace FollowUp.Rules.Language;

/// <summary>What a phrase of the shared automaton is for.</summary>
internal enum PhraseRole : byte
{
    Vague,
    Risk,
    NegationCue,
    NonCue,
    ClauseBreak,
    Fact,
    Acknowledgement,
    ChangeMention,

    /// <summary>A longer phrase that contains a vague or risk phrase without meaning it (投诉管理模块, 沟通中发现): it voids the hits it covers.</summary>
    Exception,

    /// <summary>
    /// Says a risk was overcome (终于联系上了, 还是签了, 已接受报价): after a risk phrase of its category, the risk is over. One
    /// entry per category the phrase overcomes.
    /// </summary>
    Overcome,
}

/// <summary>The kinds of concrete fact that soften a vague phrase beside them.</summary>
internal enum FactKind : byte
{
    Date,
    Time,
    Amount,
    Quantity,
    Percentage,
    Product,

    /// <summary>A business outcome that has happened (已发货, 已签合同, paid in full): short, and still all a status needs to say.</summary>
    Outcome,
}

/// <summary>What a change-mention phrase says about the needs having changed.</summary>
internal enum ChangeMentionKind : byte
{
    /// <summary>Says so by itself: 需求变更, 新增需求, scope change.</summary>
    Change,

    /// <summary>A movement or replacement (增至, 改为, 原来, increased to): a change of the needs only beside a <see cref="Subject"/>.</summary>
    Movement,

    /// <summary>What the needs are made of (数量, 预算, 范围, 套, budget): makes a movement in its clause a change of the needs.</summary>
    Subject,
}

/// <summary>What a negation cue does besides negating a risk phrase shortly before or after it in its clause.</summary>
internal enum CueKind : byte
{
    /// <summary>Negates only within its clause: 没有, 未, not.</summary>
    Negates,

    /// <summary>
    /// Says a matter is resolved (已解决, 已打消, has been resolved): alone in the clause after a risk phrase, it also settles it
    /// (客户对价格有异议，目前已解决).
    /// </summary>
    Settles,
}

/// <summary>What a clause-break word joins, which decides whether a negation right before it reaches past it.</summary>
internal enum ClauseBreakKind : byte
{
    /// <summary>A contrast (但, 不过, but): always a break, even right after a cue (竞品没有但预算不足).</summary>
    Contrast,

    /// <summary>A reason (因为, because): right after a cue it is what the cue negates (不是因为预算不足, not because of price).</summary>
    Reason,
}

/// <summary>Where a phrase may match, beyond its own characters.</summary>
[Flags]
internal enum PhraseFlags : ushort
{
    None = 0,

    /// <summary>Counts only when it is all the content of the text (punctuation and spaces aside).</summary>
    WholeText = 1,

    /// <summary>Counts only right after a number (digits or Chinese numerals): units such as 台, 万, %.</summary>
    NumberBefore = 2,

    /// <summary>Counts only right before a digit: currency signs.</summary>
    NumberAfter = 4,

    /// <summary>Counts only right after a four-digit number: the dash of an ISO date (2026-11-20), not of a range (20-30).</summary>
    YearBefore = 8,

    /// <summary>Does not count right before a number: 不满 1 年 means "less than a year", not dissatisfaction.</summary>
    NotBeforeNumber = 16,

    /// <summary>With <see cref="NumberBefore"/>: only after ASCII digits, for generic units (3 个, not 两个方案).</summary>
    DigitsBefore = 32,

    /// <summary>
    /// For a risk phrase: it names a worry or an objection (犹豫, 价格偏高, 预算不足, 投诉), which a next clause saying it is
    /// resolved settles. A competitor, a delay or a lost contact is a fact such a clause does not undo.
    /// </summary>
    Resolvable = 64,

    /// <summary>Does not count right after a number: 20 日后 is a date, 日后 alone a vague time.</summary>
    NotAfterNumber = 128,

    /// <summary>For a risk phrase: it names a competitor, so a signing in its clause is the competitor's (最后还是签了竞品).</summary>
    Rival = 256,

    /// <summary>For a risk phrase: it says the customer declines (不考虑了), which a competitor as its subject turns round (Moka不考虑了).</summary>
    Decline = 512,
}

/// <summary>One phrase of a lexicon: its role, category and text as written.</summary>
/// <param name="Role">What the phrase is for.</param>
/// <param name="Category">
/// A <see cref="VagueCategory"/>, a risk-signal index (for a risk phrase and an <see cref="PhraseRole.Overcome"/>), a <see cref="FactKind"/>, a <see cref="ChangeMentionKind"/>, a
/// <see cref="CueKind"/> or a <see cref="ClauseBreakKind"/>, by role; for an
/// <see cref="PhraseRole.Exception"/>, the category of the hits it voids.
/// </param>
/// <param name="Phrase">The phrase as written; one <c>…</c> marks a gap of up to <see cref="LexiconEntry.MaxGap"/> characters.</param>
/// <param name="Flags">Where it may match.</param>
/// <param name="ExceptionTo">For an <see cref="PhraseRole.Exception"/>, the role of the hits it voids.</param>
internal sealed record LexiconEntry(PhraseRole Role, int Category, string Phrase, PhraseFlags Flags, PhraseRole ExceptionTo = PhraseRole.Vague)
{
    /// <summary>The gap marker in a phrase.</summary>
    public const char GapMarker = '…';

    /// <summary>The most folded characters a gap may span.</summary>
    public const int MaxGap = 8;

    /// <summary>The longest phrase, in characters, a lexicon accepts.</summary>
    public const int MaxLength = 40;
}
