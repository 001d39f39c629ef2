using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using FollowUp.Rules.Language;

namespace FollowUp.Rules.Messages;

/// <summary>
/// The coaching messages of one catalog (zh-CN, zh-TW, zh-HK or en; <see cref="CatalogCulture"/> says which a culture reads), read
/// once from embedded data.
/// </summary>
internal sealed class MessageCatalog
{
    private static readonly Lazy<MessageCatalog> LazyChinese = new(() => Load(CatalogCulture.Simplified));
    private static readonly Lazy<MessageCatalog> LazyTraditional = new(() => Load(CatalogCulture.Traditional));
    private static readonly Lazy<MessageCatalog> LazyHongKong = new(() => Load(CatalogCulture.HongKong));
    private static readonly Lazy<MessageCatalog> LazyEnglish = new(() => Load(CatalogCulture.English));

    /// <summary>
    /// Labels the catalogs gave a signal before, still read as its code: records, CRM fields and exports written from an
    /// earlier report carry them as a risk's kind. Delay was 项目推迟 (專案延期, 項目延期), which named a project where a shop's
    /// order or delivery was meant.
    /// </summary>
    private static readonly (string Name, string Code)[] FormerSignalLabels =
        [("项目推迟", "Delay"), ("專案延期", "Delay"), ("項目延期", "Delay")];

    // A signal's code by its label in any catalog (未接触决策人, 窗口異動, 聯絡人變動, no decision maker reached) or a former one, as
    // people copy it from a finding, and by the code itself, all folded as phrases are (長時間未跟進, Ｓｔａｌｅ, case and spaces aside).
    private static readonly Lazy<FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>>> SignalCodesByFoldedName = new(() =>
        LazyChinese.Value._signals.Concat(LazyTraditional.Value._signals).Concat(LazyHongKong.Value._signals).Concat(LazyEnglish.Value._signals)
            .Select(signal => (Name: signal.Value, Code: signal.Key))
            .Concat(FormerSignalLabels)
            .Concat(LazyEnglish.Value._signals.Keys.Select(code => (Name: code, Code: code)))
            .DistinctBy(signal => TextFolding.FoldPhrase(signal.Name), StringComparer.Ordinal)
            .ToFrozenDictionary(signal => TextFolding.FoldPhrase(signal.Name), signal => signal.Code, StringComparer.Ordinal)
            .GetAlternateLookup<ReadOnlySpan<char>>());

    private readonly FrozenDictionary<string, CompositeFormat> _templates;
    private readonly FrozenDictionary<string, string[]> _fields;
    private readonly FrozenDictionary<string, string> _stages;

    /// <summary>Labels by member name where this catalog's readers write another than the first label in its script (電郵 for Email).</summary>
    private readonly FrozenDictionary<string, string> _values;

    /// <summary>The lists <see cref="ValueNames"/> made, by the list of names: one for each enumeration.</summary>
    private readonly ConcurrentDictionary<string, string> _valueNames = new(StringComparer.Ordinal);
    private readonly FrozenDictionary<string, string> _signals;
    private readonly string[] _weekdays;

    /// <summary>
    /// How many messages with arguments <see cref="ForArgument"/>, <see cref="ForArguments"/>, <see cref="Quoting"/> and
    /// <see cref="ForFieldValue"/> keep together: every lexicon phrase in each of its messages, and then some.
    /// </summary>
    internal const int MaxArgumentMessages = 8192;

    /// <summary>
    /// The longest value <see cref="Quoting"/> keeps a message for, as long as an excerpt's text: phrases and short notes repeat,
    /// long free text does not.
    /// </summary>
    private const int MaxQuotedLength = 30;

    /// <summary>How many messages <see cref="ForField"/> and <see cref="Fixed"/> keep: every field's, custom fields' included, and then some.</summary>
    internal const int MaxFieldMessages = 4096;

