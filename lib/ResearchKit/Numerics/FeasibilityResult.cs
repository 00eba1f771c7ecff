namespace ResearchKit.Numerics;

/// <summary>
/// The answer of <see cref="PhaseOneSimplex.Solve"/> to "is there y ≥ 0 with A y = c?", with a certificate either way.
/// </summary>
/// <param name="IsFeasible">True when a non-negative solution was found.</param>
/// <param name="Solution">A solution y ≥ 0 of A y = c when feasible; otherwise null.</param>
/// <param name="FarkasVector">When infeasible, a vector π with Aᵀπ ≤ 0 and cᵀπ &gt; 0 (Farkas' lemma); otherwise null.</param>
/// <param name="PhaseOneObjective">The optimum of Σ artificials (0 when feasible, &gt; 0 when not).</param>
/// <param name="Pivots">Number of simplex pivots taken.</param>
public sealed record FeasibilityResult(bool IsFeasible, double[]? Solution, double[]? FarkasVector, double PhaseOneObjective, int Pivots);
