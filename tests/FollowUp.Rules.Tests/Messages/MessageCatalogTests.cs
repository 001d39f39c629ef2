using System.Globalization;
using System.Reflection;
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
}
