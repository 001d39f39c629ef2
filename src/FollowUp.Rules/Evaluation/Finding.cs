using System.Text.Json.Serialization;
using FluentValidation;
using FluentValidation.Results;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Messages;

namespace FollowUp.Rules;

/// <summary>
/// One finding of an evaluation, in FluentValidation's vocabulary (SPEC §8): an error code, a severity, the field path and a
/// message. Immutable, so evaluations can share one instance; <see cref="ToValidationFailure"/> gives a FluentValidation
/// failure of one's own.
/// </summary>
/// <param name="Code">The stable code, one of <see cref="FindingCodes"/>.</param>
/// <param name="Severity">How serious it is: an <see cref="Severity.Error"/> blocks an import, a warning or note does not.</param>
/// <param name="Field">The field path it concerns, such as <c>customer.decisionRole</c> or <c>communications[0].summary</c>.</param>
/// <param name="Message">What is wrong and what to do about it, in the configured culture.</param>
/// <param name="Value">The text of the record it is about, if any: the value as received, the vague phrase, the risk evidence.</param>
/// <param name="Step">The step of the five whose field it concerns; <see langword="null"/> for a finding on the whole record.</param>
public sealed record Finding(
    string Code, [property: JsonConverter(typeof(JsonStringEnumConverter<Severity>))] Severity Severity, string Field, string Message, string? Value, FollowUpStep? Step)
{
    private readonly MessageText _message = Message;

    /// <summary>A finding whose message may be formatted when first read.</summary>
    internal Finding(string code, Severity severity, string field, MessageText message, string? value, FollowUpStep? step)
        : this(code, severity, field, string.Empty, value, step) => _message = message;

    /// <summary>
    /// What is wrong and what to do about it, in the configured culture. A message quoting this record alone (a date, a risk's
    /// evidence) is formatted when first read and then kept; reading it is thread-safe.
    /// </summary>
    public string Message { get => _message.Text; init => _message = value; }

    /// <summary>The message as kept, for writers that format it straight into their output.</summary>
    internal MessageText MessageText => _message;

    /// <summary>Each step boxed once, for <see cref="ValidationFailure.CustomState"/>.</summary>
    private static readonly object[] BoxedSteps = [.. Enum.GetValues<FollowUpStep>().Cast<object>()];

    /// <summary>
    /// Creates a new FluentValidation failure with this finding's <see cref="ValidationFailure.ErrorCode"/>,
    /// <see cref="ValidationFailure.Severity"/>, <see cref="ValidationFailure.PropertyName"/> (<see cref="Field"/>),
    /// <see cref="ValidationFailure.ErrorMessage"/>, <see cref="ValidationFailure.AttemptedValue"/> (<see cref="Value"/>) and, as
    /// <see cref="ValidationFailure.CustomState"/>, its <see cref="Step"/>.
    /// </summary>
    /// <returns>A failure the caller owns: changing it does not change this finding.</returns>
    public ValidationFailure ToValidationFailure() => ToValidationFailureAt(Field);

    /// <summary>Whether <paramref name="other"/> has the same code, severity, field, message, value and step.</summary>
    /// <param name="other">The finding to compare with.</param>
    /// <returns><see langword="true"/> when every member is equal.</returns>
    public bool Equals(Finding? other) => ReferenceEquals(this, other) || (other is not null && Code == other.Code
        && Severity == other.Severity && Field == other.Field && Message == other.Message && Value == other.Value && Step == other.Step);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Code, Severity, Field, Message, Value, Step);

    /// <summary>The same failure under another property name: <see cref="Field"/> under the path of a parent validator.</summary>
    internal ValidationFailure ToValidationFailureAt(string propertyName) => new(propertyName, Message, Value)
    {
        ErrorCode = Code,
        Severity = Severity,
        CustomState = Step is { } step ? BoxedSteps[(int)step] : null,
    };
}
