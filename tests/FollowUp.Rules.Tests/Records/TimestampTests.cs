using System.Globalization;

// The types under test live in namespace FollowUp.Rules (src/FollowUp.Rules/Records/), so their tests live in FollowUp.Rules.Tests.
namespace FollowUp.Rules.Tests;

public class TimestampTests
{
    private static readonly TimeSpan China = TimeSpan.FromHours(8);

    [Theory]
    [InlineData("2026-11-20T15:00:00+08:00", 8 * 60)]
    [InlineData("2026-11-20T15:00+08:00", 8 * 60)]
    [InlineData("2026-11-20 15:00:00+08:00", 8 * 60)]
    [InlineData("2026-11-20T15:00:00Z", 0)]
    [InlineData("2026-11-20T15:00:00-05:00", -5 * 60)]
    [InlineData("2026-11-20T15:00:00+05:30", 5 * 60 + 30)]
    [InlineData("2026-11-20T15:00:00+08", 8 * 60)]
    [InlineData("2026-11-20T15:00+08", 8 * 60)]
    [InlineData("2026-11-20 15:00:00-05", -5 * 60)]
    [InlineData("2026-11-20T15:00:00+0800", 8 * 60)]
    [InlineData("20261120T150000+0800", 8 * 60)]
    [InlineData("20261120T150000+08", 8 * 60)]
    [InlineData("20261120T1500+08:00", 8 * 60)]
    [InlineData("20261120T150000Z", 0)]
    [InlineData("2026-11-20t15:00:00+08:00", 8 * 60)]
    [InlineData("2026-11-20T15:00:00z", 0)]
    public void Parse_WithOffset_KeepsTheOffset(string text, int offsetMinutes)
    {
        var value = Timestamp.Parse(text);
        var offset = TimeSpan.FromMinutes(offsetMinutes);

        Assert.True(value.IsValid);
        Assert.True(value.HasOffset);
        Assert.Equal(offset, value.Offset);
        Assert.Equal(new DateTime(2026, 11, 20, 15, 0, 0), value.ClockTime);
        Assert.Equal(text, value.Text);

        // The value's own offset wins over any default.
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 15, 0, 0, offset), value.Resolve(TimeSpan.FromHours(-3)));
    }

    [Theory]
    [InlineData("2026-11-20 15:00", "2026-11-20T15:00:00")]
    [InlineData("2026-11-20T15:00:00", "2026-11-20T15:00:00")]
    [InlineData("2026-11-20T15:00", "2026-11-20T15:00:00")]
    [InlineData("2026-11-20", "2026-11-20T00:00:00")]
    [InlineData("2026/11/20 15:00", "2026-11-20T15:00:00")]
    [InlineData("2026/11/20 15:00:30", "2026-11-20T15:00:30")]
    [InlineData("2026/1/5 9:05", "2026-01-05T09:05:00")]
    [InlineData("2026/11/20", "2026-11-20T00:00:00")]
    [InlineData("2026.11.20", "2026-11-20T00:00:00")]
    [InlineData("2026年11月20日", "2026-11-20T00:00:00")]
    [InlineData("2026年11月20日 15:00", "2026-11-20T15:00:00")]
    [InlineData("2026年11月20日15时30分", "2026-11-20T15:30:00")]
    [InlineData("2026年11月20号", "2026-11-20T00:00:00")]
    [InlineData("20261120", "2026-11-20T00:00:00")]
    [InlineData("  2026-11-20 15:00  ", "2026-11-20T15:00:00")]
    [InlineData("20261120T150000", "2026-11-20T15:00:00")]
    [InlineData("20261120T1500", "2026-11-20T15:00:00")]
    [InlineData("2026-11-20t15:00", "2026-11-20T15:00:00")]
    public void Parse_WithoutOffset_IsAClockReadingResolvedInTheDefaultOffset(string text, string clock)
    {
        var value = Timestamp.Parse(text);
        var expectedClock = DateTime.ParseExact(clock, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);

        Assert.True(value.IsValid);
        Assert.False(value.HasOffset);
        Assert.Null(value.Offset);
        Assert.Equal(expectedClock, value.ClockTime);
        Assert.Equal(text, value.Text);
        Assert.Equal(new DateTimeOffset(expectedClock, China), value.Resolve(China));
        Assert.Equal(new DateTimeOffset(expectedClock, TimeSpan.Zero), value.Resolve(TimeSpan.Zero));
    }

    [Theory]
    [InlineData("not a date")]
    [InlineData("明天下午")]
    [InlineData("2026-13-01")]
    [InlineData("2026-02-30")]
    [InlineData("2026/11/20 25:00")]
    [InlineData("20261340")]
    [InlineData("2026-11-20T15:00:00+15:00")]
    public void Parse_UnreadableText_IsKeptAsInvalid(string text)
    {
        var value = Timestamp.Parse(text);

        Assert.True(value.IsInvalid);
        Assert.False(value.IsValid);
        Assert.False(value.IsEmpty);
        Assert.Null(value.ClockTime);
        Assert.Null(value.Resolve(China));
        Assert.Equal(text, value.Text);
        Assert.Equal(text, value.ToString());
    }

    /// <summary>
    /// Exports in a Chinese or English locale write a 12-hour clock after 上午/下午 (or 凌晨, 早上, 中午, 晚上) or before AM/PM,
    /// and hours with 点 or the Traditional 時 and 點: each is one clock reading, placed in the default offset like any other.
    /// </summary>
    [Theory]
    [InlineData("2026/11/20 下午 03:00:00", "2026-11-20T15:00:00")]
    [InlineData("2026/11/20 上午 9:30", "2026-11-20T09:30:00")]
    [InlineData("2026/11/20 下午 11:59:59", "2026-11-20T23:59:59")]
    [InlineData("2026/11/20 下午 03:00:00.5", "2026-11-20T15:00:00.5")]
    [InlineData("2026-11-20 下午3:00", "2026-11-20T15:00:00")]
    [InlineData("2026-11-20下午3:00", "2026-11-20T15:00:00")]
    [InlineData("2026-1-5 下午3:00", "2026-01-05T15:00:00")]
    [InlineData("2026.11.20 下午3:00", "2026-11-20T15:00:00")]
    [InlineData("2026年11月20日 下午3点", "2026-11-20T15:00:00")]
    [InlineData("2026年11月20日下午3点半", "2026-11-20T15:30:00")]
    [InlineData("2026年11月20日 下午3点钟", "2026-11-20T15:00:00")]
    [InlineData("2026年11月20日 上午10点30分", "2026-11-20T10:30:00")]
    [InlineData("2026年11月20日 上午10点30", "2026-11-20T10:30:00")]
    [InlineData("2026年11月20日 上午10点30分15秒", "2026-11-20T10:30:15")]
    [InlineData("2026年11月20日 晚上8点", "2026-11-20T20:00:00")]
    [InlineData("2026年11月20日 晚上11:30", "2026-11-20T23:30:00")]
    [InlineData("2026年11月20日 早上8点", "2026-11-20T08:00:00")]
    [InlineData("2026年11月20日 凌晨3点", "2026-11-20T03:00:00")]
    [InlineData("2026年11月20日 凌晨12点", "2026-11-20T00:00:00")]
    [InlineData("2026-11-25 凌晨0点30分", "2026-11-25T00:30:00")]
    [InlineData("2026-11-25 凌晨0:30", "2026-11-25T00:30:00")]
    [InlineData("2026年11月20日 上午12点", "2026-11-20T00:00:00")]
    [InlineData("2026年11月20日 上午12:30", "2026-11-20T00:30:00")]
    [InlineData("2026年11月20日 中午12点", "2026-11-20T12:00:00")]
    [InlineData("2026年11月20日 中午11点半", "2026-11-20T11:30:00")]
    [InlineData("2026年11月20日 中午1点", "2026-11-20T13:00:00")]
    [InlineData("2026年11月20日 下午12:30", "2026-11-20T12:30:00")]
    [InlineData("2026年 11月 20日 下午3点", "2026-11-20T15:00:00")]
    [InlineData("2026年11月20號 下午3點", "2026-11-20T15:00:00")]
    [InlineData("2026年11月20日 15時30分", "2026-11-20T15:30:00")]
    [InlineData("2026年11月20日15時", "2026-11-20T15:00:00")]
    [InlineData("2026年11月20日 15点30分", "2026-11-20T15:30:00")]
    [InlineData("2026-11-20 15点", "2026-11-20T15:00:00")]
    [InlineData("2026-11-20 3:00 PM", "2026-11-20T15:00:00")]
    [InlineData("2026-11-20 3:00pm", "2026-11-20T15:00:00")]
    [InlineData("2026-11-20 03:00:00 PM", "2026-11-20T15:00:00")]
    [InlineData("2026-11-20 9:30 am", "2026-11-20T09:30:00")]
    [InlineData("2026-11-20 12:00 AM", "2026-11-20T00:00:00")]
    [InlineData("2026-11-20 12:00 PM", "2026-11-20T12:00:00")]
    [InlineData("2026-11-20 3pm", "2026-11-20T15:00:00")]
    [InlineData("2026-11-20 3 p.m.", "2026-11-20T15:00:00")]
    [InlineData("2026/11/20 11:05 A.M.", "2026-11-20T11:05:00")]
    [InlineData("2026/11/20 PM 03:00:00", "2026-11-20T15:00:00")]
    [InlineData("2026-11-20 AM 9:30", "2026-11-20T09:30:00")]
    [InlineData("2026-11-20 pm3:00", "2026-11-20T15:00:00")]
    [InlineData("2026/11/20 (五) PM 12:30", "2026-11-20T12:30:00")]
    public void Parse_TwelveHourClockAndChineseHours_AreAClockReadingResolvedInTheDefaultOffset(string text, string clock) =>
        AssertClockReading(text, clock, dateOnly: false);

    /// <summary>
    /// A zone written after the time, as exports from Hong Kong, Singapore and systems that print their zone write it: the
    /// value keeps that offset instead of taking the default one.
    /// </summary>
    [Theory]
    [InlineData("2026-11-20 15:00 (GMT+8)", 8 * 60)]
    [InlineData("2026-11-20 15:00 GMT+8", 8 * 60)]
    [InlineData("2026-11-20 15:00 GMT+08:00", 8 * 60)]
    [InlineData("2026-11-20 15:00 (UTC+08:00)", 8 * 60)]
    [InlineData("2026-11-20 15:00 UTC+0800", 8 * 60)]
    [InlineData("2026-11-20 15:00 UTC", 0)]
    [InlineData("2026-11-20 15:00 gmt", 0)]
    [InlineData("2026-11-20 15:00 GMT-5", -5 * 60)]
    [InlineData("2026-11-20 15:00 UTC-12", -12 * 60)]
    [InlineData("2026-11-20 15:00 UTC+14", 14 * 60)]
    [InlineData("2026-11-20 15:00 UTC+5:30", 5 * 60 + 30)]
    [InlineData("2026-11-20 15:00 HKT", 8 * 60)]
    [InlineData("2026-11-20 15:00 SGT", 8 * 60)]
    [InlineData("2026-11-20 15:00 (MYT)", 8 * 60)]
    [InlineData("2026-11-20 15:00 JST", 9 * 60)]
    [InlineData("2026-11-20 15:00 ICT", 7 * 60)]
    [InlineData("2026-11-20 15:00:00 +08:00", 8 * 60)]
    [InlineData("2026-11-20 15:00 +0800", 8 * 60)]
    [InlineData("2026/11/20 15:00+08:00", 8 * 60)]
    [InlineData("2026/11/20 下午 03:00:00 (GMT+8)", 8 * 60)]
    [InlineData("2026-11-20 15:00 北京时间", 8 * 60)]
    [InlineData("2026/11/20 15:00（台北時間）", 8 * 60)]
    [InlineData("2026-11-20 15:00 東八區", 8 * 60)]
    [InlineData("20 Nov 2026 15:00 SGT", 8 * 60)]
    public void Parse_ZoneAfterTheTime_KeepsItsOffset(string text, int offsetMinutes)
    {
        var value = Timestamp.Parse(text);

        Assert.True(value.HasOffset, text);
        Assert.Equal(TimeSpan.FromMinutes(offsetMinutes), value.Offset);
        Assert.Equal(new DateTime(2026, 11, 20, 15, 0, 0), value.ClockTime);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 15, 0, 0, TimeSpan.FromMinutes(offsetMinutes)), value.Resolve(TimeSpan.FromHours(-3)));
    }

    /// <summary>A date whose month is named in English is read in any order, since the name says which number is the month.</summary>
    [Theory]
    [InlineData("20 Nov 2026", "2026-11-20T00:00:00", true)]
    [InlineData("20-Nov-2026", "2026-11-20T00:00:00", true)]
    [InlineData("20 November 2026", "2026-11-20T00:00:00", true)]
    [InlineData("20th November, 2026", "2026-11-20T00:00:00", true)]
    [InlineData("Nov 20, 2026", "2026-11-20T00:00:00", true)]
    [InlineData("Nov. 20, 2026", "2026-11-20T00:00:00", true)]
    [InlineData("november 20 2026", "2026-11-20T00:00:00", true)]
    [InlineData("Sept 5 2026", "2026-09-05T00:00:00", true)]
    [InlineData("5 Sep 2026", "2026-09-05T00:00:00", true)]
    [InlineData("May 1, 2026", "2026-05-01T00:00:00", true)]
    [InlineData("Fri, 20 Nov 2026", "2026-11-20T00:00:00", true)]
    [InlineData("Friday, November 20, 2026", "2026-11-20T00:00:00", true)]
    [InlineData("20 Nov 2026 15:00", "2026-11-20T15:00:00", false)]
    [InlineData("Nov 20, 2026 3:00 PM", "2026-11-20T15:00:00", false)]
    [InlineData("Nov 20, 2026, 3:00 PM", "2026-11-20T15:00:00", false)]
    [InlineData("November 20, 2026 at 3:00 PM", "2026-11-20T15:00:00", false)]
    [InlineData("Fri 20 Nov 2026 15:00:30", "2026-11-20T15:00:30", false)]
    [InlineData("20 Nov 2026 (Fri) 3pm", "2026-11-20T15:00:00", false)]
    public void Parse_EnglishMonthName_IsTheDateInEveryOrder(string text, string clock, bool dateOnly)
    {
        AssertClockReading(text, clock, dateOnly);
        Assert.Equal(Timestamp.Parse(text), Timestamp.Parse(text, DateOrder.DayFirst));
        Assert.Equal(Timestamp.Parse(text), Timestamp.Parse(text, DateOrder.MonthFirst));
    }

    /// <summary>A weekday after the date, in Chinese (Simplified or Traditional) or English, in parentheses or as a word.</summary>
    [Theory]
    [InlineData("2026-11-20（周五）", "2026-11-20T00:00:00", true)]
    [InlineData("2026-11-20 (周五)", "2026-11-20T00:00:00", true)]
    [InlineData("2026-11-20(周五)", "2026-11-20T00:00:00", true)]
    [InlineData("2026-11-20（ 周五 ）", "2026-11-20T00:00:00", true)]
    [InlineData("2026-11-20 周五", "2026-11-20T00:00:00", true)]
    [InlineData("2026/11/20 星期五", "2026-11-20T00:00:00", true)]
    [InlineData("2026年11月20日星期五", "2026-11-20T00:00:00", true)]
    [InlineData("2026年11月20日 礼拜五", "2026-11-20T00:00:00", true)]
    [InlineData("2026年11月20日（週五）", "2026-11-20T00:00:00", true)]
    [InlineData("2026年11月20日 禮拜五", "2026-11-20T00:00:00", true)]
    [InlineData("2026-11-16 周一", "2026-11-16T00:00:00", true)]
    [InlineData("2026-11-21 星期六", "2026-11-21T00:00:00", true)]
    [InlineData("2026-11-22 周日", "2026-11-22T00:00:00", true)]
    [InlineData("2026-11-22 星期天", "2026-11-22T00:00:00", true)]
    [InlineData("2026-11-22 礼拜天", "2026-11-22T00:00:00", true)]
    [InlineData("2026-11-20 Fri", "2026-11-20T00:00:00", true)]
    [InlineData("2026-11-20 (Friday)", "2026-11-20T00:00:00", true)]
    [InlineData("2026-11-20 FRI", "2026-11-20T00:00:00", true)]
    [InlineData("2026年11月20日 星期五 15:00", "2026-11-20T15:00:00", false)]
    [InlineData("2026-11-20（周五）15:00", "2026-11-20T15:00:00", false)]
    [InlineData("2026-11-20 (周五) 15:00:30", "2026-11-20T15:00:30", false)]
    [InlineData("2026-11-20 周五 下午3:00", "2026-11-20T15:00:00", false)]
    [InlineData("2026/11/20（禮拜五）下午3點", "2026-11-20T15:00:00", false)]
    [InlineData("2026年11月20日（周五）上午10点30分", "2026-11-20T10:30:00", false)]
    [InlineData("2026-11-20 Fri 15:00", "2026-11-20T15:00:00", false)]
    [InlineData("2026-11-21 Sat 15:00", "2026-11-21T15:00:00", false)]
    [InlineData("2026-11-19 thu 15:00", "2026-11-19T15:00:00", false)]
    [InlineData("2026-11-20 Friday 3:00 PM", "2026-11-20T15:00:00", false)]
    [InlineData("2026/11/20(五)", "2026-11-20T00:00:00", true)]
    [InlineData("2026-11-20（五）", "2026-11-20T00:00:00", true)]
    [InlineData("2026年11月20日（五）", "2026-11-20T00:00:00", true)]
    [InlineData("2026/11/20 ( 五 )", "2026-11-20T00:00:00", true)]
    [InlineData("2026/11/22(日)", "2026-11-22T00:00:00", true)]
    [InlineData("2026/11/22（天）", "2026-11-22T00:00:00", true)]
    [InlineData("2026/11/20(五) 15:00", "2026-11-20T15:00:00", false)]
    [InlineData("2026/11/20(五)15:00", "2026-11-20T15:00:00", false)]
    [InlineData("2026/11/20（五）下午 03:00:00", "2026-11-20T15:00:00", false)]
    public void Parse_DateWithItsWeekday_IsTheDate(string text, string clock, bool dateOnly) => AssertClockReading(text, clock, dateOnly);

    /// <summary>A weekday the date does not fall on contradicts it: which of the two is wrong is not guessed.</summary>
    [Theory]
    [InlineData("2026-11-20（周四）")]
    [InlineData("2026-11-20 (周六)")]
    [InlineData("2026年11月20日 星期六 15:00")]
    [InlineData("2026年11月20日（週日）下午3點")]
    [InlineData("2026-11-20 礼拜天")]
    [InlineData("2026-11-20 Thu 15:00")]
    [InlineData("2026-11-20 (Monday)")]
    [InlineData("Thu, 20 Nov 2026 15:00")]
    [InlineData("Saturday, November 20, 2026")]
    [InlineData("2026/11/20(四)")]
    [InlineData("2026年11月20日（日） 15:00")]
    public void Parse_WeekdayNotTheDates_IsInvalidAndSaysSo(string text)
    {
        var value = Timestamp.Parse(text);

        Assert.True(value.IsInvalid);
        Assert.Null(value.Resolve(China));
        Assert.Equal(text, value.Text);
        Assert.Equal(TimestampFault.WeekdayMismatch, value.Fault);
        Assert.Equal(DayOfWeek.Friday, value.DateWeekday);
    }

    [Theory]
    [InlineData("2026-11-31")]
    [InlineData("2026-02-30 下午3:00")]
    [InlineData("2026-11-31（周二）")]
    [InlineData("二〇二六年十一月二十日")]
    [InlineData("11月20日")]
    [InlineData("11月20日 下午3点")]
    [InlineData("11/20/2026")]
    [InlineData("11/20/2026 3:00 PM")]
    [InlineData("20/11/2026")]
    [InlineData("2026年11月20日 下午13点")]
    [InlineData("2026-11-20 下午13:00")]
    [InlineData("2026-11-20 下午0:30")]
    [InlineData("2026-11-20 13:00 PM")]
    [InlineData("2026-11-20 0:30 AM")]
    [InlineData("2026年11月20日 晚上12点")]
    [InlineData("2026年11月20日 晚上1点")]
    [InlineData("2026年11月20日 中午5点")]
    [InlineData("2026年11月20日 凌晨8点")]
    [InlineData("2026年11月20日 早上12点")]
    [InlineData("2026年11月20日 上午")]
    [InlineData("2026-11-20 下午")]
    [InlineData("2026-11-20 PM")]
    [InlineData("2026-11-20 下午3")]
    [InlineData("2026-11-20 15")]
    [InlineData("2026-11-20 15:60")]
    [InlineData("2026年11月20日 下午3点61分")]
    [InlineData("2026-11-20 下午3:00 PM")]
    [InlineData("2026-11-20 3:00 PMs")]
    [InlineData("2026-11-20Fri")]
    [InlineData("2026-11-20 Fri15:00")]
    [InlineData("2026-11-20 Fridays")]
    [InlineData("2026-11-20 周八")]
    [InlineData("2026-11-20 (周五")]
    [InlineData("2026-11-20 周五 周五")]
    [InlineData("2026-11-20 五")]
    [InlineData("2026-11-20五")]
    [InlineData("2026-11-20(八)")]
    [InlineData("2026-11-20(五五)")]
    [InlineData("11月20日(五)")]
    [InlineData("11/20(五)")]
    [InlineData("民國115年")]
    [InlineData("民國0年11月20日")]
    [InlineData("民國1150年11月20日")]
    [InlineData("000/11/20")]
    [InlineData("115/11/31")]
    [InlineData("290/1/1")]
    [InlineData("15/11/20")]
    [InlineData("民國115-11/20")]
    [InlineData("2026-11/20")]
    [InlineData("2026/11/20 下午 03:00:00 左右")]
    [InlineData("1899/12/31 下午3:00")]
    [InlineData("46346.625")]
    [InlineData("2026-11-20 PM 3")]
    [InlineData("2026-11-20 PM 3:00 PM")]
    [InlineData("2026-11-20PM 3:00")]
    [InlineData("2026-11-20 15:00 CST")]
    [InlineData("2026-11-20 15:00 IST")]
    [InlineData("2026-11-20 15:00 HKTX")]
    [InlineData("2026-11-20 15:00HKT")]
    [InlineData("2026-11-20 HKT")]
    [InlineData("2026-11-20 15:00 +15:00")]
    [InlineData("2026-11-20 15:00 GMT-13")]
    [InlineData("2026-11-20 15:00 +080")]
    [InlineData("2026-11-20 15:00 +08:60")]
    [InlineData("2026-11-20 15:00 GMT+8 HKT")]
    [InlineData("2026-11-20 15:00 (GMT+8")]
    [InlineData("2026-11-20 15:00 UTC8")]
    [InlineData("20 Nov 26")]
    [InlineData("Nov 2026")]
    [InlineData("31 Nov 2026")]
    [InlineData("Mayday 20 2026")]
    [InlineData("20 Novembers 2026")]
    [InlineData("Nov 20 20261")]
    [InlineData("Fri 15:00")]
    [InlineData("Fri 2026-11-20")]
    public void Parse_ReadableLookingButNotADate_IsKeptAsInvalid(string text)
    {
        var value = Timestamp.Parse(text);

        Assert.True(value.IsInvalid);
        Assert.Null(value.ClockTime);
        Assert.Null(value.Resolve(China));
        Assert.Equal(text, value.Text);
        Assert.NotEqual(TimestampFault.WeekdayMismatch, value.Fault);
    }

    /// <summary>
    /// A date whose day its month lacks is unreadable, and keeps the month and the day for its message (a sales-ops review:
    /// 2026/11/31 was only "not a readable date"); the weekday of such a date cannot be checked, so it is not.
    /// </summary>
    [Theory]
    [InlineData("2026/11/31 10:00", DateOrder.YearFirst, 2026, 11, 31)]
    [InlineData("2026-02-29", DateOrder.YearFirst, 2026, 2, 29)]
    [InlineData("2026年4月31日 下午3点", DateOrder.YearFirst, 2026, 4, 31)]
    [InlineData("2026-11-31（周二）", DateOrder.YearFirst, 2026, 11, 31)]
    [InlineData("民國115年2月30日", DateOrder.YearFirst, 2026, 2, 30)]
    [InlineData("31 Nov 2026", DateOrder.YearFirst, 2026, 11, 31)]
    [InlineData("31/11/2026", DateOrder.DayFirst, 2026, 11, 31)]
    [InlineData("02/30/2026 3:00 PM", DateOrder.MonthFirst, 2026, 2, 30)]
    public void Parse_DayItsMonthLacks_IsInvalidAndNamesTheMonthAndTheDay(string text, DateOrder order, int year, int month, int day)
    {
        var value = Timestamp.Parse(text, order);

        Assert.True(value.IsInvalid);
        Assert.Null(value.ClockTime);
        Assert.Equal(TimestampFault.NoSuchDay, value.Fault);
        Assert.Equal((new DateTime(year, month, 1), day), value.MissingDay);
    }

    [Theory]
    [InlineData("11月26日", "NoYear")]
    [InlineData("11月26日 10:00", "NoYear")]
    [InlineData("11 月 26 号 下午3点", "NoYear")]
    [InlineData("11/26", "NoYear")]
    [InlineData("11-26 10:00", "NoYear")]
    [InlineData("2/29", "NoYear")]
    [InlineData("26/11", "None")]
    [InlineData("11月26日 上周", "None")]
    [InlineData("2026-11-20 25:00", "TimeOutOfRange")]
    [InlineData("2026/11/20 14:75", "TimeOutOfRange")]
    [InlineData("2026年11月20日 24:00", "TimeOutOfRange")]
    [InlineData("2026-11-20 15:00:60 +08:00", "TimeOutOfRange")]
    [InlineData("2026-11-20 下午3:60", "TimeOutOfRange")]
    [InlineData("2026-11-20 下午15点", "None")]
    [InlineData("2026-11-20 25:00 later", "None")]
    [InlineData("2026-13-01", "None")]
    [InlineData("2026-11-32", "None")]
    public void Parse_NoYearOrATimePastTheClock_IsInvalidWithItsFault(string text, string fault)
    {
        var value = Timestamp.Parse(text);

        Assert.True(value.IsInvalid);
        Assert.Null(value.Resolve(China));
        Assert.Equal(Enum.Parse<TimestampFault>(fault), value.Fault);
    }

    /// <summary>A bare number of Excel's serial date range is a date cell exported without its format: still unreadable, but said so.</summary>
    [Theory]
    [InlineData("46346.625", true)]
    [InlineData("46346", true)]
    [InlineData(" 46346.5 ", true)]
    [InlineData("20000", true)]
    [InlineData("80000", true)]
    [InlineData("19999", false)]
    [InlineData("80001", false)]
    [InlineData("46346.", false)]
    [InlineData("46346.6x", false)]
    [InlineData("4634.6", false)]
    [InlineData("463460", false)]
    [InlineData("-46346", false)]
    [InlineData("46,346", false)]
    public void Parse_ExcelSerialNumber_IsInvalidWithItsFault(string text, bool serial)
    {
        var value = Timestamp.Parse(text);

        Assert.True(value.IsInvalid);
        Assert.Equal(serial ? TimestampFault.ExcelSerial : TimestampFault.None, value.Fault);
    }

    [Fact]
    public void Parse_TrimmedTextWithoutISOsLowerCaseTOrZ_AllocatesNothing()
    {
        // The 12-hour and weekday layouts are read from the span; the common ones by the formats, as before. A weekday's t
        // (Sat, Tuesday) is not ISO's, so it is not upper-cased into a copy.
        string[] texts =
        [
            "2026/11/20 下午 03:00:00", "2026年11月20日（周五）上午10点30分", "2026-11-20 Fri 3:00 pm", "2026-11-20 下午13点", "2026-11-20 15:00",
            "2026-11-21 Sat 15:00", "2026-11-21 (Saturday)", "2026-11-24 Tue 9:00 am",
        ];
        foreach (var text in texts)
        {
            _ = Timestamp.Parse(text);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        foreach (var text in texts)
        {
            _ = Timestamp.Parse(text);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    private static void AssertClockReading(string text, string clock, bool dateOnly)
    {
        var value = Timestamp.Parse(text);
        var expectedClock = DateTime.ParseExact(clock, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture);

        Assert.True(value.IsValid, text);
        Assert.False(value.HasOffset);
        Assert.Equal(expectedClock, value.ClockTime);
        Assert.Equal(dateOnly, value.IsDateOnly);
        Assert.Equal(text, value.Text);
        Assert.Equal(new DateTimeOffset(expectedClock, China), value.Resolve(China));
        Assert.Equal(new DateTimeOffset(expectedClock, TimeSpan.FromHours(-5)), value.Resolve(TimeSpan.FromHours(-5)));
        Assert.Equal(value, Timestamp.Parse(value.ToString()));
    }

    /// <summary>Java's Instant and Go's RFC 3339 write nanoseconds: read to .NET's 100 ns, the rest dropped.</summary>
    [Theory]
    [InlineData("2026-11-20T15:00:00.123456789+08:00", "2026-11-20T15:00:00.1234567+08:00")]
    [InlineData("2026-11-20T07:00:00.123456789Z", "2026-11-20T07:00:00.1234567+00:00")]
    [InlineData("2026-11-20 15:00:00.12345678", "2026-11-20T15:00:00.1234567+08:00")]
    [InlineData("2026.11.20 15:00:00.123456789", "2026-11-20T15:00:00.1234567+08:00")]
    [InlineData("20261120T150000.123456789+0800", "2026-11-20T15:00:00.1234567+08:00")]
    public void Parse_FractionFinerThanTicks_IsReadToTicks(string text, string expected)
    {
        var value = Timestamp.Parse(text);

        Assert.Equal(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture), value.Resolve(China));
        Assert.Equal(text, value.Text);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \t ")]
    public void Parse_NullOrBlank_IsEmpty(string? text)
    {
        var value = Timestamp.Parse(text);

        Assert.True(value.IsEmpty);
        Assert.False(value.IsValid);
        Assert.False(value.IsInvalid);
        Assert.Null(value.ClockTime);
        Assert.Null(value.Resolve(China));
    }

    [Fact]
    public void Default_IsEmpty()
    {
        Timestamp value = default;

        Assert.True(value.IsEmpty);
        Assert.Null(value.Text);
        Assert.Equal(string.Empty, value.ToString());
    }

    [Fact]
    public void ImplicitConversion_FromDateTimeOffset_HasThatOffset()
    {
        var instant = new DateTimeOffset(2026, 11, 20, 15, 0, 0, China);
        Timestamp value = instant;

        Assert.True(value.HasOffset);
        Assert.Null(value.Text);
        Assert.Equal(instant, value.Resolve(TimeSpan.Zero));
        Assert.Equal(Timestamp.FromDateTimeOffset(instant), value);
    }

    [Fact]
    public void FromClockTime_IgnoresDateTimeKind()
    {
        var utc = Timestamp.FromClockTime(new DateTime(2026, 11, 20, 15, 0, 0, DateTimeKind.Utc));
        var unspecified = Timestamp.FromClockTime(new DateTime(2026, 11, 20, 15, 0, 0, DateTimeKind.Unspecified));

        Assert.Equal(unspecified, utc);
        Assert.False(utc.HasOffset);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 15, 0, 0, China), utc.Resolve(China));
    }

    [Theory]
    [InlineData("0001-01-01 00:00")]
    [InlineData("0001-01-01T00:00:00+08:00")]
    [InlineData("9999-12-31 23:00")]
    [InlineData("9999-12-31T23:59:59-14:00")]
    public void Parse_AbsurdYear_IsKeptAsInvalidAndNeverResolves(string text)
    {
        // 0001-01-01 00:00 at UTC+08:00 would be before DateTimeOffset.MinValue: it must not throw when evaluated.
        var value = Timestamp.Parse(text);

        Assert.True(value.IsInvalid);
        Assert.Equal(text, value.Text);
        Assert.Null(value.Resolve(TimeSpan.FromHours(14)));
        Assert.Null(value.Resolve(TimeSpan.FromHours(-14)));
    }

    [Fact]
    public void Parse_YearsJustOutsideTheRange_AreInvalidAndItsEdgesValid()
    {
        Assert.True(Timestamp.Parse($"{Timestamp.MinYear - 1}-12-31 23:59").IsInvalid);
        Assert.True(Timestamp.Parse($"{Timestamp.MaxYear + 1}-01-01").IsInvalid);

        var first = Timestamp.Parse($"{Timestamp.MinYear}-01-01 00:00");
        var last = Timestamp.Parse($"{Timestamp.MaxYear}-12-31T23:59:59+08:00");

        Assert.True(first.IsValid);
        Assert.True(last.IsValid);
        Assert.NotNull(first.Resolve(TimeSpan.FromHours(14)));
        Assert.NotNull(Timestamp.Parse($"{Timestamp.MaxYear}-12-31 23:59").Resolve(TimeSpan.FromHours(-14)));
    }

    [Fact]
    public void FromInstantOrClockTime_AbsurdYear_IsKeptAsInvalidText()
    {
        Timestamp[] values =
        [
            Timestamp.FromClockTime(DateTime.MinValue), Timestamp.FromClockTime(DateTime.MaxValue),
            Timestamp.FromDateTimeOffset(DateTimeOffset.MinValue), DateTimeOffset.MaxValue,
        ];

        Assert.All(values, v => Assert.True(v.IsInvalid));
        Assert.All(values, v => Assert.Null(v.Resolve(TimeSpan.FromHours(8))));
        Assert.All(values, v => Assert.False(string.IsNullOrEmpty(v.Text)));
    }

    [Theory]
    [InlineData("2026-11-20T15:00:00+08:00", "2026-11-20T15:00:00+08:00")]
    [InlineData("2026-11-20T15:00+08:00", "2026-11-20T15:00:00+08:00")]
    [InlineData("2026-11-20T07:00:00Z", "2026-11-20T07:00:00+00:00")]
    [InlineData("2026/11/20 15:00", "2026-11-20T15:00:00")]
    [InlineData("2026年11月20日", "2026-11-20")]
    [InlineData("2026-11-20T15:00:00.25+08:00", "2026-11-20T15:00:00.25+08:00")]
    [InlineData("2026-11-20 15:00:00.5", "2026-11-20T15:00:00.5")]
    public void ToString_ValidValue_IsIso8601ThatParsesBackToTheSameValue(string text, string expected)
    {
        var value = Timestamp.Parse(text);

        Assert.Equal(expected, value.ToString());
        Assert.Equal(value, Timestamp.Parse(value.ToString()));
    }

    [Theory]
    [InlineData("2026-11-20", true)]
    [InlineData("2026/11/20", true)]
    [InlineData("2026年11月20日", true)]
    [InlineData("2026年11月20号", true)]
    [InlineData("20261120", true)]
    [InlineData("2026-11-20 00:00", false)]
    [InlineData("2026-11-20T15:00:00", false)]
    [InlineData("2026-11-20T00:00:00+08:00", false)]
    [InlineData("2026-11-20+08:00", true)]
    [InlineData("2026-11-20Z", true)]
    [InlineData("20261120T150000+0800", false)]
    [InlineData("20261120T150000", false)]
    [InlineData("2026-11-20+08", true)]
    public void IsDateOnly_IsTrueForADayWithoutATimeOfDay(string text, bool dateOnly)
    {
        var value = Timestamp.Parse(text);

        Assert.Equal(dateOnly, value.IsDateOnly);
        Assert.Equal(value, Timestamp.Parse(value.ToString()));
    }

    [Fact]
    public void Equals_SameClockWithAndWithoutOffset_AreNotEqual()
    {
        var withOffset = Timestamp.Parse("2026-11-20T15:00:00+08:00");
        var without = Timestamp.Parse("2026-11-20 15:00");

        Assert.NotEqual(withOffset, without);
        Assert.True(withOffset != without);
    }

    [Fact]
    public void Equals_SameReadingFromDifferentLayouts_AreEqual()
    {
        var iso = Timestamp.Parse("2026-11-20 15:00");
        var crm = Timestamp.Parse("2026/11/20 15:00");

        Assert.Equal(iso, crm);
        Assert.Equal(iso.GetHashCode(), crm.GetHashCode());
    }

    [Fact]
    public void Equals_InvalidTexts_CompareOrdinally()
    {
        Assert.Equal(Timestamp.Parse("下周"), Timestamp.Parse("下周"));
        Assert.NotEqual(Timestamp.Parse("soon"), Timestamp.Parse("SOON"));
    }

    /// <summary>
    /// A year of the Republic of China's era, as Taiwan's exports and forms write it: after 民國 (or 民国) always, and alone
    /// when it has three digits, which no other calendar of a CRM has; with a weekday and a time as other dates.
    /// </summary>
    [Theory]
    [InlineData("民國115年11月20日", "2026-11-20T00:00:00", true)]
    [InlineData("民国115年11月20日", "2026-11-20T00:00:00", true)]
    [InlineData("民國 115年 11月 20日", "2026-11-20T00:00:00", true)]
    [InlineData("民國115/11/20", "2026-11-20T00:00:00", true)]
    [InlineData("民國99年1月5日", "2010-01-05T00:00:00", true)]
    [InlineData("民國1年1月1日", "1912-01-01T00:00:00", true)]
    [InlineData("115/11/20", "2026-11-20T00:00:00", true)]
    [InlineData("115-11-20", "2026-11-20T00:00:00", true)]
    [InlineData("115.11.20", "2026-11-20T00:00:00", true)]
    [InlineData("115年11月20日", "2026-11-20T00:00:00", true)]
    [InlineData("099/01/05", "2010-01-05T00:00:00", true)]
    [InlineData("289/12/31", "2200-12-31T00:00:00", true)]
    [InlineData("115/12/03", "2026-12-03T00:00:00", true)]
    [InlineData("115/11/20 15:00", "2026-11-20T15:00:00", false)]
    [InlineData("115/11/20 下午 03:00:00", "2026-11-20T15:00:00", false)]
    [InlineData("民國115年11月20日 下午3點", "2026-11-20T15:00:00", false)]
    [InlineData("民國115年11月20日（五）", "2026-11-20T00:00:00", true)]
    [InlineData("115/11/20(五) 15:00", "2026-11-20T15:00:00", false)]
    public void Parse_RepublicOfChinaYear_IsTheCommonEraDate(string text, string clock, bool dateOnly) => AssertClockReading(text, clock, dateOnly);

    /// <summary>A date with its year last, in the order configured for it: the same text is two dates in two orders.</summary>
    [Theory]
    [InlineData("20/11/2026", DateOrder.DayFirst, "2026-11-20T00:00:00", true)]
    [InlineData("05/11/2026", DateOrder.DayFirst, "2026-11-05T00:00:00", true)]
    [InlineData("05/11/2026", DateOrder.MonthFirst, "2026-05-11T00:00:00", true)]
    [InlineData("5-1-2026", DateOrder.DayFirst, "2026-01-05T00:00:00", true)]
    [InlineData("20.11.2026", DateOrder.DayFirst, "2026-11-20T00:00:00", true)]
    [InlineData("11/20/2026", DateOrder.MonthFirst, "2026-11-20T00:00:00", true)]
    [InlineData("25/11/2026 15:00", DateOrder.DayFirst, "2026-11-25T15:00:00", false)]
    [InlineData("03/12/2026 18:00", DateOrder.DayFirst, "2026-12-03T18:00:00", false)]
    [InlineData("20/11/2026 下午 3:00:00", DateOrder.DayFirst, "2026-11-20T15:00:00", false)]
    [InlineData("11/20/2026 3:00 PM", DateOrder.MonthFirst, "2026-11-20T15:00:00", false)]
    [InlineData("20/11/2026 (Fri) 15:00", DateOrder.DayFirst, "2026-11-20T15:00:00", false)]
    [InlineData("20/11/2026（五）", DateOrder.DayFirst, "2026-11-20T00:00:00", true)]
    [InlineData("2026/11/20", DateOrder.DayFirst, "2026-11-20T00:00:00", true)]
    [InlineData("2026-11-20 15:00", DateOrder.MonthFirst, "2026-11-20T15:00:00", false)]
    [InlineData("115/11/20", DateOrder.DayFirst, "2026-11-20T00:00:00", true)]
    public void Parse_YearLastInItsOrder_IsTheDate(string text, DateOrder order, string clock, bool dateOnly)
    {
        var value = Timestamp.Parse(text, order);

        Assert.True(value.IsValid, text);
        Assert.Equal(DateTime.ParseExact(clock, "yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture), value.ClockTime);
        Assert.Equal(dateOnly, value.IsDateOnly);
        Assert.Equal(text, value.Text);
    }

    /// <summary>
    /// By default a date with its year last is unread, whichever way it could be read, and says which order would read it; in
    /// another order a date that does not fit it is unread too, with nothing to add.
    /// </summary>
    [Theory]
    [InlineData("20/11/2026", DateOrder.YearFirst, nameof(TimestampFault.DayFirst))]
    [InlineData("25/11/2026 15:00", DateOrder.YearFirst, nameof(TimestampFault.DayFirst))]
    [InlineData("11/20/2026", DateOrder.YearFirst, nameof(TimestampFault.MonthFirst))]
    [InlineData("11/20/2026 3:00 PM", DateOrder.YearFirst, nameof(TimestampFault.MonthFirst))]
    [InlineData("05/11/2026", DateOrder.YearFirst, nameof(TimestampFault.YearLast))]
    [InlineData("05/11/2026（四）", DateOrder.YearFirst, nameof(TimestampFault.DayFirst))]
    [InlineData("05/11/2026（一）", DateOrder.YearFirst, nameof(TimestampFault.MonthFirst))]
    [InlineData("31/31/2026", DateOrder.YearFirst, nameof(TimestampFault.None))]
    [InlineData("20/11/2026 左右", DateOrder.YearFirst, nameof(TimestampFault.None))]
    [InlineData("20/11/26", DateOrder.DayFirst, nameof(TimestampFault.None))]
    [InlineData("11/20/2026", DateOrder.DayFirst, nameof(TimestampFault.None))]
    [InlineData("20/11/2026", DateOrder.MonthFirst, nameof(TimestampFault.None))]
    [InlineData("20/11-2026", DateOrder.DayFirst, nameof(TimestampFault.None))]
    [InlineData("20年11月2026日", DateOrder.DayFirst, nameof(TimestampFault.None))]
    public void Parse_YearLastOutOfItsOrder_IsInvalidAndNamesTheOrderThatReadsIt(string text, DateOrder order, string fault)
    {
        var value = Timestamp.Parse(text, order);

        Assert.True(value.IsInvalid, text);
        Assert.Equal(text, value.Text);
        Assert.Equal(Enum.Parse<TimestampFault>(fault), value.Fault);
    }

    [Fact]
    public void Parse_UndefinedOrder_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("order", () => Timestamp.Parse("2026-11-20", (DateOrder)3));
}
