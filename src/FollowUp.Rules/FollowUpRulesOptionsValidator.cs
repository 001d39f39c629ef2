using System.Globalization;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;
using FollowUp.Rules.Profiles;
using FollowUp.Rules.Risk;
using Microsoft.Extensions.Options;

namespace FollowUp.Rules;

/// <summary>
/// Checks <see cref="FollowUpRulesOptions"/> and reports every problem at once, each naming its configuration key
/// (<c>FollowUpRules:Profiles:KeyAccounts:StepWeights:Needs</c>), so a bad appsettings file fails at start-up with a
/// message that says where to look. Keys start at the section the options were bound from: the path a host gave
/// (<c>AddFollowUpRules("sg").WithSectionPath("Tenants:sg:FollowUpRules")</c>), else <c>FollowUpRules</c> for the default
/// options and the options' name for named ones, so a tenant's bad value is not blamed on the default section. Each message is a clause with no closing period: Microsoft.Extensions.Options joins
/// them with "; " (<see cref="OptionsValidationException.Message"/>), which a period would double into ".;".
/// </summary>
internal sealed class FollowUpRulesOptionsValidator : IValidateOptions<FollowUpRulesOptions>
{
    private readonly string[] _signalCodes;

    /// <summary>The section each options name was bound from, as the host told it; a name not here gets <see cref="KeyRoot(string?, string?)"/>'s fallback.</summary>
    private readonly Dictionary<string, string> _sectionPaths = new(StringComparer.Ordinal);

    /// <summary>
    /// Every reason the registered custom detectors cannot make a rule set (a code that is not letters and digits or is taken
    /// twice, a default weight out of range), or none. Reported with the options, so that <c>ValidateOnStart</c> stops the host
    /// at start-up instead of the first evaluation throwing.
    /// </summary>
    private readonly string[] _detectorProblems = [];

    /// <summary>Initializes a validator that knows the built-in risk signals and those of the registered custom detectors.</summary>
    /// <param name="customDetectors">The registered custom detectors.</param>
    /// <param name="sectionPaths">The sections the host said its options are bound from (<see cref="Microsoft.Extensions.DependencyInjection.FollowUpRulesBuilder.WithSectionPath"/>); a later one of a name wins.</param>
    public FollowUpRulesOptionsValidator(IEnumerable<IRiskSignalDetector> customDetectors, IEnumerable<FollowUpRulesSectionPath> sectionPaths)
        : this([.. RiskSignalCodes.TextSignals, .. RiskSignalCodes.StructuralSignals, .. customDetectors.SelectMany(d => d.Signals).Select(s => s.Code)])
    {
        FollowUpRuleSet.TryGetSignalDefinitions([.. BuiltInRiskSignals.Detectors, .. customDetectors], out _, out _detectorProblems);
        foreach (var section in sectionPaths)
        {
            _sectionPaths[section.Name] = section.Path;
        }
    }

    /// <param name="signalCodes">Every risk signal a profile may weight.</param>
    /// <param name="keyRoot">The section every key is named under, for every options name: <c>""</c> for keys at the top level of a file.</param>
    internal FollowUpRulesOptionsValidator(IReadOnlyCollection<string> signalCodes, string? keyRoot = null)
    {
        _signalCodes = [.. signalCodes];
        _keyRoot = keyRoot;
    }

    /// <summary>The section every key is named under whatever the options' name (a file's section the CLI checks), or <see langword="null"/>.</summary>
    private readonly string? _keyRoot;

    /// <summary>
    /// The section the keys of the options named <paramref name="name"/> are named under: the path the host gave, else
    /// <c>FollowUpRules</c> for the default options and <c>FollowUpRules (named 'sg')</c> for named ones.
    /// </summary>
    internal static string KeyRoot(string? name, string? sectionPath) =>
        sectionPath ?? (string.IsNullOrEmpty(name) ? FollowUpRulesOptions.SectionName : $"{FollowUpRulesOptions.SectionName} (named '{name}')");

