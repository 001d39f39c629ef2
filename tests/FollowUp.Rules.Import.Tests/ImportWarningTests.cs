using FollowUp.Rules.Import.Tests.Infrastructure;

namespace FollowUp.Rules.Import.Tests;

public sealed class ImportWarningTests
{
    [Fact]
    public void Message_LongId_IsQuotedCutShort()
    {
        var id = new string('9', 60);

        var results = Tables.ReadCsv($"id,customer.company\r\n{id},甲公司\r\n{id},乙公司\r\n");

        var warning = Assert.Single(results[1].Warnings);
        Assert.StartsWith($"the id '{new string('9', 40)}…' is also the id of the record of row 2", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_AreTheirNames()
    {
        Assert.Equal(("IdRepeated", "GroupSplitById"), (ImportWarningCodes.IdRepeated, ImportWarningCodes.GroupSplitById));
    }
}
