namespace ResearchKit.Display.Tests;

public class ChartDataTests
{
    [Theory]
    [InlineData(1.0 / 3, 0.333333)]
    [InlineData(123456789.0, 123457000.0)]
    [InlineData(-2.718281828459045, -2.71828)]
    [InlineData(1.23456789e-10, 1.23457e-10)]
    [InlineData(0.0, 0.0)]
    [InlineData(5.0, 5.0)]
    public void Round_KeepsSixSignificantDigits(double value, double expected)
        => Assert.Equal(expected, ChartData.Round(value));

    [Theory]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void Round_NonFinite_ThrowsNamingTheValue(double value)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ChartData.Round(value));
        Assert.Equal("value", e.ParamName);
        Assert.Contains("finite", e.Message);
    }

    [Fact]
    public void Round_Array_NaN_NamesTheElement()
    {
        var e = Assert.Throws<ArgumentException>(() => ChartData.Round(new[] { 1.0, double.NaN }, "loss"));
        Assert.Contains("loss[1] = NaN", e.Message);
    }

    [Fact]
    public void Thin_LongSeries_KeepsEndsAndAboutMaxPoints()
    {
        var x = Enumerable.Range(0, 10_000).Select(i => i * 0.001).ToArray();
        var y = x.Select(Math.Exp).ToArray();
        var s = ChartData.Thin(x, y, maxPoints: 200);
        Assert.InRange(s.X.Length, 150, 202);
        Assert.Equal(0.0, s.X[0]);
        Assert.Equal(9.999, s.X[^1]);
        Assert.Equal(ChartData.Round(Math.Exp(9.999)), s.Y[^1]);
        Assert.All(s.Y, v => Assert.Equal(ChartData.Round(v), v));
    }

    [Fact]
    public void Thin_LogX_KeepsEarlyDecades()
    {
        var x = Enumerable.Range(1, 100_000).Select(i => (double)i).ToArray();
        var inLog = ChartData.Thin(x, x, maxPoints: 100, logX: true);
        var inLinear = ChartData.Thin(x, x, maxPoints: 100);
        Assert.True(inLog.X.Count(v => v < 100) >= 20, "the first two of five decades keep a good share of the points");
        Assert.Equal(1, inLinear.X.Count(v => v < 100));
    }

    [Fact]
    public void Thin_MismatchedLengths_NamesBoth()
    {
        var e = Assert.Throws<ArgumentException>(() => ChartData.Thin(new[] { 1.0, 2.0 }, new[] { 1.0 }));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("x has length 2", e.Message);
    }

    [Fact]
    public void Thin_Empty_Throws()
        => Assert.Throws<ArgumentException>(() => ChartData.Thin(Array.Empty<double>(), Array.Empty<double>()));
}
