using System.Text;

namespace FollowUp.Rules.Import.Text;

/// <summary>
/// How a header's column names match a map's: ignoring surrounding spaces, case, full-width and other compatibility forms
/// (NFKC), and Traditional against Simplified characters, so a Taiwan or Hong Kong export's 客戶名稱 is the map's 客户名称.
/// A column name is a label, not a customer's name: group keys do not fold scripts (乾坤建材 and 干坤建材 are two companies).
/// </summary>
internal static class ColumnNames
{
    /// <summary>Gets the form of a column name that matching compares.</summary>
    public static string Fold(string name)
    {
        var normalized = name.Normalize(NormalizationForm.FormKC).Trim();
        return string.Create(normalized.Length, normalized, static (folded, text) =>
        {
            for (var i = 0; i < text.Length; i++)
            {
                folded[i] = char.ToLowerInvariant(TraditionalSimplified.ToSimplified(text[i]));
            }
        });
    }

    /// <summary>Gets whether two column names are one to a map.</summary>
    public static bool Same(string a, string b) => string.Equals(Fold(a), Fold(b), StringComparison.Ordinal);
}
