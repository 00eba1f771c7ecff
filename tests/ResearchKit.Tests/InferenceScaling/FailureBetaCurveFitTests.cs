using ResearchKit.InferenceScaling;

namespace ResearchKit.Tests.InferenceScaling;

public class FailureBetaCurveFitTests
{
    private static readonly int[] Ks = [.. Enumerable.Range(0, 41).Select(i => (int)Math.Round(Math.Pow(10, i / 10.0))).Distinct()];

    [Theory]
    [InlineData(8, 0.4, 0.9, true)]
    [InlineData(15, 0.3, 1.0, false)]
    public void Fit_ModelGeneratedCurve_RecoversParameters(double alpha, double beta, double ceiling, bool fitCeiling)
    {
        var truth = new FailureBetaPassAtK(alpha, beta, ceiling);
        var fit = FailureBetaCurveFit.Fit(Ks, Ks.Select(k => truth.PassAtK(k)).ToArray(), fitCeiling);
        NumericAssert.Close(alpha, fit.Model.Alpha, 1e-3, "α");
        NumericAssert.Close(beta, fit.Model.Beta, 1e-3, "β");
        NumericAssert.Close(ceiling, fit.Model.Ceiling, 1e-3, "A");
        Assert.True(fit.RootMeanSquareError < 1e-6);
    }

    [Fact]
    public void Bootstrap_SameSeed_SameIntervals()
    {
        var problems = Enumerable.Range(0, 40).Select(i => new ProblemOutcomes($"p{i}", 1000, i * i % 37)).ToArray();
        int[] ks = [1, 3, 10, 30, 100, 300, 1000];
        var first = FailureBetaCurveFit.Bootstrap(problems, ks, false, 20, 7);
        var second = FailureBetaCurveFit.Bootstrap(problems, ks, false, 20, 7);
        Assert.Equal(first.Beta, second.Beta);
        Assert.True(first.Beta.Lower <= first.Beta.Upper);
    }

    [Fact]
    public void Fit_PassAtKOutsideUnitInterval_ThrowsNamingIndex()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FailureBetaCurveFit.Fit([1, 2, 3], [0.1, 1.2, 0.3], true));
        Assert.Contains("passAtK[1]", e.Message);
    }

    [Fact]
    public void Fit_TooFewBudgets_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => FailureBetaCurveFit.Fit([1, 2], [0.1, 0.2], true));
}
