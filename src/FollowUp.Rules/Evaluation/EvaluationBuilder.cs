using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using FluentValidation;
using FluentValidation.Results;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;
using FollowUp.Rules.Messages;
using FollowUp.Rules.Profiles;
using FollowUp.Rules.Reminders;
using FollowUp.Rules.Risk;

namespace FollowUp.Rules;

/// <summary>Turns what an <see cref="Inspection"/> found into the immutable <see cref="FollowUpEvaluation"/>.</summary>
internal static class EvaluationBuilder
{
    private static readonly int StepCount = Enum.GetValues<FollowUpStep>().Length;

    /// <summary>The result of each step with nothing missing, shared by every record: immutable, so one instance serves all.</summary>
    private static readonly StepResult[] CompleteSteps = [.. Enum.GetValues<FollowUpStep>().Select(step => new StepResult(step, 100, [], []))];

    /// <summary>How many lists each of <see cref="SharedPaths"/>, <see cref="SharedClarity"/> and <see cref="SharedVague"/> keeps, and how many step results <see cref="SharedSteps"/> keeps.</summary>
    private const int MaxShared = 4096;

    /// <summary>Lists of missing or acknowledged paths, shared: records miss the same few fields of a step. Keyed by the paths, one a line, each after its length.</summary>
    private static readonly SharedLists<string> SharedPaths = new(MaxShared);

    /// <summary>The clarity of a record's text fields, shared: records write the same fields, mostly at the same levels. Keyed by path and level, one a line.</summary>
    private static readonly SharedLists<FieldClarity> SharedClarity = new(MaxShared);

    /// <summary>
    /// The vague phrases of a record, shared: records repeat the same short notes (跟进中, 等客户回复). Keyed by path, category,
    /// offsets and text, one a line.
    /// </summary>
    private static readonly SharedLists<VagueMatch> SharedVague = new(MaxShared);

    /// <summary>The results of steps with something missing that records repeat, shared: immutable, with shared path lists.</summary>
    private static readonly BoundedCache<(FollowUpStep Step, double Score, IReadOnlyList<string> Missing, IReadOnlyList<string> Acknowledged), StepResult> SharedSteps =
        new(MaxShared);

    /// <summary>
    /// Findings whose message is shared (a missing field, a vague phrase, a fixed advice) as records repeat them: immutable, so one
    /// instance serves every evaluation. A finding quoting text of its record alone (a date, a name, a long value) is new each time.
    /// </summary>
    private static readonly BoundedCache<FindingKey, Finding> SharedFindings = new(8192, FindingKeyComparer.Instance);

    /// <summary>The most checks whose indices <see cref="Paths"/> keeps on the stack; a record with more (a long log) uses the heap.</summary>
    private const int MaxChecksOnStack = 256;

    /// <summary>The most signals whose codes <see cref="RiskScore"/> keeps on the stack; a record with more (a long log) uses the heap.</summary>
    private const int MaxSignalsOnStack = 64;

    /// <summary>How many distinct paths <see cref="DistinctPaths"/> compares one by one before it looks them up in a set, which allocates.</summary>
    private const int MaxPathsCompared = 16;

    /// <summary>The most vague phrases a record may have for its list of them to be shared (<see cref="SharedVague"/>).</summary>
    private const int MaxSharedVague = 16;

    /// <summary>The longest value a shared finding or vague phrase keeps, so that the cache never holds long record text; a shared evidence may be longer.</summary>
    private const int MaxSharedValueLength = 64;

    /// <summary>The result every complete record shares (read-only even if cast).</summary>
    private static readonly CompletenessResult Complete = new(100, Array.AsReadOnly(CompleteSteps));

    public static FollowUpEvaluation Build(Inspection inspection, FollowUpRuleSet rules, FollowUpProfile profile)
    {
        var signals = RiskStage.Assess(inspection, rules, profile);
        var completeness = BuildCompleteness(inspection, profile);
        var riskScore = RiskScore(signals);
        var risk = new RiskAssessment(riskScore, rules.RiskLevels.LevelOf(riskScore), signals.Count == 0 ? [] : signals.ToArray());
        var (score, deductions) = Grader.Grade(inspection, rules, profile);
        var grade = rules.Grades.GradeOf(score);
        if (rules.GradeCaps.Any)
        {
            grade = Capped(inspection, rules.GradeCaps, grade);
        }

        return new FollowUpEvaluation(
            inspection.Record.Id,
            profile.Name,
            inspection.Now,
            score,
            grade,
            completeness,
            BuildClarity(inspection),
            BuildVague(inspection),
            risk,
            deductions,
            BuildFindings(inspection, inspection.Messages, profile),
            ReminderStage.Build(inspection, rules, profile, signals),
            inspection.Owner,
            inspection.Customer)
        {
            UnansweredSignals = UnansweredCodes(inspection),
            Stage = inspection.Stage,
            Culture = inspection.MessagesCulture,
            DateOrder = rules.DateOrder,
            Upcoming = ReminderStage.Upcoming(inspection),
        };
    }

