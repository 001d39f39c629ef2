using FollowUp.Rules.Completeness;

namespace FollowUp.Rules.Tests.TestData;

internal static class EvaluationExtensions
{
    /// <summary>The codes of the completeness walk; findings of the language and risk analyses are left out.</summary>
    private static readonly HashSet<string> CompletenessCodes =
    [
        FindingCodes.FieldMissing, FindingCodes.FieldAcknowledged, FindingCodes.UnknownValue, FindingCodes.InvalidDate,
        FindingCodes.NextActionDueInPast, FindingCodes.AttachmentMissing, FindingCodes.CountermeasureMissing, FindingCodes.RiskPointsMissing,
        FindingCodes.ChangeHistoryMissing, FindingCodes.UnknownProfile,
    ];

    public static StepResult Step(this FollowUpEvaluation evaluation, FollowUpStep step) => evaluation.Completeness[step];

    /// <summary>The findings of the completeness walk (missing, acknowledged, unreadable values, stage rules, profile).</summary>
    public static IEnumerable<Finding> CompletenessFindings(this FollowUpEvaluation evaluation) =>
        evaluation.Findings.Where(f => CompletenessCodes.Contains(f.Code));

    public static IEnumerable<Finding> FindingsWithCode(this FollowUpEvaluation evaluation, string code) =>
        evaluation.Findings.Where(f => f.Code == code);

    public static IEnumerable<Finding> FindingsOn(this FollowUpEvaluation evaluation, string path) =>
        evaluation.Findings.Where(f => f.Field == path);

    /// <summary>"path:code" of every completeness finding, for readable assertion failures.</summary>
    public static string[] CompletenessSummary(this FollowUpEvaluation evaluation) =>
        [.. evaluation.CompletenessFindings().Select(f => $"{f.Field}:{f.Code}")];
}
