using System.Text;

namespace FollowUp.Rules.Import.Reading;

/// <summary>
/// Reads bytes that are not valid in the encoding as U+FFFD, as the replacement fallback does, and notes that it did, so a
/// table read in any encoding, detected or named, can report the rows that hold them instead of failing or garbling them
/// without a word. One per reading: the note is the reading's own.
/// </summary>
internal sealed class NotingDecoderFallback : DecoderFallback
{
    /// <summary>The replacement itself; <see cref="DecoderFallback.ReplacementFallback"/> gives '?', which text may hold.</summary>
    private static readonly DecoderReplacementFallback Replacement = new("\uFFFD");

    /// <summary>Gets whether any bytes were read as U+FFFD so far; until then a U+FFFD in the text is the file's own.</summary>
    public bool Replaced { get; private set; }

    public override int MaxCharCount => 1;

    public override DecoderFallbackBuffer CreateFallbackBuffer() => new NotingBuffer(this, Replacement.CreateFallbackBuffer());

    /// <summary>Gives the replacement fallback's characters, noting each fallback on the owner.</summary>
    private sealed class NotingBuffer(NotingDecoderFallback owner, DecoderFallbackBuffer replacement) : DecoderFallbackBuffer
    {
        public override int Remaining => replacement.Remaining;

        public override bool Fallback(byte[] bytesUnknown, int index)
        {
            owner.Replaced = true;
            return replacement.Fallback(bytesUnknown, index);
        }

        public override char GetNextChar() => replacement.GetNextChar();

        public override bool MovePrevious() => replacement.MovePrevious();

        public override void Reset() => replacement.Reset();
    }
}
