namespace FollowUp.Rules;

/// <summary>The stable error codes of findings (<see cref="Finding.Code"/>, and <see cref="FluentValidation.Results.ValidationFailure.ErrorCode"/> of the validators).</summary>
public static class FindingCodes
{
    /// <summary>A required field is missing. Severity Error.</summary>
    public const string FieldMissing = "FieldMissing";

    /// <summary>A required field is marked unknown, with a reason. Severity Warning.</summary>
    public const string FieldAcknowledged = "FieldAcknowledged";

    /// <summary>An enumeration value was not recognised and was kept as text. Severity Warning.</summary>
    public const string UnknownValue = "UnknownValue";

    /// <summary>
    /// A value had the wrong shape for its field (text where the customer object belongs, a list where text belongs) and was read
    /// as absent; the finding's value is the JSON received. Severity Error.
    /// </summary>
    /// <seealso cref="FollowUpRecord.InvalidValues"/>
    public const string InvalidValue = "InvalidValue";

    /// <summary>A date could not be read. Severity Error.</summary>
    public const string InvalidDate = "InvalidDate";

    /// <summary>An open deal's next action is due before today. Severity Warning.</summary>
    public const string NextActionDueInPast = "NextActionDueInPast";

    /// <summary>The stage implies an attachment the record does not have. Severity Error.</summary>
    public const string AttachmentMissing = "AttachmentMissing";

    /// <summary>A noted risk has no countermeasure. Severity Error.</summary>
    public const string CountermeasureMissing = "CountermeasureMissing";

    /// <summary>The profile expects noted risk points and there are none. Severity Error.</summary>
    public const string RiskPointsMissing = "RiskPointsMissing";

    /// <summary>The needs summary mentions a change, but there is no change history. Severity Warning.</summary>
    public const string ChangeHistoryMissing = "ChangeHistoryMissing";

    /// <summary>The record names a scenario no profile is configured for; the default profile was used. Severity Warning.</summary>
    public const string UnknownProfile = "UnknownProfile";

    /// <summary>A free-text field holds a vague phrase. Severity Warning.</summary>
    public const string VagueLanguage = "VagueLanguage";

    /// <summary>A free-text field carries no business content. Severity Warning.</summary>
    public const string NoContent = "NoContent";

    /// <summary>
    /// A free-text field is too short to act on and states no fact: prose under six characters (张经理-电话), or a value such
    /// as a custom field under one Chinese character or three letters (x). No vague phrase, but nothing a colleague could
    /// take over from either. Severity Warning.
    /// </summary>
    public const string TextTooShort = "TextTooShort";

    /// <summary>A detected risk signal has no noted risk with a countermeasure (in a lost deal, no noted risk with one at all: its post-mortem). Severity Warning.</summary>
    public const string RiskUnanswered = "RiskUnanswered";

    /// <summary>
    /// The record says it was written more than an hour before its latest communication took place: a date or a time zone of
    /// one of them is wrong, and timeliness cannot be judged from them. Severity Warning.
    /// </summary>
    public const string RecordedBeforeContact = "RecordedBeforeContact";

    /// <summary>
    /// The record time or a communication's time is more than an hour after now: what has happened cannot be dated in the
    /// future, so a date or a time zone is wrong. A record time in the future is not charged as late. Severity Warning.
    /// </summary>
    public const string DateInFuture = "DateInFuture";

    /// <summary>
    /// The record has no readable time (<c>recordedAt</c> absent or marked unknown), so whether it was written in time cannot
    /// be told; an unreadable one is an <see cref="InvalidDate"/> instead. Severity Warning.
    /// </summary>
    public const string RecordTimeMissing = "RecordTimeMissing";

    /// <summary>
    /// No communication has a readable time, so whether the record was written in time cannot be told; raised on the first
    /// entry's time (or the log) only when that field has no other finding. Severity Warning.
    /// </summary>
    public const string ContactTimeMissing = "ContactTimeMissing";

    /// <summary>The record was written more than 24 hours after its latest communication, 记录不及时. Severity Warning.</summary>
    public const string LateRecord = "LateRecord";

    /// <summary>
    /// An open deal's next action was due earlier today and that time has passed; one due before today is a
    /// <see cref="NextActionDueInPast"/> instead. Severity Warning.
    /// </summary>
    public const string NextActionOverdue = "NextActionOverdue";

    /// <summary>Fields that risk detection reads are missing, so it cannot be told whether risks were handled. Severity Info.</summary>
    public const string RiskNotAssessable = "RiskNotAssessable";

    /// <summary>
    /// The grade is lower than the score gives, because the record has a flaw the configured grade caps do not let pass
    /// (<see cref="Grading.GradeCapOptions"/>): a vague latest contact, an unanswered risk, an overdue next action; one per
    /// cap that lowered it, on the flaw's field. Never raised with the default options. Severity Info.
    /// </summary>
    public const string GradeCapped = "GradeCapped";
}
