using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>
/// Deterministic equivalent of linear random-feature ridge regression: features φ = Fᵀx/√N with F ∈ ℝ^(M×N) iid
/// N(0, 1), predictor f = φᵀa, a = argmin (1/P)Σ(y − φᵀa)² + λ|a|². Immutable.
/// </summary>
/// <remarks>
/// The two-level equivalent of Atanasov, Zavatone-Veth &amp; Pehlevan 2024 (arXiv:2405.00592, §4; code
/// Pehlevan-Group/S_transform, unstructured_linear_random_features.ipynb) and of Ruben et al. 2024
/// (arXiv:2412.05418, §3; code benruben87/Random_Feature_Ensembles, EnsRFTheory.py: Eg_K1, Eg_KInf). The two codes
/// normalise F and the ridge differently; <see cref="RidgeConvention"/> converts. 13's terms use 13's
/// D-normalised df's; 16's E₁ and E_∞ are computed by 16's formulas (they agree: E₁ = E_g + σ², a unit test).
/// Notebooks 13, 15, 16.
/// </remarks>
public sealed class RandomFeatureEquivalent
{
    /// <summary>Creates the equivalent for a task.</summary>
    /// <param name="task">Spectrum λ_k (of the deterministic kernel) and target w̄_k.</param>
    /// <param name="noiseVariance">σ². Range: 0 ≤ σ² &lt; ∞.</param>
    public RandomFeatureEquivalent(LinearTask task, double noiseVariance = 0)
    {
        Task = Guard.NotNull(task);
        Guard.NonNegative(noiseVariance);
        NoiseVariance = noiseVariance;
    }

    /// <summary>The task.</summary>
    public LinearTask Task { get; }

    /// <summary>σ².</summary>
    public double NoiseVariance { get; }

    /// <summary>The equivalent at (P, N, λ).</summary>
    /// <param name="sampleSize">P. Range: 1 ≤ P &lt; ∞.</param>
    /// <param name="features">N. Range: 1 ≤ N &lt; ∞.</param>
    /// <param name="ridge">λ (library convention). Range: 0 ≤ λ &lt; ∞; λ = 0 is the min-norm limit.</param>
    public RandomFeatureEquivalentResult At(double sampleSize, double features, double ridge)
    {
        Guard.InRange(features, 1, double.MaxValue);
        RenormalizedRidge.ValidateSizes(sampleSize, ridge, features);
        double kappa = RenormalizedRidge.SolveUnchecked(Task.EigenvalueArray, sampleSize, ridge, features);
        return Evaluate(sampleSize, features, ridge, kappa, null);
    }

    /// <summary>The equivalent at (P, λ) for structured features F_kj ~ N(0, η_j) (N = the covariance's length).</summary>
    /// <remarks>
    /// Structured linear random features of Atanasov et al. 2024 (arXiv:2405.00592; code structured_linear_random_features.ipynb).
    /// κ₂ solves κ₂(1 − Df₁/P)(Df₁κ_F/N) = λ with Σ_j η_j/(η_j + κ_F) = Df₁ (<see cref="RenormalizedRidge"/>); κ₁ = κ₂·Df₁κ_F/N.
    /// The error terms keep the white-feature forms with ρ = d ln κ₂/d ln κ₁ from that relation:
    /// 1/ρ = 1 − (Df₁ − Df₂)/Df₁ + (Df₁ − Df₂)/(Df₁ − Df₂^F), Df₂^F = Σ_j (η_j/(η_j + κ_F))² — our derivation
    /// (it reduces to (N − Df₂)/(N − Df₁) for η ≡ 1, a unit test, and is checked against simulation in the tests).
    /// </remarks>
    /// <param name="sampleSize">P. Range: 1 ≤ P &lt; ∞.</param>
    /// <param name="features">The column variances η_j (N = their count).</param>
    /// <param name="ridge">λ (library convention). Range: 0 ≤ λ &lt; ∞; λ = 0 is the min-norm limit.</param>
    public RandomFeatureEquivalentResult At(double sampleSize, FeatureCovariance features, double ridge)
    {
        Guard.NotNull(features);
        RenormalizedRidge.ValidateSizes(sampleSize, ridge, features.Features);
        double kappa = RenormalizedRidge.SolveStructuredUnchecked(Task.EigenvalueArray, sampleSize, ridge, features);
        return Evaluate(sampleSize, features.Features, ridge, kappa, features);
    }

