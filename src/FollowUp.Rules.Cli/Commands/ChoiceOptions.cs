using System.CommandLine;

namespace FollowUp.Rules.Cli.Commands;

/// <summary>Options that take one of a few words, such as <c>--format</c>.</summary>
internal static class ChoiceOptions
{
    /// <summary>
    /// Accepts only <paramref name="choices"/>, in any case (markdown, Markdown, MARKDOWN), and reads a word as the choice is
    /// spelled here, so that a command compares it with that spelling alone. Any other word is an error that names the choices.
    /// </summary>
    public static void AcceptOnlyFromAmongIgnoringCase(this Option<string> option, params string[] choices)
    {
        option.CustomParser = result => Choose(result, option.Name, choices);
        option.CompletionSources.Add(choices);
    }

    /// <summary>Accepts only <paramref name="choices"/> for an argument, in any case, as the option above does.</summary>
    public static void AcceptOnlyFromAmongIgnoringCase(this Argument<string> argument, params string[] choices)
    {
        argument.CustomParser = result => Choose(result, argument.Name, choices);
        argument.CompletionSources.Add(choices);
    }

    private static string? Choose(System.CommandLine.Parsing.SymbolResult result, string name, string[] choices)
    {
        var word = result.Tokens[^1].Value;
        foreach (var choice in choices)
        {
            if (string.Equals(choice, word, StringComparison.OrdinalIgnoreCase))
            {
                return choice;
            }
        }

        // One sentence, as every usage error is: "--fail-under 'D' not recognized. Must be one of A, B or C (any case)."
        var listed = choices.Length == 1 ? choices[0] : $"{string.Join(", ", choices[..^1])} or {choices[^1]}";
        result.AddError($"{name} '{word}' not recognized. Must be one of {listed} (any case).");
        return null;
    }
}
