using System.Runtime.CompilerServices;
using System.Text;
using FollowUp.Rules.Import.Writing;
using MiniExcelLibs;
using MiniExcelLibs.OpenXml;
using nietras.SeparatedValues;

namespace FollowUp.Rules.Import;

/// <summary>
/// Writes evaluations as a table, one row per record: <c>id</c>, <c>customer</c> (the company, else the contact's name),
/// <c>owner</c> (the next step's owner, else the record's, as the team report groups by), <c>profile</c>, <c>grade</c>, <c>score</c>,
/// <c>riskLevel</c>, <c>riskScore</c> and the three largest deductions (<c>deduction1Code</c>, <c>deduction1Component</c>,
/// <c>deduction1Field</c>, <c>deduction1Points</c> … <c>deduction3Points</c>), then their messages (<c>deduction1Message</c> …
/// <c>deduction3Message</c>, in the culture the records were evaluated in, so a lead can filter the sheet by owner and forward
/// it to a rep who reads no codes), as CSV or as an .xlsx workbook. The component tells apart the two charges of one vague
/// text, under completeness and under clarity, which share code and field. The messages come last, so every earlier column
/// keeps its place.
/// </summary>
/// <remarks>
/// In CSV, a text cell that begins with <c>=</c>, <c>+</c>, <c>-</c> or <c>@</c> (or a tab or carriage return) is written with a
/// leading single quote (<c>'=HYPERLINK(…)</c>), so opening the file in Excel or WPS shows it as text and can never run it
/// as a formula: a record's id or field comes from whoever typed it into the CRM. An .xlsx text cell is never a formula, so
/// the workbook keeps every value exactly as it is.
/// </remarks>
public static class EvaluationTableWriter
{
    /// <summary>Gets the column names, in order.</summary>
    public static IReadOnlyList<string> Columns => EvaluationRow.Columns;

    /// <summary>Writes evaluations as CSV (RFC 4180: a cell with a separator, quote or line break is quoted).</summary>
    /// <param name="output">The stream to write to; left open.</param>
    /// <param name="evaluations">The evaluations, written as they are enumerated.</param>
    /// <param name="encoding">
    /// The text encoding; <see langword="null"/> (the default) for UTF-8 with a byte order mark, which Excel needs to show
    /// Chinese correctly.
    /// </param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> or <paramref name="evaluations"/> is <see langword="null"/>.</exception>
    public static void WriteCsv(Stream output, IEnumerable<FollowUpEvaluation> evaluations, Encoding? encoding = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(evaluations);
        using var text = new StreamWriter(output, encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        using (var writer = CreateCsv(text))
        {
            WriteHeader(writer);
            foreach (var evaluation in evaluations)
            {
                WriteRow(writer, evaluation);
            }
        }

        text.Flush();
    }

    /// <summary>Writes evaluations as CSV as they arrive (RFC 4180: a cell with a separator, quote or line break is quoted).</summary>
    /// <param name="output">The stream to write to; left open.</param>
    /// <param name="evaluations">The evaluations, written as they arrive.</param>
    /// <param name="encoding">
    /// The text encoding; <see langword="null"/> (the default) for UTF-8 with a byte order mark, which Excel needs to show
    /// Chinese correctly.
    /// </param>
    /// <param name="cancellationToken">Stops the writing.</param>
    /// <returns>A task that completes when every evaluation is written and flushed.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> or <paramref name="evaluations"/> is <see langword="null"/>.</exception>
    public static async Task WriteCsvAsync(
        Stream output, IAsyncEnumerable<FollowUpEvaluation> evaluations, Encoding? encoding = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(evaluations);
        var text = new StreamWriter(output, encoding ?? new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), 1 << 16, leaveOpen: true) { NewLine = "\r\n" };
        await using (text.ConfigureAwait(false))
        {
            using (var writer = CreateCsv(text))
            {
                WriteHeader(writer);
                await foreach (var evaluation in evaluations.WithCancellation(cancellationToken).ConfigureAwait(false))
                {
                    WriteRow(writer, evaluation);
                }
            }

            await text.FlushAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes evaluations as an .xlsx workbook with one sheet, streamed row by row; scores and points are numbers.</summary>
    /// <param name="output">The stream to write to (it need not be readable or seekable); left open.</param>
    /// <param name="evaluations">The evaluations, enumerated once and written as they come.</param>
    /// <param name="sheetName">The worksheet's name.</param>
    /// <exception cref="ArgumentNullException"><paramref name="output"/> or <paramref name="evaluations"/> is <see langword="null"/>.</exception>
    public static void WriteXlsx(Stream output, IEnumerable<FollowUpEvaluation> evaluations, string sheetName = "evaluations")
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(evaluations);
        ArgumentException.ThrowIfNullOrWhiteSpace(sheetName);
        var configuration = new OpenXmlConfiguration { FreezeRowCount = 1 };
        MiniExcel.SaveAs(output, evaluations.Select(EvaluationRow.From), printHeader: true, sheetName: sheetName, excelType: ExcelType.XLSX, configuration: configuration);
    }

    private static SepWriter CreateCsv(TextWriter text) =>
        Sep.New(',').Writer(o => o with { Escape = true, WriteHeader = false }).To(text, leaveOpen: true);

    private static void WriteHeader(SepWriter writer) => WriteTexts(writer, [.. EvaluationRow.Columns]);

    private static void WriteRow(SepWriter writer, FollowUpEvaluation evaluation) => WriteTexts(writer, EvaluationRow.From(evaluation).ToTexts());

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void WriteTexts(SepWriter writer, string[] cells)
    {
        using var row = writer.NewRow();
        for (var i = 0; i < cells.Length; i++)
        {
            row[i].Set(cells[i]);
        }
    }
}
