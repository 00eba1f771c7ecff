namespace ResearchKit.InferenceScaling;

/// <summary>The outcome of spending a sampling budget across problems.</summary>
/// <param name="Counts">Per problem, the attempts made (n) and the successes seen (c), in the input order; n may be 0.</param>
/// <param name="AttemptsUsed">The attempts spent (the budget, unless every problem's recorded outcomes ran out).</param>
/// <param name="ExhaustedProblems">Problems whose recorded outcomes were all drawn (they could take no more attempts).</param>
/// <remarks>Used by notebook 09.</remarks>
public sealed record SampledCounts(IReadOnlyList<ProblemOutcomes> Counts, int AttemptsUsed, int ExhaustedProblems);
