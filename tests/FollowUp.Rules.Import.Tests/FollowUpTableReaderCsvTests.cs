using System.Text;
using FollowUp.Rules.Import.Reading;
using FollowUp.Rules.Import.Tests.Infrastructure;

namespace FollowUp.Rules.Import.Tests;

/// <summary>Reading CSV and TSV: encodings, RFC 4180 quoting, column maps and the rows that cannot be read.</summary>
public sealed class FollowUpTableReaderCsvTests
{
    private const string ChineseCsv =
        "关联客户,跟进时间,跟进方式,跟进内容,下次联系时间,客户级别\r\n" +
        "宏图建筑设计院,2026-11-20 15:00,电话,电话沟通 30 分钟，客户关注交期,2026-12-05 18:00,A\r\n" +
        "蓝海物流,2026/11/21 10:00,微信,等客户回复,,B\r\n";

    private static readonly ColumnMap ChineseMap = ColumnMap.Parse("""
        {"columns": {
          "关联客户": "customer.company", "跟进时间": "communications[0].at", "跟进方式": "communications[0].channel",
          "跟进内容": "communications[0].summary", "下次联系时间": "progress.nextActionDue", "客户级别": "customer.level"}}
        """);

    public static TheoryData<string, bool> Encodings => new()
    {
        { "utf-8", false },
        { "utf-8", true },
        { "gb18030", false },
        { "gbk", false },
        { "utf-16", true },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Read_ChineseCsvInEachEncoding_DetectsItAndReadsTheSameRecords(string encodingName, bool byteOrderMark)
    {
        var encoding = TableEncodings.GetEncoding(encodingName);
        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(ChineseCsv, encoding, byteOrderMark), TableFormat.Csv, ChineseMap);

        var records = reader.ReadRecords().Select(r => r.Record!).ToList();

        Assert.Equal(encoding.CodePage is 936 ? 54936 : encoding.CodePage, reader.Encoding!.CodePage);
        Assert.Equal(["宏图建筑设计院", "蓝海物流"], records.Select(r => r.Customer!.Company));
        Assert.Equal(ContactChannel.Phone, records[0].Communications![0].Channel.Value);
        Assert.Equal("电话沟通 30 分钟，客户关注交期", records[0].Communications![0].Summary);
        Assert.Equal(new DateTime(2026, 11, 21, 10, 0, 0), records[1].Communications![0].At.ClockTime);
        Assert.True(records[1].Progress is null || records[1].Progress!.NextActionDue.IsEmpty);
    }

    [Fact]
    public void Read_Gb18030FromAPipe_DecidesOnTheFirstBytesAndReadsChinese()
    {
        var bytes = TableEncodings.GB18030.GetBytes(ChineseCsv);

        using var reader = FollowUpTableReader.OpenStream(Tables.Pipe(bytes), TableFormat.Csv, ChineseMap);

        Assert.Equal(54936, reader.Encoding!.CodePage);
        Assert.Equal("宏图建筑设计院", reader.ReadRecords().First().Record!.Customer!.Company);
    }

    /// <summary>UTF-16 without a byte order mark (SQL Server's bcp -w) read as UTF-8 made a header of nonsense: its zero bytes tell it.</summary>
    [Theory]
    [InlineData("utf-16", false)]
    [InlineData("utf-16", true)]
    [InlineData("utf-16BE", false)]
    [InlineData("utf-16BE", true)]
    public void Read_Utf16WithoutByteOrderMark_IsToldByItsZeroBytesAndSaidToBeAGuess(string encodingName, bool fromAPipe)
    {
        var bytes = Encoding.GetEncoding(encodingName).GetBytes(ChineseCsv);

        using var reader = FollowUpTableReader.OpenStream(fromAPipe ? Tables.Pipe(bytes) : new MemoryStream(bytes), TableFormat.Csv, ChineseMap);

        Assert.Equal((encodingName, true), (reader.Encoding!.WebName, reader.EncodingGuessed));
        Assert.Equal(["宏图建筑设计院", "蓝海物流"], reader.ReadRecords().Select(r => r.Record!.Customer!.Company));
    }

    [Theory]
    [InlineData("utf-8", false, false)]
    [InlineData("utf-16", true, false)]
    [InlineData("gb18030", false, true)]
    public void EncodingGuessed_IsTrueOnlyForAnEncodingOtherThanUtf8ThatNoByteOrderMarkNamed(string encodingName, bool byteOrderMark, bool guessed)
    {
        var encoding = TableEncodings.GetEncoding(encodingName);

        using var detected = FollowUpTableReader.OpenStream(Tables.Csv(ChineseCsv, encoding, byteOrderMark), TableFormat.Csv, ChineseMap);
        using var named = FollowUpTableReader.OpenStream(Tables.Csv(ChineseCsv, encoding, byteOrderMark), TableFormat.Csv, ChineseMap, new TableReadOptions { Encoding = encoding });

        Assert.Equal(guessed, detected.EncodingGuessed);
        Assert.False(named.EncodingGuessed);
    }

    [Fact]
    public void Read_Utf8WithAFewZeroBytes_StaysUtf8()
    {
        // Two stray NULs are no evidence of UTF-16; the rows around them read as the UTF-8 they are.
        var bytes = Encoding.UTF8.GetBytes(ChineseCsv.Replace("A\r\n", "A\0\0\r\n", StringComparison.Ordinal));

        using var reader = FollowUpTableReader.OpenStream(new MemoryStream(bytes), TableFormat.Csv, ChineseMap);

        Assert.Equal((65001, false), (reader.Encoding!.CodePage, reader.EncodingGuessed));
        Assert.Equal("宏图建筑设计院", reader.ReadRecords().First().Record!.Customer!.Company);
    }

