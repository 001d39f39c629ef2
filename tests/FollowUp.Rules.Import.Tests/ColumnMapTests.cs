using System.Text.RegularExpressions;
using FollowUp.Rules.Import.Tests.Infrastructure;
using FollowUp.Rules.Import.Text;

namespace FollowUp.Rules.Import.Tests;

public sealed partial class ColumnMapTests
{
    [Fact]
    public void Parse_ColumnsWithStringAndArrayTargets_KeepsEveryEntryInMapOrder()
    {
        var map = ColumnMap.Parse("""
            {
              // comments and trailing commas are allowed: maps are edited by hand
              "columns": {
                "跟进内容": "communications[0].summary",
                "联系人": ["customer.name", "communications[0].contact"],
                "订单状态": "custom.orderStatus",
              },
              "groupBy": "关联客户",
              "sheet": "跟进记录",
              "description": "test",
            }
            """);

        Assert.Equal(
            [
                new ColumnMapping("跟进内容", "communications[0].summary"),
                new ColumnMapping("联系人", "customer.name"),
                new ColumnMapping("联系人", "communications[0].contact"),
                new ColumnMapping("订单状态", "custom.orderStatus"),
            ],
            map.Columns);
        Assert.Equal("关联客户", map.GroupBy);
        Assert.Equal("跟进记录", map.Sheet);
        Assert.Equal("test", map.Description);
    }

