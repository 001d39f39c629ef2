using System.Text;

namespace FollowUp.Rules.Import;

/// <summary>Text encodings of CSV files by name, including the code pages Chinese spreadsheets use, without registering a global provider.</summary>
public static class TableEncodings
{
    /// <summary>Gets GB18030, the Chinese national encoding: a superset of GBK and GB2312, decoded by <see cref="CodePagesEncodingProvider"/>.</summary>
    public static Encoding GB18030 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(54936)!;

    /// <summary>
    /// Gets Big5 (code page 950), the Traditional Chinese encoding that Excel in Taiwan and Hong Kong saves CSV in, decoded
    /// by <see cref="CodePagesEncodingProvider"/>. It has no Hong Kong (HKSCS) characters: those read as private-use characters.
    /// </summary>
    public static Encoding Big5 { get; } = CodePagesEncodingProvider.Instance.GetEncoding(950)!;

    /// <summary>Gets strict UTF-8: an invalid byte is an error, not a replacement character.</summary>
    internal static Encoding StrictUtf8 { get; } = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Gets an encoding by its name.</summary>
    /// <param name="name">
    /// A name or code page number .NET knows, such as <c>utf-8</c>, <c>utf-16</c>, <c>gb18030</c>, <c>gbk</c>, <c>gb2312</c>,
    /// <c>big5</c> or <c>936</c>; matched ignoring case. The code-page encodings come from <see cref="CodePagesEncodingProvider"/>,
    /// asked directly, so the process-wide <see cref="Encoding.RegisterProvider"/> is left alone.
    /// </param>
    /// <returns>The encoding; UTF-8 is strict, so an invalid byte is reported instead of read as a replacement character.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// No encoding has that name, or .NET refuses the one it names (UTF-7), or it names Big5-HKSCS, which .NET has no decoder
    /// for (it would read Hong Kong characters such as 咗 哋 as private-use characters).
    /// </exception>
    public static Encoding GetEncoding(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        if (trimmed.Contains("hkscs", StringComparison.OrdinalIgnoreCase))
        {
            // The code pages provider answers big5-hkscs with plain Big5, which turns each HKSCS character into a private-use one.
            throw new ArgumentException(
                $"The text encoding '{name}' cannot be used: .NET has no Big5-HKSCS decoder, and read as Big5 its Hong Kong characters (such as 咗 哋 啲 喺) would turn into private-use characters; save the file as UTF-8 (in Excel: CSV UTF-8), which needs no encoding named.",
                nameof(name));
        }

        if (int.TryParse(trimmed, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var codePage))
        {
            return Resolve(codePage) ?? throw Unknown(name);
        }

        if (trimmed.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || trimmed.Equals("utf8", StringComparison.OrdinalIgnoreCase))
        {
            return StrictUtf8;
        }

        try
        {
            return Encoding.GetEncoding(trimmed);
        }
        catch (ArgumentException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(trimmed) ?? throw Unknown(name);
        }
        catch (NotSupportedException exception)
        {
            // A name .NET knows but will not use: UTF-7 under any of its names, disabled as unsafe (SYSLIB0001). Its reason
            // is kept up to the first full stop; the rest is a link.
            throw new ArgumentException(
                $"The text encoding '{name}' cannot be used: {exception.Message.Split(". ", 2)[0].TrimEnd('.')}; try utf-8, gb18030, gbk, big5 or utf-16.",
                nameof(name),
                exception);
        }
    }

    /// <summary>Gets the name messages give an encoding: GB18030, GBK, Big5, or the web name in capitals (UTF-8, UTF-16).</summary>
    internal static string DisplayName(Encoding encoding) => encoding.CodePage switch
    {
        54936 => "GB18030",
        936 => "GBK",
        950 => "Big5",
        _ => encoding.WebName.ToUpperInvariant(),
    };

    private static Encoding? Resolve(int codePage)
    {
        if (codePage == Encoding.UTF8.CodePage)
        {
            return StrictUtf8;
        }

        try
        {
            return Encoding.GetEncoding(codePage);
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException)
        {
            return CodePagesEncodingProvider.Instance.GetEncoding(codePage);
        }
    }

    private static ArgumentException Unknown(string name) =>
        new($"No text encoding is named '{name}'; try utf-8, gb18030, gbk, big5 or utf-16.", nameof(name));
}
