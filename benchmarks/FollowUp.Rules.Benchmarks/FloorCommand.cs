using System.Text.Encodings.Web;
using System.Text.Json;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules.Benchmarks;

/// <summary>
/// <c>floor &lt;file&gt;</c>: the I/O floor of <c>followup evaluate</c> on a JSON Lines file, as a process to time beside it.
/// Reads each line as UTF-8 bytes, deserializes it with <see cref="FollowUpJson.Record"/>, serializes the record back with
/// a relaxed-escaping <see cref="Utf8JsonWriter"/> (as the CLI writes) and writes it to standard output, one line per
/// record. No rules, no evaluation: whatever <c>evaluate</c> takes beyond this is the rules' own cost.
/// </summary>
public static class FloorCommand
{
    public const string Name = "floor";

    private const string Usage = "usage: floor <file>   (for example: floor big.jsonl > /dev/null)";

    private static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static int Run(IReadOnlyList<string> args, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(log);
        if (args.Count != 1)
        {
            log.WriteLine(Usage);
            return 2;
        }

        try
        {
            using var input = new FileStream(args[0], FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            using var output = new BufferedStream(Console.OpenStandardOutput(), 1 << 16);
            var records = Copy(input, output);
            log.WriteLine($"floor: {records} records");
            return 0;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or JsonException)
        {
            log.WriteLine($"floor: {exception.Message}");
            return 1;
        }
    }

    /// <summary>Reads JSON Lines from <paramref name="input"/>, writes each record back to <paramref name="output"/>; returns the records.</summary>
    public static long Copy(Stream input, Stream output)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(output);
        using var writer = new Utf8JsonWriter(output, WriterOptions);
        var buffer = new byte[1 << 16];
        int start = 0, end = 0;
        long records = 0;
        while (true)
        {
            var newline = buffer.AsSpan(start, end - start).IndexOf((byte)'\n');
            if (newline < 0)
            {
                // Keep the partial line, make room (growing for a long line) and read more.
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }
                else if (end == buffer.Length)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }

                var read = input.Read(buffer, end, buffer.Length - end);
                if (read > 0)
                {
                    end += read;
                    continue;
                }

                newline = end - start; // the last line, without a line break
                if (newline == 0)
                {
                    break;
                }
            }

            var line = buffer.AsSpan(start, newline).TrimEnd((byte)'\r');
            start += Math.Min(newline + 1, end - start);
            if (line.IsEmpty)
            {
                continue;
            }

            var record = JsonSerializer.Deserialize(line, FollowUpJson.Record) ?? throw new JsonException($"line {records + 1}: null is not a record");
            JsonSerializer.Serialize(writer, record, FollowUpJson.Record);
            writer.Flush();
            writer.Reset();
            output.WriteByte((byte)'\n');
            records++;
        }

        return records;
    }
}
