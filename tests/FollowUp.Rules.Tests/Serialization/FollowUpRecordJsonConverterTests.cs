using System.Text.Json;
using FollowUp.Rules.Serialization;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests;

/// <summary>A host's own serializer (an endpoint's options) reading records by the library's rules through the converter.</summary>
public sealed class FollowUpRecordJsonConverterTests
{
    private static readonly JsonSerializerOptions HostOptions = new(JsonSerializerOptions.Web)
    {
        Converters = { new FollowUpRecordJsonConverter() },
    };

    private sealed record Request(string Source, FollowUpRecord? Record);

    [Fact]
    public void Read_WrongShapedValue_IsReadAroundAndEvaluatedAsAFinding()
    {
        const string body = """{ "source": "crm", "record": { "id": "FU-1", "customer": "张伟" } }""";

        var request = JsonSerializer.Deserialize<Request>(body, HostOptions)!;

        Assert.Equal("FU-1", request.Record!.Id);
        Assert.Contains(TestClock.Evaluator().Evaluate(request.Record).Findings, f => f.Code == FindingCodes.InvalidValue && f.Field == "customer");
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Request>(body, JsonSerializerOptions.Web));
    }

    [Fact]
    public void Read_FieldGivenTwice_IsRefusedAsFollowUpJsonRefusesIt()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<FollowUpRecord>("""{ "id": "d", "ID": "e" }""", HostOptions));

        Assert.Contains("id", error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Read_RecordThatIsNotAnObject_IsRefusedAtItsPlaceInTheRequest()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Request>("{\"source\":\"x\",\n\"record\":\n  \"oops\"}", HostOptions));

        Assert.Equal("$.record", error.Path);
        Assert.Equal(2, error.LineNumber);
        Assert.Contains("Path: $.record | LineNumber: 2", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Path: $ |", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Read_ListAndNull_AreReadElementByElement()
    {
        var records = JsonSerializer.Deserialize<FollowUpRecord?[]>("""[ { "id": "A" }, null, { "id": "B", "customer": 7 } ]""", HostOptions)!;

        Assert.Equal(["A", null, "B"], records.Select(r => r?.Id));
    }

    [Fact]
    public void Write_IsWhatFollowUpJsonWrites_AndReadsBack()
    {
        var record = SampleRecords.CompleteToB();

        var json = JsonSerializer.Serialize(record, HostOptions);

        Assert.Equal(FollowUpJson.Serialize(JsonSerializer.Deserialize<FollowUpRecord>(json, HostOptions)!), FollowUpJson.Serialize(record));
        using var written = JsonDocument.Parse(json);
        using var expected = JsonDocument.Parse(FollowUpJson.Serialize(record));
        Assert.True(JsonElement.DeepEquals(expected.RootElement, written.RootElement));
    }
}
