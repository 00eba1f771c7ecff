using MathNet.Numerics.LinearAlgebra;
using ResearchKit.RandomMatrices;

namespace ResearchKit.Tests.RandomMatrices;

/// <summary>
/// Calls that returned a silently wrong result (hostile review, issue 10): each now gives the documented number or an
/// error naming the parameter, the value and the allowed range.
/// </summary>
public class SilentResultTests
{
    [Fact]
    public void SpectralEntropy_EigenvaluesWhoseSumOverflows_GiveTheEntropyNotNaN()
    {
        // 1e308 + 1e308 overflows to ∞; every p = λ/∞ was 0 and 0·ln 0 made the entropy NaN.
        double expected = SpectralEntropy.Compute(new[] { 10.0, 10.0, 1.0 });
        NumericAssert.Close(expected, SpectralEntropy.Compute(new[] { 1e308, 1e308, 1e307 }), 1e-14, "scaled spectrum");
        NumericAssert.Close(expected / Math.Log(3), SpectralEntropy.Normalised(new[] { 1e308, 1e308, 1e307 }), 1e-14, "normalised");
    }

    [Fact]
    public void EmpiricalSpectrum_NonSymmetricCovariance_IsRejected()
    {
        // The symmetric eigensolver reads the lower triangle only: [[1, 5], [0, 1]] came back with eigenvalues {1, 1},
        // the spectrum of neither the matrix nor its symmetric part.
        var covariance = Matrix<double>.Build.DenseOfArray(new double[,] { { 1, 5 }, { 0, 1 } });
        var e = Assert.Throws<ArgumentException>(() => EmpiricalSpectrum.FromCovariance(covariance, 10, FeatureScaling.Centre));
        Assert.Equal("covariance", e.ParamName);
        Assert.Contains("not symmetric", e.Message);
        Assert.Contains("covariance[0,1] = 5", e.Message);
        Assert.Contains("allowed", e.Message);
    }

    [Fact]
    public void EmpiricalSpectrum_RoundingLevelAsymmetry_IsAccepted()
    {
        var covariance = Matrix<double>.Build.DenseOfArray(new double[,] { { 2, 1 }, { 1 + 1e-15, 3 } });
        Assert.Equal(2, EmpiricalSpectrum.FromCovariance(covariance, 10, FeatureScaling.Centre).Dimension);
    }

    [Fact]
    public void SpectrumUnfolding_FewerDistinctLevelsThanCoefficients_IsRejectedNotFitted()
    {
        // Two distinct values under a degree-7 polynomial: the least-squares problem is rank deficient and the
        // "unfolded" levels came out near −7.6e31.
        double[] levels = { 1, 1, 1, 1, 1, 1, 1, 1, 2 };
        var e = Assert.Throws<ArgumentException>(() => SpectrumUnfolding.Unfold(levels, 7));
        Assert.Equal("levels", e.ParamName);
        Assert.Contains("2 distinct", e.Message);
        Assert.Contains("allowed: at least degree + 1 = 8", e.Message);
    }

    [Fact]
    public void KolmogorovSmirnov_CdfOutsideTheUnitInterval_IsRejected()
    {
        // A "cdf" returning 5 gave a distance of 5, and one returning NaN a distance of NaN.
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => KolmogorovSmirnov.Distance(new double[] { 1, 2, 3 }, _ => 5));
        Assert.Equal("cdf", e.ParamName);
        Assert.Contains("cdf(1) = 5", e.Message);
        Assert.Contains("allowed: 0 ≤ cdf(x) ≤ 1", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => KolmogorovSmirnov.Distance(new double[] { 1, 2, 3 }, _ => double.NaN));
    }
}
