namespace FollowUp.Rules.Import.Tests.Infrastructure;

/// <summary>A clock that always reads <paramref name="now"/>, so evaluations made in these tests are reproducible.</summary>
internal sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
