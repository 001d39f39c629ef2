using System.CommandLine;
using System.Globalization;
using System.Text;

namespace FollowUp.Rules.Cli.Commands;

/// <summary>
/// <c>followup check-config FILE</c>: checks the <c>FollowUpRules</c> section of one configuration file as the library
/// would load it, without an input; <c>evaluate --config FILE /dev/null</c> did too, but then warned that the input was empty.
/// <c>--section</c> checks another section (a tenant's), <c>--all-sections</c> every section named FollowUpRules, so a
/// deployment pipeline can check a multi-tenant appsettings.json as the host will load it.
/// </summary>
internal static class CheckConfigCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The JSON configuration file (appsettings.json) whose FollowUpRules section is checked." };
        var section = new Option<string?>("--section")
        {
            Description = "Check this section instead, as a host binds a named set of rules from it (Tenants:sg:FollowUpRules); it must exist. Default: FollowUpRules, which may be missing.",
            HelpName = "path",
        };
        var allSections = new Option<bool>("--all-sections")
        {
            Description = "Check every section named FollowUpRules, at any depth (FollowUpRules, Tenants:sg:FollowUpRules…), reporting each.",
        };
        var command = new Command(
            "check-config",
            """
            Check the FollowUpRules section of one JSON configuration file (appsettings.json) as AddFollowUpRules would
            validate it at start-up, naming every misspelt key by its full path and every invalid value in one run. Nothing
            is read or evaluated. On success it prints one line: the culture, the default profile and the profiles it defines.
            A file with no FollowUpRules section is valid: a host keeps the built-in defaults, and so does this line. A file
            whose top level has keys of the section (a rules JSON, as for evaluate --config) is checked as the section.
            Exit codes: 0 valid, 2 invalid or unreadable (the reason on standard error), 1 standard output is closed.

            Examples:
              followup check-config appsettings.json
              followup check-config --section Tenants:sg:FollowUpRules appsettings.json
              followup check-config --all-sections appsettings.Production.json
              followup check-config new.json && mv new.json appsettings.json
            """);
        command.Arguments.Add(file);
        command.Options.Add(section);
        command.Options.Add(allSections);
        command.Validators.Add(result =>
        {
            if (result.GetResult(section) is not null && result.GetValue(allSections))
            {
                result.AddError("--section and --all-sections cannot be used together: --all-sections checks every section named FollowUpRules.");
            }
        });
        command.SetAction((parse, cancellationToken) => parse.GetValue(allSections)
            ? CheckAllAsync(parse.GetValue(file)!, console, cancellationToken)
            : CheckAsync(parse.GetValue(file)!, parse.GetValue(section), console, cancellationToken));
        return command;
    }

    private static async Task<int> CheckAsync(string path, string? sectionPath, CliConsole console, CancellationToken cancellationToken)
    {
        var line = Check(path, sectionPath);
        if (sectionPath is null && line.StartsWith(NoSection, StringComparison.Ordinal)
            && RulesFactory.FollowUpRulesSections(path, ConfigName) is { Count: > 0 } others)
        {
            line += $" It has FollowUpRules sections at {string.Join(", ", others)}: check them with --section or --all-sections.";
        }

        await WriteAsync(console, $"{path}: {line}\n", cancellationToken).ConfigureAwait(false);
        return ExitCodes.Done;
    }

    /// <summary>Checks every section named FollowUpRules, each on its own line or error, so one run names every error of every section.</summary>
    private static async Task<int> CheckAllAsync(string path, CliConsole console, CancellationToken cancellationToken)
    {
        var sections = RulesFactory.FollowUpRulesSections(path, ConfigName);
        if (sections.Count == 0)
        {
            await WriteAsync(console, $"{path}: {Check(path, sectionPath: null)}\n", cancellationToken).ConfigureAwait(false);
            return ExitCodes.Done;
        }

        var exitCode = ExitCodes.Done;
        foreach (var section in sections)
        {
            string line;
            try
            {
                line = Check(path, section);
            }
            catch (CliUsageException invalid)
            {
                await console.Error.WriteLineAsync($"followup: {FollowUpCli.OneLine(invalid.Message)}").ConfigureAwait(false);
                exitCode = ExitCodes.UsageError;
                continue;
            }

            await WriteAsync(console, $"{path}: {line}\n", cancellationToken).ConfigureAwait(false);
        }

        return exitCode;
    }

    private const string ConfigName = "the configuration";

    private const string NoSection = "no FollowUpRules section, so the built-in defaults apply";

    /// <summary>The verdict on one section: which section, and the rules it makes; an invalid one throws <see cref="CliUsageException"/>.</summary>
    private static string Check(string path, string? sectionPath)
    {
        var rules = RulesFactory.Create(path, culture: null, dateOrder: null, ConfigName, sectionPath, out var readFrom);
        var verdict = readFrom switch
        {
            null => NoSection,
            "" or FollowUpRulesOptions.SectionName => "valid",
            _ => $"{readFrom}: valid",
        };
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{verdict}: culture {rules.Culture.Name}, default profile {rules.DefaultProfile.Name}, profiles {string.Join(", ", rules.Profiles.Keys.Order(StringComparer.Ordinal))}.");
    }

    private static async Task WriteAsync(CliConsole console, string line, CancellationToken cancellationToken)
    {
        await console.Output.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken).ConfigureAwait(false);
        await console.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
    }
}
