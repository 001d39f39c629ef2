using System.Globalization;
using System.Text;

namespace FollowUp.Rules.Reporting;

/// <summary>Writes the report as plain text: a headline, then each section as aligned columns with a bar, for a terminal.</summary>
internal sealed class TextReportWriter(TeamReport report, ReportText text, TextWriter writer)
{
    private const int BarWidth = 24;

    public void Write()
    {
        var title = text["title"];
        writer.Write(title);
        writer.Write('\n');
        writer.Write(new string('=', DisplayWidth(title)));
        writer.Write('\n');
        writer.Write(ReportTables.Headline(report, text));
        writer.Write('\n');

        foreach (var table in ReportTables.Of(report, text))
        {
            writer.Write('\n');
            WriteTable(table);
        }
    }

    /// <summary>
    /// Terminal cells a character takes: two for East Asian wide characters and emoji, none for control characters, combining
    /// marks, zero-width characters and variation selectors, one for the rest.
    /// </summary>
    public static int CellsOf(Rune rune) => rune.Value switch
    {
        >= 0x1100 and <= 0x115F or >= 0x2E80 and <= 0xA4CF or >= 0xAC00 and <= 0xD7A3 or >= 0xF900 and <= 0xFAFF
            or >= 0xFE30 and <= 0xFE4F or >= 0xFF00 and <= 0xFF60 or >= 0xFFE0 and <= 0xFFE6 or >= 0x2614 and <= 0x2615
            or >= 0x2648 and <= 0x2653 or 0x26A1 or >= 0x26AA and <= 0x26AB or >= 0x26BD and <= 0x26BE or >= 0x26C4 and <= 0x26C5
            or 0x26D4 or 0x26EA or >= 0x26F2 and <= 0x26F5 or 0x26FA or 0x26FD or 0x2705 or >= 0x270A and <= 0x270B or 0x2728
            or 0x274C or 0x274E or >= 0x2753 and <= 0x2755 or 0x2757 or >= 0x2795 and <= 0x2797 or 0x27B0 or 0x27BF
            or >= 0x1F1E6 and <= 0x1F1FF or >= 0x1F300 and <= 0x1F64F or >= 0x1F680 and <= 0x1F6FF or >= 0x1F900 and <= 0x1FAFF
            or >= 0x20000 and <= 0x3FFFD => 2,
        < 0x20 or >= 0x7F and <= 0x9F or >= 0x200B and <= 0x200F or >= 0xFE00 and <= 0xFE0F => 0,
        _ => Rune.GetUnicodeCategory(rune) is UnicodeCategory.NonSpacingMark or UnicodeCategory.EnclosingMark ? 0 : 1,
    };

    /// <summary>A cell's text on one line: every control character (line breaks, tabs, terminal escapes) becomes a space.</summary>
    public static string Clean(string value)
    {
        if (!value.AsSpan().ContainsAnyInRange('\0', '\x1F') && !value.AsSpan().ContainsAnyInRange('\x7F', '\x9F'))
        {
            return value;
        }

        return string.Create(value.Length, value, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsControl(source[i]) ? ' ' : source[i];
            }
        });
    }

    /// <summary>Terminal cells a string takes (see <see cref="CellsOf"/>).</summary>
    public static int DisplayWidth(string value)
    {
        var width = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            width += CellsOf(rune);
        }

        return width;
    }

    /// <summary>The text cut to at most <paramref name="cells"/> terminal cells, ending with an ellipsis when it had to be cut.</summary>
    public static string Cut(string value, int cells)
    {
        if (DisplayWidth(value) <= cells)
        {
            return value;
        }

        var used = 0;
        var length = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            var width = CellsOf(rune);
            if (used + width > cells - 1)
            {
                break;
            }

            used += width;
            length += rune.Utf16SequenceLength;
        }

        return string.Concat(value.AsSpan(0, length), "…");
    }

    private void WriteTable(ReportTable table)
    {
        writer.Write(table.Title);
        writer.Write('\n');
        writer.Write(new string('-', DisplayWidth(table.Title)));
        writer.Write('\n');
        if (table.Note is not null)
        {
            writer.Write(table.Note);
            writer.Write('\n');
        }

        if (table.Rows.Length == 0)
        {
            writer.Write("  ");
            writer.Write(table.Empty ?? text["empty"]);
            writer.Write('\n');
            return;
        }

        var rows = table.Rows.Select(r => r.Cells.Select(Clean).ToArray()).ToArray();
        var widths = new int[table.Columns.Length];
        for (var c = 0; c < widths.Length; c++)
        {
            widths[c] = Math.Max(DisplayWidth(table.Columns[c].Header), rows.Max(r => DisplayWidth(r[c])));
        }

        var barAfter = table.BarAfter ?? widths.Length - 1;
        WriteLine(table.Columns.Select(c => c.Header).ToArray(), table.Columns, widths, null, barAfter);
        for (var r = 0; r < rows.Length; r++)
        {
            WriteLine(rows[r], table.Columns, widths, table.Rows[r].Bar, barAfter);
            foreach (var detail in table.Rows[r].Details)
            {
                writer.Write("      - ");
                writer.Write(Clean(detail));
                writer.Write('\n');
            }
        }
    }

    /// <summary>
    /// Writes a row: its cells aligned, and its bar after column <paramref name="barAfter"/>, padded to the bars' full width
    /// when more columns follow so that they stay aligned.
    /// </summary>
    private void WriteLine(string[] cells, ReportColumn[] columns, int[] widths, double? bar, int barAfter)
    {
        var line = new StringBuilder("  ");
        for (var c = 0; c < cells.Length; c++)
        {
            if (c == barAfter + 1)
            {
                var drawn = bar is { } before ? (int)Math.Round(before * BarWidth) : 0;
                line.Append('█', drawn).Append(' ', BarWidth - drawn + 2);
            }

            var padding = new string(' ', widths[c] - DisplayWidth(cells[c]));
            if (columns[c].AlignRight)
            {
                line.Append(padding).Append(cells[c]);
            }
            else
            {
                line.Append(cells[c]).Append(padding);
            }

            line.Append("  ");
        }

        if (bar is { } length && barAfter >= cells.Length - 1)
        {
            line.Append('█', (int)Math.Round(length * BarWidth));
        }

        writer.Write(line.ToString().TrimEnd());
        writer.Write('\n');
    }
}
