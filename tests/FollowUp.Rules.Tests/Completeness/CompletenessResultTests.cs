using FollowUp.Rules.Completeness;
using FollowUp.Rules.Profiles;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests.Completeness;

public class CompletenessResultTests
{
    [Fact]
    public void Steps_AreTheFiveStepsInOrder()
    {
        var completeness = TestClock.Evaluator().Evaluate(new FollowUpRecord()).Completeness;

        Assert.Equal(Enum.GetValues<FollowUpStep>(), completeness.Steps.Select(s => s.Step));
        Assert.All(Enum.GetValues<FollowUpStep>(), step => Assert.Same(completeness.Steps[(int)step], completeness[step]));
    }

    [Fact]
    public void Score_CompleteRecord_Is100()
    {
        var completeness = TestClock.Evaluator().Evaluate(SampleRecords.CompleteToB()).Completeness;

        Assert.Equal(100, completeness.Score);
        Assert.All(completeness.Steps, s => Assert.Equal(100, s.Score));
    }

    [Fact]
    public void Score_EmptyRecord_Is0()
    {
        var completeness = TestClock.Evaluator().Evaluate(new FollowUpRecord()).Completeness;

        Assert.Equal(0, completeness.Score);
        Assert.All(completeness.Steps, s => Assert.Equal(0, s.Score));
    }

    [Theory]
    [InlineData("ToB")]
    [InlineData("ToC")]
    [InlineData("Project")]
    [InlineData("ECommerce")]
    public void Score_IsTheStepScoresWeightedByTheProfile(string profileName)
    {
        var record = SampleRecords.CompleteFor(profileName)
            .WithCustomer(c => c with { Name = null })
            .WithNeeds(n => n with { Summary = "待补充" })
            .WithProgress(p => p with { NextActionOwner = null }) with { Owner = null, Communications = [] };
        var profile = FollowUpRuleSet.Default.GetProfile(profileName);

        var completeness = TestClock.Evaluator().Evaluate(record).Completeness;

        var weights = completeness.Steps.Select(s => profile.StepWeight(s.Step)).ToArray();
        var expected = completeness.Steps.Select((s, i) => s.Score * weights[i]).Sum() / weights.Sum();
        Assert.Equal(expected, completeness.Score, tolerance: 0.05);
        Assert.InRange(completeness.Score, 0, 100);
        Assert.NotEqual(completeness.Steps.Average(s => s.Score), completeness.Score);
    }

    [Fact]
    public void Score_WithOneWeightedStep_IsThatStepsScore()
    {
        var evaluator = TestClock.Evaluator(o =>
        {
            var profile = new ProfileOptions { BasedOn = "ToB" };
            foreach (var step in Enum.GetValues<FollowUpStep>())
            {
                profile.StepWeights[step] = step == FollowUpStep.Needs ? 1 : 0;
            }

            o.Profiles["NeedsOnly"] = profile;
        });
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { Budget = null }) with { Scenario = "NeedsOnly", Communications = null };

        var completeness = evaluator.Evaluate(record).Completeness;

        Assert.Equal(0, completeness[FollowUpStep.Communications].Score);
        Assert.Equal(75, completeness[FollowUpStep.Needs].Score);
        Assert.Equal(75, completeness.Score);
    }

    [Fact]
    public void StepWithoutRequiredChecks_Scores100()
    {
        var evaluator = TestClock.Evaluator(o =>
        {
            var profile = new ProfileOptions { BasedOn = "ToC" };
            profile.IgnoredFields.Add(FollowUpFields.NeedsSummary);
            profile.IgnoredFields.Add(FollowUpFields.NeedsChanges);
            o.Profiles["NoNeeds"] = profile;
        });

        var completeness = evaluator.Evaluate(new FollowUpRecord { Scenario = "NoNeeds" }).Completeness;

        Assert.Equal(100, completeness[FollowUpStep.Needs].Score);
        Assert.Empty(completeness[FollowUpStep.Needs].Missing);
    }

    [Fact]
    public void MissingAndAcknowledged_ArePathsInRecordOrder()
    {
        var record = SampleRecords.CompleteToB()
            .WithCustomer(c => c with { Level = "-", Company = "", Industry = "待补充", Source = "客户暂未明确" });

        var basics = TestClock.Evaluator().Evaluate(record).Completeness[FollowUpStep.BasicInfo];

        Assert.Equal(["customer.company", "customer.level"], basics.Missing);
        Assert.Equal(["customer.industry", "customer.source"], basics.Acknowledged);
        Assert.Equal(100.0 * (5 + 2 * 0.5) / 9, basics.Score, tolerance: 0.05);
    }
}
