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
    public void Compute_IntegrableControlOfNotebook01_PlateauIsOne()
    {
        // The integrable control as notebook 01 builds it (power-law diagonal levels, d = 200, the standard local
        // window and unfolding), 200 spectra. For independent levels |Σ w e^(2πiτe)|² / Σ w² is exponentially
        // distributed with mean 1 at τ ≫ 1/N, so the mean over 200 spectra × 8 well-separated τ in [2, 4] has a
        // standard error ≈ 1/√1600 = 0.025: the plateau must be 1 within 3 of them. (With 2 spectra the same mean
        // scatters by ≈ 0.25, which is the notebook's former plateau of 1.38.)
        var windows = SpectrumWindows.Standard(200);
        var spectra = Enumerable.Range(0, 200)
            .Select(k => SpectrumDiagnostics.Analyse(IntegrableLevels.PowerLawDiagonal(200, 1.0, new Random(500 + k)), windows).Unfolded).ToList();
        var taus = Enumerable.Range(0, 8).Select(j => Math.Pow(10, 0.30103 + 0.29897 * j / 7.0)).ToArray();
        var k = SpectralFormFactor.Compute(spectra, taus);
        NumericAssert.CloseAbs(1, k.Average(), 0.075, "plateau of the integrable control");
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
