using System.Globalization;

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
            if (HongKongCultures.Contains(current.Name, StringComparer.OrdinalIgnoreCase))
            {
                return HongKong;
            }

            // zh-CHT, the legacy name of zh-Hant, has zh for its parent.
            if (current.Name.Equals("zh-Hant", StringComparison.OrdinalIgnoreCase) || current.Name.Equals("zh-CHT", StringComparison.OrdinalIgnoreCase))
            {
                return Traditional;
            }
        }

        return culture.TwoLetterISOLanguageName == "zh" ? Simplified : English;
    }

    /// <summary>Whether the catalog named <paramref name="catalog"/> is in Traditional characters (<see cref="Traditional"/>, <see cref="HongKong"/>).</summary>
    public static bool IsTraditional(string catalog) => catalog is Traditional or HongKong;
}
