using System.Collections.Frozen;
using FluentValidation;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Language;
using FollowUp.Rules.Messages;
using FollowUp.Rules.Profiles;

namespace FollowUp.Rules;

/// <summary>Which analyses a free-text field takes part in.</summary>
[Flags]
internal enum TextUse : ushort
{
    None = 0,
    Clarity = 1,
    Risk = 2,
    ChangeMention = 4,

    /// <summary>The text of a noted risk: the risk phrases in it name the signals the note answers.</summary>
    RiskAnswer = 8,

    /// <summary>
    /// A statement or value rather than prose (an objection, a risk's description, a custom field such as 已发货): being
    /// short does not make it vague.
    /// </summary>
    Value = 16,

    /// <summary>
    /// A text that states a possibility by its nature (a risk's description: 可能影响联调工期): a hedge there is reported
    /// among the vague phrases but not coached, since saying that a risk may happen is what the field is for.
    /// </summary>
    Possibility = 32,

    /// <summary>
    /// A text that states the problem the deal is to solve (the needs summary: 解决纸质报工数据滞后一天的问题): a risk phrase in
    /// such a clause is the customer's own pain, as a pain point is, and raises no signal; a budget constraint still does.
    /// </summary>
    ProblemToSolve = 64,

    /// <summary>
    /// The value of a field that holds a number (<see cref="NumberFields"/>: an order amount, a quantity, an order number):
    /// digits alone (1598, 0) are the value, not a text with no content.
    /// </summary>
    Number = 128,

    /// <summary>
    /// A field whose honest answer may be that there is none (<see cref="Profiles.ProfileOptions.NoneIsAnswer"/>: objections,
    /// after-sales): a value saying only that (无, none) is a full answer, not a placeholder.
    /// </summary>
    NoneIsAnswer = 256,
}

/// <summary>Why a finding was raised; each maps to one of <see cref="FindingCodes"/> and one message.</summary>
internal enum Problem : byte
{
    FieldMissing,
    FieldAcknowledged,
    InvalidDate,
    UnknownValue,
    NextActionDueInPast,
    AttachmentProposal,
    AttachmentContract,
    AttachmentAny,
    AttachmentStageUnknown,
    CountermeasureMissing,
    RiskPointsMissing,
    ChangeHistoryMissing,
    UnknownProfile,
    VagueLanguage,
    NoContent,
    TextTooShort,
    RiskUnanswered,
    RiskNotAssessable,
    InvalidValue,
    RecordedBeforeContact,
    DateInFuture,
    RecordTimeMissing,
    ContactTimeMissing,
    LateRecord,
    LateRecordUnknown,
    NextActionOverdue,
    GradeCapped,
}

/// <summary>One scored check of a step.</summary>
/// <param name="Step">The step it counts toward.</param>
/// <param name="Path">The field path it concerns.</param>
/// <param name="State">The field's state.</param>
/// <param name="Credit">The credit earned, 0 to 1.</param>
/// <param name="RiskInput">Whether risk detection reads the field, so that its absence hides risks.</param>
/// <param name="Note">The index in <see cref="Inspection.Notes"/> of the finding that explains a shortfall, or -1.</param>
internal readonly record struct Check(FollowUpStep Step, string Path, FieldState State, double Credit, bool RiskInput, int Note = -1);

/// <summary>One finding before its message is written.</summary>
/// <param name="Problem">What is wrong.</param>
/// <param name="Path">The field path.</param>
/// <param name="Key">The requirement key whose label and advice the message uses.</param>
/// <param name="Value">The value as received, if any.</param>
/// <param name="Detail">Extra text for the message: a stage, a signal code, a category.</param>
/// <param name="QuotesPhrase">
/// Whether <paramref name="Value"/> is a phrase the lexicon matched, one of a bounded set, so that the message quoting it can be
/// shared between records.
/// </param>
/// <param name="Invalid">For <see cref="Problem.InvalidValue"/>, the value read around, whose shapes the message names.</param>
/// <param name="Times">
/// For <see cref="Problem.LateRecord"/>, the latest contact and the record time; for <see cref="Problem.NextActionOverdue"/>,
/// now and the due time.
/// </param>
/// <param name="InLostDeal">For <see cref="Problem.RiskUnanswered"/>, whether the deal is lost, so that the message asks for a post-mortem.</param>
/// <param name="Unreadable">
/// For <see cref="Problem.RiskNotAssessable"/>, the inputs that hold a date that cannot be read, named apart from the missing
/// ones in <paramref name="Detail"/>.
/// </param>
/// <param name="StageWritten">For a stage in <paramref name="Detail"/>, the record's own word for it (交付实施 for Signed), which the message quotes.</param>
internal readonly record struct Note(
    Problem Problem, string Path, string Key, string? Value, string? Detail, bool QuotesPhrase = false, InvalidValue? Invalid = null,
    (DateTimeOffset First, DateTimeOffset Second)? Times = null, bool InLostDeal = false, string? Unreadable = null,
    string? StageWritten = null);

/// <summary>A phrase found in a field: a vague category or a risk-signal index, with its span in <see cref="Source"/>.</summary>
internal readonly record struct FieldHit(string Path, int Category, string Source, int Start, int End);

/// <summary>
/// Walks one record field by field, classifying each field once and reading each free-text field once for clarity,
/// vague phrases, risk phrases and change mentions. One instance per thread, reused: its lists keep their capacity.
/// </summary>
internal sealed partial class Inspection
{
    /// <summary>Stands in for the first entry of an empty log: immutable, so one instance serves every record.</summary>
    private static readonly Communication EmptyCommunication = new();

    [ThreadStatic]
    private static Inspection? t_cached;

    private FollowUpRuleSet _rules = null!;
    private int _negativeFeedback;
    private int _negativeLastFeedback;
    private FollowUpProfile _profile = null!;
    private TextScan _scan = null!;

    public List<Check> Checks { get; } = new(64);

    public List<Note> Notes { get; } = new(32);

    /// <summary>The message of each note once formatted, so a finding and the deduction it causes share one string.</summary>
    private readonly List<MessageText> _noteMessages = new(32);

    /// <summary>Where the record's InvalidValue notes lie in <see cref="Notes"/>.</summary>
    private (int From, int To) _invalidValueNotes;

    /// <summary>The first InvalidValue note of each path, built on first use when the record has many.</summary>
    private Dictionary<string, int>? _invalidValueNoteByPath;

    /// <summary>Gets the clarity of each free-text field with a value, whether the profile requires it, and whether it only acknowledges a gap.</summary>
    public List<(string Path, ClarityLevel Level, string Source, bool Required, bool Acknowledged)> Clarity { get; } = new(16);

    public List<FieldHit> Vague { get; } = new(16);

    /// <summary>
    /// How long <see cref="Clarity"/>, <see cref="Vague"/> or the record's InvalidValue notes may grow before a field is found
    /// in them through a dictionary rather than a scan.
    /// </summary>
    private const int MaxEntriesScanned = 32;

