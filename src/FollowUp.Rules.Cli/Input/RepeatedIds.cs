using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace FollowUp.Rules.Cli.Input;

/// <summary>
/// The records whose id an earlier record of the run already had, counted, so that one line at the end names them: a CRM
/// that loads records by id keeps one of each, so a repeated id loses a record there without a word here. Each id is kept
/// as a 64-bit hash, about 20 bytes a record, not as its text, so a run of millions of records stays within tens of MiB;
/// two different ids share a hash with a chance of about one in 10^7 for ten million records.
/// </summary>
internal sealed class RepeatedIds
{
    private const int Listed = 5;

    /// <summary>How many characters of an id the warning quotes.</summary>
    private const int Quoted = 40;

    private readonly HashSet<ulong> _seen = [];
    private readonly List<(string Id, string Location)> _examples = [];
    private long _repeats;

    /// <summary>Notes a record's id; a record with no id is not compared, as nothing loads it by id.</summary>
    public void Count(string? id, string location)
    {
        if (string.IsNullOrWhiteSpace(id) || _seen.Add(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan()))))
        {
            return;
        }

        _repeats++;
        if (_examples.Count < Listed)
        {
            _examples.Add((id, location));
        }
    }

    /// <summary>Gets the warning naming the first records that repeated an id, or <see langword="null"/> when none did.</summary>
    public string? Notice()
    {
        if (_repeats == 0)
        {
            return null;
        }

        var listed = string.Join(", ", _examples.Select(e => $"'{PrintableText.Of(e.Id, Quoted)}' at {e.Location}"));
        var more = _repeats > Listed ? $" and {_repeats - Listed} more" : "";
        return $"followup: warning: {_repeats} record(s) repeat the id of an earlier record: {listed}{more}. "
            + "Each was evaluated; a system that loads records by id would keep only one of each.";
    }
}
