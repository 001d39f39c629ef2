using System.Globalization;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;
using FollowUp.Rules.Reporting;
using FollowUp.Rules.Risk;
using FollowUp.Rules.Serialization;
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
        Assert.Equal(Enum.GetValues<DealStage>().Cast<DealStage?>(), report.Stages.Select(s => s.Stage));
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
            owners.Select(Positional));
    }

    [Fact]
    public void Build_OwnerCalledLikeTheNoOwnerLabel_IsAnOwnerOfTheirOwn()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "(none)"), r => Evaluated("1", 80, of: r));
        builder.Add(Record(), r => Evaluated("2", 40, of: r));

        Assert.Equal([new OwnerSummary("(none)", 1, 80), new OwnerSummary(null, 1, 40)], builder.Build().Owners.Select(Positional));
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

        Assert.Equal(new OwnerSummary("Chen Yu", 2, 70), Positional(owner));
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

        Assert.Equal(new OwnerSummary("赵敏", 4, 85), Positional(owner));
    }

    [Fact]
    public void Build_OwnersInFullWidthLetters_AreOneOwnerWithTheHalfWidthSpelling()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "ＣＨＥＮ　ＹＵ"), r => Evaluated("1", 80, of: r));
        builder.Add(Record(owner: "Chen Yu"), r => Evaluated("2", 60, of: r));
        builder.Add(Record(owner: "Chen Yu"), r => Evaluated("3", 70, of: r));

        Assert.Equal([new OwnerSummary("Chen Yu", 3, 70)], builder.Build().Owners.Select(Positional));
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
    public void Build_OwnersWhoseNamesDifferInACharacterSimplifiedChineseHasToo_AreTwoPeople()
    {
        // 於 folds to 于 in phrases, but 於 is a surname of its own in Simplified Chinese, as 乾 is a word of its own.
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "於明"), r => Evaluated("1", 40, of: r));
        builder.Add(Record(owner: "于明"), r => Evaluated("2", 90, of: r));
        builder.Add(Record(owner: "於明"), r => Evaluated("3", 60, of: r));
        builder.Add(Record(owner: "李昇"), r => Evaluated("4", 80, of: r));
        builder.Add(Record(owner: "李升"), r => Evaluated("5", 70, of: r));

        Assert.Equal(
            [new OwnerSummary("于明", 1, 90), new OwnerSummary("李昇", 1, 80), new OwnerSummary("李升", 1, 70), new OwnerSummary("於明", 2, 50)],
            builder.Build().Owners.Select(Positional));
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
            [new VaguePhraseSummary("In Progress", VagueCategory.StatusOnly, 3), new VaguePhraseSummary("跟进中", VagueCategory.StatusOnly, 3),
                new VaguePhraseSummary("尽快", VagueCategory.StatusOnly, 1)],
            report.VaguePhrases);
    }

    [Fact]
    public void Build_VaguePhrases_ShowEachPhraseAsMostOfItsOccurrencesSpellIt()
    {
        // The table showed the folded key: a Taiwan team that wrote 等對方回覆 read 等对方回复, and TBD read tbd.
        var report = Report(
            Evaluated("1", 90, vague: ["等对方回复", "tbd"]),
            Evaluated("2", 90, vague: ["等對方回覆", "TBD"]),
            Evaluated("3", 90, vague: ["等對方回覆", "再議"]));

        Assert.Equal(
            [new VaguePhraseSummary("等對方回覆", VagueCategory.StatusOnly, 3), new VaguePhraseSummary("tbd", VagueCategory.StatusOnly, 2),
                new VaguePhraseSummary("再議", VagueCategory.StatusOnly, 1)],
            report.VaguePhrases);
    }

    [Fact]
    public void Build_VaguePhrases_CountOnlyThePhrasesTheEvaluationCoached()
    {
        var report = Report(
            Evaluated("1", 90, vague: ["跟进中"], uncoached: ["可能", "可能"]),
            Evaluated("2", 90, vague: ["可能"]));

        Assert.Equal(
            [new VaguePhraseSummary("可能", VagueCategory.StatusOnly, 1), new VaguePhraseSummary("跟进中", VagueCategory.StatusOnly, 1)],
            report.VaguePhrases);
    }

    [Fact]
    public void Build_VaguePhrases_LeaveOutAHedgeInARiskDescriptionThatTheRulesDoNotCoach()
    {
        // 可能 in the description says what may happen (not coached); 可能 in the summary is a guess (coached).
        const string record = """
        {"id": "P01", "scenario": "Project", "recordedAt": "2026-11-25T18:00:00+08:00", "owner": "刘洋",
         "customer": {"name": "董立", "company": "青岛海润水务集团"},
         "communications": [{"at": "2026-11-25T15:00:00+08:00", "channel": "Visit", "contact": "董立", "summary": "董科长说预算可能下调", "feedback": "Pending"}],
         "progress": {"stage": "Negotiation", "nextAction": "11 月 30 日前发修订报价", "nextActionDue": "2026-11-30T18:00:00+08:00", "nextActionOwner": "刘洋"},
         "risks": [{"kind": "Other", "description": "春节前后财政支付节奏放缓，首付款可能推迟", "countermeasure": "12 月 5 日前与财务科确认付款计划"}]}
        """;
        var parsed = FollowUpJson.DeserializeRecord(record.ReplaceLineEndings(" "))!;
        var evaluation = TestClock.Evaluator().Evaluate(parsed);
        Assert.Equal(2, evaluation.Vague.Count(v => v.Text == "可能"));
        var builder = new TeamReportBuilder();

        builder.Add(parsed, evaluation);

        Assert.Equal([new VaguePhraseSummary("可能", VagueCategory.Hedge, 1)], builder.Build().VaguePhrases);
    }

    [Fact]
    public void Build_VaguePhrases_CountAPhraseWithNoContentThatARequiredFieldIsChargedFor()
    {
        // 同上 as the whole of three required texts: each is reported missing (no NoContent finding) and charged on its field,
        // the next action under actionability (NoNextAction).
        var parsed = FollowUpJson.DeserializeRecord("""
            {"id": "X1", "scenario": "ToB", "owner": "刘洋", "needs": {"summary": "同上"},
             "communications": [{"at": "2026-11-25T15:00:00+08:00", "channel": "Visit", "summary": "同上", "feedback": "Pending"}],
             "progress": {"stage": "Negotiation", "nextAction": "同上"}}
            """.ReplaceLineEndings(" "))!;
        var evaluation = TestClock.Evaluator().Evaluate(parsed);
        Assert.DoesNotContain(evaluation.Findings, f => f.Code == FindingCodes.NoContent);
        var builder = new TeamReportBuilder();

        builder.Add(parsed, evaluation);

        Assert.Contains(evaluation.Deductions, d => d.Code == DeductionCodes.NoNextAction);
        Assert.Contains(new VaguePhraseSummary("同上", VagueCategory.NoContent, 3), builder.Build().VaguePhrases);
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
    public void Build_RiskNotAssessableWithASignalAtLow_KeepsItsLowLevel()
    {
        var report = Report(Evaluated("1", 30, riskScore: 20, signals: [RiskSignalCodes.NoOwner], findings: [FindingCodes.RiskNotAssessable]));

        Assert.Equal(0, report.RiskNotAssessable);
        Assert.Equal(1, report.RiskLevels[RiskLevel.Low]);
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
    public void Build_EveryStageKnown_ListsEveryStageEvenAtZeroAndNoUnknownRow()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(stage: DealStage.Signed), r => Evaluated("1", 90, of: r));

        var stages = builder.Build().Stages;

        Assert.Equal(Enum.GetValues<DealStage>().Cast<DealStage?>(), stages.Select(s => s.Stage));
        Assert.Equal(1, stages.Sum(s => s.Count));
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
    public void Build_DealsAtRisk_RankOverdueThenNoOwnerThenStaleThenUnansweredThenMoreReasonsLongerLateAndHigherRisk()
    {
        var builder = new TeamReportBuilder();
        void Add(string id, string? owner = "李明", TimeSpan? overdue = null, TimeSpan? stale = null, string[]? unanswered = null, double riskScore = 30) =>
            builder.Add(Record(owner: owner, stage: DealStage.ProposalSent), r => Evaluated(id, 95, riskScore: riskScore, overdue: overdue, stale: stale, unanswered: unanswered, of: r));

        Add("unanswered-low", unanswered: [RiskSignalCodes.Competitor], riskScore: 30);
        Add("unanswered-high", unanswered: [RiskSignalCodes.Competitor], riskScore: 60);
        Add("stale-5d", stale: TimeSpan.FromDays(5));
        Add("stale-19d", stale: TimeSpan.FromDays(19));
        Add("no-owner", owner: null);
        Add("overdue-1d", overdue: TimeSpan.FromDays(1));
        Add("overdue-4d", overdue: TimeSpan.FromDays(4));
        Add("overdue-1d-no-owner", owner: null, overdue: TimeSpan.FromDays(1));
        Add("unanswered-tie-first", unanswered: [RiskSignalCodes.PriceObjection]);
        Add("unanswered-tie-second", unanswered: [RiskSignalCodes.PriceObjection]);
        Add("fine");

        var report = builder.Build();

        Assert.Equal(
            ["overdue-1d-no-owner", "overdue-4d", "overdue-1d", "no-owner", "stale-19d", "stale-5d", "unanswered-high", "unanswered-low", "unanswered-tie-first", "unanswered-tie-second"],
            report.DealsAtRisk.Select(d => d.Id));
        Assert.Equal(10, report.DealsAtRiskCount);
        Assert.Equal([DealRiskReason.NextActionOverdue, DealRiskReason.NoOwner], report.DealsAtRisk[0].Reasons);
    }

    [Fact]
    public void Build_DealsAtRisk_CountAllButListTheTenMostUrgent()
    {
        var evaluations = Enumerable.Range(1, 12).Select(i => Evaluated($"D{i}", 95, overdue: TimeSpan.FromHours(i)));

        var report = Report([.. evaluations]);

        Assert.Equal(12, report.DealsAtRiskCount);
        Assert.Equal(Enumerable.Range(3, 10).Reverse().Select(i => $"D{i}"), report.DealsAtRisk.Select(d => d.Id));
    }

    [Fact]
    public void Build_ListLimit_ListsThatManyDealsAndRecordsToRewrite()
    {
        var builder = new TeamReportBuilder(listLimit: 15);
        foreach (var i in Enumerable.Range(1, 20))
        {
            builder.Add(Record(), r => Evaluated($"D{i}", 50 + i, overdue: TimeSpan.FromHours(i), of: r));
        }

        var report = builder.Build();

        Assert.Equal(20, report.DealsAtRiskCount);
        Assert.Equal(Enumerable.Range(6, 15).Reverse().Select(i => $"D{i}"), report.DealsAtRisk.Select(d => d.Id));
        Assert.Equal(Enumerable.Range(1, 15).Select(i => $"D{i}"), report.NeedsAttention.Select(a => a.Id));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TeamReportBuilder(0));
    }

    [Theory]
    [InlineData(12, true)]
    [InlineData(10, false)]
    public void Write_DealsAtRiskCutShort_SaysHowManyTheTableLists(int deals, bool cutShort)
    {
        var report = Report([.. Enumerable.Range(1, deals).Select(i => Evaluated($"D{i}", 95, overdue: TimeSpan.FromHours(i)))]);

        foreach (var (culture, note) in new[] { ("zh-CN", "下表只列出其中最紧急的 10 笔。"), ("en", "The table lists the 10 most urgent.") })
        {
            foreach (var format in new[] { TeamReportFormat.Text, TeamReportFormat.Markdown, TeamReportFormat.Html })
            {
                Assert.Equal(cutShort, report.ToString(format, CultureInfo.GetCultureInfo(culture)).Contains(note, StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public void Build_DealsAtRisk_LeaveOutLostDeals()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(stage: DealStage.Lost), r => Evaluated("lost", 95, overdue: TimeSpan.FromDays(2), stale: TimeSpan.FromDays(9), unanswered: [RiskSignalCodes.Competitor], of: r));

        var report = builder.Build();

        Assert.Empty(report.DealsAtRisk);
        Assert.Equal(0, report.DealsAtRiskCount);
    }

    [Fact]
    public void Build_DealsAtRisk_LeaveOutSignedDealsThatAreOnlySilentOrUnowned()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(stage: DealStage.Signed), r => Evaluated("finished", 95, stale: TimeSpan.FromDays(30), of: r));

        Assert.Equal(0, builder.Build().DealsAtRiskCount);
    }

    [Fact]
    public void Build_DealsAtRisk_KeepSignedDealsForTheirDeliveryAndAfterSales()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "李明", stage: DealStage.Signed), r => Evaluated("signed", 95, overdue: TimeSpan.FromDays(2), unanswered: [RiskSignalCodes.NegativeFeedback], of: r));

        var deal = Assert.Single(builder.Build().DealsAtRisk);

        Assert.Equal(("signed", DealStage.Signed), (deal.Id, deal.Stage));
        Assert.Equal([DealRiskReason.NextActionOverdue, DealRiskReason.UnansweredSignal], deal.Reasons);
    }

    [Fact]
    public void Build_DealAtRisk_CarriesItsDetailsAndDoesNotRepeatStaleAmongUnansweredSignals()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "赵敏", stage: DealStage.AwaitingFeedback, company: "宏图"), r => Evaluated("1", 90, risk: RiskLevel.High, riskScore: 55,
            overdue: TimeSpan.FromHours(30), stale: TimeSpan.FromDays(6), unanswered: [RiskSignalCodes.Stale, RiskSignalCodes.Competitor], of: r));
        builder.Add(Record(owner: "趙敏"), r => Evaluated("2", 100, of: r));
        builder.Add(Record(owner: "趙敏"), r => Evaluated("3", 100, of: r));

        var deal = Assert.Single(builder.Build().DealsAtRisk);

        Assert.Equal(
            new DealAtRisk("1", "宏图", "趙敏", DealStage.AwaitingFeedback, Grade.A, 90, RiskLevel.High, 55, deal.Reasons, TimeSpan.FromHours(30), TimeSpan.FromDays(6), deal.UnansweredSignals),
            deal);
        Assert.Equal([DealRiskReason.NextActionOverdue, DealRiskReason.Stale, DealRiskReason.UnansweredSignal], deal.Reasons);
        Assert.Equal([RiskSignalCodes.Competitor], deal.UnansweredSignals);
    }

    [Fact]
    public void Build_DealAtRisk_GivesTheTimeSinceTheLatestContactWhetherStaleOrNot()
    {
        // Three deals overdue and not stale (ToB allows 7 days): contacted 141 hours ago, last contact without a readable
        // time (unknown), and never contacted since the record was written a day ago (counted from the record, as Stale is).
        const string records = """
        {"id": "contacted", "scenario": "ToB", "owner": "刘洋", "communications": [{"at": "2026-11-18T12:00:00+08:00", "summary": "报价"}, {"at": "2026-11-20T15:00:00", "summary": "复盘"}], "progress": {"stage": "Negotiation", "nextAction": "发合同", "nextActionDue": "2026-11-25T18:00:00+08:00"}}
        {"id": "unknown", "scenario": "ToB", "owner": "刘洋", "communications": [{"at": "上周", "summary": "报价"}], "progress": {"stage": "Negotiation", "nextAction": "发合同", "nextActionDue": "2026-11-25T18:00:00+08:00"}}
        {"id": "never", "scenario": "ToB", "owner": "刘洋", "recordedAt": "2026-11-25T12:00:00+08:00", "progress": {"stage": "Initial", "nextAction": "首次电话", "nextActionDue": "2026-11-25T18:00:00+08:00"}}
        """;
        var evaluator = TestClock.Evaluator();
        var builder = new TeamReportBuilder();
        foreach (var line in records.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var record = FollowUpJson.DeserializeRecord(line)!;
            builder.Add(record, evaluator.Evaluate(record));
        }

        var deals = builder.Build().DealsAtRisk.ToDictionary(d => d.Id!);

        Assert.Equal(3, deals.Count);
        Assert.All(deals.Values, d => Assert.Equal(DealRiskReason.NextActionOverdue, d.Reasons[0]));
        Assert.All(deals.Values, d => Assert.DoesNotContain(DealRiskReason.Stale, d.Reasons));
        Assert.Equal(TimeSpan.FromHours(141), deals["contacted"].SinceContact);
        Assert.Null(deals["unknown"].SinceContact);
        Assert.Equal(TimeSpan.FromDays(1), deals["never"].SinceContact);
    }

    [Fact]
    public void Build_DealsAtRisk_FindTheDirectorsFourDealsThatTheRecordQualityListMissed()
    {
        // R21 (next action 3.7 days overdue), R34 (nobody owns it), R22 (A-level customer not contacted for 19 days) and R06
        // (a competitor's POC and a hesitating decision maker, no risk entry): well-written records, graded A, that no list
        // ranked by record quality shows first. R01 answers its competitor with a countermeasure: not at risk.
        const string records = """
        {"id": "R21", "scenario": "ToB", "recordedAt": "2026-11-18T18:00:00+08:00", "owner": "刘洋", "customer": {"name": "董立", "company": "青岛海润水务集团", "industry": "水务", "companySize": "1000人以上", "contactTitle": "信息科科长", "decisionRole": "Influencer", "source": "政府采购网", "level": "B", "phone": "13500021021"}, "needs": {"summary": "智慧水务管网漏损监测平台，覆盖 80 公里主干管网", "quantity": "压力监测点 120 个", "budget": "260万", "painPoints": ["管网漏损率 18%"], "concerns": ["数据安全"]}, "communications": [{"at": "2026-11-18T15:00:00+08:00", "channel": "Visit", "contact": "董立", "contactTitle": "信息科科长", "contactRole": "Influencer", "summary": "拜访董科长，确认 120 个监测点，董科长要求 11 月 22 日前提供同类案例", "feedback": "Pending"}], "progress": {"stage": "NeedsConfirmed", "stageSince": "2026-11-18T00:00:00+08:00", "nextAction": "11 月 22 日前把 2 个水务漏损监测案例发给董科长", "nextActionDue": "2026-11-22T18:00:00+08:00", "nextActionOwner": "刘洋"}}
        {"id": "R34", "scenario": "ToB", "recordedAt": "2026-11-25T18:00:00+08:00", "customer": {"name": "丁宁", "company": "贵阳黔山大数据公司", "industry": "大数据", "companySize": "100-200人", "contactTitle": "技术总监", "decisionRole": "DecisionMaker", "source": "线上咨询", "level": "B", "phone": "13800034034"}, "needs": {"summary": "采购 GPU 服务器 4 台用于模型训练", "quantity": "4 台", "budget": "160万", "painPoints": ["训练任务排队 3 天"], "concerns": ["交期"]}, "communications": [{"at": "2026-11-25T11:00:00+08:00", "channel": "Phone", "contact": "丁宁", "contactTitle": "技术总监", "contactRole": "DecisionMaker", "summary": "丁总确认 4 台 8 卡服务器，要求 12 月 5 日前报价", "feedback": "Satisfied"}], "progress": {"stage": "NeedsConfirmed", "stageSince": "2026-11-25T00:00:00+08:00", "nextAction": "12 月 5 日前给丁总发报价", "nextActionDue": "2026-12-05T18:00:00+08:00"}}
        {"id": "R22", "scenario": "ToB", "recordedAt": "2026-11-06T18:00:00+08:00", "owner": "孙浩", "customer": {"name": "冯磊", "company": "厦门鹭岛连锁药房", "industry": "医药零售", "companySize": "1000人以上", "contactTitle": "运营总监", "decisionRole": "DecisionMaker", "source": "行业峰会", "level": "A", "phone": "13300022022"}, "needs": {"summary": "门店会员小程序+积分系统，覆盖 260 家门店", "quantity": "260 家门店", "budget": "90万", "painPoints": ["会员复购率只有 22%"], "concerns": ["与现有 POS 对接"]}, "communications": [{"at": "2026-11-06T14:00:00+08:00", "channel": "Meeting", "contact": "冯磊", "contactTitle": "运营总监", "contactRole": "DecisionMaker", "summary": "向冯总讲解会员方案，冯总要求 11 月 20 日前内部评审后给答复", "feedback": "Pending"}], "progress": {"stage": "ProposalSent", "stageSince": "2026-11-06T00:00:00+08:00", "nextAction": "12 月 1 日电话询问冯总内部评审结果", "nextActionDue": "2026-12-01T18:00:00+08:00", "nextActionOwner": "孙浩"}, "attachments": [{"kind": "Proposal", "name": "鹭岛会员方案.pdf", "uri": "https://crm.example.com/files/鹭岛会员方案.pdf"}]}
        {"id": "R06", "scenario": "ToB", "recordedAt": "2026-11-25T19:00:00+08:00", "owner": "刘洋", "customer": {"name": "马俊", "company": "合肥蓝湾新能源科技有限公司", "industry": "新能源电池", "companySize": "500-1000人", "contactTitle": "设备部经理", "decisionRole": "Influencer", "source": "行业展会", "level": "A", "phone": "13300006006", "email": "majun@lanwan.cn"}, "needs": {"summary": "采购电池产线设备预测性维护系统，覆盖 3 条产线 120 台关键设备", "quantity": "120 个设备监测点", "budget": "150万", "painPoints": ["非计划停机每月 6 次，每次损失约 20 万"], "concerns": ["误报率", "实施周期"]}, "communications": [{"at": "2026-11-18T14:00:00+08:00", "channel": "Visit", "contact": "马俊", "contactTitle": "设备部经理", "contactRole": "Influencer", "summary": "现场调研 3 条产线，确认 120 个监测点位", "feedback": "Satisfied"}, {"at": "2026-11-25T15:30:00+08:00", "channel": "Meeting", "contact": "王建", "contactTitle": "生产副总", "contactRole": "DecisionMaker", "summary": "向王总讲解方案，王总说友商西门子也在做 POC，他们还在犹豫要不要先只上一条线试点", "feedback": "Pending", "objections": "担心误报率"}], "progress": {"stage": "ProposalSent", "stageSince": "2026-11-25T00:00:00+08:00", "nextAction": "12 月 1 日前提交一条线试点报价和 3 条线整体报价两版方案，约王总 12 月 3 日复盘", "nextActionDue": "2026-12-01T18:00:00+08:00", "nextActionOwner": "刘洋"}, "attachments": [{"kind": "Proposal", "name": "蓝湾预测性维护方案.pdf", "uri": "https://crm.example.com/files/蓝湾预测性维护方案.pdf"}]}
        {"id": "R01", "scenario": "ToB", "recordedAt": "2026-11-25T18:40:00+08:00", "owner": "陈晓东", "customer": {"name": "周立群", "company": "苏州启衡精密机械有限公司", "industry": "精密零部件制造", "companySize": "300-500人", "contactTitle": "采购经理", "decisionRole": "Influencer", "source": "2026 工博会展位", "level": "A", "phone": "13800001001", "email": "zhou@qiheng.cn"}, "needs": {"summary": "替换现有进销存系统，上线 WMS 管理 3 个仓库共 1.2 万个 SKU", "quantity": "WMS 60 用户 + 手持终端 40 台", "budget": "80万（含实施和一年运维）", "painPoints": ["三仓账实不符，月度盘点差异率 3%", "拣货依赖纸质单据，日均错发 5 单"], "concerns": ["上线周期不超过 3 个月", "与金蝶 K3 接口稳定性"]}, "communications": [{"at": "2026-11-12T14:30:00+08:00", "channel": "Visit", "contact": "周立群", "contactTitle": "采购经理", "contactRole": "Influencer", "summary": "上门拜访 2 小时，现场看了原料仓和成品仓，确认三仓 1.2 万 SKU 和 40 台手持终端需求", "feedback": "Satisfied"}, {"at": "2026-11-25T15:00:00+08:00", "channel": "Meeting", "contact": "沈建国", "contactTitle": "副总经理", "contactRole": "DecisionMaker", "summary": "向沈总汇报方案 V2，沈总确认预算 80 万；沈总提到友商已报价 72 万，要求 12 月 2 日前给出分期付款报价", "feedback": "Pending", "objections": "总价比友商高 11%，希望分期付款"}], "progress": {"stage": "ProposalSent", "stageSince": "2026-11-25T00:00:00+08:00", "nextAction": "12 月 2 日前提交分期付款报价单（首付 40%），并约沈总 12 月 4 日来我司看 WMS 现场演示", "nextActionDue": "2026-12-02T18:00:00+08:00", "nextActionOwner": "陈晓东"}, "attachments": [{"kind": "Proposal", "name": "启衡WMS方案V2.pdf", "uri": "https://crm.example.com/files/启衡WMS方案V2.pdf"}], "risks": [{"kind": "Competitor", "description": "友商已报价 72 万，比我方低 11%", "countermeasure": "12 月 2 日提交分期付款方案，突出 K3 标准接口和 3 个月上线承诺，附 2 个同行业案例"}]}
        """;
        var evaluator = TestClock.Evaluator();
        var builder = new TeamReportBuilder();
        foreach (var line in records.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var record = FollowUpJson.DeserializeRecord(line)!;
            builder.Add(record, evaluator.Evaluate(record));
        }

        var report = builder.Build();

        Assert.Equal(["R21", "R34", "R22", "R06"], report.DealsAtRisk.Select(d => d.Id));
        Assert.Equal(
            [[DealRiskReason.NextActionOverdue], [DealRiskReason.NoOwner], [DealRiskReason.Stale], [DealRiskReason.UnansweredSignal]],
            report.DealsAtRisk.Select(d => d.Reasons.ToArray()));
        Assert.Equal([RiskSignalCodes.Competitor, RiskSignalCodes.Hesitation], report.DealsAtRisk[3].UnansweredSignals);
        Assert.Null(report.DealsAtRisk[1].Owner);
        Assert.Equal(TimeSpan.FromDays(3.75), report.DealsAtRisk[0].Overdue);
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

    [Fact]
    public void Build_Owners_CountEachOwnersGradesPointsLostPerErrorAndDealsAtRisk()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "孙丽", stage: DealStage.Initial), r => Evaluated(
            "1", 88, of: r, overdue: TimeSpan.FromDays(19), deductions: [Deduction(DeductionGroup.MissingInfo, 4), Deduction(DeductionGroup.RiskIgnored, 2.5)]));
        builder.Add(Record(owner: "孙丽", stage: DealStage.NeedsConfirmed), r => Evaluated(
            "2", 86, of: r, stale: TimeSpan.FromDays(17), deductions: [Deduction(DeductionGroup.MissingInfo, 1.25)]));
        builder.Add(Record(owner: "孙丽", stage: DealStage.ProposalSent), r => Evaluated("3", 40, of: r));
        builder.Add(Record(owner: "周杰", stage: DealStage.ProposalSent), r => Evaluated("4", 99, of: r, deductions: [Deduction(DeductionGroup.VagueDescription, 1)]));

        var report = builder.Build();

        var sunLi = report.Owners.Single(o => o.Owner == "孙丽");
        Assert.Equal(new long[] { 2, 0, 0, 1 }, Enum.GetValues<Grade>().Select(g => sunLi.Grades[g]));
        Assert.Equal(Enum.GetValues<DeductionGroup>(), sunLi.DeductionGroups.Select(g => g.Group));
        Assert.Equal(new[] { 5.25, 0, 0, 0, 2.5 }, sunLi.DeductionGroups.Select(g => g.Points));
        Assert.Equal(new long[] { 2, 0, 0, 0, 1 }, sunLi.DeductionGroups.Select(g => g.Count));
        Assert.Equal(2, sunLi.DealsAtRisk);
        Assert.Equal(1, sunLi.DealsOverdue);
        var zhouJie = report.Owners.Single(o => o.Owner == "周杰");
        Assert.Equal(0, zhouJie.DealsAtRisk);
        Assert.Equal(0, zhouJie.DealsOverdue);
        Assert.Equal(1, zhouJie.DeductionGroups.Single(g => g.Group == DeductionGroup.VagueDescription).Points);
        Assert.Equal(report.DealsAtRiskCount, report.Owners.Sum(o => o.DealsAtRisk));
        Assert.Equal(report.RecordCount, report.Owners.Sum(o => o.Grades.Values.Sum()));
    }

    [Fact]
    public void Build_OwnersOfTheSamples_AddUpToTheTeamsGroupsAndGrades()
    {
        var report = SampleReport();

        foreach (var group in report.DeductionGroups)
        {
            var owners = report.Owners.Select(o => o.DeductionGroups.Single(g => g.Group == group.Group)).ToList();
            Assert.Equal(group.Count, owners.Sum(g => g.Count));
            Assert.Equal(group.Points, owners.Sum(g => g.Points), 6);
        }

        Assert.All(Enum.GetValues<Grade>(), grade => Assert.Equal(report.Grades[grade], report.Owners.Sum(o => o.Grades[grade])));
        Assert.Equal(report.DealsAtRiskCount, report.Owners.Sum(o => o.DealsAtRisk));
    }

    [Fact]
    public void Build_StemPhraseWrittenWhole_IsListedAsWritten()
    {
        var evaluator = TestClock.Evaluator();
        var record = Record(owner: "张伟") with { Communications = [new Communication { Summary = "拜访了客户，聊得不错，下周再说" }] };
        var builder = new TeamReportBuilder();
        builder.Add(record, evaluator.Evaluate(record));

        Assert.Contains("下周再说", builder.Build().VaguePhrases.Select(p => p.Phrase));
    }

    /// <summary>An owner's name, record count and average, without the tallies a hand-made summary does not have.</summary>
    private static OwnerSummary Positional(OwnerSummary owner) => new(owner.Owner, owner.RecordCount, owner.AverageScore);
}
