using System.Globalization;
using FollowUp.Rules.Messages;
using FollowUp.Rules.Risk;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace FollowUp.Rules;

/// <summary>
/// Holds the current <see cref="FollowUpRuleSet"/> of a host and rebuilds it when the options change. An invalid change
/// is rejected and the last good rule set stays in force, so a bad edit of appsettings.json never takes a running host down.
/// </summary>
internal sealed class FollowUpRulesProvider : IFollowUpRulesMonitor, IDisposable
{
    private readonly string _name;
    private readonly string _keyRoot;
    private readonly IOptionsFactory<FollowUpRulesOptions> _factory;
    private readonly IRiskSignalDetector[] _customDetectors;
    private readonly List<IDisposable> _subscriptions = [];
    private readonly Lock _listenersLock = new();
    private Action<FollowUpRuleSet, OptionsValidationException?>[] _listeners = [];
    private volatile FollowUpRuleSet _current;

    /// <summary>Builds the rule set of the options named <paramref name="name"/> and follows their changes.</summary>
    /// <param name="name">The options' name: <see cref="Options.DefaultName"/>, or a tenant's (<c>AddFollowUpRules("tenant-a")</c>).</param>
    /// <param name="keyRoot">The section the options are bound from, as their validation failures name it: <c>Tenants:sg:FollowUpRules</c>.</param>
    /// <param name="factory">Creates the options, bound and validated.</param>
    /// <param name="changeSources">What signals a change of options; those of other names are ignored.</param>
    /// <param name="customDetectors">The risk-signal detectors the host added; shared by every name.</param>
    public FollowUpRulesProvider(
        string name, string keyRoot, IOptionsFactory<FollowUpRulesOptions> factory, IEnumerable<IOptionsChangeTokenSource<FollowUpRulesOptions>> changeSources,
        IEnumerable<IRiskSignalDetector> customDetectors)
    {
        _name = name;
        _keyRoot = keyRoot;
        _factory = factory;
        _customDetectors = [.. customDetectors];
        _current = Build();
        foreach (var source in changeSources)
        {
            // A source without a name signals the default options, as Microsoft's own options monitor reads it.
            if ((source.Name ?? Options.DefaultName) == name)
            {
                _subscriptions.Add(ChangeToken.OnChange(source.GetChangeToken, Reload));
            }
        }
    }

    public FollowUpRuleSet Current => _current;

    public OptionsValidationException? LastRejectedChange { get; private set; }

    public IDisposable OnChange(Action<FollowUpRuleSet, OptionsValidationException?> listener)
    {
        ArgumentNullException.ThrowIfNull(listener);
        lock (_listenersLock)
        {
            _listeners = [.. _listeners, listener];
        }

        return new Subscription(this, listener);
    }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private FollowUpRuleSet Build() => FollowUpRuleSet.Create(_factory.Create(_name), _customDetectors);

    private void Reload()
    {
        try
        {
            _current = Build();
            LastRejectedChange = null;
        }
        catch (OptionsValidationException rejected)
        {
            LastRejectedChange = rejected;
        }
        catch (InvalidOperationException unbound)
        {
            // The configuration binder's: a value that does not convert (A: "high"), or with ErrorOnUnknownConfiguration a
            // misspelt key. Thrown from a change token's callback it would only reach the thread pool, and no one would hear of it.
            // Its message names a misspelt key only with the type it is not on, so say which section was being bound.
            LastRejectedChange = new OptionsValidationException(_name, typeof(FollowUpRulesOptions), [$"{_keyRoot} could not be bound: {Describe(unbound)}"]);
        }
        catch (Exception unbuilt) when (unbuilt is ArgumentException or FormatException or InvalidDataException)
        {
            // Options the validator passed that the rule set still cannot be built from: a defect of ours, but the change is
            // rejected as an invalid one is, so the last good rules stay and listeners hear why, rather than no one.
            LastRejectedChange = new OptionsValidationException(_name, typeof(FollowUpRulesOptions), [$"The rules could not be built from the changed options: {Describe(unbuilt)}"]);
        }

        // A copy-on-write array: listeners run outside the lock, and one that unsubscribes while called does not disturb the others.
        // One that throws does not keep the others from hearing either: all are called, then their failures are thrown together.
        var current = _current;
        var rejection = LastRejectedChange;
        List<Exception>? failures = null;
        foreach (var listener in _listeners)
        {
            try
            {
                listener(current, rejection);
            }
            catch (Exception failure)
            {
                (failures ??= []).Add(failure);
            }
        }

        if (failures is not null)
        {
            throw new AggregateException(failures);
        }
    }

