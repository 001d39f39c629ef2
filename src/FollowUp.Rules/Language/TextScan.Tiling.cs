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
    /// How far past a tile's start, in characters of the text, the scan goes before the tile is taken: the tile's phrases end
    /// within <see cref="TextAnalyzer.Reach"/>, and the facts that may overlap its digits within that of their end.
    /// </summary>
    private const int TileDelay = TextAnalyzer.Reach + TextAnalyzer.MaxFillerDigits;

    /// <summary>The folded characters the tiling remembers: more than <see cref="TileDelay"/>, a power of two.</summary>
    private const int TileWindow = 256;

    private const int TileMask = TileWindow - 1;

    /// <summary>By folded position in the window: the offset in the text of its character.</summary>
    private readonly int[] _tileCharStart = new int[TileWindow];

    /// <summary>By folded position in the window: where the longest whole vague phrase starting there ends, or -1.</summary>
    private readonly int[] _tilePhraseEnd = new int[TileWindow];

    private readonly TileChar[] _tileChar = new TileChar[TileWindow];

    /// <summary>The folded position of the next tile's start, or -1 while the scan has not reached it.</summary>
    private int _tileAt;

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

    /// <summary>Remembers a folded character, once the tiles starting far enough before it are taken.</summary>
    private void RememberTileChar(char folded, int start, int foldedPosition)
    {
        if (_untiled)
        {
            return;
        }

        while (_tileAt >= 0 && _tileCharStart[_tileAt & TileMask] < start - TileDelay && !_untiled)
        {
            TakeTile();
        }

        var slot = foldedPosition & TileMask;
        var content = TextFolding.IsContent(folded);
        _tileCharStart[slot] = start;
        _tilePhraseEnd[slot] = -1;
        _tileChar[slot] = (content ? TileChar.Content : TileChar.None) | (TextFolding.IsAsciiDigit(folded) ? TileChar.Digit : TileChar.None);
        _tileLast = foldedPosition;
        if (_tileAt < 0 && content && start >= _tileFrom)
        {
            _tileAt = foldedPosition;
        }
    }

    /// <summary>Offers a whole vague phrase as the tile of the character it starts at.</summary>
    public void OfferTile(in PhraseMatch match, bool filler)
    {
        var slot = match.FoldedStart & TileMask;
        if (_untiled || _tileCharStart[slot] != match.Start || match.End > match.Start + TextAnalyzer.Reach || match.End < _tilePhraseEnd[slot])
        {
            return;
        }

        _tileChar[slot] = match.End > _tilePhraseEnd[slot] ? (_tileChar[slot] & ~TileChar.Filler) | (filler ? TileChar.Filler : TileChar.None)
            : _tileChar[slot] | (filler ? TileChar.Filler : TileChar.None);
        _tilePhraseEnd[slot] = match.End;
    }

    /// <summary>Takes the tiles left once the whole text is scanned, and tells whether they tile it.</summary>
    public bool FillersTileText()
    {
        while (_tileAt >= 0 && !_untiled)
        {
            TakeTile();
        }

        return !_untiled && _fillerTiles > 0 && _tiles > 1;
    }

    private void TakeTile()
    {
        var slot = _tileAt & TileMask;
        var start = _tileCharStart[slot];
        var end = _tilePhraseEnd[slot];
        var filler = (_tileChar[slot] & TileChar.Filler) != 0;
        if (end < 0 && (_tileChar[slot] & TileChar.Digit) != 0)
        {
            // A short run of digits says no more than 1234 alone; a long one is a phone or order number, which is content.
            end = start + 1;
            for (var p = _tileAt + 1; p <= _tileLast && (_tileChar[p & TileMask] & TileChar.Digit) != 0 && _tileCharStart[p & TileMask] == end; p++)
            {
                end++;
            }

            // Digits of a fact (收到，2025-12-03 14:30) are content.
            filler = end - start <= TextAnalyzer.MaxFillerDigits && !HasFactOverlapping(start, end);
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
        while (at <= _tileLast && ((_tileChar[at & TileMask] & TileChar.Content) == 0 || _tileCharStart[at & TileMask] < end))
        {
            at++;
        }

        _tileAt = at <= _tileLast ? at : -1;
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
}