    /// <summary>
    /// The grade after the caps of the flaws the record has, each cap that lowers it noted as a <c>GradeCapped</c> finding on
    /// the flaw's field. Each flaw is read so that filling in a field, answering a risk or clarifying a text never lowers the
    /// grade, as they never lower the score: a contact without a summary, or no contact at all, counts as a vague one; a
    /// contact whose time is missing or unreadable may be the latest; risks that cannot be assessed count as unanswered; a
    /// next action that is missing or has no readable due date counts as overdue.
    /// </summary>
    private static Grade Capped(Inspection inspection, GradeCaps caps, Grade grade)
    {
        var capped = grade;
        if (caps.VagueLatestContact is { } vagueCap && vagueCap > grade && UnclearLatestSummary(inspection) is { } summary)
        {
            Cap(nameof(GradeCaps.VagueLatestContact), vagueCap, summary);
        }

        if (caps.UnansweredRisk is { } riskCap && riskCap > grade
            && (inspection.Unanswered.Count > 0 || inspection.Notes.Exists(n => n.Problem == Problem.RiskNotAssessable)))
        {
            Cap(nameof(GradeCaps.UnansweredRisk), riskCap, FollowUpFields.Risks);
        }

        if (caps.OverdueNextAction is { } overdueCap && overdueCap > grade && inspection.Deductions.Find(d => d.Code is DeductionCodes.NextActionOverdue
            or DeductionCodes.NextActionDueInPast or DeductionCodes.NoDueDate or DeductionCodes.NoNextAction) is { } late)
        {
            // On the field its deduction names: the due date, or the next action when there is none.
            Cap(nameof(GradeCaps.OverdueNextAction), overdueCap, late.Code == DeductionCodes.NoNextAction ? FollowUpFields.ProgressNextAction : FollowUpFields.ProgressNextActionDue);
        }

        return capped;

        // The note's detail is what its message reads: the cap's name and the grade, VagueLatestContact:C.
        void Cap(string name, Grade cap, string field)
        {
            inspection.Notes.Add(new Note(Problem.GradeCapped, field, field, null, string.Concat(name, ":", cap.ToString())));
            capped = cap > capped ? cap : capped;
        }
    }

    /// <summary>
    /// The path of the summary of a contact that is or may be the latest (the latest readable one, and any whose time is missing
    /// or unreadable) when that summary is vague, says nothing, is only marked unknown or is missing; <c>communications</c> when
    /// there is no contact; <see langword="null"/> when every such summary is clear.
    /// </summary>
    private static string? UnclearLatestSummary(Inspection inspection)
    {
        var communications = inspection.Record.Communications;
        var latest = inspection.LatestContact.Index;
        if (latest < 0 || communications is null)
        {
            return FollowUpFields.Communications;
        }

        for (var i = 0; i < communications.Count; i++)
        {
            if (communications[i] is not { } entry || (i != latest && entry.At.IsValid))
            {
                continue;
            }

            var path = FieldPaths.CommunicationSummary[i];
            if (string.IsNullOrWhiteSpace(entry.Summary) || IsUnclear(inspection, path))
            {
                return path;
            }
        }

        return null;
    }

    /// <summary>Whether the text at <paramref name="path"/> was read as vague or as saying nothing.</summary>
    private static bool IsUnclear(Inspection inspection, string path)
    {
        foreach (var clarity in inspection.Clarity)
        {
            if (clarity.Path == path)
            {
                return clarity.Level <= ClarityLevel.Vague;
            }
        }

        return false;
    }

    private static string[] UnansweredCodes(Inspection inspection)
    {
        var unanswered = inspection.Unanswered;
        if (unanswered.Count == 0)
        {
            return [];
        }

        var codes = new string[unanswered.Count];
        for (var i = 0; i < codes.Length; i++)
        {
            codes[i] = unanswered[i].First.Code;
        }

        return codes;
    }

