using FollowUp.Rules.Risk;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace FollowUp.Rules;

/// <summary>
/// Holds the current <see cref="FollowUpRuleSet"/> of a host and rebuilds it when the options change. An invalid change
/// is rejected and the last good rule set stays in force, so a bad edit of appsettings.json never takes a running host down.
/// </summary>
internal sealed class FollowUpRulesProvider : IDisposable
{
    private readonly IOptionsFactory<FollowUpRulesOptions> _factory;
    private readonly IRiskSignalDetector[] _customDetectors;
    private readonly List<IDisposable> _subscriptions = [];
    private volatile FollowUpRuleSet _current;

    public FollowUpRulesProvider(
        IOptionsFactory<FollowUpRulesOptions> factory, IEnumerable<IOptionsChangeTokenSource<FollowUpRulesOptions>> changeSources,
        IEnumerable<IRiskSignalDetector> customDetectors)
    {
        _factory = factory;
        _customDetectors = [.. customDetectors];
        _current = Build();
        foreach (var source in changeSources)
        {
            if (source.Name is null || source.Name == Options.DefaultName)
            {
                _subscriptions.Add(ChangeToken.OnChange(source.GetChangeToken, Reload));
            }
        }
    }

    /// <summary>Gets the rule set in force.</summary>
    public FollowUpRuleSet Current => _current;

    /// <summary>Gets the reason the latest change was rejected, or <see langword="null"/> when it was applied.</summary>
    public OptionsValidationException? LastRejectedChange { get; private set; }

    public void Dispose()
    {
        foreach (var subscription in _subscriptions)
        {
            subscription.Dispose();
        }
    }

    private FollowUpRuleSet Build() => FollowUpRuleSet.Create(_factory.Create(Options.DefaultName), _customDetectors);

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
    }
}

/// <summary>The evaluator a host resolves: it evaluates with whatever rule set the provider holds at the time of the call.</summary>
internal sealed class MonitoredFollowUpEvaluator(FollowUpRulesProvider provider, TimeProvider timeProvider) : IFollowUpEvaluator
{
    private FollowUpEvaluator? _evaluator;

    public FollowUpRuleSet Rules => provider.Current;

    public FollowUpEvaluation Evaluate(FollowUpRecord record) => Current().Evaluate(record);

    public FollowUpEvaluation Evaluate(FollowUpRecord record, string profile) => Current().Evaluate(record, profile);

    private FollowUpEvaluator Current()
    {
        var rules = provider.Current;
        var evaluator = _evaluator;
        if (evaluator is null || !ReferenceEquals(evaluator.Rules, rules))
        {
            evaluator = new FollowUpEvaluator(rules, timeProvider);
            _evaluator = evaluator;
        }

        return evaluator;
    }
}
