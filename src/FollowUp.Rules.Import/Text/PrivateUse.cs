using System.Globalization;
using System.Text;

namespace FollowUp.Rules.Import.Text;

/// <summary>
/// Private-use characters (U+E000–U+F8FF) in a table's text: what a decoder makes of a character its encoding has no
/// standard one for, such as a Hong Kong (HKSCS) character read as Big5 (咗 as U+ECD9), or a character of a Windows
/// end-user font. No CRM export means them as text: they show as blank boxes or other characters elsewhere, and match no
/// phrase, so they are warned of, never read as if nothing were wrong.
/// </summary>
internal static class PrivateUse
{
    /// <summary>How many rows, and distinct characters, a warning names before "and N more".</summary>
    private const int Listed = 3;

    /// <summary>Gets whether text holds a private-use character.</summary>
    public static bool In(string text) => text.AsSpan().IndexOfAnyInRange('\uE000', '\uF8FF') >= 0;

    /// <summary>Gets the distinct private-use characters of text, in order.</summary>
    public static string Of(string text) => new([.. text.Where(c => c is >= '\uE000' and <= '\uF8FF').Distinct()]);

    /// <summary>Gets the code points of characters as a message names them: <c>U+ECD9, U+ECDA and 2 more</c>.</summary>
    public static string Name(string characters)
    {
        var listed = string.Join(", ", characters.Take(Listed).Select(c => string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}")));
        return characters.Length > Listed ? string.Create(CultureInfo.InvariantCulture, $"{listed} and {characters.Length - Listed} more") : listed;
    }

    /// <summary>
    /// Gets the warning of a record whose cells hold private-use characters, naming the first rows, their columns and the
    /// characters, and what to do: for Big5, most likely Hong Kong characters, which only UTF-8 keeps.
    /// </summary>
    /// <param name="cells">The cells, in row order.</param>
    /// <param name="encoding">The encoding a CSV file was read in; <see langword="null"/> for an .xlsx workbook.</param>
    public static ImportWarning Warning(IReadOnlyList<PrivateUseCell> cells, Encoding? encoding)
    {
        var rows = cells.GroupBy(c => c.Row).ToList();
        var places = string.Join(", ", rows.Take(Listed).Select(row => string.Create(
            CultureInfo.InvariantCulture,
            $"{(rows.Count == 1 ? "row " : "")}{row.Key} (column{(row.Count() == 1 ? "" : "s")} {string.Join(", ", row.Select(c => $"'{c.Column}'"))})")));
        var more = rows.Count > Listed ? string.Create(CultureInfo.InvariantCulture, $" and {rows.Count - Listed} more") : "";
        var subject = rows.Count == 1 ? $"{places} holds" : $"rows {places}{more} hold";
        var characters = Of(string.Concat(cells.Select(c => c.Characters)));
        return new ImportWarning(
            ImportWarningCodes.PrivateUseCharacters,
            $"{subject} private-use characters ({Name(characters)}), which no export means as text and no phrase matches; {Advice(encoding)}.",
            rows.Count,
            characters);
    }

    /// <summary>
    /// Gets one line for the private-use warnings of many records of a table, so a Big5 export of a Hong Kong team does
    /// not give a line per customer: how many records and rows hold such characters, which ones, and what to do.
    /// </summary>
    /// <param name="records">How many records carry a <see cref="ImportWarningCodes.PrivateUseCharacters"/> warning.</param>
    /// <param name="rows">How many rows their warnings are about, in all.</param>
    /// <param name="characters">The distinct characters their warnings name, in order.</param>
    /// <param name="encoding">The encoding a CSV file was read in; <see langword="null"/> for an .xlsx workbook.</param>
    public static string Summary(long records, long rows, string characters, Encoding? encoding) => string.Create(
        CultureInfo.InvariantCulture,
        $"{records:N0} records ({rows:N0} rows) hold private-use characters ({Name(characters)}), which no export means as text and no phrase matches; {Advice(encoding)}.");

    /// <summary>Gets what private-use characters most likely are, read in an encoding, and what to do about them.</summary>
    private static string Advice(Encoding? encoding) => encoding?.CodePage == TableEncodings.Big5.CodePage
        ? "read as Big5, they are most likely Hong Kong (HKSCS) characters such as 咗 哋 啲 喺, which Big5 lacks and no decoder here reads: save the file as UTF-8 (in Excel: CSV UTF-8) and read it again"
        : encoding is null || encoding.CodePage == TableEncodings.StrictUtf8.CodePage
        ? "they are characters of a font made for them (a Windows end-user font), which show as blank boxes or other characters anywhere else: type them as standard characters"
        : $"read as {TableEncodings.DisplayName(encoding)}, they are characters the encoding has no standard one for: save the file as UTF-8 from the program that shows them right, and read it again";
}

/// <summary>A cell that holds private-use characters: its row, its column's name, and those characters.</summary>
internal readonly record struct PrivateUseCell(long Row, string Column, string Characters);
