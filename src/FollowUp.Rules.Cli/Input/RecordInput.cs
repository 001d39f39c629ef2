namespace FollowUp.Rules.Cli.Input;

/// <summary>
/// One row of an input: a record, the reason it could not be read, or a row that is no record and was skipped with a
/// <see cref="Warning"/> (a summary row, 合计, under an export's follow-ups).
/// </summary>
/// <param name="Source">The input's name as given on the command line (<c>-</c> for standard input).</param>
/// <param name="Row">The line number (JSON Lines), element number (JSON array) or row number (CSV, .xlsx: the header is row 1), from 1.</param>
/// <param name="RowKind">What <paramref name="Row"/> counts: <c>line</c>, <c>element</c> or <c>row</c>.</param>
/// <param name="Record">The record, when it could be read.</param>
/// <param name="Error">Why it could not be read, when it could not.</param>
/// <param name="Warning">
/// What is wrong with a record that could be read, such as rows of its group that could not; or, with neither a record nor
/// an error, why the row was skipped.
/// </param>
/// <param name="EndsInput">Whether reading of the input stopped at this row, so the rest of the input is not read.</param>
/// <param name="InputWarning">What is wrong with the whole input, told before its first row: the encoding it was guessed to be in.</param>
/// <param name="RowCount">
/// How many rows of the input an unreadable result stands for: a CSV quote that never closes takes the later rows with it,
/// and a group's record that cannot be built, the group's rows.
/// </param>
internal readonly record struct RecordInput(
    string Source, long Row, string RowKind, FollowUpRecord? Record, string? Error, string? Warning = null, bool EndsInput = false, string? InputWarning = null,
    int RowCount = 1)
{
    /// <summary>Gets whether the row is no record and nothing unreadable either (a summary row), skipped with its <see cref="Warning"/>.</summary>
    public bool IsSkipped => Record is null && Error is null;

    /// <summary>Gets where the row is, as <c>file:line 12</c>.</summary>
    public string Location => $"{Source}:{RowKind} {Row}";
}
