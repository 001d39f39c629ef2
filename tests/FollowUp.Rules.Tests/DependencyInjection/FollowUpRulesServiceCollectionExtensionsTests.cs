using FluentValidation;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Profiles;
using FollowUp.Rules.Tests.TestData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace FollowUp.Rules.Tests.DependencyInjection;

public class FollowUpRulesServiceCollectionExtensionsTests
{
    private static readonly Type[] StepValidatorTypes =
    [
        typeof(BasicInfoValidator), typeof(NeedsValidator), typeof(CommunicationsValidator), typeof(ProgressValidator),
        typeof(AttachmentsAndRisksValidator),
    ];

    private static readonly Type[] RegisteredTypes =
    [
        typeof(IFollowUpEvaluator), typeof(IValidator<FollowUpRecord>), typeof(FollowUpRecordValidator), typeof(TimeProvider),
        typeof(FollowUpRulesProvider), .. StepValidatorTypes,
    ];

    private static ServiceProvider Build(Action<IServiceCollection> register)
    {
        var services = new ServiceCollection();
        register(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    [Fact]
    public void AddFollowUpRules_NullServices_Throws()
    {
        Assert.Throws<ArgumentNullException>(() => FollowUpRulesServiceCollectionExtensions.AddFollowUpRules(null!));
        Assert.Throws<ArgumentNullException>(() => new ServiceCollection().AddFollowUpRules((Action<FollowUpRulesOptions>)null!));
    }

    [Fact]
    public void AddFollowUpRules_RegistersTheEvaluatorAndTheValidators()
    {
        using var provider = Build(s => s.AddFollowUpRules());

        var evaluator = provider.GetRequiredService<IFollowUpEvaluator>();
        Assert.Same(evaluator, provider.GetRequiredService<IFollowUpEvaluator>());
        Assert.IsType<FollowUpRecordValidator>(provider.GetRequiredService<IValidator<FollowUpRecord>>());
        Assert.Same(provider.GetRequiredService<FollowUpRecordValidator>(), provider.GetRequiredService<IValidator<FollowUpRecord>>());
        Assert.All(StepValidatorTypes, type => Assert.IsType(type, provider.GetRequiredService(type)));
        // Built once: a validator per resolution doubled the cost of a validation in a web host.
        Assert.All(StepValidatorTypes, type => Assert.Same(provider.GetRequiredService(type), provider.GetRequiredService(type)));
        Assert.Same(TimeProvider.System, provider.GetRequiredService<TimeProvider>());
        Assert.Equal("ToB", evaluator.Rules.DefaultProfile.Name);
    }

    [Fact]
    public void AddFollowUpRules_ResolvedValidatorsUseTheRegisteredEvaluator()
    {
        using var provider = Build(s => s.AddFollowUpRules(o => o.Culture = "en"));

        var failure = Assert.Single(provider.GetRequiredService<NeedsValidator>().Validate(SampleRecords.CompleteToB().WithNeeds(n => n with { Budget = null })).Errors);

        Assert.Equal("needs.budget", failure.PropertyName);
        Assert.StartsWith("Missing budget", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void AddFollowUpRules_CalledTwice_RegistersEachServiceOnce()
    {
        var services = new ServiceCollection();

        services.AddFollowUpRules();
        services.AddFollowUpRules(o => o.Culture = "en");

        Assert.All(RegisteredTypes, type => Assert.Single(services, d => d.ServiceType == type));
        Assert.Single(services, d => d.ServiceType == typeof(IValidateOptions<FollowUpRulesOptions>) && d.ImplementationType == typeof(FollowUpRulesOptionsValidator));
        using var provider = services.BuildServiceProvider();
        Assert.Single(provider.GetServices<IValidator<FollowUpRecord>>());
        Assert.Single(provider.GetServices<IFollowUpEvaluator>());
    }

    [Fact]
    public void AddFollowUpRules_CalledTwiceWithChanges_AppliesBothInOrder()
    {
        using var provider = Build(s =>
        {
            s.AddFollowUpRules(o => { o.Culture = "en"; o.DefaultProfile = "Project"; });
            s.AddFollowUpRules(o => o.DefaultProfile = "ToC");
        });

        var rules = provider.GetRequiredService<IFollowUpEvaluator>().Rules;

        Assert.Equal("en", rules.Culture.Name);
        Assert.Equal("ToC", rules.DefaultProfile.Name);
    }

    [Fact]
    public void AddFollowUpRules_EarlierTimeProviderRegistration_Wins()
    {
        var clock = TestClock.Create();

        using var provider = Build(s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddFollowUpRules();
        });

        Assert.Same(clock, provider.GetRequiredService<TimeProvider>());
        Assert.Equal(TestClock.Now, provider.GetRequiredService<IFollowUpEvaluator>().Evaluate(new FollowUpRecord()).EvaluatedAt);
    }

    [Fact]
    public void AddFollowUpRules_EarlierEvaluatorRegistration_Wins()
    {
        var mine = TestClock.Evaluator(o => o.Culture = "en");

        using var provider = Build(s =>
        {
            s.AddSingleton<IFollowUpEvaluator>(mine);
            s.AddFollowUpRules();
        });

        Assert.Same(mine, provider.GetRequiredService<IFollowUpEvaluator>());
        Assert.Contains(
            "Missing",
            provider.GetRequiredService<BasicInfoValidator>().Validate(new FollowUpRecord()).Errors[0].ErrorMessage,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Options_Invalid_ReadingValueThrowsOptionsValidationException()
    {
        using var provider = Build(s => s.AddFollowUpRules(o =>
        {
            o.Culture = "fr";
            o.Profiles["KeyAccounts"] = new ProfileOptions { BasedOn = "Enterprise", AcknowledgedCredit = 2 };
        }));

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<FollowUpRulesOptions>>().Value);

        Assert.Contains(exception.Failures, f => f.Contains("FollowUpRules:Culture", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("FollowUpRules:Profiles:KeyAccounts:BasedOn", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("FollowUpRules:Profiles:KeyAccounts:AcknowledgedCredit", StringComparison.Ordinal));
    }

    [Fact]
    public void Options_Invalid_ResolvingTheEvaluatorThrowsOptionsValidationException()
    {
        using var provider = Build(s => s.AddFollowUpRules(o => o.DefaultProfile = "Wholesale"));

        Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IFollowUpEvaluator>());
    }

    [Fact]
    public async Task Host_InvalidOptions_FailsAtStart()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddFollowUpRules(o => o.Profiles["KeyAccounts"] = new ProfileOptions { BasedOn = "Enterprise" });
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(exception.Failures, f => f.Contains("FollowUpRules:Profiles:KeyAccounts:BasedOn ('Enterprise')", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Host_OptionsBoundFromConfiguration_StartsAndEvaluatesWithThem()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FollowUpRules:Culture"] = "en",
            ["FollowUpRules:Profiles:KeyAccounts:BasedOn"] = "ToB",
            ["FollowUpRules:Profiles:KeyAccounts:RequiredFields:0"] = "customer.email",
        });
        builder.Services.AddSingleton<TimeProvider>(TestClock.Create());
        builder.Services.AddFollowUpRules();
        builder.Services.Configure<FollowUpRulesOptions>(builder.Configuration.GetSection(FollowUpRulesOptions.SectionName));
        using var host = builder.Build();

        await host.StartAsync();
        var evaluation = host.Services.GetRequiredService<IFollowUpEvaluator>()
            .Evaluate(SampleRecords.CompleteToB().WithCustomer(c => c with { Email = null }) with { Scenario = "KeyAccounts" });
        await host.StopAsync();

        Assert.Equal("KeyAccounts", evaluation.Profile);
        var finding = Assert.Single(evaluation.CompletenessFindings());
        Assert.Equal("customer.email", finding.Field);
        Assert.StartsWith("Missing", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Host_InvalidConfigurationFile_FailsAtStartNamingTheKey()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FollowUpRules:Profiles:KeyAccounts:StepWeights:Needs"] = "-3",
            ["FollowUpRules:Grades:A"] = "120",
        });
        builder.Services.AddFollowUpRules();
        builder.Services.Configure<FollowUpRulesOptions>(builder.Configuration.GetSection(FollowUpRulesOptions.SectionName));
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        Assert.Contains(exception.Failures, f => f.Contains("FollowUpRules:Profiles:KeyAccounts:StepWeights:Needs", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, f => f.Contains("FollowUpRules:Grades", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("StepWeights:Nedds", "a step; use one of BasicInfo, Needs, Communications, Progress, AttachmentsAndRisks", true)]
    [InlineData("StepWeights:Nedds", "a step; use one of BasicInfo, Needs, Communications, Progress, AttachmentsAndRisks", false)]
    [InlineData("ScoreWeights:Completness", "a part of the grade; use one of Completeness, Clarity, Actionability, Timeliness, RiskHandling", true)]
    [InlineData("ScoreWeights:Completness", "a part of the grade; use one of Completeness, Clarity, Actionability, Timeliness, RiskHandling", false)]
    public async Task Host_MisspeltStepOrGradePart_FailsAtStartNamingTheFullKeyAndTheNamesAllowed(string key, string expected, bool errorOnUnknown)
    {
        // The binder converted these keys to enums itself: with ErrorOnUnknownConfiguration it failed with "Requested value
        // 'Nedds' was not found." (no key, no profile), without it it dropped the whole profile without a word.
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FollowUpRules:Profiles:KeyAccounts:BasedOn"] = "ToB",
            [$"FollowUpRules:Profiles:KeyAccounts:{key}"] = "10",
        });
        builder.Services.AddFollowUpRules();
        builder.Services.Configure<FollowUpRulesOptions>(
            builder.Configuration.GetSection(FollowUpRulesOptions.SectionName), binder => binder.ErrorOnUnknownConfiguration = errorOnUnknown);
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());

        var failure = Assert.Single(exception.Failures);
        Assert.Equal($"Property FollowUpRules:Profiles:KeyAccounts:{key}: is not {expected}", failure);
    }

    [Theory]
    [InlineData("FollowUpRules:Profiles:KeyAccounts:StaleAfterDays", "seven")]
    [InlineData("FollowUpRules:Profiles:KeyAccounts:StaleAfterDay", "7")]
    [InlineData("FollowUpRules:DefaultProfle", "ToB")]
    public async Task Host_BoundAsTheReadmeSays_MisspeltKeyOrUnconvertibleValueFailsAtStartNamingIt(string key, string value)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["FollowUpRules:Profiles:KeyAccounts:BasedOn"] = "ToB",
            [key] = value,
        });
        builder.Services.AddFollowUpRules();
        builder.Services.Configure<FollowUpRulesOptions>(
            builder.Configuration.GetSection(FollowUpRulesOptions.SectionName), binder => binder.ErrorOnUnknownConfiguration = true);
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => host.StartAsync());

        var messages = string.Join(" | ", Messages(exception));
        Assert.Contains(key.Split(':')[^1], messages, StringComparison.Ordinal);

        static IEnumerable<string> Messages(Exception? e)
        {
            for (; e is not null; e = e.InnerException)
            {
                yield return e.Message;
            }
        }
    }
}