    /// <summary>The section the keys of the options named <paramref name="name"/> are named under, as <see cref="KeyRoot(string?, string?)"/> tells.</summary>
    internal static string KeyRoot(string? name, IEnumerable<FollowUpRulesSectionPath> sectionPaths) =>
        KeyRoot(name, sectionPaths.LastOrDefault(section => section.Name == (name ?? Options.DefaultName))?.Path);

    public ValidateOptionsResult Validate(string? name, FollowUpRulesOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var builder = new ValidateOptionsResultBuilder();
        var root = _keyRoot ?? KeyRoot(name, _sectionPaths.GetValueOrDefault(name ?? Options.DefaultName));
        var prefix = root.Length == 0 ? "" : root + ":";
        foreach (var problem in _detectorProblems)
        {
            // The problem is a sentence where a rule set throws it; here it is a clause like the other failures.
            builder.AddError($"A custom risk signal detector cannot be used: {problem.TrimEnd('.')}");
        }

        // Set from code only (configuration binds "KeyAccounts": null to an empty profile); every later check reads the profile.
        var nullProfiles = options.Profiles.Where(profile => profile.Value is null).Select(profile => profile.Key).ToList();
        if (nullProfiles.Count > 0)
        {
            foreach (var profileName in nullProfiles)
            {
                builder.AddError("is null; give the profile's settings (new ProfileOptions()) or remove it", $"{prefix}Profiles:{profileName}");
            }

            return builder.Build();
        }

        var codes = _signalCodes;
        var profileNames = new HashSet<string>(BuiltInProfiles.Definitions.Keys, StringComparer.OrdinalIgnoreCase);
        profileNames.UnionWith(options.Profiles.Keys);

        if (string.IsNullOrWhiteSpace(options.DefaultProfile) || !profileNames.Contains(options.DefaultProfile))
        {
            builder.AddError(
                $"names no profile{AliasHint(options.DefaultProfile, options)}; known profiles: {string.Join(", ", profileNames.Order(StringComparer.Ordinal))}",
                $"{prefix}DefaultProfile ('{options.DefaultProfile}')");
        }

        if (!IsChineseOrEnglish(options.Culture))
        {
            builder.AddError(
                InvariantGlobalization
                    ? InvariantGlobalizationProblem
                    : "must be a Chinese (zh, zh-CN, zh-TW, zh-HK…) or English (en, en-US, en-GB…) culture; messages are in Traditional Chinese in Hong Kong wording for zh-HK and zh-MO, in Taiwan wording for zh-TW and zh-Hant, in Simplified Chinese for every other Chinese culture and in English for every English one"
                        + (NamesTheCaller(options.Culture) ? $"; to follow each caller's culture, set {prefix}FollowCurrentUICulture to true and keep Culture for callers in other languages" : ""),
                $"{prefix}Culture ('{options.Culture}')");
        }

        var offset = options.DefaultUtcOffset;
        if (offset < TimeSpan.FromHours(-14) || offset > TimeSpan.FromHours(14) || offset.Ticks % TimeSpan.TicksPerMinute != 0)
        {
            // Configuration reads a TimeSpan, in which a bare number (8) or more than 23 hours (25:00:00) counts days, and
            // echoing it back as 8.00:00:00 left the reader to work out why; say how it was read and how to write an offset.
            var days = offset.Days != 0;
            builder.AddError(
                "must be whole minutes between -14:00 and +14:00 hours, written [-]hh:mm such as 08:00 or -05:30"
                + (days ? "; a bare number (8) or more than 23 hours (25:00:00) is read as days" : ""),
                $"{prefix}DefaultUtcOffset ('{offset}'{(days ? $", read as {offset.TotalHours.ToString(CultureInfo.InvariantCulture)} hours" : "")})");
        }

        if (!Enum.IsDefined(options.DateOrder))
        {
            // Configuration binds a number to any enum value ("DateOrder": 5); a name it does not know fails binding instead.
            builder.AddError($"must be one of {string.Join(", ", Enum.GetNames<DateOrder>())}", $"{prefix}DateOrder ('{options.DateOrder}')");
        }

        CheckPhrases(builder, options.AcknowledgementPhrases, $"{prefix}AcknowledgementPhrases", FollowUpRulesOptions.DefaultAcknowledgementPhrases, matchedInText: true);
        CheckPhrases(builder, options.PlaceholderValues, $"{prefix}PlaceholderValues", FollowUpRulesOptions.DefaultPlaceholderValues);
        CheckLexicon(builder, options.Lexicon, $"{prefix}Lexicon", codes);
        CheckPhrases(builder, options.CompetitorNames, $"{prefix}CompetitorNames", matchedInText: true);

        foreach (var (profileName, profile) in options.Profiles)
        {
            CheckProfile(builder, prefix, profileName, profile, options, codes);
        }

        CheckAliases(builder, prefix, options);
        RecordLabels.Check(builder, options.Labels, prefix + "Labels");

        var grades = options.Grades;
        if (GradeScale.FirstOutOfOrder(grades.A, grades.B, grades.C) is not null)
        {
            builder.AddError("must satisfy 0 <= C <= B <= A <= 100", $"{prefix}Grades (A={grades.A}, B={grades.B}, C={grades.C})");
        }

        var caps = options.Grades.Caps;
        foreach (var (capName, cap) in new[] { ("VagueLatestContact", caps.VagueLatestContact), ("UnansweredRisk", caps.UnansweredRisk), ("OverdueNextAction", caps.OverdueNextAction) })
        {
            if (cap is { } grade && !Enum.IsDefined(grade))
            {
                builder.AddError($"must be one of {string.Join(", ", Enum.GetNames<Grade>())}", $"{prefix}Grades:Caps:{capName} ('{grade}')");
            }
        }

        var levels = options.RiskLevels;
        if (RiskLevelScale.FirstOutOfOrder(levels.Medium, levels.High, levels.Critical) is not null)
        {
            builder.AddError(
                "must satisfy 0 < Medium <= High <= Critical <= 100",
                $"{prefix}RiskLevels (Medium={levels.Medium}, High={levels.High}, Critical={levels.Critical})");
        }

        return builder.Build();
    }

