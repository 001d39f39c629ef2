using System.Text.RegularExpressions;
using FollowUp.Rules.Import.Tests.Infrastructure;

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
        Assert.Equal(["followup-en", "followup-zh"], ColumnMap.BuiltInNames);
        foreach (var name in ColumnMap.BuiltInNames)
        {
            var map = ColumnMap.GetBuiltIn(name.ToUpperInvariant());
            Assert.NotEmpty(map.Columns);
            Assert.Equal("customer.company", map.GroupBy);
            Assert.False(string.IsNullOrWhiteSpace(map.Description));
        }
    }

    /// <summary>
    /// The bundled maps name the columns of many exports, none of which has them all: only the company and a follow-up's
    /// time and content are expected, so an export read with them is warned of only when it lacks one of those.
    /// </summary>
    [Theory]
    [InlineData("followup-en")]
    [InlineData("followup-zh")]
    public void BuiltIn_ExpectsTheCompanyAndAFollowUpsTimeAndContent_AndNoOtherField(string name)
    {
        var map = ColumnMap.GetBuiltIn(name);

        var expected = map.Fields.Select(f => f.Text).Except(map.OptionalFields).Order(StringComparer.Ordinal);

        Assert.Equal(["communications[0].at", "communications[0].summary", "customer.company"], expected);
        Assert.Empty(map.OptionalFields.Except(map.Fields.Select(f => f.Text)));
    }

    [Fact]
    public void GetBuiltIn_UnknownName_ListsTheBundledMaps()
    {
        var error = Assert.Throws<ArgumentException>(() => ColumnMap.GetBuiltIn("salesforce"));

        Assert.Contains("followup-en, followup-zh", error.Message, StringComparison.Ordinal);
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
            Assert.Equal("'salesforce' is neither a file nor a bundled map; the bundled maps are followup-en, followup-zh.", error.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("followup-zh", new[] { "关联客户", "跟进时间", "跟进方式", "跟进内容", "跟进人", "下次跟进时间", "客户级别", "客户来源", "联系人", "客户名称", "跟进阶段", "客户反馈" })]
    [InlineData("followup-en", new[] { "Company", "Contact", "Follow-up Date", "Channel", "Notes", "Owner", "Next Step", "Next Step Date", "Stage" })]
    public void GetBuiltIn_ReadsTheColumnsOfTheLayoutItIsFor(string name, string[] columns)
    {
        var map = ColumnMap.GetBuiltIn(name);

        Assert.All(columns, column => Assert.Contains(map.Columns, c => c.Column == column));
    }

    [Theory]
    [InlineData("followup-en")]
    [InlineData("followup-zh")]
    public void BundledMap_IsTheSameFileAsTheSampleMap(string name)
    {
        var sample = File.ReadAllText(Path.Combine(Tables.SampleMapDirectory, name + ".json"));

        Assert.Equal(sample, ColumnMap.ReadBuiltInText(name));
    }

    [Theory]
    [InlineData("followup-en")]
    [InlineData("followup-zh")]
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
