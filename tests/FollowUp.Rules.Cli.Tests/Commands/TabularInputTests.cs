using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using FollowUp.Rules.Cli.Tests.Infrastructure;
using FollowUp.Rules.Import;
using MiniExcelLibs;

namespace FollowUp.Rules.Cli.Tests.Commands;

/// <summary>
/// CSV and Excel inputs end to end: <c>--map</c>, <c>--sheet</c>, <c>--encoding</c>, unreadable rows reported with their row
/// and column, and <c>evaluate --format csv|xlsx</c> with formulas neutralised.
/// </summary>
public sealed class TabularInputTests : IDisposable
{
    private const string Formula = "=HYPERLINK(\"http://evil.example/\",\"点我\")";

    private static readonly string SampleExport = Path.Combine(RepositoryRoot(), "samples", "data", "crm-export.csv");
    private static readonly string SampleExportGb18030 = Path.Combine(RepositoryRoot(), "samples", "data", "crm-export.gb18030.csv");

    private static readonly string[] Grades = ["A", "B", "C", "D"];

    private static readonly string[] SampleCustomers =
        ["宏图建筑设计院", "蓝海物流", "陈女士（个人）", "华远制造", "佳禾食品", "优品家居旗舰店", "瑞丰医疗器械", "启明教育", "新源科技"];

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Evaluate_SampleExportWithBundledMap_EvaluatesEveryCustomerAndReportsEachBrokenRow()
    {
        var run = await CliRunner.RunAsync("evaluate", "--map", "followup-zh", "--now", CliRunner.Now, SampleExport);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(SampleCustomers, run.Ids);
        string[] expected =
        [
            $"{SampleExport}:row 7: unreadable record: column 'AE': the row has 31 cells but the header has 30",
            $"{SampleExport}:row 11: unreadable record: column '公司规模': the row has 6 cells but the header has 30",
            $"{SampleExport}:row 15: unreadable record: column '关联客户': the cell that joins rows into one record is empty",
            $"{SampleExport}:row 21: unreadable record: column '下次跟进时间': the cell holds the spreadsheet error #REF!",
        ];
        var unreadable = run.ErrorLines.Where(line => line.Contains(": unreadable record: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(expected.Length, unreadable.Count);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.StartsWith(expected[i], unreadable[i], StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Evaluate_CustomerWithAnUnreadableRow_IsWarnedAboutAsIncomplete()
    {
        var run = await CliRunner.RunAsync("evaluate", "--map", "followup-zh", "--now", CliRunner.Now, SampleExport);

        var warnings = run.ErrorLines.Where(line => line.Contains(": warning: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(3, warnings.Count);
        Assert.Contains(warnings, line => line.Contains("'华远制造'", StringComparison.Ordinal) && line.EndsWith("unreadable row(s) 11 of its group.", StringComparison.Ordinal));
        Assert.Equal(run.ErrorLines.Count, warnings.Count + 4);
    }

    [Fact]
    public async Task Evaluate_Gb18030Export_IsDetectedAndEvaluatesLikeTheUtf8One()
    {
        var utf8 = await CliRunner.RunAsync("evaluate", "--map", "followup-zh", "--now", CliRunner.Now, SampleExport);

        var gb18030 = await CliRunner.RunAsync("evaluate", "--map", "followup-zh", "--now", CliRunner.Now, SampleExportGb18030);

        Assert.Equal(utf8.ExitCode, gb18030.ExitCode);
        Assert.Equal(utf8.Output, gb18030.Output);
        Assert.StartsWith($"{SampleExportGb18030}: note: read as GB18030, guessed from its bytes with confidence: in GB18030, 1,142 of 1,606 characters other than ASCII are common Chinese ones; in Big5, ", gb18030.ErrorLines[0], StringComparison.Ordinal);
        Assert.Equal(
            utf8.ErrorLines.Select(line => line.Replace(SampleExport, "", StringComparison.Ordinal)),
            gb18030.ErrorLines.Skip(1).Select(line => line.Replace(SampleExportGb18030, "", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Evaluate_CsvRowLongerThanTheCsvReaderCanHold_EvaluatesTheRowsBeforeItAndReportsTheRest()
    {
        // A quote that never closes, then more than the 16,777,216 characters Sep holds for one row.
        var csv = _temp.Write("runaway.csv", $"id,customer.company\nT-1,宏图建筑\nT-2,\"{new string('x', 17_000_000)}\nT-4,蓝海物流\n");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, csv);

        Assert.True(run.ExitCode == 3, run.ToString()[..Math.Min(2000, run.ToString().Length)]);
        Assert.Equal(["T-1"], run.Ids);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"{csv}:row 3: unreadable record: the row is longer than", error, StringComparison.Ordinal);
        Assert.Contains("the rest of the file cannot be read", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_EmptyTablesAmongOtherInputs_AreWarnedAboutAndTheOtherInputsAreEvaluated()
    {
        var empty = _temp.Write("empty.csv", "");
        var blank = _temp.File("blank.tsv");
        File.WriteAllBytes(blank, [.. Encoding.UTF8.Preamble, .. "\r\n \r\n"u8]);
        var records = _temp.Write("records.jsonl", SampleData.Record("J-1") + "\n");
        var table = _temp.Write("table.csv", "id,customer.company\nT-1,宏图建筑\n");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, empty, records, blank, table);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["J-1", "T-1"], run.Ids);
        Assert.Equal(
            [$"{empty}: warning: the file is empty, so it holds no rows.", $"{blank}: warning: the file is empty, so it holds no rows."],
            run.ErrorLines);
    }

    /// <summary>A header with no row under it, as a failed export leaves it, is told at the end, as an empty JSON input is.</summary>
    [Fact]
    public async Task Evaluate_TableWithAHeaderAndNoRows_IsWarnedOfAndTheRestIsRead()
    {
        var headerOnly = _temp.Write("header-only.csv", "id,customer.company\r\n");
        var table = _temp.Write("table.csv", "id,customer.company\nT-1,宏图建筑\n");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, headerOnly, table);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["T-1"], run.Ids);
        Assert.Equal([$"{headerOnly}: warning: the table has a header and no rows, so it holds no records."], run.ErrorLines);
    }

    [Fact]
    public async Task Report_DateOrderDayFirst_JoinsACustomersRowsByTheirDayFirstContactTimes()
    {
        // Newest row first, as a Hong Kong export lists them: the latest contact's stage must win, not the last row's.
        var csv = _temp.Write("hk.csv", "关联客户,跟进时间,跟进内容,跟进阶段\n宏图,20/11/2026 15:00,第二次,商务谈判\n宏图,03/11/2026 10:00,第一次,需求确认\n");

        var dayFirst = await CliRunner.RunAsync("report", "--format", "json", "--map", "followup-zh", "--date-order", "DayFirst", "--now", CliRunner.Now, csv);
        var byDefault = await CliRunner.RunAsync("report", "--format", "json", "--map", "followup-zh", "--now", CliRunner.Now, csv);

        Assert.True(dayFirst.ExitCode == 0, dayFirst.ToString());
        Assert.Equal("Negotiation", Stage(dayFirst));
        Assert.Equal("NeedsConfirmed", Stage(byDefault));

        static string? Stage(CliRun run) =>
            System.Text.Json.JsonDocument.Parse(run.Output).RootElement.GetProperty("dealsAtRisk")[0].GetProperty("stage").GetString();
    }

    [Fact]
    public async Task Evaluate_JsonInputDeletedBeforeItsTurn_IsReportedWhereItStandsAndTheRestIsRead()
    {
        // It ended the run with exit 1 and .NET's "Could not find file", and the inputs after it were never read.
        var gone = _temp.Write("gone.jsonl", SampleData.Record("G-1") + "\n");
        var after = _temp.Write("after.jsonl", SampleData.Record("A-1") + "\n");

        Stream DeleteIt()
        {
            File.Delete(gone);
            return new MemoryStream(Encoding.UTF8.GetBytes(SampleData.Record("J-1") + "\n"));
        }

        var run = await CliRunner.RunWithInputAsync(DeleteIt, "evaluate", "--now", CliRunner.Now, "-", gone, after);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["J-1", "A-1"], run.Ids);
        Assert.Equal($"{gone}:line 1: unreadable record: the file was deleted or moved after it was checked, so it cannot be read.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Evaluate_TablesChangedAfterTheirHeadersWereChecked_AreReportedWhereTheyStandAndTheRestIsRead()
    {
        var deleted = _temp.Write("deleted.csv", "id,customer.company\nT-1,宏图建筑\n");
        var emptied = _temp.Write("emptied.csv", "id,customer.company\nT-2,宏图建筑\n");
        var renamed = _temp.Write("renamed.csv", "id,customer.company\nT-3,宏图建筑\n");
        var grown = _temp.Write("grown.csv", "id,customer.company\nT-4,宏图建筑\n");

        // Standard input is opened at its turn, after every header was checked and before the tables after it are read.
        Stream ChangeTheTables()
        {
            File.Delete(deleted);
            File.WriteAllText(emptied, "");
            File.WriteAllText(renamed, "编号,公司\nT-3,宏图建筑\n");
            File.AppendAllText(grown, "T-5,蓝海物流\n");
            return new MemoryStream(Encoding.UTF8.GetBytes(SampleData.Record("J-1") + "\n"));
        }

        var run = await CliRunner.RunWithInputAsync(ChangeTheTables, "evaluate", "--now", CliRunner.Now, "-", deleted, emptied, renamed, grown);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["J-1", "T-4", "T-5"], run.Ids);
        Assert.Equal(3, run.ErrorLines.Count);
        Assert.Equal($"{deleted}:row 1: unreadable record: the file was deleted or moved after its header was checked, so it cannot be read.", run.ErrorLines[0]);
        Assert.Equal($"{emptied}:row 1: unreadable record: the file was emptied after its header was checked, so none of its rows can be read.", run.ErrorLines[1]);
        Assert.StartsWith(
            $"{renamed}:row 1: unreadable record: the file changed after its header was checked, and cannot be read now: no column of the header is in the column map",
            run.ErrorLines[2],
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_CompanyWithTwoCustomerIds_EvaluatesBothWarnsOfTheSplitAndCountsTheRepeatedIdOnce()
    {
        var table = _temp.Write("ids.csv",
            "客户编号,关联客户,跟进时间,跟进内容\n" +
            "C-001,宏图建筑设计院,2026-11-20 15:00,电话沟通 30 分钟\n" +
            "C-002,宏图建筑设计院,2026-11-22 10:00,微信确认数量 200 套\n" +
            "C-001,蓝海物流,2026-11-21 09:00,客户说太贵了\n");

        var run = await CliRunner.RunAsync("evaluate", "--map", "followup-zh", "--now", CliRunner.Now, table);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["C-001", "C-002", "C-001"], run.Ids);
        const string split = "warning: the rows of '宏图建筑设计院' hold 2 different ids, so each id makes its own record: 'C-001' (row 2), 'C-002' (row 3). Check whether they are one customer.";
        Assert.Equal(
            [
                $"{table}:row 2: {split}",
                $"{table}:row 3: {split}",
                $"followup: warning: 1 record(s) repeat the id of an earlier record: 'C-001' at {table}:row 4. Each was evaluated; a system that loads records by id would keep only one of each.",
            ],
            run.ErrorLines);
    }

    [Fact]
    public async Task Evaluate_TableFromAFifo_IsReadOnceAfterTheFilesBeforeIt()
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        var file = _temp.Write("file.csv", "id,customer.company\nT-1,宏图建筑\n");
        var fifo = _temp.File("fifo.csv");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            await mkfifo.WaitForExitAsync();
            Assert.Equal(0, mkfifo.ExitCode);
        }

        // The writer's open waits for the tool's; the FIFO's bytes can be read once only, so the tool must keep it open.
        var writer = Task.Run(() => File.WriteAllText(fifo, "id,customer.company\nT-2,蓝海物流\n"));
        try
        {
            var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, file, fifo, file).WaitAsync(TimeSpan.FromMinutes(1));

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.Equal(["T-1", "T-2", "T-1"], run.Ids);
            Assert.StartsWith($"followup: warning: 1 record(s) repeat the id of an earlier record: 'T-1' at {file}:row 2. ", run.Error, StringComparison.Ordinal);
        }
        finally
        {
            if (!writer.IsCompleted)
            {
                // The tool never opened the FIFO: read it here, so the writer ends.
                using var drain = File.OpenRead(fifo);
                drain.CopyTo(Stream.Null);
            }

            await writer;
        }
    }

    [Fact]
    public async Task Evaluate_ColumnNamedLikeAFieldPathThatIsNone_IsAWarningAndTheRestIsRead()
    {
        var table = _temp.Write("table.csv", "id,customer.compnay,customer.name\nT-1,宏图建筑,张伟\n");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, table);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["T-1"], run.Ids);
        var warning = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"{table}: warning: the column 'customer.compnay' is not read: customer has no field 'compnay'", warning, StringComparison.Ordinal);
    }

