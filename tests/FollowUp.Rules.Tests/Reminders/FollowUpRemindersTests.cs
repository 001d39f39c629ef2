using FollowUp.Rules.Reminders;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests.Reminders;

public sealed class FollowUpRemindersTests
{
    private static readonly FollowUpEvaluator Evaluator = TestClock.Evaluator();

    [Fact]
    public void Remind_CompleteRecord_NeedsNothing() => Assert.Empty(Evaluator.Remind([SampleRecords.CompleteToB()]));

    [Fact]
    public void Remind_OverdueNextAction_SaysHowLateAndWho()
    {
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = TestClock.DaysFromNow(-3), NextActionOwner = "李明" });
        var reminder = Assert.Single(Evaluator.Remind([record]));
        Assert.Equal(ReminderKind.Overdue, reminder.Kind);
        Assert.Equal(TimeSpan.FromDays(3), reminder.Late);
        Assert.Equal("李明", reminder.Owner);
        Assert.Equal(record.Id, reminder.RecordId);
        Assert.Equal("苏州启衡精密机械有限公司", reminder.Customer);
    }

    [Fact]
    public void Remind_DueLaterToday_IsDueToday()
    {
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = TestClock.Now.AddHours(4) });
        Assert.Equal(ReminderKind.DueToday, Assert.Single(Evaluator.Remind([record])).Kind);
    }

    [Fact]
    public void Remind_DueTodayWithoutATime_IsDueTodayNotOverdue()
    {
        var today = TestClock.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = Timestamp.Parse(today) });

        var evaluation = Evaluator.Evaluate(record);

        var reminder = Assert.Single(evaluation.Reminders);
        Assert.Equal(ReminderKind.DueToday, reminder.Kind);
        Assert.Equal("下一步“" + record.Progress!.NextAction + "”今天到期。", reminder.Reason);
        Assert.DoesNotContain(evaluation.Risk.Signals, s => s.Code == FollowUp.Rules.Risk.RiskSignalCodes.NextActionOverdue);
        Assert.DoesNotContain(evaluation.Deductions, d => d.Code == FollowUp.Rules.Grading.DeductionCodes.NextActionOverdue);
    }

    [Theory]
    [InlineData("Signed", "12 月 1 日上门安装并培训", true)]
    [InlineData("Lost", "半年后回访，看新预算", false)]
    public void Remind_ClosedDealWithADueNextAction_IsStillReminded_AndSignalledOverdueOnlyWhenSigned(string stage, string action, bool signalled)
    {
        // A signed deal's written next action is work promised for a date in every profile; a lost deal's call back is not a risk.
        var record = SampleRecords.CompleteToB().WithProgress(p => p with
        {
            Stage = EnumValue<DealStage>.Parse(stage), NextAction = action, NextActionDue = TestClock.DaysFromNow(-2),
        });

        var evaluation = Evaluator.Evaluate(record);

        var reminder = Assert.Single(evaluation.Reminders, r => r.Kind == ReminderKind.Overdue);
        Assert.Contains(action, reminder.Reason, StringComparison.Ordinal);
        Assert.Equal(signalled, evaluation.Risk.Signals.Any(s => s.Code == FollowUp.Rules.Risk.RiskSignalCodes.NextActionOverdue));
    }

    [Theory]
    [InlineData(-3.0, null, "下一步已逾期 3 天（截止")]
    [InlineData(0.2, "  ", "下一步今天 ")]
    [InlineData(0.0, "", "下一步今天到期，却没有写明要做什么。")]
    public void Remind_DueDateWithoutAnAction_SaysTheActionIsNotWrittenRatherThanQuotingNothing(double days, string? action, string start)
    {
        var today = TestClock.Now.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var due = days == 0 ? Timestamp.Parse(today) : TestClock.DaysFromNow(days);
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextAction = action, NextActionDue = due });

        var reason = Assert.Single(Evaluator.Evaluate(record).Reminders).Reason;

        Assert.StartsWith(start, reason, StringComparison.Ordinal);
        Assert.Contains("没有写明要做什么", reason, StringComparison.Ordinal);
        Assert.DoesNotContain("“", reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", 30, "已逾期 30 分钟（截止", "已逾期 30 分钟")]
    [InlineData("en", 30, "is 30 minutes overdue (due", "30 minutes ago")]
    [InlineData("zh-CN", 0.5, "已逾期 1 分钟（截止", "已逾期 1 分钟")]
    [InlineData("zh-TW", 30, "已逾期 30 分鐘（截止", "已逾期 30 分鐘")]
    public void Remind_DueLessThanAnHourAgo_SaysMinutesNotZeroHours(string culture, double minutes, string reason, string evidence)
    {
        // A due time half an hour ago read "已逾期 0 小时" ("0h overdue"), and its risk evidence "已逾期 0 天": overdue by nothing.
        var evaluator = TestClock.Evaluator(o => o.Culture = culture);
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = TestClock.Now.AddMinutes(-minutes) });

        var evaluation = evaluator.Evaluate(record);

        var reminder = Assert.Single(evaluation.Reminders);
        Assert.Equal(ReminderKind.Overdue, reminder.Kind);
        Assert.Contains(reason, reminder.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0 小时", reminder.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0h ", reminder.Reason, StringComparison.Ordinal);
        var signal = Assert.Single(evaluation.Risk.Signals, s => s.Code == FollowUp.Rules.Risk.RiskSignalCodes.NextActionOverdue);
        Assert.Contains(evidence, signal.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", 3.0, "已逾期 3 小时")]
    [InlineData("zh-CN", 23.9, "已逾期 23 小时")]
    [InlineData("zh-CN", 24.0, "已逾期 1 天")]
    [InlineData("zh-CN", 28.0, "已逾期 1.1 天")]
    [InlineData("zh-TW", 3.0, "已逾期 3 小時")]
    [InlineData("zh-HK", 28.0, "已逾期 1.1 天")]
    [InlineData("en", 1.0, "1 hour")]
    [InlineData("en", 28.0, "1.1 days")]
    public void Remind_Overdue_SaysHowLateAsTheRiskEvidenceDoes(string culture, double hours, string late)
    {
        // The evidence said "已逾期 0.2 天" (rounded up to a tenth of a day) where the reminder said "3 小时".
        var evaluation = TestClock.Evaluator(o => o.Culture = culture)
            .Evaluate(SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = TestClock.Now.AddHours(-hours) }));

        var reminder = Assert.Single(evaluation.Reminders);
        var signal = Assert.Single(evaluation.Risk.Signals, s => s.Code == FollowUp.Rules.Risk.RiskSignalCodes.NextActionOverdue);
        Assert.Contains(late, reminder.Reason, StringComparison.Ordinal);
        Assert.Contains(late, signal.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "（截止 2026-11-26 11:00）", "下一步截止 2026-11-26，已逾期 1 小时")]
    [InlineData("en", "(due 2026-11-26 11:00)", "next action was due 2026-11-26, 1 hour ago")]
    [InlineData("zh-TW", "（截止 2026-11-26 11:00）", "下一步截止 2026-11-26，已逾期 1 小時")]
    public void Remind_DueGivenInAnotherOffset_ShowsItInTheRulesZone(string culture, string due, string evidence)
    {
        // 03:00Z was shown as "截止 2026-11-26 03:00", which a reader in UTC+08:00 takes for 03:00 there, 8 hours early.
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = Timestamp.Parse("2026-11-26T03:00:00Z") });

        var evaluation = TestClock.Evaluator(o => o.Culture = culture).Evaluate(record);

        Assert.Contains(due, Assert.Single(evaluation.Reminders).Reason, StringComparison.Ordinal);
        Assert.Contains(due, Assert.Single(evaluation.Deductions, d => d.Code == FollowUp.Rules.Grading.DeductionCodes.NextActionOverdue).Message, StringComparison.Ordinal);
        Assert.Equal(evidence, Assert.Single(evaluation.Risk.Signals, s => s.Code == FollowUp.Rules.Risk.RiskSignalCodes.NextActionOverdue).Evidence);
    }

    [Fact]
    public void Remind_DueLaterTodayInAnotherOffset_SaysTheClockInTheRulesZone()
    {
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = Timestamp.Parse("2026-11-26T07:30:00Z") });

        var reminder = Assert.Single(Evaluator.Remind([record]));

        Assert.Equal(ReminderKind.DueToday, reminder.Kind);
        Assert.Contains("今天 15:30 到期", reminder.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Remind_DueYesterdayWithoutATime_IsOverdueFromTheEndOfThatDay()
    {
        var yesterday = TestClock.Now.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = Timestamp.Parse(yesterday) });

        var reminder = Assert.Single(Evaluator.Remind([record]));

        Assert.Equal(ReminderKind.Overdue, reminder.Kind);
        Assert.Equal(TestClock.Now - new DateTimeOffset(TestClock.Now.Date, TestClock.Now.Offset), reminder.Late);
        Assert.Contains($"（截止 {yesterday}）", reminder.Reason, StringComparison.Ordinal);
        Assert.Contains(" 小时", reminder.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Remind_DueYesterdayWithoutATime_AtMidnight_IsAlreadyOverdue()
    {
        var midnight = new DateTimeOffset(TestClock.Now.Date, TestClock.Now.Offset);
        var evaluator = new FollowUpEvaluator(FollowUpRuleSet.Default, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(midnight));
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = Timestamp.Parse(midnight.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)) });

        Assert.Equal(ReminderKind.Overdue, Assert.Single(evaluator.Remind([record])).Kind);
    }

    [Fact]
    public void Remind_UnansweredLatestContact_AndStaleCustomer_AreListed()
    {
        var unanswered = SampleRecords.CompleteToB().WithCommunications(c => c with { At = TestClock.DaysFromNow(-1), Summary = "打了三次电话都无人接听" });
        Assert.Contains(Evaluator.Remind([unanswered]), r => r.Kind == ReminderKind.Unanswered);
        var stale = SampleRecords.CompleteToB().WithCommunications(c => c with { At = TestClock.DaysFromNow(-20) });
        var reminder = Assert.Single(Evaluator.Remind([stale]), r => r.Kind == ReminderKind.Stale);
        Assert.Equal(TimeSpan.FromDays(20), reminder.Late);
    }

    [Theory]
    [InlineData("2026-11-28", true)]
    [InlineData("2026-11-28T10:00:00+08:00", false)]
    [InlineData(null, false)]
    public void Remind_UnansweredAndStale_GiveTheNextActionsDueTimeWhenTheRecordHasOne(string? due, bool dateOnly)
    {
        // A lead scanning stale and unanswered customers needs to see that a call is already scheduled for 11-28.
        var progress = (DealProgress p) => p with { NextActionDue = Timestamp.Parse(due) };
        var unanswered = SampleRecords.CompleteToB().WithProgress(progress)
            .WithCommunications(c => c with { At = TestClock.DaysFromNow(-1), Summary = "打了三次电话都无人接听" });
        var stale = SampleRecords.CompleteToB().WithProgress(progress).WithCommunications(c => c with { At = TestClock.DaysFromNow(-20) });
        DateTimeOffset? expected = due is null ? null : new DateTimeOffset(2026, 11, 28, dateOnly ? 0 : 10, 0, 0, TestClock.ChinaOffset);

        var reminders = Evaluator.Remind([unanswered, stale]).Where(r => r.Kind is ReminderKind.Unanswered or ReminderKind.Stale).ToList();

        Assert.Equal([ReminderKind.Unanswered, ReminderKind.Stale], reminders.Select(r => r.Kind));
        Assert.All(reminders, r => Assert.Equal((expected, dateOnly), (r.Due, r.DueIsDateOnly)));
    }

    [Theory]
    [InlineData("2026-11-24", true)]
    [InlineData("2026-11-24T15:00:00+08:00", false)]
    public void Remind_Overdue_SaysWhetherItsDueTimeIsADayAlone(string due, bool dateOnly)
    {
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = Timestamp.Parse(due) });

        var reminder = Assert.Single(Evaluator.Remind([record]));

        Assert.Equal((ReminderKind.Overdue, dateOnly), (reminder.Kind, reminder.DueIsDateOnly));
        Assert.Equal(new DateTimeOffset(2026, 11, 24, dateOnly ? 0 : 15, 0, 0, TestClock.ChinaOffset), reminder.Due);
    }

    [Fact]
    public void Remind_StaleOrUnansweredThatANotedRiskAnswers_IsNotListed()
    {
        // The customer asked for quiet until after her exams; the record says so and when to write again.
        var quiet = SampleRecords.CompleteToB().WithCommunications(c => c with { At = TestClock.DaysFromNow(-20) }) with
        {
            Risks = [new RiskNote { Kind = "Stale", Description = "客户要求 12 月 10 日考完前不联系", Countermeasure = "12 月 11 日上午微信提醒一次，不打电话" }],
        };
        var unanswered = SampleRecords.CompleteToB().WithCommunications(c => c with { At = TestClock.DaysFromNow(-1), Summary = "打了三次电话都无人接听" }) with
        {
            Risks = [new RiskNote { Kind = "NoResponse", Description = "电话三次无人接听", Countermeasure = "11 月 27 日改发微信并抄送采购部邮箱" }],
        };

        Assert.DoesNotContain(Evaluator.Remind([quiet]), r => r.Kind == ReminderKind.Stale);
        Assert.DoesNotContain(Evaluator.Remind([unanswered]), r => r.Kind == ReminderKind.Unanswered);
        Assert.Contains(Evaluator.Remind([quiet with { Risks = null }]), r => r.Kind == ReminderKind.Stale);
        Assert.Contains(Evaluator.Remind([unanswered with { Risks = null }]), r => r.Kind == ReminderKind.Unanswered);
    }

    [Theory]
    [InlineData("長時間未跟進", "12 月 11 日上午微信提醒一次，不打电话", false)]
    [InlineData("Ｓｔａｌｅ", "12 月 11 日上午微信提醒一次，不打电话", false)]
    [InlineData("Stale", "加强沟通", true)]
    [InlineData("Stale", "尽快跟进", true)]
    public void Remind_StaleAnsweredByANotedRisk_IsListedUnlessTheAnswerIsConcrete(string kind, string countermeasure, bool listed)
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { At = TestClock.DaysFromNow(-20) }) with
        {
            Risks = [new RiskNote { Kind = kind, Description = "客户要求 12 月 10 日考完前不联系", Countermeasure = countermeasure }],
        };

        Assert.Equal(listed, Evaluator.Remind([record]).Any(r => r.Kind == ReminderKind.Stale));
    }

    [Fact]
    public void Remind_UnansweredMentionedByAnotherKindOfRisk_OrStaleWithNoNextActionWritten_IsListed()
    {
        var unanswered = SampleRecords.CompleteToB().WithCommunications(c => c with { At = TestClock.DaysFromNow(-1), Summary = "打了三次电话都无人接听" }) with
        {
            Risks = [new RiskNote { Kind = "Competitor", Description = "友商也联系不上客户", Countermeasure = "11 月 28 日前发竞品对比表给采购部" }],
        };
        var stale = SampleRecords.CompleteToB().WithCommunications(c => c with { At = TestClock.DaysFromNow(-20) })
            .WithProgress(p => p with { NextAction = null }) with
        {
            Risks = [new RiskNote { Kind = "Stale", Description = "客户要求 12 月 10 日考完前不联系", Countermeasure = "12 月 11 日上午微信提醒一次，不打电话" }],
        };

        Assert.Contains(Evaluator.Remind([unanswered]), r => r.Kind == ReminderKind.Unanswered);
        Assert.Contains(Evaluator.Remind([stale]), r => r.Kind == ReminderKind.Stale);
    }

    [Fact]
    public void Remind_StaleAnsweredConcretely_IsListedAgainOnceTheNextActionIsDue()
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { At = TestClock.DaysFromNow(-20) }) with
        {
            Risks = [new RiskNote { Kind = "Stale", Description = "客户要求 11 月 10 日前不联系", Countermeasure = "11 月 11 日上午微信提醒一次，不打电话" }],
        };

        var overdue = record.WithProgress(p => p with { NextActionDue = TestClock.DaysFromNow(-5) });

        Assert.DoesNotContain(Evaluator.Remind([record]), r => r.Kind == ReminderKind.Stale);
        Assert.Contains(Evaluator.Remind([overdue]), r => r.Kind == ReminderKind.Stale);
        Assert.Contains(Evaluator.Remind([overdue]), r => r.Kind == ReminderKind.Overdue);
    }

    [Fact]
    public void Remind_StaleLostDeal_IsNotListed()
    {
        var lost = SampleRecords.CompleteToB().WithCommunications(c => c with { At = TestClock.DaysFromNow(-56) })
            .WithProgress(p => p with { Stage = DealStage.Lost, NextActionDue = default });

        Assert.DoesNotContain(Evaluator.Remind([lost]), r => r.Kind == ReminderKind.Stale);
        Assert.Contains(Evaluator.Remind([lost.WithProgress(p => p with { Stage = DealStage.Signed })]), r => r.Kind == ReminderKind.Stale);
    }

    [Fact]
    public void Remind_ManyRecords_AreMostUrgentFirstAndFilterableByOwner()
    {
        FollowUpRecord Overdue(string id, int days, string owner) =>
            SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = TestClock.DaysFromNow(-days), NextActionOwner = owner }) with { Id = id };
        var stale = SampleRecords.CompleteToB().WithCommunications(c => c with { At = TestClock.DaysFromNow(-40) }) with { Id = "S" };
        var records = new[] { stale, Overdue("A", 1, "李明"), Overdue("B", 5, "王芳"), Overdue("C", 2, "李明") };

        var all = Evaluator.Remind(records);
        Assert.Equal(["B", "C", "A", "S"], all.Select(r => r.RecordId));
        Assert.Equal(["C", "A"], Evaluator.Remind(records, owner: " 李明 ").Select(r => r.RecordId));
    }

    [Fact]
    public void Remind_ByOwner_MatchesNamesAsTheTeamReportMergesThem()
    {
        FollowUpRecord Overdue(string id, string owner) =>
            SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = TestClock.DaysFromNow(-1), NextActionOwner = owner }) with { Id = id };
        var records = new[] { Overdue("T", "趙敏"), Overdue("S", "赵敏"), Overdue("W", "ＺＨＡＯ Min"), Overdue("Y1", "於明"), Overdue("Y2", "于明") };

        Assert.Equal(["S", "T"], Evaluator.Remind(records, owner: "赵敏").Select(r => r.RecordId).Order());
        Assert.Equal(["S", "T"], Evaluator.Remind(records, owner: "趙 敏").Select(r => r.RecordId).Order());
        Assert.Equal(["W"], Evaluator.Remind(records, owner: "zhao min").Select(r => r.RecordId));
        // 於 is a surname in Simplified Chinese too: 於明 and 于明 are two people, as in the team report.
        Assert.Equal(["Y1"], Evaluator.Remind(records, owner: "於明").Select(r => r.RecordId));
        Assert.Equal(["Y2"], Evaluator.Remind(records, owner: "于明").Select(r => r.RecordId));
    }

    [Fact]
    public void Collect_UsesTheRemindersOfEachEvaluation()
    {
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = TestClock.DaysFromNow(-1) });
        var evaluation = Evaluator.Evaluate(record);
        Assert.Equal(evaluation.Reminders, FollowUpReminders.Collect([evaluation]));
    }

    [Theory]
    [InlineData(1, 0)]
    [InlineData(2, 1)]
    [InlineData(7, 2)]
    public void CollectWithin_AddsNextActionsDueInThoseDaysAsUpcoming_SoonestFirst(int dueInDays, int withinDays)
    {
        var soon = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = TestClock.DaysFromNow(dueInDays), NextAction = "发正式报价" });
        var later = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = TestClock.DaysFromNow(3) });
        var evaluations = new[] { Evaluator.Evaluate(later), Evaluator.Evaluate(soon) };

        var upcoming = FollowUpReminders.CollectWithin(evaluations, withinDays);

        var expected = (dueInDays <= withinDays ? [TestClock.DaysFromNow(dueInDays)] : Array.Empty<DateTimeOffset>())
            .Concat(3 <= withinDays ? [TestClock.DaysFromNow(3)] : [])
            .Order();
        Assert.Equal(expected, upcoming.Select(r => r.Due!.Value));
        Assert.All(upcoming, r => Assert.Equal((ReminderKind.Upcoming, TimeSpan.Zero), (r.Kind, r.Late)));
        Assert.Empty(FollowUpReminders.Collect(evaluations));
        Assert.All(evaluations, e => Assert.Empty(e.Reminders));
    }

    [Fact]
    public void CollectWithin_ListsUpcomingAfterWhatIsDueNow_AndSaysTheDueTime()
    {
        var overdue = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = TestClock.DaysFromNow(-1) });
        var tomorrow = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = TestClock.DaysFromNow(1), NextAction = "发正式报价" });

        var reminders = FollowUpReminders.CollectWithin([Evaluator.Evaluate(tomorrow), Evaluator.Evaluate(overdue)], 7);

        Assert.Equal([ReminderKind.Overdue, ReminderKind.Upcoming], reminders.Select(r => r.Kind));
        Assert.Equal("下一步“发正式报价”将于 2026-11-27 12:00 到期。", reminders[1].Reason);
    }

    [Fact]
    public void CollectWithin_NegativeDays_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("withinDays", () => FollowUpReminders.CollectWithin([], -1));
}
