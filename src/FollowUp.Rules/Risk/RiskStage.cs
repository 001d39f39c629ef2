using System.Globalization;
using System.Runtime.CompilerServices;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Language;
using FollowUp.Rules.Messages;
using FollowUp.Rules.Profiles;

namespace FollowUp.Rules.Risk;

/// <summary>
/// Turns an inspection's risk phrases and the record's structure into signals, and checks that every signal that needs a
/// countermeasure is answered by a noted risk (SPEC §3 step 5).
/// </summary>
internal static class RiskStage
{
    public static List<RiskSignal> Assess(Inspection inspection, FollowUpRuleSet rules, FollowUpProfile profile)
    {
        var signals = inspection.Signals;
        signals.Clear();
        var hits = inspection.RiskHits;
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            var code = rules.SignalCodes[hit.Category];
            var weight = profile.SignalWeight(code);
            if (weight > 0 && !SameCodeEarlierInField(hits, i))
            {
                signals.Add(new RiskSignal(code, hit.Path, SharedText.Of(hit.Source, hit.Start, hit.End), weight));
            }
        }

        var phraseSignals = signals.Count;
        var context = inspection.RiskContext(rules, profile);
        foreach (var detector in rules.Detectors)
        {
            context.RunDetector(detector);
        }

        CollectUnassessableInputs(inspection, rules, profile);
        CheckAnswered(inspection, rules, profile, signals, phraseSignals);
        return signals;
    }

    /// <summary>One signal per code and field: 客户嫌价格太贵 is one price objection, however many phrases say so.</summary>
    /// <remarks>
    /// A field's hits lie together, with its path and text: the walk stops at another field's, even one holding the same
    /// string (a record built in code may share one text between all its entries), so that a long log takes linear time.
    /// </remarks>
    private static bool SameCodeEarlierInField(List<FieldHit> hits, int index)
    {
        var hit = hits[index];
        for (var j = index - 1; j >= 0 && ReferenceEquals(hits[j].Source, hit.Source) && ReferenceEquals(hits[j].Path, hit.Path); j--)
        {
            if (hits[j].Category == hit.Category)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The note of the risk inputs that keep risk handling from being shown: the missing ones in its detail and the ones holding
    /// a date that cannot be read apart, so that the message asks to fill in the one and to rewrite the other, not to write
    /// 待补充 in place of a date that is there.
    /// </summary>
    public static Note UnassessableNote(Inspection inspection) => new(
        Problem.RiskNotAssessable, FollowUpFields.Risks, FollowUpFields.Risks, null,
        Describe(inspection.UnassessableInputs, except: inspection.UnreadableInputs), Unreadable: Describe(inspection.UnreadableInputs, except: null));

    /// <summary>
    /// The first three of <paramref name="inputs"/> not in <paramref name="except"/>, for a message: "communications[0].summary,
    /// needs.summary, …"; shared between records; <see langword="null"/> when there are none.
    /// </summary>
    private static string? Describe(List<string> inputs, List<string>? except)
    {
        var text = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[128]);
        var count = 0;
        foreach (var input in inputs)
        {
            if (except?.Contains(input) == true)
            {
                continue;
            }

            if (count == 3)
            {
                text.AppendLiteral(", …");
                break;
            }

            if (count++ > 0)
            {
                text.AppendLiteral(", ");
            }

            text.AppendFormatted(input);
        }

        return count == 0 ? null : SharedText.Of(ref text);
    }

    /// <summary>Where <paramref name="code"/> is among the unanswered codes so far, or -1: a handful, scanned without allocating.</summary>
    private static int IndexOfCode(List<(RiskSignal First, double Weight, int Note)> unanswered, string code)
    {
        for (var i = 0; i < unanswered.Count; i++)
        {
            if (unanswered[i].First.Code == code)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Collects the required fields risk detection reads that are missing, so that handling cannot be shown; a contact time
    /// only when it may hide a signal (<see cref="HidesStaleness"/>, <see cref="HidesLastFeedback"/>), as custom detectors aside
    /// nothing else reads it.
    /// </summary>
    private static void CollectUnassessableInputs(Inspection inspection, FollowUpRuleSet rules, FollowUpProfile profile)
    {
        var inputs = inspection.UnassessableInputs;
        var unreadable = inspection.UnreadableInputs;
        inputs.Clear();
        unreadable.Clear();
        foreach (var check in inspection.Checks)
        {
            // An empty log is one missing input, not one for each field of no entry.
            if (check.RiskInput && check.State == FieldState.Missing && !inspection.IsInAbsentEntry(check.Path)
                && (rules.HasCustomDetectors || !FieldPaths.CommunicationAt.Matches(check.Path)
                    || HidesStaleness(inspection, profile) || HidesLastFeedback(inspection, profile, check.Path)))
            {
                inputs.Add(check.Path);
                // Scored as missing, but written: its InvalidDate finding says how to write it.
                if (check.Note >= 0 && inspection.Notes[check.Note].Problem == Problem.InvalidDate)
                {
                    unreadable.Add(check.Path);
                }
            }
        }
    }

    /// <summary>
    /// Whether a contact time missing or unreadable may hide <see cref="RiskSignalCodes.Stale"/>: only when no entry has a
    /// readable time, since a time filled in beside a readable one can only make the latest contact later, and only in a record
    /// that may go stale.
    /// </summary>
    public static bool HidesStaleness(Inspection inspection, FollowUpProfile profile) =>
        inspection.LatestContact.At is null && profile.SignalWeight(RiskSignalCodes.Stale) > 0 && BuiltInRiskSignals.MayGoStale(inspection, profile);

    /// <summary>
    /// Whether the contact time at <paramref name="path"/>, missing or unreadable, may hide
    /// <see cref="RiskSignalCodes.NegativeLastFeedback"/>: its entry left the customer dissatisfied, so that, written, it may be
    /// the latest contact, and the signal is not raised already.
    /// </summary>
    public static bool HidesLastFeedback(Inspection inspection, FollowUpProfile profile, string path) =>
        FieldPaths.CommunicationAt.IndexIn(path) is >= 0 and var entry
        && inspection.Record.Communications is { } communications && entry < communications.Count
        && communications[entry] is { Feedback.Value: CustomerFeedback.Dissatisfied }
        && profile.SignalWeight(RiskSignalCodes.NegativeLastFeedback) > 0
        && EvaluationBuilder.FirstIndexOf(inspection.Signals, RiskSignalCodes.NegativeLastFeedback) < 0;

    /// <summary>
    /// Lists the unanswered codes in <see cref="Inspection.Unanswered"/> (each with its first signal, its heaviest weight and its
    /// note) and notes each once; the first <paramref name="phraseSignals"/> signals were found in text, with a matched phrase
    /// as evidence.
    /// </summary>
    private static void CheckAnswered(Inspection inspection, FollowUpRuleSet rules, FollowUpProfile profile, List<RiskSignal> signals, int phraseSignals)
    {
        var unanswered = inspection.Unanswered;
        unanswered.Clear();
        for (var i = 0; i < signals.Count; i++)
        {
            var signal = signals[i];
            if (!rules.RequiresCountermeasure(signal.Code) || inspection.HasPostMortem || inspection.IsAnswered(Array.IndexOf(rules.SignalCodes, signal.Code)))
            {
                continue;
            }

            var at = IndexOfCode(unanswered, signal.Code);
            if (at >= 0)
            {
                unanswered[at] = (unanswered[at].First, Math.Max(unanswered[at].Weight, signal.Weight), unanswered[at].Note);
                continue;
            }

            unanswered.Add((signal, signal.Weight, inspection.Notes.Count));
            inspection.Notes.Add(new Note(Problem.RiskUnanswered, FollowUpFields.Risks, FollowUpFields.Risks, signal.Evidence, signal.Code,
                QuotesPhrase: i < phraseSignals, InLostDeal: inspection.IsLost));
        }

        var firstNote = unanswered.Count > 0 ? unanswered[0].Note : -1;

        if (!profile.Requires(RequirementCatalog.Bit(FollowUpFields.RisksCountermeasure)))
        {
            return;
        }

        var unassessable = inspection.UnassessableInputs;
        if (unassessable.Count > 0)
        {
            firstNote = firstNote < 0 ? inspection.Notes.Count : firstNote;
            inspection.Notes.Add(UnassessableNote(inspection));
        }

        var state = unanswered.Count == 0 && unassessable.Count == 0 ? FieldState.Filled : FieldState.Missing;
        inspection.Checks.Add(new Check(FollowUpStep.AttachmentsAndRisks, FollowUpFields.Risks, state, state == FieldState.Filled ? 1 : 0, false,
            state == FieldState.Filled ? -1 : firstNote));
    }
}
