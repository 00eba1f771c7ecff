using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>
/// Converts the ridge of each author's code to the library's convention: per-sample loss
/// (1/P)Σ(y − f)² + λ|a|² with random features φ = Fᵀx/√N, F iid N(0, 1), so that E_F[φᵀφ′] = xᵀx′ and
/// κ(1 − Df₁/P)(1 − Df₁/N) = λ. For plain ridge regression this is 13's λ exactly.
/// </summary>
/// <remarks>
/// 13 (Pehlevan-Group/S_transform): F entries N(0, 1/D), features Fᵀx, so the kernel is (N/D)× ours and
/// λ = λ₁₃·D/N. 16 (benruben87/Random_Feature_Ensembles, EnsRFTheory.calc_kappas_rf_krr): kernel normalised by N,
/// un-normalised loss (ridge λ₁₆ against Σ over samples), λ = λ₁₆/P. Hence λ₁₃ = λ₁₆·N/(P·D) for the same model.
/// </remarks>
public static class RidgeConvention
{
    /// <summary>Our λ from 13's random-feature ridge λ₁₃ (F ~ N(0, 1/D)).</summary>
    /// <param name="ridge13">λ₁₃. Range: 0 ≤ λ &lt; ∞.</param>
    /// <param name="dimension">D, the number of input modes. Range: ≥ 1.</param>
    /// <param name="features">N. Range: ≥ 1.</param>
    public static double FromAtanasov(double ridge13, double dimension, double features)
    {
        Guard.NonNegative(ridge13);
        Guard.InRange(dimension, 1, double.MaxValue);
        Guard.InRange(features, 1, double.MaxValue);
        return ridge13 * dimension / features;
    }

    /// <summary>Our λ from 16's ridge λ₁₆ (kernel normalised by N, loss summed over the P samples).</summary>
    /// <param name="ridge16">λ₁₆. Range: 0 ≤ λ &lt; ∞.</param>
    /// <param name="sampleSize">P. Range: ≥ 1.</param>
    public static double FromRuben(double ridge16, double sampleSize)
    {
        Guard.NonNegative(ridge16);
        Guard.InRange(sampleSize, 1, double.MaxValue);
        return ridge16 / sampleSize;
    }
}