    /// <summary>
    /// A CRM admin renamed 拜访内容 to 拜访纪要: every row still reads, so only the header can tell that the summaries are
    /// gone. One warning per input names the missing columns and, as the likely new names, the columns no entry reads; the
    /// rows are all evaluated, so the exit code stays 0.
    /// </summary>
    [Theory]
    [InlineData("evaluate")]
    [InlineData("report")]
    [InlineData("remind")]
    public async Task EveryCommand_HeaderLacksMappedColumns_WarnsOnceNamingThemAndTheUnreadColumns_AndExitsAsBefore(string command)
    {
        var map = _temp.Write("crm.json", """
            {"groupBy": "关联客户", "columns": {"关联客户": "customer.company", "跟进时间": "communications[0].at", "拜访内容": "communications[0].summary", "商机阶段": "progress.stage", "跟进人": "owner"}}
            """);
        var export = _temp.Write("crm.csv", "跟进时间,关联客户,拜访纪要,跟进人,商机状态\n2026-11-20 15:00,宏图,电话沟通,李明,需求确认\n");
        var complete = _temp.Write("complete.csv", "跟进时间,关联客户,拜访内容,跟进人,商机阶段,备注\n2026-11-21 10:00,蓝海,拜访,王芳,方案已发,内部\n");

        var run = await CliRunner.RunAsync(command, "--map", map, "--now", CliRunner.Now, export, complete);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [
                $"{export}: warning: the map's columns '拜访内容', '商机阶段' are not in the header, so the fields they fill are left empty; "
                    + "the header's columns no map entry reads: '拜访纪要', '商机状态'. Give the map the header's names, or list the fields an export may lack under \"optional\".",
                $"{export}: warning: the columns '拜访纪要' (1 row from row 2), '商机状态' (1 row from row 2) hold values no map entry reads, so those values are in no record. "
                    + "To keep a column, add it to the map under the field it holds, or as custom.<name> (\"拜访纪要\": \"custom.拜访纪要\"), which carries it into the record as written.",
                $"{complete}: warning: the column '备注' (1 row from row 2) holds values no map entry reads, so those values are in no record. "
                    + "To keep a column, add it to the map under the field it holds, or as custom.<name> (\"备注\": \"custom.备注\"), which carries it into the record as written.",
            ],
            run.ErrorLines);
    }

    /// <summary>
    /// The bundled map calls the contact and the phone optional, so an export that names them its own way (客戶聯絡窗口,
    /// Primary Mobile) lacks no column, and lost them without a word; so did any column the map does not know (備註,
    /// 项目里程碑). One line per input, once it is read, names every unread column that held values, with the fields it
    /// looks like, and says how to keep it; an input whose unread columns are empty is not named, and the exit code stays 0.
    /// </summary>
    [Theory]
    [InlineData("evaluate")]
    [InlineData("report")]
    [InlineData("remind")]
    public async Task EveryCommand_UnreadColumnsLikeOptionalFields_WarnOncePerInputNamingThem_AndExitsAsBefore(string command)
    {
        var export = _temp.Write("hk.csv", "客戶名稱,客戶聯絡窗口,Primary Mobile,跟進日期,跟進內容,備註\n宏圖,陳生,6123 4567,2026-11-20 15:00,電話報價,內部\n宏圖,陳生,6123 4567,2026-11-21 15:00,再報價,\n");
        var complete = _temp.Write("complete.csv", "客戶名稱,聯絡人,手提電話,跟進日期,跟進內容,備註\n蓝海,王芳,6123 4567,2026-11-21 10:00,拜访,\n");

        var run = await CliRunner.RunAsync(command, "--map", "followup-zh", "--now", CliRunner.Now, export, complete);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            $"{export}: warning: the columns '客戶聯絡窗口' (2 rows from row 2; looks like customer.name, communications[0].contact, which no column fills), "
                + "'Primary Mobile' (2 rows from row 2; looks like customer.phone, which no column fills), '備註' (1 row from row 2) hold values no map entry reads, "
                + "so those values are in no record. To keep a column, add it to the map under the field it holds, or as custom.<name> (\"備註\": \"custom.備註\"), "
                + "which carries it into the record as written.",
            Assert.Single(run.ErrorLines));
    }

    /// <summary>
    /// A 合计 row under a 销售易 export made every weekly run exit 3 as an unreadable record: it is skipped with a warning
    /// naming its row, and the exit code is that of the records. A row with a blank customer is still unreadable.
    /// </summary>
    [Theory]
    [InlineData("evaluate")]
    [InlineData("report")]
    [InlineData("remind")]
    public async Task EveryCommand_SummaryRow_IsSkippedWithAWarningNamingItsRow_AndIsNoUnreadableRow(string command)
    {
        var export = _temp.Write("xsy.csv", "客户编号,客户名称,人员规模,跟进时间,跟进内容\nXSY-1,宏图,50人,2026-11-20 15:00,电话报价\n,,合计,,\nXSY-2,蓝海,80人,2026-11-21 15:00,拜访\n");

        var run = await CliRunner.RunAsync(command, "--map", "followup-zh", "--now", CliRunner.Now, export);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            $"{export}:row 3: warning: skipped: the row is a summary row ('合计' in column '人员规模', its other cells numbers or empty), not a follow-up, so it makes no record.",
            Assert.Single(run.ErrorLines));
    }

    /// <summary>
    /// A 销售易 B2B export read with --profile Project: its 项目里程碑 fills the milestones the profile requires, its
    /// 商机金额 is named as unread, and a merged-cell leftover row is refused saying why it is not joined to the row above,
    /// without the shop map's hint.
    /// </summary>
    [Fact]
    public async Task Evaluate_B2bExportWithMilestonesAnUnreadColumnAndAMergedCellLeftover_ReadsNamesAndRefusesEachAsItIs()
    {
        var export = _temp.Write("xsy.csv",
            "客户编号,客户名称,跟进时间,跟进内容,商机金额,项目里程碑\n"
            + "XSY-1044,深圳市地铁运营集团,2026-11-22 14:00,拜访戴总,480万,12月15日递交标书；12月20日开标\n"
            + ",,2026-11-27 10:00,与聂主任确认排班规则,,\n");

        var run = await CliRunner.RunAsync("evaluate", "--map", "followup-zh", "--profile", "Project", "--now", CliRunner.Now, export);

        Assert.True(run.ExitCode == 3, run.ToString());
        using var evaluation = System.Text.Json.JsonDocument.Parse(Assert.Single(run.OutputLines));
        Assert.Equal("Project", evaluation.RootElement.GetProperty("profile").GetString());
        Assert.DoesNotContain(evaluation.RootElement.GetProperty("deductions").EnumerateArray(), d => d.GetProperty("field").GetString() == "custom.milestones");
        Assert.Equal(2, run.ErrorLines.Count);
        Assert.StartsWith(
            $"{export}:row 3: unreadable record: column '客户名称': the cell that joins rows into one record is empty, so the row belongs to no record. "
                + "It may continue the record of the row above (row 2, '深圳市地铁运营集团')",
            run.ErrorLines[0],
            StringComparison.Ordinal);
        Assert.DoesNotContain("followup-zh-shop", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{export}: warning: the column '商机金额' (1 row from row 2) holds values no map entry reads", run.ErrorLines[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_OneUnreadColumnLikeAnOptionalField_IsToldOfAsOne()
    {
        var export = _temp.Write("hk.csv", "客戶名稱,聯絡人,Primary Mobile,跟進日期,跟進內容\n宏圖,陳生,6123 4567,2026-11-20 15:00,電話報價\n");

        var run = await CliRunner.RunAsync("evaluate", "--map", "followup-zh", "--now", CliRunner.Now, export);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            $"{export}: warning: the column 'Primary Mobile' (1 row from row 2; looks like customer.phone, which no column fills) holds values no map entry reads, "
                + "so those values are in no record. To keep a column, add it to the map under the field it holds, or as custom.<name> "
                + "(\"Primary Mobile\": \"custom.Primary Mobile\"), which carries it into the record as written.",
            Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Evaluate_ManyMissingAndUnreadColumns_AreListedInOneLine_Escaped_AndCut()
    {
        var map = _temp.Write("crm.json", """
            {"columns": {"客户": "customer.company", "A": "customer.industry", "B": "customer.level", "C": "customer.source", "D": "customer.phone", "E": "customer.email", "F": "customer.wechat", "G": "scenario"}}
            """);
        var export = _temp.Write("crm.csv", "客户,\"备\n注\",\u202Eevil\n宏图,x,y\n");

        var run = await CliRunner.RunAsync("evaluate", "--map", map, "--now", CliRunner.Now, export);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(2, run.ErrorLines.Count);
        var warning = run.ErrorLines[0];
        Assert.Contains("the map's columns 'A', 'B', 'C', 'D', 'E' and 2 more are not in the header", warning, StringComparison.Ordinal);
        Assert.Contains("the header's columns no map entry reads: '备\\u000A注', '\\u202Eevil'.", warning, StringComparison.Ordinal);
        Assert.StartsWith($"{export}: warning: the columns '备\\u000A注' (1 row from row 2), '\\u202Eevil' (1 row from row 2) hold values", run.ErrorLines[1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evaluate", "followup-zh")]
    [InlineData("report", "followup-zh")]
    [InlineData("remind", "followup-zh")]
    [InlineData("evaluate", "samples/data/maps/followup-zh.json")]
    public async Task EveryCommand_SampleExportsWithTheirMap_LackNoColumn(string command, string map)
    {
        var mapArgument = map.EndsWith(".json", StringComparison.Ordinal) ? Path.Combine(RepositoryRoot(), map) : map;

        foreach (var export in new[] { SampleExport, SampleExportGb18030 })
        {
            var run = await CliRunner.RunAsync(command, "--map", mapArgument, "--now", CliRunner.Now, export);

            Assert.True(run.ExitCode == 3, run.ToString());
            Assert.DoesNotContain(run.ErrorLines, line => line.Contains("not in the header", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task Evaluate_GbkExportNamedAsUtf8_IsAUsageErrorOnItsHeaderOrReportsItsRows()
    {
        var lines = File.ReadAllLines(SampleExport);
        var gbk = _temp.File("gbk.csv");
        File.WriteAllBytes(gbk, TableEncodings.GB18030.GetBytes(string.Join("\r\n", lines) + "\r\n"));
        var rowsOnly = _temp.File("gbk-rows.csv");
        File.WriteAllBytes(rowsOnly, [.. Encoding.UTF8.GetBytes(lines[0] + "\r\n"), .. TableEncodings.GB18030.GetBytes(string.Join("\r\n", lines[1..]) + "\r\n")]);

        var header = await CliRunner.RunAsync("evaluate", "--map", "followup-zh", "--encoding", "utf-8", "--now", CliRunner.Now, gbk);
        var rows = await CliRunner.RunAsync("evaluate", "--map", "followup-zh", "--encoding", "utf-8", "--now", CliRunner.Now, rowsOnly);

        Assert.True(header.ExitCode == 2, header.ToString());
        Assert.StartsWith(
            $"followup: cannot read input '{gbk}': row 1, column A, the header: the cell holds bytes that are not valid UTF-8",
            Assert.Single(header.ErrorLines),
            StringComparison.Ordinal);
        Assert.True(rows.ExitCode == 3, rows.ToString());
        Assert.Contains($"{rowsOnly}:row 2: unreadable record: column '关联客户': the cell holds bytes that are not valid UTF-8", rows.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", rows.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_TablesWithoutAHeaderRowInAnyForm_AreWarnedAboutAndTheOtherInputsAreEvaluated()
    {
        var utf16 = _temp.File("utf16-bom.csv");
        File.WriteAllBytes(utf16, [0xFF, 0xFE]);
        var utf16Blank = _temp.File("utf16-blank.csv");
        File.WriteAllBytes(utf16Blank, [0xFF, 0xFE, (byte)'\r', 0, (byte)'\n', 0]);
        var workbook = _temp.File("no-rows.xlsx");
        MiniExcel.SaveAs(workbook, new Dictionary<string, object> { ["跟进记录"] = new List<Dictionary<string, object?>>() }, printHeader: false);
        var records = _temp.Write("records.jsonl", SampleData.Record("J-1") + "\n");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, utf16, utf16Blank, workbook, records);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["J-1"], run.Ids);
        Assert.Equal(
            [
                $"{utf16}: warning: the file is empty, so it holds no rows.",
                $"{utf16Blank}: warning: the file is empty, so it holds no rows.",
                $"{workbook}: warning: the worksheet '跟进记录' is empty, so it holds no rows.",
            ],
            run.ErrorLines);
    }

    [Fact]
    public async Task Evaluate_Utf16CsvAndNamedEncoding_SayWhichEncodingOnlyWhenNobodyNamedIt()
    {
        var utf16 = _temp.File("utf16.csv");
        File.WriteAllBytes(utf16, [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes("id,customer.company\r\nT-1,宏图建筑\r\n")]);
        var gbk = _temp.File("gbk.csv");
        File.WriteAllBytes(gbk, TableEncodings.GB18030.GetBytes("id,customer.company\r\nT-2,宏图建筑\r\n"));

        var detected = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, utf16);
        var named = await CliRunner.RunAsync("evaluate", "--encoding", "gbk", "--now", CliRunner.Now, gbk);

        Assert.True(detected.ExitCode == 0, detected.ToString());
        Assert.Equal([$"{utf16}: note: read as utf-16, as its byte order mark says."], detected.ErrorLines);
        Assert.True(named.ExitCode == 0, named.ToString());
        Assert.Equal("", named.Error);
    }

    [Fact]
    public async Task Evaluate_Utf16CsvWithoutByteOrderMark_IsReadAndANoteSaysHowItWasTold()
    {
        var utf16 = _temp.File("bcp.csv");
        File.WriteAllBytes(utf16, Encoding.Unicode.GetBytes("id,customer.company\r\nT-1,宏图建筑\r\n"));

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, utf16);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["T-1"], run.Ids);
        Assert.Equal(
            [$"{utf16}: note: read as utf-16: the file has no byte order mark, but zero bytes in alternate bytes, as UTF-16 text has. If its text reads wrong, name its encoding with --encoding."],
            run.ErrorLines);
    }

    [Fact]
    public async Task Evaluate_Utf8CsvWithANulCellInEachRow_IsReadAsUtf8()
    {
        // A legacy export's empty cell written as NUL; three of them on one side of the byte pairs made it UTF-16 and exit 2.
        var csv = _temp.File("nul-wechat.csv");
        File.WriteAllBytes(csv, Encoding.UTF8.GetBytes(
            "id,customer.company,customer.name,customer.wechat\r\n" +
            "FU-9916,苏州启衡精密机械有限公司,王强,\0\r\nFU-2073,深圳前海物流,张伟,\0\r\nFU-5249,深圳前海物流,李娜,\0\r\n"));

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, csv);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["FU-9916", "FU-2073", "FU-5249"], run.Ids);
        Assert.Equal("", run.Error);
    }

    /// <summary>
    /// A Big5 export (Excel's CSV in Taiwan) with a header of field paths was read as GB18030 and graded as mojibake with
    /// a note only: it is read as Big5, and the note says how sure that is.
    /// </summary>
    [Fact]
    public async Task Evaluate_Big5CsvWithoutEncoding_IsReadAsBig5AndANoteSaysHowSure()
    {
        var csv = _temp.File("tw.csv");
        File.WriteAllBytes(csv, TableEncodings.Big5.GetBytes(
            "id,customer.company,communications[0].summary,communications[0].at\r\n" +
            "TW-1,台灣精密股份有限公司,持續追蹤中，等對方回覆,2026-11-25 10:00\r\n" +
            "TW-2,宏碩電子,客戶嫌價格太高，友商報價低兩成,2026-11-25 10:00\r\n"));

        var detected = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, csv);
        var named = await CliRunner.RunAsync("evaluate", "--encoding", "big5", "--now", CliRunner.Now, csv);

        Assert.True(detected.ExitCode == 0, detected.ToString());
        Assert.Equal(
            [$"{csv}: note: read as Big5, guessed from its bytes with confidence: in Big5, 25 of 40 characters other than ASCII are common Chinese ones; in GB18030, 5 of 40. If its text reads wrong, name its encoding with --encoding."],
            detected.ErrorLines);
        Assert.Equal(named.Output, detected.Output);
    }

    [Fact]
    public async Task Evaluate_ShortLegacyCsvWithoutEncoding_WarnsThatTheGuessIsWeak()
    {
        var csv = _temp.File("short.csv");
        File.WriteAllBytes(csv, TableEncodings.Big5.GetBytes("id,customer.company\r\nT-1,宏圖建築\r\n"));

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, csv);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"{csv}: warning: read as Big5, but only a weak guess from its bytes: in Big5, ", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
        Assert.EndsWith("If its text reads wrong, name its encoding with --encoding (gb18030 or big5), or save the file as UTF-8.", run.ErrorLines[0], StringComparison.Ordinal);
    }

    /// <summary>A Hong Kong character read as Big5 became a private-use character without a word; the row and column are named.</summary>
    [Fact]
    public async Task Evaluate_Big5WithHongKongCharacters_WarnsNamingTheRowAndColumn()
    {
        var csv = _temp.File("hk.csv");
        File.WriteAllBytes(csv, [.. TableEncodings.Big5.GetBytes("id,communications[0].summary\r\nHK-1,遲"), 0x9D, 0xF8, .. TableEncodings.Big5.GetBytes("再傾\r\n")]);

        var run = await CliRunner.RunAsync("evaluate", "--encoding", "big5", "--now", CliRunner.Now, csv);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["HK-1"], run.Ids);
        Assert.StartsWith(
            $"{csv}:row 2: warning: row 2 (column 'communications[0].summary') holds private-use characters (U+ECDA), which no export means as text",
            Assert.Single(run.ErrorLines),
            StringComparison.Ordinal);
    }

    /// <summary>
    /// A Hong Kong team's Big5 export holds HKSCS characters in most customers' rows: the first few records are told in
    /// full, then one line per input counts every record and row that holds them, at the end. Every record is still
    /// evaluated and counted, and the exit code stays 0.
    /// </summary>
    [Theory]
    [InlineData("evaluate")]
    [InlineData("report")]
    public async Task EveryCommand_Big5WithHongKongCharactersInManyRecords_TellsTheFirstFewThenOneLineCountingAll(string command)
    {
        var map = _temp.Write("hk.json", """{"groupBy": "id", "columns": {"id": "id", "跟进内容": "communications[0].summary"}}""");
        byte[] Row(string id) => [.. TableEncodings.Big5.GetBytes($"{id},遲"), 0x9D, 0xF8, .. TableEncodings.Big5.GetBytes("再傾\r\n")];
        var first = _temp.File("first.csv");
        File.WriteAllBytes(first, [.. TableEncodings.Big5.GetBytes("id,跟進內容\r\n"), .. Row("HK-1"), .. Row("HK-2"), .. Row("HK-3"), .. Row("HK-4"), .. Row("HK-5"), .. Row("HK-5")]);
        var second = _temp.File("second.csv");
        File.WriteAllBytes(second, [.. TableEncodings.Big5.GetBytes("id,跟進內容\r\n"), .. Row("TW-1")]);

        string[] format = command == "report" ? ["--format", "json"] : [];
        var run = await CliRunner.RunAsync([command, "--map", map, "--encoding", "big5", .. format, "--now", CliRunner.Now, first, second]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(
            [$"{first}:row 2: warning: row 2 ", $"{first}:row 3: warning: row 3 ", $"{first}:row 4: warning: row 4 ", $"{second}:row 2: warning: row 2 ", $"{first}: warning: 5 records "],
            run.ErrorLines.Select(line => line[..(line.IndexOf(" (", StringComparison.Ordinal) + 1)]));
        Assert.Equal(
            $"{first}: warning: 5 records (6 rows) hold private-use characters (U+ECDA), which no export means as text and no phrase matches; read as Big5, they are most likely "
                + "Hong Kong (HKSCS) characters such as 咗 哋 啲 喺, which Big5 lacks and no decoder here reads: save the file as UTF-8 (in Excel: CSV UTF-8) and read it again. "
                + "The first 3 are told above with their rows; the other 2 only in this line.",
            run.ErrorLines[^1]);
        var records = command == "report"
            ? JsonValues.Parse(run.Output).GetProperty("recordCount").GetInt32()
            : run.Ids.Count;
        Assert.Equal(6, records);
    }

    /// <summary>The closing line counts in the invariant culture throughout, whatever the host's culture, as every other count does.</summary>
    [Fact]
    public async Task Evaluate_PrivateUseInOverAThousandRecords_CountsThemInvariantlyUnderAnotherCulture()
    {
        var map = _temp.Write("hk.json", """{"groupBy": "id", "columns": {"id": "id", "跟进内容": "communications[0].summary"}}""");
        var export = _temp.File("many.csv");
        var bytes = new List<byte>(TableEncodings.Big5.GetBytes("id,跟進內容\r\n"));
        for (var i = 1; i <= 1_004; i++)
        {
            bytes.AddRange([.. TableEncodings.Big5.GetBytes($"HK-{i},遲"), 0x9D, 0xF8, .. TableEncodings.Big5.GetBytes("再傾\r\n")]);
        }

        File.WriteAllBytes(export, [.. bytes]);
        var hostCulture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var run = await CliRunner.RunAsync("evaluate", "--map", map, "--encoding", "big5", "--now", CliRunner.Now, export);

            Assert.True(run.ExitCode == 0, run.ToString());
            Assert.StartsWith($"{export}: warning: 1,004 records (1,004 rows) hold private-use characters", run.ErrorLines[^1], StringComparison.Ordinal);
            Assert.EndsWith("The first 3 are told above with their rows; the other 1,001 only in this line.", run.ErrorLines[^1], StringComparison.Ordinal);
        }
        finally
        {
            CultureInfo.CurrentCulture = hostCulture;
        }
    }

    [Fact]
    public async Task Evaluate_TraditionalHeaderWithTheBundledChineseMap_IsRead()
    {
        var csv = _temp.Write(
            "tw-header.csv",
            "客戶名稱,跟進時間,跟進內容,跟進人,下次跟進時間\r\n台灣精密股份有限公司,2026-11-25 15:00,電話溝通 20 分鐘，確認 30 個授權,王小明,2026-12-03\r\n");

        var run = await CliRunner.RunAsync("evaluate", "--map", "followup-zh", "--now", CliRunner.Now, csv);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["台灣精密股份有限公司"], run.Ids);
    }

    [Fact]
    public async Task Evaluate_ForcedEncoding_ReadsTheFileWithIt()
    {
        var csv = _temp.File("big5.csv");
        File.WriteAllBytes(csv, TableEncodings.GetEncoding("big5").GetBytes("id,customer.company,communications[0].summary\r\nT-1,宏圖建築設計院,電話溝通 30 分鐘\r\n"));

        var run = await CliRunner.RunAsync("evaluate", "--encoding", "big5", "--now", CliRunner.Now, csv);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["T-1"], run.Ids);
    }

    [Fact]
    public async Task Evaluate_CsvWithoutMap_ReadsColumnsNamedLikeFieldPaths()
    {
        var csv = _temp.Write("plain.csv", "id,scenario,customer.company,communications[0].summary\nP-1,ToC,宏图,\"电话沟通, 30 分钟\"\nP-2,ToB,蓝海,跟进中\n");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, csv);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["P-1", "P-2"], run.Ids);
        Assert.Equal(["ToC", "ToB"], run.Evaluations.Select(e => e.GetProperty("profile").GetString()));
    }

    [Fact]
    public async Task Evaluate_WorkbookCutShortAmongOtherInputs_IsItsOneUnreadableRowAndTheOthersAreRead()
    {
        // A cut upload was a usage error (exit 2) and nothing was evaluated, the good inputs beside it included.
        var whole = WriteWorkbook("whole.xlsx", ("跟进记录", [["客户名称", "跟进内容"], ["宏图", "电话沟通"]]));
        var cut = _temp.File("cut.xlsx");
        var bytes = await File.ReadAllBytesAsync(whole);
        await File.WriteAllBytesAsync(cut, bytes[..(bytes.Length / 2)]);

        var run = await CliRunner.RunAsync("evaluate", "--map", "followup-zh", "--now", CliRunner.Now, cut, SampleData.FollowUpsPath);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(34, run.Ids.Count);
        Assert.StartsWith($"{cut}:row 1: unreadable record: the workbook is damaged or cut short", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_XlsxWithSheetAndMapFile_ReadsThatSheet()
    {
        var map = _temp.Write("map.json", """{"columns": {"客户": "customer.company", "内容": "communications[0].summary", "时间": "communications[0].at"}, "groupBy": "客户"}""");
        var workbook = WriteWorkbook("export.xlsx", ("说明", [["导出说明"]]), ("跟进记录",
        [
            ["客户", "时间", "内容"],
            ["宏图", new DateTime(2026, 11, 20, 15, 0, 0), "第一次电话"],
            ["宏图", new DateTime(2026, 11, 21, 10, 0, 0), "第二次拜访"],
            [null, null, null],
            ["蓝海", new DateTime(2026, 11, 22), "#N/A"],
        ]));

        var run = await CliRunner.RunAsync("evaluate", "--map", map, "--sheet", "跟进记录", "--now", CliRunner.Now, workbook);

        Assert.True(run.ExitCode == 3, run.ToString());
        Assert.Equal(["宏图"], run.Ids);
        Assert.Equal($"{workbook}:row 5: unreadable record: column '内容': the cell holds the spreadsheet error #N/A, not a value; fix the formula or type the value.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Evaluate_XlsxWithCellsMergedDownACustomersRows_EvaluatesOneRecordOfThemAll()
    {
        var workbook = WriteWorkbook("merged.xlsx", ("跟进记录",
        [
            ["客户编号", "关联客户", "跟进人", "跟进时间", "跟进内容"],
            ["K-001", "宏图建筑设计院", "李明", new DateTime(2026, 11, 10, 10, 0, 0), "电话沟通需求"],
            [null, null, null, new DateTime(2026, 11, 18, 16, 0, 0), "邮件发送方案"],
            [null, null, null, new DateTime(2026, 11, 20, 15, 0, 0), "上门拜访"],
        ]));
        MergeCells(workbook, "A2:A4", "B2:B4", "C2:C4");

        var run = await CliRunner.RunAsync("evaluate", "--map", "followup-zh", "--now", CliRunner.Now, workbook);

        Assert.True(run.ExitCode == 0, run.ToString());
        // Unmerged, rows 3 and 4 were unreadable: their 关联客户 cell was empty.
        Assert.Equal(["K-001"], run.Ids);
        Assert.Empty(run.ErrorLines);
    }

    [Fact]
    public async Task Evaluate_FormatCsv_WritesOneRowPerRecordWithFormulasNeutralised()
    {
        var input = _temp.Write("hostile.csv", $"id,customer.company\n\"{Formula.Replace("\"", "\"\"", StringComparison.Ordinal)}\",+宏图\nN-2,蓝海\n");

        var run = await CliRunner.RunAsync("evaluate", "--format", "csv", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.False(run.OutputBytes.AsSpan().StartsWith(Encoding.UTF8.Preamble), "standard output gets no byte order mark");
        var lines = run.OutputLines.Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(string.Join(',', EvaluationTableWriter.Columns), lines[0]);
        Assert.StartsWith("\"'=HYPERLINK(\"\"http://evil.example/\"\",\"\"点我\"\")\",'+宏图,,ToB,", lines[1], StringComparison.Ordinal);
        Assert.StartsWith("N-2,蓝海,,ToB,", lines[2], StringComparison.Ordinal);
        Assert.Equal(3, lines.Count);
    }

    [Fact]
    public async Task Evaluate_FormatCsvToAFile_StartsWithTheByteOrderMarkExcelNeeds()
    {
        var output = _temp.File("graded.csv");

        var run = await CliRunner.RunAsync("evaluate", "--map", "followup-zh", "--format", "csv", "--output", output, "--now", CliRunner.Now, SampleExport);

        Assert.True(run.ExitCode == 3, run.ToString());
        var bytes = await File.ReadAllBytesAsync(output);
        Assert.True(bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble));
        Assert.Equal(1 + SampleCustomers.Length, Encoding.UTF8.GetString(bytes).TrimEnd().Split("\r\n").Length);
    }

    [Fact]
    public async Task Evaluate_FormatXlsx_WritesAWorkbookThatKeepsAFormulaLikeIdAsText()
    {
        var input = _temp.Write("hostile.csv", $"id,customer.company\n\"{Formula.Replace("\"", "\"\"", StringComparison.Ordinal)}\",宏图\n");
        var output = _temp.File("graded.xlsx");

        var run = await CliRunner.RunAsync("evaluate", "--format", "xlsx", "--output", output, "--now", CliRunner.Now, input, SampleData.FollowUpsPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Output);
        var rows = MiniExcel.Query(output, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal([Formula, .. SampleData.FollowUpIds], rows.Select(r => r["id"]?.ToString()));
        Assert.All(rows, row => Assert.Contains(row["grade"]?.ToString(), Grades));
    }

    [Fact]
    public async Task Evaluate_FormatXlsxWithoutOutput_IsAUsageError()
    {
        var run = await CliRunner.RunAsync("evaluate", "--format", "xlsx", SampleData.FollowUpsPath);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Output);
        Assert.Equal("followup: --format xlsx writes a workbook, which cannot go to standard output: add --output FILE.xlsx.", Assert.Single(run.ErrorLines));
    }

    [Fact]
    public async Task Evaluate_HeaderTheMapCannotRead_IsAUsageErrorThatSuggestsTheBundledMap()
    {
        var run = await CliRunner.RunAsync("evaluate", SampleExport);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Equal("", run.Output);
        var error = Assert.Single(run.ErrorLines);
        Assert.StartsWith($"followup: cannot read input '{SampleExport}': no column of the header is in the column map", error, StringComparison.Ordinal);
        Assert.Contains("'followup-zh'", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_InvalidMapFile_IsAUsageErrorNamingTheEntry()
    {
        var map = _temp.Write("bad-map.json", """{"columns": {"下次联系时间": "progress.nextDue"}}""");

        var run = await CliRunner.RunAsync("evaluate", "--map", map, SampleExport);

        Assert.True(run.ExitCode == 2, run.ToString());
        var error = Assert.Single(run.ErrorLines);
        Assert.Contains("columns.\"下次联系时间\" → \"progress.nextDue\": progress has no field 'nextDue'", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { "--map", "salesforce" }, "--map 'salesforce' is neither a file nor a bundled map; the bundled maps are followup-en, followup-zh, followup-zh-shop.")]
    [InlineData(new[] { "--encoding", "klingon" }, "--encoding: No text encoding is named 'klingon'")]
    [InlineData(new[] { "--encoding", "utf-7" }, "--encoding: The text encoding 'utf-7' cannot be used: Support for UTF-7 is disabled; try utf-8")]
    [InlineData(new[] { "--encoding", "big5-hkscs" }, "--encoding: The text encoding 'big5-hkscs' cannot be used: .NET has no Big5-HKSCS decoder")]
    [InlineData(new[] { "--map", "followup-zh", "--sheet", "客户" }, "--map applies to .csv, .tsv and .xlsx inputs, and no input is one.")]
    [InlineData(new[] { "--sheet", "客户" }, "--sheet applies to .xlsx inputs, and no input is one.")]
    [InlineData(new[] { "--encoding", "gbk" }, "--encoding applies to .csv and .tsv inputs, and no input is one.")]
    public async Task Evaluate_BadTableOption_IsAUsageError(string[] option, string expected)
    {
        var run = await CliRunner.RunAsync(["evaluate", .. option, SampleData.FollowUpsPath]);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.StartsWith("followup: " + expected, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("report")]
    [InlineData("remind")]
    public async Task EveryCommand_SheetOrEncodingThatNoInputTakes_IsAUsageError(string command)
    {
        var csv = _temp.Write("plain.csv", "id,customer.company\nP-1,宏图\n");
        var workbook = WriteWorkbook("export.xlsx", ("跟进记录", [["id", "customer.company"], ["X-1", "蓝海"]]));

        var sheetOnCsv = await CliRunner.RunAsync(command, "--sheet", "跟进记录", csv, SampleData.FollowUpsPath);
        var encodingOnXlsx = await CliRunner.RunAsync(command, "--encoding", "gbk", workbook);

        // Standard input is read as JSON whatever it holds, so it takes no encoding either.
        var encodingOnStandardInput = await CliRunner.RunWithInputAsync("id,customer.company\nP-1,宏图\n", command, "--encoding", "gbk", "-", workbook);

        foreach (var (run, expected) in new[]
        {
            (sheetOnCsv, "--sheet applies to .xlsx inputs, and no input is one."),
            (encodingOnXlsx, "--encoding applies to .csv and .tsv inputs, and no input is one."),
            (encodingOnStandardInput, "--encoding applies to .csv and .tsv inputs, and no input is one."),
        })
        {
            Assert.True(run.ExitCode == 2, run.ToString());
            Assert.Equal("", run.Output);
            Assert.Equal("followup: " + expected, Assert.Single(run.ErrorLines));
        }
    }

    [Fact]
    public async Task EveryCommand_SheetAndEncodingWithCsvAndXlsxInputs_ReadsEachTableWithItsOption()
    {
        var csv = _temp.File("gbk.csv");
        File.WriteAllBytes(csv, TableEncodings.GB18030.GetBytes("id,customer.company\r\nG-1,宏图建筑\r\n"));
        var workbook = WriteWorkbook("export.xlsx", ("说明", [["导出说明"]]), ("跟进记录", [["id", "customer.company"], ["X-1", "蓝海物流"]]));
        string[] options = ["--sheet", "跟进记录", "--encoding", "gbk", "--now", CliRunner.Now];

        var evaluate = await CliRunner.RunWithInputAsync(SampleData.Record("J-1") + "\n", ["evaluate", .. options, "-", csv, workbook]);
        var report = await CliRunner.RunAsync(["report", "--format", "json", .. options, csv, workbook]);
        var remind = await CliRunner.RunAsync(["remind", .. options, csv, workbook]);

        // X-1 is on the second sheet (the first has no column a record field is named like), and no note says GB18030
        // was detected: each table was read with its option.
        Assert.True(evaluate.ExitCode == 0, evaluate.ToString());
        Assert.Equal(["J-1", "G-1", "X-1"], evaluate.Ids);
        Assert.Equal("", evaluate.Error);
        Assert.True(report.ExitCode == 0, report.ToString());
        Assert.Equal(2, JsonValues.Parse(report.Output).GetProperty("recordCount").GetInt32());
        Assert.True(remind.ExitCode == 0, remind.ToString());
        Assert.Equal("", remind.Error);
    }

    [Fact]
    public async Task Evaluate_SheetThatIsNotThere_IsAUsageErrorListingTheSheets()
    {
        var workbook = WriteWorkbook("export.xlsx", ("跟进记录", [["customer.company"], ["宏图"]]));

        var run = await CliRunner.RunAsync("evaluate", "--sheet", "客户", workbook);

        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.EndsWith("has no sheet named '客户'; its sheets are '跟进记录'.", Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReportAndRemind_ReadTheSampleExportWithTheMap()
    {
        var report = await CliRunner.RunAsync("report", "--map", "followup-zh", "--format", "json", "--now", CliRunner.Now, SampleExport);
        var remind = await CliRunner.RunAsync("remind", "--map", "followup-zh", "--format", "jsonl", "--now", CliRunner.Now, SampleExport);

        Assert.True(report.ExitCode == 3, report.ToString());
        Assert.Equal(SampleCustomers.Length, JsonValues.Parse(report.Output).GetProperty("recordCount").GetInt32());
        Assert.Equal(4, JsonValues.Parse(report.Output).GetProperty("unreadableRows").GetInt32());
        Assert.Equal(4, report.ErrorLines.Count(line => line.Contains(": unreadable record: ", StringComparison.Ordinal)));
        Assert.Equal(3, report.ErrorLines.Count(line => line.Contains(": warning: ", StringComparison.Ordinal)));
        Assert.True(remind.ExitCode == 3, remind.ToString());
        Assert.Equal(3, remind.ErrorLines.Count(line => line.Contains(": warning: ", StringComparison.Ordinal)));
        Assert.Contains(remind.Evaluations, r => r.GetProperty("id").GetString() == "蓝海物流");
    }

    [Fact]
    public async Task EvaluateHelp_ExplainsTheTableOptionsAndFormats()
    {
        var run = await CliRunner.RunAsync("evaluate", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        foreach (var text in new[] { "--map", "--sheet", "--encoding", "followup-zh", "jsonl|table|csv|xlsx", ".xlsx", "followup evaluate --map followup-zh" })
        {
            Assert.Contains(text, run.Output, StringComparison.Ordinal);
        }
    }

    private string WriteWorkbook(string name, params (string Sheet, object?[][] Rows)[] sheets)
    {
        var path = _temp.File(name);
        var workbook = new Dictionary<string, object>();
        foreach (var (sheet, rows) in sheets)
        {
            var width = rows.Max(r => r.Length);
            workbook[sheet] = rows.Select(row => Enumerable.Range(0, width).ToDictionary(i => ((char)('A' + i)).ToString(), i => i < row.Length ? row[i] : null)).ToList();
        }

        MiniExcel.SaveAs(path, workbook, printHeader: false);
        return path;
    }

    /// <summary>Merges ranges of cells of a workbook's first sheet: a <c>mergeCells</c> element after the sheet's data, as Excel writes it.</summary>
    private static void MergeCells(string path, params string[] ranges)
    {
        using var zip = ZipFile.Open(path, ZipArchiveMode.Update);
        var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
        XDocument sheet;
        using (var read = entry.Open())
        {
            sheet = XDocument.Load(read);
        }

        var ns = sheet.Root!.Name.Namespace;
        (sheet.Root.Element(ns + "autoFilter") ?? sheet.Root.Element(ns + "sheetData")!).AddAfterSelf(
            new XElement(ns + "mergeCells", ranges.Select(range => new XElement(ns + "mergeCell", new XAttribute("ref", range)))));
        entry.Delete();
        using var write = zip.CreateEntry("xl/worksheets/sheet1.xml").Open();
        sheet.Save(write);
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "FollowUp.Rules.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (FollowUp.Rules.sln) is not above the test output folder.");
    }
}
