using ResearchKit.Numerics;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// The finite-dataset Reset-and-Discard prediction (Eq. 17): after n rounds the expected cost ⟨t(n)⟩ = N Σ_{j&lt;n} F(j)
/// and the expected coverage N·pass@n = N(1 − F(n)).
/// </summary>
/// <param name="QuestionCount">N.</param>
/// <param name="Rounds">n = 0 … K.</param>
/// <param name="ExpectedCost">⟨t(n)⟩ for each round.</param>
/// <param name="ExpectedCoverage">N·pass@n for each round.</param>
/// <remarks>Meir et al., arXiv 2601.21522, Eq. 17 (as given in the project spec). Used by notebook 07.</remarks>
public sealed record CoverageFrontier(int QuestionCount, int[] Rounds, double[] ExpectedCost, double[] ExpectedCoverage)
{
    /// <summary>The expected coverage at a cost, by linear interpolation between rounds (the last value beyond the curve).</summary>
    /// <param name="cost">C. Range: C ≥ 0.</param>
    public double CoverageAtCost(double cost)
    {
        Guard.NonNegative(cost);
        int hi = Array.FindIndex(ExpectedCost, c => c >= cost);
        if (hi < 0) return ExpectedCoverage[^1];
        if (hi == 0) return ExpectedCoverage[0];
        double w = (cost - ExpectedCost[hi - 1]) / (ExpectedCost[hi] - ExpectedCost[hi - 1]);
        return ExpectedCoverage[hi - 1] + w * (ExpectedCoverage[hi] - ExpectedCoverage[hi - 1]);
    }

    /// <summary>The expected cost at which the expected coverage first reaches a count, by linear interpolation; +∞ if never.</summary>
    /// <param name="coverage">The number of questions. Range: ≥ 0.</param>
    public double CostAtCoverage(double coverage)
    {
        Guard.NonNegative(coverage);
        int hi = Array.FindIndex(ExpectedCoverage, c => c >= coverage);
        if (hi < 0) return double.PositiveInfinity;
        if (hi == 0) return ExpectedCost[0];
        double w = (coverage - ExpectedCoverage[hi - 1]) / (ExpectedCoverage[hi] - ExpectedCoverage[hi - 1]);
        return ExpectedCost[hi - 1] + w * (ExpectedCost[hi] - ExpectedCost[hi - 1]);
    }
}
