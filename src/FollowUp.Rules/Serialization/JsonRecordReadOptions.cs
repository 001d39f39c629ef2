namespace FollowUp.Rules.Serialization;

/// <summary>
/// How <see cref="FollowUpJson.ReadRecordsAsync(Stream, JsonRecordReadOptions?, CancellationToken)"/> reads a JSON input: in
/// the layout the caller knows, or the one its text shows, and how large a record may be.
/// </summary>
public sealed class JsonRecordReadOptions
{
    /// <summary>The default and the most of <see cref="MaxRecordBytes"/>: far more than any record, far less than the memory.</summary>
    internal const int DefaultMaxRecordBytes = 256 * 1024 * 1024;

    /// <summary>
    /// Gets the layout of the input, or <see langword="null"/> to tell it from the first line that is not blank. Give it when
    /// the input's kind is known: a <c>.jsonl</c> file is JSON Lines whatever its first line holds, where a first line that
    /// opens with <c>[</c> would be read as a JSON array.
    /// </summary>
    /// <value><see langword="null"/>.</value>
    public JsonRecordLayout? Layout { get; init; }

    /// <summary>
    /// Gets the most bytes one record may hold, whatever the layout: a line of JSON Lines (without its line break), an element
    /// of a JSON array, or one of the objects written one after another. A longer one is a result with its number and an
    /// error, skipped rather than read into memory; the reading goes on after it, unless the input ends inside it. A service
    /// that reads uploads lowers it, so one huge record cannot take hundreds of megabytes.
    /// </summary>
    /// <value>256 MB (268,435,456), which is also the most it may be; it must be at least 1.</value>
    public int MaxRecordBytes { get; init; } = DefaultMaxRecordBytes;
}
