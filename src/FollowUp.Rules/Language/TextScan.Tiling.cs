namespace FollowUp.Rules.Language;

/// <summary>
/// Whether a text is nothing but fillers and vague phrases, one after another (好的，收到; 测试123; 同上，跟进中), decided while the
/// text is scanned. From the first character of content, each tile is the longest whole vague phrase that starts there (a
/// filler among equals), or else a run of at most <see cref="TextAnalyzer.MaxFillerDigits"/> digits that is part of no fact;
/// the next tile starts at the next character of content. The text is tiled when the tiles reach its end, there are two or
/// more, and one is a filler. Deciding it as the hits arrive keeps only a window of the text, so no phrase that must be the
/// whole text has to be kept to tile a long one (啊啊啊…, 好的，好的，…).
/// </summary>
internal sealed partial class TextScan
{
    /// <summary>
    /// How far past a run of digits, in characters, the scan goes before it is taken as a tile: the facts that may overlap
    /// it end within <see cref="TextAnalyzer.Reach"/> of it.
    /// </summary>
    private const int DigitTileDelay = TextAnalyzer.Reach + TextAnalyzer.MaxFillerDigits;

    /// <summary>The folded characters the tiling remembers: more than any tile waits for, a power of two.</summary>
    private const int TileWindow = 256;

    private const int TileMask = TileWindow - 1;

    /// <summary>By folded position in the window: what the tiling knows of its character.</summary>
    private readonly TileSlot[] _tileSlots = new TileSlot[TileWindow];

    /// <summary>The lexicon's <see cref="CompiledLexicon.VagueReach"/>: how long to wait for the phrases a character starts.</summary>
    private byte[] _vagueReach = [];

    /// <summary>The folded position of the next tile's start, or -1 while the scan has not reached it.</summary>
    private int _tileAt;

    /// <summary>The folded position from which the next tile is known: every phrase starting there has been found.</summary>
    private int _tileDue;

    /// <summary>The offset in the text at or after which the next tile starts.</summary>
    private int _tileFrom;

    /// <summary>The folded position of the last character seen, or -1.</summary>
    private int _tileLast;

    private int _tiles;
    private int _fillerTiles;
    private bool _untiled;

    /// <summary>Whether a filler (a phrase of <see cref="VagueCategory.NoContent"/>) was found, in any part of the text.</summary>
    public bool HasFiller;

    [Flags]
    private enum TileChar : byte
    {
        None = 0,
        Content = 1,
        Digit = 2,

        /// <summary>The longest whole vague phrase starting here is, or ties with, a filler.</summary>
        Filler = 4,
    }

    /// <summary>Readies the tiling for a text scanned with <paramref name="lexicon"/>.</summary>
    public void StartTiling(CompiledLexicon lexicon) => _vagueReach = lexicon.VagueReach;

    private void ResetTiling()
    {
        _tileAt = -1;
        _tileFrom = 0;
        _tileLast = -1;
        _tiles = 0;
        _fillerTiles = 0;
        _untiled = false;
        HasFiller = false;
    }

    /// <summary>Whether the text may still be tiled: until it is found untiled, each character is remembered.</summary>
    private bool Tiling => !_untiled;

    /// <summary>Remembers a folded character, once the tile before it is known.</summary>
    private void RememberTileChar(char folded, int start, int foldedPosition, bool content)
    {
        if (_tileAt >= 0 && foldedPosition >= _tileDue)
        {
            TakeTiles(foldedPosition);
        }

        ref var slot = ref _tileSlots[foldedPosition & TileMask];
        slot.Start = start;
        slot.PhraseEnd = -1;
        slot.Folded = folded;
        slot.Kind = (content ? TileChar.Content : TileChar.None) | (TextFolding.IsAsciiDigit(folded) ? TileChar.Digit : TileChar.None);
        _tileLast = foldedPosition;
        if (_tileAt < 0 && content && start >= _tileFrom)
        {
            StartTile(foldedPosition, folded, slot.Kind);
        }
    }

