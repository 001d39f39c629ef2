using System.Text.Json;
using System.Text.Json.Nodes;
using FluentValidation;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Language;
using FollowUp.Rules.Serialization;
using FollowUp.Rules.Tests.TestData;

// The types under test live in namespace FollowUp.Rules (src/FollowUp.Rules/Evaluation/), so their tests live in FollowUp.Rules.Tests.
namespace FollowUp.Rules.Tests;

public class FollowUpEvaluatorTests
{
    [Theory]
    [InlineData(6, true)]
    [InlineData(-480, true)]
    [InlineData(14, false)]
    [InlineData(15, false)]
    public void Evaluate_RecordWrittenHoursBeforeItsLatestContact_IsReportedWithoutChangingTheScore(int hour, bool reported)
    {
        // The latest communication of the sample is at 2026-11-25 15:00 +08:00; hour -480 is twenty days before that day.
        var complete = SampleRecords.CompleteToB();
        var recordedAt = new DateTimeOffset(2026, 11, 25, 0, 0, 0, TestClock.ChinaOffset).AddHours(hour);
        var evaluator = TestClock.Evaluator();

        var evaluation = evaluator.Evaluate(complete with { RecordedAt = recordedAt });

        var findings = evaluation.Findings.Where(f => f.Code == FindingCodes.RecordedBeforeContact).ToList();
        Assert.Equal(reported ? 1 : 0, findings.Count);
        Assert.Equal(evaluator.Evaluate(complete).Score, evaluation.Score);
        if (reported)
        {
            Assert.Equal(("recordedAt", Severity.Warning), (findings[0].Field, findings[0].Severity));
            Assert.Contains("communications[", findings[0].Message, StringComparison.Ordinal);
        }
    }

    /// <summary>What timeliness and actionability charge is a finding too, in the same words, so a validator sees every point lost.</summary>
    [Theory]
    [InlineData("late", FindingCodes.LateRecord, "recordedAt")]
    [InlineData("no record time", FindingCodes.RecordTimeMissing, "recordedAt")]
    [InlineData("record time to be filled in", FindingCodes.RecordTimeMissing, "recordedAt")]
    [InlineData("no contact time, not required", FindingCodes.ContactTimeMissing, "communications[0].at")]
    [InlineData("due earlier today", FindingCodes.NextActionOverdue, "progress.nextActionDue")]
    public void Evaluate_TimelinessAndOverdueDeductions_HaveAFindingWithTheSameMessage(string flaw, string code, string field)
    {
        var complete = SampleRecords.CompleteToB();
        var (record, evaluator) = flaw switch
        {
            "late" => (complete.WithCommunications(c => c with { At = TestClock.DaysFromNow(-2) }) with { RecordedAt = TestClock.Now }, TestClock.Evaluator()),
            "no record time" => (complete with { RecordedAt = default }, TestClock.Evaluator()),
            "record time to be filled in" => (complete with { RecordedAt = Timestamp.Parse("待补充") }, TestClock.Evaluator()),
            "no contact time, not required" => (complete.WithCommunications(c => c with { At = default }),
                TestClock.Evaluator(o => o.Profiles["ToB"] = new FollowUp.Rules.Profiles.ProfileOptions { IgnoredFields = { "communications[].at" } })),
            _ => (complete.WithProgress(p => p with { NextActionDue = TestClock.Now.AddHours(-3) }), TestClock.Evaluator()),
        };

        var evaluation = evaluator.Evaluate(record);

        var finding = Assert.Single(evaluation.Findings, f => f.Code == code);
        Assert.Equal((field, Severity.Warning), (finding.Field, finding.Severity));
        var deduction = Assert.Single(evaluation.Deductions, d => d.Code == code);
        Assert.Equal(finding.Message, deduction.Message);
    }

