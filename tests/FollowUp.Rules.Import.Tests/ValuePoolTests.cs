using FollowUp.Rules.Import.Mapping;

namespace FollowUp.Rules.Import.Tests;

/// <summary>One copy of a value a field repeats across held rows, and a bounded number of values kept per field.</summary>
public sealed class ValuePoolTests
{
    [Fact]
    public void Get_ValueEqualToOneKeptInTheField_GivesTheKeptCopy()
    {
        var pool = new ValuePool(fields: 2);
        var first = new string("商务谈判".AsSpan());

        pool.Get(0, first);
        var again = pool.Get(0, new string("商务谈判".AsSpan()));

        Assert.Same(first, again);
    }

    [Fact]
    public void Get_ValueKeptInAnotherField_IsNotSharedAcrossFields()
    {
        var pool = new ValuePool(fields: 2);
        var stage = new string("电话".AsSpan());
        var channel = new string("电话".AsSpan());

        pool.Get(0, stage);

        Assert.Same(channel, pool.Get(1, channel));
    }

    [Fact]
    public void Get_FieldFull_KeepsNoMoreValuesButStillSharesTheKeptOnes()
    {
        var pool = new ValuePool(fields: 1);
        var kept = Enumerable.Range(0, ValuePool.Capacity).Select(i => pool.Get(0, $"跟进人{i}")).ToList();
        var past = $"跟进人{ValuePool.Capacity}";

        pool.Get(0, past);
        var later = $"跟进人{ValuePool.Capacity}";

        Assert.Same(later, pool.Get(0, later));
        Assert.Same(kept[^1], pool.Get(0, $"跟进人{ValuePool.Capacity - 1}"));
    }
}
