using ResearchKit.Numerics;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// The discretised-Beta estimator: bin the per-problem success rates ĉ_i/n_i, and maximise the binned likelihood
/// Σ_j m_j·ln[F(e_{j+1}) − F(e_j)] of a Beta(a, b) scaled to [0, s], s = max ĉ/n.
/// </summary>
/// <remarks>
/// <para>Schaeffer, Kazdan et al., arXiv 2502.17578 (the distributional fit), used as a comparison method by Kazdan,
/// Schaeffer et al., arXiv 2510.05197, who report it biased downward. The stored copies did not give the bin edges;
/// ours are a bin [0, 1/(2 n_max)) that holds the zero counts, then 20 logarithmic bins up to s. A 10⁻¹⁶ floor in
/// each bin's mass keeps empty-mass bins finite, as in the published analysis.</para>
/// <para>Used by notebook 09.</para>
/// </remarks>
public static class DiscretizedBetaFit
{
    /// <summary>Fits (a, b) with s fixed at the largest observed success rate.</summary>
    /// <param name="counts">Per-problem (n, c). Range: at least one problem with n ≥ 1 (problems with n = 0 are not rates and are
    /// not used); 0 ≤ c ≤ n; at least one success.</param>
    /// <exception cref="ArgumentException">Invalid counts (the message names the problem), no usable problem, or no success.</exception>
    public static DiscretizedBetaFitResult Fit(IReadOnlyList<ProblemOutcomes> counts)
    {
        Guard.NotEmpty(counts);
        var rates = new List<double>();
        int maxN = 0;
        for (int i = 0; i < counts.Count; i++)
        {
            var p = counts[i];
            if (p.Samples == 0 && p.Successes == 0)
                continue;
            PassAtK.ValidateProblem(p with { ProblemId = $"counts[{i}] {p.ProblemId}" });
            rates.Add((double)p.Successes / p.Samples);
            maxN = Math.Max(maxN, p.Samples);
        }
        if (rates.Count == 0)
            throw new ArgumentException("No problem has an attempt; nothing to fit.", nameof(counts));
        double scale = rates.Max();
        if (!(scale > 0))
            throw new ArgumentException("No success in the samples: the scale s = max ĉ/n is 0.", nameof(counts));
        scale = Math.Min(1, scale * (1 + 1e-9));
        const int logBins = 20;
        var edges = new double[logBins + 2];
        double first = Math.Min(0.5 / maxN, scale / 2);
        edges[0] = 0;
        for (int j = 0; j <= logBins; j++)
            edges[j + 1] = first * Math.Pow(scale / first, (double)j / logBins);
        edges[^1] = scale;
        var occupancy = new int[logBins + 1];
        foreach (double r in rates)
        {
            int j = Array.BinarySearch(edges, r);
            int bin = j >= 0 ? Math.Min(j, logBins) : Math.Min(~j - 1, logBins);
            occupancy[Math.Max(bin, 0)]++;
        }
        double NegativeLogLikelihood(double[] x)
        {
            double a = Math.Exp(x[0]), b = Math.Exp(x[1]);
            if (!(a > 1e-6 && a < 1e6 && b > 1e-6 && b < 1e6))
                return double.PositiveInfinity;
            double sum = 0, previous = 0;
            for (int j = 0; j <= logBins; j++)
            {
                double next = j == logBins ? 1 : MathNet.Numerics.SpecialFunctions.BetaRegularized(a, b, edges[j + 1] / scale);
                if (occupancy[j] > 0)
                    sum -= occupancy[j] * Math.Log(Math.Max(next - previous, 0) + 1e-16);
                previous = next;
            }
            return sum;
        }
        // MathNet's Nelder–Mead, restarted from its best point until a restart no longer moves it (NelderMead).
        var best = NelderMead.Minimize(NegativeLogLikelihood, [Math.Log(0.3), Math.Log(3)], 0.5, 1e-10, 12_000, 1e-7);
        var exit = Math.Abs(best.Point[0]) > 13 || Math.Abs(best.Point[1]) > 13 ? FitExitReason.ParameterDiverged : best.Exit;
        return new DiscretizedBetaFitResult(Math.Exp(best.Point[0]), Math.Exp(best.Point[1]), scale, -best.Value, best.Evaluations, exit);
    }
}
