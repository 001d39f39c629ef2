namespace FollowUp.Rules.Completeness;

/// <summary>How complete a record is: a weighted score and one result per step.</summary>
public sealed class CompletenessResult
{
    internal CompletenessResult(double score, IReadOnlyList<StepResult> steps)
    {
        Score = score;
        Steps = steps;
    }

    /// <summary>Gets the completeness score, 0 to 100: the steps' scores weighted by the profile's step weights.</summary>
    public double Score { get; }

    /// <summary>Gets the result of each of the five steps, in step order.</summary>
    public IReadOnlyList<StepResult> Steps { get; }

    /// <summary>Gets the result of one step.</summary>
    /// <param name="step">The step.</param>
    /// <returns>The step's result.</returns>
    public StepResult this[FollowUpStep step] => Steps[(int)step];
}

/// <summary>How complete one step is.</summary>
public sealed class StepResult
{
    internal StepResult(FollowUpStep step, double score, IReadOnlyList<string> missing, IReadOnlyList<string> acknowledged)
    {
        Step = step;
        Score = score;
        Missing = missing;
        Acknowledged = acknowledged;
    }

    /// <summary>Gets the step.</summary>
    public FollowUpStep Step { get; }

    /// <summary>Gets the step's score, 0 to 100: the share of its checks met, acknowledged fields earning part of the credit.</summary>
    public double Score { get; }

    /// <summary>Gets the paths of required fields that are missing, in record order, such as <c>communications[0].summary</c>.</summary>
    public IReadOnlyList<string> Missing { get; }

    /// <summary>Gets the paths of required fields marked unknown with a reason.</summary>
    public IReadOnlyList<string> Acknowledged { get; }
}
