using System.Collections.Concurrent;
using System.Globalization;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules.Samples.WebApi;

/// <summary>An in-memory store of accepted records; a real host would use its database.</summary>
internal sealed class FollowUpStore
{
    private readonly ConcurrentDictionary<string, StoredFollowUp> _records = new(StringComparer.Ordinal);
    private int _lastId;

    public StoredFollowUp Add(FollowUpRecord record, FollowUpEvaluation evaluation)
    {
        var id = Interlocked.Increment(ref _lastId).ToString(CultureInfo.InvariantCulture);
        var stored = new StoredFollowUp(id, FollowUpJson.Serialize(record), evaluation.Grade, evaluation.Score);
        _records[id] = stored;
        return stored;
    }

    public StoredFollowUp? Find(string id) => _records.GetValueOrDefault(id);
}

/// <summary>An accepted record, kept as its SPEC §1 JSON, with the grade it was accepted with.</summary>
internal sealed record StoredFollowUp(string Id, string Json, Grade Grade, double Score);

/// <summary>The 201 body of POST /follow-ups: the store's id, the record's own id, its grade, and the warnings that did not block it.</summary>
internal sealed record StoredFollowUpResponse(
    string Id, string? RecordId, string Grade, double Score, IReadOnlyDictionary<string, string[]> Warnings);
