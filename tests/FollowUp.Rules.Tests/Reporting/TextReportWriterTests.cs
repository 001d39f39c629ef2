using FollowUp.Rules.Reporting;

namespace FollowUp.Rules.Tests.Reporting;

/// <summary>The terminal-width rules the text report and the CLI's tables share.</summary>
public sealed class TextReportWriterTests
{
    [Theory]
    [InlineData("abc", 3)]
    [InlineData("宏图建筑", 8)]
    [InlineData("ＡＢ", 4)]
    [InlineData("😀😀emoji", 9)]
    [InlineData("e\u0301", 1)]
    [InlineData("跟\u200B进", 4)]
    [InlineData("\u001b[31mred", 7)]
    [InlineData("🚀王", 4)]
    [InlineData("✅赵", 4)]
    [InlineData("🇨🇳", 4)]
    public void DisplayWidth_CountsTerminalCells(string text, int cells) => Assert.Equal(cells, TextReportWriter.DisplayWidth(text));

    [Theory]
    [InlineData("tab\there", "tab here")]
    [InlineData("line\r\nbreak", "line  break")]
    [InlineData("\u001b[31mred\u001b[0m", " [31mred [0m")]
    [InlineData("\u0085next", " next")]
    [InlineData("宏图建筑", "宏图建筑")]
    public void Clean_EveryControlCharacterBecomesASpace(string text, string cleaned) => Assert.Equal(cleaned, TextReportWriter.Clean(text));

    [Fact]
    public void Cut_WideText_FitsTheCellsWithAnEllipsis()
    {
        var cut = TextReportWriter.Cut("😀😀😀😀", 5);

        Assert.Equal("😀😀…", cut);
        Assert.True(TextReportWriter.DisplayWidth(cut) <= 5);
    }
}
