using FollowUp.Rules.Risk;

namespace FollowUp.Rules.Language;

/// <summary>Builds the compiled lexicon of one profile: the shipped phrases, changed by configuration.</summary>
internal static class LexiconBuilder
{
    /// <summary>Resolves a configured category to a role and category number, or returns <see langword="false"/> when it names nothing known.</summary>
    public static bool TryResolveCategory(string category, IReadOnlyList<string> signalCodes, out PhraseRole role, out int value)
    {
        if (Enum.TryParse<VagueCategory>(category, ignoreCase: true, out var vague) && Enum.IsDefined(vague) && !int.TryParse(category, out _))
        {
            role = PhraseRole.Vague;
            value = (int)vague;
            return true;
        }

        for (var i = 0; i < signalCodes.Count; i++)
        {
            if (string.Equals(signalCodes[i], category, StringComparison.OrdinalIgnoreCase))
            {
                role = PhraseRole.Risk;
                value = i;
                return true;
            }
        }

        role = default;
        value = 0;
        return false;
    }

    /// <summary>Removes the vague, risk and overcome entries that fold to the same text as <paramref name="phrase"/>.</summary>
    private static void RemovePhrase(List<LexiconEntry> entries, string phrase)
    {
        var folded = TextFolding.FoldPhrase(phrase);
        entries.RemoveAll(e => e.Role is PhraseRole.Vague or PhraseRole.Risk or PhraseRole.Overcome && TextFolding.FoldPhrase(e.Phrase) == folded);
    }

    /// <summary>The text signals that name a worry or objection a later "resolved" settles (see <see cref="PhraseFlags.Resolvable"/>).</summary>
    private static readonly string[] ResolvableSignals =
        [RiskSignalCodes.Hesitation, RiskSignalCodes.PriceObjection, RiskSignalCodes.BudgetConstraint, RiskSignalCodes.NegativeFeedback];

    /// <summary>
    /// Words that make a configured competitor name beside them in a clause a system the customer connects to, not a rival:
    /// 与金蝶对接, 对接金蝶K3, 需要和钉钉打通, 钉钉审批流接入, sync with Moka.
    /// </summary>
    private static readonly string[] IntegrationWords =
        ["对接", "打通", "集成", "接入", "接口", "同步", "integrate", "integrates", "integrated", "integration", "sync", "syncs", "synced", "api"];

    public static CompiledLexicon Build(
        IReadOnlyList<LexiconOptions> changes, IEnumerable<string> competitorNames, IEnumerable<string> acknowledgementPhrases,
        string[] signalCodes)
    {
        var entries = ShippedLexicon.Entries(code => Array.IndexOf(signalCodes, code));
        foreach (var change in changes)
        {
            foreach (var removed in change.Remove)
            {
                RemovePhrase(entries, removed);
            }

            foreach (var added in change.Add)
            {
                if (!TryResolveCategory(added.Category, signalCodes, out var role, out var category))
                {
                    continue;
                }

                // Added again, a phrase takes its new category: the shipped one goes.
                RemovePhrase(entries, added.Phrase);
                entries.Add(new LexiconEntry(role, category, added.Phrase, added.WholeText ? PhraseFlags.WholeText : PhraseFlags.None));
            }
        }

        var competitor = Array.IndexOf(signalCodes, RiskSignalCodes.Competitor);
        foreach (var name in competitorNames)
        {
            entries.Add(new LexiconEntry(PhraseRole.Risk, competitor, name, PhraseFlags.None));
            if (!name.Contains(LexiconEntry.GapMarker, StringComparison.Ordinal))
            {
                foreach (var word in IntegrationWords)
                {
                    entries.Add(new LexiconEntry(PhraseRole.Exception, competitor, $"{name}{LexiconEntry.GapMarker}{word}", PhraseFlags.None, PhraseRole.Risk));
                    entries.Add(new LexiconEntry(PhraseRole.Exception, competitor, $"{word}{LexiconEntry.GapMarker}{name}", PhraseFlags.None, PhraseRole.Risk));
                }
            }
        }

        foreach (var phrase in acknowledgementPhrases)
        {
            entries.Add(new LexiconEntry(PhraseRole.Acknowledgement, 0, phrase, PhraseFlags.None));
        }

        foreach (var phrase in FollowUpRulesOptions.WholeValueAcknowledgementPhrases)
        {
            entries.Add(new LexiconEntry(PhraseRole.Acknowledgement, 0, phrase, PhraseFlags.WholeText));
        }

        int[] resolvable = [.. ResolvableSignals.Select(code => Array.IndexOf(signalCodes, code))];
        var decline = Array.IndexOf(signalCodes, RiskSignalCodes.IntentDecline);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Role == PhraseRole.Risk && resolvable.Contains(entries[i].Category))
            {
                entries[i] = entries[i] with { Flags = entries[i].Flags | PhraseFlags.Resolvable };
            }
            else if (entries[i].Role == PhraseRole.Risk && entries[i].Category == competitor)
            {
                entries[i] = entries[i] with { Flags = entries[i].Flags | PhraseFlags.Rival };
            }
            else if (entries[i].Role == PhraseRole.Risk && entries[i].Category == decline)
            {
                entries[i] = entries[i] with { Flags = entries[i].Flags | PhraseFlags.Decline };
            }
        }

        return CompiledLexicon.Compile(entries);
    }
}
