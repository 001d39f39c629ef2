using FollowUp.Rules.Completeness;
using FollowUp.Rules.Profiles;

namespace FollowUp.Rules.Risk;

/// <summary>What a <see cref="IRiskSignalDetector"/> sees of one evaluation, and where it reports what it finds.</summary>
public sealed class RiskDetectionContext
{
    private readonly Inspection _inspection;
    private FollowUpRuleSet _rules = null!;
    private IRiskSignalDetector? _detector;

    internal RiskDetectionContext(Inspection inspection)
    {
        _inspection = inspection;
    }

    /// <summary>Gets the record.</summary>
    public FollowUpRecord Record => _inspection.Record;

    /// <summary>Gets the profile the record is evaluated with.</summary>
    public FollowUpProfile Profile { get; private set; } = null!;

    /// <summary>Gets "now", from the evaluator's <see cref="TimeProvider"/>.</summary>
    public DateTimeOffset Now => _inspection.Now;

    /// <summary>Gets the stage when it is recognised.</summary>
    public DealStage? Stage => _inspection.Stage;

    /// <summary>
    /// Gets a value indicating whether the deal is open: not Signed or Lost (an unknown stage counts as open), or Signed in a stage
    /// whose text names work still open after signing (售后中, 退货中, 待发货, 实施中; <see cref="RecordLabelOptions.OpenAfterSigning"/>),
    /// or whose <c>custom.afterSales</c> does (已签收 with 退货中).
    /// </summary>
    public bool IsOpenStage => _inspection.IsOpenStage;

    /// <summary>Places a timestamp on the time line, giving one without offset the configured default offset.</summary>
    /// <param name="timestamp">The timestamp.</param>
    /// <returns>The instant, or <see langword="null"/> when the timestamp is empty or unreadable.</returns>
    public DateTimeOffset? Resolve(Timestamp timestamp) => timestamp.Resolve(_rules.DefaultUtcOffset);

    /// <summary>Classifies a value as the completeness checks do: missing, acknowledged (待补充…) or filled.</summary>
    /// <param name="value">The value.</param>
    /// <returns>Its state.</returns>
    public FieldState StateOf(string? value) => _inspection.StateOf(value);

    /// <summary>Reports a signal.</summary>
    /// <param name="code">A code the detector declared in <see cref="IRiskSignalDetector.Signals"/>.</param>
    /// <param name="field">The field it concerns, in path notation such as <c>communications[0].summary</c>.</param>
    /// <param name="evidence">The matched text or the fact that raised it.</param>
    /// <exception cref="ArgumentException">The detector did not declare <paramref name="code"/>.</exception>
    public void Report(string code, string field, string evidence)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(evidence);
        if (_detector is not null && !Declares(_detector, code))
        {
            throw new ArgumentException($"{_detector.GetType().Name} reported '{code}', which it does not declare in Signals.", nameof(code));
        }

        var weight = Profile.SignalWeight(code);
        if (weight > 0)
        {
            _inspection.Signals.Add(new RiskSignal(code, field, evidence, weight));
        }
    }

    internal Inspection Inspection => _inspection;

    internal Messages.MessageCatalog Messages => _inspection.Messages;

    internal TimeSpan DefaultUtcOffset => _rules.DefaultUtcOffset;

    /// <summary>Prepares the context, reused by its inspection, for one evaluation.</summary>
    internal RiskDetectionContext For(FollowUpRuleSet rules, FollowUpProfile profile)
    {
        _rules = rules;
        Profile = profile;
        return this;
    }

    private static bool Declares(IRiskSignalDetector detector, string code)
    {
        // Indexed: a foreach over the IReadOnlyList would box its enumerator on every report.
        var signals = detector.Signals;
        for (var i = 0; i < signals.Count; i++)
        {
            if (string.Equals(signals[i].Code, code, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    internal void RunDetector(IRiskSignalDetector detector)
    {
        _detector = detector;
        try
        {
            detector.Detect(this);
        }
        finally
        {
            _detector = null;
        }
    }
}
