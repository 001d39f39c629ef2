using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using FollowUp.Rules.Samples.Tests.ImportGate;

namespace FollowUp.Rules.Samples.Tests.WebApi;

/// <summary>
/// The requests of samples/WebApi/README.md, posted as written, answer what the README shows: its scores and grades drift
/// with every change of the rules unless a test holds them.
/// </summary>
public sealed partial class ReadmeExampleTests(WebApiFactory factory) : IClassFixture<WebApiFactory>
{
    private static readonly string Readme = File.ReadAllText(GateWorkspace.RepositoryFile("samples", "WebApi", "README.md"));

    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task EvaluateExample_AnswersTheScoreAndGradeTheReadmeShows()
    {
        var shown = EvaluatedScore().Match(Readme);
        Assert.True(shown.Success, "The README shows no evaluated score.");

        using var response = await PostAsync("/follow-ups/evaluate", Body("FU-3001"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var evaluation = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        Assert.Equal(
            (double.Parse(shown.Groups["score"].Value, CultureInfo.InvariantCulture), shown.Groups["grade"].Value),
            (evaluation.RootElement.GetProperty("score").GetDouble(), evaluation.RootElement.GetProperty("grade").GetString()));
    }

    [Fact]
    public async Task StoreExample_IsRefusedAsWritten_AndStoredWithTheScoreTheReadmeShowsOnceCorrected()
    {
        var shown = StoredScore().Match(Readme);
        Assert.True(shown.Success, "The README shows no stored score.");

        using var refused = await PostAsync("/follow-ups", Body("FU-3002"));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);

        // The README's corrections, as its text lists them.
        var corrected = Body("FU-3002");
        corrected["customer"]!["decisionRole"] = "使用者";
        corrected["needs"]!["budget"] = "客户暂未明确";
        corrected["progress"]!["nextActionDue"] = "2026-12-01 18:00";
        using var stored = await PostAsync("/follow-ups", corrected);

        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        using var created = await JsonDocument.ParseAsync(await stored.Content.ReadAsStreamAsync());
        Assert.Equal(
            (double.Parse(shown.Groups["score"].Value, CultureInfo.InvariantCulture), shown.Groups["grade"].Value),
            (created.RootElement.GetProperty("score").GetDouble(), created.RootElement.GetProperty("grade").GetString()));
    }

    /// <summary>The request body of the README's heredoc that sends the record <paramref name="id"/>.</summary>
    private static JsonObject Body(string id) => RequestBody().Matches(Readme)
        .Select(match => JsonNode.Parse(match.Groups["body"].Value)!.AsObject())
        .Single(body => (string?)body["id"] == id);

    private async Task<HttpResponseMessage> PostAsync(string path, JsonObject record)
    {
        using var content = new StringContent(record.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        return await _client.PostAsync(path, content);
    }

    [GeneratedRegex(@"<<'EOF'\n(?<body>.*?)\nEOF", RegexOptions.Singleline)]
    private static partial Regex RequestBody();

    [GeneratedRegex(@"""id"": ""FU-3001"".*?""score"": (?<score>[\d.]+), ""grade"": ""(?<grade>[A-D])""", RegexOptions.Singleline)]
    private static partial Regex EvaluatedScore();

    [GeneratedRegex(@"""recordId"": ""FU-3002"", ""grade"": ""(?<grade>[A-D])"", ""score"": (?<score>[\d.]+)")]
    private static partial Regex StoredScore();
}
