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

    [Fact]
    public void Parse_TrimmedTextWithoutLowerCaseTOrZ_AllocatesNothing()
    {
        string[] texts = ["2026-11-20T15:00:00+08:00", "2026-11-20 15:00", "2026/11/20 15:00", "2026年11月20日", "下周三"];
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

    /// <summary>Java's Instant and Go's RFC 3339 write nanoseconds: read to .NET's 100 ns, the rest dropped.</summary>
    [Theory]
    [InlineData("2026-11-20T15:00:00.123456789+08:00", "2026-11-20T15:00:00.1234567+08:00")]
    [InlineData("2026-11-20T07:00:00.123456789Z", "2026-11-20T07:00:00.1234567+00:00")]
    [InlineData("2026-11-20 15:00:00.12345678", "2026-11-20T15:00:00.1234567+08:00")]
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
}
