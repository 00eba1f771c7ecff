using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// One two-layer teacher–student experiment: x ~ N(0, I_{d_in}); teacher and student are bias-free networks
/// f(x) = S⁽¹⁾ᵀ φ(S⁽⁰⁾ᵀ x) of the same architecture d_in → d_h → d_out, with S⁽⁰⁾, T⁽⁰⁾ ~ N(0, 1/(2 d_in d_h)) and
/// S⁽¹⁾, T⁽¹⁾ ~ N(0, 1/(2 d_h d_out)) entrywise; full-batch GD with rate η on
/// L_tr = (1/(N d_out)) Σᵢ ‖f_S(xᵢ) − f_T(xᵢ)‖².
/// </summary>
/// <remarks>
/// Levi, Beck &amp; Bar-Sinai (arXiv 2310.16441), Sec. 4.1 (Eq. 17), App. A (the initialisation) and Fig. 5
/// (a 1000–d_h–5 MLP, linear or tanh). Used in notebook 02.
/// </remarks>
public sealed class TwoLayerTeacherStudentSetup
{
    /// <summary>Creates and validates a set-up.</summary>
    /// <param name="inputDimension">d_in. Range: d_in ≥ 1.</param>
    /// <param name="hiddenDimension">d_h. Range: d_h ≥ 1.</param>
    /// <param name="outputDimension">d_out. Range: d_out ≥ 1.</param>
    /// <param name="trainSamples">N_tr. Range: N_tr ≥ 1.</param>
    /// <param name="activation">φ, the hidden activation of teacher and student.</param>
    /// <param name="learningRate">η (the paper's η₀ of Eq. 18). Range: η &gt; 0; a run that diverges throws.</param>
    public TwoLayerTeacherStudentSetup(int inputDimension, int hiddenDimension, int outputDimension, int trainSamples, HiddenActivation activation, double learningRate)
    {
        Guard.Positive(inputDimension);
        Guard.Positive(hiddenDimension);
        Guard.Positive(outputDimension);
        Guard.Positive(trainSamples);
        if (!Enum.IsDefined(activation))
            throw new ArgumentOutOfRangeException(nameof(activation), activation, $"activation = {activation} is out of range; allowed: Linear, Tanh.");
        Guard.Positive(learningRate);
        InputDimension = inputDimension;
        HiddenDimension = hiddenDimension;
        OutputDimension = outputDimension;
        TrainSamples = trainSamples;
        Activation = activation;
        LearningRate = learningRate;
    }

    /// <summary>Creates a set-up from λ = d_in/N_tr (N_tr = round(d_in/λ)).</summary>
    /// <param name="inputDimension">d_in. Range: d_in ≥ 1.</param>
    /// <param name="hiddenDimension">d_h. Range: d_h ≥ 1.</param>
    /// <param name="outputDimension">d_out. Range: d_out ≥ 1.</param>
    /// <param name="aspectRatio">λ. Range: 0 &lt; λ ≤ d_in.</param>
    /// <param name="activation">φ.</param>
    /// <param name="learningRate">η. Range: η &gt; 0.</param>
    public static TwoLayerTeacherStudentSetup FromAspectRatio(int inputDimension, int hiddenDimension, int outputDimension, double aspectRatio, HiddenActivation activation, double learningRate)
    {
        Guard.Positive(inputDimension);
        Guard.InRange(aspectRatio, 1e-9, inputDimension);
        return new TwoLayerTeacherStudentSetup(inputDimension, hiddenDimension, outputDimension,
            Math.Max(1, (int)Math.Round(inputDimension / aspectRatio)), activation, learningRate);
    }

    /// <summary>d_in.</summary>
    public int InputDimension { get; }

    /// <summary>d_h.</summary>
    public int HiddenDimension { get; }

    /// <summary>d_out.</summary>
    public int OutputDimension { get; }

    /// <summary>N_tr.</summary>
    public int TrainSamples { get; }

    /// <summary>φ.</summary>
    public HiddenActivation Activation { get; }

    /// <summary>η.</summary>
    public double LearningRate { get; }

    /// <summary>λ = d_in/N_tr.</summary>
    public double AspectRatio => (double)InputDimension / TrainSamples;

    /// <summary>
    /// E‖D₀‖² = 1/(2 d_h) for the end-to-end linear map D₀ = S₀⁽⁰⁾S₀⁽¹⁾ − T⁽⁰⁾T⁽¹⁾ at this initialisation
    /// (each product has E‖·‖² = d_in d_h d_out · 1/(2 d_in d_h) · 1/(2 d_h d_out) = 1/(4 d_h)).
    /// </summary>
    public double ExpectedInitialResidualNorm => 1.0 / (2.0 * HiddenDimension);

    /// <summary>The Eq. 19 theory for a run whose end-to-end residual starts at ‖D₀‖² = <paramref name="initialResidualNorm"/>.</summary>
    /// <param name="initialResidualNorm">‖D₀‖². Range: &gt; 0.</param>
    public TwoLayerLinearTheory Theory(double initialResidualNorm) => new(AspectRatio, LearningRate, OutputDimension, initialResidualNorm);
}
