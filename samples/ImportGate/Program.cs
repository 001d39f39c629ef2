using System.CommandLine;
using FollowUp.Rules;
using FollowUp.Rules.Import;
using FollowUp.Rules.Samples.ImportGate;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

// dotnet run --project samples/ImportGate -- <export.csv|.xlsx> [--map <map.json|name>] [--db <path>] [--batch-size N] [--now <time>]
// Exit codes: 0 every row accepted, 3 some rows quarantined, 2 a usage or input error (nothing written), 1 a database error.
var export = new Argument<FileInfo>("export") { Description = "The CRM export: .csv, .tsv or .xlsx." }.AcceptExistingOnly();
export.Validators.Add(result =>
{
    // The token, not the value: converting a file AcceptExistingOnly has already refused would throw.
    if (result.Tokens is [{ Value: var path }] && FollowUpTableReader.GetFormat(Path.GetFileName(path)) is null)
    {
        result.AddError($"'{Path.GetFileName(path)}' is not a .csv, .tsv or .xlsx file.");
    }
});
var mapOption = new Option<string?>("--map")
{
    Description = $"Column map: a JSON file, or a bundled map ({string.Join(", ", ColumnMap.BuiltInNames)}). Default: columns named like field paths.",
    HelpName = "file|name",
};
var dbOption = new Option<FileInfo>("--db")
{
    Description = "SQLite database to write; created with its tables when missing.",
    HelpName = "path",
    DefaultValueFactory = _ => new FileInfo("import-gate.db"),
};
var batchSizeOption = new Option<int>("--batch-size")
{
    Description = "Results written per transaction.",
    HelpName = "N",
    DefaultValueFactory = _ => ImportJob.DefaultBatchSize,
};
batchSizeOption.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() < 1)
    {
        result.AddError("--batch-size must be at least 1.");
    }
});
var nowOption = new Option<DateTimeOffset?>("--now")
{
    Description = "Grade as if it were this time (ISO 8601, such as the export's date) and stamp the rows with it. Default: the clock.",
    HelpName = "time",
};

var root = new RootCommand("ImportGate: evaluates every row of a CRM export and writes accepted and quarantined records to SQLite.")
{
    export, mapOption, dbOption, batchSizeOption, nowOption,
};
root.SetAction(parse =>
{
    // A map file when one is there, else a bundled map by name.
    ColumnMap? map = null;
    var mapName = parse.GetValue(mapOption);
    try
    {
        map = mapName is null ? null : ColumnMap.Resolve(mapName);
    }
    catch (ArgumentException exception)
    {
        return Fail(2, $"--map {exception.Message}");
    }
    catch (Exception exception) when (exception is FormatException or IOException or UnauthorizedAccessException)
    {
        return Fail(2, $"--map: {exception.Message}");
    }

    // 1. Register FollowUp.Rules, with its rules bound from appsettings.json (section "FollowUpRules"), and the gate.
    //    The host gets no args: the command line above is the program's own.
    var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory });
    builder.Services.AddFollowUpRules();
    builder.Services.Configure<FollowUpRulesOptions>(
        builder.Configuration.GetSection(FollowUpRulesOptions.SectionName), binder => binder.ErrorOnUnknownConfiguration = true);
    if (parse.GetValue(nowOption) is { } now)
    {
        builder.Services.AddSingleton<TimeProvider>(new FixedTimeProvider(now));
    }

    builder.Services.AddSingleton<FollowUpImportGate>();
    using var host = builder.Build();

    // 2. Run the gate and print one line.
    var job = new ImportJob(parse.GetRequiredValue(export).FullName, parse.GetRequiredValue(dbOption).FullName)
    {
        Map = map,
        MapName = mapName,
        BatchSize = parse.GetValue(batchSizeOption),
    };
    try
    {
        var summary = host.Services.GetRequiredService<FollowUpImportGate>().Run(job);
        Console.WriteLine(summary);
        return summary.Quarantined > 0 ? 3 : 0;
    }
    catch (Exception exception) when (exception is OptionsValidationException or FormatException or IOException)
    {
        return Fail(2, exception.Message);
    }
    catch (SqliteException exception)
    {
        return Fail(1, $"{job.DatabasePath}: {exception.Message}");
    }
});

var parse = root.Parse(args);
if (parse.Errors.Count > 0)
{
    return Fail(2, $"{parse.Errors[0].Message} Run with --help for usage.");
}

return parse.Invoke();

static int Fail(int exitCode, string message)
{
    Console.Error.WriteLine($"import-gate: {message.ReplaceLineEndings(" ")}");
    return exitCode;
}
