using ResearchKit.InferenceScaling;

namespace ResearchKit.Tests.InferenceScaling;

public class PassAtKTests
{
    [Theory]
    // Closed forms: C(7,2)/C(10,2) = 21/45; c = 1 gives (n − k)/n; c = 2 gives (n−k)(n−k−1)/(n(n−1)).
    [InlineData(10, 3, 2, 24.0 / 45.0)]
    [InlineData(10000, 1, 5000, 0.5)]
    [InlineData(10000, 2, 5000, 1 - 5000.0 * 4999.0 / (10000.0 * 9999.0))]
    // Exact rationals from Python: float(1 - Fraction(math.comb(n-c, k), math.comb(n, k))).
    [InlineData(10000, 100, 100, 0.6358054847604084)]
    [InlineData(10000, 37, 2500, 0.9999766870115234)]
    [InlineData(10000, 1, 1, 0.0001)]
    public void Estimate_KnownCounts_MatchesExactRatio(int n, int c, int k, double expected)
        => NumericAssert.Close(expected, PassAtK.Estimate(n, c, k), 1e-12);

    [Theory]
    // 1 − pass@k without cancellation; exact rationals from Python's math.comb as above.
    [InlineData(10000, 37, 2500, 2.3312988476524665e-05)]
    [InlineData(10000, 5, 9990, 3.0270259666589146e-16)]
    [InlineData(10000, 100, 100, 0.36419451523959157)]
    public void EstimateFailure_KnownCounts_MatchesExactRatioToRelativePrecision(int n, int c, int k, double expected)
        => NumericAssert.Close(expected, PassAtK.EstimateFailure(n, c, k), 1e-11);

    [Fact]
    public void Estimate_KEqualsNWithSuccess_IsExactlyOne()
        => Assert.Equal(1.0, PassAtK.Estimate(10000, 1, 10000));

    [Fact]
    public void Estimate_NoSuccess_IsExactlyZeroAtEveryK()
    {
        Assert.Equal(0.0, PassAtK.Estimate(10000, 0, 1));
        Assert.Equal(0.0, PassAtK.Estimate(10000, 0, 10000));
    }

    [Fact]
    public void EstimateCurve_UnsortedBudgets_MatchesPointwiseEstimates()
    {
        int[] ks = [5000, 1, 10000, 37, 37];
        double[] curve = PassAtK.EstimateCurve(10000, 12, ks);
        for (int j = 0; j < ks.Length; j++)
            NumericAssert.Close(PassAtK.Estimate(10000, 12, ks[j]), curve[j], 1e-13, $"k = {ks[j]}");
    }

    [Fact]
    public void MeanCurve_TwoProblems_IsAverageOfEstimates()
    {
        var problems = new[] { new ProblemOutcomes("a", 100, 3), new ProblemOutcomes("b", 100, 0) };
        double[] mean = PassAtK.MeanCurve(problems, [1, 10]);
        NumericAssert.Close(0.5 * PassAtK.Estimate(100, 3, 1), mean[0], 1e-14);
        NumericAssert.Close(0.5 * PassAtK.Estimate(100, 3, 10), mean[1], 1e-14);
        double[] failure = PassAtK.MeanFailureCurve(problems, [1, 10]);
        NumericAssert.Close(1 - mean[1], failure[1], 1e-14);
    }

    [Theory]
    [InlineData(10, 11, 1, "exceeds")]
    [InlineData(10, -1, 1, "negative")]
    [InlineData(10, 2, 0, "k = 0")]
    [InlineData(10, 2, 11, "k = 11")]
    [InlineData(0, 0, 1, "n = 0")]
    public void Estimate_BadCounts_ThrowsNamingTheProblem(int n, int c, int k, string fragment)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PassAtK.Estimate(n, c, k));
        Assert.Contains(fragment, e.Message);
    }

    [Fact]
    public void MeanCurve_InconsistentProblem_ThrowsNamingItsIndexAndId()
    {
        var problems = new[] { new ProblemOutcomes("ok", 100, 3), new ProblemOutcomes("Pythia 1B / MATH / 82", 100, 101) };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PassAtK.MeanCurve(problems, [1]));
        Assert.Contains("problems[1] 'Pythia 1B / MATH / 82'", e.Message);
        Assert.Contains("c = 101", e.Message);
    }

    [Fact]
    public void MeanCurve_BudgetBeyondSomeProblemsSamples_ThrowsNamingTheProblem()
    {
        var problems = new[] { new ProblemOutcomes("long", 100, 3), new ProblemOutcomes("short", 10, 3) };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PassAtK.MeanCurve(problems, [1, 50]));
        Assert.Contains("'short'", e.Message);
        Assert.Contains("ks[1] = 50", e.Message);
    }

    [Fact]
    public void Mean_EmptyProblems_Throws()
        => Assert.Throws<ArgumentException>(() => PassAtK.Mean([], 1));

    [Fact]
    public void EstimateCurve_EmptyBudgets_Throws()
        => Assert.Throws<ArgumentException>(() => PassAtK.EstimateCurve(10, 1, []));
}
