using System.Buffers;
using System.Text.RegularExpressions;
using FollowUp.Rules.Import.Reading;
using FollowUp.Rules.Import.Text;

namespace FollowUp.Rules.Import.Mapping;

/// <summary>
/// Tells a summary row (合计, 总计, 小计, Total, Subtotal) that someone added to an export in Excel from a follow-up: its
/// first cell that is not empty, or a cell that gives rows their record (the group or id column), is such a word, and each
/// of its other cells is a number or empty. Such a row is no record and nothing is lost by leaving it out, but read as a
/// follow-up it is an unreadable row (no customer, no follow-up), which fails every weekly run that reads the export.
/// </summary>
internal static partial class SummaryRows
{
    /// <summary>The words of a summary row, folded as column names are (Simplified, lower case), without spaces.</summary>
    private static readonly HashSet<string> Words = new(StringComparer.Ordinal)
    {
        "合计", "总计", "小计", "共计", "总合计", "total", "totals", "subtotal", "sub-total", "grandtotal",
    };

    /// <summary>How long a cell of a summary row can be: a word or a number, never a follow-up's text, so a row of text costs no folding.</summary>
    private const int MaxLength = 32;

    private static readonly SearchValues<char> WordLetters = SearchValues.Create("计計tTｔＴ");

    /// <summary>The characters a number of a summary row can start with (a sign, a currency, a digit), full-width too.</summary>
    private static readonly SearchValues<char> NumberStarts = SearchValues.Create("+-＋－¥￥$＄€£0123456789０１２３４５６７８９RrCcUuHhＲｒＣｃＵｕＨｈ");

    /// <summary>
    /// Gets the summary word of a row and the zero-based column it stands in, or <see langword="null"/> when the row is not
    /// a summary row.
    /// </summary>
    /// <param name="row">The row, read without a problem of its format.</param>
    /// <param name="keyColumns">The columns that give rows their record (<see cref="TablePlan.KeyColumns"/>).</param>
    public static (string Word, int Column)? Of(SourceRow row, IReadOnlyList<int> keyColumns)
    {
        (string Word, int Column)? found = null;
        var first = true;
        for (var column = 0; column < row.Cells.Length; column++)
        {
            var cell = row.Cells[column];
            if (SourceRow.IsEmpty(cell))
            {
                continue;
            }

            if (found is null && (first || keyColumns.Contains(column)) && cell is string text && IsWord(text))
            {
                found = (text.Trim(), column);
            }
            else if (!IsNumber(cell))
            {
                return null;
            }

            first = false;
        }

        return found;
    }

    private static bool IsWord(string text)
    {
        // Every word holds 计 (計) or a t: the first cell of a follow-up, an id or a company, is rejected without folding.
        if (text.Length > MaxLength || text.AsSpan().IndexOfAny(WordLetters) < 0)
        {
            return false;
        }

        var folded = ColumnNames.Fold(text).Replace(" ", "", StringComparison.Ordinal).TrimEnd(':');
        return Words.Contains(folded);
    }

    /// <summary>A number as a summary row shows one: 1,200, ¥45万, 12.5%, RMB 120k.</summary>
    private static bool IsNumber(object? cell) => cell switch
    {
        double or int or long or decimal => true,
        string text => text.Length <= MaxLength && text.AsSpan().TrimStart() is [var first, ..] && NumberStarts.Contains(first) && Number().IsMatch(ColumnNames.Fold(text)),
        _ => false,
    };

    [GeneratedRegex(@"^[+-]?(?:[¥$€£]|rmb|cny|usd|hkd)?\s*[+-]?\d[\d,]*(?:\.\d+)?\s*(?:%|万元|万|元|人|条|笔|个|次|k|m)?$", RegexOptions.CultureInvariant)]
    private static partial Regex Number();
}
