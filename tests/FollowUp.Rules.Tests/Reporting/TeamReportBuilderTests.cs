using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;
using FollowUp.Rules.Reporting;
using FollowUp.Rules.Risk;
using FollowUp.Rules.Tests.TestData;
using static FollowUp.Rules.Tests.Reporting.ReportFixtures;

namespace FollowUp.Rules.Tests.Reporting;

public sealed class TeamReportBuilderTests
{
    [Fact]
    public void Build_NothingAdded_ReportsZeroesWithEveryKeyPresent()
    {
        var report = new TeamReportBuilder().Build();

        Assert.Equal(0, report.RecordCount);
        Assert.Null(report.AverageScore);
        Assert.Null(report.EvaluatedAt);
        Assert.Equal(Enum.GetValues<Grade>(), report.Grades.Keys.Order());
        Assert.All(report.Grades.Values, count => Assert.Equal(0, count));
        Assert.Equal(Enum.GetValues<RiskLevel>(), report.RiskLevels.Keys.Order());
        Assert.Equal(Enum.GetValues<FollowUpStep>(), report.Steps.Select(s => s.Step));
        Assert.All(report.Steps, s => Assert.Equal(0, s.MissingRate));
        Assert.Equal(Enum.GetValues<DeductionGroup>(), report.DeductionGroups.Select(g => g.Group));
        Assert.Empty(report.Owners);
        Assert.Empty(report.VaguePhrases);
        Assert.Empty(report.RiskSignals);
        Assert.Empty(report.NeedsAttention);
        Assert.All(report.Stages, s => Assert.Equal(0, s.Count));
    }

    [Fact]
    public void Add_NullArguments_Throw()
    {
        var builder = new TeamReportBuilder();

        Assert.Throws<ArgumentNullException>("record", () => builder.Add(null!, Evaluated("A", 90)));
        Assert.Throws<ArgumentNullException>("evaluation", () => builder.Add(Record(), null!));
        Assert.Equal(0, builder.Count);
    }

    [Fact]
    public void Build_Grades_CountsEachRecordUnderItsGrade()
    {
        var report = Report(Evaluated("1", 95), Evaluated("2", 88), Evaluated("3", 72), Evaluated("4", 40), Evaluated("5", 10));

        Assert.Equal(5, report.RecordCount);
        Assert.Equal(2, report.Grades[Grade.A]);
        Assert.Equal(1, report.Grades[Grade.B]);
        Assert.Equal(0, report.Grades[Grade.C]);
        Assert.Equal(2, report.Grades[Grade.D]);
    }

    [Fact]
    public void Build_AverageScore_IsTheMeanOfAllScores()
    {
        var report = Report(Evaluated("1", 100), Evaluated("2", 80), Evaluated("3", 45.5));

        Assert.Equal(75.1666, report.AverageScore!.Value, 3);
    }

