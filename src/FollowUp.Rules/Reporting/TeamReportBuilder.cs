using System.Collections.Frozen;
using System.Globalization;
using System.Runtime.InteropServices;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;
using FollowUp.Rules.Messages;
using FollowUp.Rules.Reminders;
using FollowUp.Rules.Risk;

namespace FollowUp.Rules.Reporting;

/// <summary>
/// Builds a <see cref="TeamReport"/> (团队复盘) from evaluated records, one at a time, so a report over millions of records
/// takes no more memory than a few records: it keeps only tallies per owner, stage, vague phrase and risk signal, the ids of
/// a few records at High and Critical risk, and the records to rewrite and deals at risk that need attention most
/// (<see cref="TeamReport.AttentionLimit"/> of each, or as many as the builder is made to list).
/// </summary>
/// <remarks>
/// A builder is mutable and <b>not thread-safe</b>: call <see cref="Add"/> from one thread at a time (evaluate in parallel
/// if you like, then add the results in order). <see cref="Build"/> may be called at any time, and more than once; each call
/// returns an immutable snapshot of what was added so far, and adding more later does not change it.
/// </remarks>
/// <example>
/// <code>
/// var builder = new TeamReportBuilder();
/// foreach (var record in records)
/// {
///     builder.Add(record, evaluator.Evaluate(record));
/// }
///
/// builder.Build().Write(Console.Out, TeamReportFormat.Text);
/// </code>
/// </example>
public sealed class TeamReportBuilder
{
    private static readonly Comparer<Candidate> AttentionOrder = Comparer<Candidate>.Create((x, y) => CompareAttention(x.Key, y.Key));
    private static readonly Comparer<DealCandidate> DealOrder = Comparer<DealCandidate>.Create((x, y) => CompareDeals(x.Key, y.Key));
    private static readonly int StepCount = Enum.GetValues<FollowUpStep>().Length;
    private static readonly int GroupCount = Enum.GetValues<DeductionGroup>().Length;
    private static readonly int GradeCount = Enum.GetValues<Grade>().Length;
    private static readonly int StageSlots = Enum.GetValues<DealStage>().Length + 1;

    private readonly long[] _grades = new long[GradeCount];
    private readonly long[] _riskLevels = new long[Enum.GetValues<RiskLevel>().Length];
    private readonly List<string> _highRiskIds = new(TeamReport.TopLimit);
    private readonly List<string> _criticalRiskIds = new(TeamReport.TopLimit);
    private readonly long[] _stepRecords = new long[StepCount];
    private readonly long[] _stepMissing = new long[StepCount];
    private readonly double[] _stepScores = new double[StepCount];
    private readonly long[] _groupCounts = new long[GroupCount];
    private readonly decimal[] _groupPoints = new decimal[GroupCount];
    private readonly long[] _stages = new long[StageSlots];
    private readonly Dictionary<string, OwnerTally> _owners = new(StringComparer.Ordinal);
    private readonly Dictionary<string, OwnerTally>.AlternateLookup<ReadOnlySpan<char>> _ownersByFoldedName;
    private readonly OwnerTally _noOwner = new();
    private readonly Dictionary<string, PhraseTally> _phrases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _signals = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, PhraseTally>.AlternateLookup<ReadOnlySpan<char>> _phrasesBySpan;
    private readonly int _listLimit;
    private readonly List<Candidate> _attention;
    private readonly List<DealCandidate> _deals;

    private long _count;
    private long _unreadable;
    private long _riskNotAssessable;
    private long _dealsAtRisk;
    private readonly List<string> _readInPart = [];
    private double _scoreSum;

    // The language the records were evaluated in, while they agree on one: the report's labels default to it. Records in
    // Taiwan and Hong Kong wording together default to Taiwan's, still Traditional.
    private CultureInfo? _culture;
    private bool _culturesDiffer;
    private bool _allTraditional = true;
    private DateTimeOffset? _evaluatedAt;