    /// <summary>
    /// A legacy export writes an empty cell as one NUL. Three such zero bytes on one side of the byte pairs were taken for
    /// UTF-16 and the file could not be read; valid UTF-8 with NULs in a few cells is UTF-8.
    /// </summary>
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Read_Utf8WithANulCellInEachRow_StaysUtf8(bool fromAPipe)
    {
        const string EmptyWechat =
            "id,customer.company,customer.name,customer.wechat,communications[0].summary\r\n" +
            "FU-9916,苏州启衡精密机械有限公司,王强,\0,发送方案 V2，等待技术评审\r\n" +
            "FU-2073,深圳前海物流,张伟,\0,发送方案 V2，等待技术评审\r\n" +
            "FU-5249,深圳前海物流,李娜,\0,上门拜访，确认 200 套需求\r\n" +
            "FU-8704,深圳前海物流,陈晓东,\0,发送方案 V2，等待技术评审\r\n";
        const string NulAfterId =
            "id,customer.company,customer.name,needs.summary\n" +
            "R0 \0,宏图建筑设计院,张伟,替换 ERP 系统\n" +
            "R1 \0,宏图建筑设计院,张伟,替换 ERP 系统\n" +
            "R2 \0,宏图建筑设计院,张伟,替换 ERP 系统\n";

        foreach (var (csv, companies) in new[]
        {
            (EmptyWechat, new[] { "苏州启衡精密机械有限公司", "深圳前海物流", "深圳前海物流", "深圳前海物流" }),
            (NulAfterId, new[] { "宏图建筑设计院", "宏图建筑设计院", "宏图建筑设计院" }),
        })
        {
            var bytes = Encoding.UTF8.GetBytes(csv);
            using var reader = FollowUpTableReader.OpenStream(fromAPipe ? Tables.Pipe(bytes) : new MemoryStream(bytes), TableFormat.Csv);

            Assert.Equal((65001, false), (reader.Encoding!.CodePage, reader.EncodingGuessed));
            Assert.Equal(companies, reader.ReadRecords().Select(r => r.Record!.Customer!.Company));
        }
    }

    /// <summary>
    /// Chinese in UTF-16 holds a zero byte only in its ASCII characters (separators, line breaks, digits), here in under a
    /// quarter of the byte pairs; that the bytes are not UTF-8 and read as Chinese text in UTF-16 tells it.
    /// </summary>
    [Theory]
    [InlineData("utf-16", false)]
    [InlineData("utf-16", true)]
    [InlineData("utf-16BE", false)]
    [InlineData("utf-16BE", true)]
    public void Read_ChineseHeavyUtf16WithoutByteOrderMark_IsTold(string encodingName, bool fromAPipe)
    {
        const string Notes =
            "关联客户,跟进内容\r\n" +
            "宏图建筑设计院,上门拜访，客户关注交期和售后服务，希望我们下周提供详细的实施计划和报价单，财务总监也会参加评审会议\r\n" +
            "蓝海物流,微信沟通，客户说预算已经批下来了，下个月初走合同流程，需要我们派工程师现场支持并培训他们的运维团队\r\n";
        var bytes = Encoding.GetEncoding(encodingName).GetBytes(Notes);
        Assert.True(Notes.Count(char.IsAscii) * 4 < Notes.Length);

        using var reader = FollowUpTableReader.OpenStream(fromAPipe ? Tables.Pipe(bytes) : new MemoryStream(bytes), TableFormat.Csv, ChineseMap);

        Assert.Equal((encodingName, true), (reader.Encoding!.WebName, reader.EncodingGuessed));
        Assert.Equal(["宏图建筑设计院", "蓝海物流"], reader.ReadRecords().Select(r => r.Record!.Customer!.Company));
    }

    /// <summary>A tiny file: ASCII in UTF-16 is told from three zero bytes in as many pairs; one or two NULs in UTF-8 are not.</summary>
    [Theory]
    [InlineData("utf-16", "id\n", "utf-16")]
    [InlineData("utf-16BE", "id\n", "utf-16BE")]
    [InlineData("utf-8", "id\n\0\n", "utf-8")]
    [InlineData("utf-8", "id,名\n1,\0\n", "utf-8")]
    [InlineData("utf-8", "id\n\0\n\0\n", "utf-8")]
    public void Read_TinyFile_IsToldByItsShare(string writtenIn, string text, string readAs)
    {
        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(text, Encoding.GetEncoding(writtenIn)), TableFormat.Csv);

