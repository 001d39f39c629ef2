using System.Text.Json;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Reminders;
using FollowUp.Rules.Serialization;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests.Messages;

/// <summary>
/// Messages made for one record alone (a due date, a late record, an unanswered risk's evidence) are formatted when first read:
/// the result must read, compare and serialise exactly as if they had been formatted at once.
/// </summary>
public class DeferredMessageTests
{
    /// <summary>
    /// The complete ToB record, its next action past due, its stage unchanged since September and written three days after its contact: a finding, deductions and a
    /// reminder with dates in their messages, and an overdue signal that no risk entry answers.
    /// </summary>
    private static FollowUpRecord Overdue() => SampleRecords.CompleteToB()
        .WithProgress(progress => progress with { NextActionDue = Timestamp.Parse("2026-11-20T18:00:00+08:00"), StageSince = Timestamp.Parse("2026-09-01T10:00:00+08:00") })
        .WithCommunications(communication => communication with { At = Timestamp.Parse("2026-11-20T10:00:00+08:00") })
        with { RecordedAt = Timestamp.Parse("2026-11-23T18:00:00+08:00"), Risks = [] };

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Serialize_BeforeAnyMessageIsRead_WritesTheMessagesTheResultReads(string culture)
    {
        var evaluator = TestClock.Evaluator(options => options.Culture = culture);

        using var written = JsonDocument.Parse(FollowUpJson.Serialize(evaluator.Evaluate(Overdue())));
        var read = evaluator.Evaluate(Overdue());

        Assert.Contains(read.Findings, f => f.Code == FindingCodes.NextActionDueInPast && f.Message.Contains("2026-11-20", StringComparison.Ordinal));
        Assert.Contains(read.Findings, f => f.Code == FindingCodes.RiskUnanswered);
        Assert.Contains(read.Deductions, d => d.Code == DeductionCodes.LateRecord && d.Message.Contains("2026-11-23 18:00", StringComparison.Ordinal));
        Assert.Equal(read.Findings.Select(f => f.Message), Messages(written, "findings"));
        Assert.Equal(read.Deductions.Select(d => d.Message), Messages(written, "deductions"));
    }

    [Fact]
    public void Serialize_MessageLongerThanTheStackBuffer_IsWrittenWhole()
    {
        var scenario = string.Concat(Enumerable.Repeat("Wholesale “批发” ", 200));
        var evaluator = TestClock.Evaluator();

        using var written = JsonDocument.Parse(FollowUpJson.Serialize(evaluator.Evaluate(Overdue() with { Scenario = scenario })));
        var message = Assert.Single(evaluator.Evaluate(Overdue() with { Scenario = scenario }).Findings, f => f.Code == FindingCodes.UnknownProfile).Message;

        Assert.Contains(scenario, message, StringComparison.Ordinal);
        Assert.Contains(message, Messages(written, "findings"));
    }

    [Fact]
    public void Write_NeitherFormatsMessagesIntoStringsNorBoxes()
    {
        var evaluator = TestClock.Evaluator();
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(64 * 1024);
        using var writer = new Utf8JsonWriter(buffer);
        long Write(FollowUpEvaluation evaluation)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            FollowUpJson.Write(writer, evaluation);
            writer.Flush();
            writer.Reset();
            buffer.ResetWrittenCount();
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        var allocated = Enumerable.Range(0, 10).Select(_ => Write(evaluator.Evaluate(Overdue()))).ToList();

        // Optimised code allocates nothing here (benchmarks/README.md). A test runs the writer's code unoptimised, which boxes
        // the date and number arguments of its deferred messages each time one is written (392 B: the late record's three are
        // written twice, as its finding and its deduction); the messages as strings would take over 1 KB,
        // and boxed enumerations and enumerators as many again. The first two writes encode the messages shared from then on:
        // a signal's evidence, and the messages quoting it, are shared from the second record that repeats it.
        Assert.All(allocated.Skip(2), bytes => Assert.InRange(bytes, 0, 512));
    }

    /// <remarks>The broken text is made in code: an attribute's strings are stored as UTF-8, which has no lone surrogate.</remarks>
    [Theory]
    [InlineData("", 0xD800, "")]
    [InlineData("信鸽", 0xDC00, "群")]
    [InlineData("", 0xDBFF, "待确认")]
    public void Serialize_SharedMessageQuotingBrokenText_WritesItAsTheWriterEscapesIt(string before, int surrogate, string after)
    {
        var broken = before + (char)surrogate + after;
        var record = SampleRecords.CompleteToB()
            .WithNeeds(needs => needs with { Budget = broken, Quantity = broken })
            .WithCommunications(communication => communication with { Objections = broken, Channel = EnumValue<ContactChannel>.Parse(broken) })
            with { Custom = new Dictionary<string, string?> { ["note"] = broken } };
        var evaluator = TestClock.Evaluator();
        var findings = evaluator.Evaluate(record).Findings;

        var first = FollowUpJson.Serialize(evaluator.Evaluate(record));
        var second = FollowUpJson.Serialize(evaluator.Evaluate(record));

        Assert.Contains(findings, f => f.Message.Contains((char)surrogate, StringComparison.Ordinal));
        Assert.Equal(first, second);
        using var written = JsonDocument.Parse(second);
        Assert.Equal(findings.Select(f => f.Message.Replace((char)surrogate, '\uFFFD')), Messages(written, "findings"));
    }

