using FluentValidation;
using FollowUp.Rules;
using FollowUp.Rules.Serialization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// 1. Register FollowUp.Rules and bind its options from appsettings.json (section "FollowUpRules").
var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddFollowUpRules();
builder.Services.Configure<FollowUpRulesOptions>(
    builder.Configuration.GetSection(FollowUpRulesOptions.SectionName), binder => binder.ErrorOnUnknownConfiguration = true);
using var host = builder.Build();

// 2. Resolve the evaluator: built once, immutable, thread-safe.
var evaluator = host.Services.GetRequiredService<IFollowUpEvaluator>();

// 3. Evaluate a record. "KeyAccounts" is the custom profile defined in appsettings.json.
var record = new FollowUpRecord
{
    Id = "FU-0001",
    Scenario = "KeyAccounts",
    RecordedAt = DateTimeOffset.Now,
    Owner = "李明",
    Customer = new Customer
    {
        Name = "张伟", Company = "宏图建筑设计院", Industry = "建筑设计", CompanySize = "500-1000人",
        ContactTitle = "采购经理", DecisionRole = DecisionRole.Influencer, Source = "线上咨询", Level = "A", Phone = "13800000000",
    },
    Needs = new CustomerNeeds { Summary = "替换现有ERP，解决多仓库存不准", Quantity = "200 套", Budget = "客户暂未明确", PainPoints = ["库存不准"] },
    Communications =
    [
        new Communication
        {
            At = DateTimeOffset.Now.AddHours(-3), Channel = ContactChannel.Phone, Contact = "张伟", ContactTitle = "采购经理",
            ContactRole = DecisionRole.Influencer, Summary = "跟进中，等客户回复", Feedback = CustomerFeedback.Pending,
        },
    ],
    Progress = new DealProgress { Stage = DealStage.NeedsConfirmed, NextAction = "发送正式报价单", NextActionDue = DateTimeOffset.Now.AddDays(3) },
};

var evaluation = evaluator.Evaluate(record);
Console.WriteLine($"{evaluation.Id}: {evaluation.Grade} ({evaluation.Score}), profile {evaluation.Profile}, risk {evaluation.Risk.Level}");
foreach (var step in evaluation.Completeness.Steps)
{
    Console.WriteLine($"  {step.Step,-20} {step.Score,5}  missing: {string.Join(", ", step.Missing)}");
}

foreach (var finding in evaluation.Findings)
{
    Console.WriteLine($"  [{finding.Severity}] {finding.Code} {finding.Field}: {finding.Message}");
}

// 4. Or use the same rules as a FluentValidation validator in your own pipeline.
var validator = host.Services.GetRequiredService<IValidator<FollowUpRecord>>();
var result = validator.Validate(record);
Console.WriteLine($"valid: {result.IsValid}, {result.Errors.Count} findings");

// 5. Evaluate a JSON file of records (JSON Lines or a JSON array), streamed: a line that cannot be read comes back in
//    place, unevaluated, with its number and the reason.
using var file = new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"{FollowUpJson.Serialize(record)}\n{{\"id\":\"FU-0002\", x}}\n"));
await foreach (var (row, rowEvaluation) in evaluator.EvaluateRowsAsync(FollowUpJson.ReadRecordsAsync(file), row => row.Record))
{
    Console.WriteLine(rowEvaluation is null ? $"unreadable {row}" : $"{row}: {rowEvaluation.Grade}");
}
