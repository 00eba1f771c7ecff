using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// The minimiser S_min of a logit-regularised training loss L(S) = N⁻¹ Σᵢ φ(yᵢ S·xᵢ) of a bias-free linear classifier,
/// by Newton's method with a backtracking line search. With a logit penalty φ has a finite minimiser and, for N &gt; d
/// and data in general position, L is strictly convex with a unique minimiser (Beck, Bar Sinai &amp; Levi,
/// arXiv 2602.12039, Secs. 3–6: the "optimal weights" of their Figs. 2 and 6 and Props. 5.1 and 6.1).
/// </summary>
/// <remarks>
/// Gradient descent reaches the same point only slowly where the Gram matrix has small eigenvalues (the paper's App.
/// E.3 notes this at small σ_n); Newton's method converges quadratically there. Notebook 05.
/// </remarks>
public static class LogitMinimizer
{
    /// <summary>Minimises N⁻¹ Σᵢ φ(yᵢ S·xᵢ) over S from S = 0.</summary>
    /// <param name="sample">Training set: labels ±1, finite points, N &gt; d.</param>
    /// <param name="loss">φ; must have a finite minimiser (<see cref="MarginLoss.Target"/> finite), i.e. a logit penalty.</param>
    /// <param name="gradientTolerance">Stop when ‖∇L‖∞ ≤ this. Range: &gt; 0. Default 1e-10.</param>
    /// <param name="maxIterations">Newton steps allowed. Range: ≥ 1. Default 100.</param>
    /// <returns>The minimiser and how the iteration ended; <see cref="LogitMinimum.Converged"/> is false when the
    /// tolerance was not reached within <paramref name="maxIterations"/>.</returns>
    public static LogitMinimum Minimize(ClassificationSample sample, MarginLoss loss, double gradientTolerance = 1e-10, int maxIterations = 100)
    {
        Guard.NotNull(sample);
        Guard.NotNull(loss);
        Guard.Positive(gradientTolerance);
        Guard.Positive(maxIterations);
        if (!double.IsFinite(loss.Target))
            throw new ArgumentException($"loss {loss.Name} has no finite minimiser (target {loss.Target}); allowed: a logit-regularised loss.", nameof(loss));
        int n = sample.Count, d = sample.Dimension;
        if (n <= d)
            throw new ArgumentException($"sample has N = {n} ≤ d = {d}; allowed: N > d (otherwise the minimiser is not unique).", nameof(sample));
        var folded = Fold(sample);
        var s = Vector<double>.Build.Dense(d);
        double value = Objective(folded, s, loss, out var z);
        double gmax = double.PositiveInfinity;
        for (int it = 0; it < maxIterations; it++)
        {
            var c1 = Vector<double>.Build.Dense(n, i => loss.Derivative(z[i]) / n);
            var grad = folded.TransposeThisAndMultiply(c1);
            gmax = grad.AbsoluteMaximum();
            if (gmax <= gradientTolerance) return new LogitMinimum(s.ToArray(), value, gmax, it, true);
            var weighted = folded.Clone();
            for (int i = 0; i < n; i++)
            {
                double w = Math.Sqrt(loss.SecondDerivative(z[i]) / n);
                for (int j = 0; j < d; j++) weighted[i, j] *= w;
            }
            var hessian = Linalg.Gram(weighted);
            Vector<double> step;
            try { step = -hessian.Cholesky().Solve(grad); }
            catch (ArgumentException) { step = -grad; } // not positive definite numerically: fall back to steepest descent
            double slope = grad.DotProduct(step), t = 1;
            while (true)
            {
                var trial = s + t * step;
                double v = Objective(folded, trial, loss, out var zt);
                // Near the minimum the decrease drops below the round-off of L; the full Newton step is then taken.
                bool roundOff = t == 1 && Math.Abs(v - value) <= 1e-13 * Math.Max(1, Math.Abs(value));
                if (v <= value + 1e-4 * t * slope || roundOff || t < 1e-12)
                {
                    s = trial; value = v; z = zt;
                    break;
                }
                t *= 0.5;
            }
        }
        var cLast = Vector<double>.Build.Dense(n, i => loss.Derivative(z[i]) / n);
        gmax = folded.TransposeThisAndMultiply(cLast).AbsoluteMaximum();
        return new LogitMinimum(s.ToArray(), value, gmax, maxIterations, gmax <= gradientTolerance);
    }

    /// <summary>The rows yᵢxᵢ (labels folded into the inputs, as in the paper's Sec. 3.1).</summary>
    internal static Matrix<double> Fold(ClassificationSample sample)
    {
        int n = sample.Count, d = sample.Dimension;
        Guard.SameLength(sample.Labels.Length, n, "sample.Labels", "sample.Points rows");
        var f = Matrix<double>.Build.Dense(n, d);
        for (int i = 0; i < n; i++)
        {
            double y = sample.Labels[i];
            if (y != 1 && y != -1) throw new ArgumentException($"sample.Labels[{i}] = {y}; allowed: +1 or −1.", nameof(sample));
            for (int j = 0; j < d; j++)
            {
                double v = sample.Points[i, j];
                if (!double.IsFinite(v)) throw new ArgumentException($"sample.Points[{i},{j}] = {v} is not finite.", nameof(sample));
                f[i, j] = y * v;
            }
        }
        return f;
    }

    private static double Objective(Matrix<double> folded, Vector<double> s, MarginLoss loss, out Vector<double> z)
    {
        z = folded * s;
        double sum = 0;
        for (int i = 0; i < z.Count; i++) sum += loss.Value(z[i]);
        return sum / z.Count;
    }
}

/// <summary>The result of <see cref="LogitMinimizer.Minimize"/>.</summary>
/// <param name="Weights">S_min.</param>
/// <param name="Loss">L(S_min).</param>
/// <param name="GradientNorm">‖∇L(S_min)‖∞.</param>
/// <param name="Iterations">Newton steps taken.</param>
/// <param name="Converged">Whether ‖∇L‖∞ reached the tolerance.</param>
public sealed record LogitMinimum(double[] Weights, double Loss, double GradientNorm, int Iterations, bool Converged);
