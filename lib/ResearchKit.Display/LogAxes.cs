using Plotly.NET;

namespace ResearchKit.Display;

/// <summary>
/// Logarithmic axes for a Plotly.NET chart, in the workbook's style (ticks as powers of ten). The axis keeps its
/// title and other settings.
/// </summary>
/// <remarks>plotly.js leaves out points ≤ 0 on a log axis; the helpers of <see cref="Charts"/> refuse them instead.</remarks>
public static class LogAxes
{
    /// <summary>The chart with a logarithmic x axis.</summary>
    public static GenericChart WithLogX(this GenericChart chart)
        => Traces.WithAxis(Numerics.Guard.NotNull(chart), 'x', ("type", "log"));

    /// <summary>The chart with a logarithmic y axis.</summary>
    public static GenericChart WithLogY(this GenericChart chart)
        => Traces.WithAxis(Numerics.Guard.NotNull(chart), 'y', ("type", "log"));

    /// <summary>The chart with both axes logarithmic.</summary>
    public static GenericChart WithLogLog(this GenericChart chart) => chart.WithLogX().WithLogY();
}
