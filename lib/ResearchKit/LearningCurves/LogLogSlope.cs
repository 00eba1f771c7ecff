using ResearchKit.Numerics;
using ResearchKit.PowerLaws;

namespace ResearchKit.LearningCurves;

/// <summary>The least-squares slope of ln y on ln x over a window of x: a learning-curve exponent.</summary>
/// <param name="Slope">d ln y / d ln x.</param>
/// <param name="StandardError">The OLS standard error √(RSS/(n − 2)/Sxx) (a fit diagnostic; for simulated curves use the spread over seeds).</param>
/// <param name="RSquared">R² of the line.</param>
/// <param name="Points">Points in the window.</param>
/// <remarks>On the shared <c>LogLogLine</c> of <c>ResearchKit.PowerLaws</c>. Notebooks 13–16, 23.</remarks>
public sealed record LogLogSlope(double Slope, double StandardError, double RSquared, int Points)
{
    /// <summary>Fits the points with <paramref name="minX"/> ≤ x ≤ <paramref name="maxX"/>.</summary>
    /// <param name="x">x values (e.g. P). Range: each finite and &gt; 0.</param>
    /// <param name="y">y values (e.g. E_g), same length. Range: each finite and &gt; 0 inside the window.</param>
    /// <param name="minX">Window start. Range: &gt; 0.</param>
    /// <param name="maxX">Window end. Range: ≥ minX; at least three points inside.</param>
    public static LogLogSlope Fit(IReadOnlyList<double> x, IReadOnlyList<double> y, double minX, double maxX)
    {
        Guard.AllFinite(x);
        Guard.AllFinite(y);
        Guard.SameLength(y.Count, x.Count, nameof(y), nameof(x));
        Guard.Positive(minX);
        Guard.InRange(maxX, minX, double.MaxValue);
        var lx = new List<double>();
        var ly = new List<double>();
        for (int i = 0; i < x.Count; i++)
        {
            if (!(x[i] >= minX && x[i] <= maxX)) continue;
            if (!(x[i] > 0 && y[i] > 0))
                throw new ArgumentOutOfRangeException(nameof(y), y[i], FormattableString.Invariant(
                    $"y[{i}] = {y[i]:G6} at x = {x[i]:G6} is out of range; allowed: x > 0 and y > 0 inside the window."));
            lx.Add(Math.Log(x[i]));
            ly.Add(Math.Log(y[i]));
        }
        if (lx.Count < 3)
            throw new ArgumentException(FormattableString.Invariant(
                $"{lx.Count} points with {minX:G6} ≤ x ≤ {maxX:G6}; allowed: at least 3."), nameof(x));
        var line = LogLogLine.Fit(lx, ly, nameof(x));
        return new LogLogSlope(line.Slope, line.SlopeStandardError, line.RSquared, lx.Count);
    }

    /// <summary>
    /// The slope of the full estimates with the jackknife standard error over n independent draws:
    /// SE² = (n − 1)/n·Σ_a (s₋ₐ − s̄)², s₋ₐ the slope of the estimates with draw a left out.
    /// </summary>
    /// <param name="x">x values. Range: as <see cref="Fit"/>.</param>
    /// <param name="y">The estimates from all draws. Range: as <see cref="Fit"/>.</param>
    /// <param name="leaveOneOut">leaveOneOut[a][i]: the estimate at x[i] without draw a. Range: at least 2 draws, each of x's length; &gt; 0 inside the window.</param>
    /// <param name="minX">Window start.</param>
    /// <param name="maxX">Window end.</param>
    /// <returns>The fit of <paramref name="y"/> with <see cref="StandardError"/> the jackknife error.</returns>
    public static LogLogSlope FitJackknife(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<IReadOnlyList<double>> leaveOneOut, double minX, double maxX)
    {
        Guard.NotNull(leaveOneOut);
        if (leaveOneOut.Count < 2)
            throw new ArgumentException(FormattableString.Invariant($"leaveOneOut has {leaveOneOut.Count} draw(s); allowed: at least 2."), nameof(leaveOneOut));
        var full = Fit(x, y, minX, maxX);
        var slopes = new double[leaveOneOut.Count];
        for (int a = 0; a < slopes.Length; a++)
        {
            Guard.NotNull(leaveOneOut[a], nameof(leaveOneOut));
            Guard.SameLength(leaveOneOut[a].Count, x.Count, nameof(leaveOneOut), nameof(x));
            slopes[a] = Fit(x, leaveOneOut[a], minX, maxX).Slope;
        }
        double mean = slopes.Average();
        int n = slopes.Length;
        double se = Math.Sqrt((n - 1.0) / n * slopes.Sum(s => (s - mean) * (s - mean)));
        return full with { StandardError = se };
    }
}