    private readonly BoundedCache<(string Id, string Key), string> _fieldMessages = new(MaxFieldMessages);
    private readonly BoundedCache<(string Id, string First, string? Second), string> _argumentMessages = new(MaxArgumentMessages);

    /// <summary>
    /// How many texts <see cref="Evidence{T0}"/> keeps, and how many messages quoting them <see cref="QuotingEvidence"/> keeps:
    /// a structural signal's dates, day counts, stages and contacts repeat across records. Caches of their own, so that
    /// evidence, whose dates move on with the clock, never takes the place of a lexicon phrase's message.
    /// </summary>
    internal const int MaxEvidence = 8192;

    /// <summary>How many hashes of evidence seen once <see cref="SeenBefore"/> remembers.</summary>
    private const int EvidenceSeenSlots = 16384;

    /// <summary>Room on the stack for the values an evidence is keyed by: an id, dates, counts and a short name.</summary>
    private const int EvidenceValuesLength = 160;

    /// <summary>Evidence texts by the id and values they were formatted from, one a line, a text after its length.</summary>
    private readonly BoundedCache<string, string> _evidence = new(MaxEvidence, StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _evidenceByValues;

    /// <summary>
    /// The hashes of evidence keys seen once and not kept, each in two slots, overwritten by the next that falls there: an
    /// evidence is kept when its values come again, so that what one record alone holds (a contact nobody else has) never
    /// fills the cache.
    /// </summary>
    private readonly int[] _evidenceSeen = new int[EvidenceSeenSlots];

    /// <summary>Messages quoting a shared evidence (检测到风险信号…), by id, the value before it and the evidence.</summary>
    private readonly BoundedCache<(string Id, string? First, string Evidence), string> _evidenceMessages = new(MaxEvidence);

    /// <summary>Every message the caches above share, by reference: what may be kept by whatever quotes it (<see cref="IsShared"/>).</summary>
    private readonly ConcurrentDictionary<string, bool> _sharedMessages = new(ReferenceEqualityComparer.Instance);

    private MessageCatalog(MessageFile file, string name)
    {
        IsChinese = name != CatalogCulture.English;
        IsTraditional = CatalogCulture.IsTraditional(name);
        _templates = file.Messages.ToFrozenDictionary(m => m.Key, m => CompositeFormat.Parse(m.Value), StringComparer.Ordinal);
        _fields = file.Fields.ToFrozenDictionary(StringComparer.Ordinal);
        _stages = file.Stages.ToFrozenDictionary(StringComparer.Ordinal);
        _values = file.Values.ToFrozenDictionary(StringComparer.Ordinal);
        _signals = file.Signals.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _weekdays = file.Weekdays;
        _evidenceByValues = _evidence.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Gets a value indicating whether this is a Chinese catalog, whose lists name values by their Chinese labels.</summary>
    public bool IsChinese { get; }

    /// <summary>Gets a value indicating whether this is a Traditional Chinese catalog (Taiwan's or Hong Kong's), whose labels and units are in Traditional characters.</summary>
    public bool IsTraditional { get; }

    /// <summary>
    /// Gets the catalog for <paramref name="culture"/>: Hong Kong's Traditional Chinese for zh-HK and zh-MO, Taiwan's for
    /// zh-TW and every other zh-Hant culture, Simplified for any other zh culture, English otherwise (<see cref="CatalogCulture"/>).
    /// </summary>
    public static MessageCatalog For(CultureInfo culture) => CatalogCulture.Of(culture) switch
    {
        CatalogCulture.Traditional => LazyTraditional.Value,
        CatalogCulture.HongKong => LazyHongKong.Value,
        CatalogCulture.Simplified => LazyChinese.Value,
        _ => LazyEnglish.Value,
    };

    public string Format(string id, params ReadOnlySpan<object?> args) =>
        string.Format(CultureInfo.InvariantCulture, _templates[id], args);

    // Typed arguments are written straight into the message: a date or a number (TimeText, DaysText) is neither boxed nor
    // made a string of its own first.
    public string Format<T0>(string id, T0 arg0) =>
        string.Format(CultureInfo.InvariantCulture, _templates[id], arg0);

    public string Format<T0, T1>(string id, T0 arg0, T1 arg1) =>
        string.Format(CultureInfo.InvariantCulture, _templates[id], arg0, arg1);

    public string Format<T0, T1, T2>(string id, T0 arg0, T1 arg1, T2 arg2) =>
        string.Format(CultureInfo.InvariantCulture, _templates[id], arg0, arg1, arg2);

    /// <summary>
    /// The evidence of a signal read from the record's structure (a date, a number of days, a stage, one contact's name), which
    /// records repeat: formatted, and kept and shared (<see cref="IsShared"/>) once its values come a second time, so that the
    /// signal, and the finding, deduction and reminder quoting it (<see cref="QuotingEvidence"/>), need no text of their own.
    /// Looked up by its values, so a repeated evidence costs no formatting. Bounded like <see cref="Quoting"/>: evidence
    /// quoting a text longer than it keeps is formatted every time.
    /// </summary>
    public string Evidence<T0>(string id, T0 arg0)
    {
        var values = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[EvidenceValuesLength]);
        values.AppendLiteral(id);
        var shareable = AppendValue(ref values, arg0);
        return TryGetEvidence(ref values, shareable, out var evidence) ? evidence : KeepEvidence(ref values, shareable, Format(id, arg0));
    }

    /// <inheritdoc cref="Evidence{T0}(string, T0)"/>
    public string Evidence<T0, T1>(string id, T0 arg0, T1 arg1)
    {
        var values = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[EvidenceValuesLength]);
        values.AppendLiteral(id);
        var shareable = AppendValue(ref values, arg0) & AppendValue(ref values, arg1);
        return TryGetEvidence(ref values, shareable, out var evidence) ? evidence : KeepEvidence(ref values, shareable, Format(id, arg0, arg1));
    }

