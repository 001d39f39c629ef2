using FollowUp.Rules.Language;

namespace FollowUp.Rules.Tests.Language;

/// <summary>The analyzer over a small lexicon of its own, for rules the shipped data does not exercise.</summary>
public sealed class TextAnalyzerTests
{
    private static readonly TextAnalyzer HedgeWithGappedException = new(CompiledLexicon.Compile(
    [
        new LexiconEntry(PhraseRole.Vague, (int)VagueCategory.Hedge, "可能", PhraseFlags.None),
        new LexiconEntry(PhraseRole.Exception, (int)VagueCategory.Hedge, "评估…可能性", PhraseFlags.None, PhraseRole.Vague),
    ]));

    [Theory]
    [InlineData("签约的可能性很大", true)]
    [InlineData("评估私有化部署的可能性", false)]
    public void Analyze_GappedException_VoidsOnlyWhenBothPartsJoin(string text, bool hedge)
    {
        var scan = TextScan.Rent();
        try
        {
            scan.Reset();
            HedgeWithGappedException.Analyze(text, scan);
            Assert.Equal(hedge, scan.VagueCount == 1 && scan.Vague[0].Category == (int)VagueCategory.Hedge);
        }
        finally
        {
            TextScan.Return(scan);
        }
    }
}
