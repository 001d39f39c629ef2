using System.Globalization;
using System.Text.Json;
using FluentValidation;
using FollowUp.Rules.Messages;

namespace FollowUp.Rules;

/// <summary>The code, severity and coaching message of each kind of finding.</summary>
internal static class FindingMessages
{
    public static string CodeOf(Problem problem) => problem switch
    {
        Problem.FieldMissing => FindingCodes.FieldMissing,
        Problem.FieldAcknowledged => FindingCodes.FieldAcknowledged,
        Problem.InvalidDate => FindingCodes.InvalidDate,
        Problem.UnknownValue => FindingCodes.UnknownValue,
        Problem.NextActionDueInPast => FindingCodes.NextActionDueInPast,
        Problem.AttachmentProposal or Problem.AttachmentContract or Problem.AttachmentAny or Problem.AttachmentStageUnknown => FindingCodes.AttachmentMissing,
        Problem.CountermeasureMissing => FindingCodes.CountermeasureMissing,
        Problem.RiskPointsMissing => FindingCodes.RiskPointsMissing,
        Problem.ChangeHistoryMissing => FindingCodes.ChangeHistoryMissing,
        Problem.UnknownProfile => FindingCodes.UnknownProfile,
        Problem.VagueLanguage => FindingCodes.VagueLanguage,
        Problem.NoContent => FindingCodes.NoContent,
        Problem.TextTooShort => FindingCodes.TextTooShort,
        Problem.RiskUnanswered => FindingCodes.RiskUnanswered,
        Problem.InvalidValue => FindingCodes.InvalidValue,
        Problem.RecordedBeforeContact => FindingCodes.RecordedBeforeContact,
        Problem.DateInFuture => FindingCodes.DateInFuture,
        Problem.RecordTimeMissing => FindingCodes.RecordTimeMissing,
        Problem.ContactTimeMissing or Problem.LateRecordUnknown => FindingCodes.ContactTimeMissing,
        Problem.LateRecord => FindingCodes.LateRecord,
        Problem.NextActionOverdue => FindingCodes.NextActionOverdue,
        Problem.GradeCapped => FindingCodes.GradeCapped,
        _ => FindingCodes.RiskNotAssessable,
    };

    public static Severity SeverityOf(Problem problem) => problem switch
    {
        Problem.FieldMissing or Problem.InvalidDate or Problem.AttachmentProposal or Problem.AttachmentContract or Problem.AttachmentAny
            or Problem.AttachmentStageUnknown or Problem.CountermeasureMissing or Problem.RiskPointsMissing or Problem.InvalidValue => Severity.Error,
        Problem.RiskNotAssessable or Problem.GradeCapped => Severity.Info,
        _ => Severity.Warning,
    };

    /// <summary>
    /// The longest phrase or value a message quotes whole: longer than any phrase of a lexicon. A longer one is a run of a
    /// phrase, a whole text of no content (啊啊啊…) or a field's unreadable value (a date, a stage), and its start is quoted,
    /// so that a message does not grow with the text.
    /// </summary>
    private const int MaxQuotedPhrase = 64;

    /// <summary>How much of a longer phrase a message quotes, before an ellipsis.</summary>
    private const int QuotedStart = 30;

    /// <summary>The coaching message for a vague phrase of a category, shared by every record with that phrase.</summary>
    public static string Vague(MessageCatalog messages, Language.VagueCategory category, string phrase)
    {
        var quoted = Quoted(phrase);
        return category switch
        {
            Language.VagueCategory.StatusOnly => messages.Quoting("VagueStatusOnly", quoted),
            Language.VagueCategory.Waiting => messages.Quoting("VagueWaiting", quoted),
            Language.VagueCategory.UnquantifiedIntent => messages.Quoting("VagueUnquantifiedIntent", quoted),
            Language.VagueCategory.Hedge => messages.Quoting("VagueHedge", quoted),
            Language.VagueCategory.VagueTime => messages.Quoting("VagueVagueTime", quoted),
            _ => messages.Quoting("NoContent", quoted),
        };
    }

