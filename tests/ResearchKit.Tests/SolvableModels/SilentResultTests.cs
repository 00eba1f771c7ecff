using ResearchKit.SolvableModels;

namespace ResearchKit.Tests.SolvableModels;

/// <summary>Silently wrong results of the solvable models (hostile review, issue 10).</summary>
public class SilentResultTests
{
    [Fact]
    public void AccuracyCrossing_DescendingTimes_AreRejectedNotInterpolated()
    {
        // Times 100, 10, 1 with accuracy 0, 0.5, 1 "crossed" 0.9 at t = 1.58, between the last two (backwards) times.
        var e = Assert.Throws<ArgumentException>(() => AccuracyCrossing.First(new double[] { 100, 10, 1 }, new double[] { 0, 0.5, 1 }, 0.9));
        Assert.Equal("times", e.ParamName);
        Assert.Contains("times[1] = 10 < times[0] = 100", e.Message);
        Assert.Contains("allowed: non-decreasing", e.Message);
    }

    [Fact]
    public void LossAccuracy_LossSoSmallTheThresholdRatioOverflows_IsOneNotNaN()
    {
        // x = ε/(2·loss) = ∞ for loss = 1e−320, and P(a, ∞) came back NaN; the accuracy there is 1.
        Assert.Equal(1, LossAccuracy.Accuracy(1e-320, 1, 1));
        Assert.Equal(1, LossAccuracy.Accuracy(double.Epsilon, 2, 3));
    }
}
