namespace FollowUp.Rules;

/// <summary>Why text that almost reads as a date is not one, so that the message reporting it can say what to fix.</summary>
internal enum TimestampFault : byte
{
    /// <summary>Nothing more to say than that the text is not a readable date.</summary>
    None,

    /// <summary>
    /// A readable date with a weekday that is not its own (<c>2026-11-20（周四）</c>): which of the two is wrong cannot be told,
    /// so neither is guessed.
    /// </summary>
    WeekdayMismatch,

    /// <summary>A bare number in the range of Excel's serial dates (<c>46346.625</c>): a date cell exported without its date format.</summary>
    ExcelSerial,

    /// <summary>
    /// A date with its year last that reads only day first (<c>20/11/2026</c>), left unread in <see cref="DateOrder.YearFirst"/>
    /// so that the message can say the date is written day first, and the command line's warning name the order to configure.
    /// </summary>
    DayFirst,

    /// <summary>A date with its year last that reads only month first (<c>11/20/2026</c>), as <see cref="DayFirst"/>.</summary>
    MonthFirst,

    /// <summary>A date with its year last that reads either way (<c>05/11/2026</c>), as <see cref="DayFirst"/>.</summary>
    YearLast,

    /// <summary>
    /// A date whose day its month does not have (<c>2026/11/31</c>, <c>2026-02-29</c>): the month and the day are kept for the
    /// message to name them.
    /// </summary>
    NoSuchDay,

    /// <summary>A month and a day without a year (<c>11月26日</c>, <c>11/26 10:00</c>).</summary>
    NoYear,

    /// <summary>A date with a time of day past the clock's (<c>2026-11-20 25:00</c>, <c>15:75</c>).</summary>
    TimeOutOfRange,
}

