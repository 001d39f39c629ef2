using FollowUp.Rules.Completeness;
using FollowUp.Rules.Language;

namespace FollowUp.Rules;

/// <summary>How each kind of field is classified, and how checks and notes are recorded.</summary>
internal sealed partial class Inspection
{
    private bool RequiredBit(string key) => _profile.Requires(RequirementCatalog.Bit(key));

    private static FollowUpStep StepOf(string key) => RequirementCatalog.Keys[RequirementCatalog.Bit(key)].Step;

    private static FieldState Best(FieldState a, FieldState b) => a > b ? a : b;

    private FieldState Text(string key, string? value)
    {
        var required = RequiredBit(key);
        var state = ClassifyOnly(value);
        if (required)
        {
            AddCheck(StepOf(key), key, key, state, value);
        }

        return state;
    }

    private void IndexedText(IndexedPath path, int index, string? value, TextUse use, bool riskInput = false)
    {
        var required = RequiredBit(path.Key);
        var state = Classify(value, path[index], use | NoneUse(path.Key), required, out var credit);
        if (required)
        {
            AddCheck(StepOf(path.Key), path[index], path.Key, state, value, riskInput, creditFactor: credit);
        }
    }

    /// <summary>The state of a short value that is not read for language: missing, acknowledged or filled.</summary>
    public FieldState StateOf(string? value) => ClassifyOnly(value);

    private FieldState ClassifyOnly(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || _rules.IsPlaceholder(value))
        {
            return FieldState.Missing;
        }

