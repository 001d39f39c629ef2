using System.Collections.Frozen;

namespace FollowUp.Rules.Completeness;

/// <summary>Every field key a profile can require, with the step it counts toward and its bit in a requirement set.</summary>
internal static class RequirementCatalog
{
    public static readonly (string Key, FollowUpStep Step)[] Keys =
    [
        (FollowUpFields.CustomerCompany, FollowUpStep.BasicInfo),
        (FollowUpFields.CustomerIndustry, FollowUpStep.BasicInfo),
        (FollowUpFields.CustomerCompanySize, FollowUpStep.BasicInfo),
        (FollowUpFields.CustomerName, FollowUpStep.BasicInfo),
        (FollowUpFields.CustomerContactTitle, FollowUpStep.BasicInfo),
        (FollowUpFields.CustomerDecisionRole, FollowUpStep.BasicInfo),
        (FollowUpFields.CustomerSource, FollowUpStep.BasicInfo),
        (FollowUpFields.CustomerLevel, FollowUpStep.BasicInfo),
        (FollowUpFields.CustomerContactMethod, FollowUpStep.BasicInfo),
        (FollowUpFields.CustomerPhone, FollowUpStep.BasicInfo),
        (FollowUpFields.CustomerEmail, FollowUpStep.BasicInfo),
        (FollowUpFields.CustomerWeChat, FollowUpStep.BasicInfo),
        (FollowUpFields.CustomerWhatsApp, FollowUpStep.BasicInfo),
        (FollowUpFields.CustomerLine, FollowUpStep.BasicInfo),
        (FollowUpFields.NeedsSummary, FollowUpStep.Needs),
        (FollowUpFields.NeedsQuantity, FollowUpStep.Needs),
        (FollowUpFields.NeedsBudget, FollowUpStep.Needs),
        (FollowUpFields.NeedsPainPoints, FollowUpStep.Needs),
        (FollowUpFields.NeedsChanges, FollowUpStep.Needs),
        (FollowUpFields.Communications, FollowUpStep.Communications),
        (FollowUpFields.CommunicationAt, FollowUpStep.Communications),
        (FollowUpFields.CommunicationChannel, FollowUpStep.Communications),
        (FollowUpFields.CommunicationContact, FollowUpStep.Communications),
        (FollowUpFields.CommunicationContactTitle, FollowUpStep.Communications),
        (FollowUpFields.CommunicationContactRole, FollowUpStep.Communications),
        (FollowUpFields.CommunicationSummary, FollowUpStep.Communications),
        (FollowUpFields.CommunicationFeedback, FollowUpStep.Communications),
        (FollowUpFields.CommunicationObjections, FollowUpStep.Communications),
        (FollowUpFields.ProgressStage, FollowUpStep.Progress),
        (FollowUpFields.ProgressStageSince, FollowUpStep.Progress),
        (FollowUpFields.ProgressNextAction, FollowUpStep.Progress),
        (FollowUpFields.ProgressNextActionDue, FollowUpStep.Progress),
        (FollowUpFields.ProgressNextActionOwner, FollowUpStep.Progress),
        (FollowUpFields.Attachments, FollowUpStep.AttachmentsAndRisks),
        (FollowUpFields.Risks, FollowUpStep.AttachmentsAndRisks),
        (FollowUpFields.RisksCountermeasure, FollowUpStep.AttachmentsAndRisks),
    ];

    private static readonly FrozenDictionary<string, int> BitByKey =
        Keys.Select((k, i) => (k.Key, i)).ToFrozenDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);

    public static bool TryGetBit(string key, out int bit) => BitByKey.TryGetValue(key, out bit);

    public static int Bit(string key) => BitByKey[key];

    /// <summary>A custom field key: <c>custom.</c> and a name of letters, digits, <c>_</c> or <c>-</c>.</summary>
    public static bool IsCustomKey(string key) =>
        key.StartsWith(FollowUpFields.CustomPrefix, StringComparison.Ordinal) && IsCustomName(key.AsSpan(FollowUpFields.CustomPrefix.Length));

    public static bool IsCustomName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name.Length > 64)
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!(char.IsLetterOrDigit(c) || c is '_' or '-'))
            {
                return false;
            }
        }

        return true;
    }
}
