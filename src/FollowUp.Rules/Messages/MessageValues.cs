using System.Globalization;

namespace FollowUp.Rules.Messages;

/// <summary>
/// An instant in a fixed invariant pattern (2026-11-20, 2026-11-20 15:00), written straight into the message that shows it
/// instead of into a string of its own first.
/// </summary>
internal readonly struct TimeText(DateTimeOffset value, string pattern) : ISpanFormattable
{
    /// <summary>The date: 2026-11-20.</summary>
    public static TimeText Date(DateTimeOffset value) => new(value, "yyyy-MM-dd");

    /// <summary>The date and time to the minute: 2026-11-20 15:00.</summary>
    public static TimeText Minute(DateTimeOffset value) => new(value, "yyyy-MM-dd HH:mm");

    /// <summary>A due date as written: the day alone when only a day was given (2026-11-20), else to the minute.</summary>
    public static TimeText Due(DateTimeOffset value, bool dateOnly) => dateOnly ? Date(value) : Minute(value);

    /// <summary>The time of day: 15:00.</summary>
    public static TimeText Clock(DateTimeOffset value) => new(value, "HH:mm");

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        value.TryFormat(destination, out charsWritten, pattern, CultureInfo.InvariantCulture);

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public override string ToString() => value.ToString(pattern, CultureInfo.InvariantCulture);
}

/// <summary>
/// A number of days as messages show it: to a tenth below ten days (2.5), whole days from ten (12), rounded down. With the
/// format <c>days</c> (English templates: <c>{1:days}</c>) the unit follows, singular for one (1 day, 2.5 days).
/// </summary>
internal readonly struct DaysText(TimeSpan span, bool roundUp = false) : ISpanFormattable
{
    /// <summary>
    /// A span past a limit, shown so that it reads as past it: whole days when they already exceed the limit (16 over 14),
    /// else to the tenth above (14.1 over 14, not "14 days, more than 14").
    /// </summary>
    public static DaysText Beyond(TimeSpan span, TimeSpan limit) =>
        Math.Floor(span.TotalDays) > limit.TotalDays ? new(span) : new(span, roundUp: true);

    private double Value => roundUp ? Math.Ceiling(span.TotalDays * 10) / 10
        : span.TotalDays < 10 ? Math.Floor(span.TotalDays * 10) / 10
        : Math.Floor(span.TotalDays);

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
/// How late something is, as reminders show it: whole minutes below an hour, rounded up (a due time half an hour ago is
/// 30 minutes overdue, never 0 hours), whole hours below two days, else whole days, in the message's language
/// (30min, 30h, 3d; 30 分钟, 30 小时, 3 天).
/// </summary>
internal readonly struct LatenessText(TimeSpan late, CultureInfo culture) : ISpanFormattable
{
    private bool InMinutes => late.TotalHours < 1;

    private bool InHours => late.TotalHours < 48;

    private double Count => InMinutes ? Math.Max(1, Math.Ceiling(late.TotalMinutes))
        : Math.Floor(InHours ? late.TotalHours : late.TotalDays);

    private string Unit => culture.TwoLetterISOLanguageName == "zh"
        ? (InMinutes ? " 分钟" : InHours ? " 小时" : " 天")
        : (InMinutes ? "min" : InHours ? "h" : "d");

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider) =>
        destination.TryWrite(CultureInfo.InvariantCulture, $"{Count}{Unit}", out charsWritten);

    public string ToString(string? format, IFormatProvider? formatProvider) => ToString();

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Count}{Unit}");
}

/// <summary>
/// A time as the record gave it (<c>Timestamp.ToString()</c>: 2026-11-20T18:00:00+08:00), shown as the other
/// messages show a due time: to the minute (2026-11-20 18:00), or the day alone when only a day was given; read when the
/// message is, so a message never read costs no parsing.
/// </summary>
internal readonly struct WrittenTimeText(string? text) : ISpanFormattable
{
    private const string Minute = "yyyy-MM-dd HH:mm";

    public bool TryFormat(Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var written = text.AsSpan();
        if (DateTimeOffset.TryParseExact(written, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", CultureInfo.InvariantCulture, DateTimeStyles.None, out var withOffset))
        {
            return withOffset.TryFormat(destination, out charsWritten, Minute, CultureInfo.InvariantCulture);
        }

        // A local time (no offset) to the minute; a day alone (2026-11-20, 2026-11-20+08:00) as the day.
        if (DateTime.TryParseExact(written, "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            return local.TryFormat(destination, out charsWritten, Minute, CultureInfo.InvariantCulture);
        }

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
