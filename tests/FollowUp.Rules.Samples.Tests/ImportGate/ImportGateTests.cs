extern alias ImportGate;

using System.Text.Json;
using FollowUp.Rules.Import;
using FollowUp.Rules.Profiles;
using ImportGate::FollowUp.Rules.Samples.ImportGate;
using MiniExcelLibs;

namespace FollowUp.Rules.Samples.Tests.ImportGate;

/// <summary>
/// The ImportGate sample end to end: a CRM export in, SQLite rows out, through the Import reader, the evaluator and the
/// gate rule. The invariants: accepted + quarantined = rows read, and a second run of the same file adds nothing.
/// </summary>
public sealed class ImportGateTests : IDisposable
{
    /// <summary>The header of samples/data/crm-export.csv, read with the bundled map followup-zh.</summary>
    private const string Header =
        "跟进时间,关联客户,业务场景,客户级别,客户来源,所属行业,公司规模,联系人,联系人职务,决策角色,手机,微信,跟进方式,跟进内容,客户反馈,客户异议," +
        "跟进人,跟进阶段,下次跟进内容,下次跟进时间,客户需求,预算,需求数量,痛点,附件名称,附件类型,风险描述,应对措施,订单状态,创建时间";

    /// <summary>Two follow-ups of one ToC customer from the sample export: one record, with no Error finding.</summary>
    private static readonly string[] CompleteCustomerRows =
    [
        "2026-11-24 19:30,陈女士（个人）,ToC,B,抖音,,,陈女士,,,,chen_home,微信,客户对 89 平米全屋装修套餐很感兴趣，询问 12 月能否开工，预算 15 万以内," +
            "满意,,孙丽,需求确认,11 月 28 日上门量房并出报价,2026-11-28 10:00,89 平米两居室全屋装修,15万,,,,,,,,2026-11-24 20:00",
        "2026-11-25 20:10,陈女士（个人）,ToC,B,抖音,,,陈女士,,,,chen_home,微信,客户确认 11 月 28 日上午 10 点量房，发送了设计案例 3 套," +
            "满意,,孙丽,需求确认,上门量房并出初步报价,2026-11-28 10:00,,,,,,,,,,2026-11-25 20:15",
    ];

    /// <summary>An unquoted comma in 跟进内容 ("价格偏高,还要"): 31 cells under a 30-column header.</summary>
    private const string UnquotedCommaRow =
        "2026-11-23 10:00,蓝海物流,ToB,B,展会,物流,100-500人,赵强,IT 主管,使用者,13900000002,,电话,客户说价格偏高,还要和别家比较,待定,,王芳," +
        "初步沟通,发送报价对比,2026-11-30,,,,,,,,,,2026-11-23 10:10";

    /// <summary>A readable row whose 下次跟进时间 is no date: the record is built, and the evaluation reports InvalidDate.</summary>
    private const string InvalidDateRow =
        "2026-11-19 14:00,瑞丰医疗器械,ToB,A,招投标,医疗器械,500-1000人,黄主任,设备科主任,决策人,13300000006,,面谈," +
        "与黄主任面谈 45 分钟，确认采购 20 台监护仪，预算 80 万，要求 12 月 10 日前完成投标文件,满意,,钱伟,方案已发," +
        "12 月 3 日前提交投标文件初稿给黄主任预审,2026-13-45,采购 20 台病人监护仪,80万,20 台,现有设备老化、报修多,监护仪技术方案.pdf,方案,,,,2026-11-19 16:00";

    /// <summary>The rows of <see cref="CompleteCustomerRows"/> under another customer's name: another record with no Error finding.</summary>
    private static readonly string[] OtherCustomerRows =
        [.. CompleteCustomerRows.Select(row => row.Replace("陈女士（个人）", "王先生（个人）", StringComparison.Ordinal))];

    private static readonly ColumnMap ChineseCrm = ColumnMap.GetBuiltIn("followup-zh");

    private readonly GateWorkspace _workspace = new();

    private static string SampleExport => GateWorkspace.RepositoryFile("samples", "data", "crm-export.csv");

    public void Dispose() => _workspace.Dispose();

