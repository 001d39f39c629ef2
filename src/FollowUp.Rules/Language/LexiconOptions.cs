namespace FollowUp.Rules.Language;

/// <summary>Changes to the shipped lexicon of vague-language and risk phrases, from code or configuration.</summary>
public sealed class LexiconOptions
{
    /// <summary>
    /// Gets the phrases to add. A phrase already shipped under another category is moved to the new one; one shipped in the
    /// same category is taken as given, so a later version that ships it changes nothing. A phrase given twice here fails validation.
    /// </summary>
    /// <value>Empty.</value>
    public IList<PhraseOptions> Add { get; } = [];

    /// <summary>
    /// Gets the shipped phrases to remove, as written (matching ignores case, width and Traditional/Simplified forms): vague
    /// and risk phrases, and phrases that say a risk is over (还是签了, 已接受报价), which then no longer overcome it.
    /// </summary>
    /// <value>Empty.</value>
    public IList<string> Remove { get; } = [];
}

/// <summary>One phrase to add to the lexicon.</summary>
public sealed class PhraseOptions
{
    /// <summary>Gets or sets the phrase: literal text of 1 to 40 characters; one <c>…</c> stands for a gap of up to 8 characters in the same clause.</summary>
    /// <value>Empty, which fails validation: every entry names its phrase.</value>
    public string Phrase { get; set; } = "";

    /// <summary>Gets or sets what the phrase signals: a <see cref="VagueCategory"/> name, or a risk-signal code such as <c>Competitor</c>.</summary>
    /// <value>Empty, which fails validation: every entry names its category.</value>
    public string Category { get; set; } = "";

    /// <summary>Gets or sets whether the phrase counts only when it is the whole text (for fillers such as 略).</summary>
    /// <value><see langword="false"/>: the phrase counts wherever it stands.</value>
    public bool WholeText { get; set; }
}
