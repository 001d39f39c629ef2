using System.Globalization;
using System.Runtime.CompilerServices;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Language;
using FollowUp.Rules.Messages;
using FollowUp.Rules.Profiles;
using FollowUp.Rules.Risk;

namespace FollowUp.Rules.Grading;

/// <summary>
/// Builds the quality grade (SPEC §7) as a list of deductions from 100, one part of the profile's score weights at a time:
/// completeness, clarity, actionability, timeliness and risk handling. Every deduction is rounded to 0.01 and each part is
/// capped at its points, so the deductions add up to exactly 100 minus the score.
/// </summary>
/// <remarks>
/// A missing field always costs at least as much as any value in it could: a missing required text is charged as if it had
/// no content, a missing due date more than an overdue one, and missing fields that risk detection reads cost the whole
/// risk-handling part. So filling a missing required field never lowers the score.
/// </remarks>
internal static class Grader
{
    /// <summary>The clarity points a field with no content (or a missing required text) costs.</summary>
    public const double NoContentPoints = 10;

    /// <summary>The clarity points a vague field costs.</summary>
    public const double VaguePoints = 8;

    /// <summary>The clarity points a partly vague field costs.</summary>
    public const double PartlyVaguePoints = 3;

    /// <summary>
    /// How many times another text's clarity points the latest contact's summary costs: it is what the record is for (the
    /// article's most repeated complaint is a latest note that says only 跟进中), so vague it takes a complete record out of A.
    /// </summary>
    public const double LatestSummaryFactor = 2;

    /// <summary>
    /// How late an open deal's next action must be before it costs the whole actionability part: the plan on record is then
    /// out of date, no better than none. On its due day it costs the due date's share, and more with each hour late.
    /// </summary>
    public static readonly TimeSpan PlanOutOfDate = TimeSpan.FromDays(7);

    /// <summary>
    /// The deductions records repeat (缺少决策权 on the same field for the same points), shared: a <see cref="Deduction"/> is
    /// immutable, so one instance serves every evaluation. Only deductions with a message the catalog shares are kept, so
    /// the message is compared by reference. Room for each field's few codes, point values and messages.
    /// </summary>
    private static readonly BoundedCache<DeductionKey, Deduction> SharedDeductions = new(8192, DeductionKeyComparer.Instance);

    private static readonly TimeSpan VeryLate = TimeSpan.FromHours(72);

    public static (double Score, Deduction[] Deductions) Grade(Inspection inspection, FollowUpRuleSet rules, FollowUpProfile profile)
    {
        var messages = inspection.Messages;
        var deductions = inspection.Deductions;
        deductions.Clear();
        Completeness(inspection, profile, messages, deductions);
        Clarity(inspection, rules, profile, messages, deductions);
        Actionability(inspection, rules, profile, messages, deductions);
        Timeliness(inspection, rules, profile, messages, deductions);
        RiskHandling(inspection, rules, profile, messages, deductions);

        // In hundredths, as the parts took them, so that the deductions add up to the score exactly.
        var lost = 0L;
        foreach (var deduction in deductions)
        {
            lost += (long)Math.Round(deduction.Points * 100);
        }

        return (Math.Max(0, 10_000 - lost) / 100.0, deductions.Count == 0 ? [] : [.. deductions]);
    }

    /// <summary>
    /// The group of a deduction: by code, except that missing next steps and owners are unclear ownership (责任不清). Risk that
    /// cannot be assessed is missing information (信息遗漏), the content risk detection needs, not a risk seen and ignored.
    /// </summary>
    public static DeductionGroup GroupOf(string code, string field) => code switch
    {
        DeductionCodes.FieldMissing or DeductionCodes.FieldAcknowledged when field is FollowUpFields.ProgressNextAction
            or FollowUpFields.ProgressNextActionDue or FollowUpFields.ProgressNextActionOwner => DeductionGroup.UnclearOwnership,
        DeductionCodes.VagueText or DeductionCodes.NoContent or DeductionCodes.VagueNextAction => DeductionGroup.VagueDescription,
        DeductionCodes.NextActionDueInPast or DeductionCodes.NoNextAction or DeductionCodes.NoDueDate or DeductionCodes.NextActionOverdue
            or DeductionCodes.NoOwner or DeductionCodes.OwnerNotConfirmed => DeductionGroup.UnclearOwnership,
        DeductionCodes.AttachmentMissing => DeductionGroup.MissingAttachments,
        DeductionCodes.CountermeasureMissing or DeductionCodes.RiskPointsMissing or DeductionCodes.RiskUnaddressed => DeductionGroup.RiskIgnored,
        _ => DeductionGroup.MissingInfo,
    };

