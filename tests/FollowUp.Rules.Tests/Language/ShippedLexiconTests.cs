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

    public static TheoryData<string> OvercomeFiles() =>
        [.. ShippedLexicon.Files.Where(f => f.File.Kind == "Overcome").Select(f => f.Name)];

    /// <summary>
    /// An overcome phrase's <c>matches</c> raise none of the risks it overcomes, though the same text without it raises one of
    /// them, so each example shows the phrase at work; its <c>nonMatches</c> keep one raised.
    /// </summary>
    [Theory]
    [MemberData(nameof(OvercomeFiles))]
    public void OvercomeEntries_OvercomeTheRisksOfTheirExamples(string fileName)
    {
        var file = ShippedLexicon.Files.Single(f => f.Name == fileName).File;
        var failures = new List<string>();
        foreach (var entry in file.Entries)
        {
            foreach (var text in entry.Matches)
            {
                if (TextProbe.Of(text).Risk.Intersect(entry.Overcomes).Any())
                {
                    failures.Add($"'{entry.Phrase}': a risk it overcomes is still raised in \"{text}\"");
                }

                if (Without(text, entry.Phrase) is not { } without || !TextProbe.Of(without).Risk.Intersect(entry.Overcomes).Any())
                {
                    failures.Add($"'{entry.Phrase}': \"{text}\" does not raise a risk it overcomes without the phrase");
                }
            }

            foreach (var text in entry.NonMatches)
            {
                if (Without(text, entry.Phrase) is null || !TextProbe.Of(text).Risk.Intersect(entry.Overcomes).Any())
                {
                    failures.Add($"'{entry.Phrase}': \"{text}\" should keep a risk it overcomes raised");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join(Environment.NewLine, failures));
    }

    /// <summary>
    /// The text with the phrase as written replaced by a comma (for a phrase with a gap, its part after the gap: 預算…已編列 in
    /// 預算 NT$300 萬已編列 loses 已編列), or <see langword="null"/> when the text does not hold the phrase.
    /// </summary>
    private static string? Without(string text, string phrase)
    {
        var gap = phrase.IndexOf(LexiconEntry.GapMarker, StringComparison.Ordinal);
        if (gap < 0)
        {
            return text.Contains(phrase, StringComparison.Ordinal) ? text.Replace(phrase, "，", StringComparison.Ordinal) : null;
        }

        var head = text.IndexOf(phrase[..gap], StringComparison.Ordinal);
        var tail = head < 0 ? -1 : text.IndexOf(phrase[(gap + 1)..], head + gap, StringComparison.Ordinal);
        return tail < 0 ? null : string.Concat(text.AsSpan(0, tail), "，", text.AsSpan(tail + phrase.Length - gap - 1));
    }

    [Fact]
    public void OvercomeFiles_NameTextSignalsOnceEach()
    {
        var problems = new List<string>();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, file) in ShippedLexicon.Files.Where(f => f.File.Kind == "Overcome"))
        {
            if (name != $"Overcome.{file.Language}.json")
            {
                problems.Add($"{name} is not named after its language '{file.Language}'");
            }

            foreach (var entry in file.Entries)
            {
                if (entry.Overcomes.Count == 0 || entry.Overcomes.Except(FollowUp.Rules.Risk.RiskSignalCodes.TextSignals).Any())
                {
                    problems.Add($"'{entry.Phrase}' in {name} overcomes [{string.Join(", ", entry.Overcomes)}], not text signals");
                }

                if (!seen.TryAdd(TextFolding.FoldPhrase(entry.Phrase), name))
                {
                    problems.Add($"'{entry.Phrase}' in {name} and {seen[TextFolding.FoldPhrase(entry.Phrase)]}");
                }
            }
        }

        Assert.NotEmpty(seen);
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
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