    /// <summary>
    /// Initializes a new instance of the <see cref="TeamReportBuilder"/> class, with nothing added, listing
    /// <see cref="TeamReport.AttentionLimit"/> records to rewrite and deals at risk.
    /// </summary>
    public TeamReportBuilder()
        : this(TeamReport.AttentionLimit)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="TeamReportBuilder"/> class, with nothing added, listing up to
    /// <paramref name="listLimit"/> records to rewrite and deals at risk (<see cref="TeamReport.NeedsAttention"/>,
    /// <see cref="TeamReport.DealsAtRisk"/>): a review that goes through every deal at risk of each owner needs more than
    /// <see cref="TeamReport.AttentionLimit"/>. The builder keeps that many of each in memory while records are added.
    /// </summary>
    /// <param name="listLimit">How many of each to list; 1 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="listLimit"/> is less than 1.</exception>
    public TeamReportBuilder(int listLimit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(listLimit, 1);
        _listLimit = listLimit;
        // Room for one more than listed, added before the last is dropped; not more than a few up front for a large limit.
        _attention = new(Math.Min(listLimit, 64) + 1);
        _deals = new(Math.Min(listLimit, 64) + 1);
        _phrasesBySpan = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();
        _ownersByFoldedName = _owners.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Gets how many records have been added.</summary>
    public long Count => _count;

    /// <summary>
    /// Counts rows of the input that could not be read as records, so the report says what it leaves out: a report mailed
    /// on its own should not look complete when part of the export was unreadable.
    /// </summary>
    /// <param name="rows">How many rows; 0 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="rows"/> is negative.</exception>
    public void AddUnreadable(long rows = 1)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rows);
        _unreadable += rows;
    }

    /// <summary>
    /// Notes an input whose reading stopped before its end (a broken JSON array, a CSV quote that never closes), so the report
    /// says that the count of unreadable rows does not cover the rest of it.
    /// </summary>
    /// <param name="location">Where reading stopped, as the user would find it: <c>crm.csv:row 5</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="location"/> is empty.</exception>
    public void AddReadInPart(string location)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(location);
        _readInPart.Add(location);
    }

    /// <summary>Adds an evaluated record to the report.</summary>
    /// <param name="record">The record, for its contact times.</param>
    /// <param name="evaluation">The record's evaluation, for everything else (its <see cref="FollowUpEvaluation.Owner"/> and
    /// <see cref="FollowUpEvaluation.Customer"/> included, so the report and the <c>NoOwner</c> signal agree).</param>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> or <paramref name="evaluation"/> is <see langword="null"/>.</exception>
    public void Add(FollowUpRecord record, FollowUpEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(evaluation);

        if (evaluation.Culture is { } culture)
        {
            NoteCulture(culture);
        }

        var sequence = _count++;
        _scoreSum += evaluation.Score;
        _grades[(int)evaluation.Grade]++;
        var riskNotAssessable = IsRiskNotAssessable(evaluation);
        if (riskNotAssessable)
        {
            _riskNotAssessable++;
        }
        else
        {
            _riskLevels[(int)evaluation.Risk.Level]++;
        }

        NameHighRisk(evaluation);
        if (_evaluatedAt is not { } latest || evaluation.EvaluatedAt > latest)
        {
            _evaluatedAt = evaluation.EvaluatedAt;
        }

        // Indexed loops and span lookups: adding a record allocates nothing once its owner and phrases have been seen.
        var owner = evaluation.Owner is { } name ? OwnerTallyOf(name) : _noOwner;
        owner.Records++;
        owner.ScoreSum += evaluation.Score;
        owner.Grades[(int)evaluation.Grade]++;

        var steps = evaluation.Completeness.Steps;
        for (var i = 0; i < steps.Count; i++)
        {
            var index = (int)steps[i].Step;
            _stepRecords[index]++;
            _stepScores[index] += steps[i].Score;
            if (steps[i].Missing.Count > 0)
            {
                _stepMissing[index]++;
            }
        }

        var deductions = evaluation.Deductions;
        for (var i = 0; i < deductions.Count; i++)
        {
            var group = (int)deductions[i].Group;
            _groupCounts[group]++;
            _groupPoints[group] += (decimal)deductions[i].Points;
            owner.GroupCounts[group]++;
            owner.GroupPoints[group] += (decimal)deductions[i].Points;
        }

        var vague = evaluation.Vague;
        for (var i = 0; i < vague.Count; i++)
        {
            if (IsCoached(vague[i], evaluation))
            {
                CountPhrase(vague[i]);
            }
        }

        CountSignals(evaluation.Risk.Signals);
        _stages[evaluation.Stage is { } stage ? (int)stage : StageSlots - 1]++;
        var overdue = OverdueOf(evaluation);
        ConsiderForAttention(evaluation, owner, riskNotAssessable, overdue, sequence);
        ConsiderAtRisk(record, evaluation, owner, overdue, sequence);
    }

    /// <summary>Builds the report of the records added so far. The builder can go on adding; the report does not change.</summary>
    /// <returns>An immutable report.</returns>
    public TeamReport Build()
    {
        var grades = GradeCounts(_grades);
        var riskLevels = Enum.GetValues<RiskLevel>().ToDictionary(l => l, l => _riskLevels[(int)l]);

        var owners = _owners.Values
            .Append(_noOwner)
            .Where(o => o.Records > 0)
            .Select(o => o.Summary())
            .OrderByDescending(o => o.AverageScore)
            .ThenByDescending(o => o.RecordCount)
            .ThenBy(o => o.Owner, StringComparer.Ordinal)
            .ToArray();

        var steps = Enum.GetValues<FollowUpStep>()
            .Select(s => (int)s)
            .Select(i => new StepSummary(
                (FollowUpStep)i,
                _stepMissing[i],
                _stepRecords[i] == 0 ? 0 : (double)_stepMissing[i] / _stepRecords[i],
                _stepRecords[i] == 0 ? 0 : _stepScores[i] / _stepRecords[i]))
            .ToArray();

        var groups = GroupSummaries(_groupCounts, _groupPoints);

        var phrases = _phrases
            .OrderByDescending(p => p.Value.Count)
            .ThenBy(p => p.Key, StringComparer.Ordinal)
            .Take(TeamReport.TopLimit)
            .Select(p => new VaguePhraseSummary(p.Value.Spellings.Most!, p.Value.Category, p.Value.Count))
            .ToArray();

        var signals = _signals
            .OrderByDescending(s => s.Value)
            .ThenBy(s => s.Key, StringComparer.Ordinal)
            .Take(TeamReport.TopLimit)
            .Select(s => new RiskSignalSummary(s.Key, s.Value))
            .ToArray();

        // Every stage, for the funnel, even at 0; the records of no known stage only when there are some, so a chart of the
        // stages draws no empty bar for them.
        var stages = Enumerable.Range(0, StageSlots)
            .Select(i => new StageCount(i < StageSlots - 1 ? (DealStage)i : null, _stages[i]))
            .Where(s => s.Stage is not null || s.Count > 0)
            .ToArray();

        return new TeamReport(
            _count,
            _unreadable,
            [.. _readInPart],
            _evaluatedAt,
            _count == 0 ? null : _scoreSum / _count,
            grades,
            owners,
            steps,
            groups,
            phrases,
            riskLevels,
            _riskNotAssessable,
            new Dictionary<RiskLevel, string[]> { [RiskLevel.High] = [.. _highRiskIds], [RiskLevel.Critical] = [.. _criticalRiskIds] },
            signals,
            stages,
            [.. _attention.Select(c => c.Item with { Owner = c.Owner.Name })],
            _dealsAtRisk,
            [.. _deals.Select(c => c.Deal with { Owner = c.Owner.Name })])
        {
            Culture = !_culturesDiffer ? _culture : _allTraditional ? CultureInfo.GetCultureInfo(CatalogCulture.Traditional) : null,
        };
    }

    private void NoteCulture(CultureInfo culture)
    {
        _allTraditional &= CatalogCulture.IsTraditional(CatalogCulture.Of(culture));
        if (!_culturesDiffer)
        {
            // By the labels each reads: zh-HK and zh-MO share them, zh-TW and zh-HK do not.
            _culturesDiffer = _culture is not null && !ReferenceEquals(_culture, culture) && ReportText.For(_culture) != ReportText.For(culture);
            _culture ??= culture;
        }
    }

    /// <summary>Whether a record belongs on the attention list at all: below grade A, high risk or worse, or overdue.</summary>
    private static bool NeedsAttention(FollowUpEvaluation evaluation, TimeSpan overdue) =>
        evaluation.Grade != Grade.A || evaluation.Risk.Level >= RiskLevel.High || overdue > TimeSpan.Zero;

    /// <summary>The attention order: grade D first, then lower score, higher risk score, longer overdue, then input order.</summary>
    private static int CompareAttention(in AttentionKey x, in AttentionKey y)
    {
        var byGrade = (y.Grade == Grade.D).CompareTo(x.Grade == Grade.D);
        if (byGrade != 0)
        {
            return byGrade;
        }

        var byScore = x.Score.CompareTo(y.Score);
        if (byScore != 0)
        {
            return byScore;
        }

        var byRisk = y.RiskScore.CompareTo(x.RiskScore);
        if (byRisk != 0)
        {
            return byRisk;
        }

        var byOverdue = y.Overdue.CompareTo(x.Overdue);
        return byOverdue != 0 ? byOverdue : x.Sequence.CompareTo(y.Sequence);
    }

    /// <summary>
    /// Whether the report counts a record's risk as not assessable: the evaluation found too little content to judge it (a
    /// <c>RiskNotAssessable</c> finding or deduction) and no signal either, so its Low level says nothing. A record with a signal
    /// keeps its level, which is then the least risk it carries.
    /// </summary>
    private static bool IsRiskNotAssessable(FollowUpEvaluation evaluation)
    {
        if (evaluation.Risk.Signals.Count > 0)
        {
            return false;
        }

        var findings = evaluation.Findings;
        for (var i = 0; i < findings.Count; i++)
        {
            if (findings[i].Code == FindingCodes.RiskNotAssessable)
            {
                return true;
            }
        }

        var deductions = evaluation.Deductions;
        for (var i = 0; i < deductions.Count; i++)
        {
            if (deductions[i].Code == DeductionCodes.RiskNotAssessable)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The order of deals at risk: by the most urgent reason (overdue, no owner, stale, unanswered signal), then more reasons,
    /// longer overdue, a stale deal's longer silence, higher risk score, then input order.
    /// </summary>
    private static int CompareDeals(in DealKey x, in DealKey y)
    {
        var byReason = x.MostUrgent.CompareTo(y.MostUrgent);
        if (byReason != 0)
        {
            return byReason;
        }

        var byCount = y.Reasons.CompareTo(x.Reasons);
        if (byCount != 0)
        {
            return byCount;
        }

        var byOverdue = y.Overdue.CompareTo(x.Overdue);
        if (byOverdue != 0)
        {
            return byOverdue;
        }

        var bySilence = y.StaleFor.CompareTo(x.StaleFor);
        if (bySilence != 0)
        {
            return bySilence;
        }

        var byRisk = y.RiskScore.CompareTo(x.RiskScore);
        return byRisk != 0 ? byRisk : x.Sequence.CompareTo(y.Sequence);
    }

    /// <summary>
    /// Whether the evaluation coached a vague phrase: a <c>VagueLanguage</c> or <c>NoContent</c> finding on its field quotes it,
    /// or, for a phrase with no content in a required field (同上), which is reported as the field missing, a deduction is
    /// charged on its field (<c>NoContent</c>; <c>NoNextAction</c> for 同上 as the next action). The phrases it leaves in
    /// <see cref="FollowUpEvaluation.Vague"/> alone (a hedge in a risk's description that says what may happen, an intent
    /// measured or a wait dated in its own clause) cost nothing and are no habit to change.
    /// </summary>
    private static bool IsCoached(in VagueMatch match, FollowUpEvaluation evaluation)
    {
        var findings = evaluation.Findings;
        for (var i = 0; i < findings.Count; i++)
        {
            var finding = findings[i];
            if (finding.Code is FindingCodes.VagueLanguage or FindingCodes.NoContent
                && string.Equals(finding.Field, match.Field, StringComparison.Ordinal)
                && string.Equals(finding.Value, match.Text, StringComparison.Ordinal))
            {
                return true;
            }
        }

        if (match.Category != VagueCategory.NoContent)
        {
            return false;
        }

        var deductions = evaluation.Deductions;
        for (var i = 0; i < deductions.Count; i++)
        {
            if (string.Equals(deductions[i].Field, match.Field, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The reminder of <paramref name="kind"/> that is most late, or <see langword="null"/> when there is none.</summary>
    private static FollowUpReminder? MostLateOf(FollowUpEvaluation evaluation, ReminderKind kind)
    {
        FollowUpReminder? mostLate = null;
        var reminders = evaluation.Reminders;
        for (var i = 0; i < reminders.Count; i++)
        {
            if (reminders[i].Kind == kind && (mostLate is null || reminders[i].Late > mostLate.Late))
            {
                mostLate = reminders[i];
            }
        }

        return mostLate;
    }

    private static TimeSpan OverdueOf(FollowUpEvaluation evaluation) => MostLateOf(evaluation, ReminderKind.Overdue)?.Late ?? TimeSpan.Zero;

    /// <summary>
    /// How long since the latest contact, read as the <c>Stale</c> signal and reminder read it (a stale deal takes its
    /// reminder's, the same span): since the latest readable contact time, else, when the record lists no contact, since its
    /// record time; <see langword="null"/> when neither is known or the time is still ahead. A time without offset is in the
    /// rules' zone, the offset of <see cref="FollowUpEvaluation.EvaluatedAt"/>; a date in the order the evaluation read it.
    /// </summary>
    private static TimeSpan? SinceContactOf(FollowUpRecord record, FollowUpEvaluation evaluation)
    {
        var now = evaluation.EvaluatedAt;
        record = DateReading.InOrder(record, evaluation.DateOrder);
        var (index, at) = LatestContact.Of(record, now.Offset);
        var since = at is { } latest ? now - latest
            : index < 0 && record.RecordedAt.Resolve(now.Offset) is { } recorded ? now - recorded
            : (TimeSpan?)null;
        return since >= TimeSpan.Zero ? since : null;
    }

    /// <summary>
    /// The tally of a named owner (<see cref="FollowUpEvaluation.Owner"/>), by the name folded as names are (case, full-width
    /// forms, Traditional characters, white space; <see cref="TextFolding.FoldNameInto"/>), so 趙敏 and 赵敏 are one person
    /// and 於明 and 于明 two; the spelling is counted for the name shown.
    /// </summary>
    private OwnerTally OwnerTallyOf(string owner)
    {
        const int StackLimit = 256;
        Span<char> buffer = owner.Length <= StackLimit ? stackalloc char[StackLimit] : new char[owner.Length];
        var folded = buffer[..TextFolding.FoldNameInto(owner, buffer)];
        if (!_ownersByFoldedName.TryGetValue(folded, out var tally))
        {
            tally = new OwnerTally();
            _owners.Add(folded.ToString(), tally);
        }

        tally.CountSpelling(owner);
        return tally;
    }

    private void CountPhrase(VagueMatch match)
    {
        const int StackLimit = 256;
        Span<char> buffer = match.Text.Length <= StackLimit ? stackalloc char[StackLimit] : new char[match.Text.Length];
        var phrase = buffer[..TextFolding.FoldInto(match.Text, buffer)];
        if (phrase.IsEmpty)
        {
            return;
        }

        if (!_phrasesBySpan.TryGetValue(phrase, out var tally))
        {
            tally = new PhraseTally(match.Category);
            _phrases.Add(phrase.ToString(), tally);
        }

        tally.Spellings.Count(match.Text);
    }

    private void CountSignals(IReadOnlyList<RiskSignal> signals)
    {
        for (var i = 0; i < signals.Count; i++)
        {
            var code = signals[i].Code;
            var seen = false;
            for (var j = 0; j < i && !seen; j++)
            {
                seen = string.Equals(signals[j].Code, code, StringComparison.OrdinalIgnoreCase);
            }

            if (!seen)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(_signals, code, out _)++;
            }
        }
    }

    /// <summary>Keeps the id of a record at High or Critical risk, the first <see cref="TeamReport.TopLimit"/> of each level.</summary>
    private void NameHighRisk(FollowUpEvaluation evaluation)
    {
        var ids = evaluation.Risk.Level switch
        {
            RiskLevel.High => _highRiskIds,
            RiskLevel.Critical => _criticalRiskIds,
            _ => null,
        };
        if (ids is not null && ids.Count < TeamReport.TopLimit && evaluation.Id is { } id)
        {
            ids.Add(id);
        }
    }

    private void ConsiderForAttention(FollowUpEvaluation evaluation, OwnerTally owner, bool riskNotAssessable, TimeSpan overdue, long sequence)
    {
        if (!NeedsAttention(evaluation, overdue))
        {
            return;
        }

        var key = new AttentionKey(evaluation.Grade, evaluation.Score, evaluation.Risk.Score, overdue, sequence);
        if (_attention.Count == _listLimit && CompareAttention(key, _attention[^1].Key) >= 0)
        {
            return;
        }

        // The owner's name is set when the report is built: the spelling most of the owner's records use may change until then.
        var candidate = new Candidate(key, owner, new AttentionItem(
            evaluation.Id, evaluation.Customer, null, evaluation.Grade, evaluation.Score, evaluation.Risk.Level, evaluation.Risk.Score, overdue,
            evaluation.TopDeductions(2)) { RiskNotAssessable = riskNotAssessable });
        var index = _attention.BinarySearch(candidate, AttentionOrder);
        _attention.Insert(index < 0 ? ~index : index, candidate);
        if (_attention.Count > _listLimit)
        {
            _attention.RemoveAt(_attention.Count - 1);
        }
    }

    /// <summary>
    /// Counts a deal at risk that is not lost (next action overdue, no owner, stale, or a risk signal unanswered) and keeps it
    /// if it is among the most urgent so far, as many as the builder lists.
    /// </summary>
    private void ConsiderAtRisk(FollowUpRecord record, FollowUpEvaluation evaluation, OwnerTally owner, TimeSpan overdue, long sequence)
    {
        var stage = evaluation.Stage;
        if (stage is DealStage.Lost)
        {
            return;
        }

        var staleReminder = MostLateOf(evaluation, ReminderKind.Stale);
        var stale = staleReminder is not null;
        var silence = staleReminder?.Late ?? TimeSpan.Zero;
        var noOwner = evaluation.Owner is null;
        var unanswered = evaluation.UnansweredSignals;
        var otherUnanswered = false;
        for (var i = 0; i < unanswered.Count && !otherUnanswered; i++)
        {
            otherUnanswered = unanswered[i] != RiskSignalCodes.Stale;
        }

        var isOverdue = overdue > TimeSpan.Zero;
        Span<bool> reasons = [isOverdue, noOwner, stale, otherUnanswered];
        var mostUrgent = reasons.IndexOf(true);
        // A signed deal is chased for what is still outstanding (a next action overdue, a risk unanswered), not for silence or
        // a missing owner alone: a finished order or an accepted project goes quiet as it should.
        if (mostUrgent < 0 || (stage is DealStage.Signed && !isOverdue && !otherUnanswered))
        {
            return;
        }

        _dealsAtRisk++;
        owner.DealsAtRisk++;
        if (isOverdue)
        {
            owner.DealsOverdue++;
        }

        var key = new DealKey((DealRiskReason)mostUrgent, reasons.Count(true), overdue, silence, evaluation.Risk.Score, sequence);
        if (_deals.Count == _listLimit && CompareDeals(key, _deals[^1].Key) >= 0)
        {
            return;
        }

        var why = new List<DealRiskReason>(reasons.Length);
        for (var i = 0; i < reasons.Length; i++)
        {
            if (reasons[i])
            {
                why.Add((DealRiskReason)i);
            }
        }

        var candidate = new DealCandidate(key, owner, new DealAtRisk(
            evaluation.Id, evaluation.Customer, null, stage, evaluation.Grade, evaluation.Score, evaluation.Risk.Level, evaluation.Risk.Score,
            why.AsReadOnly(), overdue, stale ? silence : SinceContactOf(record, evaluation), [.. unanswered.Where(code => code != RiskSignalCodes.Stale)])
        {
            StaleAfter = staleReminder?.Limit ?? TimeSpan.Zero,
        });
        var index = _deals.BinarySearch(candidate, DealOrder);
        _deals.Insert(index < 0 ? ~index : index, candidate);
        if (_deals.Count > _listLimit)
        {
            _deals.RemoveAt(_deals.Count - 1);
        }
    }

    /// <summary>How many records got each grade, the team's or one owner's, by grade.</summary>
    private static Dictionary<Grade, long> GradeCounts(long[] counts) => Enum.GetValues<Grade>().ToDictionary(g => g, g => counts[(int)g]);

    /// <summary>The deductions and points lost per common error, the team's or one owner's, in the groups' order.</summary>
    private static DeductionGroupSummary[] GroupSummaries(long[] counts, decimal[] points) =>
        [.. Enum.GetValues<DeductionGroup>().Select(g => new DeductionGroupSummary(g, counts[(int)g], (double)points[(int)g]))];

    /// <summary>
    /// An owner's records (grades, points lost per common error, deals at risk) and the spellings of the owner's name in them;
    /// none for the tally of the records that name nobody.
    /// </summary>
    private sealed class OwnerTally
    {
        private readonly Spellings _spellings = new();

        public long[] Grades { get; } = new long[GradeCount];

        public long[] GroupCounts { get; } = new long[GroupCount];

        public decimal[] GroupPoints { get; } = new decimal[GroupCount];

        public long DealsAtRisk { get; set; }

        public long DealsOverdue { get; set; }

        /// <summary>Gets the spelling most records use (the first seen of equally used ones); <see langword="null"/> for nobody.</summary>
        public string? Name => _spellings.Most;

        public long Records { get; set; }

        public double ScoreSum { get; set; }

        public void CountSpelling(string spelling) => _spellings.Count(spelling);

        public OwnerSummary Summary() => new(Name, Records, ScoreSum / Records)
        {
            Grades = GradeCounts(Grades).AsReadOnly(),
            DeductionGroups = Array.AsReadOnly(GroupSummaries(GroupCounts, GroupPoints)),
            DealsAtRisk = DealsAtRisk,
            DealsOverdue = DealsOverdue,
        };
    }

    /// <summary>A vague phrase's occurrences, counted by its spellings (等對方回覆, 等对方回复), which fold alike.</summary>
    private sealed class PhraseTally(VagueCategory category)
    {
        public VagueCategory Category { get; } = category;

        public Spellings Spellings { get; } = new();

        public long Count => Spellings.Total;
    }

    /// <summary>The spellings of one folded name or phrase, each with how many times it was written, in the order first seen.</summary>
    private sealed class Spellings
    {
        private readonly List<(string Spelling, long Count)> _counts = [];

        /// <summary>Gets the spelling written most often (the first seen of equally used ones); <see langword="null"/> for none.</summary>
        public string? Most
        {
            get
            {
                string? most = null;
                var count = 0L;
                foreach (var (spelling, written) in _counts)
                {
                    if (written > count)
                    {
                        (most, count) = (spelling, written);
                    }
                }

                return most;
            }
        }

        /// <summary>Gets how many times any spelling was written.</summary>
        public long Total { get; private set; }

        /// <summary>Counts <paramref name="spelling"/> once: kept the first time only, so a spelling seen before allocates nothing.</summary>
        public void Count(string spelling)
        {
            Total++;
            for (var i = 0; i < _counts.Count; i++)
            {
                if (string.Equals(_counts[i].Spelling, spelling, StringComparison.Ordinal))
                {
                    _counts[i] = (spelling, _counts[i].Count + 1);
                    return;
                }
            }

            _counts.Add((spelling, 1));
        }
    }

    /// <summary>What the attention order compares, kept as a value so a record that does not make the list allocates nothing.</summary>
    private readonly record struct AttentionKey(Grade Grade, double Score, double RiskScore, TimeSpan Overdue, long Sequence);

    private sealed record Candidate(AttentionKey Key, OwnerTally Owner, AttentionItem Item);

    /// <summary>What the order of deals at risk compares, kept as a value so a deal that does not make the list allocates nothing.</summary>
    /// <remarks><see cref="StaleFor"/> is the silence of a stale deal, zero for the others: only stale deals are ranked by it.</remarks>
    private readonly record struct DealKey(DealRiskReason MostUrgent, int Reasons, TimeSpan Overdue, TimeSpan StaleFor, double RiskScore, long Sequence);

    /// <summary>A deal at risk with its owner's tally, whose name is set when the report is built.</summary>
    private sealed record DealCandidate(DealKey Key, OwnerTally Owner, DealAtRisk Deal);
}
