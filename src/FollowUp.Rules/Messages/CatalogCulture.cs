using System.Globalization;

namespace FollowUp.Rules.Messages;

/// <summary>
/// Which of the embedded catalogs (messages and report labels) a culture reads, by its .NET parent chain: Traditional
/// Chinese (zh-TW: Taiwan wording) for a culture under zh-Hant (zh-TW, zh-HK, zh-MO, zh-Hant-*), Simplified Chinese (zh-CN)
/// for every other Chinese one (zh-CN, zh-SG, zh-Hans-*, zh), English for the rest.
/// </summary>
internal static class CatalogCulture
{
    /// <summary>The Simplified Chinese catalog's name.</summary>
    public const string Simplified = "zh-CN";

    /// <summary>The Traditional Chinese catalog's name: its wording is Taiwan's.</summary>
    public const string Traditional = "zh-TW";

    /// <summary>The English catalog's name.</summary>
    public const string English = "en";

    /// <summary>The name of the catalog <paramref name="culture"/> reads (<see cref="Simplified"/>, <see cref="Traditional"/>, <see cref="English"/>).</summary>
    public static string Of(CultureInfo culture)
    {
        for (var current = culture; current.Name.Length > 0; current = current.Parent)
        {
            // zh-CHT, the legacy name of zh-Hant, has zh for its parent.
            if (current.Name.Equals("zh-Hant", StringComparison.OrdinalIgnoreCase) || current.Name.Equals("zh-CHT", StringComparison.OrdinalIgnoreCase))
            {
                return Traditional;
            }
        }

        return culture.TwoLetterISOLanguageName == "zh" ? Simplified : English;
    }
}
