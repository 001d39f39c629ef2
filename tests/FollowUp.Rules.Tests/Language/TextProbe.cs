using FollowUp.Rules.Language;

namespace FollowUp.Rules.Tests.Language;

/// <summary>What the shipped analyzer finds in a text: the vague categories, the risk codes and the clarity.</summary>
internal sealed record TextProbe(ClarityLevel Clarity, IReadOnlySet<string> Vague, IReadOnlySet<string> Risk)
{
    public static TextProbe Of(string text, FollowUpRuleSet? rules = null)
    {
        rules ??= FollowUpRuleSet.Default;
        var analyzer = rules.DefaultProfile.Analyzer;
        var scan = TextScan.Rent();
        try
        {
            scan.Reset();
            var analysis = analyzer.Analyze(text, scan);
            var vague = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < scan.VagueCount; i++)
            {
                vague.Add(((VagueCategory)scan.Vague[i].Category).ToString());
            }

            var risk = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < scan.RiskCount; i++)
            {
                risk.Add(rules.SignalCodes[scan.Risk[i].Category]);
            }

            return new TextProbe(analysis.Clarity, vague, risk);
        }
        finally
        {
            TextScan.Return(scan);
        }
    }

    public IReadOnlySet<string> Found(string kind) => kind == "Risk" ? Risk : Vague;
}