    // The first index of each path in Clarity and Vague, built on first use for a long record: grading looks up every
    // entry of a log, and a scan for each would take time quadratic in its length.
    private Dictionary<string, int>? _clarityByPath;
    private Dictionary<string, int>? _vagueByPath;

    /// <summary>The index in <see cref="Clarity"/> of the first entry for <paramref name="path"/>, or -1.</summary>
    public int ClarityIndexOf(string path) => IndexOf(Clarity, path, ref _clarityByPath, static entry => entry.Path);

    /// <summary>The index in <see cref="Vague"/> of the first phrase found in <paramref name="path"/>, or -1.</summary>
    public int FirstVagueIndexOf(string path) => IndexOf(Vague, path, ref _vagueByPath, static hit => hit.Path);

    private static int IndexOf<T>(List<T> entries, string path, ref Dictionary<string, int>? byPath, Func<T, string> pathOf)
    {
        if (entries.Count <= MaxEntriesScanned)
        {
            for (var i = 0; i < entries.Count; i++)
            {
                if (string.Equals(pathOf(entries[i]), path, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        if (byPath is null)
        {
            byPath = new Dictionary<string, int>(entries.Count, StringComparer.Ordinal);
            for (var i = 0; i < entries.Count; i++)
            {
                byPath.TryAdd(pathOf(entries[i]), i);
            }
        }

        return byPath.TryGetValue(path, out var index) ? index : -1;
    }

    /// <summary>Gets the paths of required free-text fields that are empty (not even a placeholder to read).</summary>
    public List<string> MissingTexts { get; } = new(8);

    public List<FieldHit> RiskHits { get; } = new(16);

    /// <summary>Gets the risk signals of the evaluation under way (copied into the result).</summary>
    public List<Risk.RiskSignal> Signals { get; } = new(16);

    /// <summary>Gets the deductions of the evaluation under way (copied into the result).</summary>
    public List<Grading.Deduction> Deductions { get; } = new(32);

    /// <summary>Gets the reminders of the evaluation under way (copied into the result).</summary>
    public List<Reminders.FollowUpReminder> Reminders { get; } = new(4);

    /// <summary>Gets the required fields risk detection reads that are missing, or hold a date that cannot be read.</summary>
    public List<string> UnassessableInputs { get; } = new(8);

    /// <summary>Gets those of <see cref="UnassessableInputs"/> that hold a date that cannot be read: written, not missing.</summary>
    public List<string> UnreadableInputs { get; } = new(4);

    /// <summary>
    /// Gets each noted risk with a countermeasure: the countermeasure's path, the signal its kind names (an index into the rule
    /// set's signal codes, or -1), and the range of <see cref="AnswerSignals"/> its text names; so that how clearly each risk
    /// was answered can be graded.
    /// </summary>
    public List<(string Countermeasure, int Kind, int From, int To)> Answers { get; } = new(4);

    /// <summary>
    /// Gets each noted risk whose countermeasure is missing or 待补充, as <see cref="Answers"/> holds those with one: such a
    /// risk answers nothing, but what it names tells whether its countermeasure leaves a detected risk unanswered.
    /// </summary>
    public List<(string Countermeasure, int Kind, int From, int To)> Unanswering { get; } = new(4);

    /// <summary>Gets the signal indices the text of each noted risk in <see cref="Answers"/> and <see cref="Unanswering"/> names, in order.</summary>
    public List<int> AnswerSignals { get; } = new(8);

    /// <summary>Whether noted risk <paramref name="answer"/> names signal <paramref name="code"/>: by its kind, or by what its text names.</summary>
    public bool Names(int answer, int code) => Names(Answers[answer], code);

    /// <summary>Whether a noted risk of <see cref="Answers"/> or <see cref="Unanswering"/> names signal <paramref name="code"/>.</summary>
    public bool Names((string Countermeasure, int Kind, int From, int To) note, int code)
    {
        var sibling = SiblingOf(code);
        return NamesCode(note, code) || (sibling >= 0 && NamesCode(note, sibling));
    }

    /// <summary>Gets whether the deal is lost (<see cref="DealStage.Lost"/>): its risk section is a post-mortem.</summary>
    public bool IsLost => Stage == DealStage.Lost;

    /// <summary>
    /// Whether a lost deal has a post-mortem: a noted risk (a kind or a description, not the note that no risk was found)
    /// with a countermeasure. It answers every signal detected, since it says why the deal was lost as a whole (友商报价低 7 万)
    /// and what was learnt, not one plan per signal of a deal that is over.
    /// </summary>
    public bool HasPostMortem => IsLost && _postMortems.Contains(true);

    /// <summary>
    /// Whether answer <paramref name="answer"/> of <see cref="Answers"/> is a lost deal's post-mortem. Its countermeasure is
    /// graded under risk handling, as answering each detected signal, whatever is detected: were it graded as text until a
    /// signal is found, detecting one would move its cost between parts, and a vague phrase could raise the score.
    /// </summary>
    public bool IsPostMortem(int answer) => IsLost && _postMortems[answer];

    /// <summary>Whether <paramref name="path"/> is the countermeasure of a lost deal's post-mortem (<see cref="IsPostMortem"/>).</summary>
    public bool IsPostMortemCountermeasure(string path)
    {
        for (var answer = 0; answer < Answers.Count; answer++)
        {
            if (IsPostMortem(answer) && string.Equals(Answers[answer].Countermeasure, path, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // For each of Answers, whether it is a noted risk, not the note that none was found: a post-mortem if the deal is lost.
    private readonly List<bool> _postMortems = new(4);

    /// <summary>
    /// The signal that is one risk with <paramref name="code"/>, or -1: the customer's dissatisfaction, whether the text says
    /// it (投诉) or the latest feedback is Dissatisfied. A note naming either names both.
    /// </summary>
    public int SiblingOf(int code) => code == _negativeFeedback ? _negativeLastFeedback : code == _negativeLastFeedback ? _negativeFeedback : -1;

    private bool NamesCode((string Countermeasure, int Kind, int From, int To) note, int code)
    {
        if (note.Kind == code)
        {
            return true;
        }

        for (var i = note.From; i < note.To; i++)
        {
            if (AnswerSignals[i] == code)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether a noted risk of kind <paramref name="code"/> (an index into the rule set's codes) answers it with a concrete
    /// countermeasure: a plan with its facts (12 月 11 日上午微信提醒一次), not 加强沟通 or 尽快跟进. By its kind only, not by
    /// what its text mentions: a competitor's risk that says the customer cannot be reached plans for the competitor.
    /// </summary>
    public bool IsAnsweredConcretely(int code)
    {
        for (var answer = 0; answer < Answers.Count; answer++)
        {
            if (Answers[answer].Kind == code && ClarityIndexOf(Answers[answer].Countermeasure) is >= 0 and var clarity
                && Clarity[clarity].Level == Language.ClarityLevel.Concrete)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether a noted risk with a countermeasure names signal <paramref name="code"/> (an index into the rule set's codes).</summary>
    public bool IsAnswered(int code)
    {
        for (var answer = 0; answer < Answers.Count; answer++)
        {
            if (Names(answer, code))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The unanswered signal codes, each with its first signal, its heaviest weight and its RiskUnanswered note (filled by RiskStage); reused.</summary>
    public List<(Risk.RiskSignal First, double Weight, int Note)> Unanswered { get; } = new(8);

    public FollowUpRecord Record { get; private set; } = null!;

    public DateTimeOffset Now { get; private set; }

    public bool ChangeMentioned { get; private set; }

    // Whether needs.changes holds a change; and, when the needs summary does not say the needs changed but a communication
    // does, that communication's summary and its check (-1 when the summary is not a required field).
    private bool _changesRecorded;
    private string? _changeMentionInLog;
    private int _changeMentionCheck;

    /// <summary>Gets the stage when it is recognised.</summary>
    public DealStage? Stage { get; private set; }

    /// <summary>Gets the stage as the record wrote it (交付实施, 已签收), which messages quote beside the stage's label.</summary>
    public string? StageWritten { get; private set; }

    /// <summary>
    /// Gets whether the stage is Signed and its text names work still open after signing (售后中, 退货中, 待发货, 实施中, a label of
    /// <see cref="RecordLabelOptions.OpenAfterSigning"/>), or its after-sales field (<c>custom.afterSales</c>, the key in any
    /// case) does (已签收 with 退货中 or 换货处理中：…; <see cref="RecordLabels.AfterSalesNamesOpenWork"/>). The stage stays Signed
    /// in every output; its next action is followed up as an open stage's is, in every profile: the record itself says the work
    /// is not done, whatever the profile assumes of a signed deal that says no more.
    /// </summary>
    public bool SignedWithOpenWork { get; private set; }

    /// <summary>Gets the resolved due date of the next action, when readable.</summary>
    public DateTimeOffset? NextActionDue { get; private set; }

    /// <summary>The custom field a shop's after-sales status is kept in (售后状态: 退货中, 无), which ECommerce requires.</summary>
    private const string AfterSalesField = "afterSales";

    /// <summary>Gets whether the due date gave a day without a time (2026-11-26): due by the end of that day.</summary>
    public bool NextActionDueIsDateOnly { get; private set; }

    /// <summary>Gets the last instant the next action is on time: the due time, or the last moment of a due day.</summary>
    public DateTimeOffset? NextActionDeadline =>
        NextActionDue is { } due && NextActionDueIsDateOnly ? new DateTimeOffset(due.Date.AddDays(1).AddTicks(-1), due.Offset) : NextActionDue;

    /// <summary>
    /// Gets how late the next action is at <see cref="Now"/> once past <see cref="NextActionDeadline"/>: from the due time, or
    /// from a due day's end (the next day's start), so a day's lateness is whole (5 days 12 hours, not a tick more).
    /// </summary>
    public TimeSpan NextActionLateness => NextActionDue is not { } due ? TimeSpan.Zero
        : Now - (NextActionDueIsDateOnly ? new DateTimeOffset(due.Date.AddDays(1), due.Offset) : due);

    /// <summary>Gets the state of the next action.</summary>
    public FieldState NextActionState { get; private set; }

    /// <summary>Gets the state of the next action's owner: the next-action owner, or else the record's owner.</summary>
    public FieldState OwnerState { get; private set; }

    /// <summary>How long after its latest communication a record is still written in time (SPEC §7: 24 hours).</summary>
    public static readonly TimeSpan OnTime = TimeSpan.FromHours(24);

    /// <summary>How much earlier than its latest communication a record may say it was written (a note typed as the call began).</summary>
    private static readonly TimeSpan RecordedEarlyTolerance = TimeSpan.FromHours(1);

    /// <summary>How far past now a record or contact time may be before it is a wrong date rather than a clock a little ahead.</summary>
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromHours(1);

    /// <summary>Gets the latest communication (see <see cref="Rules.LatestContact"/>): its index, -1 when there is none, and its time.</summary>
    public (int Index, DateTimeOffset? At) LatestContact { get; private set; }

    /// <summary>
    /// Gets why a record late beside its latest readable contact time is not known to be late: an entry whose time is
    /// missing or unreadable, which may be later. A finding too, unless that entry's time already has one.
    /// </summary>
    public Note? UnknownTimeliness { get; private set; }

    /// <summary>
    /// Gets the note on an empty communication log, or -1. The log's first entry is checked as if it were there and empty, so that
    /// adding an empty entry is no progress, but the fields of an entry that does not exist share the log's one note.
    /// </summary>
    public int AbsentEntryNote { get; private set; }

    /// <summary>Whether <paramref name="path"/> is a field of the absent first entry of an empty communication log.</summary>
    public bool IsInAbsentEntry(string path) =>
        AbsentEntryNote >= 0 && path.Length > FollowUpFields.Communications.Length && path.StartsWith(FollowUpFields.Communications, StringComparison.Ordinal);

    /// <summary>Gets whether the needs say they changed with no history of the change (a ChangeHistoryMissing note).</summary>
    public bool ChangeUnrecorded { get; private set; }

    /// <summary>Gets who owns the next step, trimmed: the next action's owner, else the record's owner, when filled.</summary>
    public string? Owner { get; private set; }

    /// <summary>Gets who the customer is: the company, else the contact's name, when filled.</summary>
    public string? Customer { get; private set; }

    /// <summary>Gets the risk-detection context of this inspection, ready for one evaluation.</summary>
    public Risk.RiskDetectionContext RiskContext(FollowUpRuleSet rules, FollowUpProfile profile) =>
        (_riskContext ??= new Risk.RiskDetectionContext(this)).For(rules, profile);

    private Risk.RiskDetectionContext? _riskContext;

    public static Inspection Rent()
    {
        var inspection = t_cached ?? new Inspection();
        t_cached = null;
        return inspection;
    }

    public static void Return(Inspection inspection)
    {
        inspection.Record = null!;
        // The lists of a record's texts let them go, and do not keep for the thread's next record the room a long one took.
        Release(inspection.Clarity);
        Release(inspection.Vague);
        Release(inspection.RiskHits);
        t_cached = inspection;
    }

    private static void Release<T>(List<T> list)
    {
        list.Clear();
        if (list.Capacity > MaxKeptCapacity)
        {
            list.Capacity = 16;
        }
    }

    /// <summary>The most entries a list of text hits keeps room for between records.</summary>
    private const int MaxKeptCapacity = 4096;

    /// <summary>The message of note <paramref name="index"/>, formatted on first use.</summary>
    public MessageText NoteMessage(int index, MessageCatalog messages)
    {
        while (_noteMessages.Count <= index)
        {
            _noteMessages.Add(default);
        }

        if (_noteMessages[index].IsNone)
        {
            _noteMessages[index] = FindingMessages.Format(messages, Notes[index], _rules.DefaultUtcOffset);
        }

        return _noteMessages[index];
    }

    /// <summary>The messages of this evaluation: the rule set's, or those of the culture it was asked for in.</summary>
    public MessageCatalog Messages { get; private set; } = null!;

    /// <summary>The culture <see cref="Messages"/> are in, for a team report over the evaluation to label in the same language.</summary>
    public System.Globalization.CultureInfo MessagesCulture { get; private set; } = null!;

    public void Run(
        FollowUpRecord record, FollowUpRuleSet rules, FollowUpProfile profile, DateTimeOffset now, bool unknownProfile, MessageCatalog messages,
        System.Globalization.CultureInfo messagesCulture)
    {
        // Every stage after this one, custom detectors included, reads the dates as the rules read them.
        record = rules.Labels.Read(DateReading.InOrder(record, rules.DateOrder));
        Record = record;
        _rules = rules;
        _negativeFeedback = IndexOfCode(rules.SignalCodes, Risk.RiskSignalCodes.NegativeFeedback);
        _negativeLastFeedback = IndexOfCode(rules.SignalCodes, Risk.RiskSignalCodes.NegativeLastFeedback);
        _profile = profile;
        Messages = messages;
        MessagesCulture = messagesCulture;
        Now = now;
        Checks.Clear();
        Notes.Clear();
        _invalidValueNotes = default;
        _invalidValueNoteByPath = null;
        _noteMessages.Clear();
        Clarity.Clear();
        Vague.Clear();
        _clarityByPath = null;
        _vagueByPath = null;
        MissingTexts.Clear();
        RiskHits.Clear();
        Answers.Clear();
        _postMortems.Clear();
        Unanswering.Clear();
        AnswerSignals.Clear();
        ChangeMentioned = false;
        _changeMentionInLog = null;
        _changeMentionCheck = -1;
        Stage = null;
        StageWritten = null;
        SignedWithOpenWork = false;
        NextActionDue = null;
        NextActionDueIsDateOnly = false;
        Owner = null;
        Customer = null;
        ChangeUnrecorded = false;
        AbsentEntryNote = -1;
        _scan = TextScan.Rent();
        try
        {
            if (unknownProfile)
            {
                Notes.Add(new Note(Problem.UnknownProfile, "scenario", "scenario", record.Scenario, profile.Name));
            }

            // Indexed: a foreach over the interface may allocate an enumerator, and this runs for every record.
            _invalidValueNotes = (Notes.Count, Notes.Count + record.InvalidValues.Count);
            for (var i = 0; i < record.InvalidValues.Count; i++)
            {
                // The value itself is read as absent below.
                var invalid = record.InvalidValues[i];
                Notes.Add(new Note(Problem.InvalidValue, invalid.Path, FieldPaths.KeyOf(invalid.Path), invalid.Json, Detail: null, Invalid: invalid));
            }

            // The record time only feeds timeliness, but text that is not a time is reported on its field like any other.
            if (record.RecordedAt.IsInvalid && ClassifyOnly(record.RecordedAt.Text) == FieldState.Filled)
            {
                Notes.Add(new Note(Problem.InvalidDate, "recordedAt", "recordedAt", record.RecordedAt.Text, FindingMessages.InvalidDateDetail(record.RecordedAt)));
            }

            InspectCustomer(record.Customer);
            InspectNeeds(record.Needs);
            InspectCommunications(record.Communications);
            LatestContact = Rules.LatestContact.Of(record, _rules.DefaultUtcOffset);
            // A record time that is a day alone (2026-11-25) means some time that day: only a day before the contact is early.
            if (record.RecordedAt.Resolve(_rules.DefaultUtcOffset) is { } recorded
                && LatestContact.At - (record.RecordedAt.IsDateOnly ? recorded.AddDays(1) : recorded) > RecordedEarlyTolerance)
            {
                // A record follows its communication: one written hours before it says a date or a time zone is wrong.
                Notes.Add(new Note(Problem.RecordedBeforeContact, "recordedAt", "recordedAt", record.RecordedAt.Text, FieldPaths.CommunicationAt[LatestContact.Index]));
            }

            if (IsInFuture(record.RecordedAt))
            {
                Notes.Add(new Note(Problem.DateInFuture, "recordedAt", "recordedAt", record.RecordedAt.ToString(), null));
            }

            // A profile that gives timeliness no points has turned it off: its findings go with its deductions.
            if (_profile.ScoreWeight(Grading.GradeComponent.Timeliness) > 0)
            {
                NoteTimeliness(record);
            }

            InspectProgress(record.Progress, record.Owner);
            InspectAttachments(record.Attachments);
            InspectRisks(record.Risks);
            InspectCustom(record.Custom);
        }
        finally
        {
            TextScan.Return(_scan);
            _scan = null!;
        }
    }

    /// <summary>
    /// Whether the stage is open: not Signed or Lost (unknown stages count as open, the stricter reading), or Signed with work
    /// still open (<see cref="SignedWithOpenWork"/>). Its next action and due date are required, and checked for being past.
    /// </summary>
    public bool IsOpenStage => Stage is not (DealStage.Signed or DealStage.Lost) || SignedWithOpenWork;

    /// <summary>
    /// Whether a past due date of the next action is reported (NextActionDueInPast, NextActionOverdue): at an open stage, and at
    /// a signed one whose next action is written (上线培训, 续约会议, an after-sales case), in every profile: the action written
    /// is work promised for a date, whether or not the profile follows signed deals up
    /// (<see cref="FollowUpProfile.FollowUpAfterSigning"/>). Nothing is required of a signed deal with no next action.
    /// </summary>
    public bool ChecksNextActionDue =>
        IsOpenStage || (Stage == DealStage.Signed && NextActionState == FieldState.Filled);

    /// <summary>
    /// Whether a time that has happened by its nature (a record, a contact) lies more than <see cref="FutureTolerance"/> past now:
    /// a wrong date or time zone. A day alone counts from its start, so today's date is never in the future.
    /// </summary>
    public bool IsInFuture(Timestamp time) => time.Resolve(_rules.DefaultUtcOffset) is { } resolved && resolved - Now > FutureTolerance;

    private void InspectCustomer(Customer? customer)
    {
        var company = Text(FollowUpFields.CustomerCompany, customer?.Company);
        Text(FollowUpFields.CustomerIndustry, customer?.Industry);
        Text(FollowUpFields.CustomerCompanySize, customer?.CompanySize);
        var name = Text(FollowUpFields.CustomerName, customer?.Name);
        Customer = company == FieldState.Filled ? customer!.Company : name == FieldState.Filled ? customer!.Name : null;
        Text(FollowUpFields.CustomerContactTitle, customer?.ContactTitle);
        Choice(FollowUpFields.CustomerDecisionRole, FollowUpFields.CustomerDecisionRole, customer?.DecisionRole ?? default, DecisionRole.Unknown, RequiredBit(FollowUpFields.CustomerDecisionRole));
        Text(FollowUpFields.CustomerSource, customer?.Source);
        Text(FollowUpFields.CustomerLevel, customer?.Level);
        var phone = Text(FollowUpFields.CustomerPhone, customer?.Phone);
        var email = Text(FollowUpFields.CustomerEmail, customer?.Email);
        var weChat = Text(FollowUpFields.CustomerWeChat, customer?.WeChat);
        var whatsApp = Text(FollowUpFields.CustomerWhatsApp, customer?.WhatsApp);
        var line = Text(FollowUpFields.CustomerLine, customer?.Line);
        if (RequiredBit(FollowUpFields.CustomerContactMethod))
        {
            var best = Best(Best(Best(phone, email), Best(weChat, whatsApp)), line);
            AddCheck(FollowUpStep.BasicInfo, FollowUpFields.CustomerPhone, FollowUpFields.CustomerContactMethod, best, null);
        }
    }

    private void InspectNeeds(CustomerNeeds? needs)
    {
        var summaryRequired = RequiredBit(FollowUpFields.NeedsSummary);
        var summary = Classify(needs?.Summary, FollowUpFields.NeedsSummary, TextUse.Clarity | TextUse.Risk | TextUse.ChangeMention | TextUse.ProblemToSolve,
            summaryRequired, out var summaryCredit);
        _changesRecorded = HasChangeHistory(needs?.Changes);
        var changeUnrecorded = RequiredBit(FollowUpFields.NeedsChanges) && ChangeMentioned && !_changesRecorded;
        ChangeUnrecorded = changeUnrecorded;
        var changeNote = -1;
        if (changeUnrecorded)
        {
            changeNote = Notes.Count;
            Notes.Add(new Note(Problem.ChangeHistoryMissing, FollowUpFields.NeedsChanges, FollowUpFields.NeedsChanges, null, null));
        }

        if (summaryRequired)
        {
            // A summary that says the needs changed, with no history of the change, is only half complete.
            AddCheck(FollowUpStep.Needs, FollowUpFields.NeedsSummary, FollowUpFields.NeedsSummary, summary, needs?.Summary, riskInput: true,
                creditFactor: summaryCredit * (changeUnrecorded ? 0.5 : 1), linkedNote: summary == FieldState.Filled ? changeNote : -1);
        }

        Text(FollowUpFields.NeedsQuantity, needs?.Quantity);

        // The budget is where 没有预算 and 预算不足 are written, so risk detection reads it for that risk alone, and its
        // absence hides that risk (and no other: a missing budget costs no more than an unanswered budget constraint).
        var budgetRequired = RequiredBit(FollowUpFields.NeedsBudget);
        var hitsBefore = RiskHits.Count;
        var budget = Classify(needs?.Budget, FollowUpFields.NeedsBudget, TextUse.Risk, budgetRequired);
        var budgetConstraint = Array.IndexOf(_rules.SignalCodes, Risk.RiskSignalCodes.BudgetConstraint);
        for (var i = RiskHits.Count - 1; i >= hitsBefore; i--)
        {
            if (RiskHits[i].Category != budgetConstraint)
            {
                RiskHits.RemoveAt(i);
            }
        }

        if (budgetRequired)
        {
            // A profile that does not weigh a budget constraint never raises it, from this budget or any other: then the budget
            // hides no risk, and its absence is a missing field only.
            AddCheck(FollowUpStep.Needs, FollowUpFields.NeedsBudget, FollowUpFields.NeedsBudget, budget, needs?.Budget,
                riskInput: _profile.SignalWeight(Risk.RiskSignalCodes.BudgetConstraint) > 0);
        }

        var points = FieldState.Missing;
        // A pain point is the customer's own problem, the one the deal is to solve (学员投诉多, 日报延迟一天): not a risk to the
        // deal, so it is not read for risk signals. A concern (担心价格) is one.
        points = Best(points, Items(needs?.PainPoints, FieldPaths.PainPoint, TextUse.None));
        points = Best(points, Items(needs?.Concerns, FieldPaths.Concern, TextUse.Risk));
        if (RequiredBit(FollowUpFields.NeedsPainPoints))
        {
            AddCheck(FollowUpStep.Needs, FollowUpFields.NeedsPainPoints, FollowUpFields.NeedsPainPoints, points, null, riskInput: true);
        }

        if (needs?.Changes is { } changes)
        {
            for (var i = 0; i < changes.Count; i++)
            {
                Date(FieldPaths.ChangeAt[i], FieldPaths.ChangeAt.Key, FollowUpStep.Needs, changes[i]?.At ?? default, required: false);
            }
        }
    }

    private FieldState Items(IReadOnlyList<string>? items, IndexedPath path, TextUse use)
    {
        var best = FieldState.Missing;
        if (items is null)
        {
            return best;
        }

        for (var i = 0; i < items.Count; i++)
        {
            best = Best(best, Classify(items[i], path[i], use, required: false));
        }

        return best;
    }

    private void InspectCommunications(IReadOnlyList<Communication>? communications)
    {
        // A null entry, or one of the wrong shape (read as null, with its InvalidValue note), is an absent entry: no entry of the
        // log, with no fields to check. The others keep their index.
        var first = Rules.LatestContact.FirstEntry(communications);
        if (RequiredBit(FollowUpFields.Communications))
        {
            AddCheck(FollowUpStep.Communications, FollowUpFields.Communications, FollowUpFields.Communications,
                first >= 0 ? FieldState.Filled : FieldState.Missing, null, riskInput: true);
        }

        for (var i = 0; i < (communications?.Count ?? 0); i++)
        {
            if (communications![i] is { } entry)
            {
                InspectCommunication(i, entry);
            }
        }

        // An empty log is missing every field of its first entry: adding an empty entry must not look like progress.
        if (first < 0 && RequiredBit(FollowUpFields.Communications))
        {
            AbsentEntryNote = Checks[^1].Note;
            InspectCommunication(0, EmptyCommunication);
        }

        // The needs changed as a conversation reported (客户需求变更：数量从100套增至200套), with no history of the change: as
        // for the needs summary, the summary that says so is only half complete, so that writing it never costs more than
        // leaving it empty.
        if (_changeMentionInLog is { } mention && !_changesRecorded && RequiredBit(FollowUpFields.NeedsChanges))
        {
            ChangeUnrecorded = true;
            var note = Notes.Count;
            Notes.Add(new Note(Problem.ChangeHistoryMissing, FollowUpFields.NeedsChanges, FollowUpFields.NeedsChanges, null, mention));
            if (_changeMentionCheck >= 0 && Checks[_changeMentionCheck] is { State: FieldState.Filled, Note: < 0 } check)
            {
                Checks[_changeMentionCheck] = check with { Credit = check.Credit * 0.5, Note = note };
            }
        }
    }

    private void InspectCommunication(int i, Communication entry)
    {
        var step = FollowUpStep.Communications;
        Date(FieldPaths.CommunicationAt[i], FieldPaths.CommunicationAt.Key, step, entry.At, RequiredBit(FollowUpFields.CommunicationAt), riskInput: true);
        if (IsInFuture(entry.At))
        {
            Notes.Add(new Note(Problem.DateInFuture, FieldPaths.CommunicationAt[i], FieldPaths.CommunicationAt.Key, entry.At.ToString(), null));
        }

        Choice(FieldPaths.CommunicationChannel[i], FieldPaths.CommunicationChannel.Key, entry.Channel, null, RequiredBit(FollowUpFields.CommunicationChannel));
        // A contact's name can reveal only a single thread when filled in, so it hides nothing where that signal weighs nothing.
        IndexedText(FieldPaths.CommunicationContact, i, entry.Contact, TextUse.None,
            riskInput: _rules.HasCustomDetectors || _profile.SignalWeight(Risk.RiskSignalCodes.SingleThreaded) > 0);
        IndexedText(FieldPaths.CommunicationContactTitle, i, entry.ContactTitle, TextUse.None);
        // A missing role can only clear NoDecisionMaker when filled, never raise a signal, as for customer.decisionRole: it
        // hides nothing from the built-in detectors, only from custom ones, which may read it.
        Choice(FieldPaths.CommunicationContactRole[i], FieldPaths.CommunicationContactRole.Key, entry.ContactRole, DecisionRole.Unknown,
            RequiredBit(FollowUpFields.CommunicationContactRole), riskInput: _rules.HasCustomDetectors);
        var mentionedBefore = ChangeMentioned;
        var summaryCheck = Checks.Count;
        IndexedText(FieldPaths.CommunicationSummary, i, entry.Summary, TextUse.Clarity | TextUse.Risk | TextUse.ChangeMention, riskInput: true);
        if (!mentionedBefore && ChangeMentioned)
        {
            _changeMentionInLog = FieldPaths.CommunicationSummary[i];
            _changeMentionCheck = Checks.Count > summaryCheck ? summaryCheck : -1;
        }

        Choice(FieldPaths.CommunicationFeedback[i], FieldPaths.CommunicationFeedback.Key, entry.Feedback, CustomerFeedback.Unknown,
            RequiredBit(FollowUpFields.CommunicationFeedback), riskInput: true);
        if (entry.Feedback is { IsKnown: false, IsEmpty: false } words)
        {
            // A CRM's 客户反馈 column often holds words rather than one of the feedback values (客户觉得价格太高，要再考虑):
            // what they say is communication text, read for risk signals like the summary.
            Classify(words.Text, FieldPaths.CommunicationFeedback[i], TextUse.Risk, required: false);
        }
        // An objection (价格偏高) and a risk's description (友商已报价) state one thing and may be short; a summary may not.
        IndexedText(FieldPaths.CommunicationObjections, i, entry.Objections, TextUse.Clarity | TextUse.Risk | TextUse.Value);
    }

    /// <summary>
    /// What timeliness charges, as findings too, so a validator sees it: a record time or, failing that, a contact time that
    /// cannot be told (unless its field already has a finding), or a record written more than <see cref="OnTime"/> after its
    /// latest contact.
    /// </summary>
    private void NoteTimeliness(FollowUpRecord record)
    {
        UnknownTimeliness = null;
        var recorded = record.RecordedAt.Resolve(_rules.DefaultUtcOffset);
        if (recorded is null)
        {
            if (FirstNoteOn("recordedAt") < 0)
            {
                Notes.Add(new Note(Problem.RecordTimeMissing, "recordedAt", "recordedAt", record.RecordedAt.Text, null));
            }
        }
        else if (LatestContact.At is not { } latest)
        {
            var field = Rules.LatestContact.FirstEntry(record.Communications) is >= 0 and var first ? FieldPaths.CommunicationAt[first] : FollowUpFields.Communications;
            if (FirstNoteOn(field) < 0)
            {
                Notes.Add(new Note(Problem.ContactTimeMissing, field, FieldPaths.KeyOf(field), null, null));
            }
        }
        else if (recorded.Value - latest > OnTime && !IsInFuture(record.RecordedAt))
        {
            // Late beside the latest readable time; an entry whose time cannot be read may be later, so then it is not known.
            var unreadable = Rules.LatestContact.LastWithoutTime(record);
            if (unreadable < 0)
            {
                Notes.Add(new Note(Problem.LateRecord, "recordedAt", "recordedAt", record.RecordedAt.ToString(), null, Times: (latest, recorded.Value)));
                return;
            }

            // Text that is not a date is quoted as unreadable; a placeholder (-) or an acknowledgement (待补充) is a time not given.
            var field = FieldPaths.CommunicationAt[unreadable];
            var text = record.Communications![unreadable].At.Text;
            UnknownTimeliness = new Note(Problem.LateRecordUnknown, field, FieldPaths.KeyOf(field), ClassifyOnly(text) == FieldState.Filled ? text : null, null,
                Times: (latest, recorded.Value));
            if (FirstNoteOn(field) < 0)
            {
                Notes.Add(UnknownTimeliness.Value);
            }
        }
    }

    /// <summary>The index of the first note on <paramref name="path"/>, or -1.</summary>
    public int FirstNoteOn(string path)
    {
        for (var i = 0; i < Notes.Count; i++)
        {
            if (Notes[i].Path == path)
            {
                return i;
            }
        }

        return -1;
    }

    private void InspectProgress(DealProgress? progress, string? recordOwner)
    {
        var step = FollowUpStep.Progress;
        var stage = progress?.Stage ?? default;
        Stage = stage.Value;
        StageWritten = stage.Text;
        SignedWithOpenWork = Stage == DealStage.Signed
            && ((stage.Text is { } stageText && _rules.Labels.NamesOpenWorkAfterSigning(stageText))
                || (CustomValue(Record.Custom, AfterSalesField) is { } afterSales && _rules.Labels.AfterSalesNamesOpenWork(afterSales)));
        Choice(FollowUpFields.ProgressStage, FollowUpFields.ProgressStage, stage, null, RequiredBit(FollowUpFields.ProgressStage), riskInput: true);
        Date(FollowUpFields.ProgressStageSince, FollowUpFields.ProgressStageSince, step, progress?.StageSince ?? default,
            RequiredBit(FollowUpFields.ProgressStageSince));

        var open = IsOpenStage;
        var nextActionRequired = open && RequiredBit(FollowUpFields.ProgressNextAction);
        var nextAction = Classify(progress?.NextAction, FollowUpFields.ProgressNextAction, TextUse.Clarity | TextUse.Risk, nextActionRequired, out var nextActionCredit);
        NextActionState = nextAction;
        if (nextActionRequired)
        {
            AddCheck(step, FollowUpFields.ProgressNextAction, FollowUpFields.ProgressNextAction, nextAction, progress?.NextAction, riskInput: true,
                creditFactor: nextActionCredit);
        }

        var dueRequired = open && RequiredBit(FollowUpFields.ProgressNextActionDue);
        var checksDue = ChecksNextActionDue;
        var (dueState, due) = Date(FollowUpFields.ProgressNextActionDue, FollowUpFields.ProgressNextActionDue, step,
            progress?.NextActionDue ?? default, dueRequired, reportDueInPast: checksDue);
        NextActionDue = dueState == FieldState.Filled ? due : null;
        NextActionDueIsDateOnly = progress?.NextActionDue.IsDateOnly ?? false;

        // Due earlier today and not done: overdue, though not due "before today" as NextActionDueInPast says.
        if (checksDue && NextActionDeadline is { } deadline && deadline < Now && FirstNoteOn(FollowUpFields.ProgressNextActionDue) < 0
            && _profile.ScoreWeight(Grading.GradeComponent.Actionability) > 0)
        {
            Notes.Add(new Note(Problem.NextActionOverdue, FollowUpFields.ProgressNextActionDue, FollowUpFields.ProgressNextActionDue,
                progress!.NextActionDue.ToString(), null, Times: (Now, NextActionDue!.Value)));
        }

        // A closed deal (Signed, Lost) needs no next step: both checks are met rather than dropped, so that naming the stage
        // of a record never lowers its step by taking away the credit a filled next action had earned.
        if (!open)
        {
            ExemptCheck(step, FollowUpFields.ProgressNextAction);
            ExemptCheck(step, FollowUpFields.ProgressNextActionDue);
        }

        var actionOwner = ClassifyOnly(progress?.NextActionOwner);
        var ownerOfRecord = ClassifyOnly(recordOwner);
        var owner = Best(actionOwner, ownerOfRecord);
        OwnerState = owner;
        Owner = actionOwner == FieldState.Filled ? progress!.NextActionOwner!.Trim() : ownerOfRecord == FieldState.Filled ? recordOwner!.Trim() : null;
        if (RequiredBit(FollowUpFields.ProgressNextActionOwner))
        {
            AddCheck(step, FollowUpFields.ProgressNextActionOwner, FollowUpFields.ProgressNextActionOwner, owner, progress?.NextActionOwner ?? recordOwner);
        }
    }

    private static int IndexOfCode(string[] codes, string kind)
    {
        for (var i = 0; i < codes.Length; i++)
        {
            if (string.Equals(codes[i], kind, StringComparison.OrdinalIgnoreCase))
            {
                return i;
            }
        }

        return -1;
    }

    private void ExemptCheck(FollowUpStep step, string key)
    {
        if (RequiredBit(key))
        {
            Checks.Add(new Check(step, key, FieldState.Filled, 1, RiskInput: false));
        }
    }

    private void InspectAttachments(IReadOnlyList<Attachment>? attachments)
    {
        var hasProposal = false;
        var hasContract = false;
        var hasAny = false;
        for (var i = 0; i < (attachments?.Count ?? 0); i++)
        {
            var entry = attachments![i];
            if (entry is null)
            {
                continue;
            }

            var kind = Choice(FieldPaths.AttachmentKind[i], FieldPaths.AttachmentKind.Key, entry.Kind, null, required: false);
            hasAny |= kind == FieldState.Filled || !string.IsNullOrWhiteSpace(entry.Name) || !string.IsNullOrWhiteSpace(entry.Uri);
            hasProposal |= entry.Kind.Value is AttachmentKind.Proposal or AttachmentKind.Quote;
            hasContract |= entry.Kind.Value is AttachmentKind.Contract;
        }

        if (!RequiredBit(FollowUpFields.Attachments))
        {
            return;
        }

        if (Stage is not { } stage)
        {
            AddCheck(FollowUpStep.AttachmentsAndRisks, FollowUpFields.Attachments, FollowUpFields.Attachments, FieldState.Missing, null, note: Problem.AttachmentStageUnknown);
            return;
        }

        var needsProposal = stage is DealStage.ProposalSent or DealStage.AwaitingFeedback or DealStage.Negotiation or DealStage.Signed;
        var needsContract = stage is DealStage.Signed;
        var needsAny = _profile.AttachmentsAtEveryStage;
        var needed = (needsProposal ? 1 : 0) + (needsContract ? 1 : 0) + (needsAny ? 1 : 0);
        var met = (needsProposal && hasProposal ? 1 : 0) + (needsContract && hasContract ? 1 : 0) + (needsAny && hasAny ? 1 : 0);
        var state = met == needed ? FieldState.Filled : FieldState.Missing;
        Checks.Add(new Check(FollowUpStep.AttachmentsAndRisks, FollowUpFields.Attachments, state, needed == 0 ? 1 : (double)met / needed, false,
            state == FieldState.Filled ? -1 : Notes.Count));
        if (needsProposal && !hasProposal)
        {
            Notes.Add(new Note(Problem.AttachmentProposal, FollowUpFields.Attachments, FollowUpFields.Attachments, null, EnumLabels<DealStage>.NameOf(stage),
                StageWritten: StageWritten));
        }

        if (needsContract && !hasContract)
        {
            Notes.Add(new Note(Problem.AttachmentContract, FollowUpFields.Attachments, FollowUpFields.Attachments, null, EnumLabels<DealStage>.NameOf(stage)));
        }

        if (needsAny && !hasAny)
        {
            Notes.Add(new Note(Problem.AttachmentAny, FollowUpFields.Attachments, FollowUpFields.Attachments, null, EnumLabels<DealStage>.NameOf(stage)));
        }
    }

    private void InspectRisks(IReadOnlyList<RiskNote>? risks)
    {
        var count = risks?.Count ?? 0;
        var noted = false;
        var countermeasureRequired = RequiredBit(FollowUpFields.RisksCountermeasure);
        for (var i = 0; i < count; i++)
        {
            // A null entry, or one of the wrong shape, is an absent entry, as in the log: no risk noted, no countermeasure asked for.
            if (risks![i] is not { } entry)
            {
                continue;
            }

            // 暂无明显风险 says the risks were weighed and none found: it notes the risks, and has nothing to counter.
            var noneUse = NoneUse(FieldPaths.RiskDescription.Key);
            var noRisk = ClassifyOnly(entry.Kind) == FieldState.Missing
                && (SaysNoRisk(entry.Description) || (noneUse != TextUse.None && SaysNone(entry.Description)));
            var countermeasure = Classify(entry.Countermeasure, FieldPaths.RiskCountermeasure[i], TextUse.Clarity, countermeasureRequired && !noRisk);
            var signalsFrom = AnswerSignals.Count;
            var description = Classify(entry.Description, FieldPaths.RiskDescription[i],
                TextUse.Clarity | TextUse.Value | TextUse.RiskAnswer | TextUse.Possibility | noneUse, required: false);
            var kind = string.IsNullOrWhiteSpace(entry.Kind) ? null : MessageCatalog.SignalCodeOf(entry.Kind.Trim());
            if (kind is not null)
            {
                Classify(entry.Kind, FieldPaths.RiskKind[i], TextUse.RiskAnswer, required: false);
            }

            // Only a risk with a countermeasure answers what it names; one without still says which risk it leaves unanswered.
            (countermeasure == FieldState.Filled ? Answers : Unanswering)
                .Add((FieldPaths.RiskCountermeasure[i], kind is null ? -1 : IndexOfCode(_rules.SignalCodes, kind), signalsFrom, AnswerSignals.Count));

            var isNoted = description != FieldState.Missing || !string.IsNullOrWhiteSpace(entry.Kind);
            if (countermeasure == FieldState.Filled)
            {
                _postMortems.Add(isNoted && !noRisk);
            }

            noted |= isNoted;
            // A countermeasure's clarity is graded once, by clarity or by risk handling (Grader), not also here: a vague answer must
            // not pull its step below what it was before the answer. A note saying no risk was found asks for no countermeasure:
            // whatever it holds, it is no check of the step.
            if (countermeasureRequired && !noRisk)
            {
                AddCheck(FollowUpStep.AttachmentsAndRisks, FieldPaths.RiskCountermeasure[i], FieldPaths.RiskCountermeasure.Key, countermeasure,
                    entry.Countermeasure, note: countermeasure == FieldState.Missing ? Problem.CountermeasureMissing : null, detail: entry.Kind ?? entry.Description);
            }
        }

        if (RequiredBit(FollowUpFields.Risks))
        {
            // A lost deal's risk points are its post-mortem, which the message asks for (detail: the stage).
            AddCheck(FollowUpStep.AttachmentsAndRisks, FollowUpFields.Risks, FollowUpFields.Risks, noted ? FieldState.Filled : FieldState.Missing, null,
                note: noted ? null : Problem.RiskPointsMissing, detail: IsLost ? nameof(DealStage.Lost) : null);
        }
    }

    /// <summary>
    /// Whether a risk's description says, and says only, that no risk was found: 暂无明显风险, 目前没有风险, 未发现明显风险,
    /// "No obvious risks." (Traditional, full width, spaces and punctuation aside).
    /// </summary>
    private static bool SaysNoRisk(string? description)
    {
        if (description is null || description.Length > 64)
        {
            return false;
        }

        Span<char> content = stackalloc char[description.Length];
        var text = content[..FoldContent(description, content)];
        foreach (var prefix in NoRiskPrefixes)
        {
            if (text.StartsWith(prefix, StringComparison.Ordinal))
            {
                text = text[prefix.Length..];
                break;
            }
        }

        return NoRiskStatements.GetAlternateLookup<ReadOnlySpan<char>>().Contains(text);
    }

    /// <summary>Words that may open a no-risk statement (目前暂无风险, 经评估无明显风险), folded.</summary>
    private static readonly string[] NoRiskPrefixes = ["经评估", "评估后", "目前", "当前", "现阶段", "sofar", "currently"];

    /// <summary>Statements that no risk was found, folded, their letters and digits only.</summary>
    private static readonly FrozenSet<string> NoRiskStatements = FrozenSet.Create(
        StringComparer.Ordinal,
        "暂无明显风险", "暂无风险", "暂无重大风险", "暂无其他风险", "暂无已知风险", "无明显风险", "无风险", "无重大风险", "没有风险",
        "没有明显风险", "暂时没有风险", "暂未发现风险", "暂未发现明显风险", "未发现风险", "未发现明显风险",
        "norisk", "norisks", "noobviousrisk", "noobviousrisks", "noknownrisk", "noknownrisks", "nomajorrisk", "nomajorrisks",
        "norisksidentified", "noriskidentified", "norisksfound", "noriskfound");

    private bool IsRequiredCustom(string name)
    {
        foreach (var field in _profile.CustomFields)
        {
            if (string.Equals(field.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// A custom field's value by its name in any case, as every other field name is read (OrderStatus for orderStatus): the
    /// name as the profile spells it first, then, while that gives no text, any other spelling a dictionary built in code may hold.
    /// </summary>
    private static string? CustomValue(IReadOnlyDictionary<string, string?>? custom, string name)
    {
        if (custom is null)
        {
            return null;
        }

        if (custom.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value))
        {
            return value;
        }

        foreach (var (key, other) in custom)
        {
            if (!string.IsNullOrWhiteSpace(other) && string.Equals(key, name, StringComparison.OrdinalIgnoreCase))
            {
                return other;
            }
        }

        return value;
    }

    private void InspectCustom(IReadOnlyDictionary<string, string?>? custom)
    {
        foreach (var field in _profile.CustomFields)
        {
            var value = CustomValue(custom, field.Name);
            var state = Classify(value, field.Key, CustomUse(field.Name, field.Key), required: true, out var credit);
            AddCheck(field.Step, field.Key, field.Key, state, value, creditFactor: credit);
        }

        if (custom is null)
        {
            return;
        }

        foreach (var (name, value) in custom)
        {
            if (!IsRequiredCustom(name))
            {
                var key = FollowUpFields.CustomPrefix + name;
                Classify(value, key, CustomUse(name, key), required: false);
            }
        }
    }

    private TextUse CustomUse(string name, string key) =>
        TextUse.Clarity | TextUse.Value | (NumberFields.HoldsNumber(name) ? TextUse.Number : TextUse.None) | NoneUse(key);

    private TextUse NoneUse(string key) => _profile.NoneIsAnswer(key) ? TextUse.NoneIsAnswer : TextUse.None;

    /// <summary>Whether a value says only that there is none (无, 没有, 暂无, 否, none, n/a), punctuation, spaces and case aside.</summary>
    internal static bool SaysNone(string? value)
    {
        if (value is null || value.Length > 16)
        {
            return false;
        }

        Span<char> content = stackalloc char[value.Length];
        return NoneAnswers.Contains(content[..FoldContent(value, content)]);
    }

    /// <summary>Writes the content characters of <paramref name="value"/>, folded, into <paramref name="content"/>; returns how many.</summary>
    private static int FoldContent(string value, Span<char> content)
    {
        var length = 0;
        foreach (var c in value)
        {
            var folded = TextFolding.Fold(c);
            if (TextFolding.IsContent(folded))
            {
                content[length++] = folded;
            }
        }

        return length;
    }

    /// <summary>The values that say there is none, folded (Traditional to Simplified, lower case, content only).</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NoneAnswers = FrozenSet.Create(
        StringComparer.Ordinal, "无", "没有", "暂无", "没", "否", "暂时没有", "目前没有", "冇", "none", "no", "nil", "na", "nothing")
        .GetAlternateLookup<ReadOnlySpan<char>>();
}
