namespace FollowUp.Rules.Import.Writing;

/// <summary>
/// Keeps a text cell from being read as a formula when the file is opened in a spreadsheet (CSV or formula injection):
/// a cell that begins with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (or a tab or carriage return, which some spreadsheets
/// skip before one of those) gets a leading single quote, so it shows as text and never runs.
/// </summary>
internal static class SpreadsheetText
{
    public static string Neutralize(string? text) =>
        string.IsNullOrEmpty(text) || text[0] is not ('=' or '+' or '-' or '@' or '\t' or '\r') ? text ?? "" : "'" + text;
}
