using System.Text.Json.Serialization;
using FollowUp.Rules.Serialization;
using System.Globalization;

namespace FollowUp.Rules;

/// <summary>
/// A point in time as received: a clock reading with or without a UTC offset, or the original text when it could not
/// be read as a date, or nothing.
/// </summary>
/// <remarks>
/// A reading without an offset (<c>"2026-11-20 15:00"</c>, common in CRM exports) is placed in the configured default
/// zone when it is evaluated (<see cref="FollowUpRulesOptions.DefaultUtcOffset"/>, UTC+08:00 unless changed).
/// Unreadable text is kept, never rejected, so the evaluator can report it on its field; so is a date outside the years
/// 1900 to 2200, which no follow-up record means, and a date with a weekday that is not its own (<c>2026-11-20（周四）</c>),
/// since which of the two is wrong cannot be told. A date with its year last (<c>20/11/2026</c>) is read only in the
/// <see cref="DateOrder"/> given to <see cref="Parse(string?, DateOrder)"/>; the evaluator reads the text it was left as
/// again in <see cref="FollowUpRulesOptions.DateOrder"/>.
/// </remarks>
[JsonConverter(typeof(TimestampConverter))]
public readonly partial struct Timestamp : IEquatable<Timestamp>
{
    /// <summary>ISO 8601 with an offset: K reads Z, +08:00 and +0800, zz an offset in hours (+08).</summary>
    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK",
        DateOnlyOffsetFormat,
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzz", "yyyy-MM-dd'T'HH:mmzz", "yyyy-MM-dd HH:mm:ss.FFFFFFFzz", "yyyy-MM-dd HH:mmzz", "yyyy-MM-ddzz",
    ];

    /// <summary>The same in ISO 8601's basic format, without separators (20261120T150000+0800).</summary>
    private static readonly string[] BasicOffsetFormats =
        ["yyyyMMdd'T'HHmmss.FFFFFFFK", "yyyyMMdd'T'HHmmK", "yyyyMMdd'T'HHmmss.FFFFFFFzz", "yyyyMMdd'T'HHmmzz"];

    // Most used first: each format that fails costs a try for every date read.
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-dd HH:mm", "yyyy-MM-dd",
        "yyyy/M/d H:mm:ss", "yyyy/M/d H:mm", "yyyy/M/d", "yyyy.M.d H:mm", "yyyy.M.d",
        "yyyy年M月d日 H:mm:ss", "yyyy年M月d日 H:mm", "yyyy年M月d日H:mm", "yyyy年M月d日 H时m分", "yyyy年M月d日H时m分", "yyyy年M月d日",
        "yyyy年M月d号", "yyyyMMdd", "yyyyMMdd'T'HHmmss.FFFFFFF", "yyyyMMdd'T'HHmm",
    ];

    private const string DateOnlyOffsetFormat = "yyyy-MM-ddK";

    /// <summary>The longest text read for a month and a day without a year: longer is no date.</summary>
    private const int MaxYearlessLength = 64;

    /// <summary>The most digits of a fraction of a second the formats read: ticks of 100 ns.</summary>
    private const int MaxFractionDigits = 7;

    private readonly DateTime _clock;
    private readonly TimeSpan _offset;
    private readonly byte _kind;
    private readonly bool _dateOnly;
    private readonly TimestampFault _fault;
    private readonly byte _missingDay;

    /// <summary>The earliest year read as a date: anything earlier is unreadable in a follow-up record.</summary>
    public const int MinYear = 1900;

    /// <summary>The latest year read as a date: anything later is unreadable in a follow-up record.</summary>
    public const int MaxYear = 2200;

    /// <summary>Initializes a new instance of the <see cref="Timestamp"/> struct from an instant with its offset.</summary>
    /// <param name="value">The instant; outside the years <see cref="MinYear"/> to <see cref="MaxYear"/> it is kept as unreadable text.</param>
    public Timestamp(DateTimeOffset value)
    {
        if (value.Year is < MinYear or > MaxYear)
        {
            Text = value.ToString("O", CultureInfo.InvariantCulture);
            return;
        }

        _clock = value.DateTime;
        _offset = value.Offset;
        _kind = KindWithOffset;
    }

    private Timestamp(
        DateTime clock, TimeSpan offset, byte kind, string? text, bool dateOnly = false, TimestampFault fault = TimestampFault.None, int missingDay = 0)
    {
        _clock = clock;
        _offset = offset;
        _kind = kind;
        _dateOnly = dateOnly;
        _fault = fault;
        _missingDay = (byte)missingDay;
        Text = text;
    }

    private const byte KindWithOffset = 1;
    private const byte KindLocal = 2;

    /// <summary>Gets the text as received, or <see langword="null"/> when the value was not read from text.</summary>
    public string? Text { get; }

    /// <summary>Gets a value indicating whether there is no value at all (absent, empty or whitespace text).</summary>
    public bool IsEmpty => _kind == 0 && string.IsNullOrWhiteSpace(Text);

    /// <summary>Gets a value indicating whether the value is a readable date and time.</summary>
    public bool IsValid => _kind != 0;

    /// <summary>Gets a value indicating whether there is text that could not be read as a date and time.</summary>
    public bool IsInvalid => _kind == 0 && !string.IsNullOrWhiteSpace(Text);

    /// <summary>Gets a value indicating whether the value carries its own UTC offset.</summary>
    public bool HasOffset => _kind == KindWithOffset;

    /// <summary>Gets the clock reading (without offset), or <see langword="null"/> when the value is empty or invalid.</summary>
    public DateTime? ClockTime => _kind == 0 ? null : _clock;

    /// <summary>Gets the value's own UTC offset, or <see langword="null"/> when it has none.</summary>
    public TimeSpan? Offset => _kind == KindWithOffset ? _offset : null;

    /// <summary>Gets why invalid text that almost reads as a date is not one, for the message that reports it.</summary>
    internal TimestampFault Fault => _fault;

    /// <summary>Gets the weekday of the date that invalid text gives with another weekday (<see cref="TimestampFault.WeekdayMismatch"/>).</summary>
    internal DayOfWeek DateWeekday => _clock.DayOfWeek;

    /// <summary>
    /// Gets the month and the day it does not have of invalid text that names such a day (<see cref="TimestampFault.NoSuchDay"/>):
    /// the first of the month, and the day (31 of <c>2026/11/31</c>).
    /// </summary>
    internal (DateTime Month, int Day) MissingDay => (_clock, _missingDay);

    /// <summary>Creates a value from a clock reading without offset, to be placed in the default zone when evaluated.</summary>
    /// <param name="clockTime">The clock reading; its <see cref="DateTime.Kind"/> is ignored.</param>
    /// <returns>The value.</returns>
    public static Timestamp FromClockTime(DateTime clockTime) => clockTime.Year is < MinYear or > MaxYear
        ? new Timestamp(default, default, 0, clockTime.ToString("O", CultureInfo.InvariantCulture))
        : new Timestamp(DateTime.SpecifyKind(clockTime, DateTimeKind.Unspecified), TimeSpan.Zero, KindLocal, null);

    /// <summary>Reads a value from text, reading only dates that start with their year (<see cref="DateOrder.YearFirst"/>). Never throws.</summary>
    /// <param name="text">
    /// ISO 8601 with or without offset (<c>2026-11-20T15:00:00+08:00</c>, <c>2026-11-20T15:00:00+08</c>, <c>2026-11-20 15:00</c>),
    /// in the basic format too (<c>20261120T150000+0800</c>, <c>20261120</c>), with <c>T</c> and <c>Z</c> in either case; or the
    /// layouts Chinese CRM exports use (<c>2026/11/20 15:00</c>, <c>2026年11月20日</c>), with a year of the Republic of China's
    /// era (<c>民國115年11月20日</c>, <c>115/11/20</c>: 2026), a 12-hour clock (<c>2026/11/20 下午 03:00:00</c>,
    /// <c>2026年11月20日 下午3点</c>, <c>2026-11-20 3:00 PM</c>, <c>2026/11/20 PM 03:00:00</c>) and a weekday after the date
    /// (<c>2026-11-20（周五）</c>, <c>2026/11/20(五)</c>, <c>2026年11月20日 星期五 15:00</c>), which must be the date's own; or
    /// an English month's name (<c>20 Nov 2026</c>, <c>20-Nov-2026</c>, <c>Nov 20, 2026, 3:00 PM</c>, <c>Fri, 20 Nov 2026</c>).
    /// A zone after the time gives the value its offset: <c>2026-11-20 15:00 +08:00</c>, <c>GMT+8</c>, <c>(UTC+08:00)</c>,
    /// <c>UTC</c>, <c>HKT</c>, <c>SGT</c>, <c>北京时间</c>; an abbreviation with more than one meaning (<c>CST</c>) is unreadable.
    /// </param>
    /// <returns>The value; <see cref="IsInvalid"/> is <see langword="true"/> when the text is not a readable date.</returns>
    public static Timestamp Parse(string? text) => Parse(text, DateOrder.YearFirst);

    /// <summary>Reads a value from text, reading a numeric date with its year last (<c>20/11/2026</c>) in <paramref name="order"/>.</summary>
    /// <param name="text">Any text <see cref="Parse(string?)"/> reads, and in <see cref="DateOrder.DayFirst"/> or
    /// <see cref="DateOrder.MonthFirst"/> also a date with its four-digit year last, its parts apart by <c>/</c>, <c>-</c> or
    /// <c>.</c>, with a weekday and a time after it as other dates take them (<c>20/11/2026 下午 3:00</c>).</param>
    /// <param name="order">Which number before the year is the day; a date that starts with its year is read the same in every order.</param>
    /// <returns>The value; <see cref="IsInvalid"/> is <see langword="true"/> when the text is not a readable date in that order.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="order"/> is not a <see cref="DateOrder"/>.</exception>
    public static Timestamp Parse(string? text, DateOrder order)
    {
        if (!Enum.IsDefined(order))
        {
            throw new ArgumentOutOfRangeException(nameof(order), order, "Not a date order: use YearFirst, DayFirst or MonthFirst.");
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return new Timestamp(default, default, 0, text);
        }

        // ISO 8601 allows a lower-case t and z (2026-11-20t15:00:00z, 20261120t150000z); the formats read them in upper case.
        // Only where ISO puts them, so a weekday (Sat, Tuesday) is not copied.
        var trimmed = WithinTicks(text.Trim());
        var lowerIso = trimmed.EndsWith('z') || (trimmed.Length > 10 && trimmed[10] == 't') || (trimmed.Length > 8 && trimmed[8] == 't');
        trimmed = lowerIso ? trimmed.ToUpperInvariant() : trimmed;
        // Only text that ends with an offset is tried against the formats with one.
        if (EndsWithOffset(trimmed)
            && DateTimeOffset.TryParseExact(
                trimmed, trimmed.Length > 4 && trimmed[4] == '-' ? OffsetFormats : BasicOffsetFormats, CultureInfo.InvariantCulture,
                DateTimeStyles.None, out var withOffset)
            && withOffset.Year is >= MinYear and <= MaxYear)
        {
            // Every format with a time has a 'T' or a space after the date; the date-only ones have none.
            return new Timestamp(withOffset.DateTime, withOffset.Offset, KindWithOffset, text, trimmed.AsSpan().IndexOfAny('T', ' ') < 0);
        }

        if (DateTime.TryParseExact(trimmed, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.AllowInnerWhite, out var local)
            && local.Year is >= MinYear and <= MaxYear)
        {
            // Every local format with a time writes it with ':', 时 or the basic format's 'T'; the others give a day.
            var dateOnly = trimmed.AsSpan().IndexOfAny(':', '时', 'T') < 0;
            return new Timestamp(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeSpan.Zero, KindLocal, text, dateOnly);
        }

        return ReadLayout(trimmed, order, out var clock, out var dayAlone, out var zone, out var missingDay) switch
        {
            Layout.Read => zone is { } offset
                ? new Timestamp(clock, offset, KindWithOffset, text, dayAlone)
                : new Timestamp(clock, TimeSpan.Zero, KindLocal, text, dayAlone),
            // The date is kept, unreadable, for the message to name its weekday; the month, for it to say which day it lacks.
            Layout.WeekdayMismatch => new Timestamp(clock, default, 0, text, fault: TimestampFault.WeekdayMismatch),
            Layout.NoSuchDay => new Timestamp(clock.Date, default, 0, text, fault: TimestampFault.NoSuchDay, missingDay: missingDay),
            Layout.TimeOutOfRange => new Timestamp(default, default, 0, text, fault: TimestampFault.TimeOutOfRange),
            _ => new Timestamp(default, default, 0, text, fault: IsExcelSerial(trimmed) ? TimestampFault.ExcelSerial
                : order == DateOrder.YearFirst && YearLastFault(trimmed) is var yearLast and not TimestampFault.None ? yearLast
                : LacksYear(trimmed) ? TimestampFault.NoYear
                : TimestampFault.None),
        };
    }

    /// <summary>
    /// Whether the text is a month and a day without a year (<c>11月26日</c>, <c>11/26</c>, <c>11-26 10:00</c>): one that reads
    /// as a date with a year put before it (2000, a leap year, so that 2/29 reads), for its message to ask for the year.
    /// </summary>
    private static bool LacksYear(ReadOnlySpan<char> text)
    {
        var separator = 0;
        if (text.Length > MaxYearlessLength || !ReadNumber(text, ref separator, 1, 2, out _))
        {
            return false;
        }

        // 11月26日 and 11 月 26 日 take 2000年 before them; 11/26, 11-26 and 11.26 their own separator.
        var monthMark = separator;
        SkipWhiteSpace(text, ref monthMark);
        char yearSeparator;
        if (monthMark < text.Length && text[monthMark] == '月')
        {
            yearSeparator = '年';
        }
        else if (separator < text.Length && text[separator] is '/' or '-' or '.')
        {
            yearSeparator = text[separator];
        }
        else
        {
            return false;
        }

        Span<char> dated = stackalloc char[text.Length + 5];
        "2000".CopyTo(dated);
        dated[4] = yearSeparator;
        text.CopyTo(dated[5..]);
        return ReadLayout(dated, DateOrder.YearFirst, out _, out _, out _, out _) is not Layout.NotRead;
    }

    /// <summary>
    /// Which order a date with its year last, unread in <see cref="DateOrder.YearFirst"/>, reads in, for its message to say how
    /// it is written and the command line's warning to name the setting that reads it: day first, month first, either, or none. A reading beside its own weekday
    /// (<c>05/11/2026（四）</c>, 5 November) outranks one beside another.
    /// </summary>
    private static TimestampFault YearLastFault(ReadOnlySpan<char> text)
    {
        var dayFirst = ReadLayout(text, DateOrder.DayFirst, out _, out _, out _, out _);
        var monthFirst = ReadLayout(text, DateOrder.MonthFirst, out _, out _, out _, out _);
        var fits = dayFirst == Layout.Read || monthFirst == Layout.Read ? Layout.Read : Layout.WeekdayMismatch;
        return (dayFirst == fits, monthFirst == fits) switch
        {
            (true, true) => TimestampFault.YearLast,
            (true, false) => TimestampFault.DayFirst,
            (false, true) => TimestampFault.MonthFirst,
            _ => TimestampFault.None,
        };
    }

    /// <summary>
    /// Cuts a fraction of a second finer than .NET's ticks to seven digits: Java's <c>Instant</c> and Go's RFC 3339 write
    /// nine (<c>15:00:00.123456789+08:00</c>), which the formats would refuse.
    /// </summary>
    private static string WithinTicks(string text)
    {
        // The fraction is the run of digits after a point longer than ticks hold: a date written with dots (2026.11.20) has
        // runs of two, so its points are passed over.
        for (var point = text.IndexOf('.', StringComparison.Ordinal); point >= 0; point = text.IndexOf('.', point + 1))
        {
            var end = point + 1;
            while (end < text.Length && char.IsAsciiDigit(text[end]))
            {
                end++;
            }

            if (end - point - 1 > MaxFractionDigits)
            {
                return string.Concat(text.AsSpan(0, point + 1 + MaxFractionDigits), text.AsSpan(end));
            }
        }

        return text;
    }

    /// <summary>
    /// Gets a value indicating whether the text gave a day without a time of day (<c>2026-11-20</c>, <c>2026年11月20日</c>): a
    /// next action due that day is due by its end, not at midnight when it begins.
    /// </summary>
    public bool IsDateOnly => _dateOnly;

    /// <summary>Places the value on the time line.</summary>
    /// <param name="defaultOffset">The offset for a clock reading that has none.</param>
    /// <returns>The instant, or <see langword="null"/> when the value is empty or invalid.</returns>
    public DateTimeOffset? Resolve(TimeSpan defaultOffset) => _kind switch
    {
        KindWithOffset => new DateTimeOffset(_clock, _offset),
        KindLocal => new DateTimeOffset(_clock, defaultOffset),
        _ => null,
    };

    /// <summary>Converts an instant to a value.</summary>
    /// <param name="value">The instant.</param>
    public static implicit operator Timestamp(DateTimeOffset value) => new(value);

    /// <summary>Creates a value from an instant.</summary>
    /// <param name="value">The instant.</param>
    /// <returns>The value.</returns>
    public static Timestamp FromDateTimeOffset(DateTimeOffset value) => new(value);

    /// <summary>Determines whether two values are equal.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns>
    /// <see langword="true"/> when both are the same reading with the same offset, both a day (<see cref="IsDateOnly"/>) or
    /// both a time of day (<c>2026-11-20</c> is not <c>2026-11-20 00:00</c>), or the same invalid text.
    /// </returns>
    public static bool operator ==(Timestamp left, Timestamp right) => left.Equals(right);

    /// <summary>Determines whether two values differ.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values are not equal.</returns>
    public static bool operator !=(Timestamp left, Timestamp right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(Timestamp other) => _kind == other._kind
        && (_kind == 0 ? string.Equals(Text, other.Text, StringComparison.Ordinal) : _clock == other._clock && _offset == other._offset && _dateOnly == other._dateOnly);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is Timestamp other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _kind == 0 ? Text?.GetHashCode(StringComparison.Ordinal) ?? 0 : HashCode.Combine(_clock, _offset, _kind);

    /// <summary>Returns the value in ISO 8601 (with fractional seconds when it has them, with offset when it has one), or the invalid text, or an empty string.</summary>
    /// <returns>The value as text.</returns>
    public override string ToString() => _kind switch
    {
        KindWithOffset => new DateTimeOffset(_clock, _offset).ToString(_dateOnly ? DateOnlyOffsetFormat : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture),
        KindLocal => _clock.ToString(_dateOnly ? "yyyy-MM-dd" : "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture),
        _ => Text ?? string.Empty,
    };

    private static bool EndsWithOffset(string text)
    {
        // The ISO date takes the first ten characters (eight, with no sign, in the basic format); a sign after them can only
        // start an offset.
        var last = text[^1];
        return last is 'Z' or 'z' || text.AsSpan().LastIndexOfAny('+', '-') >= 10;
    }
}
