using System.Text;
using FollowUp.Rules.Import.Tests.Infrastructure;

namespace FollowUp.Rules.Import.Tests;

/// <summary>
/// Telling GB18030 from Big5 without a named encoding: Big5 (what Excel saves in Taiwan and Hong Kong) was read as
/// GB18030 and evaluated as mojibake. Both are valid in each other's byte ranges; which one the text is in, the common
/// Chinese characters each reading makes tell, and how sure that is is said.
/// </summary>
public sealed class EncodingDetectionTests
{
    /// <summary>The reviewer's repro: a header of field paths, so nothing in the header shows the guess was wrong.</summary>
    private const string AsciiHeaderCsv =
        "id,customer.company,communications[0].summary,communications[0].at\r\n" +
        "TW-1,台灣精密股份有限公司,持續追蹤中，等對方回覆,2026-11-25 10:00\r\n" +
        "TW-2,宏碩電子,客戶嫌價格太高，友商報價低兩成,2026-11-25 10:00\r\n";

    private const string TraditionalCsv =
        "關聯客戶,跟進時間,跟進內容,下次聯繫時間\r\n" +
        "宏圖建築設計院,2026-11-20 15:00,電話溝通 30 分鐘，客戶關注交期，希望下週提供報價單,2026-12-05 18:00\r\n" +
        "藍海物流,2026/11/21 10:00,微信溝通，客戶說預算已經批下來了，下個月初走合同流程,\r\n";

    private const string SimplifiedCsv =
        "关联客户,跟进时间,跟进内容,下次联系时间\r\n" +
        "宏图建筑设计院,2026-11-20 15:00,电话沟通 30 分钟，客户关注交期，希望下周提供报价单,2026-12-05 18:00\r\n" +
        "蓝海物流,2026/11/21 10:00,微信沟通，客户说预算已经批下来了，下个月初走合同流程,\r\n";

    private static readonly ColumnMap SimplifiedMap = ColumnMap.Parse("""
        {"columns": {"关联客户": "customer.company", "跟进时间": "communications[0].at", "跟进内容": "communications[0].summary", "下次联系时间": "progress.nextActionDue"}}
        """);

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_Big5WithAnAsciiHeader_IsReadAsBig5WithConfidence(bool fromAPipe)
    {
        var bytes = TableEncodings.Big5.GetBytes(AsciiHeaderCsv);

        using var reader = FollowUpTableReader.OpenStream(fromAPipe ? Tables.Pipe(bytes) : new MemoryStream(bytes), TableFormat.Csv);
        var records = reader.ReadRecords().Select(r => r.Record!).ToList();

        Assert.Equal((950, true, false), (reader.Encoding!.CodePage, reader.EncodingGuessed, reader.EncodingUncertain));
        Assert.Equal(["持續追蹤中，等對方回覆", "客戶嫌價格太高，友商報價低兩成"], records.Select(r => r.Communications![0].Summary));
        Assert.StartsWith("in Big5, ", reader.EncodingEvidence, StringComparison.Ordinal);
        Assert.Contains("; in GB18030, ", reader.EncodingEvidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_ShortGb18030WhoseBytesHoldAsManyValidUtf8RunsAsInvalidOnes_IsReadAsGb18030(bool fromAPipe)
    {
        // Found by the property below: 19 byte runs of this GB18030 text happen to be valid UTF-8, as many as the invalid
        // ones, and it was read as UTF-8; those runs decode to no common Chinese, where the GB18030 reading is all common.
        const string csv = "id,communications[0].summary\r\nR-0,预算确认公司公司系统\r\nR-1,签约支持沟通发送公司预算，确认对方决定\r\n";
        var bytes = TableEncodings.GB18030.GetBytes(csv);

        using var reader = FollowUpTableReader.OpenStream(fromAPipe ? Tables.Pipe(bytes) : new MemoryStream(bytes), TableFormat.Csv);

        Assert.Equal(54936, reader.Encoding!.CodePage);
        Assert.Equal(["预算确认公司公司系统", "签约支持沟通发送公司预算，确认对方决定"], reader.ReadRecords().Select(r => r.Record!.Communications![0].Summary));
    }

    [Fact]
    public void Read_Big5WithATraditionalHeader_IsReadAsBig5AndTheSimplifiedMapReadsItsColumns()
    {
        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(TraditionalCsv, TableEncodings.Big5), TableFormat.Csv, SimplifiedMap);

        var records = reader.ReadRecords().Select(r => r.Record!).ToList();

        Assert.Equal((950, false), (reader.Encoding!.CodePage, reader.EncodingUncertain));
        Assert.Equal(["宏圖建築設計院", "藍海物流"], records.Select(r => r.Customer!.Company));
        Assert.Empty(reader.MissingColumns);
    }

    [Theory]
    [InlineData(SimplifiedCsv)]
    [InlineData(TraditionalCsv)]
    public void Read_Gb18030InEitherScript_IsReadAsGb18030WithConfidence(string csv)
    {
        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(csv, TableEncodings.GB18030), TableFormat.Csv, SimplifiedMap);

        var records = reader.ReadRecords().Select(r => r.Record!).ToList();

        Assert.Equal((54936, true, false), (reader.Encoding!.CodePage, reader.EncodingGuessed, reader.EncodingUncertain));
        Assert.Equal(csv.Split("\r\n")[1].Split(',')[0], records[0].Customer!.Company);
    }