    [Fact]
    public void Message_ReadTwice_IsFormattedOnce()
    {
        var (finding, deduction, reminder) = DeferredParts(TestClock.Evaluator().Evaluate(Overdue()));

        Assert.Same(finding.Message, finding.Message);
        Assert.Same(deduction.Message, deduction.Message);
        Assert.Same(reminder.Reason, reminder.Reason);
    }

    [Fact]
    public void Message_ReadByManyThreadsAtOnce_IsTheSameText()
    {
        var evaluator = TestClock.Evaluator();
        var expected = Assert.Single(evaluator.Evaluate(Overdue()).Findings, f => f.Code == FindingCodes.RiskUnanswered).Message;

        for (var round = 0; round < 20; round++)
        {
            var finding = Assert.Single(evaluator.Evaluate(Overdue()).Findings, f => f.Code == FindingCodes.RiskUnanswered);
            var read = new string[4];
            using var start = new Barrier(read.Length);
            var threads = Enumerable.Range(0, read.Length).Select(i => new Thread(() =>
            {
                start.SignalAndWait();
                read[i] = finding.Message;
            })).ToList();
            threads.ForEach(thread => thread.Start());
            threads.ForEach(thread => thread.Join());

            Assert.All(read, message => Assert.Equal(expected, message));
        }
    }

    [Fact]
    public void Message_OfAFindingAndItsDeduction_IsOneString()
    {
        var evaluation = TestClock.Evaluator().Evaluate(Overdue());
        var finding = Assert.Single(evaluation.Findings, f => f.Code == FindingCodes.RiskUnanswered);

        Assert.Contains("2026-09-01", finding.Message, StringComparison.Ordinal);
        Assert.Single(evaluation.Deductions, d => ReferenceEquals(d.Message, finding.Message));
    }

    [Fact]
    public void Results_OfTheSameRecord_AreEqualWithEqualHashCodes()
    {
        var evaluator = TestClock.Evaluator();
        var first = evaluator.Evaluate(Overdue());
        var second = evaluator.Evaluate(Overdue());

        Assert.Equal(first.Findings, second.Findings);
        Assert.Equal(first.Deductions, second.Deductions);
        Assert.Equal(first.Reminders, second.Reminders);
        Assert.Equal(first.Findings.Select(f => f.GetHashCode()), second.Findings.Select(f => f.GetHashCode()));
        Assert.Equal(first.Deductions.Select(d => d.GetHashCode()), second.Deductions.Select(d => d.GetHashCode()));
        Assert.Equal(first.Reminders.Select(r => r.GetHashCode()), second.Reminders.Select(r => r.GetHashCode()));
    }

    [Fact]
    public void With_ANewMessage_ReplacesTheDeferredOne()
    {
        var (finding, deduction, reminder) = DeferredParts(TestClock.Evaluator().Evaluate(Overdue()));

        Assert.Equal("changed", (finding with { Message = "changed" }).Message);
        Assert.Equal("changed", (deduction with { Message = "changed" }).Message);
        Assert.Equal("changed", (reminder with { Reason = "changed" }).Reason);
        Assert.NotEqual(finding, finding with { Message = "changed" });
        Assert.Equal(finding, finding with { });
        Assert.Equal(new Finding(finding.Code, finding.Severity, finding.Field, finding.Message, finding.Value, finding.Step), finding);
    }

    [Fact]
    public void Message_NullFromTheHost_ReadsComparesAndPrintsAsNull()
    {
        var finding = new Finding("Custom", FluentValidation.Severity.Warning, "field", null!, null, null);
        var deduction = new Deduction("Custom", DeductionGroup.MissingInfo, GradeComponent.Completeness, 1, "field", null!);
        var reminder = new FollowUpReminder("id", null, null, ReminderKind.Stale, TimeSpan.Zero, null, null!);

        Assert.Null(finding.Message);
        Assert.Null(deduction.Message);
        Assert.Null(reminder.Reason);
        Assert.Equal(finding, finding with { });
        Assert.Equal(deduction.GetHashCode(), (deduction with { }).GetHashCode());
        Assert.EndsWith("Message =  }", finding.ToString(), StringComparison.Ordinal);
        Assert.Null(JsonSerializer.Deserialize<Finding>("""{ "Code": "Custom", "Severity": 1, "Field": "field" }""")!.Message);
    }

    /// <summary>The finding, deduction and reminder of <see cref="Overdue"/> whose messages quote its dates, so are deferred.</summary>
    private static (Finding Finding, Deduction Deduction, FollowUpReminder Reminder) DeferredParts(FollowUpEvaluation evaluation) => (
        Assert.Single(evaluation.Findings, f => f.Code == FindingCodes.NextActionDueInPast),
        Assert.Single(evaluation.Deductions, d => d.Code == DeductionCodes.LateRecord),
        Assert.Single(evaluation.Reminders, r => r.Kind == ReminderKind.Overdue));

    private static IEnumerable<string?> Messages(JsonDocument evaluation, string list) =>
        evaluation.RootElement.GetProperty(list).EnumerateArray().Select(item => item.GetProperty("message").GetString());
}
