using System.Text;
using FollowUp.Rules.Reminders;
using FollowUp.Rules.Reporting;
using FollowUp.Rules.Risk;
using FollowUp.Rules.Tests.TestData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FollowUp.Rules.Tests.Records;

/// <summary>A CRM's own words for enumeration values, configured rather than compiled in (<see cref="RecordLabelOptions"/>).</summary>
public sealed class RecordLabelOptionsTests
{
    private static FollowUpRecord ShopRecord(string stage) =>
        SampleRecords.CompleteECommerce().WithProgress(p => p with { Stage = EnumValue<DealStage>.Parse(stage) });

    private static FollowUpEvaluator Evaluator(Action<RecordLabelOptions> labels) => TestClock.Evaluator(options => labels(options.Labels));

    [Fact]
    public void Defaults_AreEmpty()
    {
        var labels = new FollowUpRulesOptions().Labels;

        Assert.Empty(labels.Stage);
        Assert.Empty(labels.Channel);
        Assert.Empty(labels.Feedback);
        Assert.Empty(labels.DecisionRole);
        Assert.Empty(labels.AttachmentKind);
        Assert.Empty(labels.OpenAfterSigning);
    }

    [Fact]
    public void UnknownLabel_WithoutConfiguration_IsReported()
    {
        var evaluation = TestClock.Evaluator().Evaluate(ShopRecord("已作废"));

        Assert.Contains(evaluation.Findings, f => f.Code == FindingCodes.UnknownValue && f.Field == "progress.stage");
    }

    [Theory]
    [InlineData("已作废")]
    [InlineData("已作廢")]
    [InlineData(" 已作废 ")]
    public void ConfiguredStage_IsTheMemberInEvaluationWithNoUnknownValue(string written)
    {
        // Lost: no next action is needed, so the record is graded as the finished deal it is, not as the open stage unknown text is.
        var evaluator = Evaluator(labels => labels.Stage["已作废"] = DealStage.Lost);
        var record = ShopRecord(written).WithProgress(p => p with { NextAction = null, NextActionDue = default });

        var evaluation = evaluator.Evaluate(record);

        Assert.DoesNotContain(evaluation.Findings, f => f.Code == FindingCodes.UnknownValue);
        Assert.DoesNotContain(evaluation.Risk.Signals, s => s.Code == RiskSignalCodes.NoNextAction);
        Assert.Equal(evaluator.Evaluate(record.WithProgress(p => p with { Stage = DealStage.Lost })).Score, evaluation.Score);
    }

    [Theory]
    [InlineData("闲鱼", ContactChannel.Other)]
    [InlineData("WhatsApp Business", ContactChannel.Other)]
    public void ConfiguredChannel_HasNoUnknownValue(string channel, ContactChannel member)
    {
        var evaluator = Evaluator(labels => labels.Channel[channel] = member);
        var record = ShopRecord("已签收").WithCommunications(c => c with { Channel = EnumValue<ContactChannel>.Parse(channel.ToUpperInvariant()) });

        Assert.DoesNotContain(evaluator.Evaluate(record).Findings, f => f.Code == FindingCodes.UnknownValue);
    }

    [Fact]
    public void ConfiguredFeedback_IsReadForTheLatestFeedbackSignal()
    {
        var evaluator = Evaluator(labels => labels.Feedback["差评"] = CustomerFeedback.Dissatisfied);
        var record = ShopRecord("已签收").WithCommunications(c => c with { Feedback = EnumValue<CustomerFeedback>.Parse("差评") });

        Assert.Contains(evaluator.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.NegativeLastFeedback);
    }

    [Fact]
    public void ConfiguredStage_RemindersSeeTheMember()
    {
        // Unknown text counts as open, so a silent record is stale; configured as Lost, its silence is expected.
        var record = ShopRecord("已作废").WithCommunications(c => c with { At = TestClock.DaysFromNow(-10) });

        Assert.Contains(TestClock.Evaluator().Evaluate(record).Reminders, r => r.Kind == ReminderKind.Stale);
        Assert.Empty(Evaluator(labels => labels.Stage["已作废"] = DealStage.Lost).Evaluate(record).Reminders);
    }

    [Fact]
    public void ConfiguredStage_TheTeamReportFunnelCountsTheMember()
    {
        var evaluator = Evaluator(labels => labels.Stage["待审单"] = DealStage.Negotiation);
        var builder = new TeamReportBuilder();
        var record = ShopRecord("待审单");
        builder.Add(record, evaluator.Evaluate(record));

        var report = builder.Build();

        Assert.Equal(1, report.Stages.Single(s => s.Stage == DealStage.Negotiation).Count);
        Assert.DoesNotContain(report.Stages, s => s.Stage is null);
    }

    [Theory]
    [InlineData("补寄中")]
    [InlineData("補寄中")]
    public void OpenAfterSigning_ConfiguredStage_IsFollowedUpAsOpenWork(string written)
    {
        var evaluator = Evaluator(labels =>
        {
            labels.Stage["补寄中"] = DealStage.Signed;
            labels.OpenAfterSigning.Add("补寄中");
        });
        var record = ShopRecord(written).WithProgress(p => p with { NextAction = null, NextActionDue = default });

        var evaluation = evaluator.Evaluate(record);

        Assert.Contains(evaluation.Risk.Signals, s => s.Code == RiskSignalCodes.NoNextAction);
        Assert.DoesNotContain(evaluation.Findings, f => f.Code == FindingCodes.UnknownValue);
    }

