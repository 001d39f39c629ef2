using System.Globalization;

namespace FollowUp.Rules.Language;

/// <summary>
/// The character folding every phrase match runs on: full-width forms to ASCII, case to lower, Traditional to Simplified
/// Chinese, and the classes of characters the scanner skips or treats as clause ends. One table lookup per character.
/// </summary>
internal static class TextFolding
{
    [Flags]
    private enum CharClass : byte
    {
        None = 0,
        Ignorable = 1,
        Whitespace = 2,
        ClauseEnd = 4,
        Content = 8,
        AsciiLetter = 16,
        AsciiDigit = 32,
    }

    /// <summary>
    /// The Traditional characters of the table that are Simplified characters too (in GB 2312, and 昇, kept for names by the
    /// 2013 standard list), with a meaning of their own there: 於 and 于, 乾 and 干, 昇 and 升 are different names. Phrases
    /// fold them; names keep them (<see cref="FoldNameInto"/>).
    /// </summary>
    private const string SimplifiedToo = "乾俱吒夥姊後徵摺於昇箝苎菸著藉跤阪麽覆";

    private static readonly char[] FoldTable = new char[char.MaxValue + 1];
    private static readonly CharClass[] Classes = new CharClass[char.MaxValue + 1];

#pragma warning disable CA1810 // Both tables are built together from one resource; a static constructor says so plainly.
    static TextFolding()
#pragma warning restore CA1810
    {
        for (var i = 0; i <= char.MaxValue; i++)
        {
            var c = (char)i;
            FoldTable[i] = FoldWithoutChinese(c);
        }

        foreach (var (traditional, simplified) in ReadTraditionalSimplifiedPairs())
        {
            FoldTable[traditional] = simplified;
        }

        for (var i = 0; i <= char.MaxValue; i++)
        {
            Classes[i] = Classify((char)i, FoldTable[i]);
        }
    }

    /// <summary>Folds one UTF-16 code unit.</summary>
    public static char Fold(char c) => FoldTable[c];

    /// <summary>Zero-width, control and format characters and variation selectors: skipped as if absent.</summary>
    public static bool IsIgnorable(char c) => (Classes[c] & CharClass.Ignorable) != 0;

    /// <summary>Any Unicode white space, including the ideographic space and line breaks.</summary>
    public static bool IsWhitespace(char c) => (Classes[c] & CharClass.Whitespace) != 0;

    /// <summary>Punctuation that ends a clause (，。；、！？ and their ASCII forms, line breaks), by folded character.</summary>
    public static bool IsClauseEnd(char folded) => (Classes[folded] & CharClass.ClauseEnd) != 0;

    /// <summary>A letter or digit of any script: what carries content, as opposed to punctuation and symbols.</summary>
    public static bool IsContent(char folded) => (Classes[folded] & CharClass.Content) != 0;

    /// <summary>An ASCII letter (after folding, so full-width letters count).</summary>
    public static bool IsAsciiLetter(char folded) => (Classes[folded] & CharClass.AsciiLetter) != 0;

    /// <summary>An ASCII digit (after folding, so full-width digits count).</summary>
    public static bool IsAsciiDigit(char folded) => (Classes[folded] & CharClass.AsciiDigit) != 0;

    /// <summary>An ASCII letter or digit: the characters between which a space is kept.</summary>
    public static bool IsAsciiWordChar(char folded) => (Classes[folded] & (CharClass.AsciiLetter | CharClass.AsciiDigit)) != 0;

    /// <summary>
    /// Measures content: a Chinese character (or any non-ASCII letter) is one unit, an ASCII letter or digit a third, so that
    /// "客户暂未明确" and "customer did not say" weigh about the same.
    /// </summary>
    public static double ContentUnits(int contentChars, int asciiChars) => contentChars - asciiChars + (asciiChars / 3.0);

    /// <summary>Measures the content of folded text in units (see <see cref="ContentUnits(int, int)"/>).</summary>
    public static double ContentUnits(string folded)
    {
        var content = 0;
        var ascii = 0;
        foreach (var c in folded)
        {
            if (IsContent(c))
            {
                content++;
                ascii += c < '\u0080' ? 1 : 0;
            }
        }

        return ContentUnits(content, ascii);
    }

    /// <summary>Measures the content of text as written, folding it as it goes (see <see cref="ContentUnits(int, int)"/>).</summary>
    public static double ContentUnitsOf(ReadOnlySpan<char> text)
    {
        var content = 0;
        var ascii = 0;
        foreach (var c in text)
        {
            var folded = Fold(c);
            if (IsContent(folded))
            {
                content++;
                ascii += folded < '\u0080' ? 1 : 0;
            }
        }

        return ContentUnits(content, ascii);
    }

