using FollowUp.Rules.Language;
using FollowUp.Rules.Profiles;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Options;

namespace FollowUp.Rules.Tests.Profiles;

/// <summary>
/// SPEC §4: invalid configuration fails with a message naming the offending key. Whatever phrase a host configures, the
/// rules are built or the options are rejected; no other exception, which no key names, reaches the host.
/// </summary>
public sealed class ConfiguredPhraseProperties
{
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 200)]
    public Property Create_AnyConfiguredPhrase_BuildsOrFailsValidationNamingIt(ConfiguredPhrase phrase)
    {
        var options = new FollowUpRulesOptions();
        var key = phrase.Place switch
        {
            PhrasePlace.LexiconAdd => Put(() => options.Lexicon.Add.Add(new PhraseOptions { Phrase = phrase.Text, Category = "Hedge" }), "FollowUpRules:Lexicon:Add:0"),
            PhrasePlace.ProfileLexiconAdd => Put(() => options.Profiles["Retail"] = new ProfileOptions { Lexicon = { Add = { new PhraseOptions { Phrase = phrase.Text, Category = "Competitor" } } } }, "FollowUpRules:Profiles:Retail:Lexicon:Add:0"),
            PhrasePlace.CompetitorName => Put(() => options.Profiles["Retail"] = new ProfileOptions { CompetitorNames = { phrase.Text } }, "FollowUpRules:Profiles:Retail:CompetitorNames:0"),
            _ => Put(() => options.AcknowledgementPhrases.Add(phrase.Text), "FollowUpRules:AcknowledgementPhrases:0"),
        };

        try
        {
            _ = FollowUpRuleSet.Create(options);
            return true.Label("built");
        }
        catch (OptionsValidationException rejected)
        {
            return rejected.Failures.Any(f => f.Contains(key, StringComparison.Ordinal)).Label(string.Join(" | ", rejected.Failures));
        }
    }

    private static string Put(Action add, string key)
    {
        add();
        return key;
    }

    public enum PhrasePlace
    {
        LexiconAdd,
        ProfileLexiconAdd,
        CompetitorName,
        Acknowledgement,
    }

    public sealed record ConfiguredPhrase(PhrasePlace Place, string Text)
    {
        public override string ToString() => $"{Place}: \"{string.Concat(Text.Select(c => c < 0x20 || c is >= '\u2000' and <= '\u206F' or '\uFEFF' or '\u00AD' ? $"\\u{(int)c:X4}" : c.ToString()))}\"";
    }

    public static class Arbitraries
    {
        public static Arbitrary<ConfiguredPhrase> ConfiguredPhrase()
        {
            var character = Gen.OneOf(
                Gen.Elements("客", "户", "偏", "高", "a", "Ｂ", "價", " ", "…", "。"),
                Gen.Elements("\u200B", "\u200C", "\u200D", "\u2060", "\uFEFF", "\u00AD", "\u0001", "\t", "\u3000", "\uD800"));
            var text = Gen.Choose(0, 6).SelectMany(n => Gen.ArrayOf(character, n)).Select(string.Concat);
            return Gen.Elements(Enum.GetValues<PhrasePlace>())
                .SelectMany(place => text.Select(t => new ConfiguredPhrase(place, t)))
                .ToArbitrary();
        }
    }
}