    private static void Completeness(Inspection inspection, FollowUpProfile profile, MessageCatalog messages, List<Deduction> deductions)
    {
        var budget = profile.ScoreWeight(GradeComponent.Completeness);
        var totalWeight = 0.0;
        for (var step = 0; step < StepCount; step++)
        {
            totalWeight += profile.StepWeight((FollowUpStep)step);
        }

        if (budget <= 0 || totalWeight <= 0)
        {
            return;
        }

        Span<int> counts = stackalloc int[StepCount];
        foreach (var check in inspection.Checks)
        {
            counts[(int)check.Step]++;
        }

        var part = new Part(GradeComponent.Completeness, budget, messages);

        // The fields a wrong-shaped value held (customer.company, customer.industry… under "customer") share its one note, and
        // so do an empty log and the fields of its absent first entry: their points are one deduction on it, as it is one finding.
        var sharedNote = -1;
        var sharedPoints = 0.0;
        foreach (var check in inspection.Checks)
        {
            if (check.Credit >= 1)
            {
                continue;
            }

            var stepBudget = budget * profile.StepWeight(check.Step) / totalWeight;
            var points = stepBudget * (1 - check.Credit) / counts[(int)check.Step];
            if (check.Note >= 0 && (inspection.Notes[check.Note].Problem == Problem.InvalidValue || check.Note == inspection.AbsentEntryNote))
            {
                if (check.Note != sharedNote)
                {
                    AddShared(ref part);
                    sharedNote = check.Note;
                }

                sharedPoints += points;
            }
            else if (check.Note >= 0 && inspection.Notes[check.Note].Problem == Problem.RiskUnanswered)
            {
                // The risk section answers all the signals or none: name them all, not the first signal's finding.
                part.Add(deductions, DeductionCodes.RiskUnaddressed, check.Path, points,
                    messages.ForArgument(inspection.IsLost ? "RisksUnansweredLost" : "RisksUnanswered", UnansweredSignals(inspection, messages)));
            }
            else if (check.Note >= 0)
            {
                // On the note's field, which the finding names too: a missing change log costs the summary's credit but is about needs.changes.
                var note = inspection.Notes[check.Note];
                part.Add(deductions, CodeOf(note.Problem), note.Path, points, inspection.NoteMessage(check.Note, messages));
            }
            else if (check.State == FieldState.Filled)
            {
                // A filled field falls short only as a vague text: the shortfall is the vagueness (a vague phrase, or no facts
                // at all: 联系客户), not a gap, and the advice is the clarity deduction's.
                part.Add(deductions, DeductionCodes.VagueText, check.Path, points,
                    VagueAdvice(messages, FirstVagueHit(inspection, check.Path), ClarityOf(inspection, check.Path).Source));
            }
            else
            {
                part.Add(deductions, DeductionCodes.FieldMissing, check.Path, points, messages.ForField("FieldMissing", FieldPaths.KeyOf(check.Path)));
            }
        }

        AddShared(ref part);

        void AddShared(ref Part part)
        {
            if (sharedNote >= 0)
            {
                var note = inspection.Notes[sharedNote];
                part.Add(deductions, CodeOf(note.Problem), note.Path, sharedPoints, inspection.NoteMessage(sharedNote, messages));
                sharedNote = -1;
                sharedPoints = 0;
            }
        }
    }

