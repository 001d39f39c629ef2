using System.Text;

namespace FollowUp.Rules.Cli.Output;

/// <summary>Fixed-width text columns that stay aligned with Chinese text, which takes two terminal cells a character.</summary>
internal sealed class TextTable(params (string Header, int Width)[] columns)
{
    public string Header() => Row(columns.Select(c => c.Header).ToArray()) + "\n" + string.Join("  ", columns.Select(c => new string('-', c.Width))).TrimEnd();

    public string Row(params string[] cells)
    {
        var line = new StringBuilder();
        for (var i = 0; i < columns.Length; i++)
        {
            var cell = Fit(cells.Length > i ? cells[i] : "", columns[i].Width);
            line.Append(cell);
            if (i < columns.Length - 1)
            {
                line.Append(' ', columns[i].Width - DisplayWidth(cell) + 2);
            }
        }

        return line.ToString().TrimEnd();
    }

    public static int DisplayWidth(string text)
    {
        var width = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            width += CellsOf(rune);
        }

        return width;
    }

    private static string Fit(string text, int width)
    {
        text = text.ReplaceLineEndings(" ");
        if (DisplayWidth(text) <= width)
        {
            return text;
        }

        var fitted = new StringBuilder();
        var used = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            var cells = CellsOf(rune);
            if (used + cells > width - 1)
            {
                break;
            }

            fitted.Append(rune.ToString());
            used += cells;
        }

        return fitted.Append('…').ToString();
    }

    private static int CellsOf(Rune rune) => rune.Value switch
    {
        >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF or >= 0xFE30 and <= 0xFE4F
            or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x20000 and <= 0x3FFFD => 2,
        _ => 1,
    };
}
