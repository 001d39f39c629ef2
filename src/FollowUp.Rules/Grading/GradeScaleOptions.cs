namespace FollowUp.Rules.Grading;

/// <summary>The lowest score of each grade; anything below <see cref="C"/> is D.</summary>
public sealed class GradeScaleOptions
{
    /// <summary>Gets or sets the lowest score graded A.</summary>
    /// <value>85.</value>
    public double A { get; set; } = 85;

    /// <summary>Gets or sets the lowest score graded B.</summary>
    /// <value>70.</value>
    public double B { get; set; } = 70;

    /// <summary>Gets or sets the lowest score graded C.</summary>
    /// <value>60.</value>
    public double C { get; set; } = 60;

    /// <summary>Gets the best grade a record with a given flaw may get, whatever its score.</summary>
    /// <value>No cap: the grade follows the score alone.</value>
    public GradeCapOptions Caps { get; } = new();
}
