using ResearchKit.Numerics;

namespace ResearchKit.LearningCurves;

/// <summary>
/// The deterministic equivalent of linear random-feature ridge regression at one (P, N, λ): 13's two renormalised
/// ridges and error terms, and 16's single-member and infinite-ensemble errors.
/// </summary>
/// <param name="SampleSize">P.</param>
/// <param name="Features">N.</param>
/// <param name="Ridge">λ in the library's convention (<see cref="RidgeConvention"/>).</param>
/// <param name="NoiseVariance">σ².</param>
/// <param name="Kappa2">κ₂, root of κ₂(1 − Df₁/P)(1 − Df₁/N) = λ.</param>
/// <param name="Kappa1">κ₁ = κ₂(1 − Df₁/N) (structured features: κ₂·Df₁κ_F/N) (16's kappa_1 = λ/(1 − Df₁/P); 13's κ₁ is (N/D)× this).</param>
/// <param name="Df1">Df₁ at κ₂.</param>
/// <param name="Df2">Df₂ at κ₂.</param>
/// <param name="Rho">ρ = [1 + (Df₁ − Df₂)/(N − Df₁)]⁻¹ = (N − Df₁)/(N − Df₂) (16's dlogdlog); structured features: d ln κ₂/d ln κ₁.</param>
/// <param name="Gamma1">γ₁ = (Df₁ − ρ(Df₁ − Df₂))/P.</param>
/// <param name="Gamma2">γ₂ = Df₂/P.</param>
/// <param name="Bias">Bias² = κ₂²tf₁′.</param>
/// <param name="VarianceX">Var_X = Bias·γ₂/(1 − γ₂).</param>
/// <param name="VarianceF">Var_F = (1 − ρ)κ₂tf₂.</param>
/// <param name="VarianceXF">Var_XF = Signal − Bias − Var_X − Var_F.</param>
/// <param name="VarianceNoise">Noise = σ²γ₁/(1 − γ₁).</param>
/// <param name="Signal">[κ₂²tf₁′ρ + κ₂tf₁(1 − ρ)]/(1 − γ₁).</param>
/// <param name="TestError">E_g = Signal + Noise (13: without the test label noise).</param>
/// <param name="TrainError">E_tr = (1 − Df₁/P)²(E_g + σ²) (13's (λ/κ₁)²(E_g + σ²)).</param>
/// <param name="SingleMemberError">16's E₁ = (κ₂²tf₁′ρ + κ₂tf₁(1 − ρ) + σ²)/(1 − γ₁), which includes σ² (computed by 16's formula).</param>
/// <param name="InfiniteEnsembleError">16's E_∞ = (κ₂²tf₁′ + σ²)/(1 − γ₂).</param>
public sealed record RandomFeatureEquivalentResult(
    double SampleSize, double Features, double Ridge, double NoiseVariance, double Kappa2, double Kappa1,
    double Df1, double Df2, double Rho, double Gamma1, double Gamma2, double Bias, double VarianceX, double VarianceF,
    double VarianceXF, double VarianceNoise, double Signal, double TestError, double TrainError,
    double SingleMemberError, double InfiniteEnsembleError)
{
    /// <summary>The data-noise part of <see cref="VarianceNoise"/>: Var_Xε = σ²γ₂/(1 − γ₂) (13's varXe); the rest is Var_XFε.</summary>
    public double VarianceNoiseX => NoiseVariance == 0 ? 0 : Gamma2 < 1 ? NoiseVariance * Gamma2 / (1 - Gamma2) : double.PositiveInfinity;

    /// <summary>
    /// 16's error of the mean of K independent members, E_K = E_∞ + (E₁ − E_∞)/K (Ruben et al. 2024,
    /// arXiv:2412.05418, §3; includes σ²).
    /// </summary>
    /// <param name="members">K. Range: 1 ≤ K &lt; ∞ (fractional K on theory curves).</param>
    public double EnsembleError(double members)
    {
        Guard.InRange(members, 1, double.MaxValue);
        return InfiniteEnsembleError + (SingleMemberError - InfiniteEnsembleError) / members;
    }
}
