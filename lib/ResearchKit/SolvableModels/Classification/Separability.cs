using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// Linear separability from the origin: Wendel's probability, an exact LP test on a given point set, a Monte-Carlo
/// estimate, and the limiting accuracy of the constant-label model on separable data.
/// </summary>
/// <remarks>
/// Beck, Levi &amp; Bar-Sinai, "Grokking at the Edge of Linear Separability" (arXiv 2410.04489): the constant-label model
/// generalises perfectly iff its training set is not separable from the origin, whose probability is Wendel's
/// P_sep(N, d); the critical point is λ = d/N = ½. Used in notebooks 03 and 05.
/// </remarks>
public static class Separability
{
    /// <summary>
    /// Wendel's theorem: the probability that N points drawn from a distribution symmetric about the origin (in general
    /// position) in R^d lie in an open half-space through the origin, P_sep(N, d) = 2^(1−N) Σ_{k=0}^{d−1} C(N−1, k).
    /// Summed in log space, so it is accurate for large N (no overflow, no cancellation).
    /// </summary>
    /// <param name="sampleCount">N. Range: N ≥ 1.</param>
    /// <param name="dimension">d. Range: d ≥ 1.</param>
    public static double WendelProbability(int sampleCount, int dimension)
    {
        Guard.Positive(sampleCount);
        Guard.Positive(dimension);
        if (dimension >= sampleCount) return 1.0;
        int n1 = sampleCount - 1;
        // For d − 1 ≤ (N − 1)/2 the last term C(N−1, d−1) is the largest; sum the others relative to it through the
        // ratios C(N−1, k−1)/C(N−1, k) = k/(N − k), which stay ≤ 1 (no overflow). Beyond the middle use the symmetry
        // P(N, d) = 1 − P(N, N − d) + 2^(1−N)·(terms counted twice), handled by summing the complement instead.
        if (dimension - 1 > n1 / 2.0)
            return 1 - WendelTail(n1, dimension);
        double sum = 0, term = 1;
        for (int k = dimension - 1; k >= 0; k--)
        {
            sum += term;
            term *= k / (double)(n1 - k + 1);
            if (term < 1e-18 * sum) break;
        }
        double logP = (1 - sampleCount) * Math.Log(2) + SpecialFunctions.BinomialLn(n1, dimension - 1) + Math.Log(sum);
        return Math.Min(1.0, Math.Exp(logP));
    }

    /// <summary>2^(1−N) Σ_{k=d}^{N−1} C(N−1, k), summed from its largest term k = d downwards in ratio.</summary>
    private static double WendelTail(int n1, int dimension)
    {
        double sum = 0, term = 1;
        for (int k = dimension; k <= n1; k++)
        {
            sum += term;
            term *= (n1 - k) / (double)(k + 1);
            if (term < 1e-18 * sum) break;
        }
        return Math.Exp(-n1 * Math.Log(2) + SpecialFunctions.BinomialLn(n1, dimension) + Math.Log(sum));
    }

