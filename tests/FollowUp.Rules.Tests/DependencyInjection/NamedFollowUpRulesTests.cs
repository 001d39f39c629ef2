using FluentValidation;
using FollowUp.Rules.Tests.TestData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace FollowUp.Rules.Tests.DependencyInjection;

/// <summary>
/// Named rules for a host that serves several tenants: each name has its own options, rule set, reload and keyed services,
/// beside the default ones and without touching them.
/// </summary>
public sealed class NamedFollowUpRulesTests
{
    private static readonly FollowUpRecord NoBudget = SampleRecords.CompleteToB().WithNeeds(n => n with { Budget = null });

    private static ServiceProvider Build(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(TestClock.Create());
        services.AddFollowUpRules();
        services.AddFollowUpRules("tenant-en");
        services.AddFollowUpRules("tenant-tw");
        services.Configure<FollowUpRulesOptions>(configuration.GetSection(FollowUpRulesOptions.SectionName));
        services.Configure<FollowUpRulesOptions>("tenant-en", configuration.GetSection("Tenants:en:FollowUpRules"));
        services.Configure<FollowUpRulesOptions>("tenant-tw", configuration.GetSection("Tenants:tw:FollowUpRules"));
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    private static IConfigurationRoot Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().Add(new MemoryConfigurationSource { InitialData = values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value)) }).Build();

    [Fact]
    public void AddFollowUpRules_Named_EachTenantEvaluatesWithItsOwnOptions()
    {
        using var provider = Build(Configuration(
            ("Tenants:en:FollowUpRules:Culture", "en"),
            ("Tenants:en:FollowUpRules:Grades:A", "95"),
            ("Tenants:tw:FollowUpRules:Culture", "zh-TW")));

        var byDefault = provider.GetRequiredService<IFollowUpEvaluator>();
        var english = provider.GetRequiredKeyedService<IFollowUpEvaluator>("tenant-en");
        var taiwan = provider.GetRequiredKeyedService<IFollowUpEvaluator>("tenant-tw");

        Assert.Equal(["zh-CN", "en", "zh-TW"], new[] { byDefault, english, taiwan }.Select(e => e.Rules.Culture.Name));
        Assert.StartsWith("缺少预算", byDefault.Evaluate(NoBudget).FindingsWithCode(FindingCodes.FieldMissing).Single().Message, StringComparison.Ordinal);
        Assert.StartsWith("Missing budget", english.Evaluate(NoBudget).FindingsWithCode(FindingCodes.FieldMissing).Single().Message, StringComparison.Ordinal);
        Assert.StartsWith("缺少預算", taiwan.Evaluate(NoBudget).FindingsWithCode(FindingCodes.FieldMissing).Single().Message, StringComparison.Ordinal);
        Assert.Equal(95, english.Rules.Grades.A);
        Assert.Equal(85, byDefault.Rules.Grades.A);
        Assert.Same(english, provider.GetRequiredKeyedService<IFollowUpEvaluator>("tenant-en"));
    }

    [Fact]
    public void AddFollowUpRules_Named_KeyedValidatorAndMonitorAreTheTenants()
    {
        using var provider = Build(Configuration(("Tenants:en:FollowUpRules:Culture", "en")));

        var validator = provider.GetRequiredKeyedService<IValidator<FollowUpRecord>>("tenant-en");
        var monitor = provider.GetRequiredKeyedService<IFollowUpRulesMonitor>("tenant-en");

        Assert.StartsWith("Missing budget", Assert.Single(validator.Validate(NoBudget).Errors, e => e.PropertyName == "needs.budget").ErrorMessage, StringComparison.Ordinal);
        Assert.Same(provider.GetRequiredKeyedService<IFollowUpEvaluator>("tenant-en").Rules, monitor.Current);
        Assert.NotSame(provider.GetRequiredService<IFollowUpRulesMonitor>(), monitor);
    }

    [Fact]
    public void Reload_OneTenantsChange_ReachesThatTenantOnly()
    {
        var configuration = Configuration(("Tenants:en:FollowUpRules:Culture", "en"), ("Tenants:tw:FollowUpRules:Grades:A", "85"));
        using var provider = Build(configuration);
        var english = provider.GetRequiredKeyedService<IFollowUpEvaluator>("tenant-en");
        var taiwan = provider.GetRequiredKeyedService<IFollowUpEvaluator>("tenant-tw");
        var byDefault = provider.GetRequiredService<IFollowUpEvaluator>();

        configuration["Tenants:en:FollowUpRules:Grades:A"] = "90";
        configuration.Reload();

        // A reload of the configuration signals every name bound from it, so the others are rebuilt, from their own options.
        Assert.Equal(("en", 90.0), (english.Rules.Culture.Name, english.Rules.Grades.A));
        Assert.Equal(("zh-CN", 85.0), (taiwan.Rules.Culture.Name, taiwan.Rules.Grades.A));
        Assert.Equal(("zh-CN", 85.0), (byDefault.Rules.Culture.Name, byDefault.Rules.Grades.A));
    }

    [Fact]
    public void Reload_InvalidTenantChange_IsRejectedForThatTenantWithItsName()
    {
        var configuration = Configuration(("Tenants:en:FollowUpRules:Culture", "en"));
        using var provider = Build(configuration);
        var english = provider.GetRequiredKeyedService<IFollowUpEvaluator>("tenant-en");
        var monitor = provider.GetRequiredKeyedService<IFollowUpRulesMonitor>("tenant-en");
        var good = english.Rules;

        configuration["Tenants:en:FollowUpRules:Culture"] = "fr";
        configuration.Reload();

        Assert.Same(good, english.Rules);
        var rejected = Assert.IsType<OptionsValidationException>(monitor.LastRejectedChange);
        Assert.Equal("tenant-en", rejected.OptionsName);
        Assert.Null(provider.GetRequiredService<IFollowUpRulesMonitor>().LastRejectedChange);
    }

    [Fact]
    public void AddFollowUpRules_InvalidTenantOptions_FailWhenItsEvaluatorIsResolved()
    {
        using var provider = Build(Configuration(("Tenants:tw:FollowUpRules:Grades:A", "150")));

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<IFollowUpEvaluator>("tenant-tw"));

        Assert.Equal("tenant-tw", failure.OptionsName);
        Assert.NotNull(provider.GetRequiredService<IFollowUpEvaluator>());
    }

    [Fact]
    public void AddFollowUpRules_InvalidTenantOptions_WithSectionPath_NameTheTenantsKeys()
    {
        var services = new ServiceCollection();
        services.AddFollowUpRules("sg").WithSectionPath("Tenants:sg:FollowUpRules");
        var configuration = Configuration(
            ("FollowUpRules:Culture", "zh-CN"),
            ("Tenants:sg:FollowUpRules:Culture", "fr-FR"),
            ("Tenants:sg:FollowUpRules:Profiles:SgSme:StaleAfterDays", "-1"));
        services.Configure<FollowUpRulesOptions>(configuration.GetSection(FollowUpRulesOptions.SectionName));
        services.Configure<FollowUpRulesOptions>("sg", configuration.GetSection("Tenants:sg:FollowUpRules"));
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptionsMonitor<FollowUpRulesOptions>>().Get("sg"));

        Assert.Equal(["Tenants:sg:FollowUpRules:Culture ('fr-FR')", "Tenants:sg:FollowUpRules:Profiles:SgSme:StaleAfterDays (-1)"], failure.Failures.Select(KeyOf));
        Assert.NotNull(provider.GetRequiredService<IFollowUpEvaluator>());
    }

    [Fact]
    public void AddFollowUpRules_InvalidTenantOptions_WithoutSectionPath_NameTheOptions()
    {
        using var provider = Build(Configuration(("Tenants:tw:FollowUpRules:Grades:A", "150")));

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredKeyedService<IFollowUpEvaluator>("tenant-tw"));

        Assert.Equal("FollowUpRules (named 'tenant-tw'):Grades (A=150, B=70, C=60)", KeyOf(Assert.Single(failure.Failures)));
    }

    [Fact]
    public void WithSectionPath_OfTheDefaultOptions_NamesItsKeys_AndTheLatestPathWins()
    {
        var services = new ServiceCollection();
        services.AddFollowUpRules(options => options.Culture = "fr").WithSectionPath("Old").WithSectionPath("Rules");
        using var provider = services.BuildServiceProvider();

        var failure = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IFollowUpEvaluator>());

        Assert.Equal("Rules:Culture ('fr')", KeyOf(Assert.Single(failure.Failures)));
        Assert.Throws<ArgumentException>("sectionPath", () => services.AddFollowUpRules().WithSectionPath(" "));
    }

    [Fact]
    public void Reload_InvalidTenantChange_WithSectionPath_NamesTheTenantsKey()
    {
        var configuration = Configuration(("Tenants:en:FollowUpRules:Culture", "en"));
        var services = new ServiceCollection();
        services.AddFollowUpRules("tenant-en").WithSectionPath("Tenants:en:FollowUpRules");
        services.Configure<FollowUpRulesOptions>("tenant-en", configuration.GetSection("Tenants:en:FollowUpRules"), binder => binder.ErrorOnUnknownConfiguration = true);
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredKeyedService<IFollowUpRulesMonitor>("tenant-en");

        configuration["Tenants:en:FollowUpRules:Culture"] = "fr";
        configuration.Reload();

        Assert.Equal("Tenants:en:FollowUpRules:Culture ('fr')", KeyOf(Assert.Single(monitor.LastRejectedChange!.Failures)));

        configuration["Tenants:en:FollowUpRules:Culture"] = "en";
        configuration["Tenants:en:FollowUpRules:Cultur"] = "en";
        configuration.Reload();

        Assert.StartsWith("Tenants:en:FollowUpRules could not be bound: ", Assert.Single(monitor.LastRejectedChange!.Failures), StringComparison.Ordinal);
        Assert.Contains("'Cultur'", monitor.LastRejectedChange.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NamedSet_StartsFromTheBuiltInDefaults_UnlessTheDefaultSectionIsBoundUnderIt()
    {
        var configuration = Configuration(
            ("FollowUpRules:FollowCurrentUICulture", "true"),
            ("FollowUpRules:Labels:Stage:交付实施", "Signed"),
            ("FollowUpRules:Profiles:AcmeKA:BasedOn", "ToB"),
            ("FollowUpRules:Profiles:AcmeKA:Aliases:0", "大客户"),
            ("FollowUpRules:Profiles:AcmeKA:StaleAfterDays", "7"),
            ("Tenants:hk:FollowUpRules:Culture", "zh-HK"),
            ("Tenants:sg:FollowUpRules:Culture", "en-SG"),
            ("Tenants:sg:FollowUpRules:Profiles:AcmeKA:StaleAfterDays", "5"));
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(TestClock.Create());
        services.AddFollowUpRules().WithSectionPath("FollowUpRules");
        services.Configure<FollowUpRulesOptions>(configuration.GetSection("FollowUpRules"), binder => binder.ErrorOnUnknownConfiguration = true);
        services.AddFollowUpRules("hk").WithSectionPath("Tenants:hk:FollowUpRules");
        services.Configure<FollowUpRulesOptions>("hk", configuration.GetSection("Tenants:hk:FollowUpRules"), binder => binder.ErrorOnUnknownConfiguration = true);
        // The README's sample: the default section first, the tenant's over it.
        services.AddFollowUpRules("sg").WithSectionPath("Tenants:sg:FollowUpRules");
        services.Configure<FollowUpRulesOptions>("sg", configuration.GetSection("FollowUpRules"), binder => binder.ErrorOnUnknownConfiguration = true);
        services.Configure<FollowUpRulesOptions>("sg", configuration.GetSection("Tenants:sg:FollowUpRules"), binder => binder.ErrorOnUnknownConfiguration = true);
        using var provider = services.BuildServiceProvider();
        var hk = provider.GetRequiredKeyedService<IFollowUpEvaluator>("hk");
        var sg = provider.GetRequiredKeyedService<IFollowUpEvaluator>("sg");
        var signed = SampleRecords.CompleteToB().WithProgress(p => p with { Stage = EnumValue<DealStage>.Parse("交付实施") });

        Assert.False(hk.Rules.FollowCurrentUICulture);
        Assert.False(hk.Rules.TryGetProfile("AcmeKA", out _));
        Assert.Throws<KeyNotFoundException>(() => hk.Evaluate(signed, "AcmeKA"));
        Assert.Contains(hk.Evaluate(signed).Findings, f => f.Code == FindingCodes.UnknownValue);

        Assert.Equal(("en-SG", true), (sg.Rules.Culture.Name, sg.Rules.FollowCurrentUICulture));
        Assert.True(sg.Rules.TryGetProfile("大客户", out var acme));
        Assert.Equal((TimeSpan.FromDays(5), TimeSpan.FromDays(7)), (acme.StaleAfter, provider.GetRequiredService<IFollowUpEvaluator>().Rules.Profiles["AcmeKA"].StaleAfter));
        Assert.DoesNotContain(sg.Evaluate(signed, "AcmeKA").Findings, f => f.Code == FindingCodes.UnknownValue);
    }

    /// <summary>The key of a failure: <c>Property KEY: message</c>, as Microsoft.Extensions.Options words it.</summary>
    private static string KeyOf(string failure) => failure["Property ".Length..failure.IndexOf("): ", StringComparison.Ordinal)] + ")";

    [Fact]
    public void AddFollowUpRules_NamedConfigure_ChangesThatTenantsOptionsOnly()
    {
        var services = new ServiceCollection();
        services.AddFollowUpRules("tenant-en", options => options.Culture = "en").Configure(options => options.Grades.A = 92);
        using var provider = services.BuildServiceProvider();

        var english = provider.GetRequiredKeyedService<IFollowUpEvaluator>("tenant-en").Rules;

        Assert.Equal(("en", 92.0), (english.Culture.Name, english.Grades.A));
        Assert.Equal(("zh-CN", 85.0), (provider.GetRequiredService<IFollowUpEvaluator>().Rules.Culture.Name, provider.GetRequiredService<IFollowUpEvaluator>().Rules.Grades.A));
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void AddFollowUpRules_EmptyName_Throws(string name)
    {
        Assert.Throws<ArgumentException>(nameof(name), () => new ServiceCollection().AddFollowUpRules(name));
        Assert.Throws<ArgumentNullException>(nameof(name), () => new ServiceCollection().AddFollowUpRules((string)null!));
    }

    [Fact]
    public void AddFollowUpRules_SameNameTwice_RegistersItsServicesOnce()
    {
        var services = new ServiceCollection();

        services.AddFollowUpRules("tenant-en");
        services.AddFollowUpRules("tenant-en", options => options.Culture = "en");

        Assert.Single(services, d => d.ServiceType == typeof(IFollowUpEvaluator) && Equals(d.ServiceKey, "tenant-en"));
        Assert.Single(services, d => d.ServiceType == typeof(IFollowUpEvaluator) && d.ServiceKey is null);
        using var provider = services.BuildServiceProvider();
        Assert.Equal("en", provider.GetRequiredKeyedService<IFollowUpEvaluator>("tenant-en").Rules.Culture.Name);
    }
}
