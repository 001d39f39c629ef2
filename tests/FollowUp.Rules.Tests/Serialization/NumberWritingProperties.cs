using System.Text;
using System.Text.Json;
using FollowUp.Rules.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FollowUp.Rules.Tests;

/// <summary>
/// Scores and points are written from their hundredths rather than by the general formatting of a double: the bytes must be
/// System.Text.Json's own for every number, whole hundredths or not.
/// </summary>
public sealed class NumberWritingProperties
{
    private static readonly JsonEncodedText Name = JsonEncodedText.Encode("n");

    [Property(MaxTest = 5000)]
    public Property WriteNumber_IsWhatTheWriterWrites(NonNegativeInt hundredths, NormalFloat any, int tenths)
    {
        double[] values =
        [
            hundredths.Get / 100.0, (hundredths.Get % 10_001) / 100.0, any.Get, Math.Round(any.Get, 2), tenths / 10.0,
            hundredths.Get / 100.0 + 1e-9, -hundredths.Get / 100.0, 0.1 + 0.2, -0.0, 1e16, 123456789012.34,
        ];
        var mismatches = values.Select(value => (Value: value, Ours: Ours(value), Theirs: Theirs(value))).Where(m => m.Ours != m.Theirs).ToList();
        return (mismatches.Count == 0).Label(string.Join("; ", mismatches.Select(m => $"{m.Value:R}: ours {m.Ours}, System.Text.Json {m.Theirs}")));
    }

    private static string Ours(double value) => Write(writer => FollowUpJson.WriteNumber(writer, Name, value));

    private static string Theirs(double value) => Write(writer => writer.WriteNumber(Name, value));

    private static string Write(Action<Utf8JsonWriter> write)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
