namespace FollowUp.Rules;

/// <summary>The configuration section the options of <paramref name="Name"/> are bound from, as the host told it, for messages to name its keys.</summary>
/// <param name="Name">The options' name: empty for the default ones.</param>
/// <param name="Path">The section's path: <c>Tenants:sg:FollowUpRules</c>.</param>
internal sealed record FollowUpRulesSectionPath(string Name, string Path);
