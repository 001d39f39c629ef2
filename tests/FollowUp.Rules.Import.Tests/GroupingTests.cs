using FollowUp.Rules.Import.Tests.Infrastructure;

namespace FollowUp.Rules.Import.Tests;

/// <summary>Rows that share a customer make one record, each row adding a communication.</summary>
public sealed class GroupingTests
{
    private static readonly ColumnMap ByColumn = ColumnMap.Parse("""
        {"groupBy": "关联客户", "columns": {
          "跟进时间": "communications[0].at", "跟进内容": "communications[0].summary", "联系人": "communications[0].contact",
          "跟进阶段": "progress.stage", "下次联系时间": "progress.nextActionDue", "痛点": "needs.painPoints", "附件": "attachments[0].name"}}
        """);

    private const string Rows =
        "关联客户,跟进时间,跟进内容,联系人,跟进阶段,下次联系时间,痛点,附件\r\n" +
        "宏图,2026-11-20 15:00,第三次：上门拜访,王总,商务谈判,2026-12-05,库存不准,报价单.xlsx\r\n" +
        "蓝海,2026-11-12 11:00,微信沟通,赵强,初步沟通,2026-11-15,,\r\n" +
        "宏图,2026-11-10 10:00,第一次：电话,张伟,需求确认,2026-11-18,库存不准、月结慢,\r\n" +
        ",2026-11-11 09:00,没有客户的一行,钱先生,,,,\r\n" +
        "宏图,2026-11-18 16:00,第二次：邮件发方案,张伟,方案已发,,,方案V2.pdf\r\n";

    [Fact]
    public void Read_GroupByColumn_JoinsRowsPerCustomerInOrderOfContact()
    {
        var results = Tables.ReadCsv(Rows, ByColumn);

        var hongtu = results.Single(r => r.Record?.Id == "宏图");
        Assert.Equal([2L, 4L, 6L], hongtu.Rows);
        Assert.Equal(["第一次：电话", "第二次：邮件发方案", "第三次：上门拜访"], hongtu.Record!.Communications!.Select(c => c.Summary));
        Assert.Equal(DealStage.Negotiation, hongtu.Record.Progress!.Stage.Value);
        Assert.Equal("2026-12-05", hongtu.Record.Progress.NextActionDue.Text);
        Assert.Equal(["库存不准", "月结慢"], hongtu.Record.Needs!.PainPoints);
        Assert.Equal(["方案V2.pdf", "报价单.xlsx"], hongtu.Record.Attachments!.Select(a => a.Name));
    }

    [Fact]
    public void Read_GroupedTableCancelled_StopsWhileItReadsTheRowsBeforeTheFirstRecord()
    {
        // A grouping map reads the whole table before its first record; Ctrl+C or SIGTERM then waited for it to end.
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        using var reader = FollowUpTableReader.OpenStream(Tables.Csv(Rows), TableFormat.Csv, ByColumn);

        using var results = reader.ReadRecords(cancelled.Token).GetEnumerator();

        Assert.Throws<OperationCanceledException>(() => results.MoveNext());
    }

    [Fact]
    public void Read_GroupedTable_ReportsUnreadableRowsFirstAndRecordsInOrderOfFirstRow()
    {
        var results = Tables.ReadCsv(Rows, ByColumn);

        Assert.Equal(["row 5, column 关联客户", "宏图", "蓝海"], results.Select(r => r.IsRecord ? r.Record.Id! : $"row {r.Row}, column {r.Column}"));
        Assert.Equal(5, results.Sum(r => r.Rows.Count));
    }

    [Fact]
    public void Read_GroupByFieldPath_UsesWhicheverAliasColumnHasTheValue()
    {
        var map = ColumnMap.Parse("""
            {"groupBy": "customer.company", "columns": {
              "关联客户": "customer.company", "客户名称": "customer.company", "跟进内容": "communications[0].summary"}}
            """);
        var csv = "客户名称,关联客户,跟进内容\r\n宏图,,第一次\r\n,宏图,第二次\r\n";

        var record = Assert.Single(Tables.ReadCsv(csv, map));

        Assert.Equal("宏图", record.Record!.Id);
        Assert.Equal(2, record.Record.Communications!.Count);
    }