    private static void Clarity(Inspection inspection, FollowUpRuleSet rules, FollowUpProfile profile, MessageCatalog messages, List<Deduction> deductions)
    {
        // Only the free text the profile requires is graded; the next action's clarity is graded under actionability, and the
        // countermeasure of a noted risk that names a signal under risk handling, once.
        var part = new Part(GradeComponent.Clarity, profile.ScoreWeight(GradeComponent.Clarity), messages);
        foreach (var (path, level, source, required, acknowledged) in inspection.Clarity)
        {
            if (!required || (level == ClarityLevel.Concrete && !acknowledged) || path == FollowUpFields.ProgressNextAction
                || IsGradedByRiskHandling(inspection, rules, profile, path))
            {
                continue;
            }

            // An honest 待补充 tells a reader nothing yet, so it costs what vague text does (filling it in then never lowers the
            // score), but it is missing information, the article's own advice for it, not vague wording.
            var factor = ClarityFactor(inspection, path);
            if (acknowledged)
            {
                var key = FieldPaths.KeyOf(path);
                part.Add(deductions, DeductionCodes.FieldAcknowledged, path, factor * (level == ClarityLevel.NoContent ? NoContentPoints : VaguePoints),
                    messages.Quoting("FieldAcknowledged", messages.FieldLabel(key), Excerpt(source)));
                continue;
            }

            var hit = FirstVagueHit(inspection, path);
            switch (level)
            {
                case ClarityLevel.NoContent:
                    part.Add(deductions, DeductionCodes.NoContent, path, factor * NoContentPoints, messages.Quoting("NoContent", Excerpt(source)));
                    break;
                case ClarityLevel.Vague:
                    part.Add(deductions, DeductionCodes.VagueText, path, factor * VaguePoints, VagueAdvice(messages, hit, source));
                    break;
                case ClarityLevel.PartlyVague when hit is not null:
                    // Only vague phrases cost points here; plain text without facts is partly vague but not vague language.
                    part.Add(deductions, DeductionCodes.VagueText, path, factor * PartlyVaguePoints, VagueAdvice(messages, hit, source));
                    break;
            }
        }

        foreach (var missing in inspection.MissingTexts)
        {
            // The next action is graded under actionability.
            if (missing == FollowUpFields.ProgressNextAction || IsGradedByRiskHandling(inspection, rules, profile, missing))
            {
                continue;
            }

            // The summary of no entry is the empty log's: charged on the log, whose advice says what each entry needs.
            var path = inspection.IsInAbsentEntry(missing) ? FollowUpFields.Communications : missing;
            part.Add(deductions, DeductionCodes.TextMissing, path, ClarityFactor(inspection, missing) * NoContentPoints,
                messages.ForField(HeldWrongShape(inspection, path) ? "TextWrongShape" : "TextMissing", FieldPaths.KeyOf(path)));
        }
    }

    /// <summary>
    /// <see cref="LatestSummaryFactor"/> for the summary of a contact that is or may be the latest (the latest readable one, any
    /// whose time is missing or unreadable, the absent entry of an empty log), else 1: so filling in a contact time, which can
    /// only show an entry to be older, never raises what its summary costs.
    /// </summary>
    private static double ClarityFactor(Inspection inspection, string path)
    {
        var index = FieldPaths.CommunicationSummary.IndexIn(path);
        if (index < 0)
        {
            return 1;
        }

        var communications = inspection.Record.Communications;
        return communications is null || index >= communications.Count || index == inspection.LatestContact.Index
            || communications[index] is not { At.IsValid: true } ? LatestSummaryFactor : 1;
    }

    /// <summary>
    /// Whether the text at <paramref name="path"/> is missing because it, or the object holding it, had a value of the wrong shape
    /// (milestones sent as a list): charged as empty, but not called empty, since something was written there.
    /// </summary>
    private static bool HeldWrongShape(Inspection inspection, string path)
    {
        foreach (var note in inspection.Notes)
        {
            if (note.Problem == Problem.InvalidValue && path.StartsWith(note.Path, StringComparison.Ordinal)
                && (path.Length == note.Path.Length || path[note.Path.Length] is '.' or '['))
            {
                return true;
            }
        }

        return false;
    }

    private static void Actionability(Inspection inspection, FollowUpRuleSet rules, FollowUpProfile profile, MessageCatalog messages, List<Deduction> deductions)
    {
        var budget = profile.ScoreWeight(GradeComponent.Actionability);
        if (!inspection.ChecksNextActionDue || budget <= 0)
        {
            return;
        }

        var share = budget / 3;
        var part = new Part(GradeComponent.Actionability, budget, messages);
        if (!inspection.IsOpenStage)
        {
            // A signed deal's written next action (ChecksNextActionDue): only its lateness is charged, since nothing was required.
            if (inspection.NextActionDue is { } late && inspection.NextActionDeadline < inspection.Now)
            {
                OverdueDeduction(inspection, rules, messages, deductions, ref part, share / 2, late);
            }

            return;
        }

        // A vague next action is no more actionable than none; a concrete one with a vague phrase in it is half way.
        var action = ClarityOf(inspection, FollowUpFields.ProgressNextAction);
        if (inspection.NextActionState != FieldState.Filled)
        {
            part.Add(deductions, DeductionCodes.NoNextAction, FollowUpFields.ProgressNextAction, share, messages.Fixed("NoNextAction"));
        }
        else if (action.Source is not null && action.Level is ClarityLevel.Vague or ClarityLevel.NoContent)
        {
            part.Add(deductions, DeductionCodes.VagueNextAction, FollowUpFields.ProgressNextAction, share, messages.Quoting("VagueNextAction", Excerpt(action.Source)));
        }
        else if (action.Source is not null && action.Level == ClarityLevel.PartlyVague && FirstVagueHit(inspection, FollowUpFields.ProgressNextAction) is not null)
        {
            part.Add(deductions, DeductionCodes.VagueNextAction, FollowUpFields.ProgressNextAction, share / 2, messages.Quoting("VagueNextAction", Excerpt(action.Source)));
        }

        // The due date carries the plan: past it, the due date's share grows with lateness to the whole part (no plan at all),
        // and a missing or unreadable one costs that whole part, as the most the date it leaves out could cost.
        if (inspection.NextActionDue is not { } due)
        {
            part.Add(deductions, DeductionCodes.NoDueDate, FollowUpFields.ProgressNextActionDue, budget, messages.Fixed("NoDueDate"));
        }
        else if (inspection.NextActionDeadline < inspection.Now)
        {
            var lateness = Math.Clamp(inspection.NextActionLateness / PlanOutOfDate, 0, 1);
            OverdueDeduction(inspection, rules, messages, deductions, ref part, share + (budget - share) * lateness, due);
        }

        if (inspection.OwnerState == FieldState.Missing)
        {
            part.Add(deductions, DeductionCodes.NoOwner, FollowUpFields.ProgressNextActionOwner, share, messages.Fixed("NoOwner"));
        }
        else if (inspection.OwnerState == FieldState.Acknowledged)
        {
            part.Add(deductions, DeductionCodes.OwnerNotConfirmed, FollowUpFields.ProgressNextActionOwner, share / 2,
                messages.Defer("OwnerNotConfirmed", inspection.Record.Progress?.NextActionOwner ?? inspection.Record.Owner));
        }
    }

