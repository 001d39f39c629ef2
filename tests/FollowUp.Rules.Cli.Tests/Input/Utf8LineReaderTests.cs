using System.Text;
using FollowUp.Rules.Cli.Input;
using FollowUp.Rules.Cli.Tests.Infrastructure;

namespace FollowUp.Rules.Cli.Tests.Input;

/// <summary>How the JSON Lines reader splits a stream into lines, whatever the line ends and however the bytes arrive.</summary>
public sealed class Utf8LineReaderTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(4096)]
    public async Task ReadLineAsync_CrOrLfOrCrLf_EachEndOneLine(int bytesPerRead)
    {
        // A CRLF split across two reads is still one line break; CR CR is two, with an empty line between.
        var lines = await ReadLinesAsync("a\rb\nc\r\nd\r\re\n\nf", bytesPerRead);

        Assert.Equal(["a", "b", "c", "d", "", "e", "", "f"], lines);
    }

    [Fact]
    public async Task ReadLineAsync_CrAtTheEnd_EndsTheLastLineWithoutAnEmptyOneAfterIt()
    {
        Assert.Equal(["a", "b"], await ReadLinesAsync("a\r\nb\r", 4096));
    }

    private static async Task<List<string>> ReadLinesAsync(string text, int bytesPerRead)
    {
        using var reader = new Utf8LineReader(new TrickleStream(Encoding.UTF8.GetBytes(text), bytesPerRead));
        var lines = new List<string>();
        while (await reader.ReadLineAsync(CancellationToken.None) is (true, var line))
        {
            lines.Add(Encoding.UTF8.GetString(line.Span));
        }

        return lines;
    }
}
