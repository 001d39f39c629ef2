using System.Text.Json;
using System.Text.Json.Serialization;

namespace FollowUp.Rules.Cli;

[JsonSerializable(typeof(JsonElement))]
internal sealed partial class FollowUpCliJsonContext : JsonSerializerContext;
