using ResearchKit.Numerics;
using MathNet.Numerics.Integration;

namespace ResearchKit.InferenceScaling;

/// <summary>
/// A three-parameter Beta fit of the per-problem success rates ĉ/n by binned (discretised) likelihood: U = s·V,
/// V ~ Beta(a, b) on [0, 1], scale s. Its pass@k prediction is 1 − E[(1 − U)^k], by quadrature.
/// </summary>
/// <param name="A">â, the first shape (the tail exponent).</param>
/// <param name="B">b̂, the second shape.</param>
/// <param name="Scale">s, the support's upper end (the largest observed ĉ/n).</param>
/// <param name="LogLikelihood">The maximised binned log-likelihood.</param>
/// <param name="Iterations">Objective evaluations of the simplex search (MathNet's Nelder–Mead with its restarts, Numerics/NelderMead.cs).</param>
/// <param name="ExitReason">Why the simplex stopped.</param>
/// <remarks>
/// The "distributional" estimator of Schaeffer, Kazdan et al. (arXiv 2502.17578) that Kazdan, Schaeffer et al.
/// (arXiv 2510.05197) report as biased downward. Used by notebook 09.
/// </remarks>
public sealed record DiscretizedBetaFitResult(double A, double B, double Scale, double LogLikelihood, int Iterations, FitExitReason ExitReason)
{
    /// <summary>Predicted pass@k = 1 − E[(1 − s·V)^k], V ~ Beta(a, b).</summary>
    /// <param name="k">k. Range: k ≥ 0.</param>
    public double PassAtK(double k)
    {
        Numerics.Guard.NonNegative(k);
        return 1 - ExpectedFailure(A, B, Scale, k);
    }

    /// <summary>
    /// E[(1 − s·V)^k] for V ~ Beta(a, b), by 16-point Gauss–Legendre panels: on [0, v_c] with t = v^a (removes the
    /// v^(a−1) singularity; geometric panels in t), on [v_c, ½] in x = ln v (uniform panels of width ¼, which resolve the
    /// decay of (1 − s·v)^k around v ~ 1/(s·k) whatever a is), and on [½, 1] with w = (1 − v)^b (geometric panels
    /// towards w = 0). v_c = min(½, 0.01/(s·k + 1)).
    /// </summary>
    internal static double ExpectedFailure(double a, double b, double scale, double k)
    {
        double logNorm = BetaFunctions.LogBeta(a, b);
        double Density(double v, double logJacobian)
            => Math.Exp(k * BetaFunctions.LogOnePlus(-scale * v) + (b - 1) * BetaFunctions.LogOnePlus(-v) + logJacobian - logNorm);
        double vc = Math.Min(0.5, 0.01 / (scale * k + 1));
        // t = v^a: v^(a−1) dv = dt/a.
        double Lower(double t) => Density(Math.Pow(t, 1 / a), -Math.Log(a));
        // x = ln v: v^(a−1) dv = e^(a·x) dx.
        double Middle(double x) => Density(Math.Exp(x), a * x);
        double Upper(double w)
        {
            double v = 1 - Math.Pow(w, 1 / b);
            return Math.Exp(k * BetaFunctions.LogOnePlus(-scale * v) + (a - 1) * Math.Log(v) - logNorm) / b;
        }
        double sum = Geometric(Lower, Math.Pow(vc, a));
        double x0 = Math.Log(vc), x1 = Math.Log(0.5);
        int panels = Math.Max(1, (int)Math.Ceiling((x1 - x0) / 0.25));
        for (int j = 0; j < panels; j++)
            sum += GaussLegendreRule.Integrate(Middle, x0 + (x1 - x0) * j / panels, x0 + (x1 - x0) * (j + 1) / panels, 16);
        return sum + Geometric(Upper, Math.Pow(0.5, b));
    }

    // ∫_0^top f by 16-point Gauss–Legendre on [top·2^−(j+1), top·2^−j], j = 0..59, plus [0, top·2^−60].
    private static double Geometric(Func<double, double> f, double top)
    {
        double sum = 0, hi = top;
        for (int j = 0; j < 60; j++)
        {
            double lo = hi / 2;
            sum += GaussLegendreRule.Integrate(f, lo, hi, 16);
            hi = lo;
        }
        return sum + GaussLegendreRule.Integrate(f, 0, hi, 16);
    }
}
