using FollowUp.Rules.Language;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests.Language;

public class MatchedTextTests
{
    [Fact]
    public void Of_ReturnsTheMatchedSlice()
    {
        Assert.Equal("跟进中", MatchedText.Of("今天跟进中。", 2, 5));
        Assert.Equal("", MatchedText.Of("abc", 1, 1));
    }

    [Fact]
    public void Of_TheSameTextInTwoSources_IsOneString()
    {
        var first = MatchedText.Of("客户说友商已报价", 3, 5);
        var second = MatchedText.Of("友商已报价，客户犹豫", 0, 2);

        Assert.Equal("友商", first);
        Assert.Same(first, second);
    }

    [Fact]
    public void Evaluations_OfTwoRecords_ShareTheEvidenceOfTheSamePhrase()
    {
        var evaluator = TestClock.Evaluator();
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { Summary = n.Summary + "，友商已报价" });

        var first = evaluator.Evaluate(record).Risk.Signals.First(s => s.Code == "Competitor");
        var second = evaluator.Evaluate(record with { Id = "other" }).Risk.Signals.First(s => s.Code == "Competitor");

        Assert.Same(first.Evidence, second.Evidence);
    }
}
