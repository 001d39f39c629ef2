using FollowUp.Rules.Import;

namespace FollowUp.Rules.Samples.ImportGate;

/// <summary>One run of the gate: which export to read, how, and which database to write.</summary>
/// <param name="InputPath">The CRM export: <c>.csv</c>, <c>.tsv</c> or <c>.xlsx</c>.</param>
/// <param name="DatabasePath">The SQLite database file; created, with its tables, when it does not exist.</param>
public sealed record ImportJob(string InputPath, string DatabasePath)
{
    /// <summary>The default of <see cref="BatchSize"/>.</summary>
    public const int DefaultBatchSize = 500;

    /// <summary>Gets the column map that turns the export's columns into record fields.</summary>
    /// <value><see langword="null"/> (the default) for <see cref="ColumnMap.Empty"/>: only columns named like field paths are read.</value>
    public ColumnMap? Map { get; init; }

    /// <summary>Gets how the map was named (a bundled map's name or a file path), recorded in the <c>imports</c> table.</summary>
    /// <value><see langword="null"/> (the default) when no map is recorded.</value>
    public string? MapName { get; init; }

    /// <summary>Gets the encoding, separator and worksheet to read the export with.</summary>
    /// <value><see langword="null"/> (the default) for detection and the map's sheet.</value>
    public TableReadOptions? ReadOptions { get; init; }

    /// <summary>Gets how many results (records and unreadable rows) are written per transaction.</summary>
    /// <value><see cref="DefaultBatchSize"/>. A record grouped from several rows counts once.</value>
    public int BatchSize { get; init; } = DefaultBatchSize;
}
