using System.Globalization;
using System.Reflection;
using System.Text.Json;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Messages;

namespace FollowUp.Rules.Tests.Messages;

public sealed class MessageCatalogTests
{
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
    public void Messages_BothCultures_HaveTheSameIds() =>
        Assert.Equal(Templates("zh-CN").Keys.Order(), Templates("en").Keys.Order());

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
    [InlineData("en", "Friday")]
    public void Weekday_BothCultures_NameEachDayOnce(string culture, string friday)
    {
        var messages = MessageCatalog.For(CultureInfo.GetCultureInfo(culture));

        Assert.Equal(friday, messages.Weekday(DayOfWeek.Friday));
        Assert.Equal(7, Enum.GetValues<DayOfWeek>().Select(messages.Weekday).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData("zh-CN", "ContactChange", "对接人变动")]
    [InlineData("en", "contactchange", "contact changed")]
    public void TryGetSignalLabel_SignalCode_GivesItsLabel(string culture, string code, string label)
    {
        var messages = MessageCatalog.For(CultureInfo.GetCultureInfo(culture));

        Assert.True(messages.TryGetSignalLabel(code, out var found));
        Assert.Equal(label, found);
    }

    [Fact]
    public void TryGetSignalLabel_OtherText_GivesNothing() =>
        Assert.False(MessageCatalog.For(CultureInfo.GetCultureInfo("zh-CN")).TryGetSignalLabel("机房改造", out _));

    private static Dictionary<string, string> Templates(string culture)
    {
        using var stream = typeof(MessageCatalog).Assembly.GetManifestResourceStream($"Messages.{culture}.json")!;
        using var document = JsonDocument.Parse(stream);
        return document.RootElement.GetProperty("messages").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
    }
}
