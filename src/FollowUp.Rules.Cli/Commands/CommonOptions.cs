using System.CommandLine;

namespace FollowUp.Rules.Cli.Commands;

/// <summary>The options every command takes.</summary>
internal sealed class CommonOptions
{
    public Argument<string[]> Inputs { get; } = new("input")
    {
        Description = "Records to read: JSON Lines (.jsonl) or a JSON array (.json); '-' reads standard input. Several inputs are read in order.",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "Evaluate every record with this profile (ToB, ToC, Project, ECommerce or one from --config), whatever its scenario says.",
        HelpName = "name",
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "Rules JSON in the shape of the FollowUpRules appsettings section: custom profiles, weights, thresholds, lexicon changes.",
        HelpName = "file",
    };

    public Option<string?> Now { get; } = new("--now")
    {
        Description = "Evaluate as if it were this time (ISO-8601, e.g. 2026-11-26T12:00:00+08:00), for reproducible results. Default: the clock.",
        HelpName = "time",
    };

    public Option<string?> Culture { get; } = new("--culture")
    {
        Description = "Language of messages: zh-CN (default) or en.",
        HelpName = "zh-CN|en",
    };

    public Option<string?> Output { get; } = new("--output", "-o")
    {
        Description = "Write to this file instead of standard output.",
        HelpName = "file",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Inputs);
        command.Options.Add(Profile);
        command.Options.Add(Config);
        command.Options.Add(Now);
        command.Options.Add(Culture);
        command.Options.Add(Output);
    }

    /// <summary>Builds the evaluator of a run from the parsed options; a mistake throws <see cref="CliUsageException"/>.</summary>
    public (FollowUpEvaluator Evaluator, string? Profile) CreateEvaluator(ParseResult parse)
    {
        var rules = RulesFactory.Create(parse.GetValue(Config), parse.GetValue(Culture));
        var profile = parse.GetValue(Profile);
        if (profile is not null && !rules.Profiles.ContainsKey(profile))
        {
            throw new CliUsageException($"--profile '{profile}' names no profile; known profiles: {string.Join(", ", rules.Profiles.Keys.Order(StringComparer.Ordinal))}.");
        }

        var now = RulesFactory.ParseNow(parse.GetValue(Now));
        TimeProvider time = now is { } fixedNow ? new FixedTimeProvider(fixedNow) : TimeProvider.System;
        return (new FollowUpEvaluator(rules, time), profile);
    }

    public Stream OpenOutput(ParseResult parse, CliConsole console)
    {
        var path = parse.GetValue(Output);
        if (path is null)
        {
            return new BufferedStream(console.Output, 1 << 16);
        }

        try
        {
            return new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot write --output '{path}': {exception.Message}");
        }
    }
}