    /// <summary>The <paramref name="points"/> of a next action past its due time, with the message of its finding when it has one.</summary>
    private static void OverdueDeduction(
        Inspection inspection, FollowUpRuleSet rules, MessageCatalog messages, List<Deduction> deductions, ref Part part, double points, DateTimeOffset due) =>
        part.Add(deductions, DeductionCodes.NextActionOverdue, FollowUpFields.ProgressNextActionDue, points,
            FirstNote(inspection, Problem.NextActionOverdue) is >= 0 and var note
                ? inspection.NoteMessage(note, messages)
                : messages.Defer("NextActionOverdue", TimeText.Due(due, inspection.NextActionDueIsDateOnly, rules.DefaultUtcOffset)));

    private static void Timeliness(Inspection inspection, FollowUpRuleSet rules, FollowUpProfile profile, MessageCatalog messages, List<Deduction> deductions)
    {
        var budget = profile.ScoreWeight(GradeComponent.Timeliness);
        var part = new Part(GradeComponent.Timeliness, budget, messages);
        var recorded = inspection.Record.RecordedAt.Resolve(rules.DefaultUtcOffset);
        var latest = inspection.LatestContact.At;
        if (recorded is null)
        {
            part.Add(deductions, DeductionCodes.RecordTimeMissing, "recordedAt", budget, messages.Fixed("RecordTimeMissing"));
        }
        else if (latest is null)
        {
            // No entry has a readable time: the first entry's is the one to write, or, in an empty log, an entry.
            var field = LatestContact.FirstEntry(inspection.Record.Communications) is >= 0 and var first ? FieldPaths.CommunicationAt[first] : FollowUpFields.Communications;
            part.Add(deductions, DeductionCodes.ContactTimeMissing, field, budget, messages.Fixed("ContactTimeMissing"));
        }
        else if (FirstNote(inspection, Problem.LateRecord) is >= 0 and var note)
        {
            // In the words of its finding (one string).
            var late = recorded.Value - latest.Value;
            part.Add(deductions, DeductionCodes.LateRecord, "recordedAt", late > VeryLate ? budget : budget / 2, inspection.NoteMessage(note, messages));
        }
        else if (inspection.UnknownTimeliness is { } unknown)
        {
            // Charged as the lateness beside the latest readable time would be, so that filling in the unreadable time, which
            // can only make the latest contact later, never costs more.
            var late = recorded.Value - latest.Value;
            var message = FirstNote(inspection, Problem.LateRecordUnknown) is >= 0 and var finding
                ? inspection.NoteMessage(finding, messages)
                : FindingMessages.Format(messages, unknown, rules.DefaultUtcOffset);
            part.Add(deductions, DeductionCodes.ContactTimeMissing, unknown.Path, late > VeryLate ? budget : budget / 2, message);
        }
    }

