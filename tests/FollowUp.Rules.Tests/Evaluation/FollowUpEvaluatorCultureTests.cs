using System.Collections.Concurrent;
using System.Globalization;
using FluentValidation;
using FsCheck.Xunit;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Language;
using FollowUp.Rules.Serialization;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests;

/// <summary>
/// Messages in the caller's language: <see cref="FollowUpEvaluator.WithCulture"/> and
/// <see cref="FollowUpRulesOptions.FollowCurrentUICulture"/>. The UI culture flows with the test's execution context, so these
/// tests run in parallel; those that set FluentValidation's global culture are in <see cref="LanguageManagerCultureTests"/>.
/// </summary>
public class FollowUpEvaluatorCultureTests
{
    /// <summary>A culture of each catalog, and cultures that read one under another name.</summary>
    private static readonly string[] CultureNames = ["zh-CN", "zh-TW", "zh-HK", "en", "en-GB", "zh-SG", "zh-MO", "zh-Hant"];

    public static readonly TheoryData<string> Cultures = new(CultureNames);

    private static readonly FollowUpEvaluator Default = TestClock.Evaluator();

    private static readonly FollowUpEvaluator Following = TestClock.Evaluator(options => options.FollowCurrentUICulture = true);

    private static readonly ConcurrentDictionary<string, FollowUpEvaluator> InCulture = new(StringComparer.Ordinal);

    [Theory]
    [MemberData(nameof(Cultures))]
    public void WithCulture_WritesEveryMessageAsARuleSetOfThatCultureDoes(string culture)
    {
        var record = Messy();

        var evaluation = Default.WithCulture(CultureInfo.GetCultureInfo(culture)).Evaluate(record);

        Assert.Equal(Messages(ConfiguredFor(culture).Evaluate(record)), Messages(evaluation));
    }

    [Fact]
    public void WithCulture_English_IsNotTheDefaultChinese()
    {
        var record = Messy();

        var english = Default.WithCulture(CultureInfo.GetCultureInfo("en-US")).Evaluate(record);

        Assert.NotEqual(Messages(Default.Evaluate(record)), Messages(english));
        Assert.Matches("^[ -~]+$", Assert.Single(english.FindingsOn("customer.decisionRole")).Message);
        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", Assert.Single(Default.Evaluate(record).FindingsOn("customer.decisionRole")).Message);
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("")]
    public void WithCulture_CultureWithoutCatalog_WritesInTheRuleSetsCulture(string culture)
    {
        var record = Messy();
        var traditional = ConfiguredFor("zh-TW");

        var evaluation = traditional.WithCulture(CultureInfo.GetCultureInfo(culture)).Evaluate(record);

        Assert.Equal(Messages(traditional.Evaluate(record)), Messages(evaluation));
    }

    [Fact]
    public void WithCulture_GivenProfile_EvaluatesWithItInThatCulture()
    {
        var record = Messy();

        var evaluation = Default.WithCulture(CultureInfo.GetCultureInfo("zh-HK")).Evaluate(record, "ToC");

        Assert.Equal("ToC", evaluation.Profile);
        Assert.Equal(Messages(ConfiguredFor("zh-HK").Evaluate(record, "ToC")), Messages(evaluation));
    }

    [Fact]
    public void WithCulture_CulturesOfOneCatalog_ShareOneEvaluatorWithTheSameRules()
    {
        var evaluator = TestClock.Evaluator();

        var taiwan = evaluator.WithCulture(CultureInfo.GetCultureInfo("zh-TW"));

        Assert.Same(taiwan, evaluator.WithCulture(CultureInfo.GetCultureInfo("zh-Hant")));
        Assert.Same(taiwan, taiwan.WithCulture(CultureInfo.GetCultureInfo("zh-TW")));
        Assert.Same(evaluator.WithCulture(CultureInfo.GetCultureInfo("en-US")), evaluator.WithCulture(CultureInfo.GetCultureInfo("en-GB")));
        Assert.NotSame(taiwan, evaluator.WithCulture(CultureInfo.GetCultureInfo("zh-HK")));
        Assert.Same(evaluator.Rules, taiwan.Rules);
    }

