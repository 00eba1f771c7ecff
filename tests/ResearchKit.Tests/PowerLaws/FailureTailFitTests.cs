using ResearchKit.PowerLaws;

namespace ResearchKit.Tests.PowerLaws;

public class FailureTailFitTests
{
    [Fact]
    public void Fit_ExactPowerLaw_RecoversExponentAndPrefactor()
    {
        double[] ks = [1, 10, 100, 1000, 10000];
        double[] failure = [.. ks.Select(k => 0.9 * Math.Pow(k, -0.35))];
        var fit = FailureTailFit.Fit(ks, failure, 10, 10000);
        NumericAssert.Close(0.35, fit.Exponent, 1e-12);
        NumericAssert.Close(Math.Log(0.9), fit.LogPrefactor, 1e-12);
        Assert.Equal(4, fit.Points);
        NumericAssert.Close(0.9 * Math.Pow(50, -0.35), fit.Evaluate(50), 1e-12);
    }

    [Fact]
    public void Fit_ZeroFailureInsideWindow_ThrowsNamingIndex()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FailureTailFit.Fit([1, 2, 3, 4], [0.5, 0.4, 0, 0.3], 1, 4));
        Assert.Contains("failure[2]", e.Message);
    }

    [Fact]
    public void Fit_FewerThanThreePointsInWindow_Throws()
        => Assert.Throws<ArgumentException>(() => FailureTailFit.Fit([1, 2, 3, 4], [0.5, 0.4, 0.3, 0.2], 3, 4));

    [Fact]
    public void Fit_MismatchedLengths_Throws()
        => Assert.Throws<ArgumentException>(() => FailureTailFit.Fit([1, 2, 3], [0.5, 0.4], 1, 3));
}
