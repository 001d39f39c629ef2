using Microsoft.Extensions.Time.Testing;

namespace FollowUp.Rules.Tests.TestData;

/// <summary>The fixed "now" of the tests: Thursday 26 November 2026, noon in China Standard Time.</summary>
internal static class TestClock
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, ChinaOffset);

    public static FakeTimeProvider Create() => new(Now);

    /// <summary>An evaluator over <paramref name="rules"/> (the defaults when null) whose "now" is <see cref="Now"/>.</summary>
    public static FollowUpEvaluator Evaluator(FollowUpRuleSet? rules = null) => new(rules ?? FollowUpRuleSet.Default, Create());

    /// <summary>An evaluator over options changed by <paramref name="configure"/>, whose "now" is <see cref="Now"/>.</summary>
    public static FollowUpEvaluator Evaluator(Action<FollowUpRulesOptions> configure) => FollowUpEvaluator.Create(configure, Create());

    /// <summary>An instant in China Standard Time, relative to <see cref="Now"/>.</summary>
    public static DateTimeOffset DaysFromNow(double days) => Now.AddDays(days);
}
