namespace FollowUp.Rules.Grading;

/// <summary>
/// The best grade a record may get while it has a flaw a team will not pass, whatever its score: a latest contact written
/// vaguely, a risk left unanswered, a next action overdue. Each is off (<see langword="null"/>) unless set. The score and
/// its deductions stay as they are; a capped record gets a <c>GradeCapped</c> finding naming the flaw and the cap. A field
/// that is missing counts as the flaw its content could be, so filling it in never lowers the grade, as it never lowers
/// the score.
/// </summary>
/// <remarks>
/// The points of such a flaw are spread over the parts of the grade (a vague latest note costs about 8 points of clarity),
/// so a record that is otherwise complete stays A; a team that grades such a record C says so here:
/// <c>"Grades": { "Caps": { "VagueLatestContact": "C", "UnansweredRisk": "B" } }</c>.
/// </remarks>
public sealed class GradeCapOptions
{
    /// <summary>
    /// Gets or sets the best grade of a record whose latest contact's summary is vague, says nothing, is only marked unknown
    /// (待确认), or is missing, and of a record with no contact at all. A contact whose time is missing or unreadable may be
    /// the latest, so its summary counts too.
    /// </summary>
    /// <value><see langword="null"/>: no cap.</value>
    public Grade? VagueLatestContact { get; set; }

    /// <summary>
    /// Gets or sets the best grade of a record with a risk signal that no noted risk answers with a countermeasure, or whose
    /// risks cannot be assessed for missing content (<c>RiskNotAssessable</c>).
    /// </summary>
    /// <value><see langword="null"/>: no cap.</value>
    public Grade? UnansweredRisk { get; set; }

    /// <summary>
    /// Gets or sets the best grade of an open deal whose next action is past its due time, has no readable due date, or is
    /// not written.
    /// </summary>
    /// <value><see langword="null"/>: no cap.</value>
    public Grade? OverdueNextAction { get; set; }
}