    /// <summary>Folds a phrase the way the scanner folds text: ignorable characters dropped, white space kept only between ASCII words.</summary>
    public static string FoldPhrase(string phrase)
    {
        var buffer = phrase.Length <= 256 ? stackalloc char[phrase.Length] : new char[phrase.Length];
        return new string(buffer[..FoldInto(phrase, buffer)]);
    }

    /// <summary>
    /// Folds text as <see cref="FoldPhrase"/> does (ignorable characters dropped, full-width forms, case and Traditional
    /// characters folded, white space kept only as one space between ASCII words), into a buffer.
    /// </summary>
    /// <returns>The length written; <paramref name="destination"/> must be at least as long as <paramref name="text"/>.</returns>
    public static int FoldInto(ReadOnlySpan<char> text, Span<char> destination) => FoldText(text, destination, foldingName: false);

    /// <summary>
    /// Folds a person's name as <see cref="FoldInto(ReadOnlySpan{char}, Span{char})"/> folds text, except the Traditional
    /// characters of the table that are Simplified characters too, which stay: 趙敏 is 赵敏, but 於明 is not 于明.
    /// </summary>
    /// <returns>The length written; <paramref name="destination"/> must be at least as long as <paramref name="text"/>.</returns>
    public static int FoldNameInto(ReadOnlySpan<char> text, Span<char> destination) => FoldText(text, destination, foldingName: true);

    /// <summary>Whether two names are one person's, folded with <see cref="FoldNameInto"/>.</summary>
    public static bool IsSameName(string name, string other)
    {
        const int StackLimit = 128;
        Span<char> first = name.Length <= StackLimit ? stackalloc char[StackLimit] : new char[name.Length];
        Span<char> second = other.Length <= StackLimit ? stackalloc char[StackLimit] : new char[other.Length];
        return first[..FoldNameInto(name, first)].SequenceEqual(second[..FoldNameInto(other, second)]);
    }

    private static int FoldText(ReadOnlySpan<char> text, Span<char> destination, bool foldingName)
    {
        var length = 0;
        var pendingSpace = false;
        foreach (var c in text)
        {
            if (IsIgnorable(c))
            {
                continue;
            }

            if (IsWhitespace(c))
            {
                pendingSpace = length > 0;
                continue;
            }

            var folded = foldingName && SimplifiedToo.Contains(c) ? c : Fold(c);
            if (pendingSpace && IsAsciiWordChar(destination[length - 1]) && IsAsciiWordChar(folded))
            {
                destination[length++] = ' ';
            }

            pendingSpace = false;
            destination[length++] = folded;
        }

        return length;
    }

    private static char FoldWithoutChinese(char c)
    {
        if (c is >= '\uFF01' and <= '\uFF5E')
        {
            c = (char)(c - 0xFEE0);
        }

        return c switch
        {
            >= 'A' and <= 'Z' => (char)(c + 32),
            < '\u0080' => c,
            '\u3000' => ' ',
            '\u3002' or '\uFF61' => '。',
            _ when char.IsUpper(c) => char.ToLowerInvariant(c),
            _ => c,
        };
    }

    private static CharClass Classify(char original, char folded)
    {
        var category = CharUnicodeInfo.GetUnicodeCategory(original);
        var result = CharClass.None;
        if (char.IsWhiteSpace(original))
        {
            result |= CharClass.Whitespace;
            if (original is '\n' or '\r' or '\u2028' or '\u2029')
            {
                result |= CharClass.ClauseEnd;
            }
        }
        else if (category is UnicodeCategory.Control or UnicodeCategory.Format || original is >= '\uFE00' and <= '\uFE0F')
        {
            result |= CharClass.Ignorable;
        }

        if (folded is ',' or '.' or ';' or '!' or '?' or '。' or '、' or '\uFF64' or '…')
        {
            result |= CharClass.ClauseEnd;
        }

        if (char.IsLetterOrDigit(folded) || category is UnicodeCategory.OtherLetter)
        {
            result |= CharClass.Content;
        }

        if (folded is >= 'a' and <= 'z')
        {
            result |= CharClass.AsciiLetter;
        }
        else if (folded is >= '0' and <= '9')
        {
            result |= CharClass.AsciiDigit;
        }

        return result;
    }

    private static List<(char Traditional, char Simplified)> ReadTraditionalSimplifiedPairs()
    {
        using var stream = typeof(TextFolding).Assembly.GetManifestResourceStream("traditional-simplified.txt")
            ?? throw new InvalidOperationException("The embedded Traditional-Simplified table is missing from the assembly.");
        using var reader = new StreamReader(stream);
        var pairs = new List<(char, char)>(3000);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 2 && line[0] != '#')
            {
                pairs.Add((line[0], line[1]));
            }
        }

        return pairs;
    }
}
