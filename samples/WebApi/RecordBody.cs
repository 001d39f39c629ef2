using System.Text.Json;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules.Samples.WebApi;

/// <summary>
/// A request body read as one follow-up record: the record, or (when <see cref="Record"/> is <see langword="null"/>)
/// the problem details that say why it cannot be read.
/// </summary>
internal readonly record struct RecordBody(FollowUpRecord? Record, IResult Problem)
{
    /// <summary>
    /// Reads the body with the library's lenient JSON, not the host's JSON options: English names and Chinese labels of
    /// enumerations, numbers where text belongs, comments and trailing commas. Invalid JSON is a 400 that says where. A
    /// wrong-shaped member (an object where text belongs) is, when <paramref name="wrongShapesAreFindings"/>, read as absent
    /// and reported by the evaluation (<c>InvalidValue</c> on its path); otherwise a 400 naming it, for a record about to be
    /// stored: the value could not be stored with it, and would be lost without a word.
    /// </summary>
    public static async Task<RecordBody> ReadAsync(HttpRequest request, bool wrongShapesAreFindings, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return Fail(StatusCodes.Status415UnsupportedMediaType, "Send the record as application/json.");
        }

        try
        {
            FollowUpRecord? record;
            if (wrongShapesAreFindings)
            {
                // DeserializeRecord keeps a wrong-shaped member for the evaluation to report; it reads a whole body, which
                // Kestrel's request size limit (30 MB by default) bounds.
                using var buffered = new MemoryStream();
                await request.Body.CopyToAsync(buffered, cancellationToken);
                record = FollowUpJson.DeserializeRecord(buffered.GetBuffer().AsSpan(0, (int)buffered.Length));
            }
            else
            {
                record = await JsonSerializer.DeserializeAsync(request.Body, FollowUpJson.Record, cancellationToken);
            }

            return record is null
                ? Fail(StatusCodes.Status400BadRequest, "The body is null; send one record as a JSON object.")
                : new(record, Results.Empty);
        }
        catch (JsonException exception)
        {
            // Path is the JSON path of the member that could not be read ("$.customer.name"): the SPEC §1 field path after "$.".
            // The message's own "Path: $ | LineNumber: 0 | BytePositionInLine: 12." tail counts from 0: it is cut, and line and
            // byte are given counting from 1, as an editor counts and as the followup tool reports them.
            var detail = exception.Message;
            var tail = detail.IndexOf(" Path: ", StringComparison.Ordinal) is >= 0 and var at ? at : detail.IndexOf(" LineNumber: ", StringComparison.Ordinal);
            return Fail(StatusCodes.Status400BadRequest, tail >= 0 ? detail[..tail] : detail, new Dictionary<string, object?>
            {
                ["field"] = exception.Path is ['$', '.', .. var field] ? field : null,
                ["line"] = exception.LineNumber + 1,
                ["byte"] = exception.BytePositionInLine + 1,
            });
        }
    }

    private static RecordBody Fail(int status, string detail, IDictionary<string, object?>? extensions = null) =>
        new(null, TypedResults.Problem(detail, statusCode: status, title: "The body is not a readable follow-up record.", extensions: extensions));
}
