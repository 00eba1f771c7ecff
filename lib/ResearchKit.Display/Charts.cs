using Microsoft.FSharp.Core;
using Plotly.NET;
using ResearchKit.Numerics;

namespace ResearchKit.Display;

/// <summary>
/// Plotly.NET charts for the figure types that recur across the papers: a theory curve over simulated points
/// (<see cref="TheoryOverSimulation"/>, <see cref="TheoryOverBand"/>), a rank-ordered spectrum with its power-law fit
/// (<see cref="RankOrderedSpectrum"/>), and a grid of panels (<see cref="Grid"/>). Each returns a plain
/// <see cref="GenericChart"/>, styled with <see cref="ChartStyle"/>, with its data rounded and long curves thinned by
/// <see cref="ChartData"/>: combine, restyle and display them as any Plotly.NET chart.
/// </summary>
/// <remarks>
/// Series colours come from <see cref="ChartStyle.Palette"/> by index, so a theory curve, its markers and its band share
/// one colour and one legend group. Theory is drawn dashed over the simulation, the workbook's convention
/// (notebooks/README.md, "Display types").
/// </remarks>
public static partial class Charts
{
    /// <summary>Default number of points a theory curve is thinned to.</summary>
    public const int DefaultCurvePoints = 400;

    /// <summary>
    /// A theory curve (dashed line) over simulated markers, optionally with ± error bars: e.g. a learning curve
    /// predicted by a closed form against the mean of simulated seeds.
    /// </summary>
    /// <param name="name">The series name in the legend (e.g. "λ = 0.5"); may be empty.</param>
    /// <param name="theoryX">x of the theory curve, non-decreasing. Range: finite (&gt; 0 when <paramref name="logX"/>), non-empty.</param>
    /// <param name="theoryY">y of the theory curve, one per x. Range: finite.</param>
    /// <param name="simulationX">x of the simulated points. Range: finite (&gt; 0 when <paramref name="logX"/>), non-empty.</param>
    /// <param name="simulationY">y of the simulated points, one per x. Range: finite.</param>
    /// <param name="simulationError">Optional ± error bar half-widths, one per point (e.g. a standard error). Range: finite, ≥ 0.</param>
    /// <param name="color">Index into <see cref="ChartStyle.Palette"/>. Range: ≥ 0.</param>
    /// <param name="logX">Draw x on a logarithmic axis (and thin the theory curve evenly in log x).</param>
    /// <param name="maxPoints">About how many theory points to keep. Range: ≥ 2.</param>
    public static GenericChart TheoryOverSimulation(string name,
        IReadOnlyList<double> theoryX, IReadOnlyList<double> theoryY,
        IReadOnlyList<double> simulationX, IReadOnlyList<double> simulationY,
        IReadOnlyList<double>? simulationError = null, int color = 0, bool logX = false, int maxPoints = DefaultCurvePoints)
    {
        Guard.NotNull(name);
        Guard.AtLeast(color, 0);
        var theory = TheoryTrace(name, theoryX, theoryY, color, logX, maxPoints);
        Guard.AllFinite(simulationX);
        Guard.AllFinite(simulationY);
        Guard.SameLength(simulationY.Count, simulationX.Count, nameof(simulationY), nameof(simulationX));
        if (logX) RequirePositive(simulationX, nameof(simulationX), "on a log x axis");
        var markers = Markers(Label(name, "simulation"), simulationX, simulationY, color, name);
        if (simulationError is not null)
        {
            Guard.SameLength(simulationError.Count, simulationX.Count, nameof(simulationError), nameof(simulationX));
            for (int i = 0; i < simulationError.Count; i++)
                Guard.NonNegative(simulationError[i], $"{nameof(simulationError)}[{i}]");
            markers = WithErrorBars(markers, simulationError, nameof(simulationError), null, "", simulationX.Count, color, nameof(simulationX));
        }
        return Finish(Chart.combine(new[] { markers, theory }), logX, logY: false);
    }

