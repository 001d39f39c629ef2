using System.Text;

namespace FollowUp.Rules.Reporting;

/// <summary>Writes the report as Markdown: a heading per section and a table, with record text escaped so it cannot break the table or inject HTML.</summary>
internal sealed class MarkdownReportWriter(TeamReport report, ReportText text, TextWriter writer)
{
    public void Write()
    {
        writer.Write("# ");
        writer.Write(Escape(text["title"]));
        writer.Write("\n\n");
        writer.Write(Escape(ReportTables.Headline(report, text)));
        writer.Write('\n');

        foreach (var table in ReportTables.Of(report, text))
        {
            writer.Write("\n## ");
            writer.Write(Escape(table.Title));
            writer.Write("\n\n");
            if (table.Note is not null)
            {
                writer.Write(Escape(table.Note));
                writer.Write("\n\n");
            }

            if (table.Rows.Length == 0)
            {
                writer.Write(Escape(table.Empty ?? text["empty"]));
                writer.Write('\n');
                continue;
            }

            var details = table.Rows.Any(r => r.Details.Length > 0);
            var headers = table.Columns.Select(c => c.Header);
            WriteRow(details ? headers.Append(text["column.topDeductions"]) : headers);
            WriteRow(table.Columns.Select(c => c.AlignRight ? "---:" : "---").Concat(details ? ["---"] : []), escape: false);
            foreach (var row in table.Rows)
            {
                WriteRow(details ? row.Cells.Append(string.Join("<br>", row.Details.Select(Escape))) : row.Cells, escapeLast: !details);
            }
        }
    }

    /// <summary>
    /// Escapes text for a Markdown table cell: the characters that start Markdown syntax get a backslash, <c>&lt;</c>, <c>&gt;</c>
    /// and <c>&amp;</c> become entities so no HTML gets through, and line breaks become spaces.
    /// </summary>
    public static string Escape(string value)
    {
        var escaped = new StringBuilder(value.Length + 8);
        foreach (var c in value)
        {
            switch (c)
            {
                case '<':
                    escaped.Append("&lt;");
                    break;
                case '>':
                    escaped.Append("&gt;");
                    break;
                case '&':
                    escaped.Append("&amp;");
                    break;
                case '\r' or '\n' or '\t':
                    escaped.Append(' ');
                    break;
                case '\\' or '|' or '*' or '_' or '`' or '[' or ']' or '#' or '~':
                    escaped.Append('\\').Append(c);
                    break;
                default:
                    escaped.Append(c);
                    break;
            }
        }

        return escaped.ToString();
    }

    private void WriteRow(IEnumerable<string> cells, bool escape = true, bool escapeLast = true)
    {
        var list = cells.ToList();
        writer.Write('|');
        for (var i = 0; i < list.Count; i++)
        {
            writer.Write(' ');
            writer.Write(escape && (escapeLast || i < list.Count - 1) ? Escape(list[i]) : list[i]);
            writer.Write(" |");
        }

        writer.Write('\n');
    }
}
