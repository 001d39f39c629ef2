using System.Text.Json;
using FollowUp.Rules.Cli.Tests.Infrastructure;

namespace FollowUp.Rules.Cli.Tests.Commands;

/// <summary><c>followup report</c> end to end, in-process: formats, options, unreadable rows and usage errors.</summary>
public sealed class ReportCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Report_SampleFile_WritesTheChineseTextReportByDefault()
    {
        var run = await CliRunner.RunAsync("report", "--now", CliRunner.Now, SampleData.FollowUpsPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        Assert.StartsWith("跟进记录团队复盘\n", run.Output, StringComparison.Ordinal);
        Assert.Contains($"记录数 {SampleData.FollowUpIds.Count} · 平均分 ", run.Output, StringComparison.Ordinal);
        Assert.Contains("评估时间 2026-11-26 12:00 +08:00", run.Output, StringComparison.Ordinal);
        foreach (var section in (string[])["等级分布", "各责任人平均分", "各步骤缺失率", "五类常见错误", "高频模糊用语", "风险等级", "阶段漏斗", "需要跟进的风险商机", "优先改写的记录"])
        {
            Assert.Contains(section, run.Output, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Report_FormatJson_CountsEveryRecordAndAgreesWithEvaluate()
    {
        var run = await CliRunner.RunAsync("report", "--format", "json", "--now", CliRunner.Now, SampleData.FollowUpsPath);
        var evaluate = await CliRunner.SampleEvaluationAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonValues.Parse(run.Output);
        var evaluations = evaluate.Evaluations;
        Assert.Equal(evaluations.Count, report.GetProperty("recordCount").GetInt64());
        Assert.Equal(CliRunner.Now, report.GetProperty("evaluatedAt").GetString());
        Assert.Equal(Math.Round(evaluations.Average(e => e.GetProperty("score").GetDouble()), 2), report.GetProperty("averageScore").GetDouble());
        foreach (var grade in (string[])["A", "B", "C", "D"])
        {
            Assert.Equal(evaluations.Count(e => e.GetProperty("grade").GetString() == grade), report.GetProperty("grades").GetProperty(grade).GetInt64());
        }

        var deductions = evaluations.SelectMany(e => e.GetProperty("deductions").EnumerateArray()).ToList();
        Assert.Equal(deductions.Count, report.GetProperty("deductionGroups").EnumerateArray().Sum(g => g.GetProperty("count").GetInt64()));

        // The attention list: at most ten ids of evaluated records, lowest-scoring grade D first.
        var attention = report.GetProperty("needsAttention").EnumerateArray().ToList();
        Assert.InRange(attention.Count, 1, 10);
        Assert.All(attention, a => Assert.Contains(a.GetProperty("id").GetString(), SampleData.FollowUpIds));
        var worstD = evaluations.Where(e => e.GetProperty("grade").GetString() == "D").MinBy(e => e.GetProperty("score").GetDouble());
        Assert.Equal(worstD.GetProperty("id").GetString(), attention[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Report_FormatHtmlWithOutput_WritesOneSelfContainedPageToTheFile()
    {
        var path = _temp.File("team-review.html");

        var run = await CliRunner.RunAsync("report", "--format", "html", "--output", path, "--now", CliRunner.Now, SampleData.FollowUpsPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(run.OutputBytes);
        var html = await File.ReadAllTextAsync(path);
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"grades\"", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"owners\"", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"steps\"", html, StringComparison.Ordinal);
        Assert.Contains("data-chart=\"stages\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.NotEqual(0xEF, (await File.ReadAllBytesAsync(path))[0]);
    }

    [Fact]
    public async Task Report_FormatMarkdownCultureEn_WritesEnglishLabelsAndMessages()
    {
        var run = await CliRunner.RunAsync("report", "--format", "markdown", "--culture", "en", "--now", CliRunner.Now, SampleData.FollowUpsPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith("# Follow-up team review\n", run.Output, StringComparison.Ordinal);
        Assert.Contains("## Records to rewrite first", run.Output, StringComparison.Ordinal);
        Assert.Contains("| Grade | Count | Share |", run.Output, StringComparison.Ordinal);
        var attentionRows = run.OutputLines.SkipWhile(l => !l.StartsWith("## Records to rewrite first", StringComparison.Ordinal))
            .Where(l => l.StartsWith("| 1 |", StringComparison.Ordinal)).ToList();
        var row = Assert.Single(attentionRows);
        var topDeductions = row.Split(" | ")[^1];
        Assert.Contains(topDeductions.Split("<br>"), d => d.StartsWith("Risk ignored -", StringComparison.Ordinal) || d.StartsWith("Missing information -", StringComparison.Ordinal));
        Assert.DoesNotContain("。", topDeductions, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-TW", "## 高頻風險訊號", "## 常見風險信號", "記錄")]
    [InlineData("zh-HK", "## 常見風險信號", "## 高頻風險訊號", "紀錄")]
    [InlineData("zh-MO", "## 常見風險信號", "## 高頻風險訊號", "紀錄")]
    public async Task Report_FormatMarkdownTraditionalCulture_WritesTraditionalLabelsAndMessagesInItsRegionsWording(string culture, string signals, string otherRegionsSignals, string record)
    {
        // zh-TW was accepted and the whole report came out in Simplified Chinese; then zh-HK came out in Taiwan's wording.
        var run = await CliRunner.RunAsync("report", "--format", "markdown", "--culture", culture, "--now", CliRunner.Now, SampleData.FollowUpsPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.StartsWith($"# 跟進{record}團隊檢討\n", run.Output, StringComparison.Ordinal);
        Assert.Contains($"## 優先改寫的{record}", run.Output, StringComparison.Ordinal);
        Assert.Contains("| 等級 | 數量 | 佔比 |", run.Output, StringComparison.Ordinal);
        Assert.Contains(signals, run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(otherRegionsSignals, run.Output, StringComparison.Ordinal);
        var row = Assert.Single(run.OutputLines.SkipWhile(l => !l.StartsWith($"## 優先改寫的{record}", StringComparison.Ordinal)), l => l.StartsWith("| 1 |", StringComparison.Ordinal));
        Assert.Contains("無法判斷風險是否已處理", row, StringComparison.Ordinal);
        Assert.DoesNotContain("无法判断风险", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_CultureZhHk_WritesHongKongWordingInTextAndHtml()
    {
        var text = await CliRunner.RunAsync("report", "--culture", "zh-HK", "--now", CliRunner.Now, SampleData.FollowUpsPath);
        var html = await CliRunner.RunAsync("report", "--format", "html", "--culture", "zh-HK", "--now", CliRunner.Now, SampleData.FollowUpsPath);

        Assert.True(text.ExitCode == 0, text.ToString());
        Assert.Contains("客戶基本資料", text.Output, StringComparison.Ordinal);
        Assert.Contains("各負責人平均分", text.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("客戶基礎資訊", text.Output, StringComparison.Ordinal);
        Assert.True(html.ExitCode == 0, html.ToString());
        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"zh-HK\">", html.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_OverdueWellWrittenDeal_IsListedAsADealAtRiskWithWhy()
    {
        var overdue = SampleData.Record(
            "OD-1", "\"owner\":\"刘洋\",\"progress\":{\"stage\":\"NeedsConfirmed\",\"nextAction\":\"11 月 22 日前把 2 个水务案例发给董科长\",\"nextActionDue\":\"2026-11-22T18:00:00+08:00\"}");
        var input = _temp.Write("overdue.jsonl", overdue + "\n");

        var text = await CliRunner.RunAsync("report", "--now", CliRunner.Now, input);
        var json = await CliRunner.RunAsync("report", "--format", "json", "--now", CliRunner.Now, input);

        Assert.True(text.ExitCode == 0, text.ToString());
        var deals = text.OutputLines.SkipWhile(l => l != "需要跟进的风险商机").TakeWhile(l => l != "优先改写的记录").ToList();
        Assert.Contains(deals, l => l.Contains("OD-1", StringComparison.Ordinal) && l.Contains("下一步逾期 3.7 天", StringComparison.Ordinal));
        var deal = JsonValues.Parse(json.Output).GetProperty("dealsAtRisk")[0];
        Assert.Equal("OD-1", deal.GetProperty("id").GetString());
        Assert.Equal("NextActionOverdue", deal.GetProperty("reasons")[0].GetString());
    }

    [Fact]
    public async Task Report_Help_DescribesDealsAtRiskAndTheOwnerItGroupsBy()
    {
        var run = await CliRunner.RunAsync("report", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("deals at risk", run.Output, StringComparison.Ordinal);
        Assert.Contains("An owner is the next", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_OwnerThatIsAScript_IsEncodedInTheHtml()
    {
        var input = _temp.Write("hostile.jsonl", SampleData.Record("X-1", "\"owner\":\"<script>alert(1)</script>\",\"scenario\":\"ToB\"") + "\n");

        var run = await CliRunner.RunAsync("report", "--format", "html", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.DoesNotContain("<script", run.Output, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_InputBrokenMidway_SaysWhereReadingStoppedBesideTheUnreadableCount()
    {
        var file = _temp.Write("broken.json", $"[{SampleData.Record("B-1")}, {{ \"id\": , {SampleData.Record("B-3")}]");

        var run = await CliRunner.RunAsync("report", "--format", "json", "--now", CliRunner.Now, file);

        Assert.True(run.ExitCode == 3, run.ToString());
        var report = JsonValues.Parse(run.Output);
        Assert.Equal(1, report.GetProperty("recordCount").GetInt64());
        Assert.Equal(1, report.GetProperty("unreadableRows").GetInt64());
        Assert.Equal($"{file}:element 2", Assert.Single(report.GetProperty("readInPart").EnumerateArray()).GetString());
    }

    [Fact]
    public async Task Report_CsvQuoteThatNeverCloses_CountsEveryRowItSwallowed()
    {
        // The report said "unreadable rows left out: 1" for a quote that took 4 rows, and 3 customers with them, out of it.
        var file = _temp.Write("open-quote.csv", "id,customer.company,needs.summary\nQ-1,宏图建筑,ERP 替换\nQ-2,蓝海物流,\"预算\nQ-3,星河电子,WMS\n\nQ-4,远望科技,MES\nQ-5,金石材料,CRM\n");

        var run = await CliRunner.RunAsync("report", "--format", "json", "--now", CliRunner.Now, file);

        Assert.True(run.ExitCode == 3, run.ToString());
        var report = JsonValues.Parse(run.Output);
        Assert.Equal(1, report.GetProperty("recordCount").GetInt64());
        Assert.Equal(4, report.GetProperty("unreadableRows").GetInt64());
    }

    [Fact]
    public async Task Report_StandardInputAndFiles_ReportsOnAllRecords()
    {
        var file = _temp.Write("more.json", $"[{SampleData.Record("B-1")}, {SampleData.Record("B-2")}]");

        var run = await CliRunner.RunWithInputAsync(SampleData.Record("S-1") + "\n", "report", "--format", "json", "--now", CliRunner.Now, "-", file);

        Assert.True(run.ExitCode == 0, run.ToString());
        var report = JsonValues.Parse(run.Output);
        Assert.Equal(3, report.GetProperty("recordCount").GetInt64());
        Assert.Equal(3, report.GetProperty("owners").EnumerateArray().Single(o => o.GetProperty("owner").ValueKind == JsonValueKind.Null).GetProperty("recordCount").GetInt64());
    }

    [Fact]
    public async Task Report_UnreadableRows_AreReportedWithTheirLineAndLeftOut()
    {
        var input = _temp.Write("mixed.jsonl", string.Join('\n', SampleData.Record("G-1"), "{not json", SampleData.Record("G-2"), "[1,2]", "") + "\n");

        var run = await CliRunner.RunAsync("report", "--format", "json", "--now", CliRunner.Now, input);

        Assert.Equal(3, run.ExitCode);
        Assert.Equal(2, run.ErrorLines.Count);
        Assert.StartsWith($"{input}:line 2: unreadable record:", run.ErrorLines[0], StringComparison.Ordinal);
        Assert.StartsWith($"{input}:line 4: unreadable record:", run.ErrorLines[1], StringComparison.Ordinal);
        Assert.Equal(2, JsonValues.Parse(run.Output).GetProperty("recordCount").GetInt64());
    }

    [Fact]
    public async Task Report_ProfileOption_EvaluatesEveryRecordWithIt()
    {
        var asToB = await CliRunner.RunAsync("report", "--format", "json", "--now", CliRunner.Now, SampleData.FollowUpsPath);
        var asToC = await CliRunner.RunAsync("report", "--format", "json", "--profile", "ToC", "--now", CliRunner.Now, SampleData.FollowUpsPath);

        Assert.True(asToC.ExitCode == 0, asToC.ToString());
        Assert.NotEqual(
            JsonValues.Parse(asToB.Output).GetProperty("averageScore").GetDouble(),
            JsonValues.Parse(asToC.Output).GetProperty("averageScore").GetDouble());
    }

    [Fact]
    public async Task Report_Help_DescribesFormatsAndShowsExamples()
    {
        var run = await CliRunner.RunAsync("report", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("text|markdown|json|html", run.Output, StringComparison.Ordinal);
        Assert.Contains("--culture <zh-CN|zh-TW|zh-HK|en>", run.Output, StringComparison.Ordinal);
        Assert.Contains("followup report --format html --output team-review.html", run.Output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 done, 2 usage or configuration error, 3 done but some rows were unreadable,", run.Output, StringComparison.Ordinal);
        foreach (var option in (string[])["--profile", "--config", "--now", "--culture", "--output", "--format"])
        {
            Assert.Contains(option, run.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("'pdf' not recognized", "report", "--format", "pdf", "{sample}")]
    [InlineData("'missing.jsonl': no such file", "report", "missing.jsonl")]
    [InlineData("--now 'yesterday'", "report", "--now", "yesterday", "{sample}")]
    [InlineData("--profile 'Nope' names no profile", "report", "--profile", "Nope", "{sample}")]
    [InlineData("--culture 'fr' is not a Chinese", "report", "--culture", "fr", "{sample}")]
    [InlineData("report", "report")]
    [InlineData("cannot write --output", "report", "--output", "/nonexistent-directory/team-review.html", "{sample}")]
    public async Task Report_BadCommandLine_ExitsTwoWithOneLineAndNoReport(string expected, params string[] args)
    {
        var run = await CliRunner.RunAsync([.. args.Select(a => a == "{sample}" ? SampleData.FollowUpsPath : a)]);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.OutputBytes);
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith("followup: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }
}
