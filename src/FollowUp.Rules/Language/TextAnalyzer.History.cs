namespace FollowUp.Rules.Language;

// History: a clause that opens with an earlier time tells a past episode (去年因预算不足延后的案子). When a later phrase
// overcomes one of its risks (…，今年预算 NT$300 万已编列), the episode is over and its other risks go with it: the delay
// that the budget caused ended with the budget. Without an earlier time the clause may tell the present (因预算不足延后，
// 预算已到位: the deal is still late), and without an overcome phrase nothing says the episode ended, so the risks stay.
internal sealed partial class TextAnalyzer
{
    /// <summary>Words that place a clause at an earlier time (去年, 之前, 上次), folded.</summary>
    private static readonly string[] PastLeads =
        ["去年", "前年", "往年", "之前", "以前", "先前", "此前", "早前", "当初", "上次", "上回", "上个月", "上月", "上周", "上星期", "上礼拜"];

    /// <summary>How many characters of subject may come before the time word that opens a clause (客户之前…, 这个案子去年…).</summary>
    private const int MaxTimeSubject = 4;

    /// <summary>
    /// Whether the hit stands in a clause that opens with an earlier time (<see cref="PastLeads"/>) beside another risk phrase
    /// of that clause that a later phrase overcomes. A competitor stays, as it does beside a signing (<see cref="IsInsideOvercomeRisk"/>).
    /// </summary>
    private bool IsInOvercomePast(string text, TextScan scan, int index, (int From, int To) near)
    {
        ref readonly var hit = ref scan.Hits[index];
        var clauseStart = ClauseStart(text, hit.Start);
        if ((Lexicon.Entries[hit.Entry].Flags & PhraseFlags.Rival) != 0 || !OpensWithEarlierTime(text, clauseStart, hit.Start))
        {
            return false;
        }

        var clauseEnd = ClauseEnd(text, hit.End);
        for (var j = near.From; j <= near.To; j++)
        {
            ref readonly var other = ref scan.Hits[j];
            if (j == index || other.Dropped || Lexicon.Entries[other.Entry].Role != PhraseRole.Risk || other.Start < clauseStart || other.End > clauseEnd)
            {
                continue;
            }

            var otherNear = Neighbours(scan, j);
            if (!IsExcepted(scan, j, otherNear) && IsOvercome(text, scan, j, otherNear))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether one of <see cref="PastLeads"/> opens the words from <paramref name="from"/> to <paramref name="to"/>, after at
    /// most <see cref="MaxTimeSubject"/> characters of subject and no digit: 12 月 5 日之前 is a deadline, not an earlier time.
    /// </summary>
    private static bool OpensWithEarlierTime(string text, int from, int to)
    {
        var subject = 0;
        for (var i = from; i < to && subject <= MaxTimeSubject; i++)
        {
            var c = TextFolding.Fold(text[i]);
            if (!TextFolding.IsContent(c))
            {
                continue;
            }

            if (LeadingWordLength(text.AsSpan(i, to - i), PastLeads) > 0)
            {
                return true;
            }

            if (TextFolding.IsAsciiDigit(c) || TextScan.IsChineseNumeral(c))
            {
                return false;
            }

            subject++;
        }

        return false;
    }
}
