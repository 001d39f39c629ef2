using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Language;
using FollowUp.Rules.Reminders;
using FollowUp.Rules.Risk;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests;

/// <summary>Records that repeat what others said share the immutable parts of their results.</summary>
[Collection(SharedCachesGroup.Name)]
public class SharedResultTests
{
    [Fact]
    public void Evaluate_RecordsMissingTheSameFields_ShareImmutableDeductionsAndSteps()
    {
        var evaluator = TestClock.Evaluator();

        _ = evaluator.Evaluate(new FollowUpRecord { Id = "warm-up", Scenario = "ToB" });
        var first = evaluator.Evaluate(new FollowUpRecord { Id = "a", Scenario = "ToB" });
        var second = evaluator.Evaluate(new FollowUpRecord { Id = "b", Scenario = "ToB" });

        var missing = first.Deductions.Where(d => d.Code == FollowUp.Rules.Grading.DeductionCodes.FieldMissing).ToList();
        Assert.NotEmpty(missing);
        Assert.All(missing, d => Assert.Contains(second.Deductions, other => ReferenceEquals(other, d)));
        var step = first.Completeness.Steps.First(s => s.Missing.Count > 1);
        Assert.Same(step, second.Completeness.Steps[(int)step.Step]);
        Assert.Throws<NotSupportedException>(() => { ((IList<string>)step.Missing)[0] = "changed"; });
    }

