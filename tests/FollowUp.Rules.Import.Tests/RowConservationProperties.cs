using System.Text;
using FollowUp.Rules.Import.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FollowUp.Rules.Import.Tests;

/// <summary>
/// Nothing is dropped silently: over generated tables with awkward cells, rows of the wrong width, empty group cells and
/// blank rows, every row that is not blank is in exactly one result, and reading never throws.
/// </summary>
public sealed class RowConservationProperties
{
    private static readonly string[] Header = ["关联客户", "跟进时间", "跟进内容", "备注", "custom.note"];

    private static readonly ColumnMap Ungrouped = ColumnMap.Parse("""
        {"columns": {"关联客户": "customer.company", "跟进时间": "communications[0].at", "跟进内容": "communications[0].summary"}}
        """);

    private static readonly ColumnMap Grouped = ColumnMap.Parse("""
        {"groupBy": "关联客户", "columns": {"跟进时间": "communications[0].at", "跟进内容": "communications[0].summary"}}
        """);

    [Property(MaxTest = 300, Arbitrary = [typeof(Arbitraries)])]
    public Property ReadCsv_AnyTable_RowsReadEqualRowsInRecordsPlusRowsReported(Table table, bool grouped, EncodingChoice encoding)
    {
        var (csv, expectedRows) = table.ToCsv();
        using var reader = FollowUpTableReader.OpenStream(encoding.Encode(csv), TableFormat.Csv, grouped ? Grouped : Ungrouped);

        var results = reader.ReadRecords().ToList();

        var rows = results.SelectMany(r => r.Rows).ToList();
        return (rows.Order().SequenceEqual(expectedRows) && results.All(r => r.IsRecord || r.Error is { Length: > 0 }))
            .Label($"expected rows {string.Join(",", expectedRows)}; got {string.Join(" | ", results)}");
    }

    [Property(MaxTest = 25, Arbitrary = [typeof(Arbitraries)])]
    public Property ReadXlsx_AnyTable_RowsReadEqualRowsInRecordsPlusRowsReported(Table table, bool grouped)
    {
        var sheet = new List<object?[]> { Header };
        sheet.AddRange(table.Rows.Select(r => r.Select(c => (object?)c).ToArray()));
        using var workbook = Tables.Xlsx(("Sheet1", [.. sheet]));
        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, grouped ? Grouped : Ungrouped);

        var results = reader.ReadRecords().ToList();

