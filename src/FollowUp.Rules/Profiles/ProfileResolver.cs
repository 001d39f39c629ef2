using System.Collections.Frozen;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;

namespace FollowUp.Rules.Profiles;

/// <summary>
/// Resolves a profile's chain of <see cref="ProfileOptions.BasedOn"/> into the effective settings. Built-in profiles
/// resolve against the shipped definitions; a configured profile named like a built-in one changes it.
/// </summary>
internal static class ProfileResolver
{
    /// <summary>The chain from the root definition down to <paramref name="name"/>, each with the lexicon scope it adds.</summary>
    public static List<ProfileOptions> Chain(string name, FollowUpRulesOptions options)
    {
        var chain = new List<ProfileOptions>();
        Collect(name, options, chain, userLayer: true);
        chain.Reverse();
        return chain;
    }

    /// <summary>
    /// Every alias with the profile it names, in the order they take effect: the built-in ones, then the configured ones, so
    /// that a later one of the same folded form takes it over.
    /// </summary>
    public static IEnumerable<(string Profile, string Alias)> Aliases(FollowUpRulesOptions options) =>
        BuiltInProfiles.Definitions.Concat(options.Profiles)
            .SelectMany(profile => profile.Value.Aliases.Where(alias => alias is not null).Select(alias => (profile.Key, alias)));

    /// <summary>The points of each part of the grade, each layer of the profile's chain overriding the ones before.</summary>
    public static double[] EffectiveScoreWeights(string name, FollowUpRulesOptions options) => Effective(Chain(name, options), layer => layer.ScoreWeights);

    /// <summary>The weight of each step, each layer of the profile's chain overriding the ones before.</summary>
    public static double[] EffectiveStepWeights(string name, FollowUpRulesOptions options) => Effective(Chain(name, options), layer => layer.StepWeights);

    private static double[] Effective<TKey>(List<ProfileOptions> chain, Func<ProfileOptions, WeightDictionary<TKey>> weightsOf)
        where TKey : struct, Enum
    {
        var weights = new double[Enum.GetValues<TKey>().Length];
        foreach (var layer in chain)
        {
            foreach (var (name, weight) in weightsOf(layer))
            {
                // Names that are no TKey fail validation first; skipping them here keeps the effective sums it checks computable.
                if (WeightDictionary<TKey>.TryParseName(name, out var key))
                {
                    weights[Convert.ToInt32(key, System.Globalization.CultureInfo.InvariantCulture)] = weight;
                }
            }
        }

        return weights;
    }

    public static FollowUpProfile Resolve(
        string name, FollowUpRulesOptions options, IReadOnlyList<Risk.RiskSignalDefinition> signals,
        Func<IReadOnlyList<LexiconOptions>, IReadOnlyList<string>, TextAnalyzer> analyzerFor)
    {
        var chain = Chain(name, options);
        ulong required = 0;
        var customFields = new Dictionary<string, FollowUpStep>(StringComparer.Ordinal);
        var customSteps = new Dictionary<string, FollowUpStep>(StringComparer.Ordinal);
        double? credit = null;
        bool? everyStage = null;
        int? stale = null;
        bool? afterSigning = null;
        int? stalled = null;
        var signalWeights = signals.ToDictionary(s => s.Code, s => s.DefaultWeight, StringComparer.OrdinalIgnoreCase);
        var competitors = new List<string>(options.CompetitorNames);
        var noneIsAnswer = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var lexicon = new List<LexiconOptions> { options.Lexicon };
        foreach (var layer in chain)
        {
            foreach (var (customName, step) in layer.CustomFieldSteps)
            {
                customSteps[customName] = step;
            }

            foreach (var key in layer.RequiredFields)
            {
                if (RequirementCatalog.TryGetBit(key, out var bit))
                {
                    required |= 1UL << bit;
                }
                else
                {
                    customFields[key[FollowUpFields.CustomPrefix.Length..]] = FollowUpStep.Progress;
                }
            }

            foreach (var key in layer.IgnoredFields)
            {
                if (RequirementCatalog.TryGetBit(key, out var bit))
                {
                    required &= ~(1UL << bit);
                }
                else
                {
                    customFields.Remove(key[FollowUpFields.CustomPrefix.Length..]);
                }
            }

            credit = layer.AcknowledgedCredit ?? credit;
            everyStage = layer.AttachmentsAtEveryStage ?? everyStage;
            stale = layer.StaleAfterDays ?? stale;
            afterSigning = layer.FollowUpAfterSigning ?? afterSigning;
            stalled = layer.StalledStageAfterDays ?? stalled;
            foreach (var (code, weight) in layer.SignalWeights)
            {
                signalWeights[code] = weight;
            }

            competitors.AddRange(layer.CompetitorNames);
            noneIsAnswer.UnionWith(layer.NoneIsAnswer);
            lexicon.Add(layer.Lexicon);
        }

        var custom = customFields.Keys
            .Select(n => new CustomField(n, customSteps.TryGetValue(n, out var step) ? step : FollowUpStep.Progress))
            .ToArray();
        return new FollowUpProfile(
            name,
            required,
            custom,
            noneIsAnswer.ToFrozenSet(StringComparer.OrdinalIgnoreCase),
            Effective(chain, layer => layer.StepWeights),
            credit ?? 0.5,
            everyStage ?? false,
            stale ?? 14,
            afterSigning ?? true,
            stalled ?? 30,
            signalWeights.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase),
            competitors.Distinct(StringComparer.Ordinal).ToArray(),
            Effective(chain, layer => layer.ScoreWeights),
            analyzerFor(lexicon, competitors),
            Messages.MessageCatalog.For(System.Globalization.CultureInfo.GetCultureInfo(options.Culture)),
            options.FollowCurrentUICulture);
    }

    private static void Collect(string name, FollowUpRulesOptions options, List<ProfileOptions> chain, bool userLayer)
    {
        if (chain.Count > options.Profiles.Count + BuiltInProfiles.Definitions.Count)
        {
            throw new InvalidOperationException($"Profile '{name}' is part of a cycle of profiles based on each other.");
        }

        if (userLayer && options.Profiles.TryGetValue(name, out var configured))
        {
            chain.Add(configured);
            var basedOn = configured.BasedOn;
            if (basedOn is not null && !string.Equals(basedOn, name, StringComparison.OrdinalIgnoreCase))
            {
                Collect(basedOn, options, chain, userLayer: true);
            }
            else if (BuiltInProfiles.Definitions.ContainsKey(name))
            {
                // A configured profile named like a built-in one changes the shipped definition.
                Collect(name, options, chain, userLayer: false);
            }
            else
            {
                Collect(BuiltInProfiles.ToB, options, chain, userLayer: true);
            }

            return;
        }

        var builtIn = BuiltInProfiles.Definitions[name];
        chain.Add(builtIn);
        if (builtIn.BasedOn is { } builtInBase)
        {
            Collect(builtInBase, options, chain, userLayer: false);
        }
    }
}
