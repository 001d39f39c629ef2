using System.Collections.Frozen;

namespace FollowUp.Rules.Import.Text;

/// <summary>
/// Traditional Chinese characters to their Simplified forms, from the table FollowUp.Rules folds phrases with: the same
/// file, linked into this assembly as a resource of its own, since the core keeps its folding internal. Header names fold
/// with it (客戶名稱 is 客户名称), and the encoding detector counts common characters of both scripts with it.
/// </summary>
internal static class TraditionalSimplified
{
    private static readonly FrozenDictionary<char, char> Table = Read();

    /// <summary>Gets the Simplified form of a character, or the character itself when it has none.</summary>
    public static char ToSimplified(char c) => Table.TryGetValue(c, out var simplified) ? simplified : c;

    /// <summary>Gets every pair of the table, Traditional first.</summary>
    public static IEnumerable<KeyValuePair<char, char>> Pairs => Table;

    private static FrozenDictionary<char, char> Read()
    {
        using var stream = typeof(TraditionalSimplified).Assembly.GetManifestResourceStream("traditional-simplified.txt")
            ?? throw new InvalidOperationException("The embedded Traditional-Simplified table is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var pairs = new Dictionary<char, char>(3000);
        while (reader.ReadLine() is { } line)
        {
            // One pair a line, Traditional first; lines of comment start with '#'.
            if (line.Length == 2 && line[0] != '#')
            {
                pairs[line[0]] = line[1];
            }
        }

        return pairs.ToFrozenDictionary();
    }
}
