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
/// <param name="Iterations">Simplex iterations.</param>
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
    /// E[(1 − s·V)^k] for V ~ Beta(a, b), by Gauss–Legendre quadrature after the substitutions t = v^a on [0, ½] and
    /// w = (1 − v)^b on [½, 1], which remove the endpoint singularities; geometric sub-intervals resolve the boundary
    /// layer of width ~ (s·k)^(−a) near t = 0 at large k.
    /// </summary>
    internal static double ExpectedFailure(double a, double b, double scale, double k)
    {
        double logNorm = BetaFunctions.LogBeta(a, b);
        double LowerPart(double t)
        {
            double v = Math.Pow(t, 1 / a);
            return Math.Exp(k * BetaFunctions.LogOnePlus(-scale * v) + (b - 1) * BetaFunctions.LogOnePlus(-v) - logNorm) / a;
        }
        double UpperPart(double w)
        {
            double v = 1 - Math.Pow(w, 1 / b);
            return Math.Exp(k * BetaFunctions.LogOnePlus(-scale * v) + (a - 1) * Math.Log(v) - logNorm) / b;
        }
        double tMax = Math.Pow(0.5, a), wMax = Math.Pow(0.5, b);
        return Geometric(LowerPart, tMax) + Geometric(UpperPart, wMax);
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
