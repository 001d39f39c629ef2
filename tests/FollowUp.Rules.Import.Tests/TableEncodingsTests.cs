namespace FollowUp.Rules.Import.Tests;

/// <summary>Encodings by name: what .NET knows, what the code pages provider adds, and what neither will give.</summary>
public sealed class TableEncodingsTests
{
    [Theory]
    [InlineData("utf-8", 65001)]
    [InlineData(" GBK ", 936)]
    [InlineData("gb18030", 54936)]
    [InlineData("big5", 950)]
    [InlineData("utf-16", 1200)]
    [InlineData("936", 936)]
    public void GetEncoding_KnownName_ReturnsTheEncoding(string name, int codePage) =>
        Assert.Equal(codePage, TableEncodings.GetEncoding(name).CodePage);

    [Theory]
    [InlineData("utf-7")]
    [InlineData("UTF-7")]
    [InlineData("unicode-1-1-utf-7")]
    [InlineData("csUnicode11UTF7")]
    [InlineData("x-unicode-2-0-utf-7")]
    public void GetEncoding_NameDotNetRefuses_ThrowsArgumentExceptionSayingWhy(string name)
    {
        var exception = Assert.Throws<ArgumentException>(() => TableEncodings.GetEncoding(name));

        Assert.StartsWith($"The text encoding '{name}' cannot be used: Support for UTF-7 is disabled; try utf-8,", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("klingon")]
    [InlineData("")]
    [InlineData("65000")]
    [InlineData("12345")]
    [InlineData("99999999999")]
    public void GetEncoding_UnknownNameOrCodePage_ThrowsArgumentException(string name)
    {
        var exception = Assert.Throws<ArgumentException>(() => TableEncodings.GetEncoding(name));

        Assert.StartsWith($"No text encoding is named '{name}'", exception.Message, StringComparison.Ordinal);
    }
}
