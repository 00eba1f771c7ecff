using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>Hyper-parameters of minibatch SGD on <see cref="ParityNetwork"/>, and when to stop.</summary>
/// <remarks>
/// Defaults are those of the reference code of Miller et al. (arXiv 2310.17247, 2402.08946): plain SGD (no momentum),
/// learning rate 0.1, weight decay 10⁻² added to the gradient of every parameter (PyTorch's coupled form), batch 32,
/// reshuffled every epoch, last partial batch kept. Used in notebook 04.
/// </remarks>
public sealed record ParityTrainingOptions
{
    /// <summary>Creates options.</summary>
    /// <param name="hiddenUnits">h. Range: ≥ 1.</param>
    /// <param name="maxEpochs">Epoch limit. Range: ≥ 1.</param>
    /// <param name="learningRate">η. Range: η &gt; 0.</param>
    /// <param name="weightDecay">λ_wd, added as λ_wd·θ to the gradient. Range: ≥ 0.</param>
    /// <param name="batchSize">B. Range: ≥ 1.</param>
    /// <param name="threshold">Accuracy that counts as "reached" (t₉₅ with the default). Range: 0.5 &lt; A ≤ 1.</param>
    /// <param name="stopFactor">Training stops at epoch ⌈c·t_val⌉, with t_val the first epoch whose validation accuracy reaches the threshold (so that the fit window [0, c·t] holds the whole jump). Range: c ≥ 1; +∞ = never early.</param>
    public ParityTrainingOptions(int hiddenUnits, int maxEpochs, double learningRate = 0.1, double weightDecay = 1e-2,
        int batchSize = 32, double threshold = 0.95, double stopFactor = 3)
    {
        Guard.Positive(hiddenUnits);
        Guard.Positive(maxEpochs);
        Guard.Positive(learningRate);
        Guard.NonNegative(weightDecay);
        Guard.Positive(batchSize);
        if (!(threshold > 0.5 && threshold <= 1))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"threshold = {threshold} is out of range; allowed: 0.5 < threshold ≤ 1.");
        if (!(stopFactor >= 1))
            throw new ArgumentOutOfRangeException(nameof(stopFactor), stopFactor, $"stopFactor = {stopFactor} is out of range; allowed: 1 ≤ stopFactor ≤ ∞.");
        HiddenUnits = hiddenUnits;
        MaxEpochs = maxEpochs;
        LearningRate = learningRate;
        WeightDecay = weightDecay;
        BatchSize = batchSize;
        Threshold = threshold;
        StopFactor = stopFactor;
    }

    /// <summary>h.</summary>
    public int HiddenUnits { get; }

    /// <summary>Epoch limit.</summary>
    public int MaxEpochs { get; }

    /// <summary>η.</summary>
    public double LearningRate { get; }

    /// <summary>λ_wd.</summary>
    public double WeightDecay { get; }

    /// <summary>B.</summary>
    public int BatchSize { get; }

    /// <summary>Accuracy that counts as reached.</summary>
    public double Threshold { get; }

    /// <summary>c: stop at ⌈c·t_val⌉.</summary>
    public double StopFactor { get; }
}
