using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>How <see cref="LogisticDynamics.Train"/> trains a linear classifier.</summary>
public sealed record LogisticTrainingOptions
{
    /// <summary>The per-sample margin loss φ. Default: logistic.</summary>
    public MarginLoss Loss { get; init; } = MarginLoss.Logistic;

    /// <summary>η. Range: η &gt; 0. Default 0.1.</summary>
    public double LearningRate { get; init; } = 0.1;

    /// <summary>Number of full-batch steps. Range: ≥ 1.</summary>
    public int Steps { get; init; } = 1000;

    /// <summary>Whether the bias b is trained (otherwise b ≡ 0). Default true.</summary>
    public bool FitBias { get; init; } = true;

    /// <summary>Use Adam instead of plain gradient descent.</summary>
    public bool UseAdam { get; init; }

    /// <summary>Adam's β₁. Range: 0 ≤ β₁ &lt; 1.</summary>
    public double Beta1 { get; init; } = 0.9;

    /// <summary>Adam's β₂. Range: 0 ≤ β₂ &lt; 1.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>Adam's ε. Range: &gt; 0.</summary>
    public double AdamEpsilon { get; init; } = 1e-8;

    /// <summary>Number of log-spaced record points (step 0 is always recorded). Range: ≥ 2.</summary>
    public int RecordCount { get; init; } = 200;

    /// <summary>
    /// Optional per-step learning rates η_k (length ≥ <see cref="Steps"/>, each &gt; 0) for gradient descent; overrides
    /// <see cref="LearningRate"/>. Used to replay a biased run's conformal-time steps η e^(−b_k) without a bias.
    /// </summary>
    public IReadOnlyList<double>? StepSizes { get; init; }

    /// <summary>
    /// Most threads one step's gradient may use; null (the default) = all cores, with problems below about 10⁵ N·d
    /// entries on one. The gradient is summed over the same fixed partition of the samples either way, so the
    /// trajectory is bit-identical whatever this is; set 1 when several runs train side by side (<see cref="Sweep"/>).
    /// Range: ≥ 1 or null.
    /// </summary>
    public int? MaxDegreeOfParallelism { get; init; }

    internal void Validate()
    {
        if (MaxDegreeOfParallelism is { } threads) Guard.Positive(threads, nameof(MaxDegreeOfParallelism));
        Guard.NotNull(Loss);
        Guard.Positive(LearningRate);
        Guard.Positive(Steps);
        Guard.InRange(Beta1, 0, Math.BitDecrement(1.0));
        Guard.InRange(Beta2, 0, Math.BitDecrement(1.0));
        Guard.Positive(AdamEpsilon);
        Guard.AtLeast(RecordCount, 2);
        if (StepSizes is { } s)
        {
            if (UseAdam) throw new ArgumentException("StepSizes applies to gradient descent only; allowed: UseAdam = false.", nameof(StepSizes));
            if (s.Count < Steps) throw new ArgumentException($"StepSizes has {s.Count} entries; allowed: at least Steps = {Steps}.", nameof(StepSizes));
            for (int k = 0; k < Steps; k++) Guard.Positive(s[k], $"StepSizes[{k}]");
        }
    }
}
