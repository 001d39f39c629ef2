using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Language;
using FollowUp.Rules.Messages;
using FollowUp.Rules.Reporting;

namespace FollowUp.Rules.Tests.Messages;

public sealed partial class MessageCatalogTests
{
    /// <summary>The culture of every message catalog the assembly embeds (Messages.{culture}.json).</summary>
    public static TheoryData<string> Catalogs() => new(CatalogCultures());

    /// <summary>The Traditional Chinese catalogs: Taiwan's and Hong Kong's.</summary>
    public static TheoryData<string> TraditionalCatalogs() => new(CatalogCultures().Where(CatalogCulture.IsTraditional));

    /// <summary>Every field key a message can name: the requirement keys and the keys of the indexed paths findings use.</summary>
    public static TheoryData<string, string> FieldKeys()
    {
        var keys = typeof(FollowUpFields).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral).Select(f => (string)f.GetRawConstantValue()!).Where(k => k != FollowUpFields.CustomPrefix)
            .Concat(typeof(FieldPaths).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => ((IndexedPath)f.GetValue(null)!).Key))
            .Concat(["id", "owner", "scenario", "recordedAt", "customer", "needs", "progress", "communications[]", "attachments[]",
                "attachments[].uri", "risks[]", "needs.changes[]", "needs.concerns"])
            .Distinct();
        var data = new TheoryData<string, string>();
        foreach (var key in keys)
        {
            data.Add("zh-CN", key);
            data.Add("zh-TW", key);
            data.Add("zh-HK", key);
            data.Add("en", key);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FieldKeys))]
    public void FieldLabel_EveryFieldKey_HasALabelAndAdviceOfItsOwnInBothLanguages(string culture, string key)
    {
        var messages = MessageCatalog.For(CultureInfo.GetCultureInfo(culture));

        // A key without an entry falls back to itself as the label and to the custom fields' advice.
        Assert.NotEqual(messages.FieldAdvice("custom"), messages.FieldAdvice(key));
        Assert.DoesNotContain("[", messages.FieldLabel(key), StringComparison.Ordinal);
    }

    [Fact]
    public void Catalogs_AreTheFourTheCultureChainChoosesFrom() =>
        Assert.Equal(["en", "zh-CN", "zh-HK", "zh-TW"], CatalogCultures().Order(StringComparer.Ordinal));

    [Theory]
    [MemberData(nameof(Catalogs))]
    public void Catalog_HasEveryEntryOfZhCn_WithTheSamePlaceholders(string culture)
    {
        // A key added to zh-CN alone fails here for each other catalog: the message would throw when it is first formatted.
        using var reference = Catalog("zh-CN");
        using var catalog = Catalog(culture);
        foreach (var section in new[] { "messages", "fields", "stages", "signals" })
        {
            var expected = reference.RootElement.GetProperty(section).EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
            var actual = catalog.RootElement.GetProperty(section).EnumerateObject().ToDictionary(p => p.Name, p => p.Value);

            Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
            Assert.All(expected, entry => Assert.Equal(Placeholders(entry.Value), Placeholders(actual[entry.Key])));
            Assert.All(expected, entry => Assert.All(
                Texts(entry.Value).Zip(Texts(actual[entry.Key])),
                texts => Assert.True(texts.Second.Length > 0 || texts.First.Length == 0, $"{culture} {section} {entry.Key} is empty")));
        }

        Assert.All(catalog.RootElement.GetProperty("fields").EnumerateObject(), field => Assert.Equal(2, field.Value.GetArrayLength()));
        Assert.Equal(7, catalog.RootElement.GetProperty("weekdays").GetArrayLength());
    }

    [Theory]
    [InlineData("zh-TW", CatalogCulture.Traditional)]
    [InlineData("zh-HK", CatalogCulture.HongKong)]
    [InlineData("zh-MO", CatalogCulture.HongKong)]
    [InlineData("zh-hk", CatalogCulture.HongKong)]
    [InlineData("zh-Hant-HK", CatalogCulture.HongKong)]
    [InlineData("zh-Hant-MO", CatalogCulture.HongKong)]
    [InlineData("zh-Hant", CatalogCulture.Traditional)]
    [InlineData("zh-Hant-TW", CatalogCulture.Traditional)]
    [InlineData("zh-Hant-CN", CatalogCulture.Traditional)]
    [InlineData("zh-Hant-SG", CatalogCulture.Traditional)]
    [InlineData("zh-CHT", CatalogCulture.Traditional)]
    [InlineData("zh-tw", CatalogCulture.Traditional)]
    [InlineData("zh-CN", CatalogCulture.Simplified)]
    [InlineData("zh-SG", CatalogCulture.Simplified)]
    [InlineData("zh-Hans", CatalogCulture.Simplified)]
    [InlineData("zh-Hans-HK", CatalogCulture.Simplified)]
    [InlineData("zh-Hans-TW", CatalogCulture.Simplified)]
    [InlineData("zh-CHS", CatalogCulture.Simplified)]
    [InlineData("zh", CatalogCulture.Simplified)]
    [InlineData("en", CatalogCulture.English)]
    [InlineData("en-GB", CatalogCulture.English)]
    [InlineData("fr-FR", CatalogCulture.English)]
    public void For_Culture_ChoosesTheCatalogOfItsScriptByTheParentChain(string culture, string catalog)
    {
        // zh-Hans-TW and zh-Hans-HK are Simplified text written in Taiwan and Hong Kong: the script decides first, then the region.
        var info = CultureInfo.GetCultureInfo(culture);
        var messages = MessageCatalog.For(info);

        Assert.Equal(catalog, CatalogCulture.Of(info));
        Assert.Same(MessageCatalog.For(CultureInfo.GetCultureInfo(catalog)), messages);
        Assert.Equal(catalog is CatalogCulture.Traditional or CatalogCulture.HongKong, messages.IsTraditional);
        Assert.Equal(catalog != CatalogCulture.English, messages.IsChinese);
    }

    [Fact]
    public void Messages_EnglishSentences_StartWithACapitalLetter()
    {
        // Evidence is quoted inside another message, and shapes, found values, the separators, a quoted phrase and an entry's
        // field are parts of one; VagueSeveral starts with a list of quoted phrases.
        var sentences = Templates("en").Where(t => !t.Key.StartsWith("Evidence", StringComparison.Ordinal)
            && !t.Key.StartsWith("Shape", StringComparison.Ordinal) && !t.Key.StartsWith("Found", StringComparison.Ordinal)
            && t.Key is not "ListSeparator" and not "ListLastSeparator" and not "SentenceSeparator" and not "QuotedPhrase" and not "IndexedField"
            and not "VagueSeveral");

        Assert.All(sentences, t => Assert.True(char.IsUpper(t.Value[t.Value[0] == '"' ? 1 : 0]) || t.Value.StartsWith("\"{0}\"", StringComparison.Ordinal), t.Key));
    }

    [Theory]
    [InlineData("zh-CN", "星期五")]
    [InlineData("zh-TW", "星期五")]
    [InlineData("zh-HK", "星期五")]
    [InlineData("en", "Friday")]
    public void Weekday_BothCultures_NameEachDayOnce(string culture, string friday)
    {
        var messages = MessageCatalog.For(CultureInfo.GetCultureInfo(culture));

        Assert.Equal(friday, messages.Weekday(DayOfWeek.Friday));
        Assert.Equal(7, Enum.GetValues<DayOfWeek>().Select(messages.Weekday).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("zh-CN", "ContactChange", "对接人变动")]
    [InlineData("zh-TW", "ContactChange", "窗口異動")]
    [InlineData("zh-HK", "NoResponse", "聯絡不上")]
    [InlineData("zh-HK", "ContactChange", "聯絡人變動")]
    [InlineData("zh-CN", "Delay", "延期")]
    [InlineData("zh-TW", "Delay", "延期")]
    [InlineData("zh-MO", "Delay", "延期")]
    [InlineData("en", "Delay", "deal postponed")]
    [InlineData("en", "contactchange", "contact changed")]
    public void TryGetSignalLabel_SignalCode_GivesItsLabel(string culture, string code, string label)
    {
        var messages = MessageCatalog.For(CultureInfo.GetCultureInfo(culture));

        Assert.True(messages.TryGetSignalLabel(code, out var found));
        Assert.Equal(label, found);
    }

    [Theory]
    [InlineData("窗口異動", "ContactChange")]
    [InlineData("窗口异动", "ContactChange")]
    [InlineData("專案延期", "Delay")]
    [InlineData("对接人變動", "ContactChange")]
    [InlineData("聯絡人變動", "ContactChange")]
    [InlineData("项目延期", "Delay")]
    public void SignalCodeOf_LabelOfTheTraditionalCatalog_IsItsCode(string kind, string code) =>
        Assert.Equal(code, MessageCatalog.SignalCodeOf(kind));

    [Theory]
    [InlineData("项目推迟")]
    [InlineData("項目推遲")]
    [InlineData("專案延期")]
    [InlineData("項目延期")]
    [InlineData("延期")]
    [InlineData("deal postponed")]
    [InlineData("Delay")]
    public void SignalCodeOf_DelaysLabelNowOrBefore_IsDelay(string kind) =>
        Assert.Equal("Delay", MessageCatalog.SignalCodeOf(kind));

    [Theory]
    [InlineData("zh-CN", "决策人（DecisionMaker）、影响者（Influencer）、使用者（User）、把关人（Gatekeeper）、未知（Unknown）")]
    [InlineData("zh-TW", "決策人（DecisionMaker）、影響者（Influencer）、使用者（User）、把關人（Gatekeeper）、未知（Unknown）")]
    [InlineData("zh-HK", "決策人（DecisionMaker）、影響者（Influencer）、使用者（User）、把關人（Gatekeeper）、未知（Unknown）")]
    [InlineData("en", "DecisionMaker, Influencer, User, Gatekeeper, Unknown")]
    public void ValueNames_DecisionRoles_ListTheLabelsOfTheCatalogsScript(string culture, string expected) =>
        Assert.Equal(expected, MessageCatalog.For(CultureInfo.GetCultureInfo(culture)).ValueNames(EnumLabels<DecisionRole>.NameList));

    [Theory]
    [MemberData(nameof(TraditionalCatalogs))]
    public void ValueLabel_EveryMemberInTraditional_IsALabelTheRecordReaderAccepts(string culture)
    {
        // A message tells a rep which values to write: each one it names must be read back as that member.
        var traditional = MessageCatalog.For(CultureInfo.GetCultureInfo(culture));

        AssertReadBack<DecisionRole>(traditional);
        AssertReadBack<ContactChannel>(traditional);
        AssertReadBack<CustomerFeedback>(traditional);
        AssertReadBack<DealStage>(traditional);
        AssertReadBack<AttachmentKind>(traditional);
    }

    [Theory]
    [InlineData("zh-CN", "电话 微信 面谈 邮件 会议 其他", "报价单 方案 合同 邮件 其他")]
    [InlineData("zh-TW", "電話 微信 面談 郵件 會議 其他", "報價單 方案 合約 郵件 其他")]
    [InlineData("zh-HK", "電話 微信 面談 電郵 會議 其他", "報價單 方案 合約 電郵 其他")]
    public void ValueLabel_ChannelsAndAttachmentKinds_AreAsTheCatalogsReadersWriteThem(string culture, string channels, string kinds)
    {
        // Hong Kong writes 電郵 for e-mail, Taiwan and Hong Kong 合約 for a contract, as their advice does (寫明附件類型：報價單、
        // 方案、合約、電郵或其他); the lists of accepted values named 郵件 and 合同.
        var messages = MessageCatalog.For(CultureInfo.GetCultureInfo(culture));

        Assert.Equal(channels.Split(' '), Enum.GetValues<ContactChannel>().Select(messages.ValueLabel));
        Assert.Equal(kinds.Split(' '), Enum.GetValues<AttachmentKind>().Select(messages.ValueLabel));
        Assert.Equal(string.Join("、", Enum.GetValues<ContactChannel>().Select(channel => $"{messages.ValueLabel(channel)}（{channel}）")),
            messages.ValueNames(EnumLabels<ContactChannel>.NameList));
        AssertReadBack<ContactChannel>(messages);
        AssertReadBack<AttachmentKind>(messages);
    }

    [Theory]
    [InlineData("zh-CN", "初步沟通 需求确认 方案已发 等待反馈 商务谈判 已签约 已流失")]
    [InlineData("zh-TW", "初步溝通 需求確認 方案已發 等待回覆 商務談判 已簽約 已流失")]
    [InlineData("zh-HK", "初步溝通 需求確認 方案已發 等待回覆 商務談判 已簽約 已流失")]
    public void ValueLabel_Stages_AreTheCatalogsStageNames_WhichTheReportsFunnelShowsToo(string culture, string names)
    {
        // Hong Kong and Taiwan write 回覆 where the mainland writes 反馈: a catalog names a stage its own way, with a label the
        // reader accepts (ValueLabel_EveryMemberInTraditional_IsALabelTheRecordReaderAccepts), and messages, value lists and
        // the team report's funnel all name it alike.
        var info = CultureInfo.GetCultureInfo(culture);
        var messages = MessageCatalog.For(info);
        var stages = Enum.GetValues<DealStage>();

        Assert.Equal(names.Split(' '), stages.Select(messages.ValueLabel));
        Assert.Equal(stages.Select(messages.ValueLabel), stages.Select(stage => messages.Stage(stage.ToString())));
        Assert.Equal(stages.Select(messages.ValueLabel), stages.Select(stage => ReportText.For(info).Stage(stage)));
        Assert.Equal(string.Join("、", stages.Select(stage => $"{messages.ValueLabel(stage)}（{stage}）")), messages.ValueNames(EnumLabels<DealStage>.NameList));
        AssertReadBack<DealStage>(messages);
    }

    [Theory]
    [MemberData(nameof(TraditionalCatalogs))]
    public void TraditionalCatalog_MessagesAndReportLabels_HaveNoSimplifiedCharacter(string culture)
    {
        // OpenCC left none in zh-TW, but its Hong Kong conversion wrote 客户 with 户, the Simplified character, as Hong Kong's
        // standard glyph list draws 戶. A Simplified character is one the folding table reads another character as, and that
        // Big5, the Traditional encoding of Taiwan's and Hong Kong's exports, does not have.
        var big5 = CodePagesEncodingProvider.Instance.GetEncoding(950, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)!;
        var simplifiedForms = Enumerable.Range(0x3400, 0xA000 - 0x3400).Select(c => (char)c).Where(c => TextFolding.Fold(c) != c).Select(TextFolding.Fold).ToHashSet();
        var texts = CatalogTexts($"Messages.{culture}.json").Concat(CatalogTexts($"Reporting.ReportText.{culture}"));

        var simplified = texts.SelectMany(text => text.Where(c => simplifiedForms.Contains(c) && !HongKongStandardForms.Contains(c) && !InBig5(big5, c)).Select(c => $"{c} in {text}"));

        Assert.Empty(simplified);
    }

    [Theory]
    [InlineData("反饋")]
    [InlineData("信息")]
    [InlineData("視頻")]
    [InlineData("質量")]
    [InlineData("默認")]
    [InlineData("用戶")]
    [InlineData("軟件")]
    [InlineData("客戶端")]
    public void TaiwanCatalog_MessagesAndReportLabels_HaveNoMainlandTerm(string term)
    {
        // A Taiwanese reader notices these at once (回饋 or 回覆, 資訊, 視訊, 品質, 預設, 使用者, 軟體); the stage 等待反饋 was one.
        var texts = CatalogTexts("Messages.zh-TW.json").Concat(CatalogTexts("Reporting.ReportText.zh-TW"));

        Assert.DoesNotContain(texts, text => text.Contains(term, StringComparison.Ordinal));
    }

    [Fact]
    public void TryGetSignalLabel_OtherText_GivesNothing() =>
        Assert.False(MessageCatalog.For(CultureInfo.GetCultureInfo("zh-CN")).TryGetSignalLabel("机房改造", out _));

    private static void AssertReadBack<TEnum>(MessageCatalog messages)
        where TEnum : struct, Enum =>
        Assert.All(Enum.GetValues<TEnum>(), value =>
        {
            var label = messages.ValueLabel(value);
            Assert.True(EnumLabels<TEnum>.TryParse(label, out var read) && read.Equals(value), $"{value}: {label}");
        });

    /// <summary>
    /// Characters outside Big5 (in HKSCS) that Hong Kong's standard glyph list gives for words Big5 spells otherwise: 着 for
    /// the 著 of 空着, as Hong Kong writes it.
    /// </summary>
    private const string HongKongStandardForms = "着";

    private static bool InBig5(Encoding big5, char c)
    {
        try
        {
            big5.GetBytes([c]);
            return true;
        }
        catch (EncoderFallbackException)
        {
            return false;
        }
    }

    /// <summary>Every string of an embedded catalog (messages, field labels and advice, report labels), wherever it sits in the file.</summary>
    private static List<string> CatalogTexts(string resource)
    {
        using var stream = typeof(MessageCatalog).Assembly.GetManifestResourceStream(resource)!;
        using var document = JsonDocument.Parse(stream);
        return Strings(document.RootElement).ToList();

        static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
        {
            JsonValueKind.String => [element.GetString()!],
            JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
            JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
            _ => [],
        };
    }

    private static IEnumerable<string> CatalogCultures() => typeof(MessageCatalog).Assembly.GetManifestResourceNames()
        .Where(name => name.StartsWith("Messages.", StringComparison.Ordinal) && name.EndsWith(".json", StringComparison.Ordinal))
        .Select(name => name["Messages.".Length..^".json".Length]);

    private static JsonDocument Catalog(string culture)
    {
        using var stream = typeof(MessageCatalog).Assembly.GetManifestResourceStream($"Messages.{culture}.json")!;
        return JsonDocument.Parse(stream);
    }

    /// <summary>The strings of a catalog entry: a message, or a field's label and advice.</summary>
    private static IEnumerable<string> Texts(JsonElement value) =>
        value.ValueKind == JsonValueKind.Array ? value.EnumerateArray().Select(item => item.GetString()!) : [value.GetString()!];

    /// <summary>
    /// The arguments an entry formats ({0}, {2:days}), each once, in order: by number alone, since a language may format one
    /// its own way (English counts days as "1 day", "2 days").
    /// </summary>
    private static string[] Placeholders(JsonElement value) =>
        [.. Texts(value).SelectMany(text => Placeholder().Matches(text).Select(match => match.Groups[1].Value)).Distinct().Order(StringComparer.Ordinal)];

    [GeneratedRegex(@"\{(\d+)(?:,-?\d+)?(?::[^}]*)?\}")]
    private static partial Regex Placeholder();

    private static Dictionary<string, string> Templates(string culture)
    {
        using var stream = typeof(MessageCatalog).Assembly.GetManifestResourceStream($"Messages.{culture}.json")!;
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("messages").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }
}
