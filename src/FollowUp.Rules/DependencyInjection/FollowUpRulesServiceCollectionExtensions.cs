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
        services.TryAddSingleton<FollowUpRulesProvider>();
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

/// <summary>Configures FollowUp.Rules after <see cref="FollowUpRulesServiceCollectionExtensions.AddFollowUpRules(IServiceCollection)"/>.</summary>
public sealed class FollowUpRulesBuilder
{
    internal FollowUpRulesBuilder(IServiceCollection services)
    {
        Services = services;
    }

    /// <summary>Gets the service collection FollowUp.Rules is registered with.</summary>
    public IServiceCollection Services { get; }

    /// <summary>Changes the options in code.</summary>
    /// <param name="configure">The changes; applied after any earlier configuration, such as configuration binding.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="configure"/> is <see langword="null"/>.</exception>
    public FollowUpRulesBuilder Configure(Action<FollowUpRulesOptions> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        Services.Configure(configure);
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
