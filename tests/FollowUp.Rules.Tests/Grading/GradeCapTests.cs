using FluentValidation;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Tests.TestData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace FollowUp.Rules.Tests.Grading;

/// <summary>
/// Grade caps: a record with a flaw the team will not pass gets at most the configured grade, whatever its score; the score
/// and deductions stay, and a <c>GradeCapped</c> finding names the flaw. Two review teams graded such records C where the
/// bands gave A.
/// </summary>
public sealed class GradeCapTests
{
    private static readonly FollowUpEvaluator Plain = TestClock.Evaluator();

    private static FollowUpEvaluator Capped(Grade? vague = null, Grade? risk = null, Grade? overdue = null, string culture = "zh-CN", bool everyScoreA = false) =>
        TestClock.Evaluator(o =>
        {
            o.Culture = culture;
            if (everyScoreA)
            {
                (o.Grades.C, o.Grades.B, o.Grades.A) = (0, 0, 0);
            }

            o.Grades.Caps.VagueLatestContact = vague;
            o.Grades.Caps.UnansweredRisk = risk;
            o.Grades.Caps.OverdueNextAction = overdue;
        });

    /// <summary>A complete record whose latest contact (by time, listed first) says only 持续跟进中.</summary>
    private static FollowUpRecord VagueLatest() => SampleRecords.CompleteToB() with
    {
        Communications = [SampleRecords.CompleteToB().Communications![1] with { Summary = "持续跟进中" }, SampleRecords.CompleteToB().Communications![0]],
    };

    [Fact]
    public void Default_NoCap_GradeFollowsTheScoreAlone()
    {
        var evaluation = Plain.Evaluate(VagueLatest());

        // The latest summary's vague cost alone takes the complete record to B, by its score and no cap.
        Assert.Equal((Grade.B, Grade.B), (evaluation.Grade, FollowUpRuleSet.Default.Grades.GradeOf(evaluation.Score)));
        Assert.DoesNotContain(evaluation.Findings, f => f.Code == FindingCodes.GradeCapped);
        Assert.Equal(GradeCaps.None, FollowUpRuleSet.Default.GradeCaps);
    }

    [Theory]
    [InlineData("zh-CN", "无论得分多少，评级最高为 C：最近一次沟通的内容摘要含糊或为空（团队评级规则）。")]
    [InlineData("zh-TW", "無論得分多少，評級最高為 C：最近一次溝通的內容摘要含糊或為空（團隊評級規則）。")]
    [InlineData("en", "Graded C at most, whatever the score: the latest contact's summary is vague or empty (a grading rule of the team).")]
    public void VagueLatestContact_CapsTheGradeKeepsTheScoreAndSaysWhy(string culture, string message)
    {
        var plain = Plain.Evaluate(VagueLatest());

        var evaluation = Capped(vague: Grade.C, culture: culture).Evaluate(VagueLatest());

        Assert.Equal(Grade.C, evaluation.Grade);
        Assert.Equal(plain.Score, evaluation.Score);
        Assert.Equal(plain.Deductions.Select(d => (d.Code, d.Points)), evaluation.Deductions.Select(d => (d.Code, d.Points)));
        var finding = Assert.Single(evaluation.Findings, f => f.Code == FindingCodes.GradeCapped);
        Assert.Equal(("communications[0].summary", Severity.Info), (finding.Field, finding.Severity));
        Assert.StartsWith(message, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void VagueLatestContact_AVagueEarlierContact_IsNotCapped()
    {
        var earlierVague = SampleRecords.CompleteToB() with
        {
            Communications = [SampleRecords.CompleteToB().Communications![0] with { Summary = "持续跟进中" }, SampleRecords.CompleteToB().Communications![1]],
        };

        var evaluation = Capped(vague: Grade.C).Evaluate(earlierVague);

        Assert.Equal(Plain.Evaluate(earlierVague).Grade, evaluation.Grade);
        Assert.DoesNotContain(evaluation.Findings, f => f.Code == FindingCodes.GradeCapped);
    }

    [Fact]
    public void VagueLatestContact_AContactWithoutATimeMayBeTheLatest_SoItsVagueSummaryCaps()
    {
        var record = SampleRecords.CompleteToB() with
        {
            Communications = [SampleRecords.CompleteToB().Communications![0] with { Summary = "等客户回复", At = default }, SampleRecords.CompleteToB().Communications![1]],
        };

        var evaluation = Capped(vague: Grade.C, everyScoreA: true).Evaluate(record);

        Assert.Equal(Grade.C, evaluation.Grade);
        Assert.Equal("communications[0].summary", Assert.Single(evaluation.Findings, f => f.Code == FindingCodes.GradeCapped).Field);
    }

    [Fact]
    public void VagueLatestContact_NoContactAtAll_IsCappedOnTheLog()
    {
        var evaluation = Capped(vague: Grade.C, everyScoreA: true).Evaluate(SampleRecords.CompleteToB() with { Communications = [] });

        Assert.Equal(Grade.C, evaluation.Grade);
        Assert.Equal("communications", Assert.Single(evaluation.Findings, f => f.Code == FindingCodes.GradeCapped).Field);
    }

    [Fact]
    public void UnansweredRisk_CapsARecordWithASignalNoRiskAnswers()
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { Objections = "友商报价比我们低 15%" }) with { Risks = null };
        Assert.NotEmpty(Plain.Evaluate(record).UnansweredSignals);

        var evaluation = Capped(risk: Grade.B).Evaluate(record);

        Assert.Equal(Grade.B, evaluation.Grade);
        Assert.Equal("risks", Assert.Single(evaluation.Findings, f => f.Code == FindingCodes.GradeCapped).Field);
        Assert.Equal(Grade.A, Capped(risk: Grade.B).Evaluate(SampleRecords.CompleteToB()).Grade);
    }

