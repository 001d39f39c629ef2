namespace FollowUp.Rules.Tests;

public class BoundedCacheTests
{
    [Fact]
    public void TryKeep_KeepsNewKeysOnly()
    {
        var cache = new BoundedCache<string, int>(4, StringComparer.Ordinal);

        Assert.True(cache.TryKeep("a", 1));
        Assert.False(cache.TryKeep("a", 9));
        Assert.True(cache.TryKeep("b", 2));

        Assert.True(cache.TryGetValue("a", out var a));
        Assert.Equal(1, a);
        Assert.False(cache.TryGetValue("c", out _));
    }

    [Fact]
    public void TryKeep_WhenFull_StartsOverAndKeepsWhatComesNext()
    {
        var cache = new BoundedCache<int, string>(2);
        cache.TryKeep(1, "one");
        cache.TryKeep(2, "two");

        Assert.True(cache.TryKeep(3, "three"));

        Assert.False(cache.TryGetValue(1, out _));
        Assert.False(cache.TryGetValue(2, out _));
        Assert.True(cache.TryGetValue(3, out var three));
        Assert.Equal("three", three);
    }

    [Fact]
    public void GetOrCreate_FindsWhatItKeptAndKeepsWhatItCreates()
    {
        var cache = new BoundedCache<int, string>(8);
        var kept = cache.GetOrCreate(1, static (key, _) => $"v{key}", 0);

        Assert.Same(kept, cache.GetOrCreate(1, static (_, _) => "other", 0));
        Assert.Equal("v1", kept);
    }

    [Fact]
    public void TryKeep_FromManyThreads_NeverHoldsMuchMoreThanTheCapacity()
    {
        const int capacity = 100;
        var cache = new BoundedCache<int, int>(capacity);

        Parallel.For(0, 10_000, i => cache.TryKeep(i, i));

        var kept = Enumerable.Range(0, 10_000).Count(i => cache.TryGetValue(i, out _));
        Assert.InRange(kept, 0, capacity + 64);
        Assert.True(cache.TryKeep(-1, -1));
        Assert.True(cache.TryGetValue(-1, out _));
    }

    [Fact]
    public void TryGetValue_FindsStringKeysBySpan()
    {
        var cache = new BoundedCache<string, string>(4, StringComparer.Ordinal);
        cache.TryKeep("跟进中", "kept");

        Assert.True(cache.TryGetValue("客户跟进中".AsSpan(2), out var value));
        Assert.Equal("kept", value);
        Assert.False(cache.TryGetValue("客户".AsSpan(), out _));
    }
}
