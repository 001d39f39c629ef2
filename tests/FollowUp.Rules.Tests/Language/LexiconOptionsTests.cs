using FollowUp.Rules.Language;
using FollowUp.Rules.Profiles;
using Microsoft.Extensions.Options;

namespace FollowUp.Rules.Tests.Language;

public sealed class LexiconOptionsTests
{
    [Fact]
    public void Add_NewPhrase_IsDetectedUnderItsCategory()
    {
        var options = new FollowUpRulesOptions();
        options.Lexicon.Add.Add(new PhraseOptions { Phrase = "看缘分", Category = "Hedge" });
        var detector = FollowUpRuleSet.Create(options).DefaultProfile.VagueLanguage;
        Assert.Empty(VagueLanguageDetector.Default.Detect("成不成看缘分").Phrases);
        Assert.Contains(detector.Detect("成不成看缘分").Phrases, p => p.Category == VagueCategory.Hedge && p.Text == "看缘分");
    }

    [Fact]
    public void Add_RiskCode_RaisesThatSignal()
    {
        var options = new FollowUpRulesOptions();
        options.Lexicon.Add.Add(new PhraseOptions { Phrase = "要走招标", Category = "Delay" });
        Assert.Contains("Delay", TextProbe.Of("客户说要走招标", FollowUpRuleSet.Create(options)).Risk);
    }

    [Fact]
    public void Remove_ShippedPhrase_IsNoLongerDetected()
    {
        var options = new FollowUpRulesOptions();
        options.Lexicon.Remove.Add("跟进中");
        Assert.DoesNotContain(FollowUpRuleSet.Create(options).DefaultProfile.VagueLanguage.Detect("跟进中").Phrases, p => p.Text == "跟进中");
    }

    [Fact]
    public void Remove_ShippedOvercomePhrase_NoLongerOvercomesTheRisk()
    {
        const string text = "客户犹豫了一下还是签了";
        Assert.DoesNotContain("Hesitation", TextProbe.Of(text).Risk);
        var options = new FollowUpRulesOptions();
        options.Lexicon.Remove.Add("还是签了");
        Assert.Contains("Hesitation", TextProbe.Of(text, FollowUpRuleSet.Create(options)).Risk);
    }

    [Fact]
    public void Add_ShippedPhraseUnderAnotherCategory_MovesIt()
    {
        var options = new FollowUpRulesOptions();
        options.Lexicon.Add.Add(new PhraseOptions { Phrase = "跟进中", Category = "Waiting" });
        var phrase = Assert.Single(FollowUpRuleSet.Create(options).DefaultProfile.VagueLanguage.Detect("跟进中").Phrases);
        Assert.Equal(VagueCategory.Waiting, phrase.Category);
    }

    [Fact]
    public void ProfileLexicon_ChangesOnlyThatProfile()
    {
        var options = new FollowUpRulesOptions();
        var profile = new ProfileOptions { BasedOn = "ToB" };
        profile.Lexicon.Add.Add(new PhraseOptions { Phrase = "看缘分", Category = "Hedge" });
        options.Profiles["Custom"] = profile;
        var rules = FollowUpRuleSet.Create(options);
        Assert.NotEmpty(rules.GetProfile("Custom").VagueLanguage.Detect("看缘分").Phrases);
        Assert.Empty(rules.GetProfile("ToB").VagueLanguage.Detect("看缘分").Phrases);
    }

    [Fact]
    public void Validate_BadEntries_FailNamingEveryEntry()
    {
        var options = new FollowUpRulesOptions();
        options.Lexicon.Add.Add(new PhraseOptions { Phrase = "", Category = "Waiting" });
        options.Lexicon.Add.Add(new PhraseOptions { Phrase = new string('长', 41), Category = "Waiting" });
        options.Lexicon.Add.Add(new PhraseOptions { Phrase = "看缘分", Category = "Vagueish" });
        options.Lexicon.Add.Add(new PhraseOptions { Phrase = "看缘分", Category = "Hedge" });
        options.Lexicon.Remove.Add("从未有过的短语");

        var exception = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(options));
        var failures = string.Join("\n", exception.Failures);
        Assert.Contains("FollowUpRules:Lexicon:Add:0", failures, StringComparison.Ordinal);
        Assert.Contains("FollowUpRules:Lexicon:Add:1", failures, StringComparison.Ordinal);
        Assert.Contains("unknown category 'Vagueish'", failures, StringComparison.Ordinal);
        Assert.Contains("FollowUpRules:Lexicon:Add:3 ('看缘分')", failures, StringComparison.Ordinal);
        Assert.Contains("is a duplicate of an earlier entry", failures, StringComparison.Ordinal);
        Assert.Contains("FollowUpRules:Lexicon:Remove:0", failures, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Add_PhraseShippedInTheSameCategory_IsAcceptedAndMatchedOnce(bool removedFirst)
    {
        // A later package version may ship a phrase a host added: its start-up must not fail for it.
        var options = new FollowUpRulesOptions();
        if (removedFirst)
        {
            options.Lexicon.Remove.Add("等客户回复");
        }

        options.Lexicon.Add.Add(new PhraseOptions { Phrase = "等客户回复", Category = "Waiting" });

        var detection = FollowUpRuleSet.Create(options).GetProfile("ToB").VagueLanguage.Detect("电话沟通后等客户回复");

        var phrase = Assert.Single(detection.Phrases);
        Assert.Equal((VagueCategory.Waiting, "等客户回复", 5), (phrase.Category, phrase.Text, phrase.Start));
    }

    [Fact]
    public void Validate_TwoGaps_Fail()
    {
        var options = new FollowUpRulesOptions();
        options.Profiles["P"] = new ProfileOptions();
        options.Profiles["P"].Lexicon.Add.Add(new PhraseOptions { Phrase = "价格…很…高", Category = "PriceObjection" });
        var exception = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(options));
        Assert.Contains("FollowUpRules:Profiles:P:Lexicon:Add:0", exception.Message, StringComparison.Ordinal);
    }
}
