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
    /// <param name="maxDegreeOfParallelism">Most data sets at once. Range: ≥ 1; null = all cores; default 1 (one after
    /// the other), because each data set's products, Gram matrix and eigendecomposition already use the native
    /// library's threads: with the data sets side by side as well, notebook 01's sweeps (d = 784) took longer than
    /// their single-threaded CPU time (nested threads compete). Each data set draws from its own seed and does the same
    /// arithmetic on any thread, so the study is bit-identical whatever this is.</param>
    public static IReadOnlyList<SampleSizePoint> Run(GaussianSampler sampler, IReadOnlyList<int> sampleCounts, int realisations, int seed, SpectrumWindows windows,
        int? maxDegreeOfParallelism = 1)
    {
        Guard.NotNull(sampler);
        Guard.NotEmpty(sampleCounts);
        Guard.Positive(realisations);
        Guard.NotNull(windows);
        foreach (int m in sampleCounts)
            Guard.AtLeast(m, windows.Local.LastRank + 2, nameof(sampleCounts));
        // Every (M, realisation) pair is an independent data set with its own seed. The seeds are the documented
        // seed + 1000·k + M (the Sweep's own generator is not used), so the numbers do not depend on the number of threads.
        var jobs = sampleCounts.SelectMany(m => Enumerable.Range(0, realisations).Select(k => (M: m, K: k))).ToArray();
        var diags = Sweep.Run(jobs, seed, (job, _) => SpectrumDiagnostics.Analyse(
            BlockedCovariance.FromSampler(sampler, job.M, 4096, unchecked(seed + 1000 * job.K + job.M)).Spectrum(FeatureScaling.Centre), windows), maxDegreeOfParallelism);
        return sampleCounts.Select((m, i) => Point(m, diags.Skip(i * realisations).Take(realisations).ToArray())).ToArray();
    }

    /// <summary>The same study on a data set: for each M, the first M rows of <paramref name="data"/> (one
    /// realisation; shuffle the rows first if the file is ordered).</summary>
    /// <param name="data">X, rows = samples. Range: at least max(M) rows.</param>
    /// <param name="sampleCounts">The grid of M, each ≤ the number of rows and ≥ the local window's last rank + 2.</param>
    /// <param name="scaling">Feature normalisation.</param>
    /// <param name="windows">The global and local windows.</param>
    /// <param name="maxDegreeOfParallelism">Most M at once. Range: ≥ 1; null = all cores; default 1, for the reason given
    /// at <see cref="Run"/>; bit-identical whatever this is.</param>
    public static IReadOnlyList<SampleSizePoint> RunOnRows(MathNet.Numerics.LinearAlgebra.Matrix<double> data, IReadOnlyList<int> sampleCounts, FeatureScaling scaling, SpectrumWindows windows,
        int? maxDegreeOfParallelism = 1)
    {
        Guard.NotNull(data);
        Guard.NotEmpty(sampleCounts);
        Guard.NotNull(windows);
        foreach (int m in sampleCounts)
            Guard.InRange(m, windows.Local.LastRank + 2, data.RowCount, nameof(sampleCounts));
        // Each M is its own Gram matrix of the first M rows: independent tasks.
        return Sweep.Run(sampleCounts, 0, (m, _) =>
        {
            var spectrum = BlockedCovariance.FromRows(data.SubMatrix(0, m, 0, data.ColumnCount), 1).Spectrum(scaling);
            return Point(m, new[] { SpectrumDiagnostics.Analyse(spectrum, windows) });
        }, maxDegreeOfParallelism);
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

    /// <summary>One point of the study from diagnostics already computed (e.g. the spectrum of all samples of a data
    /// set, which a study on nested subsets would otherwise compute a second time).</summary>
    /// <param name="sampleCount">M. Range: ≥ 1, and every realisation's spectrum from M samples.</param>
    /// <param name="realisations">The diagnostics of the independent realisations at M. Range: at least one, all on
    /// the same windows.</param>
    public static SampleSizePoint Point(int sampleCount, IReadOnlyList<SpectrumDiagnostics> realisations)
    {
        Guard.Positive(sampleCount);
        Guard.NotEmpty(realisations);
        for (int i = 0; i < realisations.Count; i++)
        {
            var r = realisations[i] ?? throw new ArgumentNullException(nameof(realisations), $"realisations[{i}] is null; allowed: diagnostics.");
            if (r.Spectrum.SampleCount != sampleCount)
                throw new ArgumentException($"realisations[{i}] is the spectrum of M = {r.Spectrum.SampleCount} samples; allowed: M = sampleCount = {sampleCount}.", nameof(realisations));
            if (r.Windows != realisations[0].Windows)
                throw new ArgumentException($"realisations[{i}] uses the windows {r.Windows}; allowed: the windows of realisations[0], {realisations[0].Windows}.", nameof(realisations));
        }
        var alphas = realisations.Select(d => d.Fit.Alpha).ToArray();
        double mean = alphas.Average();
        double spread = alphas.Length > 1 ? Math.Sqrt(alphas.Sum(a => (a - mean) * (a - mean)) / (alphas.Length - 1)) : 0;
        // Pooled ⟨r̃⟩: equal-length windows, so the mean of means; its error is the per-realisation error / √k.
        double r0 = realisations.Average(d => d.MeanRatio);
        double rse = Math.Sqrt(realisations.Sum(d => d.MeanRatioStandardError * d.MeanRatioStandardError)) / realisations.Count;
        return new SampleSizePoint(sampleCount, mean, spread, r0, rse, realisations.Average(d => d.NormalisedEntropy), realisations.ToArray());
    }
}
