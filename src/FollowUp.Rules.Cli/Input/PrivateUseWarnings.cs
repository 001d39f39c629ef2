using System.Globalization;
using System.Text;
using FollowUp.Rules.Import;
using FollowUp.Rules.Import.Text;

namespace FollowUp.Rules.Cli.Input;

/// <summary>
/// The private-use warnings (<see cref="ImportWarningCodes.PrivateUseCharacters"/>) of one table's records: the first few
/// told in full with their records, the rest counted into one line at the end of the run. A Big5 export of a Hong Kong team
/// holds HKSCS characters in most customers' rows, and a line per customer (3,518 for 60,000 rows) buries the rest of a
/// nightly job's log. Nothing else changes: those records are evaluated and counted as before, and the exit code does not
/// depend on these warnings.
/// </summary>
internal sealed class PrivateUseWarnings(string input, Encoding? encoding)
{
    /// <summary>How many records of a table are told of with their own private-use warning before the rest are only counted.</summary>
    public const int ToldInFull = 3;

    private readonly HashSet<char> _seen = [];
    private readonly StringBuilder _characters = new();
    private long _records;
    private long _rows;

    /// <summary>Notes a record's warnings, and gets those to tell with it: all of them, but a private-use one past the first few records.</summary>
    public IEnumerable<ImportWarning> ToTell(IReadOnlyList<ImportWarning> warnings)
    {
        foreach (var warning in warnings)
        {
            if (warning.Code != ImportWarningCodes.PrivateUseCharacters)
            {
                yield return warning;
                continue;
            }

            _records++;
            _rows += warning.Rows;
            foreach (var character in warning.Characters ?? "")
            {
                if (_seen.Add(character))
                {
                    _characters.Append(character);
                }
            }

            if (_records <= ToldInFull)
            {
                yield return warning;
            }
        }
    }

    /// <summary>Gets the line that counts every record of the table with private-use characters, when some were not told in full; else <see langword="null"/>.</summary>
    public string? Notice() => _records <= ToldInFull
        ? null
        : string.Create(
            CultureInfo.InvariantCulture,
            $"{input}: warning: {PrivateUse.Summary(_records, _rows, _characters.ToString(), encoding)} The first {ToldInFull} are told above with their rows; "
                + $"the other {_records - ToldInFull:N0} only in this line.");
}