    [Fact]
    public void Read_RowsWithoutReadableTimes_KeepFileOrderAndTheLastRowWins()
    {
        var csv = "关联客户,跟进时间,跟进内容,跟进阶段\r\n宏图,上周,第一次,需求确认\r\n宏图,,第二次,方案已发\r\n";

        var record = Tables.ReadCsv(csv, ByColumn).Single().Record!;

        Assert.Equal(["第一次", "第二次"], record.Communications!.Select(c => c.Summary));
        Assert.Equal(DealStage.ProposalSent, record.Progress!.Stage.Value);
    }

    [Fact]
    public void Read_DayFirstContactTimes_OrderTheRowsWhenTheDateOrderIsDayFirst()
    {
        // A Hong Kong export, newest row first: with its date order stated, the latest contact's stage wins, not the last row's.
        var csv = "关联客户,跟进时间,跟进内容,跟进阶段\r\n宏图,20/11/2026 15:00,第二次,商务谈判\r\n宏图,03/11/2026 10:00,第一次,需求确认\r\n";

        var dayFirst = Tables.ReadCsv(csv, ByColumn, new TableReadOptions { DateOrder = DateOrder.DayFirst }).Single().Record!;
        var byDefault = Tables.ReadCsv(csv, ByColumn).Single().Record!;

        Assert.Equal(DateOrder.YearFirst, new TableReadOptions().DateOrder);
        Assert.Equal(["第一次", "第二次"], dayFirst.Communications!.Select(c => c.Summary));
        Assert.Equal(DealStage.Negotiation, dayFirst.Progress!.Stage.Value);
        Assert.Equal(["第二次", "第一次"], byDefault.Communications!.Select(c => c.Summary));
        Assert.Equal(DealStage.NeedsConfirmed, byDefault.Progress!.Stage.Value);
    }

    [Fact]
    public void Read_GroupedRecord_HasItsGroupKeyAndNoUnreadableRows()
    {
        var results = Tables.ReadCsv(Rows, ByColumn);

        Assert.Equal(["宏图", "蓝海"], results.Where(r => r.IsRecord).Select(r => r.GroupKey));
        Assert.All(results.Where(r => r.IsRecord), r => Assert.Empty(r.UnreadableRows));
        // Row 5's group cell is empty: it belongs to no group.
        Assert.Null(results.Single(r => !r.IsRecord).GroupKey);
    }

    [Fact]
    public void Read_UnreadableRowWithAReadableGroupCell_CarriesItsKey_AndItsGroupsRecordListsIt()
    {
        // 华远's row 3 is cut short and its row 5 holds #REF!: both are still 华远's, and its record is built from rows 2 and 4 only.
        var csv = "关联客户,跟进时间,跟进内容,跟进阶段,下次联系时间\r\n" +
                  "华远,2026-11-03 09:30,线上会议演示排产模块,需求确认,2026-11-10\r\n" +
                  "华远,2026-11-24 15:00\r\n" +
                  "华远,2026-11-21 10:00,新对接人周经理,方案已发,2026-12-01\r\n" +
                  "蓝海,2026-11-12 11:00,微信沟通,初步沟通,2026-11-15\r\n" +
                  "华远,2026-11-25 10:00,电话回访,方案已发,#REF!\r\n";

        var results = Tables.ReadCsv(csv, ByColumn);

        var failures = results.Where(r => !r.IsRecord).ToList();
        Assert.Equal([(3L, "华远", "跟进内容"), (6L, "华远", "下次联系时间")], failures.Select(f => (f.Row, f.GroupKey, f.Column)));
        var huayuan = results.Single(r => r.Record?.Id == "华远");
        Assert.Equal("华远", huayuan.GroupKey);
        Assert.Equal([2L, 4L], huayuan.Rows);
        Assert.Equal([3L, 6L], huayuan.UnreadableRows);
        Assert.Equal("row 2 (+1 grouped): record 华远, incomplete without unreadable rows 3, 6", huayuan.ToString());
        var lanhai = results.Single(r => r.Record?.Id == "蓝海");
        Assert.Equal([5L], lanhai.Rows);
        Assert.Empty(lanhai.UnreadableRows);
        // Still one result per row: the unreadable rows are in their own results, not in the record's Rows.
        Assert.Equal(5, results.Sum(r => r.Rows.Count));
    }

