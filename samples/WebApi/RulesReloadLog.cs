namespace FollowUp.Rules.Samples.WebApi;

/// <summary>Logs each change of the FollowUp.Rules options: applied, or rejected with the last good rules kept.</summary>
internal static partial class RulesReloadLog
{
    /// <summary>Starts logging the changes <paramref name="monitor"/> reports, for the life of the application.</summary>
    public static IDisposable LogChanges(this IFollowUpRulesMonitor monitor, ILogger logger) =>
        monitor.OnChange((rules, rejected) =>
        {
            if (rejected is null)
            {
                Applied(logger, rules.Culture.Name);
            }
            else
            {
                Rejected(logger, string.Join("; ", rejected.Failures));
            }
        });

    [LoggerMessage(Level = LogLevel.Information, Message = "FollowUp rules reloaded (culture {Culture}).")]
    private static partial void Applied(ILogger logger, string culture);

    [LoggerMessage(Level = LogLevel.Warning, Message = "FollowUp rules change rejected; the last good rules stay in force: {Failures}")]
    private static partial void Rejected(ILogger logger, string failures);
}
