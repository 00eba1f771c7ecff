using ResearchKit.InferenceScaling;

namespace ResearchKit.Tests.InferenceScaling;

public class LinearGaussianReconstructionTests
{
    [Fact]
    public void PosteriorCovariance_MatchesClosedFormForOneDimension()
    {
        // d = m = 1: Σ = σ²/(w² + σ²).
        var model = new LinearGaussianReconstruction(1, 1, 0.5, 3);
        double w = model.Decoder[0, 0];
        NumericAssert.Close(0.25 / (w * w + 0.25), model.PosteriorCovariance[0, 0], 1e-12);
    }

    [Fact]
    public void Attempt_ZeroTemperature_EachPointAlwaysOrNeverSucceeds()
    {
        // With T = 0 every attempt decodes the posterior mean: the outcome is deterministic per point.
        var outcomes = new LinearGaussianReconstruction(8, 2, 0.5, 1).Attempt(50, 20, 0, 0.3, 2);
        Assert.All(outcomes, o => Assert.True(o.Successes == 0 || o.Successes == o.Samples));
        Assert.Contains(outcomes, o => o.Successes == 0);
        Assert.Contains(outcomes, o => o.Successes == o.Samples);
    }

    [Fact]
    public void Attempt_SameSeed_SameCounts_AndTemperatureSpreadsDifficulty()
    {
        var model = new LinearGaussianReconstruction(8, 2, 0.5, 1);
        Assert.Equal(model.Attempt(30, 50, 1, 0.3, 5), model.Attempt(30, 50, 1, 0.3, 5));
        var warm = model.Attempt(200, 200, 1, 0.3, 6);
        Assert.Contains(warm, o => o.Successes > 0 && o.Successes < o.Samples);
    }

    [Fact]
    public void Constructor_LatentLargerThanData_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new LinearGaussianReconstruction(2, 3, 0.5, 1));

    [Fact]
    public void Attempt_NegativeTemperature_Throws()
        => Assert.Throws<ArgumentOutOfRangeException>(() => new LinearGaussianReconstruction(4, 2, 0.5, 1).Attempt(5, 5, -1, 0.3, 1));
}
