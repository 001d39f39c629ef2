using System.Diagnostics.CodeAnalysis;
using FluentValidation;
using FollowUp.Rules;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Risk;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers FollowUp.Rules with a service collection.</summary>
public static class FollowUpRulesServiceCollectionExtensions
{
    /// <summary>
    /// Registers the evaluator (<see cref="IFollowUpEvaluator"/>), the FluentValidation validators of the five steps and their
    /// composite (<see cref="IValidator{T}"/> of <see cref="FollowUpRecord"/>), and the options, validated at start-up.
    /// Safe to call more than once: services are added only when absent. Every service is a thread-safe singleton; the
    /// evaluator and the validators follow configuration changes as they happen.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>A builder to configure FollowUp.Rules further.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// Bind the options from configuration strictly:
    /// <c>services.Configure&lt;FollowUpRulesOptions&gt;(configuration.GetSection(FollowUpRulesOptions.SectionName), binder =&gt; binder.ErrorOnUnknownConfiguration = true)</c>.
    /// Without <c>ErrorOnUnknownConfiguration</c> the configuration binder skips a misspelt key and drops a whole profile
    /// whose value does not convert (<c>"StaleAfterDays": "seven"</c>) without a word, before validation can see them, so
    /// its records are graded under another profile. When they change, the rule set is rebuilt; an invalid change is rejected and the last good rule set stays in force.
    /// <see cref="IFollowUpRulesMonitor"/> tells which, for a host to log.
    /// </remarks>
    public static FollowUpRulesBuilder AddFollowUpRules(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<FollowUpRulesOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<FollowUpRulesOptions>, FollowUpRulesOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => CreateProvider(sp, Microsoft.Extensions.Options.Options.DefaultName));
        services.TryAddSingleton<IFollowUpRulesMonitor>(sp => sp.GetRequiredService<FollowUpRulesProvider>());
        services.TryAddSingleton<IFollowUpEvaluator>(sp =>
            new MonitoredFollowUpEvaluator(sp.GetRequiredService<FollowUpRulesProvider>(), sp.GetRequiredService<TimeProvider>()));
        // Singletons, as FluentValidation advises for validators without per-request state: these hold only the evaluator,
        // which follows configuration changes itself, and building one per resolution doubled the cost of a validation.
        services.TryAddSingleton<FollowUpRecordValidator>();
        services.TryAddSingleton<IValidator<FollowUpRecord>>(sp => sp.GetRequiredService<FollowUpRecordValidator>());
        services.TryAddSingleton<BasicInfoValidator>();
        services.TryAddSingleton<NeedsValidator>();
        services.TryAddSingleton<CommunicationsValidator>();
        services.TryAddSingleton<ProgressValidator>();
        services.TryAddSingleton<AttachmentsAndRisksValidator>();
        return new FollowUpRulesBuilder(services);
    }

    /// <summary>
    /// Registers a second, named set of rules beside the default one, for a host that serves several organisations (tenants)
    /// that differ in what is rule-set-wide: culture, time zone, date order, grade bands, phrases. Its services are keyed by
    /// <paramref name="name"/>: <see cref="IFollowUpEvaluator"/>, <see cref="IFollowUpRulesMonitor"/> and
    /// <see cref="IValidator{T}"/> of <see cref="FollowUpRecord"/>, resolved with <c>[FromKeyedServices("tenant-a")]</c> or
    /// <c>GetRequiredKeyedService&lt;IFollowUpEvaluator&gt;("tenant-a")</c>; their options are the named options of that name,
    /// validated at start-up and reloaded like the default ones.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The tenant's name: the key of its services and the name of its options.</param>
    /// <returns>A builder whose <see cref="FollowUpRulesBuilder.Configure"/> changes these named options.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space: the default rules are <see cref="AddFollowUpRules(IServiceCollection)"/>.</exception>
    /// <remarks>
    /// Bind a tenant's section by name:
    /// <c>services.Configure&lt;FollowUpRulesOptions&gt;("tenant-a", configuration.GetSection("Tenants:tenant-a:FollowUpRules"), binder =&gt; binder.ErrorOnUnknownConfiguration = true)</c>.
    /// Risk-signal detectors added with <see cref="FollowUpRulesBuilder.AddRiskSignal{TDetector}"/> run in every set of rules.
    /// The default services are registered too, so the step validators (built on the default evaluator) stay resolvable;
    /// for a tenant's, construct one on its evaluator: <c>new NeedsValidator(evaluator)</c>. Tenants that differ only in
    /// their profiles need no set of their own: give each its profile and pass its name to
    /// <see cref="IFollowUpEvaluator.Evaluate(FollowUpRecord, string)"/>.
    /// </remarks>
    public static FollowUpRulesBuilder AddFollowUpRules(this IServiceCollection services, string name)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        services.AddFollowUpRules();
        services.AddOptions<FollowUpRulesOptions>(name).ValidateOnStart();
        services.TryAddKeyedSingleton(name, (sp, _) => CreateProvider(sp, name));
        services.TryAddKeyedSingleton<IFollowUpRulesMonitor>(name, (sp, key) => sp.GetRequiredKeyedService<FollowUpRulesProvider>(key));
        services.TryAddKeyedSingleton<IFollowUpEvaluator>(name, (sp, key) =>
            new MonitoredFollowUpEvaluator(sp.GetRequiredKeyedService<FollowUpRulesProvider>(key), sp.GetRequiredService<TimeProvider>()));
        services.TryAddKeyedSingleton<IValidator<FollowUpRecord>>(name, (sp, key) => new FollowUpRecordValidator(sp.GetRequiredKeyedService<IFollowUpEvaluator>(key)));
        return new FollowUpRulesBuilder(services, name);
    }

    /// <summary>Registers a named set of rules, as <see cref="AddFollowUpRules(IServiceCollection, string)"/>, and configures its options in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="name">The tenant's name: the key of its services and the name of its options.</param>
    /// <param name="configure">Changes to these named options; applied after any earlier configuration.</param>
    /// <returns>A builder to configure these rules further.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/>, <paramref name="name"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty or white space.</exception>
    public static FollowUpRulesBuilder AddFollowUpRules(this IServiceCollection services, string name, Action<FollowUpRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddFollowUpRules(name).Configure(configure);
    }

    private static FollowUpRulesProvider CreateProvider(IServiceProvider services, string name) => new(
        name,
        FollowUpRulesOptionsValidator.KeyRoot(name, services.GetServices<FollowUpRulesSectionPath>()),
        services.GetRequiredService<IOptionsFactory<FollowUpRulesOptions>>(),
        services.GetServices<IOptionsChangeTokenSource<FollowUpRulesOptions>>(),
        services.GetServices<IRiskSignalDetector>());

    /// <summary>Registers FollowUp.Rules and configures its options in code.</summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes to the options; applied after any earlier configuration.</param>
    /// <returns>A builder to configure FollowUp.Rules further.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="configure"/> is <see langword="null"/>.</exception>
    public static FollowUpRulesBuilder AddFollowUpRules(this IServiceCollection services, Action<FollowUpRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        return services.AddFollowUpRules().Configure(configure);
    }
}

