using System.Text.Json;

namespace FollowUp.Rules;

/// <summary>
/// A value of a record's JSON that has the wrong shape for its field, such as text where the customer object belongs or a
/// list where text belongs. The record is read without it, as if the field were absent, and the evaluation reports it as a
/// finding with code <see cref="FindingCodes.InvalidValue"/>.
/// </summary>
/// <param name="Path">The field path in SPEC notation, such as <c>customer</c>, <c>needs.summary</c>, <c>risks[0].description</c> or <c>custom.orderStatus</c>.</param>
/// <param name="Expected">
/// What the field holds: <see cref="JsonValueKind.Object"/> for an object with fields, <see cref="JsonValueKind.Array"/> for a
/// list, <see cref="JsonValueKind.String"/> for text (which a number or true/false also gives).
/// </param>
/// <param name="Found">What the JSON held instead.</param>
/// <param name="Json">The value's JSON on one line, shortened to <see cref="MaxJsonLength"/> characters with an ellipsis when longer.</param>
public sealed record InvalidValue(string Path, JsonValueKind Expected, JsonValueKind Found, string Json)
{
    /// <summary>The most characters <see cref="Json"/> keeps of a value, so a stray megabyte array does not travel with the record.</summary>
    public const int MaxJsonLength = 80;
}
