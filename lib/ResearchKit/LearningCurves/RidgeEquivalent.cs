using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>
/// Deterministic equivalent of ridge regression ŵ = (XᵀX/P + λ)⁻¹Xᵀy/P on a <see cref="LinearTask"/> with label
/// noise σ²: the renormalised ridge κ and the train and test errors with their bias / variance / noise split.
/// Immutable.
/// </summary>
/// <remarks>
/// Atanasov, Zavatone-Veth &amp; Pehlevan 2024 (arXiv:2405.00592), §3: κ(1 − q·df₁(κ)) = λ, γ = q·df₂,
/// E_g = (κ²tf₁′ + σ²γ)/(1 − γ), E_tr = (λ/κ)²(E_g + σ²), GCV: E_g + σ² = (κ/λ)²E_tr; the formulas follow
/// the authors' code (Pehlevan-Group/S_transform, linear_regression.ipynb, solve_theory). Notebook 13.
/// </remarks>
public sealed class RidgeEquivalent
{
    /// <summary>Creates the equivalent for a task.</summary>
    /// <param name="task">Spectrum λ_k and target w̄_k.</param>
    /// <param name="noiseVariance">σ². Range: 0 ≤ σ² &lt; ∞.</param>
    public RidgeEquivalent(LinearTask task, double noiseVariance = 0)
    {
        Task = Guard.NotNull(task);
        Guard.NonNegative(noiseVariance);
        NoiseVariance = noiseVariance;
    }

    /// <summary>The task.</summary>
    public LinearTask Task { get; }

    /// <summary>σ².</summary>
    public double NoiseVariance { get; }

    /// <summary>The equivalent at sample size <paramref name="sampleSize"/> and ridge <paramref name="ridge"/>.</summary>
    /// <param name="sampleSize">P. Range: 1 ≤ P &lt; ∞.</param>
    /// <param name="ridge">λ. Range: 0 ≤ λ &lt; ∞ (0: the ridgeless limit, κ = 0 for P ≥ M).</param>
    public RidgeEquivalentResult At(double sampleSize, double ridge)
    {
        RenormalizedRidge.ValidateSizes(sampleSize, ridge, double.PositiveInfinity);
        double kappa = RenormalizedRidge.SolveUnchecked(Task.EigenvalueArray, sampleSize, ridge, double.PositiveInfinity);
        return Evaluate(sampleSize, ridge, kappa);
    }

    /// <summary>The equivalent along a grid of sample sizes at one ridge.</summary>
    /// <param name="sampleSizes">P values. Range: each 1 ≤ P &lt; ∞.</param>
    /// <param name="ridge">λ. Range: 0 ≤ λ &lt; ∞.</param>
    public RidgeEquivalentResult[] Curve(IReadOnlyList<double> sampleSizes, double ridge)
    {
        Guard.AllFinite(sampleSizes);
        return sampleSizes.Select(p => At(p, ridge)).ToArray();
    }

    /// <summary>
    /// The equivalent at the ridge that minimises E_g at this P (golden-section search in ln λ over
    /// [<paramref name="minRidge"/>, <paramref name="maxRidge"/>], after a coarse log grid).
    /// </summary>
    /// <param name="sampleSize">P. Range: 1 ≤ P &lt; ∞.</param>
    /// <param name="minRidge">Smallest ridge searched. Range: 0 &lt; value &lt; maxRidge.</param>
    /// <param name="maxRidge">Largest ridge searched. Range: minRidge &lt; value &lt; ∞.</param>
    public RidgeEquivalentResult AtOptimalRidge(double sampleSize, double minRidge = 1e-10, double maxRidge = 1e4)
    {
        Guard.Positive(minRidge);
        Guard.InOpenRange(maxRidge, minRidge, double.PositiveInfinity);
        RenormalizedRidge.ValidateSizes(sampleSize, minRidge, double.PositiveInfinity);
        double Error(double logRidge) => At(sampleSize, Math.Exp(logRidge)).TestError;
        double lo = Math.Log(minRidge), hi = Math.Log(maxRidge);
        const int grid = 41;
        int best = 0;
        double bestValue = double.PositiveInfinity;
        for (int i = 0; i < grid; i++)
        {
            double value = Error(lo + (hi - lo) * i / (grid - 1));
            if (value < bestValue) { bestValue = value; best = i; }
        }
        double step = (hi - lo) / (grid - 1);
        double a = lo + step * Math.Max(0, best - 1), b = lo + step * Math.Min(grid - 1, best + 1);
        double ratio = (Math.Sqrt(5) - 1) / 2;
        double c = b - ratio * (b - a), d = a + ratio * (b - a);
        double fc = Error(c), fd = Error(d);
        for (int i = 0; i < 80 && b - a > 1e-10; i++)
        {
            if (fc <= fd) { b = d; d = c; fd = fc; c = b - ratio * (b - a); fc = Error(c); }
            else { a = c; c = d; fc = fd; d = a + ratio * (b - a); fd = Error(d); }
        }
        double chosen = 0.5 * (a + b);
        var result = At(sampleSize, Math.Exp(chosen));
        var edge = At(sampleSize, Math.Exp(lo + step * best));
        return edge.TestError < result.TestError ? edge : result;
    }

    internal RidgeEquivalentResult Evaluate(double p, double ridge, double kappa)
    {
        var eig = Task.EigenvalueArray;
        var w = Task.WeightArray;
        double d1 = 0, d2 = 0, tf1p = 0;
        for (int k = 0; k < eig.Length; k++)
        {
            double den = eig[k] + kappa;
            double f = eig[k] / den;
            d1 += f;
            d2 += f * f;
            tf1p += w[k] * w[k] * eig[k] / (den * den);
        }
        double gamma = d2 / p;
        double bias = kappa == 0 ? 0 : kappa * kappa * tf1p;
        double sigma2 = NoiseVariance;
        double varianceX = bias == 0 ? 0 : bias * gamma / (1 - gamma);
        double varianceNoise = sigma2 == 0 ? 0 : sigma2 * gamma / (1 - gamma);
        if (gamma >= 1) { varianceNoise = sigma2 == 0 ? 0 : double.PositiveInfinity; }
        double testError = bias + varianceX + varianceNoise;
        double trainFactor = Math.Max(0, 1 - d1 / p); // λ/κ
        double trainError = trainFactor == 0 ? 0 : trainFactor * trainFactor * (testError + sigma2);
        double gcv = trainFactor == 0 ? double.PositiveInfinity : 1 / trainFactor;
        return new RidgeEquivalentResult(p, ridge, sigma2, kappa, d1, d2, gamma, bias, varianceX, varianceNoise, testError, trainError, gcv);
    }
}
