using FollowUp.Rules.Import.Tests.Infrastructure;

namespace FollowUp.Rules.Import.Tests;

/// <summary>
/// Header names match a map's ignoring Traditional against Simplified characters, full-width forms and case: a Taiwan or
/// Hong Kong export's 客戶名稱 is the bundled map's 客户名称. Two header columns that are one name to the map are an error.
/// </summary>
public sealed class HeaderMatchingTests
{
    private static readonly ColumnMap Zh = ColumnMap.GetBuiltIn("followup-zh");

    [Fact]
    public void Open_TraditionalHeader_IsReadByTheSimplifiedBundledMap()
    {
        var csv = "客戶名稱,跟進時間,跟進內容,跟進人,下次跟進時間\r\n台灣精密股份有限公司,2026-11-25 15:00,電話溝通 20 分鐘，確認 30 個授權,王小明,2026-12-03\r\n";

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(csv), TableFormat.Csv, Zh);
        var record = reader.ReadRecords().Single().Record!;

        Assert.Equal(["客戶名稱", "跟進時間", "跟進內容", "跟進人", "下次跟進時間"], reader.MappedColumns);
        Assert.Empty(reader.MissingColumns);
        Assert.Equal("台灣精密股份有限公司", record.Customer!.Company);
        Assert.Equal("王小明", record.Owner);
        Assert.Equal("電話溝通 20 分鐘，確認 30 個授權", record.Communications![0].Summary);
    }

    /// <summary>
    /// A Hong Kong CRM's export names its columns in Hong Kong words (聯絡人, 職位, 電郵, 下次跟進日期), which folding to
    /// Simplified does not make the mainland's (联系人, 职务, 邮箱, 下次跟进时间): the bundled map reads every column all the same.
    /// </summary>
    [Fact]
    public void Open_HongKongExportHeader_FillsEveryFieldWithTheBundledMap()
    {
        var csv = "客戶名稱,聯絡人,職位,電郵,跟進日期,跟進方式,跟進內容,跟進人,銷售階段,下一步行動,下次跟進日期,決策角色\r\n"
            + "測試有限公司,陳生,採購經理,chan@test.com.hk,2026-11-25 10:00,電話,電話報價 HK$12000，陳生 12月1日前覆,Ivy Lam,方案已發,12月1日電話跟進,2026-12-01 18:00,決策人\r\n";

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(csv), TableFormat.Csv, Zh);
        var record = reader.ReadRecords().Single().Record!;

        Assert.Empty(reader.IgnoredColumns);
        Assert.Equal(("陳生", "採購經理", "chan@test.com.hk"), (record.Customer!.Name, record.Customer.ContactTitle, record.Customer.Email));
        Assert.Equal(("陳生", "採購經理"), (record.Communications![0].Contact, record.Communications[0].ContactTitle));
        Assert.Equal("2026-12-01 18:00", record.Progress!.NextActionDue.Text);
        Assert.Equal("Ivy Lam", record.Owner);
    }

    /// <summary>
    /// Hong Kong, Singapore and Malaysia exports carry a WhatsApp column and Taiwan's a LINE column, in the ways their CRMs and
    /// sheets write them; the bundled maps read each into its field, from CSV and from a workbook alike.
    /// </summary>
    [Theory]
    [InlineData("followup-zh", TableFormat.Csv, "WhatsApp 號碼", "Line帳號")]
    [InlineData("followup-zh", TableFormat.Xlsx, "WhatsApp号码", "LINE 帳號")]
    [InlineData("followup-zh", TableFormat.Csv, "WHATSAPP", "LINE账号")]
    [InlineData("followup-zh", TableFormat.Csv, "WhatsApp", "line id")]
    [InlineData("followup-en", TableFormat.Csv, "WhatsApp No.", "LINE ID")]
    [InlineData("followup-en", TableFormat.Xlsx, "WhatsApp Number", "Line")]
    [InlineData("followup-en", TableFormat.Csv, "whatsapp", "LINE")]
    public void Open_WhatsAppAndLineColumns_FillTheirFieldsWithTheBundledMap(string mapName, TableFormat format, string whatsAppColumn, string lineColumn)
    {
        var company = mapName == "followup-zh" ? "客户名称" : "Company";
        object?[][] rows = [[company, whatsAppColumn, lineColumn], ["宏图", "+852 6123 4567", "chen.tw"]];
        using var table = format == TableFormat.Csv
            ? Tables.Csv(string.Concat(rows.Select(row => string.Join(",", row) + "\r\n")))
            : Tables.Xlsx(("Sheet1", rows));

        using var reader = FollowUpTableReader.OpenStream(table, format, ColumnMap.GetBuiltIn(mapName));
        var customer = reader.ReadRecords().Single().Record!.Customer!;

        Assert.Equal(("+852 6123 4567", "chen.tw"), (customer.WhatsApp, customer.Line));
        Assert.Equal([whatsAppColumn, lineColumn], reader.MappedColumns.Skip(1));
    }

    [Theory]
    [InlineData("客戶名称", "mixed scripts")]
    [InlineData("ＯＷＮＥＲ", "full-width letters")]
    [InlineData("Owner", "case")]
    [InlineData("　客户名称（全称）　", "full-width parentheses and ideographic spaces")]
    public void Open_HeaderNameInAnotherFormOfTheMapsName_IsRead(string header, string form)
    {
        var map = ColumnMap.Parse("""{"columns": {"客户名称(全称)": "customer.company", "客户名称": "customer.company", "owner": "owner"}}""");

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv($"id,{header}\r\nr1,宏图\r\n"), TableFormat.Csv, map);

        Assert.True(reader.MappedColumns.Contains(header.Trim()), form);
    }

    [Fact]
    public void Open_GroupByColumnAndMissingColumnsInTraditional_AreFoundInTheHeader()
    {
        var map = ColumnMap.Parse("""{"groupBy": "客户编号", "columns": {"客户编号": "id", "跟进内容": "communications[0].summary"}}""");
        var csv = "客戶編號,跟進內容\r\nC-1,電話溝通\r\nC-1,拜訪客戶\r\n";

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(csv), TableFormat.Csv, map);
        var record = reader.ReadRecords().Single();

        Assert.Empty(reader.MissingColumns);
        Assert.Equal([2L, 3L], record.Rows);
    }

    [Fact]
    public void Open_TwoHeaderColumnsThatAreOneNameToTheMap_FailsNamingBoth()
    {
        var csv = "客户名称,跟进内容,客戶名稱\r\n宏图,电话沟通,宏圖\r\n";

        var error = Assert.Throws<FormatException>(() => FollowUpTableReader.OpenStream(Tables.Csv(csv), TableFormat.Csv, Zh));

        Assert.StartsWith(
            "the header's columns '客户名称' (A) and '客戶名稱' (C) are one name to the column map, which matches names ignoring case, full-width forms and Traditional against Simplified characters",
            error.Message,
            StringComparison.Ordinal);
        Assert.Contains("rename or remove one of them", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MapListingANameInBothScripts_FillsTheFieldFromTheOneColumn()
    {
        var map = ColumnMap.Parse("""{"columns": {"客户名称": "customer.company", "客戶名稱": "customer.company", "跟进内容": "communications[0].summary"}}""");

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv("客戶名稱,跟進內容\r\n宏圖,電話溝通\r\n"), TableFormat.Csv, map);

        Assert.Equal("宏圖", reader.ReadRecords().Single().Record!.Customer!.Company);
    }

    [Fact]
    public void Open_TraditionalHeaderWithTheWrongMap_SuggestsTheChineseBundledMap()
    {
        var csv = "客戶編號,客戶名稱,跟進內容,Email\r\nC-1,宏圖,電話溝通,a@b.c\r\n";
        var map = ColumnMap.Parse("""{"columns": {"Company": "customer.company"}}""");

        var error = Assert.Throws<FormatException>(() => FollowUpTableReader.OpenStream(Tables.Csv(csv), TableFormat.Csv, map));

        Assert.EndsWith("The bundled column map 'followup-zh' reads 4 of these columns.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_GroupKeys_StillKeepTraditionalAndSimplifiedApart()
    {
        // A header is a label; a company name is not: 宏圖 and 宏图 stay two records, as 乾坤 and 干坤 must.
        var map = ColumnMap.Parse("""{"groupBy": "客户名称", "columns": {"客户名称": "customer.company", "跟进内容": "communications[0].summary"}}""");

        var results = Tables.ReadCsv("客戶名稱,跟進內容\r\n宏圖,電話溝通\r\n宏图,电话沟通\r\n", map);

        Assert.Equal(["宏圖", "宏图"], results.Select(r => r.Record!.Customer!.Company));
    }
}
