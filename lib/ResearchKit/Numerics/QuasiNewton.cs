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
        if (exit == QuasiNewtonExit.Converged
            && RunsOff(objective, best.Point, best.Value, best.Gradient!, best.Previous, options.DivergenceBound, ref evaluations))
            exit = QuasiNewtonExit.Unbounded;
        return new QuasiNewtonResult(best.Point, best.Value, best.Gradient!, scaled, iterations, evaluations, exit);
    }

    /// <summary>The first probe of a ray, as a share of max(‖x̂‖∞, 1); each further probe doubles the distance.</summary>
    internal const double RayFirstStep = 1e-2;

    /// <summary>Changes of f within this many ulps of its size are rounding, neither a decrease nor an increase.</summary>
    internal const double RayNoiseUlps = 1e3;

    /// <summary>
    /// Whether the objective keeps decreasing along some ray from the accepted point <paramref name="x"/> out to the
    /// divergence bound: the signature of a run-off, where the scaled gradient passes the acceptance test only because f
    /// flattens towards an asymptote (exp(−x) from x = 0 is "converged" by the gradient at x ≈ 26; f = E + A·N^−α
    /// flattens as α → ∞). A minimiser has f rising along every ray within a finite distance.
    /// </summary>
    /// <remarks>
    /// Rays: the last improving step of the run (x̂ minus the best point before it: the direction the run was moving),
    /// and each coordinate in its descent direction −sign(g_k). Along a ray d (‖d‖∞ = 1) f is evaluated at
    /// x̂ + t·d for t = <see cref="RayFirstStep"/>·max(‖x̂‖∞, 1)·2^j, j = 0, 1, …, as long as every coordinate stays within
    /// the bound. The ray counts as running off when no probe rises above the one before by more than rounding
    /// (<see cref="RayNoiseUlps"/> ulps of f), the last probe inside the bound is below f(x̂) by more than rounding,
    /// and every probe is finite. A true minimiser stops this at the first probe that rises (one evaluation per ray);
    /// a flat valley stops it by the second condition. Probe evaluations are counted in <paramref name="evaluations"/>.
    /// </remarks>
    private static bool RunsOff(Objective objective, double[] x, double f, double[] gradient, double[]? previous, double bound,
        ref int evaluations)
    {
        int n = x.Length;
        double scale = 1;
        for (int k = 0; k < n; k++)
            scale = Math.Max(scale, Math.Abs(x[k]));
        var d = new double[n];
        var probe = new double[n];
        var g = new double[n];
        if (previous is not null)
        {
            double norm = 0;
            for (int k = 0; k < n; k++)
                norm = Math.Max(norm, Math.Abs(x[k] - previous[k]));
            if (norm > 0)
            {
                for (int k = 0; k < n; k++)
                    d[k] = (x[k] - previous[k]) / norm;
                if (RayRunsOff(d, ref evaluations))
                    return true;
            }
        }
        for (int j = 0; j < n; j++)
        {
            Array.Clear(d);
            d[j] = gradient[j] > 0 ? -1 : 1;
            if (RayRunsOff(d, ref evaluations))
                return true;
        }
        return false;

        bool RayRunsOff(double[] direction, ref int count)
        {
            double last = f;
            bool probed = false;
            for (double t = RayFirstStep * scale; ; t *= 2)
            {
                bool inside = true;
                for (int k = 0; k < n; k++)
                {
                    probe[k] = x[k] + t * direction[k];
                    inside &= Math.Abs(probe[k]) <= bound;
                }
                if (!inside)
                    break;
                double value = objective(probe, g);
                count++;
                if (!double.IsFinite(value) || value > last + Noise(last, value))
                    return false;
                last = value;
                probed = true;
            }
            return probed && last < f - Noise(f, last);
        }

        // RayNoiseUlps units in the last place (2⁻⁵² relative) of the larger of the two values.
        static double Noise(double a, double b) => RayNoiseUlps * 2.220446049250313e-16 * Math.Max(Math.Abs(a), Math.Abs(b));
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