        var (hasContent, acknowledged) = _profile.Analyzer.Classify(value);
        return !hasContent ? FieldState.Missing : acknowledged ? FieldState.Acknowledged : FieldState.Filled;
    }

    private FieldState Classify(string? value, string path, TextUse use, bool required) => Classify(value, path, use, required, out _);

    /// <summary>
    /// Classifies a free-text field and records what the analyses it take part in found. A text with no business content
    /// counts as missing, and a vague one earns only the acknowledged credit (<paramref name="credit"/>): a status word is
    /// no more a filled field than 待补充 is.
    /// </summary>
    private FieldState Classify(string? value, string path, TextUse use, bool required, out double credit)
    {
        credit = 1;
        if (string.IsNullOrWhiteSpace(value))
        {
            if (required && (use & TextUse.Clarity) != 0)
            {
                MissingTexts.Add(path);
            }

            return FieldState.Missing;
        }

        // 无 where there may honestly be none (no objection, no after-sales case) answers the field in full.
        if ((use & TextUse.NoneIsAnswer) != 0 && SaysNone(value))
        {
            if ((use & TextUse.Clarity) != 0)
            {
                Clarity.Add((path, ClarityLevel.Concrete, value, required, false));
            }

            return FieldState.Filled;
        }

        if ((use & ~TextUse.NoneIsAnswer) == TextUse.None)
        {
            return ClassifyOnly(value);
        }

        _scan.Reset();
        var analysis = _profile.Analyzer.Analyze(value, _scan, prose: (use & TextUse.Value) == 0, numberIsValue: (use & TextUse.Number) != 0);
        var graded = (use & TextUse.Clarity) != 0;
        // A text not graded for language is a value (a budget): 待定 there says it is not known, as 待补充 does. Only a text
        // with a vague phrase can be one, so most are not read a second time.
        var state = _scan.ContentChars == 0 || _rules.IsPlaceholder(value) || (graded && analysis.Clarity == ClarityLevel.NoContent) ? FieldState.Missing
            : analysis.Acknowledged || (!graded && _scan.VagueCount > 0 && _profile.Analyzer.IsUnsettled(value)) ? FieldState.Acknowledged
            : FieldState.Filled;
        if (graded && state == FieldState.Filled && analysis.Clarity == ClarityLevel.Vague)
        {
            credit = _profile.AcknowledgedCredit;
            if (!HasVaguePhrase(_scan))
            {
                // Vague with no phrase to point at: prose too short to act on. Say so, or its lost points go unexplained.
                Notes.Add(new Note(Problem.TextTooShort, path, path, value, null));
            }
        }

        if ((use & TextUse.Clarity) != 0)
        {
            // Saying "not known yet" is what the article asks for: it is no vagueness finding, but it is no clear text either.
            var acknowledged = state == FieldState.Acknowledged;
            Clarity.Add((path, acknowledged && analysis.Clarity > ClarityLevel.Vague ? ClarityLevel.Vague : analysis.Clarity, value, required, acknowledged));
            var fieldNotes = Notes.Count;
            HashSet<(string, string)>? noted = null;
            for (var i = 0; i < _scan.VagueCount && !acknowledged; i++)
            {
                var hit = _scan.Vague[i];
                Vague.Add(new FieldHit(path, hit.Category, value, hit.Start, hit.End));
                var noContent = hit.Category == (int)VagueCategory.NoContent;
                if (noContent && required && state == FieldState.Missing)
                {
                    continue;
                }

                // An intent measured in its own clause of a concrete text (客户想买 2 件石雕摆件，预算 5000 元) stays in the vague
                // list for a UI to underline, but a finding would ask for the quantity it gives. A quantity in another clause
                // measures something else (电话沟通 30 分钟，客户很感兴趣), and other categories ask for what no fact here settles
                // (近期 beside 200 套 still wants a date), so those are coached even in a concrete text.
                if (hit.Category == (int)VagueCategory.UnquantifiedIntent && analysis.Clarity == ClarityLevel.Concrete
                    && _profile.Analyzer.IsMeasuredInItsClause(_scan, value, hit.Start, hit.End))
                {
                    continue;
                }

                // So is a wait whose own clause gives its deadline (12 月 10 日前她会主动联系): the finding would ask for the date
                // it gives. A date before the wait alone dates something else (11 月 20 日已发报价等客户回复).
                if (hit.Category == (int)VagueCategory.Waiting && analysis.Clarity == ClarityLevel.Concrete
                    && _profile.Analyzer.IsDatedInItsClause(_scan, value, hit.Start, hit.End))
                {
                    continue;
                }

                // A status verb with its object in a concrete text (已联系中通客服催件（工单 ZT1126-0931）) tells what was done:
                // the finding would ask for the result and next step the note gives.
                if (hit.Category == (int)VagueCategory.StatusOnly && analysis.Clarity == ClarityLevel.Concrete
                    && TextAnalyzer.TakesItsObject(value, hit.End))
                {
                    continue;
                }

                // A risk's description says what may happen: its 可能 is the risk itself, not a guess to be backed, when the
                // description says what else it is about (可能影响联调工期 beside the missing 接口文档); 可能 alone is still coached.
                if (hit.Category == (int)VagueCategory.Hedge && (use & TextUse.Possibility) != 0 && SaysMoreThanItsVaguePhrases(value))
                {
                    continue;
                }

                var text = SharedText.Of(value, hit.Start, hit.End);
                var category = EnumLabels<VagueCategory>.NameOf((VagueCategory)hit.Category);
                if (!NotedBefore(fieldNotes, category, text, ref noted))
                {
                    Notes.Add(new Note(noContent ? Problem.NoContent : Problem.VagueLanguage, path, path, text, category));
                }
            }
        }

        if ((use & TextUse.Risk) != 0)
        {
            var problems = (use & TextUse.ProblemToSolve) != 0;
            var budgetConstraint = problems ? Array.IndexOf(_rules.SignalCodes, Risk.RiskSignalCodes.BudgetConstraint) : -1;
            for (var i = 0; i < _scan.RiskCount; i++)
            {
                var hit = _scan.Risk[i];
                // The customer's pain the deal is to solve (解决发货延误的问题) is no risk to it; a budget too small to solve it is.
                if (problems && hit.Category != budgetConstraint && _profile.Analyzer.IsProblemToSolve(value, hit.Start, hit.End))
                {
                    continue;
                }

                RiskHits.Add(new FieldHit(path, hit.Category, value, hit.Start, hit.End));
            }
        }

        if ((use & TextUse.RiskAnswer) != 0)
        {
            for (var i = 0; i < _scan.RiskCount; i++)
            {
                AnswerSignals.Add(_scan.Risk[i].Category);
            }
        }

        if ((use & TextUse.ChangeMention) != 0)
        {
            ChangeMentioned |= _scan.ChangeMentioned;
        }

        return state;
    }

    private static bool HasVaguePhrase(TextScan scan)
    {
        for (var i = 0; i < scan.VagueCount; i++)
        {
            if (scan.Vague[i].Category != (int)VagueCategory.NoContent)
            {
                return true;
            }
        }

        return false;
    }

    private FieldState Choice<TEnum>(string path, string key, EnumValue<TEnum> value, TEnum? unknownMember, bool required, bool riskInput = false)
        where TEnum : struct, Enum
    {
        FieldState state;
        if (value.IsEmpty)
        {
            state = FieldState.Missing;
        }
        else if (value.IsKnown)
        {
            state = unknownMember is { } unknown && EqualityComparer<TEnum>.Default.Equals(value.Value!.Value, unknown)
                ? FieldState.Acknowledged
                : FieldState.Filled;
        }
        else
        {
            state = ClassifyOnly(value.Text);
            if (state == FieldState.Filled)
            {
                Notes.Add(new Note(Problem.UnknownValue, path, key, value.Text, EnumLabels<TEnum>.NameList));
            }
        }

        if (required)
        {
            AddCheck(StepOf(key), path, key, state, value.Text, riskInput,
                detail: state == FieldState.Acknowledged && value.IsKnown ? FindingMessages.UnknownChoiceDetail : null);
        }

        return state;
    }

    private (FieldState State, DateTimeOffset? Value) Date(
        string path, string key, FollowUpStep step, Timestamp value, bool required, bool riskInput = false, bool reportDueInPast = false)
    {
        if (value.Resolve(_rules.DefaultUtcOffset) is { } resolved)
        {
            // "Before today" in the rules' zone, where messages and reminders show the time too, so one instant is judged one
            // way however its offset is written; a day alone is that day.
            var zone = _rules.DefaultUtcOffset;
            var overdue = reportDueInPast && (value.IsDateOnly ? resolved.Date : resolved.ToOffset(zone).Date) < Now.ToOffset(zone).Date;
            if (required)
            {
                AddCheck(step, path, key, FieldState.Filled, overdue ? value.ToString() : value.Text, riskInput, credit: overdue ? _profile.AcknowledgedCredit : 1,
                    note: overdue ? Problem.NextActionDueInPast : null);
            }
            else if (overdue)
            {
                Notes.Add(new Note(Problem.NextActionDueInPast, path, key, value.ToString(), null));
            }

            return (FieldState.Filled, resolved);
        }

        var state = ClassifyOnly(value.Text);
        if (state == FieldState.Filled)
        {
            // Text that is neither a date nor a placeholder nor an acknowledgement: reported as unreadable, scored as missing.
            state = FieldState.Missing;
            Notes.Add(new Note(Problem.InvalidDate, path, key, value.Text, FindingMessages.InvalidDateDetail(value)));
            if (required)
            {
                Checks.Add(new Check(step, path, state, 0, riskInput, Notes.Count - 1));
            }

            return (state, null);
        }

        if (required)
        {
            AddCheck(step, path, key, state, value.Text, riskInput);
        }

        return (state, null);
    }

    /// <summary>
    /// The content a text holds outside its vague phrases, in units (<see cref="TextFolding.ContentUnits(int, int)"/>), at
    /// which it says what a hedge in it is about: 接口文档未提供 beside 可能, not the 吧 of 大概吧.
    /// </summary>
    private const double ContentBeyondVague = 4;

    /// <summary>Whether the text just scanned holds <see cref="ContentBeyondVague"/> units of content outside its vague phrases.</summary>
    private bool SaysMoreThanItsVaguePhrases(string value)
    {
        var content = 0;
        var ascii = 0;
        for (var at = 0; at < value.Length; at++)
        {
            var inHit = false;
            for (var i = 0; i < _scan.VagueCount && !inHit; i++)
            {
                inHit = at >= _scan.Vague[i].Start && at < _scan.Vague[i].End;
            }

            var folded = TextFolding.Fold(value[at]);
            if (!inHit && TextFolding.IsContent(folded))
            {
                content++;
                ascii += folded < '\u0080' ? 1 : 0;
            }
        }

        return TextFolding.ContentUnits(content, ascii) >= ContentBeyondVague;
    }

    private void AddCheck(
        FollowUpStep step, string path, string key, FieldState state, string? value, bool riskInput = false, double creditFactor = 1,
        double? credit = null, Problem? note = null, string? detail = null, int linkedNote = -1)
    {
        var earned = credit ?? creditFactor * state switch
        {
            FieldState.Filled => 1,
            FieldState.Acknowledged => _profile.AcknowledgedCredit,
            _ => 0,
        };
        var noteIndex = linkedNote;
        if (note is { } problem)
        {
            noteIndex = Notes.Count;
            Notes.Add(new Note(problem, path, key, value, detail));
        }
        else if (state == FieldState.Missing && linkedNote < 0 && IsInAbsentEntry(path))
        {
            // Missing because the entry holding it does not exist: one finding, the empty log's, not one for each field of no entry.
            noteIndex = AbsentEntryNote;
        }
        else if (state == FieldState.Missing && linkedNote < 0 && InvalidValueNoteOf(path) is var invalid and >= 0)
        {
            // Missing because its value had the wrong shape: one finding, the InvalidValue one, not a second "missing" beside it.
            noteIndex = invalid;
        }
        else if (state != FieldState.Filled)
        {
            noteIndex = Notes.Count;
            Notes.Add(new Note(state == FieldState.Missing ? Problem.FieldMissing : Problem.FieldAcknowledged, path, key, value, detail));
        }

        Checks.Add(new Check(step, path, state, earned, riskInput, noteIndex));
    }

    /// <summary>The InvalidValue note on this path or on a value holding it (customer for customer.company), or -1.</summary>
    private int InvalidValueNoteOf(string path)
    {
        var (from, to) = _invalidValueNotes;
        if (to - from <= MaxEntriesScanned)
        {
            for (var n = from; n < to; n++)
            {
                var invalid = Notes[n].Path;
                // Ignoring case, as custom field names are read: the note names the field as the record spelt it (custom.OrderStatus).
                if (path.StartsWith(invalid, StringComparison.OrdinalIgnoreCase) && (path.Length == invalid.Length || path[invalid.Length] is '.' or '['))
                {
                    return n;
                }
            }

            return -1;
        }

        // Many wrong-shaped values (one in each entry of a long log): the path and each value holding it are looked up,
        // rather than every note compared with every missing field.
        if (_invalidValueNoteByPath is null)
        {
            _invalidValueNoteByPath = new Dictionary<string, int>(to - from, StringComparer.OrdinalIgnoreCase);
            for (var n = from; n < to; n++)
            {
                _invalidValueNoteByPath.TryAdd(Notes[n].Path, n);
            }
        }

        var byPath = _invalidValueNoteByPath.GetAlternateLookup<ReadOnlySpan<char>>();
        var first = -1;
        for (var end = 0; end <= path.Length; end++)
        {
            if ((end == path.Length || path[end] is '.' or '[') && byPath.TryGetValue(path.AsSpan(0, end), out var note) && (first < 0 || note < first))
            {
                first = note;
            }
        }

        return first;
    }

    private bool HasChangeHistory(IReadOnlyList<NeedsChange>? changes)
    {
        if (changes is null)
        {
            return false;
        }

        foreach (var change in changes)
        {
            if (change is not null && (ClassifyOnly(change.Description) != FieldState.Missing || change.At.IsValid))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the field already has a finding for this phrase: a phrase written twice is coached once (every hit stays in
    /// <c>vague</c>), so a note repeating 跟进中 200,000 times gives one finding, not 200,000. Past a few findings the
    /// phrases seen are kept in a set, so a field of many distinct phrases is not searched from the start each time.
    /// </summary>
    private bool NotedBefore(int fieldNotes, string category, string text, ref HashSet<(string, string)>? noted)
    {
        const int SearchedInPlace = 16;
        if (noted is null)
        {
            for (var n = fieldNotes; n < Notes.Count; n++)
            {
                if (Notes[n].Value == text && Notes[n].Detail == category)
                {
                    return true;
                }
            }

            if (Notes.Count - fieldNotes < SearchedInPlace)
            {
                return false;
            }

            noted = [];
            for (var n = fieldNotes; n < Notes.Count; n++)
            {
                noted.Add((Notes[n].Detail!, Notes[n].Value!));
            }
        }

        return !noted.Add((category, text));
    }
}
