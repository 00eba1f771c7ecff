using MathNet.Numerics;
using MathNet.Numerics.Integration;

namespace ResearchKit.SolvableModels;

/// <summary>Metrics of a Gaussian test margin m ~ N(mean, sd²): P[m &gt; 0] and E φ(m).</summary>
internal static class GaussianMargin
{
    public static double PositiveProbability(double mean, double sd)
    {
        if (sd > 0) return 0.5 * SpecialFunctions.Erfc(-mean / (sd * Math.Sqrt(2)));
        return mean > 0 ? 1 : mean < 0 ? 0 : 0.5;
    }

    public static double ExpectedLoss(double mean, double sd, MarginLoss loss)
    {
        if (!(sd > 0)) return loss.Value(mean);
        if (ReferenceEquals(loss, MarginLoss.Exponential)) return Math.Exp(-mean + 0.5 * sd * sd);
        // Gauss–Legendre over ±10 standard deviations; the integrand is smooth and grows at most linearly.
        return GaussLegendreRule.Integrate(g => loss.Value(mean + sd * g) * Math.Exp(-0.5 * g * g) / Math.Sqrt(2 * Math.PI), -10, 10, 128);
    }
}
