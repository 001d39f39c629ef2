using System.Collections.Frozen;
using System.Globalization;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;
using FollowUp.Rules.Messages;
using FollowUp.Rules.Profiles;
using FollowUp.Rules.Risk;
using Microsoft.Extensions.Options;

namespace FollowUp.Rules;

/// <summary>
/// The immutable, validated form of <see cref="FollowUpRulesOptions"/>: every profile resolved with its compiled lexicon.
/// Build it once (it reads the lexicon and compiles the automata) and share it; it is safe to use from many threads.
/// </summary>
public sealed class FollowUpRuleSet
{
    private static readonly Lazy<FollowUpRuleSet> LazyDefault = new(() => Create(new FollowUpRulesOptions()));

    private readonly FrozenDictionary<string, FollowUpProfile> _profiles;

    private readonly FrozenDictionary<string, FollowUpProfile>.AlternateLookup<ReadOnlySpan<char>> _byName;

    /// <summary>Every profile by its folded name and aliases (<see cref="ProfileOptions.Aliases"/>), names first.</summary>
    private readonly FrozenDictionary<string, FollowUpProfile>.AlternateLookup<ReadOnlySpan<char>> _byFoldedName;

    /// <summary>How long a scenario may be and still be folded to look up an alias; longer ones name no profile.</summary>
    private const int LongestScenario = 128;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _placeholders;
    private readonly int _longestPlaceholder;

    /// <summary>How many characters of the text, spaces and zero-width ones included, a placeholder may take per character it folds to.</summary>
    private const int PlaceholderPadding = 4;

    private readonly FrozenDictionary<string, RiskSignalDefinition> _signals;

    private FollowUpRuleSet(
        FrozenDictionary<string, FollowUpProfile> profiles, FrozenDictionary<string, FollowUpProfile> byFoldedName, FollowUpProfile defaultProfile, CultureInfo culture, TimeSpan defaultUtcOffset,
        DateOrder dateOrder, FrozenSet<string> placeholders, GradeScale grades, RiskLevelScale riskLevels, RiskSignalDefinition[] signals, IRiskSignalDetector[] detectors)
    {
        _profiles = profiles;
        _byName = profiles.GetAlternateLookup<ReadOnlySpan<char>>();
        _byFoldedName = byFoldedName.GetAlternateLookup<ReadOnlySpan<char>>();
        DefaultProfile = defaultProfile;
        Culture = culture;
        DefaultUtcOffset = defaultUtcOffset;
        DateOrder = dateOrder;
        _placeholders = placeholders.GetAlternateLookup<ReadOnlySpan<char>>();
        _longestPlaceholder = placeholders.Count == 0 ? 0 : placeholders.Max(p => p.Length);
        Grades = grades;
        RiskLevels = riskLevels;
        SignalCodes = [.. signals.Select(s => s.Code)];
        _signals = signals.ToFrozenDictionary(s => s.Code, StringComparer.OrdinalIgnoreCase);
        SignalsByIndex = signals;
        Signals = [.. signals];
        Detectors = detectors;
        Messages = MessageCatalog.For(culture);
    }

    /// <summary>Gets the rule set of the default options: the four built-in profiles, ToB by default, messages in zh-CN.</summary>
    public static FollowUpRuleSet Default => LazyDefault.Value;

    /// <summary>Gets every profile, by name (case-insensitive).</summary>
    public IReadOnlyDictionary<string, FollowUpProfile> Profiles => _profiles;

    /// <summary>Gets the profile used for records that name none.</summary>
    public FollowUpProfile DefaultProfile { get; }

    /// <summary>
    /// Gets the culture of messages: of every message, or, when the rule set follows the caller's culture
    /// (<see cref="FollowCurrentUICulture"/>), of those for callers whose culture is neither Chinese nor English.
    /// </summary>
    public CultureInfo Culture { get; }

    /// <summary>
    /// Gets a value indicating whether messages follow the caller's culture at each evaluation
    /// (<see cref="FollowUpRulesOptions.FollowCurrentUICulture"/>) rather than <see cref="Culture"/> alone.
    /// </summary>
    public bool FollowCurrentUICulture { get; private init; }

    /// <summary>Gets the UTC offset given to timestamps that carry none.</summary>
    public TimeSpan DefaultUtcOffset { get; }

    /// <summary>Gets how numeric dates with the year last (<c>20/11/2026</c>) are read (<see cref="FollowUpRulesOptions.DateOrder"/>).</summary>
    public DateOrder DateOrder { get; }