        // Cells are placed by column in a workbook, so no width is wrong: every row that is not blank counts.
        var expected = table.Rows.Select((r, i) => (r, Row: i + 2L)).Where(x => !Table.IsBlank(x.r)).Select(x => x.Row);
        return results.SelectMany(r => r.Rows).Order().SequenceEqual(expected).Label(string.Join(" | ", results));
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(Arbitraries)])]
    public Property ReadCsv_StrayQuote_OneFailureCoversItsRowAndEveryLaterRowThatIsNotBlank(Table table, NonNegativeInt at, bool grouped)
    {
        if (table.Rows.Count == 0)
        {
            return true.ToProperty();
        }

        // A stray quote (27") ends one row, so it never closes. From that row on no cell holds a line break: a quoted one
        // after it would close the stray quote and end what it swallowed there, and one before it in its row would make the
        // quote open on an earlier line than the stray one (the reader counts rows as if the quote closed at that line's end).
        var stray = at.Get % table.Rows.Count;
        var rows = table.Rows
            .Select((row, i) => i < stray ? row : [.. row.Select(c => c.Contains('\n', StringComparison.Ordinal) || c.Contains('\r', StringComparison.Ordinal) ? "-" : c)])
            .ToList();
        var text = new StringBuilder(string.Join(',', Header)).Append("\r\n");
        for (var i = 0; i < rows.Count; i++)
        {
            text.AppendJoin(',', rows[i].Select(Table.Quote)).Append(i == stray ? " 27\"" : "").Append("\r\n");
        }

        var notBlank = rows.Select((row, i) => (row, Row: i + 2L)).Where(x => x.Row == stray + 2 || !Table.IsBlank(x.row)).Select(x => x.Row).ToList();
        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(text.ToString()), TableFormat.Csv, grouped ? Grouped : Ungrouped);

        var results = reader.ReadRecords().ToList();

        var failure = results.SingleOrDefault(r => r.Rows.Contains(stray + 2));
        return (results.SelectMany(r => r.Rows).Order().SequenceEqual(notBlank)
                && failure is { IsRecord: false }
                && failure.Rows.SequenceEqual(notBlank.Where(row => row >= stray + 2))
                && failure.Error.Contains("never closed", StringComparison.Ordinal))
            .Label($"{text.ToString().Replace("\r\n", "⏎", StringComparison.Ordinal)}: stray quote in row {stray + 2}; expected rows {string.Join(",", notBlank)}; got {string.Join(" | ", results)}");
    }

    [Property(MaxTest = 200, Arbitrary = [typeof(Arbitraries)])]
    public Property ReadCsv_TwoStrayQuotes_OneFailureCoversTheRowsBetweenThemAndLaterRowsReadAsUsual(Table table, NonNegativeInt at, NonNegativeInt span, bool grouped)
    {
        if (table.Rows.Count < 2)
        {
            return true.ToProperty();
        }

        // Two inch marks (27", 32") in rows first < last pair up across the lines between them. No cell is quoted, so no other
        // quote can pair with them.
        var first = at.Get % (table.Rows.Count - 1);
        var last = first + 1 + (span.Get % (table.Rows.Count - first - 1));
        var rows = table.Rows.Select(row => row.Select(c => c.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "-" : c).ToArray()).ToList();
        var text = new StringBuilder(string.Join(',', Header)).Append("\r\n");
        for (var i = 0; i < rows.Count; i++)
        {
            text.AppendJoin(',', rows[i]).Append(i == first ? " 27\"" : i == last ? " 32\"" : "").Append("\r\n");
        }

        var notBlank = rows.Select((row, i) => (row, Row: i + 2L)).Where(x => x.Row == first + 2 || x.Row == last + 2 || !Table.IsBlank(x.row)).Select(x => x.Row).ToList();
        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(text.ToString()), TableFormat.Csv, grouped ? Grouped : Ungrouped);

        var results = reader.ReadRecords().ToList();

        var failure = results.SingleOrDefault(r => r.Rows.Contains(first + 2));
        return (results.SelectMany(r => r.Rows).Order().SequenceEqual(notBlank)
                && failure is { IsRecord: false }
                && failure.Rows.SequenceEqual(notBlank.Where(row => row >= first + 2 && row <= last + 2))
                && failure.Error.Contains("pairs with a quote on line", StringComparison.Ordinal))
            .Label($"{text.ToString().Replace("\r\n", "⏎", StringComparison.Ordinal)}: stray quotes in rows {first + 2} and {last + 2}; expected rows {string.Join(",", notBlank)}; got {string.Join(" | ", results)}");
    }

    /// <summary>Rows of cells drawn from the awkward ones CRM exports hold; some rows a cell short or long.</summary>
    public sealed record Table(IReadOnlyList<string[]> Rows)
    {
        public static bool IsBlank(string[] row) => row.All(string.IsNullOrWhiteSpace);

        /// <summary>Writes RFC 4180 CSV and says which row numbers are not blank (header = 1; a quoted line break does not start a row).</summary>
        public (string Csv, List<long> Rows) ToCsv()
        {
            var text = new StringBuilder(string.Join(',', Header)).Append("\r\n");
            var rows = new List<long>();
            for (var i = 0; i < Rows.Count; i++)
            {
                text.AppendJoin(',', Rows[i].Select(Quote)).Append("\r\n");
                if (!IsBlank(Rows[i]))
                {
                    rows.Add(i + 2);
                }
            }

            return (text.ToString(), rows);
        }

        public override string ToString() => string.Join(" / ", Rows.Select(r => string.Join("|", r)));

        public static string Quote(string cell) =>
            cell.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : cell;
    }

    /// <summary>The encoding a generated table is saved in.</summary>
    public sealed record EncodingChoice(string Name, bool ByteOrderMark)
    {
        public MemoryStream Encode(string text) => Tables.Csv(text, TableEncodings.GetEncoding(Name), ByteOrderMark);
    }

    public static class Arbitraries
    {
        private static readonly string[] Cells =
        [
            "", " ", "宏图建筑设计院", "蓝海物流", "2026-11-20 15:00", "2026/11/21", "上周", "电话沟通 30 分钟，客户关注交期",
            "价格偏高, 还要比较", "他说\"再考虑\"", "第一行\r\n第二行", "\n", "#REF!", "#N/A", "=1+1", "-", "無", "🙂 emoji",
        ];

        public static Arbitrary<Table> Table() => Arb.From(
            from count in Gen.Choose(0, 12)
            from rows in Gen.ArrayOf(Row, count)
            select new Table(rows));

        public static Arbitrary<EncodingChoice> Encoding() => Arb.From(Gen.Elements(
            new EncodingChoice("utf-8", false), new EncodingChoice("utf-8", true), new EncodingChoice("gb18030", false), new EncodingChoice("utf-16", true)));

        private static Gen<string[]> Row =>
            from width in Gen.Frequency((8, Gen.Constant(Header.Length)), (1, Gen.Constant(Header.Length - 1)), (1, Gen.Constant(Header.Length + 1)), (1, Gen.Constant(1)))
            from cells in Gen.ArrayOf(Gen.Elements(Cells), width)
            select cells;
    }
}
