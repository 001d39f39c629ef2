using Microsoft.Extensions.Options;

namespace FollowUp.Rules;

/// <summary>
/// Tells a host which <see cref="FollowUpRuleSet"/> is in force and whether the latest change of the options was applied
/// or rejected. Registered by <c>AddFollowUpRules()</c>;
/// resolve it to log rejected edits of appsettings.json, which otherwise leave the last good rule set in force in silence.
/// </summary>
public interface IFollowUpRulesMonitor
{
    /// <summary>Gets the rule set in force: the one built from the latest valid options.</summary>
    FollowUpRuleSet Current { get; }

    /// <summary>
    /// Gets why the latest change of the options was rejected, or <see langword="null"/> when it was applied (or none came yet):
    /// options that fail validation, or configuration the binder could not bind (a value that does not convert, or a misspelt
    /// key with <c>ErrorOnUnknownConfiguration</c>), its message naming the key.
    /// </summary>
    OptionsValidationException? LastRejectedChange { get; }

    /// <summary>Registers a listener called after each change of the options has been applied or rejected.</summary>
    /// <param name="listener">
    /// Called with the rule set in force after the change and, when the change was rejected, the reason (its
    /// <see cref="OptionsValidationException.Failures"/> name each offending key); <see langword="null"/> when it was applied.
    /// </param>
    /// <returns>Dispose it to stop listening.</returns>
    /// <remarks>
    /// Listeners are called on the thread that reloaded the options. One that throws does not keep the others from being
    /// called: their exceptions are thrown together afterwards, as an <see cref="AggregateException"/>, to that thread,
    /// which for a file's reload is a thread-pool task, so no caller sees it (only
    /// <see cref="TaskScheduler.UnobservedTaskException"/> may): catch inside a listener.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="listener"/> is <see langword="null"/>.</exception>
    IDisposable OnChange(Action<FollowUpRuleSet, OptionsValidationException?> listener);
}