    private static string Quoted(string phrase)
    {
        if (phrase.Length <= MaxQuotedPhrase)
        {
            return phrase;
        }

        var length = char.IsHighSurrogate(phrase[QuotedStart - 1]) ? QuotedStart - 1 : QuotedStart;
        return string.Concat(phrase.AsSpan(0, length), "…");
    }

    /// <summary>
    /// The detail of an unreadable date's note, for its message: the weekday of a date written with another, the month and
    /// the day it lacks (<c>NoSuchDay 2026-11 31</c>), the name of the fault for a number that looks like an Excel date, a
    /// date with its year last or without a year, or a time past the clock's, or nothing.
    /// </summary>
    public static string? InvalidDateDetail(in Timestamp value) => value.Fault switch
    {
        TimestampFault.WeekdayMismatch => value.DateWeekday.ToString(),
        TimestampFault.ExcelSerial => ExcelSerialDetail,
        TimestampFault.DayFirst => DayFirstDetail,
        TimestampFault.MonthFirst => MonthFirstDetail,
        TimestampFault.YearLast => YearLastDetail,
        TimestampFault.NoSuchDay => string.Create(
            CultureInfo.InvariantCulture, $"{NoSuchDayDetail} {value.MissingDay.Month:yyyy-MM} {value.MissingDay.Day}"),
        TimestampFault.NoYear => NoYearDetail,
        TimestampFault.TimeOutOfRange => TimeOutOfRangeDetail,
        _ => null,
    };

    private const string ExcelSerialDetail = nameof(TimestampFault.ExcelSerial);
    private const string DayFirstDetail = nameof(TimestampFault.DayFirst);
    private const string MonthFirstDetail = nameof(TimestampFault.MonthFirst);
    private const string YearLastDetail = nameof(TimestampFault.YearLast);
    private const string NoSuchDayDetail = nameof(TimestampFault.NoSuchDay);
    private const string NoYearDetail = nameof(TimestampFault.NoYear);
    private const string TimeOutOfRangeDetail = nameof(TimestampFault.TimeOutOfRange);

    /// <summary>
    /// The detail of a choice acknowledged with its Unknown member (<c>"feedback": "Unknown"</c>): its message quotes nothing,
    /// as the member's name would be English in a Chinese message and says no more than the message does.
    /// </summary>
    internal const string UnknownChoiceDetail = "UnknownChoice";

    private static string InvalidDate(MessageCatalog messages, in Note note) => note.Detail switch
    {
        null => messages.ForFieldValue("InvalidDate", note.Key, Quoted(note.Value ?? "")),
        ExcelSerialDetail => messages.ForFieldValue("InvalidDateExcelSerial", note.Key, Quoted(note.Value ?? "")),
        DayFirstDetail => messages.ForFieldValue("InvalidDateDayFirst", note.Key, Quoted(note.Value ?? "")),
        MonthFirstDetail => messages.ForFieldValue("InvalidDateMonthFirst", note.Key, Quoted(note.Value ?? "")),
        YearLastDetail => messages.ForFieldValue("InvalidDateYearLast", note.Key, Quoted(note.Value ?? "")),
        NoYearDetail => messages.ForFieldValue("InvalidDateNoYear", note.Key, Quoted(note.Value ?? "")),
        TimeOutOfRangeDetail => messages.ForFieldValue("InvalidDateTimeOutOfRange", note.Key, Quoted(note.Value ?? "")),
        var detail when detail.StartsWith(NoSuchDayDetail, StringComparison.Ordinal) => NoSuchDay(messages, note, detail),
        var weekday => messages.ForFieldValue("InvalidDateWeekday", note.Key, Quoted(note.Value ?? ""), messages.Weekday(Enum.Parse<DayOfWeek>(weekday))),
    };

