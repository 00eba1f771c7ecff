using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// Fits the S-shaped form A(t) = a·erf(s(t − t*)) + b to an accuracy curve by Levenberg–Marquardt.
/// </summary>
/// <remarks>
/// Miller, Gleeson, O'Neill, Bui &amp; Levi (arXiv 2402.08946), Sec. 2: one functional form for the train and the
/// validation accuracy, from which the jump times t*_tr, t*_gen and sharpnesses s_tr, s_gen are read. The time axis
/// is the caller's choice (steps, or log steps for curves that span decades). The fit runs on a centred and scaled
/// axis for conditioning and reports parameters and errors on the caller's axis. Used in notebook 04.
/// </remarks>
public static class SCurveFit
{
    /// <summary>a·erf(s(t − t*)) + b.</summary>
    /// <param name="amplitude">a.</param>
    /// <param name="sharpness">s.</param>
    /// <param name="jumpTime">t*.</param>
    /// <param name="offset">b.</param>
    /// <param name="time">t.</param>
    public static double Evaluate(double amplitude, double sharpness, double jumpTime, double offset, double time)
        => amplitude * SpecialFunctions.Erf(sharpness * (time - jumpTime)) + offset;

    /// <summary>Fits the S-curve to (t, A) samples.</summary>
    /// <param name="times">t values, finite, at least 5, not all equal.</param>
    /// <param name="values">A(t) values, finite, same length.</param>
    /// <param name="maxIterations">Iteration limit. Range: ≥ 1.</param>
    /// <param name="tolerance">Relative convergence tolerance. Range: 0 &lt; tol &lt; 0.1.</param>
    public static SCurveFitResult Fit(IReadOnlyList<double> times, IReadOnlyList<double> values, int maxIterations = 500, double tolerance = 1e-10)
    {
        Guard.AllFinite(times);
        Guard.AllFinite(values);
        Guard.SameLength(values.Count, times.Count, nameof(values), nameof(times));
        Guard.AtLeast(times.Count, 5, "times.Count");
        Guard.Positive(maxIterations);
        Guard.InOpenRange(tolerance, 0, 0.1);
        int n = times.Count;
        var x = ScaledTimes(times, out double centre, out double half);
        var y = values.ToArray();

        // Start: mid-level and half-range from the data, jump where the curve first crosses its mid-level.
        double yMin = y.Min(), yMax = y.Max();
        int iMin = Array.IndexOf(y, yMin), iMax = Array.IndexOf(y, yMax);
        double rising = x[iMax] >= x[iMin] ? 1 : -1;
        double mid = 0.5 * (yMin + yMax);
        var order = Enumerable.Range(0, n).OrderBy(i => x[i]).ToArray();
        double x0 = x[order[n / 2]];
        for (int k = 1; k < n; k++)
        {
            double a0 = y[order[k - 1]] - mid, a1 = y[order[k]] - mid;
            if (a0 * a1 <= 0 && a0 != a1)
            {
                x0 = x[order[k - 1]] + (x[order[k]] - x[order[k - 1]]) * (-a0) / (a1 - a0);
                break;
            }
        }
        var p = new[] { 0.5 * (yMax - yMin) * rising, 4.0, x0, mid };
        if (p[0] == 0)
            p[0] = 1e-3;

        double[] Residuals(double[] q)
        {
            var r = new double[n];
            for (int i = 0; i < n; i++)
                r[i] = y[i] - Evaluate(q[0], q[1], q[2], q[3], x[i]);
            return r;
        }

        var lm = LevenbergMarquardt.Minimize(p, Residuals, q => Jacobian(q, x), maxIterations, tolerance);
        p = lm.Parameters;
        double rss = lm.ResidualSumOfSquares;
        int iter = lm.Iterations;
        var exit = lm.Converged ? SCurveFitExit.Converged : SCurveFitExit.MaxIterations;

        // Keep s > 0 by convention (erf is odd): flip the amplitude instead.
        if (p[1] < 0)
        {
            p[1] = -p[1];
            p[0] = -p[0];
        }
        var errors = LevenbergMarquardt.StandardErrors(Jacobian(p, x), rss);
        // Back to the caller's axis: t = centre + half·x, so s_t = s_x/half and t* = centre + half·x*.
        return new SCurveFitResult(
            p[0], p[1] / half, centre + half * p[2], p[3],
            errors[0], errors[1] / half, errors[2] * half, errors[3],
            Math.Sqrt(rss / n), iter, exit);
    }

