using System.Text.Encodings.Web;
using System.Text.Json;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules.Samples.WebApi;

/// <summary>Writes an evaluation as the SPEC §8 JSON straight into the response body, with Chinese as is.</summary>
internal sealed class EvaluationJsonResult(FollowUpEvaluation evaluation) : IResult
{
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status200OK;
        httpContext.Response.ContentType = "application/json; charset=utf-8";
        using (var writer = new Utf8JsonWriter(httpContext.Response.BodyWriter, WriterOptions))
        {
            FollowUpJson.Write(writer, evaluation);
        }

        await httpContext.Response.BodyWriter.FlushAsync(httpContext.RequestAborted);
    }
}
