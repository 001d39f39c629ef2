using System.ComponentModel;
using System.Reflection;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace FollowUp.Rules.Cli;

/// <summary>
/// Builds the rule set of a run from a configuration file (an appsettings.json, or a rules JSON in the shape of its
/// <c>FollowUpRules</c> section) and the section <c>--section</c> names, <c>--culture</c> and <c>--date-order</c>, with the
/// same binding a host uses, so a file that works here works in an app. check-config and the commands that evaluate
/// (<c>--config</c>) read a file through it alike.
/// </summary>
internal static class RulesFactory
{
    /// <param name="configPath">The rules JSON; <see langword="null"/> for the defaults.</param>
    /// <param name="culture">--culture, or <see langword="null"/>.</param>
    /// <param name="dateOrder">--date-order, or <see langword="null"/>.</param>
    /// <param name="configName">What a message calls the file: the option it came from, or <c>the configuration</c> for check-config's argument.</param>
    /// <param name="sectionPath">The section of the file to read (--section); <see langword="null"/> for <c>FollowUpRules</c>, which may be missing.</param>
    /// <param name="readFrom">
    /// Where in the file the options were read: the section's path, <c>""</c> for the file's top level, or
    /// <see langword="null"/> when there is no file or it has no <c>FollowUpRules</c> section, so the built-in defaults apply.
    /// </param>
    public static FollowUpRuleSet Create(string? configPath, string? culture, string? dateOrder, string configName, string? sectionPath, out string? readFrom)
    {
        var options = new FollowUpRulesOptions();
        List<string> unreadable = [];
        readFrom = configPath is null ? null : Bind(configPath, configName, sectionPath, options, unreadable);

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

        string? invalid = null;
        try
        {
            // Validated even when keys or values could not be read (they were left out), so one run names every error.
            var rules = FollowUpRuleSet.Create(options, [], readFrom ?? FollowUpRulesOptions.SectionName);
            if (unreadable.Count == 0)
            {
                return rules;
            }
        }
        catch (OptionsValidationException failed)
        {
            // Joined as Microsoft.Extensions.Options joins them: each failure is a clause without a closing period.
            invalid = $"{string.Join("; ", failed.Failures)}.";
        }

        throw new CliUsageException(unreadable.Count == 0
            ? $"invalid rules{(configPath is null ? "" : $" in '{configPath}'")}: {invalid}"
            : $"cannot use {configName} '{configPath}': {string.Join(" ", unreadable.Append(invalid).OfType<string>())}");
    }

