using FollowUp.Rules.Cli.Tests.Infrastructure;

namespace FollowUp.Rules.Cli.Tests.Commands;

/// <summary><c>followup evaluate --fail-under</c>: an import job can gate on quality.</summary>
public sealed class FailUnderTests
{
    [Fact]
    public async Task FailUnder_SomeRecordsBelow_ExitsFourAfterWritingEveryEvaluation()
    {
        var run = await CliRunner.RunAsync("evaluate", "--fail-under", "B", "--now", CliRunner.Now, SampleData.FollowUpsPath);

        Assert.Equal(4, run.ExitCode);
        Assert.Equal(SampleData.FollowUpIds, run.Ids);
        var below = run.Evaluations.Count(e => e.GetProperty("grade").GetString() is "C" or "D");
        Assert.True(below > 0);
        Assert.Contains($"{below} record(s) graded below B", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailUnder_RecordsBelow_AreNamedByIdOrLine_TheFirstTenAndHowManyMore()
    {
        // Twelve bare records, all below A: eleven with an id, the second without one.
        var lines = Enumerable.Range(1, 12).Select(i => i == 2 ? "{}" : $"{{\"id\":\"gate-{i}\"}}");

        var run = await CliRunner.RunWithInputAsync(string.Join('\n', lines) + "\n", "evaluate", "--fail-under", "A", "--now", CliRunner.Now, "-");

        Assert.Equal(4, run.ExitCode);
        var grades = run.Evaluations.Select(e => e.GetProperty("grade").GetString()).ToList();
        var named = string.Join(", ", Enumerable.Range(1, 10).Select(i => (i == 2 ? "-:line 2" : $"'gate-{i}'") + $" ({grades[i - 1]})"));
        Assert.Equal($"followup: 12 record(s) graded below A: {named} and 2 more.", run.ErrorLines[^1]);
    }

    [Fact]
    public async Task FailUnder_NoRecordBelow_ExitsZero()
    {
        var sample = await CliRunner.SampleEvaluationAsync();
        var gradeA = File.ReadLines(SampleData.FollowUpsPath).Where((_, i) => sample.Evaluations[i].GetProperty("grade").GetString() == "A").ToList();
        Assert.NotEmpty(gradeA);

        var run = await CliRunner.RunWithInputAsync(string.Join('\n', gradeA) + "\n", "evaluate", "--fail-under", "a", "--now", CliRunner.Now, "-");

        Assert.Equal(0, run.ExitCode);
        Assert.Equal(gradeA.Count, run.Evaluations.Count);
    }

    [Fact]
    public async Task FailUnder_UnreadableRowsToo_ExitsThree()
    {
        var run = await CliRunner.RunWithInputAsync("{\"id\":\"a\"}\nnot json\n", "evaluate", "--fail-under", "A", "--now", CliRunner.Now, "-");
        Assert.Equal(3, run.ExitCode);
    }
}
