using ResearchKit.PowerLaws;
using ResearchKit.RandomMatrices;

namespace ResearchKit.Tests.PowerLaws;

public class PowerLawFitTests
{
    [Theory]
    [InlineData(0.0)]
    [InlineData(0.5)]
    [InlineData(1.3)]
    public void FitRankOrdered_ExactPowerLaw_RecoversExponent(double alpha)
    {
        var lambda = Enumerable.Range(1, 200).Select(i => 3.0 * Math.Pow(i, -1 - alpha)).ToArray();
        var fit = PowerLawFit.FitRankOrdered(lambda, new RankWindow(10, 150));
        NumericAssert.Close(1 + alpha, fit.Slope, 1e-12, "s");
        NumericAssert.CloseAbs(alpha, fit.Alpha, 1e-12, "α");
        NumericAssert.Close(Math.Log(3), fit.Intercept, 1e-12, "ln C");
        NumericAssert.Close(1, fit.RSquared, 1e-12, "R²");
        Assert.Equal(141, fit.Residuals.Length);
        NumericAssert.Close(3.0 * Math.Pow(20, -1 - alpha), fit.Evaluate(20), 1e-12, "C·i^(−s)");
    }

    [Fact]
    public void FitRankOrdered_OutliersOutsideWindow_Ignored()
    {
        var lambda = Enumerable.Range(1, 100).Select(i => Math.Pow(i, -2.0)).ToArray();
        lambda[0] = 1e6; lambda[1] = 1e5; // outliers above the bulk, as in real spectra
        var fit = PowerLawFit.FitRankOrdered(lambda, new RankWindow(3, 100));
        NumericAssert.Close(2, fit.Slope, 1e-12);
    }

    [Fact]
    public void FitRankOrdered_CurvedSpectrum_LowRSquared()
    {
        // Marchenko–Pastur-like (UGD) spectra are not power laws: R² well below that of a power law with noise.
        var sp = EmpiricalSpectrum.FromData(GaussianSampler.Uncorrelated(100).Sample(1000, new Random(1)), FeatureScaling.Centre);
        var fit = PowerLawFit.FitRankOrdered(sp.Eigenvalues, new RankWindow(5, 50));
        Assert.True(fit.RSquared < 0.97, $"R² = {fit.RSquared}");
    }

    [Fact]
    public void Bootstrap_IsCalibrated_OnSyntheticDataWithKnownExponent()
    {
        // 40 independent data sets (d = 60, M = 6000, α = 0.5) each with a 25-replicate block bootstrap: the true α
        // must lie within ±2σ in about 95% of them and within ±0.5σ in about 38%. Binomial(40, 0.95) puts ≥ 34 hits
        // at ≥ 98% probability; the ±0.5σ count (expected 15.3) guards against a σ that is simply too large.
        const double alpha = 0.5;
        var sampler = GaussianSampler.PowerLawSpectrum(60, alpha);
        var window = new RankWindow(5, 30);
        int within2 = 0, withinHalf = 0;
        for (int seed = 0; seed < 40; seed++)
        {
            var bc = BlockedCovariance.FromSampler(sampler, 6000, 200, 1000 + seed);
            var result = PowerLawFit.Bootstrap(bc.Spectrum(FeatureScaling.Centre).Eigenvalues, window,
                r => bc.BootstrapSpectrum(FeatureScaling.Centre, r).Eigenvalues, 25, 77 * seed);
            double z = Math.Abs(result.Alpha - alpha) / result.SlopeStandardError;
            if (z <= 2) within2++;
            if (z <= 0.5) withinHalf++;
        }
        Assert.InRange(within2, 34, 40);
        Assert.InRange(withinHalf, 7, 26);
    }

    [Fact]
    public void Bootstrap_SameSeed_SameResult()
    {
        var bc = BlockedCovariance.FromSampler(GaussianSampler.PowerLawSpectrum(20, 1), 800, 40, 5);
        var e = bc.Spectrum(FeatureScaling.Centre).Eigenvalues;
        var w = new RankWindow(2, 12);
        var a = PowerLawFit.Bootstrap(e, w, r => bc.BootstrapSpectrum(FeatureScaling.Centre, r).Eigenvalues, 5, 3);
        var b = PowerLawFit.Bootstrap(e, w, r => bc.BootstrapSpectrum(FeatureScaling.Centre, r).Eigenvalues, 5, 3);
        Assert.Equal(a.ReplicateSlopes, b.ReplicateSlopes);
    }

    [Fact]
    public void RankWindow_HalvesInLogRank_ShareTheGeometricMidpoint()
    {
        // Notebook 01's Fashion-MNIST window, ranks 10…196: cut at round(√1960) = 44.
        var (lower, upper) = new RankWindow(10, 196).HalvesInLogRank();
        Assert.Equal((10, 44), (lower.FirstRank, lower.LastRank));
        Assert.Equal((44, 196), (upper.FirstRank, upper.LastRank));
        var (a, b) = new RankWindow(1, 100).HalvesInLogRank();
        Assert.Equal(10, a.LastRank);
        Assert.Equal(10, b.FirstRank);
        var e = Assert.Throws<InvalidOperationException>(() => new RankWindow(10, 13).HalvesInLogRank());
        Assert.Contains("fewer than 3 ranks", e.Message);
    }

