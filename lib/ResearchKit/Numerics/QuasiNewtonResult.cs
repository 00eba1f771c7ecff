namespace ResearchKit.Numerics;

/// <summary>The outcome of one <see cref="QuasiNewton"/> minimisation.</summary>
/// <param name="Point">The minimiser found (the best point evaluated when the run did not converge).</param>
/// <param name="Value">The objective at <see cref="Point"/>.</param>
/// <param name="Gradient">The gradient at <see cref="Point"/>.</param>
/// <param name="ScaledGradient">max_k |g_k|·max(|x_k|, 1)/max(|f|, 1), the quantity the acceptance test compares.</param>
/// <param name="Iterations">Iterations of the optimiser (MathNet's count; 0 when it threw before returning).</param>
/// <param name="Evaluations">Objective-and-gradient evaluations.</param>
/// <param name="Exit">Why it stopped.</param>
public sealed record QuasiNewtonResult(IReadOnlyList<double> Point, double Value, IReadOnlyList<double> Gradient, double ScaledGradient,
    int Iterations, int Evaluations, QuasiNewtonExit Exit)
{
    /// <summary>True only for <see cref="QuasiNewtonExit.Converged"/>.</summary>
    public bool IsConverged => Exit == QuasiNewtonExit.Converged;
}
