using System.Text;
using FollowUp.Rules.Import.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FollowUp.Rules.Import.Tests;

/// <summary>
/// Grouping joins the rows of one customer however its name is typed, never loses a row, and never loses a customer id:
/// rows of one company with different ids make different records, each warned of, as is a record whose id an earlier one has.
/// </summary>
public sealed class GroupingProperties
{
    private static readonly ColumnMap ByCompany = ColumnMap.Parse("""
        {"groupBy": "customer.company", "columns": {"关联客户": "customer.company", "跟进内容": "communications[0].summary"}}
        """);

    private static readonly ColumnMap ByCompanyWithIds = ColumnMap.Parse("""
        {"groupBy": "customer.company", "columns": {"客户编号": "id", "关联客户": "customer.company", "跟进内容": "communications[0].summary"}}
        """);

    [Property(MaxTest = 200, Arbitrary = [typeof(Arbitraries)])]
    public Property Read_CompanyTypedInAnyWidthCaseOrSpacing_OneRecordPerCompanyWithAllItsRows(CompanyRow[] rows)
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

    [Property(MaxTest = 300, Arbitrary = [typeof(Arbitraries)])]
    public Property Read_RowsWithCustomerIds_NoRowOrIdIsLostAndRepeatsAndSplitsAreWarned(CustomerRow[] rows)
    {
        var csv = new StringBuilder("客户编号,关联客户,跟进内容\r\n");
        foreach (var row in rows)
        {
            csv.Append(row.Id).Append(",\"").Append(row.Company.Typed).Append("\",电话沟通\r\n");
        }

        var results = Tables.ReadCsv(csv.ToString(), ByCompanyWithIds);

        var records = results.Where(r => r.IsRecord).ToList();
        var idsRead = rows.Where(r => r.Id.Length > 0).Select(r => r.Id).ToHashSet();
        var idsPerCompany = rows.GroupBy(r => r.Company.Company).ToDictionary(g => g.Key, g => g.Select(r => r.Id).Where(id => id.Length > 0).Distinct().Count());
        var companyOfRow = rows.Select((r, i) => (r.Company.Company, Row: i + 2L)).ToDictionary(x => x.Row, x => x.Company);
        var repeated = records.Select((r, i) => records.Take(i).Any(e => e.Record!.Id == r.Record!.Id));
        return (results.Count == records.Count
                && results.SelectMany(r => r.Rows).Order().SequenceEqual(Enumerable.Range(2, rows.Length).Select(i => (long)i))
                && idsRead.IsSubsetOf(records.Select(r => r.Record!.Id!))
                && records.GroupBy(r => companyOfRow[r.Row]).All(g => g.Select(r => r.Record!.Id).Distinct().Count() == g.Count())
                && records.All(r => r.Warnings.Any(w => w.Code == ImportWarningCodes.GroupSplitById) == idsPerCompany[companyOfRow[r.Row]] > 1)
                && records.Select(r => r.Warnings.Any(w => w.Code == ImportWarningCodes.IdRepeated)).SequenceEqual(repeated))
            .Label($"{string.Join(" / ", rows.Select(r => $"{r.Id}@{r.Company.Typed}"))}: got {string.Join(" | ", results)}");
    }

    /// <summary>A row's company, and the company as it was typed.</summary>
    public sealed record CompanyRow(string Company, string Typed);

    /// <summary>A row's customer id (empty for none) and its company.</summary>
    public sealed record CustomerRow(string Id, CompanyRow Company);

    public static class Arbitraries
    {
        public static Arbitrary<CustomerRow> CustomerRow() => Arb.From(
            from id in Gen.Elements("", "C-001", "C-002", "C-003")
            from company in CompanyRow().Generator
            select new Tests.GroupingProperties.CustomerRow(id, company));

        private static readonly string[] Companies = ["ABC科技", "宏图建筑设计院", "Acme Ltd", "蓝海物流", "乾坤建材", "干坤建材"];

        public static Arbitrary<CompanyRow> CompanyRow() => Arb.From(
            from company in Gen.Elements(Companies)
            from fullWidth in Gen.Elements(false, true)
            from casing in Gen.Elements(0, 1, 2)
            from padding in Gen.Elements("", " ", "\u3000", "  ", "\u200B")
            let cased = casing switch { 1 => company.ToUpperInvariant(), 2 => company.ToLowerInvariant(), _ => company }
            select new Tests.GroupingProperties.CompanyRow(company, padding + (fullWidth ? FullWidth(cased) : cased) + padding));

        private static string FullWidth(string text) =>
            string.Concat(text.Select(c => c switch { ' ' => '\u3000', > ' ' and <= '~' => (char)(c + 0xFEE0), _ => c }));
    }
}
