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
        option.CustomParser = result =>
        {
            var word = result.Tokens[^1].Value;
            foreach (var choice in choices)
            {
                if (string.Equals(choice, word, StringComparison.OrdinalIgnoreCase))
                {
                    return choice;
                }
            }

            result.AddError($"Argument '{word}' not recognized. Must be one of:{string.Concat(choices.Select(choice => $"\n\t'{choice}'"))}");
            return null;
        };
        option.CompletionSources.Add(choices);
    }
}
