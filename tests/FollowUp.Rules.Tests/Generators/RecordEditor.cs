using FollowUp.Rules.Completeness;

namespace FollowUp.Rules.Tests.Generators;

/// <summary>Fills a missing field of a record, given its path in the output notation, with a value of the field's kind.</summary>
internal static class RecordEditor
{
    /// <summary>Fills <paramref name="path"/>, or returns <see langword="null"/> when the path is not a field one can fill by itself.</summary>
    public static FollowUpRecord? Fill(FollowUpRecord record, string path, string text, DateTimeOffset time, int choice)
    {
        var customer = record.Customer ?? new Customer();
        var needs = record.Needs ?? new CustomerNeeds();
        var progress = record.Progress ?? new DealProgress();
        if (TryIndex(path, "communications[", out var index, out var member))
        {
            var list = (record.Communications ?? []).ToList();
            while (list.Count <= index)
            {
                list.Add(new Communication());
            }

            var entry = list[index] ?? new Communication();
            entry = member switch
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
            list[index] = entry;
            return record with { Communications = list };
        }

        if (TryIndex(path, "risks[", out index, out member) && member == "countermeasure")
        {
            var risks = record.Risks!.ToList();
            risks[index] = (risks[index] ?? new RiskNote()) with { Countermeasure = text };
            return record with { Risks = risks };
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
            FollowUpFields.NeedsSummary => record with { Needs = needs with { Summary = text } },
            FollowUpFields.NeedsQuantity => record with { Needs = needs with { Quantity = text } },
            FollowUpFields.NeedsBudget => record with { Needs = needs with { Budget = text } },
            FollowUpFields.NeedsPainPoints => record with { Needs = needs with { PainPoints = [text] } },
            FollowUpFields.NeedsChanges => record with { Needs = needs with { Changes = [new NeedsChange { At = time, Description = text }] } },
            FollowUpFields.Communications => record with { Communications = [new Communication()] },
            FollowUpFields.ProgressStage => record with { Progress = progress with { Stage = Pick<DealStage>(choice) } },
            FollowUpFields.ProgressNextAction => record with { Progress = progress with { NextAction = text } },
            FollowUpFields.ProgressNextActionDue => record with { Progress = progress with { NextActionDue = time } },
            FollowUpFields.ProgressNextActionOwner => record with { Progress = progress with { NextActionOwner = text } },
            FollowUpFields.Attachments => record with
            {
                Attachments = [.. record.Attachments ?? [], new Attachment { Kind = Pick<AttachmentKind>(choice), Name = text }],
            },
            _ when path.StartsWith(FollowUpFields.CustomPrefix, StringComparison.Ordinal) => record with
            {
                Custom = new Dictionary<string, string?>(record.Custom ?? new Dictionary<string, string?>()) { [path[FollowUpFields.CustomPrefix.Length..]] = text },
            },
            _ => null,
        };
    }

    private static EnumValue<T> Pick<T>(int choice)
        where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        return values[Math.Abs(choice) % values.Length];
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
