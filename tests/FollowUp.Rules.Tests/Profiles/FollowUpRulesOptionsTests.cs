using System.Text;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;
using FollowUp.Rules.Profiles;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FollowUp.Rules.Tests.Profiles;

public class FollowUpRulesOptionsTests
{
    [Fact]
    public void Defaults_MatchTheSpecification()
    {
        var options = new FollowUpRulesOptions();

        Assert.Equal("FollowUpRules", FollowUpRulesOptions.SectionName);
        Assert.Equal("ToB", options.DefaultProfile);
        Assert.Equal("zh-CN", options.Culture);
        Assert.False(options.FollowCurrentUICulture);
        Assert.Equal(TimeSpan.FromHours(8), options.DefaultUtcOffset);
        Assert.Empty(options.Profiles);
        Assert.Empty(options.Lexicon.Add);
        Assert.Empty(options.Lexicon.Remove);
        Assert.Equal((85, 70, 60), (options.Grades.A, options.Grades.B, options.Grades.C));
        Assert.Equal((25, 50, 75), (options.RiskLevels.Medium, options.RiskLevels.High, options.RiskLevels.Critical));
    }

    [Fact]
    public void AcknowledgementPhrases_IncludeTheArticlesPhrases()
    {
        var phrases = new FollowUpRulesOptions().AcknowledgementPhrases;

        Assert.Contains("待补充", phrases);
        Assert.Contains("暂未明确", phrases);
        Assert.Contains("未透露", phrases);
        Assert.Contains("did not say", phrases);
    }

    [Fact]
    public void PlaceholderValues_IncludeTheSpecsPlaceholders()
    {
        var placeholders = new FollowUpRulesOptions().PlaceholderValues;

        Assert.All(new[] { "-", "/", "无", "n/a", "null" }, p => Assert.Contains(p, placeholders, StringComparer.OrdinalIgnoreCase));
    }

    [Fact]
    public void Lists_AreIndependentPerInstance()
    {
        var first = new FollowUpRulesOptions();
        first.AcknowledgementPhrases.Clear();
        first.PlaceholderValues.Add("未填");

        var second = new FollowUpRulesOptions();

        Assert.NotEmpty(second.AcknowledgementPhrases);
        Assert.DoesNotContain("未填", second.PlaceholderValues);
    }

    [Theory]
    [InlineData("AcknowledgementPhrases", 33)]
    [InlineData("PlaceholderValues", 21)]
    public void Create_InvalidEntryBoundFromConfiguration_NamesItsConfigurationKeyAndTheBuiltInEntriesBeforeIt(string list, int builtIn)
    {
        var options = new FollowUpRulesOptions();
        Configuration($$"""{ "FollowUpRules": { "{{list}}": [ "未填写", "" ] } }""").GetSection(FollowUpRulesOptions.SectionName).Bind(options);

        var exception = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(options));

