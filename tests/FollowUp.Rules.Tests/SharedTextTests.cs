using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests;

[Collection(SharedCachesGroup.Name)]
public class SharedTextTests
{
    [Fact]
    public void Of_ReturnsTheMatchedSlice()
    {
        Assert.Equal("跟进中", SharedText.Of("今天跟进中。", 2, 5));
        Assert.Equal("", SharedText.Of("abc", 1, 1));
    }

    [Fact]
    public void Of_TheSameTextInTwoSources_IsOneString()
    {
        _ = SharedText.Of("友商", 0, 2);
        var first = SharedText.Of("客户说友商已报价", 3, 5);
        var second = SharedText.Of("友商已报价，客户犹豫", 0, 2);

        Assert.Equal("友商", first);
        Assert.Same(first, second);
    }

    [Fact]
    public void Of_TheSameJoinedTextTwice_IsOneStringAndClearsTheBuilder()
    {
        _ = Join("needs.summary", "progress.nextAction");
        var first = Join("needs.summary", "progress.nextAction");
        var second = Join("needs.summary", "progress.nextAction");

        Assert.Equal("needs.summary, progress.nextAction", first);
        Assert.Same(first, second);

        static string Join(string a, string b)
        {
            var builder = new System.Runtime.CompilerServices.DefaultInterpolatedStringHandler(2, 2);
            builder.AppendFormatted(a);
            builder.AppendLiteral(", ");
            builder.AppendFormatted(b);
            var text = SharedText.Of(ref builder);
            Assert.Equal(0, builder.Text.Length);
            return text;
        }
    }

    [Fact]
    public void Evaluations_OfTwoRecords_ShareTheEvidenceOfTheSamePhrase()
    {
        var evaluator = TestClock.Evaluator();
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { Summary = n.Summary + "，友商已报价" });

        _ = evaluator.Evaluate(record with { Id = "warm-up" });
        var first = evaluator.Evaluate(record).Risk.Signals.First(s => s.Code == "Competitor");
        var second = evaluator.Evaluate(record with { Id = "other" }).Risk.Signals.First(s => s.Code == "Competitor");

        Assert.Same(first.Evidence, second.Evidence);
    }
}
