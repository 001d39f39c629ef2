using FollowUp.Rules.Language;

namespace FluentValidation;

/// <summary>Adds the vague-language rule of FollowUp.Rules to FluentValidation's rule builders.</summary>
public static class VagueLanguageRuleBuilderExtensions
{
    /// <summary>
    /// Fails when the text holds vague language (跟进中, 等客户回复, 客户有意向, soon…), with a message that says what to
    /// write instead. <see langword="null"/> and empty text pass: combine with <c>NotEmpty()</c> to require a value.
    /// </summary>
    /// <remarks>
    /// This overload uses the built-in lexicon only (<see cref="VagueLanguageDetector.Default"/>): phrases added, removed or
    /// re-categorised in a host's <c>FollowUpRules</c> options, and its configured <c>Culture</c>, do not reach it. To use
    /// them, pass the configured detector, or a function that gets it so reloads are followed:
    /// <c>NotVague(() =&gt; monitor.Current.DefaultProfile.VagueLanguage)</c> with an <c>IFollowUpRulesMonitor</c>.
    /// One failure names every vague phrase of the text, in order and each once (“跟进中”、“等客户回复”都不够具体。…), with
    /// its error code, placeholders and custom state as <see cref="NotVagueValidator{T}"/> describes. The message follows
    /// FluentValidation's culture (<c>ValidatorOptions.Global.LanguageManager.Culture</c>, else the current UI culture) when
    /// it is Chinese or English, and is in zh-CN otherwise.
    /// </remarks>
    /// <typeparam name="T">The validated object.</typeparam>
    /// <param name="ruleBuilder">The rule builder of a string property.</param>
    /// <param name="categories">The categories that count; all of them when none are given.</param>
    /// <returns>The rule builder, to chain <c>WithSeverity</c>, <c>WithMessage</c> and the like. The error code is <c>VagueLanguage</c>.</returns>
    /// <example><code>RuleFor(x => x.Note).NotVague(VagueCategory.StatusOnly, VagueCategory.Waiting);</code></example>
    public static IRuleBuilderOptions<T, string?> NotVague<T>(this IRuleBuilder<T, string?> ruleBuilder, params VagueCategory[] categories)
    {
        ArgumentNullException.ThrowIfNull(ruleBuilder);
        return ruleBuilder.SetValidator(new NotVagueValidator<T>(() => VagueLanguageDetector.Default, categories, followHostCulture: true));
    }

    /// <summary>Fails when the text holds vague language, as found by a given detector (such as a profile's configured one).</summary>
    /// <remarks>
    /// The validator keeps this detector: after a reload of the options it still uses the lexicon it was given. To follow
    /// reloads, pass a function instead (<see cref="NotVague{T}(IRuleBuilder{T, string}, Func{VagueLanguageDetector}, VagueCategory[])"/>).
    /// </remarks>
    /// <typeparam name="T">The validated object.</typeparam>
    /// <param name="ruleBuilder">The rule builder of a string property.</param>
    /// <param name="detector">The detector, such as <c>evaluator.Rules.DefaultProfile.VagueLanguage</c>.</param>
    /// <param name="categories">The categories that count; all of them when none are given.</param>
    /// <returns>The rule builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleBuilder"/> or <paramref name="detector"/> is <see langword="null"/>.</exception>
    public static IRuleBuilderOptions<T, string?> NotVague<T>(
        this IRuleBuilder<T, string?> ruleBuilder, VagueLanguageDetector detector, params VagueCategory[] categories)
    {
        ArgumentNullException.ThrowIfNull(ruleBuilder);
        return ruleBuilder.SetValidator(new NotVagueValidator<T>(detector, categories));
    }

    /// <summary>
    /// Fails when the text holds vague language, as found by the detector <paramref name="detector"/> gets at each validation:
    /// a validator built once (a singleton, say) then follows the rule set in force after a reload of the options.
    /// </summary>
    /// <typeparam name="T">The validated object.</typeparam>
    /// <param name="ruleBuilder">The rule builder of a string property.</param>
    /// <param name="detector">Gets the detector, such as <c>() =&gt; monitor.Current.DefaultProfile.VagueLanguage</c> with an <c>IFollowUpRulesMonitor</c>.</param>
    /// <param name="categories">The categories that count; all of them when none are given.</param>
    /// <returns>The rule builder. Validation throws <see cref="InvalidOperationException"/> if <paramref name="detector"/> returns <see langword="null"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleBuilder"/> or <paramref name="detector"/> is <see langword="null"/>.</exception>
    public static IRuleBuilderOptions<T, string?> NotVague<T>(
        this IRuleBuilder<T, string?> ruleBuilder, Func<VagueLanguageDetector> detector, params VagueCategory[] categories)
    {
        ArgumentNullException.ThrowIfNull(ruleBuilder);
        return ruleBuilder.SetValidator(new NotVagueValidator<T>(detector, categories));
    }
}
