namespace FollowUp.Rules.Import.Text;

/// <summary>
/// The characters most of any Chinese text is made of, in both scripts: common-hanzi.txt lists about 500 of the most
/// frequent in Simplified form, with full-width punctuation, and each Traditional character whose Simplified form is
/// among them counts too (資 as 资). Text decoded in the wrong encoding is mostly rare characters, kana and symbols.
/// </summary>
internal static class CommonHanzi
{
    private static readonly bool[] Common = Read();

    /// <summary>Gets whether a character is a common Chinese character or punctuation mark, in either script.</summary>
    public static bool Contains(char c) => Common[c];

    private static bool[] Read()
    {
        var common = new bool[char.MaxValue + 1];
        using (var stream = typeof(CommonHanzi).Assembly.GetManifestResourceStream("common-hanzi.txt")
            ?? throw new InvalidOperationException("The embedded list of common Chinese characters is missing from the assembly."))
        using (var reader = new StreamReader(stream))
        {
            while (reader.ReadLine() is { } line)
            {
                if (line.StartsWith('#'))
                {
                    continue;
                }

                foreach (var c in line)
                {
                    common[c] |= !char.IsWhiteSpace(c);
                }
            }
        }

        foreach (var (traditional, simplified) in TraditionalSimplified.Pairs)
        {
            common[traditional] |= common[simplified];
        }

        return common;
    }
}