    [Fact]
    public void OpenAfterSigning_BuiltInSignedLabel_IsFollowedUpAsOpenWork()
    {
        var record = ShopRecord("已签收").WithProgress(p => p with { NextAction = null, NextActionDue = default });

        Assert.DoesNotContain(TestClock.Evaluator().Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.NoNextAction);
        Assert.Contains(
            Evaluator(labels => labels.OpenAfterSigning.Add("已簽收")).Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.NoNextAction);
    }

    [Theory]
    [InlineData("FollowUpRules:Labels:Stage:待审单", "names no member")]
    [InlineData("FollowUpRules:Labels:Stage:成交", "already a label of Signed")]
    [InlineData("FollowUpRules:Labels:Stage:補寄中", "reads as '补寄中'")]
    [InlineData("FollowUpRules:Labels:OpenAfterSigning:0 ('待付款')", "must be a label of Signed")]
    [InlineData("FollowUpRules:Labels:Channel:' '", "is empty")]
    public void Validation_InvalidLabel_FailsNamingItsKey(string key, string reason)
    {
        var options = new FollowUpRulesOptions();
        options.Labels.Stage["待审单"] = (DealStage)99;
        options.Labels.Stage["成交"] = DealStage.Lost;
        options.Labels.Stage["补寄中"] = DealStage.Signed;
        options.Labels.Stage["補寄中"] = DealStage.Lost;
        options.Labels.OpenAfterSigning.Add("待付款");
        options.Labels.Channel[" "] = ContactChannel.Other;

        var exception = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(options));

        Assert.Contains(exception.Failures, failure => failure.StartsWith($"Property {key}: ", StringComparison.Ordinal) && failure.Contains(reason, StringComparison.Ordinal));
        Assert.Equal(5, exception.Failures.Count());
    }

    [Fact]
    public void Validation_LabelOfItsOwnMember_IsAccepted()
    {
        var options = new FollowUpRulesOptions();
        options.Labels.Stage["成交"] = DealStage.Signed;
        options.Labels.Stage["退货中"] = DealStage.Signed;
        options.Labels.OpenAfterSigning.Add("退货中");

        Assert.NotNull(FollowUpRuleSet.Create(options));
    }

    [Fact]
    public void Configuration_BoundWithUnknownKeysAsErrors_IsApplied()
    {
        const string Json = """
            { "FollowUpRules": { "Labels": {
              "Stage": { "待审单": "Negotiation", "补寄中": "Signed" },
              "Channel": { "闲鱼": "Other" },
              "OpenAfterSigning": [ "补寄中" ] } } }
            """;
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Json))).Build();
        var services = new ServiceCollection();
        services.AddFollowUpRules();
        services.Configure<FollowUpRulesOptions>(configuration.GetSection(FollowUpRulesOptions.SectionName), binder => binder.ErrorOnUnknownConfiguration = true);
        using var provider = services.BuildServiceProvider();

        var labels = provider.GetRequiredService<IOptions<FollowUpRulesOptions>>().Value.Labels;

        Assert.Equal(DealStage.Negotiation, labels.Stage["待审单"]);
        Assert.Equal(ContactChannel.Other, labels.Channel["闲鱼"]);
        Assert.Equal(["补寄中"], labels.OpenAfterSigning);
        var rules = provider.GetRequiredService<IFollowUpRulesMonitor>().Current;
        var record = ShopRecord("补寄中").WithProgress(p => p with { NextAction = null, NextActionDue = default });
        Assert.Contains(TestClock.Evaluator(rules).Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.NoNextAction);
    }

    [Theory]
    [InlineData("zh-CN", "方案评审", "阶段“方案评审（方案已发）”", "为方案评审（方案已发），")]
    [InlineData("en", "方案评审", "stage 方案评审 (proposal sent) has", "stage 方案评审 (proposal sent) the")]
    [InlineData("zh-CN", "方案已發", "阶段“方案已发”", "为方案已发，")]
    [InlineData("zh-CN", "ProposalSent", "阶段“方案已发”", "为方案已发，")]
    [InlineData("en", "Proposal Sent", "stage proposal sent has", "stage proposal sent the")]
    public void StageInMessages_IsTheRecordsOwnWord_WithTheStageItWasReadAs(string culture, string written, string inEvidence, string inFinding)
    {
        var evaluator = TestClock.Evaluator(options =>
        {
            options.Culture = culture;
            options.Labels.Stage["方案评审"] = DealStage.ProposalSent;
        });
        var record = SampleRecords.CompleteToB().WithAttachments()
            .WithProgress(p => p with { Stage = EnumValue<DealStage>.Parse(written), NextAction = null, NextActionDue = default });

        var evaluation = evaluator.Evaluate(record);

        Assert.Contains(inEvidence, Assert.Single(evaluation.Risk.Signals, s => s.Code == RiskSignalCodes.NoNextAction).Evidence, StringComparison.Ordinal);
        Assert.Contains(inFinding, Assert.Single(evaluation.Findings, f => f.Code == FindingCodes.AttachmentMissing).Message, StringComparison.Ordinal);
    }
}
