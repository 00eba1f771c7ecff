using ResearchKit.Data;
using ResearchKit.PowerLaws;
using ResearchKit.RandomMatrices;

namespace ResearchKit.Tests.Papers;

/// <summary>
/// Levi &amp; Oz, "The Underlying Scaling Laws and Universal Statistical Structure of Complex Datasets"
/// (arXiv 2306.14975 v3): the key numbers of notebook 01 at a small size (d = 120). The notebook checks the same
/// claims at quick (d = 200) and full (d = 784) scale.
/// </summary>
public class P01_DatasetSpectraTests
{
    private const int D = 120;
    private static readonly SpectrumWindows Windows = SpectrumWindows.Standard(D);

    private static SpectrumDiagnostics Analyse(GaussianSampler s, int m, int seed)
        => SpectrumDiagnostics.Analyse(BlockedCovariance.FromSampler(s, m, 4096, seed).Spectrum(FeatureScaling.Centre), Windows);

    [Theory]
    [InlineData(0.5)]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void Claim1_CgdBulkExponent_RecoversGeneratingAlpha(double alpha)
    {
        // M = 10d: the bulk fit on ranks 10…d/4 recovers α within 0.06 (bias + noise at this size).
        var fit = Analyse(GaussianSampler.PowerLawSpectrum(D, alpha), 10 * D, 1).Fit;
        NumericAssert.CloseAbs(alpha, fit.Alpha, 0.06, "α̂");
        Assert.True(fit.RSquared > 0.995, $"R² = {fit.RSquared}");
    }

    [Fact]
    public void Claim2_Ugd_MarchenkoPasturNotPowerLaw()
    {
        var diag = Analyse(GaussianSampler.Uncorrelated(D), 10 * D, 2);
        double ks = KolmogorovSmirnov.Distance(diag.Spectrum.Eigenvalues, new MarchenkoPastur(0.1).Cdf);
        Assert.True(ks < 0.05, $"KS to MP = {ks}");
        Assert.True(diag.Fit.RSquared < 0.99, $"power-law R² = {diag.Fit.RSquared}");
    }

    [Fact]
    public void Claim4_LocalStatistics_GoeForDataPoissonForControl()
    {
        // Pooled over 4 realisations (≈ 240 ratios, SE ≈ 0.017).
        foreach (var s in new[] { GaussianSampler.Uncorrelated(D), GaussianSampler.PowerLawSpectrum(D, 1) })
        {
            double r = Enumerable.Range(0, 4).Average(k => Analyse(s, 5 * D, 10 + k).MeanRatio);
            NumericAssert.CloseAbs(SpacingRatio.GoeMean, r, 0.05, $"⟨r̃⟩ {s.Description}");
        }
        double control = Enumerable.Range(0, 4).Average(k => SpectrumDiagnostics.Analyse(IntegrableLevels.PowerLawDiagonal(D, 1, new Random(k)), Windows).MeanRatio);
        NumericAssert.CloseAbs(SpacingRatio.PoissonMean, control, 0.05, "⟨r̃⟩ control");
    }

    [Fact]
    public void Claim5_Entropy_LowerForLargerAlpha()
    {
        double previous = 1.01;
        foreach (var s in new[] { GaussianSampler.Uncorrelated(D), GaussianSampler.PowerLawSpectrum(D, 0.5), GaussianSampler.PowerLawSpectrum(D, 1), GaussianSampler.PowerLawSpectrum(D, 2) })
        {
            double entropy = Analyse(s, 5 * D, 3).NormalisedEntropy;
            Assert.True(entropy < previous, $"{s.Description}: S/ln d = {entropy} not below {previous}");
            previous = entropy;
        }
    }

    [Fact]
    public void Claim6_LocalStatisticsBeforeBulkExponent()
    {
        // At M = d the ratio statistic is already GOE-like while α̂ is still biased; at M = 10d α̂ has converged.
        var points = SampleSizeStudy.Run(GaussianSampler.PowerLawSpectrum(D, 1), new[] { D, 10 * D }, 4, 20231, Windows);
        NumericAssert.CloseAbs(SpacingRatio.GoeMean, points[0].MeanRatio, 0.05, "⟨r̃⟩ at M = d");
        Assert.True(Math.Abs(points[0].Alpha - 1) > 0.05, $"α̂(M = d) = {points[0].Alpha} is already within 0.05");
        NumericAssert.CloseAbs(1, points[1].Alpha, 0.05, "α̂(M = 10d)");
    }

    [Fact]
    public void Claim3_FashionMnistSubsample_PowerLawBulk_WhenDataInstalled()
    {
        // Needs the Debian package dataset-fashion-mnist (CI installs it); without it the loader must say so.
        if (!Directory.Exists(FashionMnist.SystemDirectory))
        {
            Assert.ThrowsAny<IOException>(() => FashionMnist.Load(FashionMnistSplit.Train, FashionMnist.Locator(null, Path.GetTempPath(), new NoFetcher())));
            return;
        }
        var set = FashionMnist.Load(FashionMnistSplit.Train);
        var rows = Enumerable.Range(0, set.Images.Count).ToArray();
        new Random(7).Shuffle(rows);
        var spectrum = EmpiricalSpectrum.FromData(set.Images.ToMatrix(indices: rows[..1500]), FeatureScaling.Standardise);
        var diag = SpectrumDiagnostics.Analyse(spectrum, SpectrumWindows.Standard(784));
        Assert.True(diag.Fit.RSquared > 0.99, $"R² = {diag.Fit.RSquared}");
        Assert.InRange(diag.Fit.Alpha, 0.0, 0.6);
        NumericAssert.CloseAbs(SpacingRatio.GoeMean, diag.MeanRatio, 0.05, "⟨r̃⟩ Fashion-MNIST");
    }

    private sealed class NoFetcher : IDataFetcher
    {
        public void Fetch(Uri source, string destinationPath) => throw new IOException("no network in tests");
    }
}
