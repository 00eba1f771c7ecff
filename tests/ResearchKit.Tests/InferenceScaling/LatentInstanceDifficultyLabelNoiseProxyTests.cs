using ResearchKit.InferenceScaling;

namespace ResearchKit.Tests.InferenceScaling;

public class LatentInstanceDifficultyLabelNoiseProxyTests
{
    // Two images, three classes, four annotators each: plurality counts 3 (image 0) and 2 (image 1, a tie).
    private static readonly int[,] Counts = { { 3, 1, 0 }, { 2, 2, 0 } };

    [Fact]
    public void HumanFailureCurve_HandComputed()
    {
        var proxy = LatentInstanceDifficultyLabelNoiseProxy.FromCounts(Counts);
        double[] f = proxy.HumanFailureCurve([1, 2]);
        NumericAssert.Close((0.25 + 0.5) / 2, f[0], 1e-15);
        NumericAssert.Close((0.0625 + 0.25) / 2, f[1], 1e-15);
        Assert.Equal(4, proxy.MaxVotes);
        Assert.Equal(0.0, proxy.UnanimousFraction);
    }

    [Fact]
    public void FailureCurve_HandComputedForNoneOneAndAllVotes()
    {
        var proxy = LatentInstanceDifficultyLabelNoiseProxy.FromCounts(Counts);
        // N = 0: the student is uniform, p̂ = 1/3 for both images.
        NumericAssert.Close(4.0 / 9, proxy.FailureCurve(0, [2])[0], 1e-14);
        // N = 1, a = 1: image 0 sees the plurality label w.p. 3/4 (p̂ = 2/4) else p̂ = 1/4 → F(1) = 0.5625;
        // image 1 w.p. 1/2 → 0.625. Mean 0.59375.
        NumericAssert.Close(0.59375, proxy.FailureCurve(1, [1])[0], 1e-14);
        // N = 4 (all votes), a = 1: p̂ = 4/7 and 3/7 → F(1) = 1/2.
        NumericAssert.Close(0.5, proxy.FailureCurve(4, [1])[0], 1e-14);
    }

    [Fact]
    public void BadInputs_Throw()
    {
        Assert.Throws<ArgumentNullException>(() => LatentInstanceDifficultyLabelNoiseProxy.FromCounts(null!));
        Assert.Throws<ArgumentException>(() => LatentInstanceDifficultyLabelNoiseProxy.FromCounts(new int[2, 1]));
        Assert.Contains("counts[0, 1] = -1", Assert.Throws<ArgumentOutOfRangeException>(() => LatentInstanceDifficultyLabelNoiseProxy.FromCounts(new[,] { { 1, -1 } })).Message);
        Assert.Contains("row 1", Assert.Throws<ArgumentException>(() => LatentInstanceDifficultyLabelNoiseProxy.FromCounts(new[,] { { 1, 0 }, { 0, 0 } })).Message);
        var proxy = LatentInstanceDifficultyLabelNoiseProxy.FromCounts(Counts);
        Assert.Equal("votesSeen", Assert.Throws<ArgumentOutOfRangeException>(() => proxy.FailureCurve(5, [1])).ParamName);
        Assert.Equal("smoothing", Assert.Throws<ArgumentOutOfRangeException>(() => proxy.FailureCurve(1, [1], 0)).ParamName);
        Assert.Throws<ArgumentOutOfRangeException>(() => proxy.FailureCurve(1, [0]));
        Assert.Throws<ArgumentException>(() => proxy.HumanFailureCurve([]));
    }
}
