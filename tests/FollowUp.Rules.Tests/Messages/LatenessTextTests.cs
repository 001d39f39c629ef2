using System.Globalization;
using FollowUp.Rules.Messages;

namespace FollowUp.Rules.Tests.Messages;

public sealed class LatenessTextTests
{
    [Theory]
    [InlineData(0.25, "1min")]
    [InlineData(30.6, "30min")]
    [InlineData(59.9, "59min")]
    [InlineData(60, "1h")]
    [InlineData(23 * 60 + 59, "23h")]
    [InlineData(24 * 60, "1d")]
    [InlineData(36 * 60, "1.5d")]
    [InlineData(9.99 * 24 * 60, "9.9d")]
    [InlineData(10.9 * 24 * 60, "10d")]
    public void Compact_MinutesBelowAnHour_HoursBelowADay_ElseDays_RoundedDown(double minutes, string expected) =>
        Assert.Equal(expected, LatenessText.Compact(TimeSpan.FromMinutes(minutes)).ToString());

    [Theory]
    [InlineData("zh-CN", 1.0, "1 小时")]
    [InlineData("zh-CN", 50.0, "2 天")]
    [InlineData("en", 1.0, "1 hour")]
    [InlineData("en", 3.5, "3 hours")]
    [InlineData("en", 24.0, "1 day")]
    [InlineData("en", 60.0, "2.5 days")]
    public void For_WritesTheUnitInTheCatalogsLanguage(string culture, double hours, string expected)
    {
        var text = LatenessText.For(MessageCatalog.For(CultureInfo.GetCultureInfo(culture)), TimeSpan.FromHours(hours));

        Assert.Equal(expected, text.ToString());
        Assert.Equal(expected, string.Create(CultureInfo.InvariantCulture, $"{text}"));
    }

    [Theory]
    [InlineData(7.05, 7, "7.1 天")]
    [InlineData(7.88, 7, "7.8 天")]
    [InlineData(14.02, 14, "14.1 天")]
    [InlineData(16.7, 14, "16 天")]
    public void Beyond_RoundsDown_ButNeverToTheLimitItPassed(double days, double limit, string expected) =>
        Assert.Equal(expected, LatenessText.Beyond(MessageCatalog.For(CultureInfo.GetCultureInfo("zh-CN")), TimeSpan.FromDays(days), TimeSpan.FromDays(limit)).ToString());
}
