using ResearchKit.Data;
using ResearchKit.InferenceScaling;
using ResearchKit.ScalingLaws;
using ResearchKit.Tests.Data;

namespace ResearchKit.Tests.Papers;

/// <summary>
/// Paper-level numbers of Schaeffer, Miranda, Koyejo 2023 (arXiv 2304.15004) as notebook 12 uses them: the constants of
/// Fig. 2 from its plotted points, and the Pythia/MATH proxy (Brown et al. 2024) against the data folder's own summary.
/// </summary>
public class P12_SchaefferEmergenceMirageTests
{
    // Fig. 2A's four markers, read off the authors' PDF at 400 dpi (notebook 12): log10 N and log10 𝓛_CE.
    private static readonly double[] LogN = [8.545, 9.115, 9.825, 11.298];
    private static readonly double[] LogLoss = [0.380, 0.094, -0.262, -1.000];

    [Fact]
    public void Fig2A_ReadPoints_AreAPowerLawWithAlphaMinusHalfAndScaleTwoBillion()
    {
        var fit = PerTokenLossLaw.Fit(LogN.Select(v => Math.Pow(10, v)).ToArray(), LogLoss.Select(v => Math.Pow(10, v)).ToArray());
        // One pixel of the loss axis is 0.0037 decades: the slope is known to about ±0.005, c to about ±3 %.
        NumericAssert.CloseAbs(-0.50, fit.Law.Exponent, 0.005);
        NumericAssert.Close(2.0e9, fit.Law.Scale, 0.03);
        Assert.True(fit.MaxAbsResidualDecades < 0.004);
        // Fig. 2B's largest point, read off as 0.905: exp(−0.1).
        NumericAssert.CloseAbs(0.905, fit.Law.TokenProbability(Math.Pow(10, 11.298)), 0.008);
    }

    [Fact]
    public void Proxy_MeanAccuracy_MatchesTheDataSummary()
    {
        // ../shared/data/large-language-monkeys-passk/SOURCE.md, "pass@1" column (mean of c/n), 4 decimals.
        var data = MonkeysPassAtK.LoadDefault(SharedData.RepositoryRoot);
        var expected = new Dictionary<string, double>
        {
            ["Pythia 70M"] = 0.0006, ["Pythia 160M"] = 0.0027, ["Pythia 410M"] = 0.0062, ["Pythia 1B"] = 0.0083,
            ["Pythia 2.8B"] = 0.0203, ["Pythia 6.9B"] = 0.0186, ["Pythia 12B"] = 0.0232,
        };
        Assert.Equal(expected.Keys, data.Models("MATH"));
        foreach (var (model, pass1) in expected)
            NumericAssert.CloseAbs(pass1, BenchmarkScores.Compute(data.Problems(model, "MATH"), 0.1).MeanAccuracy, 0.00005, model);
    }

    [Fact]
    public void Proxy_ThresholdedShare_MatchesTheSpecsDerivedValues()
    {
        // Project spec, section 12 [D]: share of problems with c/n ≥ 0.1 is 0 up to 410M, then 0.016, 0.055, 0.031, 0.062 (of 128).
        var data = MonkeysPassAtK.LoadDefault(SharedData.RepositoryRoot);
        int[] solved = data.Models("MATH").Select(m => (int)Math.Round(128 * BenchmarkScores.Compute(data.Problems(m, "MATH"), 0.1).ThresholdedShare)).ToArray();
        Assert.Equal(new[] { 0, 0, 0, 2, 7, 4, 8 }, solved);
    }

    [Fact]
    public void Proxy_ZeroReadingAtOneSample_IsTheProductOfFailureShares()
    {
        var problems = MonkeysPassAtK.LoadDefault(SharedData.RepositoryRoot).Problems("Pythia 70M", "MATH");
        double direct = problems.Aggregate(1.0, (acc, p) => acc * (1 - (double)p.Successes / p.Samples));
        NumericAssert.Close(direct, MetricResolution.ZeroReadingProbability(problems, 1), 1e-12);
        Assert.InRange(direct, 0.9, 0.95);   // 0.920, computed once from the CSV with NumPy (Π(1 − c/n) over the 128 problems)
    }
}
