using Plotly.NET;

namespace ResearchKit.Display;

/// <summary>
/// The workbook's one chart style: a small, fixed Plotly.NET template (white background, framed axes, light grid, one
/// colour sequence) and the colours of the series. Plotly.NET's default template carries about 9 KB into every chart's
/// JSON; this one about 0.6 KB, so a notebook with fifteen charts stays well inside its 1 MB budget.
/// </summary>
/// <remarks>
/// Every helper of <see cref="Charts"/> applies it. A chart drawn with Plotly.NET directly takes it with
/// <see cref="Apply"/> (or <c>Chart.withTemplate(ChartStyle.Template)</c>). Nothing here depends on the machine, the
/// culture or the clock: the same calls give the same JSON. See notebooks/README.md, "Display types".
/// </remarks>
public static class ChartStyle
{
    /// <summary>The series colours, in order (colour-blind-safe, after Okabe and Ito); <see cref="Color"/> picks one.</summary>
    public static IReadOnlyList<string> Palette { get; } = new[]
    {
        "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000", "#F0E442",
    };

    /// <summary>The colour of reference lines and annotations.</summary>
    public const string ReferenceGray = "#777777";

    /// <summary>Chart height in pixels of a single panel.</summary>
    public const int PanelHeight = 420;

    /// <summary>Chart width in pixels.</summary>
    public const int Width = 720;

    /// <summary>The template: a fresh instance each call, so that a caller who changes it changes no other chart.</summary>
    public static Template Template => BuildTemplate();

    /// <summary>The <paramref name="index"/>-th series colour, cycling through <see cref="Palette"/>.</summary>
    /// <param name="index">Series number. Range: ≥ 0.</param>
    public static Color Color(int index)
    {
        Numerics.Guard.AtLeast(index, 0);
        return Plotly.NET.Color.fromHex(Palette[index % Palette.Count]);
    }

    /// <summary>The same colour with opacity <paramref name="alpha"/>, for bands.</summary>
    internal static string Translucent(int index, double alpha)
    {
        string hex = Palette[index % Palette.Count];
        int r = Convert.ToInt32(hex.Substring(1, 2), 16), g = Convert.ToInt32(hex.Substring(3, 2), 16), b = Convert.ToInt32(hex.Substring(5, 2), 16);
        return FormattableString.Invariant($"rgba({r},{g},{b},{alpha:0.##})");
    }

    /// <summary>
    /// Replaces the chart's template with <see cref="Template"/> and sets the workbook's size (height grows with the
    /// number of panel rows).
    /// </summary>
    /// <param name="chart">A Plotly.NET chart.</param>
    /// <param name="rows">Panel rows, for the height. Range: ≥ 1.</param>
    public static GenericChart Apply(GenericChart chart, int rows = 1)
    {
        Numerics.Guard.NotNull(chart);
        Numerics.Guard.InRange(rows, 1, 20);
        chart = Chart.withTemplate(Template).Invoke(chart);
        int height = rows == 1 ? PanelHeight : 80 + rows * (PanelHeight - 120);
        return Chart.withSize(Width: Width, Height: height).Invoke(chart);
    }

    // Plain plotly.js attribute names (https://plotly.com/javascript/reference/layout/): the template is data, and this
    // keeps it exactly as small as written.
    private static Template BuildTemplate()
    {
        var layout = new Layout();
        layout.SetProperty("font", Props(("family", "Arial, sans-serif"), ("size", 13), ("color", "#222222")));
        layout.SetProperty("paper_bgcolor", "#FFFFFF");
        layout.SetProperty("plot_bgcolor", "#FFFFFF");
        layout.SetProperty("colorway", Palette.ToArray());
        layout.SetProperty("hovermode", "closest");
        layout.SetProperty("margin", Props(("l", 70), ("r", 20), ("t", 50), ("b", 60)));
        layout.SetProperty("legend", Props(("bgcolor", "rgba(255,255,255,0.6)")));
        foreach (string axis in new[] { "xaxis", "yaxis" })
        {
            layout.SetProperty(axis, Props(
                ("showline", true), ("linecolor", "#444444"), ("mirror", true), ("ticks", "outside"),
                ("showgrid", true), ("gridcolor", "#E6E6E6"), ("zeroline", false), ("automargin", true),
                ("exponentformat", "power")));
        }
        return Template.init(layout, Microsoft.FSharp.Core.FSharpOption<IEnumerable<Trace>>.None);
    }

    private static DynamicObj.DynamicObj Props(params (string Name, object Value)[] properties)
    {
        var obj = new DynamicObj.DynamicObj();
        foreach (var (name, value) in properties) obj.SetProperty(name, value);
        return obj;
    }
}
