using FollowUp.Rules.Risk;
using FollowUp.Rules.Profiles;
using Microsoft.Extensions.Options;

namespace FollowUp.Rules.Tests.Profiles;

public class FollowUpRuleSetTests
{
    [Fact]
    public void Default_HasTheFourBuiltInProfilesToBFirstChoiceAndChineseMessages()
    {
        var rules = FollowUpRuleSet.Default;

        Assert.Equal(["ECommerce", "Project", "ToB", "ToC"], rules.Profiles.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("ToB", rules.DefaultProfile.Name);
        Assert.Equal("zh-CN", rules.Culture.Name);
        Assert.Equal(TimeSpan.FromHours(8), rules.DefaultUtcOffset);
        Assert.Same(rules, FollowUpRuleSet.Default);
    }

    [Fact]
    public void SharedLists_CannotBeWrittenThroughACast()
    {
        // The default rule set is shared by the whole process: a caller casting a list it hands out must not change it for everyone.
        var rules = FollowUpRuleSet.Default;
        var competitors = FollowUpRuleSet.Create(new FollowUpRulesOptions { Profiles = { ["ToB"] = new() { CompetitorNames = { "北森" } } } })
            .Profiles["ToB"].CompetitorNames;

        Assert.Throws<NotSupportedException>(() => ((IList<RiskSignalDefinition>)rules.Signals)[0] = new("Competitor", 0.99));
        Assert.Throws<NotSupportedException>(() => ((IList<string>)competitors)[0] = "Moka");
        Assert.Equal(0.3, rules.Signals.Single(s => s.Code == "Competitor").DefaultWeight);
        Assert.Equal(["北森"], competitors);
    }

    [Fact]
    public void Create_NullOptions_ThrowsArgumentNullException() =>
        Assert.Throws<ArgumentNullException>(() => FollowUpRuleSet.Create(null!));

    [Fact]
    public void Create_InvalidOptions_ThrowsOptionsValidationException() =>
        Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(new FollowUpRulesOptions { DefaultProfile = "Nope" }));

    [Fact]
    public void Create_DoesNotKeepTheOptions()
    {
        var options = new FollowUpRulesOptions();
        options.Profiles["KeyAccounts"] = new ProfileOptions { StaleAfterDays = 7 };
        var rules = FollowUpRuleSet.Create(options);

        options.Profiles["KeyAccounts"].StaleAfterDays = 1;
        options.Profiles["Later"] = new ProfileOptions();
        options.AcknowledgementPhrases.Clear();

        Assert.Equal(TimeSpan.FromDays(7), rules.GetProfile("KeyAccounts").StaleAfter);
        Assert.False(rules.TryGetProfile("Later", out _));
    }

    [Fact]
    public void Create_CustomDefaultProfile_IsUsedForRecordsWithoutScenario()
    {
        var options = new FollowUpRulesOptions { DefaultProfile = "ECommerce", Culture = "en" };

        var rules = FollowUpRuleSet.Create(options);

        Assert.Equal("ECommerce", rules.DefaultProfile.Name);
        Assert.Same(rules.DefaultProfile, rules.GetProfile(null));
        Assert.Equal("en", rules.Culture.Name);
    }

    [Theory]
    [InlineData("ToC", "ToC")]
    [InlineData("toc", "ToC")]
    [InlineData("ECOMMERCE", "ECommerce")]
    [InlineData("  Project ", "Project")]
    public void GetProfile_NameInAnyCase_FindsTheProfile(string name, string expected)
    {
        Assert.Equal(expected, FollowUpRuleSet.Default.GetProfile(name).Name);
        Assert.True(FollowUpRuleSet.Default.TryGetProfile(name, out var profile));
        Assert.Equal(expected, profile.Name);
    }

    [Theory]
    [InlineData("电商", "ECommerce")]
    [InlineData("電商", "ECommerce")]
    [InlineData("快消品电商", "ECommerce")]
    [InlineData("e-commerce", "ECommerce")]
    [InlineData("项目型销售", "Project")]
    [InlineData("項目", "Project")]
    [InlineData("B2C", "ToC")]
    [InlineData("to c", "ToC")]
    [InlineData("ToB企业", "ToB")]
    [InlineData("ＴｏＢ", "ToB")]
    public void TryGetProfile_BuiltInAliasOrFoldedName_FindsTheProfile(string scenario, string expected)
    {
        Assert.True(FollowUpRuleSet.Default.TryGetProfile(scenario, out var profile));
        Assert.Equal(expected, profile.Name);
        Assert.DoesNotContain(scenario, FollowUpRuleSet.Default.Profiles.Keys);
    }

    [Fact]
    public void Create_ConfiguredAliases_NameTheirProfileOnlyAndTakeOverBuiltInOnes()
    {
        var options = new FollowUpRulesOptions();
        options.Profiles["KeyAccounts"] = new ProfileOptions { BasedOn = "ToB", Aliases = { "大客户", "KA" } };
        options.Profiles["Retail"] = new ProfileOptions { BasedOn = "ECommerce", Aliases = { "快消" } };
        options.Profiles["ToC"] = new ProfileOptions { Aliases = { "门店" } };

        var rules = FollowUpRuleSet.Create(options);

        Assert.Equal("KeyAccounts", rules.GetProfile("大客户").Name);
        Assert.Equal("KeyAccounts", rules.GetProfile("Key Accounts").Name);
        Assert.Equal("KeyAccounts", rules.GetProfile("k a").Name);
        Assert.Equal("Retail", rules.GetProfile("快消").Name);
        Assert.Equal("ECommerce", rules.GetProfile("电商").Name);
        Assert.Equal("ToC", rules.GetProfile("门店").Name);
        Assert.Equal("ToC", rules.GetProfile("B2C").Name);
    }

    [Fact]
    public void Create_CustomProfileNamedLikeABuiltInAlias_WinsOverTheAlias()
    {
        var options = new FollowUpRulesOptions();
        options.Profiles["电商"] = new ProfileOptions { BasedOn = "ToC" };

        Assert.Equal("电商", FollowUpRuleSet.Create(options).GetProfile("电商").Name);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void TryGetProfile_NoName_IsTheDefaultProfile(string? name)
    {
        Assert.True(FollowUpRuleSet.Default.TryGetProfile(name, out var profile));
        Assert.Same(FollowUpRuleSet.Default.DefaultProfile, profile);
    }

    [Fact]
    public void TryGetProfile_UnknownName_IsFalseWithTheDefaultProfile()
    {
        Assert.False(FollowUpRuleSet.Default.TryGetProfile("Wholesale", out var profile));
        Assert.Same(FollowUpRuleSet.Default.DefaultProfile, profile);
    }

    [Fact]
    public void GetProfile_UnknownName_ThrowsKeyNotFoundExceptionNamingTheKnownProfiles()
    {
        var exception = Assert.Throws<KeyNotFoundException>(() => FollowUpRuleSet.Default.GetProfile("Wholesale"));

        Assert.Contains("Wholesale", exception.Message, StringComparison.Ordinal);
        Assert.Contains("ECommerce", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Profiles_IncludeConfiguredProfilesByTheirConfiguredName()
    {
        var options = new FollowUpRulesOptions();
        options.Profiles["keyAccounts"] = new ProfileOptions();

        var rules = FollowUpRuleSet.Create(options);

        Assert.Equal(5, rules.Profiles.Count);
        Assert.Equal("keyAccounts", rules.GetProfile("KEYACCOUNTS").Name);
    }
}
