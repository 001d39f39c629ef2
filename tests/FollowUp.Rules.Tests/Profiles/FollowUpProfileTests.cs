using FluentValidation;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Tests.TestData;
using static FollowUp.Rules.Completeness.FollowUpFields;

namespace FollowUp.Rules.Tests.Profiles;

/// <summary>The four built-in profiles as SPEC §3, §4 and §6 describe them.</summary>
public class FollowUpProfileTests
{
    private static readonly string[] ToBFields =
    [
        CustomerCompany, CustomerIndustry, CustomerCompanySize, CustomerName, CustomerContactTitle, CustomerDecisionRole, CustomerSource,
        CustomerLevel, CustomerContactMethod,
        NeedsSummary, NeedsQuantity, NeedsBudget, NeedsPainPoints, NeedsChanges,
        Communications, CommunicationAt, CommunicationChannel, CommunicationContact, CommunicationContactTitle, CommunicationContactRole,
        CommunicationSummary, CommunicationFeedback,
        ProgressStage, ProgressNextAction, ProgressNextActionDue, ProgressNextActionOwner,
        Attachments, RisksCountermeasure,
    ];

    // ToC: basics shrink to name + one contact channel + source; needs shrink to the summary (and its change history);
    // a consumer's communications need no contact name, title or role.
    private static readonly string[] ToCFields =
    [
        CustomerName, CustomerSource, CustomerContactMethod,
        NeedsSummary, NeedsChanges,
        Communications, CommunicationAt, CommunicationChannel, CommunicationSummary, CommunicationFeedback,
        ProgressStage, ProgressNextAction, ProgressNextActionDue, ProgressNextActionOwner,
        Attachments, RisksCountermeasure,
    ];

    public static TheoryData<string, string[]> RequiredFieldsByProfile => new()
    {
        { "ToB", ToBFields },
        { "ToC", ToCFields },
        { "Project", [.. ToBFields, Risks, "custom.milestones"] },
        // An order is tracked by its status and after-sales, not by a proposal, quote or contract (SPEC §4, article §5.4).
        { "ECommerce", [.. ToCFields.Where(f => f != Attachments), "custom.orderStatus", "custom.afterSales"] },
    };

    [Theory]
    [MemberData(nameof(RequiredFieldsByProfile))]
    public void RequiredFields_BuiltInProfile_MatchTheSpecification(string name, string[] expected)
    {
        var profile = FollowUpRuleSet.Default.GetProfile(name);

        Assert.Equal(name, profile.Name);
        Assert.Equal(expected.Order(StringComparer.Ordinal), profile.RequiredFields.Order(StringComparer.Ordinal));
        Assert.All(expected, key => Assert.True(profile.Requires(key), key));
    }

    [Theory]
    [InlineData("ToB", 14, 30)]
    [InlineData("ToC", 3, 7)]
    [InlineData("Project", 7, 21)]
    [InlineData("ECommerce", 2, 3)]
    public void Thresholds_BuiltInProfile_MatchTheSpecification(string name, int staleDays, int stalledDays)
    {
        var profile = FollowUpRuleSet.Default.GetProfile(name);

        Assert.Equal(TimeSpan.FromDays(staleDays), profile.StaleAfter);
        Assert.Equal(TimeSpan.FromDays(stalledDays), profile.StalledStageAfter);
        Assert.Equal(0.5, profile.AcknowledgedCredit);
        Assert.Equal(name == "Project", profile.AttachmentsAtEveryStage);
        Assert.Equal(name is "ToB" or "Project", profile.FollowUpAfterSigning);
        Assert.All(Enum.GetValues<FollowUpStep>(), step => Assert.True(profile.StepWeight(step) > 0, $"{name} {step}"));
    }

    [Theory]
    [InlineData("ToB")]
    [InlineData("ToC")]
    [InlineData("Project")]
    [InlineData("ECommerce")]
    public void Evaluate_CompleteRecordOfTheProfile_HasNoCompletenessFinding(string name)
    {
        var evaluation = TestClock.Evaluator().Evaluate(SampleRecords.CompleteFor(name));

        Assert.Equal(name, evaluation.Profile);
        Assert.Empty(evaluation.CompletenessSummary());
        Assert.All(evaluation.Completeness.Steps, s => Assert.Equal(100, s.Score));
    }

