namespace ResearchKit.InferenceScaling;

/// <summary>
/// The repeated-sampling record of one problem: <c>n</c> independent attempts of which <c>c</c> were judged correct.
/// The type only carries the numbers; <see cref="PassAtK"/> and the fitters validate them and name the problem by
/// <see cref="ProblemId"/> when they are inconsistent.
/// </summary>
/// <param name="ProblemId">A label used in error messages and tables (e.g. <c>"Pythia 1B / MATH / 82"</c>).</param>
/// <param name="Samples">n, the number of attempts. Range: n ≥ 1.</param>
/// <param name="Successes">c, the number of correct attempts. Range: 0 ≤ c ≤ n.</param>
/// <remarks>Used by notebooks 06–09 (inference-scaling family).</remarks>
public readonly record struct ProblemOutcomes(string ProblemId, int Samples, int Successes);