    [Fact]
    public void Read_UnreadableRowBeforeItsGroupsFirstRow_MatchesItIgnoringCaseAndSpaces_ByGroupField()
    {
        var map = ColumnMap.Parse("""
            {"groupBy": "customer.company", "columns": {
              "Company": "customer.company", "Account": "customer.company", "Summary": "communications[0].summary", "Stage": "progress.stage"}}
            """);
        // Row 2 has an unquoted comma after the company; row 3 names the same company in other case, in the alias column.
        var csv = "Company,Account,Summary,Stage\r\n" +
                  " ACME Ltd ,,Called, then emailed,Proposal Sent\r\n" +
                  ",acme ltd,Visited,Negotiation\r\n";

        var results = Tables.ReadCsv(csv, map);

        var failure = results[0];
        Assert.Equal((2L, "ACME Ltd", "E"), (failure.Row, failure.GroupKey, failure.Column));
        var record = results[1];
        Assert.Equal("acme ltd", record.GroupKey);
        Assert.Equal([3L], record.Rows);
        Assert.Equal([2L], record.UnreadableRows);
    }

    [Fact]
    public void Read_UnreadableGroupCell_GivesNoKeyAndMarksNoRecord()
    {
        // Row 3: #REF! in the group cell itself. Row 4: a quote that opens before the group column and never closes.
        var csv = "跟进内容,关联客户,跟进阶段\r\n" +
                  "第一次电话,宏图,需求确认\r\n" +
                  "第二次电话,#REF!,需求确认\r\n" +
                  "\"第三次,宏图,方案已发\r\n";

        var results = Tables.ReadCsv(csv, ByColumn);

        Assert.Equal(
            [(3L, (string?)null, "关联客户"), (4L, null, "跟进内容")],
            results.Where(r => !r.IsRecord).Select(r => (r.Row, r.GroupKey, r.Column)));
        Assert.Contains("#REF!", results.Single(r => r.Row == 3).Error, StringComparison.Ordinal);
        var record = results.Single(r => r.IsRecord);
        Assert.Equal("宏图", record.GroupKey);
        Assert.Empty(record.UnreadableRows);
    }

    [Fact]
    public void Read_UnclosedQuote_ItsRowAndEveryRowItSwallowedAreNotedInTheirGroups()
    {
        var csv = "关联客户,跟进时间,跟进内容\r\n" +
                  "宏图,2026-11-10,电话\r\n" +
                  "佳禾,2026-10-28,介绍考勤系统\r\n" +
                  "\"瑞丰, 医疗\",2026-11-19,面谈\r\n" +
                  "蓝海,2026-11-05,客户说要 27\" 的显示器\r\n" +
                  "佳禾,2026-11-06,电话未接通\r\n" +
                  "\r\n" +
                  "\"瑞丰, 医疗\",2026-11-24,拜访\r\n" +
                  "新源,2026-11-14,会议\r\n";

        var results = Tables.ReadCsv(csv, ByColumn);

        var failure = results[0];
        Assert.False(failure.IsRecord);
        Assert.Equal([5L, 6L, 8L, 9L], failure.Rows);
        Assert.Equal(("蓝海", "跟进内容"), (failure.GroupKey, failure.Column));
        Assert.Equal(
            [("宏图", [2L], []), ("佳禾", [3L], [6L]), ("瑞丰, 医疗", [4L], [8L])],
            results.Skip(1).Select(r => (r.GroupKey!, (long[])[.. r.Rows], (long[])[.. r.UnreadableRows])));
        // 蓝海 and 新源 have no readable row, so no record; every row that is not blank is in one result.
        Assert.Equal(7, results.Sum(r => r.Rows.Count));
    }