    /// <inheritdoc cref="Evidence{T0}(string, T0)"/>
    public string Evidence<T0, T1, T2>(string id, T0 arg0, T1 arg1, T2 arg2)
    {
        var values = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[EvidenceValuesLength]);
        values.AppendLiteral(id);
        var shareable = AppendValue(ref values, arg0) & AppendValue(ref values, arg1) & AppendValue(ref values, arg2);
        return TryGetEvidence(ref values, shareable, out var evidence)
            ? evidence
            : KeepEvidence(ref values, shareable, Format(id, arg0, arg1, arg2));
    }

    /// <inheritdoc cref="Evidence{T0}(string, T0)"/>
    /// <remarks>Four values are boxed to be formatted, whenever the evidence is not found.</remarks>
    public string Evidence<T0, T1, T2, T3>(string id, T0 arg0, T1 arg1, T2 arg2, T3 arg3)
    {
        var values = new DefaultInterpolatedStringHandler(0, 0, CultureInfo.InvariantCulture, stackalloc char[EvidenceValuesLength]);
        values.AppendLiteral(id);
        var shareable = AppendValue(ref values, arg0) & AppendValue(ref values, arg1) & AppendValue(ref values, arg2) & AppendValue(ref values, arg3);
        return TryGetEvidence(ref values, shareable, out var evidence)
            ? evidence
            : KeepEvidence(ref values, shareable, Format(id, arg0, arg1, arg2, arg3));
    }

    /// <summary>
    /// Starts a line of an evidence's key for <paramref name="value"/>, a text after its length (a name may hold any
    /// character), and says whether it may be shared: a text no longer than <see cref="Quoting"/> keeps, which alone is
    /// written into the key.
    /// </summary>
    private static bool AppendValue<T>(ref DefaultInterpolatedStringHandler values, T value)
    {
        values.AppendLiteral("\n");
        if (value is not string text)
        {
            values.AppendFormatted(value);
            return true;
        }

        if (text.Length > MaxQuotedLength)
        {
            return false;
        }

        values.AppendFormatted(text.Length);
        values.AppendLiteral(":");
        values.AppendFormatted(text);
        return true;
    }

    private bool TryGetEvidence(ref DefaultInterpolatedStringHandler values, bool shareable, [NotNullWhen(true)] out string? evidence)
    {
        if (shareable && _evidenceByValues.TryGetValue(values.Text, out evidence))
        {
            values.Clear();
            return true;
        }

        evidence = null;
        return false;
    }

    private string KeepEvidence(ref DefaultInterpolatedStringHandler values, bool shareable, string evidence)
    {
        if (!shareable || _evidence.IsFull || !SeenBefore(values.Text))
        {
            values.Clear();
            return evidence;
        }

        return Keep(_evidence, values.ToStringAndClear(), evidence);
    }

    /// <summary>
    /// Whether the evidence keyed <paramref name="key"/> was seen before and not kept; if not, remembers it. Two keys whose
    /// hashes share a slot can only make an evidence kept one sighting early, or late.
    /// </summary>
    private bool SeenBefore(ReadOnlySpan<char> key)
    {
        // Two slots, from two parts of the hash: a key sharing one slot with another key of the same record, which overwrites
        // it before the next sighting every time, would otherwise never be kept.
        var hash = string.GetHashCode(key);
        ref var first = ref _evidenceSeen[hash & (EvidenceSeenSlots - 1)];
        ref var second = ref _evidenceSeen[(int)((uint)hash >> 18) ^ ((hash >> 4) & (EvidenceSeenSlots - 1))];
        if (Volatile.Read(ref first) == hash || Volatile.Read(ref second) == hash)
        {
            return true;
        }

        Volatile.Write(ref first, hash);
        Volatile.Write(ref second, hash);
        return false;
    }

    /// <summary>
    /// A message quoting a signal's evidence, after <paramref name="first"/> (the signal's label) when given: shared, from a
    /// cache of its own, when the evidence is shared (<see cref="Evidence{T0}"/>, a label) and the cache keeps it; else
    /// formatted when first read.
    /// </summary>
    public MessageText QuotingEvidence(string id, string? first, string evidence)
    {
        if (IsShared(evidence))
        {
            if (_evidenceMessages.TryGetValue((id, first, evidence), out var message))
            {
                return message;
            }

            if (!_evidenceMessages.IsFull)
            {
                return Keep(_evidenceMessages, (id, first, evidence), first is null ? Format(id, evidence) : Format(id, first, evidence));
            }
        }

        return first is null ? Defer(id, evidence) : Defer(id, first, evidence);
    }

    /// <summary>A message made for one record alone (a date, a count, its evidence), formatted when first read.</summary>
    public MessageText Defer<T0>(string id, T0 arg0) => new DeferredMessage<T0>(_templates[id], arg0);

    /// <inheritdoc cref="Defer{T0}(string, T0)"/>
    public MessageText Defer<T0, T1>(string id, T0 arg0, T1 arg1) => new DeferredMessage<T0, T1>(_templates[id], arg0, arg1);

    /// <inheritdoc cref="Defer{T0}(string, T0)"/>
    public MessageText Defer<T0, T1, T2>(string id, T0 arg0, T1 arg1, T2 arg2) =>
        new DeferredMessage<T0, T1, T2>(_templates[id], arg0, arg1, arg2);

    /// <summary>
    /// A message about a field that depends on nothing but the field's key (缺少决策权…), formatted once per key, so the
    /// findings and deductions of many records share one string.
    /// </summary>
    public string ForField(string id, string key) => _fieldMessages.TryGetValue((id, key), out var message)
        ? message
        : Keep(_fieldMessages, (id, key), Format(id, FieldLabel(key), FieldAdvice(key)));

    /// <summary>
    /// A message with one argument from a small set (a stage, a list of signal labels or field paths), formatted once per
    /// argument; bounded like <see cref="Quoting"/>.
    /// </summary>
    public string ForArgument(string id, string argument) => Shared(id, argument, null);

    /// <summary>A message with two arguments from small sets (a signal label and a matched phrase or shared evidence), like <see cref="ForArgument"/>.</summary>
    public string ForArguments(string id, string first, string second) => Shared(id, first, second);

    /// <summary>
    /// A message quoting one or two short values that repeat across records (a matched phrase, a field label with 待确认),
    /// formatted once per values and shared. Bounded: beyond <see cref="MaxArgumentMessages"/> messages, or for a value longer
    /// than <see cref="MaxQuotedLength"/>, the message is formatted as usual.
    /// </summary>
    public string Quoting(string id, string first, string? second = null) =>
        first.Length > MaxQuotedLength || second?.Length > MaxQuotedLength ? Format(id, first, second) : Shared(id, first, second);

    /// <summary>
    /// A message quoting a field's label and a short value received for it (an unknown enumeration text such as 信鸽, an
    /// unreadable date such as 下周三), which CRM exports repeat across records: formatted once per field and value and shared,
    /// bounded like <see cref="Quoting"/>. <paramref name="detail"/> must depend on the field alone (the names an enumeration
    /// accepts).
    /// </summary>
    public string ForFieldValue(string id, string key, string value, string? detail = null)
    {
        if (value.Length > MaxQuotedLength)
        {
            return Format(id, FieldLabel(key), value, detail);
        }

        return _argumentMessages.TryGetValue((id, key, value), out var message)
            ? message
            : Keep(_argumentMessages, (id, key, value), Format(id, FieldLabel(key), value, detail));
    }

    /// <summary>
    /// A message naming a list of field paths (<c>needs.budget, communications[0].feedback, …</c>, as the risk stage lists what it
    /// could not read) by their labels in this language, joined by its list separator (预算、第 1 条沟通记录的客户反馈), formatted
    /// once per list and kept like <see cref="ForArgument"/>: a salesperson reads labels, as in every other message, not paths.
    /// A second list, <paramref name="otherPaths"/>, is the message's second argument.
    /// </summary>
    public string ForFieldList(string id, string paths, string? otherPaths = null)
    {
        var key = (id, paths, otherPaths is null ? FieldListMarker : string.Concat(FieldListMarker, "\0", otherPaths));
        if (_argumentMessages.TryGetValue(key, out var message))
        {
            return message;
        }

        return Keep(_argumentMessages, key, Format(id, FieldList(paths), otherPaths is null ? null : FieldList(otherPaths)));
    }

    /// <summary>The second key of a message <see cref="ForFieldList"/> keeps, so it is never taken for one with the paths as written.</summary>
    private const string FieldListMarker = "\0fields";

    private string FieldList(string paths)
    {
        var text = new StringBuilder();
        foreach (var path in paths.Split(", ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (text.Length > 0)
            {
                text.Append(Format("ListSeparator"));
            }

            text.Append(PathLabel(path));
        }

        return text.ToString();
    }

    /// <summary>
    /// The label of a field path: an entry's field is named with its entry's number (第 1 条沟通记录的客户反馈, customer feedback of
    /// communication 1); a path with no label, or <c>…</c>, as written.
    /// </summary>
    private string PathLabel(string path)
    {
        var open = path.IndexOf('[', StringComparison.Ordinal);
        var close = open < 0 ? -1 : path.IndexOf(']', open);
        if (close < 0 || !int.TryParse(path.AsSpan(open + 1, close - open - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var index))
        {
            return LabelOrPath(path, path);
        }

        var list = path[..open];
        var key = string.Concat(list, "[]", path.AsSpan(close + 1));
        return _fields.TryGetValue(key, out var field) && _fields.TryGetValue(list + "[]", out var entry)
            ? Format("IndexedField", field[0], index + 1, entry[0])
            : path;
    }

    /// <summary>The message from the bounded cache of messages with arguments, formatted and kept there while it has room.</summary>
    private string Shared(string id, string first, string? second)
    {
        if (_argumentMessages.TryGetValue((id, first, second), out var message))
        {
            return message;
        }

        return Keep(_argumentMessages, (id, first, second), Format(id, first, second));
    }

    /// <summary>Keeps <paramref name="message"/> in <paramref name="cache"/> if it has room, and then counts it as shared.</summary>
    private string Keep<TKey>(BoundedCache<TKey, string> cache, TKey key, string message)
        where TKey : notnull
    {
        if (cache.TryKeep(key, message))
        {
            _sharedMessages.TryAdd(message, true);
        }

        return message;
    }

    /// <summary>A message without arguments, formatted once.</summary>
    public string Fixed(string id) => _fieldMessages.TryGetValue((id, ""), out var message) ? message : Keep(_fieldMessages, (id, ""), Format(id));

    /// <summary>
    /// Whether <paramref name="message"/> is one the catalog shares between records, this very string: then so may anything
    /// made of it and other shared values, such as a deduction.
    /// </summary>
    public bool IsShared(string message) => _sharedMessages.ContainsKey(message);

    /// <summary>Whether <paramref name="message"/> is shared by any catalog (see <see cref="IsShared"/>).</summary>
    public static bool IsSharedByAny(string message) =>
        (LazyChinese.IsValueCreated && LazyChinese.Value.IsShared(message))
        || (LazyTraditional.IsValueCreated && LazyTraditional.Value.IsShared(message))
        || (LazyHongKong.IsValueCreated && LazyHongKong.Value.IsShared(message))
        || (LazyEnglish.IsValueCreated && LazyEnglish.Value.IsShared(message));

    /// <summary>The label of a field key; custom fields without their own label fall back to their name.</summary>
    public string FieldLabel(string key) =>
        _fields.TryGetValue(key, out var field) ? field[0]
        : key.StartsWith("custom.", StringComparison.Ordinal) ? key["custom.".Length..]
        : key;

    /// <summary>The label of a field key when it has one, else the field's path: a key with no label of its own is best named as received.</summary>
    public string LabelOrPath(string key, string path) => _fields.TryGetValue(key, out var field) ? field[0] : path;

    public string FieldAdvice(string key) =>
        _fields.TryGetValue(key, out var field) ? field[1] : _fields["custom"][1];

    public string Stage(string stage) => _stages.TryGetValue(stage, out var label) ? label : stage;

    /// <summary>
    /// A stage as the record wrote it, with this catalog's label after it when the words differ (交付实施（已签约）,
    /// "Go-live (signed)"), so that a message speaks the CRM's own word and says how it was read; the label alone when the
    /// record wrote nothing, the member's name, or the label in any form the reader folds together (方案已發 for 方案已发).
    /// </summary>
    public string StageAsWritten(string stage, string? written)
    {
        var label = Stage(stage);
        if (string.IsNullOrWhiteSpace(written))
        {
            return label;
        }

        var word = TextFolding.FoldPhrase(written);
        return word == TextFolding.FoldPhrase(label) || word == TextFolding.FoldPhrase(stage) ? label
            : IsChinese ? $"{written.Trim()}（{label}）"
            : $"{written.Trim()} ({label})";
    }

    /// <summary>
    /// A list of an enumeration's member names (<see cref="EnumLabels{TEnum}.NameList"/>: DecisionMaker, Influencer…) as this
    /// catalog's messages list the values accepted: in Chinese each by its label (<see cref="ChineseLabelOf"/>) with its name,
    /// joined by 、 (決策人（DecisionMaker）、影響者（Influencer）…), since both are accepted and a Chinese CRM stores the label; a
    /// name with no label as it is. In English as given.
    /// </summary>
    public string ValueNames(string names) => IsChinese
        ? _valueNames.GetOrAdd(names, static (list, catalog) => string.Join("、",
            list.Split(", ").Select(name => catalog.ChineseLabelOf(name) is { } label ? $"{label}（{name}）" : name)), this)
        : names;

    /// <summary>
    /// The label of <paramref name="value"/> in this catalog's language and script (电话, 電話), or as its readers write it
    /// (電郵 in Hong Kong's), else its name (Phone).
    /// </summary>
    public string ValueLabel<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        !IsChinese ? EnumLabels<TEnum>.NameOf(value)
        : typeof(TEnum) == typeof(DealStage) ? Stage(EnumLabels<TEnum>.NameOf(value))
        : _values.TryGetValue(EnumLabels<TEnum>.NameOf(value), out var label) ? label
        : EnumLabelCatalog.ChineseLabel(value, IsTraditional) ?? EnumLabels<TEnum>.NameOf(value);

    /// <summary>
    /// A member's Chinese label: a stage as this catalog names it (等待反馈 in the mainland's, 等待回覆 in Taiwan's and Hong
    /// Kong's; each a label the reader accepts), any other member as the catalog's <c>values</c> name it (電郵 in Hong Kong's),
    /// else by its first label in this catalog's script.
    /// </summary>
    private string? ChineseLabelOf(string member) =>
        _stages.TryGetValue(member, out var stage) ? stage
        : _values.TryGetValue(member, out var value) ? value
        : EnumLabelCatalog.FirstLabel(member, IsTraditional);

    /// <summary>The name of a day of the week (星期五, Friday).</summary>
    public string Weekday(DayOfWeek day) => _weekdays[(int)day];

    public string Signal(string code) => _signals.TryGetValue(code, out var label) ? label : code;

    /// <summary>The label of a signal's code when the catalog has one (a built-in signal's), so that other text can be kept as written.</summary>
    public bool TryGetSignalLabel(string code, [NotNullWhen(true)] out string? label) =>
        _signals.TryGetValue(code, out label);

    /// <summary>The code a risk's kind names: a signal's label in any catalog or its code, folded, is read as its code; anything else as written.</summary>
    public static string SignalCodeOf(string kind)
    {
        // Folded on the stack: most kinds are codes or the host's own words, read on every evaluation of a record with risks.
        const int LongestName = 64;
        if (kind.Length > LongestName)
        {
            return kind;
        }

        Span<char> folded = stackalloc char[kind.Length];
        var length = TextFolding.FoldInto(kind, folded);
        return SignalCodesByFoldedName.Value.TryGetValue(folded[..length], out var code) ? code : kind;
    }

    private static MessageCatalog Load(string culture)
    {
        var name = $"Messages.{culture}.json";
        using var stream = typeof(MessageCatalog).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded message file '{name}' is missing from the assembly.");
        var file = JsonSerializer.Deserialize(stream, MessageJsonContext.Default.MessageFile)
            ?? throw new InvalidDataException($"The embedded message file '{name}' is empty.");
        return new MessageCatalog(file, culture);
    }
}

/// <summary>The shape of an embedded message file.</summary>
internal sealed class MessageFile
{
    public Dictionary<string, string> Messages { get; set; } = [];

    public Dictionary<string, string[]> Fields { get; set; } = [];

    public Dictionary<string, string> Stages { get; set; } = [];

    /// <summary>
    /// Labels of other enumerations' members, by member name, where the catalog's readers write another than the first label
    /// in its script: the label names the member in every enumeration that has it (電郵: the Email channel and attachment kind).
    /// </summary>
    public Dictionary<string, string> Values { get; set; } = [];

    public Dictionary<string, string> Signals { get; set; } = [];

    /// <summary>The names of the days of the week, Sunday first as <see cref="DayOfWeek"/> counts them.</summary>
    public string[] Weekdays { get; set; } = [];
}

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(MessageFile))]
internal sealed partial class MessageJsonContext : JsonSerializerContext;
