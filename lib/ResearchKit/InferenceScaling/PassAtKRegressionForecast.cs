using ResearchKit.Numerics;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// The baseline forecast that Kazdan, Schaeffer et al. improve on: estimate the benchmark pass@k for the budgets
/// k = 1 … min n_i that the samples allow, regress ln pass@k on ln k, and extrapolate the line,
/// pass@K ≈ exp(intercept + slope·ln K). Nothing keeps the extrapolation at or below 1.
/// </summary>
/// <remarks>
/// Kazdan, Schaeffer et al., arXiv 2510.05197 (the "log-log regression" baseline; its shortcomings — predictions
/// above 1, bias at large k — are the paper's motivation). The form regressed follows the description of the
/// baseline in the paper's public analysis code (SullivanC19/monkeys_revisited, regression of −ln pass@k on ln k),
/// read, not copied. Used by notebook 09.
/// </remarks>
public sealed class PassAtKRegressionForecast
{
    private PassAtKRegressionForecast(double intercept, double slope, int maxObservedK)
    {
        Intercept = intercept;
        Slope = slope;
        MaxObservedK = maxObservedK;
    }

    /// <summary>The intercept of ln pass@k against ln k.</summary>
    public double Intercept { get; }

    /// <summary>The slope of ln pass@k against ln k.</summary>
    public double Slope { get; }

    /// <summary>The largest budget whose pass@k was estimated from the samples (min n_i).</summary>
    public int MaxObservedK { get; }

    /// <summary>Fits the regression to sampled counts.</summary>
    /// <param name="counts">Per-problem (n, c) from the small budget. Range: at least one problem; each n ≥ 2 (two budgets
    /// at least) and 0 ≤ c ≤ n; at least one success overall.</param>
    /// <exception cref="ArgumentException">Invalid counts (the message names the problem), fewer than two attempts on some
    /// problem, or no success at all (ln 0).</exception>
    public static PassAtKRegressionForecast Fit(IReadOnlyList<ProblemOutcomes> counts)
    {
        Guard.NotEmpty(counts);
        int minN = int.MaxValue;
        for (int i = 0; i < counts.Count; i++)
        {
            PassAtK.ValidateProblem(counts[i] with { ProblemId = $"counts[{i}] {counts[i].ProblemId}" });
            minN = Math.Min(minN, counts[i].Samples);
        }
        if (minN < 2)
            throw new ArgumentException($"Some problem has only {minN} attempt(s); the regression needs pass@k at k = 1 and 2 at least.", nameof(counts));
        int[] ks = Enumerable.Range(1, minN).ToArray();
        double[] curve = PassAtK.MeanCurve(counts, ks);
        if (!(curve[0] > 0))
            throw new ArgumentException("No success in the samples: ln pass@k is −∞ and the regression is undefined.", nameof(counts));
        double mx = 0, my = 0;
        for (int j = 0; j < ks.Length; j++)
        {
            mx += Math.Log(ks[j]) / ks.Length;
            my += Math.Log(curve[j]) / ks.Length;
        }
        double sxx = 0, sxy = 0;
        for (int j = 0; j < ks.Length; j++)
        {
            double dx = Math.Log(ks[j]) - mx;
            sxx += dx * dx;
            sxy += dx * (Math.Log(curve[j]) - my);
        }
        double slope = sxy / sxx;
        return new PassAtKRegressionForecast(my - slope * mx, slope, minN);
    }

    /// <summary>The extrapolated pass@K = exp(intercept + slope·ln K); may exceed 1.</summary>
    /// <param name="k">K. Range: K ≥ 1.</param>
    public double Predict(double k)
    {
        Guard.InRange(k, 1, double.MaxValue);
        return Math.Exp(Intercept + Slope * Math.Log(k));
    }

    /// <summary>The extrapolation capped at 1, as a user of the baseline would report it.</summary>
    /// <param name="k">K. Range: K ≥ 1.</param>
    public double PredictCapped(double k) => Math.Min(1, Predict(k));
}