    [Fact]
    public void Read_Ungrouped_NoResultHasAGroupKeyOrUnreadableRows()
    {
        var map = ColumnMap.Parse("""{"columns": {"关联客户": "customer.company", "跟进内容": "communications[0].summary"}}""");

        var results = Tables.ReadCsv("关联客户,跟进内容\r\n宏图,电话\r\n宏图\r\n", map);

        Assert.Equal([true, false], results.Select(r => r.IsRecord));
        Assert.All(results, r => Assert.Null(r.GroupKey));
        Assert.All(results, r => Assert.Empty(r.UnreadableRows));
    }

    [Fact]
    public void Read_XlsxGroupedSheet_SpreadsheetErrorRowIsNotedOnItsGroupsRecord()
    {
        using var workbook = Tables.Xlsx(("跟进记录",
        [
            ["关联客户", "跟进时间", "跟进内容", "下次联系时间"],
            ["瑞丰", "2026-11-19 14:00", "面谈 45 分钟", "2026-12-03"],
            [null, null, null, null],
            ["瑞丰", "2026-11-24 09:00", "技术交流", "#REF!"],
        ]));
        using var reader = FollowUpTableReader.OpenStream(workbook, TableFormat.Xlsx, ByColumn);

        var results = reader.ReadRecords().ToList();

        Assert.Equal((4L, "瑞丰"), (results[0].Row, results[0].GroupKey));
        Assert.Equal([2L], results[1].Rows);
        Assert.Equal([4L], results[1].UnreadableRows);
    }

    [Fact]
    public void Read_GroupKeysDifferingInWidthCaseOrSpaces_MakeOneRecordKeyedAsItsFirstRow()
    {
        // One customer typed with a Chinese IME's full-width letters, in lower case, and with a trailing space.
        var csv = "关联客户,跟进时间,跟进内容\r\n" +
                  "ABC科技,2026-11-20 15:00,电话沟通\r\n" +
                  "ＡＢＣ科技,2026-11-21 15:00,微信确认数量\r\n" +
                  "ABC科技 ,2026-11-22 15:00,上门拜访\r\n" +
                  "abc科技,2026-11-23 15:00,电话确认合同条款\r\n" +
                  "Ａｃｍｅ　Ｌｔｄ,2026-11-23 16:00,邮件\r\n" +
                  "acme  ltd,2026-11-24 16:00,电话\r\n";

        var results = Tables.ReadCsv(csv, ByColumn);

        Assert.Equal([("ABC科技", [2L, 3L, 4L, 5L]), ("Ａｃｍｅ　Ｌｔｄ", [6L, 7L])], results.Select(r => (r.GroupKey!, (long[])[.. r.Rows])));
        Assert.Equal("ABC科技", results[0].Record!.Id);
    }

    /// <summary>
    /// Traditional characters are not folded: 乾 and 干, 於 and 于 are different characters in Simplified too, so folding them
    /// joined two companies' rows into one record; 宏圖 beside 宏图 is two records, and no customer is lost.
    /// </summary>
    [Fact]
    public void Read_GroupKeysThatDifferByTraditionalCharacters_StayApart()
    {
        var csv = "关联客户,跟进时间,跟进内容\r\n" +
                  "乾坤建材,2026-11-20 15:00,电话沟通\r\n" +
                  "干坤建材,2026-11-21 15:00,电话沟通\r\n" +
                  "宏图建筑设计院,2026-11-20 15:00,电话沟通\r\n" +
                  "宏圖建築設計院,2026-11-21 15:00,電話溝通\r\n";

        var results = Tables.ReadCsv(csv, ByColumn);

        Assert.Equal(["乾坤建材", "干坤建材", "宏图建筑设计院", "宏圖建築設計院"], results.Select(r => r.GroupKey!));
        Assert.All(results, r => Assert.Single(r.Rows));
    }

