using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules.Benchmarks;

/// <summary>
/// The I/O floor of <c>followup evaluate</c>: read a JSON line into a record with <see cref="FollowUpJson.Record"/> and write
/// it back, with no rule in between. Whatever an evaluation costs on top of this is the rules' own cost, so benchmarks of
/// the evaluator compare against these numbers. Results are per record (one operation = one line).
/// </summary>
[MemoryDiagnoser]
public class JsonReadWriteBenchmark
{
    private const int Lines = 1_000;
    private byte[][] _lines = [];
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Params(RecordMix.Clean, RecordMix.Messy)]
    public RecordMix Mix { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // The same bytes `generate` writes: one FollowUpJson.Serialize line per record.
        _lines = [.. SampleRecords.Create(Lines, Mix).Select(record => Encoding.UTF8.GetBytes(FollowUpJson.Serialize(record)))];
    }

    [Benchmark(OperationsPerInvoke = Lines)]
    public int Read()
    {
        var read = 0;
        foreach (var line in _lines)
        {
            if (JsonSerializer.Deserialize(line, FollowUpJson.Record) is not null)
            {
                read++;
            }
        }

        return read;
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Lines)]
    public long ReadAndWrite()
    {
        // Written as the CLI writes its output: relaxed escaping, to a stream, one writer reset between records.
        using var writer = new Utf8JsonWriter(Stream.Null, WriterOptions);
        long written = 0;
        foreach (var line in _lines)
        {
            var record = JsonSerializer.Deserialize(line, FollowUpJson.Record)!;
            JsonSerializer.Serialize(writer, record, FollowUpJson.Record);
            writer.Flush();
            written += writer.BytesCommitted;
            writer.Reset();
        }

        return written;
    }
}
