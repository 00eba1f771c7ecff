using ResearchKit.Numerics;

namespace ResearchKit.RandomMatrices;

/// <summary>
/// The integrable control: the eigenvalues of a diagonal random matrix, i.e. independent levels. Their spacings are
/// Poissonian after unfolding and their ⟨r̃⟩ is 2 ln 2 − 1 whatever the level density.
/// </summary>
/// <remarks>Berry &amp; Tabor (1977); Atas et al., PRL 110, 084101 (2013). Levi &amp; Oz (arXiv 2306.14975 v3, Sec. 3)
/// contrast chaotic (GOE) and integrable (Poisson) statistics. Used by notebook 01.</remarks>
public static class IntegrableLevels
{
    /// <summary>
    /// n independent levels with the power-law bulk of CGD: the diagonal entries λ = u^(−1−α) with u uniform on
    /// [1, n + 1], so that their rank-ordered values follow λ_i ≈ i^(−1−α) on average. Returned descending.
    /// </summary>
    /// <param name="count">n. Range: n ≥ 2.</param>
    /// <param name="alpha">α. Range: α &gt; −1.</param>
    /// <param name="random">Source of randomness.</param>
    public static double[] PowerLawDiagonal(int count, double alpha, Random random)
    {
        Guard.AtLeast(count, 2);
        Guard.InOpenRange(alpha, -1, double.PositiveInfinity);
        Guard.NotNull(random);
        var levels = new double[count];
        for (int i = 0; i < count; i++)
            levels[i] = Math.Pow(1 + count * random.NextDouble(), -1 - alpha);
        Array.Sort(levels);
        Array.Reverse(levels);
        return levels;
    }
}