    [Theory]
    [InlineData("communications[0].time", "communications[0].time", "communications[i] has no field 'time'; its fields are at, channel")]
    [InlineData("customer.fax", "customer.fax", "customer has no field 'fax'")]
    [InlineData("nextActionDue", "nextActionDue", "the record has no field 'nextActionDue'")]
    [InlineData("communications.summary", "communications.summary", "communications is a list: name the entry, as in communications[0].summary")]
    [InlineData("communications.0.summary", "communications.0.summary", "communications is a list: name the entry, as in communications[0].summary.")]
    [InlineData("customer[0].name", "customer[0].name", "customer is not a list")]
    [InlineData("communications[x].at", "communications[x].at", "unreadable index")]
    [InlineData("communications[100].at", "communications[100].at", "the highest index a map may name is 99")]
    [InlineData("customer", "customer", "customer is an object: name one of its fields")]
    [InlineData("custom.", "custom.", "needs a field name after it")]
    [InlineData("owner.name", "owner.name", "owner is a field, not an object")]
    [InlineData("", "", "the field path is empty")]
    public void Parse_UnknownTargetPath_FailsWithAMessageNamingTheEntry(string target, string named, string reason)
    {
        var json = "{\"columns\": {\"跟进内容\": \"communications[0].summary\", \"下次联系时间\": \"" + target + "\"}}";

        var error = Assert.Throws<FormatException>(() => ColumnMap.Parse(json));

        Assert.Contains("columns.\"下次联系时间\"", error.Message, StringComparison.Ordinal);
        Assert.Contains($"\"{named}\"", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"columns": {}, "groupby": "关联客户"}""", "unknown option \"groupby\" (options are case-sensitive: did you mean \"groupBy\"?)")]
    [InlineData("""{"columns": {}, "headerRow": 2}""", "unknown option \"headerRow\"; the options are \"columns\", \"groupBy\", \"sheet\", \"optional\", \"description\"")]
    [InlineData("""{"groupBy": "关联客户"}""", "\"columns\" is missing")]
    [InlineData("""{"columns": ["跟进内容"]}""", "\"columns\" must be an object")]
    [InlineData("""{"columns": {"跟进内容": 3}}""", "columns.\"跟进内容\" must be a field path string or a non-empty array of them, found a number")]
    [InlineData("""{"columns": {"跟进内容": []}}""", "columns.\"跟进内容\" must be a field path string or a non-empty array")]
    [InlineData("""{"columns": {"联系人": ["customer.name", 1]}}""", "columns.\"联系人\": every item must be a field path string")]
    [InlineData("""{"columns": {"跟进内容": "owner", "跟进内容 ": "owner"}}""", "columns.\"跟进内容 \" is given twice")]
    [InlineData("""{"columns": {"联系人": ["customer.name", "Customer.Name"]}}""", "columns.\"联系人\" maps to customer.name twice")]
    [InlineData("""{"columns": {}, "groupBy": 3}""", "\"groupBy\" must be a non-empty string, found a number")]
    [InlineData("""{"columns": {}, "sheet": " "}""", "\"sheet\" must be a non-empty string")]
    [InlineData("""{"columns": {}, "groupBy": ""}""", "\"groupBy\" must be a non-empty string, found an empty one")]
    [InlineData("""{"columns": {}, "groupBy": "communications[0].contact"}""", "\"groupBy\": communications[0].contact belongs to one entry of a list")]
    [InlineData("""{"columns": {}, "optional": "customer.wechat"}""", "\"optional\" must be an array of field paths, found a string")]
    [InlineData("""{"columns": {}, "optional": [3]}""", "\"optional\": every item must be a field path string, found a number")]
    [InlineData("""{"columns": {}, "optional": ["customer.fax"]}""", "\"optional\": \"customer.fax\": customer has no field 'fax'")]
    [InlineData("""[]""", "expected a JSON object with \"columns\", found an array")]
    [InlineData("""{"columns": {""", "not valid JSON")]
    public void Parse_InvalidMap_FailsNamingTheOptionOrEntry(string json, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ColumnMap.Parse(json));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_MemberNamesInAnyCase_SpellsFieldsAsTheSpecificationDoes()
    {
        var map = ColumnMap.Parse("""{"columns": {"a": "Communications[2].ContactRole", "b": "CUSTOMER.WECHAT", "c": "custom.OrderStatus"}}""");

        Assert.Equal(["communications[2].contactRole", "customer.wechat", "custom.OrderStatus"], map.Fields.Select(f => f.Text));
    }

    [Fact]
    public void Parse_Optional_SpellsFieldsAsTheSpecificationDoes_EachOnce()
    {
        var map = ColumnMap.Parse("""{"columns": {"微信": "customer.wechat"}, "optional": ["CUSTOMER.WECHAT", "customer.wechat", "Progress.Stage"]}""");

        Assert.Equal(["customer.wechat", "progress.stage"], map.OptionalFields);
        Assert.Empty(ColumnMap.Parse("""{"columns": {}}""").OptionalFields);
    }

    [Fact]
    public void Load_FileThatIsNotAMap_NamesTheFile()
    {
        var path = Path.Combine(Path.GetTempPath(), $"map-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"columns": {"跟进内容": "communications[0].note"}}""");
        try
        {
            var error = Assert.Throws<FormatException>(() => ColumnMap.Load(path));

            Assert.StartsWith($"column map '{path}': columns.\"跟进内容\"", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Create_FromCode_ValidatesLikeAFile()
    {
        var map = ColumnMap.Create([new("Notes", "communications[0].summary")], groupBy: "Company");

        Assert.Equal("Company", map.GroupBy);
        var error = Assert.Throws<FormatException>(() => ColumnMap.Create([new("Notes", "communications[0].text")]));
        Assert.Contains("columns.\"Notes\"", error.Message, StringComparison.Ordinal);
        Assert.Equal(["customer.wechat"], ColumnMap.Create([new("WeChat", "customer.wechat")], optionalFields: ["Customer.WeChat"]).OptionalFields);
        error = Assert.Throws<FormatException>(() => ColumnMap.Create([new("WeChat", "customer.wechat")], optionalFields: ["customer.fax"]));
        Assert.Contains("\"optional\": \"customer.fax\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BuiltInNames_ListsTheBundledMaps_AndEachLoads()
    {
        Assert.Equal(["followup-en", "followup-zh", "followup-zh-shop"], ColumnMap.BuiltInNames);
        foreach (var name in ColumnMap.BuiltInNames)
        {
            var map = ColumnMap.GetBuiltIn(name.ToUpperInvariant());
            Assert.NotEmpty(map.Columns);
            // A shop's buyers have no company: its map keeps every row a record of its own.
            Assert.Equal(name == "followup-zh-shop" ? null : "customer.company", map.GroupBy);
            Assert.False(string.IsNullOrWhiteSpace(map.Description));
        }
    }

    /// <summary>
    /// The bundled maps name the columns of many exports, none of which has them all: only the company and a follow-up's
    /// time and content are expected, so an export read with them is warned of only when it lacks one of those.
    /// </summary>
    [Theory]
    [InlineData("followup-en", "customer.company")]
    [InlineData("followup-zh", "customer.company")]
    [InlineData("followup-zh-shop", "id")]
    public void BuiltIn_ExpectsTheRecordsKeyAndAFollowUpsTimeAndContent_AndNoOtherField(string name, string key)
    {
        var map = ColumnMap.GetBuiltIn(name);

        var expected = map.Fields.Select(f => f.Text).Except(map.OptionalFields).Order(StringComparer.Ordinal);

        Assert.Equal(new[] { "communications[0].at", "communications[0].summary", key }.Order(StringComparer.Ordinal), expected);
        Assert.Empty(map.OptionalFields.Except(map.Fields.Select(f => f.Text)));
    }

    [Fact]
    public void GetBuiltIn_UnknownName_ListsTheBundledMaps()
    {
        var error = Assert.Throws<ArgumentException>(() => ColumnMap.GetBuiltIn("salesforce"));

        Assert.Contains("followup-en, followup-zh, followup-zh-shop", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_TakesAFileWhenThereIsOneElseABundledMapByName()
    {
        var path = Path.Combine(Path.GetTempPath(), $"followup-map-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"columns": {"公司": "customer.company"}}""");
        try
        {
            Assert.Equal("公司", Assert.Single(ColumnMap.Resolve(path).Columns).Column);
            Assert.Equal(ColumnMap.GetBuiltIn("followup-zh").Columns, ColumnMap.Resolve("FOLLOWUP-ZH").Columns);
            var error = Assert.Throws<ArgumentException>(() => ColumnMap.Resolve("salesforce"));
            Assert.Equal("'salesforce' is neither a file nor a bundled map; the bundled maps are followup-en, followup-zh, followup-zh-shop.", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("followup-zh", new[] { "关联客户", "跟进时间", "跟进方式", "跟进内容", "跟进人", "下次跟进时间", "客户级别", "客户来源", "联系人", "客户名称", "跟进阶段", "客户反馈" })]
    [InlineData("followup-zh", new[] { "买家姓名", "客户姓名", "收货人", "订单号", "订单编号", "订单状态", "售后状态", "售后情况" })]
    [InlineData("followup-zh-shop", new[] { "订单号", "订单编号", "买家姓名", "客户姓名", "收货人", "订单状态", "售后状态", "售后情况", "跟进时间", "跟进内容", "手机", "微信" })]
    [InlineData("followup-en", new[] { "Company", "Contact", "Follow-up Date", "Channel", "Notes", "Owner", "Next Step", "Next Step Date", "Stage" })]
    public void GetBuiltIn_ReadsTheColumnsOfTheLayoutItIsFor(string name, string[] columns)
    {
        var map = ColumnMap.GetBuiltIn(name);

        Assert.All(columns, column => Assert.Contains(map.Columns, c => c.Column == column));
    }

    /// <summary>
    /// A map's names are matched folded (case, full-width forms, Traditional against Simplified), so two names of a bundled
    /// map that fold alike are one header column to it: they must fill the same fields, or which field such a column fills
    /// would depend on which spelling came first.
    /// </summary>
    [Theory]
    [InlineData("followup-en")]
    [InlineData("followup-zh")]
    [InlineData("followup-zh-shop")]
    public void BundledMap_NamesThatAreOneNameToTheMap_FillTheSameFields(string name)
    {
        var map = ColumnMap.GetBuiltIn(name);

        var clashes = map.Columns
            .GroupBy(c => ColumnNames.Fold(c.Column))
            .Select(same => same.GroupBy(c => c.Column, c => c.Field).Select(spelling => string.Join(", ", spelling.Order(StringComparer.Ordinal))).Distinct().ToList())
            .Where(fieldSets => fieldSets.Count > 1);

        Assert.Empty(clashes);
    }

    /// <summary>A name both bundled maps list (an export's English columns, such as Email or WhatsApp) fills the same fields in each.</summary>
    [Fact]
    public void BundledMaps_NameInBoth_FillsTheSameFields()
    {
        static Dictionary<string, string> FieldsByName(ColumnMap map) => map.Columns
            .GroupBy(c => ColumnNames.Fold(c.Column))
            .ToDictionary(g => g.Key, g => string.Join(", ", g.Select(c => c.Field).Distinct().Order(StringComparer.Ordinal)));

        var english = FieldsByName(ColumnMap.GetBuiltIn("followup-en"));
        var chinese = FieldsByName(ColumnMap.GetBuiltIn("followup-zh"));

        var shared = english.Keys.Intersect(chinese.Keys).ToList();
        Assert.Contains("email", shared);
        Assert.All(shared, column => Assert.Equal(english[column], chinese[column]));
    }

    /// <summary>
    /// Hong Kong and Taiwan exports name fields in words of their own, which folding Traditional to Simplified cannot
    /// bridge (聯絡人 is 联络人, not 联系人); the bundled maps list them, as the exports spell them.
    /// </summary>
    [Theory]
    [InlineData("followup-zh", "聯絡人", "customer.name, communications[0].contact")]
    [InlineData("followup-zh", "窗口", "customer.name, communications[0].contact")]
    [InlineData("followup-zh", "職位", "customer.contactTitle, communications[0].contactTitle")]
    [InlineData("followup-zh", "職稱", "customer.contactTitle, communications[0].contactTitle")]
    [InlineData("followup-zh", "電郵", "customer.email")]
    [InlineData("followup-zh", "電子郵件", "customer.email")]
    [InlineData("followup-zh", "E-mail", "customer.email")]
    [InlineData("followup-zh", "手提電話", "customer.phone")]
    [InlineData("followup-zh", "手機", "customer.phone")]
    [InlineData("followup-zh", "行動電話", "customer.phone")]
    [InlineData("followup-zh", "公司名稱", "customer.company")]
    [InlineData("followup-zh", "客戶名稱", "customer.company")]
    [InlineData("followup-zh", "跟進日期", "communications[0].at")]
    [InlineData("followup-zh", "跟進方式", "communications[0].channel")]
    [InlineData("followup-zh", "跟進內容", "communications[0].summary")]
    [InlineData("followup-zh", "跟進紀錄", "communications[0].summary")]
    [InlineData("followup-zh", "客戶回覆", "communications[0].feedback")]
    [InlineData("followup-zh", "下次跟進日期", "progress.nextActionDue")]
    [InlineData("followup-zh", "下次聯絡日期", "progress.nextActionDue")]
    [InlineData("followup-zh", "負責人", "owner")]
    [InlineData("followup-zh", "負責同事", "owner")]
    [InlineData("followup-zh", "業務", "owner")]
    [InlineData("followup-zh", "負責業務", "owner")]
    [InlineData("followup-zh", "銷售階段", "progress.stage")]
    [InlineData("followup-zh", "商機階段", "progress.stage")]
    [InlineData("followup-zh", "預算", "needs.budget")]
    [InlineData("followup-zh", "報價", "custom.quote")]
    [InlineData("followup-zh", "建立時間", "recordedAt")]
    [InlineData("followup-zh", "員工人數", "customer.companySize")]
    [InlineData("followup-en", "Contact Person", "customer.name, communications[0].contact")]
    [InlineData("followup-en", "Position", "customer.contactTitle, communications[0].contactTitle")]
    [InlineData("followup-en", "Designation", "customer.contactTitle, communications[0].contactTitle")]
    [InlineData("followup-en", "E-mail", "customer.email")]
    [InlineData("followup-en", "Email Address", "customer.email")]
    [InlineData("followup-en", "Mobile", "customer.phone")]
    [InlineData("followup-en", "Mobile No.", "customer.phone")]
    [InlineData("followup-en", "Tel", "customer.phone")]
    [InlineData("followup-en", "Salesperson", "owner")]
    [InlineData("followup-en", "Sales Rep", "owner")]
    [InlineData("followup-en", "Account Manager", "owner")]
    [InlineData("followup-en", "Next Follow-up Date", "progress.nextActionDue")]
    [InlineData("followup-en", "Next Follow Up Date", "progress.nextActionDue")]
    [InlineData("followup-en", "Sales Stage", "progress.stage")]
    [InlineData("followup-en", "Company Name", "customer.company")]
    [InlineData("followup-en", "Quotation", "custom.quote")]
    public void BundledMap_HongKongAndTaiwanColumnName_FillsItsField(string name, string column, string fields)
    {
        var map = ColumnMap.GetBuiltIn(name);

        var filled = map.Columns.Where(c => ColumnNames.Same(c.Column, column)).Select(c => c.Field).Distinct();

        Assert.Equal(fields, string.Join(", ", filled));
    }

    [Theory]
    [InlineData("followup-en")]
    [InlineData("followup-zh")]
    [InlineData("followup-zh-shop")]
    public void BundledMap_IsTheSameFileAsTheSampleMap(string name)
    {
        var sample = File.ReadAllText(Path.Combine(Tables.SampleMapDirectory, name + ".json"));

        Assert.Equal(sample, ColumnMap.ReadBuiltInText(name));
    }

    [Theory]
    [InlineData("followup-en")]
    [InlineData("followup-zh")]
    [InlineData("followup-zh-shop")]
    public void SampleMapReadme_DocumentsEveryColumnOfTheMap(string name)
    {
        var readme = File.ReadAllText(Path.Combine(Tables.SampleMapDirectory, "README.md"));
        var documented = TableCell().Matches(readme).Select(m => m.Groups[1].Value).ToHashSet(StringComparer.Ordinal);

        var map = ColumnMap.GetBuiltIn(name);

        Assert.All(map.Columns, c => Assert.True(documented.Contains(c.Column), $"samples/data/maps/README.md does not document the column '{c.Column}' of {name}."));
    }

    [GeneratedRegex(@"^\| `([^`]+)` \|", RegexOptions.Multiline)]
    private static partial Regex TableCell();
}
