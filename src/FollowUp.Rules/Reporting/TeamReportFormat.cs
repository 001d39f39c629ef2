using System.Text.Json.Serialization;

namespace FollowUp.Rules.Reporting;

/// <summary>The formats a <see cref="TeamReport"/> can be written in.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<TeamReportFormat>))]
public enum TeamReportFormat
{
    /// <summary>Plain text for a terminal, with columns aligned for Chinese characters.</summary>
    Text,

    /// <summary>Markdown with headings and tables, for a wiki page or a chat message.</summary>
    Markdown,

    /// <summary>
    /// One JSON object with camelCase names and codes instead of labels, for other tools; records that name nobody
    /// responsible have a <see langword="null"/> owner.
    /// </summary>
    Json,

    /// <summary>One self-contained HTML page (inline CSS, charts as inline SVG, no scripts and no external assets).</summary>
    Html,
}
