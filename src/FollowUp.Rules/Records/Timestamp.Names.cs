namespace FollowUp.Rules;

// The words of a date that English exports and calendars write (a month's name, a weekday before the date) and the zone
// after a time (+08:00, GMT+8, HKT, 北京时间), read by hand after the formats have failed, as the other layouts are.
public readonly partial struct Timestamp
{
    /// <summary>The English months, January first; their first three letters are read too, and Sept.</summary>
    private static readonly string[] EnglishMonths =
        ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

    /// <summary>
    /// Zone abbreviations with one offset all year and one meaning, for the places this library's users export from. CST
    /// (China or the American Central zone) and IST (India, Ireland or Israel) are left out: read, they would be guessed.
    /// </summary>
    private static readonly (string Name, int Minutes)[] ZoneAbbreviations =
    [
        ("HKT", 8 * 60), ("SGT", 8 * 60), ("MYT", 8 * 60), ("PHT", 8 * 60), ("AWST", 8 * 60), ("JST", 9 * 60), ("KST", 9 * 60),
        ("ICT", 7 * 60), ("WIB", 7 * 60),
    ];

    /// <summary>Chinese names of UTC+8 written after a time: Beijing, Taipei, Hong Kong, Singapore time and 东八区 (zone east 8).</summary>
    private static readonly string[] ChineseUtcPlus8Names =
        ["北京时间", "北京時間", "台北时间", "台北時間", "臺北時間", "香港时间", "香港時間", "新加坡时间", "新加坡時間", "东八区", "東八區"];

    /// <summary>The furthest east a zone lies (UTC+14, Kiribati's Line Islands).</summary>
    private static readonly TimeSpan MaxZoneOffset = TimeSpan.FromHours(14);

    /// <summary>The furthest west a zone lies (UTC−12, Baker Island): UTC−13 is no zone's, so it is not read.</summary>
    private static readonly TimeSpan MinZoneOffset = TimeSpan.FromHours(-12);

    /// <summary>Reads an English weekday that opens a date, with the comma after it: <c>Fri, </c> of <c>Fri, 20 Nov 2026</c>.</summary>
    private static bool ReadLeadingWeekday(ReadOnlySpan<char> text, ref int i, out DayOfWeek weekday)
    {
        var at = i;
        if (at == text.Length || !char.IsAsciiLetter(text[at]) || !ReadWeekdayName(text, ref at, out weekday))
        {
            weekday = default;
            return false;
        }

        var apart = SkipWhiteSpace(text, ref at);
        apart |= SkipWord(text, ref at, ",");
        if (!apart)
        {
            return false;
        }

        i = at;
        return true;
    }

    /// <summary>
    /// Reads a date with its month named in English and its four-digit year last: day first (<c>20 Nov 2026</c>,
    /// <c>20-Nov-2026</c> as Excel's d-mmm-yyyy writes it, <c>20th November 2026</c>) or month first (<c>Nov 20, 2026</c>,
    /// <c>November 20 2026</c>). The name says which number is the month, so no <see cref="DateOrder"/> is needed. A day its
    /// month lacks (<c>31 Nov 2026</c>) is read too, as <see cref="IsDateOrMissingDay"/> says.
    /// </summary>
    private static bool ReadNamedMonthDate(ReadOnlySpan<char> text, ref int i, out DateTime date, out int missingDay)
    {
        date = default;
        missingDay = 0;
        var at = i;
        int day;
        int month;
        if (ReadNumber(text, ref at, 1, 2, out day))
        {
            SkipOrdinal(text, ref at);
            if (!SkipDateSeparator(text, ref at) || !ReadMonthName(text, ref at, out month) || !SkipBeforeYear(text, ref at))
            {
                return false;
            }
        }
        else if (!ReadMonthName(text, ref at, out month) || !SkipDateSeparator(text, ref at) || !ReadNumber(text, ref at, 1, 2, out day))
        {
            return false;
        }
        else
        {
            SkipOrdinal(text, ref at);
            if (!SkipBeforeYear(text, ref at))
            {
                return false;
            }
        }

        if (!ReadNumber(text, ref at, 4, 4, out var year) || (at < text.Length && char.IsAsciiLetterOrDigit(text[at])) || !IsDateOrMissingDay(year, month, day, out date, out missingDay))
        {
            return false;
        }

        i = at;
        return true;
    }

    /// <summary>Reads an English month's name or its first three letters (Sept too), in any case, with an optional point.</summary>
    private static bool ReadMonthName(ReadOnlySpan<char> text, ref int i, out int month)
    {
        var rest = text[i..];
        for (var m = 0; m < EnglishMonths.Length; m++)
        {
            var name = EnglishMonths[m].AsSpan();
            var length = rest.StartsWith(name, StringComparison.OrdinalIgnoreCase) ? name.Length
                : m == 8 && rest.StartsWith("Sept", StringComparison.OrdinalIgnoreCase) ? 4
                : rest.StartsWith(name[..3], StringComparison.OrdinalIgnoreCase) ? 3 : 0;
            if (length > 0 && (rest.Length == length || !char.IsAsciiLetter(rest[length])))
            {
                month = m + 1;
                i += length < rest.Length && rest[length] == '.' ? length + 1 : length;
                return true;
            }
        }

        month = 0;
        return false;
    }

    /// <summary>Skips st, nd, rd or th after a day (20th).</summary>
    private static void SkipOrdinal(ReadOnlySpan<char> text, ref int i)
    {
        var rest = text[i..];
        if (rest.Length >= 2 && (rest.StartsWith("st", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("nd", StringComparison.OrdinalIgnoreCase)
                || rest.StartsWith("rd", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("th", StringComparison.OrdinalIgnoreCase))
            && (rest.Length == 2 || !char.IsAsciiLetter(rest[2])))
        {
            i += 2;
        }
    }

    /// <summary>Skips what stands between the parts of a named-month date: white space or one hyphen.</summary>
    private static bool SkipDateSeparator(ReadOnlySpan<char> text, ref int i)
    {
        if (i < text.Length && text[i] == '-')
        {
            i++;
            return true;
        }

        var start = i;
        SkipWhiteSpace(text, ref i);
        return i > start;
    }

    /// <summary>Skips what stands before a named-month date's year: a comma (and white space), white space or a hyphen.</summary>
    private static bool SkipBeforeYear(ReadOnlySpan<char> text, ref int i) => SkipWord(text, ref i, ",") || SkipDateSeparator(text, ref i);

    /// <summary>
    /// Skips a word (in any case; a letter word only whole, not the start of a longer one) and the white space after it,
    /// when it stands at <paramref name="i"/>.
    /// </summary>
    private static bool SkipWord(ReadOnlySpan<char> text, ref int i, string word)
    {
        var rest = text[i..];
        if (!rest.StartsWith(word, StringComparison.OrdinalIgnoreCase)
            || (char.IsAsciiLetter(word[^1]) && rest.Length > word.Length && char.IsAsciiLetter(rest[word.Length])))
        {
            return false;
        }

        i += word.Length;
        SkipWhiteSpace(text, ref i);
        return true;
    }

    /// <summary>
    /// Reads the zone after a time, in parentheses full- or half-width or not: an offset (<c>+08:00</c>, <c>+0800</c>,
    /// <c>+8</c>, apart from the time unless it has its sign right after it), UTC or GMT with or without one (<c>GMT+8</c>,
    /// <c>UTC+08:00</c>, <c>UTC</c>), an abbreviation of <see cref="ZoneAbbreviations"/> or a Chinese name of UTC+8.
    /// </summary>
    private static bool ReadZone(ReadOnlySpan<char> text, ref int i, bool apart, out TimeSpan offset)
    {
        offset = default;
        var at = i;
        var parenthesised = SkipOpeningParenthesis(text, ref at);
        var signed = at < text.Length && text[at] is '+' or '-';
        if (!(parenthesised || apart || signed) || !ReadZoneName(text, ref at, out offset))
        {
            return false;
        }

        if (parenthesised && !SkipClosingParenthesis(text, ref at))
        {
            return false;
        }

        i = at;
        return true;
    }

    private static bool ReadZoneName(ReadOnlySpan<char> text, ref int i, out TimeSpan offset)
    {
        offset = default;
        var rest = text[i..];
        if (rest.StartsWith("UTC", StringComparison.OrdinalIgnoreCase) || rest.StartsWith("GMT", StringComparison.OrdinalIgnoreCase))
        {
            var at = i + 3;
            if (at < text.Length && text[at] is '+' or '-')
            {
                if (!ReadOffset(text, ref at, out offset))
                {
                    return false;
                }
            }
            else if (at < text.Length && char.IsAsciiLetterOrDigit(text[at]))
            {
                return false;
            }

            i = at;
            return true;
        }

        if (rest.Length > 0 && rest[0] is '+' or '-')
        {
            return ReadOffset(text, ref i, out offset);
        }

        foreach (var (name, minutes) in ZoneAbbreviations)
        {
            if (rest.StartsWith(name, StringComparison.OrdinalIgnoreCase) && (rest.Length == name.Length || !char.IsAsciiLetterOrDigit(rest[name.Length])))
            {
                offset = TimeSpan.FromMinutes(minutes);
                i += name.Length;
                return true;
            }
        }

        foreach (var name in ChineseUtcPlus8Names)
        {
            if (rest.StartsWith(name, StringComparison.Ordinal))
            {
                offset = TimeSpan.FromHours(8);
                i += name.Length;
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a signed offset: hours in one or two digits, then minutes after a colon or right after two digits of hours.</summary>
    private static bool ReadOffset(ReadOnlySpan<char> text, ref int i, out TimeSpan offset)
    {
        offset = default;
        var at = i + 1;
        var start = at;
        if (!ReadNumber(text, ref at, 1, 4, out var number))
        {
            return false;
        }

        var digits = at - start;
        if (digits == 3)
        {
            return false;
        }

        var (hours, minutes) = digits == 4 ? (number / 100, number % 100) : (number, 0);
        if ((digits <= 2 && at < text.Length && text[at] == ':' && !ReadMinutesAfterColon(text, ref at, out minutes)) || minutes > 59)
        {
            return false;
        }

        var span = new TimeSpan(hours, minutes, 0);
        var signed = text[i] == '-' ? -span : span;
        if (signed > MaxZoneOffset || signed < MinZoneOffset)
        {
            return false;
        }

        offset = signed;
        i = at;
        return true;
    }

    private static bool ReadMinutesAfterColon(ReadOnlySpan<char> text, ref int i, out int minutes)
    {
        var at = i + 1;
        if (!ReadNumber(text, ref at, 2, 2, out minutes))
        {
            return false;
        }

        i = at;
        return true;
    }
}
