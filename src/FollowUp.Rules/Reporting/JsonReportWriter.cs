using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using FollowUp.Rules.Grading;
using FollowUp.Rules.Risk;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules.Reporting;

/// <summary>
/// Writes the report as one indented JSON object: camelCase names, codes instead of labels, rates from 0 to 1, scores and
/// points rounded to 0.01, and Chinese text readable as it is (not <c>\uXXXX</c>-escaped).
/// </summary>
internal static class JsonReportWriter
{
    private static readonly JsonWriterOptions Options = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = true,
        NewLine = "\n",
    };

    public static void Write(TeamReport report, TextWriter writer)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var json = new Utf8JsonWriter(buffer, Options))
        {
            Write(report, json);
        }

        writer.Write(Encoding.UTF8.GetString(buffer.WrittenSpan));
        writer.Write('\n');
    }

    /// <summary>Writes the report's JSON object to <paramref name="json"/>, with whatever options it has.</summary>
    public static void Write(TeamReport report, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("recordCount", report.RecordCount);
        json.WriteNumber("unreadableRows", report.UnreadableRows);
        json.WriteStartArray("readInPart");
        foreach (var location in report.ReadInPart)
        {
            json.WriteStringValue(location);
        }

        json.WriteEndArray();
        if (report.EvaluatedAt is { } evaluatedAt)
        {
            json.WriteString("evaluatedAt", evaluatedAt);
        }
        else
        {
            json.WriteNull("evaluatedAt");
        }

        if (report.AverageScore is { } average)
        {
            json.WriteNumber("averageScore", Round(average));
        }
        else
        {
            json.WriteNull("averageScore");
        }

        json.WriteStartObject("grades");
        foreach (var grade in Enum.GetValues<Grade>())
        {
            json.WriteNumber(grade.ToString(), report.Grades[grade]);
        }

        json.WriteEndObject();

        json.WriteStartArray("owners");
        foreach (var owner in report.Owners)
        {
            json.WriteStartObject();
            WriteOwner(json, owner.Owner);
            json.WriteNumber("recordCount", owner.RecordCount);
            json.WriteNumber("averageScore", Round(owner.AverageScore));
            json.WriteStartObject("grades");
            foreach (var grade in Enum.GetValues<Grade>())
            {
                json.WriteNumber(grade.ToString(), owner.Grades.GetValueOrDefault(grade));
            }

            json.WriteEndObject();
            WriteGroups(json, "deductionGroups", owner.DeductionGroups);
            json.WriteNumber("dealsAtRisk", owner.DealsAtRisk);
            json.WriteNumber("dealsOverdue", owner.DealsOverdue);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("steps");
        foreach (var step in report.Steps)
        {
            json.WriteStartObject();
            json.WriteString("step", step.Step.ToString());
            json.WriteNumber("recordsMissing", step.RecordsMissing);
            json.WriteNumber("missingRate", Math.Round(step.MissingRate, 4));
            if (report.RecordCount > 0)
            {
                json.WriteNumber("averageScore", Round(step.AverageScore));
            }
            else
            {
                json.WriteNull("averageScore");
            }
            json.WriteEndObject();
        }

        json.WriteEndArray();

        WriteGroups(json, "deductionGroups", report.DeductionGroups);

        json.WriteStartArray("vaguePhrases");
        foreach (var phrase in report.VaguePhrases)
        {
            json.WriteStartObject();
            json.WriteString("phrase", phrase.Phrase);
            json.WriteString("category", phrase.Category.ToString());
            json.WriteNumber("count", phrase.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartObject("riskLevels");
        foreach (var level in Enum.GetValues<RiskLevel>())
        {
            json.WriteNumber(level.ToString(), report.RiskLevels[level]);
        }

        json.WriteEndObject();
        json.WriteNumber("riskNotAssessable", report.RiskNotAssessable);
        json.WriteStartObject("highRiskIds");
        foreach (var (level, ids) in report.HighRiskIds.OrderBy(l => l.Key))
        {
            json.WriteStartArray(level.ToString());
            foreach (var id in ids)
            {
                json.WriteStringValue(id);
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();

        json.WriteStartArray("riskSignals");
        foreach (var signal in report.RiskSignals)
        {
            json.WriteStartObject();
            json.WriteString("code", signal.Code);
            json.WriteNumber("recordCount", signal.RecordCount);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("stages");
        foreach (var stage in report.Stages)
        {
            json.WriteStartObject();
            if (stage.Stage is { } known)
            {
                json.WriteString("stage", known.ToString());
            }
            else
            {
                json.WriteNull("stage");
            }

            json.WriteNumber("count", stage.Count);
            json.WriteEndObject();
        }

        json.WriteEndArray();

        json.WriteStartArray("needsAttention");
        foreach (var item in report.NeedsAttention)
        {
            WriteAttention(item, json);
        }

        json.WriteEndArray();
        json.WriteNumber("dealsAtRiskCount", report.DealsAtRiskCount);
        json.WriteStartArray("dealsAtRisk");
        foreach (var deal in report.DealsAtRisk)
        {
            WriteDealAtRisk(deal, json);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteDealAtRisk(DealAtRisk deal, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("id", deal.Id);
        json.WriteString("customer", deal.Customer);
        WriteOwner(json, deal.Owner);
        json.WriteString("stage", deal.Stage?.ToString());
        json.WriteString("grade", deal.Grade.ToString());
        json.WriteNumber("score", Round(deal.Score));
        json.WriteString("riskLevel", deal.RiskLevel.ToString());
        json.WriteNumber("riskScore", Round(deal.RiskScore));
        json.WriteStartArray("reasons");
        foreach (var reason in deal.Reasons)
        {
            json.WriteStringValue(reason.ToString());
        }

        json.WriteEndArray();
        json.WriteNumber("overdueHours", Math.Round(deal.Overdue.TotalHours, 1));
        if (deal.SinceContact is { } sinceContact)
        {
            json.WriteNumber("hoursSinceContact", Math.Round(sinceContact.TotalHours, 1));
        }
        else
        {
            json.WriteNull("hoursSinceContact");
        }

        json.WriteStartArray("unansweredSignals");
        foreach (var code in deal.UnansweredSignals)
        {
            json.WriteStringValue(code);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteAttention(AttentionItem item, Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteString("id", item.Id);
        json.WriteString("customer", item.Customer);
        WriteOwner(json, item.Owner);
        json.WriteString("grade", item.Grade.ToString());
        json.WriteNumber("score", Round(item.Score));
        json.WriteString("riskLevel", item.RiskLevel.ToString());
        json.WriteNumber("riskScore", Round(item.RiskScore));
        json.WriteNumber("overdueHours", Math.Round(item.Overdue.TotalHours, 1));
        json.WriteStartArray("topDeductions");
        foreach (var deduction in item.TopDeductions)
        {
            FollowUpJson.WriteDeduction(json, deduction, Round(deduction.Points), null);
        }

        json.WriteEndArray();
        json.WriteBoolean("riskNotAssessable", item.RiskNotAssessable);
        json.WriteEndObject();
    }

    private static double Round(double value) => Math.Round(value, 2);

    /// <summary>The deductions and points lost per common error, the team's or an owner's, in <see cref="DeductionGroup"/> order.</summary>
    private static void WriteGroups(Utf8JsonWriter json, string name, IReadOnlyList<DeductionGroupSummary> groups)
    {
        json.WriteStartArray(name);
        foreach (var group in groups)
        {
            json.WriteStartObject();
            json.WriteString("group", group.Group.ToString());
            json.WriteNumber("count", group.Count);
            json.WriteNumber("points", Round(group.Points));
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteOwner(Utf8JsonWriter json, string? owner)
    {
        if (owner is null)
        {
            json.WriteNull("owner");
        }
        else
        {
            json.WriteString("owner", owner);
        }
    }
}
