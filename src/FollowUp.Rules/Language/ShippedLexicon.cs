using System.Text.Json;

namespace FollowUp.Rules.Language;

/// <summary>The lexicon data files embedded in the assembly, read once.</summary>
internal static class ShippedLexicon
{
    private static readonly Lazy<IReadOnlyList<(string Name, LexiconFile File)>> LazyFiles = new(Load);

    /// <summary>Gets every embedded lexicon file with its resource name.</summary>
    public static IReadOnlyList<(string Name, LexiconFile File)> Files => LazyFiles.Value;

    /// <summary>Turns the shipped files into entries, numbering risk signals by <paramref name="signalIndex"/>.</summary>
    public static List<LexiconEntry> Entries(Func<string, int> signalIndex)
    {
        var entries = new List<LexiconEntry>(4096);
        foreach (var (name, file) in Files)
        {
            var role = RoleOf(file.Kind, name);
            var category = role switch
            {
                PhraseRole.Vague => (int)Enum.Parse<VagueCategory>(file.Category),
                PhraseRole.Risk => signalIndex(file.Category),
                PhraseRole.Fact => (int)Enum.Parse<FactKind>(file.Category),
                PhraseRole.ChangeMention => (int)Enum.Parse<ChangeMentionKind>(file.Category),
                PhraseRole.ClauseBreak => (int)Enum.Parse<ClauseBreakKind>(file.Category),
                _ => 0,
            };

            foreach (var entry in file.Entries)
            {
                if (role == PhraseRole.Overcome)
                {
                    entries.AddRange(entry.Overcomes.Select(code => new LexiconEntry(role, signalIndex(code), entry.Phrase, FlagsOf(entry))));
                    continue;
                }

                var entryCategory = role == PhraseRole.NegationCue && entry.Settles ? (int)CueKind.Settles : category;
                entries.Add(new LexiconEntry(role, entryCategory, entry.Phrase, FlagsOf(entry)));
            }

            foreach (var nonCue in file.NonCues)
            {
                entries.Add(new LexiconEntry(PhraseRole.NonCue, 0, nonCue.Phrase, FlagsOf(nonCue)));
            }

            foreach (var exception in file.Exceptions)
            {
                entries.Add(new LexiconEntry(PhraseRole.Exception, category, exception.Phrase, FlagsOf(exception), role));
            }
        }

        return entries;
    }

    public static PhraseFlags FlagsOf(LexiconFileEntry entry) =>
        (entry.WholeText ? PhraseFlags.WholeText : PhraseFlags.None)
        | (entry.NumberBefore ? PhraseFlags.NumberBefore : PhraseFlags.None)
        | (entry.NumberAfter ? PhraseFlags.NumberAfter : PhraseFlags.None)
        | (entry.YearBefore ? PhraseFlags.YearBefore : PhraseFlags.None)
        | (entry.NotBeforeNumber ? PhraseFlags.NotBeforeNumber : PhraseFlags.None)
        | (entry.DigitsBefore ? PhraseFlags.DigitsBefore : PhraseFlags.None)
        | (entry.NotAfterNumber ? PhraseFlags.NotAfterNumber : PhraseFlags.None);

    private static PhraseRole RoleOf(string kind, string resource) => kind switch
    {
        "Vague" => PhraseRole.Vague,
        "Risk" => PhraseRole.Risk,
        "Negation" => PhraseRole.NegationCue,
        "ClauseBreak" => PhraseRole.ClauseBreak,
        "Fact" => PhraseRole.Fact,
        "ChangeMention" => PhraseRole.ChangeMention,
        "Overcome" => PhraseRole.Overcome,
        _ => throw new InvalidDataException($"Lexicon file '{resource}' has unknown kind '{kind}'."),
    };

    private static List<(string, LexiconFile)> Load()
    {
        var assembly = typeof(ShippedLexicon).Assembly;
        var files = new List<(string, LexiconFile)>();
        string[] kinds = ["Vague.", "Risk.", "Negation.", "Fact.", "ClauseBreak.", "ChangeMention.", "Overcome."];
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.EndsWith(".json", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            if (!kinds.Any(kind => name.StartsWith(kind, StringComparison.Ordinal)))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(name)!;
            var file = JsonSerializer.Deserialize(stream, LexiconJsonContext.Default.LexiconFile)
                ?? throw new InvalidDataException($"Lexicon file '{name}' is empty.");
            files.Add((name, file));
        }

        return files;
    }
}
