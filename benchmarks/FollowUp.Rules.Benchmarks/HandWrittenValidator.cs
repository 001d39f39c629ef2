using System.Text.RegularExpressions;
using FluentValidation;
using FluentValidation.Results;
using FollowUp.Rules.Language;

namespace FollowUp.Rules.Benchmarks;

/// <summary>
/// The baseline of <see cref="EvaluationBenchmark"/>: what a team would write without this library to check a ToB
/// follow-up record with FluentValidation. A rule per required field of the ToB profile (not empty, not a placeholder),
/// known enumeration values, readable dates and an overdue next action, the attachments a stage needs, a countermeasure
/// for every noted risk, one <see cref="Regex"/> alternation of the vague phrases run on the free-text fields, and a
/// hand-written risk check: one alternation of the risk phrases per signal, a naive look for a negation just before each hit, and a
/// failure for each signal no noted risk answers. No folding (case is ignored by the regexes; full-width and Traditional
/// text is only caught where the lexicon lists the Traditional phrase), no grade, no messages beyond FluentValidation's.
/// </summary>
/// <remarks>
/// The phrases are the shipped lexicon's, as written: the Vague ones for the vague regex (those the lexicon marks as
/// counting only when they are the whole text, such as 同上, 1, ok, are compared with the whole trimmed value instead), the Risk ones for one regex per signal,
/// a gap (…) written as <c>.{0,8}?</c>. Built once, like a user's static validator; thread-safe.
/// </remarks>
internal sealed class HandWrittenValidator : AbstractValidator<FollowUpRecord>
{
    private static readonly HashSet<string> Placeholders =
        new(["-", "--", "---", "/", "\\", "无", "没有", "暂无", "n/a", "na", "null", "none", "nil", "空", "?", "？", ".", "。", "…", "...", "——"], StringComparer.OrdinalIgnoreCase);

    private readonly Regex _vague;
    private readonly HashSet<string> _fillers;
    private readonly (string Kind, Regex Phrases)[] _risks;

    public HandWrittenValidator(TimeProvider timeProvider)
    {
        var entries = FollowUpRuleSet.Default.DefaultProfile.Analyzer.Lexicon.Entries;
        var codes = FollowUpRuleSet.Default.SignalCodes;
        var vague = entries.Where(e => e.Role == PhraseRole.Vague).ToList();
        _vague = Alternation(vague.Where(e => (e.Flags & PhraseFlags.WholeText) == 0).Select(e => e.Phrase));
        _fillers = new HashSet<string>(vague.Where(e => (e.Flags & PhraseFlags.WholeText) != 0).Select(e => e.Phrase), StringComparer.OrdinalIgnoreCase);
        _risks = [.. entries.Where(e => e.Role == PhraseRole.Risk).GroupBy(e => codes[e.Category]).Select(g => (g.Key, Alternation(g.Select(e => e.Phrase))))];

        RuleFor(r => r.RecordedAt).Must(t => t.IsValid).WithErrorCode("InvalidDate");
        RuleFor(r => r.Owner).NotEmpty().Must(NotPlaceholder);
        RuleFor(r => r.Customer).NotNull().SetValidator(new CustomerValidator()!);
        RuleFor(r => r.Needs).NotNull().SetValidator(new NeedsValidator(this)!);
        RuleFor(r => r.Communications).NotEmpty();
        RuleForEach(r => r.Communications).SetValidator(new CommunicationValidator(this));
        RuleFor(r => r.Progress).NotNull().SetValidator(new ProgressValidator(this, timeProvider)!);
        RuleFor(r => r.Attachments).Must(HaveStageAttachments).WithErrorCode("AttachmentMissing")
            .WithMessage("The stage needs a proposal or a contract among the attachments.");
        RuleForEach(r => r.Risks).ChildRules(risk =>
        {
            risk.RuleFor(n => n.Countermeasure).NotEmpty().Must(NotPlaceholder).Must(NotVague).WithErrorCode("CountermeasureMissing");
            risk.RuleFor(n => n.Description).Must(NotVague).When(n => !string.IsNullOrWhiteSpace(n.Description));
        });
        RuleFor(r => r).Custom(CheckRisks);
    }

    private static Regex Alternation(IEnumerable<string> phrases) => new(
        string.Join('|', phrases.Distinct(StringComparer.OrdinalIgnoreCase).OrderByDescending(p => p.Length).Select(p => string.Join(".{0,8}?", p.Split(LexiconEntry.GapMarker).Select(Regex.Escape)))),
        RegexOptions.Compiled | RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);

    private static bool NotPlaceholder(string? value) => value is null || !Placeholders.Contains(value.Trim());

    private bool NotVague(string? text) => string.IsNullOrWhiteSpace(text) || (!_fillers.Contains(text.Trim()) && !_vague.IsMatch(text));

    private static bool HaveStageAttachments(FollowUpRecord record, IReadOnlyList<Attachment>? attachments)
    {
        var stage = record.Progress?.Stage.Value;
        if (stage is null or < DealStage.ProposalSent or DealStage.Lost)
        {
            return true;
        }

        var kind = stage == DealStage.Signed ? AttachmentKind.Contract : AttachmentKind.Proposal;
        return attachments is not null && attachments.Any(a => a.Kind.Value == kind);
    }

