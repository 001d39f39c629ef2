namespace FollowUp.Rules.Import.Reading;

/// <summary>Why the detector chose an encoding that nothing named, from the bytes alone, and whether that is a weak guess.</summary>
/// <param name="Weak">
/// Whether the evidence is weak: few Chinese characters, or a text that reads about as well in GB18030 as in Big5, or
/// well in neither (Japanese or Korean), so the text may read wrong.
/// </param>
/// <param name="Evidence">The evidence, as a phrase for a message (<c>in GB18030, 1,142 of 1,606 characters …</c>).</param>
internal sealed record EncodingGuess(bool Weak, string Evidence);