    private static void RiskHandling(
        Inspection inspection, FollowUpRuleSet rules, FollowUpProfile profile, MessageCatalog messages, List<Deduction> deductions)
    {
        var budget = profile.ScoreWeight(GradeComponent.RiskHandling);
        var part = new Part(GradeComponent.RiskHandling, budget, messages);
        // One deduction per unanswered code, at its heaviest weight, on its first field, in the same words as its finding (one string).
        foreach (var (first, weight, note) in inspection.Unanswered)
        {
            part.Add(deductions, DeductionCodes.RiskUnaddressed, first.Field, budget * weight, inspection.NoteMessage(note, messages));
        }

        // An answered code whose clearest answer is vague (加强沟通) is half answered, one partly vague a quarter short: never
        // more than leaving it unanswered costs, so that answering a risk never lowers the score. A code a noted risk names but
        // that was not detected costs the same, at the profile's weight for it: were its answer graded under clarity instead,
        // a change that raises or clears the signal (a phrase such as 以后再说, a filled decision role) would move the answer's
        // cost between parts, and adding a vague phrase could raise the score or filling a field lower it.
        if (inspection.Answers.Count > 0)
        {
            ChargeVagueAnswers(inspection, rules, profile, budget, messages, deductions, ref part);
        }

        if (inspection.Unanswering.Count > 0)
        {
            ChargeNotesWithoutCountermeasure(inspection, rules, profile, budget, messages, deductions, ref part);
        }

        var unassessable = inspection.UnassessableInputs;
        if (unassessable.Count > 0)
        {
            part.Add(deductions, DeductionCodes.RiskNotAssessable, FollowUpFields.Risks, budget * HiddenWeight(inspection, rules, profile),
                FirstNote(inspection, Problem.RiskNotAssessable) is >= 0 and var note
                    ? inspection.NoteMessage(note, messages)
                    : FindingMessages.Format(messages, RiskStage.UnassessableNote(inspection), rules.DefaultUtcOffset));
        }
    }

    /// <summary>
    /// How much of the risk-handling part the missing inputs may hide: a missing budget only a budget constraint, a contact's
    /// missing name only a single thread, and a missing or unreadable contact time only staleness and a dissatisfied latest
    /// contact (<see cref="RiskStage.HidesStaleness"/>, <see cref="RiskStage.HidesLastFeedback"/>), so they cost what those
    /// signals would unanswered (filling them in can then never cost more), and a single thread already found nothing more,
    /// since a name can only clear it; any other input, or any input a custom detector may read, hides every signal.
    /// </summary>
    private static double HiddenWeight(Inspection inspection, FollowUpRuleSet rules, FollowUpProfile profile)
    {
        if (rules.HasCustomDetectors)
        {
            return 1;
        }

        var budget = false;
        var contact = false;
        var contactTime = false;
        var lastFeedback = false;
        foreach (var path in inspection.UnassessableInputs)
        {
            if (path == FollowUpFields.NeedsBudget)
            {
                budget = true;
            }
            else if (FieldPaths.CommunicationContact.Matches(path))
            {
                contact = true;
            }
            else if (FieldPaths.CommunicationAt.Matches(path))
            {
                contactTime = true;
                lastFeedback |= RiskStage.HidesLastFeedback(inspection, profile, path);
            }
            else
            {
                return 1;
            }
        }

        var singleThreadHidden = contact && EvaluationBuilder.FirstIndexOf(inspection.Signals, RiskSignalCodes.SingleThreaded) < 0;
        var staleHidden = contactTime && RiskStage.HidesStaleness(inspection, profile);
        return Math.Min(1, (budget ? profile.SignalWeight(RiskSignalCodes.BudgetConstraint) : 0)
            + (singleThreadHidden ? profile.SignalWeight(RiskSignalCodes.SingleThreaded) : 0)
            + (staleHidden ? profile.SignalWeight(RiskSignalCodes.Stale) : 0)
            + (lastFeedback ? profile.SignalWeight(RiskSignalCodes.NegativeLastFeedback) : 0));
    }


    /// <summary>
    /// Charges each signal whose clearest answer is vague: detected ones at their heaviest weight, first in the order found;
    /// then those a noted risk names but that were not detected, at the profile's weight, unless that note also answers a
    /// detected one (it costs at most half of what it answers).
    /// </summary>
    private static void ChargeVagueAnswers(
        Inspection inspection, FollowUpRuleSet rules, FollowUpProfile profile, double budget, MessageCatalog messages, List<Deduction> deductions,
        ref Part part)
    {
        var codes = rules.SignalCodes;
        Span<double> detected = codes.Length <= 64 ? stackalloc double[codes.Length] : new double[codes.Length];
        detected.Clear();
        var signals = inspection.Signals;
        Span<int> firsts = signals.Count <= 32 ? stackalloc int[signals.Count] : new int[signals.Count];
        var count = 0;
        foreach (var signal in signals)
        {
            var code = Array.IndexOf(codes, signal.Code);
            if (code >= 0)
            {
                firsts[count++] = detected[code] == 0 ? code : -1;
                detected[code] = Math.Max(detected[code], signal.Weight);
            }
        }

        for (var i = 0; i < count; i++)
        {
            if (firsts[i] >= 0)
            {
                ChargeVagueAnswer(inspection, rules, firsts[i], budget * detected[firsts[i]], detected, messages, deductions, ref part);
            }
        }

        for (var code = 0; code < codes.Length; code++)
        {
            // A sibling pair (the customer's dissatisfaction, in the text and in the latest feedback) is one risk: charged once.
            var sibling = inspection.SiblingOf(code);
            if (detected[code] == 0 && inspection.IsAnswered(code) && !(sibling >= 0 && sibling < code && detected[sibling] == 0))
            {
                ChargeVagueAnswer(inspection, rules, code, budget * profile.SignalWeight(codes[code]), detected, messages, deductions, ref part);
            }
        }
    }