    /// <summary>The binder's message and those of the exceptions inside it, which name the value and the type it did not convert to.</summary>
    private static string Describe(Exception exception)
    {
        var messages = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            messages.Add(current.Message);
        }

        return string.Join(" ", messages);
    }

    private void Unsubscribe(Action<FollowUpRuleSet, OptionsValidationException?> listener)
    {
        lock (_listenersLock)
        {
            var index = Array.IndexOf(_listeners, listener);
            if (index >= 0)
            {
                _listeners = [.. _listeners.AsSpan(0, index), .. _listeners.AsSpan(index + 1)];
            }
        }
    }

    private sealed class Subscription(FollowUpRulesProvider provider, Action<FollowUpRuleSet, OptionsValidationException?> listener) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                provider.Unsubscribe(listener);
            }
        }
    }
}

/// <summary>
/// The evaluator a host resolves: it evaluates with whatever rule set the provider holds at the time of the call, in the
/// culture <see cref="WithCulture"/> gave it if any.
/// </summary>
internal sealed class MonitoredFollowUpEvaluator : IFollowUpEvaluator
{
    private readonly FollowUpRulesProvider _provider;
    private readonly TimeProvider _timeProvider;

    /// <summary>The evaluator this one was made from by <see cref="WithCulture"/>, which holds the evaluator of the rules in force; or this one.</summary>
    private readonly MonitoredFollowUpEvaluator _root;

    /// <summary>The culture of every evaluation; <see langword="null"/> for the rule set's or the caller's.</summary>
    private readonly CultureInfo? _culture;

    /// <summary>
    /// The evaluators <see cref="WithCulture"/> hands out: one per catalog, then one for the cultures that have none, whose
    /// messages are in the <see cref="FollowUpRuleSet.Culture"/> of the rules in force at each call.
    /// </summary>
    private readonly MonitoredFollowUpEvaluator?[] _inCulture;

    private FollowUpEvaluator? _evaluator;

    public MonitoredFollowUpEvaluator(FollowUpRulesProvider provider, TimeProvider timeProvider)
    {
        _provider = provider;
        _timeProvider = timeProvider;
        _root = this;
        _inCulture = new MonitoredFollowUpEvaluator?[CatalogCulture.Names.Length + 1];
    }

    private MonitoredFollowUpEvaluator(MonitoredFollowUpEvaluator root, CultureInfo culture)
    {
        _provider = root._provider;
        _timeProvider = root._timeProvider;
        _root = root;
        _culture = culture;
        _inCulture = root._inCulture;
    }

    public FollowUpRuleSet Rules => _provider.Current;

    public FollowUpEvaluation Evaluate(FollowUpRecord record) => Current().Evaluate(record);

    public FollowUpEvaluation Evaluate(FollowUpRecord record, string? profile) => Current().Evaluate(record, profile);

    public IFollowUpEvaluator WithCulture(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var hasCatalog = CatalogCulture.HasCatalog(culture);
        var index = hasCatalog ? Array.IndexOf(CatalogCulture.Names, CatalogCulture.Of(culture)) : CatalogCulture.Names.Length;
        var representative = hasCatalog ? CultureInfo.GetCultureInfo(CatalogCulture.Names[index]) : CultureInfo.InvariantCulture;
        ref var slot = ref _inCulture[index];
        return Volatile.Read(ref slot) ?? Interlocked.CompareExchange(ref slot, new MonitoredFollowUpEvaluator(_root, representative), null) ?? slot!;
    }

    private FollowUpEvaluator Current()
    {
        var rules = _provider.Current;
        var evaluator = _root._evaluator;
        if (evaluator is null || !ReferenceEquals(evaluator.Rules, rules))
        {
            evaluator = new FollowUpEvaluator(rules, _timeProvider);
            _root._evaluator = evaluator;
        }

        return _culture is null ? evaluator : evaluator.WithCulture(_culture);
    }
}
