using System.Text.Json;
using FollowUp.Rules.Language;
using FollowUp.Rules.Reminders;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests;

/// <summary>
/// The library's enums written by a host's own serializer (an ASP.NET Core endpoint returning a detection or a reminder):
/// by name, as SPEC §8 writes them, never as numbers whose order means nothing to a client.
/// </summary>
public sealed class PublicEnumJsonTests
{
    public static TheoryData<Type> PublicEnums => new(typeof(FollowUpEvaluator).Assembly.GetExportedTypes().Where(t => t.IsEnum));

    [Theory]
    [MemberData(nameof(PublicEnums))]
    public void PublicEnum_IsWrittenAndReadByName(Type type)
    {
        foreach (var value in Enum.GetValues(type))
        {
            var json = JsonSerializer.Serialize(value, type);

            Assert.Equal($"\"{Enum.GetName(type, value)}\"", json);
            Assert.Equal(value, JsonSerializer.Deserialize(json, type));
        }
    }

    [Fact]
    public void Detection_WrittenAsAnEndpointWritesIt_NamesItsLevelAndCategories()
    {
        var detection = VagueLanguageDetector.Default.Detect("客户有意向");

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(detection, JsonSerializerOptions.Web));

        Assert.Equal("Vague", json.RootElement.GetProperty("clarity").GetString());
        Assert.Equal("UnquantifiedIntent", json.RootElement.GetProperty("phrases")[0].GetProperty("category").GetString());
    }

    [Fact]
    public void Finding_WrittenAsAnEndpointWritesIt_NamesItsSeverity()
    {
        var finding = TestClock.Evaluator().Evaluate(new FollowUpRecord()).Findings[0];

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(finding, JsonSerializerOptions.Web));

        Assert.Equal(finding.Severity.ToString(), json.RootElement.GetProperty("severity").GetString());
    }

    [Fact]
    public void Reminder_WrittenByTheDefaultSerializer_NamesItsKind()
    {
        var overdue = SampleRecords.CompleteToB().WithProgress(p => p with { NextActionDue = TestClock.DaysFromNow(-2) });

        var reminder = Assert.Single(TestClock.Evaluator().Remind([overdue]));

        Assert.Contains("\"Kind\":\"Overdue\"", JsonSerializer.Serialize(reminder), StringComparison.Ordinal);
    }
}
