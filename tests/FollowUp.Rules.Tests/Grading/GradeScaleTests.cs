using FollowUp.Rules.Grading;
using FollowUp.Rules.Risk;

namespace FollowUp.Rules.Tests.Grading;

public sealed class GradeScaleTests
{
    private static readonly double[] CutOffs = [double.NaN, double.PositiveInfinity, -1, 0, 60, 70, 100, 101];

    [Theory]
    [InlineData(60, 70, 80, "B")]
    [InlineData(85, 90, 60, "A")]
    [InlineData(85, 70, -1, "C")]
    [InlineData(101, 70, 60, "A")]
    [InlineData(85, double.NaN, 60, "B")]
    public void Constructor_CutOffsOutOfOrderOrRange_ThrowsNamingThem(double a, double b, double c, string wrong)
    {
        var thrown = Assert.Throws<ArgumentException>(wrong, () => new GradeScale(a, b, c));

        Assert.Contains("0 <= C <= B <= A <= 100", thrown.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(85, 70, 60)]
    [InlineData(100, 100, 100)]
    [InlineData(0, 0, 0)]
    [InlineData(70, 70, 60)]
    public void Constructor_OrderedCutOffs_GradeAsGiven(double a, double b, double c)
    {
        var scale = new GradeScale(a, b, c);

        Assert.Equal((a, b, c), (scale.A, scale.B, scale.C));
        Assert.Equal(Grade.A, scale.GradeOf(a));
    }

    [Fact]
    public void Constructor_AcceptsExactlyWhatTheOptionsValidatorAccepts()
    {
        var validator = new FollowUpRulesOptionsValidator([.. RiskSignalCodes.TextSignals, .. RiskSignalCodes.StructuralSignals]);
        foreach (var a in CutOffs)
        {
            foreach (var b in CutOffs)
            {
                foreach (var c in CutOffs)
                {
                    var options = new FollowUpRulesOptions();
                    (options.Grades.A, options.Grades.B, options.Grades.C) = (a, b, c);
                    var valid = validator.Validate(null, options).Succeeded;

                    var constructed = Record.Exception(() => new GradeScale(a, b, c)) is null;

                    Assert.True(valid == constructed, $"A={a}, B={b}, C={c}: options valid {valid}, scale constructed {constructed}.");
                }
            }
        }
    }

    [Fact]
    public void Deconstruct_GivesTheCutOffs()
    {
        var (a, b, c) = new GradeScale(90, 75, 60);

        Assert.Equal((90d, 75d, 60d), (a, b, c));
    }
}