    /// <summary>
    /// Half of <paramref name="unansweredPoints"/> when the cheapest answer to the signal is vague, a quarter when partly vague,
    /// nothing when it is concrete or, for a signal not detected, when its note also answers a detected one (it costs at most
    /// half of what it answers). The cheapest of all the answers counts, so that making any answer clearer can only lower it.
    /// </summary>
    private static void ChargeVagueAnswer(
        Inspection inspection, FollowUpRuleSet rules, int code, double unansweredPoints, ReadOnlySpan<double> detected, MessageCatalog messages,
        List<Deduction> deductions, ref Part part)
    {
        if (!rules.SignalsByIndex[code].RequiresCountermeasure || IsUnanswered(inspection, rules.SignalCodes[code]))
        {
            return;
        }

        var cheapest = -1;
        var cheapestShare = double.MaxValue;
        for (var answer = 0; answer < inspection.Answers.Count && cheapestShare > 0; answer++)
        {
            // A lost deal's post-mortem answers every detected signal, named or not.
            if (!inspection.Names(answer, code) && !(detected[code] > 0 && inspection.IsPostMortem(answer)))
            {
                continue;
            }

            var share = detected[code] == 0 && AnswersADetectedRisk(inspection, rules, answer, detected) ? 0 : VagueShare(inspection, answer);
            if (share < cheapestShare)
            {
                (cheapest, cheapestShare) = (answer, share);
            }
        }

        if (cheapest >= 0 && cheapestShare > 0)
        {
            var path = inspection.Answers[cheapest].Countermeasure;
            part.Add(deductions, DeductionCodes.VagueText, path, unansweredPoints * cheapestShare,
                VagueAdvice(messages, FirstVagueHit(inspection, path), ClarityOf(inspection, path).Source));
        }
    }

    /// <summary>What share of leaving a signal unanswered an answer costs: half when vague, a quarter when partly vague with a vague phrase.</summary>
    private static double VagueShare(Inspection inspection, int answer)
    {
        var path = inspection.Answers[answer].Countermeasure;
        var level = ClarityOf(inspection, path).Level;
        return level == ClarityLevel.Vague ? 0.5 : level == ClarityLevel.PartlyVague && FirstVagueHit(inspection, path) is not null ? 0.25 : 0;
    }

