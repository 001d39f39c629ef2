using System.CommandLine;
using System.Globalization;
using System.Text;

namespace FollowUp.Rules.Cli.Commands;

/// <summary>
/// <c>followup check-config FILE</c>: checks the <c>FollowUpRules</c> section of one configuration file as the library
/// would load it, without an input; <c>evaluate --config FILE /dev/null</c> did too, but then warned that the input was empty.
/// </summary>
internal static class CheckConfigCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("file") { Description = "The JSON configuration file (appsettings.json) whose FollowUpRules section is checked." };
        var command = new Command(
            "check-config",
            """
            Check the FollowUpRules section of one JSON configuration file (appsettings.json) as AddFollowUpRules would
            validate it at start-up, naming every misspelt key by its full path and every invalid value. Nothing is read or
            evaluated. On success it prints one line: the culture, the default profile and the profiles it defines.
            Exit codes: 0 valid, 2 invalid or unreadable (the reason on standard error), 1 standard output is closed.

            Examples:
              followup check-config appsettings.json
              followup check-config new.json && mv new.json appsettings.json
            """);
        command.Arguments.Add(file);
        command.SetAction((parse, cancellationToken) => CheckAsync(parse.GetValue(file)!, console, cancellationToken));
        return command;
    }

    private static async Task<int> CheckAsync(string path, CliConsole console, CancellationToken cancellationToken)
    {
        var rules = RulesFactory.Create(path, culture: null, dateOrder: null, configName: "the configuration");
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"{path}: valid: culture {rules.Culture.Name}, default profile {rules.DefaultProfile.Name}, profiles {string.Join(", ", rules.Profiles.Keys.Order(StringComparer.Ordinal))}.\n");
        await console.Output.WriteAsync(Encoding.UTF8.GetBytes(line), cancellationToken).ConfigureAwait(false);
        await console.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Done;
    }
}
