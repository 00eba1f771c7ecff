using ResearchKit.Numerics;

namespace ResearchKit.RandomMatrices;

/// <summary>
/// α̂(M), ⟨r̃⟩(M) and S(M)/ln d for Gaussian data drawn from a sampler, over a grid of sample sizes M, each averaged
/// over independent realisations. This is the sample-size threshold study of Levi &amp; Oz.
/// </summary>
/// <remarks>Levi &amp; Oz (arXiv 2306.14975 v3, Sec. 4: local RMT statistics appear at M_crit ~ d, before the bulk
/// exponent converges; the entropy converges faster for strongly correlated data). Realisation k at size M uses the
/// seed <c>seed + 1000·k + M</c>, so every point is reproducible on its own. Used by notebook 01.</remarks>
public static class SampleSizeStudy
{
    /// <summary>Runs the study.</summary>
    /// <param name="sampler">The data class.</param>
    /// <param name="sampleCounts">The grid of M. Range: each M ≥ d/4 + 2 is required for the local window to be
    /// non-degenerate; in practice M ≥ 3d/4 + 2 keeps every window above the zero eigenvalues.</param>
    /// <param name="realisations">Independent data sets per M. Range: ≥ 1.</param>
    /// <param name="seed">The base seed.</param>
    /// <param name="windows">The global and local windows (e.g. <see cref="SpectrumWindows.Standard"/>).</param>
    public static IReadOnlyList<SampleSizePoint> Run(GaussianSampler sampler, IReadOnlyList<int> sampleCounts, int realisations, int seed, SpectrumWindows windows)
    {
        Guard.NotNull(sampler);
        Guard.NotEmpty(sampleCounts);
        Guard.Positive(realisations);
        Guard.NotNull(windows);
        var points = new List<SampleSizePoint>();
        foreach (int m in sampleCounts)
        {
            Guard.AtLeast(m, windows.Local.LastRank + 2, nameof(sampleCounts));
            var diags = new List<SpectrumDiagnostics>();
            for (int k = 0; k < realisations; k++)
            {
                var spectrum = BlockedCovariance.FromSampler(sampler, m, 4096, unchecked(seed + 1000 * k + m)).Spectrum(FeatureScaling.Centre);
                diags.Add(SpectrumDiagnostics.Analyse(spectrum, windows));
            }
            points.Add(Summarise(m, diags));
        }
        return points;
    }

    /// <summary>The same study on a data set: for each M, the first M rows of <paramref name="data"/> (one
    /// realisation; shuffle the rows first if the file is ordered).</summary>
    /// <param name="data">X, rows = samples. Range: at least max(M) rows.</param>
    /// <param name="sampleCounts">The grid of M, each ≤ the number of rows and ≥ the local window's last rank + 2.</param>
    /// <param name="scaling">Feature normalisation.</param>
    /// <param name="windows">The global and local windows.</param>
    public static IReadOnlyList<SampleSizePoint> RunOnRows(MathNet.Numerics.LinearAlgebra.Matrix<double> data, IReadOnlyList<int> sampleCounts, FeatureScaling scaling, SpectrumWindows windows)
    {
        Guard.NotNull(data);
        Guard.NotEmpty(sampleCounts);
        Guard.NotNull(windows);
        var points = new List<SampleSizePoint>();
        foreach (int m in sampleCounts)
        {
            Guard.InRange(m, windows.Local.LastRank + 2, data.RowCount, nameof(sampleCounts));
            var spectrum = BlockedCovariance.FromRows(data.SubMatrix(0, m, 0, data.ColumnCount), 1).Spectrum(scaling);
            points.Add(Summarise(m, new[] { SpectrumDiagnostics.Analyse(spectrum, windows) }));
        }
        return points;
    }

    /// <summary>The first M of <paramref name="points"/> at which <paramref name="criterion"/> holds, or null if it
    /// holds at none.</summary>
    /// <param name="points">The study's points, in increasing M.</param>
    /// <param name="criterion">The convergence test.</param>
    public static int? FirstSampleCount(IReadOnlyList<SampleSizePoint> points, Func<SampleSizePoint, bool> criterion)
    {
        Guard.NotNull(points);
        Guard.NotNull(criterion);
        return points.FirstOrDefault(criterion)?.SampleCount;
    }

    private static SampleSizePoint Summarise(int m, IReadOnlyList<SpectrumDiagnostics> diags)
    {
        var alphas = diags.Select(d => d.Fit.Alpha).ToArray();
        double mean = alphas.Average();
        double spread = alphas.Length > 1 ? Math.Sqrt(alphas.Sum(a => (a - mean) * (a - mean)) / (alphas.Length - 1)) : 0;
        // Pooled ⟨r̃⟩: equal-length windows, so the mean of means; its error is the per-realisation error / √k.
        double r = diags.Average(d => d.MeanRatio);
        double rse = Math.Sqrt(diags.Sum(d => d.MeanRatioStandardError * d.MeanRatioStandardError)) / diags.Count;
        return new SampleSizePoint(m, mean, spread, r, rse, diags.Average(d => d.NormalisedEntropy), diags);
    }
}
