using System.Globalization;
using FollowUp.Rules.Completeness;
using FollowUp.Rules.Messages;

namespace FollowUp.Rules.Risk;

/// <summary>The built-in signals: the text signals of the lexicon, and detectors for the ones the record's structure shows.</summary>
internal static class BuiltInRiskSignals
{
    /// <summary>The text signals, found by the shared automaton during the inspection.</summary>
    public static readonly RiskSignalDefinition[] TextSignals =
        [.. RiskSignalCodes.TextSignals.Select(code => new RiskSignalDefinition(code, 0.3))];

    /// <summary>The structural detectors, in the order their signals are reported.</summary>
    public static readonly IRiskSignalDetector[] Detectors =
    [
        new StaleDetector(), new NextActionDetector(), new OwnerDetector(), new DecisionChainDetector(), new StalledStageDetector(),
        new LastFeedbackDetector(),
    ];

    private static DaysText Days(TimeSpan span) => new(span);

    private static TimeText Date(RiskDetectionContext context, DateTimeOffset value) => TimeText.Date(value, context.DefaultUtcOffset);

    /// <summary>
    /// Whether a record may go stale (<see cref="RiskSignalCodes.Stale"/>): not a lost deal, which is no longer followed up; a
    /// signed one is (delivery, renewal), unless the profile takes a signed deal for a finished order
    /// (<see cref="Profiles.FollowUpProfile.FollowUpAfterSigning"/>), its stage names no work still open (售后中, 退货中) and no
    /// next action is written for it.
    /// </summary>
    public static bool MayGoStale(Inspection inspection, Profiles.FollowUpProfile profile) =>
        !(inspection.Stage == DealStage.Lost || (inspection.Stage == DealStage.Signed && !profile.FollowUpAfterSigning && !inspection.ChecksNextActionDue));

    /// <summary>The latest communication is older than the profile's limit, in a record that may go stale (<see cref="MayGoStale"/>).</summary>
    private sealed class StaleDetector : IRiskSignalDetector
    {
        public IReadOnlyList<RiskSignalDefinition> Signals { get; } = [new(RiskSignalCodes.Stale, 0.3)];

        public void Detect(RiskDetectionContext context)
        {
            if (!MayGoStale(context.Inspection, context.Profile))
            {
                return;
            }

            var (index, at) = context.Inspection.LatestContact;
            if (at is { } latest && context.Now - latest > context.Profile.StaleAfter)
            {
                context.Report(RiskSignalCodes.Stale, FieldPaths.CommunicationAt[index],
                    context.Messages.Evidence("EvidenceStale", Date(context, latest),
                        LatenessText.Beyond(context.Messages, context.Now - latest, context.Profile.StaleAfter), Days(context.Profile.StaleAfter)));
            }
            else if (index < 0 && context.Resolve(context.Record.RecordedAt) is { } recorded && context.Now - recorded > context.Profile.StaleAfter)
            {
                context.Report(RiskSignalCodes.Stale, FollowUpFields.Communications, context.Messages.Evidence("EvidenceNeverContacted", Date(context, recorded)));
            }
        }
    }

    /// <summary>
    /// An open deal with no next action, or one past its due time; also a signed deal's written next action past its due time,
    /// in every profile, as the action written for it (上线培训, 续约会议, an after-sales case) is work promised for a date.
    /// </summary>
    private sealed class NextActionDetector : IRiskSignalDetector
    {
        public IReadOnlyList<RiskSignalDefinition> Signals { get; } =
        [
            new(RiskSignalCodes.NextActionOverdue, 0.25, RequiresCountermeasure: false),
            new(RiskSignalCodes.NoNextAction, 0.25, RequiresCountermeasure: false),
        ];

