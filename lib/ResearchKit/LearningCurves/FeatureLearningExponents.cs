using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>Task difficulty in the source/capacity plane of Bordelon, Atanasov &amp; Pehlevan (2024, ICLR 2025).</summary>
public enum TaskDifficulty
{
    /// <summary>β &lt; 1: the target lies outside the RKHS of the initial kernel; feature learning changes the exponents.</summary>
    Hard,

    /// <summary>1 ≤ β &lt; 2 − 1/α: inside the RKHS; exponents unchanged by feature learning.</summary>
    Easy,

    /// <summary>β ≥ 2 − 1/α: SGD-noise-limited (the paper's "super easy"); no exponent of ours is stated there.</summary>
    SuperEasy,
}

/// <summary>
/// The scaling exponents of the two-layer linear model with and without feature learning (Bordelon, Atanasov &amp;
/// Pehlevan, "How Feature Learning Can Improve Neural Scaling Laws", arXiv:2409.17858 v2, ICLR 2025), in that paper's
/// letters: capacity α (λ_k ∝ k^(−α)) and source β (Σ_{l&gt;k} p_l ∝ k^(−αβ); see <see cref="PowerLawExponents.SourceBeta"/>).
/// </summary>
/// <remarks>
/// Transcribed from secondary sources (the Fig. 1 caption and reviews; the stored copy of the paper has its abstract
/// and introduction only) and from spec 13-16-23 §23: time exponent L(t) ∝ t^(−χ(β)), χ(β) = β·max(1, 2/(1+β))
/// (rich) against β (lazy, γ = 0); width bottleneck L ∝ N^(−αβ) (β &lt; 2); at fixed compute C = N·t the two terms
/// balance at t^χ = N^(αβ), so L* ∝ C^(−αβχ/(αβ + χ)) — lazy C^(−αβ/(1+α)), rich hard C^(−2αβ/(α(1+β)+2)).
/// The last two lines are derived (spec §23 "[D]"), not read from the paper. Notebook 23.
/// </remarks>
public static class FeatureLearningExponents
{
    /// <summary>The regime of a task: hard β &lt; 1, easy 1 ≤ β &lt; 2 − 1/α, super easy otherwise.</summary>
    /// <param name="capacity">α. Range: 0 &lt; α &lt; ∞.</param>
    /// <param name="sourceBeta">β. Range: 0 &lt; β &lt; ∞.</param>
    public static TaskDifficulty Difficulty(double capacity, double sourceBeta)
    {
        Guard.Positive(capacity);
        Guard.Positive(sourceBeta);
        if (sourceBeta < 1) return TaskDifficulty.Hard;
        return sourceBeta < 2 - 1 / capacity ? TaskDifficulty.Easy : TaskDifficulty.SuperEasy;
    }

    /// <summary>The lazy (γ = 0) time exponent: L ∝ t^(−β).</summary>
    /// <param name="sourceBeta">β. Range: 0 &lt; β &lt; ∞.</param>
    public static double LazyTimeExponent(double sourceBeta)
    {
        Guard.Positive(sourceBeta);
        return sourceBeta;
    }

    /// <summary>The rich time exponent χ(β) = β·max(1, 2/(1+β)) (the paper's Eq. for χ, Fig. 1a).</summary>
    /// <param name="sourceBeta">β. Range: 0 &lt; β &lt; ∞.</param>
    public static double RichTimeExponent(double sourceBeta)
    {
        Guard.Positive(sourceBeta);
        return sourceBeta * Math.Max(1, 2 / (1 + sourceBeta));
    }

    /// <summary>The width (model-size) bottleneck exponent αβ: L(t → ∞) ∝ N^(−αβ), lazy and rich alike.</summary>
    /// <param name="capacity">α. Range: 0 &lt; α &lt; ∞.</param>
    /// <param name="sourceBeta">β. Range: 0 &lt; β &lt; 2 (beyond, 15's min(a − 1, 2b) caps it at 2α).</param>
    public static double WidthExponent(double capacity, double sourceBeta)
    {
        Guard.Positive(capacity);
        Guard.InOpenRange(sourceBeta, 0, 2);
        return capacity * sourceBeta;
    }

    /// <summary>
    /// The compute-optimal exponent for a time exponent χ and width exponent αβ: L* ∝ C^(−αβχ/(αβ + χ)), C = N·t
    /// (derived by balancing t^(−χ) against N^(−αβ) at fixed N·t).
    /// </summary>
    /// <param name="capacity">α. Range: 0 &lt; α &lt; ∞.</param>
    /// <param name="sourceBeta">β. Range: 0 &lt; β &lt; 2.</param>
    /// <param name="timeExponent">χ. Range: 0 &lt; χ &lt; ∞.</param>
    public static double ComputeOptimalExponent(double capacity, double sourceBeta, double timeExponent)
    {
        Guard.Positive(timeExponent);
        double width = WidthExponent(capacity, sourceBeta);
        return width * timeExponent / (width + timeExponent);
    }

    /// <summary>Lazy compute-optimal exponent αβ/(1 + α) (15's (a − 1)/(1 + b) in 23's letters).</summary>
    /// <param name="capacity">α. Range: 0 &lt; α &lt; ∞.</param>
    /// <param name="sourceBeta">β. Range: 0 &lt; β &lt; 2.</param>
    public static double LazyComputeOptimalExponent(double capacity, double sourceBeta) =>
        ComputeOptimalExponent(capacity, sourceBeta, LazyTimeExponent(sourceBeta));

    /// <summary>Rich compute-optimal exponent: 2αβ/(α(1+β) + 2) for hard tasks (β &lt; 1), the lazy one otherwise.</summary>
    /// <param name="capacity">α. Range: 0 &lt; α &lt; ∞.</param>
    /// <param name="sourceBeta">β. Range: 0 &lt; β &lt; 2.</param>
    public static double RichComputeOptimalExponent(double capacity, double sourceBeta) =>
        ComputeOptimalExponent(capacity, sourceBeta, RichTimeExponent(sourceBeta));
}
