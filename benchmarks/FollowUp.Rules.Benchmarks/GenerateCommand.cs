using System.Diagnostics;
using System.Globalization;
using System.Text;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules.Benchmarks;

/// <summary>
/// <c>generate &lt;count&gt; &lt;file&gt;</c>: writes <see cref="SampleRecords"/> as JSON Lines, one record at a time, so a
/// file of a million records takes no more memory than one of ten. <c>-</c> as the file writes to standard output.
/// </summary>
public static class GenerateCommand
{
    public const string Name = "generate";

    private const string Usage = "usage: generate <count> <file|->   (for example: generate 1000000 big.jsonl)";

    public static int Run(IReadOnlyList<string> args, TextWriter log)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(log);
        if (args.Count != 2 || !long.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            log.WriteLine(Usage);
            return 2;
        }

        var path = args[1];
        var stopwatch = Stopwatch.StartNew();
        long bytes;
        try
        {
            using var stream = path == "-"
                ? Console.OpenStandardOutput()
                : new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
            bytes = Write(stream, count);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            log.WriteLine($"generate: cannot write '{path}': {exception.Message}");
            return 1;
        }

        log.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"generate: wrote {count:N0} records ({bytes / (1024.0 * 1024.0):N1} MiB) to {path} in {stopwatch.Elapsed.TotalSeconds:N1} s"));
        return 0;
    }

    /// <summary>Writes <paramref name="count"/> records as JSON Lines and returns the bytes written.</summary>
    public static long Write(Stream stream, long count)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var records = new SampleRecords();
        var encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        using var writer = new StreamWriter(stream, encoding, 1 << 16, leaveOpen: true) { NewLine = "\n" };
        long bytes = 0;
        for (long i = 0; i < count; i++)
        {
            var line = FollowUpJson.Serialize(records.Next());
            writer.Write(line);
            writer.Write('\n');
            bytes += encoding.GetByteCount(line) + 1;
        }

        writer.Flush();
        return bytes;
    }
}
