namespace FollowUp.Rules.Completeness;

/// <summary>
/// The field keys a profile can require (<see cref="Profiles.ProfileOptions.RequiredFields"/>), in the path notation of
/// every output. Keys with <c>[]</c> apply to each entry of the list; custom fields are written <c>custom.&lt;name&gt;</c>.
/// </summary>
public static class FollowUpFields
{
    /// <summary>The customer's company (step 1).</summary>
    public const string CustomerCompany = "customer.company";

    /// <summary>The customer's industry (step 1).</summary>
    public const string CustomerIndustry = "customer.industry";

    /// <summary>The customer's company size (step 1).</summary>
    public const string CustomerCompanySize = "customer.companySize";

    /// <summary>The contact person's name (step 1).</summary>
    public const string CustomerName = "customer.name";

    /// <summary>The contact's job title (step 1).</summary>
    public const string CustomerContactTitle = "customer.contactTitle";

    /// <summary>The contact's role in the decision (step 1).</summary>
    public const string CustomerDecisionRole = "customer.decisionRole";

    /// <summary>The lead source (step 1).</summary>
    public const string CustomerSource = "customer.source";

    /// <summary>The customer level (step 1).</summary>
    public const string CustomerLevel = "customer.level";

    /// <summary>
    /// At least one of phone, e-mail, WeChat, WhatsApp or LINE (step 1); the best of those given counts. Reported on
    /// <c>customer.phone</c>.
    /// </summary>
    public const string CustomerContactMethod = "customer.contactMethod";

    /// <summary>The phone number on its own (step 1).</summary>
    public const string CustomerPhone = "customer.phone";

    /// <summary>The e-mail address on its own (step 1).</summary>
    public const string CustomerEmail = "customer.email";

    /// <summary>The WeChat id on its own (step 1).</summary>
    public const string CustomerWeChat = "customer.wechat";

    /// <summary>The WhatsApp number on its own (step 1).</summary>
    public const string CustomerWhatsApp = "customer.whatsapp";

    /// <summary>The LINE id on its own (step 1).</summary>
    public const string CustomerLine = "customer.line";

    /// <summary>The need itself (step 2). When it says the needs changed, <see cref="NeedsChanges"/> must hold an entry.</summary>
    public const string NeedsSummary = "needs.summary";

    /// <summary>The quantity (step 2).</summary>
    public const string NeedsQuantity = "needs.quantity";

    /// <summary>The budget (step 2).</summary>
    public const string NeedsBudget = "needs.budget";

    /// <summary>At least one pain point or concern (step 2). Reported on <c>needs.painPoints</c>.</summary>
    public const string NeedsPainPoints = "needs.painPoints";

    /// <summary>The change history, required when the needs summary says the needs changed (step 2).</summary>
    public const string NeedsChanges = "needs.changes";

    /// <summary>At least one communication (step 3).</summary>
    public const string Communications = "communications";

    /// <summary>When each contact took place (step 3).</summary>
    public const string CommunicationAt = "communications[].at";

    /// <summary>How each contact took place (step 3).</summary>
    public const string CommunicationChannel = "communications[].channel";

    /// <summary>Whom each contact was with (step 3).</summary>
    public const string CommunicationContact = "communications[].contact";

    /// <summary>That person's title (step 3).</summary>
    public const string CommunicationContactTitle = "communications[].contactTitle";

    /// <summary>That person's role in the decision (step 3).</summary>
    public const string CommunicationContactRole = "communications[].contactRole";

    /// <summary>What was said (step 3).</summary>
    public const string CommunicationSummary = "communications[].summary";

    /// <summary>The customer's reaction (step 3).</summary>
    public const string CommunicationFeedback = "communications[].feedback";

    /// <summary>The customer's objections (step 3).</summary>
    public const string CommunicationObjections = "communications[].objections";

    /// <summary>The deal stage (step 4).</summary>
    public const string ProgressStage = "progress.stage";

    /// <summary>When the deal entered its stage (step 4).</summary>
    public const string ProgressStageSince = "progress.stageSince";

    /// <summary>The next action, for open stages (step 4).</summary>
    public const string ProgressNextAction = "progress.nextAction";

    /// <summary>The next action's due date, today or later, for open stages (step 4).</summary>
    public const string ProgressNextActionDue = "progress.nextActionDue";

    /// <summary>Who does the next action: <c>progress.nextActionOwner</c>, or else the record's <c>owner</c> (step 4).</summary>
    public const string ProgressNextActionOwner = "progress.nextActionOwner";

    /// <summary>The attachments the stage implies: a Proposal or Quote from ProposalSent on, a Contract when Signed (step 5).</summary>
    public const string Attachments = "attachments";

    /// <summary>At least one noted risk point (step 5).</summary>
    public const string Risks = "risks";

    /// <summary>A countermeasure for every noted risk, and a noted risk for every detected signal (step 5).</summary>
    public const string RisksCountermeasure = "risks[].countermeasure";

    /// <summary>The prefix of custom fields: <c>custom.orderStatus</c>.</summary>
    public const string CustomPrefix = "custom.";
}
