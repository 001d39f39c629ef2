using FollowUp.Rules.Import;

namespace FollowUp.Rules.Cli.Input;

/// <summary>How CSV, TSV and .xlsx inputs are read: the column map and the reading options from --map, --sheet and --encoding.</summary>
/// <param name="Map">The column map; <see cref="ColumnMap.Empty"/> without --map.</param>
/// <param name="Options">The sheet and encoding.</param>
/// <param name="MapGiven">Whether --map was given, which then needs a table among the inputs.</param>
internal sealed record TableInput(ColumnMap Map, TableReadOptions Options, bool MapGiven)
{
    /// <summary>Gets the reading of tables when none of the options is given: columns named like field paths.</summary>
    public static TableInput Default { get; } = new(ColumnMap.Empty, new TableReadOptions(), MapGiven: false);

    /// <summary>
    /// Throws <see cref="CliUsageException"/> when --map, --sheet or --encoding was given and no input is of a format it
    /// applies to, so an option a user typed is never silently ignored. Formats go by extension; standard input is JSON.
    /// The first such option is named, in the order of the help.
    /// </summary>
    public void CheckApplies(IReadOnlyList<string> inputs)
    {
        var formats = inputs.Where(input => input != "-").Select(FollowUpTableReader.GetFormat).ToHashSet();
        var unused = MapGiven && formats.All(format => format is null) ? "--map applies to .csv, .tsv and .xlsx inputs"
            : Options.Sheet is not null && !formats.Contains(TableFormat.Xlsx) ? "--sheet applies to .xlsx inputs"
            : Options.Encoding is not null && !formats.Contains(TableFormat.Csv) && !formats.Contains(TableFormat.Tsv) ? "--encoding applies to .csv and .tsv inputs"
            : null;
        if (unused is not null)
        {
            throw new CliUsageException($"{unused}, and no input is one.");
        }
    }
}
