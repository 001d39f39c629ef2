using System.Buffers;
using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules.Benchmarks;

/// <summary>
/// Issue 5, "Speed": the full evaluation of typical ToB records against what a user would write without this library
/// (<see cref="HandWrittenValidator"/>: FluentValidation rules per field, a regex alternation of the vague phrases, hand-written
/// risk checks). One operation = one record: each method evaluates all <see cref="RecordCount"/> records and declares them
/// as <c>OperationsPerInvoke</c>, so Mean and Allocated are per record.
/// </summary>
/// <remarks>
/// The records are the ToB ones among the first <see cref="SampleRecords"/> of each mix (records whose scenario the messy
/// generator left out are skipped), evaluated at <see cref="SampleRecords.Now"/>. Each method returns its count of problems
/// (findings; validation failures), printed once at setup so the two can be compared.
/// </remarks>
[MemoryDiagnoser]
public class EvaluationBenchmark
{
    private const int RecordCount = 500;

    private FollowUpRecord[] _records = [];
    private FollowUpEvaluator _evaluator = null!;
    private HandWrittenValidator _validator = null!;
    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
    private readonly ArrayBufferWriter<byte> _buffer = new(64 * 1024);

    [Params(RecordMix.Clean, RecordMix.Messy)]
    public RecordMix Mix { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _records = [.. new SampleRecordStream(Mix).Where(r => r.Scenario == "ToB").Take(RecordCount)];
        var time = new FixedTimeProvider(SampleRecords.Now);
        _evaluator = new FollowUpEvaluator(FollowUpRuleSet.Default, time);
        _validator = new HandWrittenValidator(time);
        var ours = FollowUpEvaluator();
        var theirs = FluentValidationBaseline();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"// Evaluation {Mix}: {_records.Length} ToB records; FollowUpEvaluator {ours} findings ({(double)ours / _records.Length:F1} per record), hand-written validator {theirs} failures ({(double)theirs / _records.Length:F1} per record)."));
    }

    /// <summary>Ours: the whole evaluation (completeness, clarity, vague language, risk signals, grade, findings, reminders).</summary>
    [Benchmark(OperationsPerInvoke = RecordCount)]
    public int FollowUpEvaluator()
    {
        var problems = 0;
        foreach (var record in _records)
        {
            problems += _evaluator.Evaluate(record).Findings.Count;
        }

        return problems;
    }

    /// <summary>
    /// Ours, and every message read as a string: messages made for one record alone are formatted when first read, so this is
    /// what a host that shows or stores them pays.
    /// </summary>
    [Benchmark(OperationsPerInvoke = RecordCount)]
    public int FollowUpEvaluatorReadingMessages()
    {
        var characters = 0;
        foreach (var record in _records)
        {
            var evaluation = _evaluator.Evaluate(record);
            foreach (var finding in evaluation.Findings)
            {
                characters += finding.Message.Length;
            }

            foreach (var deduction in evaluation.Deductions)
            {
                characters += deduction.Message.Length;
            }

            foreach (var reminder in evaluation.Reminders)
            {
                characters += reminder.Reason.Length;
            }
        }

        return characters;
    }

    /// <summary>
    /// Ours, each evaluation written as the JSON of SPEC §8 with <see cref="FollowUpJson.Write"/>, as <c>followup evaluate</c>
    /// does; one writer for the 500 records.
    /// </summary>
    [Benchmark(OperationsPerInvoke = RecordCount)]
    public long FollowUpEvaluatorWritingJson()
    {
        using var writer = new Utf8JsonWriter(_buffer, WriterOptions);
        long bytes = 0;
        foreach (var record in _records)
        {
            FollowUpJson.Write(writer, _evaluator.Evaluate(record));
            writer.Flush();
            bytes += _buffer.WrittenCount;
            writer.Reset();
            _buffer.ResetWrittenCount();
        }

        return bytes;
    }

    /// <summary>Baseline: a FluentValidation validator with regexes, as a user would write it.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = RecordCount)]
    public int FluentValidationBaseline()
    {
        var problems = 0;
        foreach (var record in _records)
        {
            problems += _validator.Validate(record).Errors.Count;
        }

        return problems;
    }

    /// <summary>An endless <see cref="SampleRecords"/> stream from the fixed seed.</summary>
    private sealed class SampleRecordStream(RecordMix mix) : IEnumerable<FollowUpRecord>
    {
        public IEnumerator<FollowUpRecord> GetEnumerator()
        {
            var records = new SampleRecords(mix);
            while (true)
            {
                yield return records.Next();
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}

/// <summary>A clock that always says the same time.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}
