using FollowUp.Rules.Language;

namespace FollowUp.Rules.Tests.Language;

/// <summary>
/// Every shipped lexicon file is data with its own tests: each entry's and each exception's <c>matches</c> must be reported
/// under the file's category by the real detector and its <c>nonMatches</c> must not, so a bad entry fails the build.
/// </summary>
public sealed class ShippedLexiconTests
{
    public static TheoryData<string> PhraseFiles()
    {
        var data = new TheoryData<string>();
        foreach (var (name, file) in ShippedLexicon.Files)
        {
            if (file.Kind is "Vague" or "Risk")
            {
                data.Add(name);
            }
        }

        return data;
    }

    [Fact]
    public void Files_ShipEveryCategoryInEveryLanguage()
    {
        var names = ShippedLexicon.Files.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        foreach (var language in new[] { "zh-Hans", "zh-Hant", "en" })
        {
            foreach (var category in Enum.GetNames<VagueCategory>())
            {
                Assert.Contains($"Vague.{category}.{language}.json", names);
            }

            foreach (var code in FollowUp.Rules.Risk.RiskSignalCodes.TextSignals)
            {
                Assert.Contains($"Risk.{code}.{language}.json", names);
            }

            Assert.Contains($"Negation.{language}.json", names);
        }
    }

    [Theory]
    [MemberData(nameof(PhraseFiles))]
    public void Entries_MatchTheirExamples(string fileName)
    {
        var file = ShippedLexicon.Files.Single(f => f.Name == fileName).File;
        var failures = new List<string>();
        foreach (var entry in file.Entries.Concat(file.Exceptions))
        {
            foreach (var text in entry.Matches)
            {
                if (!TextProbe.Of(text).Found(file.Kind).Contains(file.Category))
                {
                    failures.Add($"'{entry.Phrase}': {file.Category} not found in \"{text}\"");
                }
            }

            foreach (var text in entry.NonMatches)
            {
                if (TextProbe.Of(text).Found(file.Kind).Contains(file.Category))
                {
                    failures.Add($"'{entry.Phrase}': {file.Category} wrongly found in \"{text}\"");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    [Theory]
    [MemberData(nameof(PhraseFiles))]
    public void Entries_AreWellFormed(string fileName)
    {
        var file = ShippedLexicon.Files.Single(f => f.Name == fileName).File;
        Assert.Equal(fileName, $"{file.Kind}.{file.Category}.{file.Language}.json");
        foreach (var entry in file.Entries)
        {
            Assert.InRange(entry.Phrase.Length, 1, LexiconEntry.MaxLength);
            Assert.Equal(entry.Phrase.Trim(), entry.Phrase);
            Assert.True(entry.Phrase.Count(c => c == LexiconEntry.GapMarker) <= 1, $"'{entry.Phrase}' has more than one gap");
        }
    }

    [Fact]
    public void Settles_IsSetOnNegationCuesOnly()
    {
        var misplaced = ShippedLexicon.Files
            .SelectMany(f => f.File.NonCues.Concat(f.File.Exceptions).Concat(f.File.Kind == "Negation" ? [] : f.File.Entries)
                .Where(e => e.Settles).Select(e => $"'{e.Phrase}' in {f.Name}"))
            .ToList();

        Assert.True(misplaced.Count == 0, string.Join(Environment.NewLine, misplaced));
        Assert.Contains(ShippedLexicon.Files.Single(f => f.Name == "Negation.zh-Hans.json").File.Entries, e => e.Settles && e.Phrase == "已解决");
        Assert.Contains(ShippedLexicon.Files.Single(f => f.Name == "Negation.en.json").File.Entries, e => e.Settles && e.Phrase == "has been resolved");
    }

    [Theory]
    [InlineData("Vague")]
    [InlineData("Risk")]
    public void Phrases_AreNotDuplicatedAcrossFilesOfAKind(string kind)
    {
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var duplicates = new List<string>();
        foreach (var (name, file) in ShippedLexicon.Files.Where(f => f.File.Kind == kind))
        {
            foreach (var entry in file.Entries)
            {
                var folded = TextFolding.FoldPhrase(entry.Phrase);
                if (!seen.TryAdd(folded, name))
                {
                    duplicates.Add($"'{entry.Phrase}' in {name} and {seen[folded]}");
                }
            }
        }

        Assert.True(duplicates.Count == 0, string.Join(Environment.NewLine, duplicates));
    }
}
