using FollowUp.Rules.Completeness;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests.Generators;

/// <summary>Fills a missing field of a record, given its path in the output notation, with a value of the field's kind.</summary>
/// <remarks>
/// A filled value completes what the field asks for: the risks a full entry with a countermeasure, a noted risk's
/// countermeasure the text given (vague or not), the attachments a proposal and a contract, an empty communication log one
/// entry with a summary and a time.
/// </remarks>
internal static class RecordEditor
{
    /// <summary>Fills <paramref name="path"/>, or returns <see langword="null"/> when the path is not a field one can fill by itself.</summary>
    /// <param name="record">The record.</param>
    /// <param name="path">A path from <see cref="StepResult.Missing"/>, such as <c>communications[0].summary</c>.</param>
    /// <param name="text">The text for a text field.</param>
    /// <param name="time">The time for a time field.</param>
    /// <param name="choice">Which member an enumeration field gets (any integer).</param>
    public static FollowUpRecord? Fill(FollowUpRecord record, string path, string text, DateTimeOffset time, int choice)
    {
        var customer = record.Customer ?? new Customer();
        var needs = record.Needs ?? new CustomerNeeds();
        var progress = record.Progress ?? new DealProgress();
        if (TryIndex(path, "communications[", out var index, out var member))
        {
            // An empty log is reported as missing the fields of its first entry: filling one of them starts the log.
            var entries = (record.Communications ?? []).ToList();
            while (entries.Count <= index)
            {
                entries.Add(new Communication());
            }

            var entry = entries[index] ?? new Communication();
            entries[index] = member switch
            {
                "at" => entry with { At = time },
                "channel" => entry with { Channel = Pick<ContactChannel>(choice) },
                "contact" => entry with { Contact = text },
                "contactTitle" => entry with { ContactTitle = text },
                "contactRole" => entry with { ContactRole = Pick<DecisionRole>(choice) },
                "summary" => entry with { Summary = text },
                "feedback" => entry with { Feedback = Pick<CustomerFeedback>(choice) },
                _ => entry,
            };
            return record with { Communications = entries };
        }

        if (TryIndex(path, "risks[", out index, out _))
        {
            var risks = (record.Risks ?? []).ToArray();
            risks[index] = (risks[index] ?? new RiskNote()) with { Countermeasure = text };
            return record with { Risks = risks };
        }

        if (path.StartsWith(FollowUpFields.CustomPrefix, StringComparison.Ordinal))
        {
            return record.WithCustom(path[FollowUpFields.CustomPrefix.Length..], text);
        }

        return path switch
        {
            FollowUpFields.CustomerCompany => record with { Customer = customer with { Company = text } },
            FollowUpFields.CustomerIndustry => record with { Customer = customer with { Industry = text } },
            FollowUpFields.CustomerCompanySize => record with { Customer = customer with { CompanySize = text } },
            FollowUpFields.CustomerName => record with { Customer = customer with { Name = text } },
            FollowUpFields.CustomerContactTitle => record with { Customer = customer with { ContactTitle = text } },
            FollowUpFields.CustomerDecisionRole => record with { Customer = customer with { DecisionRole = Pick<DecisionRole>(choice) } },
            FollowUpFields.CustomerSource => record with { Customer = customer with { Source = text } },
            FollowUpFields.CustomerLevel => record with { Customer = customer with { Level = text } },
            FollowUpFields.CustomerPhone => record with { Customer = customer with { Phone = text } },
            FollowUpFields.CustomerEmail => record with { Customer = customer with { Email = text } },
            FollowUpFields.CustomerWeChat => record with { Customer = customer with { WeChat = text } },
            FollowUpFields.CustomerWhatsApp => record with { Customer = customer with { WhatsApp = text } },
            FollowUpFields.CustomerLine => record with { Customer = customer with { Line = text } },
            FollowUpFields.NeedsSummary => record with { Needs = needs with { Summary = text } },
            FollowUpFields.NeedsQuantity => record with { Needs = needs with { Quantity = text } },
            FollowUpFields.NeedsBudget => record with { Needs = needs with { Budget = text } },
            FollowUpFields.NeedsPainPoints => record with { Needs = needs with { PainPoints = [text] } },
            FollowUpFields.NeedsChanges => record with
            {
                Needs = needs with { Changes = [.. needs.Changes ?? [], new NeedsChange { At = time, Description = text }] },
            },
            FollowUpFields.Communications => record with { Communications = [new Communication { Summary = text, At = time }] },
            FollowUpFields.ProgressStage => record with { Progress = progress with { Stage = Pick<DealStage>(choice) } },
            FollowUpFields.ProgressStageSince => record with { Progress = progress with { StageSince = time } },
            FollowUpFields.ProgressNextAction => record with { Progress = progress with { NextAction = text } },
            FollowUpFields.ProgressNextActionDue => record with { Progress = progress with { NextActionDue = time } },
            FollowUpFields.ProgressNextActionOwner => record with { Progress = progress with { NextActionOwner = text } },
            FollowUpFields.Attachments => record with
            {
                Attachments =
                [
                    .. record.Attachments ?? [],
                    new Attachment { Kind = AttachmentKind.Proposal, Name = text },
                    new Attachment { Kind = AttachmentKind.Contract, Name = text },
                ],
            },
            FollowUpFields.Risks => record with { Risks = [.. record.Risks ?? [], ConcreteRisk] },
            _ => null,
        };
    }

    /// <summary>A complete noted risk, so a new entry adds no missing field of its own.</summary>
    private static RiskNote ConcreteRisk => SampleRecords.CompleteProject().Risks![0];

    private static EnumValue<T> Pick<T>(int choice)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return values[Math.Abs(choice % values.Length)];
    }

    private static bool TryIndex(string path, string prefix, out int index, out string member)
    {
        index = -1;
        member = "";
        if (!path.StartsWith(prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var close = path.IndexOf(']', StringComparison.Ordinal);
        index = int.Parse(path.AsSpan(prefix.Length, close - prefix.Length), System.Globalization.CultureInfo.InvariantCulture);
        member = close + 2 <= path.Length ? path[(close + 2)..] : "";
        return true;
    }
}
