using FollowUp.Rules.Risk;
using FollowUp.Rules.Tests.TestData;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FollowUp.Rules.Tests.Risk;

/// <summary>Custom signals take the built-in signals' path: declared by a detector, weighted per profile, answered in risks.</summary>
public sealed class CustomRiskSignalTests
{
    private static FollowUpRecord TenderRecord() =>
        SampleRecords.CompleteToB().WithCommunications(c => c with { Summary = "客户确认明年 3 月走公开招标，预算 120 万" });

    [Fact]
    public void AddRiskSignal_DetectorReportsThroughTheSamePath()
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(TestClock.Create());
        services.AddFollowUpRules(o => o.Profiles["ToB"] = new FollowUp.Rules.Profiles.ProfileOptions { SignalWeights = { ["Tender"] = 0.4 } })
            .AddRiskSignal<TenderDetector>()
            .AddRiskSignal<TenderDetector>();
        using var provider = services.BuildServiceProvider();

        var evaluation = provider.GetRequiredService<IFollowUpEvaluator>().Evaluate(TenderRecord());

        var signal = Assert.Single(evaluation.Risk.Signals, s => s.Code == "Tender" && s.Field == "communications[0].summary");
        Assert.Equal(0.4, signal.Weight);
        Assert.Contains(evaluation.Findings, f => f.Code == FindingCodes.RiskUnanswered);
        Assert.Contains(provider.GetRequiredService<IFollowUpEvaluator>().Rules.Signals, s => s.Code == "Tender");
    }

    [Fact]
    public void Create_WithDetectors_UsesTheDefaultWeightAndAcceptsAnAnswer()
    {
        var rules = FollowUpRuleSet.Create(new FollowUpRulesOptions(), [new TenderDetector()]);
        var evaluator = new FollowUpEvaluator(rules, TestClock.Create());
        Assert.Equal(0.2, Assert.Single(evaluator.Evaluate(TenderRecord()).Risk.Signals, s => s.Code == "Tender" && s.Field == "communications[0].summary").Weight);

        var answered = evaluator.Evaluate(TenderRecord() with { Risks = [new RiskNote { Kind = "Tender", Countermeasure = "2 月前拿到招标文件并备好资质" }] });
        Assert.DoesNotContain(answered.Findings, f => f.Code == FindingCodes.RiskUnanswered);
    }

    [Fact]
    public void SignalWeights_ForAnUnregisteredCustomCode_FailValidation()
    {
        var options = new FollowUpRulesOptions();
        options.Profiles["ToB"] = new FollowUp.Rules.Profiles.ProfileOptions { SignalWeights = { ["Tender"] = 0.4 } };
        var exception = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(options));
        Assert.Contains("FollowUpRules:Profiles:ToB:SignalWeights:Tender", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detector_ReportingAnUndeclaredCode_Throws()
    {
        var evaluator = new FollowUpEvaluator(FollowUpRuleSet.Create(new FollowUpRulesOptions(), [new UndeclaredDetector()]), TestClock.Create());
        Assert.Throws<ArgumentException>(() => evaluator.Evaluate(SampleRecords.CompleteToB()));
    }

    [Theory]
    [InlineData("Stale")]
    [InlineData("not a code")]
    [InlineData("")]
    public void Create_DetectorWithATakenOrMalformedCode_Throws(string code) =>
        Assert.Throws<ArgumentException>(() => FollowUpRuleSet.Create(new FollowUpRulesOptions(), [new NamedDetector(code)]));

    [Theory]
    [InlineData("Stale", 0.2, "is already taken")]
    [InlineData("not a code", 0.2, "must be ASCII letters and digits")]
    [InlineData("Tender", 1.5, "must be between 0 and 1")]
    public async Task AddRiskSignal_DetectorWithABadSignal_StopsTheHostAtStart(string code, double weight, string reason)
    {
        // It used to start, and the first evaluation (the first request of a web API) threw the ArgumentException.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<IRiskSignalDetector>(new NamedDetector(code, weight));
        builder.Services.AddFollowUpRules();
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var failure = Assert.Single(exception.Failures);
        Assert.Contains(nameof(NamedDetector), failure, StringComparison.Ordinal);
        Assert.Contains(reason, failure, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddRiskSignal_DetectorsWithSeveralBadSignals_StopTheHostNamingEveryProblem()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<IRiskSignalDetector>(new NamedDetector("Competitor", 1.5));
        builder.Services.AddSingleton<IRiskSignalDetector>(new NamedDetector("has space"));
        builder.Services.AddFollowUpRules();
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Collection(
            exception.Failures,
            failure => Assert.Contains("'Competitor' of NamedDetector is already taken", failure, StringComparison.Ordinal),
            failure => Assert.Contains("'Competitor' of NamedDetector has default weight 1.5", failure, StringComparison.Ordinal),
            failure => Assert.Contains("'has space' of NamedDetector must be ASCII letters and digits", failure, StringComparison.Ordinal));
    }

    [Fact]
    public void Create_DetectorsWithSeveralBadSignals_ThrowNamingEveryProblem()
    {
        var exception = Assert.Throws<ArgumentException>(
            () => FollowUpRuleSet.Create(new FollowUpRulesOptions(), [new NamedDetector("Stale"), new NamedDetector("Tender", -1)]));

        Assert.Contains("'Stale' of NamedDetector is already taken.", exception.Message, StringComparison.Ordinal);
        Assert.Contains("'Tender' of NamedDetector has default weight -1", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddRiskSignal_DetectorWithABadSignal_ResolvingTheEvaluatorThrowsOptionsValidationException()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IRiskSignalDetector>(new NamedDetector("Stale"));
        services.AddFollowUpRules();
        using var provider = services.BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IFollowUpEvaluator>());
    }

    private sealed class TenderDetector : IRiskSignalDetector
    {
        public IReadOnlyList<RiskSignalDefinition> Signals { get; } = [new("Tender", 0.2)];

        public void Detect(RiskDetectionContext context)
        {
            foreach (var (communication, index) in (context.Record.Communications ?? []).Select((c, i) => (c, i)))
            {
                if (communication?.Summary?.Contains("招标", StringComparison.Ordinal) == true)
                {
                    context.Report("Tender", $"communications[{index}].summary", "招标");
                }
            }
        }
    }

    private sealed class UndeclaredDetector : IRiskSignalDetector
    {
        public IReadOnlyList<RiskSignalDefinition> Signals { get; } = [new("Declared", 0.2)];

        public void Detect(RiskDetectionContext context) => context.Report("Undeclared", "customer.name", "x");
    }

    private sealed class NamedDetector(string code, double weight = 0.2) : IRiskSignalDetector
    {
        public IReadOnlyList<RiskSignalDefinition> Signals { get; } = [new(code, weight)];

        public void Detect(RiskDetectionContext context)
        {
        }
    }
}
