using System.Text;
using FollowUp.Rules.Reporting;

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
            var cell = TextReportWriter.Cut(TextReportWriter.Clean(cells.Length > i ? cells[i] : ""), columns[i].Width);
            line.Append(cell);
            if (i < columns.Length - 1)
            {
                line.Append(' ', columns[i].Width - TextReportWriter.DisplayWidth(cell) + 2);
            }
        }

        return line.ToString().TrimEnd();
    }
}
