using MathNet.Numerics;
using MathNet.Numerics.LinearAlgebra;
using ResearchKit.Numerics;

namespace ResearchKit.SolvableModels;

/// <summary>
/// Fits the training and the validation accuracy together, A_tr/gen(t) = a·erf(s_tr/gen (t − t*_tr/gen)) + b, with one
/// amplitude a and one offset b shared by both curves and their own sharpness and jump time, by Levenberg–Marquardt.
/// </summary>
/// <remarks>
/// Miller, Gleeson, O'Neill, Bui &amp; Levi (arXiv 2402.08946), Sec. 2: both accuracies are taken to follow the same
/// functional form, differing only in translation (t*) and scale (s). Sharing a and b matters when one curve has no
/// clean plateau before its jump (the training accuracy of a network that starts memorising at once): fitted alone,
/// its erf may place t* far before t = 0; with the validation curve fixing the chance level and the final level, its
/// t* stays at the mid-level crossing. Used in notebook 04 (parity MLP).
/// </remarks>
public static class SharedSCurveFit
{
    /// <summary>Fits both curves; the result's two fits carry the shared a and b.</summary>
    /// <param name="trainTimes">Times of the training curve, finite, at least 3.</param>
    /// <param name="trainAccuracy">Training accuracy at those times, finite.</param>
    /// <param name="generalizationTimes">Times of the validation curve, finite, at least 3.</param>
    /// <param name="generalizationAccuracy">Validation accuracy at those times, finite.</param>
    /// <param name="maxIterations">Iteration limit. Range: ≥ 1.</param>
    /// <param name="tolerance">Relative convergence tolerance. Range: 0 &lt; tol &lt; 0.1.</param>
    public static GrokkingSharpness Fit(IReadOnlyList<double> trainTimes, IReadOnlyList<double> trainAccuracy,
        IReadOnlyList<double> generalizationTimes, IReadOnlyList<double> generalizationAccuracy, int maxIterations = 500, double tolerance = 1e-10)
    {
        Guard.AllFinite(trainTimes);
        Guard.AllFinite(trainAccuracy);
        Guard.AllFinite(generalizationTimes);
        Guard.AllFinite(generalizationAccuracy);
        Guard.SameLength(trainAccuracy.Count, trainTimes.Count, nameof(trainAccuracy), nameof(trainTimes));
        Guard.SameLength(generalizationAccuracy.Count, generalizationTimes.Count, nameof(generalizationAccuracy), nameof(generalizationTimes));
        Guard.AtLeast(trainTimes.Count, 3, "trainTimes.Count");
        Guard.AtLeast(generalizationTimes.Count, 3, "generalizationTimes.Count");
        Guard.Positive(maxIterations);
        Guard.InOpenRange(tolerance, 0, 0.1);
        RequireSpread(trainTimes, nameof(trainTimes));
        RequireSpread(generalizationTimes, nameof(generalizationTimes));

        // One scaled axis x = t / scale for both curves, so that the shared a, b see comparable Jacobian columns.
        double scale = Math.Max(trainTimes.Max(Math.Abs), generalizationTimes.Max(Math.Abs));
        var curves = new[]
        {
            (X: trainTimes.Select(t => t / scale).ToArray(), Y: trainAccuracy.ToArray()),
            (X: generalizationTimes.Select(t => t / scale).ToArray(), Y: generalizationAccuracy.ToArray()),
        };
        int total = curves[0].X.Length + curves[1].X.Length;

        // Start: levels from the pooled data, each jump at its own first crossing of the mid-level, width a quarter
        // of its window. Rising or falling is read from the validation curve.
        var pooled = curves[0].Y.Concat(curves[1].Y).ToArray();
        double yMin = pooled.Min(), yMax = pooled.Max(), mid = 0.5 * (yMin + yMax);
        var gen = curves[1];
        double rising = gen.X[Array.IndexOf(gen.Y, gen.Y.Max())] >= gen.X[Array.IndexOf(gen.Y, gen.Y.Min())] ? 1 : -1;
        var p = new double[6];
        p[0] = Math.Max(0.5 * (yMax - yMin), 1e-3) * rising;
        p[1] = mid;
        for (int k = 0; k < 2; k++)
        {
            var (x, y) = curves[k];
            double width = x.Max() - x.Min();
            p[2 + 2 * k] = 8 / width;
            p[3 + 2 * k] = MidCrossing(x, y, mid);
        }

        double[] Residuals(double[] q)
        {
            var r = new double[total];
            int row = 0;
            for (int k = 0; k < 2; k++)
                for (int i = 0; i < curves[k].X.Length; i++, row++)
                    r[row] = curves[k].Y[i] - SCurveFit.Evaluate(q[0], q[2 + 2 * k], q[3 + 2 * k], q[1], curves[k].X[i]);
            return r;
        }

        var lm = LevenbergMarquardt.Minimize(p, Residuals, q => Jacobian(q, curves), maxIterations, tolerance);
        p = lm.Parameters;
        double rss = lm.ResidualSumOfSquares;
        int iter = lm.Iterations;
        var exit = lm.Converged ? SCurveFitExit.Converged : SCurveFitExit.MaxIterations;

        // erf is odd: keep each s > 0. Both curves share a, so a sign flip of one s alone is a different curve;
        // only when both are negative can the pair be flipped together with a.
        if (p[2] < 0 && p[4] < 0)
        {
            p[0] = -p[0];
            p[2] = -p[2];
            p[4] = -p[4];
        }
        var errors = LevenbergMarquardt.StandardErrors(Jacobian(p, curves), rss);
        var fits = new SCurveFitResult[2];
        for (int k = 0; k < 2; k++)
        {
            double curveRss = 0;
            for (int i = 0; i < curves[k].X.Length; i++)
            {
                double e = curves[k].Y[i] - SCurveFit.Evaluate(p[0], p[2 + 2 * k], p[3 + 2 * k], p[1], curves[k].X[i]);
                curveRss += e * e;
            }
            fits[k] = new SCurveFitResult(p[0], p[2 + 2 * k] / scale, p[3 + 2 * k] * scale, p[1],
                errors[0], errors[2 + 2 * k] / scale, errors[3 + 2 * k] * scale, errors[1],
                Math.Sqrt(curveRss / curves[k].X.Length), iter, exit);
        }
        return new GrokkingSharpness(fits[0], fits[1]);
    }