        var failure = Assert.Single(exception.Failures);
        Assert.Contains(
            $"FollowUpRules:{list}:1 (''; configured entries follow the {builtIn} built-in ones, so this is list index {builtIn + 1})",
            failure,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Create_InvalidEntryInAReplacedList_NamesItsIndex()
    {
        var options = new FollowUpRulesOptions();
        options.AcknowledgementPhrases.Clear();
        options.AcknowledgementPhrases.Add("客户保密");
        options.AcknowledgementPhrases.Add(" ");

        var exception = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(options));

        var failure = Assert.Single(exception.Failures);
        Assert.Contains("FollowUpRules:AcknowledgementPhrases:1 (' '):", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void AcknowledgementPhrases_ClearedBeforeConfigurationIsBound_HoldOnlyTheConfiguredOnes()
    {
        // What the XML docs advise to replace the built-in phrases: configure actions run in the order they are added.
        var services = new ServiceCollection();
        services.AddFollowUpRules(options => options.AcknowledgementPhrases.Clear());
        services.Configure<FollowUpRulesOptions>(Configuration("""{ "FollowUpRules": { "AcknowledgementPhrases": [ "客户保密" ] } }""")
            .GetSection(FollowUpRulesOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<FollowUpRulesOptions>>().Value;

        Assert.Equal(["客户保密"], options.AcknowledgementPhrases);
    }

    private static IConfiguration Configuration(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    [Fact]
    public void FollowCurrentUICulture_BoundFromConfiguration_ReachesTheRuleSet()
    {
        var services = new ServiceCollection();
        services.AddFollowUpRules();
        services.Configure<FollowUpRulesOptions>(
            Configuration("""{ "FollowUpRules": { "Culture": "zh-HK", "FollowCurrentUICulture": true } }""").GetSection(FollowUpRulesOptions.SectionName),
            binder => binder.ErrorOnUnknownConfiguration = true);
        using var provider = services.BuildServiceProvider();

        var rules = provider.GetRequiredService<IFollowUpRulesMonitor>().Current;

        Assert.True(rules.FollowCurrentUICulture);
        Assert.Equal("zh-HK", rules.Culture.Name);
        Assert.False(FollowUpRuleSet.Default.FollowCurrentUICulture);
    }

    [Fact]
    public void FollowCurrentUICulture_NotABoolean_FailsNamingTheKey()
    {
        var services = new ServiceCollection();
        services.AddFollowUpRules();
        services.Configure<FollowUpRulesOptions>(
            Configuration("""{ "FollowUpRules": { "FollowCurrentUICulture": "yes" } }""").GetSection(FollowUpRulesOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptions<FollowUpRulesOptions>>().Value);

        Assert.Contains("FollowUpRules:FollowCurrentUICulture", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("auto")]
    [InlineData("Current")]
    public void Create_CultureThatAsksForTheCallers_PointsToFollowCurrentUICulture(string culture)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(new FollowUpRulesOptions { Culture = culture }));

        var failure = Assert.Single(exception.Failures);
        Assert.Contains($"FollowUpRules:Culture ('{culture}'): must be a Chinese", failure, StringComparison.Ordinal);
        Assert.Contains("set FollowUpRules:FollowCurrentUICulture to true", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_CultureOfAnotherLanguage_DoesNotPointToFollowCurrentUICulture()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(new FollowUpRulesOptions { Culture = "fr" }));

        Assert.DoesNotContain("FollowCurrentUICulture", Assert.Single(exception.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Profiles_AreKeyedCaseInsensitively()
    {
        var options = new FollowUpRulesOptions();
        options.Profiles["KeyAccounts"] = new ProfileOptions();

        Assert.True(options.Profiles.ContainsKey("keyaccounts"));
    }

    [Fact]
    public void Create_AliasesThatCannotNameOneProfile_FailNamingTheirKeys()
    {
        var options = new FollowUpRulesOptions();
        options.Profiles["KeyAccounts"] = new ProfileOptions { BasedOn = "ToB", Aliases = { "大客户", "ｐｒｏｊｅｃｔ", " " } };
        options.Profiles["Strategic"] = new ProfileOptions { BasedOn = "ToB", Aliases = { "大 客户" } };

        var exception = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(options));
        var message = exception.Message;

        Assert.All(exception.Failures, f => Assert.False(f.EndsWith('.'), f));
        Assert.Contains("FollowUpRules:Profiles:KeyAccounts:Aliases:1 ('ｐｒｏｊｅｃｔ'): is the name of profile 'Project'", message, StringComparison.Ordinal);
        Assert.Contains("FollowUpRules:Profiles:KeyAccounts:Aliases:2 (' '): must have 1 to", message, StringComparison.Ordinal);
        Assert.Contains("FollowUpRules:Profiles:Strategic:Aliases:0 ('大 客户'): is also an alias of profile 'KeyAccounts'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_AliasWithNothingToMatchOrNamesAlikeOnceFolded_Fail()
    {
        var options = new FollowUpRulesOptions();
        options.Profiles["Retail"] = new ProfileOptions { BasedOn = "ToC", Aliases = { "\u200b" } };
        options.Profiles["ＴｏＢ"] = new ProfileOptions { BasedOn = "ToC" };

        var message = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(options)).Message;

        Assert.Contains("FollowUpRules:Profiles:Retail:Aliases:0: has no character a scenario could match", message, StringComparison.Ordinal);
        Assert.Contains("FollowUpRules:Profiles:ＴｏＢ: is profile 'ToB' once case, width", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_NullProfile_FailsNamingIt()
    {
        var options = new FollowUpRulesOptions();
        options.Profiles["Retail"] = null!;

        var exception = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(options));

        Assert.Contains("FollowUpRules:Profiles:Retail: is null", Assert.Single(exception.Failures), StringComparison.Ordinal);
    }

    [Fact]
    public void Create_PhraseWithNothingANoteCouldMatch_FailsNamingIt()
    {
        var options = new FollowUpRulesOptions();
        options.Lexicon.Add.Add(new PhraseOptions { Phrase = "\u200b", Category = "Hedge" });
        options.Lexicon.Add.Add(new PhraseOptions { Phrase = "客户偏…\u00AD", Category = "Hedge" });
        options.AcknowledgementPhrases.Add("\uFEFF");
        options.Profiles["Retail"] = new ProfileOptions { BasedOn = "ToC", CompetitorNames = { " \u200b " } };

        var message = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(options)).Message;

        Assert.Contains("FollowUpRules:Lexicon:Add:0 ('\u200b'): has no character a note could match", message, StringComparison.Ordinal);
        Assert.Contains("FollowUpRules:Lexicon:Add:1 ('客户偏…\u00AD'): has a side of its gap (…) with no character a note could match", message, StringComparison.Ordinal);
        Assert.Contains("FollowUpRules:AcknowledgementPhrases:0 ('\uFEFF'", message, StringComparison.Ordinal);
        Assert.Contains("FollowUpRules:Profiles:Retail:CompetitorNames:0 (' \u200b '): has no character a note could match", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_DefaultProfileOrBaseGivenAsAnAlias_SaysWhoseAliasItIs()
    {
        var options = new FollowUpRulesOptions { DefaultProfile = "电商" };
        options.Profiles["Retail"] = new ProfileOptions { BasedOn = "项目型" };

        var message = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(options)).Message;

        Assert.Contains("DefaultProfile ('电商'): names no profile: '电商' is an alias of profile 'ECommerce'", message, StringComparison.Ordinal);
        Assert.Contains("BasedOn ('项目型'): names no built-in or configured profile: '项目型' is an alias of profile 'Project'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aliases_BoundFromConfiguration_NameTheProfile()
    {
        var options = new FollowUpRulesOptions();
        Configuration("""{ "FollowUpRules": { "Profiles": { "Wholesale": { "BasedOn": "ToB", "Aliases": [ "批发", "经销商" ] } } } }""")
            .GetSection(FollowUpRulesOptions.SectionName).Bind(options);

        var rules = FollowUpRuleSet.Create(options);

        Assert.Equal("Wholesale", rules.GetProfile("经销商").Name);
    }

    [Fact]
    public void Create_ManyInvalidValues_ReportsEveryOffendingKeyInOneException()
    {
        var options = new FollowUpRulesOptions { Culture = "fr", DefaultProfile = "Wholesale" };
        options.Grades.A = 50;
        options.Lexicon.Remove.Add("这不是词库里的词");
        options.Profiles["KeyAccounts"] = new ProfileOptions { BasedOn = "Enterprise" };
        options.Profiles["Loop1"] = new ProfileOptions { BasedOn = "Loop2" };
        options.Profiles["Loop2"] = new ProfileOptions { BasedOn = "Loop1" };
        var bad = new ProfileOptions { BasedOn = "ToB", AcknowledgedCredit = 2, StaleAfterDays = 0 };
        bad.RequiredFields.Add("customer.shoeSize");
        bad.IgnoredFields.Add("needs");
        bad.RequiredFields.Add("customer.email");
        bad.IgnoredFields.Add("customer.email");
        bad.RequiredFields.Add("custom.contractNo");
        bad.IgnoredFields.Add("custom.ContractNo");
        bad.IgnoredFields.Add("Customer.Email");
        bad.StepWeights[FollowUpStep.Needs] = -5;
        bad.SignalWeights["Weather"] = 0.5;
        bad.ScoreWeights[GradeComponent.Clarity] = 30;
        bad.Lexicon.Add.Add(new PhraseOptions { Phrase = " ", Category = "Waiting" });
        bad.Lexicon.Add.Add(new PhraseOptions { Phrase = "看缘分", Category = "Mood" });
        options.Profiles["Bad"] = bad;

        var exception = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(options));

        string[] keys =
        [
            "FollowUpRules:Culture ('fr')",
            "FollowUpRules:DefaultProfile ('Wholesale')",
            "FollowUpRules:Grades",
            "FollowUpRules:Lexicon:Remove:0",
            "FollowUpRules:Profiles:KeyAccounts:BasedOn ('Enterprise')",
            "FollowUpRules:Profiles:Loop1:BasedOn ('Loop2')",
            "FollowUpRules:Profiles:Loop2:BasedOn ('Loop1')",
            "FollowUpRules:Profiles:Bad:AcknowledgedCredit",
            "FollowUpRules:Profiles:Bad:StaleAfterDays",
            "FollowUpRules:Profiles:Bad:RequiredFields:0 ('customer.shoeSize')",
            "FollowUpRules:Profiles:Bad:IgnoredFields:0 ('needs')",
            "FollowUpRules:Profiles:Bad:IgnoredFields:1 ('customer.email'): is in the profile's RequiredFields too",
            "FollowUpRules:Profiles:Bad:IgnoredFields:2 ('custom.ContractNo'): is in the profile's RequiredFields too",
            "FollowUpRules:Profiles:Bad:IgnoredFields:3 ('Customer.Email'): is not a field key",
            "FollowUpRules:Profiles:Bad:StepWeights:Needs",
            "FollowUpRules:Profiles:Bad:SignalWeights:Weather",
            "FollowUpRules:Profiles:Bad:ScoreWeights",
            "FollowUpRules:Profiles:Bad:Lexicon:Add:0",
            "FollowUpRules:Profiles:Bad:Lexicon:Add:1",
        ];
        Assert.All(keys, key => Assert.Contains(exception.Failures, f => f.Contains(key, StringComparison.Ordinal)));
        Assert.All(keys, key => Assert.Contains(key, exception.Message, StringComparison.Ordinal));
        Assert.DoesNotContain(exception.Failures, f => f.Contains("IgnoredFields:3 ('Customer.Email'): is in the profile's RequiredFields", StringComparison.Ordinal));
        Assert.Equal(typeof(FollowUpRulesOptions), exception.OptionsType);
    }

    [Theory]
    [InlineData("25:00:00", "Property FollowUpRules:DefaultUtcOffset ('25.00:00:00', read as 600 hours): must be whole minutes between -14:00 and +14:00 hours, written [-]hh:mm such as 08:00 or -05:30; a bare number (8) or more than 23 hours (25:00:00) is read as days")]
    [InlineData("8", "Property FollowUpRules:DefaultUtcOffset ('8.00:00:00', read as 192 hours): must be whole minutes between -14:00 and +14:00 hours, written [-]hh:mm such as 08:00 or -05:30; a bare number (8) or more than 23 hours (25:00:00) is read as days")]
    [InlineData("-15:00", "Property FollowUpRules:DefaultUtcOffset ('-15:00:00'): must be whole minutes between -14:00 and +14:00 hours, written [-]hh:mm such as 08:00 or -05:30")]
    [InlineData("08:00:30", "Property FollowUpRules:DefaultUtcOffset ('08:00:30'): must be whole minutes between -14:00 and +14:00 hours, written [-]hh:mm such as 08:00 or -05:30")]
    public void Create_DefaultUtcOffsetOutOfRange_SaysHowTheValueWasReadAndHowToWriteAnOffset(string configured, string expected)
    {
        var options = new FollowUpRulesOptions();
        Configuration($$"""{ "FollowUpRules": { "DefaultUtcOffset": "{{configured}}" } }""").GetSection(FollowUpRulesOptions.SectionName)
            .Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);

        var exception = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(options));

        Assert.Equal(expected, Assert.Single(exception.Failures));
    }

    [Theory]
    [InlineData("Culture", "FollowUpRules:Culture")]
    [InlineData("DefaultProfile", "FollowUpRules:DefaultProfile")]
    [InlineData("DefaultUtcOffset", "FollowUpRules:DefaultUtcOffset")]
    [InlineData("DateOrder", "FollowUpRules:DateOrder ('7')")]
    [InlineData("AcknowledgementPhrases", "FollowUpRules:AcknowledgementPhrases:")]
    [InlineData("PlaceholderValues", "FollowUpRules:PlaceholderValues:")]
    [InlineData("Grades", "FollowUpRules:Grades")]
    [InlineData("RiskLevels", "FollowUpRules:RiskLevels")]
    [InlineData("BasedOn", "FollowUpRules:Profiles:Custom:BasedOn")]
    [InlineData("Cycle", "FollowUpRules:Profiles:Custom:BasedOn")]
    [InlineData("RequiredFields", "FollowUpRules:Profiles:Custom:RequiredFields:0")]
    [InlineData("CustomFieldSteps", "FollowUpRules:Profiles:Custom:CustomFieldSteps:order status")]
    [InlineData("StepWeights", "FollowUpRules:Profiles:Custom:StepWeights:Progress")]
    [InlineData("HugeStepWeight", "FollowUpRules:Profiles:Custom:StepWeights:Needs")]
    [InlineData("AllStepWeightsZero", "FollowUpRules:Profiles:Custom:StepWeights")]
    [InlineData("AcknowledgedCredit", "FollowUpRules:Profiles:Custom:AcknowledgedCredit")]
    [InlineData("StalledStageAfterDays", "FollowUpRules:Profiles:Custom:StalledStageAfterDays")]
    [InlineData("SignalWeights", "FollowUpRules:Profiles:Custom:SignalWeights:Weather")]
    [InlineData("SignalWeightRange", "FollowUpRules:Profiles:Custom:SignalWeights:competitor (1.5)")]
    [InlineData("ScoreWeights", "FollowUpRules:Profiles:Custom:ScoreWeights")]
    [InlineData("CompetitorNames", "FollowUpRules:Profiles:Custom:CompetitorNames:0")]
    [InlineData("GlobalCompetitorNames", "FollowUpRules:CompetitorNames:1")]
    [InlineData("LexiconCategory", "FollowUpRules:Profiles:Custom:Lexicon:Add:0")]
    [InlineData("LexiconGap", "FollowUpRules:Profiles:Custom:Lexicon:Add:0")]
    [InlineData("LexiconDuplicate", "FollowUpRules:Lexicon:Add:1")]
    [InlineData("LexiconRemove", "FollowUpRules:Lexicon:Remove:0")]
    public void Create_OneInvalidValue_NamesItsKey(string problem, string key)
    {
        var options = new FollowUpRulesOptions();
        var custom = new ProfileOptions { BasedOn = "ToB" };
        options.Profiles["Custom"] = custom;
        switch (problem)
        {
            case "Culture": options.Culture = "xx-Nowhere"; break;
            case "DefaultProfile": options.DefaultProfile = ""; break;
            case "DefaultUtcOffset": options.DefaultUtcOffset = TimeSpan.FromHours(15); break;
            case "DateOrder": options.DateOrder = (DateOrder)7; break;
            case "AcknowledgementPhrases": options.AcknowledgementPhrases.Add(" "); break;
            case "PlaceholderValues": options.PlaceholderValues.Add(""); break;
            case "Grades": options.Grades.C = 90; break;
            case "RiskLevels": options.RiskLevels.Medium = 0; break;
            case "BasedOn": custom.BasedOn = "Enterprise"; break;
            case "Cycle": options.Profiles["Other"] = new ProfileOptions { BasedOn = "Custom" }; custom.BasedOn = "Other"; break;
            case "RequiredFields": custom.RequiredFields.Add("custom."); break;
            case "CustomFieldSteps": custom.CustomFieldSteps["order status"] = FollowUpStep.Progress; break;
            case "StepWeights": custom.StepWeights[FollowUpStep.Progress] = double.NaN; break;
            case "HugeStepWeight": custom.StepWeights[FollowUpStep.Needs] = 1e307; break;
            case "AllStepWeightsZero":
                foreach (var step in Enum.GetValues<FollowUpStep>())
                {
                    custom.StepWeights[step] = 0;
                }

                break;
            case "AcknowledgedCredit": custom.AcknowledgedCredit = -0.1; break;
            case "StalledStageAfterDays": custom.StalledStageAfterDays = 5000; break;
            case "SignalWeights": custom.SignalWeights["Weather"] = 0.2; break;
            case "SignalWeightRange": custom.SignalWeights["competitor"] = 1.5; break;
            case "ScoreWeights": custom.ScoreWeights[GradeComponent.Timeliness] = 0; break;
            case "CompetitorNames": custom.CompetitorNames.Add(new string('友', 200)); break;
            case "GlobalCompetitorNames": options.CompetitorNames.Add("北森"); options.CompetitorNames.Add(" "); break;
            case "LexiconCategory": custom.Lexicon.Add.Add(new PhraseOptions { Phrase = "看缘分", Category = "Mood" }); break;
            case "LexiconGap": custom.Lexicon.Add.Add(new PhraseOptions { Phrase = "…等…", Category = "Waiting" }); break;
            case "LexiconDuplicate":
                options.Lexicon.Add.Add(new PhraseOptions { Phrase = "wait and see lah", Category = "Hedge" });
                options.Lexicon.Add.Add(new PhraseOptions { Phrase = "WAIT AND SEE LAH", Category = "Hedge" });
                break;
            case "LexiconRemove": options.Lexicon.Remove.Add("这不是词库里的词"); break;
            default: throw new ArgumentOutOfRangeException(nameof(problem), problem, null);
        }

        var exception = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(options));

        Assert.Contains(exception.Failures, f => f.Contains(key, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("DayFirst", DateOrder.DayFirst)]
    [InlineData("monthfirst", DateOrder.MonthFirst)]
    [InlineData("YearFirst", DateOrder.YearFirst)]
    public void Bind_DateOrderByName_ReachesTheRuleSet(string configured, DateOrder expected)
    {
        var options = new FollowUpRulesOptions();
        Configuration($$"""{ "FollowUpRules": { "DateOrder": "{{configured}}" } }""").GetSection(FollowUpRulesOptions.SectionName)
            .Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);

        Assert.Equal(expected, FollowUpRuleSet.Create(options).DateOrder);
    }

    [Fact]
    public void Create_DateOrderDefault_IsYearFirst()
    {
        Assert.Equal(DateOrder.YearFirst, new FollowUpRulesOptions().DateOrder);
        Assert.Equal(DateOrder.YearFirst, FollowUpRuleSet.Default.DateOrder);
    }

    [Fact]
    public void Create_DateOrderBoundFromANumberNoOrderHas_NamesTheKeyAndTheOrders()
    {
        // The binder turns any number into the enum; only a name it does not know fails binding itself.
        var options = new FollowUpRulesOptions();
        Configuration("""{ "FollowUpRules": { "DateOrder": "5" } }""").GetSection(FollowUpRulesOptions.SectionName)
            .Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);

        var exception = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(options));

        Assert.Equal("Property FollowUpRules:DateOrder ('5'): must be one of YearFirst, DayFirst, MonthFirst", Assert.Single(exception.Failures));
    }

    [Fact]
    public void Bind_DateOrderNoOrderNames_FailsNamingTheKey()
    {
        var options = new FollowUpRulesOptions();

        var exception = Assert.Throws<InvalidOperationException>(() =>
            Configuration("""{ "FollowUpRules": { "DateOrder": "DMY" } }""").GetSection(FollowUpRulesOptions.SectionName)
                .Bind(options, binder => binder.ErrorOnUnknownConfiguration = true));

        Assert.Contains("FollowUpRules:DateOrder", exception.Message + exception.InnerException?.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ValidLexiconChanges_AreAccepted()
    {
        var options = new FollowUpRulesOptions();
        options.Lexicon.Add.Add(new PhraseOptions { Phrase = "看黄历再定", Category = "Hedge" });
        options.Lexicon.Add.Add(new PhraseOptions { Phrase = "金蝶", Category = "Competitor" });
        options.Lexicon.Add.Add(new PhraseOptions { Phrase = "略略", Category = "NoContent", WholeText = true });
        options.Lexicon.Remove.Add("尽快");

        var rules = FollowUpRuleSet.Create(options);

        Assert.Equal(4, rules.Profiles.Count);
    }

    [Theory]
    [InlineData("zh")]
    [InlineData("zh-CN")]
    [InlineData("zh-TW")]
    [InlineData("zh-HK")]
    [InlineData("zh-MO")]
    [InlineData("zh-Hant")]
    [InlineData("EN")]
    [InlineData("en-US")]
    [InlineData("en-GB")]
    public void Create_AnyChineseOrEnglishCulture_IsAccepted(string culture)
    {
        var rules = FollowUpRuleSet.Create(new FollowUpRulesOptions { Culture = culture });

        Assert.Contains(rules.Culture.TwoLetterISOLanguageName, new[] { "zh", "en" });
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("zha")]
    [InlineData("enx")]
    [InlineData("english")]
    [InlineData("xx-Nowhere")]
    [InlineData(" ")]
    public void Create_CultureOfAnotherLanguage_SaysWhatIsAccepted(string culture)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(new FollowUpRulesOptions { Culture = culture }));

        var failure = Assert.Single(exception.Failures, f => f.Contains("FollowUpRules:Culture", StringComparison.Ordinal));
        Assert.Contains("must be a Chinese (zh, zh-CN, zh-TW, zh-HK…) or English (en, en-US, en-GB…) culture", failure, StringComparison.Ordinal);
        Assert.Contains("Simplified Chinese", failure, StringComparison.Ordinal);
        Assert.Contains("Hong Kong wording for zh-HK and zh-MO", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_SeveralProblems_JoinIntoOneMessageWithoutADoubledPeriod()
    {
        // Options joins failures with "; ", and ours ended with a period: "…1,000,000.; Property …".
        var options = new FollowUpRulesOptions { Culture = "fr", Profiles = { ["ECommerce"] = new() { ScoreWeights = { ["Clarity"] = -3 } } } };

        var exception = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(options));

        Assert.Equal(3, exception.Failures.Count());
        Assert.All(exception.Failures, f => Assert.False(f.EndsWith('.'), f));
        Assert.DoesNotContain(".;", exception.Message, StringComparison.Ordinal);
        Assert.Contains("must be a number from 0 to 1,000,000; Property FollowUpRules:Profiles:ECommerce:ScoreWeights: must add up", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_ValidOffsetsAndCultures_AreAccepted()
    {
        foreach (var (culture, offset) in new[] { ("en", TimeSpan.FromHours(-14)), ("zh-CN", TimeSpan.FromHours(14)), ("en-US", TimeSpan.FromMinutes(330)) })
        {
            var rules = FollowUpRuleSet.Create(new FollowUpRulesOptions { Culture = culture, DefaultUtcOffset = offset });

            Assert.Equal(culture, rules.Culture.Name);
            Assert.Equal(offset, rules.DefaultUtcOffset);
        }
    }
}
