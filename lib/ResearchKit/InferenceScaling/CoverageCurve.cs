using ResearchKit.Numerics;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// Simulated coverage@cost: the expected number of distinct questions solved after a total of C attempts, for one
/// policy, averaged over independent replicas (fresh solve times and a fresh random question order each).
/// </summary>
/// <param name="Policy">The policy simulated.</param>
/// <param name="QuestionCount">N, the number of questions.</param>
/// <param name="Replicas">The number of independent replicas averaged.</param>
/// <param name="Budgets">C, the total-attempt budgets, ascending.</param>
/// <param name="MeanCoverage">The mean number of questions solved within each budget.</param>
/// <param name="StandardError">The standard error of <paramref name="MeanCoverage"/> over replicas.</param>
/// <param name="MeanCostToSolve">
/// Element m − 1: the mean over replicas of the number of attempts spent when the m-th question is solved;
/// +∞ when some replica never solves m questions (e.g. solve-to-completion stuck on an unsolvable question).
/// </param>
/// <param name="CostToSolveStandardError">The standard error of <paramref name="MeanCostToSolve"/> over replicas (NaN where that is +∞).</param>
/// <param name="ReachedFraction">Element m − 1: the fraction of replicas that solve at least m questions at all.</param>
/// <remarks>Meir et al., arXiv 2601.21522, coverage@cost (Sec. 3). Used by notebook 07.</remarks>
public sealed record CoverageCurve(
    CoveragePolicy Policy,
    int QuestionCount,
    int Replicas,
    long[] Budgets,
    double[] MeanCoverage,
    double[] StandardError,
    double[] MeanCostToSolve,
    double[] CostToSolveStandardError,
    double[] ReachedFraction)
{
    /// <summary>The mean coverage as a fraction of N.</summary>
    public double[] CoverageFraction => MeanCoverage.Select(c => c / QuestionCount).ToArray();

    /// <summary>
    /// The growth exponent γ of coverage@cost ∝ C^γ over a budget window: the least-squares slope of ln(mean
    /// coverage) against ln C over the grid budgets inside [from, to]. γ = 1 is linear growth; γ &lt; 1 sublinear.
    /// </summary>
    /// <param name="fromBudget">Lower end of the window. Range: ≥ 1.</param>
    /// <param name="toBudget">Upper end. Range: &gt; fromBudget.</param>
    /// <exception cref="ArgumentException">A bad window, fewer than two grid budgets in it, or zero coverage in it.</exception>
    public double GrowthExponent(long fromBudget, long toBudget)
    {
        Guard.Positive(fromBudget);
        if (toBudget <= fromBudget)
            throw new ArgumentOutOfRangeException(nameof(toBudget), toBudget, $"toBudget = {toBudget} is out of range; allowed: toBudget > fromBudget = {fromBudget}.");
        var x = new List<double>();
        var y = new List<double>();
        for (int b = 0; b < Budgets.Length; b++)
        {
            if (Budgets[b] < fromBudget || Budgets[b] > toBudget) continue;
            if (!(MeanCoverage[b] > 0))
                throw new ArgumentException($"mean coverage is 0 at budget {Budgets[b]}; allowed: a window with positive coverage.", nameof(fromBudget));
            x.Add(Math.Log(Budgets[b]));
            y.Add(Math.Log(MeanCoverage[b]));
        }
        if (x.Count < 2)
            throw new ArgumentException($"only {x.Count} grid budget(s) lie in [{fromBudget}, {toBudget}]; allowed: at least two.", nameof(toBudget));
        int distinct = x.Distinct().Count();
        if (distinct < 2)
            throw new ArgumentException(
                $"the {x.Count} grid budgets in [{fromBudget}, {toBudget}] hold {distinct} distinct value(s); allowed: at least two distinct budgets (a slope over one budget is 0/0).",
                nameof(toBudget));
        double mx = x.Average(), my = y.Average(), sxy = 0, sxx = 0;
        for (int i = 0; i < x.Count; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) * (x[i] - mx); }
        return sxy / sxx;
    }
}
