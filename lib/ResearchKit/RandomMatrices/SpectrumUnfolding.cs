using MathNet.Numerics;
using ResearchKit.Numerics;

namespace ResearchKit.RandomMatrices;

/// <summary>
/// Unfolding: the levels x_i are mapped through a smooth fit N̄ of their counting (staircase) function N(x), so that
/// the unfolded levels e_i = N̄(x_i) have unit mean spacing and local statistics can be compared with universal
/// laws.
/// </summary>
/// <remarks>
/// The fit is a least-squares polynomial of degree k in t = log x (or in x), with t rescaled to [−1, 1] for
/// conditioning, fitted to the points (t_i, i − ½) of the sorted levels. The log variable suits the power-law
/// spectra of notebook 01, whose counting function is ∝ x^(−1/(1+α)) and therefore nearly linear in log x over the
/// bulk; a low degree (5–9) follows the density without following the fluctuations. Levi &amp; Oz
/// (arXiv 2306.14975 v3, Sec. 3, "unfolding") fit a polynomial to the cumulative spectral function as well;
/// they do not state the variable or the degree. Used by notebook 01.
/// </remarks>
public static class SpectrumUnfolding
{
    /// <summary>Unfolds <paramref name="levels"/> (any order).</summary>
    /// <param name="levels">The levels x_i. Range: at least degree + 2 finite values; all &gt; 0 when
    /// <paramref name="logScale"/>.</param>
    /// <param name="degree">k, the polynomial degree. Range: 1 ≤ k ≤ 15.</param>
    /// <param name="logScale">Fit in log x (true, for positive spectra) or in x.</param>
    public static UnfoldedSpectrum Unfold(IReadOnlyList<double> levels, int degree = 7, bool logScale = true)
    {
        Guard.AllFinite(levels);
        Guard.InRange(degree, 1, 15);
        if (levels.Count < degree + 2)
            throw new ArgumentException($"levels has {levels.Count} values; allowed: at least degree + 2 = {degree + 2}.", nameof(levels));
        var sorted = levels.OrderBy(v => v).ToArray();
        if (logScale && !(sorted[0] > 0))
            throw new ArgumentOutOfRangeException(nameof(levels), sorted[0], $"min(levels) = {sorted[0]:G6}; allowed: all levels > 0 when logScale is true.");
        int n = sorted.Length;
        var t = sorted.Select(v => logScale ? Math.Log(v) : v).ToArray();
        double lo = t[0], hi = t[n - 1];
        if (!(hi > lo))
            throw new ArgumentException("levels are all equal; allowed: at least two distinct values.", nameof(levels));
        var u = t.Select(v => 2 * (v - lo) / (hi - lo) - 1).ToArray();
        // A polynomial of degree p through fewer than p + 1 distinct abscissae is not determined: the least-squares
        // solve is rank deficient and returns arbitrary (huge) "unfolded" levels.
        int distinct = 1;
        for (int i = 1; i < n; i++)
            if (u[i] != u[i - 1]) distinct++;
        if (distinct < degree + 1)
            throw new ArgumentException(
                $"levels has {distinct} distinct values (of {n}); allowed: at least degree + 1 = {degree + 1} distinct values for a degree-{degree} unfolding.",
                nameof(levels));
        var counts = Enumerable.Range(0, n).Select(i => i + 0.5).ToArray();
        double[] coefficients = Fit.Polynomial(u, counts, degree);
        var unfolded = u.Select(v => Polynomial.Evaluate(v, coefficients)).ToArray();
        double rss = 0;
        for (int i = 0; i < n; i++) rss += Math.Pow(counts[i] - unfolded[i], 2);
        return new UnfoldedSpectrum(unfolded, degree, logScale, Math.Sqrt(rss / n));
    }
}