    /// <summary>
    /// Decides exactly (by linear programming) whether the rows xᵢ of <paramref name="points"/> are separable from the
    /// origin, i.e. whether some w has w·xᵢ &gt; 0 for all i.
    /// </summary>
    /// <remarks>
    /// Gordan's alternative: either some w has w·xᵢ ≥ 1 for all i (separable; by homogeneity this is the same as
    /// w·xᵢ &gt; 0), or the origin is a convex combination Σyᵢxᵢ = 0, yᵢ ≥ 0, Σyᵢ = 1 — never both. Phase one of the
    /// simplex method (<see cref="PhaseOneSimplex"/>, which terminates) decides the first system; when it is infeasible
    /// its Farkas vector is exactly such a y. Either certificate is checked before returning, and an unconfirmed
    /// certificate throws rather than guessing.
    /// </remarks>
    /// <param name="points">N×d matrix, one point per row; finite, N ≥ 1, d ≥ 1.</param>
    /// <exception cref="InvalidOperationException">The certificate failed its check (numerically degenerate input).</exception>
    public static SeparabilityResult TestFromOrigin(Matrix<double> points)
    {
        Guard.NotNull(points);
        int n = points.RowCount, d = points.ColumnCount;
        Guard.Positive(n, "points rows");
        Guard.Positive(d, "points columns");
        double maxNorm = 0;
        for (int i = 0; i < n; i++)
        {
            double s = 0;
            for (int j = 0; j < d; j++)
            {
                double v = points[i, j];
                if (!double.IsFinite(v))
                    throw new ArgumentException($"points[{i},{j}] = {v} is not finite; allowed: every element finite.", nameof(points));
                s += v * v;
            }
            maxNorm = Math.Max(maxNorm, Math.Sqrt(s));
        }
        if (maxNorm == 0)
            return new SeparabilityResult(false, null, Enumerable.Repeat(1.0 / n, n).ToArray(), 0, 0);

        // Primal system: w = u − v with xᵢ·w − sᵢ = 1, u, v, s ≥ 0 (by homogeneity, feasible iff separable).
        // Points are scaled by the largest norm so that the tolerances are relative.
        var rows = new List<double[]>(n);
        for (int i = 0; i < n; i++)
        {
            var r = new double[2 * d + n];
            for (int j = 0; j < d; j++)
            {
                double v = points[i, j] / maxNorm;
                r[j] = v;
                r[d + j] = -v;
            }
            r[2 * d + i] = -1;
            rows.Add(r);
        }
        var c = Enumerable.Repeat(1.0, n).ToArray();
        var lp = PhaseOneSimplex.Solve(rows, c);
        if (lp.IsFeasible)
        {
            var sol = lp.Solution!;
            var w = new double[d];
            double wn = 0;
            for (int j = 0; j < d; j++) { w[j] = sol[j] - sol[d + j]; wn += w[j] * w[j]; }
            wn = Math.Sqrt(wn);
            double minDot = double.PositiveInfinity;
            for (int i = 0; i < n; i++)
            {
                double acc = 0;
                for (int j = 0; j < d; j++) acc += w[j] * points[i, j];
                minDot = Math.Min(minDot, acc);
            }
            double rel = wn > 0 ? minDot / (wn * maxNorm) : double.NaN;
            if (!(rel > 0))
                throw new InvalidOperationException($"Separability: separating certificate failed its check (min w·x/‖w‖‖x‖ = {rel}).");
            return new SeparabilityResult(true, w, null, rel, lp.Pivots);
        }
        // Farkas: π with Xᵀπ ≤ 0, −Xᵀπ ≤ 0, −π ≤ 0 and Σπ > 0, i.e. π ≥ 0, Xᵀπ = 0: the origin is in the hull.
        var pi = lp.FarkasVector!;
        double total = 0;
        for (int i = 0; i < n; i++) total += Math.Max(0, pi[i]);
        var y = new double[n];
        for (int i = 0; i < n; i++) y[i] = Math.Max(0, pi[i]) / total;
        double resid = 0;
        for (int j = 0; j < d; j++)
        {
            double acc = 0;
            for (int i = 0; i < n; i++) acc += y[i] * points[i, j] / maxNorm;
            resid += acc * acc;
        }
        resid = Math.Sqrt(resid);
        double negative = pi.Min();
        if (!(total > 0 && resid < 1e-7 && negative > -1e-9 * total))
            throw new InvalidOperationException($"Separability: hull certificate failed its check (‖Σyx‖/max‖x‖ = {resid}, min π = {negative}).");
        return new SeparabilityResult(false, null, y, resid, lp.Pivots);
    }

    /// <summary>
    /// Monte-Carlo estimate of P_sep(N, d) for standard Gaussian points, with the exact LP test on each draw.
    /// Trials run in parallel with one generator per trial derived from <paramref name="seed"/> (thread-count independent).
    /// </summary>
    /// <param name="sampleCount">N. Range: 1 ≤ N ≤ 2000.</param>
    /// <param name="dimension">d. Range: 1 ≤ d ≤ 1000.</param>
    /// <param name="trials">Number of point sets. Range: ≥ 1.</param>
    /// <param name="seed">Seed of the random streams.</param>
    public static SeparabilityEstimate MonteCarlo(int sampleCount, int dimension, int trials, int seed)
    {
        Guard.InRange(sampleCount, 1, 2000);
        Guard.InRange(dimension, 1, 1000);
        Guard.Positive(trials);
        var separable = new int[trials];
        Parallel.For(0, trials, trial =>
        {
            var rng = SeedSequence.Create(seed, trial, 1000L * sampleCount + dimension);
            var x = Matrix<double>.Build.Dense(sampleCount, dimension);
            for (int i = 0; i < sampleCount; i++)
                for (int j = 0; j < dimension; j++)
                    x[i, j] = Normal.Sample(rng, 0, 1);
            separable[trial] = TestFromOrigin(x).IsSeparable ? 1 : 0;
        });
        int count = separable.Sum();
        double p = (double)count / trials;
        return new SeparabilityEstimate(sampleCount, dimension, trials, count, p, Math.Sqrt(p * (1 - p) / trials),
            WendelProbability(sampleCount, dimension));
    }

