using FollowUp.Rules.Import.Tests.Infrastructure;

namespace FollowUp.Rules.Import.Tests;

/// <summary>
/// A header column no map entry reads, named like a field the map reads as optional and no column fills, is named with that
/// field (<see cref="FollowUpTableReader.LookalikeColumns"/>): the export's own name for it, whose field is otherwise left
/// empty without a word. Other unread columns, which exports carry many of, are not.
/// </summary>
public sealed class LookalikeColumnTests
{
    private static readonly ColumnMap Zh = ColumnMap.GetBuiltIn("followup-zh");

    private static readonly ColumnMap En = ColumnMap.GetBuiltIn("followup-en");

    [Fact]
    public void Open_UnreadColumnsLikeOptionalFieldsLeftEmpty_AreNamedWithTheirFields()
    {
        var csv = "客戶名稱,客戶聯絡窗口,聯絡人職銜,Primary Mobile,跟進日期,跟進內容,下次覆進日期,負責 AE\r\n宏圖,陳生,採購經理,6123 4567,2026-11-25 10:00,電話報價,2026-12-01,Ivy\r\n";

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(csv), TableFormat.Csv, Zh);

        Assert.Equal(
            [
                "客戶聯絡窗口 (customer.name, communications[0].contact)",
                "聯絡人職銜 (customer.contactTitle, communications[0].contactTitle)",
                "Primary Mobile (customer.phone)",
                "下次覆進日期 (progress.nextActionDue)",
                "負責 AE (owner)",
            ],
            reader.LookalikeColumns.Select(c => c.ToString()));
        Assert.Empty(reader.MissingColumns);
    }

    [Theory]
    [InlineData("聯絡人", "聯絡人（英文）")]
    [InlineData("電話", "公司電話 2")]
    [InlineData("電郵", "電郵（備用）")]
    [InlineData("下次跟進日期", "下次跟進日期（舊）")]
    public void Open_UnreadColumnLikeAFieldAnotherColumnFills_IsNotNamed(string read, string unread)
    {
        var csv = $"客戶名稱,跟進日期,跟進內容,{read},{unread}\r\n宏圖,2026-11-25,電話,x,y\r\n";

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(csv), TableFormat.Csv, Zh);

        Assert.Equal([unread], reader.IgnoredColumns);
        Assert.Empty(reader.LookalikeColumns);
    }

    /// <summary>Columns an export carries besides the map's: dates of other things, remarks, words that hold an English field word inside them.</summary>
    [Theory]
    [InlineData("最後聯絡日期")]
    [InlineData("備註")]
    [InlineData("Last Contact Date")]
    [InlineData("Hotel")]
    [InlineData("Report No.")]
    [InlineData("Mailing Address")]
    [InlineData("Retitled")]
    [InlineData("Product Line")]
    [InlineData("Line Manager")]
    [InlineData("Pipeline")]
    [InlineData("信賴度")]
    [InlineData("賴帳金額")]
    public void Open_UnreadColumnThatLooksLikeNoField_IsNotNamed(string unread)
    {
        foreach (var (map, header) in new[] { (Zh, "客戶名稱,跟進日期,跟進內容"), (En, "Company,Date,Notes") })
        {
            using var reader = FollowUpTableReader.OpenStream(Tables.Csv($"{header},{unread}\r\n宏圖,2026-11-25,電話,x\r\n"), TableFormat.Csv, map);

            Assert.Equal([unread], reader.IgnoredColumns);
            Assert.Empty(reader.LookalikeColumns);
        }
    }

    /// <summary>A Taiwan export's own name for the LINE id, as WhatsApp's own names are (客戶 WhatsApp), with either bundled map.</summary>
    [Theory]
    [InlineData("客戶 LINE ID")]
    [InlineData("客戶LINE帳號")]
    [InlineData("LINE 帳號（個人）")]
    [InlineData("Line帳號 2")]
    [InlineData("Customer LineID")]
    [InlineData("賴")]
    [InlineData("賴 ID")]
    [InlineData("客戶 WhatsApp")]
    public void Open_UnreadLineOrWhatsAppColumn_IsNamedWithItsField(string unread)
    {
        var field = unread.Contains("WhatsApp", StringComparison.Ordinal) ? "customer.whatsapp" : "customer.line";
        foreach (var (map, header) in new[] { (Zh, "客戶名稱,跟進日期,跟進內容"), (En, "Company,Date,Notes") })
        {
            using var reader = FollowUpTableReader.OpenStream(Tables.Csv($"{header},{unread}\r\n宏圖,2026-11-25,電話,chen.tw\r\n"), TableFormat.Csv, map);

            Assert.Equal([$"{unread} ({field})"], reader.LookalikeColumns.Select(c => c.ToString()));
        }
    }

    [Fact]
    public void Open_EnglishExportsOwnNames_AreNamedWithTheBundledMapsFields()
    {
        var csv = "Company,Date,Notes,Primary Contact,Contact E-mail Addr,Sales Rep.,Next Meeting Date,Deal Stage Name\r\nAcme,2026-11-25,Call,Mr Lee,lee@acme.hk,Ivy,2026-12-01,Negotiation\r\n";

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(csv), TableFormat.Csv, En);

        Assert.Equal(
            ["Primary Contact", "Contact E-mail Addr", "Sales Rep.", "Next Meeting Date", "Deal Stage Name"],
            reader.LookalikeColumns.Select(c => c.Column));
        Assert.Equal(["customer.email"], reader.LookalikeColumns[1].Fields);
        Assert.Equal(["progress.nextActionDue"], reader.LookalikeColumns[3].Fields);
    }

    /// <summary>
    /// A field the map does not read is none of its business (a map made for one CRM names few), and a field it expects is
    /// told already, as a missing column that names the unread columns beside it.
    /// </summary>
    [Fact]
    public void Open_ColumnLikeAFieldTheMapDoesNotReadOrExpects_IsNotNamed()
    {
        const string Csv = "客户,跟进内容,联络人,电邮\r\n宏图,电话,陈生,chan@hk.com\r\n";
        var narrow = ColumnMap.Parse("""{"columns": {"客户": "customer.company", "跟进内容": "communications[0].summary", "联系人": "customer.name"}, "optional": ["customer.email"]}""");

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(Csv), TableFormat.Csv, narrow);

        Assert.Empty(reader.LookalikeColumns);
        Assert.Equal(["联系人"], reader.MissingColumns);
        Assert.Equal(["联络人", "电邮"], reader.IgnoredColumns);
    }

    [Fact]
    public void Open_CustomMapWithOptionalFields_NamesTheUnreadColumnsLikeThem()
    {
        var map = ColumnMap.Parse("""{"columns": {"客户": "customer.company", "联系人": "customer.name", "邮箱": "customer.email"}, "optional": ["customer.name", "customer.email"]}""");

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv("客户,联络人,电邮\r\n宏图,陈生,chan@hk.com\r\n"), TableFormat.Csv, map);

        Assert.Equal(["联络人 (customer.name)", "电邮 (customer.email)"], reader.LookalikeColumns.Select(c => c.ToString()));
    }
}
