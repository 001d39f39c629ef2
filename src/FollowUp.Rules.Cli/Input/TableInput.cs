using FollowUp.Rules.Import;

namespace FollowUp.Rules.Cli.Input;

/// <summary>How CSV, TSV and .xlsx inputs are read: the column map and the reading options from --map, --sheet and --encoding.</summary>
/// <param name="Map">The column map; <see cref="ColumnMap.Empty"/> without --map.</param>
/// <param name="Options">The sheet and encoding.</param>
/// <param name="Given">Whether any of --map, --sheet or --encoding was given, which then needs a table among the inputs.</param>
internal sealed record TableInput(ColumnMap Map, TableReadOptions Options, bool Given)
{
    /// <summary>Gets the reading of tables when none of the options is given: columns named like field paths.</summary>
    public static TableInput Default { get; } = new(ColumnMap.Empty, new TableReadOptions(), Given: false);
}
