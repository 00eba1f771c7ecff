using System.Numerics;

namespace ResearchKit.Numerics;

/// <summary>
/// Exact-in-principle feasibility test for the standard-form system A y = c, y ≥ 0, by phase one of the dense tableau
/// simplex method: Dantzig's most-negative reduced cost, falling back to Bland's rule during runs of degenerate pivots.
/// </summary>
/// <remarks>
/// <para>Termination: a non-degenerate pivot strictly lowers the objective, so no basis recurs across one and there are
/// finitely many of them; cycling can only happen inside a run of degenerate pivots, and after a few of those the
/// entering column is chosen by Bland's smallest-index rule, which cannot cycle — so every run ends, and the method
/// stops after finitely many pivots. Floating-point pivots use a relative tolerance; to make the answer trustworthy
/// anyway, both outcomes return a certificate that the caller (and the tests) can check directly: a solution y ≥ 0 with
/// small residual, or a Farkas vector π with Aᵀπ ≤ 0, cᵀπ &gt; 0.</para>
/// <para>Used by <see cref="ResearchKit.SolvableModels.Separability"/> (notebook 03).</para>
/// </remarks>
public static class PhaseOneSimplex
{
    /// <summary>Decides whether A y = c has a solution y ≥ 0.</summary>
    /// <param name="a">A, an m×n matrix given as rows (m ≥ 1 rows of equal length n ≥ 1), all finite.</param>
    /// <param name="c">c, length m, finite.</param>
    /// <param name="tolerance">Relative pivot and optimality tolerance. Range: 0 &lt; tol &lt; 1e-3.</param>
    public static FeasibilityResult Solve(IReadOnlyList<double[]> a, double[] c, double tolerance = 1e-10)
    {
        Guard.NotEmpty(a);
        Guard.AllFinite(c);
        Guard.InOpenRange(tolerance, 0, 1e-3);
        int m = a.Count;
        Guard.SameLength(c.Length, m, nameof(c), "rows of a");
        int n = Guard.NotNull(a[0]).Length;
        Guard.Positive(n, "columns of a");
        for (int i = 0; i < m; i++)
        {
            Guard.AllFinite(a[i], $"a[{i}]");
            Guard.SameLength(a[i].Length, n, $"a[{i}]", "a[0]");
        }

        // Tableau columns: n structural, m artificial, then the right-hand side. Rows with negative c are negated
        // so that the artificial basis starts feasible; the sign is remembered for the Farkas vector.
        int width = n + m + 1;
        var t = new Tableau(m + 1, width);
        var sign = new double[m];
        double scale = 1;
        for (int i = 0; i < m; i++)
        {
            sign[i] = c[i] < 0 ? -1 : 1;
            for (int j = 0; j < n; j++)
            {
                t[i, j] = sign[i] * a[i][j];
                scale = Math.Max(scale, Math.Abs(a[i][j]));
            }
            t[i, n + i] = 1;
            t[i, width - 1] = sign[i] * c[i];
        }
        var basis = new int[m];
        for (int i = 0; i < m; i++) basis[i] = n + i;
        // Objective row: reduced costs of min Σ artificials, i.e. −Σ rows over structural columns.
        for (int j = 0; j < width; j++)
        {
            if (j >= n && j < n + m) continue;
            double s = 0;
            for (int i = 0; i < m; i++) s += t[i, j];
            t[m, j] = -s;
        }
        double tol = tolerance * scale;
        int pivots = 0, degenerateRun = 0;
        while (true)
        {
            int enter = -1;
            if (degenerateRun >= 5)
            {
                for (int j = 0; j < n + m; j++)
                    if (t[m, j] < -tol) { enter = j; break; } // Bland: smallest index with negative reduced cost
            }
            else
            {
                double most = -tol;
                for (int j = 0; j < n + m; j++)
                    if (t[m, j] < most) { most = t[m, j]; enter = j; } // Dantzig
            }
            if (enter < 0) break;
            int leave = -1;
            double best = double.PositiveInfinity;
            for (int i = 0; i < m; i++)
            {
                if (t[i, enter] > tol)
                {
                    double ratio = t[i, width - 1] / t[i, enter];
                    if (ratio < best - 1e-15 || (Math.Abs(ratio - best) <= 1e-15 && basis[i] < basis[leave]))
                    {
                        best = ratio;
                        leave = i;
                    }
                }
            }
            if (leave < 0) break; // cannot happen for a bounded phase-one problem; stop rather than loop
            degenerateRun = best <= tol ? degenerateRun + 1 : 0;
            Pivot(t, leave, enter, m, width);
            basis[leave] = enter;
            pivots++;
        }

        double objective = -t[m, width - 1];
        double rhsScale = 1;
        for (int i = 0; i < m; i++) rhsScale = Math.Max(rhsScale, Math.Abs(c[i]));
        if (objective <= 1e3 * tolerance * rhsScale * scale)
        {
            var y = new double[n];
            for (int i = 0; i < m; i++)
                if (basis[i] < n) y[basis[i]] = Math.Max(0, t[i, width - 1]);
            return new FeasibilityResult(true, y, null, Math.Max(objective, 0), pivots);
        }
        // The objective row is (cost) − π̂ᵀ[Â I ĉ] for the basis multipliers π̂, so artificial column i holds 1 − π̂_i.
        // Optimality gives Âᵀπ̂ ≤ 0 and π̂ᵀĉ = objective > 0; undoing the row signs gives the Farkas vector for (A, c).
        var pi = new double[m];
        for (int i = 0; i < m; i++) pi[i] = sign[i] * (1 - t[m, n + i]);
        return new FeasibilityResult(false, null, pi, objective, pivots);
    }

    /// <summary>
    /// The pivot on (row, col): the pivot row divided by its pivot, then t[i, j] −= t[i, col]·t[row, j] for every other
    /// row i with t[i, col] ≠ 0. Element by element the same divisions, products and differences as the plain double
    /// loop, several columns per instruction (a multiply and a subtract, never fused).
    /// </summary>
    private static void Pivot(Tableau t, int row, int col, int m, int width)
    {
        double p = t[row, col];
        var pivotRow = t.Row(row);
        int w = Vector<double>.Count, j = 0;
        var vp = new Vector<double>(p);
        for (; j <= width - w; j += w) (new Vector<double>(pivotRow.Slice(j, w)) / vp).CopyTo(pivotRow.Slice(j, w));
        for (; j < width; j++) pivotRow[j] /= p;
        for (int i = 0; i <= m; i++)
        {
            if (i == row) continue;
            double f = t[i, col];
            if (f == 0) continue;
            var target = t.Row(i);
            var vf = new Vector<double>(f);
            for (j = 0; j <= width - w; j += w)
                (new Vector<double>(target.Slice(j, w)) - vf * new Vector<double>(pivotRow.Slice(j, w))).CopyTo(target.Slice(j, w));
            for (; j < width; j++) target[j] -= f * pivotRow[j];
        }
    }

    /// <summary>A dense row-major tableau (rows contiguous, so that a pivot streams through them).</summary>
    private sealed class Tableau(int rows, int width)
    {
        private readonly double[] _cells = new double[checked(rows * width)];

        public ref double this[int i, int j] => ref _cells[i * width + j];

        public Span<double> Row(int i) => _cells.AsSpan(i * width, width);
    }
}