    [Fact]
    public void WithCulture_AskedFromManyThreadsAtOnce_HandsOutOneEvaluatorPerCatalog()
    {
        var evaluator = TestClock.Evaluator();
        var english = CultureInfo.GetCultureInfo("en");
        var handedOut = new ConcurrentBag<FollowUpEvaluator>();

        Parallel.For(0, 64, _ => handedOut.Add(evaluator.WithCulture(english)));

        Assert.Single(handedOut.Distinct());
    }

    [Fact]
    public void WithCulture_Null_Throws()
    {
        Assert.Throws<ArgumentNullException>("culture", () => Default.WithCulture(null!));
        Assert.Throws<ArgumentNullException>("culture", () => ((IFollowUpEvaluator)Default).WithCulture(null!));
    }

    [Fact]
    public void WithCulture_ImplementationWrittenBeforeIt_ThrowsNotSupported()
    {
        IFollowUpEvaluator evaluator = new EvaluatorWithoutCulture(Default);

        var exception = Assert.Throws<NotSupportedException>(() => evaluator.WithCulture(CultureInfo.GetCultureInfo("en")));

        Assert.Contains(nameof(EvaluatorWithoutCulture), exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("en-US")]
    [InlineData("zh-TW")]
    public void Evaluate_ByDefault_IgnoresTheUICulture(string culture)
    {
        var record = Messy();
        var expected = Messages(ConfiguredFor("zh-CN").Evaluate(record));

        var evaluation = InUICulture(culture, () => Default.Evaluate(record));

        Assert.False(Default.Rules.FollowCurrentUICulture);
        Assert.Equal(expected, Messages(evaluation));
    }

    [Theory]
    [MemberData(nameof(Cultures))]
    public void Evaluate_FollowingTheUICulture_WritesInIt(string culture)
    {
        var record = Messy();

        var evaluation = InUICulture(culture, () => Following.Evaluate(record));
        var withProfile = InUICulture(culture, () => Following.Evaluate(record, "Project"));

        Assert.Equal(Messages(ConfiguredFor(culture).Evaluate(record)), Messages(evaluation));
        Assert.Equal(Messages(ConfiguredFor(culture).Evaluate(record, "Project")), Messages(withProfile));
    }

    [Theory]
    [InlineData("fr-FR")]
    [InlineData("")]
    public void Evaluate_FollowingAUICultureWithoutCatalog_WritesInTheConfiguredCulture(string culture)
    {
        var record = Messy();
        var evaluator = TestClock.Evaluator(options => (options.Culture, options.FollowCurrentUICulture) = ("zh-HK", true));

        var evaluation = InUICulture(culture, () => evaluator.Evaluate(record));

        Assert.Equal(Messages(ConfiguredFor("zh-HK").Evaluate(record)), Messages(evaluation));
    }

    [Fact]
    public void WithCulture_OnAnEvaluatorFollowingTheUICulture_TakesItsPlace()
    {
        var record = Messy();

        var evaluation = InUICulture("en-US", () => Following.WithCulture(CultureInfo.GetCultureInfo("zh-HK")).Evaluate(record));

        Assert.Equal(Messages(ConfiguredFor("zh-HK").Evaluate(record)), Messages(evaluation));
    }

    [Fact]
    public void Evaluate_FollowingTheUICulture_ThreadsInDifferentCulturesEachGetTheirOwn()
    {
        string[] cultures = ["zh-CN", "zh-TW", "zh-HK", "en"];
        var records = new[] { Messy(), SampleRecords.CompleteToC(), Messy().WithCommunications(c => c with { Summary = "客户有意向，尽快跟进" }) };
        var expected = cultures.ToDictionary(c => c, c => records.Select(r => Messages(ConfiguredFor(c).Evaluate(r))).ToArray());
        var wrong = new ConcurrentBag<string>();
        using var start = new Barrier(cultures.Length);

        var threads = cultures.Select(culture => new Thread(() =>
        {
            CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
            start.SignalAndWait();
            for (var i = 0; i < 60; i++)
            {
                var index = i % records.Length;
                if (Messages(Following.Evaluate(records[index])) != expected[culture][index])
                {
                    wrong.Add($"{culture} #{i}");
                }
            }
        })).ToList();
        threads.ForEach(thread => thread.Start());
        threads.ForEach(thread => thread.Join());

        Assert.Empty(wrong);
    }

    [Fact]
    public void EvaluateMany_FollowingTheUICulture_WritesInTheCallersCulture()
    {
        var records = Enumerable.Range(0, 40).Select(i => Messy() with { Id = $"FU-{i}" }).ToList();
        var expected = records.Select(r => Messages(ConfiguredFor("en").Evaluate(r))).ToList();

        var evaluations = InUICulture("en-US", () => Following.EvaluateMany(records, new BatchEvaluationOptions { MaxDegreeOfParallelism = 4 }).ToList());

        Assert.Equal(expected, evaluations.Select(Messages));
    }

    [Fact]
    public void Validators_FollowingTheUICulture_WriteTheirFailuresInIt()
    {
        var record = Messy();
        var expected = ConfiguredFor("en").Evaluate(record);

        var (all, needs, result) = InUICulture("en-GB", () =>
            (new FollowUpRecordValidator(Following).Validate(record), new NeedsValidator(Following).Validate(record), Following.Evaluate(record).ToValidationResult()));

        Assert.Equal(expected.Findings.Select(f => f.Message), all.Errors.Select(e => e.ErrorMessage));
        Assert.Equal(expected.Findings.Where(f => f.Step == FollowUpStep.Needs).Select(f => f.Message), needs.Errors.Select(e => e.ErrorMessage));
        Assert.NotEmpty(needs.Errors);
        Assert.Equal(expected.ToValidationResult().Errors.Select(e => e.ErrorMessage), result.Errors.Select(e => e.ErrorMessage));
    }

    [Fact]
    public void VagueLanguageAdvice_FollowsTheUICultureOnlyWhenTheRulesDo()
    {
        var phrase = Assert.Single(VagueLanguageDetector.Default.Detect("跟进中").Phrases);
        var english = ConfiguredFor("en").Rules.DefaultProfile.VagueLanguage.Advice(phrase);
        var chinese = VagueLanguageDetector.Default.Advice(phrase);

        var (following, fixedAdvice) = InUICulture("en-US", () =>
            (Following.Rules.DefaultProfile.VagueLanguage.Advice(phrase), Default.Rules.DefaultProfile.VagueLanguage.Advice(phrase)));

        Assert.Equal(english, following);
        Assert.Equal(chinese, fixedAdvice);
        Assert.NotEqual(english, chinese);
    }

    /// <summary>Following the caller's culture, or evaluating WithCulture, allocates what a rule set of that culture does: the catalogs are not built per call.</summary>
    [Fact]
    public void Evaluate_InTheCallersCultureOrWithCulture_AllocatesWhatAFixedCultureDoes()
    {
        var record = Messy();
        var english = CultureInfo.GetCultureInfo("en");
        var fixedEnglish = ConfiguredFor("en");
        var inEnglish = Default.WithCulture(english);
        long Least(Func<FollowUpEvaluation> evaluate)
        {
            var least = long.MaxValue;
            for (var i = 0; i < 5; i++)
            {
                var before = GC.GetAllocatedBytesForCurrentThread();
                evaluate();
                least = Math.Min(least, GC.GetAllocatedBytesForCurrentThread() - before);
            }

            return least;
        }

        var (following, withCulture, configured) = InUICulture("en-US", () =>
            (Least(() => Following.Evaluate(record)), Least(() => inEnglish.Evaluate(record)), Least(() => fixedEnglish.Evaluate(record))));

        Assert.Equal(configured, following);
        Assert.Equal(configured, withCulture);
    }

    [Property(Arbitrary = [typeof(FollowUpEvaluatorPropertyTests.Arbitraries)])]
    public void WithCulture_AnyRecord_EvaluatesAsTheRuleSetOfThatCulture(FollowUpEvaluatorPropertyTests.GeneratedRecord generated, byte pick)
    {
        var culture = CultureNames[pick % CultureNames.Length];

        var evaluation = Default.WithCulture(CultureInfo.GetCultureInfo(culture)).Evaluate(generated.Record);

        Assert.Equal(Messages(ConfiguredFor(culture).Evaluate(generated.Record)), Messages(evaluation));
    }

    /// <summary>Everything an evaluation says in words: its SPEC §8 JSON (findings', deductions' and signals' text) and its reminders.</summary>
    internal static string Messages(FollowUpEvaluation evaluation) =>
        FollowUpJson.Serialize(evaluation) + "\n" + string.Join("\n", evaluation.Reminders.Select(r => r.Reason));

    /// <summary>An evaluator whose rule set's <see cref="FollowUpRulesOptions.Culture"/> is <paramref name="culture"/>.</summary>
    internal static FollowUpEvaluator ConfiguredFor(string culture) =>
        InCulture.GetOrAdd(culture, name => TestClock.Evaluator(options => options.Culture = name));

    /// <summary>A ToB record with a finding, a deduction, a signal and a reminder of each kind of message: fields, phrases, evidence, dates.</summary>
    internal static FollowUpRecord Messy() => SampleRecords.CompleteToB()
        .WithCustomer(c => c with { DecisionRole = default, Level = "X级" })
        .WithNeeds(n => n with { Budget = "待补充" })
        .WithCommunications(c => c with { Summary = "跟进中，友商已报价，客户觉得太贵，等客户回复" })
        .WithProgress(p => p with { NextAction = "尽快跟进", NextActionDue = TestClock.DaysFromNow(-3) });

    internal static T InUICulture<T>(string culture, Func<T> action)
    {
        var before = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }

    /// <summary>An implementation written before <see cref="IFollowUpEvaluator.WithCulture"/>, which it does not implement.</summary>
    private sealed class EvaluatorWithoutCulture(IFollowUpEvaluator inner) : IFollowUpEvaluator
    {
        public FollowUpRuleSet Rules => inner.Rules;

        public FollowUpEvaluation Evaluate(FollowUpRecord record) => inner.Evaluate(record);

        public FollowUpEvaluation Evaluate(FollowUpRecord record, string? profile) => inner.Evaluate(record, profile);
    }
}

/// <summary>
/// FluentValidation's culture (<c>ValidatorOptions.Global.LanguageManager.Culture</c>) is process-wide: these tests set it, so
/// they run alone.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LanguageManagerCultureGroup
{
    public const string Name = "FluentValidation's global culture";
}

[Collection(LanguageManagerCultureGroup.Name)]
public class LanguageManagerCultureTests
{
    [Fact]
    public void Evaluate_FollowingTheCallersCulture_PrefersFluentValidationsCultureToTheUICulture()
    {
        var record = FollowUpEvaluatorCultureTests.Messy();
        var evaluator = TestClock.Evaluator(options => options.FollowCurrentUICulture = true);
        var expected = FollowUpEvaluatorCultureTests.Messages(FollowUpEvaluatorCultureTests.ConfiguredFor("zh-TW").Evaluate(record));

        var before = ValidatorOptions.Global.LanguageManager.Culture;
        ValidatorOptions.Global.LanguageManager.Culture = CultureInfo.GetCultureInfo("zh-TW");
        try
        {
            var (evaluation, failures) = FollowUpEvaluatorCultureTests.InUICulture("en-US", () =>
                (evaluator.Evaluate(record), new FollowUpRecordValidator(evaluator).Validate(record)));

            Assert.Equal(expected, FollowUpEvaluatorCultureTests.Messages(evaluation));
            Assert.Equal(evaluation.Findings.Select(f => f.Message), failures.Errors.Select(e => e.ErrorMessage));
        }
        finally
        {
            ValidatorOptions.Global.LanguageManager.Culture = before;
        }
    }
}
