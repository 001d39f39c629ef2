using System.Text.Json.Serialization;

namespace FollowUp.Rules.Serialization;

/// <summary>How the records of a JSON input are laid out, which decides what <see cref="JsonRecordResult.Number"/> counts.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<JsonRecordLayout>))]
public enum JsonRecordLayout
{
    /// <summary>JSON Lines: one record a line. Numbers count lines from 1, blank lines too, so they match an editor's.</summary>
    JsonLines,

    /// <summary>One JSON array of records. Numbers count its elements from 1.</summary>
    Array,

    /// <summary>JSON objects one after another, each written over as many lines as it likes (pretty-printed). Numbers count the objects from 1.</summary>
    Concatenated,
}
