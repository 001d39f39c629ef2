using System.Text;
using FollowUp.Rules.Import.Tests.Infrastructure;
using FollowUp.Rules.Import.Text;

namespace FollowUp.Rules.Import.Tests;

/// <summary>
/// Private-use characters, which a decoder makes of characters its encoding lacks (Hong Kong characters read as Big5), are
/// warned of with their rows and columns, never read silently; and Big5-HKSCS, which .NET cannot decode, is refused by name.
/// </summary>
public sealed class PrivateUseTests
{
    /// <summary>啲 in Big5-HKSCS, which .NET's Big5 reads as the private-use U+ECDA.</summary>
    private static readonly byte[] Dei = [0x9D, 0xF8];

    private static readonly ColumnMap GroupedMap = ColumnMap.Parse("""
        {"groupBy": "客户编号", "columns": {"客户编号": "id", "跟进内容": "communications[0].summary"}}
        """);

    [Fact]
    public void Read_Big5WithAHongKongCharacter_KeepsTheRecordAndWarnsNamingRowColumnAndCharacter()
    {
        var big5 = TableEncodings.Big5;
        byte[] bytes = [.. big5.GetBytes("id,communications[0].summary\r\nHK-1,遲"), .. Dei, .. big5.GetBytes("再傾\r\nHK-2,電話溝通\r\n")];

        using var reader = FollowUpTableReader.OpenStream(new MemoryStream(bytes), TableFormat.Csv, options: new TableReadOptions { Encoding = big5 });
        var results = reader.ReadRecords().ToList();

        Assert.All(results, r => Assert.True(r.IsRecord));
        Assert.Equal("遲\uECDA再傾", results[0].Record!.Communications![0].Summary);
        var warning = Assert.Single(results[0].Warnings);
        Assert.Equal(ImportWarningCodes.PrivateUseCharacters, warning.Code);
        Assert.StartsWith("row 2 (column 'communications[0].summary') holds private-use characters (U+ECDA)", warning.Message, StringComparison.Ordinal);
        Assert.Contains("Hong Kong (HKSCS) characters such as 咗 哋 啲 喺", warning.Message, StringComparison.Ordinal);
        Assert.Contains("save the file as UTF-8", warning.Message, StringComparison.Ordinal);
        Assert.Empty(results[1].Warnings);
    }

    /// <summary>
    /// No Big5 (nor Big5-HKSCS) text holds the bytes 0xFF and 0x80, but .NET's code page 950 reads them as U+F8F8 and
    /// U+0080 instead of as invalid bytes, so a damaged cell was told of as Hong Kong characters: it is a row of invalid
    /// bytes, as any other invalid byte is, while a real HKSCS character stays a warning on its record.
    /// </summary>
    [Theory]
    [InlineData((byte)0xFF)]
    [InlineData((byte)0x80)]
    public void Read_Big5WithAByteNoBig5TextHolds_ReportsInvalidBytes_NotHongKongCharacters(byte stray)
    {
        var big5 = TableEncodings.Big5;
        byte[] bytes = [.. big5.GetBytes("id,customer.company\r\nHK-1,"), stray, .. big5.GetBytes("宏圖\r\nHK-2,遲"), .. Dei, .. big5.GetBytes("再傾\r\n")];

        using var reader = FollowUpTableReader.OpenStream(new MemoryStream(bytes), TableFormat.Csv, options: new TableReadOptions { Encoding = big5 });
        var results = reader.ReadRecords().ToList();

        Assert.False(results[0].IsRecord);
        Assert.Equal("customer.company", results[0].Column);
        Assert.StartsWith("the cell holds bytes that are not valid Big5", results[0].Error, StringComparison.Ordinal);
        Assert.Equal(ImportWarningCodes.PrivateUseCharacters, Assert.Single(results[1].Warnings).Code);
    }

