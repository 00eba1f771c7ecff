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
    public void BadInput_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LearningRateSchedule([1e-3, -1e-4]));
        Assert.Contains("rates[1]", e.Message);
        Assert.Throws<ArgumentException>(() => new LearningRateSchedule([1e-3, double.NaN]));
        Assert.Throws<ArgumentException>(() => new LearningRateSchedule([1e-3, double.PositiveInfinity]));
        Assert.Throws<ArgumentException>(() => new LearningRateSchedule([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Constant(1e-3, 10).AnnealingArea(1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => LearningRateSchedule.Cosine(1e-3, 2e-3, 10));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnnealingLaw(2, 1, 0, 1).Evaluate(LearningRateSchedule.Constant(1e-3, 10)));
        Assert.Throws<ArgumentOutOfRangeException>(() => new AnnealingLaw(2, 1, 0.5, 1).Evaluate(new LearningRateSchedule([0.0, 1e-3])));
    }
}
