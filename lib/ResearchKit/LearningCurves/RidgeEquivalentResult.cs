namespace ResearchKit.LearningCurves;

/// <summary>The deterministic equivalent of ridge regression at one (P, λ): 13's κ, degrees of freedom and error terms.</summary>
/// <param name="SampleSize">P.</param>
/// <param name="Ridge">λ (13's convention).</param>
/// <param name="NoiseVariance">σ², label-noise variance.</param>
/// <param name="Kappa">Renormalised ridge κ ≥ 0.</param>
/// <param name="Df1">Df₁ = Σ λ_k/(λ_k + κ) (13's df₁ = Df₁/D; q·df₁ = Df₁/P).</param>
/// <param name="Df2">Df₂ = Σ λ_k²/(λ_k + κ)².</param>
/// <param name="Gamma">γ = q·df₂ = Df₂/P, in [0, 1].</param>
/// <param name="Bias">Bias² = κ²·tf₁′, tf₁′ = Σ w̄²λ/(λ+κ)².</param>
/// <param name="VarianceX">Var_X = Bias·γ/(1 − γ) (variance over the draw of the data).</param>
/// <param name="VarianceNoise">Var_Xε = σ²γ/(1 − γ).</param>
/// <param name="TestError">E_g = Bias + Var_X + Var_Xε (population error of the predictor, without the test label noise σ²); +∞ at the ridgeless interpolation threshold with σ² &gt; 0.</param>
/// <param name="TrainError">E_tr = (λ/κ)²(E_g + σ²) with λ/κ = 1 − Df₁/P (also at λ = 0).</param>
/// <param name="GcvFactor">S = κ/λ = 1/(1 − Df₁/P); GCV: E_g + σ² = S²·E_tr. +∞ when ridgeless and over-parameterised.</param>
public sealed record RidgeEquivalentResult(
    double SampleSize, double Ridge, double NoiseVariance, double Kappa, double Df1, double Df2, double Gamma,
    double Bias, double VarianceX, double VarianceNoise, double TestError, double TrainError, double GcvFactor)
{
    /// <summary>Signal part of E_g: Bias + Var_X = κ²tf₁′/(1 − γ).</summary>
    public double Signal => Bias + VarianceX;
}
