using FollowUp.Rules.Serialization;
using FollowUp.Rules.Tests.Generators;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.Time.Testing;
using static FollowUp.Rules.Tests.FollowUpEvaluatorPropertyTests;
using static FollowUp.Rules.Tests.TestData.SchemaValidation;

namespace FollowUp.Rules.Tests;

/// <summary>The shipped schemas over generated records: every record the library writes, and every evaluation, matches its schema.</summary>
public sealed class FollowUpJsonSchemaProperties
{
    private static readonly FollowUpEvaluator Evaluator = new(FollowUpRuleSet.Default, new FakeTimeProvider(RecordGen.Now));

    /// <summary>Records as integrators send them: vague, risky, acknowledged, unknown choices, unreadable dates.</summary>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 300)]
    public void GeneratedRecord_ItsJsonAndItsEvaluationsJson_MatchTheirSchemas(FollowUpRecord record) =>
        AssertRecordAndEvaluationMatch(record);

    /// <summary>Hostile records: null entries in lists, blanks, controls, lone surrogates, dates at the ends of the calendar.</summary>
    [Property(Arbitrary = [typeof(FollowUpEvaluatorPropertyTests.Arbitraries)], MaxTest = 300)]
    public void HostileRecord_ItsJsonAndItsEvaluationsJson_MatchTheirSchemas(GeneratedRecord generated) =>
        AssertRecordAndEvaluationMatch(generated.Record);

    private static void AssertRecordAndEvaluationMatch(FollowUpRecord record)
    {
        AssertMatches(FollowUpJsonSchema.Record, FollowUpJson.Serialize(record));
        AssertMatches(FollowUpJsonSchema.Evaluation, FollowUpJson.Serialize(Evaluator.Evaluate(record)));
    }

    public static class Arbitraries
    {
        public static Arbitrary<FollowUpRecord> Records() => RecordGen.Record.ToArbitrary();
    }
}
