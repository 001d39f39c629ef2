using FollowUp.Rules.Cli.Output;

namespace FollowUp.Rules.Cli.Input;

/// <summary>Tells the user on standard error what was wrong with a row, where it stood in the input.</summary>
internal static class RowDiagnostics
{
    /// <summary>
    /// Writes the warning about the whole input a row carries, if any, then why a row was skipped, an unreadable row's
    /// reason, or a readable row's warning, if any; clears the progress line first.
    /// </summary>
    public static async ValueTask ReportAsync(RecordInput row, TextWriter error, ProgressLine? progress)
    {
        if (row.InputWarning is not null)
        {
            progress?.Clear();
            await error.WriteLineAsync($"{row.Source}: warning: {row.InputWarning}").ConfigureAwait(false);
        }

        if (row.IsSkipped)
        {
            progress?.Clear();
            await error.WriteLineAsync($"{row.Location}: warning: {row.Warning}").ConfigureAwait(false);
        }
        else if (row.Record is null)
        {
            progress?.Clear();
            await error.WriteLineAsync($"{row.Location}: unreadable record: {row.Error}").ConfigureAwait(false);
        }
        else if (row.Warning is not null)
        {
            progress?.Clear();
            await error.WriteLineAsync($"{row.Location}: warning: {row.Warning}").ConfigureAwait(false);
        }
    }
}
