using System.Globalization;
using FluentValidation;
using FluentValidation.Validators;

namespace FollowUp.Rules.Language;

/// <summary>
/// A FluentValidation property validator that fails when a text holds vague language of the chosen categories.
/// Use it through <see cref="VagueLanguageRuleBuilderExtensions.NotVague{T}(IRuleBuilder{T, string}, VagueCategory[])"/>.
/// </summary>
/// <typeparam name="T">The validated object.</typeparam>
public sealed class NotVagueValidator<T> : PropertyValidator<T, string?>
{
    private readonly Func<VagueLanguageDetector> _detector;
    private readonly VagueCategory[] _categories;
    private readonly bool _followHostCulture;

    /// <summary>Initializes a new instance of the <see cref="NotVagueValidator{T}"/> class.</summary>
    /// <param name="detector">The detector to use.</param>
    /// <param name="categories">The categories that count; all of them when empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> or <paramref name="categories"/> is <see langword="null"/>.</exception>
    public NotVagueValidator(VagueLanguageDetector detector, IEnumerable<VagueCategory> categories)
        : this(detector is null ? null! : () => detector, categories, followHostCulture: false)
    {
    }

    /// <summary>
    /// Initializes a new instance of the <see cref="NotVagueValidator{T}"/> class that asks for its detector at each
    /// validation, so a validator built once follows the rule set in force after a reload of the options.
    /// </summary>
    /// <param name="detector">
    /// Gets the detector to use, such as <c>() =&gt; monitor.Current.DefaultProfile.VagueLanguage</c>; validation throws
    /// <see cref="InvalidOperationException"/> if it returns <see langword="null"/>.
    /// </param>
    /// <param name="categories">The categories that count; all of them when empty.</param>
    /// <exception cref="ArgumentNullException"><paramref name="detector"/> or <paramref name="categories"/> is <see langword="null"/>.</exception>
    public NotVagueValidator(Func<VagueLanguageDetector> detector, IEnumerable<VagueCategory> categories)
        : this(detector, categories, followHostCulture: false)
    {
    }

    /// <param name="detector">The detector to use.</param>
    /// <param name="categories">The categories that count; all of them when empty.</param>
    /// <param name="followHostCulture">
    /// Whether the advice follows FluentValidation's culture (<c>ValidatorOptions.Global.LanguageManager.Culture</c>, else the
    /// current UI culture) when it is Chinese or English, instead of the detector's own culture.
    /// </param>
    internal NotVagueValidator(Func<VagueLanguageDetector> detector, IEnumerable<VagueCategory> categories, bool followHostCulture)
    {
        ArgumentNullException.ThrowIfNull(detector);
        ArgumentNullException.ThrowIfNull(categories);
        _detector = detector;
        _categories = [.. categories];
        _followHostCulture = followHostCulture;
    }

    /// <summary>Gets the validator's name, which is also its default error code: <c>VagueLanguage</c>.</summary>
    public override string Name => FindingCodes.VagueLanguage;

    /// <inheritdoc />
    public override bool IsValid(ValidationContext<T> context, string? value)
    {
        ArgumentNullException.ThrowIfNull(context);
        var detector = _detector() ?? throw new InvalidOperationException("The function that gets the vague-language detector returned null.");
        foreach (var phrase in detector.Detect(value).Phrases)
        {
            if (_categories.Length == 0 || Array.IndexOf(_categories, phrase.Category) >= 0)
            {
                context.MessageFormatter.AppendArgument("Phrase", phrase.Text);
                context.MessageFormatter.AppendArgument("Category", phrase.Category.ToString());
                context.MessageFormatter.AppendArgument("Advice", _followHostCulture && HostCulture() is { } culture
                    ? VagueLanguageDetector.AdviceIn(phrase, culture)
                    : detector.Advice(phrase));
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    protected override string GetDefaultMessageTemplate(string errorCode) => "{PropertyName}: {Advice}";

    /// <summary>FluentValidation's culture, or else the UI culture, when its language has messages (zh, en).</summary>
    private static CultureInfo? HostCulture()
    {
        var culture = ValidatorOptions.Global.LanguageManager.Culture ?? CultureInfo.CurrentUICulture;
        return culture.TwoLetterISOLanguageName is "zh" or "en" ? culture : null;
    }
}
