using FollowUp.Rules.Cli.Tests.Infrastructure;

namespace FollowUp.Rules.Cli.Tests.Commands;

/// <summary>
/// Options that take one of a few words (--format, --fail-under) take them in any case, as the specification writes them
/// ("Markdown", "JSON"), and mean the same as the listed spelling.
/// </summary>
public sealed class ChoiceOptionTests
{
    [Theory]
    [InlineData("report", "markdown", "Markdown")]
    [InlineData("report", "json", "JSON")]
    [InlineData("report", "text", "TEXT")]
    [InlineData("report", "html", "Html")]
    [InlineData("evaluate", "jsonl", "JSONL")]
    [InlineData("evaluate", "table", "Table")]
    [InlineData("evaluate", "csv", "CSV")]
    [InlineData("remind", "table", "TABLE")]
    [InlineData("remind", "jsonl", "JsonL")]
    public async Task Format_InAnyCase_WritesWhatTheListedSpellingWrites(string command, string listed, string written)
    {
        var expected = await CliRunner.RunAsync(command, "--format", listed, "--now", CliRunner.Now, SampleData.FollowUpsPath);
        var run = await CliRunner.RunAsync(command, "--format", written, "--now", CliRunner.Now, SampleData.FollowUpsPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.NotEmpty(run.OutputBytes);
        Assert.Equal(expected.OutputBytes, run.OutputBytes);
    }

    [Theory]
    [InlineData("report", "--format 'Pdf' not recognized. Must be one of text, markdown, json or html (any case). Run")]
    [InlineData("remind", "--format 'Pdf' not recognized. Must be one of table or jsonl (any case). Run")]
    public async Task Format_NotAmongTheChoices_ExitsTwoNamingThem(string command, string expected)
    {
        var run = await CliRunner.RunAsync(command, "--format", "Pdf", "--now", CliRunner.Now, SampleData.FollowUpsPath);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.OutputBytes);
        Assert.Contains(expected, Assert.Single(run.ErrorLines), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FailUnder_NotAGrade_ExitsTwoNamingTheGradesOnce()
    {
        var run = await CliRunner.RunAsync("evaluate", "--fail-under", "D", "--now", CliRunner.Now, SampleData.FollowUpsPath);

        Assert.Equal(2, run.ExitCode);
        Assert.Empty(run.OutputBytes);
        Assert.Equal(
            "followup: --fail-under 'D' not recognized. Must be one of A, B or C (any case). Run 'followup evaluate --help' for usage.",
            Assert.Single(run.ErrorLines));
    }
}
