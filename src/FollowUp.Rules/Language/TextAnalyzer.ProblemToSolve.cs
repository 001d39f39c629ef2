namespace FollowUp.Rules.Language;

// The problem a deal is to solve: a needs summary written as the article asks (车间 MES 报工模块，解决纸质报工数据滞后一天的
// 问题) names the customer's own pain, and a risk phrase in it (滞后, 投诉, 延误) is that pain, not a risk to the deal, as a pain
// point is not.
internal sealed partial class TextAnalyzer
{
    /// <summary>Words that say the clause after them is a problem to solve (解决, 改善, reduce), folded.</summary>
    private static readonly string[] SolvingWords =
    [
        "解决", "改善", "改进", "缓解", "减少", "降低", "消除", "杜绝", "摆脱", "根治",
        "solve", "solves", "solving", "fix", "fixes", "fixing", "address", "addresses", "addressing", "reduce", "reduces", "reducing",
        "eliminate", "eliminates", "eliminating", "improve", "improves", "improving", "tackle", "tackles", "tackling",
    ];

    /// <summary>Longer words that start with a solving word but name a thing (解决方案 is a solution), folded.</summary>
    private static readonly string[] NotSolvingWords = ["解决方案", "解决办法", "解决思路"];

    /// <summary>
    /// Words that name what is solved as a problem, in Chinese after what it is, joined by 的 or 等 (…滞后一天的问题, 延误、错发等
    /// 问题), folded: without one, a solving word may only be the first half of a sentence whose risk is real (降低价格否则推迟
    /// 采购), and a bare 情况 or 问题 is as likely a hedge (看情况, 问题不大) or a verdict (没问题).
    /// </summary>
    private static readonly string[] ProblemNouns = ["的问题", "等问题", "的难题", "的痛点", "的情况", "等情况", "的现象", "的困扰", "的毛病", "的短板"];

    /// <summary>English words that name the problem before what it is (solve the problem of delayed shipments), folded.</summary>
    private static readonly string[] EnglishProblemNouns =
        ["problem of", "problems of", "problem with", "problems with", "issue of", "issues of", "issue with", "issues with"];

    /// <summary>How many characters may come between a solving word and the risk phrase of the problem it names.</summary>
    private const int ProblemReach = 20;

    /// <summary>The same for an English risk phrase, whose words are longer (solve the problem of delayed shipments).</summary>
    private const int AsciiProblemReach = 40;

    /// <summary>
    /// Whether the risk phrase from <paramref name="start"/> to <paramref name="end"/> names a problem to solve: a solving
    /// word (解决, 改善, solve) stands before it in its clause, within a few words, and the clause names what is solved as a
    /// problem (解决纸质报工数据滞后一天的问题, 想改善交付延误的情况, solve the problem of delayed shipments: 的 or 等 before the
    /// noun in Chinese, problem of or issues with before the phrase in English). Items joined by 、 stay in the clause (解决发货延误、错发的问题); a comma or a contrast
    /// word (但) ends it, so 解决库存不准，但项目推迟到明年 still names a delay.
    /// </summary>
    public bool IsProblemToSolve(string text, int start, int end)
    {
        var reach = TextFolding.IsAsciiLetter(TextFolding.Fold(text[start])) ? AsciiProblemReach : ProblemReach;
        for (var i = start - 1; i >= 0 && start - i <= reach; i--)
        {
            if (EndsClause(TextFolding.Fold(text[i]), listsStay: true))
            {
                return false;
            }

            var wordStart = i == 0 || !TextFolding.IsAsciiLetter(TextFolding.Fold(text[i - 1]));
            if (wordStart && BreakWordLength(text.AsSpan(i, start - i)) > 0)
            {
                return false;
            }

            var words = text.AsSpan(i, end - i);
            if (wordStart && StartsWithAny(words, SolvingWords) && !StartsWithAny(words, NotSolvingWords))
            {
                return NamesAProblem(text, i, start, end);
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the clause names what is solved as a problem: in Chinese the noun ends the clause after the risk phrase
    /// (…延误的问题。), so a clause that goes on says something of its own (…推迟采购的问题不大, …的情况已上报总监); in English the
    /// noun stands between the solving word and the phrase, at most a word before it (solve the problem of delayed shipments,
    /// not issues with the client who is hesitant).
    /// </summary>
    private static bool NamesAProblem(string text, int solvingStart, int phraseStart, int phraseEnd)
    {
        if (TextFolding.IsAsciiLetter(TextFolding.Fold(text[solvingStart])))
        {
            var between = text.AsSpan(solvingStart, phraseStart - solvingStart).TrimEnd();
            for (var at = 0; at < between.Length; at++)
            {
                var inWord = at > 0 && TextFolding.IsAsciiLetter(TextFolding.Fold(between[at - 1]));
                var length = inWord ? 0 : LeadingWordLength(between[at..], EnglishProblemNouns);
                if (length > 0 && between[(at + length)..].Trim().Count(' ') == 0)
                {
                    return true;
                }
            }

            return false;
        }

        var rest = text.AsSpan(phraseEnd, ClauseEnd(text, phraseEnd, listsStay: true) - phraseEnd).TrimEnd();
        return EndsWithAny(rest, ProblemNouns);
    }
}
