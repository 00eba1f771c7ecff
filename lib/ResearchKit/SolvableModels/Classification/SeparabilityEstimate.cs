namespace ResearchKit.SolvableModels;

/// <summary>A Monte-Carlo estimate of the probability that N Gaussian points in R^d are separable from the origin.</summary>
/// <param name="SampleCount">N.</param>
/// <param name="Dimension">d.</param>
/// <param name="Trials">Number of independent point sets tested.</param>
/// <param name="SeparableCount">How many of them were separable.</param>
/// <param name="Probability">SeparableCount / Trials.</param>
/// <param name="StandardError">Binomial standard error √(p(1−p)/trials).</param>
/// <param name="Wendel">Wendel's exact probability for comparison.</param>
public sealed record SeparabilityEstimate(int SampleCount, int Dimension, int Trials, int SeparableCount, double Probability, double StandardError, double Wendel);