    /// <summary>
    /// A theory curve (dashed line) over a shaded band of simulated runs (e.g. the spread over seeds, or a 95 %
    /// interval), with the simulated mean as markers when given.
    /// </summary>
    /// <param name="name">The series name in the legend; may be empty.</param>
    /// <param name="theoryX">x of the theory curve, non-decreasing. Range: finite (&gt; 0 when <paramref name="logX"/>), non-empty.</param>
    /// <param name="theoryY">y of the theory curve. Range: finite.</param>
    /// <param name="bandX">x of the band, non-decreasing. Range: finite (&gt; 0 when <paramref name="logX"/>), non-empty.</param>
    /// <param name="bandLower">Lower edge of the band, one per x. Range: finite.</param>
    /// <param name="bandUpper">Upper edge of the band, one per x. Range: finite, ≥ the lower edge.</param>
    /// <param name="simulationY">Optional simulated mean at each band x, drawn as markers. Range: finite.</param>
    /// <param name="color">Index into <see cref="ChartStyle.Palette"/>. Range: ≥ 0.</param>
    /// <param name="logX">Draw x on a logarithmic axis.</param>
    /// <param name="maxPoints">About how many points of the curve and of the band to keep. Range: ≥ 2.</param>
    public static GenericChart TheoryOverBand(string name,
        IReadOnlyList<double> theoryX, IReadOnlyList<double> theoryY,
        IReadOnlyList<double> bandX, IReadOnlyList<double> bandLower, IReadOnlyList<double> bandUpper,
        IReadOnlyList<double>? simulationY = null, int color = 0, bool logX = false, int maxPoints = DefaultCurvePoints)
    {
        Guard.NotNull(name);
        Guard.AtLeast(color, 0);
        var theory = TheoryTrace(name, theoryX, theoryY, color, logX, maxPoints);
        Guard.AllFinite(bandX);
        Guard.AllFinite(bandLower);
        Guard.AllFinite(bandUpper);
        Guard.SameLength(bandLower.Count, bandX.Count, nameof(bandLower), nameof(bandX));
        Guard.SameLength(bandUpper.Count, bandX.Count, nameof(bandUpper), nameof(bandX));
        for (int i = 0; i < bandX.Count; i++)
        {
            if (!(bandUpper[i] >= bandLower[i]))
                throw new ArgumentException(FormattableString.Invariant(
                    $"bandUpper[{i}] = {bandUpper[i]:G6} < bandLower[{i}] = {bandLower[i]:G6}; allowed: bandUpper[i] ≥ bandLower[i]."), nameof(bandUpper));
        }
        if (logX) RequirePositive(bandX, nameof(bandX), "on a log x axis");
        var lower = ChartData.Thin(bandX, bandLower, maxPoints, logX);
        var upper = ChartData.Thin(bandX, bandUpper, maxPoints, logX);
        string fill = ChartStyle.Translucent(color, 0.25);
        var lowerTrace = Traces.Scatter("lines", lower.X, lower.Y, Label(name, "band"), Grouped(name,
            ("showlegend", false), ("hoverinfo", "skip"), ("line", Traces.Object(("width", 0)))));
        var upperTrace = Traces.Scatter("lines", upper.X, upper.Y, Label(name, "simulation band"), Grouped(name,
            ("fill", "tonexty"), ("fillcolor", fill), ("hoverinfo", "skip"), ("line", Traces.Object(("width", 0)))));
        var parts = new List<GenericChart> { lowerTrace, upperTrace };
        if (simulationY is not null)
        {
            Guard.SameLength(simulationY.Count, bandX.Count, nameof(simulationY), nameof(bandX));
            parts.Add(Markers(Label(name, "simulation"), bandX, simulationY, color, name));
        }
        parts.Add(theory);
        return Finish(Chart.combine(parts), logX, logY: false);
    }

    internal static GenericChart TheoryTrace(string name, IReadOnlyList<double> x, IReadOnlyList<double> y, int color, bool logX, int maxPoints)
    {
        Guard.AllFinite(x);
        Guard.AllFinite(y);
        Guard.SameLength(y.Count, x.Count, nameof(y), nameof(x));
        if (logX) RequirePositive(x, "theoryX", "on a log x axis");
        var curve = ChartData.Thin(x, y, maxPoints, logX);
        return Traces.Scatter("lines", curve.X, curve.Y, Label(name, "theory"), Grouped(name,
            ("line", Traces.Object(("color", ColorOf(color)), ("width", 2), ("dash", "dash")))));
    }

    internal static GenericChart Markers(string label, IReadOnlyList<double> x, IReadOnlyList<double> y, int color, string group)
        => Traces.Scatter("markers", ChartData.Round(x, nameof(x)), ChartData.Round(y, nameof(y)), label, Grouped(group,
            ("marker", Traces.Object(("color", ColorOf(color)), ("size", 7)))));

    internal static string ColorOf(int index) => ChartStyle.Palette[index % ChartStyle.Palette.Count];

    internal static (string Name, object Value)[] Grouped(string group, params (string Name, object Value)[] attributes)
        => group.Length == 0 ? attributes : attributes.Append(("legendgroup", group)).ToArray();

    internal static GenericChart Finish(GenericChart chart, bool logX, bool logY)
    {
        chart = ChartStyle.Apply(chart);
        if (logX) chart = chart.WithLogX();
        if (logY) chart = chart.WithLogY();
        return chart;
    }

    internal static string Label(string name, string part) => name.Length == 0 ? part : $"{name} {part}";

    internal static void RequirePositive(IReadOnlyList<double> values, string name, string why)
    {
        for (int i = 0; i < values.Count; i++)
        {
            if (!(values[i] > 0))
                throw new ArgumentOutOfRangeException(name, values[i], FormattableString.Invariant(
                    $"{name}[{i}] = {values[i]:G6} is out of range; allowed: {name}[i] > 0 {why}."));
        }
    }
}
