using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class GrokkingTrendTests
{
    [Fact]
    public void Fit_ExactPowerLaw_RecoversExponentWithZeroError()
    {
        var x = new[] { 0.1, 0.3, 1, 3, 10 };
        var y = x.Select(v => 2.5 * Math.Pow(v, -0.7)).ToArray();
        var t = GrokkingTrend.Fit(x, y);
        NumericAssert.Close(-0.7, t.Slope, 1e-12);
        NumericAssert.Close(Math.Log(2.5), t.Intercept, 1e-12);
        Assert.True(t.SlopeStandardError < 1e-12);
        NumericAssert.Close(-1, t.LogCorrelation, 1e-12);
        Assert.Equal(5, t.Count);
    }

    [Fact]
    public void Fit_NoisyPoints_SlopeErrorMatchesOls()
    {
        // ln y = 0, 1, 0, 1 at ln x = 0, 1, 2, 3: slope 0.2, RSS 0.8, Sxx 5, s.e. √(0.8/2/5).
        var x = new[] { 1, Math.E, Math.Exp(2), Math.Exp(3) };
        var y = new[] { 1, Math.E, 1, Math.E };
        var t = GrokkingTrend.Fit(x, y);
        NumericAssert.Close(0.2, t.Slope, 1e-12);
        NumericAssert.Close(Math.Sqrt(0.8 / 2 / 5), t.SlopeStandardError, 1e-12);
    }

    [Fact]
    public void Fit_BadInput_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GrokkingTrend.Fit(new[] { 1.0, 0, 2 }, new[] { 1.0, 1, 1 }));
        Assert.Throws<ArgumentOutOfRangeException>(() => GrokkingTrend.Fit(new[] { 1.0, 2, 3 }, new[] { 1.0, double.NaN, 1 }));
        Assert.ThrowsAny<ArgumentException>(() => GrokkingTrend.Fit(new[] { 1.0, 2 }, new[] { 1.0, 2 }));
        Assert.ThrowsAny<ArgumentException>(() => GrokkingTrend.Fit(new[] { 1.0, 2, 3 }, new[] { 1.0, 2 }));
        Assert.ThrowsAny<ArgumentException>(() => GrokkingTrend.Fit(new[] { 2.0, 2, 2 }, new[] { 1.0, 2, 3 }));
    }
}