    /// <summary>Gets the grade cut-offs.</summary>
    public GradeScale Grades { get; }

    /// <summary>Gets the best grade a record with a given flaw may get (<see cref="GradeCapOptions"/>); <see cref="GradeCaps.None"/> by default.</summary>
    public GradeCaps GradeCaps { get; private init; } = GradeCaps.None;

    /// <summary>Gets the risk-level cut-offs.</summary>
    public RiskLevelScale RiskLevels { get; }

    /// <summary>Gets every risk signal the rule set can raise: the text signals, the structural ones and any custom ones.</summary>
    public IReadOnlyList<RiskSignalDefinition> Signals { get; }

    internal string[] SignalCodes { get; }

    /// <summary>The signals of <see cref="Signals"/>, by the index of <see cref="SignalCodes"/>, as the grader reads them; never handed out.</summary>
    internal RiskSignalDefinition[] SignalsByIndex { get; }

    internal IRiskSignalDetector[] Detectors { get; }

    /// <summary>Whether detectors beyond the built-in ones run, which may read any field of a record.</summary>
    internal bool HasCustomDetectors => Detectors.Length > BuiltInRiskSignals.Detectors.Length;

    internal MessageCatalog Messages { get; }

    /// <summary>
    /// The messages of an evaluation asked for in <paramref name="culture"/>, and the culture they are in: that culture's catalog
    /// when it is Chinese or English, else (and for <see langword="null"/>) the rule set's own. The catalogs are built once each,
    /// when first asked for.
    /// </summary>
    internal MessageCatalog MessagesIn(CultureInfo? culture, out CultureInfo messagesCulture)
    {
        if (culture is null || !CatalogCulture.HasCatalog(culture))
        {
            messagesCulture = Culture;
            return Messages;
        }

        messagesCulture = culture;
        return MessageCatalog.For(culture);
    }

    /// <summary>The configured labels of record values (<see cref="FollowUpRulesOptions.Labels"/>), read when a record is evaluated.</summary>
    internal RecordLabels Labels { get; private init; } = RecordLabels.None;

    /// <summary>Validates <paramref name="options"/> and builds a rule set from them.</summary>
    /// <param name="options">The options; not changed, and not referenced after the call.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names every offending key.</exception>
    public static FollowUpRuleSet Create(FollowUpRulesOptions options) => Create(options, []);

    /// <summary>Validates <paramref name="options"/> and builds a rule set that also runs custom risk-signal detectors.</summary>
    /// <param name="options">The options; not changed, and not referenced after the call.</param>
    /// <param name="customDetectors">Detectors of custom signals, run after the built-in ones; their codes may be weighted in profiles.</param>
    /// <returns>The rule set.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> or <paramref name="customDetectors"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// A custom signal's code is empty, not ASCII letters and digits, or already taken, or its default weight is outside 0 to 1.
    /// </exception>
    /// <exception cref="OptionsValidationException">The options are invalid; the message names every offending key.</exception>
    public static FollowUpRuleSet Create(FollowUpRulesOptions options, IEnumerable<IRiskSignalDetector> customDetectors) =>
        Create(options, customDetectors, FollowUpRulesOptions.SectionName);

    /// <summary>Validates <paramref name="options"/>, naming keys under <paramref name="keyRoot"/>, and builds a rule set from them.</summary>
    /// <param name="options">The options; not changed, and not referenced after the call.</param>
    /// <param name="customDetectors">Detectors of custom signals, run after the built-in ones.</param>
    /// <param name="keyRoot">The section the options were read from (<c>Tenants:sg:FollowUpRules</c>), or <c>""</c> for the top level of a file.</param>
    internal static FollowUpRuleSet Create(FollowUpRulesOptions options, IEnumerable<IRiskSignalDetector> customDetectors, string keyRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(customDetectors);
        IRiskSignalDetector[] detectors = [.. BuiltInRiskSignals.Detectors, .. customDetectors];
        var signals = SignalDefinitions(detectors);
        string[] signalCodes = [.. signals.Select(s => s.Code)];
        var validation = new FollowUpRulesOptionsValidator(signalCodes, keyRoot).Validate(Microsoft.Extensions.Options.Options.DefaultName, options);
        if (validation.Failed)
        {
            throw new OptionsValidationException(Microsoft.Extensions.Options.Options.DefaultName, typeof(FollowUpRulesOptions), validation.Failures);
        }

        var analyzers = new Dictionary<string, TextAnalyzer>(StringComparer.Ordinal);
        var names = BuiltInProfiles.Definitions.Keys.Concat(options.Profiles.Keys).Distinct(StringComparer.OrdinalIgnoreCase);
        var profiles = names
            .Select(name => ProfileResolver.Resolve(CanonicalName(name, options), options, signals, (lexicon, competitors) => AnalyzerFor(lexicon, competitors)))
            .ToFrozenDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);

