using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class RegularizationBenefitTests
{
    [Fact]
    public void Crossing_InterpolatesInLogSigma()
    {
        // From 0.9 to 0.7 between σ = 1 and e: the level 0.8 is crossed half-way in ln σ.
        NumericAssert.Close(Math.Exp(0.5), RegularizationBenefit.Crossing(new[] { 0.5, 1, Math.E, 5 }, new[] { 0.95, 0.9, 0.7, 0.6 }, 0.8), 1e-14);
        // Exactly at a grid value: the level is reached at σ_j − 1 and crossed within the next interval.
        NumericAssert.Close(2.0, RegularizationBenefit.Crossing(new[] { 1.0, 2, 4 }, new[] { 0.9, 0.8, 0.7 }, 0.8), 1e-12);
    }

    [Fact]
    public void Crossing_BelowFromTheStart_IsZero_AndNeverBelow_IsInfinite()
    {
        Assert.Equal(0, RegularizationBenefit.Crossing(new[] { 1.0, 2, 3 }, new[] { 0.7, 0.6, 0.5 }, 0.8));
        Assert.Equal(double.PositiveInfinity, RegularizationBenefit.Crossing(new[] { 1.0, 2, 3 }, new[] { 0.9, 0.85, 0.81 }, 0.8));
    }

    [Fact]
    public void SlopeAgainstLog_HandComputed()
    {
        // ln σ = 0, 1, 2, 3 and y = 0, 1, 1, 3: Sxx = 5, Sxy = 4.5, slope 0.9, intercept −0.1, RSS 0.70, SE √(0.70/2/5).
        var (slope, se) = RegularizationBenefit.SlopeAgainstLog(new[] { 1, Math.E, Math.Exp(2), Math.Exp(3) }, new[] { 0.0, 1, 1, 3 });
        NumericAssert.Close(0.9, slope, 1e-12);
        NumericAssert.Close(Math.Sqrt(0.07), se, 1e-12);
    }

    [Fact]
    public void SlopeAgainstLog_RepeatedSigmas_AnExactLineHasNoError()
    {
        var sigma = new[] { 0.1, 0.1, 1, 1, 6, 6 };
        var (slope, se) = RegularizationBenefit.SlopeAgainstLog(sigma, sigma.Select(s => 0.8 - 0.05 * Math.Log(s)).ToArray());
        NumericAssert.Close(-0.05, slope, 1e-12);
        Assert.True(se < 1e-12);
    }

    [Fact]
    public void BadInput_Throws()
    {
        Assert.Equal("sigmaN", Assert.Throws<ArgumentException>(() => RegularizationBenefit.Crossing(new[] { 1.0 }, new[] { 0.9 }, 0.8)).ParamName);
        Assert.Equal("sigmaN", Assert.Throws<ArgumentException>(() => RegularizationBenefit.Crossing(new[] { 1.0, 1.0 }, new[] { 0.9, 0.7 }, 0.8)).ParamName);
        Assert.Equal("sigmaN", Assert.Throws<ArgumentOutOfRangeException>(() => RegularizationBenefit.Crossing(new[] { 0.0, 1.0 }, new[] { 0.9, 0.7 }, 0.8)).ParamName);
        Assert.Equal("unregularised", Assert.Throws<ArgumentException>(() => RegularizationBenefit.Crossing(new[] { 1.0, 2.0 }, new[] { 0.9 }, 0.8)).ParamName);
        Assert.Equal("unregularised", Assert.Throws<ArgumentException>(() => RegularizationBenefit.Crossing(new[] { 1.0, 2.0 }, new[] { 0.9, double.NaN }, 0.8)).ParamName);
        Assert.Equal("regularised", Assert.Throws<ArgumentOutOfRangeException>(() => RegularizationBenefit.Crossing(new[] { 1.0, 2.0 }, new[] { 0.9, 0.7 }, double.NaN)).ParamName);
        Assert.Equal("sigma", Assert.Throws<ArgumentException>(() => RegularizationBenefit.SlopeAgainstLog(new[] { 1.0, 2 }, new[] { 0.9, 0.7 })).ParamName);
        Assert.Equal("sigma", Assert.Throws<ArgumentOutOfRangeException>(() => RegularizationBenefit.SlopeAgainstLog(new[] { 1.0, -2, 3 }, new[] { 0.9, 0.7, 0.6 })).ParamName);
        Assert.Equal("sigma", Assert.Throws<ArgumentException>(() => RegularizationBenefit.SlopeAgainstLog(new[] { 2.0, 2, 2 }, new[] { 0.9, 0.7, 0.6 })).ParamName);
        Assert.Equal("values", Assert.Throws<ArgumentException>(() => RegularizationBenefit.SlopeAgainstLog(new[] { 1.0, 2, 3 }, new[] { 0.9, 0.7 })).ParamName);
    }
}