    /// <summary>The message of a date whose day its month lacks, from its detail (<c>NoSuchDay 2026-11 31</c>): 2026 年 11 月没有 31 日.</summary>
    private static string NoSuchDay(MessageCatalog messages, in Note note, string detail)
    {
        var parts = detail.AsSpan(NoSuchDayDetail.Length + 1);
        var month = DateTime.ParseExact(parts[..7], "yyyy-MM", CultureInfo.InvariantCulture);
        var day = int.Parse(parts[8..], CultureInfo.InvariantCulture);
        return messages.Format("InvalidDateNoSuchDay", messages.FieldLabel(note.Key), Quoted(note.Value ?? ""), month, day);
    }

    /// <summary>The message of a wrong-shaped value: the field, the shape it takes, and what came instead, as received.</summary>
    private static string InvalidValue(MessageCatalog messages, in Note note)
    {
        var expected = note.Invalid?.Expected ?? JsonValueKind.Undefined;
        var found = note.Invalid?.Found ?? JsonValueKind.Undefined;
        var shape = messages.Fixed(expected switch
        {
            JsonValueKind.Object => "ShapeObject",
            JsonValueKind.Array => "ShapeList",
            _ => "ShapeText",
        });
        var value = messages.Format(
            found switch
            {
                JsonValueKind.Object => "FoundObject",
                JsonValueKind.Array => "FoundList",
                JsonValueKind.String => "FoundText",
                JsonValueKind.Number => "FoundNumber",
                _ => "FoundValue",
            },
            note.Value);
        return messages.Format("InvalidValue", messages.LabelOrPath(note.Key, note.Path), shape, value);
    }

    /// <summary>
    /// The message of a noted risk with no countermeasure, naming the risk by its kind (or, with no kind, its description): a
    /// signal's code or label as the signal's label in the message's language (ContactChange as 对接人变动), other text as written,
    /// and a risk with neither kind nor description without an empty quote.
    /// </summary>
    public static string CountermeasureMissing(MessageCatalog messages, string? kind)
    {
        if (string.IsNullOrWhiteSpace(kind))
        {
            return messages.Fixed("CountermeasureMissingUnnamed");
        }

        return messages.Quoting("CountermeasureMissing", messages.TryGetSignalLabel(MessageCatalog.SignalCodeOf(kind.Trim()), out var label) ? label : kind);
    }

    /// <summary>The message of an unanswered signal: in a lost deal it asks for a post-mortem, not a plan for a deal that is over.</summary>
    public static string RiskUnansweredKey(in Note note) => note.InLostDeal ? "RiskUnansweredLost" : "RiskUnanswered";

