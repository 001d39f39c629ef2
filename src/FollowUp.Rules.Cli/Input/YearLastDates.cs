using System.Globalization;

namespace FollowUp.Rules.Cli.Input;

/// <summary>
/// The dates left unread because their year comes last (<c>25/11/2026</c>) and no <c>--date-order</c> says which number is
/// the day, counted, so that one line at the end of the run names the option: each such date is an <c>InvalidDate</c>
/// finding that only the JSON shows, while the grades it lowers (every record of a day-first export) are all a table shows.
/// </summary>
internal sealed class YearLastDates
{
    /// <summary>How many characters of the first such date the warning quotes.</summary>
    private const int Quoted = 40;

    private long _dayFirst;
    private long _monthFirst;
    private long _either;
    private long _records;
    private (string Date, string Id)? _first;

    public void Count(FollowUpEvaluation evaluation)
    {
        var counted = false;
        foreach (var finding in evaluation.Findings)
        {
            if (finding.Code != FindingCodes.InvalidDate || finding.Value is not { } text)
            {
                continue;
            }

            var fault = Timestamp.Parse(text).Fault;
            switch (fault)
            {
                case TimestampFault.DayFirst:
                    _dayFirst++;
                    break;
                case TimestampFault.MonthFirst:
                    _monthFirst++;
                    break;
                case TimestampFault.YearLast:
                    _either++;
                    break;
                default:
                    continue;
            }

            _first ??= (text, evaluation.Id ?? "");
            if (!counted)
            {
                _records++;
                counted = true;
            }
        }
    }

    /// <summary>Gets the warning, naming the order the dates read in, or <see langword="null"/> when no date was left unread so.</summary>
    public string? Notice()
    {
        if (_first is not (var date, var id))
        {
            return null;
        }

        var total = _dayFirst + _monthFirst + _either;
        var advice = (_dayFirst > 0, _monthFirst > 0) switch
        {
            (true, false) => "The export writes the day first: pass --date-order DayFirst (or \"DateOrder\": \"DayFirst\" in --config).",
            (false, true) => "The export writes the month first: pass --date-order MonthFirst (or \"DateOrder\": \"MonthFirst\" in --config).",
            (true, true) => "Some read only day first and some only month first: check the export, then pass --date-order DayFirst or MonthFirst.",
            _ => "Pass --date-order DayFirst if the export writes the day first, MonthFirst if it writes the month first.",
        };
        return string.Create(
            CultureInfo.InvariantCulture,
            $"followup: warning: {total} date(s) in {_records} record(s) have the year last and were not read, so their records were graded without them (first: '{PrintableText.Of(date, Quoted)}' in record '{PrintableText.Of(id, Quoted)}'; {_dayFirst} read only day first, {_monthFirst} only month first, {_either} either way). {advice}");
    }
}
