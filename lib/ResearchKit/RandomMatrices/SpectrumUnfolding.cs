using MathNet.Numerics;
using ResearchKit.Numerics;

namespace ResearchKit.RandomMatrices;

/// <summary>
/// Unfolding: the levels x_i are mapped through a smooth fit N̄ of their counting (staircase) function N(x), so that
/// the unfolded levels e_i = N̄(x_i) have unit mean spacing and local statistics can be compared with universal
/// laws.
/// </summary>
/// <remarks>
/// <para>The fit is a least-squares polynomial of degree k in t = log x (or in x), with t rescaled to [−1, 1] for
/// conditioning, fitted to the points (t_i, i − ½) of the sorted levels. The log variable suits the power-law
/// spectra of notebook 01, whose counting function is ∝ x^(−1/(1+α)) and therefore nearly linear in log x over the
/// bulk; a low degree (5–9) follows the density without following the fluctuations. Levi &amp; Oz
/// (arXiv 2306.14975 v3, Sec. 3, "unfolding") fit a polynomial to the cumulative spectral function as well;
/// they do not state the variable, the degree or what they do at the edges, and no code of theirs was found.</para>
/// <para><b>Monotone by construction (our choice).</b> A counting function is increasing, but a least-squares
/// polynomial need not be: where the staircase has long steps — independent, Poisson-like levels have many, most
/// harmfully at the sparse end of the window, where the polynomial is least constrained — the fit can turn over, and
/// the levels beyond the turn come out in the wrong order, as negative "spacings" (issue 9: 77 of the 78 400 spacings
/// of notebook 01's integrable control at d = 784, in 25 of its 200 spectra, the smallest −2.7 mean spacings). So the
/// unfolding is restricted to the stretch where the fit is monotone: the real zeros of N̄′ cut the fitted range into
/// pieces on which N̄′ has one sign; of the pieces with N̄′ &gt; 0 (neighbours that meet at a double zero count as one)
/// the one holding the most levels is kept, and the levels outside it are dropped — at most
/// <c>maxTrimFraction</c>·n of them, else the fit is an error. Where the fit is monotone over the whole range nothing changes
/// (in notebook 01: every synthetic and Fashion-MNIST window at d = 784; one level of 2 of the 120 synthetic spectra
/// at d = 200). Dropping edge levels ("trimming") is common RMT
/// practice; how many were dropped is reported (<see cref="UnfoldedSpectrum.TrimmedBelow"/>,
/// <see cref="UnfoldedSpectrum.TrimmedAbove"/>). Refitting after a trim does not cure it (the new end sits on the next
/// long step); lowering the degree until the fit is monotone gave the same statistics on the control but changes the
/// unfolding of the whole window. Used by notebook 01.</para>
/// </remarks>
public static class SpectrumUnfolding
{
    /// <summary>The default largest fraction of the levels that may be trimmed to make the fit monotone.</summary>
    public const double DefaultMaxTrimFraction = 0.1;