        var placeholders = options.PlaceholderValues.Select(TextFolding.FoldPhrase).ToFrozenSet(StringComparer.Ordinal);
        var grades = new GradeScale(options.Grades.A, options.Grades.B, options.Grades.C);
        var levels = new RiskLevelScale(options.RiskLevels.Medium, options.RiskLevels.High, options.RiskLevels.Critical);
        var caps = options.Grades.Caps;
        return new FollowUpRuleSet(
            profiles, ByFoldedName(profiles, options), profiles[options.DefaultProfile], CultureInfo.GetCultureInfo(options.Culture), options.DefaultUtcOffset, options.DateOrder, placeholders, grades,
            levels, signals, detectors)
        {
            GradeCaps = new GradeCaps(caps.VagueLatestContact, caps.UnansweredRisk, caps.OverdueNextAction),
            FollowCurrentUICulture = options.FollowCurrentUICulture,
            Labels = new RecordLabels(options.Labels),
        };

        TextAnalyzer AnalyzerFor(IReadOnlyList<LexiconOptions> lexicon, IReadOnlyList<string> competitors)
        {
            var key = string.Join(
                '\u001f',
                lexicon.SelectMany(l => l.Add.Select(a => $"+{a.Category}:{a.WholeText}:{a.Phrase}").Concat(l.Remove.Select(r => $"-{r}")))
                    .Concat(competitors.Select(c => $"!{c}")));
            if (!analyzers.TryGetValue(key, out var analyzer))
            {
                analyzer = new TextAnalyzer(LexiconBuilder.Build(lexicon, competitors, options.AcknowledgementPhrases, signalCodes));
                analyzers[key] = analyzer;
            }

            return analyzer;
        }
    }

    /// <summary>Gets a profile by name or alias.</summary>
    /// <param name="name">
    /// The profile's name (case-insensitive) or one of its <see cref="ProfileOptions.Aliases"/>, or <see langword="null"/> for the
    /// default profile.
    /// </param>
    /// <returns>The profile.</returns>
    /// <exception cref="KeyNotFoundException">No profile has that name.</exception>
    public FollowUpProfile GetProfile(string? name) =>
        TryGetProfile(name, out var profile) ? profile : throw new KeyNotFoundException($"No follow-up profile is named '{name}'. Known profiles: {string.Join(", ", _profiles.Keys)}.");

    /// <summary>Gets a profile by name or alias, as a record's <c>scenario</c> gives it.</summary>
    /// <param name="name">
    /// The profile's name (case-insensitive) or one of its <see cref="ProfileOptions.Aliases"/> (电商 for <c>ECommerce</c>), both
    /// also matched ignoring full-width forms, Traditional characters and spaces; <see langword="null"/> or blank for the
    /// default profile.
    /// </param>
    /// <param name="profile">The profile, or the default profile when none has that name.</param>
    /// <returns><see langword="true"/> when a profile has that name or alias, or no name was given.</returns>
    public bool TryGetProfile(string? name, out FollowUpProfile profile)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            profile = DefaultProfile;
            return true;
        }

        var trimmed = name.AsSpan().Trim();
        if (_byName.TryGetValue(trimmed, out var found))
        {
            profile = found;
            return true;
        }

        Span<char> folded = stackalloc char[LongestScenario];
        if (trimmed.Length <= LongestScenario && _byFoldedName.TryGetValue(folded[..ProfileKey(trimmed, folded)], out found))
        {
            profile = found;
            return true;
        }

        profile = DefaultProfile;
        return false;
    }

    /// <summary>
    /// The form in which profile names and aliases are compared: folded as phrases are (case, full-width forms, Traditional
    /// characters, zero-width characters), with no spaces at all, so "Key Accounts" and 大 客户 find KeyAccounts and 大客户.
    /// </summary>
    /// <returns>The length written; <paramref name="destination"/> must be at least as long as <paramref name="name"/>.</returns>
    internal static int ProfileKey(ReadOnlySpan<char> name, Span<char> destination)
    {
        var folded = TextFolding.FoldInto(name, destination);
        var length = 0;
        for (var i = 0; i < folded; i++)
        {
            if (destination[i] != ' ')
            {
                destination[length++] = destination[i];
            }
        }

        return length;
    }

    /// <inheritdoc cref="ProfileKey(ReadOnlySpan{char}, Span{char})"/>
    internal static string ProfileKey(string name)
    {
        var buffer = new char[name.Length];
        return new string(buffer, 0, ProfileKey(name, buffer));
    }

    /// <summary>Whether a signal must be answered by a noted risk with a countermeasure.</summary>
    internal bool RequiresCountermeasure(string code) => _signals.TryGetValue(code, out var signal) && signal.RequiresCountermeasure;

    /// <summary>
    /// Whether <paramref name="text"/>, folded as the placeholders were (<see cref="TextFolding.FoldInto"/>: zero-width
    /// characters dropped, spaces collapsed, so 无\u200B and "n / a" count), is one of the configured placeholder values.
    /// </summary>
    internal bool IsPlaceholder(ReadOnlySpan<char> text)
    {
        text = text.Trim();
        if (text.Length == 0 || text.Length > PlaceholderPadding * _longestPlaceholder)
        {
            return text.Length == 0;
        }

        Span<char> folded = stackalloc char[text.Length];
        var length = TextFolding.FoldInto(text, folded);
        return length == 0 || _placeholders.Contains(folded[..length]);
    }

    private static RiskSignalDefinition[] SignalDefinitions(IRiskSignalDetector[] detectors) =>
        TryGetSignalDefinitions(detectors, out var signals, out var problems)
            ? signals
            : throw new ArgumentException(string.Join(" ", problems), nameof(detectors));

    /// <summary>
    /// The text signals and those of <paramref name="detectors"/>, checked: codes of ASCII letters and digits, none taken
    /// twice, default weights from 0 to 1. The options validator asks too, so a bad custom detector stops a host at start-up.
    /// </summary>
    /// <returns><see langword="false"/>, with every problem in <paramref name="problems"/>, when a signal breaks one of those rules.</returns>
    internal static bool TryGetSignalDefinitions(IRiskSignalDetector[] detectors, out RiskSignalDefinition[] definitions, out string[] problems)
    {
        var signals = new List<RiskSignalDefinition>(BuiltInRiskSignals.TextSignals);
        var found = new List<string>();
        foreach (var detector in detectors)
        {
            foreach (var signal in detector.Signals)
            {
                var detectorName = detector.GetType().Name;
                if (string.IsNullOrEmpty(signal.Code) || !signal.Code.All(char.IsAsciiLetterOrDigit))
                {
                    found.Add($"Risk signal code '{signal.Code}' of {detectorName} must be ASCII letters and digits.");
                }
                else if (signals.Any(s => string.Equals(s.Code, signal.Code, StringComparison.OrdinalIgnoreCase)))
                {
                    found.Add($"Risk signal code '{signal.Code}' of {detectorName} is already taken.");
                }

                if (!(signal.DefaultWeight is >= 0 and <= 1))
                {
                    found.Add($"Risk signal '{signal.Code}' of {detectorName} has default weight {signal.DefaultWeight}; it must be between 0 and 1.");
                }

                signals.Add(signal);
            }
        }

        problems = [.. found];
        definitions = problems.Length == 0 ? [.. signals] : [];
        return problems.Length == 0;
    }

    /// <summary>
    /// Every profile under its folded name, then under its folded aliases: the built-in ones first, so that a configured alias
    /// takes one over; no alias displaces a name. Validation has already refused configured aliases that clash.
    /// </summary>
    private static FrozenDictionary<string, FollowUpProfile> ByFoldedName(FrozenDictionary<string, FollowUpProfile> profiles, FollowUpRulesOptions options)
    {
        var byFoldedName = new Dictionary<string, FollowUpProfile>(StringComparer.Ordinal);
        foreach (var profile in profiles.Values)
        {
            byFoldedName.TryAdd(ProfileKey(profile.Name), profile);
        }

        var aliases = new Dictionary<string, FollowUpProfile>(StringComparer.Ordinal);
        foreach (var (name, alias) in ProfileResolver.Aliases(options))
        {
            aliases[ProfileKey(alias)] = profiles[name];
        }

        foreach (var (alias, aliased) in aliases)
        {
            byFoldedName.TryAdd(alias, aliased);
        }

        return byFoldedName.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string CanonicalName(string name, FollowUpRulesOptions options) =>
        BuiltInProfiles.Definitions.Keys.FirstOrDefault(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase))
        ?? options.Profiles.Keys.First(k => string.Equals(k, name, StringComparison.OrdinalIgnoreCase));
}