    [Fact]
    public void Read_UnreadableRowWithAFullWidthKey_IsListedOnItsCustomersRecord()
    {
        var csv = "关联客户,跟进时间,跟进内容\r\n" +
                  "ABC科技,2026-11-20 15:00,电话沟通\r\n" +
                  "ＡＢＣ科技,2026-11-21 15:00\r\n";

        var results = Tables.ReadCsv(csv, ByColumn);

        Assert.Equal(("ＡＢＣ科技", 3L), (results[0].GroupKey, results[0].Row));
        Assert.Equal([3L], results[1].UnreadableRows);
    }

    [Fact]
    public void Read_RowsOfOneCompanyWithDifferentCustomerIds_MakeOneRecordPerIdEachWarned()
    {
        // The reviewer's export: C-001 and C-002 at one company name were one record keeping C-002, and C-001 vanished.
        var csv = "客户编号,关联客户,跟进时间,跟进内容,跟进阶段\r\n" +
                  "C-001,宏图建筑设计院,2026-11-20 15:00,电话沟通 30 分钟,需求确认\r\n" +
                  "C-002,宏图建筑设计院,2026-11-22 10:00,微信确认数量 200 套,方案已发\r\n" +
                  "C-001,蓝海物流,2026-11-21 09:00,客户说太贵了,商务谈判\r\n";

        var results = Tables.ReadCsv(csv, ColumnMap.GetBuiltIn("followup-zh"));

        Assert.Equal(
            [("C-001", "宏图建筑设计院", [2L]), ("C-002", "宏图建筑设计院", [3L]), ("C-001", "蓝海物流", [4L])],
            results.Select(r => (r.Record!.Id!, r.GroupKey!, (long[])[.. r.Rows])));
        Assert.Equal(DealStage.NeedsConfirmed, results[0].Record!.Progress!.Stage.Value);
        const string split = "the rows of '宏图建筑设计院' hold 2 different ids, so each id makes its own record: 'C-001' (row 2), 'C-002' (row 3). Check whether they are one customer.";
        Assert.Equal([(ImportWarningCodes.GroupSplitById, split)], results[0].Warnings.Select(w => (w.Code, w.Message)));
        Assert.Equal(results[0].Warnings.Single().Message, results[1].Warnings.Single().Message);
        var repeat = Assert.Single(results[2].Warnings);
        Assert.Equal(
            (ImportWarningCodes.IdRepeated, "the id 'C-001' is also the id of the record of row 2, earlier in the table: a system that loads records by id keeps one of them."),
            (repeat.Code, repeat.Message));
        Assert.Equal("row 4: record C-001; IdRepeated", results[2].ToString());
    }

    [Fact]
    public void Read_GroupWithOneIdAndRowsWithoutOne_IsOneRecordWithThatIdAndNoWarning()
    {
        var csv = "客户编号,关联客户,跟进时间,跟进内容\r\n" +
                  ",宏图,2026-11-20 15:00,电话\r\n" +
                  "C-001,宏图,2026-11-21 15:00,拜访\r\n" +
                  ",宏图,2026-11-22 15:00,邮件\r\n";

        var record = Assert.Single(Tables.ReadCsv(csv, ColumnMap.GetBuiltIn("followup-zh")));

        Assert.Equal(("C-001", 3), (record.Record!.Id, record.Rows.Count));
        Assert.Empty(record.Warnings);
    }

    [Fact]
    public void Read_SplitGroupWithRowsWithoutAnId_TheyMakeOneMoreRecordNamedByTheCompany()
    {
        var csv = "客户编号,关联客户,跟进时间,跟进内容\r\n" +
                  "C-001,宏图,2026-11-20 15:00,电话\r\n" +
                  ",宏图,2026-11-21 15:00,拜访\r\n" +
                  "C-002,宏图,2026-11-22 15:00,邮件\r\n" +
                  ",宏图,2026-11-23 15:00,会议\r\n" +
                  "C-001,宏图,2026-11-24 15:00,电话\r\n";

        var results = Tables.ReadCsv(csv, ColumnMap.GetBuiltIn("followup-zh"));

        Assert.Equal([("C-001", [2L, 6L]), ("宏图", [3L, 5L]), ("C-002", [4L])], results.Select(r => (r.Record!.Id!, (long[])[.. r.Rows])));
        Assert.All(results, r => Assert.Equal(
            "the rows of '宏图' hold 2 different ids, so each id makes its own record: 'C-001' (rows 2, 6), 'C-002' (row 4); the rows without an id (rows 3, 5) make one more record, with the id '宏图'. Check whether they are one customer.",
            Assert.Single(r.Warnings).Message));
    }