// The layouts the format strings cannot express — a weekday after the date, a 12-hour clock with 上午/下午 or AM/PM, 点 for
// the hour — read by hand from the span, after the formats have failed, so that the common layouts pay nothing for them.
public readonly partial struct Timestamp
{
    /// <summary>The English weekdays, Sunday first as <see cref="DayOfWeek"/> counts them; their first three letters are read too.</summary>
    private static readonly string[] EnglishWeekdays = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

    /// <summary>The Chinese weekdays after 周, 星期 or 礼拜, Monday first; 日 and 天 are both Sunday.</summary>
    private const string ChineseWeekdays = "一二三四五六";

    /// <summary>What a year of the Republic of China's era (民國, 民国) adds to be the year of the common era: 民國1年 is 1912.</summary>
    private const int RocEraOffset = 1911;

    /// <summary>Excel's serial dates this side of 1954-10-03 and 2119-01-10: any earlier or later would not be a follow-up's.</summary>
    private const int MinExcelSerial = 20000;

    private const int MaxExcelSerial = 80000;

    private enum Layout
    {
        NotRead,
        Read,
        WeekdayMismatch,

        /// <summary>Read but for a day its month does not have; the clock is the first of that month.</summary>
        NoSuchDay,

        /// <summary>Read but for an hour, minute or second past the clock's.</summary>
        TimeOutOfRange,
    }

    /// <summary>What a word before a 12-hour clock says about the part of the day.</summary>
    private enum DayPart
    {
        /// <summary>No word: the clock is read as 24-hour.</summary>
        None,

        /// <summary>上午 or AM: 1 to 12, 12 being midnight.</summary>
        BeforeNoon,

        /// <summary>凌晨, before dawn: 0 to 6, and 12 as midnight too.</summary>
        Dawn,

        /// <summary>早上, the morning: 5 to 11.</summary>
        Morning,

        /// <summary>中午, around noon: 11 and 12 as written, 1 and 2 in the afternoon.</summary>
        Noon,

        /// <summary>下午 or PM: 1 to 12, 12 being noon.</summary>
        AfterNoon,

        /// <summary>晚上, the evening: 5 to 11; 晚上12点 and 晚上1点 could be either side of midnight, so are not read.</summary>
        Evening,
    }

    /// <summary>
    /// Reads a date (<c>2026-11-20</c>, <c>2026/11/20</c>, <c>2026.11.20</c>, <c>2026年11月20日</c> or <c>号</c>, month and day
    /// with one or two digits; a 民國 year, <c>115/11/20</c>; the year last in <paramref name="order"/>; an English month's
    /// name, <c>20 Nov 2026</c>, <c>Nov 20, 2026</c>, after its weekday too, <c>Fri, 20 Nov 2026</c>), then optionally a
    /// weekday, then optionally a time of day and after it a zone (<c>+08:00</c>, <c>GMT+8</c>, <c>(UTC+08:00)</c>,
    /// <c>HKT</c>, <c>北京时间</c>), and nothing else. <paramref name="offset"/> is the zone's offset, if one is written. A
    /// numeric date whose day its month lacks, or a time past the clock's, is read through for its message to say so:
    /// <paramref name="missingDay"/> is that day.
    /// </summary>
    private static Layout ReadLayout(
        ReadOnlySpan<char> text, DateOrder order, out DateTime clock, out bool dateOnly, out TimeSpan? offset, out int missingDay)
    {
        clock = default;
        dateOnly = true;
        offset = null;
        missingDay = 0;
        var i = 0;
        var weekdayFirst = ReadLeadingWeekday(text, ref i, out var firstWeekday);
        var named = ReadNamedMonthDate(text, ref i, out var date, out missingDay);
        if (!named && (weekdayFirst || !ReadDate(text, ref i, order, out date, out missingDay)))
        {
            return Layout.NotRead;
        }

        var apart = SkipWhiteSpace(text, ref i);
        var mismatch = weekdayFirst && firstWeekday != date.DayOfWeek;
        if (named)
        {
            // Nov 20, 2026, 3:00 PM and November 20, 2026 at 3:00 PM, as English calendars and browsers write them.
            var comma = SkipWord(text, ref i, ",");
            apart |= SkipWord(text, ref i, "at") || comma;
        }

        if (!weekdayFirst && i < text.Length && ReadWeekday(text, ref i, apart, out var weekday))
        {
            mismatch = weekday != date.DayOfWeek;
            apart = SkipWhiteSpace(text, ref i);
        }

        var time = TimeSpan.Zero;
        var timeOutOfRange = false;
        if (i < text.Length)
        {
            if (!ReadTime(text, ref i, apart, out time, out timeOutOfRange))
            {
                return Layout.NotRead;
            }

            var zoneApart = SkipWhiteSpace(text, ref i);
            if (i < text.Length)
            {
                if (!ReadZone(text, ref i, zoneApart, out var zone))
                {
                    return Layout.NotRead;
                }

                offset = zone;
                SkipWhiteSpace(text, ref i);
            }

            if (i < text.Length)
            {
                return Layout.NotRead;
            }

            dateOnly = false;
        }

        clock = date + time;
        return missingDay > 0 ? Layout.NoSuchDay
            : timeOutOfRange ? Layout.TimeOutOfRange
            : mismatch ? Layout.WeekdayMismatch
            : Layout.Read;
    }

    /// <summary>
    /// Reads a date that starts with its year: four digits, or a year of the Republic of China's era (民國, 民国), which
    /// Taiwan's exports and forms write: after 民國 in one to three digits (<c>民國115年11月20日</c>), or alone in three
    /// (<c>115/11/20</c>, <c>115年11月20日</c>), since no other calendar a CRM uses has three-digit years and none of them
    /// is in the years read. Or, in <see cref="DateOrder.DayFirst"/> and <see cref="DateOrder.MonthFirst"/>, a numeric
    /// date with its four-digit year last (<c>20/11/2026</c>). A day its month lacks is read too, as <see cref="IsDateOrMissingDay"/> says.
    /// </summary>
    private static bool ReadDate(ReadOnlySpan<char> text, ref int i, DateOrder order, out DateTime date, out int missingDay)
    {
        date = default;
        missingDay = 0;
        var at = i;
        var era = text[at..].StartsWith("民國") || text[at..].StartsWith("民国");
        if (era)
        {
            at += 2;
            SkipWhiteSpace(text, ref at);
        }

        var start = at;
        if (!ReadNumber(text, ref at, 1, 4, out var first) || at == text.Length)
        {
            return false;
        }

        var digits = at - start;
        // A number of one or two digits first is a day or a month: read in the order configured, never guessed.
        if (!era && digits <= 2)
        {
            return order != DateOrder.YearFirst && ReadYearLast(text, ref i, at, first, order, out date, out missingDay);
        }

        var roc = era || digits == 3;
        if (roc ? digits > 3 || first == 0 : digits != 4)
        {
            return false;
        }

        var year = roc ? first + RocEraOffset : first;
        var separator = text[at];
        var chinese = separator == '年';
        if (separator is not ('-' or '/' or '.') && !chinese)
        {
            return false;
        }

        // 2026年 11月 20日: spaces around the characters are as common as none.
        if (!Expect(text, ref at, separator, chinese) || !ReadNumber(text, ref at, 1, 2, out var month)
            || !Expect(text, ref at, chinese ? '月' : separator, chinese) || !ReadNumber(text, ref at, 1, 2, out var day))
        {
            return false;
        }

        if (chinese)
        {
            SkipWhiteSpace(text, ref at);
            if (at == text.Length || text[at] is not ('日' or '号' or '號'))
            {
                return false;
            }

            at++;
        }

        if (!IsDateOrMissingDay(year, month, day, out date, out missingDay))
        {
            return false;
        }

        i = at;
        return true;
    }

    /// <summary>
    /// Reads the rest of a date with its four-digit year last, from the separator after its first number (<c>/11/2026</c> of
    /// <c>20/11/2026</c>), taking that number as the day or the month as <paramref name="order"/> says.
    /// </summary>
    private static bool ReadYearLast(ReadOnlySpan<char> text, ref int i, int at, int first, DateOrder order, out DateTime date, out int missingDay)
    {
        date = default;
        missingDay = 0;
        var separator = text[at];
        if (separator is not ('-' or '/' or '.') || !Expect(text, ref at, separator, spaced: false) || !ReadNumber(text, ref at, 1, 2, out var second)
            || !Expect(text, ref at, separator, spaced: false) || !ReadNumber(text, ref at, 4, 4, out var year))
        {
            return false;
        }

        var (day, month) = order == DateOrder.DayFirst ? (first, second) : (second, first);
        if (!IsDateOrMissingDay(year, month, day, out date, out missingDay))
        {
            return false;
        }

        i = at;
        return true;
    }

    /// <summary>Whether a year, month and day make a date of the years read; <paramref name="date"/> is that date.</summary>
    private static bool IsDate(int year, int month, int day, out DateTime date)
    {
        var valid = year is >= MinYear and <= MaxYear && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
        date = valid ? new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified) : default;
        return valid;
    }

    /// <summary>
    /// Whether a year, month and day make a date of the years read (<paramref name="missingDay"/> 0), or a day up to 31 of a
    /// month that is shorter (2026/11/31, 2026/2/29): then <paramref name="date"/> is the first of that month and
    /// <paramref name="missingDay"/> the day, so that the message can say the month has no such day.
    /// </summary>
    private static bool IsDateOrMissingDay(int year, int month, int day, out DateTime date, out int missingDay)
    {
        missingDay = 0;
        if (IsDate(year, month, day, out date))
        {
            return true;
        }

        if (day is < 1 or > 31 || !IsDate(year, month, 1, out date))
        {
            return false;
        }

        missingDay = day;
        return true;
    }

    /// <summary>
    /// Reads a weekday, in parentheses (full- or half-width) or as a word: 周五, 星期五, 礼拜五, 週五, 禮拜五, Fri, Friday; in
    /// parentheses also the day's character alone, <c>(五)</c>, as zh-TW Excel's <c>(aaa)</c> and Taiwan's reps write it.
    /// </summary>
    private static bool ReadWeekday(ReadOnlySpan<char> text, ref int i, bool apart, out DayOfWeek weekday)
    {
        var at = i;
        var parenthesised = SkipOpeningParenthesis(text, ref at);
        if (!parenthesised && !apart && char.IsAsciiLetter(text[at]))
        {
            weekday = default;
            return false;
        }

        if (!ReadWeekdayName(text, ref at, out weekday))
        {
            // A character alone is a weekday only in parentheses: after a date and a space, 五 could begin anything.
            if (!parenthesised || at == text.Length || !ChineseWeekday(text[at], out weekday))
            {
                return false;
            }

            at++;
        }

        if (parenthesised && !SkipClosingParenthesis(text, ref at))
        {
            return false;
        }

        i = at;
        return true;
    }

    /// <summary>Skips an opening parenthesis, full- or half-width, and the white space after it, when one stands at <paramref name="i"/>.</summary>
    private static bool SkipOpeningParenthesis(ReadOnlySpan<char> text, ref int i)
    {
        if (i == text.Length || text[i] is not ('(' or '（'))
        {
            return false;
        }

        i++;
        SkipWhiteSpace(text, ref i);
        return true;
    }

    /// <summary>Skips white space and the closing parenthesis after it, full- or half-width; false when none follows.</summary>
    private static bool SkipClosingParenthesis(ReadOnlySpan<char> text, ref int i)
    {
        SkipWhiteSpace(text, ref i);
        if (i == text.Length || text[i] is not (')' or '）'))
        {
            return false;
        }

        i++;
        return true;
    }

    private static bool ReadWeekdayName(ReadOnlySpan<char> text, ref int i, out DayOfWeek weekday)
    {
        weekday = default;
        var rest = text[i..];
        var prefix = rest.StartsWith("星期") || rest.StartsWith("礼拜") || rest.StartsWith("禮拜") ? 2 : rest.Length > 0 && rest[0] is '周' or '週' ? 1 : 0;
        if (prefix > 0)
        {
            if (rest.Length == prefix || !ChineseWeekday(rest[prefix], out weekday))
            {
                return false;
            }

            i += prefix + 1;
            return true;
        }

        for (var d = 0; d < EnglishWeekdays.Length; d++)
        {
            var name = EnglishWeekdays[d].AsSpan();
            var length = rest.StartsWith(name, StringComparison.OrdinalIgnoreCase) ? name.Length
                : rest.StartsWith(name[..3], StringComparison.OrdinalIgnoreCase) ? 3 : 0;
            // A word of its own: Sunday, not Sundays.
            if (length > 0 && (rest.Length == length || !char.IsAsciiLetter(rest[length])))
            {
                weekday = (DayOfWeek)d;
                i += length;
                return true;
            }
        }

        return false;
    }

    /// <summary>The weekday a character after 周 or 星期 names: 一 to 六 Monday to Saturday, 日 and 天 Sunday.</summary>
    private static bool ChineseWeekday(char day, out DayOfWeek weekday)
    {
        var monday = ChineseWeekdays.IndexOf(day, StringComparison.Ordinal);
        weekday = monday < 0 ? DayOfWeek.Sunday : (DayOfWeek)(monday + 1);
        return monday >= 0 || day is '日' or '天';
    }

    /// <summary>
    /// Reads a time of day: <c>15:00</c>, <c>15:00:30.5</c>, <c>15时30分</c>, <c>15点</c>, <c>3点半</c>, each after a word for
    /// the part of the day (<c>下午3:00</c>, <c>PM 3:00</c>) or before AM or PM (<c>3:00 PM</c>, <c>3pm</c>), or alone as a
    /// 24-hour clock. A clock past its range (<c>25:00</c>, <c>15:75</c>, <c>下午3:60</c>) is read through, as
    /// <paramref name="outOfRange"/>, for its message to say so; an hour its word for the part of the day does not have
    /// (<c>下午15点</c>) is not.
    /// </summary>
    private static bool ReadTime(ReadOnlySpan<char> text, ref int i, bool apart, out TimeSpan time, out bool outOfRange)
    {
        time = default;
        outOfRange = false;
        var at = i;
        var part = ReadDayPart(text, ref at);
        if (part == DayPart.None && apart)
        {
            // AM or PM before the clock, as Taiwan's and Korea's exports write it in English (2026/11/20 PM 03:00:00).
            part = ReadMeridiem(text, ref at);
        }

        if (part != DayPart.None)
        {
            SkipWhiteSpace(text, ref at);
        }
        else if (!apart)
        {
            // A clock run into the word before it (2026-11-20 Fri15:00) is a typing slip, not a layout.
            return false;
        }

        if (!ReadClock(text, ref at, out var hour, out var minute, out var second, out var ticks, out var hourAlone))
        {
            return false;
        }

        var meridiem = false;
        if (part == DayPart.None)
        {
            var beforeSuffix = at;
            SkipWhiteSpace(text, ref at);
            part = ReadMeridiem(text, ref at);
            meridiem = part != DayPart.None;
            if (!meridiem)
            {
                at = beforeSuffix;
            }
        }

        // An hour alone is a time only before AM or PM (3pm); 下午3 and 15 alone are not.
        if (hourAlone && !meridiem)
        {
            return false;
        }

        var hourOfDay = HourOfDay(part, hour);
        outOfRange = minute > 59 || second > 59 || (part == DayPart.None && hourOfDay < 0);
        if (hourOfDay < 0 && !outOfRange)
        {
            return false;
        }

        time = outOfRange ? TimeSpan.Zero : new TimeSpan(hourOfDay, minute, second) + TimeSpan.FromTicks(ticks);
        i = at;
        return true;
    }

    private static DayPart ReadDayPart(ReadOnlySpan<char> text, ref int i)
    {
        if (text.Length - i < 2)
        {
            return DayPart.None;
        }

        var part = text.Slice(i, 2) switch
        {
            "上午" => DayPart.BeforeNoon,
            "凌晨" => DayPart.Dawn,
            "早上" => DayPart.Morning,
            "中午" => DayPart.Noon,
            "下午" => DayPart.AfterNoon,
            "晚上" => DayPart.Evening,
            _ => DayPart.None,
        };
        if (part != DayPart.None)
        {
            i += 2;
        }

        return part;
    }

    /// <summary>Reads AM or PM after a clock, in either case, with or without points (p.m.), as a word of its own.</summary>
    private static DayPart ReadMeridiem(ReadOnlySpan<char> text, ref int i)
    {
        var rest = text[i..];
        if (rest.Length < 2 || (rest[0] | 0x20) is not ('a' or 'p'))
        {
            return DayPart.None;
        }

        var length = (rest[1] | 0x20) == 'm' ? 2 : rest.StartsWith("a.m.", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("p.m.", StringComparison.OrdinalIgnoreCase) ? 4 : 0;
        if (length == 0 || (rest.Length > length && char.IsAsciiLetter(rest[length])))
        {
            return DayPart.None;
        }

        i += length;
        return (rest[0] | 0x20) == 'a' ? DayPart.BeforeNoon : DayPart.AfterNoon;
    }

    /// <summary>The hour of the day a clock's hour is in a part of the day, or -1 when the part has no such hour.</summary>
    private static int HourOfDay(DayPart part, int hour) => part switch
    {
        DayPart.None => hour <= 23 ? hour : -1,
        DayPart.BeforeNoon => hour is >= 1 and <= 12 ? hour % 12 : -1,
        DayPart.Dawn => hour is >= 0 and <= 6 or 12 ? hour % 12 : -1,
        DayPart.Morning => hour is >= 5 and <= 11 ? hour : -1,
        DayPart.Noon => hour is 11 or 12 ? hour : hour is 1 or 2 ? hour + 12 : -1,
        DayPart.AfterNoon => hour is >= 1 and <= 12 ? hour % 12 + 12 : -1,
        _ => hour is >= 5 and <= 11 ? hour + 12 : -1,
    };

    /// <summary>
    /// Reads <c>H:mm</c> with optional seconds and fraction, <c>H时</c> or <c>H点</c> with optional minutes (or 半) and
    /// seconds, or an hour alone (<paramref name="hourAlone"/>), which only AM or PM after it makes a time.
    /// </summary>
    private static bool ReadClock(
        ReadOnlySpan<char> text, ref int i, out int hour, out int minute, out int second, out long ticks, out bool hourAlone)
    {
        minute = second = 0;
        ticks = 0;
        hourAlone = false;
        var at = i;
        if (!ReadNumber(text, ref at, 1, 2, out hour))
        {
            return false;
        }

        if (at < text.Length && text[at] == ':')
        {
            at++;
            if (!ReadNumber(text, ref at, 2, 2, out minute))
            {
                return false;
            }

            if (at < text.Length && text[at] == ':')
            {
                at++;
                if (!ReadNumber(text, ref at, 2, 2, out second))
                {
                    return false;
                }

                if (at < text.Length && text[at] == '.')
                {
                    at++;
                    var start = at;
                    if (!ReadNumber(text, ref at, 1, MaxFractionDigits, out var fraction))
                    {
                        return false;
                    }

                    ticks = fraction * TicksPerDigit(at - start);
                }
            }
        }
        else if (at < text.Length && text[at] is '时' or '時' or '点' or '點')
        {
            at++;
            ReadChineseMinutes(text, ref at, ref minute, ref second);
        }
        else
        {
            hourAlone = true;
        }

        i = at;
        return true;
    }

    /// <summary>Reads what may follow 时 or 点: 半, or minutes with or without 分, then seconds with 秒; or 钟 (3点钟).</summary>
    private static void ReadChineseMinutes(ReadOnlySpan<char> text, ref int i, ref int minute, ref int second)
    {
        if (i == text.Length)
        {
            return;
        }

        if (text[i] is '半')
        {
            minute = 30;
            i++;
            return;
        }

        if (text[i] is '钟' or '鐘')
        {
            i++;
            return;
        }

        if (!ReadNumber(text, ref i, 1, 2, out minute) || i == text.Length || text[i] != '分')
        {
            return;
        }

        i++;
        var at = i;
        if (ReadNumber(text, ref at, 1, 2, out var seconds) && at < text.Length && text[at] == '秒')
        {
            second = seconds;
            i = at + 1;
        }
    }

    private static long TicksPerDigit(int digits)
    {
        var ticks = TimeSpan.TicksPerSecond;
        for (var d = 0; d < digits; d++)
        {
            ticks /= 10;
        }

        return ticks;
    }

    /// <summary>Reads a run of ASCII digits of a length from <paramref name="min"/> to <paramref name="max"/>.</summary>
    private static bool ReadNumber(ReadOnlySpan<char> text, ref int i, int min, int max, out int value)
    {
        value = 0;
        var at = i;
        while (at < text.Length && char.IsAsciiDigit(text[at]))
        {
            if (at - i == max)
            {
                return false;
            }

            value = value * 10 + (text[at] - '0');
            at++;
        }

        if (at - i < min)
        {
            return false;
        }

        i = at;
        return true;
    }

    /// <summary>Reads one expected character; around a Chinese date's 年 and 月 white space may stand too.</summary>
    private static bool Expect(ReadOnlySpan<char> text, ref int i, char expected, bool spaced)
    {
        if (spaced)
        {
            SkipWhiteSpace(text, ref i);
        }

        if (i == text.Length || text[i] != expected)
        {
            return false;
        }

        i++;
        if (spaced)
        {
            SkipWhiteSpace(text, ref i);
        }

        return true;
    }

    /// <summary>
    /// Skips white space; whether what follows stands apart from what came before: after white space or a character that
    /// is not an ASCII letter or digit (日, ）), not right after a digit or letter (2026-11-20Fri).
    /// </summary>
    private static bool SkipWhiteSpace(ReadOnlySpan<char> text, ref int i)
    {
        var start = i;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i > start || start == 0 || !char.IsAsciiLetterOrDigit(text[start - 1]);
    }

    /// <summary>Whether the text is a bare number in the range of Excel's serial dates, with or without a fraction of a day.</summary>
    private static bool IsExcelSerial(ReadOnlySpan<char> text)
    {
        var i = 0;
        if (!ReadNumber(text, ref i, 5, 5, out var day) || day is < MinExcelSerial or > MaxExcelSerial)
        {
            return false;
        }

        if (i == text.Length)
        {
            return true;
        }

        return text[i] == '.' && text.Length > i + 1 && !text[(i + 1)..].ContainsAnyExceptInRange('0', '9');
    }
}
