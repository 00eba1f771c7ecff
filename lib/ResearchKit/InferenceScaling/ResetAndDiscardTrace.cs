namespace ResearchKit.InferenceScaling;

/// <summary>
/// One run of Reset-and-Discard with τ = 1 observed at the end of each round: after round n every question has had
/// min(T_i, n) attempts, so U(n)/N is an unbiased measurement of 1 − pass@n obtained at the cost shown.
/// </summary>
/// <param name="QuestionCount">N, the number of questions.</param>
/// <param name="Rounds">n = 1, 2, … .</param>
/// <param name="Unsolved">U(n), the questions still unsolved after round n.</param>
/// <param name="Cost">The total attempts spent by the end of round n, Σ_i min(T_i, n).</param>
/// <param name="SolveTimes">Each question's observed solve time, ascending; rounds + 1 for "not solved within the trace".</param>
/// <remarks>Meir et al., arXiv 2601.21522 (exponent inference from ReD, Sec. 5). Used by notebook 07.</remarks>
public sealed record ResetAndDiscardTrace(int QuestionCount, int[] Rounds, int[] Unsolved, long[] Cost, long[] SolveTimes)
{
    /// <summary>U(n)/N, the measured 1 − pass@n.</summary>
    public double[] UnsolvedFraction => Unsolved.Select(u => (double)u / QuestionCount).ToArray();
}
