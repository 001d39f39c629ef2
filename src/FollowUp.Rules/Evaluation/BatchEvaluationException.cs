using System.Globalization;

namespace FollowUp.Rules;

/// <summary>
/// A row of a batch could not be evaluated: its record was null, <c>recordOf</c> threw for it, or the evaluation threw (a
/// custom risk detector, for one). Every row before it has been handed back, in order; <see cref="Exception.InnerException"/>
/// is what was thrown.
/// </summary>
public sealed class BatchEvaluationException : Exception
{
    /// <summary>Initializes a new instance with a generic message.</summary>
    public BatchEvaluationException()
        : this("A row of the batch could not be evaluated.")
    {
    }

    /// <summary>Initializes a new instance with a message.</summary>
    /// <param name="message">The message.</param>
    public BatchEvaluationException(string message)
        : base(message)
    {
    }

    /// <summary>Initializes a new instance with a message and the exception that caused it.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">What the row threw.</param>
    public BatchEvaluationException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Initializes a new instance for the row at <paramref name="row"/>.</summary>
    /// <param name="row">The row's zero-based position in the batch's input, which is also how many rows were handed back before it.</param>
    /// <param name="recordId">The id of the row's record, if it had a record.</param>
    /// <param name="innerException">What the row threw.</param>
    public BatchEvaluationException(long row, string? recordId, Exception innerException)
        : base(MessageFor(row, recordId, innerException), innerException)
    {
        Row = row;
        RecordId = recordId;
    }

    /// <summary>Gets the failed row's zero-based position in the batch's input: the rows before it were handed back.</summary>
    public long Row { get; }

    /// <summary>Gets the id of the failed row's record, or <see langword="null"/> when it had no record or no id.</summary>
    public string? RecordId { get; }

    private static string MessageFor(long row, string? recordId, Exception innerException)
    {
        ArgumentNullException.ThrowIfNull(innerException);
        var record = recordId is null ? "" : string.Create(CultureInfo.InvariantCulture, $" (record '{recordId}')");
        return string.Create(
            CultureInfo.InvariantCulture,
            $"Row {row}{record} of the batch could not be evaluated, so the batch stopped there; the {row} row(s) before it were handed back. {innerException.Message}");
    }
}
