using ResearchKit.ScalingLaws;

namespace ResearchKit.Tests.ScalingLaws;

public class LearningRateScheduleTests
{
    [Fact]
    public void Constant_HasNoAnnealingArea_AndLinearForwardArea()
    {
        var s = LearningRateSchedule.Constant(3e-4, 5000);
        Assert.All(s.AnnealingArea(), v => Assert.Equal(0, v));
        NumericAssert.Close(3e-4 * 5000, s.ForwardArea()[^1], 1e-12);
        // L = L₀ + A(ηs)^−α at constant η.
        var law = new AnnealingLaw(2.0, 0.5, 0.4, 100);
        NumericAssert.Close(2.0 + 0.5 * Math.Pow(3e-4 * 1000, -0.4), law.Evaluate(s)[999], 1e-12);
    }

    [Theory]
    [InlineData(0.999, 100, 400)]
    [InlineData(0.99, 10, 60)]
    public void OneDrop_AnnealingAreaMatchesGeometricSum(double lambda, int k, int s)
    {
        // η = 1e-3 up to step k − 1, then 4e-4: S₂(s) = Δη(1 − λ^{s−k+1})/(1 − λ) for s ≥ k.
        double high = 1e-3, low = 4e-4;
        var rates = Enumerable.Range(1, 1000).Select(i => i < k ? high : low).ToArray();
        var s2 = new LearningRateSchedule(rates).AnnealingArea(lambda);
        NumericAssert.Close((high - low) * (1 - Math.Pow(lambda, s - k + 1)) / (1 - lambda), s2[s - 1], 1e-10);
        Assert.Equal(0, s2[k - 2]);
    }

    [Fact]
    public void Cosine_EndsAtItsBounds()
    {
        var c = LearningRateSchedule.Cosine(1e-3, 1e-4, 101);
        NumericAssert.Close(1e-3, c.Rates[0], 1e-15);
        NumericAssert.Close(1e-4, c.Rates[^1], 1e-12);
        Assert.True(c.AnnealingArea()[^1] > 0);
    }

    [Fact]
    public void WarmupStableDecay_IsFlatThenDecaysOverItsShare()
    {
        var w = LearningRateSchedule.WarmupStableDecay(1e-3, 1e-4, 1000, 0.2);
        Assert.All(w.Rates.Take(800), r => Assert.Equal(1e-3, r));
        NumericAssert.Close(1e-4, w.Rates[^1], 1e-12);
        Assert.True(w.Rates[850] < 1e-3 && w.Rates[850] > 1e-4);
        Assert.Equal(0, w.AnnealingArea()[799]);
        Assert.True(w.AnnealingArea()[^1] > 0);
    }

    [Fact]
    public void MultiStep_DropsAtItsBoundaries()
    {
        var m = LearningRateSchedule.MultiStep(1e-3, 100, [0.8, 0.9], [1 / Math.Sqrt(10), 0.1]);
        Assert.Equal(1e-3, m.Rates[79]);
        NumericAssert.Close(1e-3 / Math.Sqrt(10), m.Rates[80], 1e-14);
        NumericAssert.Close(1e-4, m.Rates[90], 1e-14);
        // Two drops: S₂ at the end is the sum of the two geometric sums.
        double l = 0.999, d1 = 1e-3 * (1 - 1 / Math.Sqrt(10)), d2 = 1e-3 * (1 / Math.Sqrt(10) - 0.1);
        double expected = Enumerable.Range(81, 20).Sum(s => d1 * (1 - Math.Pow(l, s - 81 + 1)) / (1 - l))
            + Enumerable.Range(91, 10).Sum(s => d2 * (1 - Math.Pow(l, s - 91 + 1)) / (1 - l));
        NumericAssert.Close(expected, m.AnnealingArea(l).Sum(), 1e-10);
    }

    [Fact]
    public void Warmup_TreatmentsDecideWhatEntersTheAreas()
    {
        var s = LearningRateSchedule.Constant(1e-3, 100).WithLinearWarmup(10);
        Assert.Equal(110, s.Steps);
        Assert.Equal(10, s.WarmupSteps);
        NumericAssert.Close(1e-4, s.Rates[0], 1e-14);
        // The authors': warm-up at the peak rate, no annealing area.
        NumericAssert.Close(10 * 1e-3, s.ForwardArea()[9], 1e-14);
        Assert.All(s.AnnealingArea(), v => Assert.Equal(0, v));
        // As scheduled: S₁ = η(1 + … + 10)/10 and the rising rates give negative momentum.
        NumericAssert.Close(1e-3 * 5.5, s.ForwardArea(WarmupTreatment.AsScheduled)[9], 1e-12);
        Assert.True(s.AnnealingArea(0.999, WarmupTreatment.AsScheduled)[^1] < 0);
        // Excluded: both areas start after warm-up.
        Assert.Equal(0, s.ForwardArea(WarmupTreatment.Excluded)[9]);
        NumericAssert.Close(1e-3, s.ForwardArea(WarmupTreatment.Excluded)[10], 1e-14);
        Assert.All(s.AnnealingArea(0.999, WarmupTreatment.Excluded), v => Assert.Equal(0, v));
    }

    [Fact]
    public void BadInput_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LearningRateSchedule([1e-3, -1e-4]));
        Assert.Contains("rates[1]", e.Message);
        Assert.Throws<ArgumentException>(() => new LearningRateSchedule([1e-3, double.NaN]));
        Assert.Throws<ArgumentException>(() => new LearningRateSchedule([1e-3, double.PositiveInfinity]));
        Assert.Throws<ArgumentException>(() => new LearningRateSchedule([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new LearningRateSchedule([1e-3, 1e-3], warmupSteps: 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Constant(1e-3, 10).AnnealingArea(1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Constant(-1e-3, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Constant(double.NaN, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Cosine(1e-3, 2e-3, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.WarmupStableDecay(1e-3, 1e-4, 100, 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.WarmupStableDecay(double.PositiveInfinity, 1e-4, 100, 0.2));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.MultiStep(1e-3, 100, [0.9, 0.8], [0.3, 0.1]));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.MultiStep(1e-3, 100, [0.8], [1.5]));
        Assert.Throws<ArgumentException>(() => LearningRateSchedule.MultiStep(1e-3, 100, [0.8], [0.3, 0.1]));
        Assert.Throws<ArgumentException>(() => LearningRateSchedule.MultiStep(1e-3, 100, [], []));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Constant(1e-3, 10).WithLinearWarmup(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnnealingLaw(2, 1, 0, 1).Evaluate(LearningRateSchedule.Constant(1e-3, 10)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnnealingLaw(2, 1, 0.5, 1).Evaluate(new LearningRateSchedule([0.0, 1e-3])));
    }
}
