using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// The paper's mapping of a two-layer linear network onto the one-layer Marchenko–Pastur theory (Eqs. 18–19):
/// L^{2-layer}(t) = ‖D₀‖² · L^{1-layer}(η₀ h₀/d_out², λ, t) with h₀ = ½, accuracies from Eq. 13.
/// </summary>
/// <remarks>
/// Levi, Beck &amp; Bar-Sinai (arXiv 2310.16441), Sec. 4.1. With D = S⁽⁰⁾S⁽¹⁾ − T, gradient flow gives
/// Ḋ = −(2η/d_out)[Σ_tr D S⁽¹⁾ᵀS⁽¹⁾ + S⁽⁰⁾S⁽⁰⁾ᵀ Σ_tr D]. The paper replaces both layer Gram matrices by
/// h/d_out with h = (‖S⁽⁰⁾‖² + ‖S⁽¹⁾‖²)/2 and freezes h at its initial value h₀ ≈ ½ (valid "for d_h ≫ d_out" and small η₀),
/// so Ḋ ≈ −2η₀ h₀/d_out² Σ_tr D: the one-layer dynamics with η₀ → η₀/(2 d_out²). The approximation neglects the spread of
/// the eigenvalues of S⁽¹⁾ᵀS⁽¹⁾ (relative width ≈ 2√(d_out/d_h)), the S⁽⁰⁾S⁽⁰⁾ᵀ term and the drift of h; all three
/// vanish only as d_h/d_out → ∞. The one-layer losses are normalised to ‖D₀‖² = 1 (L(0) = 1/d_out), hence the factor ‖D₀‖².
/// Time counts GD steps of rate η (the paper's η₀, Fig. 5: η = η₀). Used in notebook 02.
/// </remarks>
public sealed class TwoLayerLinearTheory
{
    /// <summary>h₀ = (‖S₀⁽⁰⁾‖² + ‖S₀⁽¹⁾‖²)/2 ≈ ½ at the paper's initialisation (each layer contributes ¼).</summary>
    public const double InitialHalfTrace = 0.5;

    /// <summary>Creates the Eq. 19 theory.</summary>
    /// <param name="aspectRatio">λ = d_in/N_tr. Range: λ &gt; 0.</param>
    /// <param name="learningRate">η, the GD rate of the two-layer network (the paper's η₀ in Eq. 18). Range: 0 &lt; η, and η h₀/d_out² &lt; 1.</param>
    /// <param name="outputDimension">d_out. Range: d_out ≥ 1.</param>
    /// <param name="initialResidualNorm">‖D₀‖² of the end-to-end map. Range: &gt; 0.</param>
    public TwoLayerLinearTheory(double aspectRatio, double learningRate, int outputDimension, double initialResidualNorm)
    {
        Guard.Positive(aspectRatio);
        Guard.Positive(learningRate);
        Guard.Positive(outputDimension);
        Guard.Positive(initialResidualNorm);
        LearningRate = learningRate;
        InitialResidualNorm = initialResidualNorm;
        double rate = LinearTeacherStudentTheory.TwoLayerEquivalentRate(learningRate, outputDimension);
        if (!(rate < 1))
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate,
                $"learningRate = {learningRate} gives an equivalent one-layer rate η/(2 d_out²) = {rate:G4}; allowed: η/(2 d_out²) < 1.");
        OneLayer = new LinearTeacherStudentTheory(aspectRatio, rate, outputDimension: outputDimension);
    }

    /// <summary>η.</summary>
    public double LearningRate { get; }

    /// <summary>‖D₀‖².</summary>
    public double InitialResidualNorm { get; }

    /// <summary>The one-layer theory at the mapped rate η/(2 d_out²), normalised to ‖D₀‖² = 1.</summary>
    public LinearTeacherStudentTheory OneLayer { get; }

    /// <summary>d_out.</summary>
    public int OutputDimension => OneLayer.OutputDimension;

    /// <summary>The equivalent one-layer rate η h₀/d_out² = η/(2 d_out²) (Eq. 18).</summary>
    public double EquivalentRate => OneLayer.EffectiveRate;

    /// <summary>L_tr(t) = ‖D₀‖² L_tr^{1-layer}(t) (Eq. 19).</summary>
    /// <param name="time">t in GD steps. Range: t ≥ 0.</param>
    public double TrainLoss(double time) => InitialResidualNorm * OneLayer.TrainLoss(time);

    /// <summary>L_gen(t) = ‖D₀‖² L_gen^{1-layer}(t) (Eq. 19).</summary>
    /// <param name="time">t in GD steps. Range: t ≥ 0.</param>
    public double GeneralizationLoss(double time) => InitialResidualNorm * OneLayer.GeneralizationLoss(time);

    /// <summary>
    /// The first times at which the train and the generalisation accuracy (Eq. 19, right) reach
    /// <paramref name="accuracyLevel"/>. The accuracy depends on ε/L only, so scaling L by ‖D₀‖² is the one-layer
    /// problem with ε/‖D₀‖².
    /// </summary>
    /// <param name="errorThreshold">ε, on the per-output squared error. Range: ε &gt; 0.</param>
    /// <param name="accuracyLevel">A*. Range: 0 &lt; A* &lt; 1; default erf(√2).</param>
    public GrokkingTimes CrossingTimes(double errorThreshold, double? accuracyLevel = null)
    {
        Guard.Positive(errorThreshold);
        return OneLayer.CrossingTimes(errorThreshold / InitialResidualNorm, accuracyLevel);
    }
}
