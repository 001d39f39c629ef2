using System.Globalization;
using MiniExcelLibs.Attributes;

namespace FollowUp.Rules.Import.Writing;

/// <summary>
/// One evaluation as a spreadsheet row: id, customer, owner, profile, grade, score, risk, and the three largest deductions, each with the
/// component it is charged to (one vague text costs points under completeness and under clarity, with the same code and field),
/// then those deductions' messages, last so that every earlier column keeps its place.
/// </summary>
internal sealed class EvaluationRow
{
    /// <summary>How many deductions a row lists, largest first.</summary>
    public const int TopDeductions = 3;

    /// <summary>The column names, in order, shared by the CSV and .xlsx writers.</summary>
    public static readonly IReadOnlyList<string> Columns =
    [
        "id", "customer", "owner", "profile", "grade", "score", "riskLevel", "riskScore",
        "deduction1Code", "deduction1Component", "deduction1Field", "deduction1Points",
        "deduction2Code", "deduction2Component", "deduction2Field", "deduction2Points",
        "deduction3Code", "deduction3Component", "deduction3Field", "deduction3Points",
        "deduction1Message", "deduction2Message", "deduction3Message",
    ];

    [ExcelColumnName("id")]
    public string Id { get; init; } = "";

    [ExcelColumnName("customer")]
    public string Customer { get; init; } = "";

    [ExcelColumnName("owner")]
    public string Owner { get; init; } = "";

    [ExcelColumnName("profile")]
    public string Profile { get; init; } = "";

    [ExcelColumnName("grade")]
    public string Grade { get; init; } = "";

    [ExcelColumnName("score")]
    public double Score { get; init; }

    [ExcelColumnName("riskLevel")]
    public string RiskLevel { get; init; } = "";

    [ExcelColumnName("riskScore")]
    public double RiskScore { get; init; }

    [ExcelColumnName("deduction1Code")]
    public string Deduction1Code { get; init; } = "";

    [ExcelColumnName("deduction1Component")]
    public string Deduction1Component { get; init; } = "";

    [ExcelColumnName("deduction1Field")]
    public string Deduction1Field { get; init; } = "";

    [ExcelColumnName("deduction1Points")]
    public double? Deduction1Points { get; init; }

    [ExcelColumnName("deduction2Code")]
    public string Deduction2Code { get; init; } = "";

    [ExcelColumnName("deduction2Component")]
    public string Deduction2Component { get; init; } = "";

    [ExcelColumnName("deduction2Field")]
    public string Deduction2Field { get; init; } = "";

    [ExcelColumnName("deduction2Points")]
    public double? Deduction2Points { get; init; }

    [ExcelColumnName("deduction3Code")]
    public string Deduction3Code { get; init; } = "";

    [ExcelColumnName("deduction3Component")]
    public string Deduction3Component { get; init; } = "";

    [ExcelColumnName("deduction3Field")]
    public string Deduction3Field { get; init; } = "";

    [ExcelColumnName("deduction3Points")]
    public double? Deduction3Points { get; init; }

    [ExcelColumnName("deduction1Message")]
    public string Deduction1Message { get; init; } = "";

    [ExcelColumnName("deduction2Message")]
    public string Deduction2Message { get; init; } = "";

    [ExcelColumnName("deduction3Message")]
    public string Deduction3Message { get; init; } = "";

    /// <summary>Makes the row of an evaluation, with its values as they are.</summary>
    public static EvaluationRow From(FollowUpEvaluation evaluation)
    {
        ArgumentNullException.ThrowIfNull(evaluation);
        var top = evaluation.TopDeductions(TopDeductions);
        return new EvaluationRow
        {
            Id = evaluation.Id ?? "",
            Customer = evaluation.Customer ?? "",
            Owner = evaluation.Owner ?? "",
            Profile = evaluation.Profile,
            Grade = evaluation.Grade.ToString(),
            Score = Math.Round(evaluation.Score, 2),
            RiskLevel = evaluation.Risk.Level.ToString(),
            RiskScore = Math.Round(evaluation.Risk.Score, 2),
            Deduction1Code = top.ElementAtOrDefault(0)?.Code ?? "",
            Deduction1Component = top.ElementAtOrDefault(0)?.Component.ToString() ?? "",
            Deduction1Field = top.ElementAtOrDefault(0)?.Field ?? "",
            Deduction1Points = top.ElementAtOrDefault(0) is { } first ? Math.Round(first.Points, 2) : null,
            Deduction2Code = top.ElementAtOrDefault(1)?.Code ?? "",
            Deduction2Component = top.ElementAtOrDefault(1)?.Component.ToString() ?? "",
            Deduction2Field = top.ElementAtOrDefault(1)?.Field ?? "",
            Deduction2Points = top.ElementAtOrDefault(1) is { } second ? Math.Round(second.Points, 2) : null,
            Deduction3Code = top.ElementAtOrDefault(2)?.Code ?? "",
            Deduction3Component = top.ElementAtOrDefault(2)?.Component.ToString() ?? "",
            Deduction3Field = top.ElementAtOrDefault(2)?.Field ?? "",
            Deduction3Points = top.ElementAtOrDefault(2) is { } third ? Math.Round(third.Points, 2) : null,
            Deduction1Message = top.ElementAtOrDefault(0)?.Message ?? "",
            Deduction2Message = top.ElementAtOrDefault(1)?.Message ?? "",
            Deduction3Message = top.ElementAtOrDefault(2)?.Message ?? "",
        };
    }

    /// <summary>
    /// Gets the cells as CSV text, in <see cref="Columns"/> order, each text cell neutralised: a CSV cell that starts like a
    /// formula is run as one when Excel opens the file. An .xlsx text cell never is, so the workbook keeps the values as they are.
    /// </summary>
    public string[] ToTexts() =>
    [
        Text(Id), Text(Customer), Text(Owner), Text(Profile), Grade, Number(Score), RiskLevel, Number(RiskScore),
        Text(Deduction1Code), Deduction1Component, Text(Deduction1Field), Number(Deduction1Points),
        Text(Deduction2Code), Deduction2Component, Text(Deduction2Field), Number(Deduction2Points),
        Text(Deduction3Code), Deduction3Component, Text(Deduction3Field), Number(Deduction3Points),
        Text(Deduction1Message), Text(Deduction2Message), Text(Deduction3Message),
    ];

    private static string Text(string value) => SpreadsheetText.Neutralize(value);

    private static string Number(double? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
}
