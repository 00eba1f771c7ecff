namespace ResearchKit.InferenceScaling;

/// <summary>The outcome of spending a sampling budget across problems.</summary>
/// <param name="Counts">Per problem, the attempts made (n) and the successes seen (c), in the input order; n may be 0.</param>
/// <param name="AttemptsUsed">The attempts spent (the budget, unless every problem's recorded outcomes ran out).</param>
/// <param name="ExhaustedProblems">Problems whose recorded outcomes were all drawn (they could take no more attempts).</param>
/// <remarks>Used by notebook 09.</remarks>
public sealed record SampledCounts(IReadOnlyList<ProblemOutcomes> Counts, int AttemptsUsed, int ExhaustedProblems)
{
    /// <summary>
    /// Of the problems with no success in the sample, the fraction that have no success in the full record either
    /// (truly unsolved within n attempts, rather than merely hard): how well the allocation tells impossible from
    /// hard. NaN when every sampled problem has a success.
    /// </summary>
    /// <param name="recorded">The full records the sample was drawn from, in the same order.</param>
    public double ZeroSuccessPrecision(IReadOnlyList<ProblemOutcomes> recorded)
    {
        Numerics.Guard.NotNull(recorded);
        Numerics.Guard.SameLength(recorded.Count, Counts.Count, nameof(recorded), nameof(Counts));
        int zero = 0, unsolved = 0;
        for (int i = 0; i < Counts.Count; i++)
        {
            if (Counts[i].Successes > 0)
                continue;
            zero++;
            if (recorded[i].Successes == 0)
                unsolved++;
        }
        return zero == 0 ? double.NaN : (double)unsolved / zero;
    }
}