    /// <summary>The program itself: a missing or unsupported export is a usage error (exit 2), not an unhandled exception.</summary>
    [Theory]
    [InlineData("no-such-export.csv")]
    [InlineData("no-such-export.txt")]
    public void Program_ExportThatIsNotThereOrNotATable_ExitsWithAUsageError(string name)
    {
        var entryPoint = typeof(ImportJob).Assembly.EntryPoint!;

        var exitCode = entryPoint.Invoke(null, [new[] { Path.Combine(Path.GetTempPath(), name) }]);

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public void Run_SampleExport_AcceptedPlusQuarantinedEqualsRowsRead()
    {
        var summary = _workspace.Run(SampleExport, ChineseCrm);

        // 22 data rows, one of them blank (row 18): the reader skips it and keeps the numbering.
        Assert.Equal(21, summary.RowsRead);
        Assert.Equal(summary.RowsRead, summary.Accepted + summary.Quarantined);
        Assert.True(summary.Accepted > 0, "the sample export has records with no Error finding");
        Assert.True(summary.Quarantined > 0, "the sample export has unreadable rows and records with Error findings");
        Assert.Equal(summary.RowsRead, summary.Added);
        Assert.Equal(0, summary.AlreadyImported);

        var counts = _workspace.Counts();
        Assert.Equal(summary.Accepted, counts.AcceptedRows);
        Assert.Equal(summary.Quarantined, counts.QuarantinedRows);
        Assert.Equal(summary.Records + summary.UnreadableRows, counts.Accepted + counts.Quarantined);
        Assert.Equal(1, counts.Imports);
    }

    [Fact]
    public void Run_SampleExport_StoresEverySourceRowExactlyOnce()
    {
        _workspace.Run(SampleExport, ChineseCrm);

        var rows = _workspace.Query("SELECT source_rows FROM accepted UNION ALL SELECT source_rows FROM quarantined")
            .SelectMany(row => ((string)row["source_rows"]!).Split(',').Select(long.Parse))
            .Order()
            .ToList();
        long[] expected = [.. Enumerable.Range(2, 22).Select(row => (long)row).Where(row => row != 18)];
        Assert.Equal(expected, rows);
    }

    [Fact]
    public void Run_SampleExportTwice_SecondRunAddsNothingAndReportsEveryRowAsAlreadyImported()
    {
        var first = _workspace.Run(SampleExport, ChineseCrm);
        var before = _workspace.Counts();

        var second = _workspace.Run(SampleExport, ChineseCrm);

        Assert.Equal(first.RowsRead, second.RowsRead);
        Assert.Equal(first.Accepted, second.Accepted);
        Assert.Equal(first.Quarantined, second.Quarantined);
        Assert.Equal(0, second.Added);
        Assert.Equal(second.RowsRead, second.AlreadyImported);
        Assert.Equal(before, _workspace.Counts());
        Assert.Equal(2, _workspace.Scalar("SELECT runs FROM imports"));
        Assert.Equal(first.FileSha256, second.FileSha256);
    }

    [Fact]
    public void Run_SameFileAfterTheRulesChanged_KeepsTheFirstVerdictAndAddsNothing()
    {
        var first = _workspace.Run(SampleExport, ChineseCrm);
        var before = _workspace.Counts();

        // A stricter ToB profile: an email is now required, which the sample's ToB records lack, so some verdicts flip.
        var second = _workspace.Run(SampleExport, ChineseCrm, rules: options =>
        {
            var toB = new ProfileOptions();
            toB.RequiredFields.Add("customer.email");
            options.Profiles["ToB"] = toB;
        });

        Assert.True(second.Accepted < first.Accepted, "the stricter rules quarantine a record the first run accepted");
        Assert.Equal(0, second.Added);
        Assert.Equal(second.RowsRead, second.AlreadyImported);
        Assert.Equal(before, _workspace.Counts());
        Assert.Equal(0, _workspace.Scalar(
            "SELECT COUNT(*) FROM accepted a JOIN quarantined q ON q.file_sha256 = a.file_sha256 AND q.source_rows = a.source_rows"));
    }

    [Fact]
    public void Run_ChangedFile_IsANewImport()
    {
        var original = _workspace.WriteFile("export.csv", string.Join('\n', [Header, .. CompleteCustomerRows]) + "\n");
        _workspace.Run(original, ChineseCrm);

        // The same rows with one more appended: a new file hash, so its rows are new results, and the first import stays.
        var changed = _workspace.WriteFile("export.csv", string.Join('\n', [Header, .. CompleteCustomerRows, InvalidDateRow]) + "\n");
        var summary = _workspace.Run(changed, ChineseCrm);

        Assert.Equal(3, summary.Added);
        Assert.Equal(2, _workspace.Counts().Imports);
    }

    [Fact]
    public void Run_UnquotedComma_QuarantinesThatRowWithItsNumberColumnAndReason_AndReadsTheOthers()
    {
        var path = _workspace.WriteFile("broken.csv", string.Join('\n', [Header, .. CompleteCustomerRows, UnquotedCommaRow, InvalidDateRow]) + "\n");

        var summary = _workspace.Run(path, ChineseCrm);

        Assert.Equal(4, summary.RowsRead);
        Assert.Equal(2, summary.Accepted);
        Assert.Equal(2, summary.Quarantined);
        Assert.Equal(1, summary.UnreadableRows);

        var unreadable = Assert.Single(_workspace.Query("SELECT * FROM quarantined WHERE reason = 'unreadable'"));
        Assert.Equal("4", unreadable["source_rows"]);
        Assert.Equal(4L, unreadable["first_row"]);
        Assert.Equal("AE", unreadable["source_column"]);
        Assert.Contains("31 cells", (string)unreadable["message"]!, StringComparison.Ordinal);
        Assert.Null(unreadable["record_json"]);
        Assert.Equal("[]", unreadable["warnings_json"]);
        using var findings = JsonDocument.Parse((string)unreadable["findings_json"]!);
        var finding = Assert.Single(findings.RootElement.EnumerateArray());
        Assert.Equal(FollowUpImportGate.UnreadableRowCode, finding.GetProperty("code").GetString());
        Assert.Equal("Error", finding.GetProperty("severity").GetString());
        Assert.Equal("AE", finding.GetProperty("column").GetString());

        var accepted = Assert.Single(_workspace.Query("SELECT * FROM accepted"));
        Assert.Equal("2,3", accepted["source_rows"]);
        Assert.Equal("陈女士（个人）", accepted["record_id"]);
    }

    [Fact]
    public void Run_SampleExport_QuarantinesEveryCustomerWithAnUnreadableRowAsIncomplete()
    {
        var summary = _workspace.Run(SampleExport, ChineseCrm);

        // 华远制造 (rows 10 and 12) lacks row 11, which is cut short: it is not accepted on the two rows that could be read.
        Assert.Equal(3, summary.IncompleteRecords);
        Assert.Empty(_workspace.Query("SELECT * FROM accepted WHERE record_id = '华远制造'"));
        var incomplete = _workspace.Query("SELECT * FROM quarantined WHERE reason = 'incomplete' ORDER BY first_row");
        Assert.Equal(["5,6", "10,12", "20"], incomplete.Select(r => r["source_rows"]));
        Assert.Equal(["蓝海物流", "华远制造", "启明教育"], incomplete.Select(r => r["record_id"]));
        var huayuan = incomplete[1];
        Assert.Equal(
            "row 11 of this customer could not be read, so the record is incomplete without it: fix the row and import the corrected file",
            huayuan["message"]);
        Assert.NotNull(huayuan["record_json"]);
        using (var findings = JsonDocument.Parse((string)huayuan["findings_json"]!))
        {
            var first = findings.RootElement[0];
            Assert.Equal(FollowUpImportGate.IncompleteRecordCode, first.GetProperty("code").GetString());
            Assert.Equal("Error", first.GetProperty("severity").GetString());
            Assert.Equal([11L], first.GetProperty("rows").EnumerateArray().Select(r => r.GetInt64()));
        }

        // A record that also has Error findings names both.
        Assert.StartsWith("row 7 of this customer could not be read", (string)incomplete[0]["message"]!, StringComparison.Ordinal);
        Assert.Contains("; also 4 errors: needs.summary", (string)incomplete[0]["message"]!, StringComparison.Ordinal);

        // The unreadable row itself stays quarantined on its own, naming its customer.
        var row11 = Assert.Single(_workspace.Query("SELECT * FROM quarantined WHERE source_rows = '11'"));
        Assert.Equal("unreadable", row11["reason"]);
        using var rowFindings = JsonDocument.Parse((string)row11["findings_json"]!);
        Assert.Equal("华远制造", rowFindings.RootElement[0].GetProperty("groupKey").GetString());
        Assert.Equal(summary.RowsRead, summary.Accepted + summary.Quarantined);
        Assert.Equal(7, summary.Accepted);
    }

    [Fact]
    public void Run_CustomerWithOneRowCutShort_IsQuarantinedAsIncomplete_NotAcceptedOnItsOtherRows()
    {
        var cutShort = string.Join(',', CompleteCustomerRows[1].Split(',').Take(6));
        var path = _workspace.WriteFile("export.csv", string.Join('\n', [Header, CompleteCustomerRows[0], cutShort, CompleteCustomerRows[1]]) + "\n");

        var summary = _workspace.Run(path, ChineseCrm);

        Assert.Equal((3L, 0L, 3L), (summary.RowsRead, summary.Accepted, summary.Quarantined));
        Assert.Equal((1, 1, 1), (summary.Records, summary.IncompleteRecords, summary.UnreadableRows));
        var record = Assert.Single(_workspace.Query("SELECT * FROM quarantined WHERE reason = 'incomplete'"));
        Assert.Equal("2,4", record["source_rows"]);
        Assert.Equal("陈女士（个人）", record["record_id"]);
        Assert.Contains("row 3 of this customer could not be read", (string)record["message"]!, StringComparison.Ordinal);
        Assert.Contains("(1 incomplete)", summary.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Run_UnclosedQuote_CoversEveryRowItSwallowed_AndQuarantinesTheCustomersOfThoseRows()
    {
        // Row 3 (瑞丰医疗器械) has a stray quote in its 下次跟进时间 cell; it runs to the end of the file and takes row 4, the
        // second follow-up of 陈女士（个人）, whose first row (row 2) is readable.
        var strayQuote = InvalidDateRow.Replace("2026-13-45", "12\" 前", StringComparison.Ordinal);
        var path = _workspace.WriteFile("export.csv", string.Join('\n', [Header, CompleteCustomerRows[0], strayQuote, CompleteCustomerRows[1]]) + "\n");

        var summary = _workspace.Run(path, ChineseCrm);

        Assert.Equal((3L, 0L, 3L), (summary.RowsRead, summary.Accepted, summary.Quarantined));
        var unreadable = Assert.Single(_workspace.Query("SELECT * FROM quarantined WHERE reason = 'unreadable'"));
        Assert.Equal("3,4", unreadable["source_rows"]);
        Assert.Equal(2L, unreadable["row_count"]);
        Assert.Equal("下次跟进时间", unreadable["source_column"]);
        Assert.Contains("runs from row 3 to line 4, the end of the file", (string)unreadable["message"]!, StringComparison.Ordinal);
        var record = Assert.Single(_workspace.Query("SELECT * FROM quarantined WHERE reason = 'incomplete'"));
        Assert.Equal("2", record["source_rows"]);
        Assert.Contains("row 4 of this customer could not be read", (string)record["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Run_DatabaseMadeBeforeIncompleteWasAReason_IsRebuiltKeepingItsRows()
    {
        // The quarantined table as the sample first made it, whose check refuses 'incomplete', with one earlier result.
        _workspace.Execute("""
            CREATE TABLE imports (
                file_sha256 TEXT NOT NULL PRIMARY KEY, file_name TEXT NOT NULL, file_bytes INTEGER NOT NULL, map TEXT,
                first_imported_at TEXT NOT NULL, last_run_at TEXT NOT NULL, runs INTEGER NOT NULL, rows_read INTEGER, completed_at TEXT);
            CREATE TABLE quarantined (
                id INTEGER PRIMARY KEY, file_sha256 TEXT NOT NULL REFERENCES imports (file_sha256), source_rows TEXT NOT NULL,
                first_row INTEGER NOT NULL, row_count INTEGER NOT NULL, record_id TEXT,
                reason TEXT NOT NULL CHECK (reason IN ('unreadable', 'errors')), source_column TEXT, message TEXT NOT NULL,
                findings_json TEXT NOT NULL, record_json TEXT, evaluation_json TEXT, imported_at TEXT NOT NULL,
                UNIQUE (file_sha256, source_rows));
            INSERT INTO imports VALUES ('0ld', 'old.csv', 1, NULL, '2026-11-01', '2026-11-01', 1, 1, '2026-11-01');
            INSERT INTO quarantined (file_sha256, source_rows, first_row, row_count, reason, message, findings_json, imported_at)
            VALUES ('0ld', '2', 2, 1, 'unreadable', 'an older result', '[]', '2026-11-01');
            """);

        var summary = _workspace.Run(SampleExport, ChineseCrm);

        Assert.Equal(3, summary.IncompleteRecords);
        Assert.Equal(3, _workspace.Scalar("SELECT COUNT(*) FROM quarantined WHERE reason = 'incomplete'"));
        Assert.Equal("an older result", Assert.Single(_workspace.Query("SELECT message FROM quarantined WHERE file_sha256 = '0ld'"))["message"]);
        Assert.Equal(0, _workspace.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'quarantined_%'"));
    }

    [Fact]
    public void Run_DatabaseMadeBeforeDuplicatesAndWarnings_IsUpgradedKeepingItsRows()
    {
        // The tables as the gate made them once 'incomplete' was a reason: no warnings_json, no 'duplicate' in the check.
        _workspace.Execute("""
            CREATE TABLE imports (
                file_sha256 TEXT NOT NULL PRIMARY KEY, file_name TEXT NOT NULL, file_bytes INTEGER NOT NULL, map TEXT,
                first_imported_at TEXT NOT NULL, last_run_at TEXT NOT NULL, runs INTEGER NOT NULL, rows_read INTEGER, completed_at TEXT);
            CREATE TABLE accepted (
                id INTEGER PRIMARY KEY, file_sha256 TEXT NOT NULL REFERENCES imports (file_sha256), source_rows TEXT NOT NULL,
                first_row INTEGER NOT NULL, row_count INTEGER NOT NULL, record_id TEXT, grade TEXT NOT NULL, score REAL NOT NULL,
                risk_level TEXT NOT NULL, record_json TEXT NOT NULL, evaluation_json TEXT NOT NULL, imported_at TEXT NOT NULL,
                UNIQUE (file_sha256, source_rows));
            CREATE TABLE quarantined (
                id INTEGER PRIMARY KEY, file_sha256 TEXT NOT NULL REFERENCES imports (file_sha256), source_rows TEXT NOT NULL,
                first_row INTEGER NOT NULL, row_count INTEGER NOT NULL, record_id TEXT,
                reason TEXT NOT NULL CHECK (reason IN ('unreadable', 'errors', 'incomplete')), source_column TEXT, message TEXT NOT NULL,
                findings_json TEXT NOT NULL, record_json TEXT, evaluation_json TEXT, imported_at TEXT NOT NULL,
                UNIQUE (file_sha256, source_rows));
            INSERT INTO imports VALUES ('0ld', 'old.csv', 1, NULL, '2026-11-01', '2026-11-01', 1, 2, '2026-11-01');
            INSERT INTO accepted (file_sha256, source_rows, first_row, row_count, record_id, grade, score, risk_level, record_json, evaluation_json, imported_at)
            VALUES ('0ld', '2', 2, 1, 'OLD-1', 'A', 90, 'Low', '{}', '{}', '2026-11-01');
            INSERT INTO quarantined (file_sha256, source_rows, first_row, row_count, record_id, reason, message, findings_json, imported_at)
            VALUES ('0ld', '3', 3, 1, 'OLD-2', 'incomplete', 'an older result', '[]', '2026-11-01');
            """);
        var path = _workspace.WriteFile("export.csv", WithIds(
            ("C-001", CompleteCustomerRows[0]), ("C-001", CompleteCustomerRows[1]), ("C-001", OtherCustomerRows[0]), ("C-001", OtherCustomerRows[1])));

        var summary = _workspace.Run(path, ChineseCrm);

        Assert.Equal((2L, 2L, 1), (summary.Accepted, summary.Quarantined, summary.DuplicateRecords));
        Assert.Equal("4,5", Assert.Single(_workspace.Query("SELECT source_rows FROM quarantined WHERE reason = 'duplicate'"))["source_rows"]);
        var older = _workspace.Query(
            "SELECT record_id, warnings_json FROM accepted WHERE file_sha256 = '0ld' UNION ALL " +
            "SELECT record_id || ':' || reason || ':' || message, warnings_json FROM quarantined WHERE file_sha256 = '0ld'");
        Assert.Equal(["OLD-1", "OLD-2:incomplete:an older result"], older.Select(r => r["record_id"]));
        Assert.All(older, row => Assert.Null(row["warnings_json"]));
        Assert.Equal(0, _workspace.Scalar(
            "SELECT (SELECT COUNT(*) FROM accepted WHERE file_sha256 <> '0ld' AND warnings_json IS NULL) + " +
            "(SELECT COUNT(*) FROM quarantined WHERE file_sha256 <> '0ld' AND warnings_json IS NULL)"));
        Assert.Equal(0, _workspace.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'quarantined_%'"));
        Assert.Equal(0, _workspace.Run(path, ChineseCrm).Added);
    }

    [Fact]
    public void Run_RepeatedId_QuarantinesEachLaterRecordAsDuplicateNamingTheFirstRow_AndTheFirstKeepsItsOwnVerdict()
    {
        // 陈女士 (rows 3-4) and 王先生 (rows 5-6) have no Error finding and one id, C-001; 瑞丰 (row 2) has an invalid date and
        // id C-002, which a copy of it under another name (row 7) repeats.
        var path = _workspace.WriteFile("export.csv", WithIds(
            ("C-002", InvalidDateRow), ("C-001", CompleteCustomerRows[0]), ("C-001", CompleteCustomerRows[1]),
            ("C-001", OtherCustomerRows[0]), ("C-001", OtherCustomerRows[1]),
            ("C-002", InvalidDateRow.Replace("瑞丰医疗器械,", "瑞丰医疗器械二部,", StringComparison.Ordinal))));

        var summary = _workspace.Run(path, ChineseCrm);

        Assert.Equal((6L, 2L, 4L, 6L), (summary.RowsRead, summary.Accepted, summary.Quarantined, summary.Added));
        Assert.Equal((4, 0, 2), (summary.Records, summary.IncompleteRecords, summary.DuplicateRecords));
        Assert.Contains("; 4 records (2 duplicates), ", summary.ToString(), StringComparison.Ordinal);
        var first = Assert.Single(_workspace.Query("SELECT * FROM accepted"));
        Assert.Equal(("3,4", "C-001", "[]"), (first["source_rows"], first["record_id"], first["warnings_json"]));
        var quarantined = _workspace.Query("SELECT * FROM quarantined ORDER BY first_row");
        Assert.Equal(
            [("2", "errors"), ("5,6", "duplicate"), ("7", "duplicate")],
            quarantined.Select(r => ((string)r["source_rows"]!, (string)r["reason"]!)));

        var chen = quarantined[1];
        Assert.Equal("C-001", chen["record_id"]);
        Assert.Equal(
            "the record of row 3 has this id too, earlier in the file, so a load keyed by id would keep one of them: give each record its own id and import the corrected file",
            chen["message"]);
        AssertDuplicateFinding(chen, firstRow: 3);
        using (var warnings = JsonDocument.Parse((string)chen["warnings_json"]!))
        {
            // The reader's warning names the same earlier row.
            var warning = Assert.Single(warnings.RootElement.EnumerateArray());
            Assert.Equal(ImportWarningCodes.IdRepeated, warning.GetProperty("code").GetString());
            Assert.Contains("the record of row 3,", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        }

        // A duplicate with Error findings of its own names them after the earlier row, as an incomplete record does.
        AssertDuplicateFinding(quarantined[2], firstRow: 2);
        Assert.StartsWith("the record of row 2 has this id too", (string)quarantined[2]["message"]!, StringComparison.Ordinal);
        Assert.EndsWith($"; also {quarantined[0]["message"]}", (string)quarantined[2]["message"]!, StringComparison.Ordinal);

        // The gate's duplicates are the records the reader warned of.
        Assert.Equal(
            ["5,6", "7"],
            _workspace.Query(
                "SELECT q.source_rows FROM quarantined q, json_each(q.warnings_json) w " +
                "WHERE json_extract(w.value, '$.code') = 'IdRepeated' ORDER BY q.first_row").Select(r => r["source_rows"]));

        var before = _workspace.Counts();
        var second = _workspace.Run(path, ChineseCrm);

        Assert.Equal(summary with { Added = 0, AlreadyImported = 6 }, second);
        Assert.Equal(before, _workspace.Counts());
    }

    [Fact]
    public void Run_RepeatedIdWithTheReadersWarningOff_IsStillQuarantinedAsDuplicate()
    {
        var path = _workspace.WriteFile("export.csv", WithIds(
            ("C-001", CompleteCustomerRows[0]), ("C-001", CompleteCustomerRows[1]), ("C-001", OtherCustomerRows[0]), ("C-001", OtherCustomerRows[1])));

        var summary = _workspace.Run(path, ChineseCrm, readOptions: new TableReadOptions { WarnRepeatedIds = false });

        Assert.Equal((2L, 2L, 1), (summary.Accepted, summary.Quarantined, summary.DuplicateRecords));
        var duplicate = Assert.Single(_workspace.Query("SELECT * FROM quarantined"));
        Assert.Equal(("4,5", "duplicate", "[]"), (duplicate["source_rows"], duplicate["reason"], duplicate["warnings_json"]));
        AssertDuplicateFinding(duplicate, firstRow: 2);
    }

    [Fact]
    public void Run_DuplicateThatIsAlsoIncomplete_IsQuarantinedAsDuplicate_WithBothGateFindings()
    {
        // 王先生 (row 4) repeats the id of 陈女士 (rows 2-3) and lacks row 5, which is cut short.
        var cutShort = string.Join(',', $"C-001,{OtherCustomerRows[1]}".Split(',').Take(6));
        var path = _workspace.WriteFile("export.csv", WithIds(
            ("C-001", CompleteCustomerRows[0]), ("C-001", CompleteCustomerRows[1]), ("C-001", OtherCustomerRows[0])) + cutShort + "\n");

        var summary = _workspace.Run(path, ChineseCrm);

        Assert.Equal((4L, 2L, 2L), (summary.RowsRead, summary.Accepted, summary.Quarantined));
        Assert.Equal((2, 0, 1, 1), (summary.Records, summary.IncompleteRecords, summary.DuplicateRecords, summary.UnreadableRows));
        var record = Assert.Single(_workspace.Query("SELECT * FROM quarantined WHERE record_id IS NOT NULL"));
        Assert.Equal(("4", "duplicate"), (record["source_rows"], record["reason"]));
        Assert.StartsWith("the record of row 2 has this id too", (string)record["message"]!, StringComparison.Ordinal);
        Assert.Contains(
            "import the corrected file; also row 5 of this customer could not be read, so the record is incomplete without it",
            (string)record["message"]!, StringComparison.Ordinal);
        AssertDuplicateFinding(record, firstRow: 2);
        using var findings = JsonDocument.Parse((string)record["findings_json"]!);
        Assert.Equal(FollowUpImportGate.IncompleteRecordCode, findings.RootElement[1].GetProperty("code").GetString());
        Assert.Equal([5L], findings.RootElement[1].GetProperty("rows").EnumerateArray().Select(r => r.GetInt64()));
    }

    [Fact]
    public void Run_CustomerSplitById_StoresBothRecordsWithTheirGroupSplitByIdWarning()
    {
        // One customer's two rows under two ids: the reader makes a record per id, each warned, and neither is a duplicate.
        var path = _workspace.WriteFile("export.csv", WithIds(("C-001", CompleteCustomerRows[0]), ("C-002", CompleteCustomerRows[1])));

        var summary = _workspace.Run(path, ChineseCrm);

        Assert.Equal((2L, 2, 0), (summary.RowsRead, summary.Records, summary.DuplicateRecords));
        Assert.DoesNotContain("duplicate", summary.ToString(), StringComparison.Ordinal);
        var stored = _workspace.Query(
            "SELECT source_rows, record_id, warnings_json FROM accepted UNION ALL " +
            "SELECT source_rows, record_id, warnings_json FROM quarantined ORDER BY source_rows");
        Assert.Equal([("2", "C-001"), ("3", "C-002")], stored.Select(r => ((string)r["source_rows"]!, (string)r["record_id"]!)));
        Assert.All(stored, row =>
        {
            using var warnings = JsonDocument.Parse((string)row["warnings_json"]!);
            var warning = Assert.Single(warnings.RootElement.EnumerateArray());
            Assert.Equal(ImportWarningCodes.GroupSplitById, warning.GetProperty("code").GetString());
            Assert.Contains("'C-001' (row 2), 'C-002' (row 3)", warning.GetProperty("message").GetString(), StringComparison.Ordinal);
        });
    }

    [Fact]
    public void Run_InvalidDate_QuarantinesTheRecordWithTheInvalidDateFindingAndItsJson()
    {
        var path = _workspace.WriteFile("broken.csv", string.Join('\n', [Header, .. CompleteCustomerRows, UnquotedCommaRow, InvalidDateRow]) + "\n");

        _workspace.Run(path, ChineseCrm);

        var quarantined = Assert.Single(_workspace.Query("SELECT * FROM quarantined WHERE reason = 'errors'"));
        Assert.Equal("5", quarantined["source_rows"]);
        Assert.Equal("瑞丰医疗器械", quarantined["record_id"]);
        Assert.Contains("progress.nextActionDue", (string)quarantined["message"]!, StringComparison.Ordinal);
        using var findings = JsonDocument.Parse((string)quarantined["findings_json"]!);
        Assert.Contains(findings.RootElement.EnumerateArray(), finding =>
            finding.GetProperty("code").GetString() == FindingCodes.InvalidDate
            && finding.GetProperty("severity").GetString() == "Error"
            && finding.GetProperty("field").GetString() == "progress.nextActionDue");
        using var evaluation = JsonDocument.Parse((string)quarantined["evaluation_json"]!);
        Assert.Equal("瑞丰医疗器械", evaluation.RootElement.GetProperty("id").GetString());
        Assert.Equal(GateWorkspace.Now, evaluation.RootElement.GetProperty("evaluatedAt").GetDateTimeOffset());
        using var record = JsonDocument.Parse((string)quarantined["record_json"]!);
        Assert.Equal("瑞丰医疗器械", record.RootElement.GetProperty("customer").GetProperty("company").GetString());
    }

    [Fact]
    public void Run_Xlsx_IsGatedLikeCsv()
    {
        var columns = Header.Split(',');
        var emptyGroupCell = CompleteCustomerRows[0].Replace("陈女士（个人）,ToC", ",ToC", StringComparison.Ordinal);
        var rows = new[] { CompleteCustomerRows[0], CompleteCustomerRows[1], emptyGroupCell }
            .Select(line => columns.Zip(line.Split(',')).ToDictionary(cell => cell.First, cell => (object)cell.Second, StringComparer.Ordinal))
            .ToList();
        var path = Path.Combine(_workspace.Directory, "export.xlsx");
        MiniExcel.SaveAs(path, rows);

        var summary = _workspace.Run(path, ChineseCrm);

        Assert.Equal(3, summary.RowsRead);
        Assert.Equal(2, summary.Accepted);
        Assert.Equal(1, summary.Quarantined);
        var unreadable = Assert.Single(_workspace.Query("SELECT * FROM quarantined"));
        Assert.Equal("4", unreadable["source_rows"]);
        Assert.Equal("关联客户", unreadable["source_column"]);
        Assert.Equal("unreadable", unreadable["reason"]);
    }

    [Fact]
    public void Run_BatchSizeOne_CommitsOneTransactionPerResultAndStoresTheSame()
    {
        using var oneBatch = new GateWorkspace();
        var whole = oneBatch.Run(SampleExport, ChineseCrm);

        var batched = _workspace.Run(SampleExport, ChineseCrm, batchSize: 1);

        Assert.Equal(1, whole.Batches);
        Assert.Equal(batched.Records + batched.UnreadableRows, batched.Batches);
        Assert.Equal(whole with { Batches = 0 }, batched with { Batches = 0 });
        const string Results = "SELECT 'accepted:' || source_rows || ':' || grade AS result FROM accepted " +
            "UNION ALL SELECT 'quarantined:' || source_rows || ':' || message FROM quarantined ORDER BY 1";
        Assert.Equal(oneBatch.Query(Results).Select(r => r["result"]), _workspace.Query(Results).Select(r => r["result"]));
    }

    [Fact]
    public void Run_HeaderTheMapCannotRead_ThrowsBeforeWritingAnything()
    {
        var exception = Assert.Throws<FormatException>(() => _workspace.Run(SampleExport, map: null));

        Assert.Contains("followup-zh", exception.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(_workspace.DatabasePath));
    }

    [Fact]
    public void Run_BatchSizeBelowOne_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => _workspace.Run(SampleExport, ChineseCrm, batchSize: 0));

    /// <summary>An export with the map's id column (客户编号) before the sample's columns, one row per (id, row).</summary>
    private static string WithIds(params (string Id, string Row)[] rows) =>
        string.Join('\n', [$"客户编号,{Header}", .. rows.Select(r => $"{r.Id},{r.Row}")]) + "\n";

    /// <summary>Asserts that a quarantined row's findings start with the gate's DuplicateId finding naming the earlier row.</summary>
    private static void AssertDuplicateFinding(Dictionary<string, object?> quarantined, long firstRow)
    {
        using var findings = JsonDocument.Parse((string)quarantined["findings_json"]!);
        var finding = findings.RootElement[0];
        Assert.Equal(FollowUpImportGate.DuplicateIdCode, finding.GetProperty("code").GetString());
        Assert.Equal("Error", finding.GetProperty("severity").GetString());
        Assert.Equal("id", finding.GetProperty("field").GetString());
        Assert.Equal(firstRow, finding.GetProperty("firstRow").GetInt64());
        Assert.StartsWith(finding.GetProperty("message").GetString()!, (string)quarantined["message"]!, StringComparison.Ordinal);
    }

    [Fact]
    public void Summary_ToString_IsOneLineWithTheFourCounts()
    {
        _workspace.Run(SampleExport, ChineseCrm);
        var line = _workspace.Run(SampleExport, ChineseCrm).ToString();

        Assert.DoesNotContain('\n', line);
        Assert.StartsWith("crm-export.csv: 21 rows read, ", line, StringComparison.Ordinal);
        Assert.Contains(" quarantined, 21 skipped as already imported", line, StringComparison.Ordinal);
    }
}
