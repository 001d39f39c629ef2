using System.Globalization;

namespace FollowUp.Rules.Messages;

/// <summary>
/// An instant in a fixed invariant pattern (2026-11-20, 2026-11-20 15:00), written straight into the message that shows it
/// instead of into a string of its own first. Shown in the rules' zone (<see cref="FollowUpRulesOptions.DefaultUtcOffset"/>),
/// the organisation's, without a label, as the times written without an offset are read: a due time written
/// 2026-11-26T03:00:00Z shows as 2026-11-26 11:00 in UTC+08:00, not as 03:00, which a reader there takes for 03:00 local.
/// </summary>
internal readonly struct TimeText : ISpanFormattable
{
    private const string DatePattern = "yyyy-MM-dd";
    private const string MinutePattern = "yyyy-MM-dd HH:mm";

    private readonly DateTimeOffset _value;
    private readonly string _pattern;

    private TimeText(DateTimeOffset value, string pattern)
    {
        _value = value;
        _pattern = pattern;
    }

    /// <summary>The date in <paramref name="zone"/>: 2026-11-20.</summary>
    public static TimeText Date(DateTimeOffset value, TimeSpan zone) => new(value.ToOffset(zone), DatePattern);

    /// <summary>The date and time to the minute in <paramref name="zone"/>: 2026-11-20 15:00.</summary>
    public static TimeText Minute(DateTimeOffset value, TimeSpan zone) => new(value.ToOffset(zone), MinutePattern);

    /// <summary>
    /// A due date as written: the day alone when only a day was given (2026-11-20), as given, for a day has no hour to move;
    /// else to the minute in <paramref name="zone"/>.
    /// </summary>
    public static TimeText Due(DateTimeOffset value, bool dateOnly, TimeSpan zone) =>
        dateOnly ? new(value, DatePattern) : Minute(value, zone);

    /// <summary>The day of a due date: as given when only a day was given, else the day in <paramref name="zone"/>.</summary>
    public static TimeText DueDay(DateTimeOffset value, bool dateOnly, TimeSpan zone) =>
        dateOnly ? new(value, DatePattern) : Date(value, zone);

    /// <summary>The time of day in <paramref name="zone"/>: 15:00.</summary>
    public static TimeText Clock(DateTimeOffset value, TimeSpan zone) => new(value.ToOffset(zone), "HH:mm");

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        _value.TryFormat(destination, out charsWritten, _pattern, CultureInfo.InvariantCulture);

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public override string ToString() => _value.ToString(_pattern, CultureInfo.InvariantCulture);
}

/// <summary>
/// A limit in days as messages show it: to a tenth below ten days (2.5), whole days from ten (12), rounded down. With the
/// format <c>days</c> (English templates: <c>{1:days}</c>) the unit follows, singular for one (1 day, 2.5 days).
/// </summary>
internal readonly struct DaysText(TimeSpan span) : ISpanFormattable
{
    private double Value => span.TotalDays < 10 ? Math.Floor(span.TotalDays * 10) / 10 : Math.Floor(span.TotalDays);

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        if (!Value.TryFormat(destination, out charsWritten, "0.#", CultureInfo.InvariantCulture))
        {
            return false;
        }

        if (!format.SequenceEqual(WithUnit))
        {
            return true;
        }

        var unit = Value == 1 ? " day" : " days";
        if (!unit.AsSpan().TryCopyTo(destination[charsWritten..]))
        {
            charsWritten = 0;
            return false;
        }

        charsWritten += unit.Length;
        return true;
    }

    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        Span<char> buffer = stackalloc char[32];
        return TryFormat(buffer, out var written, format, formatProvider) ? new string(buffer[..written]) : ToString();
    }

    public override string ToString() => Value.ToString("0.#", CultureInfo.InvariantCulture);

    private const string WithUnit = "days";
}

