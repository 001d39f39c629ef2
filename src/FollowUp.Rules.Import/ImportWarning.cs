namespace FollowUp.Rules.Import;

/// <summary>
/// Something about a record read from a table that a host loading it should know, though the record itself is whole: its
/// id is another record's too, its group's rows held several ids, or its cells hold private-use characters. See
/// <see cref="ImportedRecord.Warnings"/>.
/// </summary>
public sealed class ImportWarning
{
    internal ImportWarning(string code, string message, int rows = 0, string? characters = null)
    {
        Code = code;
        Message = message;
        Rows = rows;
        Characters = characters;
    }

    /// <summary>Gets what the warning is about, one of <see cref="ImportWarningCodes"/>.</summary>
    public string Code { get; }

    /// <summary>Gets the warning as one sentence, naming the ids and rows it is about.</summary>
    public string Message { get; }

    /// <summary>Gets how many rows of the table a <see cref="ImportWarningCodes.PrivateUseCharacters"/> warning is about; 0 for the other codes.</summary>
    internal int Rows { get; }

    /// <summary>Gets the distinct private-use characters a <see cref="ImportWarningCodes.PrivateUseCharacters"/> warning names; <see langword="null"/> for the other codes.</summary>
    internal string? Characters { get; }

    /// <summary>Quotes an id or key from the table in a message, cut short with … past 40 characters.</summary>
    internal static string Quote(string value)
    {
        const int Quoted = 40;
        var cut = value.Length <= Quoted ? value.Length : char.IsHighSurrogate(value[Quoted - 1]) ? Quoted - 1 : Quoted;
        return cut < value.Length ? $"'{value[..cut]}…'" : $"'{value}'";
    }

    /// <summary>Returns the code and the message.</summary>
    /// <returns><c>Code: Message</c>.</returns>
    public override string ToString() => $"{Code}: {Message}";
}
