using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// One linear teacher–student experiment: sizes, learning rate, weight decay and initialisation scale.
/// x ~ N(0, I_{d_in}); teacher T and student S₀/α ~ N(0, 1/(2 d_in d_out)) entrywise; full-batch GD on
/// (1/d_out)[(1/N) Σᵢ ‖(S − T)ᵀxᵢ‖² + (γ/2)‖S‖²].
/// </summary>
/// <remarks>Levi, Beck &amp; Bar-Sinai (arXiv 2310.16441), Sec. 2. Used in notebooks 02 and 04.</remarks>
public sealed class LinearTeacherStudentSetup
{
    /// <summary>Creates and validates a set-up.</summary>
    /// <param name="inputDimension">d_in. Range: d_in ≥ 1.</param>
    /// <param name="outputDimension">d_out. Range: d_out ≥ 1.</param>
    /// <param name="trainSamples">N_tr. Range: N_tr ≥ 1.</param>
    /// <param name="learningRate">η. Range: 0 &lt; η, and η·(2ν_max + γ)/d_out &lt; 2 for stability (checked when run).</param>
    /// <param name="weightDecay">γ. Range: γ ≥ 0.</param>
    /// <param name="initScale">α, student initialisation scale. Range: α ≥ 0.</param>
    public LinearTeacherStudentSetup(int inputDimension, int outputDimension, int trainSamples, double learningRate = 0.01, double weightDecay = 0, double initScale = 1)
    {
        Guard.Positive(inputDimension);
        Guard.Positive(outputDimension);
        Guard.Positive(trainSamples);
        Guard.Positive(learningRate);
        Guard.NonNegative(weightDecay);
        Guard.NonNegative(initScale);
        InputDimension = inputDimension;
        OutputDimension = outputDimension;
        TrainSamples = trainSamples;
        LearningRate = learningRate;
        WeightDecay = weightDecay;
        InitScale = initScale;
    }

    /// <summary>Creates a set-up from λ = d_in/N_tr (N_tr = round(d_in/λ)).</summary>
    /// <param name="inputDimension">d_in. Range: d_in ≥ 1.</param>
    /// <param name="aspectRatio">λ. Range: 0 &lt; λ ≤ d_in.</param>
    /// <param name="outputDimension">d_out. Range: d_out ≥ 1.</param>
    /// <param name="learningRate">η. Range: η &gt; 0.</param>
    /// <param name="weightDecay">γ. Range: γ ≥ 0.</param>
    /// <param name="initScale">α. Range: α ≥ 0.</param>
    public static LinearTeacherStudentSetup FromAspectRatio(int inputDimension, double aspectRatio, int outputDimension = 1, double learningRate = 0.01, double weightDecay = 0, double initScale = 1)
    {
        Guard.Positive(inputDimension);
        Guard.InRange(aspectRatio, 1e-9, inputDimension);
        return new LinearTeacherStudentSetup(inputDimension, outputDimension, Math.Max(1, (int)Math.Round(inputDimension / aspectRatio)), learningRate, weightDecay, initScale);
    }

    /// <summary>d_in.</summary>
    public int InputDimension { get; }

    /// <summary>d_out.</summary>
    public int OutputDimension { get; }

    /// <summary>N_tr.</summary>
    public int TrainSamples { get; }

    /// <summary>η.</summary>
    public double LearningRate { get; }

    /// <summary>γ.</summary>
    public double WeightDecay { get; }

    /// <summary>α.</summary>
    public double InitScale { get; }

    /// <summary>λ = d_in/N_tr.</summary>
    public double AspectRatio => (double)InputDimension / TrainSamples;

    /// <summary>η₀ = η/d_out, the rate the theory sees.</summary>
    public double EffectiveRate => LearningRate / OutputDimension;

    /// <summary>The matching Marchenko–Pastur theory.</summary>
    public LinearTeacherStudentTheory Theory() => new(AspectRatio, EffectiveRate, WeightDecay, InitScale, OutputDimension);
}