    [Fact]
    public void Build_Owners_UseTheNextActionOwnerElseTheRecordOwnerElseNone()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "李明", nextActionOwner: "王芳"), r => Evaluated("1", 90, of: r));
        builder.Add(Record(owner: "李明"), r => Evaluated("2", 70, of: r));
        builder.Add(Record(owner: " 李明 ", nextActionOwner: "  "), r => Evaluated("3", 50, of: r));
        builder.Add(Record(owner: "-", nextActionOwner: "无"), r => Evaluated("4", 20, of: r));
        builder.Add(Record(), r => Evaluated("5", 40, of: r));

        var owners = builder.Build().Owners;

        Assert.Equal(
            [new OwnerSummary("王芳", 1, 90), new OwnerSummary("李明", 2, 60), new OwnerSummary(null, 2, 30)],
            owners);
    }

    [Fact]
    public void Build_OwnerCalledLikeTheNoOwnerLabel_IsAnOwnerOfTheirOwn()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "(none)"), r => Evaluated("1", 80, of: r));
        builder.Add(Record(), r => Evaluated("2", 40, of: r));

        Assert.Equal([new OwnerSummary("(none)", 1, 80), new OwnerSummary(null, 1, 40)], builder.Build().Owners);
    }

    [Theory]
    [InlineData("待确认")]
    [InlineData("无\u200B")]
    [InlineData("n / a")]
    public void Build_OwnerTheRulesDoNotCountAsFilled_IsNoOwner_AsTheNoOwnerSignalSays(string owner)
    {
        var record = Record(owner: owner, stage: DealStage.Negotiation);
        var builder = new TeamReportBuilder();
        builder.Add(record, r => Evaluated("1", 50, of: r));

        Assert.Equal([null], builder.Build().Owners.Select(o => o.Owner));
        Assert.Contains(RiskSignalCodes.NoOwner, TestClock.Evaluator().Evaluate(record).Risk.Signals.Select(s => s.Code));
    }

    [Fact]
    public void Build_OwnersDifferingOnlyInCase_AreOneOwnerSpelledAsFirstSeen()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "Chen Yu"), r => Evaluated("1", 80, of: r));
        builder.Add(Record(owner: "chen yu"), r => Evaluated("2", 60, of: r));

        var owner = Assert.Single(builder.Build().Owners);

        Assert.Equal(new OwnerSummary("Chen Yu", 2, 70), owner);
    }

    [Fact]
    public void Build_OwnersInTraditionalAndSimplifiedCharacters_AreOneOwnerSpelledAsMostRecordsSpellIt()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "赵敏", nextActionOwner: "趙敏"), r => Evaluated("1", 100, of: r));
        builder.Add(Record(owner: "赵敏"), r => Evaluated("2", 90, of: r));
        builder.Add(Record(owner: "赵 敏"), r => Evaluated("3", 80, of: r));
        builder.Add(Record(owner: "赵敏"), r => Evaluated("4", 70, of: r));

        var owner = Assert.Single(builder.Build().Owners);

        Assert.Equal(new OwnerSummary("赵敏", 4, 85), owner);
    }

    [Fact]
    public void Build_OwnersInFullWidthLetters_AreOneOwnerWithTheHalfWidthSpelling()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "ＣＨＥＮ　ＹＵ"), r => Evaluated("1", 80, of: r));
        builder.Add(Record(owner: "Chen Yu"), r => Evaluated("2", 60, of: r));
        builder.Add(Record(owner: "Chen Yu"), r => Evaluated("3", 70, of: r));

        Assert.Equal([new OwnerSummary("Chen Yu", 3, 70)], builder.Build().Owners);
    }

    [Fact]
    public void Build_NeedsAttention_ShowsTheOwnerAsTheOwnersRowSpellsIt()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "趙敏"), r => Evaluated("1", 40, of: r));
        builder.Add(Record(owner: "赵敏"), r => Evaluated("2", 95, of: r));
        builder.Add(Record(owner: "赵敏"), r => Evaluated("3", 95, of: r));

        var report = builder.Build();

        Assert.Equal("赵敏", Assert.Single(report.Owners).Owner);
        Assert.Equal("赵敏", Assert.Single(report.NeedsAttention).Owner);
    }

    [Fact]
    public void Build_Owners_AreOrderedByAverageScoreThenRecordCountThenName()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "乙"), r => Evaluated("1", 60, of: r));
        builder.Add(Record(owner: "甲"), r => Evaluated("2", 90, of: r));
        builder.Add(Record(owner: "丙"), r => Evaluated("3", 90, of: r));
        builder.Add(Record(owner: "丁"), r => Evaluated("4", 90, of: r));
        builder.Add(Record(owner: "丁"), r => Evaluated("5", 90, of: r));

        Assert.Equal(["丁", "丙", "甲", "乙"], builder.Build().Owners.Select(o => o.Owner));
    }

    [Fact]
    public void Build_Steps_MissingRateIsTheShareOfRecordsMissingAField()
    {
        var report = Report(
            Evaluated("1", 50, missingSteps: [FollowUpStep.Needs, FollowUpStep.Progress], stepScore: 60),
            Evaluated("2", 50, missingSteps: [FollowUpStep.Needs], stepScore: 80),
            Evaluated("3", 50, stepScore: 100),
            Evaluated("4", 50, stepScore: 100));

        var steps = report.Steps.ToDictionary(s => s.Step);
        Assert.Equal(new StepSummary(FollowUpStep.Needs, 2, 0.5, 85), steps[FollowUpStep.Needs]);
        Assert.Equal(new StepSummary(FollowUpStep.Progress, 1, 0.25, 85), steps[FollowUpStep.Progress]);
        Assert.Equal(new StepSummary(FollowUpStep.BasicInfo, 0, 0, 85), steps[FollowUpStep.BasicInfo]);
    }

    [Fact]
    public void Build_DeductionGroups_CountDeductionsAndSumPointsExactly()
    {
        var report = Report(
            Evaluated("1", 69.9, deductions: [Deduction(DeductionGroup.VagueDescription, 0.1), Deduction(DeductionGroup.RiskIgnored, 30)]),
            Evaluated("2", 99.8, deductions: [Deduction(DeductionGroup.VagueDescription, 0.2)]));

        var groups = report.DeductionGroups.ToDictionary(g => g.Group);
        Assert.Equal(new DeductionGroupSummary(DeductionGroup.VagueDescription, 2, 0.3), groups[DeductionGroup.VagueDescription]);
        Assert.Equal(new DeductionGroupSummary(DeductionGroup.RiskIgnored, 1, 30), groups[DeductionGroup.RiskIgnored]);
        Assert.Equal(new DeductionGroupSummary(DeductionGroup.MissingInfo, 0, 0), groups[DeductionGroup.MissingInfo]);
    }

    [Fact]
    public void Build_VaguePhrases_CountSpellingsThatDifferInCaseWidthAndSpacingAsOne()
    {
        var report = Report(
            Evaluated("1", 90, vague: ["跟进中", "In Progress", "ＩＮ ＰＲＯＧＲＥＳＳ"]),
            Evaluated("2", 90, vague: ["跟 进 中", "in  progress", "跟进中", "尽快"]));

        Assert.Equal(
            [new VaguePhraseSummary("in progress", VagueCategory.StatusOnly, 3), new VaguePhraseSummary("跟进中", VagueCategory.StatusOnly, 3),
                new VaguePhraseSummary("尽快", VagueCategory.StatusOnly, 1)],
            report.VaguePhrases);
    }

    [Fact]
    public void Build_VaguePhrases_KeepsTheTenMostFrequent()
    {
        var phrases = Enumerable.Range(1, 12).SelectMany(i => Enumerable.Repeat($"phrase{i:00}", i)).ToArray();

        var report = Report(Evaluated("1", 90, vague: phrases));

        Assert.Equal(TeamReport.TopLimit, report.VaguePhrases.Count);
        Assert.Equal(Enumerable.Range(3, 10).Reverse().Select(i => (long)i), report.VaguePhrases.Select(p => p.Count));
        Assert.Equal("phrase12", report.VaguePhrases[0].Phrase);
    }

    [Fact]
    public void Build_RiskSignals_CountRecordsNotOccurrences()
    {
        var report = Report(
            Evaluated("1", 90, signals: [RiskSignalCodes.Competitor, RiskSignalCodes.Competitor, RiskSignalCodes.Stale]),
            Evaluated("2", 90, signals: [RiskSignalCodes.Competitor]),
            Evaluated("3", 90));

        Assert.Equal(
            [new RiskSignalSummary(RiskSignalCodes.Competitor, 2), new RiskSignalSummary(RiskSignalCodes.Stale, 1)],
            report.RiskSignals);
    }

    [Fact]
    public void Build_RiskLevels_CountEachRecordUnderItsLevel()
    {
        var report = Report(Evaluated("1", 90, risk: RiskLevel.High), Evaluated("2", 90, risk: RiskLevel.High), Evaluated("3", 90));

        Assert.Equal(1, report.RiskLevels[RiskLevel.Low]);
        Assert.Equal(0, report.RiskLevels[RiskLevel.Medium]);
        Assert.Equal(2, report.RiskLevels[RiskLevel.High]);
        Assert.Equal(0, report.RiskLevels[RiskLevel.Critical]);
        Assert.Equal(0, report.RiskNotAssessable);
    }

    [Fact]
    public void Build_RiskNotAssessableWithNoSignal_IsCountedApartFromLow()
    {
        var unassessed = Evaluated("1", 35, findings: [FindingCodes.RiskNotAssessable]);
        var report = Report(unassessed, Evaluated("2", 90));

        Assert.Equal(RiskLevel.Low, unassessed.Risk.Level);
        Assert.Equal(1, report.RiskNotAssessable);
        Assert.Equal(1, report.RiskLevels[RiskLevel.Low]);
        Assert.True(Assert.Single(report.NeedsAttention).RiskNotAssessable);
    }

    [Fact]
    public void Build_RiskNotAssessableWithASignal_KeepsItsLevel()
    {
        var report = Report(Evaluated("1", 30, risk: RiskLevel.Medium, riskScore: 25, signals: [RiskSignalCodes.NoDecisionMaker], findings: [FindingCodes.RiskNotAssessable]));

        Assert.Equal(0, report.RiskNotAssessable);
        Assert.Equal(1, report.RiskLevels[RiskLevel.Medium]);
        Assert.False(Assert.Single(report.NeedsAttention).RiskNotAssessable);
    }

    [Fact]
    public void Build_HighRiskIds_NameTheFirstTenRecordsOfHighAndOfCriticalInInputOrder()
    {
        var evaluations = Enumerable.Range(1, 12).Select(i => Evaluated($"H{i}", 90, risk: RiskLevel.High, riskScore: 60))
            .Append(Evaluated(null, 90, risk: RiskLevel.Critical, riskScore: 90))
            .Append(Evaluated("C1", 90, risk: RiskLevel.Critical, riskScore: 90))
            .Append(Evaluated("M1", 90, risk: RiskLevel.Medium, riskScore: 30));

        var report = Report([.. evaluations]);

        Assert.Equal([RiskLevel.High, RiskLevel.Critical], report.HighRiskIds.Keys.Order());
        Assert.Equal(Enumerable.Range(1, 10).Select(i => $"H{i}"), report.HighRiskIds[RiskLevel.High]);
        Assert.Equal(["C1"], report.HighRiskIds[RiskLevel.Critical]);
        Assert.Equal(12, report.RiskLevels[RiskLevel.High]);
    }

    [Fact]
    public void Build_Stages_AreInStageOrderWithUnknownAndUnrecognisedLast()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(stage: DealStage.Signed), r => Evaluated("1", 90, of: r));
        builder.Add(Record(stage: EnumValue<DealStage>.Parse("方案已发")), r => Evaluated("2", 90, of: r));
        builder.Add(Record(stage: DealStage.ProposalSent), r => Evaluated("3", 90, of: r));
        builder.Add(Record(stage: EnumValue<DealStage>.Parse("谈恋爱")), r => Evaluated("4", 90, of: r));
        builder.Add(Record(), r => Evaluated("5", 90, of: r));

        var stages = builder.Build().Stages;

        Assert.Equal([.. Enum.GetValues<DealStage>().Cast<DealStage?>(), null], stages.Select(s => s.Stage));
        Assert.Equal([0L, 0, 2, 0, 0, 1, 0, 2], stages.Select(s => s.Count));
    }

    [Fact]
    public void Build_EvaluatedAt_IsTheLatestEvaluationTime()
    {
        var report = Report(
            Evaluated("1", 90, evaluatedAt: Now.AddHours(-1)),
            Evaluated("2", 90, evaluatedAt: Now.AddHours(2)),
            Evaluated("3", 90, evaluatedAt: Now));

        Assert.Equal(Now.AddHours(2), report.EvaluatedAt);
    }

    [Fact]
    public void Build_NeedsAttention_RanksGradeDFirstThenLowerScoreHigherRiskAndLongerOverdue()
    {
        var report = Report(
            Evaluated("C-low", 61, risk: RiskLevel.Critical, riskScore: 95),
            Evaluated("D-59", 59),
            Evaluated("D-20", 20),
            Evaluated("B-overdue-short", 75, overdue: TimeSpan.FromHours(3)),
            Evaluated("B-overdue-long", 75, overdue: TimeSpan.FromDays(3)),
            Evaluated("B-risky", 75, risk: RiskLevel.High, riskScore: 70),
            Evaluated("D-20-risky", 20, risk: RiskLevel.Medium, riskScore: 40),
            Evaluated("D-forced", 90, grade: Grade.D));

        Assert.Equal(
            ["D-20-risky", "D-20", "D-59", "D-forced", "C-low", "B-risky", "B-overdue-long", "B-overdue-short"],
            report.NeedsAttention.Select(a => a.Id));
    }

    [Fact]
    public void Build_NeedsAttention_LeavesOutGradeARecordsWithoutHighRiskOrOverdue()
    {
        var report = Report(
            Evaluated("fine", 100),
            Evaluated("medium-risk", 95, risk: RiskLevel.Medium, riskScore: 30),
            Evaluated("high-risk", 95, risk: RiskLevel.High, riskScore: 60),
            Evaluated("overdue", 95, overdue: TimeSpan.FromHours(1)),
            Evaluated("grade-b", 80));

        Assert.Equal(["grade-b", "high-risk", "overdue"], report.NeedsAttention.Select(a => a.Id));
    }

    [Fact]
    public void Build_NeedsAttention_KeepsTheTenWorstOfManyRecordsInAnyInputOrder()
    {
        var scores = Enumerable.Range(0, 5_000).Select(i => (i * 7919) % 5_000 / 100.0).ToArray();
        var builder = new TeamReportBuilder();
        foreach (var (score, i) in scores.Select((s, i) => (s, i)))
        {
            builder.Add(Record(), r => Evaluated($"R{i}", score, of: r));
        }

        var attention = builder.Build().NeedsAttention;

        Assert.Equal(TeamReport.AttentionLimit, attention.Count);
        Assert.Equal(scores.Order().Take(10), attention.Select(a => a.Score));
    }

    [Fact]
    public void Build_NeedsAttention_EqualRecordsKeepInputOrder()
    {
        var report = Report(Evaluated("first", 50), Evaluated("second", 50), Evaluated("third", 50));

        Assert.Equal(["first", "second", "third"], report.NeedsAttention.Select(a => a.Id));
    }

    [Fact]
    public void Build_NeedsAttention_GivesEachItemItsDetailsAndTopTwoDeductionsLargestFirst()
    {
        var deductions = new[]
        {
            Deduction(DeductionGroup.MissingInfo, 2, "Small"),
            Deduction(DeductionGroup.RiskIgnored, 9, "Largest"),
            Deduction(DeductionGroup.VagueDescription, 6, "TiedFirst"),
            Deduction(DeductionGroup.UnclearOwnership, 6, "TiedSecond"),
        };
        var builder = new TeamReportBuilder();
        builder.Add(
            Record(owner: "李明", company: "宏图建筑设计院", name: "张伟"),
            r => Evaluated("FU-1", 45, risk: RiskLevel.Critical, riskScore: 88, deductions: deductions, overdue: TimeSpan.FromHours(30), of: r));

        var item = Assert.Single(builder.Build().NeedsAttention);

        Assert.Equal("FU-1", item.Id);
        Assert.Equal("宏图建筑设计院", item.Customer);
        Assert.Equal("李明", item.Owner);
        Assert.Equal(Grade.D, item.Grade);
        Assert.Equal(45, item.Score);
        Assert.Equal(RiskLevel.Critical, item.RiskLevel);
        Assert.Equal(88, item.RiskScore);
        Assert.Equal(TimeSpan.FromHours(30), item.Overdue);
        Assert.Equal(["Largest", "TiedFirst"], item.TopDeductions.Select(d => d.Code));
    }

    [Fact]
    public void Build_NeedsAttention_CustomerFallsBackToTheContactName()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(company: "  ", name: "张伟"), r => Evaluated("FU-1", 45, of: r));
        builder.Add(Record(), r => Evaluated("FU-2", 45, of: r));

        Assert.Equal(["张伟", null], builder.Build().NeedsAttention.Select(a => a.Customer));
    }

    [Fact]
    public void Build_CalledAgainAfterMoreAdds_LeavesTheEarlierReportUnchanged()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "李明"), r => Evaluated("1", 40, vague: ["跟进中"], of: r));
        var first = builder.Build();

        builder.Add(Record(owner: "李明"), r => Evaluated("2", 20, vague: ["跟进中"], of: r));
        var second = builder.Build();

        Assert.Equal(1, first.RecordCount);
        Assert.Equal(1, first.Owners.Single().RecordCount);
        Assert.Equal(1, first.VaguePhrases.Single().Count);
        Assert.Equal(["1"], first.NeedsAttention.Select(a => a.Id));
        Assert.Equal(2, second.RecordCount);
        Assert.Equal(["2", "1"], second.NeedsAttention.Select(a => a.Id));
        Assert.Equal(2, builder.Count);
    }

    [Fact]
    public void Build_Report_ListsCannotBeChangedThroughCasts()
    {
        var report = Report(Evaluated("1", 40));

        Assert.Throws<NotSupportedException>(() => ((IList<AttentionItem>)report.NeedsAttention).Clear());
        Assert.Throws<NotSupportedException>(() => ((IDictionary<Grade, long>)report.Grades)[Grade.A] = 5);
    }

    [Fact]
    public void Build_SampleRecords_AgreesWithTheEvaluations()
    {
        var samples = EvaluatedSamples();
        var builder = new TeamReportBuilder();
        foreach (var (record, evaluation) in samples)
        {
            builder.Add(record, evaluation);
        }

        var report = builder.Build();
        var evaluations = samples.Select(s => s.Evaluation).ToList();

        Assert.Equal(samples.Count, report.RecordCount);
        Assert.Equal(evaluations.Average(e => e.Score), report.AverageScore!.Value, 9);
        Assert.Equal(samples.Count, report.Grades.Values.Sum());
        Assert.Equal(samples.Count, report.RiskLevels.Values.Sum());
        Assert.Equal(samples.Count, report.Stages.Sum(s => s.Count));
        Assert.Equal(samples.Count, report.Owners.Sum(o => o.RecordCount));
        foreach (var grade in Enum.GetValues<Grade>())
        {
            Assert.Equal(evaluations.Count(e => e.Grade == grade), report.Grades[grade]);
        }

        foreach (var step in report.Steps)
        {
            Assert.Equal(evaluations.Count(e => e.Completeness[step.Step].Missing.Count > 0), step.RecordsMissing);
        }

        var lost = evaluations.Sum(e => 100 - e.Score);
        Assert.Equal(lost, report.DeductionGroups.Sum(g => g.Points), 6);
        Assert.Equal(evaluations.Sum(e => e.Deductions.Count), report.DeductionGroups.Sum(g => g.Count));
        Assert.Equal(Now, report.EvaluatedAt);
        Assert.Equal(TeamReport.AttentionLimit, report.NeedsAttention.Count);
        Assert.Equal(evaluations.Where(e => e.Grade == Grade.D).Min(e => e.Score), report.NeedsAttention[0].Score);
        Assert.All(report.NeedsAttention, a => Assert.True(a.TopDeductions.Count is > 0 and <= 2));
    }
}
