using ResearchKit.Numerics;
using ResearchKit.PowerLaws;

namespace ResearchKit.SolvableModels;

/// <summary>
/// A power-law trend between two grokking measures (e.g. a sharpness against the relative grokking gap): the least-squares
/// line of ln y on ln x, with the slope's standard error and Pearson's r of the logs.
/// </summary>
/// <param name="Slope">d ln y / d ln x.</param>
/// <param name="SlopeStandardError">√(RSS/(n − 2)/Sxx), the OLS standard error of the slope.</param>
/// <param name="Intercept">ln y at ln x = 0.</param>
/// <param name="LogCorrelation">Pearson's r between ln x and ln y.</param>
/// <param name="Count">n, the number of points.</param>
/// <remarks>
/// Miller et al. (arXiv 2402.08946): the authors' code (jackmiller2003/tiny-gen, branch feat/sharpness-and-gap) fits
/// this regression of ln(sharpness) on ln(relative grokking gap) in both settings. Used in notebook 04.
/// </remarks>
public sealed record GrokkingTrend(double Slope, double SlopeStandardError, double Intercept, double LogCorrelation, int Count)
{
    /// <summary>Fits ln y = Intercept + Slope · ln x.</summary>
    /// <param name="x">x values. Range: finite, &gt; 0, at least 3, not all equal.</param>
    /// <param name="y">y values, same length. Range: finite, &gt; 0.</param>
    public static GrokkingTrend Fit(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        Guard.NotNull(x);
        Guard.NotNull(y);
        Guard.SameLength(y.Count, x.Count, nameof(y), nameof(x));
        Guard.AtLeast(x.Count, 3, "x.Count");
        for (int i = 0; i < x.Count; i++)
        {
            if (!(x[i] > 0 && double.IsFinite(x[i])))
                throw new ArgumentOutOfRangeException(nameof(x), x[i], $"x[{i}] = {x[i]} is out of range; allowed: finite, > 0.");
            if (!(y[i] > 0 && double.IsFinite(y[i])))
                throw new ArgumentOutOfRangeException(nameof(y), y[i], $"y[{i}] = {y[i]} is out of range; allowed: finite, > 0.");
        }
        var lx = x.Select(v => Math.Log(v)).ToArray();
        var ly = y.Select(v => Math.Log(v)).ToArray();
        var line = LogLogLine.Fit(lx, ly, nameof(x));
        double r = Math.Sign(line.Slope) * Math.Sqrt(Math.Max(0, line.RSquared));
        return new GrokkingTrend(line.Slope, line.SlopeStandardError, line.Intercept, r, x.Count);
    }
}