    public static CompletenessResult BuildCompleteness(Inspection inspection, FollowUpProfile profile)
    {
        Span<double> earned = stackalloc double[StepCount];
        Span<int> counts = stackalloc int[StepCount];
        foreach (var check in inspection.Checks)
        {
            earned[(int)check.Step] += check.Credit;
            counts[(int)check.Step]++;
        }

        var complete = true;
        for (var s = 0; s < StepCount && complete; s++)
        {
            complete = counts[s] == 0 || earned[s] >= counts[s];
        }

        if (complete && !inspection.ChangeUnrecorded)
        {
            return Complete;
        }

        var steps = new StepResult[StepCount];
        double weighted = 0;
        double totalWeight = 0;
        for (var s = 0; s < StepCount; s++)
        {
            var step = (FollowUpStep)s;
            var score = counts[s] == 0 ? 100 : Math.Round(100 * earned[s] / counts[s], 1);
            var (missing, missingShared) = Paths(inspection, step, FieldState.Missing);
            var (acknowledged, acknowledgedShared) = Paths(inspection, step, FieldState.Acknowledged);
            steps[s] = score == 100 && missing.Count == 0 && acknowledged.Count == 0 ? CompleteSteps[s]
                : missingShared && acknowledgedShared ? SharedStep(step, score, missing, acknowledged)
                : new StepResult(step, score, missing, acknowledged);
            weighted += profile.StepWeight(step) * score;
            totalWeight += profile.StepWeight(step);
        }

        return new CompletenessResult(totalWeight == 0 ? 100 : Math.Round(weighted / totalWeight, 1), steps);
    }

    private static StepResult SharedStep(FollowUpStep step, double score, IReadOnlyList<string> missing, IReadOnlyList<string> acknowledged) =>
        SharedSteps.GetOrCreate((step, score, missing, acknowledged), static (key, _) => new StepResult(key.Step, key.Score, key.Missing, key.Acknowledged), 0);

    /// <summary>
    /// The distinct paths of the step's checks in <paramref name="state"/>, in the order first checked, and whether the list is a
    /// shared one.
    /// </summary>
    private static (IReadOnlyList<string> Paths, bool Shared) Paths(Inspection inspection, FollowUpStep step, FieldState state)
    {
        var unrecordedChange = step == FollowUpStep.Needs && state == FieldState.Missing && inspection.ChangeUnrecorded;
        var checks = CollectionsMarshal.AsSpan(inspection.Checks);
        var listed = checks.Length <= MaxChecksOnStack ? stackalloc int[checks.Length] : new int[checks.Length];
        var count = DistinctPaths(checks, step, state, listed);
        if (count == 0 && !unrecordedChange)
        {
            return ([], true);
        }

        var key = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        for (var i = 0; i < count; i++)
        {
            AppendLine(ref key, checks[listed[i]].Path, i);
        }

        if (unrecordedChange)
        {
            AppendLine(ref key, FollowUpFields.NeedsChanges, count);
        }

        if (SharedPaths.TryGet(ref key, out var shared))
        {
            return (shared, true);
        }

        var paths = new string[unrecordedChange ? count + 1 : count];
        for (var i = 0; i < count; i++)
        {
            paths[i] = checks[listed[i]].Path;
        }

        if (unrecordedChange)
        {
            paths[count] = FollowUpFields.NeedsChanges;
        }

        return SharedPaths.Keep(ref key, paths);
    }

    /// <summary>
    /// Starts a key's line for <paramref name="path"/>, its length first: a path may hold any character (a custom field is
    /// named by the record), so no separator alone can tell where it ends.
    /// </summary>
    private static void AppendLine(ref DefaultInterpolatedStringHandler lines, string path, int index)
    {
        if (index > 0)
        {
            lines.AppendLiteral("\n");
        }

        lines.AppendFormatted(path.Length);
        lines.AppendLiteral(":");
        lines.AppendFormatted(path);
    }

