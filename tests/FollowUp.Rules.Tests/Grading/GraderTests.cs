using System.Reflection;
using System.Text.Json.Nodes;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests.Grading;

/// <summary>Worked examples of the quality grade (SPEC §7): one smallest flaw per deduction code, and how the points add up.</summary>
public class GraderTests
{
    private const string Competitor = "沈总确认预算 80 万，友商已报价 72 万";

    private const string CompetitorAndPrice = "友商已报价 72 万，客户嫌贵";

    private static readonly FollowUpEvaluator Evaluator = TestClock.Evaluator();

    private static readonly Dictionary<string, Example> Examples = new()
    {
        [DeductionCodes.FieldMissing] = new(
            SampleRecords.CompleteToB().WithCustomer(c => c with { Industry = null }), "customer.industry", DeductionGroup.MissingInfo, "缺少行业"),
        [$"{DeductionCodes.FieldMissing}/owner"] = new(
            SampleRecords.CompleteToB().WithProgress(p => p with { NextActionOwner = null }) with { Owner = null },
            "progress.nextActionOwner", DeductionGroup.UnclearOwnership, "缺少责任人"),
        [DeductionCodes.FieldAcknowledged] = new(
            SampleRecords.CompleteToB().WithCustomer(c => c with { Level = "待补充" }), "customer.level", DeductionGroup.MissingInfo, "客户等级暂未明确（“待补充”）"),
        [DeductionCodes.InvalidDate] = new(
            WithCommunication(SampleRecords.CompleteToB(), 0, c => c with { At = Timestamp.Parse("上周三") }),
            "communications[0].at", DeductionGroup.MissingInfo, "沟通时间“上周三”不是可识别的日期时间"),
        [DeductionCodes.InvalidValue] = new(
            SampleRecords.CompleteToB().WithNeeds(n => n with { Summary = null }) with
            {
                InvalidValues = [new InvalidValue("needs.summary", System.Text.Json.JsonValueKind.String, System.Text.Json.JsonValueKind.Array, "[\"ERP\",\"WMS\"]")],
            },
            "needs.summary", DeductionGroup.MissingInfo, "的值形状不对"),
        [DeductionCodes.ChangeHistoryMissing] = new(
            SampleRecords.CompleteToB().WithNeeds(n => n with { Summary = n.Summary + "，手持终端数量从 40 台增至 60 台" }),
            "needs.changes", DeductionGroup.MissingInfo, "没有需求变更记录"),
        [DeductionCodes.NextActionDueInPast] = new(
            SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = TestClock.DaysFromNow(-1) }),
            "progress.nextActionDue", DeductionGroup.UnclearOwnership, "截止时间（2026-11-25"),
        [DeductionCodes.AttachmentMissing] = new(
            SampleRecords.CompleteToB() with { Attachments = null }, "attachments", DeductionGroup.MissingAttachments, "当前阶段为方案已发，应关联方案或报价单"),
        [$"{DeductionCodes.AttachmentMissing}/any"] = new(
            SampleRecords.CompleteProject().WithProgress(p => p with { Stage = DealStage.NeedsConfirmed }) with { Attachments = null },
            "attachments", DeductionGroup.MissingAttachments, "项目型跟进每个阶段都应关联附件"),
        [DeductionCodes.CountermeasureMissing] = new(
            SampleRecords.CompleteToB() with { Risks = [new RiskNote { Kind = "机房改造", Description = "客户机房 12 月 10 日才能完成改造" }] },
            "risks[0].countermeasure", DeductionGroup.RiskIgnored, "风险“机房改造”没有应对建议"),
        [DeductionCodes.RiskPointsMissing] = new(
            SampleRecords.CompleteProject() with { Risks = null }, "risks", DeductionGroup.RiskIgnored, "项目型跟进应记录风险点"),
        [DeductionCodes.RiskUnaddressed] = new(
            WithSummary(SampleRecords.CompleteToB(), 1, Competitor),
            "risks", DeductionGroup.RiskIgnored, "没有回应检测到的风险信号：竞争对手介入"),
        [$"{DeductionCodes.RiskUnaddressed}/signal"] = new(
            WithSummary(SampleRecords.CompleteToB(), 1, Competitor),
            "communications[1].summary", DeductionGroup.RiskIgnored, "检测到风险信号“竞争对手介入”（友商"),
        [DeductionCodes.RiskNotAssessable] = new(
            SampleRecords.CompleteToB().WithNeeds(n => n with { PainPoints = null, Concerns = null }),
            "risks", DeductionGroup.MissingInfo, "关键内容缺失或没有实际内容（痛点或关注点）"),
        [DeductionCodes.TextMissing] = new(
            SampleRecords.CompleteToB().WithNeeds(n => n with { Summary = null }), "needs.summary", DeductionGroup.MissingInfo, "需求描述是空的"),
        [DeductionCodes.VagueText] = new(
            SampleRecords.CompleteToB().WithNeeds(n => n with { Summary = "客户有意向" }), "needs.summary", DeductionGroup.VagueDescription, "意向”无法衡量"),
        [DeductionCodes.NoContent] = new(
            WithSummary(SampleRecords.CompleteToB(), 0, "哈哈哈"), "communications[0].summary", DeductionGroup.VagueDescription, "“哈哈哈”没有业务内容"),
        [DeductionCodes.NoNextAction] = new(
            SampleRecords.CompleteToB().WithProgress(p => p with { NextAction = null }), "progress.nextAction", DeductionGroup.UnclearOwnership, "没有下一步行动"),
        [DeductionCodes.VagueNextAction] = new(
            SampleRecords.CompleteToB().WithProgress(p => p with { NextAction = "尽快跟进" }),
            "progress.nextAction", DeductionGroup.VagueDescription, "下一步行动“尽快跟进”不够具体"),
        [DeductionCodes.NoDueDate] = new(
            SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = default }),
            "progress.nextActionDue", DeductionGroup.UnclearOwnership, "下一步没有截止时间"),
        [DeductionCodes.NextActionOverdue] = new(
            SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = TestClock.Now.AddHours(-2) }),
            "progress.nextActionDue", DeductionGroup.UnclearOwnership, "下一步已逾期（截止 2026-11-26 10:00）"),
        [DeductionCodes.NoOwner] = new(
            SampleRecords.CompleteToB().WithProgress(p => p with { NextActionOwner = null }) with { Owner = null },
            "progress.nextActionOwner", DeductionGroup.UnclearOwnership, "没有责任人"),
        [DeductionCodes.OwnerNotConfirmed] = new(
            SampleRecords.CompleteToB().WithProgress(p => p with { NextActionOwner = "待确认" }) with { Owner = null },
            "progress.nextActionOwner", DeductionGroup.UnclearOwnership, "责任人暂未明确（“待确认”）"),
        [DeductionCodes.RecordTimeMissing] = new(
            SampleRecords.CompleteToB() with { RecordedAt = default }, "recordedAt", DeductionGroup.MissingInfo, "没有可识别的记录时间"),
        [DeductionCodes.ContactTimeMissing] = new(
            SampleRecords.CompleteToB().WithCommunications(c => c with { At = default }),
            "communications[0].at", DeductionGroup.MissingInfo, "沟通记录都没有可识别的时间"),
        [DeductionCodes.LateRecord] = new(
            SampleRecords.CompleteToB().WithCommunications(c => c with { At = new DateTimeOffset(2026, 11, 24, 15, 0, 0, TestClock.ChinaOffset) })
                with { RecordedAt = new DateTimeOffset(2026, 11, 26, 11, 0, 0, TestClock.ChinaOffset) },
            "recordedAt", DeductionGroup.MissingInfo, "记录不及时：最近一次沟通在 2026-11-24 15:00，记录在 2026-11-26 11:00，晚了 1.8 天"),
    };

    public static TheoryData<string> ExampleNames => new(Examples.Keys);

    [Fact]
    public void LateRecord_TimesGivenInUtc_AreShownInTheRulesZone()
    {
        // 02:00Z was shown as 02:00, which a reader in UTC+08:00 takes for 02:00 there; it is 10:00.
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { At = Timestamp.Parse("2026-11-24T02:00:00Z") })
            with { RecordedAt = Timestamp.Parse("2026-11-26T02:00:00Z") };

        var deduction = Assert.Single(TestClock.Evaluator().Evaluate(record).Deductions, d => d.Code == DeductionCodes.LateRecord);

        Assert.StartsWith("记录不及时：最近一次沟通在 2026-11-24 10:00，记录在 2026-11-26 10:00，晚了 2 天。", deduction.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("11/25/2026 15:00", "无法判断是否及时记录：沟通时间“11/25/2026 15:00”无法识别，这次沟通可能是最近一次；按可识别的最近一次沟通算，记录晚了 6.3 天。")]
    [InlineData(null, "无法判断是否及时记录：有一次沟通没有填写时间，它可能是最近一次；按可识别的最近一次沟通算，记录晚了 6.3 天。")]
    [InlineData("待补充", "无法判断是否及时记录：有一次沟通没有填写时间，它可能是最近一次；按可识别的最近一次沟通算，记录晚了 6.3 天。")]
    [InlineData("-", "无法判断是否及时记录：有一次沟通没有填写时间，它可能是最近一次；按可识别的最近一次沟通算，记录晚了 6.3 天。")]
    public void Timeliness_AnEntryWithoutAReadableTime_MakesALateRecordUnknown(string? time, string message)
    {
        // 11-19 10:00, then an entry whose time cannot be read, recorded 11-25 19:30: measured from 11-19 it read "晚了 6.3 天"
        // for a customer who may have been called the same day.
        var record = SampleRecords.CompleteToB() with
        {
            Communications = [.. SampleRecords.CompleteToB().Communications!.Select((c, i) => i == 1 ? c with { At = Timestamp.Parse(time) } : c)],
        };

        var evaluation = TestClock.Evaluator().Evaluate(record);

        Assert.DoesNotContain(evaluation.Deductions, d => d.Code == DeductionCodes.LateRecord);
        var charge = Assert.Single(evaluation.Deductions, d => d.Code == DeductionCodes.ContactTimeMissing);
        Assert.Equal(("communications[1].at", 5.0), (charge.Field, charge.Points));
        Assert.StartsWith(message, charge.Message, StringComparison.Ordinal);
        // The entry's time has its own finding (InvalidDate, FieldMissing, FieldAcknowledged), which stands for this one, as for
        // ContactTimeMissing.
        Assert.Contains(evaluation.Findings, f => f.Field == charge.Field && f.Code is FindingCodes.InvalidDate or FindingCodes.FieldMissing or FindingCodes.FieldAcknowledged);
        Assert.DoesNotContain(evaluation.Findings, f => f.Code == FindingCodes.ContactTimeMissing);
    }

    [Fact]
    public void Timeliness_AnEntryWithoutAReadableTimeThatIsNotRequired_IsAFindingInTheWordsOfItsCharge()
    {
        var record = SampleRecords.CompleteToB() with
        {
            Communications = [.. SampleRecords.CompleteToB().Communications!.Select((c, i) => i == 1 ? c with { At = default } : c)],
        };

        var evaluation = TestClock.Evaluator(o => o.Profiles["ToB"] = new Rules.Profiles.ProfileOptions { IgnoredFields = { "communications[].at" } })
            .Evaluate(record);

        var charge = Assert.Single(evaluation.Deductions, d => d.Code == DeductionCodes.ContactTimeMissing);
        var finding = Assert.Single(evaluation.Findings, f => f.Code == FindingCodes.ContactTimeMissing);
        Assert.Equal((charge.Field, charge.Message), (finding.Field, finding.Message));
    }

    [Fact]
    public void Timeliness_AnEntryWithoutAReadableTime_ChangesNothingWhenTheRecordIsOnTimeAnyway()
    {
        var record = SampleRecords.CompleteToB() with
        {
            Communications = [.. SampleRecords.CompleteToB().Communications!.Select((c, i) => i == 0 ? c with { At = Timestamp.Parse("上周") } : c)],
        };

        var evaluation = TestClock.Evaluator().Evaluate(record);

        Assert.DoesNotContain(evaluation.Deductions, d => d.Component == GradeComponent.Timeliness);
    }

    [Fact]
    public void Examples_CoverEveryDeductionCode()
    {
        var codes = typeof(DeductionCodes).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!);

        Assert.Empty(codes.Except(Examples.Keys.Select(CodeOf)));
    }

    [Theory]
    [MemberData(nameof(ExampleNames))]
    public void Evaluate_SmallestFlaw_DeductsItsCodeOnItsFieldInItsGroup(string name)
    {
        var example = Examples[name];

        var evaluation = Evaluator.Evaluate(example.Record);

        var deductions = evaluation.Deductions.Where(d => d.Code == CodeOf(name) && d.Field == example.Field).ToList();
        Assert.NotEmpty(deductions);
        Assert.All(deductions, d => Assert.Equal(example.Group, d.Group));
        Assert.All(deductions, d => Assert.True(d.Points > 0, $"{d.Points}"));
        Assert.All(deductions, d => Assert.Contains(example.Fragment, d.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("联系客户")]
    [InlineData("张经理电话")]
    public void Evaluate_FilledSummaryWithoutFactsOrVaguePhrase_LosesCompletenessAsVagueTextNotAsMissing(string summary)
    {
        var evaluation = Evaluator.Evaluate(WithSummary(SampleRecords.CompleteToB(), 0, summary));

        var onSummary = evaluation.Deductions.Where(d => d.Field == "communications[0].summary").ToList();
        Assert.Contains(onSummary, d => d.Component == GradeComponent.Completeness);
        Assert.All(onSummary, d => Assert.Equal(DeductionCodes.VagueText, d.Code));
        Assert.All(onSummary, d => Assert.Contains(summary, d.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("ToB")]
    [InlineData("ToC")]
    [InlineData("Project")]
    [InlineData("ECommerce")]
    public void Evaluate_CompleteRecord_ScoresFullMarksWithoutDeductions(string profile)
    {
        var evaluation = Evaluator.Evaluate(SampleRecords.CompleteFor(profile));

        Assert.Empty(evaluation.Deductions);
        Assert.Equal(100, evaluation.Score);
        Assert.Equal(Grade.A, evaluation.Grade);
    }

    [Theory]
    [InlineData("FieldMissing/owner")]
    [InlineData("RiskUnaddressed")]
    [InlineData("NextActionDueInPast")]
    [InlineData("Clarity")]
    [InlineData("Empty")]
    public void Evaluate_FlawedRecord_ScoresOneHundredMinusItsDeductionsRoundedToCents(string name)
    {
        var record = name switch
        {
            "Clarity" => Flawed(GradeComponent.Clarity),
            "Empty" => new FollowUpRecord { Scenario = "ToB" },
            _ => Examples[name].Record,
        };

        var evaluation = Evaluator.Evaluate(record);

        Assert.NotEmpty(evaluation.Deductions);
        Assert.All(evaluation.Deductions, d => Assert.Equal(Math.Round(d.Points, 2), d.Points));
        Assert.Equal(100 - evaluation.Deductions.Sum(d => (decimal)d.Points), (decimal)evaluation.Score);
        Assert.Equal(Evaluator.Rules.Grades.GradeOf(evaluation.Score), evaluation.Grade);
    }

    [Theory]
    [InlineData("ToB", 42)]
    [InlineData("ToC", 39)]
    [InlineData("Project", 44.5)]
    [InlineData("ECommerce", 37)]
    public void Evaluate_NoCommunication_ChargesTheLogOnceForThePointsOfItsEmptyFirstEntry(string profile, double score)
    {
        // The scores are those of an empty log scored as one empty entry, field by field: charged once, it costs no less. That
        // entry would be the latest, so its missing summary costs what the latest contact's does, the whole clarity part.
        var evaluation = Evaluator.Evaluate(SampleRecords.CompleteFor(profile) with { Communications = [] });

        Assert.DoesNotContain(evaluation.Deductions, d => d.Field.StartsWith("communications[", StringComparison.Ordinal));
        Assert.Single(evaluation.Deductions, d => d.Component == GradeComponent.Completeness && d.Field == "communications");
        var text = Assert.Single(evaluation.Deductions, d => d.Code == DeductionCodes.TextMissing);
        Assert.Equal(("communications", Grader.LatestSummaryFactor * Grader.NoContentPoints), (text.Field, text.Points));
        Assert.Equal(score, evaluation.Score);
    }

    [Theory]
    [InlineData(100, Grade.A)]
    [InlineData(85, Grade.A)]
    [InlineData(84.99, Grade.B)]
    [InlineData(70, Grade.B)]
    [InlineData(69.99, Grade.C)]
    [InlineData(60, Grade.C)]
    [InlineData(59.99, Grade.D)]
    [InlineData(0, Grade.D)]
    public void GradeOf_DefaultScale_FollowsTheSpecThresholds(double score, Grade expected) =>
        Assert.Equal(expected, FollowUpRuleSet.Default.Grades.GradeOf(score));

    [Fact]
    public void Evaluate_ConfiguredScale_GradesTheSameScoreLower()
    {
        var record = WithSummary(SampleRecords.CompleteToB(), 1, CompetitorAndPrice);

        var byDefault = Evaluator.Evaluate(record);
        var strict = TestClock.Evaluator(o => o.Grades.A = 90).Evaluate(record);

        Assert.InRange(byDefault.Score, 85, 89.99);
        Assert.Equal(byDefault.Score, strict.Score);
        Assert.Equal(Grade.A, byDefault.Grade);
        Assert.Equal(Grade.B, strict.Grade);
    }

    [Theory]
    [InlineData("zh-CN", "竞争对手介入、价格异议")]
    [InlineData("en", "competitor involved, price objection")]
    public void Evaluate_TwoUnansweredSignals_RisksDeductionNamesBoth(string culture, string labels)
    {
        var record = WithSummary(SampleRecords.CompleteToB(), 1, CompetitorAndPrice) with { Risks = [] };

        var evaluation = TestClock.Evaluator(o => o.Culture = culture).Evaluate(record);

        var deduction = Assert.Single(evaluation.Deductions, d => d.Field == "risks");
        Assert.Equal((DeductionCodes.RiskUnaddressed, DeductionGroup.RiskIgnored), (deduction.Code, deduction.Group));
        Assert.Contains(labels, deduction.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(GradeComponent.Completeness)]
    [InlineData(GradeComponent.Clarity)]
    [InlineData(GradeComponent.Actionability)]
    [InlineData(GradeComponent.Timeliness)]
    [InlineData(GradeComponent.RiskHandling)]
    public void Evaluate_ManyFlawsInOnePart_TakeNoMoreThanThatPartsWeight(GradeComponent component)
    {
        var weight = (decimal)Evaluator.Rules.GetProfile("ToB").ScoreWeight(component);

        var evaluation = Evaluator.Evaluate(Flawed(component));

        var part = evaluation.Deductions.Where(d => d.Component == component).ToList();
        Assert.All(part, d => Assert.InRange((decimal)d.Points, 0.01m, weight));
        Assert.Equal(weight, part.Sum(d => (decimal)d.Points));
    }

    [Fact]
    public void Evaluate_VagueSummary_CostsMoreThanPartlyVagueAndLessThanEmpty()
    {
        const string field = "communications[1].summary";
        var record = SampleRecords.CompleteToB();
        (double Score, decimal OnField) Cost(string? summary)
        {
            var evaluation = Evaluator.Evaluate(WithSummary(record, 1, summary));
            return (evaluation.Score, evaluation.Deductions.Where(d => d.Field == field).Sum(d => (decimal)d.Points));
        }

        var partlyVague = Cost("沈总确认预算 80 万，等客户回复");
        var vague = Cost("跟进中");
        var empty = Cost(null);

        Assert.True(100 > partlyVague.Score && partlyVague.Score > vague.Score && vague.Score > empty.Score,
            $"100 > {partlyVague.Score} > {vague.Score} > {empty.Score}");
        Assert.True(0 < partlyVague.OnField && partlyVague.OnField < vague.OnField && vague.OnField < empty.OnField,
            $"0 < {partlyVague.OnField} < {vague.OnField} < {empty.OnField}");
    }

    [Theory]
    [InlineData("跟进中", Grade.A, Grade.B)]
    [InlineData("等客户回复", Grade.A, Grade.B)]
    [InlineData("哈哈哈", Grade.C, Grade.D)]
    [InlineData(null, Grade.C, Grade.D)]
    public void LatestContactsSummary_CostsTwiceAnOlderEntrysClarityPoints(string? summary, Grade olderGrade, Grade latestGrade)
    {
        // Entry 1 (11-25) is the latest, entry 0 (11-19) an older one. Vague, the latest alone takes a complete record out of
        // A; empty of content, either leaves risks that cannot be assessed as well.
        var latest = Evaluator.Evaluate(WithSummary(SampleRecords.CompleteToB(), 1, summary));
        var older = Evaluator.Evaluate(WithSummary(SampleRecords.CompleteToB(), 0, summary));

        Assert.Equal(Grader.LatestSummaryFactor * ClarityOn(older, "communications[0].summary"), ClarityOn(latest, "communications[1].summary"));
        Assert.Equal((olderGrade, latestGrade), (older.Grade, latest.Grade));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("上周三")]
    public void SummaryOfAContactWithoutAReadableTime_CostsAsTheLatest_SinceItMayBe(string? time)
    {
        // Filling in the time shows it older than entry 1: its summary's cost can only fall, as filling a field never lowers the score.
        var vagueOlder = WithSummary(SampleRecords.CompleteToB(), 0, "跟进中");
        var withoutTime = Evaluator.Evaluate(WithCommunication(vagueOlder, 0, c => c with { At = Timestamp.Parse(time) }));
        var withTime = Evaluator.Evaluate(vagueOlder);

        Assert.Equal(Grader.LatestSummaryFactor * Grader.VaguePoints, ClarityOn(withoutTime, "communications[0].summary"));
        Assert.Equal(Grader.VaguePoints, ClarityOn(withTime, "communications[0].summary"));
    }

    [Theory]
    [InlineData(-3.5, 10, Grade.A)]
    [InlineData(-7, 15, Grade.B)]
    [InlineData(-30, 15, Grade.B)]
    public void OverdueNextAction_CostsTheDueDatesShareGrowingWithLatenessToTheWholePartAWeekLate(double days, double points, Grade grade)
    {
        // ToB: actionability 15, the due date's share 5; a day before today also costs NextActionDueInPast's completeness point.
        var overdue = Evaluator.Evaluate(SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = TestClock.DaysFromNow(days) }));
        var missing = Evaluator.Evaluate(SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = default }));

        Assert.Equal(points, Assert.Single(overdue.Deductions, d => d.Code == DeductionCodes.NextActionOverdue).Points);
        Assert.Equal(grade, overdue.Grade);
        Assert.Equal(15, Assert.Single(missing.Deductions, d => d.Code == DeductionCodes.NoDueDate).Points);
        Assert.True(missing.Score <= overdue.Score, $"a missing due date {missing.Score} must cost at least an overdue one {overdue.Score}");
    }

    [Fact]
    public void SignedOrdersLateAfterSalesAction_StillCostsHalfTheDueDatesShare()
    {
        // Nothing is required of a signed ToC order's next action, so only its lateness is charged, however late.
        var record = SampleRecords.CompleteToC().WithProgress(p => p with
        {
            Stage = DealStage.Signed, NextAction = "12 月 1 日前回访安装效果", NextActionDue = TestClock.DaysFromNow(-20), NextActionOwner = "陈晓东",
        });

        var deduction = Assert.Single(Evaluator.Evaluate(record).Deductions, d => d.Code == DeductionCodes.NextActionOverdue);

        Assert.Equal(2.5, deduction.Points);
    }

    [Fact]
    public void VagueAnswerToADetectedRisk_CostsHalfTheUnansweredRisk_UnderRiskHandlingOnly()
    {
        var record = WithSummary(SampleRecords.CompleteToB(), 0, "电话沟通 30 分钟，友商已报价，客户要求 12 月 5 日前给出报价");
        RiskNote Answer(string countermeasure) => new() { Kind = "Competitor", Countermeasure = countermeasure };

        var unanswered = Evaluator.Evaluate(record);
        var vague = Evaluator.Evaluate(record with { Risks = [Answer("加强沟通")] });
        var concrete = Evaluator.Evaluate(record with { Risks = [Answer("12 月 3 日前由李明上门演示差异化方案，附报价对比")] });

        var unansweredRisk = unanswered.Deductions.Where(d => d.Component == GradeComponent.RiskHandling).Sum(d => d.Points);
        var deduction = Assert.Single(vague.Deductions);
        Assert.Equal(
            (DeductionCodes.VagueText, GradeComponent.RiskHandling, "risks[0].countermeasure", unansweredRisk / 2),
            (deduction.Code, deduction.Component, deduction.Field, deduction.Points));
        Assert.Contains("加强沟通", deduction.Message, StringComparison.Ordinal);
        Assert.True(unanswered.Score < vague.Score && vague.Score < concrete.Score, $"{unanswered.Score} < {vague.Score} < {concrete.Score}");
    }

    [Fact]
    public void FillingAFieldThatClearsAVaguelyAnsweredRisk_DoesNotLowerTheScore()
    {
        // Filling customer.decisionRole with DecisionMaker clears NoDecisionMaker: its vague answer must not then cost more.
        var record = SampleRecords.CompleteToB().WithCustomer(c => c with { DecisionRole = default })
            .WithCommunications(c => c with { ContactRole = DecisionRole.Influencer }) with
        {
            Risks = [new RiskNote { Kind = "NoDecisionMaker", Countermeasure = "加强沟通" }],
        };
        var filled = record.WithCustomer(c => c with { DecisionRole = DecisionRole.DecisionMaker });

        var before = Evaluator.Evaluate(record);
        var after = Evaluator.Evaluate(filled);

        Assert.Contains(before.Risk.Signals, s => s.Code == "NoDecisionMaker");
        Assert.DoesNotContain(after.Risk.Signals, s => s.Code == "NoDecisionMaker");
        Assert.True(after.Score >= before.Score, $"{before.Score} -> {after.Score}");
    }

    [Theory]
    [InlineData("Delay", "以后再说")]
    [InlineData("IntentDecline", "有需要再联系")]
    public void AVaguePhraseThatRaisesAVaguelyAnsweredRisk_DoesNotRaiseTheScore(string code, string phrase)
    {
        // Both phrases are vague (Vague.*) and risk phrases: the risk they raise is answered by the note already there.
        var record = SampleRecords.CompleteToB() with { Risks = [new RiskNote { Kind = code, Countermeasure = "加强沟通" }] };
        var changed = WithSummary(record, 1, record.Communications![1].Summary + "，" + phrase + "。");

        var before = Evaluator.Evaluate(record);
        var after = Evaluator.Evaluate(changed);

        Assert.Contains(after.Risk.Signals, s => s.Code == code);
        Assert.True(after.Score <= before.Score, $"{before.Score} -> {after.Score}");
    }

    [Theory]
    [InlineData("x")]
    [InlineData("ab")]
    [InlineData("1a")]
    public void StrayLettersInACustomValue_AreVague(string orderStatus)
    {
        var evaluation = Evaluator.Evaluate(SampleRecords.CompleteECommerce().WithCustom("orderStatus", orderStatus));

        Assert.Equal(ClarityLevel.Vague, Assert.Single(evaluation.Clarity, c => c.Field == "custom.orderStatus").Level);
        Assert.Contains(evaluation.Deductions, d => d.Field == "custom.orderStatus");
    }

    [Theory]
    [InlineData("已发货", "无售后问题")]
    [InlineData("待发货", "顺丰退回")]
    public void ShortCustomValue_IsAValueNotVagueProse_AndCostsNothing(string orderStatus, string afterSales)
    {
        var record = SampleRecords.CompleteECommerce().WithCustom("orderStatus", orderStatus).WithCustom("afterSales", afterSales);

        var evaluation = Evaluator.Evaluate(record);

        Assert.Equal(Evaluator.Evaluate(SampleRecords.CompleteECommerce()).Score, evaluation.Score);
        Assert.DoesNotContain(evaluation.Deductions, d => d.Field.StartsWith("custom.", StringComparison.Ordinal));
        Assert.All(evaluation.Clarity.Where(c => c.Field.StartsWith("custom.", StringComparison.Ordinal)), c => Assert.Equal(ClarityLevel.Concrete, c.Level));
    }

    [Fact]
    public void ShortSummaryStatingAnOutcome_CostsNothing_WhileShortProseWithoutOneStillDoes()
    {
        var outcome = Evaluator.Evaluate(WithSummary(SampleRecords.CompleteToB(), 0, "已签合同"));
        var stub = Evaluator.Evaluate(WithSummary(SampleRecords.CompleteToB(), 0, "张经理-电话"));

        Assert.DoesNotContain(outcome.Deductions, d => d.Field == "communications[0].summary");
        Assert.DoesNotContain(outcome.Findings, f => f.Field == "communications[0].summary");
        var finding = Assert.Single(stub.Findings, f => f.Field == "communications[0].summary");
        Assert.Equal((FindingCodes.TextTooShort, FluentValidation.Severity.Warning, "张经理-电话"), (finding.Code, finding.Severity, finding.Value));
        var deductions = stub.Deductions.Where(d => d.Field == "communications[0].summary").ToList();
        Assert.Equal([GradeComponent.Completeness, GradeComponent.Clarity], deductions.Select(d => d.Component));
        Assert.All(deductions, d => Assert.Equal((DeductionCodes.VagueText, finding.Message), (d.Code, d.Message)));
    }

    [Theory]
    [InlineData("待补充")]
    [InlineData("-")]
    [InlineData(null)]
    public void RiskNotedWithoutACountermeasure_IsChargedAsUnansweredAndIncomplete_NotAlsoAsUnclearText(string? countermeasure)
    {
        var unnoted = WithSummary(SampleRecords.CompleteToB(), 1, Competitor);
        var noted = unnoted with { Risks = [new RiskNote { Kind = "Competitor", Description = "友商低价", Countermeasure = countermeasure }] };

        var before = Evaluator.Evaluate(unnoted);
        var after = Evaluator.Evaluate(noted);

        Assert.DoesNotContain(after.Deductions, d => d.Component == GradeComponent.Clarity && d.Field.StartsWith("risks[", StringComparison.Ordinal));
        Assert.Contains(after.Deductions, d => d.Code == DeductionCodes.RiskUnaddressed);

        // 待补充 earns the acknowledged credit; a countermeasure left out is an incomplete entry, which completeness may charge.
        if (countermeasure == "待补充")
        {
            Assert.True(after.Score >= before.Score, $"noting the risk with '{countermeasure}': {before.Score} -> {after.Score}");
        }
    }

    [Fact]
    public void TextOfTheWrongShape_IsChargedAsEmptyButNotCalledEmpty()
    {
        var evaluation = Evaluator.Evaluate(Examples[DeductionCodes.InvalidValue].Record);

        var text = Assert.Single(evaluation.Deductions, d => d.Code == DeductionCodes.TextMissing && d.Field == "needs.summary");
        Assert.Equal(Grader.NoContentPoints, text.Points);
        Assert.Contains("形状不对", text.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("是空的", text.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("needs.summary", "客户暂未明确")]
    [InlineData("custom.afterSales", "待补充")]
    public void RequiredTextMarkedUnknown_IsMissingInformation_NotVagueWording(string path, string value)
    {
        var record = path == "needs.summary"
            ? SampleRecords.CompleteToB().WithNeeds(n => n with { Summary = value })
            : SampleRecords.CompleteECommerce() with { Custom = new Dictionary<string, string?>(SampleRecords.CompleteECommerce().Custom!) { ["afterSales"] = value } };

        var deductions = Evaluator.Evaluate(record).Deductions.Where(d => d.Field == path).ToList();

        Assert.Contains(deductions, d => d.Component == GradeComponent.Completeness && d.Code == DeductionCodes.FieldAcknowledged);
        var clarity = Assert.Single(deductions, d => d.Component == GradeComponent.Clarity);
        Assert.Equal(DeductionCodes.FieldAcknowledged, clarity.Code);
        Assert.Equal(DeductionGroup.MissingInfo, clarity.Group);
        Assert.Contains(value, clarity.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(deductions, d => d.Group == DeductionGroup.VagueDescription);
    }

    [Theory]
    [InlineData("其他", "客户财务付款流程需要 45 天")]
    [InlineData("NextActionOverdue", "")]
    [InlineData("Competitor", "友商低价")]
    public void RiskCountermeasure_FilledInStepByStep_NeverLowersTheScore(string kind, string description)
    {
        var record = WithSummary(SampleRecords.CompleteToB(), 1, Competitor);
        string?[] countermeasures = [null, "待补充", "加强沟通", "12 月 3 日前由李明提交分期付款方案"];

        var scores = countermeasures
            .Select(c => Evaluator.Evaluate(record with { Risks = [new RiskNote { Kind = kind, Description = description, Countermeasure = c }] }).Score)
            .ToList();

        Assert.True(scores.Zip(scores.Skip(1)).All(pair => pair.Second >= pair.First), string.Join(" -> ", scores));
    }

    [Fact]
    public void NoteWithoutACountermeasure_FillingAFieldThatClearsItsSignal_NeverLowersTheScore()
    {
        // Two of three contacts are the same person and the third is not named; the note names the single thread.
        var record = FirstSample(r =>
        {
            var log = r["communications"]!.AsArray();
            log[1]!["contact"] = "周立群";
            log[2]!.AsObject().Remove("contact");
            r["risks"]!.AsArray().Add(new JsonObject { ["kind"] = "SingleThreaded", ["description"] = "只和采购经理一人联系" });
        });
        var filled = record with { Communications = [.. record.Communications!.Select((c, i) => i == 2 ? c with { Contact = "沈建国" } : c)] };

        var before = Evaluator.Evaluate(record).Score;
        var after = Evaluator.Evaluate(filled).Score;

        Assert.True(after >= before, $"{before} -> {after}");
    }

    [Fact]
    public void NoteWithoutACountermeasure_AVaguePhraseThatRaisesItsSignal_NeverRaisesTheScore()
    {
        var record = FirstSample(r => r["risks"]!.AsArray().Add(new JsonObject { ["kind"] = "Hesitation", ["description"] = "客户对上线周期有顾虑" }));
        var vaguer = record with
        {
            Communications = [.. record.Communications!.Select((c, i) => i == 2 ? c with { Summary = c.Summary + "，回去商量。" } : c)],
        };

        var before = Evaluator.Evaluate(record).Score;
        var after = Evaluator.Evaluate(vaguer).Score;

        Assert.True(after <= before, $"{before} -> {after}");
    }

    [Fact]
    public void NoteWithoutACountermeasure_FilledVaguelyWhileClarityIsCapped_NeverLowersTheScore()
    {
        var record = FirstSample(r =>
        {
            r["needs"]!["summary"] = "客户有意向";
            r["communications"]![0]!["summary"] = "跟进中";
            r["communications"]![1]!["summary"] = "沟通中";
            r["risks"]!.AsArray().Add(new JsonObject { ["kind"] = "IntentDecline", ["description"] = "客户兴趣下降" });
        });
        var filled = record with { Risks = [.. record.Risks!.Select((n, i) => i == record.Risks!.Count - 1 ? n with { Countermeasure = "加强沟通" } : n)] };

        var before = Evaluator.Evaluate(record).Score;
        var after = Evaluator.Evaluate(filled).Score;

        Assert.True(after >= before, $"{before} -> {after}");
    }

    [Theory]
    [InlineData(
        """{"id":"B1","scenario":"ToC","needs":{"summary":"为 180 台货车加装车载终端"},"communications":[{"at":"2026-11-18T14:00:00+08:00","summary":"拜访杨总，演示油耗看板；提到竞品报价低 8%","feedback":"Pending"}],"progress":{"stage":"Negotiation","nextAction":"11 月 30 日上午电话确认评审结果"},"risks":[{"kind":"Competitor","description":"客户有顾虑","countermeasure":"尽快跟进"},{"description":"客户说再考虑看看","countermeasure":"加强沟通"}]}""")]
    [InlineData(
        """{"id":"A1","scenario":"ToC","needs":{"summary":"家用纯电 SUV，关注续航和后排空间"},"communications":[{"at":"2026-11-22T10:30:00+08:00","summary":"到店试驾 40 分钟，在对比别家同级车型","feedback":"Pending"}],"progress":{"stage":"ProposalSent","nextAction":"周末跟进"},"risks":[{"kind":"NegativeLastFeedback","description":"Customer likes the competitor's UI.","countermeasure":"跟进中"},{"kind":"价格","description":"本周收到一起客诉","countermeasure":"加强沟通"}]}""")]
    public void SeveralNotesNamingOneRisk_MakingTheLastAnswerClearer_NeverLowersTheScore(string json)
    {
        // Found by a search over several notes: the cheapest answer counts, and a sibling pair (投诉 and the latest feedback) once.
        var record = FollowUp.Rules.Serialization.FollowUpJson.DeserializeRecord(json)!;
        var last = record.Risks!.Count - 1;
        var clearer = record with { Risks = [.. record.Risks.Select((n, i) => i == last ? n with { Countermeasure = "12 月 5 日前尽快上门演示" } : n)] };

        var before = Evaluator.Evaluate(record).Score;
        var after = Evaluator.Evaluate(clearer).Score;

        Assert.True(after >= before, $"{before} -> {after}");
    }

    [Theory]
    [InlineData("暂无明显风险")]
    [InlineData("经评估，暫無明顯風險。")]
    [InlineData("No obvious risks.")]
    public void ProjectRiskEntrySayingNoRisk_NeedsNoCountermeasureAndBeatsLeavingRisksEmpty(string statement)
    {
        var empty = SampleRecords.CompleteProject() with { Risks = [] };
        var stated = SampleRecords.CompleteProject() with { Risks = [new RiskNote { Description = statement }] };

        var before = Evaluator.Evaluate(empty);
        var after = Evaluator.Evaluate(stated);

        Assert.Contains(before.Deductions, d => d.Code == DeductionCodes.RiskPointsMissing);
        Assert.DoesNotContain(after.Deductions, d => d.Code is DeductionCodes.RiskPointsMissing or DeductionCodes.CountermeasureMissing or DeductionCodes.TextMissing);
        Assert.True(after.Score > before.Score, $"{before.Score} -> {after.Score}");
    }

    [Theory]
    [InlineData("待补充")]
    [InlineData("继续观察客户预算审批进度")]
    public void RiskEntrySayingNoRisk_WhateverItsCountermeasure_ScoresAsWithoutOne(string countermeasure)
    {
        var without = SampleRecords.CompleteProject() with { Risks = [new RiskNote { Description = "暂无明显风险" }] };
        var with = SampleRecords.CompleteProject() with { Risks = [new RiskNote { Description = "暂无明显风险", Countermeasure = countermeasure }] };

        Assert.Equal(Evaluator.Evaluate(without).Score, Evaluator.Evaluate(with).Score);
    }

    [Fact]
    public void ProjectRiskEntryNamingARisk_StillNeedsItsCountermeasure()
    {
        var evaluation = Evaluator.Evaluate(SampleRecords.CompleteProject() with { Risks = [new RiskNote { Description = "暂无明显风险，但交付周期紧张" }] });

        Assert.Contains(evaluation.Deductions, d => d.Code == DeductionCodes.CountermeasureMissing);
    }

    /// <summary>A ToB record with more flaws in one part than the part has points for.</summary>
    private static FollowUpRecord Flawed(GradeComponent component)
    {
        var record = SampleRecords.CompleteToB();
        return component switch
        {
            GradeComponent.Completeness => new FollowUpRecord { Scenario = "ToB" },
            GradeComponent.Clarity => WithSummary(WithSummary(record, 0, "同上"), 1, null).WithNeeds(n => n with { Summary = null }),
            GradeComponent.Actionability =>
                record.WithProgress(p => p with { NextAction = "尽快跟进", NextActionDue = default, NextActionOwner = null }) with { Owner = null },
            GradeComponent.Timeliness => record.WithCommunications(c => c with { At = default }) with { RecordedAt = default },
            _ => WithSummary(record, 1, "友商已报价 72 万，客户嫌贵，预算不足，项目推迟到明年，对接人已离职"),
        };
    }

    private static double ClarityOn(FollowUpEvaluation evaluation, string field) =>
        (double)evaluation.Deductions.Where(d => d.Component == GradeComponent.Clarity && d.Field == field).Sum(d => (decimal)d.Points);

    private static string CodeOf(string name) => name.Split('/')[0];

    private static FollowUpRecord WithCommunication(FollowUpRecord record, int index, Func<Communication, Communication> change) =>
        record with { Communications = [.. record.Communications!.Select((c, i) => i == index ? change(c) : c)] };

    /// <summary>The first bundled sample record (FU-1001, complete), changed as its JSON.</summary>
    private static FollowUpRecord FirstSample(Action<JsonObject> change)
    {
        var json = JsonNode.Parse(File.ReadLines(Reporting.ReportFixtures.SampleDataPath).First())!.AsObject();
        change(json);
        return FollowUp.Rules.Serialization.FollowUpJson.DeserializeRecord(json.ToJsonString())!;
    }

    private static FollowUpRecord WithSummary(FollowUpRecord record, int index, string? summary) =>
        WithCommunication(record, index, c => c with { Summary = summary });

    private sealed record Example(FollowUpRecord Record, string Field, DeductionGroup Group, string Fragment);
}
