using MathNet.Numerics.LinearAlgebra;
using ResearchKit.RandomMatrices;

namespace ResearchKit.Tests.RandomMatrices;

/// <summary>
/// Calls that failed with an exception that did not say what was wrong (an OverflowException, an
/// IndexOutOfRangeException, a message about another method's parameter): each now names the parameter, the value
/// and the allowed range (hostile review, issue 10).
/// </summary>
public class UnclearErrorTests
{
    [Fact]
    public void UnfoldedSpectrum_SpacingsOfFewerThanTwoLevels_NamesLevels()
    {
        // new double[Levels.Length − 1] with no levels threw a bare OverflowException.
        var e = Assert.Throws<InvalidOperationException>(() => new UnfoldedSpectrum(Array.Empty<double>(), 1, true, 0).Spacings());
        Assert.Contains("Levels has 0 values", e.Message);
        Assert.Contains("allowed: at least 2", e.Message);
    }

    [Fact]
    public void EmpiricalSpectrum_NonZeroOfAnEmptySpectrum_NamesEigenvalues()
    {
        // Eigenvalues[0] of an empty spectrum threw IndexOutOfRangeException.
        var e = Assert.Throws<InvalidOperationException>(() => new EmpiricalSpectrum(Array.Empty<double>(), 1, FeatureScaling.Centre, 0).NonZero());
        Assert.Contains("Eigenvalues is empty", e.Message);
        Assert.Contains("allowed", e.Message);
    }

    [Fact]
    public void BlockedCovariance_FromSamplerWithBlocksBeyondTheMatrixLimit_NamesBlockSize()
    {
        // sampleCount + blockSize − 1 wrapped: a negative block count (bare OverflowException) or none at all.
        var sampler = GaussianSampler.Uncorrelated(2);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => BlockedCovariance.FromSampler(sampler, int.MaxValue, int.MaxValue, 1));
        Assert.Equal("blockSize", e.ParamName);
        Assert.Contains("4294967294", e.Message);
        Assert.Contains("allowed", e.Message);
    }

    [Fact]
    public void EmpiricalSpectrum_FromDataWhoseSecondMomentsOverflow_NamesData()
    {
        // Finite entries of 1e200 overflow the Gram matrix; the error used to speak of "a[0,0] = NaN", a parameter of
        // an internal eigensolver call.
        var data = Matrix<double>.Build.Dense(4, 2, (i, j) => 1e200 * (i + j));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => EmpiricalSpectrum.FromData(data, FeatureScaling.Centre));
        Assert.Equal("data", e.ParamName);
        Assert.Contains("overflow", e.Message);
        Assert.Contains("allowed", e.Message);
    }

    [Fact]
    public void GaussianSampler_SampleBeyondTheMatrixLimit_NamesCount()
    {
        // 65536 × 65537 entries exceed int.MaxValue; MathNet wrapped the size and failed inside Array.Copy.
        var sampler = GaussianSampler.Uncorrelated(65537);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => sampler.Sample(65536, new Random(1)));
        Assert.Equal("count", e.ParamName);
        Assert.Contains("4295032832", e.Message);
        Assert.Contains("allowed", e.Message);
    }
}
