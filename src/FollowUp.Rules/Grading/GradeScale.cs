using System.Globalization;
using System.Text.Json.Serialization;

namespace FollowUp.Rules.Grading;

/// <summary>The quality grades.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Grade>))]
public enum Grade
{
    /// <summary>Meets the standard (85 or more by default).</summary>
    A,

    /// <summary>Good, with gaps (70 or more by default).</summary>
    B,

    /// <summary>Passable (60 or more by default).</summary>
    C,

    /// <summary>Below standard.</summary>
    D,
}

/// <summary>The lowest score of grades A, B and C; below <see cref="C"/> is D.</summary>
public sealed record GradeScale
{
    /// <summary>Initializes a scale from the lowest score of each grade.</summary>
    /// <param name="A">The lowest score graded A.</param>
    /// <param name="B">The lowest score graded B.</param>
    /// <param name="C">The lowest score graded C.</param>
    /// <exception cref="ArgumentException">The cut-offs do not satisfy 0 &lt;= C &lt;= B &lt;= A &lt;= 100, as <see cref="GradeScaleOptions"/> must.
    /// Equal cut-offs are allowed: the lower of the two grades is then never given.</exception>
    public GradeScale(double A, double B, double C)
    {
        // Out of order, the scale would grade silently wrong (with C above A, 75 is an A), so it is refused as the options are.
        if (FirstOutOfOrder(A, B, C) is { } outOfOrder)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"Grade cut-offs must satisfy 0 <= C <= B <= A <= 100; got A={A}, B={B}, C={C}."), outOfOrder);
        }

        this.A = A;
        this.B = B;
        this.C = C;
    }

    /// <summary>The first cut-off, from C up, that breaks 0 &lt;= C &lt;= B &lt;= A &lt;= 100, or <see langword="null"/>; the options validator checks the same.</summary>
    internal static string? FirstOutOfOrder(double A, double B, double C) =>
        !(double.IsFinite(C) && C >= 0) ? nameof(C)
        : !(double.IsFinite(B) && B >= C) ? nameof(B)
        : !(double.IsFinite(A) && A >= B && A <= 100) ? nameof(A)
        : null;

    // Get-only rather than init, so a with-expression cannot put the cut-offs out of order either.
    /// <summary>Gets the lowest score graded A.</summary>
    public double A { get; }

    /// <summary>Gets the lowest score graded B.</summary>
    public double B { get; }

    /// <summary>Gets the lowest score graded C.</summary>
    public double C { get; }

    /// <summary>Gives the cut-offs.</summary>
    /// <param name="A">The lowest score graded A.</param>
    /// <param name="B">The lowest score graded B.</param>
    /// <param name="C">The lowest score graded C.</param>
    public void Deconstruct(out double A, out double B, out double C) => (A, B, C) = (this.A, this.B, this.C);

    /// <summary>Grades a score.</summary>
    /// <param name="score">A score from 0 to 100.</param>
    /// <returns>The grade: higher scores never get a lower grade.</returns>
    public Grade GradeOf(double score) => score >= A ? Grade.A : score >= B ? Grade.B : score >= C ? Grade.C : Grade.D;
}

/// <summary>
/// The best grade a record with a given flaw may get, whatever its score (<see cref="GradeCapOptions"/>); <see langword="null"/>
/// for a flaw that caps nothing.
/// </summary>
/// <param name="VagueLatestContact">The best grade of a record whose latest contact's summary is vague, empty or missing.</param>
/// <param name="UnansweredRisk">The best grade of a record with a risk signal no noted risk answers.</param>
/// <param name="OverdueNextAction">The best grade of a record whose next action is overdue.</param>
public sealed record GradeCaps(Grade? VagueLatestContact, Grade? UnansweredRisk, Grade? OverdueNextAction)
{
    /// <summary>Gets the caps of the default options: none.</summary>
    public static GradeCaps None { get; } = new(null, null, null);

    /// <summary>Whether any flaw caps the grade.</summary>
    internal bool Any => VagueLatestContact is not null || UnansweredRisk is not null || OverdueNextAction is not null;
}
