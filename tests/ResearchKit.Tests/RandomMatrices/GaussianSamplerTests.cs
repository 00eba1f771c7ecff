using FsCheck;
using FsCheck.Fluent;
using ResearchKit.Numerics;
using ResearchKit.RandomMatrices;

namespace ResearchKit.Tests.RandomMatrices;

public class GaussianSamplerTests
{
    [Fact]
    public void PowerLawSpectrum_Population_IsIToMinusOneMinusAlpha()
    {
        var s = GaussianSampler.PowerLawSpectrum(10, 0.5);
        NumericAssert.Close(1, s.PopulationSpectrum[0], 1e-15);
        NumericAssert.Close(Math.Pow(10, -1.5), s.PopulationSpectrum[9], 1e-14);
    }

    [Fact]
    public void Sample_LargeM_CovarianceApproachesPopulation()
    {
        var basis = GaussianSampler.RandomOrthogonal(8, new Random(2));
        var s = GaussianSampler.PowerLawSpectrum(8, 1.0, basis);
        var sp = BlockedCovariance.FromSampler(s, 40000, 5000, 1).Spectrum(FeatureScaling.Centre);
        for (int i = 0; i < 8; i++)
            NumericAssert.Close(s.PopulationSpectrum[i], sp.Eigenvalues[i], 0.05, $"λ_{i + 1}");
    }

    [Fact]
    public void Toeplitz_Sample_CovarianceEntriesMatch()
    {
        var s = GaussianSampler.Toeplitz(6, 0.7);
        var x = s.Sample(40000, new Random(5));
        var cov = BlockedCovariance.FromRows(x, 1).Covariance(FeatureScaling.Centre);
        for (int k = 0; k < 6; k++)
            NumericAssert.CloseAbs(Math.Pow(1 + k, -0.7), cov[0, k], 0.03, $"Σ[0,{k}]");
    }

    [Fact]
    public void RandomOrthogonal_IsOrthogonal()
    {
        var q = GaussianSampler.RandomOrthogonal(12, new Random(3));
        var qtq = q.TransposeThisAndMultiply(q);
        for (int i = 0; i < 12; i++)
            for (int j = 0; j < 12; j++)
                NumericAssert.CloseAbs(i == j ? 1 : 0, qtq[i, j], 1e-12);
    }

    [Fact]
    public void Sample_SameSeed_SameNumbers()
    {
        var s = GaussianSampler.PowerLawSpectrum(5, 1, GaussianSampler.RandomOrthogonal(5, new Random(1)));
        Assert.Equal(s.Sample(4, new Random(7)).ToArray(), s.Sample(4, new Random(7)).ToArray());
    }

    [Fact]
    public void PowerLawToeplitz_AnySizeAndExponent_SymmetricAndPsd()
    {
        // The PSD-by-construction argument (mixture of AR(1) matrices) checked on random sizes and exponents.
        var gen = from d in Gen.Choose(2, 120)
                  from a in Gen.Choose(1, 400)
                  select (d, a / 100.0);
        Prop.ForAll(gen.ToArbitrary(), t =>
        {
            var m = PowerLawToeplitz.Build(t.d, t.Item2);
            double min = Linalg.SymmetricEigenvalues(m)[0];
            return min >= -1e-12 && m.Equals(m.Transpose());
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void UnshiftedPowerLawToeplitz_IsNotPsd_WhichIsWhyWeShift()
    {
        // The naive choice c₀ = 1, c_k = k^(−a) has negative eigenvalues (symbol 1 − 2η(a) < 0 at θ = π).
        int d = 200;
        var m = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.Dense(d, d, (i, j) => i == j ? 1 : Math.Pow(Math.Abs(i - j), -1.0));
        Assert.True(Linalg.SymmetricEigenvalues(m)[0] < -0.1);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-3)]
    public void Factories_BadDimension_Throw(int d)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussianSampler.Uncorrelated(d));
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussianSampler.PowerLawSpectrum(d, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussianSampler.Toeplitz(d, 1));
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void PowerLawSpectrum_BadAlpha_Throws(double alpha)
        => Assert.Throws<ArgumentOutOfRangeException>(() => GaussianSampler.PowerLawSpectrum(5, alpha));

    [Fact]
    public void BadArguments_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussianSampler.Toeplitz(5, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussianSampler.Toeplitz(5, double.NaN));
        Assert.Throws<ArgumentException>(() => GaussianSampler.PowerLawSpectrum(5, 1, GaussianSampler.RandomOrthogonal(4, new Random(1))));
        Assert.Throws<ArgumentOutOfRangeException>(() => GaussianSampler.Uncorrelated(3).Sample(0, new Random(1)));
        Assert.Throws<ArgumentNullException>(() => GaussianSampler.Uncorrelated(3).Sample(2, null!));
    }
}
