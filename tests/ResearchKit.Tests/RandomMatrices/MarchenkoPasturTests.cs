using MathNet.Numerics;
using ResearchKit.RandomMatrices;

namespace ResearchKit.Tests.RandomMatrices;

public class MarchenkoPasturTests
{
    [Theory]
    [InlineData(0.1, 1.0)]
    [InlineData(0.25, 2.0)]
    [InlineData(0.5, 1.0)]
    [InlineData(1.0, 1.0)]
    [InlineData(2.0, 1.0)]
    public void Density_Integrated_EqualsContinuousMass(double ratio, double variance)
    {
        var mp = new MarchenkoPastur(ratio, variance);
        // Double-exponential quadrature copes with the square-root edges (and the 1/√λ edge at γ = 1).
        double mass = Integrate.DoubleExponential(mp.Density, mp.LowerEdge, mp.UpperEdge, 1e-10);
        NumericAssert.Close(Math.Min(1, 1 / ratio), mass, 1e-6, "∫ρ");
        double mean = Integrate.DoubleExponential(x => x * mp.Density(x), mp.LowerEdge, mp.UpperEdge, 1e-10);
        // E[λ] = σ² for the whole law (the atom at 0 adds nothing).
        NumericAssert.Close(variance, mean, 1e-6, "E[λ]");
    }

    [Fact]
    public void Edges_KnownAnswer()
    {
        var mp = new MarchenkoPastur(0.25, 2.0);
        NumericAssert.Close(2 * 0.25, mp.LowerEdge, 1e-14);
        NumericAssert.Close(2 * 2.25, mp.UpperEdge, 1e-14);
        Assert.Equal(0, mp.AtomAtZero);
        NumericAssert.Close(0.5, new MarchenkoPastur(2).AtomAtZero, 1e-15);
    }

    [Theory]
    [InlineData(0.3)]
    [InlineData(1.0)]
    [InlineData(3.0)]
    public void Cdf_MatchesIntegratedDensity(double ratio)
    {
        var mp = new MarchenkoPastur(ratio);
        foreach (double q in new[] { 0.1, 0.4, 0.7, 0.95 })
        {
            double x = mp.LowerEdge + q * (mp.UpperEdge - mp.LowerEdge);
            double expected = mp.AtomAtZero + Integrate.DoubleExponential(mp.Density, mp.LowerEdge, x, 1e-10);
            NumericAssert.CloseAbs(expected, mp.Cdf(x), 1e-6, $"F({x})");
        }
        Assert.Equal(1, mp.Cdf(mp.UpperEdge + 1));
        Assert.Equal(0, mp.Cdf(-1));
    }

    [Fact]
    public void Cdf_SampledWishart_SmallKolmogorovDistance()
    {
        // UGD d = 200, M = 800: the spectrum of Σ_M follows MP with γ = 1/4 (finite-size KS distance ≈ 0.01).
        var sampler = GaussianSampler.Uncorrelated(200);
        var spectrum = EmpiricalSpectrum.FromData(sampler.Sample(800, new Random(3)), FeatureScaling.Centre);
        var mp = new MarchenkoPastur(200.0 / 800);
        double ks = KolmogorovSmirnov.Distance(spectrum.Eigenvalues, mp.Cdf);
        Assert.True(ks < 0.04, $"KS = {ks}");
        // The law with the wrong ratio is rejected by the same distance.
        double wrong = KolmogorovSmirnov.Distance(spectrum.Eigenvalues, new MarchenkoPastur(0.5).Cdf);
        Assert.True(wrong > 0.1, $"KS(wrong γ) = {wrong}");
    }

    [Theory]
    [InlineData(0.0, 1.0)]
    [InlineData(-1.0, 1.0)]
    [InlineData(double.NaN, 1.0)]
    [InlineData(1.0, 0.0)]
    [InlineData(1.0, double.PositiveInfinity)]
    public void Constructor_BadArguments_Throw(double ratio, double variance)
        => Assert.Throws<ArgumentOutOfRangeException>(() => new MarchenkoPastur(ratio, variance));

    [Fact]
    public void Density_NaN_Throws() => Assert.Throws<ArgumentOutOfRangeException>(() => new MarchenkoPastur(0.5).Density(double.NaN));
}
