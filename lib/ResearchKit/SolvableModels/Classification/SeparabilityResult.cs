namespace ResearchKit.SolvableModels;

/// <summary>Whether a point set lies strictly on one side of some hyperplane through the origin, with its certificate.</summary>
/// <param name="IsSeparable">True when some w has w·xᵢ &gt; 0 for every point.</param>
/// <param name="Direction">When separable: a direction w with w·xᵢ &gt; 0 for all i (checked). Otherwise null.</param>
/// <param name="HullWeights">When not separable: weights yᵢ ≥ 0, Σyᵢ = 1, with Σ yᵢxᵢ ≈ 0 (the origin lies in the convex hull). Otherwise null.</param>
/// <param name="CertificateResidual">Separable: min_i w·xᵢ / (‖w‖ max_i‖xᵢ‖) (&gt; 0). Not separable: ‖Σ yᵢxᵢ‖ / max_i‖xᵢ‖ (≈ 0).</param>
/// <param name="Pivots">Simplex pivots used.</param>
public sealed record SeparabilityResult(bool IsSeparable, double[]? Direction, double[]? HullWeights, double CertificateResidual, int Pivots);
