using System.Globalization;
using System.Text;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Profiles;
using FollowUp.Rules.Risk;
using FollowUp.Rules.Serialization;
using FollowUp.Rules.Tests.TestData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FollowUp.Rules.Tests.Profiles;

public class ProfileOptionsTests
{
    /// <summary>The same custom profile as <see cref="ConfigureKeyAccounts"/>, as an appsettings.json section.</summary>
    private const string KeyAccountsJson = """
        {
          "FollowUpRules": {
            "Profiles": {
              "KeyAccounts": {
                "BasedOn": "ToB",
                "RequiredFields": [ "customer.email", "custom.contractNo" ],
                "IgnoredFields": [ "customer.level" ],
                "CustomFieldSteps": { "contractNo": "AttachmentsAndRisks" },
                "StepWeights": { "Communications": 35, "AttachmentsAndRisks": 5 },
                "AcknowledgedCredit": 0.25,
                "StaleAfterDays": 7,
                "SignalWeights": { "Competitor": 0.5 },
                "CompetitorNames": [ "金蝶", "用友" ]
              }
            }
          }
        }
        """;

    private static void ConfigureKeyAccounts(FollowUpRulesOptions options)
    {
        var profile = new ProfileOptions { BasedOn = "ToB", AcknowledgedCredit = 0.25, StaleAfterDays = 7 };
        profile.RequiredFields.Add(FollowUpFields.CustomerEmail);
        profile.RequiredFields.Add("custom.contractNo");
        profile.IgnoredFields.Add(FollowUpFields.CustomerLevel);
        profile.CustomFieldSteps["contractNo"] = FollowUpStep.AttachmentsAndRisks;
        profile.StepWeights[FollowUpStep.Communications] = 35;
        profile.StepWeights[FollowUpStep.AttachmentsAndRisks] = 5;
        profile.SignalWeights["Competitor"] = 0.5;
        profile.CompetitorNames.Add("金蝶");
        profile.CompetitorNames.Add("用友");
        options.Profiles["KeyAccounts"] = profile;
    }

