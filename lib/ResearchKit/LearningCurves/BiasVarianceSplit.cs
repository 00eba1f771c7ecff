using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>Bias² and variance over draws of a set of fitted weight vectors, from the exact population metric.</summary>
/// <param name="Bias">Unbiased estimate of |E ŵ − w̄|²_Λ: |mean ŵ − w̄|²_Λ − s²/n.</param>
/// <param name="Variance">Unbiased estimate of E|ŵ − E ŵ|²_Λ: s² = Σ|ŵᵢ − mean|²_Λ/(n − 1).</param>
/// <param name="BiasStandardError">A rough standard error of <see cref="Bias"/> (delta method, Gaussian fluctuations).</param>
/// <remarks>
/// 13's code takes the seed-mean predictor's error as the bias, which is inflated by Var/n_seeds; this split removes
/// that term (spec 13, "Simulated terms"). Notebook 13.
/// </remarks>
public sealed record BiasVarianceSplit(double Bias, double Variance, double BiasStandardError)
{
    /// <summary>Splits the fits <paramref name="fits"/> of one task.</summary>
    /// <param name="task">The task (λ_k weight the metric; w̄ is the target).</param>
    /// <param name="fits">ŵ of independent draws, each of length M. Range: at least two.</param>
    public static BiasVarianceSplit Compute(LinearTask task, IReadOnlyList<IReadOnlyList<double>> fits)
    {
        Guard.NotNull(task);
        Guard.NotEmpty(fits);
        Guard.AtLeast(fits.Count, 2, nameof(fits) + ".Count");
        int m = task.Modes, n = fits.Count;
        var mean = new double[m];
        foreach (var fit in fits)
        {
            Guard.SameLength(fit.Count, m, nameof(fits), "task modes");
            for (int k = 0; k < m; k++) mean[k] += fit[k] / n;
        }
        var eig = task.EigenvalueArray;
        var w = task.WeightArray;
        double meanError = 0, spread = 0;
        for (int k = 0; k < m; k++)
        {
            double d = mean[k] - w[k];
            meanError += eig[k] * d * d;
        }
        foreach (var fit in fits)
        {
            double s = 0;
            for (int k = 0; k < m; k++)
            {
                double d = fit[k] - mean[k];
                s += eig[k] * d * d;
            }
            spread += s / (n - 1);
        }
        double bias = meanError - spread / n;
        // Var(|mean − w̄|²) ≈ 4·(bias direction variance)/n; bounded here by 4·bias·spread/n + 2 spread²/n².
        double se = Math.Sqrt(Math.Max(0, 4 * Math.Max(bias, 0) * spread / n + 2 * spread * spread / ((double)n * n)));
        return new BiasVarianceSplit(bias, spread, se);
    }
}
