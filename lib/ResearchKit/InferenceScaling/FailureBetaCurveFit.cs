using ResearchKit.Numerics;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// Fits Levi's pass@k = A·[1 − B(α + k, β)/B(α, β)] to a measured benchmark curve by least squares on pass@k at the
/// given budgets, with (ln α, ln β, logit A) as free coordinates; and a bootstrap over problems for its uncertainty.
/// </summary>
/// <remarks>
/// The paper fits its ansatz to the published pass@k curves of Brown et al. but gives no fitting recipe in the
/// stored copies we could read; unweighted least squares on pass@k at log-spaced k is our choice (it weighs the
/// curve as the paper plots it, linear in pass@k against log k). Levi, arXiv 2410.16377, Sec. 3. Used by notebook 06.
/// </remarks>
public static class FailureBetaCurveFit
{
    /// <summary>Fits (α, β) and, if asked, A to a pass@k curve.</summary>
    /// <param name="ks">The budgets k. Range: at least three, each ≥ 1.</param>
    /// <param name="passAtK">Measured pass@k at each budget. Range: each in [0, 1].</param>
    /// <param name="fitCeiling">Fit the prefactor A (true) or hold A = 1 (false).</param>
    public static FailureBetaCurveFitResult Fit(IReadOnlyList<int> ks, IReadOnlyList<double> passAtK, bool fitCeiling)
    {
        Guard.NotEmpty(ks);
        Guard.AllFinite(passAtK);
        Guard.SameLength(passAtK.Count, ks.Count, nameof(passAtK), nameof(ks));
        Guard.AtLeast(ks.Count, 3, "ks.Count");
        for (int j = 0; j < ks.Count; j++)
        {
            Guard.Positive(ks[j], $"ks[{j}]");
            Guard.InRange(passAtK[j], 0.0, 1.0, $"passAtK[{j}]");
        }
        double top = passAtK.Max();
        double[] start = fitCeiling
            ? [Math.Log(5), Math.Log(0.3), Logit(Math.Clamp(top, 0.05, 0.999))]
            : [Math.Log(5), Math.Log(0.3)];
        double Loss(double[] x)
        {
            double alpha = Math.Exp(x[0]), beta = Math.Exp(x[1]);
            double ceiling = fitCeiling ? 1 / (1 + Math.Exp(-x[2])) : 1;
            if (!(alpha > 1e-8 && alpha < 1e8 && beta > 1e-8 && beta < 1e8 && ceiling > 0))
                return double.PositiveInfinity;
            double sum = 0;
            for (int j = 0; j < ks.Count; j++)
            {
                double model = ceiling * -BetaFunctions.ExpMinusOne(BetaFunctions.LogBetaRatio(alpha, beta, ks[j]));
                double d = model - passAtK[j];
                sum += d * d;
            }
            return sum / ks.Count;
        }
        // MathNet's Nelder–Mead, restarted from its best point until a restart no longer moves it (NelderMead).
        var best = NelderMead.Minimize(Loss, start, 0.5, 1e-9, 12_000, 1e-6);
        double a = Math.Exp(best.Point[0]), b = Math.Exp(best.Point[1]);
        double c = fitCeiling ? 1 / (1 + Math.Exp(-best.Point[2])) : 1;
        var exit = best.Exit;
        if (Math.Abs(best.Point[0]) > 18 || Math.Abs(best.Point[1]) > 18)
            exit = FitExitReason.ParameterDiverged;
        return new FailureBetaCurveFitResult(new FailureBetaPassAtK(a, b, c), Math.Sqrt(best.Value), best.Evaluations, exit);
    }

    /// <summary>
    /// Fits the benchmark curve built from <paramref name="problems"/> (mean unbiased pass@k) and bootstraps over
    /// problems: each replicate redraws the problems with replacement, rebuilds the curve and refits.
    /// </summary>
    /// <param name="problems">Per-problem counts. Range: at least one; each valid for the largest k.</param>
    /// <param name="ks">The budgets. Range: at least three, each 1 ≤ k ≤ n of every problem.</param>
    /// <param name="fitCeiling">Fit A (true) or hold A = 1.</param>
    /// <param name="replicates">Bootstrap replicates. Range: ≥ 2.</param>
    /// <param name="seed">Seed of the resampling; replicate r uses its own generator seeded from it.</param>
    /// <returns>The fit on the full data and intervals for α, β and A.</returns>
    public static FailureBetaCurveBootstrap Bootstrap(IReadOnlyList<ProblemOutcomes> problems, IReadOnlyList<int> ks,
        bool fitCeiling, int replicates, int seed)
    {
        Guard.NotEmpty(problems);
        Guard.AtLeast(replicates, 2);
        // Per-problem pass@k rows, computed once (validates every problem against every k).
        var rows = new double[problems.Count][];
        for (int i = 0; i < problems.Count; i++)
        {
            PassAtK.ValidateProblem(problems[i]);
            rows[i] = PassAtK.MeanCurve(new[] { problems[i] }, ks);
        }
        double[] Curve(int[] pick)
        {
            var curve = new double[ks.Count];
            foreach (int i in pick)
                for (int j = 0; j < curve.Length; j++)
                    curve[j] += rows[i][j] / pick.Length;
            // An average of values ≤ 1 can round to 1 + ulp; that is rounding, not data.
            for (int j = 0; j < curve.Length; j++)
                curve[j] = Math.Min(curve[j], 1);
            return curve;
        }
        var full = Fit(ks, Curve(Enumerable.Range(0, problems.Count).ToArray()), fitCeiling);
        var alphas = new double[replicates];
        var betas = new double[replicates];
        var ceilings = new double[replicates];
        Parallel.For(0, replicates, r =>
        {
            var random = new Random(unchecked(seed * 1_000_003 + r));
            var pick = new int[problems.Count];
            for (int i = 0; i < pick.Length; i++)
                pick[i] = random.Next(problems.Count);
            var fit = Fit(ks, Curve(pick), fitCeiling);
            alphas[r] = fit.Model.Alpha;
            betas[r] = fit.Model.Beta;
            ceilings[r] = fit.Model.Ceiling;
        });
        return new FailureBetaCurveBootstrap(full,
            BootstrapInterval.FromReplicates(full.Model.Alpha, alphas),
            BootstrapInterval.FromReplicates(full.Model.Beta, betas),
            BootstrapInterval.FromReplicates(full.Model.Ceiling, ceilings));
    }

    private static double Logit(double p) => Math.Log(p / (1 - p));
}