    /// <summary>Whether a due time is before today or earlier today is judged in the rules' zone, however its offset is written.</summary>
    [Theory]
    [InlineData("2026-11-25T19:00:00+08:00", FindingCodes.NextActionDueInPast)]
    [InlineData("2026-11-26T01:00:00+14:00", FindingCodes.NextActionDueInPast)]
    [InlineData("2026-11-25T11:00:00Z", FindingCodes.NextActionDueInPast)]
    [InlineData("2026-11-26T02:00:00+08:00", FindingCodes.NextActionOverdue)]
    [InlineData("2026-11-25T18:00:00Z", FindingCodes.NextActionOverdue)]
    [InlineData("2026-11-25T13:00:00-05:00", FindingCodes.NextActionOverdue)]
    public void Evaluate_DueTimeInAnyOffset_IsJudgedInTheRulesZone(string due, string code)
    {
        var evaluation = TestClock.Evaluator().Evaluate(SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = Timestamp.Parse(due) }));

        Assert.Equal([code], evaluation.Findings.Where(f => f.Field == "progress.nextActionDue").Select(f => f.Code));
    }

    [Fact]
    public void Evaluate_PartsWorthNoPoints_RaiseNoFindingsForWhatTheyWouldCharge()
    {
        var evaluator = TestClock.Evaluator(o => o.Profiles["ToB"] = new FollowUp.Rules.Profiles.ProfileOptions
        {
            ScoreWeights = { ["Timeliness"] = 0, ["Actionability"] = 0, ["Completeness"] = 60 },
        });
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = TestClock.Now.AddHours(-3) }) with { RecordedAt = default };

        var evaluation = evaluator.Evaluate(record);

        Assert.DoesNotContain(evaluation.Findings, f => f.Code is FindingCodes.RecordTimeMissing or FindingCodes.NextActionOverdue);
        Assert.DoesNotContain(evaluation.Deductions, d => d.Code is FindingCodes.RecordTimeMissing or FindingCodes.NextActionOverdue);
    }

    [Fact]
    public void Evaluate_TimeAlreadyReportedOnItsField_IsNotReportedTwice()
    {
        var evaluator = TestClock.Evaluator();
        var complete = SampleRecords.CompleteToB();

        var unreadableRecordTime = evaluator.Evaluate(complete with { RecordedAt = Timestamp.Parse("上周三") });
        var contactTimesMissing = evaluator.Evaluate(complete.WithCommunications(c => c with { At = default }));
        var dueBeforeToday = evaluator.Evaluate(complete.WithProgress(p => p with { NextActionDue = TestClock.DaysFromNow(-2) }));

        Assert.Equal([FindingCodes.InvalidDate], unreadableRecordTime.Findings.Where(f => f.Field == "recordedAt").Select(f => f.Code));
        Assert.DoesNotContain(contactTimesMissing.Findings, f => f.Code == FindingCodes.ContactTimeMissing);
        Assert.Contains(contactTimesMissing.Findings, f => f.Code == FindingCodes.FieldMissing && f.Field == "communications[0].at");
        Assert.Equal([FindingCodes.NextActionDueInPast], dueBeforeToday.Findings.Where(f => f.Field == "progress.nextActionDue").Select(f => f.Code));
    }

    /// <summary>A record or contact time past now is a wrong date: reported on its field, and a record time so is not charged as late.</summary>
    [Fact]
    public void Evaluate_TimesInTheFuture_AreReportedAndNotChargedAsLate()
    {
        var evaluator = TestClock.Evaluator();
        var complete = SampleRecords.CompleteToB();
        var future = complete with { RecordedAt = TestClock.Now.AddDays(2) };

        var evaluation = evaluator.Evaluate(future);

        var finding = Assert.Single(evaluation.Findings, f => f.Code == FindingCodes.DateInFuture);
        Assert.Equal(("recordedAt", Severity.Warning), (finding.Field, finding.Severity));
        Assert.DoesNotContain(evaluation.Deductions, d => d.Code == FollowUp.Rules.Grading.DeductionCodes.LateRecord);
        var contact = evaluator.Evaluate(complete.WithCommunications(c => c with { At = TestClock.Now.AddHours(3) }));
        Assert.Contains(contact.Findings, f => f.Code == FindingCodes.DateInFuture && f.Field.StartsWith("communications[", StringComparison.Ordinal));
        Assert.DoesNotContain(evaluator.Evaluate(complete with { RecordedAt = TestClock.Now.AddMinutes(30) }).Findings, f => f.Code == FindingCodes.DateInFuture);
        Assert.DoesNotContain(evaluator.Evaluate(complete).Findings, f => f.Code == FindingCodes.DateInFuture);
    }

    [Theory]
    [InlineData("2026-11-25", false)]
    [InlineData("2026年11月25日", false)]
    [InlineData("2026-11-24", true)]
    public void Evaluate_RecordTimeThatIsADayAlone_IsEarlyOnlyWhenTheDayIsBeforeTheContact(string recordedAt, bool reported)
    {
        var evaluation = TestClock.Evaluator().Evaluate(SampleRecords.CompleteToB() with { RecordedAt = Timestamp.Parse(recordedAt) });

        Assert.Equal(reported, evaluation.Findings.Any(f => f.Code == FindingCodes.RecordedBeforeContact));
    }

    /// <summary>A phrase written many times in one field is coached once; every hit is still listed, for a UI to underline.</summary>
    [Fact]
    public void Evaluate_PhraseRepeatedInAField_HasOneFindingAndEveryHit()
    {
        var summary = string.Concat(Enumerable.Repeat("跟进中，等客户回复。", 40)) + "跟進中";
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { Summary = summary });

        var evaluation = TestClock.Evaluator().Evaluate(record);

        var findings = evaluation.Findings.Where(f => f.Code == FindingCodes.VagueLanguage && f.Field == "communications[0].summary").ToList();
        Assert.Equal(3, findings.Count);
        Assert.Equal(81, evaluation.Vague.Count(v => v.Field == "communications[0].summary"));
    }

    /// <summary>
    /// A long note of no content costs what a short one does. Its text is neither copied nor kept for sharing; a phrase that
    /// must be the whole text (啊, 好的) is not kept at every place it occurs; and a run of one phrase (。。。, 测试测试) is one
    /// hit: 100,000 characters of 啊 once took 50 MB.
    /// </summary>
    [Theory]
    [InlineData("x", "needs.summary")]
    [InlineData("啊", "needs.summary")]
    [InlineData("测试", "needs.summary")]
    [InlineData("。", "needs.summary")]
    [InlineData("嗯哈", "needs.summary")]
    [InlineData("好的，", "needs.summary")]
    [InlineData("1", "needs.summary")]
    [InlineData("啊", "communications[0].summary")]
    [InlineData("。", "communications[0].summary")]
    [InlineData("x", "communications[0].summary")]
    [InlineData("啊", "custom.note")]
    [InlineData("测试", "custom.note")]
    public void Evaluate_LongNoteOfNoContent_AllocatesNoMoreThanAFractionOfItsText(string filler, string field)
    {
        var evaluator = TestClock.Evaluator();
        long Allocated(int length)
        {
            var text = string.Concat(Enumerable.Repeat(filler, (length / filler.Length) + 1))[..length];
            var record = field switch
            {
                "needs.summary" => new FollowUpRecord { Id = "F", Needs = new CustomerNeeds { Summary = text } },
                "custom.note" => new FollowUpRecord { Id = "F", Custom = new Dictionary<string, string?> { ["note"] = text } },
                _ => new FollowUpRecord { Id = "F", Communications = [new Communication { Summary = text }] },
            };
            var before = GC.GetAllocatedBytesForCurrentThread();
            evaluator.Evaluate(record);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        Allocated(100);
        var allocated = Allocated(100_000);

        // The note is 200 KB: a copy of it, let alone anything kept per character, would exceed this.
        Assert.InRange(allocated, 0, 64 * 1024);
    }

    /// <summary>A finding on a long run of a phrase quotes its start, as the deduction does, not the whole note.</summary>
    [Fact]
    public void Evaluate_LongNoteOfNoContent_QuotesItsStartInTheFinding()
    {
        var note = new string('啊', 100_000);

        var evaluation = TestClock.Evaluator().Evaluate(SampleRecords.CompleteToB().WithCustom("note", note));

        var finding = Assert.Single(evaluation.Findings, f => f.Field == "custom.note");
        Assert.Equal((FindingCodes.NoContent, note), (finding.Code, finding.Value));
        Assert.Contains("“" + new string('啊', 30) + "…”", finding.Message, StringComparison.Ordinal);
        Assert.InRange(finding.Message.Length, 1, 200);
    }

    /// <summary>A long unreadable value (a stage, a date) is quoted by its start in the finding's message, and kept whole in its value.</summary>
    [Theory]
    [InlineData(FindingCodes.UnknownValue, "progress.stage")]
    [InlineData(FindingCodes.InvalidDate, "progress.nextActionDue")]
    public void Evaluate_LongUnreadableValue_QuotesItsStartInTheFinding(string code, string field)
    {
        var value = string.Concat(Enumerable.Repeat("阶段未知", 25_000));
        var record = field == "progress.stage"
            ? SampleRecords.CompleteToB().WithProgress(p => p with { Stage = EnumValue<DealStage>.Parse(value) })
            : SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = Timestamp.Parse(value) });

        var finding = Assert.Single(TestClock.Evaluator().Evaluate(record).Findings, f => f.Code == code);

        Assert.Equal((field, value), (finding.Field, finding.Value));
        Assert.Contains(value[..30] + "…", finding.Message, StringComparison.Ordinal);
        Assert.InRange(finding.Message.Length, 1, 300);
    }

    /// <summary>SPEC §5: a run of one phrase is one hit over the run; a million full stops once gave 999,998 overlapping hits.</summary>
    [Fact]
    public void Evaluate_LongRunOfFullStops_IsOneVagueEntryOverTheRun()
    {
        var evaluation = TestClock.Evaluator().Evaluate(new FollowUpRecord { Id = "F", Needs = new CustomerNeeds { Summary = new string('。', 100_000) } });

        var vague = Assert.Single(evaluation.Vague);
        Assert.Equal(("needs.summary", VagueCategory.NoContent, 0, 100_000), (vague.Field, vague.Category, vague.Start, vague.Length));
    }

    /// <summary>
    /// An intent measured in its own clause of a concrete text is listed but not coached: the finding would ask for the
    /// quantity it gives. Alone, or beside a quantity of something else, it is coached; so is a vague time or a wait beside
    /// facts that do not settle it (近期 beside 200 套).
    /// </summary>
    [Theory]
    [InlineData("客户想买 2 件石雕摆件，预算 5000 元", VagueCategory.UnquantifiedIntent, ClarityLevel.Concrete, false)]
    [InlineData("客户有意向，约周四上门，200 套", VagueCategory.UnquantifiedIntent, ClarityLevel.Concrete, true)]
    [InlineData("电话沟通 30 分钟，客户很感兴趣，12 月 5 日前给出报价", VagueCategory.UnquantifiedIntent, ClarityLevel.Concrete, true)]
    [InlineData("客户有意向，但上次只买了 2 台，12 月 3 日回访", VagueCategory.UnquantifiedIntent, ClarityLevel.Concrete, true)]
    [InlineData("电话沟通 30 分钟、客户很感兴趣、12 月 5 日前给出报价", VagueCategory.UnquantifiedIntent, ClarityLevel.Concrete, true)]
    [InlineData("Call lasted 30 minutes. Customer is interested. Follow up on Dec 3", VagueCategory.UnquantifiedIntent, ClarityLevel.Concrete, true)]
    [InlineData("客户有意向但上次只买了 2 台，12 月 3 日回访", VagueCategory.UnquantifiedIntent, ClarityLevel.Concrete, true)]
    [InlineData("客户有意向不过上次只买了 2 台，12 月 3 日回访", VagueCategory.UnquantifiedIntent, ClarityLevel.Concrete, true)]
    [InlineData("Customer is interested however only bought 2 units last time, call on Dec 3", VagueCategory.UnquantifiedIntent, ClarityLevel.Concrete, true)]
    [InlineData("Customer is interested in 2,000 units, call on Dec 3", VagueCategory.UnquantifiedIntent, ClarityLevel.Concrete, false)]
    [InlineData("客户有意向采购 1,200 套，12 月 3 日回访", VagueCategory.UnquantifiedIntent, ClarityLevel.Concrete, false)]
    [InlineData("客户有意向", VagueCategory.UnquantifiedIntent, ClarityLevel.Vague, true)]
    [InlineData("已报价 80 万，200 套，客户说近期定", VagueCategory.VagueTime, ClarityLevel.Concrete, true)]
    [InlineData("12 月 3 日拜访 200 套，具体等客户回复吧", VagueCategory.Waiting, ClarityLevel.Concrete, true)]
    [InlineData("微信沟通 20 分钟，发送 3980 元报价；12 月 10 日前她会主动联系", VagueCategory.Waiting, ClarityLevel.Concrete, false)]
    [InlineData("电话沟通 20 分钟，报价 3980 元，等客户回复到 12 月 5 日", VagueCategory.Waiting, ClarityLevel.Concrete, false)]
    [InlineData("电话沟通 20 分钟，报价 3980 元；11 月 20 日已发报价等客户回复", VagueCategory.Waiting, ClarityLevel.Concrete, true)]
    [InlineData("电话沟通 20 分钟，报价 3980 元；12 月 3 日演示后等客户回复", VagueCategory.Waiting, ClarityLevel.Concrete, true)]
    [InlineData("电话沟通 20 分钟，报价 3980 元；等客户回复 11 月 20 日发的报价", VagueCategory.Waiting, ClarityLevel.Concrete, true)]
    [InlineData("电话沟通 20 分钟，报价 3980 元；周一前发了报价等客户回复", VagueCategory.Waiting, ClarityLevel.Concrete, true)]
    [InlineData("电话沟通 20 分钟，报价 3980 元；11 月 20 日内容已发等客户回复", VagueCategory.Waiting, ClarityLevel.Concrete, true)]
    [InlineData("电话沟通 20 分钟，报价 3980 元；等客户回复（12 月 5 日前）", VagueCategory.Waiting, ClarityLevel.Concrete, false)]
    [InlineData("电话沟通 20 分钟，报价 3980 元；12 月 5 日截止等客户回复", VagueCategory.Waiting, ClarityLevel.Concrete, false)]
    [InlineData("电话沟通 20 分钟，报价 3980 元；12 月 5 日前后等客户回复", VagueCategory.Waiting, ClarityLevel.Concrete, true)]
    [InlineData("电话沟通 20 分钟，报价 3980 元；等客户回复 12 月 5 日前发的报价", VagueCategory.Waiting, ClarityLevel.Concrete, true)]
    [InlineData("电话沟通 20 分钟，报价 3980 元；等客户回复 11 月 20 日之前发的报价", VagueCategory.Waiting, ClarityLevel.Concrete, true)]
    [InlineData("微信沟通 20 分钟，发送 3980 元报价；她会主动联系，12 月 11 日回访", VagueCategory.Waiting, ClarityLevel.Concrete, true)]
    [InlineData("已联系中通客服催件（工单 ZT1126-0931），预计 11 月 27 日 18 点前送达", VagueCategory.StatusOnly, ClarityLevel.Concrete, false)]
    [InlineData("已聯絡順豐加急，確認 11 月 27 日中午前送達", VagueCategory.StatusOnly, ClarityLevel.Concrete, false)]
    [InlineData("已联系，客户说 12 月 3 日前回复报价", VagueCategory.StatusOnly, ClarityLevel.PartlyVague, true)]
    [InlineData("跟进中客户说 12 月 3 日签约，首批 200 套", VagueCategory.StatusOnly, ClarityLevel.Concrete, true)]
    [InlineData("已沟通价格，客户接受 95 折，12 月 1 日签约", VagueCategory.StatusOnly, ClarityLevel.Concrete, true)]
    public void Evaluate_VaguePhraseInAConcreteText_IsCoachedUnlessTheTextGivesWhatItLacks(
        string summary, VagueCategory category, ClarityLevel level, bool finding)
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { Summary = summary });

        var evaluation = TestClock.Evaluator().Evaluate(record);

        Assert.Equal(level, evaluation.Clarity.First(c => c.Field == "communications[0].summary").Level);
        Assert.Contains(evaluation.Vague, v => v.Field == "communications[0].summary" && v.Category == category);
        Assert.Equal(finding, evaluation.Findings.Any(f => f.Code == FindingCodes.VagueLanguage && f.Field == "communications[0].summary"));
    }

    /// <summary>
    /// A risk's description says what may happen, so its 可能 is listed but not coached; the countermeasure, which says what
    /// will be done, is coached for the same word.
    /// </summary>
    [Fact]
    public void Evaluate_HedgeInARiskDescription_IsListedButNotCoached()
    {
        var record = SampleRecords.CompleteToB() with
        {
            Risks = [new RiskNote { Kind = "Delay", Description = "海康设备接口文档未提供，可能影响联调工期", Countermeasure = "可能下周让海康提供 SDK" }],
        };

        var evaluation = TestClock.Evaluator().Evaluate(record);

        Assert.Contains(evaluation.Vague, v => v.Field == "risks[0].description" && v.Category == VagueCategory.Hedge);
        Assert.DoesNotContain(evaluation.Findings, f => f.Code == FindingCodes.VagueLanguage && f.Field == "risks[0].description");
        Assert.Contains(evaluation.Findings, f => f.Code == FindingCodes.VagueLanguage && f.Field == "risks[0].countermeasure");
    }

    [Theory]
    [InlineData("可能")]
    [InlineData("大概吧")]
    [InlineData("maybe")]
    public void Evaluate_RiskDescriptionThatIsOnlyAHedge_IsCoached(string description)
    {
        var record = SampleRecords.CompleteToB() with
        {
            Risks = [new RiskNote { Kind = "Delay", Description = description, Countermeasure = "12 月 3 日前让海康提供 SDK" }],
        };

        var evaluation = TestClock.Evaluator().Evaluate(record);

        Assert.Contains(evaluation.Findings, f => f.Code == FindingCodes.VagueLanguage && f.Field == "risks[0].description");
    }

    [Fact]
    public void Constructor_NullRules_Throws() => Assert.Throws<ArgumentNullException>(() => new FollowUpEvaluator(null!));

    [Fact]
    public void Create_WithoutConfiguration_UsesTheDefaultRuleSet() => Assert.Same(FollowUpRuleSet.Default, FollowUpEvaluator.Create().Rules);

    [Fact]
    public void Create_WithConfiguration_BuildsANewRuleSet()
    {
        var evaluator = FollowUpEvaluator.Create(o => o.Culture = "en");

        Assert.NotSame(FollowUpRuleSet.Default, evaluator.Rules);
        Assert.Equal("en", evaluator.Rules.Culture.Name);
    }

    [Theory]
    [InlineData("not a date")]
    [InlineData("2026-02-30T10:00:00")]
    public void Evaluate_UnreadableRecordTime_IsAnInvalidDateOnTheRecord(string recordedAt)
    {
        var record = SampleRecords.CompleteToB() with { RecordedAt = Timestamp.Parse(recordedAt) };

        var finding = Assert.Single(TestClock.Evaluator().Evaluate(record).Findings, f => f.Code == FindingCodes.InvalidDate);

        Assert.Equal(("recordedAt", recordedAt, (FollowUpStep?)null), (finding.Field, finding.Value, finding.Step));
        Assert.StartsWith($"记录时间“{recordedAt}”不是可识别的日期时间", finding.Message, StringComparison.Ordinal);
    }

    /// <summary>Text that almost reads as a date says what to fix: a weekday its date does not fall on, an Excel serial number.</summary>
    [Theory]
    [InlineData("zh-CN", "2026-11-20（周四）", "记录时间“2026-11-20（周四）”的星期与日期不符（那天是星期五）")]
    [InlineData("en", "2026-11-20 (Thu) 15:00", "\"2026-11-20 (Thu) 15:00\" names a weekday its date does not fall on (that day is a Friday)")]
    [InlineData("zh-CN", "46346.625", "记录时间“46346.625”像是 Excel 的日期序列号")]
    [InlineData("en", "46346", "\"46346\" looks like an Excel date serial number")]
    [InlineData("en", "2026-11-20 下午13点", "\"2026-11-20 下午13点\" is not a readable date and time")]
    public void Evaluate_RecordTimeAlmostADate_SaysWhatToFix(string culture, string recordedAt, string expected)
    {
        var record = SampleRecords.CompleteToB() with { RecordedAt = Timestamp.Parse(recordedAt) };

        var finding = Assert.Single(TestClock.Evaluator(o => o.Culture = culture).Evaluate(record).Findings, f => f.Code == FindingCodes.InvalidDate);

        Assert.Equal(("recordedAt", recordedAt), (finding.Field, finding.Value));
        Assert.Contains(expected, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_DueDateWithAnotherWeekday_IsAnInvalidDateThatNamesTheDatesWeekday()
    {
        // 2026-11-30 is a Monday.
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = Timestamp.Parse("2026年11月30日 星期二 上午10点") });

        var evaluation = TestClock.Evaluator().Evaluate(record);

        var finding = Assert.Single(evaluation.FindingsOn("progress.nextActionDue"));
        Assert.Equal(FindingCodes.InvalidDate, finding.Code);
        Assert.Contains("（那天是星期一）", finding.Message, StringComparison.Ordinal);
        Assert.Contains(evaluation.Deductions, d => d.Field == "progress.nextActionDue" && d.Message == finding.Message);
    }

    [Fact]
    public void Evaluate_DueDateWithItsWeekdayAndATwelveHourClock_IsFilled()
    {
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = Timestamp.Parse("2026年11月30日（周一）上午10点") });

        var evaluation = TestClock.Evaluator().Evaluate(record);

        Assert.Empty(evaluation.FindingsOn("progress.nextActionDue"));
        Assert.DoesNotContain("progress.nextActionDue", evaluation.Step(FollowUpStep.Progress).Missing);
    }

    [Fact]
    public void Evaluate_RecordTimeAcknowledged_IsNotAnInvalidDate() =>
        Assert.DoesNotContain(
            TestClock.Evaluator().Evaluate(SampleRecords.CompleteToB() with { RecordedAt = Timestamp.Parse("待补充") }).Findings,
            f => f.Code == FindingCodes.InvalidDate);

    [Fact]
    public void Create_InvalidConfiguration_ThrowsOptionsValidationException() =>
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => FollowUpEvaluator.Create(o => o.DefaultProfile = "Nope"));

    [Fact]
    public void Evaluate_CompleteRecords_ShareAReadOnlyCompletenessResult()
    {
        var evaluator = TestClock.Evaluator();

        var first = evaluator.Evaluate(SampleRecords.CompleteToB()).Completeness;
        var second = evaluator.Evaluate(SampleRecords.CompleteToB() with { Id = "other" }).Completeness;

        Assert.Same(first, second);
        Assert.Equal(100, first.Score);
        Assert.All(first.Steps, step => Assert.Equal((100.0, 0, 0), (step.Score, step.Missing.Count, step.Acknowledged.Count)));
        Assert.Throws<NotSupportedException>(() => ((IList<StepResult>)first.Steps)[0] = first.Steps[1]);
    }

    [Fact]
    public void ToValidationResult_GivesNewFailuresThatDoNotChangeTheEvaluation()
    {
        var evaluation = TestClock.Evaluator().Evaluate(new FollowUpRecord
        {
            Scenario = "ToB",
            Communications = [new Communication { Channel = EnumValue<ContactChannel>.Parse("信鸽"), Summary = "跟进中" }],
        });

        var result = evaluation.ToValidationResult();
        var unknown = result.Errors.Single(f => f.ErrorCode == FindingCodes.UnknownValue);
        unknown.ErrorMessage = "changed";
        unknown.PropertyName = "changed";

        Assert.False(result.IsValid);
        Assert.Equal(
            evaluation.Findings.Select(f => (f.Code, f.Severity, f.Field, f.Value, (object?)f.Step)),
            evaluation.ToValidationResult().Errors.Select(f => (f.ErrorCode, f.Severity, f.PropertyName, (string?)f.AttemptedValue, (object?)f.CustomState)));
        var finding = evaluation.FindingsWithCode(FindingCodes.UnknownValue).Single();
        Assert.Equal("communications[0].channel", finding.Field);
        Assert.Equal("信鸽", finding.Value);
        Assert.Equal(FollowUpStep.Communications, finding.Step);
        Assert.Contains("信鸽", finding.Message, StringComparison.Ordinal);
        Assert.NotSame(evaluation.ToValidationResult().Errors[0], evaluation.ToValidationResult().Errors[0]);
    }

    [Fact]
    public void Evaluate_NullRecord_Throws()
    {
        var evaluator = TestClock.Evaluator();

        Assert.Throws<ArgumentNullException>(() => evaluator.Evaluate(null!));
        Assert.Throws<ArgumentNullException>(() => evaluator.Evaluate(null!, "ToB"));
    }

    [Fact]
    public void Evaluate_EchoesIdAndTakesNowFromTheTimeProviderInTheDefaultOffset()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 11, 26, 4, 0, 0, TimeSpan.Zero));
        var evaluator = new FollowUpEvaluator(FollowUpRuleSet.Default, clock);

        var first = evaluator.Evaluate(new FollowUpRecord { Id = "FU-42" });
        clock.Advance(TimeSpan.FromHours(30));
        var second = evaluator.Evaluate(new FollowUpRecord { Id = "FU-43" });

        Assert.Equal("FU-42", first.Id);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(8)), first.EvaluatedAt);
        Assert.Equal(TimeSpan.FromHours(8), first.EvaluatedAt.Offset);
        Assert.Equal(first.EvaluatedAt.AddHours(30), second.EvaluatedAt);
        Assert.Equal("FU-43", second.Id);
    }

    [Fact]
    public void Evaluate_FixedClockChangesTheOutcomeOfDueDates()
    {
        var clock = TestClock.Create();
        var evaluator = new FollowUpEvaluator(FollowUpRuleSet.Default, clock);
        var record = SampleRecords.CompleteToB();

        var before = evaluator.Evaluate(record);
        clock.Advance(TimeSpan.FromDays(7));
        var after = evaluator.Evaluate(record);

        Assert.DoesNotContain(before.Findings, f => f.Code == FindingCodes.NextActionDueInPast);
        Assert.Contains(after.Findings, f => f.Code == FindingCodes.NextActionDueInPast);
    }

    [Theory]
    [InlineData("ToC", "ToC")]
    [InlineData("toc", "ToC")]
    [InlineData(" ECommerce ", "ECommerce")]
    [InlineData("电商", "ECommerce")]
    [InlineData("項目型銷售", "Project")]
    [InlineData(null, "ToB")]
    [InlineData("", "ToB")]
    public void Evaluate_ScenarioNamesTheProfile(string? scenario, string expected)
    {
        var evaluation = TestClock.Evaluator().Evaluate(new FollowUpRecord { Scenario = scenario });

        Assert.Equal(expected, evaluation.Profile);
        Assert.DoesNotContain(evaluation.Findings, f => f.Code == FindingCodes.UnknownProfile);
    }

    [Fact]
    public void Evaluate_UnknownScenario_WarnsAndUsesTheDefaultProfile()
    {
        var record = SampleRecords.CompleteToC() with { Scenario = "Wholesale" };

        var evaluation = TestClock.Evaluator().Evaluate(record);

        Assert.Equal("ToB", evaluation.Profile);
        var finding = Assert.Single(evaluation.FindingsWithCode(FindingCodes.UnknownProfile));
        Assert.Equal(("scenario", Severity.Warning), (finding.Field, finding.Severity));
        Assert.Null(finding.Step);
        Assert.Equal("Wholesale", finding.Value);
        Assert.Contains("Wholesale", finding.Message, StringComparison.Ordinal);
        Assert.Contains("ToB", finding.Message, StringComparison.Ordinal);

        // ToB asks for the company details a ToC record leaves out.
        Assert.Contains("customer.company", evaluation.Step(FollowUpStep.BasicInfo).Missing);
    }

    [Fact]
    public void Evaluate_UnknownScenarioWithAnotherDefault_UsesThatDefault()
    {
        var evaluation = TestClock.Evaluator(o => o.DefaultProfile = "ToC").Evaluate(SampleRecords.CompleteToC() with { Scenario = "Wholesale" });

        Assert.Equal("ToC", evaluation.Profile);
        Assert.Equal([FindingCodes.UnknownProfile], evaluation.CompletenessFindings().Select(f => f.Code));
    }

    [Fact]
    public void Evaluate_WithProfileName_OverridesTheScenario()
    {
        var evaluation = TestClock.Evaluator().Evaluate(SampleRecords.CompleteToC() with { Scenario = "Wholesale" }, "ToC");

        Assert.Equal("ToC", evaluation.Profile);
        Assert.Empty(evaluation.CompletenessFindings());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void Evaluate_WithNoProfileName_FollowsTheScenario_AsWithoutOne(string? profile)
    {
        // A tenant's optional profile setting is passed as it is; BatchEvaluationOptions.Profile reads null the same way.
        var record = SampleRecords.CompleteToC() with { Scenario = "ToC" };

        var evaluation = TestClock.Evaluator().Evaluate(record, profile);

        Assert.Equal("ToC", evaluation.Profile);
        Assert.Equal(FollowUpJson.Serialize(TestClock.Evaluator().Evaluate(record)), FollowUpJson.Serialize(evaluation));
    }

    [Fact]
    public void Evaluate_WithNoProfileName_AndAnUnknownScenario_WarnsAsWithoutOne()
    {
        var evaluation = TestClock.Evaluator().Evaluate(new FollowUpRecord { Scenario = "Wholesale" }, profile: null);

        Assert.Equal("ToB", evaluation.Profile);
        Assert.Contains(evaluation.Findings, f => f.Code == FindingCodes.UnknownProfile);
    }

    [Fact]
    public void Evaluate_WithTheDefaultProfilesName_UsesItWhateverTheScenario()
    {
        var evaluator = TestClock.Evaluator();

        Assert.Equal("ToB", evaluator.Evaluate(new FollowUpRecord { Scenario = "ToC" }, evaluator.Rules.DefaultProfile.Name).Profile);
    }

    [Fact]
    public void Evaluate_WithUnknownProfileName_ThrowsKeyNotFoundException() =>
        Assert.Throws<KeyNotFoundException>(() => TestClock.Evaluator().Evaluate(new FollowUpRecord(), "Wholesale"));

    [Fact]
    public void Findings_CarryTheirStepAsCustomState()
    {
        var evaluation = TestClock.Evaluator().Evaluate(new FollowUpRecord
        {
            Scenario = "Project",
            Communications = [new Communication { Channel = EnumValue<ContactChannel>.Parse("信鸽") }],
            Risks = [new RiskNote { Kind = "Delay" }],
        });

        Assert.All(evaluation.Findings, f => Assert.Equal(ExpectedStep(f.Field), f.Step));
        Assert.Equal(Enum.GetValues<FollowUpStep>(), evaluation.Findings.Select(f => f.Step).OfType<FollowUpStep>().Distinct().Order());

        static FollowUpStep? ExpectedStep(string path) => path switch
        {
            "recordedAt" => null,
            _ when path.StartsWith("customer.", StringComparison.Ordinal) => FollowUpStep.BasicInfo,
            _ when path.StartsWith("needs.", StringComparison.Ordinal) => FollowUpStep.Needs,
            _ when path.StartsWith("communications", StringComparison.Ordinal) => FollowUpStep.Communications,
            _ when path.StartsWith("progress.", StringComparison.Ordinal) || path == "custom.milestones" => FollowUpStep.Progress,
            _ when path.StartsWith("attachments", StringComparison.Ordinal) || path.StartsWith("risks", StringComparison.Ordinal) => FollowUpStep.AttachmentsAndRisks,
            _ => throw new InvalidOperationException($"Unexpected finding path {path}."),
        };
    }

    [Fact]
    public void Findings_MessagesAreChineseByDefault()
    {
        var evaluation = TestClock.Evaluator().Evaluate(SampleRecords.CompleteToB().WithCustomer(c => c with { Company = null, Industry = "待补充" }));

        var missing = Assert.Single(evaluation.FindingsOn("customer.company"));
        var acknowledged = Assert.Single(evaluation.FindingsOn("customer.industry"));

        Assert.StartsWith("缺少企业名称。", missing.Message, StringComparison.Ordinal);
        Assert.StartsWith("行业暂未明确（“待补充”）", acknowledged.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-US")]
    public void Findings_MessagesAreEnglishWithAnEnglishCulture(string culture)
    {
        var evaluator = TestClock.Evaluator(o => o.Culture = culture);

        var evaluation = evaluator.Evaluate(SampleRecords.CompleteToB().WithCustomer(c => c with { Company = null, Industry = "待补充" }));

        Assert.StartsWith("Missing company.", Assert.Single(evaluation.FindingsOn("customer.company")).Message, StringComparison.Ordinal);
        Assert.StartsWith("The industry field is marked as not known yet (\"待补充\")", Assert.Single(evaluation.FindingsOn("customer.industry")).Message, StringComparison.Ordinal);
        Assert.All(evaluation.Findings, f => Assert.DoesNotContain("缺少", f.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void Findings_AttemptedValueIsTheValueAsReceived()
    {
        var evaluation = TestClock.Evaluator().Evaluate(SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = Timestamp.Parse("下周三") }));

        Assert.Equal("下周三", Assert.Single(evaluation.FindingsOn("progress.nextActionDue")).Value);
    }

    [Fact]
    public void HasErrors_IsTrueOnlyWithAnErrorFinding()
    {
        var evaluator = TestClock.Evaluator();

        Assert.False(evaluator.Evaluate(SampleRecords.CompleteToB()).HasErrors);
        Assert.False(evaluator.Evaluate(SampleRecords.CompleteToB().WithNeeds(n => n with { Budget = "待补充" })).HasErrors);
        Assert.True(evaluator.Evaluate(SampleRecords.CompleteToB().WithNeeds(n => n with { Budget = null })).HasErrors);
    }

    [Fact]
    public void Evaluate_ManyThreadsSharingOneEvaluator_GiveTheSameResultsAsOneThread()
    {
        var evaluator = TestClock.Evaluator();
        FollowUpRecord[] records =
        [
            SampleRecords.CompleteToB(), SampleRecords.CompleteToC(), SampleRecords.CompleteProject(), SampleRecords.CompleteECommerce(),
            new FollowUpRecord(), SampleRecords.CompleteToB().WithNeeds(n => n with { Summary = "数量从100套增至200套", Budget = "待补充" }),
        ];
        var expected = records.Select(r => FollowUpJson.Serialize(evaluator.Evaluate(r))).ToArray();

        var actual = new string[records.Length * 50];
        Parallel.For(0, actual.Length, i => actual[i] = FollowUpJson.Serialize(evaluator.Evaluate(records[i % records.Length])));

        Assert.All(Enumerable.Range(0, actual.Length), i => Assert.Equal(expected[i % records.Length], actual[i]));
    }

    [Theory]
    [InlineData("zh-CN", "“客户”的值形状不对：应为字段对象，实际是文本 \"张伟\"。该值未参与评估。")]
    [InlineData("en", "The value of customer has the wrong shape: expected an object with fields, found text \"张伟\". It was left out of the evaluation.")]
    public void Evaluate_WrongShapedValue_IsAnInvalidValueErrorOnItsPath(string culture, string message)
    {
        var record = FollowUpJson.DeserializeRecord(FollowUpJson.Serialize(SampleRecords.CompleteToB()).Replace(
            "\"customer\":{", "\"customer\":\"张伟\",\"unused\":{", StringComparison.Ordinal))!;

        var finding = Assert.Single(TestClock.Evaluator(o => o.Culture = culture).Evaluate(record).Findings, f => f.Code == FindingCodes.InvalidValue);

        Assert.Equal((Severity.Error, "customer", "\"张伟\"", (FollowUpStep?)FollowUpStep.BasicInfo), (finding.Severity, finding.Field, finding.Value, finding.Step));
        Assert.Equal(message, finding.Message);
    }

    [Theory]
    [InlineData("""{ "needs": { "summary": ["a", "b"] } }""", "needs.summary", "The value of needs summary has the wrong shape: expected text, found a list [\"a\",\"b\"].")]
    [InlineData("""{ "owner": { "name": "x" } }""", "owner", "The value of record owner has the wrong shape: expected text, found an object {\"name\":\"x\"}.")]
    [InlineData("""{ "custom": { "d": ["x"] } }""", "custom.d", "The value of custom.d has the wrong shape: expected text, found a list [\"x\"].")]
    [InlineData("""{ "risks": [{ "description": ["a", "b"] }] }""", "risks[0].description", "The value of risk description has the wrong shape: expected text, found a list [\"a\",\"b\"].")]
    [InlineData("""{ "risks": [7] }""", "risks[0]", "The value of risk entry has the wrong shape: expected an object with fields, found the number 7.")]
    [InlineData("""{ "attachments": "ERP方案V2.pdf" }""", "attachments", "The value of attachments has the wrong shape: expected a list, found text \"ERP方案V2.pdf\".")]
    [InlineData("""{ "needs": { "changes": "需求变了" } }""", "needs.changes", "The value of change history has the wrong shape: expected a list, found text \"需求变了\".")]
    [InlineData("""{ "progress": { "nextAction": true, "stage": false, "stageSince": [true] } }""", "progress.stageSince", "The value of stage start has the wrong shape: expected text, found a list [true].")]
    public void Evaluate_WrongShapedValue_NamesTheFieldTheShapeAndTheValueReceived(string json, string path, string message)
    {
        var evaluation = TestClock.Evaluator(o => o.Culture = "en").Evaluate(FollowUpJson.DeserializeRecord(json)!);

        var finding = Assert.Single(evaluation.Findings, f => f.Code == FindingCodes.InvalidValue);
        Assert.Equal(path, finding.Field);
        Assert.StartsWith(message, finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Evaluate_WrongShapedValues_LeaveTheOtherFieldsEvaluated()
    {
        var complete = FollowUpJson.Serialize(SampleRecords.CompleteToB());
        var record = FollowUpJson.DeserializeRecord(complete
            .Replace("\"customer\":{", "\"customer\":\"张伟\",\"unused\":{", StringComparison.Ordinal)
            .Replace("\"attachments\":[", "\"attachments\":\"ERP方案V2.pdf\",\"unused2\":[", StringComparison.Ordinal))!;

        var evaluation = TestClock.Evaluator().Evaluate(record);
        var expected = TestClock.Evaluator().Evaluate(SampleRecords.CompleteToB() with { Customer = null, Attachments = null });

        Assert.Equal(["customer", "attachments"], evaluation.Findings.Where(f => f.Code == FindingCodes.InvalidValue).Select(f => f.Field));
        Assert.Equal(expected.Completeness.Steps.Select(Summary), evaluation.Completeness.Steps.Select(Summary));
        Assert.Equal(100, evaluation.Completeness[FollowUpStep.Communications].Score);
        Assert.Equal(expected.Score, evaluation.Score, precision: 1); // one deduction for the value, rounded once, not one per field
        // The fields the wrong-shaped values held are missing once, as the InvalidValue finding, not again as FieldMissing.
        static bool UnderAnInvalidValue(Finding f) => f.Field.StartsWith("customer", StringComparison.Ordinal) || f.Field.StartsWith("attachments", StringComparison.Ordinal);
        Assert.Contains(expected.Findings, f => f.Code == FindingCodes.FieldMissing && UnderAnInvalidValue(f));
        Assert.Equal(
            expected.Findings.Where(f => !(f.Code == FindingCodes.FieldMissing && UnderAnInvalidValue(f))).Select(f => (f.Code, f.Field)),
            evaluation.Findings.Where(f => f.Code != FindingCodes.InvalidValue).Select(f => (f.Code, f.Field)));
        Assert.DoesNotContain(evaluation.Deductions, d => d.Code == FollowUp.Rules.Grading.DeductionCodes.FieldMissing && d.Field.StartsWith("customer", StringComparison.Ordinal));
        var deduction = Assert.Single(evaluation.Deductions, d => d.Code == FollowUp.Rules.Grading.DeductionCodes.InvalidValue && d.Field == "customer");
        Assert.Equal(
            expected.Deductions.Where(d => d.Code == FollowUp.Rules.Grading.DeductionCodes.FieldMissing && d.Field.StartsWith("customer.", StringComparison.Ordinal)).Sum(d => d.Points),
            deduction.Points,
            precision: 1);
    }

    private static string Summary(StepResult step) => $"{step.Step} {step.Score}: {string.Join(", ", step.Missing)} / {string.Join(", ", step.Acknowledged)}";

    [Fact]
    public void Evaluate_InvalidValuesSetToNull_IsReadAsNone() =>
        Assert.DoesNotContain(
            TestClock.Evaluator().Evaluate(SampleRecords.CompleteToB() with { InvalidValues = null! }).Findings,
            f => f.Code == FindingCodes.InvalidValue);

    [Fact]
    public void Validate_WrongShapedCustomer_IsAFailureOfTheBasicInfoValidator()
    {
        var record = FollowUpJson.DeserializeRecord("""{ "customer": "张伟" }""")!;

        var failures = new BasicInfoValidator(TestClock.Evaluator()).Validate(record).Errors;

        Assert.Contains(failures, f => (f.ErrorCode, f.PropertyName, f.AttemptedValue as string) == (FindingCodes.InvalidValue, "customer", "\"张伟\""));
    }

    /// <summary>
    /// A null entry of a list, or one of the wrong shape (read as null, with its InvalidValue finding), is an absent entry: a
    /// list of nothing else grades as an empty one, with its findings ([null] once earned the log's credit for an entry, and
    /// asked for each field of it).
    /// </summary>
    [Theory]
    [InlineData("ToB", "communications", "[null]")]
    [InlineData("ToB", "communications", "[7]")]
    [InlineData("ToB", "communications", "[null, \"张伟\", null]")]
    [InlineData("Project", "risks", "[null]")]
    [InlineData("Project", "risks", "[null, 7]")]
    [InlineData("Project", "attachments", "[null]")]
    public void Evaluate_ListOfNullOrWrongShapedEntries_GradesAsAnEmptyList(string profile, string list, string entries)
    {
        var evaluator = TestClock.Evaluator();
        var absent = evaluator.Evaluate(WithList(profile, list, entries));
        var empty = evaluator.Evaluate(WithList(profile, list, "[]"));

        Assert.Equal(empty.Score, absent.Score);
        Assert.Equal(empty.Completeness.Steps.Select(s => s.Score), absent.Completeness.Steps.Select(s => s.Score));
        Assert.Equal(Summary(empty.Findings), Summary(absent.Findings.Where(f => f.Code != FindingCodes.InvalidValue)));
        Assert.Equal(empty.Risk.Signals.Select(s => (s.Code, s.Field)), absent.Risk.Signals.Select(s => (s.Code, s.Field)));
        Assert.Contains(empty.Findings, f => f.Field == list);
    }

    /// <summary>Beside entries that are there, an absent entry costs nothing and asks for nothing; the others keep their index.</summary>
    [Theory]
    [InlineData("ToB", "communications")]
    [InlineData("Project", "risks")]
    [InlineData("Project", "attachments")]
    public void Evaluate_NullOrWrongShapedEntryBesideOthers_CostsNothing(string profile, string list)
    {
        var evaluator = TestClock.Evaluator();
        var complete = evaluator.Evaluate(SampleRecords.CompleteFor(profile));
        var entries = JsonNode.Parse(FollowUpJson.Serialize(SampleRecords.CompleteFor(profile)))![list]!.AsArray().Select(e => e!.ToJsonString());

        var withNull = evaluator.Evaluate(WithList(profile, list, $"[null, {string.Join(", ", entries)}]"));
        var withWrong = evaluator.Evaluate(WithList(profile, list, $"[7, {string.Join(", ", entries)}]"));

        Assert.Equal((complete.Score, 0), (withNull.Score, withNull.Findings.Count));
        Assert.Equal(complete.Score, withWrong.Score);
        Assert.Equal((FindingCodes.InvalidValue, $"{list}[0]"), (Assert.Single(withWrong.Findings).Code, withWrong.Findings[0].Field));
    }

    private static FollowUpRecord WithList(string profile, string list, string entries)
    {
        var json = JsonNode.Parse(FollowUpJson.Serialize(SampleRecords.CompleteFor(profile)))!;
        json[list] = JsonNode.Parse(entries);
        return FollowUpJson.DeserializeRecord(json.ToJsonString())!;
    }

    private static string[] Summary(IEnumerable<Finding> findings) => [.. findings.Select(f => $"{f.Code} {f.Field}")];

    [Fact]
    public void Evaluate_LogOfFiftyThousandEntries_ReportsEachEntryAsATenEntryLogDoes()
    {
        // Nothing done for one entry may be done again for every other entry: each such pass (listing distinct missing paths,
        // finding a wrong-shaped value's note, a field's clarity or vague phrase, a signal's code) once made a log this long
        // take minutes. Now it takes about a second, and every entry still counts once.
        var small = TestClock.Evaluator().Evaluate(LongLog(10));
        var large = TestClock.Evaluator().Evaluate(LongLog(50_000));

        var missing = large.Completeness[FollowUpStep.Communications].Missing;
        Assert.Equal(5_000 * small.Completeness[FollowUpStep.Communications].Missing.Count, missing.Count);
        Assert.Equal(missing.Count, missing.Distinct(StringComparer.Ordinal).Count());
        var entryFindings = EntryFindingCounts(small);
        Assert.All([FindingCodes.FieldMissing, FindingCodes.InvalidValue, FindingCodes.VagueLanguage], code => Assert.True(entryFindings[code] > 0, code));
        Assert.Equal(entryFindings.ToDictionary(count => count.Key, count => 5_000 * count.Value), EntryFindingCounts(large));
        AssertScaled(small.Findings, large.Findings, finding => finding.Field);
        AssertScaled(small.Vague, large.Vague, match => match.Field);
        AssertScaled(small.Clarity, large.Clarity, clarity => clarity.Field);
        AssertScaled(small.Risk.Signals, large.Risk.Signals, signal => signal.Field);
        Assert.Equal(small.Risk.Score, large.Risk.Score);

        static bool IsInEntry(string field) => field.StartsWith("communications[", StringComparison.Ordinal);

        // 5,000 times as many of the entries' own, and the same of the record's.
        static void AssertScaled<T>(IReadOnlyList<T> small, IReadOnlyList<T> large, Func<T, string> field)
        {
            Assert.Equal(5_000 * small.Count(item => IsInEntry(field(item))), large.Count(item => IsInEntry(field(item))));
            Assert.Equal(small.Count(item => !IsInEntry(field(item))), large.Count(item => !IsInEntry(field(item))));
        }

        static Dictionary<string, int> EntryFindingCounts(FollowUpEvaluation evaluation) =>
            evaluation.Findings.Where(f => IsInEntry(f.Field)).CountBy(f => f.Code).ToDictionary();
    }

    /// <summary>
    /// A log of <paramref name="count"/> entries (a multiple of 10) of five kinds in turn: null, empty, with a wrong-shaped summary,
    /// with a vague summary, and with a price objection in the first half and a competitor in the second. The texts are one
    /// string each, shared by every entry, as a record built in code may share them.
    /// </summary>
    private static FollowUpRecord LongLog(int count)
    {
        var at = TestClock.DaysFromNow(-2);
        var communications = new Communication?[count];
        var invalid = new List<InvalidValue>();
        for (var i = 0; i < count; i++)
        {
            communications[i] = (i % 5) switch
            {
                0 => null,
                1 => new Communication(),
                2 => new Communication { At = at, Channel = ContactChannel.Phone, Contact = "李娜" },
                3 => new Communication { At = at, Channel = ContactChannel.Phone, Contact = "李娜", Summary = "跟进中", Feedback = CustomerFeedback.Pending },
                _ => new Communication
                {
                    At = at, Channel = ContactChannel.Visit, Contact = "周立群", Summary = i < count / 2 ? "客户觉得价格太贵" : "友商已报价",
                    Feedback = CustomerFeedback.Satisfied,
                },
            };
            if (i % 5 == 2)
            {
                invalid.Add(new InvalidValue($"communications[{i}].summary", JsonValueKind.String, JsonValueKind.Array, "[\"x\"]"));
            }
        }

        return SampleRecords.CompleteToB() with { Communications = communications!, InvalidValues = invalid };
    }
}
