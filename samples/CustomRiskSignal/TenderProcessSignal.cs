using FollowUp.Rules;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Risk;

namespace CustomRiskSignal;

/// <summary>
/// A custom risk signal: the customer buys through a public tender (招标), so the deal follows the tender's calendar,
/// not ours. It reads the communication log through the same context the built-in detectors use.
/// </summary>
public sealed class TenderProcessSignal : IRiskSignalDetector
{
    public const string Code = "TenderProcess";

    private static readonly string[] Words = ["招标", "招投标", "公开采购", "tender", "RFP"];

    // RequiresCountermeasure is left true: a record that mentions a tender must answer it in `risks`. A signal that needs
    // no answer (as the built-in NoOwner) passes RequiresCountermeasure: false and still counts in the risk score.
    public IReadOnlyList<RiskSignalDefinition> Signals { get; } = [new(Code, DefaultWeight: 0.2)];

    public void Detect(RiskDetectionContext context)
    {
        var communications = context.Record.Communications ?? [];
        for (var i = 0; i < communications.Count; i++)
        {
            var summary = communications[i]?.Summary;
            if (context.StateOf(summary) != FieldState.Filled)
            {
                continue;
            }

            foreach (var word in Words)
            {
                if (summary!.Contains(word, StringComparison.OrdinalIgnoreCase))
                {
                    context.Report(Code, $"communications[{i}].summary", word);
                    return;
                }
            }
        }
    }
}
