using System.Diagnostics;
using FluentValidation;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Profiles;
using FollowUp.Rules.Risk;
using FollowUp.Rules.Serialization;
using FollowUp.Rules.Tests.TestData;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Configuration.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace FollowUp.Rules.Tests.DependencyInjection;

/// <summary>Reloading: a valid change of the options swaps in a new rule set; an invalid one keeps the last good rule set.</summary>
public sealed class FollowUpRulesProviderTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "followup-rules-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    private static ServiceProvider BuildWithConfiguration(IConfiguration configuration)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(TestClock.Create());
        services.AddFollowUpRules();
        services.Configure<FollowUpRulesOptions>(configuration.GetSection(FollowUpRulesOptions.SectionName));
        return services.BuildServiceProvider();
    }

    private static FollowUpRecord WholesaleRecord() => SampleRecords.CompleteToB() with { Scenario = "Wholesale" };

    [Fact]
    public void Reload_ValidMemoryConfigurationChange_SwapsInTheNewRuleSet()
    {
        var configuration = new ConfigurationBuilder().Add(new MemoryConfigurationSource()).Build();
        using var provider = BuildWithConfiguration(configuration);
        var evaluator = provider.GetRequiredService<IFollowUpEvaluator>();
        var before = evaluator.Rules;
        Assert.Contains(evaluator.Evaluate(WholesaleRecord()).Findings, f => f.Code == FindingCodes.UnknownProfile);

        configuration["FollowUpRules:Profiles:Wholesale:BasedOn"] = "ToC";
        configuration["FollowUpRules:Profiles:Wholesale:StaleAfterDays"] = "5";
        configuration.Reload();

        Assert.NotSame(before, evaluator.Rules);
        Assert.Equal(TimeSpan.FromDays(5), evaluator.Rules.GetProfile("Wholesale").StaleAfter);
        var evaluation = evaluator.Evaluate(WholesaleRecord());
        Assert.Equal("Wholesale", evaluation.Profile);
        Assert.DoesNotContain(evaluation.Findings, f => f.Code == FindingCodes.UnknownProfile);
    }

    /// <summary>A validator built once with a function for its detector follows a reload; one given the detector keeps it.</summary>
    [Fact]
    public void Reload_LexiconChange_ReachesNotVagueThatGetsItsDetectorEachTime()
    {
        var configuration = new ConfigurationBuilder().Add(new MemoryConfigurationSource()).Build();
        using var provider = BuildWithConfiguration(configuration);
        var monitor = provider.GetRequiredService<IFollowUpRulesMonitor>();
        var following = new InlineValidator<Note>();
        following.RuleFor(n => n.Text).NotVague(() => monitor.Current.DefaultProfile.VagueLanguage);
        var fixedDetector = new InlineValidator<Note>();
        fixedDetector.RuleFor(n => n.Text).NotVague(monitor.Current.DefaultProfile.VagueLanguage);
        var note = new Note("客户说看缘分");
        Assert.True(following.Validate(note).IsValid);

        configuration["FollowUpRules:Lexicon:Add:0:Phrase"] = "看缘分";
        configuration["FollowUpRules:Lexicon:Add:0:Category"] = "Hedge";
        configuration.Reload();

        Assert.Equal(FindingCodes.VagueLanguage, Assert.Single(following.Validate(note).Errors).ErrorCode);
        Assert.True(fixedDetector.Validate(note).IsValid);
    }

    public sealed record Note(string? Text);

    [Fact]
    public void Reload_FollowCurrentUICultureTurnedOn_ResolvedEvaluatorAndValidatorFollowTheUICulture()
    {
        var configuration = new ConfigurationBuilder().Add(new MemoryConfigurationSource()).Build();
        using var provider = BuildWithConfiguration(configuration);
        var evaluator = provider.GetRequiredService<IFollowUpEvaluator>();
        var validator = provider.GetRequiredService<IValidator<FollowUpRecord>>();
        var record = FollowUpEvaluatorCultureTests.Messy();
        var chinese = FollowUpEvaluatorCultureTests.Messages(FollowUpEvaluatorCultureTests.ConfiguredFor("zh-CN").Evaluate(record));
        var english = FollowUpEvaluatorCultureTests.ConfiguredFor("en").Evaluate(record);
        Assert.Equal(chinese, FollowUpEvaluatorCultureTests.InUICulture("en-US", () => FollowUpEvaluatorCultureTests.Messages(evaluator.Evaluate(record))));

        configuration["FollowUpRules:FollowCurrentUICulture"] = "true";
        configuration.Reload();

        var (evaluation, failures) = FollowUpEvaluatorCultureTests.InUICulture("en-US", () => (evaluator.Evaluate(record), validator.Validate(record)));
        Assert.Equal(FollowUpEvaluatorCultureTests.Messages(english), FollowUpEvaluatorCultureTests.Messages(evaluation));
        Assert.Equal(english.Findings.Select(f => f.Message), failures.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void Reload_CultureChange_ReachesTheResolvedEvaluatorsWithCulture()
    {
        var configuration = new ConfigurationBuilder().Add(new MemoryConfigurationSource()).Build();
        using var provider = BuildWithConfiguration(configuration);
        var evaluator = provider.GetRequiredService<IFollowUpEvaluator>();
        var taiwan = evaluator.WithCulture(System.Globalization.CultureInfo.GetCultureInfo("zh-TW"));
        var french = evaluator.WithCulture(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
        var record = FollowUpEvaluatorCultureTests.Messy();
        string Expected(string culture) => FollowUpEvaluatorCultureTests.Messages(FollowUpEvaluatorCultureTests.ConfiguredFor(culture).Evaluate(record));
        Assert.Same(taiwan, evaluator.WithCulture(System.Globalization.CultureInfo.GetCultureInfo("zh-Hant-TW")));
        Assert.Equal(Expected("zh-TW"), FollowUpEvaluatorCultureTests.Messages(taiwan.Evaluate(record)));
        Assert.Equal(Expected("zh-CN"), FollowUpEvaluatorCultureTests.Messages(french.Evaluate(record)));

        configuration["FollowUpRules:Culture"] = "en";
        configuration.Reload();

        Assert.Same(evaluator.Rules, taiwan.Rules);
        Assert.Equal(Expected("zh-TW"), FollowUpEvaluatorCultureTests.Messages(taiwan.Evaluate(record)));
        Assert.Equal(Expected("en"), FollowUpEvaluatorCultureTests.Messages(french.Evaluate(record, "ToB")));
    }

    [Fact]
    public void Reload_InvalidMemoryConfigurationChange_KeepsTheLastGoodRuleSet()
    {
        var configuration = new ConfigurationBuilder()
            .Add(new MemoryConfigurationSource { InitialData = [new("FollowUpRules:Profiles:Wholesale:BasedOn", "ToC")] })
            .Build();
        using var provider = BuildWithConfiguration(configuration);
        var evaluator = provider.GetRequiredService<IFollowUpEvaluator>();
        var rulesProvider = provider.GetRequiredService<IFollowUpRulesMonitor>();
        var good = evaluator.Rules;
        var goodResult = FollowUpJson.Serialize(evaluator.Evaluate(WholesaleRecord()));

        configuration["FollowUpRules:Profiles:Wholesale:BasedOn"] = "Enterprise";
        configuration["FollowUpRules:Culture"] = "fr";
        configuration.Reload();

        Assert.Same(good, evaluator.Rules);
        Assert.Equal(goodResult, FollowUpJson.Serialize(evaluator.Evaluate(WholesaleRecord())));
        var rejected = Assert.IsType<OptionsValidationException>(rulesProvider.LastRejectedChange);
        Assert.Contains(rejected.Failures, f => f.Contains("FollowUpRules:Profiles:Wholesale:BasedOn ('Enterprise')", StringComparison.Ordinal));
        Assert.Contains(rejected.Failures, f => f.Contains("FollowUpRules:Culture ('fr')", StringComparison.Ordinal));

        // A later valid change is applied again and clears the rejection.
        configuration["FollowUpRules:Profiles:Wholesale:BasedOn"] = "ECommerce";
        configuration["FollowUpRules:Culture"] = "en";
        configuration.Reload();

        Assert.NotSame(good, evaluator.Rules);
        Assert.Equal("en", evaluator.Rules.Culture.Name);
        Assert.True(evaluator.Rules.GetProfile("Wholesale").Requires("custom.orderStatus"));
        Assert.Null(rulesProvider.LastRejectedChange);
    }

    [Theory]
    [InlineData("FollowUpRules:Grades:A", "high", "FollowUpRules:Grades:A")]
    [InlineData("FollowUpRules:Grades:AA", "70", "'AA'")]
    [InlineData("FollowUpRules:FollowCurrentUICulture", "auto", "FollowUpRules:FollowCurrentUICulture")]
    public void Reload_ValueTheBinderCannotBind_IsARejectedChangeListenersHearOf(string key, string value, string named)
    {
        var configuration = new ConfigurationBuilder().Add(new MemoryConfigurationSource()).Build();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(TestClock.Create());
        services.AddFollowUpRules();
        services.Configure<FollowUpRulesOptions>(configuration.GetSection(FollowUpRulesOptions.SectionName), binder => binder.ErrorOnUnknownConfiguration = true);
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IFollowUpRulesMonitor>();
        var good = monitor.Current;
        var heard = new List<OptionsValidationException?>();
        using var subscription = monitor.OnChange((_, rejected) => heard.Add(rejected));

        configuration[key] = value;
        configuration.Reload();

        Assert.Same(good, monitor.Current);
        var rejected = Assert.IsType<OptionsValidationException>(monitor.LastRejectedChange);
        Assert.Same(rejected, Assert.Single(heard));
        Assert.Contains(named, Assert.Single(rejected.Failures), StringComparison.Ordinal);
    }

    /// <summary>Whatever fails while the rules are rebuilt (here a host's detector) rejects the change: the thread pool hears nothing.</summary>
    [Fact]
    public void Reload_RulesThatFailToBuild_IsARejectedChangeListenersHearOf()
    {
        var configuration = new ConfigurationBuilder().Add(new MemoryConfigurationSource()).Build();
        var detector = new FailingOnRequestDetector();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(TestClock.Create());
        services.AddFollowUpRules();
        services.AddSingleton<IRiskSignalDetector>(detector);
        services.Configure<FollowUpRulesOptions>(configuration.GetSection(FollowUpRulesOptions.SectionName));
        using var provider = services.BuildServiceProvider();
        var monitor = provider.GetRequiredService<IFollowUpRulesMonitor>();
        var good = monitor.Current;
        var heard = new List<OptionsValidationException?>();
        using var subscription = monitor.OnChange((_, rejected) => heard.Add(rejected));

        detector.Fail = true;
        configuration["FollowUpRules:Culture"] = "en";
        configuration.Reload();

        Assert.Same(good, monitor.Current);
        var rejected = Assert.IsType<OptionsValidationException>(monitor.LastRejectedChange);
        Assert.Same(rejected, Assert.Single(heard));
        Assert.Contains("The rules could not be built from the changed options: Tender signals unavailable", Assert.Single(rejected.Failures), StringComparison.Ordinal);
    }

    private sealed class FailingOnRequestDetector : IRiskSignalDetector
    {
        public bool Fail { get; set; }

        public IReadOnlyList<RiskSignalDefinition> Signals =>
            Fail ? throw new ArgumentException("Tender signals unavailable") : [new("TenderRisk", 0.3)];

        public void Detect(RiskDetectionContext context)
        {
        }
    }

    [Fact]
    public void Monitor_TellsListenersOfEachChange_AppliedOrRejected_UntilDisposed()
    {
        var configuration = new ConfigurationBuilder().Add(new MemoryConfigurationSource()).Build();
        using var provider = BuildWithConfiguration(configuration);
        var monitor = provider.GetRequiredService<IFollowUpRulesMonitor>();
        Assert.Same(provider.GetRequiredService<IFollowUpEvaluator>().Rules, monitor.Current);
        var heard = new List<(FollowUpRuleSet Rules, OptionsValidationException? Rejected)>();
        var subscription = monitor.OnChange((rules, rejected) => heard.Add((rules, rejected)));

        configuration["FollowUpRules:Culture"] = "en";
        configuration.Reload();
        var applied = monitor.Current;
        configuration["FollowUpRules:Culture"] = "fr";
        configuration.Reload();
        subscription.Dispose();
        subscription.Dispose();
        configuration["FollowUpRules:Culture"] = "zh-CN";
        configuration.Reload();

        Assert.Equal(2, heard.Count);
        Assert.Equal("en", heard[0].Rules.Culture.Name);
        Assert.Same(applied, heard[0].Rules);
        Assert.Null(heard[0].Rejected);
        Assert.Same(applied, heard[1].Rules);
        Assert.Contains(heard[1].Rejected!.Failures, f => f.Contains("FollowUpRules:Culture ('fr')", StringComparison.Ordinal));
        Assert.Equal("zh-CN", monitor.Current.Culture.Name);
        Assert.Null(monitor.LastRejectedChange);
    }

    [Fact]
    public void Monitor_ListenerThatUnsubscribesWhileCalled_DoesNotStopTheOthers()
    {
        var configuration = new ConfigurationBuilder().Add(new MemoryConfigurationSource()).Build();
        using var provider = BuildWithConfiguration(configuration);
        var monitor = provider.GetRequiredService<IFollowUpRulesMonitor>();
        var calls = new List<string>();
        IDisposable? first = null;
        first = monitor.OnChange((_, _) =>
        {
            calls.Add("first");
            first!.Dispose();
        });
        using var second = monitor.OnChange((_, _) => calls.Add("second"));

        configuration["FollowUpRules:Culture"] = "en";
        configuration.Reload();
        configuration["FollowUpRules:Culture"] = "zh-CN";
        configuration.Reload();

        Assert.Equal(["first", "second", "second"], calls);
        Assert.Throws<ArgumentNullException>(() => monitor.OnChange(null!));
    }

    [Fact]
    public void Monitor_ListenerThatThrows_DoesNotKeepTheOthersFromHearing()
    {
        var configuration = new ConfigurationBuilder().Add(new MemoryConfigurationSource()).Build();
        using var provider = BuildWithConfiguration(configuration);
        var monitor = provider.GetRequiredService<IFollowUpRulesMonitor>();
        var heard = new List<string>();
        using var failing = monitor.OnChange((_, _) => throw new InvalidOperationException("listener bug"));
        using var logging = monitor.OnChange((rules, _) => heard.Add(rules.Culture.Name));

        configuration["FollowUpRules:Culture"] = "en";
        var exception = Record.Exception(configuration.Reload);

        // Every listener hears of the change; the failure still reaches whoever reloaded, as an event's would.
        Assert.Equal(["en"], heard);
        Assert.Equal("en", monitor.Current.Culture.Name);
        Assert.Contains("listener bug", exception?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Reload_ValidatorsResolvedBeforeTheChange_FollowIt()
    {
        var configuration = new ConfigurationBuilder().Add(new MemoryConfigurationSource()).Build();
        using var provider = BuildWithConfiguration(configuration);
        var validator = provider.GetRequiredService<BasicInfoValidator>();
        var record = SampleRecords.CompleteToB().WithCustomer(c => c with { Company = null });
        Assert.StartsWith("缺少", Assert.Single(validator.Validate(record).Errors).ErrorMessage, StringComparison.Ordinal);

        configuration["FollowUpRules:Culture"] = "en";
        configuration.Reload();

        Assert.StartsWith("Missing", Assert.Single(validator.Validate(record).Errors).ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Current_WithoutAChange_IsTheSameRuleSet()
    {
        using var provider = BuildWithConfiguration(new ConfigurationBuilder().Add(new MemoryConfigurationSource()).Build());
        var evaluator = provider.GetRequiredService<IFollowUpEvaluator>();

        var first = evaluator.Rules;
        evaluator.Evaluate(new FollowUpRecord());

        Assert.Same(first, evaluator.Rules);
    }

    [Fact]
    public async Task Reload_JsonFileWithReloadOnChange_AppliesValidChangesAndRejectsInvalidOnes()
    {
        Directory.CreateDirectory(_directory);
        var path = Path.Combine(_directory, "appsettings.json");
        await File.WriteAllTextAsync(path, """{ "FollowUpRules": { "DefaultProfile": "ToB" } }""");
        var configuration = new ConfigurationBuilder().AddJsonFile(path, optional: false, reloadOnChange: true).Build();
        try
        {
            using var provider = BuildWithConfiguration(configuration);
            var evaluator = provider.GetRequiredService<IFollowUpEvaluator>();
            var rulesProvider = provider.GetRequiredService<IFollowUpRulesMonitor>();
            Assert.False(evaluator.Rules.TryGetProfile("Wholesale", out _));

            await ReplaceFile(path, """{ "FollowUpRules": { "Profiles": { "Wholesale": { "BasedOn": "ToC" } } } }""");
            await WaitUntil(() => evaluator.Rules.TryGetProfile("Wholesale", out _));
            var good = evaluator.Rules;

            await ReplaceFile(path, """{ "FollowUpRules": { "Profiles": { "Wholesale": { "BasedOn": "Nowhere" } } } }""");
            await WaitUntil(() => rulesProvider.LastRejectedChange is not null);

            Assert.Same(good, evaluator.Rules);
            Assert.Equal("Wholesale", evaluator.Evaluate(WholesaleRecord()).Profile);
            Assert.Contains(rulesProvider.LastRejectedChange!.Failures, f => f.Contains("Profiles:Wholesale:BasedOn ('Nowhere')", StringComparison.Ordinal));
        }
        finally
        {
            (configuration as IDisposable)?.Dispose();
        }
    }

    [Fact]
    public void Reload_CustomChangeTokenSource_RebuildsOnEachSignal()
    {
        var settings = new MutableSettings();
        using var changes = new ManualChangeTokenSource();
        var services = new ServiceCollection();
        services.AddSingleton<IOptionsChangeTokenSource<FollowUpRulesOptions>>(changes);
        services.AddFollowUpRules(o =>
        {
            o.Culture = settings.Culture;
            if (settings.ExtraProfile is { } name)
            {
                o.Profiles[name] = new ProfileOptions { BasedOn = "Project" };
            }
        });
        using var provider = services.BuildServiceProvider();
        var evaluator = provider.GetRequiredService<IFollowUpEvaluator>();
        var first = evaluator.Rules;

        settings.ExtraProfile = "Wholesale";
        Assert.Same(first, evaluator.Rules);
        changes.Trigger();
        var second = evaluator.Rules;

        Assert.NotSame(first, second);
        Assert.True(second.GetProfile("Wholesale").AttachmentsAtEveryStage);

        settings.Culture = "fr";
        changes.Trigger();

        Assert.Same(second, evaluator.Rules);
        Assert.Equal("zh-CN", evaluator.Rules.Culture.Name);

        settings.Culture = "en";
        changes.Trigger();

        Assert.Equal("en", evaluator.Rules.Culture.Name);
        Assert.True(evaluator.Rules.TryGetProfile("Wholesale", out _));
    }

    [Fact]
    public void Reload_ChangeOfAnotherNamedOptionsInstance_IsIgnored()
    {
        var settings = new MutableSettings();
        using var otherChanges = new ManualChangeTokenSource("other");
        var services = new ServiceCollection();
        services.AddSingleton<IOptionsChangeTokenSource<FollowUpRulesOptions>>(otherChanges);
        services.AddFollowUpRules(o => o.Culture = settings.Culture);
        using var provider = services.BuildServiceProvider();
        var evaluator = provider.GetRequiredService<IFollowUpEvaluator>();
        var first = evaluator.Rules;

        settings.Culture = "en";
        otherChanges.Trigger();

        Assert.Same(first, evaluator.Rules);
    }

    [Fact]
    public void Dispose_StopsListeningForChanges()
    {
        var configuration = new ConfigurationBuilder().Add(new MemoryConfigurationSource()).Build();
        var provider = BuildWithConfiguration(configuration);
        var rulesProvider = provider.GetRequiredService<IFollowUpRulesMonitor>();
        var before = rulesProvider.Current;

        provider.Dispose();
        configuration["FollowUpRules:Culture"] = "en";
        configuration.Reload();

        Assert.Same(before, rulesProvider.Current);
    }

    /// <summary>Replaces the file in one step, as an editor saving it does, so the watcher never reads half a file.</summary>
    private static async Task ReplaceFile(string path, string content)
    {
        var temporary = path + ".tmp";
        await File.WriteAllTextAsync(temporary, content);
        File.Move(temporary, path, overwrite: true);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            Assert.True(watch.Elapsed < TimeSpan.FromSeconds(20), "The configuration file change was not picked up within 20 seconds.");
            await Task.Delay(50);
        }
    }

    private sealed class MutableSettings
    {
        public string Culture { get; set; } = "zh-CN";

        public string? ExtraProfile { get; set; }
    }

    private sealed class ManualChangeTokenSource(string name = "") : IOptionsChangeTokenSource<FollowUpRulesOptions>, IDisposable
    {
        private CancellationTokenSource _source = new();

        public string Name { get; } = name;

        public IChangeToken GetChangeToken() => new CancellationChangeToken(_source.Token);

        public void Trigger()
        {
            var fired = Interlocked.Exchange(ref _source, new CancellationTokenSource());
            fired.Cancel();
            fired.Dispose();
        }

        public void Dispose() => _source.Dispose();
    }
}
