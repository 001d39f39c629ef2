using System.Text;
using FollowUp.Rules.Serialization;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace FollowUp.Rules.Tests;

/// <summary>
/// Nothing read is dropped without a word: every line that is not blank, and every element of an array, is exactly one
/// result, in input order, a record exactly when the value is one.
/// </summary>
public sealed class ReadRecordsProperties
{
    /// <summary>Well-formed values, each with whether it reads as a record; none breaks an array's syntax.</summary>
    private static readonly (string Json, bool IsRecord)[] Values =
    [
        ("{\"id\":\"R\"}", true),
        ("{\n  \"id\": \"R\",\n  \"owner\": \"李明\"\n}", true),
        ("{\"id\":\"R\",\"customer\":\"张伟\"}", true),
        ("null", false),
        ("42", false),
        ("\"text\"", false),
        ("[{\"id\":\"R\"}]", false),
        ("{\"id\":\"R\",\"ID\":\"S\"}", false),
    ];

    [Property(MaxTest = 300)]
    public Property ReadRecords_JsonLines_GiveOneResultPerLineThatIsNotBlankInOrder(int[] picks, bool crlf)
    {
        // A pick past the one-line values is a blank line; the pretty-printed value spans lines, so it has no place here. The
        // first line is a record: a first line that opens with '[' is taken for a JSON array.
        var lines = (picks ?? []).Select(pick => (uint)pick % (Values.Length + 1) is var i && i != 1 && i < Values.Length ? Values[i] : (Json: " ", IsRecord: false))
            .Prepend(Values[0]).ToList();
        var text = string.Join(crlf ? "\r\n" : "\n", lines.Select(line => line.Json));

        var results = FollowUpJson.ReadRecords(new MemoryStream(Encoding.UTF8.GetBytes(text))).ToList();

        var expected = lines.Select((line, i) => (Number: i + 1L, line.Json, line.IsRecord)).Where(line => line.Json != " ").ToList();
        return (results.Select(r => (r.Number, r.IsRecord)).SequenceEqual(expected.Select(e => (e.Number, e.IsRecord)))
            && results.All(r => r.Layout == JsonRecordLayout.JsonLines && r.IsRecord != (r.Error is not null)))
            .Label(string.Join("; ", results));
    }

    [Property(MaxTest = 300)]
    public Property ReadRecords_Array_GivesOneResultPerElementInOrder(int[] picks)
    {
        var elements = (picks ?? []).Select(pick => Values[(uint)pick % Values.Length]).ToList();
        var text = $"[\n  {string.Join(",\n  ", elements.Select(element => element.Json))}\n]\n";

        var results = FollowUpJson.ReadRecords(new MemoryStream(Encoding.UTF8.GetBytes(text))).ToList();

        return (results.Select(r => (r.Number, r.IsRecord)).SequenceEqual(elements.Select((e, i) => (i + 1L, e.IsRecord)))
            && results.All(r => r.Layout == JsonRecordLayout.Array && !r.EndsReading))
            .Label(string.Join("; ", results));
    }
}
