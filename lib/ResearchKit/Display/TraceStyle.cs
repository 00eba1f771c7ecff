namespace ResearchKit.Display;

/// <summary>How a trace is drawn. Every member is optional; plotly's defaults apply to what is left out.</summary>
/// <param name="Color">A CSS colour, e.g. <c>"#1f77b4"</c> or <c>"rgba(31,119,180,0.2)"</c>.</param>
/// <param name="Dash">Line dash: <c>"solid"</c>, <c>"dash"</c>, <c>"dot"</c>, <c>"dashdot"</c>.</param>
/// <param name="Width">Line width in pixels.</param>
/// <param name="MarkerSize">Marker size in pixels.</param>
/// <param name="Opacity">Trace opacity in [0, 1].</param>
/// <param name="ShowLegend">Whether the trace has a legend entry.</param>
/// <param name="LegendGroup">Traces with the same group toggle together in the legend.</param>
public sealed record TraceStyle(
    string? Color = null,
    string? Dash = null,
    double? Width = null,
    double? MarkerSize = null,
    double? Opacity = null,
    bool ShowLegend = true,
    string? LegendGroup = null)
{
    /// <summary>A dashed line, for theory curves drawn over simulations.</summary>
    public static TraceStyle Theory(string? color = null) => new(Color: color, Dash: "dash", Width: 2);

    /// <summary>The ten-colour palette plotly uses by default, so that a colour can be named by index.</summary>
    public static IReadOnlyList<string> Palette { get; } = new[]
    {
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd",
        "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    };

    /// <summary>The palette colour at <paramref name="index"/> (cycling), optionally with an alpha.</summary>
    public static string PaletteColor(int index, double alpha = 1)
    {
        string hex = Palette[((index % Palette.Count) + Palette.Count) % Palette.Count];
        if (alpha >= 1) return hex;
        int r = Convert.ToInt32(hex.Substring(1, 2), 16), g = Convert.ToInt32(hex.Substring(3, 2), 16), b = Convert.ToInt32(hex.Substring(5, 2), 16);
        return FormattableString.Invariant($"rgba({r},{g},{b},{alpha:0.###})");
    }
}
