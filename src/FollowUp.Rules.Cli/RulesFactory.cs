using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace FollowUp.Rules.Cli;

/// <summary>
/// Builds the rule set of a run from <c>--config</c> (a rules JSON in the shape of the <c>FollowUpRules</c> appsettings section),
/// <c>--culture</c> and <c>--date-order</c>, with the same binding a host uses, so a file that works here works in an app.
/// </summary>
internal static class RulesFactory
{
    /// <param name="configPath">The rules JSON; <see langword="null"/> for the defaults.</param>
    /// <param name="culture">--culture, or <see langword="null"/>.</param>
    /// <param name="dateOrder">--date-order, or <see langword="null"/>.</param>
    /// <param name="configName">What a message calls the file: the option it came from, or <c>the configuration</c> for check-config's argument.</param>
    public static FollowUpRuleSet Create(string? configPath, string? culture, string? dateOrder, string configName = "--config")
    {
        var options = new FollowUpRulesOptions();
        if (configPath is not null)
        {
            Bind(configPath, configName, options);
        }

        if (culture is not null)
        {
            // An option's mistake is named as the option, as --profile's and --now's are, not as the configuration key it sets.
            if (!FollowUpRulesOptionsValidator.IsChineseOrEnglish(culture))
            {
                throw new CliUsageException(FollowUpRulesOptionsValidator.InvariantGlobalization
                    ? $"--culture '{culture}' {FollowUpRulesOptionsValidator.InvariantGlobalizationProblem}."
                    : $"--culture '{culture}' is not a Chinese (zh, zh-CN, zh-TW, zh-HK…) or English (en, en-US, en-GB…) culture.");
            }

            options.Culture = culture;
        }

        if (dateOrder is not null)
        {
            // By name only, in any case: a number (1) would say nothing of which order is meant.
            options.DateOrder = Enum.GetNames<DateOrder>().FirstOrDefault(name => string.Equals(name, dateOrder, StringComparison.OrdinalIgnoreCase)) is { } name
                ? Enum.Parse<DateOrder>(name)
                : throw new CliUsageException($"--date-order '{dateOrder}' is not a date order; use {string.Join(", ", Enum.GetNames<DateOrder>())}.");
        }

        try
        {
            return FollowUpRuleSet.Create(options);
        }
        catch (OptionsValidationException invalid)
        {
            // Joined as Microsoft.Extensions.Options joins them: each failure is a clause without a closing period.
            throw new CliUsageException($"invalid rules{(configPath is null ? "" : $" in '{configPath}'")}: {string.Join("; ", invalid.Failures)}.");
        }
    }

    public static DateTimeOffset? ParseNow(string? now, TimeSpan defaultUtcOffset)
    {
        if (now is null)
        {
            return null;
        }

        // Read as the records' times are, by the same parser: without an offset, in the rules' DefaultUtcOffset, not in UTC.
        return Timestamp.Parse(now).Resolve(defaultUtcOffset)
            ?? throw new CliUsageException($"--now '{now}' is not an ISO-8601 date and time of the years 1900 to 2200, such as 2026-11-26T12:00:00+08:00.");
    }