    [Fact]
    public void Read_UnreadableRowsOfASplitGroup_AreListedOnTheRecordOfTheirIdOrOnEveryRecordWhenItIsNotKnown()
    {
        // Row 4 is C-002's (cut short); row 5 has no id; row 6 is C-003's, which has no readable row; row 7's quote never
        // closes, so its id is not known (the quote opens before it), but its swallowed row 8 keeps its own id, C-001.
        var csv = "关联客户,跟进内容,客户编号,跟进时间\r\n" +
                  "宏图,电话,C-001,2026-11-20 15:00\r\n" +
                  "宏图,拜访,C-002,2026-11-21 15:00\r\n" +
                  "宏图,邮件,C-002\r\n" +
                  "宏图,#REF!,,2026-11-22 15:00\r\n" +
                  "宏图,#REF!,C-003,2026-11-23 15:00\r\n" +
                  "宏图,\"会议,C-002,2026-11-24 15:00\r\n" +
                  "宏图,电话,C-001,2026-11-25 15:00\r\n";

        var results = Tables.ReadCsv(csv, ColumnMap.GetBuiltIn("followup-zh"));

        var records = results.Where(r => r.IsRecord).ToList();
        Assert.Equal([("C-001", [5L, 7L, 8L]), ("C-002", [4L, 5L, 7L])], records.Select(r => (r.Record!.Id!, (long[])[.. r.UnreadableRows])));
        Assert.Equal([4L, 5L, 6L, 7L, 8L], results.Where(r => !r.IsRecord).SelectMany(r => r.Rows).Order());
    }

    [Fact]
    public void Read_UnreadableRowWithAnotherIdThanItsGroupsOnlyOne_IsListedOnNoRecord()
    {
        var csv = "客户编号,关联客户,跟进时间,跟进内容\r\n" +
                  "C-001,宏图,2026-11-20 15:00,电话\r\n" +
                  "C-002,宏图,2026-11-21 15:00,#REF!\r\n" +
                  ",宏图,2026-11-22 15:00,#N/A\r\n";

        var record = Tables.ReadCsv(csv, ColumnMap.GetBuiltIn("followup-zh")).Single(r => r.IsRecord);

        // Row 3 is C-002's, a customer with no readable row; row 4, with no id, is the group's only customer's.
        Assert.Equal([4L], record.UnreadableRows);
        Assert.Empty(record.Warnings);
    }

    [Fact]
    public void Read_GroupedWithoutAnIdColumn_HasNoWarnings()
    {
        Assert.All(Tables.ReadCsv(Rows, ByColumn), r => Assert.Empty(r.Warnings));
    }

    [Fact]
    public void Open_GroupColumnMissingFromTheHeader_Fails()
    {
        var error = Assert.Throws<FormatException>(() =>
            FollowUpTableReader.OpenStream(Tables.Csv("跟进内容\r\n沟通\r\n"), TableFormat.Csv, ByColumn));

        Assert.Contains("groups rows by the column '关联客户', which the header lacks", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Open_GroupFieldWithNoColumn_Fails()
    {
        var map = ColumnMap.Parse("""{"groupBy": "customer.company", "columns": {"跟进内容": "communications[0].summary"}}""");

        var error = Assert.Throws<FormatException>(() =>
            FollowUpTableReader.OpenStream(Tables.Csv("跟进内容\r\n沟通\r\n"), TableFormat.Csv, map));

        Assert.Contains("groups rows by customer.company, but no column of the header fills it", error.Message, StringComparison.Ordinal);
    }
}
