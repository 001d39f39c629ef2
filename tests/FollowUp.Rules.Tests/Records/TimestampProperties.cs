using System.Globalization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

// The types under test live in namespace FollowUp.Rules (src/FollowUp.Rules/Records/), so their tests live in FollowUp.Rules.Tests.
namespace FollowUp.Rules.Tests;

/// <summary>
/// <see cref="Timestamp.Parse(string?)"/> over generated text: a time written with 上午/下午 or AM/PM in any of the layouts exports use
/// reads back as the instant it was written from, every part of the day reads each hour as the hour it means, a weekday is
/// read only beside its own date, a date written in a <see cref="DateOrder"/> or with a 民國 year reads back as itself, a
/// date with its year last is never read by default, and no text throws.
/// </summary>
public sealed class TimestampProperties
{
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
    public Property Parse_TwelveHourLayout_GivesTheInstantItWasWrittenFrom(TwelveHourText written)
    {
        var value = Timestamp.Parse(written.Text);

        return (value.IsValid && !value.HasOffset && value.ClockTime == written.Clock
                && value.Resolve(written.Offset) == new DateTimeOffset(written.Clock, written.Offset))
            .Label($"{written} read as {value.ClockTime:O}");
    }

    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 2000)]
    public Property Parse_AnyText_NeverThrowsAndKeepsWhatItCannotRead(DateLikeText text)
    {
        var value = Timestamp.Parse(text.Value);

        // A value read resolves in any zone and is written as text that reads back as itself; any other keeps its text.
        var consistent = value.IsValid
            ? value.Resolve(TimeSpan.FromHours(14)) is not null && value.Resolve(TimeSpan.FromHours(-14)) is not null
                && Timestamp.Parse(value.ToString()) == value
            : value.Text == text.Value && value.Resolve(TimeSpan.Zero) is null;
        return consistent.Label($"'{text.Value}' read as {value}");
    }

    /// <summary>
    /// Each part of the day reads every hour the README lists for it as the hour it means on a 24-hour clock (凌晨0点 and
    /// 凌晨12点 as midnight, 中午1点 as 13:00, 晚上8点 as 20:00), with minutes or 半; an hour outside its range is unreadable.
    /// </summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
    public Property Parse_PartOfTheDayAndHour_ReadsTheHourItMeansOrNone(DayPartHour reading, bool half)
    {
        var text = string.Create(CultureInfo.InvariantCulture, $"2026年11月20日 {reading.Word}{reading.Hour}点{(half ? "半" : "")}");

        var value = Timestamp.Parse(text);

        var expected = reading.Meaning is { } hour ? new DateTime(2026, 11, 20, hour, half ? 30 : 0, 0) : (DateTime?)null;
        return (expected is null ? value.IsInvalid : value.IsValid && value.ClockTime == expected).Label($"'{text}' read as {value}");
    }

    /// <summary>A weekday written after a date is read only when it is the date's own; any other makes the value a mismatch.</summary>
    [Property(MaxTest = 1000)]
    public Property Parse_WeekdayAfterADate_IsReadOnlyWhenItIsTheDatesOwn(PositiveInt daysFromFirst, byte weekday, bool traditional)
    {
        var date = new DateTime(Timestamp.MinYear, 1, 1).AddDays(daysFromFirst.Get % 100_000);
        var named = (DayOfWeek)(weekday % 7);
        var text = string.Create(CultureInfo.InvariantCulture, $"{date:yyyy-MM-dd}（{(traditional ? "週" : "周")}{"日一二三四五六"[(int)named]}）");

        var value = Timestamp.Parse(text);

        var read = named == date.DayOfWeek
            ? value.IsValid && value.ClockTime == date && value.IsDateOnly
            : value.IsInvalid && value.Fault == TimestampFault.WeekdayMismatch;
        return read.Label($"'{text}' ({date.DayOfWeek}) read as {value} ({value.Fault})");
    }

    /// <summary>Any date, written in an order and read in that order, is the date it was written from, with its time if it has one.</summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 2000)]
    public Property Parse_DateWrittenInTheConfiguredOrder_ReadsBackAsItself(OrderedDate written)
    {
        var value = Timestamp.Parse(written.Text, written.Order);

        return (value.IsValid && value.ClockTime == written.Clock && value.IsDateOnly == written.DateOnly)
            .Label($"{written} read as {value} ({value.Fault})");
    }

    /// <summary>
    /// By default a date with its year last is never read, so never as another date (05/11/2026 is two); and the order its
    /// message names reads it as the date it was written from.
    /// </summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 2000)]
    public Property Parse_YearLastByDefault_IsNeverReadAndItsFaultNamesAnOrderThatReadsIt(OrderedDate written)
    {
        var value = Timestamp.Parse(written.Text);
        var named = value.Fault switch
        {
            TimestampFault.DayFirst => DateOrder.DayFirst,
            TimestampFault.MonthFirst => DateOrder.MonthFirst,
            // Either order reads it: the one it was written in is among them.
            TimestampFault.YearLast => written.Order,
            _ => (DateOrder?)null,
        };

        var holds = written.Order == DateOrder.YearFirst
            ? value.IsValid
            : value.IsInvalid && named is { } order && Timestamp.Parse(written.Text, order).ClockTime == written.Clock;
        return holds.Label($"{written} read by default as {value} ({value.Fault})");
    }

    /// <summary>Whatever the default reads, every order reads alike: an order only decides dates with their year last.</summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 2000)]
    public Property Parse_TextReadByDefault_IsReadAlikeInEveryOrder(DateLikeText text)
    {
        var value = Timestamp.Parse(text.Value);

        return (!value.IsValid || (Timestamp.Parse(text.Value, DateOrder.DayFirst) == value && Timestamp.Parse(text.Value, DateOrder.MonthFirst) == value))
            .Label($"'{text.Value}' read as {value}");
    }

    /// <summary>
    /// Any time written with its month's English name or with its zone after it reads back as the instant it was written
    /// from, in every <see cref="DateOrder"/>: with the zone's offset when one is written, as a clock reading when not.
    /// </summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 2000)]
    public Property Parse_NamedMonthOrZone_GivesTheInstantItWasWrittenFrom(NamedMonthOrZoneText written)
    {
        var value = Timestamp.Parse(written.Text);

        var read = value.IsValid && value.ClockTime == written.Clock && value.Offset == written.Offset && !value.IsDateOnly
            && Timestamp.Parse(written.Text, DateOrder.DayFirst) == value && Timestamp.Parse(written.Text, DateOrder.MonthFirst) == value;
        return read.Label($"{written} read as {value}");
    }

    /// <summary>Any date from 1912, written with its 民國 year (after 民國, or alone in three digits), reads as that date.</summary>
    [Property(MaxTest = 1000)]
    public Property Parse_RepublicOfChinaYear_ReadsAsTheDateItWasWrittenFrom(PositiveInt daysFromFirst, bool simplified, bool alone)
    {
        var first = new DateTime(1912, 1, 1);
        var date = first.AddDays(daysFromFirst.Get % (int)(new DateTime(Timestamp.MaxYear, 12, 31) - first).TotalDays);
        var year = date.Year - 1911;
        var text = alone && year >= 100
            ? string.Create(CultureInfo.InvariantCulture, $"{year}/{date.Month}/{date.Day}")
            : string.Create(CultureInfo.InvariantCulture, $"{(simplified ? "民国" : "民國")}{year}年{date.Month}月{date.Day}日");

        var value = Timestamp.Parse(text);

        return (value.IsValid && value.ClockTime == date).Label($"'{text}' read as {value}");
    }

    /// <summary>A date and time written in a <see cref="DateOrder"/>, as the exports of that order write it.</summary>
    public sealed record OrderedDate(string Text, DateOrder Order, DateTime Clock, bool DateOnly)
    {
        public override string ToString() => $"'{Text}' ({Order})";

        public static OrderedDate Write(DateTime clock, DateOrder order, char separator, bool padded, bool withTime)
        {
            var (day, month) = padded
                ? (clock.Day.ToString("00", CultureInfo.InvariantCulture), clock.Month.ToString("00", CultureInfo.InvariantCulture))
                : (clock.Day.ToString(CultureInfo.InvariantCulture), clock.Month.ToString(CultureInfo.InvariantCulture));
            var date = order switch
            {
                DateOrder.DayFirst => $"{day}{separator}{month}{separator}{clock.Year}",
                DateOrder.MonthFirst => $"{month}{separator}{day}{separator}{clock.Year}",
                _ => $"{clock.Year}{separator}{month}{separator}{day}",
            };
            return withTime
                ? new OrderedDate(string.Create(CultureInfo.InvariantCulture, $"{date} {clock:HH:mm}"), order, clock, DateOnly: false)
                : new OrderedDate(date, order, clock.Date, DateOnly: true);
        }
    }

    /// <summary>
    /// A time written with its month's English name, its zone after it, or both, and the instant it was written from; a
    /// time with no zone written (<see cref="Offset"/> null) is a clock reading.
    /// </summary>
    public sealed record NamedMonthOrZoneText(string Text, DateTime Clock, TimeSpan? Offset)
    {
        private static readonly string[] Months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

        public override string ToString() => $"'{Text}'";

        /// <summary>Writes <paramref name="clock"/> in one of six date layouts and one of five ways of writing a zone (or none).</summary>
        public static NamedMonthOrZoneText Write(DateTime clock, int layout, TimeSpan offset, int zone)
        {
            var month = clock.ToString("MMMM", CultureInfo.InvariantCulture);
            var date = layout switch
            {
                0 => string.Create(CultureInfo.InvariantCulture, $"{clock.Day} {Months[clock.Month - 1]} {clock.Year}"),
                1 => string.Create(CultureInfo.InvariantCulture, $"{clock.Day:00}-{Months[clock.Month - 1]}-{clock.Year}"),
                2 => string.Create(CultureInfo.InvariantCulture, $"{month} {clock.Day}, {clock.Year},"),
                3 => string.Create(CultureInfo.InvariantCulture, $"{clock:ddd}, {clock.Day} {month} {clock.Year}"),
                4 => string.Create(CultureInfo.InvariantCulture, $"{clock:yyyy/M/d}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"{clock:yyyy年M月d日}"),
            };
            var sign = offset < TimeSpan.Zero ? '-' : '+';
            var (hours, minutes) = (Math.Abs(offset.Hours), Math.Abs(offset.Minutes));
            var written = zone switch
            {
                0 => null,
                1 => string.Create(CultureInfo.InvariantCulture, $" {sign}{hours:00}:{minutes:00}"),
                2 => string.Create(CultureInfo.InvariantCulture, $" (GMT{sign}{hours}{(minutes == 0 ? "" : $":{minutes:00}")})"),
                3 => string.Create(CultureInfo.InvariantCulture, $" UTC{sign}{hours:00}{minutes:00}"),
                _ => " 北京时间",
            };
            var zoneOffset = zone switch { 0 => (TimeSpan?)null, 4 => TimeSpan.FromHours(8), _ => offset };
            // Layouts 2 and 3 write the time as English calendars do; the others as a 24-hour clock.
            var time = layout is 2 or 3 ? clock.ToString(" h:mm tt", CultureInfo.InvariantCulture) : clock.ToString(" HH:mm", CultureInfo.InvariantCulture);
            return new NamedMonthOrZoneText(date + time + written, clock, zoneOffset);
        }
    }

    /// <summary>A part of the day, an hour after it, and the hour of a 24-hour clock it means, if any.</summary>
    public sealed record DayPartHour(string Word, int Hour, int? Meaning)
    {
        /// <summary>The hours each word takes (README "Timestamps"), and what they mean.</summary>
        public static DayPartHour Of(string word, int hour) => new(word, hour, word switch
        {
            "上午" => hour is >= 1 and <= 12 ? hour % 12 : null,
            "凌晨" => hour is >= 0 and <= 6 or 12 ? hour % 12 : null,
            "早上" => hour is >= 5 and <= 11 ? hour : null,
            "中午" => hour is 11 or 12 ? hour : hour is 1 or 2 ? hour + 12 : null,
            "下午" => hour is >= 1 and <= 12 ? hour % 12 + 12 : null,
            "晚上" => hour is >= 5 and <= 11 ? hour + 12 : null,
            _ => hour is >= 0 and <= 23 ? hour : null,
        });
    }

    /// <summary>A clock reading, the text an export would write for it with a 12-hour clock, and the default offset to place it in.</summary>
    public sealed record TwelveHourText(string Text, DateTime Clock, TimeSpan Offset)
    {
        public override string ToString() => $"'{Text}' at {Offset}";

        /// <summary>Writes <paramref name="clock"/> in one of the layouts: Windows' zh-CN and en-US, and the ways people write it.</summary>
        public static TwelveHourText Write(DateTime clock, int layout, TimeSpan offset)
        {
            var hour = clock.Hour % 12 == 0 ? 12 : clock.Hour % 12;
            var chinese = clock.Hour < 12 ? "上午" : "下午";
            var english = clock.Hour < 12 ? "AM" : "PM";
            var weekday = "日一二三四五六"[(int)clock.DayOfWeek];
            var (y, m, d, mm, ss) = (clock.Year, clock.Month, clock.Day, clock.Minute, clock.Second);
            var text = layout switch
            {
                0 => string.Create(CultureInfo.InvariantCulture, $"{y}/{m}/{d} {chinese} {hour:00}:{mm:00}:{ss:00}"),
                1 => string.Create(CultureInfo.InvariantCulture, $"{y}-{m:00}-{d:00} {chinese}{hour}:{mm:00}:{ss:00}"),
                2 => string.Create(CultureInfo.InvariantCulture, $"{y}年{m}月{d}日 {chinese}{hour}点{mm}分{ss}秒"),
                3 => string.Create(CultureInfo.InvariantCulture, $"{y}年{m}月{d}日（週{weekday}）{chinese}{hour}時{mm:00}分{ss:00}秒"),
                4 => string.Create(CultureInfo.InvariantCulture, $"{y}-{m:00}-{d:00} {hour}:{mm:00}:{ss:00} {english}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"{y}/{m}/{d} 星期{weekday} {hour}:{mm:00}:{ss:00}{english.ToLowerInvariant()}"),
            };
            return new TwelveHourText(text, clock, offset);
        }
    }

    /// <summary>Text made of the pieces of dates, times and weekdays, in any order, with any other characters among them.</summary>
    public sealed record DateLikeText(string Value)
    {
        public override string ToString() => Value;
    }

    public static class Arbitraries
    {
        private static readonly DateTime First = new(Timestamp.MinYear, 1, 1);

        private static readonly string[] Pieces =
        [
            "2026", "1899", "2201", "0000", "-", "/", ".", "年", "月", "日", "号", "號", "11", "1", "20", "31", "02", "30", "29", " ",
            "\u3000", "\t", "上午", "下午", "中午", "晚上", "凌晨", "早上", "点", "點", "时", "時", "分", "秒", "半", "钟", ":", "00",
            "59", "60", "12", "13", "24", "PM", "am", "p.m.", "A.", "(", ")", "（", "）", "周", "週", "星期", "礼拜", "禮拜", "五",
            "天", "八", "Fri", "friday", "Sunday", "T", "t", "Z", "z", "+08:00", "+", "46346", ".625", "20261120", "1234567890",
            "\uD800", "\0", "Nov", "November", "Sept", "may", ",", "at", "th", "GMT", "UTC", "HKT", "SGT", "CST", "北京时间", "東八區",
            "+8", "-05", "+0800",
        ];

        private static readonly string[] Dates =
            ["2026-11-20", "2026/11/20", "2026年11月20日", "2026.2.29", "2024-2-29", "20 Nov 2026", "Nov 20, 2026", "Fri, 20 Nov 2026"];

        public static Arbitrary<TwelveHourText> TwelveHourTexts() => (
            from days in Gen.Choose(0, (int)(new DateTime(Timestamp.MaxYear, 12, 31) - First).TotalDays)
            from seconds in Gen.Choose(0, 24 * 60 * 60 - 1)
            from layout in Gen.Choose(0, 5)
            from quarters in Gen.Choose(-14 * 4, 14 * 4)
            select TwelveHourText.Write(First.AddDays(days).AddSeconds(seconds), layout, TimeSpan.FromMinutes(quarters * 15)))
            .ToArbitrary();

        public static Arbitrary<OrderedDate> OrderedDates() => (
            from days in Gen.Choose(0, (int)(new DateTime(Timestamp.MaxYear, 12, 31) - First).TotalDays)
            from minutes in Gen.Choose(0, 24 * 60 - 1)
            from order in Gen.Elements(DateOrder.YearFirst, DateOrder.DayFirst, DateOrder.MonthFirst)
            from separator in Gen.Elements('/', '-', '.')
            from padded in ArbMap.Default.GeneratorFor<bool>()
            from withTime in ArbMap.Default.GeneratorFor<bool>()
            select OrderedDate.Write(First.AddDays(days).AddMinutes(minutes), order, separator, padded, withTime))
            .ToArbitrary();

        public static Arbitrary<NamedMonthOrZoneText> NamedMonthOrZoneTexts() => (
            from days in Gen.Choose(0, (int)(new DateTime(Timestamp.MaxYear, 12, 31) - First).TotalDays)
            from minutes in Gen.Choose(0, 24 * 60 - 1)
            from layout in Gen.Choose(0, 5)
            from quarters in Gen.Choose(-12 * 4, 14 * 4)
            from zone in Gen.Choose(0, 4)
            select NamedMonthOrZoneText.Write(First.AddDays(days).AddMinutes(minutes), layout, TimeSpan.FromMinutes(quarters * 15), zone))
            .ToArbitrary();

        public static Arbitrary<DayPartHour> DayPartHours() => (
            from word in Gen.Elements("上午", "凌晨", "早上", "中午", "下午", "晚上", "")
            from hour in Gen.Choose(0, 25)
            select DayPartHour.Of(word, hour))
            .ToArbitrary();

        public static Arbitrary<DateLikeText> DateLikeTexts()
        {
            var piece = Gen.Frequency(
                (6, Gen.Elements(Pieces)),
                (1, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())));
            var rest = Gen.ListOf(piece).Select(string.Concat);
            return Gen.Frequency(
                    (1, rest),
                    (2, from date in Gen.Elements(Dates) from tail in rest select date + tail))
                .Select(text => new DateLikeText(text))
                .ToArbitrary();
        }
    }
}
