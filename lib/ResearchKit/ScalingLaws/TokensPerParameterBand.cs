namespace ResearchKit.ScalingLaws;

/// <summary>The spread of the compute-optimal D*/N* over compute budgets, from parameter draws.</summary>
/// <param name="Compute">C (FLOP), as given.</param>
/// <param name="Median">Median of D*/N* over the finite draws at each C.</param>
/// <param name="Lower">Lower quantile (default 10%) at each C.</param>
/// <param name="Upper">Upper quantile (default 90%) at each C.</param>
/// <param name="Draws">Number of parameter draws.</param>
/// <param name="NonFiniteDraws">Draws without a law (α ≤ 0, β ≤ 0) or with a non-finite D*/N*, left out of every quantile.
/// NumPy's median of such a set is NaN, which is why the authors' files show NaN where this is &gt; 0.</param>
/// <remarks>Schaeffer, Levi et al. 2025 (arXiv 2509.23963), Fig. 2 bottom and Fig. 5. Notebook 10.</remarks>
public sealed record TokensPerParameterBand(IReadOnlyList<double> Compute, IReadOnlyList<double> Median, IReadOnlyList<double> Lower,
    IReadOnlyList<double> Upper, int Draws, int NonFiniteDraws);