/// <summary>
/// How late something is or how long ago it was, read the same way wherever it is shown (risk evidence, deductions,
/// reminders, the <c>followup remind</c> table): whole minutes below an hour, whole hours below a day, days from a day (to a
/// tenth below ten days, whole from ten), each rounded down, with its unit (3 小时, 3 hours, 3h). Rounding down never
/// shows a span at or below the limit it passed: then it is rounded up, to the minute (a due time passed seconds ago is
/// 1 minute late, never 0), or to the tenth of a day (7.05 days beside a 7-day limit is 7.1 days, not "7 days, over 7").
/// </summary>
internal readonly struct LatenessText : ISpanFormattable
{
    private static readonly string[] ChineseUnits = [" 分钟", " 分钟", " 小时", " 小时", " 天", " 天"];
    private static readonly string[] TraditionalUnits = [" 分鐘", " 分鐘", " 小時", " 小時", " 天", " 天"];
    private static readonly string[] EnglishUnits = [" minute", " minutes", " hour", " hours", " day", " days"];
    private static readonly string[] CompactUnits = ["min", "min", "h", "h", "d", "d"];

    private readonly TimeSpan _span;
    private readonly TimeSpan _limit;
    private readonly string[] _units;

    private LatenessText(TimeSpan span, TimeSpan limit, string[] units)
    {
        _span = span;
        _limit = limit;
        _units = units;
    }

    /// <summary>How late, past a due time, in the language of <paramref name="messages"/>: 30 分钟, 3 hours, 1.5 days.</summary>
    public static LatenessText For(MessageCatalog messages, TimeSpan span) => Beyond(messages, span, TimeSpan.Zero);

    /// <summary>A span shown beside a limit it passed (已 7.1 天未跟进（超过 7 天）), in the language of <paramref name="messages"/>.</summary>
    public static LatenessText Beyond(MessageCatalog messages, TimeSpan span, TimeSpan limit) =>
        new(span, limit, messages.IsTraditional ? TraditionalUnits : messages.IsChinese ? ChineseUnits : EnglishUnits);

    /// <summary>How late, in the short units of a table column: 30min, 3h, 1.5d.</summary>
    public static LatenessText Compact(TimeSpan span) => new(span, TimeSpan.Zero, CompactUnits);

    /// <summary>The figure and the index of its unit's pair in the unit lists (0 minutes, 2 hours, 4 days).</summary>
    private (double Count, int Unit) Measure()
    {
        if (_span.TotalHours < 1)
        {
            var minutes = Math.Floor(_span.TotalMinutes);
            return (TimeSpan.FromMinutes(minutes) <= _limit ? Math.Ceiling(_span.TotalMinutes) : minutes, 0);
        }

        if (_span.TotalDays < 1)
        {
            var hours = Math.Floor(_span.TotalHours);
            return (TimeSpan.FromHours(hours) <= _limit ? Math.Ceiling(_span.TotalHours) : hours, 2);
        }

        var days = _span.TotalDays < 10 ? Math.Floor(_span.TotalDays * 10) / 10 : Math.Floor(_span.TotalDays);
        return (TimeSpan.FromDays(days) <= _limit ? Math.Ceiling(_span.TotalDays * 10) / 10 : days, 4);
    }

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var (count, unit) = Measure();
        return destination.TryWrite(CultureInfo.InvariantCulture, $"{count:0.#}{_units[count == 1 ? unit : unit + 1]}", out charsWritten);
    }

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public override string ToString()
    {
        var (count, unit) = Measure();
        return string.Create(CultureInfo.InvariantCulture, $"{count:0.#}{_units[count == 1 ? unit : unit + 1]}");
    }
}

/// <summary>
/// A time as the record gave it (<c>Timestamp.ToString()</c>: 2026-11-20T18:00:00+08:00), shown as the other
/// messages show a due time (<see cref="TimeText"/>): to the minute in <paramref name="zone"/> (2026-11-20 18:00), or the day
/// alone when only a day was given; read when the message is, so a message never read costs no parsing.
/// </summary>
internal readonly struct WrittenTimeText(string? text, TimeSpan zone) : ISpanFormattable
{
    private const string Minute = "yyyy-MM-dd HH:mm";

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var written = text.AsSpan();

        // A local time (no offset), which is in the zone already, to the minute: read first, as the pattern with an offset
        // would place it in the machine's zone.
        if (DateTime.TryParseExact(written, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return local.TryFormat(destination, out charsWritten, Minute, CultureInfo.InvariantCulture);
        }

        if (DateTimeOffset.TryParseExact(written, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            return withOffset.ToOffset(zone).TryFormat(destination, out charsWritten, Minute, CultureInfo.InvariantCulture);
        }

        // A day alone (2026-11-20, 2026-11-20+08:00) as the day.
        var shown = written.Length > 10 && written[10] != 'T' ? written[..10] : written;
        if (shown.TryCopyTo(destination))
        {
            charsWritten = shown.Length;
            return true;
        }

        charsWritten = 0;
        return false;
    }

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public override string ToString()
    {
        Span<char> buffer = stackalloc char[64];
        return TryFormat(buffer, out var written, default, null) ? new string(buffer[..written]) : text ?? "";
    }
}