        public void Detect(RiskDetectionContext context)
        {
            // The inspection's own reading of the next action and its due date, so the signal agrees with the grade: a next action
            // with no content (好的) is missing for both.
            var inspection = context.Inspection;
            if (!inspection.ChecksNextActionDue)
            {
                return;
            }

            if (context.IsOpenStage && inspection.NextActionState != FieldState.Filled)
            {
                context.Report(RiskSignalCodes.NoNextAction, FollowUpFields.ProgressNextAction, context.Stage is { } stage
                    ? context.Messages.ForArgument("EvidenceNoNextAction", context.Messages.StageAsWritten(EnumLabels<DealStage>.NameOf(stage), context.Inspection.StageWritten))
                    : context.Messages.Fixed("EvidenceNoNextActionNoStage"));
            }

            if (inspection.NextActionDue is { } due && inspection.NextActionDeadline is { } deadline && deadline < context.Now)
            {
                context.Report(RiskSignalCodes.NextActionOverdue, FollowUpFields.ProgressNextActionDue,
                    context.Messages.Evidence("EvidenceOverdue", TimeText.DueDay(due, inspection.NextActionDueIsDateOnly, context.DefaultUtcOffset),
                        LatenessText.For(context.Messages, inspection.NextActionLateness)));
            }
        }
    }

    /// <summary>Nobody is responsible: no next-action owner and no record owner.</summary>
    private sealed class OwnerDetector : IRiskSignalDetector
    {
        public IReadOnlyList<RiskSignalDefinition> Signals { get; } = [new(RiskSignalCodes.NoOwner, 0.2, RequiresCountermeasure: false)];

        public void Detect(RiskDetectionContext context)
        {
            if (context.Inspection.OwnerState != FieldState.Filled)
            {
                context.Report(RiskSignalCodes.NoOwner, FollowUpFields.ProgressNextActionOwner, context.Messages.Fixed("EvidenceNoOwner"));
            }
        }
    }

    /// <summary>The decision chain (决策链): no decision maker reached late in the deal, or only one person ever spoken to.</summary>
    private sealed class DecisionChainDetector : IRiskSignalDetector
    {
        public IReadOnlyList<RiskSignalDefinition> Signals { get; } =
        [
            new(RiskSignalCodes.NoDecisionMaker, 0.25),
            new(RiskSignalCodes.SingleThreaded, 0.2),
        ];

        public void Detect(RiskDetectionContext context)
        {
            var communications = context.Record.Communications ?? [];
            if (context.Stage is DealStage.ProposalSent or DealStage.AwaitingFeedback or DealStage.Negotiation
                && context.Record.Customer?.DecisionRole.Value != DecisionRole.DecisionMaker
                && !ReachedDecisionMaker(communications))
            {
                context.Report(RiskSignalCodes.NoDecisionMaker, FollowUpFields.Communications,
                    context.Messages.ForArgument("EvidenceNoDecisionMaker", context.Messages.StageAsWritten(EnumLabels<DealStage>.NameOf(context.Stage.Value), context.Inspection.StageWritten)));
            }

            // A null entry of the log is no communication, as in the completeness of the log.
            var entries = Entries(communications);
            if (entries >= 2 && OnlyContact(context, communications) is { } only)
            {
                context.Report(RiskSignalCodes.SingleThreaded, FollowUpFields.Communications,
                    context.Messages.Evidence("EvidenceSingleThreaded", entries, only));
            }
        }

        private static int Entries(IReadOnlyList<Communication?> communications)
        {
            var entries = 0;
            for (var i = 0; i < communications.Count; i++)
            {
                entries += communications[i] is null ? 0 : 1;
            }

            return entries;
        }

