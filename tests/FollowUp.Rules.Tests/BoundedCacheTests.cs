namespace FollowUp.Rules.Tests;

public class BoundedCacheTests
{
    [Fact]
    public void TryKeep_KeepsNewKeysUntilFull()
    {
        var cache = new BoundedCache<string, int>(2, StringComparer.Ordinal);

        Assert.True(cache.TryKeep("a", 1));
        Assert.False(cache.TryKeep("a", 9));
        Assert.True(cache.TryKeep("b", 2));
        Assert.False(cache.TryKeep("c", 3));

        Assert.True(cache.TryGetValue("a", out var a));
        Assert.Equal(1, a);
        Assert.False(cache.TryGetValue("c", out _));
    }

    [Fact]
    public void GetOrCreate_WhenFull_StillFindsWhatItKeptAndCreatesTheRest()
    {
        var cache = new BoundedCache<int, string>(1);
        var kept = cache.GetOrCreate(1, static (key, _) => $"v{key}", 0);

        var created = cache.GetOrCreate(2, static (key, _) => $"v{key}", 0);

        Assert.Same(kept, cache.GetOrCreate(1, static (_, _) => "other", 0));
        Assert.Equal("v2", created);
        Assert.False(cache.TryGetValue(2, out _));
    }

    [Fact]
    public void TryKeep_FromManyThreads_KeepsAboutTheCapacity()
    {
        const int capacity = 100;
        var cache = new BoundedCache<int, int>(capacity);

        Parallel.For(0, 10_000, i => cache.TryKeep(i, i));

        var kept = Enumerable.Range(0, 10_000).Count(i => cache.TryGetValue(i, out _));
        Assert.InRange(kept, capacity, capacity + 64);
    }

    [Fact]
    public void GetAlternateLookup_FindsStringKeysBySpan()
    {
        var cache = new BoundedCache<string, string>(4, StringComparer.Ordinal);
        cache.TryKeep("跟进中", "kept");

        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();

        Assert.True(lookup.TryGetValue("客户跟进中".AsSpan(2), out var value));
        Assert.Equal("kept", value);
    }

    [Fact]
    public void Clear_ForgetsEverything_AndKeepsNewValuesAgain()
    {
        var cache = new BoundedCache<int, int>(1);
        cache.TryKeep(1, 1);
        Assert.False(cache.TryKeep(2, 2));

        cache.Clear();

        Assert.False(cache.TryGetValue(1, out _));
        Assert.True(cache.TryKeep(2, 2));
    }
}
