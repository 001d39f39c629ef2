using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using FollowUp.Rules.Cli.Tests.Infrastructure;

namespace FollowUp.Rules.Cli.Tests.Commands;

/// <summary><c>followup evaluate</c> end to end, in-process: output shape and the options that change it.</summary>
public sealed class EvaluateCommandTests : IDisposable
{
    private static readonly string[] TopLevelKeys =
        ["id", "profile", "evaluatedAt", "score", "grade", "completeness", "clarity", "vague", "risk", "deductions", "findings"];

    private static readonly string[] Steps = ["BasicInfo", "Needs", "Communications", "Progress", "AttachmentsAndRisks"];

    private static readonly string[] Grades = ["A", "B", "C", "D"];

    // A ToB record that gives a phone but no email: complete for ToB's contact rule, not for a profile that requires the email.
    private static readonly string PhoneOnlyRecord = SampleData.Record(
        "K-1",
        """
        "scenario":"ToB","customer":{"name":"张伟","company":"宏图建筑设计院","phone":"13800000000"}
        """);

    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task Evaluate_ScenariosThatNameNoProfile_AreCountedInOneWarningAtTheEnd()
    {
        var input = _temp.Write("scenarios.jsonl", string.Join('\n',
            SampleData.Record("S-1", "\"scenario\":\"Wholesale\""),
            SampleData.Record("S-2", "\"scenario\":\"电商\""),
            SampleData.Record("S-3", "\"scenario\":\"Wholesale\""),
            SampleData.Record("S-4", "\"scenario\":\"门店\""),
            SampleData.Record("S-5", "\"scenario\":\"ToC\"")));

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["ToB", "ECommerce", "ToB", "ToB", "ToC"], run.Evaluations.Select(e => e.GetProperty("profile").GetString()));
        Assert.Equal(
            "followup: warning: 3 record(s) name a scenario no profile has, and were evaluated with profile ToB: 'Wholesale' (2), '门店' (1). "
            + "Give a profile's name, or add the value to a profile's \"Aliases\" in --config.\n",
            run.Error);
    }

    [Fact]
    public async Task Evaluate_RecordsThatRepeatAnEarlierId_AreEvaluatedAndNamedInOneWarningAtTheEnd()
    {
        var first = _temp.Write("first.jsonl", string.Join('\n',
            SampleData.Record("R-1", "\"scenario\":\"ToB\""),
            SampleData.Record("R-2", "\"scenario\":\"ToB\"")));
        var second = _temp.Write("second.jsonl", string.Join('\n',
            SampleData.Record("R-3", "\"scenario\":\"ToB\""),
            SampleData.Record("R-1", "\"scenario\":\"ToC\""),
            SampleData.Record("r-2", "\"scenario\":\"ToB\""),
            SampleData.Record("R-1", "\"scenario\":\"ToB\""),
            SampleData.Record(" ", "\"scenario\":\"ToB\""),
            SampleData.Record(" ", "\"scenario\":\"ToB\"")));

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, first, second);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["R-1", "R-2", "R-3", "R-1", "r-2", "R-1", " ", " "], run.Ids);
        Assert.Equal(
            $"followup: warning: 2 record(s) repeat the id of an earlier record: 'R-1' at {second}:line 2, 'R-1' at {second}:line 4. "
            + "Each was evaluated; a system that loads records by id would keep only one of each.\n",
            run.Error);
    }

    [Fact]
    public async Task Evaluate_DatesWithTheYearLast_AreNamedInOneWarningWithTheOrderThatReadsThem()
    {
        // A day-first export graded every record C with exit 0 and nothing on standard error: only the JSON findings said why.
        var input = _temp.Write("day-first.jsonl", string.Join('\n',
            SampleData.Record("S-1", "\"communications\":[{\"at\":\"25/11/2026 15:00\",\"summary\":\"电话沟通\"}]"),
            SampleData.Record("S-2", "\"progress\":{\"nextActionDue\":\"05/12/2026\"},\"recordedAt\":\"26/11/2026 09:00\""),
            SampleData.Record("S-3", "\"progress\":{\"nextActionDue\":\"2026-12-05\"}")));

        var byDefault = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);
        var dayFirst = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, "--date-order", "DayFirst", input);

        Assert.True(byDefault.ExitCode == 0, byDefault.ToString());
        Assert.Equal(
            "followup: warning: 3 date(s) in 2 record(s) have the year last and were not read, so their records were graded without them "
            + "(first: '25/11/2026 15:00' in record 'S-1'; 2 read only day first, 0 only month first, 1 either way). "
            + "The export writes the day first: pass --date-order DayFirst (or \"DateOrder\": \"DayFirst\" in --config).\n",
            byDefault.Error);
        Assert.True(dayFirst.ExitCode == 0, dayFirst.ToString());
        Assert.Equal("", dayFirst.Error);
    }

    [Theory]
    [InlineData("evaluate")]
    [InlineData("report", "--format", "json")]
    [InlineData("remind", "--format", "jsonl")]
    public async Task AnyCommand_DayFirstExport_WarnsOnceNamingTheOption_WhileFindingsSpeakToTheRecordsWriter(params string[] command)
    {
        // The finding is read by the salesperson in a host app; the option is for whoever runs the import, once per run.
        var input = _temp.Write("day-first.jsonl", string.Join('\n', Enumerable.Range(1, 30).Select(i =>
            SampleData.Record($"D-{i}", "\"recordedAt\":\"26/11/2026 09:00\",\"communications\":[{\"at\":\"25/11/2026 15:00\",\"summary\":\"电话沟通\"}]"))));
        var config = _temp.Write("day-first.json", """{ "FollowUpRules": { "DateOrder": "DayFirst" } }""");

        var byDefault = await CliRunner.RunAsync([.. command, "--now", CliRunner.Now, input]);
        var configured = await CliRunner.RunAsync([.. command, "--now", CliRunner.Now, "--config", config, input]);

        Assert.True(byDefault.ExitCode == 0, byDefault.ToString());
        var warning = Assert.Single(byDefault.ErrorLines, line => line.Contains("date-order", StringComparison.Ordinal));
        Assert.EndsWith("The export writes the day first: pass --date-order DayFirst (or \"DateOrder\": \"DayFirst\" in --config).", warning, StringComparison.Ordinal);
        Assert.DoesNotContain("--date-order", byDefault.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("DateOrder", byDefault.Output, StringComparison.Ordinal);
        Assert.True(configured.ExitCode == 0, configured.ToString());
        Assert.DoesNotContain("date-order", configured.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_DayFirstDate_FindingAsksTheWriterForTheYearFirst()
    {
        var input = _temp.Write("day-first.jsonl", SampleData.Record("D-1", "\"recordedAt\":\"27/11/2026 20:00\""));

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, "--culture", "en", input);

        var finding = Assert.Single(run.Evaluations[0].GetProperty("findings").EnumerateArray(), f => f.GetProperty("code").GetString() == "InvalidDate");
        Assert.Equal(("recordedAt", "Error"), (finding.GetProperty("field").GetString(), finding.GetProperty("severity").GetString()));
        Assert.Equal(
            "The record time \"27/11/2026 20:00\" is written day first (day/month/year), which is not read, as a day could be taken for a month: write the year first, as 2026-11-20 15:00.",
            finding.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("11/25/2026 15:00", "0 read only day first, 1 only month first, 0 either way). The export writes the month first: pass --date-order MonthFirst")]
    [InlineData("05/11/2026", "0 read only day first, 0 only month first, 1 either way). Pass --date-order DayFirst if the export writes the day first, MonthFirst if")]
    public async Task Evaluate_DatesWithTheYearLast_WarningNamesTheOrderTheyReadIn(string date, string expected)
    {
        var input = _temp.Write("year-last.jsonl", SampleData.Record("Y-1", $"\"communications\":[{{\"at\":\"{date}\",\"summary\":\"电话沟通\"}}]"));

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.Contains(expected, run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_InputNamedWithALineBreak_IsNamedOnOneLineOfStandardError()
    {
        // A path holding a line break split a diagnostic over two lines, where standard error has one line per problem.
        var input = _temp.Write("two\nlines.jsonl", SampleData.Record("L-1") + "\n{ \"id\": ,\n");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 3, run.ToString());
        var line = Assert.Single(run.ErrorLines);
        Assert.StartsWith(input.Replace("\n", "\\u000A", StringComparison.Ordinal) + ":line 2: unreadable record:", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_MoreRepeatedIdsThanTheWarningLists_AreCountedInFull()
    {
        var input = _temp.Write("twice.jsonl", string.Join('\n',
            Enumerable.Range(0, 14).Select(i => SampleData.Record($"T-{i % 7}", "\"scenario\":\"ToB\""))));

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(14, run.Ids.Count);
        Assert.StartsWith($"followup: warning: 7 record(s) repeat the id of an earlier record: 'T-0' at {input}:line 8, ", run.Error, StringComparison.Ordinal);
        Assert.Contains($"'T-4' at {input}:line 12 and 2 more. ", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_ScenarioWithControlCharactersOrVeryLong_IsQuotedOnOneLineThatCannotChangeTheTerminal()
    {
        var input = _temp.Write("odd.jsonl", string.Join('\n',
            SampleData.Record("O-1", "\"scenario\":\"Whole\\nsale\\u001b[31m\\u202e\""),
            SampleData.Record("O-2", $"\"scenario\":\"{new string('长', 100)}\""),
            SampleData.Record("O-3", $"\"scenario\":\"{new string('x', 39)}😀\"")));

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(run.ExitCode == 0, run.ToString());
        var warning = Assert.Single(run.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("'Whole\\u000Asale\\u001B[31m\\u202E' (1)", warning, StringComparison.Ordinal);
        Assert.Contains($"'{new string('长', 40)}…' (1)", warning, StringComparison.Ordinal);
        Assert.Contains($"'{new string('x', 39)}…' (1)", warning, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', warning);
    }

    [Fact]
    public async Task Evaluate_ValidJsonLinesFile_WritesOneSpecObjectPerRecordInInputOrder()
    {
        var run = await CliRunner.SampleEvaluationAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        Assert.EndsWith("\n", run.Output, StringComparison.Ordinal);
        Assert.Equal(SampleData.FollowUpIds, run.Ids);
        foreach (var evaluation in run.Evaluations)
        {
            Assert.Equal(JsonValueKind.Object, evaluation.ValueKind);
            Assert.Equal(TopLevelKeys, evaluation.EnumerateObject().Select(p => p.Name));
            Assert.Equal(CliRunner.Now, evaluation.GetProperty("evaluatedAt").GetString());
            Assert.InRange(evaluation.GetProperty("score").GetDouble(), 0, 100);
            Assert.Contains(evaluation.GetProperty("grade").GetString(), Grades);

            var completeness = evaluation.GetProperty("completeness");
            Assert.InRange(completeness.GetProperty("score").GetDouble(), 0, 100);
            var steps = completeness.GetProperty("steps").EnumerateArray().ToList();
            Assert.Equal(Steps, steps.Select(s => s.GetProperty("step").GetString()));
            Assert.All(steps, step =>
            {
                Assert.InRange(step.GetProperty("score").GetDouble(), 0, 100);
                Assert.Equal(JsonValueKind.Array, step.GetProperty("missing").ValueKind);
                Assert.Equal(JsonValueKind.Array, step.GetProperty("acknowledged").ValueKind);
            });

            Assert.Equal(JsonValueKind.Array, evaluation.GetProperty("clarity").ValueKind);
            Assert.Equal(JsonValueKind.Array, evaluation.GetProperty("vague").ValueKind);
            Assert.Equal(JsonValueKind.Array, evaluation.GetProperty("risk").GetProperty("signals").ValueKind);
            Assert.Equal(JsonValueKind.Array, evaluation.GetProperty("deductions").ValueKind);
            Assert.Equal(JsonValueKind.Array, evaluation.GetProperty("findings").ValueKind);
        }
    }

    [Fact]
    public async Task Evaluate_SampleFile_UsesEachRecordsScenarioAsItsProfile()
    {
        var run = await CliRunner.SampleEvaluationAsync();

        var profiles = run.Evaluations.Select(e => e.GetProperty("profile").GetString()).Distinct().Order(StringComparer.Ordinal);
        Assert.Equal(["ECommerce", "Project", "ToB", "ToC"], profiles);
    }

    [Fact]
    public async Task Evaluate_SeveralInputs_EvaluatesThemInCommandLineOrder()
    {
        var lines = _temp.Write("first.jsonl", SampleData.Record("A-1") + "\n" + SampleData.Record("A-2") + "\n");
        var array = _temp.Write("second.json", $"[{SampleData.Record("B-1")}, {SampleData.Record("B-2")}]");

        var run = await CliRunner.RunWithInputAsync(SampleData.Record("S-1"), "evaluate", "--now", CliRunner.Now, lines, "-", array, lines);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["A-1", "A-2", "S-1", "B-1", "B-2", "A-1", "A-2"], run.Ids);
    }

    [Theory]
    [InlineData("2026-11-26 12:00", "2026-11-26T12:00:00+08:00")]
    [InlineData("2026-11-26T12:00:00", "2026-11-26T12:00:00+08:00")]
    [InlineData("2026-11-26T04:00:00Z", "2026-11-26T12:00:00+08:00")]
    [InlineData("2026-11-26T12:00:00+09:00", "2026-11-26T11:00:00+08:00")]
    [InlineData("20261126T120000+0800", "2026-11-26T12:00:00+08:00")]
    [InlineData("2026-11-26T12:00:00+08", "2026-11-26T12:00:00+08:00")]
    [InlineData("2026-11-26t04:00:00z", "2026-11-26T12:00:00+08:00")]
    public async Task Evaluate_NowWithoutAnOffset_IsInTheDefaultOffsetLikeTheRecords(string now, string evaluatedAt)
    {
        var run = await CliRunner.RunAsync("evaluate", "--now", now, SampleData.FollowUpsPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.All(run.Evaluations, e => Assert.Equal(evaluatedAt, e.GetProperty("evaluatedAt").GetString()));
    }

    [Fact]
    public async Task Evaluate_FixedNow_IsByteIdenticalBetweenRuns()
    {
        // Two separate runs at different moments of the wall clock: the shared one, and this one.
        var earlier = await CliRunner.SampleEvaluationAsync();
        var now = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, SampleData.FollowUpsPath);

        Assert.Equal(0, now.ExitCode);
        Assert.NotEmpty(now.OutputBytes);
        Assert.Equal(earlier.OutputBytes, now.OutputBytes);
    }

    [Fact]
    public async Task Evaluate_FixedNow_ChangesTimeDependentResults()
    {
        // A year later the sample's next actions are all overdue: "now" really comes from --now.
        var now = await CliRunner.SampleEvaluationAsync();
        var later = await CliRunner.RunAsync("evaluate", "--now", "2027-11-26T12:00:00+08:00", SampleData.FollowUpsPath);

        Assert.All(later.Evaluations, e => Assert.Equal("2027-11-26T12:00:00+08:00", e.GetProperty("evaluatedAt").GetString()));
        Assert.True(later.Evaluations.Sum(Findings) > now.Evaluations.Sum(Findings), "a year later should find overdue next actions");

        static int Findings(JsonElement evaluation) => evaluation.GetProperty("findings").GetArrayLength();
    }

    [Fact]
    public async Task Evaluate_CultureEn_WritesEnglishMessages()
    {
        var input = _temp.Write("sparse.jsonl", SampleData.Record("E-1", "\"scenario\":\"ToB\""));

        var chinese = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);
        var english = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, "--culture", "en", input);

        var chineseMessages = Messages(Assert.Single(chinese.Evaluations));
        var englishMessages = Messages(Assert.Single(english.Evaluations));
        Assert.NotEmpty(englishMessages);
        Assert.Equal(chineseMessages.Count, englishMessages.Count);
        Assert.All(chineseMessages, message => Assert.True(JsonValues.HasChinese(message), message));
        Assert.All(englishMessages, message => Assert.False(JsonValues.HasChinese(message), message));

        static List<string> Messages(JsonElement evaluation) =>
        [
            .. evaluation.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("message").GetString()!),
            .. evaluation.GetProperty("deductions").EnumerateArray().Select(d => d.GetProperty("message").GetString()!),
        ];
    }

    [Fact]
    public async Task Evaluate_ProfileOptionGivenAsAnAlias_ForcesThatProfile()
    {
        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, "--profile", "电商", SampleData.FollowUpsPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.All(run.Evaluations, e => Assert.Equal("ECommerce", e.GetProperty("profile").GetString()));
    }

    [Fact]
    public async Task Evaluate_ProfileOption_ForcesTheProfileOfEveryRecord()
    {
        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, "--profile", "ToC", SampleData.FollowUpsPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(SampleData.FollowUpIds.Count, run.Evaluations.Count);
        Assert.All(run.Evaluations, e => Assert.Equal("ToC", e.GetProperty("profile").GetString()));
    }

    [Fact]
    public async Task Evaluate_ProfileOption_ChangesWhatIsRequired()
    {
        // ToC shrinks the basics to name + one contact channel + source: the industry ToB asks for is not missing under ToC.
        var input = _temp.Write("record.jsonl", PhoneOnlyRecord);

        var asToB = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);
        var asToC = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, "--profile", "ToC", input);

        Assert.Contains("customer.industry", Missing(Assert.Single(asToB.Evaluations), "BasicInfo"));
        Assert.DoesNotContain("customer.industry", Missing(Assert.Single(asToC.Evaluations), "BasicInfo"));
    }

    [Fact]
    public async Task Evaluate_ConfigWithCustomProfile_HonoursTheProfile()
    {
        var config = _temp.Write("rules.json", """
            {
              "FollowUpRules": {
                "Profiles": {
                  "KeyAccounts": { "BasedOn": "ToB", "RequiredFields": [ "customer.email" ], "StaleAfterDays": 7 }
                }
              }
            }
            """);
        var input = _temp.Write("record.jsonl", PhoneOnlyRecord);

        var plain = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);
        var custom = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, "--config", config, "--profile", "KeyAccounts", input);

        Assert.True(custom.ExitCode == 0, custom.ToString());
        var evaluation = Assert.Single(custom.Evaluations);
        Assert.Equal("KeyAccounts", evaluation.GetProperty("profile").GetString());
        Assert.Contains("customer.email", Missing(evaluation, "BasicInfo"));
        Assert.DoesNotContain("customer.email", Missing(Assert.Single(plain.Evaluations), "BasicInfo"));
    }

    [Fact]
    public async Task Evaluate_ConfigWithCustomProfile_AppliesToRecordsWhoseScenarioNamesIt()
    {
        var config = _temp.Write("rules.json", """
            { "FollowUpRules": { "Profiles": { "KeyAccounts": { "BasedOn": "ToB", "RequiredFields": [ "customer.email" ] } } } }
            """);
        var input = _temp.Write(
            "records.jsonl",
            SampleData.Record("K-1", "\"scenario\":\"KeyAccounts\"") + "\n" + SampleData.Record("K-2", "\"scenario\":\"ToC\"") + "\n");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, "--config", config, input);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(["KeyAccounts", "ToC"], run.Evaluations.Select(e => e.GetProperty("profile").GetString()));
    }

    [Fact]
    public async Task Evaluate_ConfigWithoutFollowUpRulesSection_UsesTheBuiltInRules_WithAWarning()
    {
        var config = _temp.Write("appsettings.json", """{ "Logging": { "LogLevel": { "Default": "Information" } } }""");
        var input = _temp.Write("record.jsonl", PhoneOnlyRecord);

        var withConfig = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, "--config", config, input);
        var without = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, input);

        Assert.True(withConfig.ExitCode == 0, withConfig.ToString());
        Assert.Equal(without.Output, withConfig.Output);
        Assert.Equal($"{config}: warning: --config has no FollowUpRules section, so the built-in rules apply.\n", withConfig.Error);
    }

    [Fact]
    public async Task Evaluate_ConfigWithoutSectionName_IsReadAsTheSection()
    {
        var config = _temp.Write("rules.json", """
            { "Culture": "en", "Profiles": { "KeyAccounts": { "BasedOn": "ToB" } } }
            """);
        var input = _temp.Write("record.jsonl", PhoneOnlyRecord);

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, "--config", config, "--profile", "KeyAccounts", input);

        Assert.True(run.ExitCode == 0, run.ToString());
        var evaluation = Assert.Single(run.Evaluations);
        Assert.Equal("KeyAccounts", evaluation.GetProperty("profile").GetString());
        Assert.All(evaluation.GetProperty("findings").EnumerateArray(), f => Assert.False(JsonValues.HasChinese(f.GetProperty("message").GetString()!)));
    }

    [Fact]
    public async Task Evaluate_OutputOption_WritesTheFileAndNothingToStandardOutput()
    {
        var outputPath = _temp.File("evaluations.jsonl");

        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, "--output", outputPath, SampleData.FollowUpsPath);
        var toStandardOutput = await CliRunner.SampleEvaluationAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Empty(run.OutputBytes);
        Assert.Equal("", run.Error);
        Assert.Equal(toStandardOutput.OutputBytes, await File.ReadAllBytesAsync(outputPath));
    }

    [Fact]
    public async Task Evaluate_OutputIsTheFileOnStandardInput_ReadsItWholeBeforeReplacingIt()
    {
        var path = _temp.Write("records.jsonl", File.ReadAllText(SampleData.FollowUpsPath));

        var run = await CliRunner.RunWithInputAsync(() => File.OpenRead(path), "evaluate", "--now", CliRunner.Now, "--output", path, "-");
        var toStandardOutput = await CliRunner.SampleEvaluationAsync();

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal(toStandardOutput.OutputBytes, await File.ReadAllBytesAsync(path));
        Assert.Equal([path], Directory.GetFiles(_temp.Path));
    }

    [Fact]
    public async Task Evaluate_FormatTable_PrintsAHeaderAndOneLinePerRecord()
    {
        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, "--format", "table", SampleData.FollowUpsPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.OutputLines;
        Assert.Equal(2 + SampleData.FollowUpIds.Count, lines.Count);
        Assert.Equal(["编号", "场景", "等级", "分数", "风险", "主要问题"], lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        Assert.Matches("^[- ]+$", lines[1]);
        Assert.Equal(SampleData.FollowUpIds, lines.Skip(2).Select(line => line.Split(' ', 2)[0]));
        Assert.All(lines.Skip(2), line => Assert.Matches(@"^\S+\s+(ToB|ToC|Project|ECommerce)\s+[ABCD]\s+\d+(\.\d)?\s+(Low|Medium|High|Critical)\b", line));
    }

    [Theory]
    [InlineData("en", "ID PROFILE GRADE SCORE RISK TOP ISSUES")]
    [InlineData("zh-TW", "編號 場景 等級 分數 風險 主要問題")]
    public async Task Evaluate_FormatTable_HeadersAreInTheCulturesLanguage(string culture, string headers)
    {
        var run = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, "--format", "table", "--culture", culture, SampleData.FollowUpsPath);

        Assert.Equal(headers, string.Join(' ', run.OutputLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
    }

    [Fact]
    public async Task Evaluate_FormatTable_AgreesWithJsonLines()
    {
        var table = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, "-f", "table", SampleData.FollowUpsPath);
        var jsonLines = await CliRunner.SampleEvaluationAsync();

        var fromTable = table.OutputLines.Skip(2).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Select(c => $"{c[0]} {c[2]} {c[4]}");
        var fromJson = jsonLines.Evaluations.Select(e =>
            $"{e.GetProperty("id").GetString()} {e.GetProperty("grade").GetString()} {e.GetProperty("risk").GetProperty("level").GetString()}");
        Assert.Equal(fromJson, fromTable);
    }

    [Fact]
    public async Task Evaluate_FormatTable_NamesEachTopFlawOnce_WithWhatItCostsInEachComponent()
    {
        var table = await CliRunner.RunAsync("evaluate", "--now", CliRunner.Now, "-f", "table", SampleData.FollowUpsPath);
        var jsonLines = await CliRunner.SampleEvaluationAsync();

        static string Cost(JsonElement d) =>
            $"{d.GetProperty("component").GetString()} -{d.GetProperty("points").GetDouble().ToString("0.#", CultureInfo.InvariantCulture)}";
        var expected = jsonLines.Evaluations.Select(e => string.Join("; ", e.GetProperty("deductions").EnumerateArray()
            .GroupBy(d => $"{d.GetProperty("code").GetString()} {d.GetProperty("field").GetString()}")
            .OrderByDescending(flaw => flaw.Sum(d => d.GetProperty("points").GetDouble()))
            .Take(3)
            .Select(flaw => $"{flaw.Key} ({string.Join(", ", flaw.OrderByDescending(d => d.GetProperty("points").GetDouble()).Select(Cost))})")));

        // The column is cut at its width with an ellipsis, so the line shows the start of the expected text.
        var shown = table.OutputLines.Skip(2).Select(line => Regex.Replace(line.TrimEnd(), @"^\S+(\s+\S+){4}\s*", "").TrimEnd('…'));
        Assert.All(expected.Zip(shown), pair => Assert.StartsWith(pair.Second, pair.First, StringComparison.Ordinal));
        Assert.Contains(shown, issues => issues.Contains("(Clarity -", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Evaluate_FormatTable_AFlawThatCostsInTwoComponents_IsListedOnce()
    {
        // A vague after-sales status costs points in Clarity and in Completeness: one flaw, not two.
        const string Record = """
            {"id":"S-1","scenario":"电商","owner":"陈静","recordedAt":"2026-11-25 16:00","customer":{"name":"李娜","phone":"13900001002"},"needs":{"summary":"电饭煲内胆有划痕，要求换货"},"communications":[{"at":"2026-11-25 15:30","channel":"旺旺","summary":"核实为运输磕碰，同意换新内胆，旧件顺丰到付寄回","feedback":"满意"}],"progress":{"stage":"商务谈判","nextAction":"11月27日前确认仓库收到旧内胆并寄出新内胆","nextActionDue":"2026-11-27 18:00"},"custom":{"orderStatus":"已付款","afterSales":"处理中"}}
            """;

        var run = await CliRunner.RunWithInputAsync(Record + "\n", "evaluate", "--now", CliRunner.Now, "-f", "table", "-");

        var line = Assert.Single(run.OutputLines.Skip(2));
        Assert.Contains("VagueText custom.afterSales (Clarity -", line, StringComparison.Ordinal);
        Assert.Contains(", Completeness -", line, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(line, "custom\\.afterSales"));
    }

    private static IReadOnlyList<string> Missing(JsonElement evaluation, string step) =>
        evaluation.GetProperty("completeness").GetProperty("steps").EnumerateArray()
            .Single(s => s.GetProperty("step").GetString() == step)
            .GetProperty("missing").Strings();
}
