namespace FollowUp.Rules;

/// <summary>The customer's basic information (客户基础信息).</summary>
public sealed record Customer
{
    /// <summary>Gets the contact person's name.</summary>
    public string? Name { get; init; }

    /// <summary>Gets the company name (企业名称).</summary>
    public string? Company { get; init; }

    /// <summary>Gets the industry (行业).</summary>
    public string? Industry { get; init; }

    /// <summary>Gets the company size (规模), as free text such as "500-1000人".</summary>
    public string? CompanySize { get; init; }

    /// <summary>Gets the contact's job title (岗位).</summary>
    public string? ContactTitle { get; init; }

    /// <summary>Gets the contact's role in the decision (决策权).</summary>
    public EnumValue<DecisionRole> DecisionRole { get; init; }

    /// <summary>Gets the lead source (来源渠道), such as 线上咨询 or 线下活动.</summary>
    public string? Source { get; init; }

    /// <summary>Gets the customer level (客户等级), such as A, B or C.</summary>
    public string? Level { get; init; }

    /// <summary>Gets the phone number.</summary>
    public string? Phone { get; init; }

    /// <summary>Gets the e-mail address.</summary>
    public string? Email { get; init; }

    /// <summary>Gets the WeChat id.</summary>
    [System.Text.Json.Serialization.JsonPropertyName("wechat")]
    public string? WeChat { get; init; }
}
