using System.Text;
using FollowUp.Rules.Import.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FollowUp.Rules.Import.Tests;

/// <summary>Grouping joins the rows of one customer however its name is typed, and never loses a row.</summary>
public sealed class GroupingProperties
{
    private static readonly ColumnMap ByCompany = ColumnMap.Parse("""
        {"groupBy": "customer.company", "columns": {"关联客户": "customer.company", "跟进内容": "communications[0].summary"}}
        """);

    [Property(MaxTest = 200, Arbitrary = [typeof(Arbitraries)])]
    public Property Read_CompanyTypedInAnyWidthCaseSpacingOrScript_OneRecordPerCompanyWithAllItsRows(CompanyRow[] rows)
    {
        var csv = new StringBuilder("关联客户,跟进内容\r\n");
        foreach (var row in rows)
        {
            csv.Append('"').Append(row.Typed).Append("\",电话沟通\r\n");
        }

        var results = Tables.ReadCsv(csv.ToString(), ByCompany);

        var expected = rows.Select((row, i) => (row.Company, Row: i + 2L)).GroupBy(r => r.Company).Select(g => string.Join(",", g.Select(r => r.Row)));
        return (results.All(r => r.IsRecord) && results.Select(r => string.Join(",", r.Rows)).SequenceEqual(expected))
            .Label($"{string.Join(" / ", rows.Select(r => r.Typed))}: got {string.Join(" | ", results)}");
    }

    /// <summary>A row's company, and the company as it was typed.</summary>
    public sealed record CompanyRow(string Company, string Typed);

    public static class Arbitraries
    {
        private static readonly (string Simplified, string Traditional)[] Companies =
            [("ABC科技", "ABC科技"), ("宏图建筑设计院", "宏圖建築設計院"), ("Acme Ltd", "Acme Ltd"), ("蓝海物流", "藍海物流")];

        public static Arbitrary<CompanyRow> CompanyRow() => Arb.From(
            from company in Gen.Elements(Companies)
            from traditional in Gen.Elements(false, true)
            from fullWidth in Gen.Elements(false, true)
            from casing in Gen.Elements(0, 1, 2)
            from padding in Gen.Elements("", " ", "\u3000", "  ")
            let text = traditional ? company.Traditional : company.Simplified
            let cased = casing switch { 1 => text.ToUpperInvariant(), 2 => text.ToLowerInvariant(), _ => text }
            select new Tests.GroupingProperties.CompanyRow(company.Simplified, padding + (fullWidth ? FullWidth(cased) : cased) + padding));

        private static string FullWidth(string text) =>
            string.Concat(text.Select(c => c switch { ' ' => '\u3000', > ' ' and <= '~' => (char)(c + 0xFEE0), _ => c }));
    }
}
