using Plotly.NET;
using Plotly.NET.LayoutObjects;
using ResearchKit.Numerics;

namespace ResearchKit.Display;

/// <summary>
/// Horizontal and vertical reference lines (a bound, an asymptote, a critical point) across the whole plot area of a
/// Plotly.NET chart, dotted grey, optionally labelled. They are layout shapes, so they do not appear in the legend and do
/// not change the axis ranges; <see cref="Charts.Grid"/> keeps each on its own panel.
/// </summary>
public static class ReferenceLines
{
    /// <summary>The chart with a horizontal line at y = <paramref name="y"/> across the plot.</summary>
    /// <param name="chart">A Plotly.NET chart.</param>
    /// <param name="y">Height in data units (on a log y axis, the value itself, not its logarithm). Range: finite.</param>
    /// <param name="label">Optional text at the line's right end.</param>
    public static GenericChart WithHorizontalLine(this GenericChart chart, double y, string label = "")
    {
        Guard.NotNull(chart);
        Guard.Finite(y);
        return Add(chart, Line(("xref", "x domain"), ("x0", 0), ("x1", 1), ("yref", "y"), ("y0", ChartData.Round(y)), ("y1", ChartData.Round(y))), label);
    }

    /// <summary>The chart with a vertical line at x = <paramref name="x"/> across the plot.</summary>
    /// <param name="chart">A Plotly.NET chart.</param>
    /// <param name="x">Position in data units (on a log x axis, the value itself). Range: finite.</param>
    /// <param name="label">Optional text at the line's top end.</param>
    public static GenericChart WithVerticalLine(this GenericChart chart, double x, string label = "")
    {
        Guard.NotNull(chart);
        Guard.Finite(x);
        return Add(chart, Line(("xref", "x"), ("x0", ChartData.Round(x)), ("x1", ChartData.Round(x)), ("yref", "y domain"), ("y0", 0), ("y1", 1)), label);
    }

    private static Shape Line(params (string Name, object Value)[] position)
    {
        var shape = new Shape();
        shape.SetProperty("type", "line");
        foreach (var (key, value) in position) shape.SetProperty(key, value);
        shape.SetProperty("line", Traces.Object(("color", ChartStyle.ReferenceGray), ("width", 1.2), ("dash", "dot")));
        return shape;
    }

    private static GenericChart Add(GenericChart chart, Shape shape, string label)
    {
        Guard.NotNull(label);
        if (label.Length > 0)
            shape.SetProperty("label", Traces.Object(("text", label), ("textposition", "end"), ("font", Traces.Object(("size", 11), ("color", ChartStyle.ReferenceGray)))));
        // Chart.withShapes(…, Append: true) puts the new shape first; keep the order the lines were added in.
        var existing = GenericChart.getLayout(chart).TryGetTypedPropertyValue<IEnumerable<Shape>>("shapes");
        var shapes = (existing is null ? Enumerable.Empty<Shape>() : existing.Value).Append(shape).ToArray();
        return Chart.withShapes(shapes, false).Invoke(chart);
    }
}
