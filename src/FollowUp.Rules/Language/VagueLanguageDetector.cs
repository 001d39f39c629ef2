using FollowUp.Rules.Messages;

namespace FollowUp.Rules.Language;

/// <summary>A vague phrase found in a text.</summary>
/// <param name="Category">What kind of vagueness it is.</param>
/// <param name="Text">The phrase exactly as written.</param>
/// <param name="Start">Its UTF-16 offset in the text.</param>
/// <param name="Length">Its length in UTF-16 code units.</param>
public sealed record VaguePhrase(VagueCategory Category, string Text, int Start, int Length);

/// <summary>What the detector found in one text: its clarity level and its vague phrases.</summary>
/// <param name="Clarity">How clear the text is.</param>
/// <param name="Phrases">The vague phrases, in text order.</param>
public sealed record VagueTextResult(ClarityLevel Clarity, IReadOnlyList<VaguePhrase> Phrases);

/// <summary>
/// Finds vague language (模糊语言) in Simplified Chinese, Traditional Chinese and English text and rates its clarity, in one
/// pass over the text for the whole lexicon. Immutable and thread-safe. Get the configured one of a profile from
/// <see cref="Profiles.FollowUpProfile.VagueLanguage"/>, or the shipped one from <see cref="Default"/>.
/// </summary>
/// <remarks>
/// Matching survives full-width letters and digits, mixed case, Traditional characters, stray spaces and zero-width or
/// control characters; offsets always point into the original text. Concrete facts beside a vague phrase (a date or
/// weekday, a clock time, an amount, a quantity with a unit, a percentage, a named product) make the text milder.
/// </remarks>
public sealed class VagueLanguageDetector
{
    /// <summary>The results of texts with no vague phrase, one per level, shared so such a text allocates nothing.</summary>
    private static readonly VagueTextResult[] PhraseFree = [.. Enum.GetValues<ClarityLevel>().Select(level => new VagueTextResult(level, []))];

    private readonly TextAnalyzer _analyzer;
    private readonly MessageCatalog _messages;
    private readonly bool _followCallerCulture;

    /// <param name="analyzer">The profile's analyzer.</param>
    /// <param name="messages">The messages of the rule set's culture.</param>
    /// <param name="followCallerCulture">Whether advice follows the caller's culture when it has a catalog (<see cref="FollowUpRulesOptions.FollowCurrentUICulture"/>).</param>
    internal VagueLanguageDetector(TextAnalyzer analyzer, MessageCatalog messages, bool followCallerCulture)
    {
        _analyzer = analyzer;
        _messages = messages;
        _followCallerCulture = followCallerCulture;
    }

    /// <summary>Gets the detector of the shipped lexicon, with messages in zh-CN.</summary>
    public static VagueLanguageDetector Default => FollowUpRuleSet.Default.DefaultProfile.VagueLanguage;

    /// <summary>Finds the vague phrases of a text and rates its clarity.</summary>
    /// <param name="text">The text; <see langword="null"/> or white space is <see cref="ClarityLevel.NoContent"/> with no phrases.</param>
    /// <returns>The result. A text with no vague phrase allocates nothing.</returns>
    public VagueTextResult Detect(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return PhraseFree[(int)ClarityLevel.NoContent];
        }

        var scan = TextScan.Rent();
        try
        {
            var analysis = _analyzer.Analyze(text, scan);
            if (scan.VagueCount == 0)
            {
                return PhraseFree[(int)analysis.Clarity];
            }

            var phrases = new VaguePhrase[scan.VagueCount];
            for (var i = 0; i < phrases.Length; i++)
            {
                var hit = scan.Vague[i];
                phrases[i] = new VaguePhrase((VagueCategory)hit.Category, SharedText.Of(text, hit.Start, hit.End), hit.Start, hit.End - hit.Start);
            }

            return new VagueTextResult(analysis.Clarity, phrases);
        }
        finally
        {
            TextScan.Return(scan);
        }
    }

    /// <summary>
    /// Gets the coaching message for a vague phrase: what to write instead, in the rule set's culture, or the caller's when the
    /// rule set follows it (<see cref="FollowUpRulesOptions.FollowCurrentUICulture"/>).
    /// </summary>
    /// <param name="phrase">A phrase this detector found.</param>
    /// <returns>The message, such as "“等客户回复”没有说清在等什么。写明等谁、等什么、最晚何时；到期未回复由谁跟进。".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="phrase"/> is <see langword="null"/>.</exception>
    public string Advice(VaguePhrase phrase)
    {
        ArgumentNullException.ThrowIfNull(phrase);
        return FindingMessages.Vague(Messages, phrase.Category, phrase.Text);
    }

    /// <summary>The messages <see cref="Advice"/> is written in now: the caller's culture's when the detector follows it, else the rule set's.</summary>
    internal MessageCatalog Messages => _followCallerCulture && CatalogCulture.OfCaller() is { } culture ? MessageCatalog.For(culture) : _messages;
}
