using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Risk;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests.Risk;

/// <summary>The signals the record's structure raises (SPEC §6), each from one change to a complete record.</summary>
public sealed class StructuralSignalTests
{
    private static readonly FollowUpEvaluator Evaluator = TestClock.Evaluator();

    private static IEnumerable<string> Codes(FollowUpRecord record) => Evaluator.Evaluate(record).Risk.Signals.Select(s => s.Code);

    [Fact]
    public void CompleteRecord_RaisesNoSignal() => Assert.Empty(Codes(SampleRecords.CompleteToB()));

    [Fact]
    public void MissingContactRole_CostsItsFieldButLeavesTheRisksAssessable()
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { ContactRole = default });

        var evaluation = Evaluator.Evaluate(record);

        // Filled in, a role can only clear NoDecisionMaker, never raise a signal, so nothing is hidden from the built-in detectors.
        Assert.Contains("communications[0].contactRole", evaluation.Step(FollowUpStep.Communications).Missing);
        Assert.DoesNotContain(evaluation.Findings, f => f.Code == FindingCodes.RiskNotAssessable);
        Assert.DoesNotContain(evaluation.Deductions, d => d.Code == DeductionCodes.RiskNotAssessable);
    }

    [Fact]
    public void MissingContactName_CostsWhatAnUnansweredSingleThreadWould()
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { Contact = null });

        var evaluation = Evaluator.Evaluate(record);

        // Filled in, the names can reveal only a single thread, so that is all they can hide.
        var profile = FollowUpRuleSet.Default.DefaultProfile;
        var deduction = Assert.Single(evaluation.Deductions, d => d.Code == DeductionCodes.RiskNotAssessable && d.Component == GradeComponent.RiskHandling);
        Assert.Equal(profile.ScoreWeight(GradeComponent.RiskHandling) * profile.SignalWeights[RiskSignalCodes.SingleThreaded], deduction.Points, 2);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public void MissingContactNames_FillingOne_NeverLowersTheScore(int filled)
    {
        // One name among blanks raises a single thread at once; the blanks left can then only clear it, so they hide nothing.
        var nameless = SampleRecords.CompleteToB().WithCommunications(c => c with { Contact = null }) with { Risks = [] };
        var communications = nameless.Communications!.ToArray();
        communications[filled] = communications[filled]! with { Contact = "沈建国" };

        var before = Evaluator.Evaluate(nameless);
        var after = Evaluator.Evaluate(nameless with { Communications = communications });

        Assert.Contains(after.Risk.Signals, s => s.Code == RiskSignalCodes.SingleThreaded);
        Assert.True(after.Score >= before.Score, $"{before.Score} → {after.Score}");
    }

    [Fact]
    public void MissingContactNameAndSummary_HideEverySignal()
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { Contact = null, Summary = null });

        var evaluation = Evaluator.Evaluate(record);

        var deduction = Assert.Single(evaluation.Deductions, d => d.Code == DeductionCodes.RiskNotAssessable && d.Component == GradeComponent.RiskHandling);
        Assert.Equal(FollowUpRuleSet.Default.DefaultProfile.ScoreWeight(GradeComponent.RiskHandling), deduction.Points, 2);
    }

    [Fact]
    public void MissingContactName_HidesNothing_WhenTheProfileDoesNotWeighASingleThread()
    {
        var evaluator = TestClock.Evaluator(o => o.Profiles["ToB"] = new FollowUp.Rules.Profiles.ProfileOptions { SignalWeights = { [RiskSignalCodes.SingleThreaded] = 0 } });

        var evaluation = evaluator.Evaluate(SampleRecords.CompleteToB().WithCommunications(c => c with { Contact = null }));

        Assert.DoesNotContain(evaluation.Deductions, d => d.Code == DeductionCodes.RiskNotAssessable);
        Assert.Contains(evaluation.Findings, f => f.Code == FindingCodes.FieldMissing && f.Field == "communications[0].contact");
    }

    [Fact]
    public void UnreadableContactTime_BesideAReadableOne_HidesNothing()
    {
        // Written, it could only make the latest contact later, never stale, and its customer was not dissatisfied.
        var record = SampleRecords.CompleteToB().WithLastCommunication(c => c with { At = Timestamp.Parse("2026/11/31 10:00") });

        var evaluation = Evaluator.Evaluate(record);

        Assert.Contains(evaluation.Findings, f => f.Code == FindingCodes.InvalidDate && f.Field == "communications[1].at");
        Assert.DoesNotContain(evaluation.Findings, f => f.Code == FindingCodes.RiskNotAssessable);
        Assert.DoesNotContain(evaluation.Deductions, d => d.Code == DeductionCodes.RiskNotAssessable);
    }

    [Theory]
    [InlineData("2026/11/31 10:00")]
    [InlineData("11月26日 10:00")]
    [InlineData(null)]
    public void ContactTimes_NoneReadable_CostWhatAnUnansweredStaleWould(string? at)
    {
        // A sales-ops review: the only contact time, 2026/11/31 10:00 (November has 30 days), cost the whole risk-handling part,
        // 20 points, although only staleness reads it.
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { At = Timestamp.Parse(at) });

        var evaluation = Evaluator.Evaluate(record);

        var profile = FollowUpRuleSet.Default.DefaultProfile;
        var deduction = Assert.Single(evaluation.Deductions, d => d.Code == DeductionCodes.RiskNotAssessable && d.Component == GradeComponent.RiskHandling);
        Assert.Equal(profile.ScoreWeight(GradeComponent.RiskHandling) * profile.SignalWeights[RiskSignalCodes.Stale], deduction.Points, 2);
        // As an unanswered signal does, it also leaves the risks step short: one flaw, two parts, one message.
        var completeness = Assert.Single(evaluation.Deductions, d => d.Code == DeductionCodes.RiskNotAssessable && d.Component == GradeComponent.Completeness);
        Assert.Equal("risks", completeness.Field);
        Assert.Equal(deduction.Message, completeness.Message);
    }

    [Fact]
    public void UnreadableContactTime_OfADissatisfiedContact_CostsWhatAnUnansweredNegativeLastFeedbackWould()
    {
        // Written, it may be later than the readable one, and then the latest contact left the customer dissatisfied.
        var record = SampleRecords.CompleteToB().WithLastCommunication(c => c with { At = Timestamp.Parse("2026/11/31 10:00"), Feedback = CustomerFeedback.Dissatisfied });

        var evaluation = Evaluator.Evaluate(record);

        var profile = FollowUpRuleSet.Default.DefaultProfile;
        var deduction = Assert.Single(evaluation.Deductions, d => d.Code == DeductionCodes.RiskNotAssessable && d.Component == GradeComponent.RiskHandling);
        Assert.Equal(profile.ScoreWeight(GradeComponent.RiskHandling) * profile.SignalWeights[RiskSignalCodes.NegativeLastFeedback], deduction.Points, 2);
    }

    [Fact]
    public void ContactTimes_NoneReadable_HideNothingInALostDeal()
    {
        // A lost deal is not followed up, so it never goes stale, and no contact left the customer dissatisfied.
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { At = Timestamp.Parse("2026/11/31 10:00") })
            .WithProgress(p => p with { Stage = DealStage.Lost });

        var evaluation = Evaluator.Evaluate(record);

        Assert.DoesNotContain(evaluation.Deductions, d => d.Code == DeductionCodes.RiskNotAssessable);
    }

    [Fact]
    public void MissingContactTime_WithACustomDetector_HidesEverySignal()
    {
        var rules = FollowUpRuleSet.Create(new FollowUpRulesOptions(), [new RoleReadingDetector()]);
        var record = SampleRecords.CompleteToB().WithLastCommunication(c => c with { At = default });

        var evaluation = TestClock.Evaluator(rules).Evaluate(record);

        var deduction = Assert.Single(evaluation.Deductions, d => d.Code == DeductionCodes.RiskNotAssessable && d.Component == GradeComponent.RiskHandling);
        Assert.Equal(rules.DefaultProfile.ScoreWeight(GradeComponent.RiskHandling), deduction.Points, 2);
    }

    [Theory]
    [InlineData("budget")]
    [InlineData("contact")]
    public void MissingNarrowInput_WithACustomDetector_HidesEverySignal(string input)
    {
        var rules = FollowUpRuleSet.Create(new FollowUpRulesOptions(), [new RoleReadingDetector()]);
        var complete = SampleRecords.CompleteToB();
        var record = input == "budget" ? complete.WithNeeds(n => n with { Budget = null }) : complete.WithCommunications(c => c with { Contact = null });

        var evaluation = TestClock.Evaluator(rules).Evaluate(record);

        var deduction = Assert.Single(evaluation.Deductions, d => d.Code == DeductionCodes.RiskNotAssessable && d.Component == GradeComponent.RiskHandling);
        Assert.Equal(rules.DefaultProfile.ScoreWeight(GradeComponent.RiskHandling), deduction.Points, 2);
    }

    [Theory]
    [InlineData("communications[0].contact", true)]
    [InlineData("communications[12].contact", true)]
    [InlineData("communications[0].contactRole", false)]
    [InlineData("communications[].contact", false)]
    [InlineData("communications[x].contact", false)]
    [InlineData("risks[0].contact", false)]
    [InlineData("communications[0]contact", false)]
    public void IndexedPath_MatchesItsMemberOfAnyEntry(string path, bool matches) =>
        Assert.Equal(matches, FieldPaths.CommunicationContact.Matches(path));

    [Theory]
    [InlineData("communications[0].at", 0)]
    [InlineData("communications[12].at", 12)]
    [InlineData("communications[].at", -1)]
    [InlineData("communications[99999999999].at", -1)]
    [InlineData("communications[1].contact", -1)]
    public void IndexedPath_IndexIn_IsTheEntrysIndex(string path, int index) =>
        Assert.Equal(index, FieldPaths.CommunicationAt.IndexIn(path));

    [Fact]
    public void MissingContactRole_WithACustomDetector_IsARiskInput()
    {
        var rules = FollowUpRuleSet.Create(new FollowUpRulesOptions(), [new RoleReadingDetector()]);
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { ContactRole = default });

        var evaluation = TestClock.Evaluator(rules).Evaluate(record);

        Assert.Contains(evaluation.Deductions, d => d.Code == DeductionCodes.RiskNotAssessable);
    }

    [Theory]
    [InlineData(13, false)]
    [InlineData(15, true)]
    public void Stale_FollowsTheProfileLimit(int daysSinceContact, bool stale)
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { At = TestClock.DaysFromNow(-daysSinceContact) });
        Assert.Equal(stale, Codes(record).Contains(RiskSignalCodes.Stale));
    }

    [Fact]
    public void Stale_ToCLimitIsThreeDays()
    {
        var record = SampleRecords.CompleteToC().WithCommunications(c => c with { At = TestClock.DaysFromNow(-4) });
        var signal = Assert.Single(Evaluator.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.Stale);
        Assert.Equal("communications[0].at", signal.Field);
        Assert.Contains("超过 3 天", signal.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(14.3, "已 14.3 天未跟进（超过 14 天）")]
    [InlineData(14.02, "已 14.1 天未跟进（超过 14 天）")]
    [InlineData(16.7, "已 16 天未跟进（超过 14 天）")]
    public void Stale_JustPastTheLimit_SaysADayCountPastIt(double daysSinceContact, string evidence)
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { At = TestClock.DaysFromNow(-daysSinceContact) });
        var signal = Assert.Single(Evaluator.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.Stale);
        Assert.EndsWith(evidence, signal.Evidence, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DealStage.Lost, false)]
    [InlineData(DealStage.Signed, true)]
    [InlineData(DealStage.Negotiation, true)]
    public void Stale_LostDeal_IsNotRaisedNorCharged(DealStage stage, bool stale)
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { At = TestClock.DaysFromNow(-56) })
            .WithProgress(p => p with { Stage = stage });

        var evaluation = Evaluator.Evaluate(record);

        Assert.Equal(stale, evaluation.Risk.Signals.Any(s => s.Code == RiskSignalCodes.Stale));
        Assert.Equal(stale, evaluation.Deductions.Any(d => d.Message.Contains("56", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("ToB", true, true)]
    [InlineData("Project", true, true)]
    [InlineData("ToC", true, false)]
    [InlineData("ECommerce", true, false)]
    [InlineData("ToC", false, true)]
    [InlineData("ECommerce", false, true)]
    public void Stale_SignedDeal_IsFollowedUpInB2BProfilesAndInOthersOnlyWhileANextActionIsWritten(string profile, bool finished, bool stale)
    {
        var record = SampleRecords.CompleteFor(profile).WithCommunications(c => c with { At = TestClock.DaysFromNow(-20) })
            .WithProgress(p => p with { Stage = DealStage.Signed, NextAction = finished ? null : p.NextAction });

        Assert.Equal(stale, Codes(record).Contains(RiskSignalCodes.Stale));
    }

    [Fact]
    public void Stale_FinishedOrder_FollowedUpWhenAProfileSaysSo()
    {
        var options = new FollowUpRulesOptions();
        options.Profiles["ECommerce"] = new() { FollowUpAfterSigning = true };
        var record = SampleRecords.CompleteECommerce().WithCommunications(c => c with { At = TestClock.DaysFromNow(-20) })
            .WithProgress(p => p with { Stage = DealStage.Signed, NextAction = null });

        var evaluation = TestClock.Evaluator(FollowUpRuleSet.Create(options)).Evaluate(record);

        Assert.Contains(evaluation.Risk.Signals, s => s.Code == RiskSignalCodes.Stale);
    }

    [Fact]
    public void Stale_ContactGivenInUtc_IsDatedInTheRulesZone()
    {
        // 2026-11-10T20:00Z is 2026-11-11 04:00 in UTC+08:00, the day a reader there had the contact.
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { At = Timestamp.Parse("2026-11-10T20:00:00Z") });
        var signal = Assert.Single(Evaluator.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.Stale);
        Assert.Equal("最近一次沟通在 2026-11-11，已 15 天未跟进（超过 14 天）", signal.Evidence);
    }

    [Fact]
    public void NextActionOverdue_OpenStageWithPastDue_IsRaisedOnTheDueDate()
    {
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = TestClock.DaysFromNow(-2) });
        var signal = Assert.Single(Evaluator.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.NextActionOverdue);
        Assert.Equal("progress.nextActionDue", signal.Field);
    }

    [Theory]
    [InlineData(DealStage.Signed)]
    [InlineData(DealStage.Lost)]
    public void NextActionSignals_ClosedStage_AreNotRaised(DealStage stage)
    {
        var record = SampleRecords.CompleteToB().WithAttachments(AttachmentKind.Contract, AttachmentKind.Proposal)
            .WithProgress(p => p with { Stage = stage, NextAction = null, NextActionDue = TestClock.DaysFromNow(-5) });
        Assert.DoesNotContain(Codes(record), c => c is RiskSignalCodes.NextActionOverdue or RiskSignalCodes.NoNextAction);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("待补充")]
    [InlineData("-")]
    [InlineData("好的")]
    [InlineData("1")]
    public void NoNextAction_OpenStageWithoutARealAction_IsRaisedAndGradedAlike(string? action)
    {
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextAction = action });

        var evaluation = Evaluator.Evaluate(record);

        Assert.Contains(RiskSignalCodes.NoNextAction, evaluation.Risk.Signals.Select(s => s.Code));
        Assert.Contains(evaluation.Deductions, d => d.Code == FollowUp.Rules.Grading.DeductionCodes.NoNextAction);
    }

    [Fact]
    public void NoOwner_NeitherOwnerNorNextActionOwner_IsRaised()
    {
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionOwner = null }) with { Owner = " " };
        Assert.Contains(RiskSignalCodes.NoOwner, Codes(record));
        Assert.DoesNotContain(RiskSignalCodes.NoOwner, Codes(record with { Owner = "陈晓东" }));
    }

    [Fact]
    public void NoDecisionMaker_ProposalSentWithoutDecisionMaker_IsRaisedForToBOnly()
    {
        var record = SampleRecords.CompleteToB().WithCommunications(c => c with { ContactRole = DecisionRole.Influencer });
        Assert.Contains(RiskSignalCodes.NoDecisionMaker, Codes(record.WithProgress(p => p with { Stage = DealStage.Negotiation })));
        var reached = record.WithCommunications(c => c with { ContactRole = DecisionRole.DecisionMaker }).WithProgress(p => p with { Stage = DealStage.Negotiation });
        Assert.DoesNotContain(RiskSignalCodes.NoDecisionMaker, Codes(reached));
        Assert.DoesNotContain(RiskSignalCodes.NoDecisionMaker, Codes(record.WithProgress(p => p with { Stage = DealStage.NeedsConfirmed })));
    }

    [Theory]
    [InlineData("NoDecisionMaker")]
    [InlineData("未接触决策人")]
    [InlineData(" No decision maker reached ")]
    public void NoDecisionMaker_NotedByItsCodeOrItsLabelInEitherLanguage_IsAnswered(string kind)
    {
        var record = SampleRecords.CompleteToB()
            .WithCommunications(c => c with { ContactRole = DecisionRole.Influencer })
            .WithProgress(p => p with { Stage = DealStage.Negotiation });
        var noted = record with
        {
            Risks = [new RiskNote { Kind = kind, Countermeasure = "12 月 3 日前请采购经理引荐王总，李明带方案上门" }],
        };

        var evaluation = Evaluator.Evaluate(noted);

        Assert.Contains(RiskSignalCodes.NoDecisionMaker, evaluation.Risk.Signals.Select(s => s.Code));
        Assert.DoesNotContain(evaluation.Findings, f => f.Code == FindingCodes.RiskUnanswered);
        Assert.True(evaluation.Score > Evaluator.Evaluate(record).Score);
    }

    [Fact]
    public void SingleThreaded_AllContactsWithOnePerson_IsRaisedForToBButNotToC()
    {
        var one = new Communication
        {
            At = TestClock.DaysFromNow(-3), Channel = ContactChannel.Phone, Contact = "周立群", ContactTitle = "采购经理",
            ContactRole = DecisionRole.Influencer, Summary = "电话沟通 20 分钟，确认 40 台手持终端的型号", Feedback = CustomerFeedback.Satisfied,
        };
        var toB = SampleRecords.CompleteToB() with { Communications = [one, one with { At = TestClock.DaysFromNow(-1), Contact = " 周立群 " }] };
        Assert.Contains(RiskSignalCodes.SingleThreaded, Codes(toB));
        Assert.DoesNotContain(RiskSignalCodes.SingleThreaded, Codes(toB with { Scenario = "ToC" }));
        var twoPeople = toB with { Communications = [one, one with { Contact = "王总" }] };
        Assert.DoesNotContain(RiskSignalCodes.SingleThreaded, Codes(twoPeople));
    }

    [Fact]
    public void SingleThreaded_NullEntriesOfTheLog_AreNoCommunications()
    {
        var one = SampleRecords.CompleteToB().Communications![0] with { Contact = "周立群", ContactRole = DecisionRole.Influencer };
        var record = SampleRecords.CompleteToB() with { Communications = [one, null!, one with { At = TestClock.DaysFromNow(-1) }, null!] };
        var single = SampleRecords.CompleteToB() with { Communications = [one, null!] };

        var signal = Assert.Single(Evaluator.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.SingleThreaded);

        Assert.StartsWith("2 次沟通", signal.Evidence, StringComparison.Ordinal);
        Assert.DoesNotContain(RiskSignalCodes.SingleThreaded, Codes(single));
    }

    [Fact]
    public void StalledStage_StageOlderThanTheLimit_IsRaised()
    {
        var record = SampleRecords.CompleteToB().WithProgress(p => p with { StageSince = TestClock.DaysFromNow(-31) });
        Assert.Contains(RiskSignalCodes.StalledStage, Codes(record));
        Assert.DoesNotContain(RiskSignalCodes.StalledStage, Codes(record.WithProgress(p => p with { StageSince = TestClock.DaysFromNow(-29) })));
    }

    [Theory]
    [InlineData("zh-CN", "Negotiation", "自 2026-10-26 起停留在“商务谈判”阶段 31 天（超过 30 天）")]
    [InlineData("zh-CN", null, "自 2026-10-26 起阶段未变 31 天（超过 30 天）")]
    [InlineData("en", "Negotiation", "in stage negotiation since 2026-10-26, 31 days (limit 30 days)")]
    [InlineData("en", null, "stage unchanged since 2026-10-26, 31 days (limit 30 days)")]
    public void StalledStage_Evidence_NamesTheStageOrSaysItIsUnknown(string culture, string? stage, string evidence)
    {
        var record = SampleRecords.CompleteToB().WithProgress(p => p with
        {
            Stage = stage is null ? default : EnumValue<DealStage>.Parse(stage), StageSince = TestClock.DaysFromNow(-31),
        });

        var signal = Assert.Single(TestClock.Evaluator(o => o.Culture = culture).Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.StalledStage);

        Assert.Equal(evidence, signal.Evidence);
    }

    [Theory]
    [InlineData(1.0, "1 day")]
    [InlineData(2.5, "2.5 days")]
    [InlineData(0.5, "0.5 days")]
    [InlineData(14.0, "14 days")]
    public void DaysText_WithTheDaysFormat_WritesTheUnitSingularForOne(double days, string expected)
    {
        var text = new FollowUp.Rules.Messages.DaysText(TimeSpan.FromDays(days));

        Assert.Equal(expected, text.ToString("days", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(expected[..expected.IndexOf(' ', StringComparison.Ordinal)], text.ToString());
    }

    [Fact]
    public void NegativeLastFeedback_LatestContactDissatisfied_IsRaisedOnItsFeedback()
    {
        var older = new Communication { At = TestClock.DaysFromNow(-9), Contact = "王总", Feedback = CustomerFeedback.Satisfied };
        var latest = new Communication { At = TestClock.DaysFromNow(-1), Contact = "周立群", Feedback = CustomerFeedback.Dissatisfied };
        var record = SampleRecords.CompleteToB() with { Communications = [latest, older] };
        var signal = Assert.Single(Evaluator.Evaluate(record).Risk.Signals, s => s.Code == RiskSignalCodes.NegativeLastFeedback);
        Assert.Equal("communications[0].feedback", signal.Field);
        Assert.DoesNotContain(RiskSignalCodes.NegativeLastFeedback, Codes(record with { Communications = [latest with { At = TestClock.DaysFromNow(-10) }, older] }));
    }

    [Theory]
    [InlineData("zh-CN", "周立群", "Phone", "2026-11-25T15:00:00+08:00", "最近一次沟通（周立群）客户反馈为不满")]
    [InlineData("zh-CN", null, "电话", "2026-11-25T15:00:00+08:00", "最近一次沟通（2026-11-25 电话）客户反馈为不满")]
    [InlineData("zh-CN", "-", "千牛", "2026-11-25T23:30:00Z", "最近一次沟通（2026-11-26 千牛）客户反馈为不满")]
    [InlineData("zh-CN", null, null, "2026-11-25T15:00:00+08:00", "最近一次沟通（2026-11-25）客户反馈为不满")]
    [InlineData("zh-CN", null, "微信", null, "最近一次沟通（微信）客户反馈为不满")]
    [InlineData("zh-CN", null, null, null, "最近一次沟通客户反馈为不满")]
    [InlineData("en", null, "Phone", "2026-11-25T15:00:00+08:00", "the customer was dissatisfied at the latest contact (2026-11-25 Phone)")]
    [InlineData("zh-CN", null, "Phone", "2026-11-25T15:00:00+08:00", "最近一次沟通（2026-11-25 电话）客户反馈为不满")]
    [InlineData("en", null, "電話", "2026-11-25T15:00:00+08:00", "the customer was dissatisfied at the latest contact (2026-11-25 Phone)")]
    [InlineData("en", null, null, null, "the customer was dissatisfied at the latest contact")]
    public void NegativeLastFeedback_Evidence_NamesTheContactAsTheRecordGivesItNeverAQuestionMark(
        string culture, string? contact, string? channel, string? at, string evidence)
    {
        // ToC and ECommerce ignore the contact's name: their records name a contact by its date and channel.
        var latest = new Communication
        {
            At = Timestamp.Parse(at), Channel = EnumValue<ContactChannel>.Parse(channel), Contact = contact, Summary = "客户对补发时效不满",
            Feedback = CustomerFeedback.Dissatisfied,
        };
        var record = SampleRecords.CompleteToB() with { Communications = [latest] };

        var signal = Assert.Single(
            TestClock.Evaluator(o => o.Culture = culture).Evaluate(record).Risk.Signals,
            s => s.Code == RiskSignalCodes.NegativeLastFeedback);

        Assert.Equal(evidence, signal.Evidence);
    }

    [Theory]
    [InlineData("NegativeFeedback", "客户不满安装延期")]
    [InlineData("", "客户投诉安装延期")]
    [InlineData("NegativeLastFeedback", "")]
    public void NegativeLastFeedback_NoteOnTheCustomersDissatisfaction_AnswersIt(string kind, string description)
    {
        var older = new Communication { At = TestClock.DaysFromNow(-9), Contact = "王总", Feedback = CustomerFeedback.Satisfied };
        var latest = new Communication { At = TestClock.DaysFromNow(-1), Contact = "周立群", Feedback = CustomerFeedback.Dissatisfied };
        var record = SampleRecords.CompleteToB() with { Communications = [latest, older] };
        var answered = record with
        {
            Risks = [new RiskNote { Kind = kind, Description = description, Countermeasure = "12 月 3 日前由李明上门致歉并给出补装排期" }],
        };

        var before = Evaluator.Evaluate(record);
        var after = Evaluator.Evaluate(answered);

        static bool OnTheFeedback(FollowUp.Rules.Grading.Deduction d) =>
            d.Code == FollowUp.Rules.Grading.DeductionCodes.RiskUnaddressed && d.Field == "communications[0].feedback";
        Assert.Contains(before.Deductions, OnTheFeedback);
        Assert.DoesNotContain(after.Deductions, OnTheFeedback);
        Assert.True(after.Score > before.Score, $"{before.Score} -> {after.Score}");
    }

    /// <summary>A custom detector, which may read any field: the roles of the contacts, say.</summary>
    private sealed class RoleReadingDetector : IRiskSignalDetector
    {
        public IReadOnlyList<RiskSignalDefinition> Signals { get; } = [new("ProcurementOnly", 0.2)];

        public void Detect(RiskDetectionContext context)
        {
            if ((context.Record.Communications ?? []).All(c => c?.ContactRole.Value == DecisionRole.Gatekeeper))
            {
                context.Report("ProcurementOnly", "communications", "only gatekeepers");
            }
        }
    }
}
