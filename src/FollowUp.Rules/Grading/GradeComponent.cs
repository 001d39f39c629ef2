using System.Text.Json.Serialization;

namespace FollowUp.Rules.Grading;

/// <summary>The parts of the quality grade, each worth a number of the 100 points.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<GradeComponent>))]
public enum GradeComponent
{
    /// <summary>Completeness of the five steps, weighted by step. 40 points by default.</summary>
    Completeness,

    /// <summary>Clarity of the free text. 20 points by default.</summary>
    Clarity,

    /// <summary>A next action, its due date and its owner. 15 points by default.</summary>
    Actionability,

    /// <summary>The record written within 24 hours of the latest communication. 5 points by default.</summary>
    Timeliness,

    /// <summary>Every detected risk answered by a noted risk with a countermeasure. 20 points by default.</summary>
    RiskHandling,
}
