using ResearchKit.Numerics;
namespace ResearchKit.InferenceScaling;

/// <summary>A least-squares fit of Levi's failure-Beta pass@k curve to a benchmark's measured pass@k curve.</summary>
/// <param name="Model">The fitted model (α, β, A).</param>
/// <param name="RootMeanSquareError">√(mean over the budgets of (model − data)²), in pass@k units.</param>
/// <param name="Iterations">Objective evaluations of the simplex search (MathNet's Nelder–Mead with its restarts, Numerics/NelderMead.cs).</param>
/// <param name="ExitReason">Why the simplex stopped.</param>
/// <remarks>Levi, arXiv 2410.16377, Sec. 3 (fits to Brown et al.'s curves). Used by notebook 06.</remarks>
public sealed record FailureBetaCurveFitResult(FailureBetaPassAtK Model, double RootMeanSquareError, int Iterations, FitExitReason ExitReason);
