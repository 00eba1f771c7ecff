using Plotly.NET;

namespace ResearchKit.Display;

/// <summary>
/// Builds Plotly.NET traces and layout objects from plotly.js attribute names
/// (https://plotly.com/javascript/reference/). Plotly.NET 6's F# functions (<c>Chart.Line</c>, <c>Chart.withYErrorStyle</c>,
/// <c>Shape.init</c>) carry no C# optional-parameter metadata, so from C# every one of their 20–90 arguments would have
/// to be written out; setting the few attributes a chart needs on Plotly.NET's own objects gives the same JSON.
/// </summary>
internal static class Traces
{
    /// <summary>A one-trace scatter chart (mode "lines", "markers", …) with the given attributes.</summary>
    public static GenericChart Scatter(string mode, double[] x, double[] y, string name, params (string Name, object Value)[] attributes)
    {
        var trace = new Trace2D("scatter");
        trace.SetProperty("name", name);
        trace.SetProperty("mode", mode);
        trace.SetProperty("x", x);
        trace.SetProperty("y", y);
        foreach (var (key, value) in attributes) trace.SetProperty(key, value);
        return GenericChart.ofTraceObject(true, trace);
    }

    /// <summary>A plain object with the given attributes, in the given order (the JSON keeps it).</summary>
    public static DynamicObj.DynamicObj Object(params (string Name, object Value)[] attributes)
    {
        var obj = new DynamicObj.DynamicObj();
        foreach (var (key, value) in attributes) obj.SetProperty(key, value);
        return obj;
    }

    /// <summary>The chart with attributes set on (a copy merged into) its first x or y axis.</summary>
    public static GenericChart WithAxis(GenericChart chart, char letter, params (string Name, object Value)[] attributes)
    {
        var axis = new Plotly.NET.LayoutObjects.LinearAxis();
        foreach (var (key, value) in attributes) axis.SetProperty(key, value);
        return letter == 'x'
            ? Chart.withXAxis(axis, null).Invoke(chart)
            : Chart.withYAxis(axis, null).Invoke(chart);
    }
}