    private static void RequireSpread(IReadOnlyList<double> times, string name)
    {
        if (!(times.Max() > times.Min()))
            throw new ArgumentException($"{name} are all equal to {times[0]}; allowed: at least two distinct times.", name);
    }

    private static double MidCrossing(double[] x, double[] y, double mid)
    {
        var order = Enumerable.Range(0, x.Length).OrderBy(i => x[i]).ToArray();
        for (int k = 1; k < order.Length; k++)
        {
            double a0 = y[order[k - 1]] - mid, a1 = y[order[k]] - mid;
            if (a0 * a1 <= 0 && a0 != a1)
                return x[order[k - 1]] + (x[order[k]] - x[order[k - 1]]) * (-a0) / (a1 - a0);
        }
        return x[order[order.Length / 2]];
    }

    private static Matrix<double> Jacobian(double[] p, (double[] X, double[] Y)[] curves)
    {
        var jac = Matrix<double>.Build.Dense(curves[0].X.Length + curves[1].X.Length, 6);
        int row = 0;
        for (int k = 0; k < 2; k++)
        {
            double s = p[2 + 2 * k], c = p[3 + 2 * k];
            foreach (double x in curves[k].X)
            {
                double u = s * (x - c);
                double g = 2 / Math.Sqrt(Math.PI) * Math.Exp(-u * u);
                jac[row, 0] = SpecialFunctions.Erf(u);
                jac[row, 1] = 1;
                jac[row, 2 + 2 * k] = p[0] * g * (x - c);
                jac[row, 3 + 2 * k] = -p[0] * g * s;
                row++;
            }
        }
        return jac;
    }
}