    /// <summary>Risk phrases in the free text, unless a negation comes just before; each signal no noted risk answers fails.</summary>
    private void CheckRisks(FollowUpRecord record, ValidationContext<FollowUpRecord> context)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        Scan(record.Needs?.Summary);
        foreach (var concern in record.Needs?.Concerns ?? [])
        {
            Scan(concern);
        }

        foreach (var communication in record.Communications ?? [])
        {
            Scan(communication.Summary);
            Scan(communication.Objections);
        }

        Scan(record.Progress?.NextAction);
        foreach (var kind in found)
        {
            var answered = record.Risks?.Any(r => string.Equals(r.Kind, kind, StringComparison.OrdinalIgnoreCase) && !string.IsNullOrWhiteSpace(r.Countermeasure)) == true;
            if (!answered)
            {
                context.AddFailure(new ValidationFailure("risks", $"Risk '{kind}' is mentioned but has no countermeasure.") { ErrorCode = "RiskUnanswered" });
            }
        }

        void Scan(string? text)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                return;
            }

            foreach (var (kind, phrases) in _risks)
            {
                foreach (Match match in phrases.Matches(text))
                {
                    if (!IsNegated(text, match.Index))
                    {
                        found.Add(kind);
                        break;
                    }
                }
            }
        }
    }

    private static bool IsNegated(string text, int index)
    {
        var before = text.AsSpan(Math.Max(0, index - 3), Math.Min(3, index));
        return before.IndexOfAny("不没未无") >= 0
            || before.EndsWith("no ", StringComparison.OrdinalIgnoreCase)
            || text.AsSpan(0, index).TrimEnd().EndsWith("not", StringComparison.OrdinalIgnoreCase);
    }

    private sealed class CustomerValidator : AbstractValidator<Customer>
    {
        public CustomerValidator()
        {
            RuleFor(c => c.Company).NotEmpty().Must(NotPlaceholder);
            RuleFor(c => c.Industry).NotEmpty().Must(NotPlaceholder);
            RuleFor(c => c.CompanySize).NotEmpty().Must(NotPlaceholder);
            RuleFor(c => c.Name).NotEmpty().Must(NotPlaceholder);
            RuleFor(c => c.ContactTitle).NotEmpty().Must(NotPlaceholder);
            RuleFor(c => c.DecisionRole.Value).NotNull().IsInEnum().WithName("DecisionRole");
            RuleFor(c => c.Source).NotEmpty().Must(NotPlaceholder);
            RuleFor(c => c.Level).NotEmpty().Must(NotPlaceholder);
            RuleFor(c => c).Must(c => !string.IsNullOrWhiteSpace(c.Phone) || !string.IsNullOrWhiteSpace(c.Email) || !string.IsNullOrWhiteSpace(c.WeChat)
                    || !string.IsNullOrWhiteSpace(c.WhatsApp) || !string.IsNullOrWhiteSpace(c.Line))
                .WithName("ContactMethod").WithMessage("A phone, e-mail, WeChat, WhatsApp or LINE is required.");
        }
    }

    private sealed class NeedsValidator : AbstractValidator<CustomerNeeds>
    {
        public NeedsValidator(HandWrittenValidator parent)
        {
            RuleFor(n => n.Summary).NotEmpty().Must(NotPlaceholder).Must(parent.NotVague).WithErrorCode("VagueLanguage");
            RuleFor(n => n.Quantity).NotEmpty().Must(NotPlaceholder);
            RuleFor(n => n.Budget).NotEmpty().Must(NotPlaceholder);
            RuleFor(n => n.PainPoints).NotEmpty();
        }
    }

    private sealed class CommunicationValidator : AbstractValidator<Communication>
    {
        public CommunicationValidator(HandWrittenValidator parent)
        {
            RuleFor(c => c.At).Must(t => t.IsValid).WithErrorCode("InvalidDate");
            RuleFor(c => c.Channel.Value).NotNull().IsInEnum().WithName("Channel");
            RuleFor(c => c.Contact).NotEmpty().Must(NotPlaceholder);
            RuleFor(c => c.ContactTitle).NotEmpty().Must(NotPlaceholder);
            RuleFor(c => c.ContactRole.Value).NotNull().IsInEnum().WithName("ContactRole");
            RuleFor(c => c.Summary).NotEmpty().Must(NotPlaceholder).Must(parent.NotVague).WithErrorCode("VagueLanguage");
            RuleFor(c => c.Objections).Must(parent.NotVague).WithErrorCode("VagueLanguage");
            RuleFor(c => c.Feedback.Value).NotNull().IsInEnum().WithName("Feedback");
        }
    }

    private sealed class ProgressValidator : AbstractValidator<DealProgress>
    {
        public ProgressValidator(HandWrittenValidator parent, TimeProvider timeProvider)
        {
            RuleFor(p => p.Stage.Value).NotNull().IsInEnum().WithName("Stage");
            RuleFor(p => p.NextAction).NotEmpty().Must(NotPlaceholder).Must(parent.NotVague).WithErrorCode("VagueLanguage");
            RuleFor(p => p.NextActionDue).Must(t => t.IsValid).WithErrorCode("InvalidDate");
            RuleFor(p => p.NextActionDue)
                .Must(t => t.Resolve(TimeSpan.FromHours(8)) >= timeProvider.GetUtcNow())
                .When(p => p.NextActionDue.IsValid && p.Stage.Value is not (DealStage.Signed or DealStage.Lost))
                .WithErrorCode("NextActionDueInPast");
            RuleFor(p => p.NextActionOwner).NotEmpty().Must(NotPlaceholder);
        }
    }
}
