using System.Text.Json.Serialization;

namespace FollowUp.Rules.Language;

/// <summary>One embedded lexicon data file: the phrases of one kind, category and language.</summary>
internal sealed class LexiconFile
{
    public string Kind { get; set; } = "";

    public string Category { get; set; } = "";

    public string Language { get; set; } = "";

    public List<LexiconFileEntry> Entries { get; set; } = [];

    public List<LexiconFileEntry> NonCues { get; set; } = [];

    public List<LexiconFileEntry> Exceptions { get; set; } = [];
}

/// <summary>One phrase of a lexicon data file, with the examples a test checks it against.</summary>
internal sealed class LexiconFileEntry
{
    public string Phrase { get; set; } = "";

    public bool WholeText { get; set; }

    public bool NumberBefore { get; set; }

    public bool NumberAfter { get; set; }

    public bool YearBefore { get; set; }

    public bool NotBeforeNumber { get; set; }

    public bool DigitsBefore { get; set; }

    public bool NotAfterNumber { get; set; }

    /// <summary>For a negation cue: it says the matter is resolved, so it settles a risk in the clause before (<see cref="CueKind.Settles"/>).</summary>
    public bool Settles { get; set; }

    /// <summary>For an overcome phrase: the risk signals it says are over when it follows them (<see cref="PhraseRole.Overcome"/>).</summary>
    public List<string> Overcomes { get; set; } = [];

    public List<string> Matches { get; set; } = [];

    public List<string> NonMatches { get; set; } = [];
}

[JsonSourceGenerationOptions(System.Text.Json.JsonSerializerDefaults.Web, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip)]
[JsonSerializable(typeof(LexiconFile))]
internal sealed partial class LexiconJsonContext : JsonSerializerContext;
