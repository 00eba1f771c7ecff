namespace ResearchKit.InferenceScaling;

/// <summary>
/// Log-gamma differences, digamma and trigamma for the Beta and beta-binomial models. Written out here (rather than
/// taken from MathNet) because the fits need trigamma, which MathNet lacks, and all three must keep full relative
/// precision for arguments from 10⁻³ to 10⁴.
/// </summary>
internal static class BetaFunctions
{
    /// <summary>ln[B(x + k, y)/B(x, y)] = lnΓ(x+k) − lnΓ(x) − lnΓ(x+k+y) + lnΓ(x+y), for x, y &gt; 0, k ≥ 0.</summary>
    public static double LogBetaRatio(double x, double y, double k)
    {
        if (k == 0)
            return 0;
        if (k >= LargeBudget)
        {
            // lnΓ(x+k) − lnΓ(x+k+y) as a difference of two numbers near k ln k loses every digit at k ~ 1e15 (at
            // k = 1e20 it returned ≈ 0, i.e. no decay). Paired through Stirling's series it keeps full precision.
            return LogGammaDifference(x + k, y)
                 - (MathNet.Numerics.SpecialFunctions.GammaLn(x) - MathNet.Numerics.SpecialFunctions.GammaLn(x + y));
        }
        return MathNet.Numerics.SpecialFunctions.GammaLn(x + k) - MathNet.Numerics.SpecialFunctions.GammaLn(x)
             - MathNet.Numerics.SpecialFunctions.GammaLn(x + k + y) + MathNet.Numerics.SpecialFunctions.GammaLn(x + y);
    }

    // From here on the budget k is paired with x by Stirling's series; below it the plain log-gamma difference keeps
    // ~1e-8 relative precision or better, and every notebook's k (≤ 1e5) stays on that branch.
    private const double LargeBudget = 1e7;

    // lnΓ(w) − lnΓ(w + y) for w ≥ 1e7 from lnΓ(w) = (w − ½) ln w − w + ½ ln 2π + μ(w), μ(w) = 1/(12w) − 1/(360w³) + …:
    // = −(w − ½) ln(1 + y/w) − y ln(w + y) + y + μ(w) − μ(w + y), with no difference of large numbers.
    private static double LogGammaDifference(double w, double y)
    {
        static double Mu(double v) => 1 / (12 * v) - 1 / (360 * v * v * v);
        return (y - (w - 0.5) * LogOnePlus(y / w)) - y * Math.Log(w + y) + (Mu(w) - Mu(w + y));
    }

    /// <summary>e^x − 1 to a few ulps by Kahan's trick (net8.0 has no Math.ExpM1; MathNet's Expm1 loses ~7 digits near 0).</summary>
    public static double ExpMinusOne(double x)
    {
        // Below −1 the plain difference is already correct to rounding (|result| ≥ 0.63, so no cancellation) and, unlike
        // Kahan's quotient, monotone in x: the quotient's own rounding made pass@k fall by 2 ulps from k = 3968 to 3969
        // at n = 7280, c = 41 (a property test found it).
        if (x < -1.0)
            return Math.Exp(x) - 1.0;
        double u = Math.Exp(x);
        if (u == 1.0)
            return x;
        double um1 = u - 1.0;
        if (um1 == -1.0)
            return -1.0;
        return um1 * x / Math.Log(u);
    }

    /// <summary>ln(1 + x) for x &gt; −1 to a few ulps by Kahan's trick (double.LogP1 is Log(1 + x) in .NET 8).</summary>
    public static double LogOnePlus(double x)
    {
        double u = 1.0 + x;
        if (u == 1.0)
            return x;
        return Math.Log(u) * x / (u - 1.0);
    }

    /// <summary>ln B(x, y).</summary>
    public static double LogBeta(double x, double y)
        => MathNet.Numerics.SpecialFunctions.GammaLn(x) + MathNet.Numerics.SpecialFunctions.GammaLn(y)
         - MathNet.Numerics.SpecialFunctions.GammaLn(x + y);

    /// <summary>ψ(x) for x &gt; 0: upward recurrence to x ≥ 10, then the asymptotic series.</summary>
    public static double Digamma(double x)
    {
        double shift = 0;
        while (x < 10)
        {
            shift -= 1 / x;
            x += 1;
        }
        double r = 1 / (x * x);
        // ψ(x) ~ ln x − 1/(2x) − Σ B_2n/(2n x^{2n}); terms through x^-14 give < 1e-17 relative error at x ≥ 10.
        double series = r * (1.0 / 12 - r * (1.0 / 120 - r * (1.0 / 252 - r * (1.0 / 240 - r * (1.0 / 132 - r * (691.0 / 32760 - r / 12))))));
        return shift + Math.Log(x) - 0.5 / x - series;
    }

    /// <summary>ψ₁(x) for x &gt; 0: upward recurrence to x ≥ 10, then the asymptotic series.</summary>
    public static double Trigamma(double x)
    {
        double shift = 0;
        while (x < 10)
        {
            shift += 1 / (x * x);
            x += 1;
        }
        double r = 1 / (x * x);
        // ψ₁(x) ~ 1/x + 1/(2x²) + Σ B_2n / x^{2n+1}.
        double series = (1 + r * (1.0 / 6 - r * (1.0 / 30 - r * (1.0 / 42 - r * (1.0 / 30 - r * (5.0 / 66 - r * (691.0 / 2730 - r * 7.0 / 6))))))) / x;
        return shift + series + 0.5 * r;
    }
}