    [Fact]
    public void Read_GroupedRowsWithPrivateUseCharacters_WarnsOnTheRecordNamingEachRowAndColumn()
    {
        var csv = "客户编号,跟进内容\r\nHK-1,我\uE5A2再倾\r\nHK-1,电话沟通\r\n\uECD9-2,等回复\r\nHK-1,搵\uECD9\r\n";

        var results = Tables.ReadCsv(csv, GroupedMap);

        var grouped = results.Single(r => r.Record!.Id == "HK-1");
        Assert.Equal(
            "rows 2 (column '跟进内容'), 5 (column '跟进内容') hold private-use characters (U+E5A2, U+ECD9)",
            grouped.Warnings.Single().Message.Split(", which", 2)[0]);
        Assert.Contains("a Windows end-user font", grouped.Warnings.Single().Message, StringComparison.Ordinal);
        var other = results.Single(r => r.Record!.Id == "\uECD9-2");
        Assert.StartsWith("row 4 (column '客户编号') holds", other.Warnings.Single().Message, StringComparison.Ordinal);
    }

    /// <summary>The rows and characters a warning is about, which a summary of many records' warnings adds up, counted beyond those its message names.</summary>
    [Fact]
    public void Read_PrivateUseWarning_CarriesItsRowCountAndCharacters()
    {
        var csv = new StringBuilder("客户编号,跟进内容\r\n");
        for (var i = 0; i < 5; i++)
        {
            csv.Append("HK-1,喺度").Append((char)(0xE000 + (i % 4))).Append("\r\nHK-1,电话沟通\r\n");
        }

        var warning = Tables.ReadCsv(csv.ToString(), GroupedMap).Single().Warnings.Single();

        Assert.Equal((5, "\uE000\uE001\uE002\uE003"), (warning.Rows, warning.Characters));
        Assert.Equal(
            "3 records (7 rows) hold private-use characters (U+E000, U+E001, U+E002 and 1 more), which no export means as text and no phrase matches; read as Big5, they are most likely Hong Kong (HKSCS) characters",
            PrivateUse.Summary(3, 7, warning.Characters!, TableEncodings.Big5).Split(" such as", 2)[0]);
    }

    [Fact]
    public void Read_ManyRowsWithPrivateUseCharacters_NamesTheFirstFew()
    {
        var csv = new StringBuilder("客户编号,跟进内容\r\n");
        for (var i = 0; i < 6; i++)
        {
            csv.Append("HK-1,喺度").Append((char)(0xE000 + i)).Append("\r\n");
        }

        var warning = Tables.ReadCsv(csv.ToString(), GroupedMap).Single().Warnings.Single();

        Assert.StartsWith(
            "rows 2 (column '跟进内容'), 3 (column '跟进内容'), 4 (column '跟进内容') and 3 more hold private-use characters (U+E000, U+E001, U+E002 and 3 more)",
            warning.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Read_XlsxCellWithPrivateUseCharacters_IsWarnedOfToo()
    {
        using var workbook = Tables.Xlsx(("Sheet1", [["id", "communications[0].summary"], ["HK-1", "我\uE5A2再倾"]]));
        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx);

        var warning = reader.ReadRecords().Single().Warnings.Single();

        Assert.StartsWith("row 2 (column 'communications[0].summary') holds private-use characters (U+E5A2)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_HeaderNameWithPrivateUseCharacters_IsAMisnamedColumn()
    {
        using var reader = FollowUpTableReader.OpenStream(Tables.Csv("id,備註\uECDA\r\nr1,x\r\n"), TableFormat.Csv);

        Assert.StartsWith("the column '備註\uECDA' is not read: its name holds private-use characters (U+ECDA)", Assert.Single(reader.MisnamedColumns), StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PrivateUseCharacterInAColumnTheMapDoesNotRead_IsNoWarning()
    {
        var results = Tables.ReadCsv("id,customer.company,备注\r\nr1,宏图,\uE000\r\n");

        Assert.Empty(Assert.Single(results).Warnings);
    }

    [Theory]
    [InlineData("big5-hkscs")]
    [InlineData("Big5-HKSCS")]
    [InlineData("big5hkscs")]
    [InlineData(" hkscs ")]
    public void GetEncoding_Big5Hkscs_IsRefusedPointingToUtf8(string name)
    {
        var error = Assert.Throws<ArgumentException>(() => TableEncodings.GetEncoding(name));

        Assert.StartsWith($"The text encoding '{name}' cannot be used: .NET has no Big5-HKSCS decoder", error.Message, StringComparison.Ordinal);
        Assert.Contains("save the file as UTF-8", error.Message, StringComparison.Ordinal);
    }
}
