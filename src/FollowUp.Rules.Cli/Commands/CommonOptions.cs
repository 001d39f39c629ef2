using System.CommandLine;
using FollowUp.Rules.Cli.Input;
using FollowUp.Rules.Cli.Output;
using FollowUp.Rules.Import;

namespace FollowUp.Rules.Cli.Commands;

/// <summary>The options every command takes.</summary>
internal sealed class CommonOptions
{
    public Argument<string[]> Inputs { get; } = new("input")
    {
        Description = "Records to read: JSON Lines (.jsonl) or a JSON array (.json), and CRM exports as CSV (.csv), TSV (.tsv) or Excel (.xlsx) " +
            "read with --map; '-' reads JSON from standard input (closed with <&-: exit 1). Several inputs are read in order.",
        Arity = ArgumentArity.OneOrMore,
    };

    public Option<string?> Profile { get; } = new("--profile")
    {
        Description = "Evaluate every record with this profile (ToB, ToC, Project, ECommerce or one from --config), whatever its scenario says.",
        HelpName = "name",
    };

    public Option<string?> Config { get; } = new("--config")
    {
        Description = "Rules JSON: an appsettings.json, whose FollowUpRules section is read (without one the built-in rules apply, with a warning), or a file in the shape of that section: custom profiles, weights, thresholds, lexicon changes. Read as check-config reads it.",
        HelpName = "file",
    };

    public Option<string?> Section { get; } = new("--section")
    {
        Description = "Read this section of --config instead of FollowUpRules, as a host binds a named set of rules from it (Tenants:sg:FollowUpRules); " +
            "it must exist, and its errors name its keys by their full path. Needs --config.",
        HelpName = "path",
    };

    public Option<string?> Now { get; } = new("--now")
    {
        Description = "Evaluate as if it were this time (ISO-8601, e.g. 2026-11-26T12:00:00+08:00; without an offset, in the rules' " +
            "DefaultUtcOffset, UTC+08:00 unless configured), for reproducible results. Default: the clock.",
        HelpName = "time",
    };

    public Option<string?> Culture { get; } = new("--culture")
    {
        Description = "Language of messages and report labels: zh-CN (default), zh-TW (Traditional Chinese, Taiwan wording), zh-HK (Traditional Chinese, Hong Kong wording) or en; zh-MO gets the Hong Kong wording, zh-Hant the Taiwan wording, any other Chinese culture (zh-SG) the Simplified, any English one (en-US) the English.",
        HelpName = "zh-CN|zh-TW|zh-HK|en",
    };

    public Option<string?> DateOrder { get; } = new("--date-order")
    {
        Description = "How numeric dates with the year last are read: YearFirst (default: not read, since 05/11/2026 is 5 November in one " +
            "export and 11 May in another), DayFirst (20/11/2026, as Hong Kong exports write them) or MonthFirst (11/20/2026). Dates that " +
            "start with their year (2026/11/20, 民國115年11月20日) read the same in every order. Overrides DateOrder of --config.",
        HelpName = "YearFirst|DayFirst|MonthFirst",
    };

    public Option<string?> Output { get; } = new("--output", "-o")
    {
        Description = "Write to this file instead of standard output.",
        HelpName = "file",
    };

    public Option<string?> Map { get; } = new("--map")
    {
        Description = "Column map for .csv, .tsv and .xlsx inputs: a JSON file that turns the export's columns into record fields, or a bundled map: " +
            "followup-zh (中文 CRM 跟进记录: 关联客户, 跟进时间, 跟进方式, 跟进内容, 下次跟进时间 …, and Taiwan's and Hong Kong's 聯絡人, 職稱, 電郵, 下次跟進日期 …), followup-zh-shop (a shop's order follow-ups: one record per row, 订单号 as the id, 买家姓名, 订单状态, 售后状态 …) or followup-en. " +
            "Without it, only columns named like field paths (customer.company, communications[0].summary) are read. " +
            "Columns of the map a header lacks are warned of (their fields stay empty), unless the map lists the field as optional; " +
            "so are the header's unread columns that look like an optional field no column fills (客戶聯絡窗口, Primary Mobile). " +
            "The map format: samples/data/maps/README.md in the repository.",
        HelpName = "file|name",
    };

    public Option<string?> Sheet { get; } = new("--sheet")
    {
        Description = "Worksheet to read from .xlsx inputs. Default: the map's sheet, else the first sheet that is not hidden.",
        HelpName = "name",
    };