    /// <summary>Unfolds <paramref name="levels"/> (any order) with a monotone smoothed counting function.</summary>
    /// <param name="levels">The levels x_i. Range: at least degree + 2 finite values, at least degree + 1 of them
    /// distinct; all &gt; 0 when <paramref name="logScale"/>.</param>
    /// <param name="degree">k, the polynomial degree. Range: 1 ≤ k ≤ 15.</param>
    /// <param name="logScale">Fit in log x (true, for positive spectra) or in x.</param>
    /// <param name="maxTrimFraction">The largest fraction of the levels that may be dropped at the two ends together
    /// to make the fit monotone. Range: 0 ≤ fraction ≤ 0.5; 0 makes any non-monotone fit an error.</param>
    /// <returns>The unfolded levels of the levels kept, ascending and strictly increasing where the input levels are
    /// distinct; how many were dropped at each end.</returns>
    /// <exception cref="ArgumentException">The fit is not monotone after dropping the allowed number of edge levels
    /// (the message gives where N̄′ is smallest and its value; lower the degree or allow more trimming).</exception>
    public static UnfoldedSpectrum Unfold(IReadOnlyList<double> levels, int degree = 7, bool logScale = true, double maxTrimFraction = DefaultMaxTrimFraction)
    {
        Guard.AllFinite(levels);
        Guard.InRange(degree, 1, 15);
        Guard.InRange(maxTrimFraction, 0, 0.5);
        if (levels.Count < degree + 2)
            throw new ArgumentException($"levels has {levels.Count} values; allowed: at least degree + 2 = {degree + 2}.", nameof(levels));
        var sorted = levels.OrderBy(v => v).ToArray();
        if (logScale && !(sorted[0] > 0))
            throw new ArgumentOutOfRangeException(nameof(levels), sorted[0], $"min(levels) = {sorted[0]:G6}; allowed: all levels > 0 when logScale is true.");
        int n = sorted.Length;
        var t = sorted.Select(v => logScale ? Math.Log(v) : v).ToArray();
        if (!(t[n - 1] > t[0]))
            throw new ArgumentException("levels are all equal; allowed: at least two distinct values.", nameof(levels));
        // A polynomial of degree p through fewer than p + 1 distinct abscissae is not determined: the least-squares
        // solve is rank deficient and returns arbitrary (huge) "unfolded" levels.
        int distinct = 1;
        for (int i = 1; i < n; i++)
            if (t[i] != t[i - 1]) distinct++;
        if (distinct < degree + 1)
            throw new ArgumentException(
                $"levels has {distinct} distinct values (of {n}); allowed: at least degree + 1 = {degree + 1} distinct values for a degree-{degree} unfolding.",
                nameof(levels));
        double lo = t[0], hi = t[n - 1];
        var u = t.Select(v => 2 * (v - lo) / (hi - lo) - 1).ToArray();
        var counts = Enumerable.Range(0, n).Select(i => i + 0.5).ToArray();
        double[] coefficients = Fit.Polynomial(u, counts, degree);
        var (from, to) = LargestIncreasingStretch(coefficients, u);
        int kept = to - from, maxTrim = (int)Math.Floor(maxTrimFraction * n);
        if (n - kept > maxTrim || kept < 3)
        {
            var slope = new Polynomial(coefficients).Differentiate();
            int worst = Enumerable.Range(0, n).MinBy(i => slope.Evaluate(u[i]));
            throw new ArgumentException(
                $"the degree-{degree} smoothed counting function of levels is not monotone: its slope is {slope.Evaluate(u[worst]) * 2 / (hi - lo):G4} levels per unit " +
                $"at {(logScale ? "log x" : "x")} = {t[worst]:G6} (levels span {lo:G6} … {hi:G6}), and its longest increasing stretch holds {kept} of the {n} levels; " +
                $"allowed: at most maxTrimFraction·n = {maxTrim} levels outside it (lower the degree, or raise maxTrimFraction = {maxTrimFraction:G3}).",
                nameof(levels));
        }
        var unfolded = new double[kept];
        double rss = 0;
        for (int i = 0; i < kept; i++)
        {
            unfolded[i] = Polynomial.Evaluate(u[from + i], coefficients);
            rss += (counts[from + i] - unfolded[i]) * (counts[from + i] - unfolded[i]);
        }
        return new UnfoldedSpectrum(unfolded, degree, logScale, Math.Sqrt(rss / kept), from, n - to);
    }

    /// <summary>The levels [from, to) of the stretch of [−1, 1] on which p′ &gt; 0 (but at isolated zeros) that
    /// holds the most levels.</summary>
    private static (int From, int To) LargestIncreasingStretch(double[] coefficients, double[] u)
    {
        var slope = new Polynomial(coefficients).Differentiate();
        // Break points: the real zeros of p′ inside (−1, 1); nearly real ones too (a double zero can come back with a
        // tiny imaginary part) — a break point where p′ keeps its sign is merged away below.
        var cuts = new List<double> { -1 };
        if (slope.Degree >= 1)
            cuts.AddRange(slope.Roots()
                .Where(r => Math.Abs(r.Imaginary) <= 1e-6 * (1 + Math.Abs(r.Real)) && r.Real > -1 && r.Real < 1)
                .Select(r => r.Real));
        cuts.Add(1);
        cuts.Sort();
        int bestFrom = 0, bestTo = 0;
        double? start = null;
        for (int j = 0; j + 1 < cuts.Count; j++)
        {
            bool rising = slope.Evaluate(0.5 * (cuts[j] + cuts[j + 1])) > 0;
            if (rising && start is null) start = cuts[j];
            bool closes = start is not null && (!rising || j + 2 == cuts.Count);
            if (!closes) continue;
            double a = start!.Value, b = rising ? cuts[j + 1] : cuts[j];
            // The levels inside [a, b]; the ends of the stretch are kept only where p′ > 0 there (the range ends).
            int from = 0;
            while (from < u.Length && !(u[from] > a || (a == -1 && u[from] >= a))) from++;
            int to = from;
            while (to < u.Length && (u[to] < b || (b == 1 && u[to] <= b))) to++;
            if (to - from > bestTo - bestFrom) (bestFrom, bestTo) = (from, to);
            start = null;
        }
        return (bestFrom, bestTo);
    }
}
