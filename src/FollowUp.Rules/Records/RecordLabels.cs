using System.Collections.Frozen;
using FollowUp.Rules.Language;
using Microsoft.Extensions.Options;

namespace FollowUp.Rules;

/// <summary>
/// The configured labels of <see cref="RecordLabelOptions"/>, compiled: each keyed on its <see cref="EnumLabelCatalog.LookupKey"/>
/// form, read where a record's value was text the built-in labels did not know.
/// </summary>
internal sealed class RecordLabels
{
    /// <summary>No labels beyond the built-in ones: every record is evaluated as it was read.</summary>
    public static readonly RecordLabels None = new(new RecordLabelOptions());

    private readonly FrozenDictionary<string, DealStage> _stages;
    private readonly FrozenDictionary<string, ContactChannel> _channels;
    private readonly FrozenDictionary<string, CustomerFeedback> _feedback;
    private readonly FrozenDictionary<string, DecisionRole> _decisionRoles;
    private readonly FrozenDictionary<string, AttachmentKind> _attachmentKinds;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _openAfterSigning;
    private readonly bool _isEmpty;

    public RecordLabels(RecordLabelOptions options)
    {
        _stages = Compile(options.Stage);
        _channels = Compile(options.Channel);
        _feedback = Compile(options.Feedback);
        _decisionRoles = Compile(options.DecisionRole);
        _attachmentKinds = Compile(options.AttachmentKind);
        _openAfterSigning = EnumLabelCatalog.KeySet(options.OpenAfterSigning);
        _isEmpty = _stages.Count + _channels.Count + _feedback.Count + _decisionRoles.Count + _attachmentKinds.Count == 0;
    }

    /// <summary>
    /// Whether a stage's text names signed business whose work is still open: a built-in label such as 售后中 or 退货中, or one
    /// configured in <see cref="RecordLabelOptions.OpenAfterSigning"/>.
    /// </summary>
    public bool NamesOpenWorkAfterSigning(ReadOnlySpan<char> text) =>
        EnumLabelCatalog.NamesOpenWorkAfterSigning(text) || (_openAfterSigning.Set.Count > 0 && EnumLabelCatalog.ContainsKeyOf(_openAfterSigning, text));

    /// <summary>
    /// Whether an after-sales field's value (<c>custom.afterSales</c>) names work still open: a status the stage would name it
    /// by (退货中, 換貨處理中, Returning, or a label of <see cref="RecordLabelOptions.OpenAfterSigning"/>), alone or heading its
    /// details (换货处理中：换新内胆，旧件顺丰到付寄回), and not followed by a status of work done (退货中；已退款). Each clause
    /// between punctuation is read as a stage label is; clauses naming neither are details. A value that says there is none
    /// (无, 无售后, none) names no open work.
    /// </summary>
    public bool AfterSalesNamesOpenWork(string value)
    {
        var open = false;
        var rest = value.AsSpan();
        while (!rest.IsEmpty)
        {
            var end = ClauseEnd(rest);
            var clause = rest[..end].Trim();
            rest = end < rest.Length ? rest[(end + 1)..] : default;
            if (clause.IsEmpty || clause.Length > LongestStatus)
            {
                continue;
            }

            if (NamesOpenWorkAfterSigning(clause))
            {
                open = true;
            }
            else if (EnumLabelCatalog.NamesFinishedAfterSalesWork(clause))
            {
                open = false;
            }
        }

        return open;
    }

    /// <summary>The longest clause read as a status; a longer one is a detail, and is not folded to be looked up.</summary>
    private const int LongestStatus = 32;

    /// <summary>Where the clause starting <paramref name="text"/> ends: at punctuation between statuses and details, or its end.</summary>
    private static int ClauseEnd(ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (TextFolding.Fold(text[i]) is ':' or ',' or ';' or '.' or '(' or ')' or '/' or '|' or '\n' or '\r' or '。' or '、' or '→' or '>')
            {
                return i;
            }
        }

