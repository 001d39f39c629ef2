namespace FollowUp.Rules.Cli.Output;

/// <summary>Writes evaluations one at a time as they are made.</summary>
internal interface IEvaluationWriter : IAsyncDisposable
{
    void Write(FollowUpEvaluation evaluation);
}
