namespace FollowUp.Rules.Samples.ImportGate;

/// <summary>A clock stopped at one instant, for <c>--now</c>: an export is graded as of the day it was taken.</summary>
/// <param name="now">The instant.</param>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
