using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// The limiting weights S_∞ of the constant-label model on a training set that is not separable from the origin:
/// the minimiser of the bias-free exponential loss L̃(w) = (1/N) Σᵢ e^(−w·xᵢ).
/// </summary>
/// <remarks>
/// <para>With a bias and a constant label, the logistic (or exponential) loss is ≈ e^(−b) L̃(w) once b is large, and
/// in conformal time w follows the bias-free flow on L̃ (Beck, Levi &amp; Bar-Sinai, arXiv 2410.04489, Eqs. 6–8).
/// L̃ is strictly convex and has a finite minimiser exactly when the points are not separable from the origin; then
/// w → S_∞ while b → ∞ (the paper's Prop. 3.2, in its sign convention S = −w). The paper's Prop. 3.4:
/// ‖S_∞‖ → ∞ as λ = d/N → ½⁻. Notebook 03, Fig. 1.</para>
/// <para>Solved by Newton's method with a backtracking (Armijo) line search from w = 0; the Hessian
/// (1/N) Σ e^(−w·xᵢ) xᵢxᵢᵀ is positive definite when the points span R^d.</para>
/// </remarks>
public static class LimitingWeights
{
    /// <summary>
    /// S_∞ = argmin_w (1/N) Σ e^(−w·xᵢ) for the rows xᵢ of <paramref name="points"/> (the library's sign convention:
    /// margins w·xᵢ; the paper's S is −w).
    /// </summary>
    /// <param name="points">N×d matrix, one training point per row; finite, N ≥ 1, d ≥ 1; not separable from the origin.</param>
    /// <param name="gradientTolerance">Stop when the Newton decrement −∇L̃·Δw/2 (the predicted loss decrease) is ≤ tol·L̃. Range: 1e-14 ≤ tol ≤ 1e-2.</param>
    /// <param name="maxIterations">Newton iterations. Range: 1 ≤ n ≤ 10 000.</param>
    /// <exception cref="ArgumentException">The points are separable from the origin (no finite minimiser; the LP
    /// certificate of <see cref="Separability.TestFromOrigin"/> decides).</exception>
    /// <exception cref="InvalidOperationException">Newton's method did not converge within <paramref name="maxIterations"/>.</exception>
    public static double[] Minimize(Matrix<double> points, double gradientTolerance = 1e-12, int maxIterations = 500)
    {
        Guard.NotNull(points);
        Guard.InRange(gradientTolerance, 1e-14, 1e-2);
        Guard.InRange(maxIterations, 1, 10_000);
        var sep = Separability.TestFromOrigin(points); // validates shape and finiteness
        if (sep.IsSeparable)
            throw new ArgumentException("points are separable from the origin, so L̃(w) has no finite minimiser (S_∞ diverges); allowed: a set not separable from the origin.", nameof(points));
        return Newton(points, gradientTolerance, maxIterations);
    }

    /// <summary>
    /// S_∞ as <see cref="Minimize"/> gives it when the points are not separable from the origin, and null when they are
    /// (no finite minimiser) — one test instead of a caller's test followed by <see cref="Minimize"/>'s own.
    /// </summary>
    /// <remarks>The test is Wolfe's minimum-norm point of <see cref="Separability.OriginMargin"/> (certified either way:
    /// a direction with every wᵢ·x &gt; 0, or a hull point of norm ≤ 10⁻¹²·max‖xᵢ‖), many times faster than the LP of
    /// <see cref="Separability.TestFromOrigin"/>, which decides instead when Wolfe's method does not converge.</remarks>
    /// <param name="points">N×d matrix, one training point per row; finite, N ≥ 1, d ≥ 1.</param>
    /// <param name="gradientTolerance">As for <see cref="Minimize"/>. Range: 1e-14 ≤ tol ≤ 1e-2.</param>
    /// <param name="maxIterations">Newton iterations. Range: 1 ≤ n ≤ 10 000.</param>
    /// <exception cref="InvalidOperationException">Newton's method did not converge within <paramref name="maxIterations"/>.</exception>
    public static double[]? MinimizeIfNotSeparable(Matrix<double> points, double gradientTolerance = 1e-12, int maxIterations = 500)
    {
        Guard.NotNull(points);
        Guard.InRange(gradientTolerance, 1e-14, 1e-2);
        Guard.InRange(maxIterations, 1, 10_000);
        return IsSeparable(points) ? null : Newton(points, gradientTolerance, maxIterations);
    }

    /// <summary>‖S_∞‖ of the points (<see cref="MinimizeIfNotSeparable"/>), or NaN when they are separable from the origin.</summary>
    /// <param name="points">N×d matrix, one training point per row; finite, N ≥ 1, d ≥ 1.</param>
    public static double NormIfNotSeparable(Matrix<double> points)
    {
        var w = MinimizeIfNotSeparable(points);
        return w is null ? double.NaN : Norm(w);
    }

    /// <summary>‖w‖, summed as the notebooks always have (LINQ's Sum of the squares, then the root).</summary>
    internal static double Norm(double[] w) => Math.Sqrt(w.Sum(v => v * v));

    /// <summary>Separable from the origin: Wolfe's certified answer, or the LP's when Wolfe's method did not converge.</summary>
    internal static bool IsSeparable(Matrix<double> points)
    {
        var m = Separability.OriginMargin(points);
        return m.Converged ? m.Lower > 0 : Separability.TestFromOrigin(points).IsSeparable;
    }

    /// <summary>Newton's method for S_∞ on a set known not to be separable.</summary>
    internal static double[] Newton(Matrix<double> points, double gradientTolerance, int maxIterations)
    {
        int n = points.RowCount, d = points.ColumnCount;
        var w = Vector<double>.Build.Dense(d);
        double Loss(Vector<double> v, out Vector<double> e)
        {
            e = -(points * v);
            double mx = e.Maximum();
            if (mx > 700) { e = Vector<double>.Build.Dense(n, double.PositiveInfinity); return double.PositiveInfinity; }
            e.MapInplace(Math.Exp);
            return e.Sum() / n;
        }
        double f = Loss(w, out var ev);
        for (int it = 0; it < maxIterations; it++)
        {
            var g = -(points.TransposeThisAndMultiply(ev)) / n;
            var weighted = points.Clone();
            for (int i = 0; i < n; i++) weighted.SetRow(i, weighted.Row(i) * (ev[i] / n));
            var h = points.TransposeThisAndMultiply(weighted);
            var step = h.Cholesky().Solve(-g);
            double slope = g.DotProduct(step), a = 1;
            // Newton decrement: −g·step/2 estimates f − min f (scale-free in x).
            if (-0.5 * slope <= gradientTolerance * f) return w.ToArray();
            while (true)
            {
                var trial = w + a * step;
                double ft = Loss(trial, out var et);
                if (ft <= f + 1e-4 * a * slope) { w = trial; f = ft; ev = et; break; }
                a *= 0.5;
                if (a < 1e-12) throw new InvalidOperationException("LimitingWeights: the line search stalled (numerically degenerate input).");
            }
        }
        throw new InvalidOperationException($"LimitingWeights: Newton's method did not reach a Newton decrement ≤ {gradientTolerance}·L̃ in {maxIterations} iterations; allowed: raise maxIterations.");
    }
}