    /// <summary>
    /// The hard margin from the origin M = max_{‖w‖=1} min_i w·xᵢ of the rows of <paramref name="points"/>, by
    /// duality the distance from the origin to their convex hull (0 when the origin is inside: not separable).
    /// </summary>
    /// <remarks>
    /// Wolfe's minimum-norm-point algorithm (P. Wolfe, "Finding the nearest point in a polytope", Math. Programming 11,
    /// 1976), an active-set method that terminates in finitely many steps with the exact minimiser p = Σ yᵢxᵢ of ‖p‖
    /// over the hull (up to rounding). It keeps a "corral" S of affinely independent points with p in its relative
    /// interior; a major cycle adds the point xⱼ of smallest xⱼ·p; minor cycles move p to the affine minimiser of S
    /// (solved through the Cholesky factor of [xᵢ·xⱼ + 1]_{i,j∈S}, updated as S grows or shrinks) and drop the points
    /// whose weight reaches zero on the way. Every iterate certifies M ≤ ‖p‖ (p is in the hull) and
    /// M ≥ min_i xᵢ·p/‖p‖ (p/‖p‖ is a direction); the method stops when the two bounds agree to
    /// <paramref name="relativeTolerance"/> (<see cref="OriginMarginResult.Converged"/>), when the upper bound falls
    /// below 1e-12·max‖xᵢ‖ (origin in the hull: M = 0, converged), when no further progress is possible in floating
    /// point (converged if the gap ‖p‖² − min xⱼ·p is then within 16·d·ε·max‖xᵢ‖² of rounding, as for margins far
    /// below max‖xᵢ‖; otherwise not), or, not converged, when the cycle cap is reached. The margin enters the limiting accuracy
    /// ½[1 + erf(1/(σM√2))] of the constant-label model on separable data (arXiv 2410.04489, Sec. 3).
    /// Until 2026-12-02 this was an away-step Frank–Wolfe iteration, which on notebook 03's Fig. 1 set (N = 600,
    /// d = 312, σ = 5) stopped at its 10⁶-step cap with the bounds 0.7 % apart.
    /// </remarks>
    /// <param name="points">N×d matrix, one point per row; finite.</param>
    /// <param name="relativeTolerance">Target (Upper − Lower)/Upper. Range: 1e-12 ≤ tol ≤ 0.1.</param>
    /// <param name="maxIterations">Cap on Wolfe's major plus minor cycles (the bounds returned stay valid if it is reached,
    /// and <see cref="OriginMarginResult.Converged"/> is then false). Range: ≥ 1.</param>
    public static OriginMarginResult OriginMargin(Matrix<double> points, double relativeTolerance = 1e-8, int maxIterations = 100_000)
    {
        Guard.NotNull(points);
        Guard.InRange(relativeTolerance, 1e-12, 0.1);
        Guard.Positive(maxIterations);
        int n = points.RowCount, d = points.ColumnCount;
        Guard.Positive(n, "points rows");
        Guard.Positive(d, "points columns");
        var x = new double[n][];
        double maxNorm = 0;
        for (int i = 0; i < n; i++)
        {
            x[i] = new double[d];
            double s2 = 0;
            for (int j = 0; j < d; j++)
            {
                double v = points[i, j];
                if (!double.IsFinite(v))
                    throw new ArgumentException($"points[{i},{j}] = {v} is not finite; allowed: every element finite.", nameof(points));
                x[i][j] = v;
                s2 += v * v;
            }
            maxNorm = Math.Max(maxNorm, Math.Sqrt(s2));
        }
        if (maxNorm == 0)
            return new OriginMarginResult(0, 0, new double[d], 0, true);
        // Work with the points scaled to max‖xᵢ‖ = 1, so that the "+1" of the affine system is of the points' size.
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) x[i][j] /= maxNorm;
        var sq = new double[n];
        for (int i = 0; i < n; i++) { double s2 = 0; for (int j = 0; j < d; j++) s2 += x[i][j] * x[i][j]; sq[i] = s2; }
        int start = 0;
        for (int i = 1; i < n; i++) if (sq[i] < sq[start]) start = i;

