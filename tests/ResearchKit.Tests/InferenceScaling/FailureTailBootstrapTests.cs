using ResearchKit.InferenceScaling;
using ResearchKit.PowerLaws;

namespace ResearchKit.Tests.InferenceScaling;

public class FailureTailBootstrapTests
{
    private static readonly int[] Ks = [1, 3, 10, 30, 100, 300, 1000, 3000, 10000];

    private static ProblemOutcomes[] Mixed() =>
        Enumerable.Range(0, 60).Select(i => new ProblemOutcomes($"p{i}", 10000, (i * i * 7) % 23 * (i % 3))).ToArray();

    [Fact]
    public void Run_IdenticalProblems_EveryReplicateEqualsTheFullFit()
    {
        var problems = Enumerable.Range(0, 10).Select(i => new ProblemOutcomes($"p{i}", 10000, 3)).ToArray();
        var result = FailureTailBootstrap.Run(problems, Ks, [(10, 1000)], 5, 1);
        double direct = FailureTailFit.Fit(Ks.Select(k => (double)k).ToArray(), PassAtK.MeanFailureCurve(problems, Ks), 10, 1000).Exponent;
        NumericAssert.Close(direct, result.Exponents[0], 1e-12, "full-data exponent");
        Assert.Equal(0, result.Exponent(0).StandardError, 12);
        Assert.Equal(0, result.Difference(0, 0).Estimate);
    }

    [Fact]
    public void Run_SameSeed_SameIntervals_AndDifferenceIsJoint()
    {
        var first = FailureTailBootstrap.Run(Mixed(), Ks, [(100, 1000), (1000, 10000)], 30, 9);
        var second = FailureTailBootstrap.Run(Mixed(), Ks, [(100, 1000), (1000, 10000)], 30, 9);
        Assert.Equal(first.Exponent(1), second.Exponent(1));
        Assert.Equal(first.Exponents[1] - first.Exponents[0], first.Difference(0, 1).Estimate, 12);
        Assert.True(first.Exponent(0).StandardError > 0);
    }

    [Fact]
    public void Run_WindowUpperBelowLower_ThrowsNamingWindows()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FailureTailBootstrap.Run(Mixed(), Ks, [(100, 10)], 5, 1));
        Assert.Contains("windows[0].KMax", e.Message);
    }

    [Fact]
    public void Run_TooFewReplicates_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => FailureTailBootstrap.Run(Mixed(), Ks, [(10, 1000)], 1, 1));
        Assert.Contains("replicates", e.Message);
    }

    [Fact]
    public void Exponent_IndexOutOfRange_Throws()
    {
        var result = FailureTailBootstrap.Run(Mixed(), Ks, [(10, 1000)], 3, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => result.Exponent(1));
    }
}
