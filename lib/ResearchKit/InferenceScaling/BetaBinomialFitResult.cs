using ResearchKit.Numerics;
namespace ResearchKit.InferenceScaling;

/// <summary>
/// A maximum-likelihood beta-binomial fit of per-problem counts in the success convention, U ~ Beta(a, b), with
/// its observed-information uncertainty and diagnostics.
/// </summary>
/// <param name="A">â, the first shape (the tail exponent of 1 − pass@k).</param>
/// <param name="B">b̂, the second shape.</param>
/// <param name="StandardErrorA">Standard error of â from the inverse observed information (NaN when not positive definite).</param>
/// <param name="StandardErrorB">Standard error of b̂, likewise.</param>
/// <param name="CorrelationAB">Correlation of (â, b̂) from the same inverse.</param>
/// <param name="LogLikelihood">The maximised log-likelihood Σ ln P(c_i | n_i, a, b), binomial coefficients included.</param>
/// <param name="Problems">The number of problems fitted (those with n ≥ 1).</param>
/// <param name="Iterations">Newton iterations used.</param>
/// <param name="ExitReason">Why the iteration stopped.</param>
/// <remarks>Kazdan, Schaeffer et al., arXiv 2510.05197, Eqs. 15–17. Used by notebooks 06, 07 and 09.</remarks>
public sealed record BetaBinomialFitResult(
    double A, double B, double StandardErrorA, double StandardErrorB, double CorrelationAB,
    double LogLikelihood, int Problems, int Iterations, FitExitReason ExitReason)
{
    /// <summary>The fitted model in the success convention (Kazdan et al.).</summary>
    public SuccessBetaPassAtK ToSuccessBeta() => new(A, B);

    /// <summary>The fitted model in the failure convention (Levi): α = b̂, β = â, A = 1.</summary>
    public FailureBetaPassAtK ToFailureBeta() => new(B, A);

    /// <summary>True when <see cref="ExitReason"/> is <see cref="FitExitReason.Converged"/>.</summary>
    public bool Converged => ExitReason == FitExitReason.Converged;
}