        return text.Length;
    }

    /// <summary>
    /// The record with each value whose text the built-in labels did not know, and a configured label names, read as that
    /// label's member (its text kept); the record itself when none is.
    /// </summary>
    public FollowUpRecord Read(FollowUpRecord record)
    {
        if (_isEmpty)
        {
            return record;
        }

        var customer = record.Customer;
        var decisionRole = Read(customer?.DecisionRole ?? default, _decisionRoles);
        var progress = record.Progress;
        var stage = Read(progress?.Stage ?? default, _stages);
        var communications = ReadEach(record.Communications, Read);
        var attachments = ReadEach(record.Attachments, Read);
        var customerChanged = customer is not null && decisionRole != customer.DecisionRole;
        var progressChanged = progress is not null && stage != progress.Stage;
        if (!customerChanged && !progressChanged && ReferenceEquals(communications, record.Communications) && ReferenceEquals(attachments, record.Attachments))
        {
            return record;
        }

        return record with
        {
            Customer = customerChanged ? customer! with { DecisionRole = decisionRole } : customer,
            Progress = progressChanged ? progress! with { Stage = stage } : progress,
            Communications = communications,
            Attachments = attachments,
        };
    }

    /// <summary>
    /// Adds an error, naming its key under <paramref name="root"/>, for each configured label that is empty, names no member,
    /// or reads as a label of another member, and for each open-work stage label that does not read as Signed.
    /// </summary>
    public static void Check(ValidateOptionsResultBuilder builder, RecordLabelOptions options, string root)
    {
        Check(builder, options.Stage, $"{root}:Stage");
        Check(builder, options.Channel, $"{root}:Channel");
        Check(builder, options.Feedback, $"{root}:Feedback");
        Check(builder, options.DecisionRole, $"{root}:DecisionRole");
        Check(builder, options.AttachmentKind, $"{root}:AttachmentKind");

        var configuredStages = Compile(options.Stage.Where(label => !string.IsNullOrWhiteSpace(label.Key) && Enum.IsDefined(label.Value)));
        for (var i = 0; i < options.OpenAfterSigning.Count; i++)
        {
            var label = options.OpenAfterSigning[i];
            var key = $"{root}:OpenAfterSigning:{i} ('{label}')";
            if (string.IsNullOrWhiteSpace(label))
            {
                builder.AddError("is empty; write a stage label, such as 补寄中", key);
            }
            else if ((configuredStages.TryGetValue(EnumLabelCatalog.LookupKey(label), out var stage) || EnumLabels<DealStage>.TryParse(label, out stage))
                && stage == DealStage.Signed)
            {
                continue;
            }
            else
            {
                builder.AddError(
                    $"must be a label of Signed, built in or configured under {root}:Stage, since a stage of open work after signing is signed business",
                    key);
            }
        }
    }

    private static void Check<TEnum>(ValidateOptionsResultBuilder builder, IDictionary<string, TEnum> labels, string root)
        where TEnum : struct, Enum
    {
        var configured = new Dictionary<string, (string Label, TEnum Member)>(StringComparer.Ordinal);
        foreach (var (label, member) in labels)
        {
            var key = $"{root}:{label}";
            if (string.IsNullOrWhiteSpace(label))
            {
                builder.AddError("is empty; a label is the text a CRM stores for the value", $"{root}:'{label}'");
                continue;
            }

            if (!Enum.IsDefined(member))
            {
                builder.AddError($"names no member ('{member}'); the members are {EnumLabels<TEnum>.NameList}", key);
                continue;
            }

            // A built-in label is read when the record is, before the configured ones are: the configured member would never be.
            if (EnumLabels<TEnum>.TryParse(label, out var builtIn) && !EqualityComparer<TEnum>.Default.Equals(builtIn, member))
            {
                builder.AddError($"is already a label of {EnumLabels<TEnum>.NameOf(builtIn)}, so it cannot name {EnumLabels<TEnum>.NameOf(member)}", key);
                continue;
            }

            var lookup = EnumLabelCatalog.LookupKey(label);
            if (configured.TryGetValue(lookup, out var other) && !EqualityComparer<TEnum>.Default.Equals(other.Member, member))
            {
                builder.AddError(
                    $"reads as '{other.Label}', configured for {EnumLabels<TEnum>.NameOf(other.Member)}, so it cannot name {EnumLabels<TEnum>.NameOf(member)}; labels are compared in any case, width and script",
                    key);
                continue;
            }

            configured.TryAdd(lookup, (label, member));
        }
    }

    private static FrozenDictionary<string, TEnum> Compile<TEnum>(IEnumerable<KeyValuePair<string, TEnum>> labels)
        where TEnum : struct, Enum =>
        labels.GroupBy(label => EnumLabelCatalog.LookupKey(label.Key), StringComparer.Ordinal)
            .ToFrozenDictionary(group => group.Key, group => group.First().Value, StringComparer.Ordinal);

    private static EnumValue<TEnum> Read<TEnum>(EnumValue<TEnum> value, FrozenDictionary<string, TEnum> labels)
        where TEnum : struct, Enum =>
        value.IsUnrecognized && labels.Count > 0 && value.Text is { } text && labels.TryGetValue(EnumLabelCatalog.LookupKey(text), out var member)
            ? EnumValue<TEnum>.Recognised(member, text)
            : value;

    /// <summary>The communication with its values read, or <see langword="null"/> when none changes.</summary>
    private Communication? Read(Communication communication)
    {
        var channel = Read(communication.Channel, _channels);
        var contactRole = Read(communication.ContactRole, _decisionRoles);
        var feedback = Read(communication.Feedback, _feedback);
        return channel == communication.Channel && contactRole == communication.ContactRole && feedback == communication.Feedback
            ? null
            : communication with { Channel = channel, ContactRole = contactRole, Feedback = feedback };
    }

    /// <summary>The attachment with its kind read, or <see langword="null"/> when it does not change.</summary>
    private Attachment? Read(Attachment attachment) =>
        Read(attachment.Kind, _attachmentKinds) is var kind && kind != attachment.Kind ? attachment with { Kind = kind } : null;

    /// <summary>The entries each read by <paramref name="read"/>; the list itself when none changes. A null entry stays null.</summary>
    private static IReadOnlyList<T>? ReadEach<T>(IReadOnlyList<T>? entries, Func<T, T?> read)
        where T : class
    {
        T[]? copy = null;
        for (var i = 0; i < (entries?.Count ?? 0); i++)
        {
            if (entries![i] is { } entry && read(entry) is { } resolved)
            {
                copy ??= [.. entries];
                copy[i] = resolved;
            }
        }

        return copy ?? entries;
    }
}
