namespace ResearchKit.ScalingLaws;

/// <summary>The loss-minimising split of a compute budget C = 6·N·D into parameters N* and tokens D*.</summary>
/// <param name="Compute">C in FLOP.</param>
/// <param name="Parameters">N*.</param>
/// <param name="Tokens">D*.</param>
/// <remarks>Hoffmann et al. 2022 (arXiv 2203.15556), Eq. 4. Notebook 10.</remarks>
public sealed record ComputeOptimalAllocation(double Compute, double Parameters, double Tokens)
{
    /// <summary>D*/N*, the compute-optimal tokens per parameter (≈ 20 in Hoffmann et al.).</summary>
    public double TokensPerParameter => Tokens / Parameters;
}
