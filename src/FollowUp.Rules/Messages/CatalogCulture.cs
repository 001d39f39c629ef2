using System.Globalization;
using FluentValidation;

namespace FollowUp.Rules.Messages;

/// <summary>
/// Which of the embedded catalogs (messages and report labels) a culture reads, by its .NET parent chain: Hong Kong
/// Traditional Chinese (zh-HK) for zh-HK, zh-MO, zh-Hant-HK and zh-Hant-MO, Taiwan Traditional Chinese (zh-TW) for every
/// other culture under zh-Hant (zh-TW, zh-Hant, zh-Hant-*), Simplified Chinese (zh-CN) for every other Chinese one (zh-CN,
/// zh-SG, zh-Hans-*, zh), English for the rest.
/// </summary>
internal static class CatalogCulture
{
    /// <summary>The Simplified Chinese catalog's name.</summary>
    public const string Simplified = "zh-CN";

    /// <summary>The Traditional Chinese catalog's name: its wording is Taiwan's.</summary>
    public const string Traditional = "zh-TW";

    /// <summary>The Hong Kong catalog's name: Traditional Chinese in Hong Kong's wording, read in Macao too.</summary>
    public const string HongKong = "zh-HK";

    /// <summary>The English catalog's name.</summary>
    public const string English = "en";

    /// <summary>Every catalog's name.</summary>
    public static readonly string[] Names = [Simplified, Traditional, HongKong, English];

    /// <summary>
    /// The cultures that read <see cref="HongKong"/>, met in a parent chain before zh-Hant: Macao writes business Chinese
    /// as Hong Kong does, and zh-Hans-HK, Simplified text written in Hong Kong, never passes through them.
    /// </summary>
    private static readonly string[] HongKongCultures = ["zh-HK", "zh-MO", "zh-Hant-HK", "zh-Hant-MO"];

    /// <summary>
    /// The name of the catalog <paramref name="culture"/> reads (<see cref="Simplified"/>, <see cref="Traditional"/>,
    /// <see cref="HongKong"/>, <see cref="English"/>).
    /// </summary>
    public static string Of(CultureInfo culture)
    {
        for (var current = culture; current.Name.Length > 0; current = current.Parent)
        {
            // A loop, not Contains with a comparer: an evaluation that follows its caller's culture asks on every call.
            foreach (var hongKong in HongKongCultures)
            {
                if (current.Name.Equals(hongKong, StringComparison.OrdinalIgnoreCase))
                {
                    return HongKong;
                }
            }

            // zh-CHT, the legacy name of zh-Hant, has zh for its parent.
            if (current.Name.Equals("zh-Hant", StringComparison.OrdinalIgnoreCase) || current.Name.Equals("zh-CHT", StringComparison.OrdinalIgnoreCase))
            {
                return Traditional;
            }
        }

        return culture.TwoLetterISOLanguageName == "zh" ? Simplified : English;
    }

    /// <summary>Whether <paramref name="culture"/> is Chinese or English, the languages that have catalogs.</summary>
    public static bool HasCatalog(CultureInfo culture) => culture.TwoLetterISOLanguageName is "zh" or "en";

    /// <summary>
    /// The caller's culture as FluentValidation reads it for its own messages (<c>ValidatorOptions.Global.LanguageManager.Culture</c>,
    /// else the current UI culture), when it has a catalog; else <see langword="null"/>.
    /// </summary>
    public static CultureInfo? OfCaller()
    {
        var culture = ValidatorOptions.Global.LanguageManager.Culture ?? CultureInfo.CurrentUICulture;
        return HasCatalog(culture) ? culture : null;
    }

    /// <summary>Whether the catalog named <paramref name="catalog"/> is in Traditional characters (<see cref="Traditional"/>, <see cref="HongKong"/>).</summary>
    public static bool IsTraditional(string catalog) => catalog is Traditional or HongKong;
}