    [Fact]
    public void ToC_DoesNotRequireCompanyDetails()
    {
        var record = SampleRecords.CompleteToB().WithCustomer(c => c with { Company = null, Industry = null, CompanySize = null, Level = null });
        var evaluator = TestClock.Evaluator();

        var asToB = evaluator.Evaluate(record);
        var asToC = evaluator.Evaluate(record, "ToC");

        Assert.Equal(["customer.company", "customer.industry", "customer.companySize", "customer.level"], asToB.Step(FollowUpStep.BasicInfo).Missing);
        Assert.Empty(asToC.Step(FollowUpStep.BasicInfo).Missing);
        Assert.Equal(100, asToC.Step(FollowUpStep.BasicInfo).Score);
    }

    [Fact]
    public void ToC_DoesNotRequireQuantityBudgetOrPainPoints()
    {
        var record = SampleRecords.CompleteToB().WithNeeds(n => n with { Quantity = null, Budget = null, PainPoints = null, Concerns = null });

        var asToC = TestClock.Evaluator().Evaluate(record, "ToC");

        Assert.Equal(100, asToC.Step(FollowUpStep.Needs).Score);
        Assert.DoesNotContain(asToC.Findings, f => f.Field.StartsWith("needs.", StringComparison.Ordinal));
    }

    [Fact]
    public void ToB_RequiresEveryCommunicationToNameItsContactAndRole()
    {
        var record = SampleRecords.CompleteToC();

        var asToB = TestClock.Evaluator().Evaluate(record, "ToB");

        Assert.Equal(
            ["communications[0].contact", "communications[0].contactTitle", "communications[0].contactRole"],
            asToB.Step(FollowUpStep.Communications).Missing);
    }

    [Theory]
    [InlineData("custom.orderStatus", "orderStatus")]
    [InlineData("custom.afterSales", "afterSales")]
    public void ECommerce_RequiresOrderStatusAndAfterSales(string path, string name)
    {
        var record = SampleRecords.CompleteECommerce().WithoutCustom(name);
        var evaluator = TestClock.Evaluator();

        var evaluation = evaluator.Evaluate(record);

        var finding = Assert.Single(evaluation.CompletenessFindings());
        Assert.Equal((path, FindingCodes.FieldMissing, Severity.Error), (finding.Field, finding.Code, finding.Severity));
        Assert.Contains(path, evaluation.Completeness.Steps.SelectMany(s => s.Missing));
        Assert.Empty(evaluator.Evaluate(record, "ToC").CompletenessFindings());
    }

    [Fact]
    public void ECommerce_AcknowledgedOrderStatus_IsAWarning()
    {
        var record = SampleRecords.CompleteECommerce().WithCustom("orderStatus", "待确认");

        var finding = Assert.Single(TestClock.Evaluator().Evaluate(record).CompletenessFindings());

        Assert.Equal(("custom.orderStatus", FindingCodes.FieldAcknowledged), (finding.Field, finding.Code));
    }

    [Fact]
    public void ECommerce_CustomFieldsBuiltInCodeInAnotherCase_FillTheProfilesFields()
    {
        var complete = SampleRecords.CompleteECommerce();
        var record = complete with
        {
            Custom = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["OrderStatus"] = complete.Custom!["orderStatus"],
                ["AFTERSALES"] = complete.Custom["afterSales"],
            },
        };

        var evaluator = TestClock.Evaluator();

