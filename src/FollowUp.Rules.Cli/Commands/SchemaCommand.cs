using System.CommandLine;
using System.Text;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules.Cli.Commands;

/// <summary><c>followup schema</c>: prints one of the JSON Schemas the library ships, for tools outside .NET.</summary>
internal static class SchemaCommand
{
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string>("schema")
        {
            Description = "record: a record as an input line. evaluation: a line of 'followup evaluate'. "
                + "report: 'followup report --format json'. reminder: a line of 'followup remind --format jsonl'.",
            HelpName = "record|evaluation|report|reminder",
        };
        name.AcceptOnlyFromAmongIgnoringCase("record", "evaluation", "report", "reminder");

        var command = new Command(
            "schema",
            """
            Print a JSON Schema (draft 2020-12) of the JSON the tool reads or writes, exactly as the FollowUp.Rules package
            embeds it (FollowUpJson.GetSchema), so it always matches this version: validate records before loading them, or
            the tool's output in your own tools, and generate typed clients. Closed sets are enums; finding, deduction and risk
            signal codes are open strings with the built-in codes as examples. The record schema takes what the reader takes
            without loss (numbers as text, one text for a list, members a record does not have) and refuses a value of the
            wrong shape, which the reader reports as a finding.
            Exit codes: 0 done, 2 usage error, 1 standard output is closed.

            Examples:
              followup schema record > record.schema.json
              followup schema evaluation
            """);
        command.Arguments.Add(name);
        command.SetAction((parse, cancellationToken) => WriteAsync(
            Enum.Parse<FollowUpJsonSchema>(parse.GetValue(name)!, ignoreCase: true), console, cancellationToken));
        return command;
    }

    private static async Task<int> WriteAsync(FollowUpJsonSchema schema, CliConsole console, CancellationToken cancellationToken)
    {
        await console.Output.WriteAsync(Encoding.UTF8.GetBytes(FollowUpJson.GetSchema(schema)), cancellationToken).ConfigureAwait(false);
        await console.Output.FlushAsync(cancellationToken).ConfigureAwait(false);
        return ExitCodes.Done;
    }
}
