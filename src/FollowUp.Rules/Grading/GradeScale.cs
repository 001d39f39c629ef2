namespace FollowUp.Rules.Grading;

/// <summary>The quality grades.</summary>
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
/// <param name="A">The lowest score graded A.</param>
/// <param name="B">The lowest score graded B.</param>
/// <param name="C">The lowest score graded C.</param>
public sealed record GradeScale(double A, double B, double C)
{
    /// <summary>Grades a score.</summary>
    /// <param name="score">A score from 0 to 100.</param>
    /// <returns>The grade: higher scores never get a lower grade.</returns>
    public Grade GradeOf(double score) => score >= A ? Grade.A : score >= B ? Grade.B : score >= C ? Grade.C : Grade.D;
}
