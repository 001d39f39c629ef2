using System.Text.Encodings.Web;
using FluentValidation;
using FluentValidation.Results;
using FollowUp.Rules;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Samples.WebApi;

var builder = WebApplication.CreateBuilder(args);

// 1. Register FollowUp.Rules and bind its options from appsettings.json (section "FollowUpRules", which defines the
//    custom profile "KeyAccounts"). Invalid rules stop the host at start-up with a message naming the offending key.
builder.Services.AddFollowUpRules();
builder.Services.Configure<FollowUpRulesOptions>(
    builder.Configuration.GetSection(FollowUpRulesOptions.SectionName), binder => binder.ErrorOnUnknownConfiguration = true);

// 2. Answer each request in its user's language: request localization sets CultureInfo.CurrentUICulture from the
//    Accept-Language header (or ?ui-culture=zh-TW), and "FollowCurrentUICulture": true in appsettings.json makes the evaluator
//    and the validators write their messages in it. A request in another language, or none, gets the default, zh-CN.
string[] cultures = ["zh-CN", "zh-TW", "zh-HK", "en"];
builder.Services.AddRequestLocalization(localization => localization
    .SetDefaultCulture(cultures[0]).AddSupportedCultures(cultures).AddSupportedUICultures(cultures));

// 3. Errors as RFC 9457 problem details, with Chinese messages written as is rather than as \uXXXX escapes.
builder.Services.AddProblemDetails();
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping);
builder.Services.AddSingleton<FollowUpStore>();

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseRequestLocalization();

// appsettings.json reloads on change: a valid edit swaps in new rules, an invalid one is rejected and the last good rules
// stay in force. Log which, so a rejected edit is not silent.
app.Services.GetRequiredService<IFollowUpRulesMonitor>().LogChanges(app.Logger);

// 4. Evaluate one record and answer with the SPEC §8 evaluation JSON, which any JsonSerializer writes for a FollowUpEvaluation.
//    The body is read with the library's lenient JSON, so "决策人", "电话" and "budget": 500000 are read as an integrator's CRM
//    sends them, and a value of the wrong shape ("customer": "张伟") is an InvalidValue finding on its field, not a 400.
app.MapPost("/follow-ups/evaluate", async (HttpRequest request, IFollowUpEvaluator evaluator, CancellationToken cancellationToken) =>
{
    var body = await RecordBody.ReadAsync(request, wrongShapesAreFindings: true, cancellationToken);
    return body.Record is { } record ? TypedResults.Ok(evaluator.Evaluate(record)) : body.Problem;
});

// 5. Store a record only when it has no Error findings, using the rules as a FluentValidation IValidator<T>. A value of the
//    wrong shape is a 400 here: it could not be stored with the record.
app.MapPost("/follow-ups", async (
    HttpRequest request, IValidator<FollowUpRecord> validator, FollowUpStore store, CancellationToken cancellationToken) =>
{
    var body = await RecordBody.ReadAsync(request, wrongShapesAreFindings: false, cancellationToken);
    if (body.Record is not { } record)
    {
        return body.Problem;
    }

    // ValidationResult.IsValid is false for Warnings too (vague wording, an acknowledged "待补充"), so gate on Severity.Error:
    // warnings coach the author but do not block the record.
    var context = new ValidationContext<FollowUpRecord>(record);
    var result = await validator.ValidateAsync(context, cancellationToken);
    var warnings = ByField(result.Errors, Severity.Warning);
    if (result.Errors.Any(failure => failure.Severity == Severity.Error))
    {
        return TypedResults.ValidationProblem(
            ByField(result.Errors, Severity.Error),
            title: "The follow-up record has errors and was not stored.",
            extensions: new Dictionary<string, object?> { ["recordId"] = record.Id, ["warnings"] = warnings });
    }

    // The findings came from one evaluation of the record, which the context keeps: the grade is read from it, not evaluated again.
    var evaluation = context.GetFollowUpEvaluation()!;
    var stored = store.Add(record, evaluation);
    return TypedResults.Created(
        $"/follow-ups/{stored.Id}",
        new StoredFollowUpResponse(stored.Id, record.Id, evaluation.Grade.ToString(), evaluation.Score, warnings));
});

// 6. Read a stored record back, in the record JSON of SPEC §1.
app.MapGet("/follow-ups/{id}", (string id, FollowUpStore store) =>
    store.Find(id) is { } stored ? Results.Text(stored.Json, "application/json", System.Text.Encoding.UTF8) : Results.NotFound());

app.Run();

// Failures of one severity as problem-details errors: messages keyed by field path, such as "customer.decisionRole".
static Dictionary<string, string[]> ByField(IEnumerable<ValidationFailure> failures, Severity severity) => failures
    .Where(failure => failure.Severity == severity)
    .GroupBy(failure => failure.PropertyName, StringComparer.Ordinal)
    .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).ToArray(), StringComparer.Ordinal);

/// <summary>The sample's entry point, visible to its end-to-end tests (WebApplicationFactory&lt;Program&gt;).</summary>
public partial class Program;