    private RandomFeatureEquivalentResult Evaluate(double p, double n, double ridge, double kappa, FeatureCovariance? structure)
    {
        var eig = Task.EigenvalueArray;
        var w = Task.WeightArray;
        double d1 = 0, d2 = 0, tf1 = 0, tf1p = 0, tf2 = 0;
        for (int k = 0; k < eig.Length; k++)
        {
            double den = eig[k] + kappa;
            double f = eig[k] / den;
            double w2 = w[k] * w[k];
            d1 += f;
            d2 += f * f;
            tf1 += w2 * eig[k] / den;
            tf1p += w2 * eig[k] / (den * den);
            tf2 += w2 * f * f;
        }
        double sigma2 = NoiseVariance;
        int modes = eig.Length;

        // 13's form, with its D-normalised df's: df = Df/D, q = D/P, and N/D.
        double dim = modes;
        double q = dim / p, df1 = d1 / dim, df2 = d2 / dim, nOverD = n / dim;
        double rho = kappa == 0 && nOverD > df1 ? 1 : 1 / (1 + (df1 - df2) / (nOverD - df1));
        double kappa1 = kappa * (1 - d1 / n);
        if (structure is not null)
        {
            var (kf, dF2) = structure.AtDegreesOfFreedom(d1);
            kappa1 = kappa * d1 * kf / n;
            double inverse = 1 - (d1 - d2) / d1 + (d1 > dF2 ? (d1 - d2) / (d1 - dF2) : double.PositiveInfinity);
            rho = kappa == 0 ? 1 : double.IsPositiveInfinity(inverse) ? 0 : 1 / inverse;
        }
        double gamma1 = q * df1 - q * (df1 - df2) * rho;
        double gamma2 = q * df2;
        double k2sq = kappa * kappa;
        double signalNumerator = (kappa == 0 ? 0 : k2sq * tf1p * rho) + (kappa == 0 ? 0 : kappa * tf1 * (1 - rho));
        double signal = Divide(signalNumerator, 1 - gamma1);
        double noise = Divide(sigma2 * gamma1, 1 - gamma1);
        double bias = kappa == 0 ? 0 : k2sq * tf1p;
        double varianceX = Divide(bias * gamma2, 1 - gamma2);
        double varianceF = kappa == 0 ? 0 : (1 - rho) * kappa * tf2;
        double varianceXF = signal - bias - varianceX - varianceF;
        double testError = signal + noise;
        double trainFactor = Math.Max(0, 1 - d1 / p);
        double trainError = trainFactor == 0 ? 0 : trainFactor * trainFactor * (testError + sigma2);

        // 16's form (EnsRFTheory.Eg_K1 / Eg_KInf), with summed Df's and |tf′|.
        double dlog = structure is not null ? rho : kappa == 0 && n > d1 ? 1 : (n - d1) / (n - d2);
        double g1 = (d1 - dlog * (d1 - d2)) / p;
        double single = Divide((kappa == 0 ? 0 : k2sq * tf1p * dlog + kappa * tf1 * (1 - dlog)) + sigma2, 1 - g1);
        double infinite = Divide((kappa == 0 ? 0 : k2sq * tf1p) + sigma2, 1 - d2 / p);

        return new RandomFeatureEquivalentResult(p, n, ridge, sigma2, kappa, kappa1, d1, d2, rho,
            gamma1, gamma2, bias, varianceX, varianceF, varianceXF, noise, signal, testError, trainError, single, infinite);
    }

    private static double Divide(double numerator, double denominator)
        => numerator == 0 ? 0 : denominator > 0 ? numerator / denominator : double.PositiveInfinity;
}
