using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace FollowUp.Rules.Import.Mapping;

/// <summary>
/// The ids of a table's records, each with the first row of the first record that had it, so that a repeat can name it.
/// An id is kept as a 64-bit hash (XxHash3, as the <c>followup</c> tool keeps a run's), not as its text: about 30 bytes a
/// record, twice that while the table grows, so a million rows hold about 64 MB at the peak. Two different ids share a hash
/// with a chance of about one in 10^7 for ten million records, which would warn of a repeat that is none.
/// </summary>
internal sealed class SeenIds
{
    private readonly Dictionary<ulong, long> _firstRows = [];

    /// <summary>Notes a record's id; gets the first row of an earlier record with the same id, or <see langword="null"/>.</summary>
    public long? FirstRowOf(string id, long row)
    {
        ref var first = ref CollectionsMarshal.GetValueRefOrAddDefault(_firstRows, XxHash3.HashToUInt64(MemoryMarshal.AsBytes(id.AsSpan())), out var seen);
        if (seen)
        {
            return first;
        }

        first = row;
        return null;
    }
}
