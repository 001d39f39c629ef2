using System.Text.Json.Serialization;

namespace FollowUp.Rules.Completeness;

/// <summary>The state of one checked field (SPEC §2).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FieldState>))]
public enum FieldState
{
    /// <summary>Absent, null, empty, white space, a bare placeholder (-, /, 无, N/A, null) or unreadable.</summary>
    Missing,

    /// <summary>Explicitly marked unknown, with the reason in words: 待补充, 客户暂未明确, TBD - customer did not say.</summary>
    Acknowledged,

    /// <summary>Has a real value.</summary>
    Filled,
}
