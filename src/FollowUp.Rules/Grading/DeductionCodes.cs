namespace FollowUp.Rules.Grading;

/// <summary>The stable codes of deductions (<see cref="Deduction.Code"/>), with the group each belongs to.</summary>
public static class DeductionCodes
{
    /// <summary>A required field is missing (completeness). <see cref="DeductionGroup.MissingInfo"/>, or <see cref="DeductionGroup.UnclearOwnership"/> for the next step and its owner.</summary>
    public const string FieldMissing = "FieldMissing";

    /// <summary>
    /// A required field is marked unknown (completeness, part of the credit lost; for a required free text, clarity too, as
    /// much as vague text costs). Grouped as <see cref="FieldMissing"/>.
    /// </summary>
    public const string FieldAcknowledged = "FieldAcknowledged";

    /// <summary>A required date is unreadable (completeness). <see cref="DeductionGroup.MissingInfo"/>.</summary>
    public const string InvalidDate = "InvalidDate";

    /// <summary>
    /// A required field's value had the wrong shape (text where an object belongs) and was read as absent (completeness).
    /// <see cref="DeductionGroup.MissingInfo"/>.
    /// </summary>
    public const string InvalidValue = "InvalidValue";

    /// <summary>The needs changed with no change history (completeness). <see cref="DeductionGroup.MissingInfo"/>.</summary>
    public const string ChangeHistoryMissing = "ChangeHistoryMissing";

    /// <summary>The next action is due before today (completeness). <see cref="DeductionGroup.UnclearOwnership"/>.</summary>
    public const string NextActionDueInPast = "NextActionDueInPast";

    /// <summary>An attachment the stage implies is missing (completeness). <see cref="DeductionGroup.MissingAttachments"/>.</summary>
    public const string AttachmentMissing = "AttachmentMissing";

    /// <summary>A noted risk has no countermeasure (completeness). <see cref="DeductionGroup.RiskIgnored"/>.</summary>
    public const string CountermeasureMissing = "CountermeasureMissing";

    /// <summary>The profile expects noted risk points and there are none (completeness). <see cref="DeductionGroup.RiskIgnored"/>.</summary>
    public const string RiskPointsMissing = "RiskPointsMissing";

    /// <summary>A detected risk signal has no noted risk with a countermeasure (in a lost deal, no noted risk with one at all; completeness and risk handling). <see cref="DeductionGroup.RiskIgnored"/>.</summary>
    public const string RiskUnaddressed = "RiskUnaddressed";

    /// <summary>Fields risk detection reads are missing, so risk handling cannot be shown (risk handling). <see cref="DeductionGroup.MissingInfo"/>.</summary>
    public const string RiskNotAssessable = "RiskNotAssessable";

    /// <summary>A required free-text field is empty (clarity). <see cref="DeductionGroup.MissingInfo"/>.</summary>
    public const string TextMissing = "TextMissing";

    /// <summary>A free-text field is vague or partly vague (clarity). <see cref="DeductionGroup.VagueDescription"/>.</summary>
    public const string VagueText = "VagueText";

    /// <summary>A free-text field carries no business content (clarity). <see cref="DeductionGroup.VagueDescription"/>.</summary>
    public const string NoContent = "NoContent";

    /// <summary>An open deal has no next action (actionability). <see cref="DeductionGroup.UnclearOwnership"/>.</summary>
    public const string NoNextAction = "NoNextAction";

    /// <summary>The next action is vague (actionability). <see cref="DeductionGroup.VagueDescription"/>.</summary>
    public const string VagueNextAction = "VagueNextAction";

    /// <summary>An open deal's next action has no due date (actionability). <see cref="DeductionGroup.UnclearOwnership"/>.</summary>
    public const string NoDueDate = "NoDueDate";

    /// <summary>The next action is past its due time (actionability). <see cref="DeductionGroup.UnclearOwnership"/>.</summary>
    public const string NextActionOverdue = "NextActionOverdue";

    /// <summary>Nobody owns the next step (actionability). <see cref="DeductionGroup.UnclearOwnership"/>.</summary>
    public const string NoOwner = "NoOwner";

    /// <summary>The owner is marked unknown (actionability). <see cref="DeductionGroup.UnclearOwnership"/>.</summary>
    public const string OwnerNotConfirmed = "OwnerNotConfirmed";

    /// <summary>The record has no readable time (timeliness). <see cref="DeductionGroup.MissingInfo"/>.</summary>
    public const string RecordTimeMissing = "RecordTimeMissing";

    /// <summary>No communication has a readable time (timeliness). <see cref="DeductionGroup.MissingInfo"/>.</summary>
    public const string ContactTimeMissing = "ContactTimeMissing";

    /// <summary>The record was written more than 24 hours after the latest communication, 记录不及时 (timeliness). <see cref="DeductionGroup.MissingInfo"/>.</summary>
    public const string LateRecord = "LateRecord";
}
