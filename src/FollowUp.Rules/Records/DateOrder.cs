using System.Text.Json.Serialization;

namespace FollowUp.Rules;

/// <summary>
/// How a numeric date that puts its year last (<c>20/11/2026</c>, <c>11/20/2026</c>) is read: which of the two numbers
/// before the year is the day. A date that starts with its year (<c>2026/11/20</c>, <c>115/11/20</c>) means one thing only,
/// and is read the same in every order.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<DateOrder>))]
public enum DateOrder
{
    /// <summary>
    /// Only dates that start with their year are read: <c>05/11/2026</c> is 5 November to a Hong Kong export and 11 May to an
    /// American one, and a reading that guessed would put a deal's dates months out without a word. The default.
    /// </summary>
    YearFirst,

    /// <summary>Day, month, year (<c>20/11/2026</c>, <c>05/11/2026</c> is 5 November), as Hong Kong and British exports write dates.</summary>
    DayFirst,

    /// <summary>Month, day, year (<c>11/20/2026</c>, <c>05/11/2026</c> is 11 May), as American exports write dates.</summary>
    MonthFirst,
}
