using ResearchKit.Numerics;

namespace ResearchKit.Display;

/// <summary>A series reduced for plotting: the points kept, in order.</summary>
/// <param name="X">The kept x values.</param>
/// <param name="Y">The kept y values.</param>
public sealed record ThinnedSeries(double[] X, double[] Y);

/// <summary>
/// Reduces long series (e.g. every step of an adaptive ODE solver) to a size worth drawing, so that committed
/// notebooks stay small. The data themselves are not changed: only points that would overlap on screen are skipped.
/// </summary>
public static class Thinning
{
    /// <summary>
    /// Keeps the first and last points and, in between, a point whenever x has advanced by at least
    /// (x_last − x_first)/<paramref name="maxPoints"/> since the last kept one. For x increasing.
    /// </summary>
    /// <param name="x">x values, non-decreasing. Range: finite, at least one.</param>
    /// <param name="y">y values, one per x.</param>
    /// <param name="maxPoints">About how many points to keep. Range: ≥ 2.</param>
    /// <exception cref="ArgumentException">x is not non-decreasing, or the lengths differ.</exception>
    public static ThinnedSeries EvenInX(IReadOnlyList<double> x, IReadOnlyList<double> y, int maxPoints = 400)
    {
        Guard.AllFinite(x);
        Guard.NotNull(y);
        Guard.SameLength(y.Count, x.Count, nameof(y), nameof(x));
        Guard.AtLeast(maxPoints, 2);
        for (int i = 1; i < x.Count; i++)
            if (x[i] < x[i - 1])
                throw new ArgumentException($"x[{i}] = {x[i]} < x[{i - 1}] = {x[i - 1]}; allowed: x non-decreasing.", nameof(x));
        if (x.Count <= maxPoints)
            return new ThinnedSeries(x.ToArray(), y.ToArray());
        double step = (x[^1] - x[0]) / maxPoints;
        var keptX = new List<double> { x[0] };
        var keptY = new List<double> { y[0] };
        double last = x[0];
        for (int i = 1; i < x.Count - 1; i++)
        {
            if (x[i] - last >= step)
            {
                keptX.Add(x[i]);
                keptY.Add(y[i]);
                last = x[i];
            }
        }
        keptX.Add(x[^1]);
        keptY.Add(y[^1]);
        return new ThinnedSeries(keptX.ToArray(), keptY.ToArray());
    }
}
