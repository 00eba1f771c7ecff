using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.ScalingLaws;

/// <summary>
/// Refits of a Chinchilla law on row resamples: the refitted θ, the standard errors of A, B, E, α, β, and the
/// covariance of θ = (a, b, e, α, β) from which <see cref="Band"/> draws.
/// </summary>
/// <remarks>Besiroglu et al. 2024 (arXiv 2404.10102), Sec. 3 (4000 resamples); Schaeffer, Levi et al. 2025, Fig. 2. Notebook 10.</remarks>
public sealed class ChinchillaBootstrapResult
{
    internal ChinchillaBootstrapResult(ChinchillaLogParameters estimate, IReadOnlyList<ChinchillaLogParameters> refits,
        IReadOnlyList<QuasiNewtonExit> exits)
    {
        Estimate = estimate;
        AllRefits = refits;
        Exits = exits;
        var kept = refits.Where((_, i) => exits[i] == QuasiNewtonExit.Converged && refits[i].ParameterExponent > 0 && refits[i].DataExponent > 0).ToArray();
        Refits = kept;
        if (kept.Length < 2)
            throw new InvalidOperationException($"Only {kept.Length} of {refits.Count} bootstrap refits converged to a law; no standard errors.");
        StandardErrors = new ChinchillaStandardErrors(
            Sd(kept.Select(t => Math.Exp(t.LogIrreducibleLoss))), Sd(kept.Select(t => Math.Exp(t.LogParameterCoefficient))),
            Sd(kept.Select(t => Math.Exp(t.LogDataCoefficient))), Sd(kept.Select(t => t.ParameterExponent)), Sd(kept.Select(t => t.DataExponent)));
        var rows = kept.Select(t => t.ToArray()).ToArray();
        var cov = new double[5, 5];
        var mean = Enumerable.Range(0, 5).Select(k => rows.Average(r => r[k])).ToArray();
        for (int j = 0; j < 5; j++)
            for (int k = 0; k < 5; k++)
                cov[j, k] = rows.Sum(r => (r[j] - mean[j]) * (r[k] - mean[k])) / (rows.Length - 1);
        LogCovariance = cov;
    }

    /// <summary>The point estimate the band is centred on.</summary>
    public ChinchillaLogParameters Estimate { get; }

    /// <summary>Every refit, in resample order (including those that did not converge).</summary>
    public IReadOnlyList<ChinchillaLogParameters> AllRefits { get; }

    /// <summary>How each refit stopped, in resample order.</summary>
    public IReadOnlyList<QuasiNewtonExit> Exits { get; }

    /// <summary>The refits that converged to a law (α, β &gt; 0); the statistics use only these.</summary>
    public IReadOnlyList<ChinchillaLogParameters> Refits { get; }

    /// <summary>Refits left out (not converged, or α ≤ 0 or β ≤ 0).</summary>
    public int FailedRefits => AllRefits.Count - Refits.Count;

    /// <summary>Sample standard deviations (n − 1) of E, A, B, α, β over <see cref="Refits"/>.</summary>
    public ChinchillaStandardErrors StandardErrors { get; }

    /// <summary>Σ_boot: the 5×5 sample covariance of θ = (a, b, e, α, β) over <see cref="Refits"/>.</summary>
    public double[,] LogCovariance { get; }

    /// <summary>
    /// Median and quantiles of D*/N* at each C over <paramref name="draws"/> draws θ ~ 𝒩(θ̂, Σ_boot), θ̂ = <see cref="Estimate"/>.
    /// </summary>
    /// <param name="compute">C values (FLOP), each &gt; 0.</param>
    /// <param name="draws">Number of draws. Range: ≥ 1 (the authors use 10⁴).</param>
    /// <param name="seed">Seed of the draws.</param>
    /// <param name="lowerQuantile">Lower quantile. Range: 0 ≤ q &lt; upper. Default 0.1.</param>
    /// <param name="upperQuantile">Upper quantile. Range: lower &lt; q ≤ 1. Default 0.9.</param>
    public TokensPerParameterBand Band(IReadOnlyList<double> compute, int draws, int seed, double lowerQuantile = 0.1, double upperQuantile = 0.9)
    {
        Guard.AllFinite(compute);
        foreach (double c in compute)
            Guard.Positive(c, nameof(compute));
        Guard.Positive(draws);
        Guard.InRange(lowerQuantile, 0, 1);
        Guard.InRange(upperQuantile, 0, 1);
        if (!(lowerQuantile < upperQuantile))
            throw new ArgumentOutOfRangeException(nameof(upperQuantile), upperQuantile, $"upperQuantile = {upperQuantile} is out of range; allowed: lowerQuantile = {lowerQuantile} < upperQuantile ≤ 1.");
        var chol = Matrix<double>.Build.DenseOfArray(LogCovariance).Cholesky().Factor;
        var center = Estimate.ToArray();
        var random = new Random(seed);
        var z = new double[5];
        var sampled = new ChinchillaLogParameters?[draws];
        int nonFinite = 0;
        for (int s = 0; s < draws; s++)
        {
            for (int k = 0; k < 5; k++)
                z[k] = Normal.Sample(random, 0, 1);
            var t = new double[5];
            for (int j = 0; j < 5; j++)
            {
                double v = center[j];
                for (int k = 0; k <= j; k++)
                    v += chol[j, k] * z[k];
                t[j] = v;
            }
            if (t[3] > 0 && t[4] > 0)
                sampled[s] = ChinchillaLogParameters.FromArray(t);
            else
                nonFinite++;
        }
        var median = new double[compute.Count];
        var lower = new double[compute.Count];
        var upper = new double[compute.Count];
        var values = new List<double>(draws);
        for (int i = 0; i < compute.Count; i++)
        {
            values.Clear();
            double logC6 = Math.Log(compute[i] / 6.0);
            foreach (var t in sampled)
            {
                if (t is null)
                    continue;
                var (logN, logD) = ChinchillaLaw.LogOptimum(t, logC6);
                double ratio = Math.Exp(logD - logN);
                if (double.IsFinite(ratio))
                    values.Add(ratio);
            }
            values.Sort();
            median[i] = Quantile(values, 0.5);
            lower[i] = Quantile(values, lowerQuantile);
            upper[i] = Quantile(values, upperQuantile);
        }
        return new TokensPerParameterBand(compute.ToArray(), median, lower, upper, draws, nonFinite);
    }

    // Linear interpolation between order statistics (NumPy's default "linear" method).
    private static double Quantile(List<double> sorted, double q)
    {
        if (sorted.Count == 0)
            return double.NaN;
        double h = (sorted.Count - 1) * q;
        int lo = (int)Math.Floor(h);
        int hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }

    private static double Sd(IEnumerable<double> values)
    {
        var v = values.ToArray();
        double m = v.Average();
        return Math.Sqrt(v.Sum(x => (x - m) * (x - m)) / (v.Length - 1));
    }
}
