using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Profiles;
using FollowUp.Rules.Serialization;
using FollowUp.Rules.Tests.Generators;
using FollowUp.Rules.Tests.TestData;

// The types under test live in namespace FollowUp.Rules (src/FollowUp.Rules/Evaluation/), so their tests live in FollowUp.Rules.Tests.
namespace FollowUp.Rules.Tests;

/// <summary>The invariants of SPEC and issue 2 over generated records: no exception, bounded scores, monotonicity, determinism.</summary>
public class FollowUpEvaluatorPropertyTests
{
    private static readonly FollowUpEvaluator Evaluator = TestClock.Evaluator();

    /// <summary>
    /// Every built-in profile requiring each contact field on its own too, so that filling WhatsApp or LINE (which no built-in
    /// profile requires alone) is tried as well as filling the contact method.
    /// </summary>
    private static readonly FollowUpEvaluator EveryContactFieldEvaluator = TestClock.Evaluator(o =>
    {
        foreach (var profile in RecordGen.Scenarios)
        {
            o.Profiles[profile] = new ProfileOptions
            {
                RequiredFields =
                {
                    FollowUpFields.CustomerPhone, FollowUpFields.CustomerEmail, FollowUpFields.CustomerWeChat,
                    FollowUpFields.CustomerWhatsApp, FollowUpFields.CustomerLine,
                },
            };
        }
    });

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Evaluate_AnyRecord_DoesNotThrow(HostileRecord generated)
    {
        var record = generated.Record;

        var evaluation = Evaluator.Evaluate(record);
        var json = FollowUpJson.Serialize(evaluation);

        Assert.Equal(record.Id, evaluation.Id);
        Assert.NotEmpty(json);
        Assert.All(evaluation.Findings, f => Assert.False(string.IsNullOrEmpty(f.Message)));
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void TopDeductions_AnyRecord_AreTheLargestInStableOrder(GeneratedRecord generated, byte count)
    {
        var evaluation = Evaluator.Evaluate(generated.Record);
        var take = count % 6;

        Assert.Equal(evaluation.Deductions.OrderByDescending(d => d.Points).Take(take), evaluation.TopDeductions(take));
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Evaluate_AnyRecord_ScoresAreBetween0And100(GeneratedRecord generated)
    {
        foreach (var profile in new[] { "ToB", "ToC", "Project", "ECommerce" })
        {
            var evaluation = Evaluator.Evaluate(generated.Record, profile);

            Assert.InRange(evaluation.Completeness.Score, 0, 100);
            Assert.All(evaluation.Completeness.Steps, s => Assert.InRange(s.Score, 0, 100));
            Assert.InRange(evaluation.Score, 0, 100);
        }
    }

    /// <remarks>
    /// The filling text is neutral: concrete values and random letters and digits, never a risk phrase; GraderProperties fills
    /// with vague and risk phrases too. A thousand records, because a counterexample found once (a closed stage dropping the
    /// credit of a filled next action) came up about once in forty runs of a hundred.
    /// </remarks>
    [Property(Arbitrary = [typeof(Arbitraries)], MaxTest = 1000)]
    public void FillingAMissingRequiredField_NeverLowersAStepScore(GeneratedRecord generated, Filling filling)
    {
        foreach (var evaluator in new[] { Evaluator, EveryContactFieldEvaluator })
        {
            var before = evaluator.Evaluate(generated.Record);
            var missing = before.Completeness.Steps.SelectMany(s => s.Missing).Distinct(StringComparer.Ordinal).ToArray();
            if (missing.Length == 0)
            {
                continue;
            }

            var path = missing[filling.Pick % missing.Length];
            var filled = Filling.Fill(generated.Record, path, filling);

            var after = evaluator.Evaluate(filled, before.Profile);

            foreach (var step in Enum.GetValues<FollowUpStep>())
            {
                Assert.True(
                    after.Completeness[step].Score >= before.Completeness[step].Score,
                    $"Filling {path} with {filling} lowered {step} from {before.Completeness[step].Score} to {after.Completeness[step].Score}.");
            }

            Assert.True(after.Completeness.Score >= before.Completeness.Score, $"Filling {path} lowered the completeness score.");
        }
    }

    [Fact]
    public void NeutralValues_RaiseNoRiskSignal()
    {
        foreach (var value in Filling.NeutralValues)
        {
            var record = SampleRecords.CompleteToB().WithNeeds(n => n with { Summary = value, PainPoints = [value] });

            Assert.Empty(Evaluator.Evaluate(record).Risk.Signals);
        }
    }

    [Property(Arbitrary = [typeof(Arbitraries)])]
    public void Evaluate_FixedTimeProvider_IsDeterministic(GeneratedRecord generated, GeneratedRecord other)
    {
        var first = FollowUpJson.Serialize(TestClock.Evaluator().Evaluate(generated.Record));

        // Another record in between must leave nothing behind in the evaluator's per-thread working memory.
        _ = Evaluator.Evaluate(other.Record);
        var second = FollowUpJson.Serialize(TestClock.Evaluator().Evaluate(generated.Record));
        var shared = FollowUpJson.Serialize(Evaluator.Evaluate(generated.Record));

        Assert.Equal(first, second);
        Assert.Equal(first, shared);
    }

    /// <summary>A generated record: any member may be null, blank, a placeholder, an acknowledgement, garbage or absurd.</summary>
    public sealed class GeneratedRecord(FollowUpRecord record)
    {
        public FollowUpRecord Record { get; } = record;

        public override string ToString() => Describe(Record);
    }

    /// <summary>A generated record that may also hold a string of a megabyte in one of its fields.</summary>
    public sealed class HostileRecord(FollowUpRecord record)
    {
        public FollowUpRecord Record { get; } = record;

        public override string ToString() => Describe(Record);
    }

    /// <summary>The record as JSON, cut short: FsCheck prints it when a property fails.</summary>
    private static string Describe(FollowUpRecord record)
    {
        string json;
        try
        {
            json = FollowUpJson.Serialize(record);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            json = record.ToString();
        }

        return json.Length <= 4000 ? json : json[..4000] + $"… ({json.Length} characters)";
    }

    /// <summary>Which missing field to fill (an index into the missing paths), and the values to fill it with.</summary>
    public sealed record Filling(int Pick, string Text, DateTimeOffset Date, int Member)
    {
        /// <summary>Concrete values without any risk phrase.</summary>
        public static readonly string[] NeutralValues =
        [
            "宏图建筑设计院", "李明", "13800000000", "zw@example.com", "200 套", "50万", "采购经理", "线上咨询", "A", "建筑设计",
            "12 月 5 日前提交正式报价单", "电话沟通 30 分钟，确认 12 月 5 日前给出报价", "订单已发货，顺丰 SF1234567890",
            "每周三下午与客户 IT 对齐实施排期", "Sent the signed order form to Ms Wang on 3 Dec",
        ];

        public static FollowUpRecord Fill(FollowUpRecord record, string path, Filling with) =>
            RecordEditor.Fill(record, path, with.Text, with.Date, with.Member) ?? throw new InvalidOperationException($"No filling for {path}.");
    }

    /// <summary>Generators of hostile records: every member may be null, blank, a placeholder, garbage or huge.</summary>
    public static class Arbitraries
    {
        private static readonly string[] Plain =
        [
            "50万", "200 套", "宏图建筑设计院", "李明", "13800000000", "zw@example.com", "线上咨询", "A", "采购经理", "500-1000人",
            "电话沟通 30 分钟，客户关注交期，要求 12 月 5 日前给出报价", "发送正式报价单并约技术交流", "数量从100套增至200套",
            "跟进中", "等客户回复", "客户有意向", "可能下周再说", "尽快", "哈哈哈", "同上", "友商已报价，价格偏高", "暂无竞争对手介入",
            "客户犹豫，预算不足，明年再说", "联系不上，已读不回", "對方很有興趣，約週四上門", "ｆｏｌｌｏｗｉｎｇ ｕｐ", "in progress, waiting for reply",
        ];

        private static readonly string[] Blank = ["", " ", "\t", "\r\n", "\u3000", "\u200B"];

        private static readonly string[] Placeholders = ["-", "/", "无", "N/A", "null", "NULL", "—", "。。。", "?", "！！！"];

        private static readonly string[] Acknowledgements = ["待补充", "客户暂未明确", "未透露", "TBD - customer did not say", "待確認"];

        private static readonly string[] Hostile =
        [
            "\0", "\u0001\u0002\u001f", "\u007f\u0085", "\uD800", "\uDC00", "abc\uDBFF", "\uDFFF客户", "\uFEFF跟进中", "\u202E逆序", "𠀀𠀁",
            "e\u0301\u0301\u0301", "\uFFFF\uFFFE", "…等…回复", "待补充待补充待补充", "null\0null",
        ];

        /// <summary>
        /// Megabyte strings, built once: one Chinese character, surrogates with controls and invisible characters, and random
        /// Chinese text. (Text dense with lexicon phrases is left out: see the report of issue 2, it is quadratic today.)
        /// </summary>
        private static readonly string[] Huge =
        [
            new string('客', 1_048_576),
            string.Concat(Enumerable.Repeat("\uD800x\0 \u3000\u200B", 1_048_576 / 6)),
            new string([.. Enumerable.Range(0, 1_048_576).Select(i => (char)(0x4E00 + (i * 7919L % 20000)))]),
        ];

        private static readonly string[] DateTexts =
        [
            "0001-01-01", "0001-01-01 00:00", "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00-14:00", "9999-12-31 23:59:59",
            "9999-12-31T23:59:59-14:00", "9999-12-31T23:59:59+14:00", "2026-02-30", "0000-00-00", "下周三", "明天", "2026/11/20 15:00",
            "2026年11月20日", "20261120", "2026-11-20T15:00:00+08:00", "2026-13-45T99:99", "1e9", "-", "待确认",
        ];

        private static Gen<string?> Text { get; } = Gen.Frequency(
            (4, Gen.Constant<string?>(null)),
            (3, Gen.Elements(Blank).Select(s => (string?)s)),
            (3, Gen.Elements(Placeholders).Select(s => (string?)s)),
            (2, Gen.Elements(Acknowledgements).Select(s => (string?)s)),
            (8, Gen.Elements(Plain).Select(s => (string?)s)),
            (4, ArbMap.Default.GeneratorFor<string>().Select(s => (string?)s)),
            (3, Gen.Elements(Hostile).Select(s => (string?)s)));

        public static Arbitrary<GeneratedRecord> Records() => Arb.From(RecordGen.Select(r => new GeneratedRecord(r)));

        /// <summary>One record in five gets a megabyte string in one of its text, date or choice fields.</summary>
        public static Arbitrary<HostileRecord> HostileRecords() => Arb.From(
            Gen.Frequency(
                (4, RecordGen),
                (1,
                    from record in RecordGen
                    from huge in Gen.Elements(Huge)
                    from slot in Gen.Choose(0, 6)
                    select WithHugeText(record, huge, slot)))
            .Select(r => new HostileRecord(r)));

        public static Arbitrary<Filling> Fillings() => Arb.From(
            from pick in Gen.Choose(0, 1000)
            from text in Gen.OneOf(Gen.Elements(Filling.NeutralValues), LettersAndDigits)
            from date in ValidDate
            from member in Gen.Choose(0, 100)
            select new Filling(pick, text, date, member));

        private static Gen<string> LettersAndDigits { get; } =
            from length in Gen.Choose(1, 20)
            from chars in Gen.Elements("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".ToCharArray()).ArrayOf(length)
            select new string(chars);

        private static Gen<DateTimeOffset> ValidDate { get; } =
            from days in Gen.Choose(-3650, 3650)
            from minutes in Gen.Choose(0, 24 * 60 - 1)
            from offset in Gen.Choose(-14 * 4, 14 * 4)
            select new DateTimeOffset(TestClock.Now.DateTime.AddDays(days).AddMinutes(minutes), TimeSpan.FromMinutes(offset * 15));

        private static FollowUpRecord WithHugeText(FollowUpRecord record, string huge, int slot) => slot switch
        {
            0 => record.WithNeeds(n => n with { Summary = huge }),
            1 => record with { Communications = [new Communication { Summary = huge, Objections = huge }, .. record.Communications ?? []] },
            2 => record.WithCustomer(c => c with { Company = huge, Phone = huge }),
            3 => record.WithProgress(p => p with { NextAction = huge, Stage = EnumValue<DealStage>.Parse(huge) }),
            4 => record.WithCustom("orderStatus", huge),
            5 => record with { RecordedAt = Timestamp.Parse(huge), Risks = [new RiskNote { Description = huge, Countermeasure = huge }] },
            _ => record with { Scenario = huge, Id = huge },
        };

        private static Gen<Timestamp> Date { get; } = Gen.Frequency(
            (3, Gen.Constant(default(Timestamp))),
            (4, ValidDate.Select(d => (Timestamp)d)),
            (4, Gen.Elements(DateTexts).Select(Timestamp.Parse)),
            (2, Text.Select(Timestamp.Parse)),
            (2, Gen.Elements(
                Timestamp.FromDateTimeOffset(DateTimeOffset.MinValue),
                Timestamp.FromDateTimeOffset(DateTimeOffset.MaxValue),
                Timestamp.FromDateTimeOffset(new DateTimeOffset(DateTime.MinValue.AddHours(14), TimeSpan.FromHours(14))),
                Timestamp.FromDateTimeOffset(new DateTimeOffset(DateTime.MaxValue.AddHours(-14), TimeSpan.FromHours(-14))),
                Timestamp.FromClockTime(DateTime.MinValue),
                Timestamp.FromClockTime(DateTime.MaxValue))));

        private static Gen<EnumValue<TEnum>> Choice<TEnum>()
            where TEnum : struct, Enum =>
            Gen.Frequency(
                (3, Gen.Constant(default(EnumValue<TEnum>))),
                (4, Gen.Elements(Enum.GetValues<TEnum>()).Select(EnumValue<TEnum>.FromEnum)),
                (2, Gen.Elements("电话", "已簽約", "决策人", "满意", "报价单", "phone", "SIGNED", "Unknown", "未知")
                    .Select(EnumValue<TEnum>.Parse)),
                (3, Text.Select(EnumValue<TEnum>.Parse)));

        private static Gen<T[]?> ListOf<T>(Gen<T> element)
            where T : class =>
            Gen.Frequency(
                (1, Gen.Constant<T[]?>(null)),
                (5, Gen.Choose(0, 4).SelectMany(n => Gen.Frequency((1, Gen.Constant<T>(null!)), (6, element)).ArrayOf(n)).Select(a => (T[]?)a)));

        private static Gen<string[]?> TextList { get; } = ListOf(Text.Select(s => s!));

        private static Gen<Customer?> CustomerGen { get; } = Gen.Frequency(
            (1, Gen.Constant<Customer?>(null)),
            (6,
                from name in Text
                from company in Text
                from industry in Text
                from size in Text
                from title in Text
                from role in Choice<DecisionRole>()
                from source in Text
                from level in Text
                from phone in Text
                from email in Text
                from weChat in Text
                from whatsApp in Text
                from line in Text
                select (Customer?)new Customer
                {
                    Name = name, Company = company, Industry = industry, CompanySize = size, ContactTitle = title, DecisionRole = role,
                    Source = source, Level = level, Phone = phone, Email = email, WeChat = weChat, WhatsApp = whatsApp, Line = line,
                }));

        private static Gen<CustomerNeeds?> NeedsGen { get; } = Gen.Frequency(
            (1, Gen.Constant<CustomerNeeds?>(null)),
            (6,
                from summary in Text
                from quantity in Text
                from budget in Text
                from painPoints in TextList
                from concerns in TextList
                from changes in ListOf(
                    from at in Date
                    from description in Text
                    select new NeedsChange { At = at, Description = description })
                select (CustomerNeeds?)new CustomerNeeds
                {
                    Summary = summary, Quantity = quantity, Budget = budget, PainPoints = painPoints, Concerns = concerns, Changes = changes,
                }));

        private static Gen<Communication> CommunicationGen { get; } =
            from at in Date
            from channel in Choice<ContactChannel>()
            from contact in Text
            from title in Text
            from role in Choice<DecisionRole>()
            from summary in Text
            from feedback in Choice<CustomerFeedback>()
            from objections in Text
            select new Communication
            {
                At = at, Channel = channel, Contact = contact, ContactTitle = title, ContactRole = role, Summary = summary, Feedback = feedback,
                Objections = objections,
            };

        private static Gen<DealProgress?> ProgressGen { get; } = Gen.Frequency(
            (1, Gen.Constant<DealProgress?>(null)),
            (6,
                from stage in Choice<DealStage>()
                from since in Date
                from nextAction in Text
                from due in Date
                from owner in Text
                select (DealProgress?)new DealProgress { Stage = stage, StageSince = since, NextAction = nextAction, NextActionDue = due, NextActionOwner = owner }));

        private static Gen<Attachment> AttachmentGen { get; } =
            from kind in Choice<AttachmentKind>()
            from name in Text
            from uri in Text
            select new Attachment { Kind = kind, Name = name, Uri = uri };

        private static Gen<RiskNote> RiskGen { get; } =
            from kind in Gen.OneOf(Text, Gen.Elements<string?>("Competitor", "Delay", "PriceObjection"))
            from description in Text
            from countermeasure in Text
            select new RiskNote { Kind = kind, Description = description, Countermeasure = countermeasure };

        private static Gen<IReadOnlyDictionary<string, string?>?> CustomGen { get; } = Gen.Frequency(
            (1, Gen.Constant<IReadOnlyDictionary<string, string?>?>(null)),
            (4,
                from count in Gen.Choose(0, 4)
                from keys in Gen.OneOf(
                    Gen.Elements("orderStatus", "afterSales", "milestones", "region"),
                    ArbMap.Default.GeneratorFor<NonNull<string>>().Select(s => s.Get)).ArrayOf(count)
                from values in Text.ArrayOf(count)
                select (IReadOnlyDictionary<string, string?>?)keys.Zip(values)
                    .DistinctBy(p => p.First, StringComparer.OrdinalIgnoreCase)
                    .ToDictionary(p => p.First, p => p.Second, StringComparer.OrdinalIgnoreCase)));

        private static Gen<FollowUpRecord> RecordGen { get; } =
            from id in Text
            from scenario in Gen.OneOf(
                Gen.Elements<string?>(null, "ToB", "ToC", "Project", "ECommerce", "toc", " project ", "Wholesale", ""),
                Text)
            from recordedAt in Date
            from owner in Text
            from customer in CustomerGen
            from needs in NeedsGen
            from communications in ListOf(CommunicationGen)
            from progress in ProgressGen
            from attachments in ListOf(AttachmentGen)
            from risks in ListOf(RiskGen)
            from custom in CustomGen
            select new FollowUpRecord
            {
                Id = id, Scenario = scenario, RecordedAt = recordedAt, Owner = owner, Customer = customer, Needs = needs,
                Communications = communications, Progress = progress, Attachments = attachments, Risks = risks, Custom = custom,
            };
    }
}
