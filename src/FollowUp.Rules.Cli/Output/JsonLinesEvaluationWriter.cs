using System.Text.Encodings.Web;
using System.Text.Json;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules.Cli.Output;

/// <summary>Writes each evaluation as one line of JSON (the object of SPEC §8), Chinese left readable.</summary>
internal sealed class JsonLinesEvaluationWriter(Stream output) : IEvaluationWriter
{
    private readonly Utf8JsonWriter _writer = new(output, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });

    public void Write(FollowUpEvaluation evaluation)
    {
        FollowUpJson.Write(_writer, evaluation);
        _writer.Flush();
        _writer.Reset();
        output.WriteByte((byte)'\n');
    }

    public async ValueTask DisposeAsync()
    {
        await _writer.DisposeAsync().ConfigureAwait(false);
        await output.FlushAsync().ConfigureAwait(false);
    }
}
