using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace FollowUp.Rules.Samples.Tests.WebApi;

/// <summary>The WebApi sample end to end: HTTP in, SPEC §8 JSON and problem details out, through the host's DI and configuration.</summary>
public sealed class WebApiTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    private static readonly string[] Grades = ["A", "B", "C", "D"];
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Evaluate_CompleteRecord_ReturnsSpecJsonWithIdAndFiveSteps()
    {
        using var response = await PostAsync("/follow-ups/evaluate", TestRecords.Complete());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        using var evaluation = await ReadJsonAsync(response);
        var root = evaluation.RootElement;
        Assert.Equal("FU-2001", root.GetProperty("id").GetString());
        Assert.Equal("ToB", root.GetProperty("profile").GetString());
        Assert.Equal(WebApiFactory.Now, root.GetProperty("evaluatedAt").GetDateTimeOffset());
        Assert.InRange(root.GetProperty("score").GetDouble(), 0, 100);
        Assert.Contains(root.GetProperty("grade").GetString(), Grades);
        Assert.Equal(
            ["BasicInfo", "Needs", "Communications", "Progress", "AttachmentsAndRisks"],
            root.GetProperty("completeness").GetProperty("steps").EnumerateArray().Select(step => step.GetProperty("step").GetString()));
        foreach (var member in new[] { "clarity", "vague", "risk", "deductions", "findings" })
        {
            Assert.True(root.TryGetProperty(member, out _), $"missing member {member}");
        }
    }

    [Fact]
    public async Task Evaluate_ChineseLabelsAndNumbers_AreReadAsTheCrmSendsThem()
    {
        using var response = await PostAsync("/follow-ups/evaluate", TestRecords.Complete());

        using var evaluation = await ReadJsonAsync(response);
        var findings = evaluation.RootElement.GetProperty("findings").EnumerateArray().ToList();
        Assert.DoesNotContain(findings, finding => finding.GetProperty("severity").GetString() == "Error");
        Assert.DoesNotContain(findings, finding => finding.GetProperty("code").GetString() is "UnknownValue" or "InvalidDate");
    }

    [Fact]
    public async Task Evaluate_Messages_AreChineseNotEscaped()
    {
        using var response = await PostAsync("/follow-ups/evaluate", TestRecords.MissingRequiredFields());

        var body = await response.Content.ReadAsStringAsync();
        Assert.Contains("缺少", body, StringComparison.Ordinal);
        Assert.DoesNotContain("\\u", body, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "缺少决策权。")]
    [InlineData("en-US,en;q=0.9", "Missing decision")]
    [InlineData("zh-TW", "缺少決策權。")]
    [InlineData("zh-HK,zh;q=0.8", "缺少決策權。")]
    [InlineData("fr-FR", "缺少决策权。")]
    public async Task Evaluate_AcceptLanguage_WritesMessagesInTheRequestsLanguage(string? acceptLanguage, string decisionRoleMissing)
    {
        using var response = await PostAsync("/follow-ups/evaluate", TestRecords.MissingRequiredFields(), acceptLanguage);

        using var evaluation = await ReadJsonAsync(response);
        var finding = evaluation.RootElement.GetProperty("findings").EnumerateArray()
            .Single(f => f.GetProperty("field").GetString() == "customer.decisionRole");
        Assert.StartsWith(decisionRoleMissing, finding.GetProperty("message").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("en", "Missing decision")]
    [InlineData("zh-TW", "缺少決策權。")]
    public async Task Store_AcceptLanguage_WritesTheValidatorsErrorsInTheRequestsLanguage(string acceptLanguage, string decisionRoleMissing)
    {
        using var response = await PostAsync("/follow-ups", TestRecords.MissingRequiredFields(), acceptLanguage);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await ReadJsonAsync(response);
        var errors = problem.RootElement.GetProperty("errors").GetProperty("customer.decisionRole");
        Assert.StartsWith(decisionRoleMissing, errors[0].GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Evaluate_ScenarioNamesConfiguredProfile_UsesThatProfile()
    {
        // appsettings.json defines KeyAccounts: ToB plus a required customer.email, which the record does not have.
        var record = TestRecords.Complete();
        record["scenario"] = "KeyAccounts";

        using var custom = await ReadJsonAsync(await PostAsync("/follow-ups/evaluate", record));
        using var standard = await ReadJsonAsync(await PostAsync("/follow-ups/evaluate", TestRecords.Complete()));

        Assert.Equal("KeyAccounts", custom.RootElement.GetProperty("profile").GetString());
        Assert.Contains("customer.email", MissingOf(custom, "BasicInfo"));
        Assert.DoesNotContain("customer.email", MissingOf(standard, "BasicInfo"));
    }

    [Fact]
    public async Task Store_RecordMissingRequiredFields_Returns400WithErrorsByFieldPath()
    {
        using var response = await PostAsync("/follow-ups", TestRecords.MissingRequiredFields());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = await ReadJsonAsync(response);
        var errors = problem.RootElement.GetProperty("errors");
        foreach (var field in new[] { "customer.decisionRole", "needs.budget", "progress.nextActionDue" })
        {
            Assert.True(errors.TryGetProperty(field, out var messages), $"no error for {field}");
            Assert.All(messages.EnumerateArray(), message => Assert.False(string.IsNullOrWhiteSpace(message.GetString())));
        }

        Assert.Equal("FU-2002", problem.RootElement.GetProperty("recordId").GetString());
        Assert.Equal(JsonValueKind.Object, problem.RootElement.GetProperty("warnings").ValueKind);
    }

    [Fact]
    public async Task Store_CompleteRecord_Returns201WithStoredIdAndGrade()
    {
        using var response = await PostAsync("/follow-ups", TestRecords.Complete());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = await ReadJsonAsync(response);
        var id = created.RootElement.GetProperty("id").GetString();
        Assert.False(string.IsNullOrEmpty(id));
        Assert.Equal("FU-2001", created.RootElement.GetProperty("recordId").GetString());
        Assert.Contains(created.RootElement.GetProperty("grade").GetString(), Grades);
        Assert.Equal($"/follow-ups/{id}", response.Headers.Location?.OriginalString);

        using var stored = await ReadJsonAsync(await _client.GetAsync(response.Headers.Location));
        Assert.Equal("FU-2001", stored.RootElement.GetProperty("id").GetString());
    }

    [Fact]
    public async Task Store_RecordWithOnlyWarnings_IsStoredAndReturnsTheWarnings()
    {
        // "客户暂未明确" acknowledges an unknown budget: a Warning that coaches, not an Error that blocks.
        var record = TestRecords.Complete();
        record["needs"]!["budget"] = "客户暂未明确";

        using var response = await PostAsync("/follow-ups", record);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var created = await ReadJsonAsync(response);
        Assert.True(created.RootElement.GetProperty("warnings").TryGetProperty("needs.budget", out _));
    }

    [Theory]
    [InlineData("/follow-ups/evaluate", """{ "id": "FU-2003", "owner": """, "owner")]
    [InlineData("/follow-ups/evaluate", "not json", null)]
    [InlineData("/follow-ups", """{ "id": "FU-2003", "customer": { "name": { "first": "立群" } } }""", "customer.name")]
    [InlineData("/follow-ups", """{ "id": "FU-2003", "communications": "昨天打过电话" }""", "communications")]
    public async Task Post_UnreadableBody_Returns400ProblemDetailsSayingWhere(string path, string body, string? field)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync(path, content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = await ReadJsonAsync(response);
        var detail = problem.RootElement.GetProperty("detail").GetString();
        Assert.False(string.IsNullOrWhiteSpace(detail));
        Assert.DoesNotMatch("LineNumber|BytePositionInLine", detail);   // counted from 0, beside "line" counted from 1
        Assert.True(problem.RootElement.GetProperty("line").GetInt32() >= 1);
        Assert.True(problem.RootElement.GetProperty("byte").GetInt32() >= 1);
        Assert.Equal(field, problem.RootElement.GetProperty("field").GetString());
    }

    [Fact]
    public async Task Post_NotJson_SaysLineAndByteCountingFromOne()
    {
        using var content = new StringContent("{\n  \"id\": \"FU-2003\",\n  x\n}", Encoding.UTF8, "application/json");
        using var response = await _client.PostAsync("/follow-ups/evaluate", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = await ReadJsonAsync(response);
        Assert.Equal((3, 3), (problem.RootElement.GetProperty("line").GetInt32(), problem.RootElement.GetProperty("byte").GetInt32()));
    }

    [Fact]
    public async Task Evaluate_WrongShapedValue_IsAnInvalidValueFindingOnItsField()
    {
        var record = TestRecords.Complete();
        record["customer"]!["name"] = new JsonObject { ["first"] = "立群" };

        using var response = await PostAsync("/follow-ups/evaluate", record);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var evaluation = await ReadJsonAsync(response);
        Assert.Contains(evaluation.RootElement.GetProperty("findings").EnumerateArray(), finding =>
            finding.GetProperty("code").GetString() == "InvalidValue" && finding.GetProperty("field").GetString() == "customer.name");
    }

    [Fact]
    public async Task Post_NotJsonContentType_Returns415()
    {
        using var content = new StringContent(TestRecords.Complete().ToJsonString(), Encoding.UTF8, "text/plain");
        using var response = await _client.PostAsync("/follow-ups/evaluate", content);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    private async Task<HttpResponseMessage> PostAsync(string path, JsonObject record, string? acceptLanguage = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new StringContent(record.ToJsonString(), Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        return await _client.SendAsync(request);
    }

    private static async Task<JsonDocument> ReadJsonAsync(HttpResponseMessage response) =>
        await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());

    private static List<string?> MissingOf(JsonDocument evaluation, string step) => evaluation.RootElement
        .GetProperty("completeness").GetProperty("steps").EnumerateArray()
        .Single(s => s.GetProperty("step").GetString() == step)
        .GetProperty("missing").EnumerateArray().Select(field => field.GetString()).ToList();
}
