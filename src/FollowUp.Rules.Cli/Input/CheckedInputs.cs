using FollowUp.Rules.Import;

namespace FollowUp.Rules.Cli.Input;

/// <summary>
/// The inputs of a command once <see cref="RecordSources.CheckInputs"/> has checked them, with a reader already open for each
/// table. <see cref="RecordSources.ReadAsync"/> takes each reader over; those never read are closed on disposal.
/// </summary>
internal sealed class CheckedInputs(IReadOnlyList<string> inputs) : IDisposable
{
    private readonly FollowUpTableReader?[] _tables = new FollowUpTableReader?[inputs.Count];
    private readonly bool[] _blank = new bool[inputs.Count];
    private readonly List<string> _notices = [];
    private readonly List<string> _readInPart = [];

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

    /// <summary>Notes that input <paramref name="index"/> holds no text, so it has no rows to read.</summary>
    public void SetBlank(int index) => _blank[index] = true;

    /// <summary>Gets whether input <paramref name="index"/> holds no text, so it has no rows to read.</summary>
    public bool IsBlank(int index) => _blank[index];

    /// <summary>Keeps the reader opened for input <paramref name="index"/>.</summary>
    public void SetTable(int index, FollowUpTableReader reader) => _tables[index] = reader;

    /// <summary>Hands over the reader of input <paramref name="index"/>, or <see langword="null"/> when it is not a table.</summary>
    public FollowUpTableReader? TakeTable(int index)
    {
        var reader = _tables[index];
        _tables[index] = null;
        return reader;
    }

    public void Dispose()
    {
        for (var i = 0; i < _tables.Length; i++)
        {
            TakeTable(i)?.Dispose();
        }
    }
}
