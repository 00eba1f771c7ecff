namespace ResearchKit.LearningCurves;

/// <summary>One simulated ridge fit on P fresh samples of a <see cref="LinearTask"/>, scored by exact population errors.</summary>
/// <param name="SampleSize">P.</param>
/// <param name="Ridge">λ.</param>
/// <param name="NoiseVariance">σ².</param>
/// <param name="TestError">E_g = Σ_k λ_k(ŵ_k − w̄_k)² (exact population error, without the test label noise).</param>
/// <param name="SignalError">Σ_k λ_k(ŵ⁰_k − w̄_k)² of the fit ŵ⁰ to the noiseless labels (Bias + Var_X of this draw).</param>
/// <param name="NoiseError">Σ_k λ_k(ŵ^ε_k)² of the fit to the noise alone (Var_Xε of this draw).</param>
/// <param name="TrainError">(1/P)|y − Xŵ|².</param>
/// <param name="Df1">Empirical df₁·D = tr(Σ̂(Σ̂ + λ)⁻¹), Σ̂ = XᵀX/P.</param>
/// <param name="GcvFactor">Empirical S = [λ·tr((XXᵀ/P + λ)⁻¹)/P]⁻¹ (+∞ when ridgeless and over-parameterised).</param>
/// <param name="CleanWeights">ŵ⁰, for bias/variance splits over draws (<see cref="BiasVarianceSplit"/>).</param>
public sealed record RidgeSimulationResult(
    int SampleSize, double Ridge, double NoiseVariance, double TestError, double SignalError, double NoiseError,
    double TrainError, double Df1, double GcvFactor, IReadOnlyList<double> CleanWeights)
{
    /// <summary>κ_GCV = λ·S, the empirical estimate of κ.</summary>
    public double KappaGcv => Ridge * GcvFactor;

    /// <summary>The GCV estimate of E_g: S²·E_tr − σ².</summary>
    public double GcvTestError => GcvFactor * GcvFactor * TrainError - NoiseVariance;
}
