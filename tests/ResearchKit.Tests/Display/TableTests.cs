using ResearchKit.Display;

namespace ResearchKit.Tests.Display;

public class TableTests
{
    [Fact]
    public void ToHtml_EncodesTextAndFormatsNumbers()
    {
        var t = new Table("fit <α>", "model", "alpha").AddRow("a&b", 0.123456).AddRow("c", 1.5e-7);
        string html = t.ToHtml();
        Assert.Contains("fit &lt;α&gt;", html);
        Assert.Contains("a&amp;b", html);
        Assert.Contains(">0.1235<", html);
        Assert.Contains(">1.5e-7<", html);
    }

    [Fact]
    public void AddRow_WrongCellCount_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Table("t", "a", "b").AddRow(1.0));
        Assert.Contains("cells has length 1", ex.Message);
    }

    [Theory]
    [InlineData(0.5307, "0.5307")]
    [InlineData(123456.0, "1.235e+5")]
    [InlineData(12345.6, "12346")]
    [InlineData(-2.0, "-2.000")]
    [InlineData(double.NaN, "NaN")]
    public void Number_Formats(double value, string expected) => Assert.Equal(expected, Html.Number(value));
}
