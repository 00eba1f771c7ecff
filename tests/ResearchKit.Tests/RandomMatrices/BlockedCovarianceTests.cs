using MathNet.Numerics.LinearAlgebra;
using ResearchKit.RandomMatrices;

namespace ResearchKit.Tests.RandomMatrices;

public class BlockedCovarianceTests
{
    private static Matrix<double> Data(int m, int d, int seed)
    {
        var r = new Random(seed);
        // Columns with different means and scales, so that centring and standardising both matter.
        return Matrix<double>.Build.Dense(m, d, (i, j) => 3 * j + (1 + j) * (r.NextDouble() - 0.5) + 0.3 * r.NextDouble() * (j > 0 ? 1 : 0));
    }

    private static Matrix<double> DirectCovariance(Matrix<double> x, bool standardise)
    {
        int m = x.RowCount, d = x.ColumnCount;
        var mean = x.ColumnSums() / m;
        var c = Matrix<double>.Build.Dense(m, d, (i, j) => x[i, j] - mean[j]);
        var cov = c.TransposeThisAndMultiply(c) / m;
        if (!standardise) return cov;
        return Matrix<double>.Build.Dense(d, d, (i, j) => cov[i, j] / Math.Sqrt(cov[i, i] * cov[j, j]));
    }

    [Theory]
    [InlineData(1, false)]
    [InlineData(7, false)]
    [InlineData(7, true)]
    public void Covariance_AnyBlockCount_EqualsDirectFormula(int blocks, bool standardise)
    {
        var x = Data(60, 5, 1);
        var bc = BlockedCovariance.FromRows(x, blocks, blocks > 1 ? new Random(2) : null);
        var cov = bc.Covariance(standardise ? FeatureScaling.Standardise : FeatureScaling.Centre);
        var expected = DirectCovariance(x, standardise);
        for (int i = 0; i < 5; i++)
            for (int j = 0; j < 5; j++)
                NumericAssert.CloseAbs(expected[i, j], cov[i, j], 1e-10, $"Σ[{i},{j}]");
        Assert.Equal(60, bc.SampleCount);
    }

    [Fact]
    public void Spectrum_Descending_TraceMatches()
    {
        var x = Data(50, 6, 4);
        var sp = EmpiricalSpectrum.FromData(x, FeatureScaling.Standardise);
        for (int i = 1; i < sp.Dimension; i++) Assert.True(sp.Eigenvalues[i - 1] >= sp.Eigenvalues[i]);
        NumericAssert.Close(6, sp.Eigenvalues.Sum(), 1e-10, "trace of a correlation matrix");
        Assert.Equal(0, sp.ConstantFeatureCount);
    }

    [Fact]
    public void Standardise_ConstantFeature_CountedAndZeroEigenvalue()
    {
        var x = Data(40, 4, 5);
        for (int i = 0; i < 40; i++) x[i, 2] = 7;
        var sp = EmpiricalSpectrum.FromData(x, FeatureScaling.Standardise);
        Assert.Equal(1, sp.ConstantFeatureCount);
        NumericAssert.Close(3, sp.Eigenvalues.Sum(), 1e-10, "trace");
        NumericAssert.CloseAbs(0, sp.Eigenvalues[^1], 1e-12, "λ_min");
    }

    [Fact]
    public void NonZero_FewerSamplesThanFeatures_RankIsMMinusOne()
    {
        var x = GaussianSampler.Uncorrelated(30).Sample(10, new Random(1));
        var sp = EmpiricalSpectrum.FromData(x, FeatureScaling.Centre);
        Assert.Equal(9, sp.NonZero().Length);
    }

    [Fact]
    public void BootstrapSpectrum_SameSeed_SameNumbers_DifferentSeed_Differs()
    {
        var bc = BlockedCovariance.FromRows(Data(200, 4, 6), 20, new Random(1));
        var a = bc.BootstrapSpectrum(FeatureScaling.Centre, new Random(9)).Eigenvalues;
        var b = bc.BootstrapSpectrum(FeatureScaling.Centre, new Random(9)).Eigenvalues;
        var c = bc.BootstrapSpectrum(FeatureScaling.Centre, new Random(10)).Eigenvalues;
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void FromSampler_SameSeed_SameSpectrum()
    {
        var s = GaussianSampler.PowerLawSpectrum(20, 0.5);
        var a = BlockedCovariance.FromSampler(s, 300, 70, 3).Spectrum(FeatureScaling.Centre).Eigenvalues;
        var b = BlockedCovariance.FromSampler(s, 300, 70, 3).Spectrum(FeatureScaling.Centre).Eigenvalues;
        Assert.Equal(a, b);
        Assert.Equal(300, BlockedCovariance.FromSampler(s, 300, 70, 3).SampleCount);
    }

    [Fact]
    public void FromRows_BadArguments_Throw()
    {
        var x = Data(10, 3, 1);
        Assert.Throws<ArgumentOutOfRangeException>(() => BlockedCovariance.FromRows(x, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BlockedCovariance.FromRows(x, 6));
        x[3, 1] = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => BlockedCovariance.FromRows(x, 1));
        Assert.Contains("data[3, 1]", e.Message);
        Assert.Throws<ArgumentNullException>(() => BlockedCovariance.FromRows(null!, 1));
        Assert.Throws<InvalidOperationException>(() => BlockedCovariance.FromRows(Data(10, 3, 1), 1).BootstrapSpectrum(FeatureScaling.Centre, new Random(1)));
    }
}