        Assert.Equal(readAs, reader.Encoding!.WebName);
    }

    /// <summary>
    /// NULs in a GB18030 file are cell content: a stray one, or a run of empty cells whose eight zero bytes all fall on one
    /// side of the byte pairs, as in UTF-16 BE. Its Chinese read as UTF-16 is Hangul, not Chinese text, so it is no UTF-16.
    /// </summary>
    [Theory]
    [InlineData(ChineseCsv)]
    [InlineData("关联客户,备注一,备注二,备注三,备注四,客户级别\r\n宏图建筑设计院,\0,\0,\0,\0,A\r\n蓝海物流,\0,\0,\0,\0,B\r\n")]
    public void Read_Gb18030WithNulCells_StaysGb18030(string csv)
    {
        var withNul = csv.Replace("电话,", "电话,\0", StringComparison.Ordinal);

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(withNul, TableEncodings.GB18030), TableFormat.Csv, ChineseMap);

        Assert.Equal(54936, reader.Encoding!.CodePage);
        Assert.Equal(["宏图建筑设计院", "蓝海物流"], reader.ReadRecords().Select(r => r.Record!.Customer!.Company));
    }

    [Fact]
    public void Read_Utf8WithAStrayInvalidByte_StaysUtf8AndReportsTheRowAndColumnOfTheByte()
    {
        byte[] bytes =
        [
            .. "id,customer.company,communications[0].summary,owner\nr1,宏图建筑,客户有意向,李明\nr2,蓝海物流,跟进中,王芳\nr3,佳禾,ok"u8,
            0xFF,
            .. ",赵四\n"u8,
        ];

        foreach (var stream in new[] { new MemoryStream(bytes), Tables.Pipe(bytes) })
        {
            using var reader = FollowUpTableReader.OpenStream(stream, TableFormat.Csv);
            var results = reader.ReadRecords().ToList();

            Assert.Equal(65001, reader.Encoding!.CodePage);
            Assert.Equal(["宏图建筑", "蓝海物流"], results.Take(2).Select(r => r.Record!.Customer!.Company));
            Assert.Equal(4, results[2].Row);
            Assert.Equal("communications[0].summary", results[2].Column);
            Assert.StartsWith("the cell holds bytes that are not valid UTF-8", results[2].Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("id,customer.company\nr1,ok\xFF\n")] // 0xFF is invalid in GB18030 too
    [InlineData("id,customer.company\nr1,x\xE9\xE9\nr2,\xE5\xAE\x8F\xE5\x9B\xBE\n")] // GB18030 reads \xE9\xE9, but UTF-8 reads 宏图
    public void Read_BytesNoLessUtf8ThanGb18030_AreReadAsUtf8(string bytesAsChars)
    {
        using var reader = FollowUpTableReader.OpenStream(new MemoryStream(Encoding.Latin1.GetBytes(bytesAsChars)), TableFormat.Csv);

        Assert.Equal(65001, reader.Encoding!.CodePage);
        Assert.Contains(reader.ReadRecords(), r => r.Error?.StartsWith("the cell holds bytes that are not valid UTF-8", StringComparison.Ordinal) == true);
    }

    [Theory]
    [InlineData("id,communications[0].summary\nr1,the customer\x92s budget\n")] // one Windows apostrophe: GB18030 reads 抯
    [InlineData("id,communications[0].summary\nr1,it\x92s ok\nr2,we\x92re in\nr3,\x93soon\x94\nr4,Acme\x92s call\n")]
    [InlineData("id,customer.company\nr1,\xB9\xFA\n")] // 国 in GBK: one Chinese character is too little to go on
    public void Read_TooLittleChineseForGb18030_StaysUtf8AndReportsTheRows(string bytesAsChars)
    {
        var bytes = Encoding.Latin1.GetBytes(bytesAsChars);

        foreach (var stream in new[] { new MemoryStream(bytes), Tables.Pipe(bytes) })
        {
            using var reader = FollowUpTableReader.OpenStream(stream, TableFormat.Csv);
            var results = reader.ReadRecords().ToList();

            Assert.Equal(65001, reader.Encoding!.CodePage);
            // Every row holds a stray byte, so every row is reported.
            Assert.NotEmpty(results);
            Assert.All(results, r => Assert.StartsWith("the cell holds bytes that are not valid UTF-8", r.Error, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Read_AFewChineseWordsInGbk_AreEnoughForGb18030()
    {
        var bytes = TableEncodings.GB18030.GetBytes("id,customer.company\r\nr1,宏图建筑\r\n");

        foreach (var stream in new[] { new MemoryStream(bytes), Tables.Pipe(bytes) })
        {
            using var reader = FollowUpTableReader.OpenStream(stream, TableFormat.Csv);

            Assert.Equal(54936, reader.Encoding!.CodePage);
            Assert.Equal("宏图建筑", reader.ReadRecords().Single().Record!.Customer!.Company);
        }
    }

    [Fact]
    public void Read_ForcedEncoding_OverridesDetection()
    {
        // So few characters are only a weak guess without the caller's word; named, the encoding is no guess at all.
        var big5 = TableEncodings.GetEncoding("big5");
        var csv = "customer.company,communications[0].summary\r\n宏圖建築設計院,電話溝通\r\n";

        using var reader = FollowUpTableReader.OpenStream(
            Tables.Csv(csv, big5), TableFormat.Csv, options: new TableReadOptions { Encoding = big5 });

        Assert.False(reader.EncodingGuessed);
        Assert.Equal("宏圖建築設計院", reader.ReadRecords().Single().Record!.Customer!.Company);
    }

    [Theory]
    [InlineData("\r\n")]
    [InlineData("\n")]
    public void Read_ExcelSeparatorLine_ReadsTheFileWithItsSeparatorAndNumbersRowsAsExcelShowsThem(string lineBreak)
    {
        // Excel writes and obeys "sep=;" on the first line, and hides it: the header is row 1, the first data row row 2.
        var csv = string.Join(lineBreak, "SEP=;", "id;customer.company;communications[0].summary", "r1;宏图;电话沟通, 30 分钟", "r2;启明") + lineBreak;

        var results = Tables.ReadCsv(csv);

        Assert.Equal("宏图", results[0].Record!.Customer!.Company);
        Assert.Equal("电话沟通, 30 分钟", results[0].Record!.Communications![0].Summary);
        Assert.Equal(2, results[0].Row);
        Assert.Equal(3, results[1].Row);
        Assert.Contains("the row has 2 cells but the header has 3", results[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ExcelSeparatorLine_MessagesCountItAsALineButNotAsARow()
    {
        var csv = "sep=;\r\nid;customer.company\r\nr1;\"宏图\r\nr2;启明\r\n";

        var failure = Assert.Single(Tables.ReadCsv(csv));

        Assert.Equal([2L, 3L], failure.Rows);
        Assert.StartsWith("a quoted cell opens on line 3, in row 2, and is never closed", failure.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("id;customer.company\r\nr1;宏图\r\n", "separated by ';': add the line sep=; before the header")]
    [InlineData("id\tcustomer.company\r\nr1\t宏图\r\n", "tab-separated: name it .tsv.")]
    public void Open_HeaderOfOneColumnHoldingAnotherSeparator_SaysWhichSeparatorTheFileSeemsToHave(string csv, string advice)
    {
        var error = Assert.Throws<FormatException>(() => Tables.ReadCsv(csv));

        Assert.Contains("no column of the header", error.Message, StringComparison.Ordinal);
        Assert.Contains(advice, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_HeaderTheMapCannotReadInAGuessedEncoding_SaysTheEncodingWasAGuess()
    {
        // A Japanese export guessed to be Chinese has a header of nonsense; the error must point at the encoding, not only the map.
        var shiftJis = CodePagesEncodingProvider.Instance.GetEncoding(932)!;
        var csv = "顧客名,商談内容,担当者\r\n株式会社テスト,見積もりを送付しました,佐藤\r\n";

        var error = Assert.Throws<FormatException>(() => FollowUpTableReader.OpenStream(Tables.Csv(csv, shiftJis), TableFormat.Csv, ChineseMap));

        Assert.Contains("no column of the header", error.Message, StringComparison.Ordinal);
        Assert.Contains(", guessed from its bytes; if the header reads wrong, name the file's encoding (such as gb18030, big5 or utf-8).", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ByteOrderMark_WinsOverAForcedEncoding()
    {
        using var reader = FollowUpTableReader.OpenStream(
            Tables.Csv(ChineseCsv, new UTF8Encoding(true), byteOrderMark: true), TableFormat.Csv, ChineseMap, new TableReadOptions { Encoding = TableEncodings.GB18030 });

        Assert.Equal("宏图建筑设计院", reader.ReadRecords().First().Record!.Customer!.Company);
    }

    [Theory]
    [InlineData("utf-8")]
    [InlineData("utf-16")]
    public void Read_ByteOrderMarkTwice_ReadsTheFirstColumnByItsName(string name)
    {
        // A tool that saves a file with a byte order mark before text that starts with one leaves two; the second is U+FEFF.
        var encoding = Encoding.GetEncoding(name);
        var bytes = new MemoryStream([.. encoding.Preamble, .. encoding.Preamble, .. encoding.GetBytes("sep=;\r\nid;customer.company\r\nT-1;宏图\r\n")]);

        using var reader = FollowUpTableReader.OpenStream(bytes, TableFormat.Csv);
        var result = Assert.Single(reader.ReadRecords());

        Assert.Equal("id", reader.Header[0]);
        Assert.Equal(("T-1", 2L), (result.Record!.Id, result.Row));
    }

    /// <summary>Every byte order mark .NET can read names its encoding, UTF-32 too (its mark begins as UTF-16's does).</summary>
    [Theory]
    [InlineData("utf-16")]
    [InlineData("utf-16BE")]
    [InlineData("utf-32")]
    [InlineData("utf-32BE")]
    public void Read_ByteOrderMarkOfUtf16OrUtf32_ReadsThatEncoding(string name)
    {
        var encoding = Encoding.GetEncoding(name);

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(ChineseCsv, encoding, byteOrderMark: true), TableFormat.Csv, ChineseMap);

        Assert.Equal(encoding.WebName, reader.Encoding!.WebName);
        Assert.Equal("宏图建筑设计院", reader.ReadRecords().First().Record!.Customer!.Company);
    }

    [Fact]
    public void Read_Rfc4180QuotedCells_KeepCommasQuotesAndLineBreaks()
    {
        var csv = "customer.company,communications[0].summary,progress.nextAction\r\n" +
                  "\"宏图, 建筑设计院\",\"第一行\r\n第二行, 含逗号\",\"发送\"\"正式\"\"报价单\"\r\n" +
                  "蓝海物流,\"\",\r\n";

        var results = Tables.ReadCsv(csv);

        var first = results[0].Record!;
        Assert.Equal("宏图, 建筑设计院", first.Customer!.Company);
        Assert.Equal("第一行\r\n第二行, 含逗号", first.Communications![0].Summary);
        Assert.Equal("发送\"正式\"报价单", first.Progress!.NextAction);
        Assert.Equal(2, results[0].Row);
        Assert.Equal(3, results[1].Row);
        Assert.Null(results[1].Record!.Communications);
    }

    [Fact]
    public void Read_Tsv_SplitsOnTabs()
    {
        var tsv = "customer.company\tcommunications[0].summary\r\n宏图, 建筑设计院\t电话沟通\r\n";

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(tsv), TableFormat.Tsv);

        Assert.Equal("宏图, 建筑设计院", reader.ReadRecords().Single().Record!.Customer!.Company);
    }

    [Fact]
    public void Read_NoMap_ColumnsNamedLikeFieldPathsMapToThemselves_OthersAreIgnored()
    {
        var csv = "id,Customer.Company,communications[1].summary,custom.orderStatus,备注,customer.WhatsApp,CUSTOMER.LINE\r\n" +
            "FU-1,宏图,第二次沟通,已发货,内部备注,+60 12-345 6789,chen.tw\r\n";

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(csv), TableFormat.Csv);
        var record = reader.ReadRecords().Single().Record!;

        Assert.Equal("FU-1", record.Id);
        Assert.Equal("宏图", record.Customer!.Company);
        Assert.Equal("第二次沟通", Assert.Single(record.Communications!).Summary);
        Assert.Equal("已发货", record.Custom!["orderStatus"]);
        Assert.Equal(("+60 12-345 6789", "chen.tw"), (record.Customer.WhatsApp, record.Customer.Line));
        Assert.Equal(["备注"], reader.IgnoredColumns);
        Assert.Equal(["id", "Customer.Company", "communications[1].summary", "custom.orderStatus", "customer.WhatsApp", "CUSTOMER.LINE"], reader.MappedColumns);
    }

    /// <summary>A column named like a field path that names none was surely meant as one: it is named with the reason, not ignored in silence.</summary>
    [Fact]
    public void Read_NoMap_ColumnNamedLikeAFieldPathThatIsNone_IsNamedWithTheReason()
    {
        var csv = "id,communications[100].at,customer.foo,备注,notes.x\r\nFU-1,2026-11-20,y,内部备注,z\r\n";

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(csv), TableFormat.Csv);

        Assert.Equal(
            [
                "the column 'communications[100].at' is not read: 'communications[100]' has index 100; the highest index a map may name is 99.",
                "the column 'customer.foo' is not read: customer has no field 'foo'; its fields are name, company, industry, companySize, contactTitle, decisionRole, source, level, phone, email, wechat, whatsapp, line.",
            ],
            reader.MisnamedColumns);
        Assert.Equal(["communications[100].at", "customer.foo", "备注", "notes.x"], reader.IgnoredColumns);
    }

    /// <summary>A CRM admin renamed 拜访内容 to 拜访纪要: no row fails, so only the header can tell that the summaries are gone.</summary>
    [Fact]
    public void Open_HeaderLacksMappedColumns_NamesThemInTheMapsOrder_AndTheirNewNamesAreIgnoredColumns()
    {
        var map = ColumnMap.Parse("""
            {"columns": {"关联客户": "customer.company", "商机阶段": "progress.stage", "跟进时间": "communications[0].at", "拜访内容": "communications[0].summary"}}
            """);
        var csv = "关联客户,跟进时间,拜访纪要,商机状态\r\n宏图,2026-11-20 15:00,电话沟通,需求确认\r\n";

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(csv), TableFormat.Csv, map);
        var record = reader.ReadRecords().Single().Record!;

        Assert.Equal(["商机阶段", "拜访内容"], reader.MissingColumns);
        Assert.Equal(["拜访纪要", "商机状态"], reader.IgnoredColumns);
        Assert.Null(Assert.Single(record.Communications!).Summary);
    }

    [Fact]
    public void Open_HeaderNamesMappedColumnsInAnotherCaseAndWithSpaces_LacksNone()
    {
        var map = ColumnMap.Parse("""{"columns": {"Company": "customer.company", "Notes": "communications[0].summary", " Owner ": "owner"}}""");

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv("COMPANY, notes ,owner\r\nAcme,Call,Li\r\n"), TableFormat.Csv, map);

        Assert.Empty(reader.MissingColumns);
    }

    /// <summary>Aliases name one field the ways several CRMs do: one of them in the header is enough, none names them all.</summary>
    [Theory]
    [InlineData("公司,沟通内容", new string[0])]
    [InlineData("公司,communications[0].summary", new string[0])]
    [InlineData("公司,拜访纪要", new[] { "跟进内容", "沟通内容", "拜访内容" })]
    public void Open_FieldWithAliases_IsMissingOnlyWhenNoneOfItsColumnsIsInTheHeader(string header, string[] missing)
    {
        var map = ColumnMap.Parse("""
            {"columns": {"公司": "customer.company", "跟进内容": "communications[0].summary", "沟通内容": "communications[0].summary", "拜访内容": "communications[0].summary"}}
            """);

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv($"{header}\r\n宏图,电话沟通\r\n"), TableFormat.Csv, map);

        Assert.Equal(missing, reader.MissingColumns);
    }

    /// <summary>An optional field may be empty; a column that also fills a field that is not optional is still missed, once.</summary>
    [Fact]
    public void Open_OptionalFields_AreNotMissed_ButAColumnFillingAnotherFieldToo_Is()
    {
        var map = ColumnMap.Parse("""
            {"columns": {"公司": "customer.company", "微信": "customer.wechat", "联系人": ["customer.name", "communications[0].contact"]},
             "optional": ["Customer.WeChat", "customer.name"]}
            """);

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv("公司\r\n宏图\r\n"), TableFormat.Csv, map);

        Assert.Equal(["联系人"], reader.MissingColumns);
    }

    [Fact]
    public void Read_EnumLabelsAndUnknownText_AreReadLeniently()
    {
        var csv = "communications[0].channel,communications[0].feedback,progress.stage,customer.decisionRole\r\n拜访,不满意,赢单,老板娘\r\n";

        var record = Tables.ReadCsv(csv).Single().Record!;

        Assert.Equal(ContactChannel.Visit, record.Communications![0].Channel.Value);
        Assert.Equal(CustomerFeedback.Dissatisfied, record.Communications[0].Feedback.Value);
        Assert.Equal(DealStage.Signed, record.Progress!.Stage.Value);
        Assert.False(record.Customer!.DecisionRole.IsKnown);
        Assert.Equal("老板娘", record.Customer.DecisionRole.ToString());
    }

    [Fact]
    public void Read_AliasesAndSeveralTargets_FirstColumnOfTheMapWithAValueWins()
    {
        var map = ColumnMap.Parse("""
            {"columns": {
              "关联客户": "customer.company", "客户名称": "customer.company",
              "联系人": ["customer.name", "communications[0].contact"],
              "痛点": "needs.painPoints"}}
            """);
        var csv = "客户名称,关联客户,联系人,痛点\r\n名称列,关联列,张伟,库存不准、月结慢；报表难\r\n只有名称,,李娜,\r\n";

        var records = Tables.ReadCsv(csv, map).Select(r => r.Record!).ToList();

        Assert.Equal(["关联列", "只有名称"], records.Select(r => r.Customer!.Company));
        Assert.Equal("张伟", records[0].Customer!.Name);
        Assert.Equal("张伟", records[0].Communications![0].Contact);
        Assert.Equal(["库存不准", "月结慢", "报表难"], records[0].Needs!.PainPoints);
    }

    [Fact]
    public void Read_NoIdColumn_IdIsTheRowNumber()
    {
        var records = Tables.ReadCsv("customer.company\r\n宏图\r\n\r\n蓝海\r\n");

        Assert.Equal(["row 2", "row 4"], records.Select(r => r.Record!.Id));
    }

    [Fact]
    public void Read_BlankRowsAndLeadingBlankLines_AreSkippedButKeepTheirNumbers()
    {
        var csv = "\r\n,,\r\ncustomer.company,owner,id\r\nA,李明,1\r\n,,\r\n\r\nB,王芳,2\r\n";

        var results = Tables.ReadCsv(csv);

        Assert.Equal([4L, 7L], results.Select(r => r.Row));
    }

    [Fact]
    public void Read_RowWithMoreCellsThanTheHeader_IsReportedWithItsRowAndFirstExtraColumn()
    {
        var csv = "customer.company,communications[0].summary,owner\r\n宏图,客户说价格偏高,还要比较,李明\r\n蓝海,电话沟通,王芳\r\n";

        var results = Tables.ReadCsv(csv);

        var error = results[0];
        Assert.False(error.IsRecord);
        Assert.Equal(2, error.Row);
        Assert.Equal("D", error.Column);
        Assert.Contains("4 cells but the header has 3 (A–C): cell D is beyond it", error.Error, StringComparison.Ordinal);
        Assert.Equal("蓝海", results[1].Record!.Customer!.Company);
    }

    [Fact]
    public void Read_RowWithSeveralCellsMoreThanTheHeader_NamesTheCellsPastTheHeadersLastColumn()
    {
        // Two unquoted commas in the content and one in an amount: three cells past the header's last column, C.
        var csv = "customer.company,communications[0].summary,custom.orderAmount\r\n宏图,已报价,客户说贵,再比较,¥1,598\r\n";

        var error = Assert.Single(Tables.ReadCsv(csv));

        Assert.Equal("D", error.Column);
        Assert.StartsWith("the row has 6 cells but the header has 3 (A–C): cells D–F are beyond it, as an unquoted separator", error.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RowWithFewerCellsThanTheHeader_NamesTheFirstMissingColumn()
    {
        var results = Tables.ReadCsv("customer.company,owner,progress.nextAction\r\n宏图,李明\r\n");

        Assert.Equal((2L, "progress.nextAction"), (results[0].Row, results[0].Column));
        Assert.Contains("cells are missing", results[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RowOfOneCell_SaysOneCell()
    {
        var results = Tables.ReadCsv("customer.company,owner\r\n宏图\r\n");

        Assert.StartsWith("the row has 1 cell but the header has 2: cells are missing", results[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_QuoteNeverClosed_IsReportedAndSwallowsNothingSilently()
    {
        var csv = "customer.company,communications[0].summary\r\n宏图,\"客户说\r\n蓝海,电话\r\n";

        var results = Tables.ReadCsv(csv);

        var error = Assert.Single(results);
        Assert.Equal((2L, "communications[0].summary"), (error.Row, error.Column));
        Assert.Equal([2L, 3L], error.Rows);
        Assert.Contains("never closed", error.Error, StringComparison.Ordinal);
        Assert.Contains("opens on line 2, in row 2,", error.Error, StringComparison.Ordinal);
        Assert.Contains("runs from row 2 to line 3, the end of the file", error.Error, StringComparison.Ordinal);
        Assert.Contains("they hold row 3,", error.Error, StringComparison.Ordinal);
        Assert.Null(error.GroupKey);
    }

    [Fact]
    public void Read_QuoteNeverClosed_CoversEveryLaterRowThatIsNotBlank_NumberedOnePerLine()
    {
        // Row 2 holds a quoted line break, so rows and lines part: row 3 is on line 4. Its stray quote (27") never closes
        // and swallows lines 5 to 8: a row, a blank line (row 5, skipped but numbered), and two rows, one of them quoted.
        var csv = "customer.company,communications[0].summary\r\n" +
                  "宏图,\"第一行\r\n第二行\"\r\n" +
                  "蓝海,27\" 显示器\r\n" +
                  "佳禾,邮件\r\n" +
                  "\r\n" +
                  "\"瑞丰, 医疗\",拜访\r\n" +
                  "新源,会议\r\n";

        var results = Tables.ReadCsv(csv);

        Assert.Equal(2, results.Count);
        Assert.Equal("宏图", results[0].Record!.Customer!.Company);
        Assert.Equal([2L], results[0].Rows);
        var error = results[1];
        Assert.False(error.IsRecord);
        Assert.Equal([3L, 4L, 6L, 7L], error.Rows);
        Assert.Equal("communications[0].summary", error.Column);
        Assert.Contains("opens on line 4, in row 3,", error.Error, StringComparison.Ordinal);
        Assert.Contains("runs from row 3 to line 8, the end of the file", error.Error, StringComparison.Ordinal);
        Assert.Contains("as if the quote closed at the end of line 4, they hold rows 4 to 7 (3 rows)", error.Error, StringComparison.Ordinal);
        // Rows 2, 3, 4, 6 and 7 are not blank: each is in exactly one result.
        Assert.Equal(5, results.Sum(r => r.Rows.Count));
    }

    [Fact]
    public void Read_StrayQuotesPairedAcrossLines_ReportTheMergedRowsAndKeepLaterRowNumbers()
    {
        // Two inch marks (27", 32") pair up, so Sep reads lines 2 to 4 as one row of two cells, the header's width: without a
        // check rows 3 and 4 would vanish into a cell of row 2.
        var csv = "customer.company,communications[0].summary\r\n" +
                  "宏图,27\" 显示器 100 台\r\n" +
                  "蓝海,电话\r\n" +
                  "佳禾,32\" 显示器\r\n" +
                  "新源,会议\r\n";

        var results = Tables.ReadCsv(csv);

        Assert.Equal(2, results.Count);
        var error = results[0];
        Assert.False(error.IsRecord);
        Assert.Equal([2L, 3L, 4L], error.Rows);
        Assert.Equal((2L, "communications[0].summary"), (error.Row, error.Column));
        Assert.Contains("a quote inside the text of a cell on line 2, in row 2, pairs with a quote on line 4, so lines 2 to 4 read as one row", error.Error, StringComparison.Ordinal);
        Assert.Contains("they hold rows 3 to 4 (2 rows)", error.Error, StringComparison.Ordinal);
        Assert.Equal([5L], results[1].Rows);
        Assert.Equal("新源", results[1].Record!.Customer!.Company);
    }

    [Fact]
    public void Read_QuotedCellsWithLineBreaks_AreNotStrayQuotes()
    {
        var csv = "customer.company,communications[0].summary\r\n" +
                  "宏图,\"第一行\r\n第二行\"\r\n" +
                  "蓝海, \"缩进的\r\n引号\"\r\n" +
                  "佳禾,邮件\r\n";

        var results = Tables.ReadCsv(csv);

        Assert.All(results, r => Assert.True(r.IsRecord, r.Error));
        Assert.Equal(["宏图", "蓝海", "佳禾"], results.Select(r => r.Record!.Customer!.Company));
        Assert.Equal([[2L], [3L], [4L]], results.Select(r => r.Rows));
    }

    [Fact]
    public void Read_DoubledQuotesBeforeALineBreakInAQuotedCell_AreQuotesOfItsText()
    {
        var csv = "customer.company,communications[0].summary\r\n" +
                  "宏图,\"客户说\"\"价格偏高\"\"\n要求周四前回复\"\r\n" +
                  "蓝海,\"\"\"\r\n\"\"\"\"\"\r\n" +
                  "佳禾,邮件\r\n";

        var results = Tables.ReadCsv(csv);

        Assert.All(results, r => Assert.True(r.IsRecord, r.Error));
        Assert.Equal(["宏图", "蓝海", "佳禾"], results.Select(r => r.Record!.Customer!.Company));
        Assert.Equal(["客户说\"价格偏高\"\n要求周四前回复", "\"\r\n\"\"", "邮件"], results.Select(r => r.Record!.Communications![0].Summary));
        Assert.Equal([[2L], [3L], [4L]], results.Select(r => r.Rows));
    }

    [Fact]
    public void Read_QuoteNeverClosedOnTheLastLine_CoversItsOwnRowOnly()
    {
        var results = Tables.ReadCsv("customer.company,communications[0].summary\r\n宏图,电话\r\n蓝海,\"没有闭合\r\n");

        var error = results[1];
        Assert.Equal([3L], error.Rows);
        Assert.Contains("opens on line 3, in row 3, and is never closed, so the quote runs from row 3 to line 3, the end of the file.", error.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("they hold", error.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_QuoteNeverClosedBeforeOnlyBlankLines_SaysTheLinesHoldNoOtherRow()
    {
        var results = Tables.ReadCsv("customer.company,communications[0].summary\n蓝海,\"没有闭合\n\n   \n");

        var error = Assert.Single(results);
        Assert.Equal([2L], error.Rows);
        Assert.Contains("runs from row 2 to line 4, the end of the file, taking the lines after line 2 as its text; they hold no other row.", error.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_SpreadsheetErrorInAMappedCell_IsReportedWithItsColumn()
    {
        var results = Tables.ReadCsv(ChineseCsv.Replace("2026-12-05 18:00", "#REF!", StringComparison.Ordinal), ChineseMap);

        Assert.Equal((2L, "下次联系时间"), (results[0].Row, results[0].Column));
        Assert.Contains("#REF!", results[0].Error, StringComparison.Ordinal);
        Assert.True(results[1].IsRecord);
    }

    [Fact]
    public void Read_RowWithValuesOnlyInUnmappedColumns_IsReportedNamingThem()
    {
        var results = Tables.ReadCsv("customer.company,备注\r\n,只写了备注\r\n");

        Assert.Null(results[0].Column);
        Assert.Contains("columns the map does not read: 备注", results[0].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_HeaderWithNoMappedColumn_FailsAndSuggestsTheBundledMapThatFits()
    {
        var csv = "关联客户,跟进时间,跟进方式,跟进内容,下次跟进时间\r\n宏图,2026-11-20,电话,沟通,2026-12-01\r\n";

        var error = Assert.Throws<FormatException>(() => FollowUpTableReader.OpenStream(Tables.Csv(csv), TableFormat.Csv));

        Assert.Contains("no column of the header is in the column map", error.Message, StringComparison.Ordinal);
        Assert.Contains("'关联客户', '跟进时间'", error.Message, StringComparison.Ordinal);
        Assert.Contains("The bundled column map 'followup-zh' reads 5 of these columns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_HeaderNamingOneMappedColumnTwice_CountsItOnceInTheSuggestion()
    {
        // As a title merged across three columns of an .xlsx reads: one name, three times.
        var csv = "Title,Title,Foo\r\nx,y,z\r\n";

        var error = Assert.Throws<FormatException>(() => FollowUpTableReader.OpenStream(Tables.Csv(csv), TableFormat.Csv));

        Assert.Contains("the header is 'Title', 'Foo'.", error.Message, StringComparison.Ordinal);
        Assert.Contains("The bundled column map 'followup-en' reads 1 of these columns", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_MappedColumnTwiceInTheHeader_FailsNamingBothLetters()
    {
        var error = Assert.Throws<FormatException>(() =>
            FollowUpTableReader.OpenStream(Tables.Csv("跟进内容,关联客户,跟进内容\r\n"), TableFormat.Csv, ChineseMap));

        Assert.Contains("'跟进内容' twice (A and C)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_RowLongerThanTheCsvReaderCanHold_ReportsItAndTheRestOfTheFileAfterTheRowsBeforeIt()
    {
        // Sep holds at most 16,777,216 characters of a row: a quote that never closes in a large export gets there.
        var csv = $"id,customer.company\r\nr1,宏图建筑\r\nr2,\"{new string('x', 17_000_000)}\r\nr4,蓝海物流\r\n";

        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(csv), TableFormat.Csv);
        var results = new List<ImportedRecord>();
        var stoppedAtEach = new List<bool>();
        foreach (var result in reader.ReadRecords())
        {
            results.Add(result);
            stoppedAtEach.Add(reader.StoppedReading);
        }

        Assert.Equal(2, results.Count);
        Assert.Equal([false, true], stoppedAtEach);
        Assert.Equal("宏图建筑", results[0].Record!.Customer!.Company);
        Assert.Equal([3L], results[1].Rows);
        Assert.Contains("longer than the 16,777,216 characters", results[1].Error, StringComparison.Ordinal);
        Assert.Contains("this row and the rest of the file cannot be read", results[1].Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_PipeThatStopsBeingUtf8AfterItsFirstMebibyte_ReportsTheRowAndReadsOn()
    {
        // A pipe's encoding is decided on its first mebibyte; an invalid byte after it is reported in its row, not a crash.
        var rows = string.Concat(Enumerable.Range(1, 40_000).Select(i => $"r{i},宏图建筑设计院\r\n"));
        byte[] bytes = [.. Encoding.UTF8.GetBytes("id,customer.company\r\n" + rows), .. "r0,ok"u8, 0xFF, .. "\r\nr9,蓝海物流\r\n"u8];

        using var reader = FollowUpTableReader.OpenStream(Tables.Pipe(bytes), TableFormat.Csv);
        var results = reader.ReadRecords().ToList();

        Assert.Equal(40_002, results.Count);
        Assert.All(results[..40_000], r => Assert.True(r.IsRecord));
        Assert.Equal(40_002, results[^2].Row);
        Assert.Equal("customer.company", results[^2].Column);
        Assert.StartsWith("the cell holds bytes that are not valid UTF-8", results[^2].Error, StringComparison.Ordinal);
        Assert.Equal("蓝海物流", results[^1].Record!.Customer!.Company);
    }

    [Fact]
    public void Read_NamedEncodingThatLaterRowsAreNotValidIn_ReportsEachOfThoseRowsAndReadsTheRest()
    {
        // GBK rows under an ASCII header, named UTF-8: the header decodes, the Chinese rows do not.
        var csv = "id,customer.company,communications[0].summary\r\nr1,宏图建筑设计院,电话沟通\r\nr2,Acme,call\r\nr3,蓝海物流,等客户回复\r\n";
        var bytes = TableEncodings.GB18030.GetBytes(csv);

        foreach (var stream in new[] { new MemoryStream(bytes), Tables.Pipe(bytes) })
        {
            using var reader = FollowUpTableReader.OpenStream(stream, TableFormat.Csv, options: new TableReadOptions { Encoding = TableEncodings.GetEncoding("utf-8") });
            var results = reader.ReadRecords().ToList();

            Assert.Equal([2L, 3L, 4L], results.Select(r => r.Row));
            Assert.Equal([false, true, false], results.Select(r => r.IsRecord));
            Assert.Equal("Acme", results[1].Record!.Customer!.Company);
            Assert.All([results[0], results[2]], r =>
            {
                Assert.Equal("customer.company", r.Column);
                Assert.StartsWith("the cell holds bytes that are not valid UTF-8", r.Error, StringComparison.Ordinal);
            });
        }
    }

    [Fact]
    public void Open_HeaderNotValidInTheNamedEncoding_FailsNamingTheRowColumnAndEncoding()
    {
        var bytes = TableEncodings.GB18030.GetBytes(ChineseCsv);

        var error = Assert.Throws<FormatException>(() => FollowUpTableReader.OpenStream(
            new MemoryStream(bytes), TableFormat.Csv, ChineseMap, new TableReadOptions { Encoding = TableEncodings.GetEncoding("utf-8") }));

        Assert.StartsWith("row 1, column A, the header: the cell holds bytes that are not valid UTF-8", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_Gb18030WithAnInvalidByte_ReportsTheRowDetectedOrNamed()
    {
        byte[] bytes = [.. TableEncodings.GB18030.GetBytes(ChineseCsv + "佳禾"), 0xFF, .. TableEncodings.GB18030.GetBytes(",2026-11-22 09:00,电话,客户关注交期,,A\r\n")];

        foreach (var named in new[] { null, TableEncodings.GB18030 })
        {
            using var reader = FollowUpTableReader.OpenStream(new MemoryStream(bytes), TableFormat.Csv, ChineseMap, new TableReadOptions { Encoding = named });
            var results = reader.ReadRecords().ToList();

            Assert.Equal(54936, reader.Encoding!.CodePage);
            Assert.Equal(["宏图建筑设计院", "蓝海物流"], results.Take(2).Select(r => r.Record!.Customer!.Company));
            Assert.Equal(4, results[2].Row);
            Assert.Equal("关联客户", results[2].Column);
            Assert.StartsWith("the cell holds bytes that are not valid GB18030", results[2].Error, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Open_XlsxWorkbookNamedCsv_FailsSayingItIsAWorkbookToReadAsXlsx(bool fromAPipe, bool encodingNamed)
    {
        // Its zip bytes read as text would be reported as invalid GB18030, sending the user to the wrong fix.
        using var workbook = Tables.Xlsx(("跟进记录", [["关联客户", "跟进内容"], ["宏图", "电话沟通"]]));
        var bytes = workbook.ToArray();
        var options = new TableReadOptions { Encoding = encodingNamed ? TableEncodings.GB18030 : null };

        var error = Assert.Throws<FormatException>(() =>
            FollowUpTableReader.OpenStream(fromAPipe ? Tables.Pipe(bytes) : new MemoryStream(bytes), TableFormat.Csv, ChineseMap, options));

        Assert.Equal(
            "the file is a zip archive, as an .xlsx workbook is, not CSV text: rename it to .xlsx and read it as a workbook.",
            error.Message);
        using var asXlsx = FollowUpTableReader.OpenStream(new MemoryStream(bytes), TableFormat.Xlsx, ChineseMap);
        Assert.Equal("宏图", Assert.Single(asXlsx.ReadRecords()).Record!.Customer!.Company);
    }

    [Theory]
    [InlineData(new byte[] { (byte)'\r', (byte)'\n', (byte)'\r', (byte)'\n' })]
    [InlineData(new byte[] { 0xFF, 0xFE })]
    [InlineData(new byte[] { 0xFF, 0xFE, (byte)'\r', 0, (byte)'\n', 0 })]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF })]
    public void Open_TableWithoutAHeaderRow_FailsSayingItIsEmpty(byte[] bytes)
    {
        // The tool tells the empty table apart by its type, and reads it as a table of no rows.
        var error = Assert.Throws<EmptyTableException>(() => FollowUpTableReader.OpenStream(new MemoryStream(bytes), TableFormat.Csv));

        Assert.Contains("no header row", error.Message, StringComparison.Ordinal);
        Assert.Null(error.Sheet);
    }

    [Fact]
    public void Read_RecordsRepeatingAnEarlierId_AreWarnedNamingTheFirstRecordsRow()
    {
        var csv = "id,customer.company,owner\r\nFU-1,甲公司,李明\r\nFU-1,乙公司,王芳\r\nFU-2,丙公司,王芳\r\nFU-1,丁公司,王芳\r\nfu-2,戊公司,王芳\r\n";

        var results = Tables.ReadCsv(csv);

        Assert.Equal([0, 1, 0, 1, 0], results.Select(r => r.Warnings.Count));
        Assert.All([results[1], results[3]], r => Assert.Equal(
            "IdRepeated: the id 'FU-1' is also the id of the record of row 2, earlier in the table: a system that loads records by id keeps one of them.",
            Assert.Single(r.Warnings).ToString()));
    }

    [Fact]
    public void Read_IdWithSpacesAround_IsTrimmedSoItsRepeatIsWarned()
    {
        // Spaces around an id are an export's padding: the record carries the id it is compared and grouped by.
        var results = Tables.ReadCsv("id,customer.company\r\n FU-1 ,甲公司\r\nFU-1,乙公司\r\n\tFU-2,丙公司\r\n");

        Assert.Equal(["FU-1", "FU-1", "FU-2"], results.Select(r => r.Record!.Id));
        Assert.Equal([0, 1, 0], results.Select(r => r.Warnings.Count));
    }

    [Fact]
    public void Read_GroupedRecordWithPaddedId_CarriesTheTrimmedId()
    {
        var map = ColumnMap.Parse("""{ "columns": { "编号": "id", "客户": "customer.company" }, "groupBy": "customer.company" }""");

        var results = Tables.ReadCsv("编号,客户\r\n C-001,宏图科技\r\nC-001 ,宏图科技\r\n", map);

        var record = Assert.Single(results);
        Assert.Equal("C-001", record.Record!.Id);
        Assert.Empty(record.Warnings);
    }

    [Fact]
    public void Read_WarnRepeatedIdsOff_RepeatedIdsAreNotWarned()
    {
        Assert.True(new TableReadOptions().WarnRepeatedIds);

        var results = Tables.ReadCsv("id,customer.company\r\nFU-1,甲公司\r\nFU-1,乙公司\r\n", options: new TableReadOptions { WarnRepeatedIds = false });

        Assert.Equal(["FU-1", "FU-1"], results.Select(r => r.Record!.Id));
        Assert.All(results, r => Assert.Empty(r.Warnings));
    }

    [Fact]
    public void Read_WithoutAnIdColumn_IdsAreRowNumbersAndNoneIsWarned()
    {
        var results = Tables.ReadCsv("customer.company\r\n甲公司\r\n甲公司\r\n");

        Assert.Equal(["row 2", "row 3"], results.Select(r => r.Record!.Id));
        Assert.All(results, r => Assert.Empty(r.Warnings));
    }

    [Fact]
    public void ReadRecords_Twice_Throws()
    {
        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(ChineseCsv), TableFormat.Csv, ChineseMap);
        _ = reader.ReadRecords().ToList();

        Assert.Throws<InvalidOperationException>(() => reader.ReadRecords());
    }

    [Fact]
    public void OpenStream_LeaveOpen_DisposingTheReaderLeavesTheStreamOpen()
    {
        var stream = Tables.Csv(ChineseCsv);
        using (FollowUpTableReader.OpenStream(stream, TableFormat.Csv, ChineseMap, leaveOpen: true))
        {
        }

        Assert.True(stream.CanRead);
        stream.Position = 0;
        using (FollowUpTableReader.OpenStream(stream, TableFormat.Csv, ChineseMap))
        {
        }

        Assert.False(stream.CanRead);
    }

    [Theory]
    [InlineData("export.CSV", TableFormat.Csv)]
    [InlineData("export.tsv", TableFormat.Tsv)]
    [InlineData("/data/跟进记录.xlsx", TableFormat.Xlsx)]
    [InlineData("records.jsonl", null)]
    [InlineData("export.xls", null)]
    public void GetFormat_ByExtension(string path, TableFormat? expected) =>
        Assert.Equal(expected, FollowUpTableReader.GetFormat(path));

    [Theory]
    [InlineData("UTF-8", 65001)]
    [InlineData("gb18030", 54936)]
    [InlineData("GBK", 936)]
    [InlineData("gb2312", 936)]
    [InlineData("big5", 950)]
    [InlineData("936", 936)]
    [InlineData("utf-16", 1200)]
    public void GetEncoding_KnowsTheChineseCodePagesWithoutAGlobalProvider(string name, int codePage) =>
        Assert.Equal(codePage, TableEncodings.GetEncoding(name).CodePage);

    [Fact]
    public void GetEncoding_UnknownName_Throws()
    {
        var error = Assert.Throws<ArgumentException>(() => TableEncodings.GetEncoding("klingon"));

        Assert.Contains("'klingon'", error.Message, StringComparison.Ordinal);
    }
}
