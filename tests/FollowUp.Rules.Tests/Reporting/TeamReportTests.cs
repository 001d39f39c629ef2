using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;
using FollowUp.Rules.Reporting;
using FollowUp.Rules.Risk;
using FollowUp.Rules.Tests.TestData;
using static FollowUp.Rules.Tests.Reporting.ReportFixtures;

namespace FollowUp.Rules.Tests.Reporting;

public sealed partial class TeamReportTests
{
    private const string Hostile = "<script>alert(1)</script>";

    private static readonly CultureInfo English = CultureInfo.GetCultureInfo("en");

    private static readonly Lazy<TeamReport> Sample = new(SampleReport);

    [Fact]
    public void Write_NullWriter_Throws() =>
        Assert.Throws<ArgumentNullException>("writer", () => Sample.Value.Write(null!, TeamReportFormat.Text));

    [Fact]
    public void Write_UnknownFormat_Throws() =>
        Assert.Throws<ArgumentOutOfRangeException>("format", () => Sample.Value.Write(TextWriter.Null, (TeamReportFormat)42));

    [Fact]
    public void Write_EnglishLabels_HaveNoChineseInThem()
    {
        // The English note on counted vague phrases gave 同上 and 可能 as its examples.
        var english = ReportText.For(CultureInfo.GetCultureInfo("en"));

        Assert.All(english.Keys, key => Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", english[key]));
    }

    [Theory]
    [InlineData("en")]
    [InlineData("zh-TW")]
    [InlineData("zh-HK")]
    public void Write_LabelsOfEveryCulture_DefineTheKeysOfZhCnWithTheSamePlaceholders(string culture)
    {
        var chinese = ReportText.For(CultureInfo.GetCultureInfo("zh-CN"));
        var other = ReportText.For(CultureInfo.GetCultureInfo(culture));

        Assert.Equal(culture, other.Language);
        Assert.Equal(chinese.Keys.Order(StringComparer.Ordinal), other.Keys.Order(StringComparer.Ordinal));
        Assert.All(chinese.Keys, key => Assert.Equal(Placeholders(chinese[key]), Placeholders(other[key])));
    }

    [Theory]
    [InlineData(TeamReportFormat.Text, "zh-TW", "跟進記錄團隊檢討\n", "高頻模糊用語", "客戶基礎資訊")]
    [InlineData(TeamReportFormat.Markdown, "zh-Hant", "# 跟進記錄團隊檢討\n", "高頻模糊用語", "客戶基礎資訊")]
    [InlineData(TeamReportFormat.Html, "zh-TW", "<!DOCTYPE html>\n<html lang=\"zh-TW\">", "高頻模糊用語", "客戶基礎資訊")]
    [InlineData(TeamReportFormat.Text, "zh-HK", "跟進紀錄團隊檢討\n", "常見模糊用語", "客戶基本資料")]
    [InlineData(TeamReportFormat.Markdown, "zh-Hant-HK", "# 跟進紀錄團隊檢討\n", "常見模糊用語", "客戶基本資料")]
    [InlineData(TeamReportFormat.Html, "zh-MO", "<!DOCTYPE html>\n<html lang=\"zh-HK\">", "常見模糊用語", "客戶基本資料")]
    public void Write_TraditionalChineseCulture_LabelsInTraditionalChineseOfItsRegion(TeamReportFormat format, string culture, string start, string vague, string basicInfo)
    {
        // Hong Kong and Macao read Taiwan's labels (高頻, 資訊) until they had their own.
        var written = Sample.Value.ToString(format, CultureInfo.GetCultureInfo(culture));

        Assert.StartsWith(start, written, StringComparison.Ordinal);
        Assert.Contains("五類常見錯誤", written, StringComparison.Ordinal);
        Assert.Contains(vague, written, StringComparison.Ordinal);
        Assert.Contains(basicInfo, written, StringComparison.Ordinal);
        Assert.DoesNotContain("记录数", written, StringComparison.Ordinal);
        Assert.DoesNotContain("等级分布", written, StringComparison.Ordinal);
        Assert.DoesNotContain("高频风险信号", written, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "等另 1 条", "沟通节点")]
    [InlineData("zh-TW", "等另 1 筆", "溝通節點")]
    [InlineData("zh-HK", "另外 1 項", "溝通紀錄")]
    public void Write_ChineseCulture_CountsUnlistedHighRiskRecordsAndNamesTheCommunicationsStepInItsRegionsWording(string culture, string more, string communications)
    {
        // Hong Kong read 等另 as clumsy and 節點 (node) as mainland jargon for the step its catalogs call 溝通紀錄 elsewhere.
        var written = Report(Evaluated(null, 40, risk: RiskLevel.High, missingSteps: [FollowUpStep.Communications]))
            .ToString(TeamReportFormat.Markdown, CultureInfo.GetCultureInfo(culture));

        Assert.Contains(more, written, StringComparison.Ordinal);
        Assert.Contains(communications, written, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TextWithoutCulture_IsInChinese()
    {
        var text = Sample.Value.ToString(TeamReportFormat.Text);

        Assert.StartsWith("跟进记录团队复盘\n", text, StringComparison.Ordinal);
        Assert.Contains($"记录数 {Sample.Value.RecordCount} · 平均分 ", text, StringComparison.Ordinal);
        Assert.Contains("评估时间 2026-11-26 12:00 +08:00", text, StringComparison.Ordinal);
        Assert.Contains("五类常见错误", text, StringComparison.Ordinal);
        Assert.Equal(text, Sample.Value.ToString());
    }

    [Theory]
    [InlineData("en", "en", "Follow-up team review\n")]
    [InlineData("en", "en-US", "Follow-up team review\n")]
    [InlineData("zh-CN", "en", "跟进记录团队复盘\n")]
    [InlineData("zh-HK", "zh-MO", "跟進紀錄團隊檢討\n")]
    [InlineData("zh-TW", "zh-HK", "跟進記錄團隊檢討\n")]
    [InlineData("zh-HK", "zh-TW", "跟進記錄團隊檢討\n")]
    [InlineData("zh-HK", "zh-CN", "跟进记录团队复盘\n")]
    [InlineData("zh-CN", "zh-TW", "跟进记录团队复盘\n")]
    [InlineData("zh-CN", "zh-SG", "跟进记录团队复盘\n")]
    public void Write_WithoutCulture_LabelsInTheLanguageTheRecordsWereEvaluatedIn_OrSimplifiedWhenMixed_TraditionalWhenAllAre(string first, string second, string heading)
    {
        var record = SampleRecords.CompleteToB();
        var builder = new TeamReportBuilder();
        builder.Add(record, TestClock.Evaluator(o => o.Culture = first).Evaluate(record));
        builder.Add(record, TestClock.Evaluator(o => o.Culture = second).Evaluate(record));

        var report = builder.Build();

        Assert.StartsWith(heading, report.ToString(TeamReportFormat.Text), StringComparison.Ordinal);
        Assert.StartsWith("跟进记录团队复盘\n", report.ToString(TeamReportFormat.Text, CultureInfo.GetCultureInfo("zh-CN")), StringComparison.Ordinal);
    }

    /// <summary>One evaluator answering each call in its user's language labels a report over them as rule sets of those cultures do.</summary>
    [Theory]
    [InlineData("en", "en-GB", "Follow-up team review\n")]
    [InlineData("zh-HK", "zh-MO", "跟進紀錄團隊檢討\n")]
    [InlineData("zh-TW", "zh-HK", "跟進記錄團隊檢討\n")]
    [InlineData("en", "zh-TW", "跟进记录团队复盘\n")]
    [InlineData("zh-CN", "en", "跟进记录团队复盘\n")]
    public void Write_WithoutCulture_EvaluatedInPerCallCultures_LabelsAsForRuleSetsOfThoseCultures(string first, string second, string heading)
    {
        var record = SampleRecords.CompleteToB();
        var evaluator = TestClock.Evaluator(o => o.FollowCurrentUICulture = true);
        var builder = new TeamReportBuilder();
        builder.Add(record, evaluator.WithCulture(CultureInfo.GetCultureInfo(first)).Evaluate(record));
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(second);
        try
        {
            builder.Add(record, evaluator.Evaluate(record));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        Assert.StartsWith(heading, builder.Build().ToString(TeamReportFormat.Text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-TW")]
    [InlineData("zh-CN")]
    public void Write_VaguePhrases_AsTheTeamWroteThem_InEveryCulture(string culture)
    {
        // A Taiwan team wrote 等對方回覆 and read 等对方回复 in its own report.
        var evaluator = TestClock.Evaluator(o => o.Culture = culture);
        var builder = new TeamReportBuilder();
        foreach (var summary in (string[])["持續追蹤中，等對方回覆", "已報價，等對方回覆", "已报价，等对方回复"])
        {
            var record = SampleRecords.CompleteToB().WithLastCommunication(c => c with { Summary = summary });
            builder.Add(record, evaluator.Evaluate(record));
        }

        var report = builder.Build();
        var markdown = report.ToString(TeamReportFormat.Markdown);

        // The phrase table speaks the team's spelling; the record that wrote 等对方回复 is quoted as written where it is listed
        // for attention (its vague latest note takes it out of A).
        var title = culture == "zh-TW" ? "\n## 高頻模糊用語" : "\n## 高频模糊用语";
        var phrases = markdown[markdown.IndexOf(title, StringComparison.Ordinal)..];
        phrases = phrases[..(phrases.IndexOf("\n## ", title.Length, StringComparison.Ordinal) is >= 0 and var end ? end : phrases.Length)];
        Assert.Contains(new VaguePhraseSummary("等對方回覆", VagueCategory.Waiting, 3), report.VaguePhrases);
        Assert.Contains("等對方回覆", phrases, StringComparison.Ordinal);
        Assert.DoesNotContain("等对方回复", phrases, StringComparison.Ordinal);
        Assert.StartsWith(culture == "zh-TW" ? "# 跟進記錄團隊檢討\n" : "# 跟进记录团队复盘\n", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en")]
    [InlineData("en-US")]
    [InlineData("fr-FR")]
    public void Write_TextInANonChineseCulture_IsInEnglish(string culture)
    {
        var text = Sample.Value.ToString(TeamReportFormat.Text, CultureInfo.GetCultureInfo(culture));

        Assert.StartsWith("Follow-up team review\n", text, StringComparison.Ordinal);
        Assert.Contains("Missing rate per step", text, StringComparison.Ordinal);
        Assert.DoesNotContain("记录数", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("zh-CN", "A 优秀", "B 良好", "C 及格", "D 不达标")]
    [InlineData("en", "A excellent", "B good, with gaps", "C passable", "D below standard")]
    public void Write_GradeLabels_ReadBestToWorstFromAToD(string culture, string a, string b, string c, string d)
    {
        var text = Report(Evaluated("1", 90)).ToString(TeamReportFormat.Text, CultureInfo.GetCultureInfo(culture));

        var labels = text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 2 && l[0] is >= 'A' and <= 'D' && l[1] == ' ').ToArray();

        Assert.Equal([a, b, c, d], labels.Select(l => Regex.Replace(l, @"\s+\d+\s+\d+\.\d%.*$", "")));
    }

    [Theory]
    [InlineData(TeamReportFormat.Text, "zh-CN", "无法评估", "R-high, R-high-2", "R-critical")]
    [InlineData(TeamReportFormat.Markdown, "en", "Not assessable", "R-high, R-high-2", "R-critical")]
    [InlineData(TeamReportFormat.Html, "en", "Not assessable", "High: R-high, R-high-2", "Critical: R-critical")]
    public void Write_RiskLevels_CountNotAssessableApartAndNameHighAndCriticalRecords(
        TeamReportFormat format, string culture, string notAssessable, string high, string critical)
    {
        var report = Report(
            Evaluated("R-unassessed", 35, findings: [FindingCodes.RiskNotAssessable]),
            Evaluated("R-high", 90, risk: RiskLevel.High, riskScore: 60),
            Evaluated("R-critical", 90, risk: RiskLevel.Critical, riskScore: 90),
            Evaluated("R-high-2", 90, risk: RiskLevel.High, riskScore: 60));

        var written = report.ToString(format, CultureInfo.GetCultureInfo(culture));

        Assert.Contains(high, written, StringComparison.Ordinal);
        Assert.Contains(critical, written, StringComparison.Ordinal);
        var riskLevels = written[written.IndexOf(culture == "en" ? "Risk levels" : "风险等级", StringComparison.Ordinal)..];
        Assert.Matches(format == TeamReportFormat.Html ? $"{notAssessable} 1<" : $@"{notAssessable}\W+1\W+25\.0%", riskLevels);
    }

    [Fact]
    public void Write_AttentionItemWhoseRiskWasNotAssessed_ShowsNotAssessableInsteadOfLow()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "张磊", stage: DealStage.Initial), r => Evaluated("R04", 35, findings: [FindingCodes.RiskNotAssessable], of: r));

        var text = builder.Build().ToString(TeamReportFormat.Text);
        var row = text.Split('\n').Single(l => l.Contains("R04", StringComparison.Ordinal));

        Assert.Contains("无法评估", row, StringComparison.Ordinal);
        Assert.DoesNotContain(" 低 ", row, StringComparison.Ordinal);
    }

    /// <summary>
    /// Three open deals at risk, graded A: one overdue, one nobody owns, one stale with a competitor unanswered. Only the stale
    /// one's time since contact is known (the others' records list no time).
    /// </summary>
    private static TeamReport DealsAtRiskReport()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "刘洋", stage: DealStage.NeedsConfirmed, company: "海润水务"), r => Evaluated("R21", 96.5, overdue: TimeSpan.FromDays(3.75), of: r));
        builder.Add(Record(stage: DealStage.NeedsConfirmed, company: "黔山大数据"), r => Evaluated("R34", 93, of: r));
        builder.Add(Record(owner: "孙浩", stage: DealStage.ProposalSent, company: "鹭岛药房"), r => Evaluated(
            "R22", 91, stale: TimeSpan.FromDays(19.9), unanswered: [RiskSignalCodes.Stale, RiskSignalCodes.Competitor], of: r));
        return builder.Build();
    }

    [Theory]
    [InlineData(TeamReportFormat.Text, "zh-CN", "需要跟进的风险商机", "共 3 笔", "下一步逾期 3.7 天", "无人负责下一步", "已 19 天未联系；风险信号未应对：竞争对手介入")]
    [InlineData(TeamReportFormat.Text, "en", "Deals at risk", "3 deals not lost", "next action overdue 3.7 days", "nobody owns the next step", "no contact for 19 days; no risk entry for: Competitor involved")]
    [InlineData(TeamReportFormat.Markdown, "zh-CN", "## 需要跟进的风险商机", "共 3 笔", "下一步逾期 3.7 天", "无人负责下一步", "已 19 天未联系；风险信号未应对：竞争对手介入")]
    [InlineData(TeamReportFormat.Markdown, "zh-TW", "## 需要跟進的風險商機", "共 3 筆", "下一步逾期 3.7 天", "無人負責下一步", "已 19 天未聯絡；風險訊號未應對：競爭對手介入")]
    [InlineData(TeamReportFormat.Markdown, "zh-HK", "## 需要跟進的風險商機", "共 3 宗", "下一步逾期 3.7 天", "無人負責下一步", "已 19 天未聯絡；風險信號未應對：競爭對手介入")]
    [InlineData(TeamReportFormat.Markdown, "en", "## Deals at risk", "3 deals not lost", "next action overdue 3.7 days", "nobody owns the next step", "no contact for 19 days; no risk entry for: Competitor involved")]
    [InlineData(TeamReportFormat.Html, "zh-CN", "<section class=\"card wide\" id=\"deals-at-risk\">\n<h2>需要跟进的风险商机</h2>", "共 3 笔", "<li>下一步逾期 3.7 天</li>", "<li>无人负责下一步</li>", "<li>已 19 天未联系</li><li>风险信号未应对：竞争对手介入</li>")]
    [InlineData(TeamReportFormat.Html, "en", "<h2>Deals at risk</h2>", "3 deals not lost", "<li>next action overdue 3.7 days</li>", "<li>nobody owns the next step</li>", "<li>no contact for 19 days</li><li>no risk entry for: Competitor involved</li>")]
    public void Write_DealsAtRisk_ListsEachDealWithWhyInEveryFormatAndCulture(
        TeamReportFormat format, string culture, string section, string count, string overdue, string noOwner, string stale)
    {
        var written = DealsAtRiskReport().ToString(format, CultureInfo.GetCultureInfo(culture));

        var deals = written[written.IndexOf(section, StringComparison.Ordinal)..];
        Assert.Contains(count, deals, StringComparison.Ordinal);
        Assert.True(
            deals.IndexOf(overdue, StringComparison.Ordinal) is >= 0 and var first
            && deals.IndexOf(noOwner, StringComparison.Ordinal) is var second && second > first
            && deals.IndexOf(stale, StringComparison.Ordinal) > second,
            deals);
        var attention = culture switch { "en" => "Records to rewrite first", "zh-TW" => "優先改寫的記錄", "zh-HK" => "優先改寫的紀錄", _ => "优先改写的记录" };
        Assert.True(written.IndexOf(section, StringComparison.Ordinal) < written.IndexOf(attention, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(TeamReportFormat.Text, "zh-CN", "高频模糊用语\n------------\n只统计评估已指出、要求改写的用语")]
    [InlineData(TeamReportFormat.Markdown, "en", "## Most frequent vague phrases\n\nCounts the phrases the evaluation coached")]
    [InlineData(TeamReportFormat.Html, "zh-CN", "<h2>高频模糊用语</h2>\n<p class=\"note\">只统计评估已指出、要求改写的用语")]
    public void Write_VaguePhrases_SayThatOnlyCoachedPhrasesAreCounted(TeamReportFormat format, string culture, string note) =>
        Assert.Contains(note, Report(Evaluated("1", 90, vague: ["跟进中"])).ToString(format, CultureInfo.GetCultureInfo(culture)), StringComparison.Ordinal);

    [Theory]
    [InlineData("zh-CN", "<td>“跟进中”</td>")]
    [InlineData("zh-TW", "<td>「跟进中」</td>")]
    [InlineData("zh-HK", "<td>「跟进中」</td>")]
    [InlineData("en", "<td>&quot;跟进中&quot;</td>")]
    public void Write_HtmlVaguePhrases_QuoteAsTheCulturesMessagesDo(string culture, string cell)
    {
        // The HTML table quoted with “ ” in every language, while Taiwan's messages use 「 」 and the English ones " ".
        var html = Report(Evaluated("1", 90, vague: ["跟进中"])).ToString(TeamReportFormat.Html, CultureInfo.GetCultureInfo(culture));

        Assert.Contains(cell, html, StringComparison.Ordinal);
    }

    /// <summary>
    /// Two stale deals just past their profile's limit: an e-commerce buyer 2.8 days after the last contact (limit 2 days) and
    /// a ToB customer 14.5 days after (limit 14 days, where whole days are shown from ten), evaluated as of <see cref="Now"/>.
    /// </summary>
    private static TeamReport StaleDealsReport()
    {
        var evaluator = new FollowUpEvaluator(FollowUpRuleSet.Default, new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now));
        var builder = new TeamReportBuilder();
        foreach (var (id, scenario, days) in (ReadOnlySpan<(string, string, double)>)[("EC-13", "ECommerce", 2.8), ("R22", "ToB", 14.5)])
        {
            var record = new FollowUpRecord
            {
                Id = id,
                Scenario = scenario,
                Owner = "刘洋",
                Communications = [new Communication { At = Timestamp.Parse(Now.AddDays(-days).ToString("yyyy-MM-ddTHH:mm:sszzz", CultureInfo.InvariantCulture)), Summary = "电话沟通" }],
                Progress = new DealProgress { Stage = DealStage.Initial },
            };
            builder.Add(record, evaluator.Evaluate(record));
        }

        return builder.Build();
    }

    [Theory]
    [InlineData(TeamReportFormat.Text, "zh-CN", "已 2.8 天未联系", "已 14.5 天未联系")]
    [InlineData(TeamReportFormat.Markdown, "zh-CN", "已 2.8 天未联系", "已 14.5 天未联系")]
    [InlineData(TeamReportFormat.Html, "zh-CN", "<li>已 2.8 天未联系</li>", "<li>已 14.5 天未联系</li>")]
    [InlineData(TeamReportFormat.Text, "en", "no contact for 2.8 days", "no contact for 14.5 days")]
    [InlineData(TeamReportFormat.Html, "zh-TW", "<li>已 2.8 天未聯絡</li>", "<li>已 14.5 天未聯絡</li>")]
    [InlineData(TeamReportFormat.Markdown, "en", "no contact for 2.8 days", "no contact for 14.5 days")]
    [InlineData(TeamReportFormat.Html, "en", "<li>no contact for 2.8 days</li>", "<li>no contact for 14.5 days</li>")]
    public void Write_StaleDeal_NeverRoundsTheDaysWithoutContactDownToTheProfilesLimit(TeamReportFormat format, string culture, string twoDayLimit, string fourteenDayLimit)
    {
        var written = StaleDealsReport().ToString(format, CultureInfo.GetCultureInfo(culture));

        Assert.Contains(twoDayLimit, written, StringComparison.Ordinal);
        Assert.Contains(fourteenDayLimit, written, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_HtmlDealsAtRisk_ShowEachDealsScoreAsTheOtherFormatsDo()
    {
        var html = DealsAtRiskReport().ToString(TeamReportFormat.Html);

        var deals = html[html.IndexOf("id=\"deals-at-risk\"", StringComparison.Ordinal)..];
        deals = deals[..deals.IndexOf("</table>", StringComparison.Ordinal)];
        Assert.Contains("<th class=\"num\">分数</th>", deals, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">96.5</td>", deals, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TeamReportFormat.Text)]
    [InlineData(TeamReportFormat.Markdown)]
    [InlineData(TeamReportFormat.Html)]
    public void Write_EveryStageKnown_ShowsNoUnknownStageRow(TeamReportFormat format)
    {
        var known = Report(Evaluated("1", 90, of: Record(owner: "李明", stage: DealStage.Signed)));
        var unknown = Report(Evaluated("1", 90, of: Record(owner: "李明")));

        Assert.DoesNotContain("Unknown stage", known.ToString(format, English), StringComparison.Ordinal);
        Assert.Contains("Unknown stage", unknown.ToString(format, English), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_JsonEveryStageKnown_ListsEveryStageAndNoNullStage()
    {
        var report = Report(Evaluated("1", 90, of: Record(owner: "李明", stage: DealStage.Signed)));

        using var json = JsonDocument.Parse(report.ToString(TeamReportFormat.Json));
        var stages = json.RootElement.GetProperty("stages").EnumerateArray().ToList();

        Assert.Equal(Enum.GetNames<DealStage>(), stages.Select(s => s.GetProperty("stage").GetString()));
        Assert.Equal(1, stages.Sum(s => s.GetProperty("count").GetInt64()));
    }

    [Fact]
    public void Write_NoDealAtRisk_SaysSoInEveryLabelledFormat()
    {
        var report = Report(Evaluated("fine", 100, of: Record(owner: "李明", stage: DealStage.Signed)));

        Assert.Contains("没有处于风险中的商机。", report.ToString(TeamReportFormat.Text), StringComparison.Ordinal);
        Assert.Contains("No open deal is at risk.", report.ToString(TeamReportFormat.Markdown, English), StringComparison.Ordinal);
        Assert.Contains("<p class=\"empty\">没有处于风险中的商机。</p>", report.ToString(TeamReportFormat.Html), StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Json_DealsAtRiskCarryCodesAndHours()
    {
        using var json = JsonDocument.Parse(DealsAtRiskReport().ToString(TeamReportFormat.Json));
        var root = json.RootElement;

        Assert.Equal(3, root.GetProperty("dealsAtRiskCount").GetInt64());
        var deals = root.GetProperty("dealsAtRisk").EnumerateArray().ToList();
        Assert.Equal(["R21", "R34", "R22"], deals.Select(d => d.GetProperty("id").GetString()));
        Assert.Equal(
            ["id", "customer", "owner", "stage", "grade", "score", "riskLevel", "riskScore", "reasons", "overdueHours", "hoursSinceContact", "unansweredSignals"],
            deals[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(90, deals[0].GetProperty("overdueHours").GetDouble());
        Assert.Equal("NeedsConfirmed", deals[0].GetProperty("stage").GetString());
        Assert.Equal(JsonValueKind.Null, deals[1].GetProperty("owner").ValueKind);
        Assert.Equal(["NoOwner"], deals[1].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(["Stale", "UnansweredSignal"], deals[2].GetProperty("reasons").EnumerateArray().Select(r => r.GetString()));
        Assert.Equal(JsonValueKind.Null, deals[0].GetProperty("hoursSinceContact").ValueKind);
        Assert.Equal(477.6, deals[2].GetProperty("hoursSinceContact").GetDouble());
        Assert.Equal(["Competitor"], deals[2].GetProperty("unansweredSignals").EnumerateArray().Select(r => r.GetString()));
    }

    [Fact]
    public void Write_TextInACommaDecimalCulture_WritesNumbersInvariantly()
    {
        var report = Report(Evaluated("1", 72.6), Evaluated("2", 60));

        var text = report.ToString(TeamReportFormat.Text, CultureInfo.GetCultureInfo("de-DE"));

        Assert.Contains("Average score 66.3", text, StringComparison.Ordinal);
        Assert.Contains("50.0%", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TextTables_AlignColumnsForChineseCharacters()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "欧阳娜娜"), r => Evaluated("1", 90, of: r));
        builder.Add(Record(owner: "Li"), r => Evaluated("2", 80, of: r));
        var lines = builder.Build().ToString(TeamReportFormat.Text).Split('\n');

        var header = Array.FindIndex(lines, l => l.StartsWith("  责任人", StringComparison.Ordinal));
        var table = lines[header..(header + 3)];

        // The average column is right-aligned, so it ends at the same terminal cell on every line, before the bar.
        Assert.Contains("欧阳娜娜", table[1], StringComparison.Ordinal);
        Assert.Contains("Li", table[2], StringComparison.Ordinal);
        Assert.Single(table.Select(l => Cells(l.TrimEnd('█').TrimEnd())).Distinct());
    }

    [Fact]
    public void Write_TextWithNoRecords_SaysSoInsteadOfEmptyTables()
    {
        var text = new TeamReportBuilder().Build().ToString(TeamReportFormat.Text);

        Assert.Contains("记录数 0 · 平均分 - · 评估时间 尚无评估", text, StringComparison.Ordinal);
        Assert.Contains("没有需要优先改写的记录。", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Markdown_HasAHeadingAndATablePerSection()
    {
        var markdown = Sample.Value.ToString(TeamReportFormat.Markdown);

        Assert.StartsWith("# 跟进记录团队复盘\n", markdown, StringComparison.Ordinal);
        Assert.Equal(11, markdown.Split('\n').Count(l => l.StartsWith("## ", StringComparison.Ordinal)));
        Assert.Contains("| 等级 | 数量 | 占比 |\n| --- | ---: | ---: |\n", markdown, StringComparison.Ordinal);
        Assert.Contains("| 主要扣分项 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Markdown_EscapesRecordTextSoItCannotBreakTablesOrInjectHtml()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "a|b " + Hostile), r => Evaluated("FU|1", 40, deductions: [Deduction(DeductionGroup.MissingInfo, 5, field: "x|y")], of: r));

        var markdown = builder.Build().ToString(TeamReportFormat.Markdown);

        Assert.DoesNotContain("<script>", markdown, StringComparison.Ordinal);
        Assert.Contains(@"a\|b &lt;script&gt;alert(1)&lt;/script&gt;", markdown, StringComparison.Ordinal);
        Assert.Contains(@"FU\|1", markdown, StringComparison.Ordinal);
        var attentionRow = markdown.Split('\n').Single(l => l.StartsWith("| 1 |", StringComparison.Ordinal));
        Assert.Equal(10, UnescapedPipes().Count(attentionRow));
    }

    [Theory]
    [InlineData(TeamReportFormat.Text)]
    [InlineData(TeamReportFormat.Markdown)]
    [InlineData(TeamReportFormat.Html)]
    public void Write_OneTextChargedUnderTwoComponents_NamesEachComponent(TeamReportFormat format)
    {
        var completeness = Deduction(DeductionGroup.VagueDescription, 1, "VagueText", "needs.summary");
        var clarity = completeness with { Component = GradeComponent.Clarity, Points = 8 };
        var builder = new TeamReportBuilder();
        builder.Add(Record(), r => Evaluated("FU-1", 40, deductions: [completeness, clarity], of: r));

        var written = builder.Build().ToString(format, English);

        string[] charges = format == TeamReportFormat.Html
            ? ["-8</span> Vague description · clarity", "-1</span> Vague description · completeness"]
            : ["Vague description -8 · clarity", "Vague description -1 · completeness"];
        Assert.All(charges, charge => Assert.Contains(charge, written, StringComparison.Ordinal));
    }

    [Fact]
    public void Write_Json_HasTheDocumentedShapeInCamelCase()
    {
        using var json = JsonDocument.Parse(Sample.Value.ToString(TeamReportFormat.Json));
        var root = json.RootElement;

        Assert.Equal(
            ["recordCount", "unreadableRows", "readInPart", "evaluatedAt", "averageScore", "grades", "owners", "steps", "deductionGroups", "vaguePhrases", "riskLevels", "riskNotAssessable", "highRiskIds", "riskSignals",
                "stages", "needsAttention", "dealsAtRiskCount", "dealsAtRisk"],
            root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(Sample.Value.RecordCount, root.GetProperty("recordCount").GetInt64());
        Assert.Equal("2026-11-26T12:00:00+08:00", root.GetProperty("evaluatedAt").GetString());
        Assert.Equal(["A", "B", "C", "D"], root.GetProperty("grades").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["Low", "Medium", "High", "Critical"], root.GetProperty("riskLevels").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["High", "Critical"], root.GetProperty("highRiskIds").EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["owner", "recordCount", "averageScore", "grades", "deductionGroups", "dealsAtRisk", "dealsOverdue"],
            root.GetProperty("owners")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["A", "B", "C", "D"], root.GetProperty("owners")[0].GetProperty("grades").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["group", "count", "points"], root.GetProperty("owners")[0].GetProperty("deductionGroups")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["step", "recordsMissing", "missingRate", "averageScore"], root.GetProperty("steps")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["group", "count", "points"], root.GetProperty("deductionGroups")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["phrase", "category", "count"], root.GetProperty("vaguePhrases")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["code", "recordCount"], root.GetProperty("riskSignals")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["stage", "count"], root.GetProperty("stages")[0].EnumerateObject().Select(p => p.Name));
        // Every sample names a known stage, so no row of unknown ones follows the stages.
        Assert.Equal(Enum.GetNames<DealStage>(), root.GetProperty("stages").EnumerateArray().Select(s => s.GetProperty("stage").GetString()));
        var attention = root.GetProperty("needsAttention")[0];
        Assert.Equal(
            ["id", "customer", "owner", "grade", "score", "riskLevel", "riskScore", "overdueHours", "topDeductions", "riskNotAssessable"],
            attention.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["code", "group", "component", "points", "field", "message"], attention.GetProperty("topDeductions")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Write_Json_CarriesTheReportsNumbers()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "李明", stage: DealStage.Negotiation), r => Evaluated("FU-1", 45.5, risk: RiskLevel.High, overdue: TimeSpan.FromHours(12.26), of: r));
        builder.Add(Record(owner: "李明", stage: DealStage.Negotiation), r => Evaluated("FU-2", 90, of: r));

        using var json = JsonDocument.Parse(builder.Build().ToString(TeamReportFormat.Json));
        var root = json.RootElement;

        Assert.Equal(67.75, root.GetProperty("averageScore").GetDouble());
        Assert.Equal(1, root.GetProperty("grades").GetProperty("D").GetInt64());
        Assert.Equal(2, root.GetProperty("stages")[(int)DealStage.Negotiation].GetProperty("count").GetInt64());
        Assert.Equal(12.3, root.GetProperty("needsAttention")[0].GetProperty("overdueHours").GetDouble());
        Assert.Equal("High", root.GetProperty("needsAttention")[0].GetProperty("riskLevel").GetString());
    }

    [Fact]
    public void Write_Json_CountsNotAssessableApartAndNamesHighRiskRecords()
    {
        var report = Report(
            Evaluated("R04", 35, findings: [FindingCodes.RiskNotAssessable]),
            Evaluated("R15", 100, risk: RiskLevel.Critical, riskScore: 82.5),
            Evaluated("R10", 100));

        using var json = JsonDocument.Parse(report.ToString(TeamReportFormat.Json));
        var root = json.RootElement;

        Assert.Equal(1, root.GetProperty("riskNotAssessable").GetInt64());
        Assert.Equal(1, root.GetProperty("riskLevels").GetProperty("Low").GetInt64());
        Assert.Equal(["R15"], root.GetProperty("highRiskIds").GetProperty("Critical").EnumerateArray().Select(e => e.GetString()));
        Assert.Empty(root.GetProperty("highRiskIds").GetProperty("High").EnumerateArray());
        var r04 = root.GetProperty("needsAttention").EnumerateArray().Single(a => a.GetProperty("id").GetString() == "R04");
        Assert.Equal("Low", r04.GetProperty("riskLevel").GetString());
        Assert.True(r04.GetProperty("riskNotAssessable").GetBoolean());
    }

    [Fact]
    public void Write_Json_KeepsChineseReadableAndIgnoresCulture()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "李明"), r => Evaluated("FU-1", 45, vague: ["跟进中"], of: r));
        var report = builder.Build();

        var chinese = report.ToString(TeamReportFormat.Json);
        var english = report.ToString(TeamReportFormat.Json, English);

        Assert.Contains("\"owner\": \"李明\"", chinese, StringComparison.Ordinal);
        Assert.Contains("\"phrase\": \"跟进中\"", chinese, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", chinese, StringComparison.Ordinal);
        Assert.Equal(chinese, english);
    }

    [Fact]
    public void Write_UnreadableRows_AreNamedInEveryFormatSoTheReportDoesNotLookComplete()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "李明"), r => Evaluated("FU-1", 80, of: r));
        builder.AddUnreadable(3);
        builder.AddUnreadable();
        var report = builder.Build();

        Assert.Equal(4, report.UnreadableRows);
        Assert.Contains("无法读取、未计入的行 4", report.ToString(TeamReportFormat.Text), StringComparison.Ordinal);
        Assert.Contains("Unreadable rows left out 4", report.ToString(TeamReportFormat.Markdown, English), StringComparison.Ordinal);
        Assert.Contains("无法读取、未计入的行", report.ToString(TeamReportFormat.Html), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(report.ToString(TeamReportFormat.Json));
        Assert.Equal(4, json.RootElement.GetProperty("unreadableRows").GetInt64());
        Assert.DoesNotContain("无法读取", Report(Evaluated("1", 40)).ToString(TeamReportFormat.Text), StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddUnreadable(-1));
    }

    [Fact]
    public void Write_InputReadInPart_IsNamedInEveryFormat()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "李明"), r => Evaluated("FU-1", 80, of: r));
        builder.AddUnreadable();
        builder.AddReadInPart("crm.csv:row 5");
        var report = builder.Build();

        Assert.Equal(["crm.csv:row 5"], report.ReadInPart);
        Assert.Contains("读取中断于（其后未读） crm.csv:row 5", report.ToString(TeamReportFormat.Text), StringComparison.Ordinal);
        Assert.Contains("Reading stopped at (the rest unread) crm.csv:row 5", report.ToString(TeamReportFormat.Markdown, English), StringComparison.Ordinal);
        Assert.Contains("crm.csv:row 5", report.ToString(TeamReportFormat.Html), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(report.ToString(TeamReportFormat.Json));
        Assert.Equal("crm.csv:row 5", Assert.Single(json.RootElement.GetProperty("readInPart").EnumerateArray()).GetString());
        Assert.Throws<ArgumentException>(() => builder.AddReadInPart(" "));
    }

    [Fact]
    public void Write_TextOfNoRecords_ShowsNoStepAverage()
    {
        var text = new TeamReportBuilder().Build().ToString(TeamReportFormat.Markdown, English);

        Assert.Contains("| Customer basics | 0 | 0.0% | - |", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_JsonOfNoRecords_HasNullAverageAndTime()
    {
        using var json = JsonDocument.Parse(new TeamReportBuilder().Build().ToString(TeamReportFormat.Json));

        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("averageScore").ValueKind);
        Assert.Equal(JsonValueKind.Null, json.RootElement.GetProperty("evaluatedAt").ValueKind);
        Assert.Equal(0, json.RootElement.GetProperty("needsAttention").GetArrayLength());
        Assert.All(json.RootElement.GetProperty("steps").EnumerateArray(), step => Assert.Equal(JsonValueKind.Null, step.GetProperty("averageScore").ValueKind));
    }

    [Fact]
    public void Write_Html_EncodesAnOwnerThatIsAScript()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: Hostile, company: "\"><img src=x onerror=alert(2)>"), r => Evaluated("<b>FU-1</b>", 40, vague: ["<i>跟进中</i>"],
            deductions: [new Deduction("Code", DeductionGroup.MissingInfo, GradeComponent.Completeness, 5, "<u>field</u>", "<svg onload=alert(3)>")], of: r));

        var html = builder.Build().ToString(TeamReportFormat.Html);

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>FU-1", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<u>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<svg onload", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;", html, StringComparison.Ordinal);
        Assert.Contains("&lt;b&gt;FU-1&lt;/b&gt;", html, StringComparison.Ordinal);

        // In full in the owner chart's tooltip, the owners' table and the attention table; the chart's label is cut short, and encoded too.
        Assert.Equal(3, CountOf(html, WebUtility.HtmlEncode(Hostile)));
        Assert.Contains("&lt;script&gt;alert(1)&lt;…", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_Html_IsOneSelfContainedPageWithoutScriptsOrExternalAssets()
    {
        var html = Sample.Value.ToString(TeamReportFormat.Html);

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"zh-CN\">", html, StringComparison.Ordinal);
        Assert.EndsWith("</html>\n", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@import", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("url(", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("src=", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("@font-face", html, StringComparison.OrdinalIgnoreCase);
        var links = Urls().Matches(html).Select(m => m.Value).Distinct().ToList();
        Assert.Equal(["http://www.w3.org/2000/svg"], links);
    }

    [Fact]
    public void Write_Html_DrawsTheFourChartsAsInlineSvg()
    {
        var html = Sample.Value.ToString(TeamReportFormat.Html);

        var charts = Charts().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["grades", "steps", "owners", "stages", "risk"], charts);
        Assert.Equal(Sample.Value.Owners.Count, CountOf(SvgOf(html, "owners"), "<rect"));
        Assert.Equal(4, CountOf(SvgOf(html, "grades"), "<rect"));
        Assert.Equal(5, CountOf(SvgOf(html, "steps"), "<rect"));
        Assert.All(Sample.Value.Steps, step => Assert.Contains($">{ReportTables.Percent(step.MissingRate)}<", SvgOf(html, "steps"), StringComparison.Ordinal));
    }

    [Fact]
    public void Write_HtmlInEnglish_HasEnglishLabelsAndLanguage()
    {
        var html = Sample.Value.ToString(TeamReportFormat.Html, English);

        Assert.StartsWith("<!DOCTYPE html>\n<html lang=\"en\">", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Grade distribution</h2>", html, StringComparison.Ordinal);
        Assert.Contains("Proposal sent", html, StringComparison.Ordinal);
        Assert.DoesNotContain("等级分布", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_HtmlOfNoRecords_StillRendersEveryChart()
    {
        var html = new TeamReportBuilder().Build().ToString(TeamReportFormat.Html);

        Assert.Equal(5, Charts().Count(html));
        Assert.Contains("没有需要优先改写的记录。", html, StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Infinity", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_NoOwner_IsLabelledInTheReportsLanguage_AndNullInJson()
    {
        var report = Report(Evaluated("1", 40));

        Assert.Contains("（未指定）", report.ToString(TeamReportFormat.Text), StringComparison.Ordinal);
        Assert.Contains("(none)", report.ToString(TeamReportFormat.Text, English), StringComparison.Ordinal);
        using var json = JsonDocument.Parse(report.ToString(TeamReportFormat.Json));
        Assert.Equal(JsonValueKind.Null, Assert.Single(json.RootElement.GetProperty("owners").EnumerateArray()).GetProperty("owner").ValueKind);
        Assert.Equal(JsonValueKind.Null, Assert.Single(json.RootElement.GetProperty("needsAttention").EnumerateArray()).GetProperty("owner").ValueKind);
    }

    private static int Cells(string text) => text.Sum(c => c >= '\u2E80' ? 2 : 1);

    private static int CountOf(string text, string value)
    {
        var count = 0;
        for (var i = text.IndexOf(value, StringComparison.Ordinal); i >= 0; i = text.IndexOf(value, i + value.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    private static string SvgOf(string html, string chart)
    {
        var start = html.IndexOf($"data-chart=\"{chart}\"", StringComparison.Ordinal);
        return html[start..html.IndexOf("</svg>", start, StringComparison.Ordinal)];
    }

    /// <summary>The composite-format placeholders of a label ({0}), in order.</summary>
    private static string[] Placeholders(string label) => [.. Placeholder().Matches(label).Select(match => match.Value).Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{\d+(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex("""https?://[^\s"'<>)]+""")]
    private static partial Regex Urls();

    [GeneratedRegex("""<svg class="chart" data-chart="(\w+)" """)]
    private static partial Regex Charts();

    [GeneratedRegex(@"(?<!\\)\|")]
    private static partial Regex UnescapedPipes();

    /// <summary>
    /// A rep with a fair average who owns both overdue deals, and one with the best average and none: the report must show
    /// the first as such, beside the average, in every format.
    /// </summary>
    private static TeamReport OwnersReport()
    {
        var builder = new TeamReportBuilder();
        builder.Add(Record(owner: "周杰", stage: DealStage.ProposalSent), r => Evaluated("Z1", 96, of: r, deductions: [Deduction(DeductionGroup.RiskIgnored, 4)]));
        builder.Add(Record(owner: "孙丽", stage: DealStage.Initial), r => Evaluated(
            "S1", 87.5, of: r, overdue: TimeSpan.FromDays(19), deductions: [Deduction(DeductionGroup.MissingInfo, 12.5)]));
        builder.Add(Record(owner: "孙丽", stage: DealStage.NeedsConfirmed), r => Evaluated("S2", 55, of: r, overdue: TimeSpan.FromDays(9.6)));
        return builder.Build();
    }

    [Theory]
    [InlineData(TeamReportFormat.Text, "zh-CN", "2（逾期 2）", "1/0/0/1", "各责任人扣分（五类常见错误）")]
    [InlineData(TeamReportFormat.Markdown, "en", "2 (2 overdue)", "1/0/0/1", "Points lost per owner (the five common errors)")]
    [InlineData(TeamReportFormat.Html, "zh-TW", "2（逾期 2）", "1/0/0/1", "各責任人扣分（五類常見錯誤）")]
    [InlineData(TeamReportFormat.Html, "zh-HK", "2（逾期 2）", "1/0/0/1", "各負責人扣分（五類常見錯誤）")]
    public void Write_Owners_ShowGradeMixDealsAtRiskAndPointsLostPerError(TeamReportFormat format, string culture, string deals, string grades, string section)
    {
        var written = OwnersReport().ToString(format, CultureInfo.GetCultureInfo(culture));

        Assert.Contains(section, written, StringComparison.Ordinal);
        var sunLi = written.Split('\n').First(l => l.Contains("孙丽", StringComparison.Ordinal) && l.Contains(grades, StringComparison.Ordinal));
        Assert.Contains(deals, sunLi, StringComparison.Ordinal);
        Assert.Contains("12.5", written[written.IndexOf(section, StringComparison.Ordinal)..], StringComparison.Ordinal);
    }

    [Fact]
    public void Write_TextOwnerPoints_AreOneColumnPerErrorInGroupOrder()
    {
        var text = OwnersReport().ToString(TeamReportFormat.Text);

        var table = text[text.IndexOf("各责任人扣分", StringComparison.Ordinal)..].Split('\n');
        Assert.Equal(["责任人", "信息遗漏", "描述模糊", "责任不清", "附件缺失", "风险忽视"], table[3].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["周杰", "-", "-", "-", "-", "4"], table[4].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal(["孙丽", "12.5", "-", "-", "-", "-"], table[5].Split(' ', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Write_Json_OwnersCarryTheirGradesPointsLostAndDealsAtRisk()
    {
        using var json = JsonDocument.Parse(OwnersReport().ToString(TeamReportFormat.Json));

        var sunLi = json.RootElement.GetProperty("owners").EnumerateArray().Single(o => o.GetProperty("owner").GetString() == "孙丽");
        Assert.Equal(2, sunLi.GetProperty("dealsAtRisk").GetInt64());
        Assert.Equal(2, sunLi.GetProperty("dealsOverdue").GetInt64());
        Assert.Equal(1, sunLi.GetProperty("grades").GetProperty("D").GetInt64());
        var missingInfo = sunLi.GetProperty("deductionGroups").EnumerateArray().Single(g => g.GetProperty("group").GetString() == "MissingInfo");
        Assert.Equal(12.5, missingInfo.GetProperty("points").GetDouble());
    }

    [Fact]
    public void Write_TextRiskLevels_BarsStayBesideTheShareWhateverTheIdsAfterThem()
    {
        var report = Report(
            Evaluated("R-low", 90),
            Evaluated("XSY-1021-with-a-long-id", 90, risk: RiskLevel.High, riskScore: 60),
            Evaluated("XSY-1024-with-a-long-id", 90, risk: RiskLevel.High, riskScore: 60));

        var text = report.ToString(TeamReportFormat.Text);

        var lines = text[text.IndexOf("风险等级\n", StringComparison.Ordinal)..].Split("\n\n")[0].Split('\n');
        var low = lines.Single(l => l.StartsWith("  低 ", StringComparison.Ordinal));
        var high = lines.Single(l => l.StartsWith("  高 ", StringComparison.Ordinal));
        Assert.Equal(low.IndexOf('█', StringComparison.Ordinal), high.IndexOf('█', StringComparison.Ordinal));
        Assert.True(low.IndexOf('█', StringComparison.Ordinal) < 30, low);
        Assert.True(high.IndexOf("XSY-1021", StringComparison.Ordinal) > high.LastIndexOf('█'), high);
        Assert.Equal(
            TextReportWriter.DisplayWidth(lines.Single(l => l.StartsWith("  风险等级", StringComparison.Ordinal))[..^"记录".Length]),
            TextReportWriter.DisplayWidth(high[..high.IndexOf("XSY-1021", StringComparison.Ordinal)]));
    }
}
