using System.Text;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules.Tests;

/// <summary>
/// <see cref="Utf16Text"/>: JSON in UTF-16 is told by the zero bytes of its ASCII start, and nothing else is: not UTF-8
/// with stray zero bytes, not UTF-32, not text that starts with something other than an object or an array.
/// </summary>
public sealed class Utf16TextTests
{
    private const string Record = "{\"id\":\"U-1\",\"owner\":\"李明\"}\r\n";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WithoutByteOrderMark_Utf16Json_IsToldWithItsByteOrder(bool bigEndian)
    {
        var utf16 = bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;

        Assert.Same(utf16, Utf16Text.WithoutByteOrderMark(utf16.GetBytes(Record)));
        Assert.Same(utf16, Utf16Text.WithoutByteOrderMark(utf16.GetBytes(" \r\n\t[]")));
        Assert.Same(utf16, Utf16Text.Of([.. utf16.GetPreamble(), .. utf16.GetBytes(Record)]));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WithoutByteOrderMark_Utf16JsonWithAChineseFirstKey_IsTold(bool bigEndian)
    {
        var utf16 = bigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode;

        Assert.Same(utf16, Utf16Text.WithoutByteOrderMark(utf16.GetBytes("{\"备注\":\"老客户\",\"id\":\"U-1\"}\r\n")));
        Assert.Same(utf16, Utf16Text.WithoutByteOrderMark(utf16.GetBytes("[{\"备注\":\"老客户\",\"id\":\"U-1\"}]")));
    }

    [Fact]
    public void WithoutByteOrderMark_ChineseHeavyUtf16Json_IsToldUpToOneAsciiCharacterIn16()
    {
        // 16 ASCII characters (with their zero bytes) in 256 are told; in 257, not.
        static byte[] Json(int chinese) => Encoding.Unicode.GetBytes($"{{\"summary\":\"{new string('跟', chinese)}\"}}\r\n");

        Assert.Same(Encoding.Unicode, Utf16Text.WithoutByteOrderMark(Json(240)));
        Assert.Null(Utf16Text.WithoutByteOrderMark(Json(241)));
    }

    [Theory]
    [InlineData("{\0\"id\":\"U-1\"}\n")]                 // a zero byte after the brace, but the next character is not UTF-16
    [InlineData("{\"id\":\"U\01\"}\n{\"id\":\"\0\"}\n")]  // zero bytes inside strings
    [InlineData("\0\0\0\0{\"id\":\"U-1\"}\n")]           // zero bytes before the text
    [InlineData("{\0\"\0id\":\"X\"}\n")]                 // two zero bytes on one side of a short line (review)
    public void WithoutByteOrderMark_Utf8WithStrayZeroBytes_IsNotUtf16(string text)
    {
        Assert.Null(Utf16Text.Of(Encoding.UTF8.GetBytes(text)));
    }

    [Fact]
    public void WithoutByteOrderMark_OtherTextOrTooFewZeroBytes_IsNotUtf16()
    {
        // UTF-32 has zero bytes on both sides of the pairs; text that is not JSON starts otherwise; a start of UTF-16 JSON
        // followed by Chinese without zero bytes has them in too few pairs.
        Assert.Null(Utf16Text.WithoutByteOrderMark(new UTF32Encoding(bigEndian: false, byteOrderMark: false).GetBytes(Record)));
        Assert.Null(Utf16Text.WithoutByteOrderMark(Encoding.Unicode.GetBytes("id,owner\r\nU-1,李明\r\n")));
        Assert.Null(Utf16Text.WithoutByteOrderMark([.. Encoding.Unicode.GetBytes("{\""), .. Encoding.UTF8.GetBytes(new string('跟', 100))]));
        Assert.Null(Utf16Text.WithoutByteOrderMark(Encoding.Unicode.GetBytes("{")));
    }
}