    private static bool IsUnanswered(Inspection inspection, string code)
    {
        foreach (var (first, _, _) in inspection.Unanswered)
        {
            if (first.Code == code)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether noted risk <paramref name="answer"/> names a detected signal that needs a countermeasure.</summary>
    private static bool AnswersADetectedRisk(Inspection inspection, FollowUpRuleSet rules, int answer, ReadOnlySpan<double> detected)
    {
        for (var code = 0; code < detected.Length; code++)
        {
            if (detected[code] > 0 && rules.SignalsByIndex[code].RequiresCountermeasure && inspection.Names(answer, code))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="path"/> is the countermeasure of a noted risk that names a signal needing one that the profile
    /// weighs, detected or not (a signal it does not weigh is never detected): risk handling grades it, not clarity. There an
    /// answer costs half of leaving the signal unanswered when vague, nothing when concrete, and a countermeasure still
    /// missing or 待补充 the full weight; so filling it in never costs more, and a change that raises or clears the signal
    /// does not move its cost between parts. A lost deal's post-mortem is graded there too, as answering each detected signal.
    /// </summary>
    private static bool IsGradedByRiskHandling(Inspection inspection, FollowUpRuleSet rules, FollowUpProfile profile, string path) =>
        NamesAWeightedSignal(inspection, rules, profile, inspection.Answers, path) || NamesAWeightedSignal(inspection, rules, profile, inspection.Unanswering, path)
        || inspection.IsPostMortemCountermeasure(path);

    private static bool NamesAWeightedSignal(
        Inspection inspection, FollowUpRuleSet rules, FollowUpProfile profile, List<(string Countermeasure, int Kind, int From, int To)> notes, string path)
    {
        foreach (var note in notes)
        {
            if (!string.Equals(note.Countermeasure, path, StringComparison.Ordinal))
            {
                continue;
            }

            for (var code = 0; code < rules.SignalCodes.Length; code++)
            {
                if (NamesWeighted(inspection, rules, profile, note, code))
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>Whether the note names signal <paramref name="code"/>, and the signal needs a countermeasure and weighs something.</summary>
    private static bool NamesWeighted(
        Inspection inspection, FollowUpRuleSet rules, FollowUpProfile profile, (string Countermeasure, int Kind, int From, int To) note, int code) =>
        inspection.Names(note, code) && rules.SignalsByIndex[code].RequiresCountermeasure && profile.SignalWeight(rules.SignalCodes[code]) > 0;

    /// <summary>
    /// Charges each signal that a noted risk without a countermeasure (missing or 待补充) names and that nothing else charges
    /// or answers: not detected (a detected one is charged as unanswered already) and answered by no other note. It costs
    /// what leaving it unanswered would, as the note's countermeasure is graded here (<see cref="IsGradedByRiskHandling"/>).
    /// </summary>
    private static void ChargeNotesWithoutCountermeasure(
        Inspection inspection, FollowUpRuleSet rules, FollowUpProfile profile, double budget, MessageCatalog messages, List<Deduction> deductions,
        ref Part part)
    {
        var codes = rules.SignalCodes;
        for (var code = 0; code < codes.Length; code++)
        {
            var sibling = inspection.SiblingOf(code);
            if (EvaluationBuilder.FirstIndexOf(inspection.Signals, codes[code]) >= 0 || inspection.IsAnswered(code)
                || (sibling >= 0 && (sibling < code || EvaluationBuilder.FirstIndexOf(inspection.Signals, codes[sibling]) >= 0)))
            {
                // Detected, answered, or one of a sibling pair charged as the other (or answered by its detection's charge).
                continue;
            }

            foreach (var note in inspection.Unanswering)
            {
                if (NamesWeighted(inspection, rules, profile, note, code))
                {
                    part.Add(deductions, DeductionCodes.CountermeasureMissing, note.Countermeasure, budget * profile.SignalWeight(codes[code]),
                        FindingMessages.CountermeasureMissing(messages, codes[code]));
                    break;
                }
            }
        }
    }

    private static string CodeOf(Problem problem) => problem switch
    {
        Problem.FieldAcknowledged => DeductionCodes.FieldAcknowledged,
        Problem.InvalidDate => DeductionCodes.InvalidDate,
        Problem.InvalidValue => DeductionCodes.InvalidValue,
        Problem.ChangeHistoryMissing => DeductionCodes.ChangeHistoryMissing,
        Problem.NextActionDueInPast => DeductionCodes.NextActionDueInPast,
        Problem.AttachmentProposal or Problem.AttachmentContract or Problem.AttachmentAny or Problem.AttachmentStageUnknown => DeductionCodes.AttachmentMissing,
        Problem.CountermeasureMissing => DeductionCodes.CountermeasureMissing,
        Problem.RiskPointsMissing => DeductionCodes.RiskPointsMissing,
        Problem.RiskUnanswered => DeductionCodes.RiskUnaddressed,
        Problem.RiskNotAssessable => DeductionCodes.RiskNotAssessable,
        _ => DeductionCodes.FieldMissing,
    };

    private static readonly int StepCount = Enum.GetValues<FollowUpStep>().Length;

    /// <summary>The labels of the unanswered signals, in note order, as text shared between records.</summary>
    private static string UnansweredSignals(Inspection inspection, MessageCatalog messages)
    {
        var list = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[128]);
        var listed = false;
        foreach (var note in inspection.Notes)
        {
            if (note.Problem != Problem.RiskUnanswered)
            {
                continue;
            }

            if (listed)
            {
                list.AppendFormatted(messages.Fixed("ListSeparator"));
            }

            list.AppendFormatted(messages.Signal(note.Detail ?? ""));
            listed = true;
        }

        return SharedText.Of(ref list);
    }

    /// <summary>The first note of <paramref name="problem"/>, with <paramref name="detail"/> when given; -1 if none.</summary>
    private static int FirstNote(Inspection inspection, Problem problem, string? detail = null)
    {
        for (var i = 0; i < inspection.Notes.Count; i++)
        {
            var note = inspection.Notes[i];
            if (note.Problem == problem && (detail is null || note.Detail == detail))
            {
                return i;
            }
        }

        return -1;
    }

    private static (string Path, ClarityLevel Level, string Source, bool Required, bool Acknowledged) ClarityOf(Inspection inspection, string path) =>
        inspection.ClarityIndexOf(path) is >= 0 and var index ? inspection.Clarity[index] : default;

    private static FieldHit? FirstVagueHit(Inspection inspection, string path) =>
        inspection.FirstVagueIndexOf(path) is >= 0 and var index ? inspection.Vague[index] : null;

    private static string VagueAdvice(MessageCatalog messages, FieldHit? hit, string source) => hit is { } found
        ? FindingMessages.Vague(messages, (VagueCategory)found.Category, SharedText.Of(found.Source, found.Start, found.End))
        : messages.Quoting("VagueTextNoFacts", Excerpt(source));

    private static string Excerpt(string text) => text.Length <= 30 ? text : string.Concat(text.AsSpan(0, 30), "…");

    /// <summary>What makes a deduction: its group follows from the code and field.</summary>
    private readonly record struct DeductionKey(string Code, GradeComponent Component, double Points, string Field, string Message);

    /// <summary>Compares the keys of <see cref="SharedDeductions"/>, whose messages are shared strings, by reference.</summary>
    private sealed class DeductionKeyComparer : IEqualityComparer<DeductionKey>
    {
        public static readonly DeductionKeyComparer Instance = new();

        public bool Equals(DeductionKey x, DeductionKey y) => ReferenceEquals(x.Message, y.Message) && x.Points == y.Points
            && x.Component == y.Component && string.Equals(x.Code, y.Code, StringComparison.Ordinal) && string.Equals(x.Field, y.Field, StringComparison.Ordinal);

        public int GetHashCode(DeductionKey key) => HashCode.Combine(RuntimeHelpers.GetHashCode(key.Message), key.Points, key.Component, key.Field.Length);
    }

    /// <summary>How close to a midpoint hundredths must come before <see cref="Hundredths"/> rounds them through decimal.</summary>
    private const double MidpointMargin = 1e-6;

    /// <summary>
    /// The largest points <see cref="Hundredths"/> rounds in double arithmetic: below it a decimal keeps every digit that
    /// matters. Points never exceed a part's weight, at most 100.
    /// </summary>
    private const double MaxDoublePoints = 1e6;

    /// <summary>
    /// <paramref name="points"/> in whole hundredths, exactly as <c>Math.Round((decimal)points, 2, mode)</c> gives them: in
    /// double arithmetic when they are clearly off a midpoint (any rounding then gives the nearest), through decimal, which
    /// is several times slower, within rounding error of one (1.005 is 1.00499… as a double, 1.005 as a decimal) or beyond
    /// <see cref="MaxDoublePoints"/>.
    /// </summary>
    internal static long Hundredths(double points, MidpointRounding mode)
    {
        var scaled = points * 100;
        return Math.Abs(scaled - Math.Floor(scaled) - 0.5) > MidpointMargin && Math.Abs(points) < MaxDoublePoints
            ? (long)Math.Round(scaled, MidpointRounding.AwayFromZero)
            : (long)(Math.Round((decimal)points, 2, mode) * 100);
    }

    /// <summary>One part of the grade: rounds each deduction to 0.01 and stops at the part's points, counting in hundredths.</summary>
    private struct Part(GradeComponent component, double budget, MessageCatalog messages)
    {
        private readonly long _budget = Hundredths(Math.Max(0, budget), MidpointRounding.ToEven);
        private long _used;

        public void Add(List<Deduction> deductions, string code, string field, double points, MessageText message)
        {
            var rounded = Math.Min(Hundredths(points, MidpointRounding.AwayFromZero), _budget - _used);
            if (rounded <= 0)
            {
                return;
            }

            _used += rounded;
            var taken = rounded / 100.0;
            deductions.Add(message.AsString is { } text && messages.IsShared(text)
                ? Shared(new DeductionKey(code, component, taken, field, text))
                : new Deduction(code, GroupOf(code, field), component, taken, field, message));
        }

        /// <summary>
        /// The deduction from <see cref="SharedDeductions"/>, or a new one, kept there while it has room. A message formatted
        /// for this record alone (a due date, a long name's evidence) never gets here: its deduction is new each time.
        /// </summary>
        private static Deduction Shared(DeductionKey key) => SharedDeductions.GetOrCreate(
            key, static (k, _) => new Deduction(k.Code, GroupOf(k.Code, k.Field), k.Component, k.Points, k.Field, k.Message), 0);
    }
}
