using FollowUp.Rules.Cli.Tests.Infrastructure;

namespace FollowUp.Rules.Cli.Tests.Commands;

/// <summary><c>followup remind</c>: what needs follow-up now, most urgent first, as a table or JSON Lines.</summary>
public sealed class RemindCommandTests
{
    private static readonly string[] Kinds = ["Overdue", "DueToday", "Unanswered", "Stale", "Upcoming"];

    /// <summary>A deal overdue and stale, one only stale, one due in two days and one in ten, as of <see cref="CliRunner.Now"/>.</summary>
    private const string Deals = """
        {"id":"OS","owner":"孙丽","customer":{"company":"深圳市小鹿母婴连锁有限公司"},"communications":[{"at":"2026-11-02T10:00:00+08:00","channel":"电话","summary":"介绍排班模块"}],"progress":{"stage":"Initial","nextAction":"上门演示排班模块","nextActionDue":"2026-11-10T18:00:00+08:00"}}
        {"id":"ST","owner":"黄涛","communications":[{"at":"2026-11-01T10:00:00+08:00","channel":"电话","summary":"介绍方案"}],"progress":{"stage":"ProposalSent","nextAction":"电话确认方案反馈","nextActionDue":"2026-12-20T18:00:00+08:00"}}
        {"id":"UP","owner":"李娜","communications":[{"at":"2026-11-25T10:00:00+08:00","channel":"电话","summary":"确认需求"}],"progress":{"stage":"ProposalSent","nextAction":"发合同草稿","nextActionDue":"2026-11-28T18:00:00+08:00"}}
        {"id":"LATER","owner":"李娜","communications":[{"at":"2026-11-25T10:00:00+08:00","channel":"电话","summary":"确认需求"}],"progress":{"stage":"ProposalSent","nextAction":"上门演示","nextActionDue":"2026-12-06T18:00:00+08:00"}}

        """;

    [Fact]
    public async Task Remind_JsonLines_AreMostUrgentFirst()
    {
        var run = await CliRunner.RunAsync("remind", "--format", "jsonl", "--now", CliRunner.Now, SampleData.FollowUpsPath);

        Assert.Equal(0, run.ExitCode);
        var reminders = run.Evaluations;
        Assert.NotEmpty(reminders);
        var order = reminders.Select(r => (Kind: Array.IndexOf(Kinds, r.GetProperty("kind").GetString()), Late: r.GetProperty("lateHours").GetDouble())).ToList();
        Assert.All(order, o => Assert.True(o.Kind >= 0));
        Assert.Equal(order.OrderBy(o => o.Kind).ThenByDescending(o => o.Late), order);
        Assert.All(reminders, r => Assert.False(string.IsNullOrEmpty(r.GetProperty("reason").GetString())));
    }

