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
    /// Minimises ½‖Σ yᵢxᵢ‖² over the simplex with the away-step Frank–Wolfe method (linear convergence on polytopes).
    /// Every iterate p = Σ yᵢxᵢ certifies M ≤ ‖p‖ (p is in the hull) and M ≥ min_i xᵢ·p/‖p‖ (p/‖p‖ is a direction);
    /// the method stops when the two bounds agree to <paramref name="relativeTolerance"/> or when the upper bound falls
    /// below 1e-12·max‖xᵢ‖ (origin in the hull). The margin enters the limiting accuracy
    /// ½[1 + erf(1/(σM√2))] of the constant-label model on separable data (arXiv 2410.04489, Sec. 3).
    /// </remarks>
    /// <param name="points">N×d matrix, one point per row; finite.</param>
    /// <param name="relativeTolerance">Target (Upper − Lower)/Upper. Range: 1e-12 ≤ tol ≤ 0.1.</param>
    /// <param name="maxIterations">Iteration cap (the bounds returned stay valid if it is reached). Range: ≥ 1.</param>
    public static OriginMarginResult OriginMargin(Matrix<double> points, double relativeTolerance = 1e-8, int maxIterations = 1_000_000)
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
        var y = new double[n];
        // start at the point of smallest norm
        int start = 0;
        double best = double.PositiveInfinity;
        for (int i = 0; i < n; i++)
        {
            double s2 = 0;
            for (int j = 0; j < d; j++) s2 += x[i][j] * x[i][j];
            if (s2 < best) { best = s2; start = i; }
        }
        y[start] = 1;
        var p = (double[])x[start].Clone();
        var dots = new double[n];
        var rowDots = new RowDotKernel(x, d); // the N·d products of each step, several rows at once, same sums
        var dir = new double[d];
        double lower = 0, upper = double.PositiveInfinity;
        var bestDirection = new double[d];
        int iter = 0;
        for (; iter < maxIterations; iter++)
        {
            double pp = 0;
            for (int j = 0; j < d; j++) pp += p[j] * p[j];
            double pn = Math.Sqrt(pp);
            upper = Math.Min(upper, pn);
            int s = 0, a = -1;
            double minDot = double.PositiveInfinity, maxActive = double.NegativeInfinity;
            rowDots.Dots(p, dots);
            for (int i = 0; i < n; i++)
            {
                double v = dots[i];
                if (v < minDot) { minDot = v; s = i; }
                if (y[i] > 0 && v > maxActive) { maxActive = v; a = i; }
            }
            if (pn > 0 && minDot / pn > lower)
            {
                lower = minDot / pn;
                for (int j = 0; j < d; j++) bestDirection[j] = p[j] / pn;
            }
            if (upper <= 1e-12 * maxNorm || (upper - lower) <= relativeTolerance * upper) break;
            double gapFw = pp - minDot, gapAway = maxActive - pp;
            bool forward = gapFw >= gapAway || a < 0;
            double gammaMax;
            if (forward)
            {
                for (int j = 0; j < d; j++) dir[j] = x[s][j] - p[j];
                gammaMax = 1;
            }
            else
            {
                for (int j = 0; j < d; j++) dir[j] = p[j] - x[a][j];
                gammaMax = y[a] < 1 ? y[a] / (1 - y[a]) : double.PositiveInfinity;
            }
            double dd = 0, pd = 0;
            for (int j = 0; j < d; j++) { dd += dir[j] * dir[j]; pd += p[j] * dir[j]; }
            if (dd == 0) break;
            double gamma = Math.Clamp(-pd / dd, 0, gammaMax);
            if (gamma == 0) break;
            for (int j = 0; j < d; j++) p[j] += gamma * dir[j];
            if (forward)
            {
                for (int i = 0; i < n; i++) y[i] *= 1 - gamma;
                y[s] += gamma;
            }
            else
            {
                for (int i = 0; i < n; i++) y[i] *= 1 + gamma;
                y[a] -= gamma;
                if (y[a] < 1e-15) y[a] = 0;
            }
        }
        return new OriginMarginResult(Math.Max(0, lower), upper, bestDirection, iter);
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
