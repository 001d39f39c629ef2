using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules;

/// <summary>
/// A value of <typeparamref name="TEnum"/> as received: either a recognised member, or the original text when it
/// could not be recognised, or nothing.
/// </summary>
/// <remarks>
/// Text is recognised case-insensitively by the member's English name and by its Chinese labels
/// (Simplified and Traditional, such as 电话 / 電話 for <see cref="ContactChannel.Phone"/>), because integrators send
/// whatever their CRM stores. Unrecognised text is kept, never rejected, so the evaluator can report it.
/// </remarks>
/// <typeparam name="TEnum">One of the record's enumerations.</typeparam>
[JsonConverter(typeof(EnumValueConverterFactory))]
public readonly struct EnumValue<TEnum> : IEquatable<EnumValue<TEnum>>
    where TEnum : struct, Enum
{
    private readonly TEnum _value;
    private readonly bool _isKnown;

    /// <summary>Initializes a new instance of the <see cref="EnumValue{TEnum}"/> struct holding a known member.</summary>
    /// <param name="value">
    /// The member. A number that is no member (<c>(DealStage)99</c>, a CRM's code cast unchecked) is kept as unrecognised
    /// text, its digits, so it is reported as unrecognised text read from JSON is, not taken as a filled value.
    /// </param>
    public EnumValue(TEnum value)
    {
        if (Enum.IsDefined(value))
        {
            _value = value;
            _isKnown = true;
        }
        else
        {
            Text = value.ToString();
        }
    }

    private EnumValue(string text)
    {
        Text = text;
    }

    /// <summary>Gets the recognised member, or <see langword="null"/> when the value is empty or was not recognised.</summary>
    public TEnum? Value => _isKnown ? _value : null;

    /// <summary>Gets the text as received, or <see langword="null"/> when the value was not read from text.</summary>
    public string? Text { get; private init; }

    /// <summary>Gets a value indicating whether the value is a recognised member.</summary>
    [MemberNotNullWhen(false, nameof(Text))]
    public bool IsKnown => _isKnown;

    /// <summary>Gets a value indicating whether there is no value at all (absent, empty or whitespace text).</summary>
    public bool IsEmpty => !_isKnown && string.IsNullOrWhiteSpace(Text);

    /// <summary>Gets a value indicating whether there is text that was not recognised as a member.</summary>
    public bool IsUnrecognized => !_isKnown && !string.IsNullOrWhiteSpace(Text);

    /// <summary>Reads a value from text. Never throws.</summary>
    /// <param name="text">An English member name or a Chinese label, in any case, with surrounding whitespace allowed.</param>
    /// <returns>The recognised member with its text, the unrecognised text, or an empty value for <see langword="null"/>.</returns>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Parse and FromEnum on the value type itself, as Nullable and Enum do, is where users look for them.")]
    public static EnumValue<TEnum> Parse(string? text)
    {
        if (text is null)
        {
            return default;
        }

        return EnumLabels<TEnum>.TryParse(text, out var value)
            ? new EnumValue<TEnum>(value) { Text = text }
            : new EnumValue<TEnum>(text);
    }

    /// <summary>A known value read from text by a label the rule set configures (<see cref="RecordLabelOptions"/>), its text kept.</summary>
    internal static EnumValue<TEnum> Recognised(TEnum value, string text) => new(value) { Text = text };

    /// <summary>Converts a member to a known value (a number that is no member to unrecognised text, as the constructor does).</summary>
    /// <param name="value">The member.</param>
    public static implicit operator EnumValue<TEnum>(TEnum value) => new(value);

    /// <summary>Creates a known value from a member (a number that is no member: unrecognised text, as the constructor does).</summary>
    /// <param name="value">The member.</param>
    /// <returns>The value.</returns>
    [SuppressMessage("Design", "CA1000:Do not declare static members on generic types", Justification = "Named alternative to the implicit conversion.")]
    public static EnumValue<TEnum> FromEnum(TEnum value) => new(value);

    /// <summary>Determines whether two values are equal.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when both hold the same member, or both hold the same unrecognised text.</returns>
    public static bool operator ==(EnumValue<TEnum> left, EnumValue<TEnum> right) => left.Equals(right);

    /// <summary>Determines whether two values differ.</summary>
    /// <param name="left">The first value.</param>
    /// <param name="right">The second value.</param>
    /// <returns><see langword="true"/> when the values are not equal.</returns>
    public static bool operator !=(EnumValue<TEnum> left, EnumValue<TEnum> right) => !left.Equals(right);

    /// <inheritdoc />
    public bool Equals(EnumValue<TEnum> other) => _isKnown
        ? other._isKnown && EqualityComparer<TEnum>.Default.Equals(_value, other._value)
        : !other._isKnown && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is EnumValue<TEnum> other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => _isKnown ? _value.GetHashCode() : (Text?.GetHashCode(StringComparison.Ordinal) ?? 0);

    /// <summary>Returns the member's English name, or the unrecognised text, or an empty string.</summary>
    /// <returns>The value as text.</returns>
    public override string ToString() => _isKnown ? EnumLabels<TEnum>.NameOf(_value) : Text ?? string.Empty;
}
