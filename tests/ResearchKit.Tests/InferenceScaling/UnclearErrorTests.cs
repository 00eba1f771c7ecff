using ResearchKit.InferenceScaling;

namespace ResearchKit.Tests.InferenceScaling;

/// <summary>
/// Calls that failed with an exception that did not say what was wrong (a bare OverflowException, an error from
/// inside MathNet): each now names the parameter, the value and the allowed range (hostile review, issue 10).
/// </summary>
public class UnclearErrorTests
{
    [Fact]
    public void CoverageQuestions_FailureCurveBeyondTheArrayLimit_NamesMaxAttempts()
    {
        // new double[maxAttempts + 1] wrapped at int.MaxValue: a bare OverflowException.
        var questions = CoverageQuestions.FromSuccessProbabilities(new[] { 0.5 });
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => questions.FailureCurve(int.MaxValue));
        Assert.Equal("maxAttempts", e.ParamName);
        Assert.Contains($"maxAttempts = {int.MaxValue}", e.Message);
        Assert.Contains($"allowed: 1 ≤ maxAttempts ≤ {Array.MaxLength - 1}", e.Message);
    }

    [Fact]
    public void VarianceOptimalAllocation_PlugInVarianceBeyondTheArrayLimit_NamesAttempts()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => VarianceOptimalAllocation.PlugInVariance(0.5, int.MaxValue, 1));
        Assert.Equal("attempts", e.ParamName);
        Assert.Contains($"attempts = {int.MaxValue}", e.Message);
        Assert.Contains("allowed", e.Message);
    }

    [Theory]
    [InlineData(1e-200)]
    [InlineData(1e200)]
    public void LinearGaussianReconstruction_NoiseWhoseSquareLeavesTheDoubles_NamesNoise(double noise)
    {
        // σ² underflows to 0 or overflows to ∞; MathNet then threw "Matrix must be positive definite."
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new LinearGaussianReconstruction(4, 2, noise, 1));
        Assert.Equal("noise", e.ParamName);
        Assert.Contains("allowed: 1E-100 ≤ noise ≤ 1E+100", e.Message);
    }
}
