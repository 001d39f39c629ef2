using System.Text.Json;

namespace FollowUp.Rules.Cli.Tests.Infrastructure;

internal static class JsonValues
{
    /// <summary>Parses one JSON value into an element that outlives its document.</summary>
    public static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>Gets the strings of an array member.</summary>
    public static IReadOnlyList<string> Strings(this JsonElement array) => [.. array.EnumerateArray().Select(item => item.GetString()!)];

    /// <summary>Gets whether the text holds a CJK ideograph, the mark of a Chinese message.</summary>
    public static bool HasChinese(string text) => text.Any(c => c is >= '\u4E00' and <= '\u9FFF');
}
