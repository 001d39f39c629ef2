using FollowUp.Rules.Language;

namespace FollowUp.Rules.Tests.Language;

public sealed class TextScanTests
{
    /// <summary>A thread keeps its scan for its next text, but not the room a long text made it take.</summary>
    [Fact]
    public void Return_AfterALongText_KeepsNoMoreRoomThanANoteNeeds()
    {
        var scan = TextScan.Rent();
        scan.Reset();
        FollowUpRuleSet.Default.DefaultProfile.Analyzer.Analyze(string.Concat(Enumerable.Repeat("跟进中，等客户回复，预计 12 月 3 日签约。", 5_000)), scan);
        var grown = (scan.Hits.Length, scan.Vague.Length, scan.Facts.Length);
        TextScan.Return(scan);

        var next = TextScan.Rent();
        try
        {
            Assert.Same(scan, next);
            Assert.All([grown.Item1, grown.Item2, grown.Item3], length => Assert.True(length > 4096));
            Assert.All([next.Hits.Length, next.Vague.Length, next.Facts.Length, next.Risk.Length], length => Assert.InRange(length, 1, 4096));
        }
        finally
        {
            TextScan.Return(next);
        }
    }
}
