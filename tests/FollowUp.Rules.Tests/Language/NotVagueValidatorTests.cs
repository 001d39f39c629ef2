using FluentValidation;
using FollowUp.Rules.Language;
using FollowUp.Rules.Tests.TestData;

namespace FollowUp.Rules.Tests.Language;

public sealed class NotVagueValidatorTests
{
    [Fact]
    public void NotVague_VagueNote_FailsWithCodeAndCoachingMessage()
    {
        var result = new NoteValidator().Validate(new Note("跟进中"));
        var failure = Assert.Single(result.Errors);
        Assert.Equal("VagueLanguage", failure.ErrorCode);
        Assert.Equal(nameof(Note.Text), failure.PropertyName);
        Assert.Contains("写明本次沟通的结果和下一步", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("上门拜访采购部李工，确认首批 80 台，12 月 10 日前交付")]
    [InlineData(null)]
    [InlineData("")]
    public void NotVague_ConcreteOrEmptyNote_Passes(string? text) =>
        Assert.True(new NoteValidator().Validate(new Note(text)).IsValid);

    [Fact]
    public void NotVague_WithCategories_CountsOnlyThose()
    {
        var validator = new InlineValidator<Note>();
        validator.RuleFor(n => n.Text).NotVague(VagueCategory.Waiting);
        Assert.True(validator.Validate(new Note("可能下周下单")).IsValid);
        Assert.False(validator.Validate(new Note("等客户回复")).IsValid);
    }

    [Fact]
    public void NotVague_WithSeverity_KeepsFluentValidationChaining()
    {
        var validator = new InlineValidator<Note>();
        validator.RuleFor(n => n.Text).NotVague().WithSeverity(Severity.Warning);
        Assert.Equal(Severity.Warning, Assert.Single(validator.Validate(new Note("等通知")).Errors).Severity);
    }

    [Theory]
    [InlineData("en-US", "Write the result of this contact")]
    [InlineData("zh-CN", "写明本次沟通的结果和下一步")]
    [InlineData("fr-FR", "写明本次沟通的结果和下一步")]
    public void NotVague_FollowsTheUICultureWhenItIsChineseOrEnglish(string culture, string advice)
    {
        var before = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo(culture);
        try
        {
            Assert.Contains(advice, Assert.Single(new NoteValidator().Validate(new Note("跟进中")).Errors).ErrorMessage, StringComparison.Ordinal);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = before;
        }
    }

    [Theory]
    [InlineData("跟进中，等客户回复")]
    [InlineData("跟进中，跟进中，等客户回复")]
    public void NotVague_SeveralPhrases_OneFailureNamesEachOnceInOrder(string text)
    {
        // The failure named 跟进中 alone, though the detector found 等客户回复 too.
        var failure = Assert.Single(new NoteValidator().Validate(new Note(text)).Errors);

        Assert.Equal("VagueLanguage", failure.ErrorCode);
        Assert.StartsWith("Text: “跟进中”、“等客户回复”都不够具体。“跟进中”只是状态词。", failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains("。“等客户回复”没有说清在等什么。", failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("跟进中、等客户回复", failure.FormattedMessagePlaceholderValues["Phrase"]);
        Assert.Equal("StatusOnly, Waiting", failure.FormattedMessagePlaceholderValues["Category"]);
        Assert.Null(failure.CustomState);
    }

    [Fact]
    public void NotVague_SeveralPhrasesInEnglish_ListsThemInEnglish()
    {
        var validator = new InlineValidator<Note>();
        validator.RuleFor(n => n.Text).NotVague(TestClock.Evaluator(o => o.Culture = "en").Rules.DefaultProfile.VagueLanguage);

        var failure = Assert.Single(validator.Validate(new Note("跟进中，跟进中，等客户回复，看情况")).Errors);

        Assert.StartsWith("Text: \"跟进中\", \"等客户回复\" and \"看情况\" are vague. \"跟进中\" is only a status.", failure.ErrorMessage, StringComparison.Ordinal);
        Assert.Contains(" \"等客户回复\" does not say what you are waiting for.", failure.ErrorMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void NotVague_WithCategories_NamesOnlyThePhrasesOfThose()
    {
        var validator = new InlineValidator<Note>();
        validator.RuleFor(n => n.Text).NotVague(VagueCategory.Waiting).WithMessage("{Phrase}");

        Assert.Equal("等客户回复", Assert.Single(validator.Validate(new Note("跟进中，等客户回复")).Errors).ErrorMessage);
    }

    public sealed record Note(string? Text);

    private sealed class NoteValidator : AbstractValidator<Note>
    {
        public NoteValidator() => RuleFor(n => n.Text).NotVague();
    }
}
