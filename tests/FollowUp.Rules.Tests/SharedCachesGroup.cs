namespace FollowUp.Rules.Tests;

/// <summary>
/// Tests that records share cached values. The caches are process-wide and start over when full, so these tests run alone,
/// after the parallel ones, and evaluate once before comparing: the first evaluation may land on a cache that is starting over.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SharedCachesGroup
{
    public const string Name = "Shared caches";
}
