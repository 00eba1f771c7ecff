using System.Globalization;
using ResearchKit.Numerics;

namespace ResearchKit.Display;

/// <summary>
/// Prepares numbers for a chart: rounded to <see cref="SignificantDigits"/> significant digits (a 17-digit double
/// costs three times the bytes of a 6-digit one and draws the same pixel) and, for long series, thinned through
/// <see cref="Thinning"/>. Non-finite values are refused: JSON has no NaN, and plotly.js would not draw it.
/// </summary>
/// <remarks>Used by every helper of <see cref="Charts"/>; notebooks that draw with Plotly.NET directly call it
/// before <c>Chart.Line</c> (notebooks/README.md, "Display types").</remarks>
public static class ChartData
{
    /// <summary>Significant digits kept in chart data (about 1 part in 10⁶, far below a pixel).</summary>
    public const int SignificantDigits = 6;

    /// <summary>
    /// <paramref name="value"/> rounded to <see cref="SignificantDigits"/> significant digits: the double nearest to
    /// the 6-digit decimal, which serialises as that decimal.
    /// </summary>
    /// <param name="value">Range: finite.</param>
    public static double Round(double value)
    {
        Guard.Finite(value);
        return double.Parse(value.ToString("G" + SignificantDigits, CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
    }

    /// <summary>Every value rounded as by <see cref="Round(double)"/>.</summary>
    /// <param name="values">Range: non-empty, every element finite.</param>
    /// <param name="name">The caller's name for the values, used in the error message.</param>
    public static double[] Round(IReadOnlyList<double> values, string name = "values")
    {
        Guard.AllFinite(values, name);
        var rounded = new double[values.Count];
        for (int i = 0; i < rounded.Length; i++)
            rounded[i] = Round(values[i]);
        return rounded;
    }

    /// <summary>
    /// A long series reduced to about <paramref name="maxPoints"/> points (evenly in x, or in log x for a logarithmic
    /// axis; first and last points kept) and rounded. A series already that short is only rounded.
    /// </summary>
    /// <param name="x">x values, non-decreasing. Range: finite (and &gt; 0 when <paramref name="logX"/>), non-empty.</param>
    /// <param name="y">y values, one per x. Range: finite.</param>
    /// <param name="maxPoints">About how many points to keep. Range: ≥ 2.</param>
    /// <param name="logX">Thin evenly in log x (for a log x axis).</param>
    /// <exception cref="ArgumentException">Lengths differ, x decreases somewhere, or a value is not finite.</exception>
    public static ThinnedSeries Thin(IReadOnlyList<double> x, IReadOnlyList<double> y, int maxPoints = 400, bool logX = false)
    {
        Guard.AllFinite(x);
        Guard.AllFinite(y);
        Guard.SameLength(y.Count, x.Count, nameof(y), nameof(x));
        var kept = logX ? Thinning.EvenInLogX(x, y, maxPoints) : Thinning.EvenInX(x, y, maxPoints);
        return new ThinnedSeries(Round(kept.X, nameof(x)), Round(kept.Y, nameof(y)));
    }
}
