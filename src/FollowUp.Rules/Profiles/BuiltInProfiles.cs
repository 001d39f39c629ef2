using System.Text.Json;
using System.Text.Json.Serialization;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Grading;

namespace FollowUp.Rules.Profiles;

/// <summary>The four shipped profiles, read once from embedded data in the same shape as configuration.</summary>
internal static class BuiltInProfiles
{
    public const string ToB = "ToB";
    public const string ToC = "ToC";
    public const string Project = "Project";
    public const string ECommerce = "ECommerce";

    private static readonly Lazy<IReadOnlyDictionary<string, ProfileOptions>> LazyDefinitions = new(Load);

    /// <summary>Gets the built-in definitions, by name (case-insensitive).</summary>
    public static IReadOnlyDictionary<string, ProfileOptions> Definitions => LazyDefinitions.Value;

    private static Dictionary<string, ProfileOptions> Load()
    {
        using var stream = typeof(BuiltInProfiles).Assembly.GetManifestResourceStream("BuiltInProfiles.json")
            ?? throw new InvalidOperationException("The embedded built-in profiles are missing from the assembly.");
        var profiles = JsonSerializer.Deserialize(stream, ProfileJsonContext.Default.DictionaryStringProfileOptions)
            ?? throw new InvalidDataException("The embedded built-in profiles are empty.");
        return new Dictionary<string, ProfileOptions>(profiles, StringComparer.OrdinalIgnoreCase);
    }
}

[JsonSourceGenerationOptions(
    JsonSerializerDefaults.Web,
    PreferredObjectCreationHandling = JsonObjectCreationHandling.Populate,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(Dictionary<string, ProfileOptions>))]
[JsonSerializable(typeof(FollowUpStep))]
[JsonSerializable(typeof(GradeComponent))]
internal sealed partial class ProfileJsonContext : JsonSerializerContext;
