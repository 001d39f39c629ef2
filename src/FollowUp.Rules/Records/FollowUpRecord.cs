using System.Text.Json.Serialization;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules;

/// <summary>
/// A customer follow-up record (客户跟进单): what a salesperson or service agent writes after contacts with a customer.
/// </summary>
/// <remarks>
/// Every member is optional, as in the JSON an integrator sends: a missing value is reported as a finding by the
/// evaluator, never an exception. JSON uses camelCase member names; see <see cref="Serialization.FollowUpJson"/>.
/// Equality is a C# record's: lists and dictionaries are compared as references, so the same JSON read twice gives two
/// records that are not equal; compare what <see cref="Serialization.FollowUpJson.Serialize(FollowUpRecord)"/> writes to
/// compare contents.
/// </remarks>
public sealed record FollowUpRecord
{
    /// <summary>Gets the caller's identifier, echoed in every output.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    /// <summary>Gets the name of the scenario profile to evaluate with (ToB, ToC, Project, ECommerce or a custom one).</summary>
    /// <value>When <see langword="null"/>, the configured default profile is used.</value>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("scenario")]
    public string? Scenario { get; init; }

    /// <summary>Gets when this record was written.</summary>
    [JsonPropertyName("recordedAt")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public Timestamp RecordedAt { get; init; }

    /// <summary>Gets who is responsible for the record and its next step (责任人).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("owner")]
    public string? Owner { get; init; }

    /// <summary>Gets the customer's basic information (step 1, 客户基础信息).</summary>
    [JsonPropertyName("customer")]
    public Customer? Customer { get; init; }

    /// <summary>Gets the customer's needs and pain points (step 2, 需求与痛点).</summary>
    [JsonPropertyName("needs")]
    public CustomerNeeds? Needs { get; init; }

    /// <summary>Gets the communication log, one entry per contact (step 3, 沟通节点).</summary>
    [JsonPropertyName("communications")]
    public IReadOnlyList<Communication>? Communications { get; init; }

    /// <summary>Gets the deal's progress and next step (step 4, 进度与下一步).</summary>
    [JsonPropertyName("progress")]
    public DealProgress? Progress { get; init; }

    /// <summary>Gets the attached documents (step 5, 附件).</summary>
    [JsonPropertyName("attachments")]
    public IReadOnlyList<Attachment>? Attachments { get; init; }

    /// <summary>Gets the risks the author noted, each with a countermeasure (step 5, 风险与建议).</summary>
    [JsonPropertyName("risks")]
    public IReadOnlyList<RiskNote>? Risks { get; init; }

    /// <summary>Gets scenario-specific fields, such as <c>orderStatus</c> and <c>afterSales</c> for e-commerce.</summary>
    [JsonConverter(typeof(LenientStringDictionaryConverter))]
    [JsonPropertyName("custom")]
    public IReadOnlyDictionary<string, string?>? Custom { get; init; }

    /// <summary>
    /// Gets the values of the record's JSON that had the wrong shape for their field and were read as absent; the evaluation
    /// reports each as a finding on its field.
    /// </summary>
    /// <value>Empty unless <see cref="Serialization.FollowUpJson.DeserializeRecord(string)"/> found such values, or the host set them.</value>
    [JsonIgnore]
    public IReadOnlyList<InvalidValue> InvalidValues { get; init => field = value ?? []; } = [];
}