    private static void Bind(string configPath, string configName, FollowUpRulesOptions options)
    {
        if (!File.Exists(configPath))
        {
            throw new CliUsageException($"cannot read {configName} '{configPath}': {(Directory.Exists(configPath) ? "it is a directory, not a file" : "no such file")}.");
        }

        IConfiguration? root = null;
        try
        {
            var configuration = new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(configPath), optional: false, reloadOnChange: false).Build();
            var section = configuration.GetSection(FollowUpRulesOptions.SectionName);
            root = section.Exists() ? section : configuration;
            root.Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or InvalidDataException)
        {
            // The binder names a misspelt key only with the type it is not on ("…not found on the instance of
            // ProfileOptions: 'StaleAfterDay'"), not which profile, and stops at its first failure. Once it has failed, look
            // for every such key ourselves and name each by its full path; with none, its own message stands. A value that
            // does not convert is found by binding again with the misspelt keys ignored, so one run names both.
            var unknown = root is null ? [] : UnknownKeys(root, typeof(FollowUpRulesOptions)).ToList();
            var reasons = unknown.Count == 0 ? Reasons(exception)
                : string.Join(" ", unknown.Select(key => key.Reason).Append(ConversionFailure(root!, [.. unknown.Select(key => key.Path)])).OfType<string>());
            throw new CliUsageException($"cannot use {configName} '{configPath}': {reasons}");
        }
    }

    /// <summary>
    /// Why the values under <paramref name="root"/> do not convert, the <paramref name="unknownPaths"/> left out; <see langword="null"/>
    /// when they all do. The binder skips a profile that fails unless unknown keys are errors too, hence the keys left out.
    /// </summary>
    private static string? ConversionFailure(IConfiguration root, IReadOnlyList<string> unknownPaths)
    {
        var known = root.AsEnumerable().Where(entry => !unknownPaths.Any(path => entry.Key == path || entry.Key.StartsWith(path + ":", StringComparison.Ordinal)));
        IConfiguration filtered = new ConfigurationBuilder().AddInMemoryCollection(known).Build();
        try
        {
            (root is IConfigurationSection section ? filtered.GetSection(section.Path) : filtered)
                .Bind(new FollowUpRulesOptions(), binder => binder.ErrorOnUnknownConfiguration = true);
            return null;
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or InvalidDataException)
        {
            return Reasons(exception);
        }
    }

    /// <summary>
    /// The keys under <paramref name="section"/> that name no property of the object <paramref name="type"/> they would be
    /// bound to, each as "its full path: no such key…", found the way the binder walks: through the properties of objects,
    /// the values of dictionaries and the items of lists, down to values it converts from text.
    /// </summary>
    private static IEnumerable<(string Path, string Reason)> UnknownKeys(IConfiguration section, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string)))
        {
            yield break;
        }

        var children = section.GetChildren();
        if (ElementType(type) is { } element)
        {
            foreach (var child in children.SelectMany(c => UnknownKeys(c, element)))
            {
                yield return child;
            }

            yield break;
        }

        var properties = type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.GetIndexParameters().Length == 0).ToArray();
        foreach (var child in children)
        {
            var property = properties.FirstOrDefault(p => string.Equals(p.Name, child.Key, StringComparison.OrdinalIgnoreCase));
            if (property is null)
            {
                yield return (child.Path, $"{child.Path}: no such key; the keys of {type.Name} are {string.Join(", ", properties.Select(p => p.Name))}.");
            }
            else
            {
                foreach (var unknown in UnknownKeys(child, property.PropertyType))
                {
                    yield return unknown;
                }
            }
        }
    }

    /// <summary>The type of the values of a dictionary, or of the items of a list; <see langword="null"/> for other types.</summary>
    private static Type? ElementType(Type type)
    {
        Type[] interfaces = [.. type.IsInterface ? [type] : Type.EmptyTypes, .. type.GetInterfaces()];
        return interfaces.FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDictionary<,>))?.GenericTypeArguments[1]
            ?? interfaces.FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GenericTypeArguments[0];
    }

    /// <summary>
    /// The messages of an exception and all its inner ones, each once. The configuration binder and the JSON provider put
    /// the useful part one or two levels under a generic message: the key whose value failed to convert
    /// (<c>'FollowUpRules:Profiles:K:StaleAfterDays'</c>), the value no enum knows (<c>'Nope'</c>), where the JSON broke.
    /// </summary>
    private static string Reasons(Exception exception)
    {
        var reasons = new List<string>();
        for (var current = exception; current is not null; current = current.InnerException)
        {
            var reason = current.Message.ReplaceLineEndings(" ").Trim();
            if (current is JsonException { LineNumber: { } line, BytePositionInLine: { } position })
            {
                // System.Text.Json counts from 0 ("LineNumber: 2 | BytePositionInLine: 28" is line 3, byte 29): say where as
                // an editor counts, as the errors of JSON inputs do.
                var tail = reason.IndexOf(" Path: ", StringComparison.Ordinal) is >= 0 and var path ? path : reason.IndexOf(" LineNumber: ", StringComparison.Ordinal);
                reason = $"Line {line + 1}, byte {position + 1}: {(tail >= 0 ? reason[..tail].TrimEnd() : reason)}";
            }

            if (reason.Length > 0 && !reasons.Contains(reason, StringComparer.Ordinal))
            {
                reasons.Add(reason);
            }
        }

        return string.Join(" ", reasons);
    }
}