    public Option<string?> Encoding { get; } = new("--encoding")
    {
        Description = "Text encoding of .csv and .tsv inputs, such as utf-8, gb18030, gbk or big5. Default: detected (a byte order mark, else UTF-16 without one as SQL Server's bcp -w writes it, else UTF-8 unless the bytes read far better as GB18030 or Big5, told apart by how much of the text each reads as common Chinese characters; a guess other than UTF-8 is named on standard error, as a warning when the evidence is weak). big5-hkscs is refused: .NET cannot decode it, so save such a file as UTF-8.",
        HelpName = "name",
    };

    public void AddTo(Command command)
    {
        command.Arguments.Add(Inputs);
        command.Options.Add(Profile);
        command.Options.Add(Config);
        command.Options.Add(Section);
        command.Options.Add(Now);
        command.Options.Add(Culture);
        command.Options.Add(DateOrder);
        command.Options.Add(Output);
        command.Options.Add(Map);
        command.Options.Add(Sheet);
        command.Options.Add(Encoding);
        command.Validators.Add(result =>
        {
            if (result.GetResult(Section) is not null && result.GetResult(Config) is null)
            {
                result.AddError("--section names a section of the --config file, and there is none: add --config FILE.");
            }
        });
    }

    /// <summary>
    /// Builds the evaluator of a run from the parsed options; a mistake throws <see cref="CliUsageException"/>. The --config
    /// file is read as check-config reads it, --section too. A file with no FollowUpRules section (and no keys of one at its
    /// top level) leaves the built-in rules, as a host's appsettings.json without the section does, and says so on
    /// <paramref name="error"/>, naming the sections deeper in the file that --section could read.
    /// </summary>
    public (FollowUpEvaluator Evaluator, string? Profile) CreateEvaluator(ParseResult parse, TextWriter error)
    {
        var config = parse.GetValue(Config);
        var rules = RulesFactory.Create(config, parse.GetValue(Culture), parse.GetValue(DateOrder), "--config", parse.GetValue(Section), out var readFrom);
        if (config is not null && readFrom is null)
        {
            var sections = RulesFactory.FollowUpRulesSections(config, "--config");
            error.WriteLine($"{config}: warning: --config has no FollowUpRules section, so the built-in rules apply."
                + (sections.Count == 0 ? "" : $" It has FollowUpRules sections at {string.Join(", ", sections)}: read one with --section."));
        }

        var profile = parse.GetValue(Profile);
        if (profile is not null)
        {
            // A name or an alias, as a record's scenario may give it (--profile 电商).
            profile = rules.TryGetProfile(profile, out var named) && !string.IsNullOrWhiteSpace(profile)
                ? named.Name
                : throw new CliUsageException($"--profile '{profile}' names no profile; known profiles: {string.Join(", ", rules.Profiles.Keys.Order(StringComparer.Ordinal))}.");
        }

        var now = RulesFactory.ParseNow(parse.GetValue(Now), rules.DefaultUtcOffset);
        TimeProvider time = now is { } fixedNow ? new FixedTimeProvider(fixedNow) : TimeProvider.System;
        return (new FollowUpEvaluator(rules, time), profile);
    }

    /// <summary>
    /// Reads --map, --sheet and --encoding, with the rules' date order; a map that cannot be loaded or an unknown encoding throws
    /// <see cref="CliUsageException"/>.
    /// </summary>
    public TableInput CreateTableInput(ParseResult parse, DateOrder dateOrder)
    {
        var mapName = parse.GetValue(Map);
        var sheet = parse.GetValue(Sheet);
        var encodingName = parse.GetValue(Encoding);
        if (mapName is null && sheet is null && encodingName is null && dateOrder == Rules.DateOrder.YearFirst)
        {
            return TableInput.Default;
        }

        // The rules' date order also orders the rows the map joins into one customer's record, by their latest contact.
        return new TableInput(
            LoadMap(mapName), new TableReadOptions { Sheet = sheet, Encoding = ResolveEncoding(encodingName), DateOrder = dateOrder }, MapGiven: mapName is not null);
    }

    private static ColumnMap LoadMap(string? name)
    {
        if (name is null)
        {
            return ColumnMap.Empty;
        }

        try
        {
            return ColumnMap.Resolve(name);
        }
        catch (ArgumentException exception)
        {
            throw new CliUsageException($"--map {exception.Message}");
        }
        catch (Exception exception) when (exception is FormatException or IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"--map: {exception.Message}");
        }
    }

    private static System.Text.Encoding? ResolveEncoding(string? name)
    {
        try
        {
            return name is null ? null : TableEncodings.GetEncoding(name);
        }
        catch (ArgumentException exception)
        {
            throw new CliUsageException($"--encoding: {exception.Message.Split(" (Parameter", 2)[0]}");
        }
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
            return OutputFile.Open(path, console.Output);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new CliUsageException($"cannot write --output '{path}': {exception.Message}");
        }
    }
}
