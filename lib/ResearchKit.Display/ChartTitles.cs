using Plotly.NET;
using ResearchKit.Numerics;

namespace ResearchKit.Display;

/// <summary>Titles of a Plotly.NET chart and of its axes in one call (Plotly.NET's own need one call each).</summary>
public static class ChartTitles
{
    /// <summary>The chart with the given titles; an empty string leaves that title as it was.</summary>
    /// <param name="chart">A Plotly.NET chart.</param>
    /// <param name="title">The chart's title (plotly.js understands &lt;sub&gt;, &lt;sup&gt;, &lt;br&gt;).</param>
    /// <param name="xTitle">The x axis title, e.g. "steps t".</param>
    /// <param name="yTitle">The y axis title, e.g. "test loss L(t)".</param>
    public static GenericChart WithTitles(this GenericChart chart, string title, string xTitle = "", string yTitle = "")
    {
        Guard.NotNull(chart);
        Guard.NotNull(title);
        Guard.NotNull(xTitle);
        Guard.NotNull(yTitle);
        if (title.Length > 0) chart = Chart.withTitle(title, null).Invoke(chart);
        if (xTitle.Length > 0) chart = Traces.WithAxis(chart, 'x', ("title", Traces.Object(("text", xTitle))));
        if (yTitle.Length > 0) chart = Traces.WithAxis(chart, 'y', ("title", Traces.Object(("text", yTitle))));
        return chart;
    }
}