    [Fact]
    public void Read_SampleGb18030Export_IsReadAsGb18030WithConfidence()
    {
        using var reader = FollowUpTableReader.Open(Path.Combine(Tables.SampleDirectory, "crm-export.gb18030.csv"), ColumnMap.GetBuiltIn("followup-zh"));

        Assert.Equal((54936, false), (reader.Encoding!.CodePage, reader.EncodingUncertain));
        Assert.StartsWith("in GB18030, ", reader.EncodingEvidence, StringComparison.Ordinal);
    }

    /// <summary>Four characters can fall either way by chance: the better reading is taken, and said to be a weak guess.</summary>
    [Theory]
    [InlineData("宏圖建築", 950)]
    [InlineData("宏图建筑", 54936)]
    public void Read_ShortFile_TakesTheBetterReadingButCallsItUncertain(string company, int codePage)
    {
        var encoding = codePage == 950 ? TableEncodings.Big5 : TableEncodings.GB18030;

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv($"id,customer.company\r\nr1,{company}\r\n", encoding), TableFormat.Csv);

        Assert.Equal((codePage, true, true), (reader.Encoding!.CodePage, reader.EncodingGuessed, reader.EncodingUncertain));
        Assert.Equal(company, reader.ReadRecords().Single().Record!.Customer!.Company);
    }

    [Fact]
    public void Read_JapaneseInShiftJis_IsAnUncertainGuess()
    {
        // Neither GB18030 nor Big5: both readings are rare characters, so the guess must not pass as sure.
        var shiftJis = CodePagesEncodingProvider.Instance.GetEncoding(932)!;
        var csv = "id,customer.company,communications[0].summary\r\nJ-1,株式会社テスト,見積もりを送付しました。来週、担当者と打ち合わせ予定です。\r\n";

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(csv, shiftJis), TableFormat.Csv);

        Assert.True(reader.EncodingGuessed);
        Assert.True(reader.EncodingUncertain, reader.EncodingEvidence);
    }

    [Theory]
    [InlineData(TraditionalCsv)]
    [InlineData(SimplifiedCsv)]
    public void Read_Utf8InEitherScript_StaysUtf8AndIsNoGuess(string csv)
    {
        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(csv), TableFormat.Csv, SimplifiedMap);

        Assert.Equal((65001, false, false, null), (reader.Encoding!.CodePage, reader.EncodingGuessed, reader.EncodingUncertain, reader.EncodingEvidence));
    }

    [Fact]
    public void Read_NamedEncoding_IsNoGuessAndHasNoEvidence()
    {
        using var reader = FollowUpTableReader.OpenStream(
            Tables.Csv(AsciiHeaderCsv, TableEncodings.Big5), TableFormat.Csv, options: new TableReadOptions { Encoding = TableEncodings.Big5 });

        Assert.Equal((950, false, false, null), (reader.Encoding!.CodePage, reader.EncodingGuessed, reader.EncodingUncertain, reader.EncodingEvidence));
    }

    /// <summary>A large Big5 file is weighed on its first characters, not decoded whole three times, and still told.</summary>
    [Fact]
    public void Read_LargeBig5File_IsToldFromItsStartAndEveryRowIsRead()
    {
        var csv = new StringBuilder("id,communications[0].summary\r\n");
        for (var i = 0; i < 8_000; i++)
        {
            csv.Append("R-").Append(i).Append(",電話溝通，客戶關注交期，希望下週提供報價單\r\n");
        }

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(csv.ToString(), TableEncodings.Big5), TableFormat.Csv);

        Assert.Equal((950, false), (reader.Encoding!.CodePage, reader.EncodingUncertain));
        Assert.Equal(8_000, reader.ReadRecords().Count(r => r.IsRecord));
    }
}
