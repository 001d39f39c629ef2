using FollowUp.Rules.Messages;
using System.Text.Json.Serialization;

namespace FollowUp.Rules.Grading;

/// <summary>The article's five common errors (常见错误), by which every deduction is grouped.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeductionGroup>))]
public enum DeductionGroup
{
    /// <summary>Information missing (信息遗漏).</summary>
    MissingInfo,

    /// <summary>Vague description (描述模糊).</summary>
    VagueDescription,

    /// <summary>Unclear ownership (责任不清).</summary>
    UnclearOwnership,

    /// <summary>Missing attachments (附件缺失).</summary>
    MissingAttachments,

    /// <summary>Risk ignored (风险忽视).</summary>
    RiskIgnored,
}

/// <summary>Points taken off a record's score, and why.</summary>
/// <param name="Code">The deduction's stable code, such as <c>FieldMissing</c> or <c>RiskUnaddressed</c>.</param>
/// <param name="Group">Which of the article's five common errors it belongs to.</param>
/// <param name="Component">The part of the grade whose points it takes; a part never loses more than its weight.</param>
/// <param name="Points">The points taken off, more than 0.</param>
/// <param name="Field">The field it concerns.</param>
/// <param name="Message">What to do about it, in the configured culture.</param>
public sealed record Deduction(string Code, DeductionGroup Group, GradeComponent Component, double Points, string Field, string Message)
{
    private readonly MessageText _message = Message;

    /// <summary>A deduction whose message may be formatted when first read.</summary>
    internal Deduction(string code, DeductionGroup group, GradeComponent component, double points, string field, MessageText message)
        : this(code, group, component, points, field, string.Empty) => _message = message;

    /// <summary>
    /// What to do about it, in the configured culture. A message quoting this record alone (a date, a risk's evidence) is
    /// formatted when first read and then kept; reading it is thread-safe.
    /// </summary>
    public string Message { get => _message.Text; init => _message = value; }

    /// <summary>The message as kept, for writers that format it straight into their output.</summary>
    internal MessageText MessageText => _message;

    /// <summary>Whether <paramref name="other"/> has the same code, group, component, points, field and message.</summary>
    /// <param name="other">The deduction to compare with.</param>
    /// <returns><see langword="true"/> when every member is equal.</returns>
    public bool Equals(Deduction? other) => ReferenceEquals(this, other) || (other is not null && Code == other.Code
        && Group == other.Group && Component == other.Component && Points.Equals(other.Points) && Field == other.Field
        && Message == other.Message);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, Group, Component, Points, Field, Message);
}
