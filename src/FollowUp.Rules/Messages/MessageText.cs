using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace FollowUp.Rules.Messages;

/// <summary>
/// A message as a result keeps it: a string, or a <see cref="DeferredMessage"/> formatted when first read. Messages made for
/// one record alone (a due date, a risk's evidence) are deferred, so a host that reads only codes and scores never formats
/// them and the JSON writer formats them straight into its output.
/// </summary>
internal readonly struct MessageText
{
    private readonly object? _value;

    private MessageText(object value) => _value = value;

    /// <summary>Whether this is the default value, no message at all.</summary>
    public bool IsNone => _value is null;

    /// <summary>
    /// The message as a string, formatted now if it was deferred and not yet read; <see langword="null"/> only when a host
    /// made a result with a null message.
    /// </summary>
    public string Text => _value as string ?? (_value as DeferredMessage)?.Text!;

    /// <summary>The message if it is a string already, which is what the catalog can share between records.</summary>
    public string? AsString => _value as string;

    public static implicit operator MessageText(string text) => new(text);

    public static implicit operator MessageText(DeferredMessage message) => new(message);

    /// <summary>
    /// Writes the message as a JSON string property: a message the catalog shares as it was encoded the first time (in
    /// <paramref name="encoded"/>, for the writer's encoder), a deferred one formatted into a buffer rather than a string.
    /// </summary>
    public void WriteTo(Utf8JsonWriter writer, JsonEncodedText name, EncodedMessages? encoded)
    {
        if (_value is DeferredMessage { IsFormatted: false } deferred)
        {
            deferred.WriteTo(writer, name);
        }
        else if (encoded is not null && _value is string text && encoded.TryGet(text, out var bytes))
        {
            writer.WriteString(name, bytes);
        }
        else
        {
            writer.WriteString(name, Text);
        }
    }

    public override string ToString() => Text;
}

/// <summary>A message with its template and arguments, formatted when first read and then kept.</summary>
internal abstract class DeferredMessage
{
    /// <summary>The longest message formatted on the stack: every template with its usual arguments fits.</summary>
    private const int StackLength = 256;

    private string? _text;

    /// <summary>The formatted message; two threads reading it at once may both format it, to equal strings.</summary>
    public string Text => _text ??= Format();

    public bool IsFormatted => _text is not null;

    protected abstract string Format();

    protected abstract bool TryFormat(Span<char> destination, out int charsWritten);

    public void WriteTo(Utf8JsonWriter writer, JsonEncodedText name)
    {
        Span<char> buffer = stackalloc char[StackLength];
        if (TryFormat(buffer, out var written))
        {
            writer.WriteString(name, buffer[..written]);
            return;
        }

        for (var length = StackLength * 4; ; length *= 2)
        {
            var rented = ArrayPool<char>.Shared.Rent(length);
            try
            {
                if (TryFormat(rented, out written))
                {
                    writer.WriteString(name, rented.AsSpan(0, written));
                    return;
                }
            }
            finally
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }
}

/// <summary>A deferred message with one argument.</summary>
internal sealed class DeferredMessage<T0>(CompositeFormat format, T0 arg0) : DeferredMessage
{
    protected override string Format() => string.Format(CultureInfo.InvariantCulture, format, arg0);

    protected override bool TryFormat(Span<char> destination, out int charsWritten) =>
        destination.TryWrite(CultureInfo.InvariantCulture, format, out charsWritten, arg0);
}

/// <summary>A deferred message with two arguments.</summary>
internal sealed class DeferredMessage<T0, T1>(CompositeFormat format, T0 arg0, T1 arg1) : DeferredMessage
{
    protected override string Format() => string.Format(CultureInfo.InvariantCulture, format, arg0, arg1);

    protected override bool TryFormat(Span<char> destination, out int charsWritten) =>
        destination.TryWrite(CultureInfo.InvariantCulture, format, out charsWritten, arg0, arg1);
}

/// <summary>A deferred message with three arguments.</summary>
internal sealed class DeferredMessage<T0, T1, T2>(CompositeFormat format, T0 arg0, T1 arg1, T2 arg2) : DeferredMessage
{
    protected override string Format() => string.Format(CultureInfo.InvariantCulture, format, arg0, arg1, arg2);

    protected override bool TryFormat(Span<char> destination, out int charsWritten) =>
        destination.TryWrite(CultureInfo.InvariantCulture, format, out charsWritten, arg0, arg1, arg2);
}

/// <summary>
/// The messages the catalogs share, encoded for one JSON encoder as first written: most findings and deductions quote one,
/// and escaping and transcoding it again for every record costs more than the rest of the writing. Bounded like the
/// catalogs' caches.
/// </summary>
internal sealed class EncodedMessages(JavaScriptEncoder? encoder)
{
    /// <summary>How many encoded messages are kept: every message both catalogs can share.</summary>
    private const int Capacity = 2 * (MessageCatalog.MaxFieldMessages + MessageCatalog.MaxArgumentMessages + MessageCatalog.MaxEvidence);

    private static readonly EncodedMessages ForDefault = new(null);
    private static readonly EncodedMessages ForRelaxed = new(JavaScriptEncoder.UnsafeRelaxedJsonEscaping);

    private readonly BoundedCache<string, JsonEncodedText> _encoded = new(Capacity, ReferenceEqualityComparer.Instance);

    /// <summary>The encoded messages for <paramref name="encoder"/>, if it is one of the two that writers use.</summary>
    public static EncodedMessages? For(JavaScriptEncoder? encoder) =>
        encoder is null ? ForDefault : ReferenceEquals(encoder, JavaScriptEncoder.UnsafeRelaxedJsonEscaping) ? ForRelaxed : null;

    /// <summary>The message encoded, if the catalog shares it: encoded now if it is new.</summary>
    public bool TryGet(string message, out JsonEncodedText encoded)
    {
        if (_encoded.TryGetValue(message, out encoded))
        {
            return true;
        }

        if (!MessageCatalog.IsSharedByAny(message) || !IsWellFormed(message))
        {
            return false;
        }

        encoded = JsonEncodedText.Encode(message, encoder);
        _encoded.TryKeep(message, encoded);
        return true;
    }

    /// <summary>
    /// Whether every surrogate of <paramref name="text"/> is paired: a message may quote a record's broken text, which
    /// <see cref="JsonEncodedText.Encode(string, JavaScriptEncoder?)"/> refuses while the writer writes it escaped as before.
    /// </summary>
    private static bool IsWellFormed(string text)
    {
        var rest = text.AsSpan();
        while (!rest.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(rest, out _, out var consumed) != OperationStatus.Done)
            {
                return false;
            }

            rest = rest[consumed..];
        }

        return true;
    }
}
