using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// Where the signal-plus-noise model in its small-noise limit (σ_A = 0) generalises perfectly, with and without a
/// logit penalty: the critical sample complexity moves from λ = ½ (linear separability of the noise, Wendel) to
/// λ = 1 (the interpolation threshold).
/// </summary>
/// <remarks>
/// <para>Folding in the labels, yᵢxᵢ = (μ, σ_B zᵢ) with zᵢ ∈ R^(d−1). Without a penalty, gradient descent generalises
/// iff the zᵢ are not separable from the origin (Beck, Levi &amp; Bar-Sinai, arXiv 2410.04489): probability
/// 1 − P_sep(N, d − 1). With a logit penalty whose per-sample loss has a finite minimiser m*, the margins are driven to
/// m*; w⊥ = 0, w₁ = m*/μ is such a solution and, for Gaussian zᵢ, almost surely the only one iff N ≥ d (then GD reaches
/// it); for N &lt; d GD stops at an interpolating solution with w⊥ ≠ 0 (Beck, Bar Sinai &amp; Levi, arXiv 2602.12039).</para>
/// <para>Notebook 05.</para>
/// </remarks>
public static class LogitRegularization
{
    /// <summary>
    /// Probability that gradient descent's limit generalises perfectly in the small-noise signal-plus-noise model.
    /// </summary>
    /// <param name="sampleCount">N. Range: N ≥ 1.</param>
    /// <param name="dimension">d (signal direction plus d − 1 noise directions). Range: d ≥ 2.</param>
    /// <param name="logitRegularized">True for a loss with a finite target m* (e.g. label smoothing), false for the
    /// logistic or exponential loss.</param>
    /// <returns>With a logit penalty: 1 if N ≥ d, else 0. Without: 1 − P_sep(N, d − 1).</returns>
    public static double GeneralizationProbability(int sampleCount, int dimension, bool logitRegularized)
    {
        Guard.Positive(sampleCount);
        Guard.AtLeast(dimension, 2);
        if (logitRegularized) return sampleCount >= dimension ? 1 : 0;
        return 1 - Separability.WendelProbability(sampleCount, dimension - 1);
    }

    /// <summary>The critical λ = d/N of the large-N limit: 1 with a logit penalty, ½ without.</summary>
    public static double CriticalLambda(bool logitRegularized) => logitRegularized ? 1.0 : 0.5;
}