    private static void CheckProfile(ValidateOptionsResultBuilder builder, string prefix, string profileName, ProfileOptions profile, FollowUpRulesOptions options, string[] codes)
    {
        var key = $"{prefix}Profiles:{profileName}";
        if (string.IsNullOrWhiteSpace(profileName))
        {
            builder.AddError("a profile needs a name", key);
        }

        var resolvable = true;
        if (profile.BasedOn is { } basedOn)
        {
            if (!BuiltInProfiles.Definitions.ContainsKey(basedOn) && !options.Profiles.ContainsKey(basedOn))
            {
                builder.AddError($"names no built-in or configured profile{AliasHint(basedOn, options)}", $"{key}:BasedOn ('{basedOn}')");
                resolvable = false;
            }
            else if (string.Equals(basedOn, profileName, StringComparison.OrdinalIgnoreCase) && !BuiltInProfiles.Definitions.ContainsKey(basedOn))
            {
                // Only a built-in profile may name itself: ToB based on ToB changes the shipped ToB.
                builder.AddError("names the profile itself; base it on a built-in or another configured profile", $"{key}:BasedOn ('{basedOn}')");
                resolvable = false;
            }
            else if (FormsCycle(profileName, options))
            {
                builder.AddError("forms a cycle of profiles based on each other", $"{key}:BasedOn ('{basedOn}')");
                resolvable = false;
            }
        }

        CheckFieldKeys(builder, profile.RequiredFields, $"{key}:RequiredFields");
        CheckFieldKeys(builder, profile.IgnoredFields, $"{key}:IgnoredFields");
        CheckFieldKeys(builder, profile.NoneIsAnswer, $"{key}:NoneIsAnswer");
        for (var i = 0; i < profile.IgnoredFields.Count; i++)
        {
            // Ignoring wins, so the requirement would be dropped without a word: one of the two lists is a mistake.
            // Only between field keys (a key that is none was named above); custom names are read ignoring case, so compared so.
            var ignored = profile.IgnoredFields[i];
            var custom = RequirementCatalog.IsCustomKey(ignored);
            var comparison = custom ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            if ((custom || RequirementCatalog.TryGetBit(ignored, out _)) && profile.RequiredFields.Any(required => string.Equals(required, ignored, comparison)))
            {
                builder.AddError("is in the profile's RequiredFields too; a field is either required or ignored", $"{key}:IgnoredFields:{i} ('{ignored}')");
            }
        }

        foreach (var customName in profile.CustomFieldSteps.Keys)
        {
            if (!RequirementCatalog.IsCustomName(customName))
            {
                builder.AddError("is not a custom field name (letters, digits, _ or -)", $"{key}:CustomFieldSteps:{customName}");
            }
        }

        var stepNamesKnown = CheckWeights(builder, profile.StepWeights, $"{key}:StepWeights", "a step");

        if (profile.AcknowledgedCredit is { } credit && !(credit is >= 0 and <= 1))
        {
            builder.AddError("must be between 0 and 1", $"{key}:AcknowledgedCredit ({credit})");
        }

        if (profile.StaleAfterDays is < 1 or > 3650)
        {
            builder.AddError("must be between 1 and 3650 days", $"{key}:StaleAfterDays ({profile.StaleAfterDays})");
        }

        if (profile.StalledStageAfterDays is < 1 or > 3650)
        {
            builder.AddError("must be between 1 and 3650 days", $"{key}:StalledStageAfterDays ({profile.StalledStageAfterDays})");
        }

        foreach (var (code, weight) in profile.SignalWeights)
        {
            if (!codes.Contains(code, StringComparer.OrdinalIgnoreCase))
            {
                builder.AddError($"is not a risk signal; known signals: {string.Join(", ", codes)}", $"{key}:SignalWeights:{code}");
            }
            else if (!(weight is >= 0 and <= 1))
            {
                builder.AddError("must be between 0 and 1", $"{key}:SignalWeights:{code} ({weight})");
            }
        }

        CheckPhrases(builder, profile.CompetitorNames, $"{key}:CompetitorNames", matchedInText: true);
        CheckLexicon(builder, profile.Lexicon, $"{key}:Lexicon", codes);

        var scoreNamesKnown = CheckWeights(builder, profile.ScoreWeights, $"{key}:ScoreWeights", "a part of the grade");

        if (resolvable && !ChainResolves(profileName, options))
        {
            resolvable = false;
        }

        // A misspelt name is reported above; the sums without it would only add a second, misleading error.
        if (resolvable && scoreNamesKnown && profile.ScoreWeights.Count > 0 && ProfileResolver.EffectiveScoreWeights(profileName, options).Sum() is var total
            && Math.Abs(total - 100) > 1e-6)
        {
            builder.AddError(
                $"must add up to 100 points with the inherited ones; they add up to {total.ToString(CultureInfo.InvariantCulture)}",
                $"{key}:ScoreWeights");
        }

        if (resolvable && stepNamesKnown && profile.StepWeights.Count > 0 && ProfileResolver.EffectiveStepWeights(profileName, options).Sum() <= 0)
        {
            builder.AddError("must give at least one step a positive weight", $"{key}:StepWeights");
        }
    }

