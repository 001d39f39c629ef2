namespace FollowUp.Rules.Import;

/// <summary>
/// A header column no map entry reads that looks like fields the map reads but no column fills, so they are left empty:
/// see <see cref="FollowUpTableReader.LookalikeColumns"/>.
/// </summary>
public sealed class LookalikeColumn
{
    internal LookalikeColumn(string column, IReadOnlyList<string> fields)
    {
        Column = column;
        Fields = fields;
    }

    /// <summary>Gets the column's name, as the header has it.</summary>
    public string Column { get; }

    /// <summary>Gets the fields it looks like, in the notation of SPEC §1 (<c>customer.name</c>, <c>communications[0].contact</c>).</summary>
    public IReadOnlyList<string> Fields { get; }

    /// <summary>Returns the column and the fields it looks like.</summary>
    /// <returns><c>Column (field, field)</c>.</returns>
    public override string ToString() => $"{Column} ({string.Join(", ", Fields)})";
}
