using CustomRiskSignal;
using FollowUp.Rules;
using Microsoft.Extensions.DependencyInjection;

// 1. Register FollowUp.Rules with a custom risk signal; weigh it per profile like any built-in signal.
var services = new ServiceCollection();
services.AddFollowUpRules(options => options.Profiles["ToB"] = new FollowUp.Rules.Profiles.ProfileOptions
    {
        SignalWeights = { [TenderProcessSignal.Code] = 0.4 },
    })
    .AddRiskSignal<TenderProcessSignal>();
using var provider = services.BuildServiceProvider();
var evaluator = provider.GetRequiredService<IFollowUpEvaluator>();

// 2. A record whose log mentions a public tender.
var record = new FollowUpRecord
{
    Id = "FU-2001",
    Scenario = "ToB",
    Owner = "李明",
    Communications =
    [
        new Communication
        {
            At = DateTimeOffset.Now.AddDays(-1), Channel = ContactChannel.Meeting, Contact = "王总", ContactRole = DecisionRole.DecisionMaker,
            Summary = "客户确认明年 3 月走公开招标，预算 120 万", Feedback = CustomerFeedback.Pending,
        },
    ],
};

// 3. The custom signal is reported, weighed and must be answered in `risks` like a built-in one.
var evaluation = evaluator.Evaluate(record);
foreach (var signal in evaluation.Risk.Signals)
{
    Console.WriteLine($"{signal.Code,-18} {signal.Weight,4}  {signal.Field}: {signal.Evidence}");
}

Console.WriteLine($"risk {evaluation.Risk.Score} ({evaluation.Risk.Level})");
var answered = evaluator.Evaluate(record with
{
    Risks = [new RiskNote { Kind = TenderProcessSignal.Code, Countermeasure = "2 月前拿到招标文件，提前备好资质和案例" }],
});
Console.WriteLine($"unanswered before: {evaluation.Findings.Count(f => f.Code == FindingCodes.RiskUnanswered)}, after: {answered.Findings.Count(f => f.Code == FindingCodes.RiskUnanswered)}");
