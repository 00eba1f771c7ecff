using ResearchKit.RandomMatrices;

namespace ResearchKit.Tests.RandomMatrices;

public class SpectralFormFactorTests
{
    [Fact]
    public void GoeTheory_KnownValues()
    {
        NumericAssert.Close(2 - Math.Log(3), SpectralFormFactor.GoeTheory(1), 1e-15, "K(1)");
        NumericAssert.Close(1 - Math.Log(2) / 2, SpectralFormFactor.GoeTheory(0.5), 1e-15, "K(1/2)");
        NumericAssert.CloseAbs(1, SpectralFormFactor.GoeTheory(50), 1e-3, "plateau");
        // Small τ: the ramp K ≈ 2τ − 2τ² + …
        NumericAssert.Close(2 * 1e-3, SpectralFormFactor.GoeTheory(1e-3), 2e-3, "ramp");
        Assert.Equal(1, SpectralFormFactor.PoissonTheory(0.3));
    }

    [Fact]
    public void Compute_Goe_FollowsRampAndPlateau()
    {
        var spectra = Enumerable.Range(0, 40).Select(s =>
        {
            var e = GaussianOrthogonalEnsemble.SampleEigenvalues(300, new Random(100 + s));
            return SpectrumUnfolding.Unfold(e.Skip(30).Take(240).ToArray(), 5, logScale: false);
        }).ToList();
        double[] taus = { 0.2, 0.3, 0.4, 0.5, 1.5, 2.0, 2.5, 3.0 };
        var k = SpectralFormFactor.Compute(spectra, taus);
        double ramp = k.Take(4).Average(), rampTheory = taus.Take(4).Average(SpectralFormFactor.GoeTheory);
        double plateau = k.Skip(4).Average();
        // 40 realisations × 4 τ: K fluctuates by ≈ 1/√(160) relative.
        NumericAssert.Close(rampTheory, ramp, 0.2, "ramp");
        NumericAssert.Close(1, plateau, 0.15, "plateau");
    }

    [Fact]
    public void Compute_Poisson_IsFlat()
    {
        var spectra = Enumerable.Range(0, 40).Select(s =>
            SpectrumUnfolding.Unfold(IntegrableLevels.PowerLawDiagonal(300, 1, new Random(s)).Skip(20).ToArray(), 7)).ToList();
        var k = SpectralFormFactor.Compute(spectra, new[] { 0.2, 0.3, 0.4, 0.5 });
        NumericAssert.Close(1, k.Average(), 0.15, "Poisson K");
    }

    [Fact]
    public void BadInputs_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SpectralFormFactor.GoeTheory(-1));
        var u = SpectrumUnfolding.Unfold(new[] { 1.0, 2, 3, 4, 5, 6 }, 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => SpectralFormFactor.Compute(new[] { u }, new[] { -0.1 }));
        Assert.Throws<ArgumentException>(() => SpectralFormFactor.Compute(Array.Empty<UnfoldedSpectrum>(), new[] { 0.1 }));
    }
}