        var corral = new List<int> { start };          // S, in the order of the Cholesky factor
        var weight = new List<double> { 1.0 };         // y on S (positive, summing to 1)
        var chol = new CholeskyRows();
        chol.Append(new[] { sq[start] + 1 });
        var inCorral = new bool[n];
        inCorral[start] = true;
        var p = (double[])x[start].Clone();
        var dots = new double[n];
        var rowDots = new RowDotKernel(x, d);
        var bestDirection = new double[d];
        double lower = 0, upper = double.PositiveInfinity;
        bool converged = false;
        double roundingFloor = 16 * d * 2.220446049250313e-16;   // 16·d·ε, ε the unit roundoff of double
        int cycles = 0;
        while (cycles < maxIterations)
        {
            // Major cycle: bounds from p, then the point of smallest xⱼ·p joins S.
            cycles++;
            double pp = 0;
            for (int j = 0; j < d; j++) pp += p[j] * p[j];
            double pn = Math.Sqrt(pp);
            upper = Math.Min(upper, pn);
            rowDots.Dots(p, dots);
            int entering = 0;
            for (int i = 1; i < n; i++) if (dots[i] < dots[entering]) entering = i;
            double minDot = dots[entering];
            if (pn > 0 && minDot / pn > lower)
            {
                lower = minDot / pn;
                for (int j = 0; j < d; j++) bestDirection[j] = p[j] / pn;
            }
            if (upper <= 1e-12 || (upper - lower) <= relativeTolerance * upper) { converged = true; break; }
            // No descent left in floating point: converged if the gap pp − min xⱼ·p is at the rounding level of the
            // dot products of the scaled points (16·d·ε; a tiny margin cannot be bracketed relatively more tightly).
            if (inCorral[entering] || minDot >= pp) { converged = pp - minDot <= roundingFloor; break; }
            var g = new double[corral.Count + 1];
            for (int k = 0; k < corral.Count; k++)
            {
                var xk = x[corral[k]]; var xe = x[entering];
                double s2 = 0;
                for (int j = 0; j < d; j++) s2 += xk[j] * xe[j];
                g[k] = s2 + 1;
            }
            g[^1] = sq[entering] + 1;
            if (!chol.Append(g)) { converged = pp - minDot <= roundingFloor; break; }   // affinely dependent in floating point
            corral.Add(entering); weight.Add(0); inCorral[entering] = true;
            // Minor cycles: move towards the affine minimiser of S, dropping points whose weight reaches zero.
            bool stalled = false;
            while (true)
            {
                cycles++;
                var alpha = chol.SolveOnes();
                double total = 0;
                foreach (double a in alpha) total += a;
                if (!(total > 0) || !double.IsFinite(total)) { stalled = true; break; }
                for (int k = 0; k < alpha.Length; k++) alpha[k] /= total;
                double theta = 1;
                int leaving = -1;
                for (int k = 0; k < alpha.Length; k++)
                {
                    if (alpha[k] > 1e-14) continue;
                    double t = weight[k] / (weight[k] - alpha[k]);
                    if (t < theta) { theta = t; leaving = k; }
                }
                if (leaving < 0)
                {
                    for (int k = 0; k < alpha.Length; k++) weight[k] = alpha[k];
                    break;
                }
                if (theta <= 0 && corral[leaving] == entering) { stalled = true; break; }   // the new point cannot enter: rounding
                for (int k = 0; k < alpha.Length; k++) weight[k] = (1 - theta) * weight[k] + theta * alpha[k];
                weight[leaving] = 0;
                for (int k = weight.Count - 1; k >= 0; k--)
                {
                    if (weight[k] > 1e-15) continue;
                    inCorral[corral[k]] = false;
                    corral.RemoveAt(k); weight.RemoveAt(k); chol.Remove(k);
                }
                if (corral.Count == 0 || cycles >= maxIterations) { stalled = true; break; }
                double sum = 0;
                foreach (double w in weight) sum += w;
                for (int k = 0; k < weight.Count; k++) weight[k] /= sum;
            }
            if (stalled) { converged = pp - minDot <= roundingFloor; break; }
            Array.Clear(p);
            for (int k = 0; k < corral.Count; k++)
            {
                var xk = x[corral[k]]; double wk = weight[k];
                for (int j = 0; j < d; j++) p[j] += wk * xk[j];
            }
        }
        // Lower and Upper bound the margin of the scaled points; rescale (the direction is scale-free).
        double lo = Math.Max(0, lower) * maxNorm, up = upper * maxNorm;
        return new OriginMarginResult(lo, Math.Max(lo, up), bestDirection, cycles, converged);
    }

    /// <summary>
    /// The lower Cholesky factor L of a growing and shrinking symmetric positive-definite matrix A = LLᵀ, row by row:
    /// appending a row/column costs O(k²) (a forward substitution), removing one O(k²) (a rank-one update of the block
    /// below it). Used by Wolfe's algorithm in <see cref="OriginMargin"/>.
    /// </summary>
    private sealed class CholeskyRows
    {
        private readonly List<double[]> _rows = new();   // row i holds L[i, 0..i]

        /// <summary>Appends the last row (A[k, 0..k]) of the grown matrix; false (unchanged) if it is not positive definite.</summary>
        public bool Append(double[] column)
        {
            int k = _rows.Count;
            var row = new double[k + 1];
            double s2 = 0;
            for (int i = 0; i < k; i++)
            {
                var li = _rows[i];
                double v = column[i];
                for (int j = 0; j < i; j++) v -= li[j] * row[j];
                row[i] = v / li[i];
                s2 += row[i] * row[i];
            }
            double diag = column[k] - s2;
            if (!(diag > 1e-13 * column[k])) return false;
            row[k] = Math.Sqrt(diag);
            _rows.Add(row);
            return true;
        }

        /// <summary>Removes row and column r of A.</summary>
        public void Remove(int r)
        {
            int k = _rows.Count;
            // Rows below r lose their entry r; that column (l32) is folded into the block below by a rank-one update.
            var u = new double[k - r - 1];
            for (int i = r + 1; i < k; i++) u[i - r - 1] = _rows[i][r];
            _rows.RemoveAt(r);
            for (int i = r; i < k - 1; i++)
            {
                var old = _rows[i];
                var row = new double[i + 1];
                Array.Copy(old, 0, row, 0, r);
                Array.Copy(old, r + 1, row, r, i + 1 - r);
                _rows[i] = row;
            }
            // Rank-one update of the trailing block (rows and columns r..k−2) by u uᵀ.
            for (int c = 0; c < u.Length; c++)
            {
                int col = r + c;
                double lcc = _rows[col][col];
                double rr = Math.Sqrt(lcc * lcc + u[c] * u[c]);
                double cs = rr / lcc, sn = u[c] / lcc;
                _rows[col][col] = rr;
                for (int i = c + 1; i < u.Length; i++)
                {
                    var li = _rows[r + i];
                    li[col] = (li[col] + sn * u[i]) / cs;
                    u[i] = cs * u[i] - sn * li[col];
                }
            }
        }

        /// <summary>Solves A v = 1 (the vector of ones).</summary>
        public double[] SolveOnes()
        {
            int k = _rows.Count;
            var z = new double[k];
            for (int i = 0; i < k; i++)
            {
                var li = _rows[i];
                double v = 1;
                for (int j = 0; j < i; j++) v -= li[j] * z[j];
                z[i] = v / li[i];
            }
            for (int i = k - 1; i >= 0; i--)
            {
                double v = z[i];
                for (int j = i + 1; j < k; j++) v -= _rows[j][i] * z[j];
                z[i] = v / _rows[i][i];
            }
            return z;
        }
    }

    /// <summary>
    /// Limiting test accuracy of the constant-label model trained on a training set separable from the origin with
    /// margin M, for Gaussian test points of scale σ: ½[1 + erf(1/(σM√2))].
    /// </summary>
    /// <param name="noiseScale">σ, the test points' standard deviation per coordinate. Range: σ &gt; 0.</param>
    /// <param name="margin">M, the hard margin of the training set from the origin (data units). Range: M &gt; 0.</param>
    public static double LimitingAccuracy(double noiseScale, double margin)
    {
        Guard.Positive(noiseScale);
        Guard.Positive(margin);
        return 0.5 * (1 + SpecialFunctions.Erf(1 / (noiseScale * margin * Math.Sqrt(2))));
    }
}
