using FollowUp.Rules.Cli.Tests.Infrastructure;
using FollowUp.Rules.Serialization;
using static FollowUp.Rules.Tests.TestData.SchemaValidation;

namespace FollowUp.Rules.Cli.Tests.Commands;

/// <summary><c>followup schema</c>, and the tool's JSON output checked against the schemas it prints.</summary>
public sealed class SchemaCommandTests
{
    [Theory]
    [InlineData("record", FollowUpJsonSchema.Record)]
    [InlineData("evaluation", FollowUpJsonSchema.Evaluation)]
    [InlineData("report", FollowUpJsonSchema.Report)]
    [InlineData("reminder", FollowUpJsonSchema.Reminder)]
    [InlineData("Reminder", FollowUpJsonSchema.Reminder)]
    public async Task Schema_EachName_PrintsExactlyTheEmbeddedText(string name, FollowUpJsonSchema schema)
    {
        var run = await CliRunner.RunAsync("schema", name);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal("", run.Error);
        Assert.Equal(FollowUpJson.GetSchema(schema), run.Output);
    }

    [Fact]
    public async Task Schema_NameItDoesNotHave_IsAUsageErrorNamingTheSchemas()
    {
        var run = await CliRunner.RunAsync("schema", "records");

        Assert.Equal(2, run.ExitCode);
        Assert.Equal("", run.Output);
        Assert.Contains("'records' not recognized. Must be one of record, evaluation, report or reminder (any case).", run.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Schema_Help_NamesTheSchemasItsExitCodesAndAnExample()
    {
        var run = await CliRunner.RunAsync("schema", "--help");

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("schema <schema> [options]", run.Output, StringComparison.Ordinal);
        Assert.Contains("<record|evaluation|report|reminder>", run.Output, StringComparison.Ordinal);
        Assert.Contains("Exit codes: 0 done, 2 usage error, 1 standard output is closed.", run.Output, StringComparison.Ordinal);
        Assert.Contains("followup schema record > record.schema.json", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Evaluate_EveryLineOfTheSamples_MatchesTheEvaluationSchema()
    {
        var run = await CliRunner.SampleEvaluationAsync();

        Assert.Equal(SampleData.FollowUpIds.Count, run.OutputLines.Count);
        Assert.All(run.OutputLines, line => AssertMatches(FollowUpJsonSchema.Evaluation, line));
    }

    [Fact]
    public async Task Report_JsonOfTheSamples_MatchesTheReportSchema()
    {
        var run = await CliRunner.RunAsync("report", "--format", "json", "--now", CliRunner.Now, SampleData.FollowUpsPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertMatches(FollowUpJsonSchema.Report, run.Output);
    }

    /// <summary>An empty input: the report's nulls (no evaluation time, no average) are in the schema too.</summary>
    [Fact]
    public async Task Report_JsonOfNoRecords_MatchesTheReportSchema()
    {
        var run = await CliRunner.RunWithInputAsync("", "report", "--format", "json", "--now", CliRunner.Now, "-");

        Assert.True(run.ExitCode == 0, run.ToString());
        AssertMatches(FollowUpJsonSchema.Report, run.Output);
    }

    [Fact]
    public async Task Remind_EveryJsonLineOfTheSamples_MatchesTheReminderSchema()
    {
        var run = await CliRunner.RunAsync("remind", "--format", "jsonl", "--now", CliRunner.Now, SampleData.FollowUpsPath);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.NotEmpty(run.OutputLines);
        Assert.All(run.OutputLines, line => AssertMatches(FollowUpJsonSchema.Reminder, line));
    }

    /// <summary>A due day sent alone is written as the day, no customer as null: both are in the schema.</summary>
    [Fact]
    public async Task Remind_DueAsADayAndNoCustomer_MatchTheReminderSchema()
    {
        const string records = """
            {"id":"D","owner":"李明","progress":{"stage":"Negotiation","nextAction":"发合同","nextActionDue":"2026-11-20"}}
            {"owner":"李明","progress":{"stage":"Negotiation","nextAction":"发合同","nextActionDue":"2026-11-26T18:00:00+08:00"}}
            """;

        var run = await CliRunner.RunWithInputAsync(records, "remind", "--format", "jsonl", "--now", CliRunner.Now, "-");

        Assert.Equal(2, run.OutputLines.Count);
        Assert.Contains(run.OutputLines, line => line.Contains("\"due\":\"2026-11-20\"", StringComparison.Ordinal));
        Assert.Contains(run.OutputLines, line => line.Contains("\"id\":null", StringComparison.Ordinal));
        Assert.All(run.OutputLines, line => AssertMatches(FollowUpJsonSchema.Reminder, line));
    }
}
