namespace ResearchKit.InferenceScaling;

/// <summary>A tail exponent β of 1 − pass@n ∝ n^(−β) inferred from a Reset-and-Discard trace.</summary>
/// <param name="Exponent">β̂, the least-squares log–log slope (sign flipped).</param>
/// <param name="StandardError">Bootstrap (over questions) standard error of β̂.</param>
/// <param name="FirstRound">First round of the fitting window.</param>
/// <param name="LastRound">Last round of the fitting window.</param>
/// <param name="Cost">Attempts ReD spent to observe the window.</param>
/// <remarks>Meir et al., arXiv 2601.21522 (ReD infers the power-law exponent). Used by notebook 07.</remarks>
public sealed record TailExponentEstimate(double Exponent, double StandardError, int FirstRound, int LastRound, long Cost);
