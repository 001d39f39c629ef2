using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace FollowUp.Rules.Serialization;

/// <summary>
/// One result of <see cref="FollowUpJson.ReadRecordsAsync(Stream, JsonRecordReadOptions?, CancellationToken)"/>: a record,
/// or why a line or element could not be read. Every line that is not blank, and every element of an array (<c>null</c>
/// ones too), is in exactly one result, in input order, so nothing is dropped without a word.
/// </summary>
public sealed class JsonRecordResult
{
    internal JsonRecordResult(JsonRecordLayout layout, long number, FollowUpRecord? record, string? error, bool endsReading = false)
    {
        Layout = layout;
        Number = number;
        Record = record;
        Error = error;
        EndsReading = endsReading;
    }

    /// <summary>Gets how the input is laid out, which says what <see cref="Number"/> counts.</summary>
    public JsonRecordLayout Layout { get; }

    /// <summary>
    /// Gets where the value stands, from 1: its line (<see cref="JsonRecordLayout.JsonLines"/>, blank lines counted), its
    /// element (<see cref="JsonRecordLayout.Array"/>) or its object (<see cref="JsonRecordLayout.Concatenated"/>).
    /// </summary>
    public long Number { get; }

    /// <summary>
    /// Gets the record, when the value could be read. Values of the wrong shape for their fields were read as absent and are
    /// listed in its <see cref="FollowUpRecord.InvalidValues"/>, as with <see cref="FollowUpJson.DeserializeRecord(string)"/>.
    /// </summary>
    public FollowUpRecord? Record { get; }

    /// <summary>Gets a value indicating whether this result is a record, not a value that could not be read.</summary>
    [MemberNotNullWhen(true, nameof(Record))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool IsRecord => Record is not null;

    /// <summary>
    /// Gets why the value could not be read, as one sentence; a syntax error's starts with where in the value it broke
    /// (<c>byte 14 of the line: …</c>, <c>line 2, byte 8 of the element: …</c>).
    /// </summary>
    /// <value><see langword="null"/> for a record.</value>
    public string? Error { get; }

    /// <summary>
    /// Gets a value indicating whether reading stopped at this result: the syntax of an array, or of objects written one
    /// after another, broke, so nothing after it could be told apart, or the input is UTF-16, not UTF-8. It is then the last
    /// result, and <see cref="Error"/> says so. A value longer than <see cref="JsonRecordReadOptions.MaxRecordBytes"/> does not stop the reading.
    /// </summary>
    public bool EndsReading { get; }

    /// <summary>Gets what <see cref="Number"/> counts, in a word: <c>line</c>, <c>element</c> or <c>record</c>.</summary>
    internal string Unit => UnitOf(Layout);

    /// <summary>Returns the result as one line: where it stands and the record's id, or why it could not be read.</summary>
    /// <returns>The line, such as <c>line 3: record FU-1001</c> or <c>element 4: the element is null, not a JSON object.</c></returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"{Unit} {Number}: {(IsRecord ? $"record {Record.Id}" : Error)}");

    /// <summary>Gets what a number counts in <paramref name="layout"/>, in a word, as results and their errors name it.</summary>
    internal static string UnitOf(JsonRecordLayout layout) => layout switch
    {
        JsonRecordLayout.JsonLines => "line",
        JsonRecordLayout.Array => "element",
        _ => "record",
    };
}