    /// <summary>
    /// Fits A(t) = a·erf(s(t − t*)) + b with the amplitude a and offset b fixed, only s and t* free — the form of the
    /// authors' code (a = b = ½ for the linear model's accuracies from 0 to 1, a = ¼, b = ¾ for the parity MLP's from ½ to 1).
    /// </summary>
    /// <param name="times">t values, finite, at least 3, not all equal.</param>
    /// <param name="values">A(t) values, finite, same length.</param>
    /// <param name="amplitude">a, fixed. Range: finite, ≠ 0.</param>
    /// <param name="offset">b, fixed. Range: finite.</param>
    /// <param name="maxIterations">Iteration limit. Range: ≥ 1.</param>
    /// <param name="tolerance">Relative convergence tolerance. Range: 0 &lt; tol &lt; 0.1.</param>
    /// <remarks>
    /// Miller et al. (arXiv 2402.08946); authors' code jackmiller2003/tiny-gen, branch feat/sharpness-and-gap
    /// (<c>error_function_model</c> with c, d fixed). The start is the curve's first crossing of b, as the general fit's.
    /// The result reports a and b with zero standard error. Used in notebook 04.
    /// </remarks>
    public static SCurveFitResult FitFixedLevels(IReadOnlyList<double> times, IReadOnlyList<double> values, double amplitude, double offset,
        int maxIterations = 500, double tolerance = 1e-10)
    {
        Guard.AllFinite(times);
        Guard.AllFinite(values);
        Guard.SameLength(values.Count, times.Count, nameof(values), nameof(times));
        Guard.AtLeast(times.Count, 3, "times.Count");
        Guard.Finite(amplitude);
        if (amplitude == 0)
            throw new ArgumentOutOfRangeException(nameof(amplitude), amplitude, "amplitude = 0; allowed: finite, non-zero.");
        Guard.Finite(offset);
        Guard.Positive(maxIterations);
        Guard.InOpenRange(tolerance, 0, 0.1);
        int n = times.Count;
        var x = ScaledTimes(times, out double centre, out double half);
        var y = values.ToArray();
        var order = Enumerable.Range(0, n).OrderBy(i => x[i]).ToArray();
        double x0 = x[order[n / 2]];
        for (int k = 1; k < n; k++)
        {
            double a0 = y[order[k - 1]] - offset, a1 = y[order[k]] - offset;
            if (a0 * a1 <= 0 && a0 != a1)
            {
                x0 = x[order[k - 1]] + (x[order[k]] - x[order[k - 1]]) * (-a0) / (a1 - a0);
                break;
            }
        }
        double[] Residuals(double[] q)
        {
            var r = new double[n];
            for (int i = 0; i < n; i++)
                r[i] = y[i] - Evaluate(amplitude, q[0], q[1], offset, x[i]);
            return r;
        }
        Matrix<double> Jac(double[] q)
        {
            var jac = Matrix<double>.Build.Dense(n, 2);
            for (int i = 0; i < n; i++)
            {
                double u = q[0] * (x[i] - q[1]);
                double g = 2 / Math.Sqrt(Math.PI) * Math.Exp(-u * u);
                jac[i, 0] = amplitude * g * (x[i] - q[1]);
                jac[i, 1] = -amplitude * g * q[0];
            }
            return jac;
        }
        var lm = LevenbergMarquardt.Minimize(new[] { 4.0, x0 }, Residuals, Jac, maxIterations, tolerance);
        var p = lm.Parameters;
        double rss = lm.ResidualSumOfSquares;
        var errors = LevenbergMarquardt.StandardErrors(Jac(p), rss);
        // With a and b fixed the sign of s is meaningful (a falling curve has s < 0); it is reported as fitted.
        return new SCurveFitResult(amplitude, p[0] / half, centre + half * p[1], offset, 0, errors[0] / half, errors[1] * half, 0,
            Math.Sqrt(rss / n), lm.Iterations, lm.Converged ? SCurveFitExit.Converged : SCurveFitExit.MaxIterations);
    }

    private static Matrix<double> Jacobian(double[] p, double[] x)
    {
        var jac = Matrix<double>.Build.Dense(x.Length, 4);
        for (int i = 0; i < x.Length; i++)
        {
            double u = p[1] * (x[i] - p[2]);
            double g = 2 / Math.Sqrt(Math.PI) * Math.Exp(-u * u);
            jac[i, 0] = SpecialFunctions.Erf(u);
            jac[i, 1] = p[0] * g * (x[i] - p[2]);
            jac[i, 2] = -p[0] * g * p[1];
            jac[i, 3] = 1;
        }
        return jac;
    }

    /// <summary>
    /// The times mapped onto [−1, 1] (x = (t − centre)/half), where the fit runs; throws when all times are equal.
    /// </summary>
    private static double[] ScaledTimes(IReadOnlyList<double> times, out double centre, out double half)
    {
        double tMin = times.Min(), tMax = times.Max();
        if (!(tMax > tMin))
            throw new ArgumentException($"times are all equal to {tMin}; allowed: at least two distinct times.", nameof(times));
        double c = 0.5 * (tMin + tMax), h = 0.5 * (tMax - tMin);
        centre = c;
        half = h;
        return times.Select(t => (t - c) / h).ToArray();
    }
}