    /// <summary>Offers a whole vague phrase as the tile of the character it starts at.</summary>
    public void OfferTile(in PhraseMatch match, bool filler)
    {
        ref var slot = ref _tileSlots[match.FoldedStart & TileMask];
        if (_untiled || slot.Start != match.Start || match.End > match.Start + TextAnalyzer.Reach || match.End < slot.PhraseEnd)
        {
            return;
        }

        slot.Kind = (match.End > slot.PhraseEnd ? slot.Kind & ~TileChar.Filler : slot.Kind) | (filler ? TileChar.Filler : TileChar.None);
        slot.PhraseEnd = match.End;
    }

    /// <summary>Takes the tiles left once the whole text is scanned, and tells whether they tile it.</summary>
    public bool FillersTileText()
    {
        TakeTiles(int.MaxValue);
        return !_untiled && _fillerTiles > 0 && _tiles > 1;
    }

    /// <summary>
    /// Makes the character at <paramref name="foldedPosition"/> the next tile's start. One no vague phrase starts with and no
    /// digit is none, so most notes are found untiled at their first character.
    /// </summary>
    private void StartTile(int foldedPosition, char folded, TileChar kind)
    {
        var reach = (kind & TileChar.Digit) != 0 ? DigitTileDelay : _vagueReach[folded];
        _untiled = reach == 0;
        _tileAt = foldedPosition;
        _tileDue = foldedPosition + reach;
    }

    /// <summary>Takes each tile known before <paramref name="foldedPosition"/>, until one is not or the text is found untiled.</summary>
    private void TakeTiles(int foldedPosition)
    {
        while (!_untiled && _tileAt >= 0 && foldedPosition >= _tileDue)
        {
            ref readonly var slot = ref _tileSlots[_tileAt & TileMask];
            var end = slot.PhraseEnd;
            var filler = (slot.Kind & TileChar.Filler) != 0;
            if (end < 0 && (slot.Kind & TileChar.Digit) != 0)
            {
                // A short run of digits says no more than 1234 alone; a long one is a phone or order number, which is content.
                end = slot.Start + 1;
                for (var p = _tileAt + 1; p <= _tileLast && (_tileSlots[p & TileMask].Kind & TileChar.Digit) != 0 && _tileSlots[p & TileMask].Start == end; p++)
                {
                    end++;
                }

                // Digits of a fact (收到，2025-12-03 14:30) are content.
                filler = end - slot.Start <= TextAnalyzer.MaxFillerDigits && !HasFactOverlapping(slot.Start, end);
                _untiled = !filler;
            }
            else
            {
                _untiled = end < 0;
            }

            if (_untiled)
            {
                return;
            }

            _tiles++;
            _fillerTiles += filler ? 1 : 0;
            _tileFrom = end;
            var at = _tileAt + 1;
            while (at <= _tileLast && ((_tileSlots[at & TileMask].Kind & TileChar.Content) == 0 || _tileSlots[at & TileMask].Start < end))
            {
                at++;
            }

            _tileAt = -1;
            if (at <= _tileLast)
            {
                StartTile(at, _tileSlots[at & TileMask].Folded, _tileSlots[at & TileMask].Kind);
            }
        }
    }

    /// <summary>Whether any fact overlaps the span; a fact is never longer than a phrase, so the search ends a phrase past it.</summary>
    private bool HasFactOverlapping(int start, int end)
    {
        for (var f = TextAnalyzer.FirstEndingAfter(Facts, FactCount, start); f < FactCount && Facts[f].End <= end + TextAnalyzer.Reach; f++)
        {
            if (Facts[f].Start < end)
            {
                return true;
            }
        }

        return false;
    }

    private struct TileSlot
    {
        /// <summary>The offset in the text of the character.</summary>
        public int Start;

        /// <summary>Where the longest whole vague phrase starting at the character ends, or -1.</summary>
        public int PhraseEnd;

        public char Folded;
        public TileChar Kind;
    }
}
