using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

public class ConformalCollapseTests
{
    private static (ConstantLabelModel Task, ClassificationSample Sample) Problem(int n = 80, double lambda = 0.3, double sigma = 1, int seed = 7)
    {
        var task = new ConstantLabelModel((int)Math.Round(lambda * n), sigma);
        return (task, task.Sample(n, new Random(seed)));
    }

    [Fact]
    public void Compare_SmallSteps_BiasedPathFollowsBiasFreePath()
    {
        var (task, sample) = Problem();
        var r = ConformalCollapse.Compare(task, sample, 0.01, 4000, 0.002);
        Assert.True(r.MaxRelativeNormGap < 0.02, $"norm gap {r.MaxRelativeNormGap}");
        Assert.True(r.FinalRelativeGap < 0.02, $"vector gap {r.FinalRelativeGap}");
        Assert.True(r.FinalCosine > 0.999);
        Assert.Equal(r.ConformalTime.Length, r.BiasFreeNorm.Length);
        NumericAssert.Close(r.ConformalTime[^1], r.FinalConformalTime, 1e-15);
    }

    [Fact]
    public void Compare_GapShrinksWithTheStep()
    {
        // Two discretisations of one gradient flow: halving η (and h) must shrink the gap at the same τ_end (first order).
        var (task, sample) = Problem(60, 0.3, 2);
        var coarse = ConformalCollapse.Compare(task, sample, 0.02, 1000, 0.004);
        var fine = ConformalCollapse.Compare(task, sample, 0.01, 2000, 0.002);
        Assert.True(fine.FinalRelativeGap < 0.7 * coarse.FinalRelativeGap, $"coarse {coarse.FinalRelativeGap}, fine {fine.FinalRelativeGap}");
    }

    [Fact]
    public void Compare_SameInput_SameNumbers()
    {
        var (task, sample) = Problem();
        var a = ConformalCollapse.Compare(task, sample, 0.01, 500, 0.002);
        var b = ConformalCollapse.Compare(task, sample, 0.01, 500, 0.002);
        Assert.Equal(a.BiasedNorm, b.BiasedNorm);
        Assert.Equal(a.FinalRelativeGap, b.FinalRelativeGap);
    }

    [Fact]
    public void Compare_BadInput_Throws()
    {
        var (task, sample) = Problem(20);
        Assert.Throws<ArgumentNullException>(() => ConformalCollapse.Compare(null!, sample, 0.01, 10, 0.01));
        Assert.Throws<ArgumentNullException>(() => ConformalCollapse.Compare(task, null!, 0.01, 10, 0.01));
        Assert.ThrowsAny<ArgumentException>(() => ConformalCollapse.Compare(task, sample, 0, 10, 0.01));
        Assert.ThrowsAny<ArgumentException>(() => ConformalCollapse.Compare(task, sample, double.NaN, 10, 0.01));
        Assert.ThrowsAny<ArgumentException>(() => ConformalCollapse.Compare(task, sample, double.PositiveInfinity, 10, 0.01));
        Assert.ThrowsAny<ArgumentException>(() => ConformalCollapse.Compare(task, sample, 0.01, 0, 0.01));
        Assert.ThrowsAny<ArgumentException>(() => ConformalCollapse.Compare(task, sample, 0.01, 10, -1));
        Assert.ThrowsAny<ArgumentException>(() => ConformalCollapse.Compare(task, sample, 0.01, 10, double.NaN));
        Assert.ThrowsAny<ArgumentException>(() => ConformalCollapse.Compare(task, sample, 0.01, 10, 1e-12));   // > 10⁷ bias-free steps
        Assert.ThrowsAny<ArgumentException>(() => ConformalCollapse.Compare(task, sample, 0.01, 10, 0.01, recordCount: 2));
        Assert.ThrowsAny<ArgumentException>(() => ConformalCollapse.Compare(task, sample, 0.01, 10, 0.01, comparisonStart: 1));
        Assert.ThrowsAny<ArgumentException>(() => ConformalCollapse.Compare(task, sample, 0.01, 10, 0.01, comparisonStart: double.NaN));
    }
}
