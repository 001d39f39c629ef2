using System.Collections.Frozen;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;

namespace FollowUp.Rules.Profiles;

/// <summary>
/// A resolved scenario profile: what it requires and how it weighs, thresholds and lexicon included. Immutable and
/// safe to share between threads; obtained from <see cref="FollowUpRuleSet.GetProfile(string?)"/>.
/// </summary>
public sealed class FollowUpProfile
{
    private readonly ulong _required;
    private readonly FrozenSet<string> _noneIsAnswer;
    private readonly double[] _stepWeights;
    private readonly double[] _scoreWeights;

    internal FollowUpProfile(
        string name,
        ulong required,
        CustomField[] customFields,
        FrozenSet<string> noneIsAnswer,
        double[] stepWeights,
        double acknowledgedCredit,
        bool attachmentsAtEveryStage,
        int staleAfterDays,
        bool followUpAfterSigning,
        int stalledStageAfterDays,
        FrozenDictionary<string, double> signalWeights,
        IReadOnlyList<string> competitorNames,
        double[] scoreWeights,
        TextAnalyzer analyzer,
        Messages.MessageCatalog messages,
        bool followCallerCulture)
    {
        Name = name;
        _required = required;
        CustomFields = customFields;
        _noneIsAnswer = noneIsAnswer;
        _stepWeights = stepWeights;
        AcknowledgedCredit = acknowledgedCredit;
        AttachmentsAtEveryStage = attachmentsAtEveryStage;
        StaleAfter = TimeSpan.FromDays(staleAfterDays);
        FollowUpAfterSigning = followUpAfterSigning;
        StalledStageAfter = TimeSpan.FromDays(stalledStageAfterDays);
        SignalWeights = signalWeights;
        CompetitorNames = [.. competitorNames];
        _scoreWeights = scoreWeights;
        Analyzer = analyzer;
        VagueLanguage = new VagueLanguageDetector(analyzer, messages, followCallerCulture);
        RequiredFields =
        [
            .. RequirementCatalog.Keys.Where((_, bit) => (required & (1UL << bit)) != 0).Select(k => k.Key),
            .. customFields.Select(c => FollowUpFields.CustomPrefix + c.Name),
        ];
    }

    /// <summary>Gets the profile's name.</summary>
    public string Name { get; }

    /// <summary>Gets every required field key, in catalogue order, custom fields last.</summary>
    public IReadOnlyList<string> RequiredFields { get; }

    /// <summary>Gets the credit (0 to 1) an acknowledged field earns.</summary>
    public double AcknowledgedCredit { get; }

    /// <summary>Gets a value indicating whether attachments are expected at every stage.</summary>
    public bool AttachmentsAtEveryStage { get; }

    /// <summary>Gets how long after the latest communication a customer is stale.</summary>
    public TimeSpan StaleAfter { get; }

    /// <summary>
    /// Gets a value indicating whether a signed deal is still followed up, so that it goes stale like an open one; when not, a
    /// signed deal goes stale only while a next action is written for it. A next action written on a signed deal is held to
    /// its due date either way, and a stage that names work still open after signing (售后中, 退货中) is followed up as an open
    /// stage either way.
    /// </summary>
    public bool FollowUpAfterSigning { get; }

    /// <summary>Gets how long a deal may stay in one stage before it is stalled.</summary>
    public TimeSpan StalledStageAfter { get; }

    /// <summary>Gets the weight of each risk signal, by code (case-insensitive); 0 means the signal is off.</summary>
    public IReadOnlyDictionary<string, double> SignalWeights { get; }

    /// <summary>Gets the configured competitor names: the global ones, then the profile chain's, each once.</summary>
    public IReadOnlyList<string> CompetitorNames { get; }

    /// <summary>Gets the vague-language detector with this profile's lexicon.</summary>
    public VagueLanguageDetector VagueLanguage { get; }

    /// <summary>The custom fields the profile requires, each with its key (<c>custom.</c> and its name) made once.</summary>
    internal CustomField[] CustomFields { get; }

    internal TextAnalyzer Analyzer { get; }

    /// <summary>Gets the relative weight of a step in the completeness score.</summary>
    /// <param name="step">The step.</param>
    /// <returns>The weight, 0 or more.</returns>
    public double StepWeight(FollowUpStep step) => _stepWeights[(int)step];

    /// <summary>Gets the points a part of the quality grade is worth; the five parts add up to 100.</summary>
    /// <param name="component">The part.</param>
    /// <returns>The points.</returns>
    public double ScoreWeight(GradeComponent component) => _scoreWeights[(int)component];

    /// <summary>Determines whether the profile requires a field.</summary>
    /// <param name="key">A key of <see cref="FollowUpFields"/> or <c>custom.&lt;name&gt;</c>.</param>
    /// <returns><see langword="true"/> when the field is required.</returns>
    public bool Requires(string key) =>
        RequirementCatalog.TryGetBit(key, out var bit) ? Requires(bit) : Array.Exists(CustomFields, c => c.Key == key);

    /// <summary>Gets the weight of a signal, 0 when the signal is off or unknown.</summary>
    internal double SignalWeight(string code) => SignalWeights.TryGetValue(code, out var weight) ? weight : 0;

    internal bool Requires(int bit) => (_required & (1UL << bit)) != 0;

    /// <summary>Whether a value saying there is none (无, none) is a full answer in the field: a key, <c>custom.afterSales</c>.</summary>
    internal bool NoneIsAnswer(string key) => _noneIsAnswer.Contains(key);

    /// <inheritdoc />
    public override string ToString() => Name;
}

/// <summary>A custom field a profile requires: its name in <see cref="FollowUpRecord.Custom"/>, its key and the step it counts toward.</summary>
internal sealed record CustomField(string Name, FollowUpStep Step)
{
    /// <summary>Gets the field's key and path: <c>custom.</c> and its name.</summary>
    public string Key { get; } = FollowUpFields.CustomPrefix + Name;
}