/// <summary>
/// Configures FollowUp.Rules after <see cref="FollowUpRulesServiceCollectionExtensions.AddFollowUpRules(IServiceCollection)"/>
/// or, for a named set of rules, <see cref="FollowUpRulesServiceCollectionExtensions.AddFollowUpRules(IServiceCollection, string)"/>.
/// </summary>
public sealed class FollowUpRulesBuilder
{
    internal FollowUpRulesBuilder(IServiceCollection services, string name = "")
    {
        Services = services;
        Name = name;
    }

    /// <summary>Gets the service collection FollowUp.Rules is registered with.</summary>
    public IServiceCollection Services { get; }

    /// <summary>
    /// Gets the name of the rules this builder configures: <see cref="Microsoft.Extensions.Options.Options.DefaultName"/> (empty) for the default ones, a
    /// tenant's for <see cref="FollowUpRulesServiceCollectionExtensions.AddFollowUpRules(IServiceCollection, string)"/>.
    /// </summary>
    public string Name { get; }

    /// <summary>
    /// Tells FollowUp.Rules which configuration section these options are bound from, so that validation failures at
    /// start-up and <see cref="IFollowUpRulesMonitor.LastRejectedChange"/> name the keys of that section
    /// (<c>Tenants:sg:FollowUpRules:Culture</c>). Without it keys are named under <c>FollowUpRules</c> for the default
    /// options and under <c>FollowUpRules (named 'sg')</c> for named ones, since the options do not know where they were bound from.
    /// </summary>
    /// <param name="sectionPath">The section's path, as given to <c>configuration.GetSection</c>: <c>Tenants:sg:FollowUpRules</c>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="sectionPath"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="sectionPath"/> is empty or white space.</exception>
    /// <remarks>
    /// It only names keys; bind the section as before:
    /// <c>services.Configure&lt;FollowUpRulesOptions&gt;("sg", configuration.GetSection("Tenants:sg:FollowUpRules"), binder =&gt; binder.ErrorOnUnknownConfiguration = true)</c>.
    /// Called again, the latest path wins.
    /// </remarks>
    public FollowUpRulesBuilder WithSectionPath(string sectionPath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sectionPath);
        Services.AddSingleton(new FollowUpRulesSectionPath(Name, sectionPath));
        return this;
    }

    /// <summary>Changes the options in code: the default ones, or the named ones of <see cref="Name"/>.</summary>
    /// <param name="configure">The changes; applied after any earlier configuration, such as configuration binding.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is <see langword="null"/>.</exception>
    public FollowUpRulesBuilder Configure(Action<FollowUpRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(Name, configure);
        return this;
    }

    /// <summary>
    /// Adds a custom risk-signal detector. It runs after the built-in ones in every evaluation; its signals can be weighted
    /// per profile in <c>SignalWeights</c> and answered in <c>risks</c> like the built-in ones. Adding the same type twice adds it once.
    /// </summary>
    /// <typeparam name="TDetector">The detector; created once by the container, so it must be thread-safe.</typeparam>
    /// <returns>This builder.</returns>
    /// <remarks>
    /// Its <see cref="IRiskSignalDetector.Signals"/> are checked with the options: a code that is not ASCII letters and digits
    /// or is already taken, or a default weight outside 0 to 1, fails validation, so <c>ValidateOnStart</c> stops the host at
    /// start-up and resolving <see cref="IFollowUpEvaluator"/> throws <see cref="OptionsValidationException"/>.
    /// </remarks>
    public FollowUpRulesBuilder AddRiskSignal<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TDetector>()
        where TDetector : class, IRiskSignalDetector
    {
        Services.TryAddEnumerable(ServiceDescriptor.Singleton<IRiskSignalDetector, TDetector>());
        return this;
    }
}
