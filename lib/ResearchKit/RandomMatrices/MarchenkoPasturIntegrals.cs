using MathNet.Numerics.Integration;
using ResearchKit.Numerics;

namespace ResearchKit.RandomMatrices;

/// <summary>
/// Expectations over the Marchenko–Pastur law of aspect ratio λ (unit variance): the continuous part on
/// [(1 − √λ)², (1 + √λ)²] with density √((ν₊ − ν)(ν − ν₋)) / (2πλν), plus an atom of mass 1 − 1/λ at ν = 0 when λ &gt; 1.
/// </summary>
/// <remarks>
/// The integrals behind the training and generalisation losses of Levi, Beck &amp; Bar-Sinai (arXiv 2310.16441),
/// Eqs. 7–8: L_tr = E_ν[ν e^(−4η₀νt)], L_gen = E_ν[e^(−4η₀νt)]. The substitution ν = 1 + λ − 2√λ cos θ removes
/// the square-root edges, so the integrand is smooth in θ; an exponential weight e^(−cν) is integrated relative to
/// its value at the lower edge, so that late times do not underflow before the prefactor is applied.
/// The density is written here privately (notebook 01's Marchenko–Pastur class lives elsewhere in this folder).
/// Used in notebooks 02 and 04.
/// </remarks>
public static class MarchenkoPasturIntegrals
{
    private const int GradedPanels = 14;
    private const int TailPanels = 6;
    private static readonly GaussLegendreRule UnitRule = new(-1, 1, 24);

    private static double Panel(Func<double, double> f, double a, double b)
    {
        double half = (b - a) / 2, mid = (a + b) / 2, sum = 0;
        for (int i = 0; i < UnitRule.Order; i++)
            sum += UnitRule.GetWeight(i) * f(mid + half * UnitRule.GetAbscissa(i));
        return sum * half;
    }

    /// <summary>Lower edge ν₋ = (1 − √λ)² of the continuous part.</summary>
    /// <param name="aspectRatio">λ = d/N. Range: λ &gt; 0.</param>
    public static double LowerEdge(double aspectRatio) => new MarchenkoPastur(aspectRatio).LowerEdge;

    /// <summary>Upper edge ν₊ = (1 + √λ)² of the continuous part.</summary>
    /// <param name="aspectRatio">λ = d/N. Range: λ &gt; 0.</param>
    public static double UpperEdge(double aspectRatio) => new MarchenkoPastur(aspectRatio).UpperEdge;

    /// <summary>Mass of the atom at ν = 0: max(0, 1 − 1/λ).</summary>
    /// <param name="aspectRatio">λ = d/N. Range: λ &gt; 0.</param>
    public static double AtomMass(double aspectRatio) => new MarchenkoPastur(aspectRatio).AtomAtZero;

    /// <summary>E_ν[f(ν) e^(−cν)] over the Marchenko–Pastur law, atom included.</summary>
    /// <param name="aspectRatio">λ = d/N. Range: λ &gt; 0.</param>
    /// <param name="function">f, smooth on the support and finite at ν = 0 (the atom).</param>
    /// <param name="decayRate">c, the exponential rate. Range: c ≥ 0.</param>
    public static double Expectation(double aspectRatio, Func<double, double> function, double decayRate = 0)
    {
        Guard.Positive(aspectRatio);
        Guard.NotNull(function);
        Guard.NonNegative(decayRate);
        double sqrtL = Math.Sqrt(aspectRatio);
        double lower = (1 - sqrtL) * (1 - sqrtL);
        double radius = 2 * sqrtL;
        double norm = radius * radius / (2 * Math.PI * aspectRatio);

        double Integrand(double theta)
        {
            double s = Math.Sin(theta), half = Math.Sin(theta / 2);
            // ν − ν₋ = r(1 − cos θ) = 2r sin²(θ/2), written without cancellation (ν₋ = 0 at λ = 1).
            double aboveEdge = 2 * radius * half * half;
            double nu = lower + aboveEdge;
            double weight = Math.Exp(-decayRate * aboveEdge);
            return nu <= 0 ? 0 : function(nu) * weight * norm * s * s / nu;
        }

        // The exponential concentrates the integrand near θ = 0 with width ~ 1/√(c r); for λ near 1 the factor
        // sin²θ/ν varies on the scale √(ν₋/r). Composite Gauss–Legendre on panels graded geometrically towards
        // θ = 0 resolves both; a fixed rule (rather than an adaptive one) keeps the cost bounded when the
        // integral underflows at late times.
        double width = decayRate > 0 ? Math.Min(Math.PI, 12 / Math.Sqrt(decayRate * radius)) : Math.PI;
        double continuous = 0;
        double right = width;
        for (int p = 0; p < GradedPanels; p++)
        {
            double left = p == GradedPanels - 1 ? 0 : right / 2;
            continuous += Panel(Integrand, left, right);
            right = left;
        }
        if (width < Math.PI)
        {
            double h = (Math.PI - width) / TailPanels;
            for (int p = 0; p < TailPanels; p++)
                continuous += Panel(Integrand, width + p * h, width + (p + 1) * h);
        }
        continuous *= Math.Exp(-decayRate * lower);
        double atom = AtomMass(aspectRatio);
        return atom > 0 ? continuous + atom * function(0) : continuous;
    }

    /// <summary>The Marchenko–Pastur density of the continuous part at ν (0 outside the support).</summary>
    /// <param name="aspectRatio">λ = d/N. Range: λ &gt; 0.</param>
    /// <param name="eigenvalue">ν. Range: finite.</param>
    public static double ContinuousDensity(double aspectRatio, double eigenvalue) => new MarchenkoPastur(aspectRatio).Density(eigenvalue);
}