        // Indexed loops: a foreach over the IReadOnlyList would box its enumerator on every record.
        private static bool ReachedDecisionMaker(IReadOnlyList<Communication?> communications)
        {
            for (var i = 0; i < communications.Count; i++)
            {
                if (communications[i]?.ContactRole.Value == DecisionRole.DecisionMaker)
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>The one person every named contact was with, or <see langword="null"/> when there were several or none named.</summary>
        private static string? OnlyContact(RiskDetectionContext context, IReadOnlyList<Communication?> communications)
        {
            string? only = null;
            for (var i = 0; i < communications.Count; i++)
            {
                var name = communications[i]?.Contact;
                if (name is null || context.StateOf(name) != FieldState.Filled)
                {
                    continue;
                }

                var trimmed = name.AsSpan().Trim();
                if (only is null)
                {
                    only = trimmed.Length == name.Length ? name : trimmed.ToString();
                }
                else if (!trimmed.Equals(only, StringComparison.OrdinalIgnoreCase))
                {
                    return null;
                }
            }

            return only;
        }
    }

    /// <summary>An open deal that has not moved stage for longer than the profile's limit.</summary>
    private sealed class StalledStageDetector : IRiskSignalDetector
    {
        public IReadOnlyList<RiskSignalDefinition> Signals { get; } = [new(RiskSignalCodes.StalledStage, 0.25)];

        public void Detect(RiskDetectionContext context)
        {
            if (context.IsOpenStage && context.Record.Progress is { } progress && context.Resolve(progress.StageSince) is { } since
                && context.Now - since > context.Profile.StalledStageAfter)
            {
                var days = LatenessText.Beyond(context.Messages, context.Now - since, context.Profile.StalledStageAfter);
                var limit = Days(context.Profile.StalledStageAfter);
                context.Report(RiskSignalCodes.StalledStage, FollowUpFields.ProgressStageSince, context.Stage is { } stage
                    ? context.Messages.Evidence("EvidenceStalledStage", Date(context, since), context.Messages.StageAsWritten(EnumLabels<DealStage>.NameOf(stage), context.Inspection.StageWritten), days, limit)
                    : context.Messages.Evidence("EvidenceStalledStageUnknown", Date(context, since), days, limit));
            }
        }
    }

    /// <summary>The latest communication left the customer dissatisfied.</summary>
    private sealed class LastFeedbackDetector : IRiskSignalDetector
    {
        public IReadOnlyList<RiskSignalDefinition> Signals { get; } = [new(RiskSignalCodes.NegativeLastFeedback, 0.35)];

        public void Detect(RiskDetectionContext context)
        {
            var (index, at) = context.Inspection.LatestContact;
            if (index >= 0 && context.Record.Communications![index] is { Feedback.Value: CustomerFeedback.Dissatisfied } latest)
            {
                context.Report(RiskSignalCodes.NegativeLastFeedback, FieldPaths.CommunicationFeedback[index], LabelOf(context, latest, at) is { } label
                    ? context.Messages.Evidence("EvidenceNegativeLastFeedback", label)
                    : context.Messages.Fixed("EvidenceNegativeLastFeedbackUnlabelled"));
            }
        }

        /// <summary>
        /// Which contact it was, as the record gives it: the person's name, else its date and channel as written
        /// (2026-11-25 电话), either alone; <see langword="null"/> when it gives none. ToC and ECommerce ignore the name, so
        /// their records seldom have one.
        /// </summary>
        private static string? LabelOf(RiskDetectionContext context, Communication communication, DateTimeOffset? at)
        {
            if (Filled(context, communication.Contact) is { } name)
            {
                return name;
            }

            // A known channel in the message's language (电话, Phone), whatever the record wrote; Other and unknown text as
            // written (千牛 says more than 其他).
            var channel = communication.Channel.Value is { } known && known != ContactChannel.Other
                ? context.Messages.ValueLabel(known)
                : Filled(context, communication.Channel.Text) ?? communication.Channel.Value?.ToString();
            return (at, channel) switch
            {
                ({ } day, { } via) => string.Create(CultureInfo.InvariantCulture, $"{Date(context, day)} {via}"),
                ({ } day, null) => Date(context, day).ToString(),
                (null, { } via) => via,
                _ => null,
            };
        }

        private static string? Filled(RiskDetectionContext context, string? value) =>
            value is not null && context.StateOf(value) == FieldState.Filled ? value.Trim() : null;
    }
}
