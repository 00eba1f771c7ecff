using Microsoft.FSharp.Core;
using Plotly.NET;
using ResearchKit.Numerics;

namespace ResearchKit.Display;

public static partial class Charts
{
    /// <summary>Default marker diameter in pixels of <see cref="ErrorMarkers"/> (the markers of the other helpers too).</summary>
    public const int DefaultMarkerSize = 7;

    /// <summary>
    /// Measured points as markers with error bars and no theory curve: fitted exponents per model with their
    /// intervals, simulated means ± a standard error, forecast errors with bootstrap half-widths. The bars are
    /// symmetric (± <paramref name="error"/>) or, with <paramref name="errorMinus"/>, asymmetric (an interval
    /// [y − errorMinus, y + error], e.g. a bootstrap percentile interval around its estimate).
    /// </summary>
    /// <param name="name">The series name in the legend (e.g. "beta-binomial MLE (±1.96 SE)"); may be empty.</param>
    /// <param name="x">x of the points. Range: finite (&gt; 0 when <paramref name="logX"/>), non-empty.</param>
    /// <param name="y">y of the points, one per x. Range: finite (&gt; 0 when <paramref name="logY"/>).</param>
    /// <param name="error">Optional bar half-widths above the points (below them too unless <paramref name="errorMinus"/>
    /// is given), one per point. Range: finite, ≥ 0.</param>
    /// <param name="errorMinus">Optional bar half-widths below the points, one per point; needs <paramref name="error"/>.
    /// Range: finite, ≥ 0.</param>
    /// <param name="color">Index into <see cref="ChartStyle.Palette"/> of the markers and their bars. Range: ≥ 0.</param>
    /// <param name="logX">Draw x on a logarithmic axis.</param>
    /// <param name="logY">Draw y on a logarithmic axis.</param>
    /// <param name="showLegend">List the series in the legend (false for a series that another trace already names).</param>
    /// <param name="legendGroup">The legend group, toggled together; default the <paramref name="name"/> (none when it is empty).</param>
    /// <param name="markerSize">Marker diameter in pixels. Range: 1 to 40.</param>
    /// <returns>A one-trace chart in the workbook's style, numbers rounded by <see cref="ChartData.Round(IReadOnlyList{double}, string)"/>
    /// (the points are not thinned: each is a measurement).</returns>
    /// <remarks>The glue notebooks 01, 02, 04, 06, 08 and 09 each wrote for plotly.js <c>error_y</c> (Plotly.NET.CSharp's
    /// <c>Chart.Point</c> has no error bars and no marker size).</remarks>
    public static GenericChart ErrorMarkers(string name, IReadOnlyList<double> x, IReadOnlyList<double> y,
        IReadOnlyList<double>? error = null, IReadOnlyList<double>? errorMinus = null, int color = 0,
        bool logX = false, bool logY = false, bool showLegend = true, string? legendGroup = null, int markerSize = DefaultMarkerSize)
    {
        Guard.NotNull(name);
        Guard.AllFinite(x);
        Guard.AllFinite(y);
        Guard.SameLength(y.Count, x.Count, nameof(y), nameof(x));
        Guard.AtLeast(color, 0);
        Guard.InRange(markerSize, 1, 40);
        if (logX) RequirePositive(x, nameof(x), "on a log x axis");
        if (logY) RequirePositive(y, nameof(y), "on a log y axis");
        if (errorMinus is not null && error is null)
            throw new ArgumentException("errorMinus is given without error; allowed: errorMinus only together with error (the half-widths above the points).", nameof(errorMinus));
        string group = legendGroup ?? name;
        var extra = new List<(string Name, object Value)>
        {
            ("marker", Traces.Object(("color", ColorOf(color)), ("size", markerSize))),
        };
        if (!showLegend) extra.Add(("showlegend", false));
        var chart = Traces.Scatter("markers", ChartData.Round(x, nameof(x)), ChartData.Round(y, nameof(y)), name, Grouped(group, extra.ToArray()));
        if (error is not null)
            chart = WithErrorBars(chart, error, nameof(error), errorMinus, nameof(errorMinus), x.Count, color);
        return Finish(chart, logX, logY);
    }

    /// <summary>
    /// A legend entry in the style of <see cref="ErrorMarkers"/> for a series that has no point to show — e.g. a
    /// parameter value all of whose runs were dropped — so that the legend still lists it (name it so that the reader
    /// sees why: "n = 45 (no run kept)"). <see cref="ErrorMarkers"/> itself refuses an empty series.
    /// </summary>
    /// <param name="name">The legend text. Range: non-empty.</param>
    /// <param name="color">Index into <see cref="ChartStyle.Palette"/> of the legend's marker. Range: ≥ 0.</param>
    /// <param name="markerSize">Marker diameter in pixels, as the series' other markers. Range: 1 to 40.</param>
    /// <param name="legendGroup">The legend group; default the <paramref name="name"/>.</param>
    /// <returns>A one-trace chart with no data (plotly.js lists a trace with <c>showlegend: true</c> and empty x, y in the
    /// legend and draws nothing on the axes), in the workbook's style.</returns>
    /// <exception cref="ArgumentException">An empty <paramref name="name"/>.</exception>
    public static GenericChart LegendEntry(string name, int color = 0, int markerSize = DefaultMarkerSize, string? legendGroup = null)
    {
        Guard.NotNull(name);
        if (name.Length == 0)
            throw new ArgumentException("name is empty; allowed: the legend text of the series with no points.", nameof(name));
        Guard.AtLeast(color, 0);
        Guard.InRange(markerSize, 1, 40);
        var chart = Traces.Scatter("markers", Array.Empty<double>(), Array.Empty<double>(), name, Grouped(legendGroup ?? name,
            ("marker", Traces.Object(("color", ColorOf(color)), ("size", markerSize))), ("showlegend", true)));
        return Finish(chart, logX: false, logY: false);
    }

    // plotly.js error_y (https://plotly.com/javascript/error-bars/) in the marker's colour.
    internal static GenericChart WithErrorBars(GenericChart markers, IReadOnlyList<double> plus, string plusName,
        IReadOnlyList<double>? minus, string minusName, int count, int color, string countName = "x")
    {
        RequireHalfWidths(plus, plusName, count, countName);
        var attributes = new List<(string Name, object Value)> { ("type", "data"), ("array", ChartData.Round(plus, plusName)) };
        if (minus is not null)
        {
            RequireHalfWidths(minus, minusName, count, countName);
            attributes.Add(("symmetric", false));
            attributes.Add(("arrayminus", ChartData.Round(minus, minusName)));
        }
        attributes.AddRange(new (string, object)[] { ("visible", true), ("color", ColorOf(color)), ("thickness", 1.2), ("width", 3) });
        var errorBars = Traces.Object(attributes.ToArray());
        return GenericChart.mapTrace(FuncConvert.FromFunc<Trace, Trace>(t => { t.SetProperty("error_y", errorBars); return t; }), markers);
    }

    private static void RequireHalfWidths(IReadOnlyList<double> values, string name, int count, string countName)
    {
        Guard.NotNull(values, name);
        Guard.SameLength(values.Count, count, name, countName);
        for (int i = 0; i < values.Count; i++)
        {
            if (!(double.IsFinite(values[i]) && values[i] >= 0))
                throw new ArgumentOutOfRangeException(name, values[i], FormattableString.Invariant(
                    $"{name}[{i}] = {values[i]:G6} is out of range; allowed: 0 ≤ {name}[i] < ∞ (a half-width)."));
        }
    }
}
