using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;
using FollowUp.Rules.Messages;
using FollowUp.Rules.Risk;

namespace FollowUp.Rules.Reporting;

/// <summary>
/// The labels of the team report in one catalog's culture (zh-CN, zh-TW, zh-HK or en, chosen as the messages are:
/// <see cref="CatalogCulture"/>), read once from embedded data.
/// </summary>
internal sealed class ReportText
{
    private static readonly Lazy<ReportText> LazyChinese = new(() => Load(CatalogCulture.Simplified));
    private static readonly Lazy<ReportText> LazyTraditional = new(() => Load(CatalogCulture.Traditional));
    private static readonly Lazy<ReportText> LazyHongKong = new(() => Load(CatalogCulture.HongKong));
    private static readonly Lazy<ReportText> LazyEnglish = new(() => Load(CatalogCulture.English));

    private readonly FrozenDictionary<string, string> _labels;
    private readonly MessageCatalog _messages;

    private ReportText(Dictionary<string, string> labels, CultureInfo culture)
    {
        _labels = labels.ToFrozenDictionary(StringComparer.Ordinal);
        _messages = MessageCatalog.For(culture);
        Culture = culture;
    }

    public static CultureInfo DefaultCulture { get; } = CultureInfo.GetCultureInfo("zh-CN");

    public CultureInfo Culture { get; }

    /// <summary>Gets the language tag of the labels, for <c>&lt;html lang&gt;</c>.</summary>
    public string Language => Culture.Name;

    /// <summary>
    /// Gets the labels for <paramref name="culture"/>: Hong Kong's Traditional Chinese for zh-HK and zh-MO, Taiwan's for zh-TW
    /// and every other zh-Hant culture, Simplified for any other zh culture, English otherwise.
    /// </summary>
    public static ReportText For(CultureInfo culture) => CatalogCulture.Of(culture) switch
    {
        CatalogCulture.Traditional => LazyTraditional.Value,
        CatalogCulture.HongKong => LazyHongKong.Value,
        CatalogCulture.Simplified => LazyChinese.Value,
        _ => LazyEnglish.Value,
    };

    /// <summary>Gets the keys of the labels, so tests can check every file defines the same ones.</summary>
    public IEnumerable<string> Keys => _labels.Keys;

    public string this[string key] => _labels.TryGetValue(key, out var label)
        ? label
        : throw new KeyNotFoundException($"The report label '{key}' is missing from ReportText.{Culture.Name}.json.");

    public string Format(string key, object? arg) => string.Format(CultureInfo.InvariantCulture, this[key], arg);

    /// <summary>A phrase in the quotation marks of the catalog's language (“跟进中”, 「跟進中」, "soon").</summary>
    public string Quoted(string phrase) => _messages.Format("QuotedPhrase", phrase);

    public string Grade(Grade grade) => this[$"grade.{grade}"];

    public string Step(FollowUpStep step) => this[$"step.{step}"];

    public string Group(DeductionGroup group) => this[$"group.{group}"];

    public string Component(GradeComponent component) => this[$"component.{component}"];

    public string Category(VagueCategory category) => this[$"category.{category}"];

    public string RiskLevel(RiskLevel level) => this[$"risk.{level}"];

    /// <summary>The label of a record's risk: its level, or "not assessable" when the report counts it apart.</summary>
    public string RiskLevel(RiskLevel level, bool notAssessable) => notAssessable ? this["risk.NotAssessable"] : RiskLevel(level);

    public string Stage(DealStage? stage) => this[stage is { } known ? $"stage.{known}" : "stage.unknown"];

    /// <summary>The label of a risk signal, from the evaluator's messages (custom signals fall back to their code), capitalised.</summary>
    public string Signal(string code)
    {
        var label = _messages.Signal(code);
        return label.Length > 0 && char.IsLower(label[0]) ? char.ToUpperInvariant(label[0]) + label[1..] : label;
    }

    public string Owner(string? owner) => owner ?? this["owner.none"];

    /// <summary>
    /// A span past a limit as the evaluator's evidence and reminders show it (2.8 天, 14.5 days): never rounded down to the
    /// limit it passed (<see cref="LatenessText"/>).
    /// </summary>
    public string Beyond(TimeSpan span, TimeSpan limit) => LatenessText.Beyond(_messages, span, limit).ToString();

    private static ReportText Load(string culture)
    {
        var name = $"Reporting.ReportText.{culture}";
        using var stream = typeof(ReportText).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded report text '{name}' is missing from the assembly.");
        var labels = JsonSerializer.Deserialize(stream, ReportTextJsonContext.Default.DictionaryStringString)
            ?? throw new InvalidDataException($"The embedded report text '{name}' is empty.");
        return new ReportText(labels, CultureInfo.GetCultureInfo(culture));
    }
}

[JsonSerializable(typeof(Dictionary<string, string>))]
internal sealed partial class ReportTextJsonContext : JsonSerializerContext;
