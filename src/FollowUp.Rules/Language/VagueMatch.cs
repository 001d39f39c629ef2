namespace FollowUp.Rules.Language;

/// <summary>A vague phrase in a free-text field.</summary>
/// <param name="Field">The field's path, such as <c>communications[0].summary</c>.</param>
/// <param name="Category">What kind of vagueness it is.</param>
/// <param name="Text">The phrase exactly as written in the field.</param>
/// <param name="Start">Its UTF-16 offset in the field's text.</param>
/// <param name="Length">Its length in UTF-16 code units.</param>
public readonly record struct VagueMatch(string Field, VagueCategory Category, string Text, int Start, int Length);

/// <summary>The clarity of one free-text field.</summary>
/// <param name="Field">The field's path.</param>
/// <param name="Level">How clear it is.</param>
public readonly record struct FieldClarity(string Field, ClarityLevel Level);
