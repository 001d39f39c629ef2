using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace FollowUp.Rules.Cli;

/// <summary>
/// Builds the rule set of a run from <c>--config</c> (a rules JSON in the shape of the <c>FollowUpRules</c> appsettings section)
/// and <c>--culture</c>, with the same binding a host uses, so a file that works here works in an app.
/// </summary>
internal static class RulesFactory
{
    public static FollowUpRuleSet Create(string? configPath, string? culture)
    {
        var options = new FollowUpRulesOptions();
        if (configPath is not null)
        {
            Bind(configPath, options);
        }

        if (culture is not null)
        {
            options.Culture = culture;
        }

        try
        {
            return FollowUpRuleSet.Create(options);
        }
        catch (OptionsValidationException invalid)
        {
            throw new CliUsageException($"invalid rules{(configPath is null ? "" : $" in '{configPath}'")}: {string.Join(" ", invalid.Failures)}");
        }
    }

    public static DateTimeOffset? ParseNow(string? now, TimeSpan defaultUtcOffset)
    {
        if (now is null)
        {
            return null;
        }

        // Read as the records' times are, by the same parser: without an offset, in the rules' DefaultUtcOffset, not in UTC.
        return Timestamp.Parse(now).Resolve(defaultUtcOffset)
            ?? throw new CliUsageException($"--now '{now}' is not an ISO-8601 date and time, such as 2026-11-26T12:00:00+08:00.");
    }

    private static void Bind(string configPath, FollowUpRulesOptions options)
    {
        if (!File.Exists(configPath))
        {
            throw new CliUsageException($"cannot read --config '{configPath}': {(Directory.Exists(configPath) ? "it is a directory, not a file" : "no such file")}.");
        }

        try
        {
            var configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(configPath), optional: false, reloadOnChange: false).Build();
            var section = configuration.GetSection(FollowUpRulesOptions.SectionName);
            IConfiguration root = section.Exists() ? section : configuration;
            root.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or InvalidDataException)
        {
            throw new CliUsageException($"cannot use --config '{configPath}': {Reasons(exception)}");
        }
    }

    /// <summary>
    /// The messages of an exception and all its inner ones, each once. The configuration binder and the JSON provider put
    /// the useful part one or two levels under a generic message: the key whose value failed to convert
    /// (<c>'FollowUpRules:Profiles:K:StaleAfterDays'</c>), the value no enum knows (<c>'Nope'</c>), where the JSON broke.
    /// </summary>
    private static string Reasons(Exception exception)
    {
        var reasons = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var reason = current.Message.ReplaceLineEndings(" ").Trim();
            if (reason.Length > 0 && !reasons.Contains(reason, StringComparer.Ordinal))
            {
                reasons.Add(reason);
            }
        }

        return string.Join(" ", reasons);
    }
}
