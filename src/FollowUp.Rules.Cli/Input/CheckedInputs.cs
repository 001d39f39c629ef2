using FollowUp.Rules.Import;

namespace FollowUp.Rules.Cli.Input;

/// <summary>
/// The inputs of a command once <see cref="RecordSources.CheckInputs"/> has checked them. A table in a regular file was
/// closed after its header was checked and is opened again when its turn comes, so a run of thousands of files holds one
/// at a time; a table that cannot be read twice (a FIFO) keeps the reader the check opened. <see cref="RecordSources.ReadAsync"/>
/// takes each reader over; those never read are closed on disposal.
/// </summary>
internal sealed class CheckedInputs(IReadOnlyList<string> inputs) : IDisposable
{
    private readonly FollowUpTableReader?[] _tables = new FollowUpTableReader?[inputs.Count];
    private readonly (ColumnMap Map, TableReadOptions Options)?[] _closedTables = new (ColumnMap, TableReadOptions)?[inputs.Count];
    private readonly bool[] _blank = new bool[inputs.Count];
    private readonly string?[] _damaged = new string?[inputs.Count];
    private readonly List<string> _notices = [];
    private readonly List<string> _readInPart = [];
    private readonly List<string> _closingNotices = [];

    /// <summary>Gets how many rows <see cref="RecordSources.EvaluateAsync"/> found unreadable so far.</summary>
    public long Unreadable { get; set; }

    /// <summary>Gets where reading of an input stopped, the rest of it unread (<c>file.csv:row 5</c>), in order.</summary>
    public IReadOnlyList<string> ReadInPart => _readInPart;

    /// <summary>Notes that reading of an input stopped at <paramref name="location"/>.</summary>
    public void AddReadInPart(string location) => _readInPart.Add(location);

    /// <summary>Gets the number of inputs.</summary>
    public int Count => inputs.Count;

    /// <summary>Gets the name of input <paramref name="index"/>: a path, or <c>-</c> for standard input.</summary>
    public string Name(int index) => inputs[index];

    /// <summary>Gets what the user is told about the inputs before any row: a table that holds no text, a guessed encoding.</summary>
    public IReadOnlyList<string> Notices => _notices;

    /// <summary>Adds a line to tell the user about the inputs before any row.</summary>
    public void AddNotice(string notice) => _notices.Add(notice);

    /// <summary>
    /// Gets what the user is told at the end about inputs, which is known only once each is read (a FIFO cannot be looked
    /// into before): an input that held no record, a table's records with private-use characters past the first few.
    /// </summary>
    public IReadOnlyList<string> ClosingNotices => _closingNotices;

    /// <summary>Adds a line to tell the user at the end about an input.</summary>
    public void AddClosingNotice(string notice) => _closingNotices.Add(notice);

    /// <summary>Notes that input <paramref name="index"/> holds no text, so it has no rows to read.</summary>
    public void SetBlank(int index) => _blank[index] = true;

    /// <summary>Gets whether input <paramref name="index"/> holds no text, so it has no rows to read.</summary>
    public bool IsBlank(int index) => _blank[index];

    /// <summary>
    /// Notes that input <paramref name="index"/> is a table whose file is damaged (a workbook cut short), so that its turn
    /// reports it as its one unreadable row and the run goes on with the others: a damaged export is not a usage error.
    /// </summary>
    public void SetDamaged(int index, string reason) => _damaged[index] = reason;

    /// <summary>Gets why input <paramref name="index"/> cannot be read at all, or <see langword="null"/>.</summary>
    public string? Damaged(int index) => _damaged[index];

    /// <summary>Keeps the reader opened for input <paramref name="index"/>, which cannot be opened again (a FIFO).</summary>
    public void KeepTable(int index, FollowUpTableReader reader) => _tables[index] = reader;

    /// <summary>Notes that input <paramref name="index"/> is a table file whose header was checked, to be opened again with these.</summary>
    public void ReopenTable(int index, ColumnMap map, TableReadOptions options) => _closedTables[index] = (map, options);

    /// <summary>Gets whether input <paramref name="index"/> is a table whose header was checked.</summary>
    public bool IsTable(int index) => _tables[index] is not null || _closedTables[index] is not null;

    /// <summary>Hands over the reader of table <paramref name="index"/>: the one kept open, or the file opened again.</summary>
    /// <exception cref="InvalidOperationException">The input is not a table, or was taken already.</exception>
    /// <exception cref="IOException">The file cannot be opened again.</exception>
    /// <exception cref="FormatException">The file's header can no longer be read with the map.</exception>
    public FollowUpTableReader TakeTable(int index)
    {
        if (_tables[index] is { } reader)
        {
            _tables[index] = null;
            return reader;
        }

        var (map, options) = _closedTables[index] ?? throw new InvalidOperationException($"Input {index} is not a table, or was read already.");
        _closedTables[index] = null;
        return FollowUpTableReader.Open(inputs[index], map, options);
    }

    public void Dispose()
    {
        for (var i = 0; i < _tables.Length; i++)
        {
            _tables[i]?.Dispose();
            _tables[i] = null;
        }
    }
}