    private static IConfiguration Configuration(string json) =>
        new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(json))).Build();

    /// <summary>Everything a resolved profile exposes, as one comparable text.</summary>
    private static string Describe(FollowUpProfile profile) => string.Join(
        "\n",
        [
            profile.Name,
            string.Join(",", profile.RequiredFields),
            string.Join(",", Enum.GetValues<FollowUpStep>().Select(s => profile.StepWeight(s).ToString(CultureInfo.InvariantCulture))),
            profile.AcknowledgedCredit.ToString(CultureInfo.InvariantCulture),
            profile.AttachmentsAtEveryStage.ToString(),
            profile.StaleAfter.ToString(),
            profile.FollowUpAfterSigning.ToString(),
            profile.StalledStageAfter.ToString(),
            string.Join(",", profile.SignalWeights.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value.ToString(CultureInfo.InvariantCulture)}")),
            string.Join(",", profile.CompetitorNames),
        ]);

    [Fact]
    public void Defaults_InheritEverything()
    {
        var profile = new ProfileOptions();

        Assert.Null(profile.BasedOn);
        Assert.Empty(profile.RequiredFields);
        Assert.Empty(profile.IgnoredFields);
        Assert.Empty(profile.CustomFieldSteps);
        Assert.Empty(profile.StepWeights);
        Assert.Null(profile.AcknowledgedCredit);
        Assert.Null(profile.AttachmentsAtEveryStage);
        Assert.Null(profile.StaleAfterDays);
        Assert.Null(profile.FollowUpAfterSigning);
        Assert.Null(profile.StalledStageAfterDays);
        Assert.Empty(profile.SignalWeights);
        Assert.Empty(profile.CompetitorNames);
        Assert.Empty(profile.Lexicon.Add);
        Assert.Empty(profile.ScoreWeights);
    }

    [Fact]
    public void NewProfileWithoutBasedOn_IsToBUnderAnotherName()
    {
        var options = new FollowUpRulesOptions();
        options.Profiles["Plain"] = new ProfileOptions();

        var rules = FollowUpRuleSet.Create(options);

        Assert.Equal(Describe(rules.GetProfile("ToB")).Replace("ToB", "Plain", StringComparison.Ordinal), Describe(rules.GetProfile("Plain")));
    }

    [Fact]
    public void CustomProfileFromCode_ChangesOnlyWhatItSets()
    {
        var options = new FollowUpRulesOptions();
        ConfigureKeyAccounts(options);

        var rules = FollowUpRuleSet.Create(options);
        var keyAccounts = rules.GetProfile("KeyAccounts");
        var toB = rules.GetProfile("ToB");

        Assert.True(keyAccounts.Requires(FollowUpFields.CustomerEmail));
        Assert.True(keyAccounts.Requires("custom.contractNo"));
        Assert.False(keyAccounts.Requires(FollowUpFields.CustomerLevel));
        Assert.Equal(toB.RequiredFields.Count, keyAccounts.RequiredFields.Count - 1);
        Assert.Equal(35, keyAccounts.StepWeight(FollowUpStep.Communications));
        Assert.Equal(5, keyAccounts.StepWeight(FollowUpStep.AttachmentsAndRisks));
        Assert.Equal(toB.StepWeight(FollowUpStep.Needs), keyAccounts.StepWeight(FollowUpStep.Needs));
        Assert.Equal(0.25, keyAccounts.AcknowledgedCredit);
        Assert.Equal(TimeSpan.FromDays(7), keyAccounts.StaleAfter);
        Assert.Equal(toB.StalledStageAfter, keyAccounts.StalledStageAfter);
        Assert.Equal(0.5, keyAccounts.SignalWeights["competitor"]);
        Assert.Equal(toB.SignalWeights["Delay"], keyAccounts.SignalWeights["Delay"]);
        Assert.Equal(["金蝶", "用友"], keyAccounts.CompetitorNames);

        // The built-in profile it starts from is unchanged.
        Assert.Equal(Describe(FollowUpRuleSet.Default.GetProfile("ToB")), Describe(toB));
    }

    [Fact]
    public void CustomProfileFromCode_IsAppliedToRecordsThatNameIt()
    {
        var evaluator = TestClock.Evaluator(ConfigureKeyAccounts);
        var record = SampleRecords.CompleteToB().WithCustomer(c => c with { Email = null, Level = null }) with { Scenario = "KeyAccounts" };

        var evaluation = evaluator.Evaluate(record);

        Assert.Equal("KeyAccounts", evaluation.Profile);
        Assert.Equal(["customer.email"], evaluation.Step(FollowUpStep.BasicInfo).Missing);
        Assert.Equal(["custom.contractNo"], evaluation.Step(FollowUpStep.AttachmentsAndRisks).Missing);
        Assert.Equal(FollowUpStep.AttachmentsAndRisks, Assert.Single(evaluation.FindingsOn("custom.contractNo")).Step);
    }

    [Fact]
    public void CustomFieldWithoutStep_CountsTowardProgress()
    {
        var evaluator = TestClock.Evaluator(o =>
        {
            var profile = new ProfileOptions();
            profile.RequiredFields.Add("custom.region");
            o.Profiles["Regional"] = profile;
        });

        var evaluation = evaluator.Evaluate(SampleRecords.CompleteToB() with { Scenario = "Regional" });

        Assert.Equal(["custom.region"], evaluation.Step(FollowUpStep.Progress).Missing);
        Assert.Equal(FollowUpStep.Progress, Assert.Single(evaluation.FindingsOn("custom.region")).Step);
    }

    [Fact]
    public void ProfileNamedLikeABuiltInOne_ChangesIt()
    {
        var rules = FollowUpRuleSet.Create(Configure(o =>
        {
            var toC = new ProfileOptions { StaleAfterDays = 5 };
            toC.RequiredFields.Add(FollowUpFields.CustomerLevel);
            o.Profiles["toc"] = toC;
        }));

        var toC = rules.GetProfile("ToC");

        Assert.Equal("ToC", toC.Name);
        Assert.Equal(TimeSpan.FromDays(5), toC.StaleAfter);
        Assert.True(toC.Requires(FollowUpFields.CustomerLevel));
        Assert.False(toC.Requires(FollowUpFields.CustomerCompany));
    }

    [Fact]
    public void ProfileBasedOnACustomProfile_InheritsItsChanges()
    {
        var rules = FollowUpRuleSet.Create(Configure(o =>
        {
            ConfigureKeyAccounts(o);
            var strategic = new ProfileOptions { BasedOn = "KeyAccounts", StaleAfterDays = 3 };
            strategic.IgnoredFields.Add("custom.contractNo");
            o.Profiles["Strategic"] = strategic;
        }));

        var strategic = rules.GetProfile("Strategic");

        Assert.True(strategic.Requires(FollowUpFields.CustomerEmail));
        Assert.False(strategic.Requires("custom.contractNo"));
        Assert.Equal(0.25, strategic.AcknowledgedCredit);
        Assert.Equal(TimeSpan.FromDays(3), strategic.StaleAfter);
        Assert.Equal(35, strategic.StepWeight(FollowUpStep.Communications));
    }

    [Fact]
    public void ConfigurationBinding_ProducesTheSameProfileAsCode()
    {
        var fromCode = FollowUpRuleSet.Create(Configure(ConfigureKeyAccounts));
        var bound = new FollowUpRulesOptions();
        Configuration(KeyAccountsJson).GetSection(FollowUpRulesOptions.SectionName).Bind(bound);

        var fromConfiguration = FollowUpRuleSet.Create(bound);

        Assert.Equal(Describe(fromCode.GetProfile("KeyAccounts")), Describe(fromConfiguration.GetProfile("KeyAccounts")));
        var record = SampleRecords.CompleteToB().WithCustomer(c => c with { Email = "待补充" }) with { Scenario = "KeyAccounts" };
        Assert.Equal(
            FollowUpJson.Serialize(TestClock.Evaluator(fromCode).Evaluate(record)),
            FollowUpJson.Serialize(TestClock.Evaluator(fromConfiguration).Evaluate(record)));
    }

    [Fact]
    public void ConfigurationBinding_ThroughAHostsOptions_ProducesTheSameProfile()
    {
        var services = new ServiceCollection();
        services.AddFollowUpRules();
        services.Configure<FollowUpRulesOptions>(Configuration(KeyAccountsJson).GetSection(FollowUpRulesOptions.SectionName));
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<FollowUpRulesOptions>>().Value;
        var evaluator = provider.GetRequiredService<IFollowUpEvaluator>();

        Assert.Equal("ToB", options.Profiles["KeyAccounts"].BasedOn);
        Assert.Equal(
            Describe(FollowUpRuleSet.Create(Configure(ConfigureKeyAccounts)).GetProfile("KeyAccounts")),
            Describe(evaluator.Rules.GetProfile("KeyAccounts")));
    }

    [Fact]
    public void ConfigurationBinding_InvalidValues_FailWithTheirConfigurationKeys()
    {
        const string Json = """
            { "FollowUpRules": { "Profiles": { "KeyAccounts": {
                "BasedOn": "Enterprise", "RequiredFields": [ "customer.email", "customer.shoeSize" ], "StepWeights": { "Needs": -1 } } } } }
            """;
        var bound = new FollowUpRulesOptions();
        Configuration(Json).GetSection(FollowUpRulesOptions.SectionName).Bind(bound);

        var exception = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(bound));

        Assert.Contains(exception.Failures, f => f.Contains("FollowUpRules:Profiles:KeyAccounts:BasedOn ('Enterprise')", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("FollowUpRules:Profiles:KeyAccounts:RequiredFields:1 ('customer.shoeSize')", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("FollowUpRules:Profiles:KeyAccounts:StepWeights:Needs", StringComparison.Ordinal));
    }

    [Fact]
    public void CustomProfileBasedOnItself_FailsNamingIt_WhileABuiltInOneMayChangeItself()
    {
        var options = new FollowUpRulesOptions();
        options.Profiles["KeyAccounts"] = new ProfileOptions { BasedOn = "keyaccounts" };
        options.Profiles["ToB"] = new ProfileOptions { BasedOn = "ToB", StaleAfterDays = 10 };

        var exception = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(options));

        var failure = Assert.Single(exception.Failures);
        Assert.Contains("FollowUpRules:Profiles:KeyAccounts:BasedOn ('keyaccounts'): names the profile itself", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void StepAndScoreWeights_ByValueOrByName_AreTheSameEntry()
    {
        var profile = new ProfileOptions();

        profile.StepWeights[FollowUpStep.Needs] = 10;
        profile.StepWeights["needs"] = 12;
        profile.ScoreWeights.Add(GradeComponent.Clarity, 25);

        Assert.Equal(12, profile.StepWeights[FollowUpStep.Needs]);
        Assert.Equal("Needs", Assert.Single(profile.StepWeights.Keys));
        Assert.True(profile.ScoreWeights.ContainsKey("CLARITY"));
        Assert.True(profile.ScoreWeights.Remove(GradeComponent.Clarity));
        Assert.Empty(profile.ScoreWeights);
    }

    [Theory]
    [InlineData("StepWeights", "Nedds", "is not a step; use one of BasicInfo, Needs, Communications, Progress, AttachmentsAndRisks")]
    [InlineData("StepWeights", "1", "is not a step; use one of BasicInfo, Needs, Communications, Progress, AttachmentsAndRisks")]
    [InlineData("StepWeights", "Needs, Progress", "is not a step; use one of BasicInfo, Needs, Communications, Progress, AttachmentsAndRisks")]
    [InlineData("ScoreWeights", "Completness", "is not a part of the grade; use one of Completeness, Clarity, Actionability, Timeliness, RiskHandling")]
    public void ConfigurationBinding_UnknownStepOrGradePart_FailsValidationNamingTheFullKey(string weights, string name, string expected)
    {
        var json = $$"""{ "FollowUpRules": { "Profiles": { "KeyAccounts": { "BasedOn": "ToB", "{{weights}}": { "{{name}}": 10 } } } } }""";
        var bound = new FollowUpRulesOptions();
        Configuration(json).GetSection(FollowUpRulesOptions.SectionName).Bind(bound, binder => binder.ErrorOnUnknownConfiguration = true);

        var exception = Assert.Throws<OptionsValidationException>(() => FollowUpRuleSet.Create(bound));

        // One failure: the sum of the score weights, which the misspelt part throws off, is not checked as well.
        Assert.Equal($"Property FollowUpRules:Profiles:KeyAccounts:{weights}:{name}: {expected}", Assert.Single(exception.Failures));
    }

    [Fact]
    public void GlobalCompetitorNames_BoundFromConfiguration_ApplyToEveryProfileBeforeItsOwn()
    {
        const string json = """
            {
              "FollowUpRules": {
                "CompetitorNames": [ "北森", "Moka" ],
                "Profiles": { "Project": { "CompetitorNames": [ "用友", "北森" ] } }
              }
            }
            """;
        var bound = new FollowUpRulesOptions();
        Configuration(json).GetSection(FollowUpRulesOptions.SectionName).Bind(bound, binder => binder.ErrorOnUnknownConfiguration = true);

        var rules = FollowUpRuleSet.Create(bound);

        Assert.Equal(["北森", "Moka"], rules.GetProfile("ToB").CompetitorNames);
        Assert.Equal(["北森", "Moka"], rules.GetProfile("ECommerce").CompetitorNames);
        Assert.Equal(["北森", "Moka", "用友"], rules.GetProfile("Project").CompetitorNames);
    }

    [Theory]
    [InlineData("ToB", "客户手上有Moka的方案", "Moka")]
    [InlineData("Project", "招标方拿到了北森的方案", "北森")]
    [InlineData("Project", "用友的实施团队也来过", "用友")]
    public void GlobalCompetitorNames_RaiseCompetitorInEveryProfile(string profile, string summary, string evidence)
    {
        var evaluator = TestClock.Evaluator(o =>
        {
            o.CompetitorNames.Add("北森");
            o.CompetitorNames.Add("Moka");
            o.Profiles["Project"] = new ProfileOptions { CompetitorNames = { "用友" } };
        });
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { Summary = summary }) with { Scenario = profile };

        Assert.Contains(evaluator.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.Competitor && s.Evidence == evidence);
        Assert.DoesNotContain(TestClock.Evaluator().Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.Competitor);
    }

    [Fact]
    public void GlobalCompetitorNames_NextToAnIntegrationWord_RaiseNoCompetitor()
    {
        var evaluator = TestClock.Evaluator(o => o.CompetitorNames.Add("金蝶"));
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { Concerns = ["数据迁移、与金蝶对接"] }) with { Scenario = "Project" };

        Assert.DoesNotContain(evaluator.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.Competitor);
    }

    private static FollowUpRulesOptions Configure(Action<FollowUpRulesOptions> configure)
    {
        var options = new FollowUpRulesOptions();
        configure(options);
        return options;
    }
}
