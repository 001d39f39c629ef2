using FollowUp.Rules.Import.Tests.Infrastructure;

namespace FollowUp.Rules.Import.Tests;

/// <summary>An empty upload is told apart from a broken one by its type, not by the text of its message.</summary>
public sealed class EmptyTableExceptionTests
{
    [Fact]
    public void Type_IsAPublicFormatException_SoHostsCanCatchItBeforeOtherFormatErrors()
    {
        Assert.True(typeof(EmptyTableException).IsPublic);
        Assert.True(typeof(EmptyTableException).IsSubclassOf(typeof(FormatException)));
        Assert.Equal("the table is empty: it has no header row.", new EmptyTableException().Message);
        Assert.Null(new EmptyTableException().Sheet);
    }

    [Theory]
    [InlineData(TableFormat.Csv, false)]
    [InlineData(TableFormat.Csv, true)]
    [InlineData(TableFormat.Xlsx, false)]
    [InlineData(TableFormat.Xlsx, true)]
    public void Open_UploadOfNoBytes_ThrowsEmptyTableException(TableFormat format, bool fromAPipe)
    {
        var error = Assert.Throws<EmptyTableException>(() =>
            FollowUpTableReader.OpenStream(fromAPipe ? Tables.Pipe([]) : new MemoryStream(), format));

        Assert.Null(error.Sheet);
    }

    [Fact]
    public void Open_HeaderTheMapCannotRead_ThrowsAFormatExceptionThatIsNotEmptyTableException()
    {
        var error = Assert.ThrowsAny<FormatException>(() => Tables.ReadCsv("甲,乙\r\n1,2\r\n", ColumnMap.GetBuiltIn("followup-zh")));

        Assert.IsNotType<EmptyTableException>(error);
    }
}
