using System.Globalization;
using FollowUp.Rules.Reminders;
using FollowUp.Rules.Reporting;
using FollowUp.Rules.Tests.TestData;

// The types under test (FollowUpEvaluator, DateReading) live in namespace FollowUp.Rules (src/FollowUp.Rules/Evaluation/).
namespace FollowUp.Rules.Tests;

/// <summary>
/// <see cref="FollowUpRulesOptions.DateOrder"/> end to end: a record whose dates a Hong Kong export writes day first is
/// evaluated, reminded and reported on as the same record written in ISO 8601 when the order is DayFirst, and by default
/// each of its dates is reported as unreadable, telling the record's writer to put the year first.
/// </summary>
public sealed class DateOrderEvaluationTests
{
    /// <summary>A ToB deal whose next action is three days overdue and whose latest contact was five days ago.</summary>
    private static FollowUpRecord OverdueToB() => SampleRecords.CompleteToB()
        .WithProgress(p => p with { NextActionDue = TestClock.DaysFromNow(-3) })
        with
        {
            RecordedAt = TestClock.DaysFromNow(-5).AddHours(2),
            Communications = [.. SampleRecords.CompleteToB().Communications!.Select((c, i) => c with { At = TestClock.DaysFromNow(i - 6) })],
        };

    /// <summary>The record with every date written as a day-first export writes it: 21/11/2026 12:00, or 25/11/2026 for a day.</summary>
    private static FollowUpRecord WrittenDayFirst(FollowUpRecord record) => record with
    {
        RecordedAt = DayFirst(record.RecordedAt),
        Communications = [.. record.Communications!.Select(c => c with { At = DayFirst(c.At) })],
        Progress = record.Progress! with { StageSince = DayFirst(record.Progress.StageSince, dateOnly: true), NextActionDue = DayFirst(record.Progress.NextActionDue) },
    };