    /// <summary>
    /// Puts in <paramref name="listed"/> the index of each check of the step in the state whose path no earlier one of them
    /// has, and returns how many: two checks of one field (the risk points a profile asks for, and the answers to the signals
    /// found) list the field once. Each path is compared with the few listed before it; past <see cref="MaxPathsCompared"/>
    /// (a long log, each entry's fields missing) it is looked up in a set, so that the time grows with the checks, not their square.
    /// </summary>
    private static int DistinctPaths(ReadOnlySpan<Check> checks, FollowUpStep step, FieldState state, Span<int> listed)
    {
        var count = 0;
        HashSet<string>? seen = null;
        for (var i = 0; i < checks.Length; i++)
        {
            ref readonly var check = ref checks[i];
            if (check.Step != step || check.State != state)
            {
                continue;
            }

            if (count == MaxPathsCompared && seen is null)
            {
                seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var index in listed[..count])
                {
                    seen.Add(checks[index].Path);
                }
            }

            if (seen is null ? !IsListed(checks, listed[..count], check.Path) : seen.Add(check.Path))
            {
                listed[count++] = i;
            }
        }

        return count;
    }

    private static bool IsListed(ReadOnlySpan<Check> checks, ReadOnlySpan<int> listed, string path)
    {
        foreach (var index in listed)
        {
            if (string.Equals(checks[index].Path, path, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static IReadOnlyList<FieldClarity> BuildClarity(Inspection inspection)
    {
        var fields = inspection.Clarity;
        if (fields.Count == 0)
        {
            return [];
        }

        var key = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        for (var i = 0; i < fields.Count; i++)
        {
            AppendLine(ref key, fields[i].Path, i);
            key.AppendFormatted((int)fields[i].Level);
        }

        if (SharedClarity.TryGet(ref key, out var shared))
        {
            return shared;
        }

        var clarity = new FieldClarity[fields.Count];
        for (var i = 0; i < clarity.Length; i++)
        {
            clarity[i] = new FieldClarity(fields[i].Path, fields[i].Level);
        }

        return SharedClarity.Keep(ref key, clarity).List;
    }

    private static IReadOnlyList<VagueMatch> BuildVague(Inspection inspection)
    {
        var hits = inspection.Vague;
        if (hits.Count == 0)
        {
            return [];
        }

        if (!IsShareable(hits))
        {
            return NewVague(hits);
        }

        var key = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[256]);
        for (var i = 0; i < hits.Count; i++)
        {
            var hit = hits[i];
            // The text's length before it too, so that no text can read as the end of one line and the start of another.
            AppendLine(ref key, hit.Path, i);
            key.AppendLiteral(" ");
            key.AppendFormatted(hit.Category);
            key.AppendLiteral(" ");
            key.AppendFormatted(hit.Start);
            key.AppendLiteral(" ");
            key.AppendFormatted(hit.End - hit.Start);
            key.AppendLiteral(" ");
            key.AppendFormatted(hit.Source.AsSpan(hit.Start, hit.End - hit.Start));
        }

        return SharedVague.TryGet(ref key, out var shared) ? shared : SharedVague.Keep(ref key, NewVague(hits)).List;
    }

    /// <summary>
    /// Whether a record's vague phrases are few and short, as those of the notes records repeat are: a long note (跟进中 a
    /// thousand times, a run of fillers) is its own, and its key would be as long as its text, only to be kept.
    /// </summary>
    private static bool IsShareable(List<FieldHit> hits)
    {
        if (hits.Count > MaxSharedVague)
        {
            return false;
        }

        foreach (var hit in hits)
        {
            if (hit.End - hit.Start > MaxSharedValueLength)
            {
                return false;
            }
        }

        return true;
    }

    private static VagueMatch[] NewVague(List<FieldHit> hits)
    {
        var vague = new VagueMatch[hits.Count];
        for (var i = 0; i < vague.Length; i++)
        {
            var hit = hits[i];
            vague[i] = new VagueMatch(hit.Path, (VagueCategory)hit.Category, SharedText.Of(hit.Source, hit.Start, hit.End), hit.Start, hit.End - hit.Start);
        }

        return vague;
    }

    /// <summary>A noisy-OR over the distinct codes, each at its highest weight: bounded by 100 and never lower when a signal is added.</summary>
    internal static double RiskScore(IReadOnlyList<RiskSignal> signals)
    {
        // Each signal is compared with the distinct codes found before it, a handful (the rule set declares them all), not with
        // every earlier signal: a long log raises many. The codes are multiplied in the order first found, as always.
        Span<int> firsts = signals.Count <= MaxSignalsOnStack ? stackalloc int[signals.Count] : new int[signals.Count];
        Span<double> weights = signals.Count <= MaxSignalsOnStack ? stackalloc double[signals.Count] : new double[signals.Count];
        var codes = 0;
        for (var i = 0; i < signals.Count; i++)
        {
            var code = 0;
            while (code < codes && signals[firsts[code]].Code != signals[i].Code)
            {
                code++;
            }

            if (code == codes)
            {
                firsts[codes] = i;
                weights[codes++] = signals[i].Weight;
            }
            else
            {
                weights[code] = Math.Max(weights[code], signals[i].Weight);
            }
        }

        var survival = 1.0;
        foreach (var weight in weights[..codes])
        {
            survival *= 1 - Math.Clamp(weight, 0, 1);
        }

        return Math.Round(100 * (1 - survival), 1);
    }

    internal static int FirstIndexOf(IReadOnlyList<RiskSignal> signals, string code)
    {
        for (var i = 0; i < signals.Count; i++)
        {
            if (signals[i].Code == code)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>The step a field path belongs to, or <see langword="null"/> for record-level fields such as <c>scenario</c>.</summary>
    internal static FollowUpStep? StepOf(string path, FollowUpProfile profile)
    {
        // The objects themselves belong to their step too: a wrong-shaped "customer" is a gap in the basic information.
        if (path.StartsWith("customer.", StringComparison.Ordinal) || path == "customer")
        {
            return FollowUpStep.BasicInfo;
        }

        if (path.StartsWith("needs.", StringComparison.Ordinal) || path == "needs")
        {
            return FollowUpStep.Needs;
        }

        if (path.StartsWith("communications", StringComparison.Ordinal))
        {
            return FollowUpStep.Communications;
        }

        if (path.StartsWith("progress.", StringComparison.Ordinal) || path == "progress")
        {
            return FollowUpStep.Progress;
        }

        if (path.StartsWith("attachments", StringComparison.Ordinal) || path.StartsWith("risks", StringComparison.Ordinal))
        {
            return FollowUpStep.AttachmentsAndRisks;
        }

        if (path.StartsWith(FollowUpFields.CustomPrefix, StringComparison.Ordinal))
        {
            foreach (var field in profile.CustomFields)
            {
                if (path == field.Key)
                {
                    return field.Step;
                }
            }

            return FollowUpStep.Progress;
        }

        return null;
    }

    private static Finding[] BuildFindings(Inspection inspection, MessageCatalog messages, FollowUpProfile profile)
    {
        if (inspection.Notes.Count == 0)
        {
            return [];
        }

        var findings = new Finding[inspection.Notes.Count];
        for (var i = 0; i < findings.Length; i++)
        {
            var note = inspection.Notes[i];
            var message = inspection.NoteMessage(i, messages);
            var step = StepOf(note.Path, profile);
            findings[i] = message.AsString is { } text && messages.IsShared(text)
                && (note.Value is null || note.Value.Length <= MaxSharedValueLength || messages.IsShared(note.Value))
                ? SharedFindings.GetOrCreate(new FindingKey(note.Problem, note.Path, text, note.Value, step), static (key, _) => NewFinding(key.Problem, key.Path, key.Message, key.Value, key.Step), 0)
                : NewFinding(note.Problem, note.Path, message, note.Value, step);
        }

        return findings;
    }

    private static Finding NewFinding(Problem problem, string path, MessageText message, string? value, FollowUpStep? step) =>
        new(FindingMessages.CodeOf(problem), FindingMessages.SeverityOf(problem), path, message, value, step);

    /// <summary>What a finding is made of; its message is a shared string when the finding is kept in <see cref="SharedFindings"/>.</summary>
    private readonly record struct FindingKey(Problem Problem, string Path, string Message, string? Value, FollowUpStep? Step);

    /// <summary>Compares the keys of <see cref="SharedFindings"/>, whose messages are shared strings, by reference.</summary>
    private sealed class FindingKeyComparer : IEqualityComparer<FindingKey>
    {
        public static readonly FindingKeyComparer Instance = new();

        public bool Equals(FindingKey x, FindingKey y) => ReferenceEquals(x.Message, y.Message) && x.Problem == y.Problem && x.Step == y.Step
            && string.Equals(x.Path, y.Path, StringComparison.Ordinal) && string.Equals(x.Value, y.Value, StringComparison.Ordinal);

        // The path's own hash, not its length: the fields of a long log's entries (communications[1234].channel) have one
        // length and one message, and would all fall in one bucket, to be compared with each other at every lookup.
        public int GetHashCode(FindingKey key) =>
            HashCode.Combine(RuntimeHelpers.GetHashCode(key.Message), key.Problem, string.GetHashCode(key.Path, StringComparison.Ordinal), key.Value?.Length);
    }
}