    /// <summary>
    /// The largest weight of a step or a part of the grade: weights are relative, and one far beyond any sensible ratio
    /// (1e307) would overflow the grade's arithmetic.
    /// </summary>
    private const double MaxWeight = 1_000_000;

    /// <summary>Reports weights keyed by no name of <typeparamref name="TName"/> and weights out of range; <see langword="false"/> when a key names nothing.</summary>
    private static bool CheckWeights<TName>(ValidateOptionsResultBuilder builder, WeightDictionary<TName> weights, string key, string what)
        where TName : struct, Enum
    {
        var namesKnown = true;
        foreach (var (name, weight) in weights)
        {
            if (!WeightDictionary<TName>.TryParseName(name, out _))
            {
                builder.AddError($"is not {what}; use one of {WeightDictionary<TName>.Names}", $"{key}:{name}");
                namesKnown = false;
            }
            else if (!IsFinite(weight) || weight is < 0 or > MaxWeight)
            {
                builder.AddError("must be a number from 0 to 1,000,000", $"{key}:{name} ({weight})");
            }
        }

        return namesKnown;
    }

    private static void CheckFieldKeys(ValidateOptionsResultBuilder builder, IList<string> keys, string key)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            if (!RequirementCatalog.TryGetBit(keys[i], out _) && !RequirementCatalog.IsCustomKey(keys[i]))
            {
                builder.AddError(
                    "is not a field key; use one of FollowUpFields (such as customer.decisionRole, communications[].summary) or custom.<name>",
                    $"{key}:{i} ('{keys[i]}')");
            }
        }
    }

    /// <summary>
    /// Configured profile names must not be alike once folded (ＴｏＢ beside ToB, "Key Accounts" beside KeyAccounts), and
    /// configured aliases must have 1 to <see cref="LexiconEntry.MaxLength"/> characters of which one counts, and none may
    /// be a profile's name or another configured profile's alias once folded, since a scenario could not tell which profile
    /// it means.
    /// </summary>
    private static void CheckAliases(ValidateOptionsResultBuilder builder, string prefix, FollowUpRulesOptions options)
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        // A configured profile named like a built-in one (ToB, tob) changes it: one name.
        foreach (var name in BuiltInProfiles.Definitions.Keys.Concat(options.Profiles.Keys).Distinct(StringComparer.OrdinalIgnoreCase))
        {
            if (!string.IsNullOrWhiteSpace(name) && !names.TryAdd(FollowUpRuleSet.ProfileKey(name), name))
            {
                builder.AddError(
                    $"is profile '{names[FollowUpRuleSet.ProfileKey(name)]}' once case, width, Traditional characters and spaces are set aside; a scenario could not tell them apart",
                    $"{prefix}Profiles:{name}");
            }
        }

        var taken = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (profileName, profile) in options.Profiles)
        {
            var key = $"{prefix}Profiles:{profileName}:Aliases";
            CheckPhrases(builder, profile.Aliases, key);
            for (var i = 0; i < profile.Aliases.Count; i++)
            {
                var alias = profile.Aliases[i];
                if (string.IsNullOrWhiteSpace(alias) || alias.Length > LexiconEntry.MaxLength)
                {
                    continue;
                }

                var folded = FollowUpRuleSet.ProfileKey(alias);
                if (folded.Length == 0)
                {
                    builder.AddError("has no character a scenario could match (only spaces, zero-width or control characters)", $"{key}:{i}");
                }
                else if (names.TryGetValue(folded, out var name))
                {
                    builder.AddError($"is the name of profile '{name}'; a profile's name always means that profile", $"{key}:{i} ('{alias}')");
                }
                else if (!taken.TryAdd(folded, profileName) && !string.Equals(taken[folded], profileName, StringComparison.OrdinalIgnoreCase))
                {
                    builder.AddError($"is also an alias of profile '{taken[folded]}'; an alias must name one profile", $"{key}:{i} ('{alias}')");
                }
            }
        }
    }

    /// <summary>
    /// When <paramref name="value"/> is not a profile's name but one of its aliases (电商), which only a record's scenario
    /// may give: the clause that says whose, to add to a "names no profile" failure; otherwise empty.
    /// </summary>
    private static string AliasHint(string? value, FollowUpRulesOptions options)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return "";
        }

        var key = FollowUpRuleSet.ProfileKey(value);
        var owner = ProfileResolver.Aliases(options).LastOrDefault(named => FollowUpRuleSet.ProfileKey(named.Alias) == key).Profile;
        return owner is null ? "" : $": '{value}' is an alias of profile '{owner}', which records may give as their scenario; here give the profile's name";
    }

    /// <summary>
    /// Checks a list of phrases: each of 1 to <see cref="LexiconEntry.MaxLength"/> characters and, when
    /// <paramref name="matchedInText"/> (the automaton searches notes for them), with a character left to match once folded.
    /// </summary>
    private static void CheckPhrases(ValidateOptionsResultBuilder builder, IList<string> phrases, string key, string[]? builtIn = null, bool matchedInText = false)
    {
        // Configuration binding appends to a list that starts with the built-in entries, so the first configured entry
        // (key :0) sits after them. While the list still starts with them (all valid, so never reported), entries are named by
        // their configuration key.
        var builtInFirst = builtIn is not null && phrases.Take(builtIn.Length).SequenceEqual(builtIn) ? builtIn.Length : 0;
        for (var i = 0; i < phrases.Count; i++)
        {
            var problem = string.IsNullOrWhiteSpace(phrases[i]) || phrases[i].Length > LexiconEntry.MaxLength
                ? $"must have 1 to {LexiconEntry.MaxLength} characters"
                : matchedInText && HasSideWithNothingToMatch(phrases[i]) ? NothingToMatch : null;
            if (problem is not null)
            {
                var entry = builtInFirst > 0
                    ? $"{key}:{i - builtInFirst} ('{phrases[i]}'; configured entries follow the {builtInFirst} built-in ones, so this is list index {i})"
                    : $"{key}:{i} ('{phrases[i]}')";
                builder.AddError(problem, entry);
            }
        }
    }

    /// <summary>Whether the phrase, or a side of a gap (…) in it, folds to nothing: the automaton has no character to match.</summary>
    private static bool HasSideWithNothingToMatch(string phrase) =>
        phrase.Split(LexiconEntry.GapMarker).Any(side => TextFolding.FoldPhrase(side).Length == 0);

    private const string NothingToMatch = "has no character a note could match (only spaces, zero-width, format or control characters)";

    private static void CheckLexicon(ValidateOptionsResultBuilder builder, LexiconOptions lexicon, string key, string[] codes)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lexicon.Add.Count; i++)
        {
            var entry = lexicon.Add[i];
            var entryKey = $"{key}:Add:{i} ('{entry.Phrase}')";
            if (string.IsNullOrWhiteSpace(entry.Phrase) || entry.Phrase.Length > LexiconEntry.MaxLength)
            {
                builder.AddError($"must have 1 to {LexiconEntry.MaxLength} characters", entryKey);
                continue;
            }

            var gaps = entry.Phrase.Count(c => c == LexiconEntry.GapMarker);
            if (gaps > 1 || entry.Phrase.Trim().StartsWith(LexiconEntry.GapMarker) || entry.Phrase.Trim().EndsWith(LexiconEntry.GapMarker)
                || (gaps == 1 && entry.WholeText))
            {
                builder.AddError("may hold one gap (…) between two words, and no gap when WholeText is set", entryKey);
            }
            else if (HasSideWithNothingToMatch(entry.Phrase))
            {
                builder.AddError(gaps == 1 ? "has a side of its gap (…) with no character a note could match (only spaces, zero-width, format or control characters)" : NothingToMatch, entryKey);
            }

            if (!LexiconBuilder.TryResolveCategory(entry.Category, codes, out _, out _))
            {
                builder.AddError(
                    $"has unknown category '{entry.Category}'; use a vague category ({string.Join(", ", Enum.GetNames<VagueCategory>())}) or a risk signal ({string.Join(", ", codes)})",
                    entryKey);
            }

            // A phrase the package already ships is taken as given (it replaces the shipped entry), so a later version that
            // ships a host's own phrase cannot stop the host at start-up; only the host's own list may not repeat itself.
            if (!seen.Add(TextFolding.FoldPhrase(entry.Phrase)))
            {
                builder.AddError("is a duplicate of an earlier entry", entryKey);
            }
        }

        var shipped = lexicon.Remove.Count > 0 ? ShippedPhrases() : [];
        for (var i = 0; i < lexicon.Remove.Count; i++)
        {
            var phrase = lexicon.Remove[i];
            if (string.IsNullOrWhiteSpace(phrase) || !shipped.Contains(TextFolding.FoldPhrase(phrase)))
            {
                builder.AddError("is not a shipped vague-language, risk or overcome phrase", $"{key}:Remove:{i} ('{phrase}')");
            }
        }
    }

    private static HashSet<string> ShippedPhrases() =>
        ShippedLexicon.Entries(_ => 0).Where(e => e.Role is PhraseRole.Vague or PhraseRole.Risk or PhraseRole.Overcome).Select(e => TextFolding.FoldPhrase(e.Phrase))
            .ToHashSet(StringComparer.Ordinal);

    /// <summary>Whether every profile the chain passes through exists and no cycle is met, so effective values can be computed.</summary>
    private static bool ChainResolves(string start, FollowUpRulesOptions options)
    {
        var current = start;
        for (var hops = 0; hops <= options.Profiles.Count; hops++)
        {
            if (!options.Profiles.TryGetValue(current, out var profile) || profile.BasedOn is not { } next
                || string.Equals(next, current, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }

            if (!options.Profiles.ContainsKey(next) && !BuiltInProfiles.Definitions.ContainsKey(next))
            {
                return false;
            }

            current = next;
        }

        return false;
    }

    private static bool FormsCycle(string start, FollowUpRulesOptions options)
    {
        var visited = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { start };
        var current = start;
        while (options.Profiles.TryGetValue(current, out var profile) && profile.BasedOn is { } next
            && !string.Equals(next, current, StringComparison.OrdinalIgnoreCase))
        {
            if (!visited.Add(next))
            {
                return true;
            }

            current = next;
        }

        return false;
    }

    /// <summary>
    /// Why no culture can be used in a process without ICU's culture data: a slim container image, or a host built with
    /// <c>InvariantGlobalization</c>, knows no culture but the invariant one, so the configured culture is not what is wrong.
    /// </summary>
    internal const string InvariantGlobalizationProblem =
        "cannot be used: the process runs in .NET's invariant globalization mode (DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1, or InvariantGlobalization in the project), which knows no Chinese or English culture; install ICU (the libicu package) in the image, or turn the mode off";

    /// <summary>Whether a culture setting asks for the caller's culture, as some libraries spell it, instead of naming one.</summary>
    private static bool NamesTheCaller(string? culture) =>
        culture?.Trim().ToUpperInvariant() is "AUTO" or "CURRENT" or "CURRENTUICULTURE" or "REQUEST";

    /// <summary>Gets whether the process runs without culture data, where even <c>en-US</c> cannot be created or is the invariant culture.</summary>
    internal static bool InvariantGlobalization
    {
        get
        {
            try
            {
                return CultureInfo.GetCultureInfo("en-US").NativeName.Contains("Invariant", StringComparison.Ordinal);
            }
            catch (CultureNotFoundException)
            {
                return true;
            }
        }
    }

    // By language, as the message catalog is chosen: ICU accepts any well-formed tag, so a prefix test let through
    // "english" or "zha" (Zhuang), which then got English messages.
    internal static bool IsChineseOrEnglish(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        try
        {
            return CultureInfo.GetCultureInfo(name).TwoLetterISOLanguageName is "zh" or "en";
        }
        catch (CultureNotFoundException)
        {
            return false;
        }
    }

    private static bool IsFinite(double value) => double.IsFinite(value);
}
