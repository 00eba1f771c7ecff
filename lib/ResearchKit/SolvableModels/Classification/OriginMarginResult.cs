namespace ResearchKit.SolvableModels;

/// <summary>
/// The hard margin of a point set from the origin, M = max_{‖w‖=1} min_i w·xᵢ (0 when not separable), bracketed by
/// certified bounds.
/// </summary>
/// <param name="Lower">A proven lower bound: min_i w·xᵢ/‖w‖ for the best direction w found (clipped at 0).</param>
/// <param name="Upper">A proven upper bound: the norm of a point of the convex hull.</param>
/// <param name="Direction">The best direction w found (unit length).</param>
/// <param name="Iterations">Cycles (major and minor) of Wolfe's algorithm taken.</param>
/// <param name="Converged">True when the bounds agree to the requested tolerance (or the origin is in the hull); false
/// when the cycle cap was reached or rounding stopped progress first — the bounds are then still valid but apart.</param>
public sealed record OriginMarginResult(double Lower, double Upper, double[] Direction, int Iterations, bool Converged)
{
    /// <summary>The midpoint estimate (Lower + Upper)/2.</summary>
    public double Margin => 0.5 * (Lower + Upper);
}
