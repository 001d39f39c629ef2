using FollowUp.Rules.Risk;

namespace FollowUp.Rules.Tests.Risk;

public sealed class RiskLevelScaleTests
{
    private static readonly double[] CutOffs = [double.NaN, double.PositiveInfinity, -1, 0, 20, 50, 100, 101];

    [Theory]
    [InlineData(80, 50, 20, "High")]
    [InlineData(25, 80, 75, "Critical")]
    [InlineData(0, 50, 75, "Medium")]
    [InlineData(25, 50, 101, "Critical")]
    [InlineData(double.NaN, 50, 75, "Medium")]
    public void Constructor_CutOffsOutOfOrderOrRange_ThrowsNamingThem(double medium, double high, double critical, string wrong)
    {
        var thrown = Assert.Throws<ArgumentException>(wrong, () => new RiskLevelScale(medium, high, critical));

        Assert.Contains("0 < Medium <= High <= Critical <= 100", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(25, 50, 75)]
    [InlineData(50, 50, 50)]
    [InlineData(100, 100, 100)]
    public void Constructor_OrderedCutOffs_LevelAsGiven(double medium, double high, double critical)
    {
        var scale = new RiskLevelScale(medium, high, critical);

        Assert.Equal((medium, high, critical), (scale.Medium, scale.High, scale.Critical));
        Assert.Equal(RiskLevel.Critical, scale.LevelOf(critical));
        Assert.Equal(RiskLevel.Low, scale.LevelOf(0));
    }

    [Fact]
    public void Constructor_AcceptsExactlyWhatTheOptionsValidatorAccepts()
    {
        var validator = new FollowUpRulesOptionsValidator([.. RiskSignalCodes.TextSignals, .. RiskSignalCodes.StructuralSignals]);
        foreach (var medium in CutOffs)
        {
            foreach (var high in CutOffs)
            {
                foreach (var critical in CutOffs)
                {
                    var options = new FollowUpRulesOptions();
                    (options.RiskLevels.Medium, options.RiskLevels.High, options.RiskLevels.Critical) = (medium, high, critical);
                    var valid = validator.Validate(null, options).Succeeded;

                    var constructed = Record.Exception(() => new RiskLevelScale(medium, high, critical)) is null;

                    Assert.True(valid == constructed, $"Medium={medium}, High={high}, Critical={critical}: options valid {valid}, scale constructed {constructed}.");
                }
            }
        }
    }

    [Fact]
    public void Deconstruct_GivesTheCutOffs()
    {
        var (medium, high, critical) = new RiskLevelScale(20, 40, 60);

        Assert.Equal((20d, 40d, 60d), (medium, high, critical));
    }
}
