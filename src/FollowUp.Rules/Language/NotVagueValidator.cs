using FluentValidation;
using FluentValidation.Validators;
using FollowUp.Rules.Messages;

namespace FollowUp.Rules.Language;

/// <summary>
/// A FluentValidation property validator that fails when a text holds vague language of the chosen categories.
/// Use it through <see cref="VagueLanguageRuleBuilderExtensions.NotVague{T}(IRuleBuilder{T, string}, VagueCategory[])"/>.
/// </summary>
/// <remarks>
/// <para>
/// A text fails once, however many vague phrases it holds, with a message that names each of them in the order found, each
/// once, listed in the message's language (“跟进中”、“等客户回复”都不够具体。…; "soon" and "waiting for reply" are vague. …),
/// followed by the advice for each category found. A text with one vague phrase gets that phrase's advice alone.
/// </para>
/// <para>
/// The error code is <c>VagueLanguage</c> (<see cref="FindingCodes.VagueLanguage"/>). The message template may use
/// <c>{Phrase}</c> (the phrases, joined by the language's list separator), <c>{Category}</c> (their categories, such as
/// <c>StatusOnly, Waiting</c>) and <c>{Advice}</c> (the message). The validator sets no custom state; add one with
/// <c>WithState</c>.
/// </para>
/// </remarks>
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
        List<VaguePhrase>? found = null;
        foreach (var phrase in detector.Detect(value).Phrases)
        {
            if ((_categories.Length == 0 || Array.IndexOf(_categories, phrase.Category) >= 0)
                && (found is null || !found.Exists(earlier => earlier.Text == phrase.Text)))
            {
                (found ??= []).Add(phrase);
            }
        }

        if (found is null)
        {
            return true;
        }

        var messages = _followHostCulture && CatalogCulture.OfCaller() is { } culture ? MessageCatalog.For(culture) : detector.Messages;
        context.MessageFormatter.AppendArgument("Phrase", string.Join(messages.Format("ListSeparator"), found.Select(phrase => phrase.Text)));
        context.MessageFormatter.AppendArgument("Category", string.Join(", ", found.Select(phrase => phrase.Category).Distinct()));
        context.MessageFormatter.AppendArgument("Advice", Advice(messages, found));
        return false;
    }

    /// <inheritdoc />
    protected override string GetDefaultMessageTemplate(string errorCode) => "{PropertyName}: {Advice}";

    /// <summary>
    /// The advice on <paramref name="phrases"/>: one phrase's own; for several, a sentence naming them all, then the advice
    /// for each category once, on its first phrase.
    /// </summary>
    private static string Advice(MessageCatalog messages, List<VaguePhrase> phrases)
    {
        if (phrases.Count == 1)
        {
            return FindingMessages.Vague(messages, phrases[0].Category, phrases[0].Text);
        }

        var quoted = phrases.Select(phrase => messages.Format("QuotedPhrase", phrase.Text)).ToList();
        var list = string.Join(messages.Format("ListSeparator"), quoted[..^1]) + messages.Format("ListLastSeparator") + quoted[^1];
        var advice = phrases.DistinctBy(phrase => phrase.Category).Select(phrase => FindingMessages.Vague(messages, phrase.Category, phrase.Text));
        return messages.Format("VagueSeveral", list, string.Join(messages.Format("SentenceSeparator"), advice));
    }
}