    [Fact]
    public void Bootstrap_OnAllCores_GivesTheSerialNumbers()
    {
        var bc = BlockedCovariance.FromSampler(GaussianSampler.PowerLawSpectrum(40, 1), 800, 40, 5);
        var e = bc.Spectrum(FeatureScaling.Centre).Eigenvalues;
        var windows = new[] { new RankWindow(2, 10), new RankWindow(10, 20) };
        var serial = PowerLawFit.Bootstrap(e, windows, r => bc.BootstrapSpectrum(FeatureScaling.Centre, r).Eigenvalues, 12, 3);
        var parallel = PowerLawFit.Bootstrap(e, windows, r => bc.BootstrapSpectrum(FeatureScaling.Centre, r).Eigenvalues, 12, 3, maxDegreeOfParallelism: null);
        for (int w = 0; w < windows.Length; w++)
            Assert.Equal(serial[w].ReplicateSlopes, parallel[w].ReplicateSlopes);
        var e0 = Assert.Throws<ArgumentOutOfRangeException>(() => PowerLawFit.Bootstrap(e, windows[0], _ => e, 5, 3, maxDegreeOfParallelism: 0));
        Assert.Equal("maxDegreeOfParallelism", e0.ParamName);
    }

    [Fact]
    public void PairedBootstrap_PurePowerLaw_HalvesAgree_CurvedSpectrum_HalvesDiffer()
    {
        // A prescribed power law (α = 0.5, d = 200, M = 10d) on notebook 01's window split (ranks 10…22 and 22…50,
        // the halves in log rank of 10…d/4): the exponents of the two halves agree within 3 paired bootstrap errors.
        // A spectrum with a bend (slope 1.1 above rank 20, 1.6 below) is rejected.
        var windows = new[] { new RankWindow(10, 22), new RankWindow(22, 50) };
        var bc = BlockedCovariance.FromSampler(GaussianSampler.PowerLawSpectrum(200, 0.5), 2000, 100, 11);
        var pure = PowerLawFit.Bootstrap(bc.Spectrum(FeatureScaling.Centre).Eigenvalues, windows,
            r => bc.BootstrapSpectrum(FeatureScaling.Centre, r).Eigenvalues, 30, 5);
        double se = pure[0].SlopeDifferenceStandardError(pure[1]);
        Assert.True(se > 0 && double.IsFinite(se), $"se = {se}");
        Assert.True(Math.Abs(pure[1].Fit.Slope - pure[0].Fit.Slope) <= 3 * se, $"Δs = {pure[1].Fit.Slope - pure[0].Fit.Slope}, se = {se}");

        // The bent spectrum with 1 % multiplicative noise per replicate.
        var bent = Enumerable.Range(1, 200).Select(i => i <= 20 ? Math.Pow(i, -1.1) : Math.Pow(20, 0.5) * Math.Pow(i, -1.6)).ToArray();
        IReadOnlyList<double> Noisy(Random r) => bent.Select(v => v * Math.Exp(0.01 * (2 * r.NextDouble() - 1))).OrderByDescending(v => v).ToArray();
        var curved = PowerLawFit.Bootstrap(bent, windows, Noisy, 30, 5);
        double seBent = curved[0].SlopeDifferenceStandardError(curved[1]);
        Assert.True(Math.Abs(curved[1].Fit.Slope - curved[0].Fit.Slope) > 3 * seBent, $"Δs = {curved[1].Fit.Slope - curved[0].Fit.Slope}, se = {seBent}");
    }

    [Fact]
    public void PairedBootstrap_OneWindow_MatchesSingleWindowBootstrap_AndRejectsBadInput()
    {
        var bc = BlockedCovariance.FromSampler(GaussianSampler.PowerLawSpectrum(20, 1), 800, 40, 5);
        var e = bc.Spectrum(FeatureScaling.Centre).Eigenvalues;
        var w = new RankWindow(2, 12);
        var single = PowerLawFit.Bootstrap(e, w, r => bc.BootstrapSpectrum(FeatureScaling.Centre, r).Eigenvalues, 5, 3);
        var multi = PowerLawFit.Bootstrap(e, new[] { w }, r => bc.BootstrapSpectrum(FeatureScaling.Centre, r).Eigenvalues, 5, 3);
        Assert.Equal(single.ReplicateSlopes, multi[0].ReplicateSlopes);
        Assert.Throws<ArgumentException>(() => PowerLawFit.Bootstrap(e, Array.Empty<RankWindow>(), _ => e, 5, 3));
        Assert.Throws<ArgumentOutOfRangeException>(() => PowerLawFit.Bootstrap(e, new[] { w }, _ => e, 1, 3));
        var other = new PowerLawBootstrapResult(single.Fit, new[] { 1.0, 2.0 });
        var ex = Assert.Throws<ArgumentException>(() => single.SlopeDifferenceStandardError(other));
        Assert.Contains("length 2", ex.Message);
    }

    [Fact]
    public void BadInputs_Throw()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new RankWindow(0, 5));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RankWindow(3, 4));
        var lambda = new[] { 4.0, 3, 2, 1, 0, -1 };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PowerLawFit.FitRankOrdered(lambda, new RankWindow(1, 5)));
        Assert.Contains("rank 5", e.Message);
        Assert.Throws<ArgumentException>(() => PowerLawFit.FitRankOrdered(lambda, new RankWindow(1, 9)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PowerLawFit.FitRankOrdered(new[] { 3.0, double.NaN, 1.0 }, new RankWindow(1, 3)));
        Assert.Throws<ArgumentOutOfRangeException>(() => PowerLawFit.Bootstrap(new[] { 3.0, 2, 1 }, new RankWindow(1, 3), _ => new[] { 3.0, 2, 1 }, 1, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => RankWindow.FromFraction(1, double.NaN, 100));
    }
}
