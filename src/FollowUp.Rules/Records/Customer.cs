using System.Text.Json.Serialization;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules;

/// <summary>The customer's basic information (客户基础信息).</summary>
public sealed record Customer
{
    /// <summary>Gets the contact person's name.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    /// <summary>Gets the company name (企业名称).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("company")]
    public string? Company { get; init; }

    /// <summary>Gets the industry (行业).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("industry")]
    public string? Industry { get; init; }

    /// <summary>Gets the company size (规模), as free text such as "500-1000人".</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("companySize")]
    public string? CompanySize { get; init; }

    /// <summary>Gets the contact's job title (岗位).</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("contactTitle")]
    public string? ContactTitle { get; init; }

    /// <summary>Gets the contact's role in the decision (决策权).</summary>
    [JsonPropertyName("decisionRole")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public EnumValue<DecisionRole> DecisionRole { get; init; }

    /// <summary>Gets the lead source (来源渠道), such as 线上咨询 or 线下活动.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("source")]
    public string? Source { get; init; }

    /// <summary>Gets the customer level (客户等级), such as A, B or C.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("level")]
    public string? Level { get; init; }

    /// <summary>Gets the phone number.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    /// <summary>Gets the e-mail address.</summary>
    [JsonConverter(typeof(LenientStringConverter))]
    [JsonPropertyName("email")]
    public string? Email { get; init; }

    /// <summary>Gets the WeChat id.</summary>
    [JsonPropertyName("wechat")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? WeChat { get; init; }

    /// <summary>Gets the WhatsApp number, how customers in Hong Kong, Macao, Singapore and Malaysia are mostly reached.</summary>
    [JsonPropertyName("whatsapp")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? WhatsApp { get; init; }

    /// <summary>Gets the LINE id (LINE 帳號), how customers in Taiwan are mostly reached.</summary>
    [JsonPropertyName("line")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Line { get; init; }
}
