using ResearchKit.Numerics;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// The experiment of Kazdan, Schaeffer et al.: draw a small budget of attempts from each benchmark's recorded
/// outcomes (uniformly, or dynamically by Algorithm 1), forecast pass@k at large k with each method, and compare with
/// the ground truth from all recorded attempts. Replicates run in parallel, replicate r seeded from (seed, r), so the
/// result does not depend on the thread count.
/// </summary>
/// <remarks>Kazdan, Schaeffer et al., arXiv 2510.05197, Sec. 4–5. Used by notebook 09.</remarks>
public static class ForecastStudy
{
    /// <summary>Runs the comparison.</summary>
    /// <param name="recorded">Per-problem recorded (n, c) — the ground truth. Range: at least one; n ≥ max k.</param>
    /// <param name="budget">Total attempts per replicate. Range: ≥ 2 per problem (the regression needs k = 1, 2).</param>
    /// <param name="ks">Budgets to forecast. Range: 1 ≤ k ≤ n of every problem.</param>
    /// <param name="replicates">Independent replicates. Range: ≥ 2.</param>
    /// <param name="seed">Seed; replicate r uses seeds derived from (seed, r).</param>
    /// <param name="methods">The methods to run; default all of <see cref="ForecastMethod"/>.</param>
    public static ForecastStudyResult Run(IReadOnlyList<ProblemOutcomes> recorded, int budget, IReadOnlyList<int> ks, int replicates, int seed,
        IReadOnlyCollection<ForecastMethod>? methods = null)
    {
        Guard.NotEmpty(recorded);
        Guard.NotEmpty(ks);
        Guard.AtLeast(replicates, 2);
        Guard.AtLeast(budget, 2 * recorded.Count);
        double[] truth = PassAtK.MeanCurve(recorded, ks);
        var chosen = (methods is null || methods.Count == 0 ? Enum.GetValues<ForecastMethod>() : methods.Distinct()).ToArray();
        var predictions = chosen.ToDictionary(m => m, _ => new double[replicates][]);
        var failed = chosen.ToDictionary(m => m, _ => new int[replicates]);
        var aboveOne = new int[replicates, ks.Count];
        Parallel.For(0, replicates, r =>
        {
            var uniform = BudgetAllocation.Uniform(recorded, budget, new Random(unchecked(seed * 7919 + 2 * r)));
            var dynamic = BudgetAllocation.Dynamic(recorded, budget, new Random(unchecked(seed * 7919 + 2 * r + 1)));
            foreach (var method in chosen)
            {
                Func<double, double>? predict = null;
                try
                {
                    switch (method)
                    {
                        case ForecastMethod.LogLogRegression:
                            var regression = PassAtKRegressionForecast.Fit(uniform.Counts);
                            for (int j = 0; j < ks.Count; j++)
                                if (regression.Predict(ks[j]) > 1) aboveOne[r, j] = 1;
                            predict = regression.PredictCapped;
                            break;
                        case ForecastMethod.DiscretizedBetaUniform:
                            predict = DiscretizedBetaFit.Fit(uniform.Counts).PassAtK;
                            break;
                        case ForecastMethod.BetaBinomialUniform:
                            predict = BetaBinomialFit.Fit(uniform.Counts).ToSuccessBeta().PassAtK;
                            break;
                        case ForecastMethod.BetaBinomialDynamic:
                            predict = BetaBinomialFit.Fit(dynamic.Counts).ToSuccessBeta().PassAtK;
                            break;
                    }
                }
                catch (ArgumentException)
                {
                    // No success in this replicate's sample: the fit is undefined; counted in FailedFits.
                    failed[method][r] = 1;
                }
                predictions[method][r] = ks.Select(k => predict is null ? 0.0 : predict(k)).ToArray();
            }
        });
        return new ForecastStudyResult(ks.ToArray(), truth, budget,
            predictions.ToDictionary(p => p.Key, p => p.Value),
            failed.ToDictionary(f => f.Key, f => f.Value.Sum()),
            Enumerable.Range(0, ks.Count).Select(j => Enumerable.Range(0, replicates).Sum(r => aboveOne[r, j])).ToArray());
    }
}