    private static Timestamp DayFirst(Timestamp value, bool dateOnly = false)
    {
        var clock = value.Resolve(TestClock.ChinaOffset)!.Value.ToOffset(TestClock.ChinaOffset);
        return Timestamp.Parse(clock.ToString(dateOnly ? "dd/MM/yyyy" : "dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture));
    }

    private static FollowUpEvaluator Evaluator(DateOrder order, string culture = "zh-CN") => TestClock.Evaluator(o =>
    {
        o.DateOrder = order;
        o.Culture = culture;
    });

    [Fact]
    public void Evaluate_DayFirstRecordInDayFirst_IsEvaluatedAsTheSameRecordInIso()
    {
        var iso = OverdueToB();
        var dayFirst = WrittenDayFirst(iso);

        var expected = TestClock.Evaluator().Evaluate(iso);
        var actual = Evaluator(DateOrder.DayFirst).Evaluate(dayFirst);

        Assert.DoesNotContain(actual.Findings, f => f.Code == FindingCodes.InvalidDate);
        Assert.Equal(expected.Score, actual.Score);
        Assert.Equal(expected.Grade, actual.Grade);
        Assert.Equal(expected.Deductions.Select(d => (d.Code, d.Points, d.Message)), actual.Deductions.Select(d => (d.Code, d.Points, d.Message)));
        Assert.Equal(expected.Risk.Signals.Select(s => (s.Code, s.Evidence)), actual.Risk.Signals.Select(s => (s.Code, s.Evidence)));
        Assert.Equal(expected.Reminders, actual.Reminders);
        Assert.Contains(actual.Reminders, r => r.Kind == ReminderKind.Overdue && r.Late == TimeSpan.FromDays(3));
    }

    [Fact]
    public void Evaluate_DayFirstRecordByDefault_ReportsEachDateWithTheOrderThatReadsIt()
    {
        var evaluation = Evaluator(DateOrder.YearFirst).Evaluate(WrittenDayFirst(OverdueToB()));

        var invalid = evaluation.FindingsWithCode(FindingCodes.InvalidDate).ToList();
        Assert.Equal(["recordedAt", "communications[0].at", "communications[1].at", "progress.stageSince", "progress.nextActionDue"], invalid.Select(f => f.Field));
        Assert.Equal("沟通时间“20/11/2026 12:00”是“日/月/年”的写法，这种写法容易把日和月读反，所以不读取：请把年份写在前面，如 2026-11-20 15:00。", invalid[1].Message);
        Assert.DoesNotContain(evaluation.Reminders, r => r.Kind == ReminderKind.Overdue);
    }

    [Theory]
    [InlineData("zh-CN", "25/11/2026", "记录时间“25/11/2026”是“日/月/年”的写法，这种写法容易把日和月读反，所以不读取：请把年份写在前面，如 2026-11-20 15:00。")]
    [InlineData("zh-CN", "11/25/2026 3:00 PM", "记录时间“11/25/2026 3:00 PM”是“月/日/年”的写法，这种写法容易把日和月读反，所以不读取：请把年份写在前面，如 2026-11-20 15:00。")]
    [InlineData("zh-CN", "05/11/2026", "记录时间“05/11/2026”把年份写在最后，分不清哪个是日、哪个是月：请按年、月、日的顺序写，如 2026-11-20 15:00。")]
    [InlineData("zh-TW", "25/11/2026", "記錄時間「25/11/2026」是「日/月/年」的寫法，這種寫法容易把日和月讀反，所以不讀取：請把年份寫在前面，如 2026-11-20 15:00。")]
    [InlineData("zh-HK", "05/11/2026", "記錄時間「05/11/2026」把年份寫在最後，分不清哪個是日、哪個是月：請按年、月、日的順序寫，如 2026-11-20 15:00。")]
    [InlineData("en", "25/11/2026", "The record time \"25/11/2026\" is written day first (day/month/year), which is not read, as a day could be taken for a month: write the year first, as 2026-11-20 15:00.")]
    [InlineData("en", "11/25/2026", "The record time \"11/25/2026\" is written month first (month/day/year), which is not read, as a month could be taken for a day: write the year first, as 2026-11-20 15:00.")]
    [InlineData("en", "05/11/2026", "The record time \"05/11/2026\" puts the year last, so which number is the day and which the month cannot be told: write the year first, then the month and the day, as 2026-11-20 15:00.")]
    public void Evaluate_YearLastByDefault_TellsTheWriterToPutTheYearFirst(string culture, string recordedAt, string expected)
    {
        var record = SampleRecords.CompleteToB() with { RecordedAt = Timestamp.Parse(recordedAt) };

        var finding = Assert.Single(Evaluator(DateOrder.YearFirst, culture).Evaluate(record).FindingsWithCode(FindingCodes.InvalidDate));

        Assert.Equal(expected, finding.Message);
    }

    [Theory]
    [InlineData("zh-CN", "2026/11/31 10:00", "沟通时间“2026/11/31 10:00”不是有效的日期：2026 年 11 月没有 31 日。请核对日期，按年、月、日的顺序写，如 2026-11-20 15:00。")]
    [InlineData("zh-CN", "2026-02-29", "沟通时间“2026-02-29”不是有效的日期：2026 年 2 月没有 29 日。请核对日期，按年、月、日的顺序写，如 2026-11-20 15:00。")]
    [InlineData("zh-CN", "11月26日 10:00", "沟通时间“11月26日 10:00”缺少年份：请写上年份，按年、月、日的顺序写，如 2026-11-20 15:00。")]
    [InlineData("zh-CN", "2026-11-20 25:00", "沟通时间“2026-11-20 25:00”的时间超出范围：小时应为 0 至 23，分和秒应为 0 至 59。请核对后按年、月、日、时、分的顺序写，如 2026-11-20 15:00。")]
    [InlineData("zh-TW", "2026/11/31 10:00", "溝通時間「2026/11/31 10:00」不是有效的日期：2026 年 11 月沒有 31 日。請核對日期，按年、月、日的順序寫，如 2026-11-20 15:00。")]
    [InlineData("zh-TW", "11/26", "溝通時間「11/26」缺少年份：請寫上年份，按年、月、日的順序寫，如 2026-11-20 15:00。")]
    [InlineData("zh-TW", "2026-11-20 25:00", "溝通時間「2026-11-20 25:00」的時間超出範圍：小時應為 0 至 23，分和秒應為 0 至 59。請核對後按年、月、日、時、分的順序寫，如 2026-11-20 15:00。")]
    [InlineData("zh-HK", "2026/11/31 10:00", "溝通時間「2026/11/31 10:00」不是有效的日期：2026 年 11 月沒有 31 日。請核對日期，按年、月、日的順序寫，如 2026-11-20 15:00。")]
    [InlineData("zh-HK", "11月26日", "溝通時間「11月26日」缺少年份：請寫上年份，按年、月、日的順序寫，如 2026-11-20 15:00。")]
    [InlineData("zh-HK", "2026-11-20 14:75", "溝通時間「2026-11-20 14:75」的時間超出範圍：小時應為 0 至 23，分和秒應為 0 至 59。請核對後按年、月、日、時、分的順序寫，如 2026-11-20 15:00。")]
    [InlineData("en", "2026/11/31 10:00", "The contact time \"2026/11/31 10:00\" is not a date: November 2026 has no day 31. Check the date and write it year first, as 2026-11-20 15:00.")]
    [InlineData("en", "11/26", "The contact time \"11/26\" has no year: write the year first, then the month and the day, as 2026-11-20 15:00.")]
    [InlineData("en", "2026-11-20 25:00", "The contact time \"2026-11-20 25:00\" has a time of day past the clock (hours 0 to 23, minutes and seconds 0 to 59): check it and write the date year first, as 2026-11-20 15:00.")]
    public void Evaluate_DateAlmostRead_SaysWhatIsWrongAndAsksForTheYearFirst(string culture, string at, string expected)
    {
        // A sales-ops review: 2026/11/31 10:00 and 11月26日 were only "not a readable date of the years 1900 to 2200".
        var record = SampleRecords.CompleteToB().WithLastCommunication(c => c with { At = Timestamp.Parse(at) });

        var finding = Assert.Single(Evaluator(DateOrder.YearFirst, culture).Evaluate(record).FindingsWithCode(FindingCodes.InvalidDate));

        Assert.Equal("communications[1].at", finding.Field);
        Assert.Equal(expected, finding.Message);
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("zh-TW")]
    [InlineData("zh-HK")]
    [InlineData("en")]
    public void Evaluate_YearLastByDefault_NamesNoSettingTheWriterCannotChange_AndKeepsTheFinding(string culture)
    {
        foreach (var recordedAt in new[] { "27/11/2026 20:00", "11/25/2026", "05/11/2026" })
        {
            var record = SampleRecords.CompleteToB() with { RecordedAt = Timestamp.Parse(recordedAt) };

            var finding = Assert.Single(Evaluator(DateOrder.YearFirst, culture).Evaluate(record).FindingsWithCode(FindingCodes.InvalidDate));

            Assert.Equal(("recordedAt", FluentValidation.Severity.Error, recordedAt), (finding.Field, finding.Severity, finding.Value));
            Assert.DoesNotContain("DateOrder", finding.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("--date-order", finding.Message, StringComparison.Ordinal);
            Assert.Contains("2026-11-20 15:00", finding.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Evaluate_MonthFirstRecordInDayFirst_ReportsTheDateThatDoesNotFitAsUnreadable()
    {
        var record = SampleRecords.CompleteToB() with { RecordedAt = Timestamp.Parse("11/25/2026 19:30") };

        var finding = Assert.Single(Evaluator(DateOrder.DayFirst).Evaluate(record).FindingsWithCode(FindingCodes.InvalidDate));

        Assert.StartsWith("记录时间“11/25/2026 19:30”不是可识别的日期时间", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Remind_DayFirstRecordsInDayFirst_AreRemindedAsTheirIsoTwins()
    {
        var iso = OverdueToB();

        var expected = TestClock.Evaluator().Remind([iso]);
        var actual = Evaluator(DateOrder.DayFirst).Remind([WrittenDayFirst(iso)]);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void TeamReport_DayFirstDealAtRisk_CountsItsSilenceFromTheDateReadInOrder()
    {
        var iso = OverdueToB();
        var dayFirst = WrittenDayFirst(iso);
        var expected = new TeamReportBuilder();
        expected.Add(iso, TestClock.Evaluator().Evaluate(iso));
        var actual = new TeamReportBuilder();
        actual.Add(dayFirst, Evaluator(DateOrder.DayFirst).Evaluate(dayFirst));

        var deal = Assert.Single(actual.Build().DealsAtRisk);

        var twin = Assert.Single(expected.Build().DealsAtRisk);
        Assert.Equal(TimeSpan.FromDays(5), deal.SinceContact);
        Assert.Equal((twin.Score, twin.Overdue, twin.SinceContact), (deal.Score, deal.Overdue, deal.SinceContact));
        Assert.Equal(twin.Reasons, deal.Reasons);
    }

    [Fact]
    public void InOrder_NothingToReadAgain_IsTheRecordItself()
    {
        var iso = OverdueToB();
        var dayFirst = WrittenDayFirst(iso);

        Assert.Same(dayFirst, DateReading.InOrder(dayFirst, DateOrder.YearFirst));
        Assert.Same(iso, DateReading.InOrder(iso, DateOrder.DayFirst));
    }

    [Fact]
    public void InOrder_DayFirst_ReadsEveryUnreadDateAndLeavesTheRestAsTheyAre()
    {
        var dayFirst = WrittenDayFirst(OverdueToB()) with
        {
            Needs = SampleRecords.CompleteToB().Needs! with { Changes = [new NeedsChange { At = Timestamp.Parse("10/11/2026"), Description = "数量从 40 增至 60 用户" }] },
        };

        var read = DateReading.InOrder(dayFirst, DateOrder.DayFirst);

        Assert.Equal(new DateTime(2026, 11, 10), read.Needs!.Changes![0].At.ClockTime);
        Assert.Equal(new DateTime(2026, 11, 21, 14, 0, 0), read.RecordedAt.ClockTime);
        Assert.All(read.Communications!, c => Assert.True(c.At.IsValid));
        Assert.True(read.Progress!.StageSince.IsDateOnly);
        Assert.Equal("10/11/2026", read.Needs.Changes[0].At.Text);
        Assert.Same(dayFirst.Customer, read.Customer);
        Assert.True(dayFirst.RecordedAt.IsInvalid);
    }
}
