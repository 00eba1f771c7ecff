using MathNet.Numerics.LinearAlgebra;

namespace ResearchKit.Numerics;

/// <summary>
/// Damped Gauss–Newton (Levenberg–Marquardt) least squares: minimises Σᵢ rᵢ(p)² for residuals r = y − f(p), with
/// the damping added in proportion to the diagonal of JᵀJ (Marquardt's scaling), and the usual standard errors from
/// the inverse of JᵀJ at the optimum.
/// </summary>
/// <remarks>Shared by the S-curve fitters of notebook 04 (<c>SolvableModels.SCurveFit</c>, <c>SolvableModels.SharedSCurveFit</c>).</remarks>
public static class LevenbergMarquardt
{
    /// <summary>Minimises the residual sum of squares from <paramref name="start"/>.</summary>
    /// <param name="start">Starting parameters p₀. Range: at least one, finite.</param>
    /// <param name="residuals">r(p) = y − f(p), one entry per observation, in a fixed order.</param>
    /// <param name="modelJacobian">J(p) = ∂f/∂p, observations × parameters.</param>
    /// <param name="maxIterations">Iteration limit. Range: ≥ 1.</param>
    /// <exception cref="ArgumentException">Non-finite residuals at the start, or a Jacobian whose shape is not
    /// observations × parameters.</exception>
    /// <param name="tolerance">Stop when the largest relative parameter change is below it, or the relative decrease of the sum of squares below its square. Range: 0 &lt; tol &lt; 0.1.</param>
    public static LevenbergMarquardtResult Minimize(IReadOnlyList<double> start, Func<double[], double[]> residuals, Func<double[], Matrix<double>> modelJacobian,
        int maxIterations, double tolerance)
    {
        Guard.AllFinite(start);
        Guard.NotNull(residuals);
        Guard.NotNull(modelJacobian);
        Guard.Positive(maxIterations);
        Guard.InOpenRange(tolerance, 0, 0.1);
        int m = start.Count;
        double[] p = start.ToArray();
        double[] r0 = residuals(p);
        Guard.NotNull(r0, nameof(residuals));
        double rss = SumOfSquares(r0), damping = 1e-3;
        if (!double.IsFinite(rss))
        {
            // No step can be "better" than NaN: the loop would stop at once and report convergence.
            int bad = Array.FindIndex(r0, v => !double.IsFinite(v));
            string where = bad >= 0 ? FormattableString.Invariant($"residuals(start)[{bad}] = {r0[bad]}") : FormattableString.Invariant($"the sum of squares of residuals(start) = {rss}");
            throw new ArgumentException($"{where}; allowed: finite residuals (and a finite sum of squares) at the start.", nameof(residuals));
        }
        int iter = 0;
        bool converged = false;
        while (iter < maxIterations)
        {
            iter++;
            var jac = modelJacobian(p);
            var res = Vector<double>.Build.Dense(residuals(p));
            if (jac is null || jac.RowCount != res.Count || jac.ColumnCount != m)
                throw new ArgumentException(
                    $"modelJacobian(p) is {(jac is null ? "null" : $"{jac.RowCount}×{jac.ColumnCount}")}; allowed: {res.Count}×{m} (observations × parameters, as residuals(p) and start).",
                    nameof(modelJacobian));
            var jtj = jac.TransposeThisAndMultiply(jac);
            var jtr = jac.TransposeThisAndMultiply(res);
            bool improved = false;
            double[] next = p;
            double nextRss = rss;
            while (damping < 1e12)
            {
                var a = jtj.Clone();
                for (int k = 0; k < m; k++)
                    a[k, k] += damping * Math.Max(jtj[k, k], 1e-12);
                Vector<double> step;
                try { step = a.Solve(jtr); }
                catch (Exception) { damping *= 10; continue; }
                next = p.Select((v, k) => v + step[k]).ToArray();
                nextRss = SumOfSquares(residuals(next));
                if (double.IsFinite(nextRss) && nextRss < rss)
                {
                    improved = true;
                    damping = Math.Max(damping / 3, 1e-12);
                    break;
                }
                damping *= 4;
            }
            if (!improved)
            {
                // No damped step lowers the sum of squares: a (local) minimum to working precision.
                converged = true;
                break;
            }
            double change = 0;
            for (int k = 0; k < m; k++)
                change = Math.Max(change, Math.Abs(next[k] - p[k]) / (Math.Abs(p[k]) + 1e-12));
            double rssChange = (rss - nextRss) / Math.Max(rss, 1e-300);
            p = next;
            rss = nextRss;
            if (change < tolerance || rssChange < tolerance * tolerance || rss == 0)
            {
                converged = true;
                break;
            }
        }
        return new LevenbergMarquardtResult(p, rss, iter, converged);
    }

    /// <summary>
    /// Standard errors √diag((JᵀJ)⁻¹ σ²) with σ² = RSS/(n − m); NaN for every parameter when n ≤ m or JᵀJ is singular.
    /// </summary>
    /// <param name="modelJacobian">J at the optimum, n observations × m parameters.</param>
    /// <param name="residualSumOfSquares">RSS at the optimum. Range: ≥ 0.</param>
    public static double[] StandardErrors(Matrix<double> modelJacobian, double residualSumOfSquares)
    {
        Guard.NotNull(modelJacobian);
        Guard.NonNegative(residualSumOfSquares);
        int n = modelJacobian.RowCount, m = modelJacobian.ColumnCount;
        var jtj = modelJacobian.TransposeThisAndMultiply(modelJacobian);
        double sigma2 = n > m ? residualSumOfSquares / (n - m) : double.NaN;
        try
        {
            var cov = jtj.Inverse() * sigma2;
            return Enumerable.Range(0, m).Select(k => Math.Sqrt(Math.Max(cov[k, k], 0))).ToArray();
        }
        catch (Exception)
        {
            return Enumerable.Repeat(double.NaN, m).ToArray();
        }
    }

    private static double SumOfSquares(double[] r)
    {
        double s = 0;
        foreach (double e in r)
            s += e * e;
        return s;
    }
}
