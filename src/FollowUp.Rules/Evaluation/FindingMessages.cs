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
        Problem.RiskUnanswered => FindingCodes.RiskUnanswered,
        _ => FindingCodes.RiskNotAssessable,
    };

    public static Severity SeverityOf(Problem problem) => problem switch
    {
        Problem.FieldMissing or Problem.InvalidDate or Problem.AttachmentProposal or Problem.AttachmentContract or Problem.AttachmentAny
            or Problem.AttachmentStageUnknown or Problem.CountermeasureMissing or Problem.RiskPointsMissing => Severity.Error,
        Problem.RiskNotAssessable => Severity.Info,
        _ => Severity.Warning,
    };

    /// <summary>The coaching message for a vague phrase of a category.</summary>
    public static string Vague(MessageCatalog messages, Language.VagueCategory category, string phrase) => category switch
    {
        Language.VagueCategory.StatusOnly => messages.Format("VagueStatusOnly", phrase),
        Language.VagueCategory.Waiting => messages.Format("VagueWaiting", phrase),
        Language.VagueCategory.UnquantifiedIntent => messages.Format("VagueUnquantifiedIntent", phrase),
        Language.VagueCategory.Hedge => messages.Format("VagueHedge", phrase),
        Language.VagueCategory.VagueTime => messages.Format("VagueVagueTime", phrase),
        _ => messages.Format("NoContent", phrase),
    };

    public static string Format(MessageCatalog messages, in Note note) => note.Problem switch
    {
        Problem.FieldMissing => messages.ForField("FieldMissing", note.Key),
        Problem.FieldAcknowledged => messages.Format("FieldAcknowledged", messages.FieldLabel(note.Key), note.Value),
        Problem.InvalidDate => messages.Format("InvalidDate", messages.FieldLabel(note.Key), note.Value),
        Problem.UnknownValue => messages.Format("UnknownValue", messages.FieldLabel(note.Key), note.Value, note.Detail),
        Problem.NextActionDueInPast => messages.Format("DueDateInPast", note.Value),
        Problem.AttachmentProposal => messages.Format("AttachmentMissingProposal", messages.Stage(note.Detail ?? "")),
        Problem.AttachmentContract => messages.Fixed("AttachmentMissingContract"),
        Problem.AttachmentAny => messages.Fixed("AttachmentMissingAny"),
        Problem.AttachmentStageUnknown => messages.Fixed("AttachmentStageUnknown"),
        Problem.CountermeasureMissing => messages.Format("CountermeasureMissing", note.Detail),
        Problem.RiskPointsMissing => messages.Fixed("RiskPointsMissing"),
        Problem.ChangeHistoryMissing => messages.Fixed("ChangeHistoryMissing"),
        Problem.UnknownProfile => messages.Format("UnknownProfile", note.Value, note.Detail),
        Problem.VagueLanguage => Vague(messages, Enum.Parse<Language.VagueCategory>(note.Detail!), note.Value!),
        Problem.NoContent => messages.Format("NoContent", note.Value),
        Problem.RiskUnanswered => messages.Format("RiskUnanswered", messages.Signal(note.Detail ?? ""), note.Value),
        _ => messages.Format("RiskNotAssessable", note.Detail),
    };
}
