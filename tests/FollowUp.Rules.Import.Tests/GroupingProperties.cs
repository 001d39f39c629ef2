using System.Globalization;
using System.Text;
using FollowUp.Rules.Import.Tests.Infrastructure;
using FollowUp.Rules.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FollowUp.Rules.Import.Tests;

/// <summary>
/// Grouping joins the rows of one customer however its name is typed, never loses a row, and never loses a customer id:
/// rows of one company with different ids make different records, each warned of, as is a record whose id an earlier one has.
/// Where a customer's rows stand in the table changes nothing in its record.
/// </summary>
public sealed class GroupingProperties
{
    private static readonly ColumnMap ByCompany = ColumnMap.Parse("""
        {"groupBy": "customer.company", "columns": {"关联客户": "customer.company", "跟进内容": "communications[0].summary"}}
        """);

    private static readonly ColumnMap ByCompanyWithIds = ColumnMap.Parse("""
        {"groupBy": "customer.company", "columns": {"客户编号": "id", "关联客户": "customer.company", "跟进内容": "communications[0].summary"}}
        """);

    private static readonly ColumnMap ByCompanyColumn = ColumnMap.Parse("""
        {"groupBy": "关联客户", "columns": {
          "客户编号": "id", "跟进时间": "communications[0].at", "跟进方式": "communications[0].channel", "跟进内容": "communications[0].summary",
          "跟进人": "owner", "跟进阶段": "progress.stage", "痛点": "needs.painPoints", "附件名称": "attachments[0].name"}}
        """);

    private const string ContactLogHeader = "客户编号,关联客户,跟进时间,跟进方式,跟进内容,跟进人,跟进阶段,痛点,附件名称\r\n";

    // Up to 600 rows: past the distinct values of a field that reading keeps one copy of (owners here), as a large log is.
    [Property(MaxTest = 60, EndSize = 600, Arbitrary = [typeof(Arbitraries)])]
    public Property Read_CustomersInterleaved_EachResultIsWhatItsCustomersRowsReadAloneMake(ContactRow[] rows, bool byColumn)
    {
        var map = byColumn ? ByCompanyColumn : ColumnMap.GetBuiltIn("followup-zh");

        var interleaved = Tables.ReadCsv(ContactLog(rows), map).Select(result => Describe(result, row => row));

        // Each customer's rows as a table of their own, with their row numbers in the whole table, in order of first row.
        var alone = rows.Select((row, i) => (row, Row: i + 2L))
            .GroupBy(r => r.row.Company.Company)
            .SelectMany(customer =>
            {
                var numbers = customer.Select(r => r.Row).ToArray();
                return Tables.ReadCsv(ContactLog([.. customer.Select(r => r.row)]), map).Select(result => Describe(result, row => numbers[row - 2]));
            })
            .OrderBy(result => result.First);
        return interleaved.SequenceEqual(alone).Label($"{rows.Length} rows, grouped by {(byColumn ? "the column" : "the field")}");
    }

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

    private static string ContactLog(IEnumerable<ContactRow> rows)
    {
        var csv = new StringBuilder(ContactLogHeader);
        foreach (var row in rows)
        {
            csv.AppendJoin(',', new[] { row.Id, row.Company.Typed, row.At, row.Channel, row.Summary, row.Owner, row.Stage, row.PainPoints, row.Attachment }.Select(cell => $"\"{cell}\""))
                .Append("\r\n");
        }

        return csv.ToString();
    }

    /// <summary>
    /// Describes a result by all it holds, its row numbers translated into the whole table's; of its warnings, the codes
    /// but a repeated id's, which only the whole table can have (two companies' rows of one id).
    /// </summary>
    private static (long First, string Text) Describe(ImportedRecord result, Func<long, long> row)
    {
        var rows = string.Join(",", result.Rows.Select(r => row(r).ToString(CultureInfo.InvariantCulture)));
        var unreadable = string.Join(",", result.UnreadableRows.Select(r => row(r).ToString(CultureInfo.InvariantCulture)));
        var warnings = string.Join(",", result.Warnings.Select(w => w.Code).Where(code => code != ImportWarningCodes.IdRepeated));
        var content = result.IsRecord ? FollowUpJson.Serialize(result.Record) : $"{result.Column}: {result.Error}";
        return (row(result.Row), $"rows {rows}; key {result.GroupKey}; without {unreadable}; warned {warnings}; {content}");
    }

    /// <summary>One contact of a generated log; its values are few, as a CRM's are, but for its owner's.</summary>
    public sealed record ContactRow(
        string Id, CompanyRow Company, string At, string Channel, string Summary, string Owner, string Stage, string PainPoints, string Attachment);

    /// <summary>A row's company, and the company as it was typed.</summary>
    public sealed record CompanyRow(string Company, string Typed);

    /// <summary>A row's customer id (empty for none) and its company.</summary>
    public sealed record CustomerRow(string Id, CompanyRow Company);

    public static class Arbitraries
    {
        // Contact times readable, empty, unreadable and written day first: a group's rows go by time only when every one has a readable time.
        private static readonly string[] Times = ["2026-11-10 10:00", "2026/11/18 16:00", "2026-11-20 15:00", "2026-11-20 15:00", "20/11/2026 15:00", "", "下周"];

        public static Arbitrary<ContactRow> ContactRow() => Arb.From(
            from id in Gen.Elements("", "", "", "C-001", "C-002")
            from company in CompanyRow().Generator
            from at in Gen.Elements(Times)
            from channel in Gen.Elements("电话", "微信", "拜访", "")
            from summary in Gen.Elements("电话沟通 20 分钟，客户确认 100 套", "已发送方案", "跟进中", "客户说价格偏高")
            from owner in Gen.Choose(0, 999)
            from stage in Gen.Elements("需求确认", "方案已发", "商务谈判", "")
            from painPoints in Gen.Elements("", "库存不准", "库存不准、月结慢", "月结慢；库存不准")
            from attachment in Gen.Elements("", "方案.pdf", "报价单.xlsx")
            select new Tests.GroupingProperties.ContactRow(
                id, company, at, channel, summary, string.Create(CultureInfo.InvariantCulture, $"跟进人{owner}"), stage, painPoints, attachment));

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
