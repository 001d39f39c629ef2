using System.Globalization;
using System.Text;

namespace FollowUp.Rules.Cli.Input;

/// <summary>Text from an input, quoted in a warning line, where it must not break the line or change the terminal.</summary>
internal static class PrintableText
{
    /// <summary>
    /// Gets a value as one line that cannot change the terminal: control and format characters (line breaks, escape
    /// sequences, a right-to-left override) as \uXXXX, and a value longer than <paramref name="maxLength"/> cut short with …
    /// </summary>
    public static string Of(string value, int maxLength)
    {
        var text = new StringBuilder();
        // Cut before a character whose second half would fall beyond the cut (an emoji).
        var quoted = value.Length <= maxLength ? value.Length : char.IsHighSurrogate(value[maxLength - 1]) ? maxLength - 1 : maxLength;
        foreach (var c in value.AsSpan(0, quoted))
        {
            if (char.IsControl(c) || char.GetUnicodeCategory(c) is UnicodeCategory.Format or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator)
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return quoted < value.Length ? text.Append('…').ToString() : text.ToString();
    }
}
