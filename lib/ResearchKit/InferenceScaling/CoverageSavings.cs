namespace ResearchKit.InferenceScaling;

/// <summary>Predicted attempts to reach target coverages under each policy, and ReD's saving factor.</summary>
/// <param name="QuestionCount">N.</param>
/// <param name="CoverageFractions">The target coverages c (fractions of N).</param>
/// <param name="SolveToCompletionCost">N·c·E[T] for each c.</param>
/// <param name="ResetAndDiscardCost">The ReD frontier cost for each c.</param>
/// <remarks>Meir et al., arXiv 2601.21522 (savings predicted from pass@k). Used by notebook 07.</remarks>
public sealed record CoverageSavings(int QuestionCount, double[] CoverageFractions, double[] SolveToCompletionCost, double[] ResetAndDiscardCost)
{
    /// <summary>The saving factor: solve-to-completion attempts divided by ReD attempts.</summary>
    public double[] Ratio => SolveToCompletionCost.Zip(ResetAndDiscardCost, (s, r) => s / r).ToArray();
}
