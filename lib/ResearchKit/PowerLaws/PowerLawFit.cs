using ResearchKit.Numerics;

namespace ResearchKit.PowerLaws;

/// <summary>
/// Power-law fits of rank-ordered spectra, λ_i ∝ i^(−s) with s = 1 + α, on a bulk window: least squares of ln λ_i
/// on ln i, and a bootstrap over samples for the uncertainty.
/// </summary>
/// <remarks>
/// <para>Levi &amp; Oz (arXiv 2306.14975 v3, Sec. 3) state the bulk law λ_i ∝ i^(−1−α) but give no fitting algorithm;
/// this is ours. The uncertainty is a bootstrap over samples: each replicate re-draws the samples with
/// replacement, recomputes the spectrum and refits on the same window; the spread of the replicate slopes is the
/// standard error. It measures the sampling fluctuation of ŝ at the given M, not the finite-M bias of ŝ relative to
/// the population exponent (which notebook 01 shows separately as α̂(M)). The tests check its calibration on
/// synthetic data with a known exponent.</para>
/// <para>Used by notebook 01.</para>
/// </remarks>
public static class PowerLawFit
{
    /// <summary>Fits λ_i = C · i^(−s) to the ranks of <paramref name="window"/>.</summary>
    /// <param name="descending">λ₁ ≥ λ₂ ≥ … (rank i at index i − 1). Range: the window's values finite and &gt; 0.</param>
    /// <param name="window">The bulk ranks to fit.</param>
    public static PowerLawFitResult FitRankOrdered(IReadOnlyList<double> descending, RankWindow window)
    {
        Guard.NotNull(window);
        var y = window.Slice(descending);
        for (int i = 0; i < y.Length; i++)
            if (!(y[i] > 0 && double.IsFinite(y[i])))
                throw new ArgumentOutOfRangeException(nameof(descending), y[i],
                    $"descending[{window.FirstRank - 1 + i}] (rank {window.FirstRank + i}) = {y[i]:G6}; allowed: finite and > 0 inside the window ({window}).");
        for (int i = 1; i < y.Length; i++)
            if (y[i] > y[i - 1])
                throw new ArgumentException(
                    $"descending is not in descending order: descending[{window.FirstRank - 2 + i}] = {y[i - 1]:G6} < descending[{window.FirstRank - 1 + i}] = {y[i]:G6} (ranks {window.FirstRank + i - 1}, {window.FirstRank + i}); allowed: a rank-ordered spectrum, largest first (sort it descending).",
                    nameof(descending));
        int n = y.Length;
        var lx = new double[n];
        var ly = new double[n];
        for (int i = 0; i < n; i++)
        {
            lx[i] = Math.Log(window.FirstRank + i);
            ly[i] = Math.Log(y[i]);
        }
        var line = LogLogLine.Fit(lx, ly, nameof(window));
        return new PowerLawFitResult(-line.Slope, line.Intercept, line.RSquared, line.SlopeStandardError, window, line.Residuals);
    }

    /// <summary>
    /// Fits <paramref name="descending"/> and bootstraps the slope: <paramref name="replicateSpectrum"/> is called
    /// <paramref name="replicates"/> times, each time with a generator derived from <paramref name="seed"/>, and must
    /// return the descending spectrum of one resample of the data (e.g.
    /// <c>r =&gt; covariance.BootstrapSpectrum(scaling, r).Eigenvalues</c>).
    /// </summary>
    /// <param name="descending">The spectrum of all samples, descending.</param>
    /// <param name="window">The bulk ranks to fit.</param>
    /// <param name="replicateSpectrum">Draws one bootstrap replicate's spectrum.</param>
    /// <param name="replicates">B, the number of replicates. Range: B ≥ 2.</param>
    /// <param name="seed">Seed; replicate b uses <c>new Random(seed + b)</c>, so results do not depend on order.</param>
    /// <param name="maxDegreeOfParallelism">Replicates run at once: 1 (the default) runs them one after the other;
    /// more, or null for all cores, runs them through <see cref="Sweep"/> — then <paramref name="replicateSpectrum"/>
    /// is called from several threads at once and must be safe for that (e.g. <c>BlockedCovariance.BootstrapSpectrum</c>
    /// is). The numbers are the same either way. Range: ≥ 1 or null.</param>
    public static PowerLawBootstrapResult Bootstrap(IReadOnlyList<double> descending, RankWindow window,
        Func<Random, IReadOnlyList<double>> replicateSpectrum, int replicates, int seed, int? maxDegreeOfParallelism = 1)
    {
        Guard.NotNull(window);
        return Bootstrap(descending, new[] { window }, replicateSpectrum, replicates, seed, maxDegreeOfParallelism)[0];
    }

    /// <summary>
    /// Fits <paramref name="descending"/> on each of several windows and bootstraps the slopes <b>paired</b>: every
    /// replicate spectrum is fitted on every window, so replicate b of one window and replicate b of another come
    /// from the same resample and the spread of their difference is the bootstrap error of the difference (see
    /// <see cref="PowerLawBootstrapResult.SlopeDifferenceStandardError"/>). With one window this is
    /// <see cref="Bootstrap(IReadOnlyList{double}, RankWindow, Func{Random, IReadOnlyList{double}}, int, int, Nullable{int})"/>.
    /// </summary>
    /// <param name="descending">The spectrum of all samples, descending.</param>
    /// <param name="windows">The rank windows to fit. Range: at least one window, each within the spectrum.</param>
    /// <param name="replicateSpectrum">Draws one bootstrap replicate's spectrum.</param>
    /// <param name="replicates">B, the number of replicates. Range: B ≥ 2.</param>
    /// <param name="seed">Seed; replicate b uses <c>new Random(seed + b)</c>.</param>
    /// <param name="maxDegreeOfParallelism">Replicates run at once: 1 (the default) serial; more, or null for all
    /// cores, through <see cref="Sweep"/>, with <paramref name="replicateSpectrum"/> called from several threads at
    /// once (it must be safe for that). The numbers are the same either way. Range: ≥ 1 or null.</param>
    /// <remarks>Notebook 01 uses it to test whether the two halves of the Fashion-MNIST bulk window share one
    /// exponent (Levi &amp; Oz, arXiv 2306.14975 v3: "a single bulk scaling exponent").</remarks>
    public static IReadOnlyList<PowerLawBootstrapResult> Bootstrap(IReadOnlyList<double> descending, IReadOnlyList<RankWindow> windows,
        Func<Random, IReadOnlyList<double>> replicateSpectrum, int replicates, int seed, int? maxDegreeOfParallelism = 1)
    {
        Guard.NotEmpty(windows);
        Guard.NotNull(replicateSpectrum);
        Guard.AtLeast(replicates, 2);
        if (maxDegreeOfParallelism is int threads)
            Guard.Positive(threads, nameof(maxDegreeOfParallelism));
        var fits = windows.Select(w => FitRankOrdered(descending, w)).ToArray();
        // Replicate b draws from new Random(seed + b) whatever thread runs it (the Sweep's own generator is unused).
        var perReplicate = Sweep.Run(replicates, seed, (b, _) =>
        {
            var replicate = replicateSpectrum(new Random(unchecked(seed + b)));
            return windows.Select(w => FitRankOrdered(replicate, w).Slope).ToArray();
        }, maxDegreeOfParallelism);
        return fits.Select((f, w) => new PowerLawBootstrapResult(f, perReplicate.Select(r => r[w]).ToArray())).ToArray();
    }
}
