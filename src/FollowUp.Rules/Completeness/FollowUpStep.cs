using System.Text.Json.Serialization;

namespace FollowUp.Rules.Completeness;

/// <summary>The five steps of a complete follow-up record (规范填写的五大步骤).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<FollowUpStep>))]
public enum FollowUpStep
{
    /// <summary>Step 1, customer basics (客户基础信息).</summary>
    BasicInfo,

    /// <summary>Step 2, needs and pain points (需求与痛点).</summary>
    Needs,

    /// <summary>Step 3, the communication log (沟通节点与反馈).</summary>
    Communications,

    /// <summary>Step 4, progress and next step (进度与下一步).</summary>
    Progress,

    /// <summary>Step 5, attachments and risk (附件与风险).</summary>
    AttachmentsAndRisks,
}
