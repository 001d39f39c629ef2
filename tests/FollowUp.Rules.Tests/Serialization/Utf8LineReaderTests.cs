using System.Text;
using FollowUp.Rules.Cli.Tests.Infrastructure;
using FollowUp.Rules.Serialization;

namespace FollowUp.Rules.Tests;

/// <summary>How the JSON Lines reader splits a stream into lines, whatever the line ends and however the bytes arrive.</summary>
public sealed class Utf8LineReaderTests
{
    /// <summary>Stands for a line the reader skipped as too long.</summary>
    private const string TooLong = "(too long)";

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4096)]
    public async Task ReadLineAsync_FileWhoseFirstLineEndsWithALoneCr_EndsLinesAtCrOrLfOrCrLf(int bytesPerRead)
    {
        // A CRLF split across two reads is still one line break; CR CR is two, with an empty line between.
        var lines = await ReadLinesAsync("a\rb\nc\r\nd\r\re\n\nf", bytesPerRead);

        Assert.Equal(["a", "b", "c", "d", "", "e", "", "f"], lines);
    }

    [Theory]
    [InlineData("a\nb\rc\n\r\nd\re", 1)]
    [InlineData("a\nb\rc\n\r\nd\re", 4096)]
    [InlineData("a\r\nb\rc\r\n\r\nd\re", 1)]
    [InlineData("a\r\nb\rc\r\n\r\nd\re", 2)]
    [InlineData("a\r\nb\rc\r\n\r\nd\re", 4096)]
    public async Task ReadLineAsync_FileWhoseFirstLineEndsWithLfOrCrLf_KeepsALoneCrInsideItsLine(string text, int bytesPerRead)
    {
        var lines = await ReadLinesAsync(text, bytesPerRead);

        Assert.Equal(["a", "b\rc", "", "d\re"], lines);
    }

    [Fact]
    public async Task ReadLineAsync_CrAtTheEnd_EndsTheLastLineWithoutAnEmptyOneAfterIt()
    {
        Assert.Equal(["a", "b"], await ReadLinesAsync("a\r\nb\r", 4096));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task ReadLineAsync_LinesLongerThanTheLimit_AreSkippedToTheirLineBreakAndTheRestIsRead(int bytesPerRead)
    {
        // With a limit of 8 bytes: 8 bytes fit, 9 do not; in a file of lone CRs a long line may end with CRLF, CR, LF or
        // the end of the stream.
        var text = $"12345678\r123456789\rok\r{new string('x', 100)}\r\nafter\r{new string('y', 20)}\nlast\n{new string('z', 30)}";

        var lines = await ReadLinesAsync(text, bytesPerRead, maxLineBytes: 8);

        Assert.Equal(["12345678", TooLong, "ok", TooLong, "after", TooLong, "last", TooLong], lines);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    [InlineData(4096)]
    public async Task ReadLineAsync_LineOfTheLimitEndingWithCrLf_FitsForItsLineBreakIsNotCounted(int bytesPerRead)
    {
        var lines = await ReadLinesAsync("12345678\r\n123456789\r\nok\r\n12345678", bytesPerRead, maxLineBytes: 8);

        Assert.Equal(["12345678", TooLong, "ok", "12345678"], lines);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4096)]
    public async Task ReadLineAsync_LongLineWithALoneCrInAnLfFile_IsSkippedToItsLf(int bytesPerRead)
    {
        var text = $"ok\n{new string('x', 20)}\r{new string('y', 20)}\r\nafter\r\n";

        var lines = await ReadLinesAsync(text, bytesPerRead, maxLineBytes: 8);

        Assert.Equal(["ok", TooLong, "after"], lines);
    }

    [Fact]
    public async Task ReadLineAsync_ByteOrderMarkThenALongFirstLine_SkipsBoth()
    {
        var bytes = "\uFEFF"u8.ToArray().Concat(Encoding.UTF8.GetBytes(new string('x', 50) + "\nok")).ToArray();
        using var reader = new Utf8LineReader(new Utf8Source(new MemoryStream(bytes), default, synchronous: false), maxLineBytes: 8);

        Assert.True((await reader.ReadLineAsync(CancellationToken.None)).TooLong);
        Assert.Equal("ok", Encoding.UTF8.GetString((await reader.ReadLineAsync(CancellationToken.None)).Line.Span));
    }

    private static async Task<List<string>> ReadLinesAsync(string text, int bytesPerRead, int maxLineBytes = JsonRecordReadOptions.DefaultMaxRecordBytes)
    {
        using var reader = new Utf8LineReader(new Utf8Source(new TrickleStream(Encoding.UTF8.GetBytes(text), bytesPerRead), default, synchronous: false), maxLineBytes);
        var lines = new List<string>();
        while (await reader.ReadLineAsync(CancellationToken.None) is (true, var line, var tooLong))
        {
            lines.Add(tooLong ? TooLong : Encoding.UTF8.GetString(line.Span));
        }

        return lines;
    }
}