        Assert.Empty(evaluator.Evaluate(record).CompletenessFindings());
        Assert.Equal(evaluator.Evaluate(complete).Score, evaluator.Evaluate(record).Score);
    }

    [Fact]
    public void ECommerce_CustomFieldEmptyUnderTheProfilesSpellingAndFilledUnderAnother_IsFilled()
    {
        var complete = SampleRecords.CompleteECommerce();
        var record = complete with
        {
            Custom = new Dictionary<string, string?>(StringComparer.Ordinal)
            {
                ["orderStatus"] = " ",
                ["OrderStatus"] = complete.Custom!["orderStatus"],
                ["afterSales"] = complete.Custom["afterSales"],
            },
        };

        Assert.Empty(TestClock.Evaluator().Evaluate(record).CompletenessFindings());
    }

    [Fact]
    public void Project_RequiresMilestones()
    {
        var record = SampleRecords.CompleteProject().WithoutCustom("milestones");

        var finding = Assert.Single(TestClock.Evaluator().Evaluate(record).CompletenessFindings());

        Assert.Equal(("custom.milestones", FindingCodes.FieldMissing), (finding.Field, finding.Code));
    }

    [Fact]
    public void Project_RequiresRiskPoints()
    {
        var record = SampleRecords.CompleteProject() with { Risks = [] };

        var evaluation = TestClock.Evaluator().Evaluate(record);

        var finding = Assert.Single(evaluation.CompletenessFindings());
        Assert.Equal(("risks", FindingCodes.RiskPointsMissing, Severity.Error), (finding.Field, finding.Code, finding.Severity));
        Assert.Equal(["risks"], evaluation.Step(FollowUpStep.AttachmentsAndRisks).Missing);
        Assert.Empty(TestClock.Evaluator().Evaluate(record, "ToB").CompletenessFindings());
    }

    [Fact]
    public void Project_NoRiskPointsAndAnUnansweredSignal_ListsRisksOnceWithOneFindingPerProblem()
    {
        var record = (SampleRecords.CompleteProject() with { Risks = [] }).WithCommunications(c => c with { Summary = c.Summary + "，友商已报价" });

        var evaluation = TestClock.Evaluator().Evaluate(record);

        Assert.Equal(["risks"], evaluation.Step(FollowUpStep.AttachmentsAndRisks).Missing);
        Assert.Equal(
            [FindingCodes.RiskPointsMissing, FindingCodes.RiskUnanswered],
            evaluation.FindingsOn("risks").Select(f => f.Code).Order(StringComparer.Ordinal));
        Assert.Equal(
            [(GradeComponent.Completeness, DeductionCodes.RiskPointsMissing), (GradeComponent.Completeness, DeductionCodes.RiskUnaddressed)],
            evaluation.Deductions.Where(d => d.Field == "risks").Select(d => (d.Component, d.Code)).Order());
    }

    [Theory]
    [InlineData(DealStage.Initial)]
    [InlineData(DealStage.NeedsConfirmed)]
    [InlineData(DealStage.Lost)]
    public void Project_NeedsAttachmentsAtEveryStage(DealStage stage)
    {
        var record = SampleRecords.CompleteProject().WithAttachments().WithProgress(p => p with { Stage = stage });
        var evaluator = TestClock.Evaluator();

        var asProject = evaluator.Evaluate(record);
        var withMinutes = evaluator.Evaluate(record.WithAttachments(AttachmentKind.Other));

        var finding = Assert.Single(asProject.CompletenessFindings());
        Assert.Equal(("attachments", FindingCodes.AttachmentMissing), (finding.Field, finding.Code));
        Assert.Empty(withMinutes.CompletenessFindings());
        Assert.Empty(evaluator.Evaluate(record, "ToB").CompletenessFindings());
    }

    [Fact]
    public void Project_AtProposalSentWithOnlyMinutes_StillNeedsTheProposal()
    {
        var evaluator = TestClock.Evaluator();
        var record = SampleRecords.CompleteProject().WithAttachments(AttachmentKind.Other);

        var evaluation = evaluator.Evaluate(record);
        var withNothing = evaluator.Evaluate(record.WithAttachments()).Step(FollowUpStep.AttachmentsAndRisks).Score;
        var withMinutes = evaluation.Step(FollowUpStep.AttachmentsAndRisks).Score;

        Assert.Equal(FindingCodes.AttachmentMissing, Assert.Single(evaluation.CompletenessFindings()).Code);

        // Any document meets one of the two needs: part of the credit, not all of it.
        Assert.True(withNothing < withMinutes && withMinutes < 100, $"{withNothing} < {withMinutes} < 100");
    }

    [Fact]
    public void Requires_UnknownOrUnconfiguredKey_IsFalse()
    {
        var profile = FollowUpRuleSet.Default.GetProfile("ECommerce");

        Assert.False(profile.Requires("custom.milestones"));
        Assert.False(profile.Requires("customer.shoeSize"));
        Assert.False(profile.Requires(CustomerCompany));
    }

    [Fact]
    public void ToString_IsTheName() => Assert.Equal("Project", FollowUpRuleSet.Default.GetProfile("project").ToString());
}