    public static MessageText Format(MessageCatalog messages, in Note note, TimeSpan zone) => note.Problem switch
    {
        Problem.FieldMissing => messages.ForField("FieldMissing", note.Key),
        Problem.FieldAcknowledged => string.IsNullOrWhiteSpace(note.Value) || note.Detail == UnknownChoiceDetail
            ? messages.ForField("FieldAcknowledgedUnquoted", note.Key)
            : messages.Quoting("FieldAcknowledged", messages.FieldLabel(note.Key), Quoted(note.Value)),
        Problem.InvalidDate => InvalidDate(messages, note),
        Problem.UnknownValue => messages.ForFieldValue("UnknownValue", note.Key, Quoted(note.Value ?? ""),
            note.Detail is { } names ? messages.ValueNames(names) : null),
        Problem.NextActionDueInPast => messages.Defer("DueDateInPast", new WrittenTimeText(note.Value, zone)),
        Problem.AttachmentProposal => messages.ForArgument("AttachmentMissingProposal", messages.StageAsWritten(note.Detail ?? "", note.StageWritten)),
        Problem.AttachmentContract => messages.Fixed("AttachmentMissingContract"),
        Problem.AttachmentAny => messages.Fixed("AttachmentMissingAny"),
        Problem.AttachmentStageUnknown => messages.Fixed("AttachmentStageUnknown"),
        Problem.CountermeasureMissing => CountermeasureMissing(messages, note.Detail),
        Problem.RiskPointsMissing => messages.Fixed(note.Detail == nameof(DealStage.Lost) ? "RiskPointsMissingLost" : "RiskPointsMissing"),
        Problem.ChangeHistoryMissing => note.Detail is { } mention
            ? messages.ForArgument("ChangeHistoryMissingInLog", mention)
            : messages.Fixed("ChangeHistoryMissing"),
        Problem.UnknownProfile => messages.Defer("UnknownProfile", note.Value, note.Detail),
        Problem.VagueLanguage when note.Detail == nameof(Language.VagueCategory.StatusOnly) && note.Key.StartsWith(Completeness.FollowUpFields.CustomPrefix, StringComparison.Ordinal) =>
            messages.Quoting("VagueStatusOnlyValue", Quoted(note.Value!)),
        Problem.VagueLanguage => Vague(messages, Enum.Parse<Language.VagueCategory>(note.Detail!), note.Value!),
        Problem.NoContent => Vague(messages, Language.VagueCategory.NoContent, note.Value!),
        Problem.TextTooShort => messages.Quoting("VagueTextNoFacts", note.Value!),
        Problem.RiskUnanswered when note.QuotesPhrase => messages.ForArguments(RiskUnansweredKey(note), messages.Signal(note.Detail ?? ""), note.Value!),
        Problem.RiskUnanswered => messages.QuotingEvidence(RiskUnansweredKey(note), messages.Signal(note.Detail ?? ""), note.Value!),
        Problem.InvalidValue => InvalidValue(messages, note),
        Problem.RecordedBeforeContact => messages.ForArgument("RecordedBeforeContact", note.Detail!),
        Problem.DateInFuture => messages.Defer("DateInFuture", new WrittenTimeText(note.Value, zone)),
        Problem.RecordTimeMissing => messages.Fixed("RecordTimeMissing"),
        Problem.ContactTimeMissing => messages.Fixed("ContactTimeMissing"),
        Problem.LateRecord => messages.Defer("LateRecord", TimeText.Minute(note.Times!.Value.First, zone), TimeText.Minute(note.Times.Value.Second, zone),
            LatenessText.Beyond(messages, note.Times.Value.Second - note.Times.Value.First, Inspection.OnTime)),
        Problem.LateRecordUnknown when string.IsNullOrWhiteSpace(note.Value) =>
            messages.Defer("LateRecordContactTimeMissing", LatenessText.Beyond(messages, note.Times!.Value.Second - note.Times.Value.First, Inspection.OnTime)),
        Problem.LateRecordUnknown => messages.Defer("LateRecordContactTimeUnreadable", messages.FieldLabel(note.Key), note.Value!,
            LatenessText.Beyond(messages, note.Times!.Value.Second - note.Times.Value.First, Inspection.OnTime)),
        Problem.NextActionOverdue => messages.Defer("NextActionOverdue", TimeText.Due(note.Times!.Value.Second, dateOnly: false, zone)),
        Problem.GradeCapped => GradeCapped(messages, note.Detail!),
        _ => RiskNotAssessable(messages, note.Detail, note.Unreadable),
    };

    /// <summary>The message of a grade cap, from its detail: the cap's name and the grade, <c>VagueLatestContact:C</c>.</summary>
    private static string GradeCapped(MessageCatalog messages, string detail)
    {
        var colon = detail.IndexOf(':', StringComparison.Ordinal);
        return messages.ForArgument("GradeCapped" + detail[..colon], detail[(colon + 1)..]);
    }

    /// <summary>
    /// The message of risk inputs that cannot be read: the <paramref name="missing"/> ones are to be filled in, or marked 待补充;
    /// the <paramref name="unreadable"/> ones hold a date written in a form that cannot be read, to be rewritten.
    /// </summary>
    private static string RiskNotAssessable(MessageCatalog messages, string? missing, string? unreadable) => (missing, unreadable) switch
    {
        (_, null) => messages.ForFieldList("RiskNotAssessable", missing ?? ""),
        (null, _) => messages.ForFieldList("RiskNotAssessableUnreadable", unreadable),
        _ => messages.ForFieldList("RiskNotAssessableMissingAndUnreadable", missing, unreadable),
    };
}
