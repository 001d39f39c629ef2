using FollowUp.Rules.Import.Reading;
using FollowUp.Rules.Import.Tests.Infrastructure;

namespace FollowUp.Rules.Import.Tests;

/// <summary>The merged ranges of a worksheet as rows stream past: what a row meets, whatever a damaged file lists.</summary>
public sealed class MergedCellsTests
{
    [Fact]
    public void Fill_ManyRangesPastTheColumnsOrOverlapping_ARowMeetsAtMostOnePerColumn()
    {
        // 20,000 ranges past the sheet's two columns and 20,000 over column A, each overlapping the one before it: a
        // file of a few hundred kilobytes, which made every row walk all 40,000.
        var ranges = Enumerable.Range(0, 20_000).SelectMany(i => new[] { $"D2:D{1_048_576 - i}", $"A2:A{1_048_576 - i}" }).ToArray();
        using var workbook = Tables.Merge(Tables.Xlsx(("Sheet1", [["customer.company", "communications[0].summary"], ["宏图", "第一次"], [null, "第二次"]])), ranges);
        var merged = SheetScan.Read(workbook, "Sheet1").Merged;

        object?[] second = ["宏图", "第一次"];
        object?[] third = [null, "第二次"];
        merged.Fill(1, ["customer.company", "communications[0].summary"], null);
        merged.Fill(2, second, 1);
        merged.Fill(3, third, 1);

        Assert.Equal(1, merged.CoveringCount);
        Assert.Equal("宏图", third[0]);
    }
}
