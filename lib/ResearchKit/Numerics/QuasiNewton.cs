using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace ResearchKit.Numerics;

/// <summary>
/// Minimises a smooth function with an analytic gradient by MathNet.Numerics' BFGS or L-BFGS, and reports honestly why
/// it stopped: the best point evaluated is kept when the line search throws or the iteration limit is hit, and only a
/// final point whose scaled gradient passes the acceptance test, and from which the objective does not keep decreasing
/// along a ray out to the divergence bound (a run-off, <see cref="QuasiNewtonExit.Unbounded"/>), is called converged.
/// </summary>
/// <remarks>
/// A thin wrapper over <see cref="BfgsMinimizer"/> and <see cref="LimitedMemoryBfgsMinimizer"/> (MathNet.Numerics 5).
/// Checked on NIST StRD nonlinear-regression problems (tests). Used by the Chinchilla fits (notebooks 10, 25).
/// </remarks>
public static class QuasiNewton
{
    /// <summary>Signature of an objective: fills the gradient at x and returns the value.</summary>
    /// <param name="point">x.</param>
    /// <param name="gradient">Receives ∇f(x) (same length as x).</param>
    public delegate double Objective(ReadOnlySpan<double> point, Span<double> gradient);

    /// <summary>Minimises <paramref name="objective"/> from <paramref name="start"/>.</summary>
    /// <param name="objective">f and ∇f.</param>
    /// <param name="start">x₀, finite, non-empty.</param>
    /// <param name="options">Method and tolerances; null = defaults.</param>
    public static QuasiNewtonResult Minimize(Objective objective, IReadOnlyList<double> start, QuasiNewtonOptions? options = null)
    {
        Guard.NotNull(objective);
        Guard.AllFinite(start);
        options ??= new QuasiNewtonOptions();
        options.Validate();
        int n = start.Count;
        var best = new BestPoint(n);
        var scratch = new double[n];
        bool diverged = false;
        var function = ObjectiveFunction.Gradient(x =>
        {
            var g = Vector<double>.Build.Dense(n);
            double[] xa = x.AsArray() ?? x.ToArray();
            double f = objective(xa, scratch);
            for (int k = 0; k < n; k++)
                g[k] = scratch[k];
            for (int k = 0; k < n; k++)
            {
                if (!(Math.Abs(xa[k]) <= options.DivergenceBound))
                {
                    diverged = true;
                    // Stops MathNet at once: a non-finite value makes its line search throw; the best point within the bound is kept.
                    return (double.NaN, g);
                }
            }
            best.Offer(xa, f, scratch);
            return (f, g);
        });
        var x0 = Vector<double>.Build.DenseOfEnumerable(start);
        int iterations = 0;
        QuasiNewtonExit? thrown = null;
        try
        {
            IUnconstrainedMinimizer minimizer = options.Method == QuasiNewtonMethod.Bfgs
                ? new BfgsMinimizer(options.GradientTolerance, options.ParameterTolerance, 0, options.MaxIterations)
                : new LimitedMemoryBfgsMinimizer(options.GradientTolerance, options.ParameterTolerance, 0, options.Memory, options.MaxIterations);
            var result = minimizer.FindMinimum(function, x0);
            iterations = result.Iterations;
            if (result.ReasonForExit == ExitCondition.ExceedIterations || result.Iterations >= options.MaxIterations)
                thrown = QuasiNewtonExit.MaxIterations;
        }
        catch (MaximumIterationsException)
        {
            thrown = QuasiNewtonExit.MaxIterations;
            iterations = options.MaxIterations;
        }
        catch (OptimizationException)
        {
            thrown = QuasiNewtonExit.LineSearchFailed;
        }
        catch (ArgumentException)
        {
            // MathNet's line search rejects a non-finite starting value or direction with an ArgumentException.
            thrown = QuasiNewtonExit.NonFinite;
        }

        if (best.Point is null)
            return new QuasiNewtonResult(start.ToArray(), double.NaN, new double[n], double.NaN, iterations, best.Evaluations, QuasiNewtonExit.NonFinite);
        double scaled = Scaled(best.Point, best.Gradient!, best.Value);
        QuasiNewtonExit exit;
        if (diverged && !(scaled <= options.AcceptanceTolerance))
            exit = QuasiNewtonExit.ParameterDiverged;
        else if (!double.IsFinite(best.Value) || !double.IsFinite(scaled))
            exit = QuasiNewtonExit.NonFinite;
        else if (scaled <= options.AcceptanceTolerance)
            exit = QuasiNewtonExit.Converged;
        else
            exit = thrown ?? QuasiNewtonExit.Stalled;
        int evaluations = best.Evaluations;
        // A passed gradient test is also passed where f flattens towards an asymptote: probe for a run-off (RunOffProbe).
        var probeGradient = new double[n];
        if (exit == QuasiNewtonExit.Converged
            && RunOffProbe.AnyRayRunsOff(p => objective(p, probeGradient), best.Point, best.Value, best.Previous, best.Gradient,
                options.DivergenceBound, RunOffProbe.DefaultRelativeNoise, ref evaluations))
            exit = QuasiNewtonExit.Unbounded;
        return new QuasiNewtonResult(best.Point, best.Value, best.Gradient!, scaled, iterations, evaluations, exit);
    }

    /// <summary>max_k |g_k|·max(|x_k|, 1)/max(|f|, 1) (MathNet's relative-gradient measure).</summary>
    internal static double Scaled(ReadOnlySpan<double> x, ReadOnlySpan<double> g, double f)
    {
        double norm = Math.Max(Math.Abs(f), 1.0), worst = 0;
        for (int k = 0; k < x.Length; k++)
        {
            double t = Math.Abs(g[k]) * Math.Max(Math.Abs(x[k]), 1.0) / norm;
            if (!(t <= worst))
                worst = double.IsNaN(t) ? double.NaN : Math.Max(worst, t);
            if (double.IsNaN(worst))
                return double.NaN;
        }
        return worst;
    }

    private sealed class BestPoint(int n)
    {
        public double[]? Point { get; private set; }

        /// <summary>The best point before the latest improvement (null until there were two).</summary>
        public double[]? Previous { get; private set; }
        public double[]? Gradient { get; private set; }
        public double Value { get; private set; } = double.PositiveInfinity;
        public int Evaluations { get; private set; }

        public void Offer(double[] x, double f, double[] g)
        {
            Evaluations++;
            bool finite = double.IsFinite(f);
            for (int k = 0; k < n && finite; k++)
                finite = double.IsFinite(x[k]) && double.IsFinite(g[k]);
            if (!finite)
                return;
            if (Point is null || f < Value)
            {
                Previous = Point;
                Point = (double[])x.Clone();
                Gradient = (double[])g.Clone();
                Value = f;
            }
        }
    }
}
