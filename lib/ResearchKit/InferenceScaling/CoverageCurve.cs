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
    double[] ReachedFraction)
{
    /// <summary>The mean coverage as a fraction of N.</summary>
    public double[] CoverageFraction => MeanCoverage.Select(c => c / QuestionCount).ToArray();
}