    /// <summary>The paths of the sections named <c>FollowUpRules</c> anywhere in a file, in order: what check-config's --all-sections checks, and what --section may name.</summary>
    public static IReadOnlyList<string> FollowUpRulesSections(string configPath, string configName) =>
        [.. Load(configPath, configName).AsEnumerable()
            .Select(entry => entry.Key)
            .Where(key => key.Split(':')[^1].Equals(FollowUpRulesOptions.SectionName, StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)];

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

    private static IConfigurationRoot Load(string configPath, string configName)
    {
        if (!File.Exists(configPath))
        {
            throw new CliUsageException($"cannot read {configName} '{configPath}': {(Directory.Exists(configPath) ? "it is a directory, not a file" : "no such file")}.");
        }

        try
        {
            return new ConfigurationBuilder().AddJsonFile(Path.GetFullPath(configPath), optional: false, reloadOnChange: false).Build();
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or InvalidDataException)
        {
            throw new CliUsageException($"cannot use {configName} '{configPath}': {Reasons(exception)}");
        }
    }

    /// <summary>
    /// Binds the options from the file: the section <paramref name="sectionPath"/>, which must exist; else the
    /// <c>FollowUpRules</c> section; else the file's top level when it has keys of <see cref="FollowUpRulesOptions"/> (a rules
    /// JSON); else nothing, as a host binds a section that is not there. Misspelt keys and values that do not convert go
    /// to <paramref name="unreadable"/>, each by its full path, and are left out, so the rest can still be validated.
    /// </summary>
    /// <returns>Where the options were read, as <see cref="Create(string?, string?, string?, string, string?, out string?)"/> tells.</returns>
    private static string? Bind(string configPath, string configName, string? sectionPath, FollowUpRulesOptions options, List<string> unreadable)
    {
        var configuration = Load(configPath, configName);
        IConfiguration source;
        string readFrom;
        if (sectionPath is not null)
        {
            var section = configuration.GetSection(sectionPath);
            if (!section.Exists())
            {
                var sections = FollowUpRulesSections(configPath, configName);
                throw new CliUsageException(
                    $"{configName} '{configPath}' has no section {sectionPath}; {(sections.Count == 0 ? "it has no section named FollowUpRules" : $"its FollowUpRules sections are {string.Join(", ", sections)}")}.");
            }

            (source, readFrom) = (section, section.Path);
        }
        else if (configuration.GetSection(FollowUpRulesOptions.SectionName) is { } section && section.Exists())
        {
            (source, readFrom) = (section, section.Path);
        }
        else if (configuration.GetChildren().Any(child => typeof(FollowUpRulesOptions).GetProperty(child.Key, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is not null))
        {
            (source, readFrom) = (configuration, "");
        }
        else
        {
            return null;
        }

        var problems = Unreadable(source, typeof(FollowUpRulesOptions)).ToList();
        unreadable.AddRange(problems.Select(problem => problem.Reason));
        try
        {
            Without(source, [.. problems.Select(problem => problem.Path)]).Bind(options, binder => binder.ErrorOnUnknownConfiguration = true);
        }
        catch (Exception exception) when (exception is InvalidOperationException or FormatException or InvalidDataException)
        {
            // Something the walk below did not foresee: the binder's own words, with whatever was found before.
            throw new CliUsageException($"cannot use {configName} '{configPath}': {string.Join(" ", [.. unreadable, Reasons(exception)])}");
        }

        return readFrom;
    }

    /// <summary><paramref name="source"/> without the keys at <paramref name="paths"/> and under them; itself when there are none.</summary>
    private static IConfiguration Without(IConfiguration source, IReadOnlyList<string> paths)
    {
        if (paths.Count == 0)
        {
            return source;
        }

        var kept = source.AsEnumerable().Where(entry => !paths.Any(path => entry.Key == path || entry.Key.StartsWith(path + ":", StringComparison.Ordinal)));
        IConfiguration copy = new ConfigurationBuilder().AddInMemoryCollection(kept).Build();
        return source is IConfigurationSection section ? copy.GetSection(section.Path) : copy;
    }

    /// <summary>
    /// What the binder would refuse under <paramref name="section"/>, bound to the object <paramref name="type"/>: keys that
    /// name no property ("its full path: no such key…") and values that do not convert to their property's type, found
    /// the way the binder walks: through the properties of objects, the values of dictionaries and the items of lists,
    /// down to values it converts from text. The binder names a misspelt key only with the type it is not on
    /// ("…not found on the instance of ProfileOptions: 'StaleAfterDay'") and stops at its first failure.
    /// </summary>
    private static IEnumerable<(string Path, string Reason)> Unreadable(IConfiguration section, Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string))
        {
            yield break;
        }

        var converter = TypeDescriptor.GetConverter(type);
        if (converter.CanConvertFrom(typeof(string)))
        {
            // An empty value ("" or null in JSON) the binder leaves unbound.
            if (section is IConfigurationSection { Value: { Length: > 0 } value } leaf && !Converts(converter, value))
            {
                yield return (leaf.Path, $"{leaf.Path}: '{value}' {NotA(type)}.");
            }

            yield break;
        }

        var children = section.GetChildren();
        if (ElementType(type) is { } element)
        {
            foreach (var child in children.SelectMany(c => Unreadable(c, element)))
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
                foreach (var unreadable in Unreadable(child, property.PropertyType))
                {
                    yield return unreadable;
                }
            }
        }
    }

    /// <summary>Whether the binder reads <paramref name="value"/> with <paramref name="converter"/>: it converts invariantly.</summary>
    private static bool Converts(TypeConverter converter, string value)
    {
        try
        {
            converter.ConvertFromInvariantString(value);
            return true;
        }
        catch (Exception exception) when (exception is FormatException or ArgumentException or NotSupportedException or OverflowException
            || exception.InnerException is FormatException or OverflowException)
        {
            return false;
        }
    }

    /// <summary>What a value of <paramref name="type"/> must be, as the end of "'value' …": an enum lists its members.</summary>
    private static string NotA(Type type) => type switch
    {
        { IsEnum: true } => $"is not a member of {type.Name}; the members are {string.Join(", ", Enum.GetNames(type))}",
        _ when type == typeof(TimeSpan) => "is not a time span; write hours and minutes as [-]hh:mm, such as 08:00",
        _ when type == typeof(bool) => "is not true or false",
        _ when type == typeof(int) || type == typeof(long) => "is not a whole number",
        _ when type == typeof(double) || type == typeof(decimal) || type == typeof(float) => "is not a number",
        _ => $"does not convert to {type.Name}",
    };

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
