using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace ResearchKit.Numerics;

/// <summary>
/// Derivative-free minimisation of a few-parameter smooth objective (the least-squares and binned-likelihood fits of
/// the inference-scaling models) by MathNet.Numerics' <see cref="NelderMeadSimplex"/>, with what MathNet's does not do:
/// an honest exit reason and the best point when the evaluation budget runs out (MathNet throws then), NaN treated as
/// +∞ (a point outside the model's domain), and a convergence test on the point as well as on the values.
/// </summary>
/// <remarks>
/// MathNet's simplex stops when the spread of the vertex values, relative to their size, is below its tolerance on two
/// consecutive iterations; a simplex that has collapsed onto a flat valley, or shrunk around a point that is not the
/// minimum, passes that test. So the search is restarted from the best point with a fresh simplex
/// (<see cref="RestartStepFactor"/> × the first step) until a restart moves the point by less than the point tolerance in
/// every coordinate and changes the value by less than the value tolerance: only then is the result
/// <see cref="FitExitReason.Converged"/>. A thin wrapper in the manner of <see cref="QuasiNewton"/> over MathNet's BFGS.
/// Used by <c>FailureBetaCurveFit</c> (notebook 06) and <c>DiscretizedBetaFit</c> (notebook 09).
/// </remarks>
internal static class NelderMead
{
    /// <summary>The first simplex step of each restart, as a share of <c>step</c>.</summary>
    public const double RestartStepFactor = 0.2;

    /// <summary>Restarts after the first search, at most.</summary>
    public const int MaxRestarts = 20;

    /// <summary>Minimises <paramref name="objective"/> from <paramref name="start"/>.</summary>
    /// <param name="objective">f(x); NaN is read as +∞. It must not keep the array it is given.</param>
    /// <param name="start">x₀. Range: non-empty, finite.</param>
    /// <param name="step">The first simplex's edge along each coordinate. Range: &gt; 0, finite.</param>
    /// <param name="tolerance">Relative spread of the vertex values at which MathNet stops, and the relative change of
    /// the value a converged restart may make. Range: &gt; 0.</param>
    /// <param name="maxEvaluations">Objective evaluations in all, restarts included. Range: ≥ 10.</param>
    /// <param name="pointTolerance">Largest coordinate change a converged restart may make. Range: &gt; 0.</param>
    public static NelderMeadResult Minimize(Func<double[], double> objective, double[] start, double step,
        double tolerance = 1e-10, int maxEvaluations = 10_000, double pointTolerance = 1e-7)
    {
        Guard.NotNull(objective);
        Guard.AllFinite(start);
        Guard.Positive(step);
        Guard.Finite(step);
        Guard.Positive(tolerance);
        Guard.AtLeast(maxEvaluations, 10);
        Guard.Positive(pointTolerance);
        int n = start.Length;
        var best = new Best(objective, maxEvaluations);
        var point = (double[])start.Clone();
        double value = double.PositiveInfinity;
        for (int round = 0; round <= MaxRestarts; round++)
        {
            double edge = round == 0 ? step : step * RestartStepFactor;
            bool stopped = false;
            try
            {
                var simplex = new NelderMeadSimplex(tolerance, Math.Max(1, best.Remaining));
                simplex.FindMinimum(ObjectiveFunction.Value(best.Evaluate), Vector<double>.Build.DenseOfArray(point),
                    Vector<double>.Build.Dense(n, edge));
            }
            catch (MaximumIterationsException)
            {
                stopped = true;   // the budget is spent; the best point evaluated stands
            }
            catch (BudgetExhausted)
            {
                stopped = true;
            }
            if (best.Point is null)   // every evaluation was +∞ or NaN
                return new NelderMeadResult(point, double.PositiveInfinity, best.Evaluations, FitExitReason.MaxIterations);
            double moved = 0;
            for (int j = 0; j < n; j++)
                moved = Math.Max(moved, Math.Abs(best.Point[j] - point[j]));
            bool settled = round > 0 && moved < pointTolerance
                && Math.Abs(value - best.Value) <= tolerance * (Math.Abs(best.Value) + tolerance);
            point = (double[])best.Point.Clone();
            value = best.Value;
            if (settled)
                return new NelderMeadResult(point, value, best.Evaluations, FitExitReason.Converged);
            if (stopped || best.Remaining <= n + 1)
                break;
        }
        return new NelderMeadResult(point, value, best.Evaluations, FitExitReason.MaxIterations);
    }

    // Counts the evaluations, keeps the best finite point, reads NaN as +∞ and ends MathNet's search when the budget is spent.
    private sealed class Best(Func<double[], double> objective, int budget)
    {
        public double[]? Point { get; private set; }
        public double Value { get; private set; } = double.PositiveInfinity;
        public int Evaluations { get; private set; }
        public int Remaining => budget - Evaluations;

        public double Evaluate(Vector<double> x)
        {
            if (Evaluations >= budget)
                throw new BudgetExhausted();
            Evaluations++;
            double[] xa = x.ToArray();
            double f = objective(xa);
            if (double.IsNaN(f)) f = double.PositiveInfinity;
            if (f < Value)
            {
                Value = f;
                Point = xa;
            }
            return f;
        }
    }

    // Thrown from the objective to end MathNet's search at the budget (caught in Minimize, never escapes).
    private sealed class BudgetExhausted : Exception;
}

/// <summary>What <see cref="NelderMead.Minimize"/> found.</summary>
/// <param name="Point">The best point evaluated.</param>
/// <param name="Value">f there (+∞ when no evaluation was finite).</param>
/// <param name="Evaluations">Objective evaluations made.</param>
/// <param name="Exit"><see cref="FitExitReason.Converged"/> when a restart from the point no longer moved it, else
/// <see cref="FitExitReason.MaxIterations"/> (the evaluation budget ran out first).</param>
internal sealed record NelderMeadResult(double[] Point, double Value, int Evaluations, FitExitReason Exit);