    [Fact]
    public async Task Remind_Help_ListsItsOwnExitCodes_WhichHaveNo4()
    {
        var run = await CliRunner.RunAsync("remind", "--help");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("Exit codes: 0 done, 2 usage or configuration error, 3 done but some rows were unreadable,", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("4 done", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("as for evaluate", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remind_DueGivenAsADay_IsWrittenAsTheDayWhoseEndLateHoursCountFrom()
    {
        const string records = """
            {"id":"D","owner":"李明","progress":{"stage":"Negotiation","nextAction":"发合同","nextActionDue":"2026-11-20"}}
            {"id":"T","owner":"李明","progress":{"stage":"Negotiation","nextAction":"发合同","nextActionDue":"2026-11-20T15:00:00+08:00"}}
            """;

        var run = await CliRunner.RunWithInputAsync(records, "remind", "--format", "jsonl", "--now", CliRunner.Now, "-");

        var overdue = run.Evaluations.Where(r => r.GetProperty("kind").GetString() == "Overdue")
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => (Due: r.GetProperty("due").GetString(), Late: r.GetProperty("lateHours").GetDouble()));
        Assert.Equal(("2026-11-20", 132.0), overdue["D"]);
        Assert.Equal(("2026-11-20T15:00:00+08:00", 141.0), overdue["T"]);
    }

    [Theory]
    [InlineData("zh-TW", "管道")]
    [InlineData("zh-HK", "渠道")]
    public async Task Remind_TraditionalCulture_GivesTheReasonsInTraditionalChineseOfItsRegion(string culture, string channel)
    {
        var run = await CliRunner.RunAsync("remind", "--format", "jsonl", "--culture", culture, "--now", CliRunner.Now, SampleData.FollowUpsPath);

        Assert.Equal(0, run.ExitCode);
        var reasons = run.Evaluations.Select(r => r.GetProperty("reason").GetString()!).ToList();
        Assert.Contains(reasons, r => r.Contains("今天完成，或寫明原因和新的截止時間。", StringComparison.Ordinal));
        Assert.Contains(reasons, r => r.Contains($"換個時間或{channel}再聯絡", StringComparison.Ordinal));
        Assert.DoesNotContain(reasons, r => r.Contains("写明原因", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Remind_DateOrder_ReadsDayFirstDatesThatAreOtherwiseLeftOut()
    {
        // A Hong Kong export writes every date day first; by default they are unreadable and the overdue deal is not reminded.
        const string records = """
            {"id":"HK","owner":"陳嘉欣","progress":{"stage":"Negotiation","nextAction":"寄報價單","nextActionDue":"20/11/2026 15:00"}}
            {"id":"ROC","owner":"王小明","progress":{"stage":"Negotiation","nextAction":"寄報價單","nextActionDue":"115/11/20"}}
            """;

        var byDefault = await CliRunner.RunWithInputAsync(records, "remind", "--format", "jsonl", "--now", CliRunner.Now, "-");
        var dayFirst = await CliRunner.RunWithInputAsync(records, "remind", "--format", "jsonl", "--date-order", "dayfirst", "--now", CliRunner.Now, "-");

        Assert.Equal(["ROC"], byDefault.Evaluations.Where(r => r.GetProperty("kind").GetString() == "Overdue").Select(r => r.GetProperty("id").GetString()));
        var overdue = dayFirst.Evaluations.Where(r => r.GetProperty("kind").GetString() == "Overdue")
            .ToDictionary(r => r.GetProperty("id").GetString()!, r => r.GetProperty("due").GetString());
        Assert.Equal("2026-11-20T15:00:00+08:00", overdue["HK"]);
        Assert.Equal("2026-11-20", overdue["ROC"]);
    }

    [Fact]
    public async Task Remind_Owner_KeepsOnlyThatOwner()
    {
        var all = await CliRunner.RunAsync("remind", "--format", "jsonl", "--now", CliRunner.Now, SampleData.FollowUpsPath);
        var owner = all.Evaluations.Select(r => r.GetProperty("owner").GetString()).First(o => o is not null)!;

        var run = await CliRunner.RunAsync("remind", "--format", "jsonl", "--owner", owner, "--now", CliRunner.Now, SampleData.FollowUpsPath);

        Assert.NotEmpty(run.Evaluations);
        Assert.All(run.Evaluations, r => Assert.Equal(owner, r.GetProperty("owner").GetString()));
    }

    [Fact]
    public async Task Remind_OwnerNoRecordHas_SaysSoRatherThanAnEmptyListAlone()
    {
        var unknown = await CliRunner.RunAsync("remind", "--owner", "李明明", "--now", CliRunner.Now, SampleData.FollowUpsPath);
        var all = await CliRunner.RunAsync("remind", "--format", "jsonl", "--now", CliRunner.Now, SampleData.FollowUpsPath);
        var owner = all.Evaluations.Select(r => r.GetProperty("owner").GetString()).First(o => o is not null)!;
        var known = await CliRunner.RunAsync("remind", "--owner", owner.ToUpperInvariant(), "--now", CliRunner.Now, SampleData.FollowUpsPath);

        Assert.Equal(0, unknown.ExitCode);
        Assert.Equal(2, unknown.OutputLines.Count);
        Assert.Contains("followup: no record has the owner '李明明'", unknown.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("no record has the owner", known.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remind_RecordsWithUnreadableScheduleDates_AreNamedOnStandardError()
    {
        // Neither record can be listed as overdue or stale; without the warning they would vanish from the list unseen.
        const string records = """
            {"id":"DUE","owner":"李明","progress":{"stage":"Negotiation","nextAction":"发合同","nextActionDue":"2026-13-45"}}
            {"id":"AT","owner":"王芳","communications":[{"at":"上个月底","channel":"Phone","summary":"电话沟通"}],"progress":{"stage":"Negotiation","nextAction":"发合同","nextActionDue":"2026-11-20"}}
            {"id":"OK","owner":"李明","progress":{"stage":"Negotiation","nextAction":"发合同","nextActionDue":"2026-11-20"}}
            """;

        var all = await CliRunner.RunWithInputAsync(records, "remind", "--format", "jsonl", "--now", CliRunner.Now, "-");
        var owned = await CliRunner.RunWithInputAsync(records, "remind", "--owner", "王芳", "--now", CliRunner.Now, "-");

        Assert.Equal(0, all.ExitCode);
        Assert.Equal(["AT", "OK"], all.Evaluations.Select(r => r.GetProperty("id").GetString()).Distinct().Order());
        Assert.Contains(
            "followup: warning: 2 records have a next action due time or contact time that could not be read, so whether they are overdue, unanswered or stale could not be checked: 'DUE', 'AT'.",
            all.Error,
            StringComparison.Ordinal);
        Assert.Contains("followup: warning: 1 record has a next action due time or contact time that could not be read", owned.Error, StringComparison.Ordinal);
        Assert.Contains(": 'AT'.", owned.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remind_Table_HasAHeaderAndOneLinePerDeal()
    {
        var jsonl = await CliRunner.RunAsync("remind", "--format", "jsonl", "--now", CliRunner.Now, SampleData.FollowUpsPath);
        var table = await CliRunner.RunAsync("remind", "--now", CliRunner.Now, SampleData.FollowUpsPath);

        var ids = jsonl.Evaluations.Select(r => r.GetProperty("id").GetString()).Distinct().ToList();
        Assert.True(ids.Count < jsonl.Evaluations.Count, "some sample deal has more than one reminder");
        Assert.StartsWith("类型", table.OutputLines[0], StringComparison.Ordinal);
        Assert.Equal(ids.Count + 2, table.OutputLines.Count);
    }

    [Fact]
    public async Task Remind_Table_DealWithSeveralReasons_IsOneLine_KindsAndReasonsJoinedMostUrgentFirst()
    {
        var table = await CliRunner.RunWithInputAsync(Deals, "remind", "--now", CliRunner.Now, "-");
        var jsonl = await CliRunner.RunWithInputAsync(Deals, "remind", "--format", "jsonl", "--now", CliRunner.Now, "-");

        var line = Assert.Single(table.OutputLines, l => l.Contains(" OS ", StringComparison.Ordinal));
        Assert.StartsWith("逾期+久未联系 ", line, StringComparison.Ordinal);
        Assert.Contains(" 15d ", line, StringComparison.Ordinal);
        var reasons = jsonl.Evaluations.Where(r => r.GetProperty("id").GetString() == "OS").Select(r => r.GetProperty("reason").GetString()!).ToList();
        Assert.Equal(2, reasons.Count);
        Assert.EndsWith(string.Concat(reasons), line, StringComparison.Ordinal);
        Assert.Equal(["逾期+久未联系", "久未联系"], table.OutputLines.Skip(2).Select(l => l.Split(' ')[0]));
    }

    [Theory]
    [InlineData("en", "KIND LATE ID CUSTOMER OWNER REASON", "Overdue+Stale")]
    [InlineData("zh-CN", "类型 超时 编号 客户 责任人 原因", "逾期+久未联系")]
    [InlineData("zh-TW", "類型 超時 編號 客戶 責任人 原因", "逾期+久未聯絡")]
    [InlineData("zh-HK", "類型 超時 編號 客戶 負責人 原因", "逾期+久未聯絡")]
    public async Task Remind_Table_HeadersAndKinds_AreInTheCulturesLanguage(string culture, string headers, string kinds)
    {
        var table = await CliRunner.RunWithInputAsync(Deals, "remind", "--culture", culture, "--now", CliRunner.Now, "-");

        Assert.Equal(headers, string.Join(' ', table.OutputLines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)));
        Assert.StartsWith(kinds + " ", table.OutputLines[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remind_Within_ListsNextActionsDueInThoseDaysAsUpcoming_AfterWhatIsDueNow()
    {
        var table = await CliRunner.RunWithInputAsync(Deals, "remind", "--within", "7", "--now", CliRunner.Now, "-");
        var jsonl = await CliRunner.RunWithInputAsync(Deals, "remind", "--within", "7", "--format", "jsonl", "--now", CliRunner.Now, "-");
        var without = await CliRunner.RunWithInputAsync(Deals, "remind", "--format", "jsonl", "--now", CliRunner.Now, "-");

        Assert.Equal(["OS", "ST", "OS", "UP"], jsonl.Evaluations.Select(r => r.GetProperty("id").GetString()));
        var upcoming = jsonl.Evaluations[^1];
        Assert.Equal(("Upcoming", 0.0, "2026-11-28T18:00:00+08:00"), (upcoming.GetProperty("kind").GetString(), upcoming.GetProperty("lateHours").GetDouble(), upcoming.GetProperty("due").GetString()));
        Assert.DoesNotContain(without.Evaluations, r => r.GetProperty("kind").GetString() == "Upcoming");
        var line = Assert.Single(table.OutputLines, l => l.Contains(" UP ", StringComparison.Ordinal));
        Assert.StartsWith("即将到期 ", line, StringComparison.Ordinal);
        Assert.Contains(" - ", line, StringComparison.Ordinal);
        Assert.EndsWith("下一步“发合同草稿”将于 2026-11-28 18:00 到期。", line, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-1")]
    [InlineData("367")]
    [InlineData("a week")]
    public async Task Remind_WithinOutOfRange_IsAUsageError(string days)
    {
        var run = await CliRunner.RunWithInputAsync(Deals, "remind", "--within", days, "--now", CliRunner.Now, "-");

        Assert.Equal(2, run.ExitCode);
        Assert.DoesNotContain(" OS ", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remind_Table_ToAPipe_GivesReasonsWhole_OnANarrowTerminal_CutsThemAndSaysHowToSeeThemWhole()
    {
        var piped = await CliRunner.RunWithInputAsync(Deals, "remind", "--now", CliRunner.Now, "-");
        var wide = await CliRunner.RunInTerminalAsync(400, Deals, "remind", "--now", CliRunner.Now, "-");
        var narrow = await CliRunner.RunInTerminalAsync(100, Deals, "remind", "--now", CliRunner.Now, "-");

        Assert.Equal(piped.Output, wide.Output);
        Assert.Empty(wide.Error);
        Assert.Contains(piped.OutputLines, l => l.EndsWith("（超过 14 天）。", StringComparison.Ordinal) && l.Contains(" OS ", StringComparison.Ordinal));
        Assert.All(narrow.OutputLines, l => Assert.True(Cells(l) < 100, l));
        Assert.Contains(narrow.OutputLines, l => l.EndsWith('…'));
        Assert.Contains("reasons cut with … to fit the terminal's 100 columns; --format jsonl", narrow.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remind_Table_DueMinutesAgo_ShowsMinutesNotZeroHours()
    {
        // The LATE column read "0h" for a next action due half an hour ago.
        const string Record = """{"id":"M-30","owner":"李明","progress":{"stage":"ProposalSent","nextAction":"发报价单","nextActionDue":"2026-11-26T11:30:00+08:00"}}""";

        var table = await CliRunner.RunWithInputAsync(Record + "\n", "remind", "--now", CliRunner.Now, "-");

        var line = Assert.Single(table.OutputLines, l => l.StartsWith("逾期", StringComparison.Ordinal));
        Assert.Contains(" 30min ", line, StringComparison.Ordinal);
        Assert.DoesNotContain(" 0h ", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remind_Table_NamesUpToTwentyCells_AreShownWhole()
    {
        // OWNER was 8 cells wide: Priya Nair and Priya Natarajan both read "Priya N…".
        const string Records = """
            {"id":"SEA-0001","owner":"Priya Nair","customer":{"company":"Bintang Foods"},"progress":{"stage":"ProposalSent","nextAction":"Send quote","nextActionDue":"2026-11-26T11:30:00+08:00"}}
            {"id":"SEA-0002","owner":"Priya Natarajan","customer":{"company":"Seng Heng Engineering Pte Ltd"},"progress":{"stage":"ProposalSent","nextAction":"Send quote","nextActionDue":"2026-11-26T10:30:00+08:00"}}
            {"id":"SEA-0003","owner":"Kenneth Wong Wai Keung Lee","progress":{"stage":"ProposalSent","nextAction":"Send quote","nextActionDue":"2026-11-26T09:30:00+08:00"}}
            """;

        var table = await CliRunner.RunWithInputAsync(Records + "\n", "remind", "--now", CliRunner.Now, "-");

        Assert.Contains(table.OutputLines, l => l.Contains("SEA-0001  ", StringComparison.Ordinal) && l.Contains(" Priya Nair ", StringComparison.Ordinal));
        Assert.Contains(table.OutputLines, l => l.Contains(" Seng Heng Engineering P… ", StringComparison.Ordinal) && l.Contains(" Priya Natarajan ", StringComparison.Ordinal));
        Assert.Contains(table.OutputLines, l => l.Contains(" Kenneth Wong Wai Ke… ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Remind_Table_LateColumn_RoundsAsTheReasonDoes()
    {
        // The column read "7d" beside "已 7.9 天未跟进": rounded down to the day there, up to the tenth in the evidence. A deal
        // overdue and stale shows how late its most urgent reminder, the overdue one, is.
        var table = await CliRunner.RunAsync("remind", "--now", CliRunner.Now, SampleData.FollowUpsPath);

        var line = Assert.Single(table.OutputLines, l => l.StartsWith("逾期+久未联系", StringComparison.Ordinal) && l.Contains("FU-1026", StringComparison.Ordinal));
        Assert.Contains(" 2.7d ", line, StringComparison.Ordinal);
        Assert.Contains("已逾期 2.7 天", line, StringComparison.Ordinal);
        Assert.Contains("已 7.8 天未跟进", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Remind_LaterNow_OnlyAddsReminders()
    {
        var now = await CliRunner.RunAsync("remind", "--format", "jsonl", "--now", CliRunner.Now, SampleData.FollowUpsPath);
        var later = await CliRunner.RunAsync("remind", "--format", "jsonl", "--now", "2027-01-26T12:00:00+08:00", SampleData.FollowUpsPath);

        static HashSet<string> Keys(CliRun run) =>
            [.. run.Evaluations.Where(r => r.GetProperty("kind").GetString() is "Overdue" or "Stale").Select(r => $"{r.GetProperty("id")}:{r.GetProperty("kind")}")];
        Assert.Subset(Keys(later), Keys(now));
    }

    /// <summary>Terminal cells a line takes: two for CJK and full-width characters, one for the rest (the ellipsis, “ and ”).</summary>
    private static int Cells(string line) => line.EnumerateRunes().Sum(r => r.Value is >= 0x2E80 and <= 0xA4CF or >= 0xFF00 and <= 0xFF60 ? 2 : 1);
}