    [Fact]
    public void Evaluate_RecordsWithTheSameFindings_ShareTheFindingsButNotThoseQuotingTheirOwnText()
    {
        var evaluator = TestClock.Evaluator();
        var longBlank = new string(' ', 100);
        var longChannel = "企业微信群里的语音会议（由渠道伙伴发起，客户方三人参加，持续四十分钟）";

        // Two records alike but not the same objects: what they share comes from the caches, not from the record.
        FollowUpRecord Record() => new()
        {
            Scenario = "ToB",
            Communications =
            [
                new Communication { Channel = EnumValue<ContactChannel>.Parse("信鸽"), Summary = "跟进中" },
                new Communication { Channel = EnumValue<ContactChannel>.Parse(longChannel) },
            ],
            Customer = new Customer { Company = longBlank },
        };

        _ = evaluator.Evaluate(Record());
        var first = evaluator.Evaluate(Record());
        var second = evaluator.Evaluate(Record());

        Assert.Equal(first.Findings, second.Findings);
        Assert.Same(first.FindingsWithCode(FindingCodes.VagueLanguage).Single(), second.FindingsWithCode(FindingCodes.VagueLanguage).Single());
        Assert.Same(first.FindingsOn("customer.decisionRole").Single(), second.FindingsOn("customer.decisionRole").Single());
        Assert.Same(first.FindingsOn("communications[0].channel").Single(), second.FindingsOn("communications[0].channel").Single());
        var unknownLong = first.FindingsOn("communications[1].channel").Single();
        Assert.Equal((FindingCodes.UnknownValue, longChannel), (unknownLong.Code, unknownLong.Value));
        Assert.NotSame(unknownLong, second.FindingsOn("communications[1].channel").Single());
        var blank = first.FindingsOn("customer.company").Single();
        Assert.Equal((FindingCodes.FieldMissing, longBlank), (blank.Code, blank.Value));
        Assert.Same(blank.Message, second.FindingsOn("customer.company").Single().Message);
        Assert.NotSame(blank, second.FindingsOn("customer.company").Single());
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void Evaluate_RecordsWithTheSameStructuralEvidence_ShareItsTextFindingDeductionAndReminder(string culture)
    {
        var evaluator = TestClock.Evaluator(o => o.Culture = culture);
        var name = "联系人" + Guid.NewGuid().ToString("N")[..8];
        var longName = new string('周', 40);

        // Stale for 20 days, stalled 131 days (evidence longer than a finding's value may be, in English), no risk entry, and
        // every communication with one person: each record a new object with a new copy of the name.
        FollowUpRecord Record(string contact) => SampleRecords.CompleteToB()
            .WithCommunications(c => c with { Contact = new string(contact.AsSpan()), At = TestClock.DaysFromNow(-20) })
            .WithProgress(p => p with { StageSince = TestClock.DaysFromNow(-131) }) with { Risks = [] };

        var once = evaluator.Evaluate(Record(name));
        var first = evaluator.Evaluate(Record(name));
        var second = evaluator.Evaluate(Record(name));
        var longFirst = evaluator.Evaluate(Record(longName));
        var longSecond = evaluator.Evaluate(Record(longName));

        RiskSignal Signal(FollowUpEvaluation evaluation, string code) => evaluation.Risk.Signals.Single(s => s.Code == code);
        Finding Unanswered(FollowUpEvaluation evaluation, string code) =>
            evaluation.FindingsWithCode(FindingCodes.RiskUnanswered).Single(f => f.Message.Contains(Signal(evaluation, code).Evidence, StringComparison.Ordinal));
        Deduction Unaddressed(FollowUpEvaluation evaluation, string code) =>
            evaluation.Deductions.Single(d => d.Code == DeductionCodes.RiskUnaddressed && d.Message.Contains(Signal(evaluation, code).Evidence, StringComparison.Ordinal));

        foreach (var code in new[] { RiskSignalCodes.Stale, RiskSignalCodes.StalledStage, RiskSignalCodes.SingleThreaded })
        {
            Assert.Same(Signal(first, code).Evidence, Signal(second, code).Evidence);
            Assert.Same(Unanswered(first, code), Unanswered(second, code));
            Assert.Same(Unaddressed(first, code), Unaddressed(second, code));
        }

        var stale = first.Reminders.Single(r => r.Kind == ReminderKind.Stale);
        Assert.Contains(Signal(first, RiskSignalCodes.Stale).Evidence, stale.Reason, StringComparison.Ordinal);
        Assert.Same(stale.Reason, second.Reminders.Single(r => r.Kind == ReminderKind.Stale).Reason);

        // Values seen once are not kept: the name's evidence is shared from its second record on, in the same words.
        var evidence = Signal(once, RiskSignalCodes.SingleThreaded).Evidence;
        Assert.Contains(name, evidence, StringComparison.Ordinal);
        Assert.Equal(evidence, Signal(first, RiskSignalCodes.SingleThreaded).Evidence);
        Assert.NotSame(evidence, Signal(first, RiskSignalCodes.SingleThreaded).Evidence);

        // A long name is the record's own text: the same words, but never kept.
        Assert.Contains(longName, Signal(longFirst, RiskSignalCodes.SingleThreaded).Evidence, StringComparison.Ordinal);
        Assert.Equal(Signal(longFirst, RiskSignalCodes.SingleThreaded).Evidence, Signal(longSecond, RiskSignalCodes.SingleThreaded).Evidence);
        Assert.NotSame(Signal(longFirst, RiskSignalCodes.SingleThreaded).Evidence, Signal(longSecond, RiskSignalCodes.SingleThreaded).Evidence);
        Assert.NotSame(Unanswered(longFirst, RiskSignalCodes.SingleThreaded), Unanswered(longSecond, RiskSignalCodes.SingleThreaded));
        Assert.Same(Signal(longFirst, RiskSignalCodes.StalledStage).Evidence, Signal(first, RiskSignalCodes.StalledStage).Evidence);
    }

    [Fact]
    public void Evaluate_ManyContactsSeenOnce_LeaveRoomForEvidenceThatRepeats()
    {
        var evaluator = TestClock.Evaluator();
        FollowUpRecord Record(string contact, double daysSinceContact) => SampleRecords.CompleteToB()
            .WithCommunications(c => c with { Contact = contact, At = TestClock.DaysFromNow(-daysSinceContact) }) with { Risks = [] };

        // More one-off names than the evidence cache holds, each in a single-threaded, stale record.
        for (var i = 0; i < 10_000; i++)
        {
            _ = evaluator.Evaluate(Record($"客户{i}", 20));
        }

        // Seen once, an evidence's hash waits in a slot that another key of the same record may share (string hashes differ
        // from run to run, so about one run in thousands), and then it is never kept. Three evidences that repeat, each seen
        // three times: a cache filled by the one-off names would keep none of them.
        string Evidence(FollowUpEvaluation evaluation) => evaluation.Risk.Signals.Single(s => s.Code == RiskSignalCodes.Stale).Evidence;
        var shared = new[] { 47, 48, 49 }.Count(days =>
        {
            var evaluations = Enumerable.Range(0, 3).Select(_ => evaluator.Evaluate(Record("周立群", days))).ToList();
            return ReferenceEquals(Evidence(evaluations[1]), Evidence(evaluations[2]));
        });
        Assert.True(shared >= 2, $"{shared} of 3 repeated evidences were shared");
    }

    [Fact]
    public void Evaluate_RecordsWithTheSameNotes_ShareReadOnlyClarityAndVagueLists()
    {
        var evaluator = TestClock.Evaluator();
        FollowUpRecord Record(string summary) => new()
        {
            Scenario = "ToB",
            Communications = [new Communication { Summary = summary }],
            Progress = new DealProgress { NextAction = "等客户回复" },
        };

        _ = evaluator.Evaluate(Record("跟进中"));
        var first = evaluator.Evaluate(Record("跟进中"));
        var second = evaluator.Evaluate(Record(string.Concat("跟进", "中")));
        var moved = evaluator.Evaluate(Record(" 跟进中"));
        var other = evaluator.Evaluate(Record("跟進中"));

        Assert.Same(first.Clarity, second.Clarity);
        Assert.Same(first.Vague, second.Vague);
        Assert.Throws<NotSupportedException>(() => { ((IList<VagueMatch>)first.Vague)[0] = default; });
        Assert.Throws<NotSupportedException>(() => { ((IList<FieldClarity>)first.Clarity)[0] = default; });

        // Same clarity, but the phrase moved by one character or written otherwise: its own vague list.
        Assert.Same(first.Clarity, moved.Clarity);
        Assert.NotSame(first.Vague, moved.Vague);
        Assert.Equal(1, moved.Vague.Single(v => v.Field == "communications[0].summary").Start);
        Assert.NotSame(first.Vague, other.Vague);
        Assert.Equal("跟進中", other.Vague.Single(v => v.Field == "communications[0].summary").Text);
        Assert.Equal(first.Vague.Select(v => v with { Text = v.Text.Replace('进', '進') }), other.Vague);
    }

    [Fact]
    public void Evaluate_CustomFieldNamesThatSpellAnotherRecordsKey_DoNotShareItsLists()
    {
        var evaluator = TestClock.Evaluator();
        FollowUpRecord Record(params (string Name, string Value)[] custom) => new()
        {
            Scenario = "ToB",
            Custom = custom.ToDictionary(c => c.Name, c => (string?)c.Value),
        };

        var two = evaluator.Evaluate(Record(("a", "跟进中"), ("b", "跟进中")));
        _ = evaluator.Evaluate(Record(("p", "跟进中"), ("q", "跟进中")));
        var one = evaluator.Evaluate(Record(("a1\ncustom.b", "跟进中")));
        var spelt = evaluator.Evaluate(Record(("p 0 0 3 跟进中\ncustom.q", "跟进中")));

        Assert.Equal(["custom.a1\ncustom.b"], one.Clarity.Where(c => c.Field.StartsWith("custom.", StringComparison.Ordinal)).Select(c => c.Field));
        Assert.Equal(["custom.p 0 0 3 跟进中\ncustom.q"], spelt.Vague.Where(v => v.Field.StartsWith("custom.", StringComparison.Ordinal)).Select(v => v.Field));
        Assert.Equal(2, two.Clarity.Count(c => c.Field.StartsWith("custom.", StringComparison.Ordinal)));
    }
}
