namespace ResearchKit.Numerics;

/// <summary>
/// Tells a run-off from a minimiser after an optimiser's stopping test has passed: whether the objective keeps falling
/// along a ray from the accepted point out to a bound. Gradient and step tests pass wherever the objective flattens
/// towards an asymptote (exp(−x) at x ≈ 26; a beta-binomial likelihood as its shapes go to 0), although there is no
/// minimiser there; at a minimiser the objective rises along every ray within a finite distance.
/// </summary>
/// <remarks>
/// Along a ray d (‖d‖∞ = 1) the objective is evaluated at x̂ + t·d for t = <see cref="FirstStep"/>·max(‖x̂‖∞, 1)·2^j,
/// j = 0, 1, …, while every coordinate stays within the bound. The ray runs off when no probe rises above the one
/// before by more than the noise, the last probe is below f(x̂) by more than the noise, and every probe is finite.
/// A minimiser ends a ray at the first probe that rises (one evaluation); a flat valley fails the second condition.
/// Used by <see cref="QuasiNewton"/> and the beta-binomial fit.
/// </remarks>
internal static class RunOffProbe
{
    /// <summary>The first probe of a ray, as a share of max(‖x̂‖∞, 1); each further probe doubles the distance.</summary>
    internal const double FirstStep = 1e-2;

    /// <summary>Default noise: 1000 units of 2⁻⁵² of |f| (changes below it are rounding, neither a fall nor a rise).</summary>
    internal const double DefaultRelativeNoise = 1e3 * 2.220446049250313e-16;

    /// <summary>
    /// Whether some ray runs off: the last step's direction x̂ − <paramref name="previous"/> (when given and non-zero),
    /// then each coordinate in its descent direction −sign(g_k) (+1 where <paramref name="gradient"/> is null or 0).
    /// </summary>
    /// <param name="objective">f; it must not keep the array it is given.</param>
    /// <param name="x">x̂, the accepted point (not changed).</param>
    /// <param name="value">f(x̂).</param>
    /// <param name="previous">The point before the last step, or null.</param>
    /// <param name="gradient">∇f(x̂), or null.</param>
    /// <param name="bound">|x_k| beyond which no probe goes. Range: &gt; 0.</param>
    /// <param name="relativeNoise">Changes of f below this share of |f| are rounding. Range: ≥ 0.</param>
    /// <param name="evaluations">Incremented once per evaluation.</param>
    internal static bool AnyRayRunsOff(Func<double[], double> objective, double[] x, double value, double[]? previous,
        double[]? gradient, double bound, double relativeNoise, ref int evaluations)
    {
        int n = x.Length;
        var d = new double[n];
        if (previous is not null)
        {
            double norm = 0;
            for (int k = 0; k < n; k++)
                norm = Math.Max(norm, Math.Abs(x[k] - previous[k]));
            if (norm > 0)
            {
                for (int k = 0; k < n; k++)
                    d[k] = (x[k] - previous[k]) / norm;
                if (RayRunsOff(objective, x, value, d, bound, relativeNoise, ref evaluations))
                    return true;
            }
        }
        for (int j = 0; j < n; j++)
        {
            Array.Clear(d);
            d[j] = gradient is not null && gradient[j] > 0 ? -1 : 1;
            if (RayRunsOff(objective, x, value, d, bound, relativeNoise, ref evaluations))
                return true;
        }
        return false;
    }

    /// <summary>Whether f keeps falling along x̂ + t·<paramref name="direction"/> out to the bound (see the class remarks).</summary>
    internal static bool RayRunsOff(Func<double[], double> objective, double[] x, double value, double[] direction, double bound,
        double relativeNoise, ref int evaluations)
    {
        int n = x.Length;
        double scale = 1;
        for (int k = 0; k < n; k++)
            scale = Math.Max(scale, Math.Abs(x[k]));
        var probe = new double[n];
        double last = value;
        bool probed = false;
        for (double t = FirstStep * scale; ; t *= 2)
        {
            bool inside = true;
            for (int k = 0; k < n; k++)
            {
                probe[k] = x[k] + t * direction[k];
                inside &= Math.Abs(probe[k]) <= bound;
            }
            if (!inside)
                break;
            double f = objective(probe);
            evaluations++;
            if (!double.IsFinite(f) || f > last + Noise(last, f))
                return false;
            last = f;
            probed = true;
        }
        return probed && last < value - Noise(value, last);

        double Noise(double a, double b) => relativeNoise * Math.Max(Math.Abs(a), Math.Abs(b));
    }
}
