using FollowUp.Rules.Language;

namespace FollowUp.Rules.Tests.Language;

public class TextFoldingTests
{
    [Theory]
    [InlineData("跟進中", "跟进中")]
    [InlineData("等客戶回覆", "等客户回复")]
    [InlineData("ＦＯＬＬＯＷ　ＵＰ", "follow up")]
    [InlineData("Follow   Up", "follow up")]
    [InlineData("跟 进 中", "跟进中")]
    [InlineData("跟\u200B进\u200D中", "跟进中")]
    [InlineData("ERP 替换", "erp替换")]
    [InlineData("  ", "")]
    [InlineData("", "")]
    public void FoldPhrase_FoldsWidthCaseScriptAndSpacing(string text, string expected) =>
        Assert.Equal(expected, TextFolding.FoldPhrase(text));

    [Fact]
    public void FoldInto_WritesWhatFoldPhraseReturnsAndItsLength()
    {
        const string text = "客戶 Ｓａｙｓ  OK，等回覆";
        var buffer = new char[text.Length];

        var length = TextFolding.FoldInto(text, buffer);

        Assert.Equal("客户says ok,等回复", new string(buffer, 0, length));
    }

    [Fact]
    public void FoldPhrase_LongerThanTheStackBuffer_IsFoldedWhole()
    {
        var text = string.Concat(Enumerable.Repeat("跟進中 ", 200));

        Assert.Equal(string.Concat(Enumerable.Repeat("跟进中", 200)), TextFolding.FoldPhrase(text));
    }
}
