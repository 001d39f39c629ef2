using System.Globalization;
using FollowUp.Rules.Messages;
using FollowUp.Rules.Profiles;

namespace FollowUp.Rules;

/// <summary>
/// Evaluates follow-up records against one immutable <see cref="FollowUpRuleSet"/>, with "now" from a
/// <see cref="TimeProvider"/> so results are reproducible. Build it once and share it: it is thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// <see cref="Evaluate(FollowUpRecord)"/> reads the clock at each call; the batch methods (<see cref="BatchEvaluation"/>,
/// <see cref="Reminders.FollowUpReminders.Remind"/>) read it once and evaluate every record of the batch at that time.
/// </para>
/// <para>
/// Messages are in the rule set's <see cref="FollowUpRuleSet.Culture"/>; in the caller's culture when the rule set follows it
/// (<see cref="FollowUpRulesOptions.FollowCurrentUICulture"/>); in a given one from the evaluator <see cref="WithCulture"/> returns.
/// Each of the four catalogs (zh-CN, zh-TW, zh-HK, en) is read once, when first used, and shared by every evaluator.
/// </para>
/// </remarks>
/// <example>
/// <code>
/// var evaluator = new FollowUpEvaluator(FollowUpRuleSet.Default);
/// var evaluation = evaluator.Evaluate(record);
/// Console.WriteLine($"{evaluation.Grade} {evaluation.Score}");
/// </code>
/// </example>
public sealed class FollowUpEvaluator : IFollowUpEvaluator
{
    private readonly TimeProvider _timeProvider;

    /// <summary>The culture of every evaluation, for an evaluator <see cref="WithCulture"/> made; <see langword="null"/> for the rule set's or the caller's.</summary>
    private readonly CultureInfo? _culture;

    /// <summary>
    /// The evaluators <see cref="WithCulture"/> hands out, one per catalog, made when first asked for and shared with them;
    /// <see langword="null"/> until then, so that an evaluator never asked for another culture costs what it did.
    /// </summary>
    private FollowUpEvaluator?[]? _inCatalog;

    /// <summary>Initializes a new instance of the <see cref="FollowUpEvaluator"/> class.</summary>
    /// <param name="rules">The rule set.</param>
    /// <param name="timeProvider">Where "now" comes from; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="rules"/> is <see langword="null"/>.</exception>
    public FollowUpEvaluator(FollowUpRuleSet rules, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(rules);
        Rules = rules;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    private FollowUpEvaluator(FollowUpEvaluator of, FollowUpEvaluator?[] inCatalog, CultureInfo culture)
    {
        Rules = of.Rules;
        _timeProvider = of._timeProvider;
        _culture = culture;
        _inCatalog = inCatalog;
    }

    /// <inheritdoc />
    public FollowUpRuleSet Rules { get; }

    /// <summary>Creates an evaluator from options set in code.</summary>
    /// <param name="configure">Changes to the default options, or <see langword="null"/> for the defaults.</param>
    /// <param name="timeProvider">Where "now" comes from; <see cref="TimeProvider.System"/> when <see langword="null"/>.</param>
    /// <returns>The evaluator.</returns>
    /// <exception cref="Microsoft.Extensions.Options.OptionsValidationException">The options are invalid.</exception>
    public static FollowUpEvaluator Create(Action<FollowUpRulesOptions>? configure = null, TimeProvider? timeProvider = null)
    {
        if (configure is null)
        {
            return new FollowUpEvaluator(FollowUpRuleSet.Default, timeProvider);
        }

        var options = new FollowUpRulesOptions();
        configure(options);
        return new FollowUpEvaluator(FollowUpRuleSet.Create(options), timeProvider);
    }

    /// <inheritdoc />
    public FollowUpEvaluation Evaluate(FollowUpRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var known = Rules.TryGetProfile(record.Scenario, out var profile);
        return Evaluate(record, profile, unknownProfile: !known, CultureOfMessages());
    }

    /// <inheritdoc />
    public FollowUpEvaluation Evaluate(FollowUpRecord record, string? profile)
    {
        ArgumentNullException.ThrowIfNull(record);
        return string.IsNullOrWhiteSpace(profile) ? Evaluate(record) : Evaluate(record, Rules.GetProfile(profile), unknownProfile: false, CultureOfMessages());
    }

    /// <inheritdoc cref="IFollowUpEvaluator.WithCulture"/>
    /// <returns>
    /// The evaluator in <paramref name="culture"/>, made once per catalog and shared: with the same rules and
    /// <see cref="TimeProvider"/> as this one.
    /// </returns>
    public FollowUpEvaluator WithCulture(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var catalog = CatalogCulture.Of(CatalogCulture.HasCatalog(culture) ? culture : Rules.Culture);
        var inCatalog = Volatile.Read(ref _inCatalog)
            ?? Interlocked.CompareExchange(ref _inCatalog, new FollowUpEvaluator?[CatalogCulture.Names.Length], null)
            ?? _inCatalog;
        ref var slot = ref inCatalog[Array.IndexOf(CatalogCulture.Names, catalog)];
        return Volatile.Read(ref slot)
            ?? Interlocked.CompareExchange(ref slot, new FollowUpEvaluator(this, inCatalog, CultureInfo.GetCultureInfo(catalog)), null)
            ?? slot!;
    }

    /// <inheritdoc />
    IFollowUpEvaluator IFollowUpEvaluator.WithCulture(CultureInfo culture) => WithCulture(culture);

    /// <summary>
    /// The culture of the messages: this evaluator's own, else the caller's when the rule set follows it, else
    /// <see langword="null"/> for the rule set's.
    /// </summary>
    private CultureInfo? CultureOfMessages() => _culture ?? (Rules.FollowCurrentUICulture ? CatalogCulture.OfCaller() : null);

    /// <param name="record">The record.</param>
    /// <param name="profile">The profile.</param>
    /// <param name="unknownProfile">Whether the record names a scenario no profile has.</param>
    /// <param name="culture">The culture of the messages; <see langword="null"/> for the rule set's (<see cref="FollowUpRuleSet.MessagesIn"/>).</param>
    internal FollowUpEvaluation Evaluate(FollowUpRecord record, FollowUpProfile profile, bool unknownProfile, CultureInfo? culture)
    {
        // A batch's rows are evaluated at the batch's one time; a single record, when it is asked for.
        var now = (BatchInstant.Current is { } batch ? batch.Now(_timeProvider) : _timeProvider.GetUtcNow()).ToOffset(Rules.DefaultUtcOffset);
        var messages = Rules.MessagesIn(culture, out var messagesCulture);
        var inspection = Inspection.Rent();
        try
        {
            inspection.Run(record, Rules, profile, now, unknownProfile, messages, messagesCulture);
            return EvaluationBuilder.Build(inspection, Rules, profile);
        }
        finally
        {
            Inspection.Return(inspection);
        }
    }
}