    [Theory]
    [InlineData("2026-11-20T18:00:00+08:00")]
    [InlineData("2026-11-26T09:00:00+08:00")]
    [InlineData(null)]
    [InlineData("下周")]
    public void OverdueNextAction_CapsAnOverdueUndatedOrUnreadableDueDate(string? due)
    {
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = Timestamp.Parse(due) });

        var evaluation = Capped(overdue: Grade.C).Evaluate(record);

        Assert.Equal(Grade.C, evaluation.Grade);
        Assert.Equal("progress.nextActionDue", Assert.Single(evaluation.Findings, f => f.Code == FindingCodes.GradeCapped).Field);
    }

    [Fact]
    public void OverdueNextAction_NoNextActionAtAll_IsCappedOnTheNextAction()
    {
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextAction = null, NextActionDue = default });

        var evaluation = Capped(overdue: Grade.C, everyScoreA: true).Evaluate(record);

        Assert.Equal("progress.nextAction", Assert.Single(evaluation.Findings, f => f.Code == FindingCodes.GradeCapped).Field);
    }

    [Fact]
    public void Caps_AGradeAlreadyAtOrBelowTheCap_IsLeftWithoutAFinding()
    {
        var record = VagueLatest().WithProgress(p => p with { NextAction = null, NextActionDue = default, NextActionOwner = null }) with { Risks = null, Owner = null };
        var plain = Plain.Evaluate(record);
        Assert.True(plain.Grade >= Grade.C, $"graded {plain.Grade} ({plain.Score})");

        var evaluation = Capped(vague: Grade.C, risk: Grade.C, overdue: Grade.C).Evaluate(record);

        Assert.Equal(plain.Grade, evaluation.Grade);
        Assert.DoesNotContain(evaluation.Findings, f => f.Code == FindingCodes.GradeCapped);
    }

    [Fact]
    public void Caps_SeveralFlaws_TheLowestCapWinsAndEachIsNamed()
    {
        var record = VagueLatest().WithProgress(p => p with { NextActionDue = Timestamp.Parse("2026-11-20") });

        // Every score is A, so that the caps alone decide: the two flaws score C by the default bands.
        var evaluation = Capped(vague: Grade.B, overdue: Grade.C, everyScoreA: true).Evaluate(record);

        Assert.Equal(Grade.C, evaluation.Grade);
        Assert.Equal(["communications[0].summary", "progress.nextActionDue"], evaluation.Findings.Where(f => f.Code == FindingCodes.GradeCapped).Select(f => f.Field));
    }

    [Fact]
    public void Options_CapsBoundFromConfiguration_AreTheRuleSets()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FollowUpRules:Grades:Caps:VagueLatestContact"] = "C",
            ["FollowUpRules:Grades:Caps:UnansweredRisk"] = "b",
        }).Build();
        var options = new FollowUpRulesOptions();
        configuration.GetSection(FollowUpRulesOptions.SectionName).Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);

        Assert.Equal(new GradeCaps(Grade.C, Grade.B, null), FollowUpRuleSet.Create(options).GradeCaps);
    }

    [Fact]
    public void Options_CapThatIsNoGrade_FailsValidationNamingTheKey()
    {
        var options = new FollowUpRulesOptions();
        options.Grades.Caps.OverdueNextAction = (Grade)9;

        var failure = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(options));

        Assert.Contains(failure.Failures, f => f.Contains("FollowUpRules:Grades:Caps:OverdueNextAction ('9')", StringComparison.Ordinal));
    }
}
