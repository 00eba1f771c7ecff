using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ResearchKit.Numerics;

namespace ResearchKit.Display;

/// <summary>
/// A plotly.js figure built from library results: lines, markers, error bars and bands, histograms, bars,
/// heatmaps, annotations, log axes and subplot grids. It renders as a <c>div</c> plus a script that draws it with
/// plotly.js — the page's copy when there is one (the exported site), otherwise one loaded from the CDN (VS Code).
/// </summary>
/// <remarks>
/// The element id is a hash of the figure's JSON, so re-running a notebook gives byte-identical output.
/// Numbers are written with 7 significant digits.
/// </remarks>
[TypeFormatterSource(typeof(HtmlFormatterSource), PreferredMimeTypes = new[] { "text/html" })]
public sealed class Figure : IHtmlDisplay
{
    /// <summary>The plotly.js version the figures are written for: that of the npm package the site copies.</summary>
    public const string PlotlyVersion = "4.1.2";

    private readonly List<JsonObject> _traces = new();
    private readonly List<JsonObject> _annotations = new();
    private readonly List<JsonObject> _shapes = new();
    private readonly JsonObject _layoutExtra = new();

    /// <summary>Creates an empty figure.</summary>
    /// <param name="title">Title above the plot.</param>
    /// <param name="xTitle">x-axis title.</param>
    /// <param name="yTitle">y-axis title.</param>
    public Figure(string title = "", string xTitle = "", string yTitle = "")
    {
        Title = title;
        XTitle = xTitle;
        YTitle = yTitle;
    }

    /// <summary>Title above the plot.</summary>
    public string Title { get; set; }

    /// <summary>x-axis title.</summary>
    public string XTitle { get; set; }

    /// <summary>y-axis title.</summary>
    public string YTitle { get; set; }

    /// <summary>Logarithmic x axis.</summary>
    public bool LogX { get; set; }

    /// <summary>Logarithmic y axis.</summary>
    public bool LogY { get; set; }

    /// <summary>Height in pixels (the width follows the page).</summary>
    public int Height { get; set; } = 440;

    /// <summary>Optional fixed x range (in log10 units on a log axis, as plotly expects).</summary>
    public (double Min, double Max)? XRange { get; set; }

    /// <summary>Optional fixed y range (in log10 units on a log axis, as plotly expects).</summary>
    public (double Min, double Max)? YRange { get; set; }

    /// <summary>Bar mode for bar and histogram traces: <c>"overlay"</c> (default) or <c>"group"</c>.</summary>
    public string BarMode { get; set; } = "overlay";

    /// <summary>Number of traces added so far.</summary>
    public int TraceCount => _traces.Count;

    /// <summary>Adds a line.</summary>
    public Figure Line(IReadOnlyList<double> x, IReadOnlyList<double> y, string name, TraceStyle? style = null)
        => AddXY(x, y, name, "lines", style);

    /// <summary>Adds markers.</summary>
    public Figure Markers(IReadOnlyList<double> x, IReadOnlyList<double> y, string name, TraceStyle? style = null)
        => AddXY(x, y, name, "markers", style);

    /// <summary>Adds a line with markers.</summary>
    public Figure LineMarkers(IReadOnlyList<double> x, IReadOnlyList<double> y, string name, TraceStyle? style = null)
        => AddXY(x, y, name, "lines+markers", style);

    /// <summary>Adds markers with symmetric vertical error bars.</summary>
    public Figure ErrorBars(IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<double> yError, string name, TraceStyle? style = null)
    {
        Guard.SameLength(yError.Count, y.Count, nameof(yError), nameof(y));
        AddXY(x, y, name, "markers", style);
        _traces[^1]["error_y"] = new JsonObject().Set("type", "data").Set("array", yError.ToArray()).Set("visible", true);
        return this;
    }

    /// <summary>Adds a shaded band between <paramref name="lower"/> and <paramref name="upper"/> (e.g. a seed spread).</summary>
    public Figure Band(IReadOnlyList<double> x, IReadOnlyList<double> lower, IReadOnlyList<double> upper, string name, TraceStyle? style = null)
    {
        Guard.SameLength(lower.Count, x.Count, nameof(lower), nameof(x));
        Guard.SameLength(upper.Count, x.Count, nameof(upper), nameof(x));
        string color = style?.Color ?? TraceStyle.PaletteColor(_traces.Count, 0.2);
        string group = style?.LegendGroup ?? name;
        var xs = x.Concat(x.Reverse()).ToArray();
        var ys = upper.Concat(lower.Reverse()).ToArray();
        var t = new JsonObject()
            .Set("type", "scatter").Set("mode", "lines").Set("name", name)
            .Set("x", xs).Set("y", ys).Set("fill", "toself").Set("fillcolor", color)
            .Set("line", new JsonObject().Set("width", 0).Set("color", color))
            .Set("hoverinfo", "skip").Set("legendgroup", group)
            .Set("showlegend", style?.ShowLegend ?? true);
        _traces.Add(t);
        return this;
    }

    /// <summary>
    /// Adds a histogram of <paramref name="values"/>, binned here (not in the browser) so that the output stays
    /// small. With <paramref name="density"/> the bars integrate to 1.
    /// </summary>
    /// <param name="values">The sample; non-finite values are rejected.</param>
    /// <param name="name">Legend entry.</param>
    /// <param name="bins">Number of equal-width bins. Range: ≥ 1.</param>
    /// <param name="min">Left edge (default: the sample minimum).</param>
    /// <param name="max">Right edge (default: the sample maximum). Values outside [min, max] are counted in no bin but still count in the density's normalisation.</param>
    /// <param name="density">Normalise to a probability density.</param>
    /// <param name="style">Colour and opacity.</param>
    public Figure Histogram(IReadOnlyList<double> values, string name, int bins = 40, double? min = null, double? max = null, bool density = true, TraceStyle? style = null)
    {
        Guard.AllFinite(values);
        Guard.Positive(bins);
        double lo = min ?? values.Min(), hi = max ?? values.Max();
        if (!(hi > lo)) hi = lo + 1;
        double width = (hi - lo) / bins;
        var counts = new double[bins];
        foreach (double v in values)
        {
            if (v < lo || v > hi) continue;
            int k = Math.Min(bins - 1, (int)((v - lo) / width));
            counts[k]++;
        }
        if (density)
            for (int k = 0; k < bins; k++) counts[k] /= values.Count * width;
        var centers = Enumerable.Range(0, bins).Select(k => lo + (k + 0.5) * width).ToArray();
        var t = new JsonObject()
            .Set("type", "bar").Set("name", name).Set("x", centers).Set("y", counts).Set("width", width)
            .Set("opacity", style?.Opacity ?? 0.55);
        ApplyMarkerColor(t, style);
        if (style?.LegendGroup is { } g) t["legendgroup"] = g;
        if (style is { ShowLegend: false }) t["showlegend"] = false;
        _traces.Add(t);
        return this;
    }

    /// <summary>Adds bars at numeric or categorical positions.</summary>
    public Figure Bars<TX>(IReadOnlyList<TX> x, IReadOnlyList<double> y, string name, TraceStyle? style = null)
    {
        Guard.SameLength(y.Count, x.Count, nameof(y), nameof(x));
        var t = new JsonObject().Set("type", "bar").Set("name", name).Set("x", x.ToArray()).Set("y", y.ToArray());
        ApplyMarkerColor(t, style);
        if (style?.Opacity is { } op) t["opacity"] = op;
        _traces.Add(t);
        return this;
    }

    /// <summary>Adds a heatmap: <paramref name="z"/>[i][j] is drawn at (x[j], y[i]).</summary>
    public Figure Heatmap(IReadOnlyList<double> x, IReadOnlyList<double> y, double[,] z, string name, string colorScale = "Viridis")
    {
        Guard.SameLength(z.GetLength(0), y.Count, "z rows", nameof(y));
        Guard.SameLength(z.GetLength(1), x.Count, "z columns", nameof(x));
        var rows = new double[z.GetLength(0)][];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = new double[z.GetLength(1)];
            for (int j = 0; j < rows[i].Length; j++) rows[i][j] = z[i, j];
        }
        _traces.Add(new JsonObject().Set("type", "heatmap").Set("name", name).Set("x", x.ToArray()).Set("y", y.ToArray())
            .Set("z", rows).Set("colorscale", colorScale));
        return this;
    }

    /// <summary>Adds a text annotation at data coordinates (on a log axis give the data value, not its log).</summary>
    public Figure Annotate(double x, double y, string text, bool arrow = false)
    {
        _annotations.Add(new JsonObject()
            .Set("x", LogX ? Math.Log10(x) : x).Set("y", LogY ? Math.Log10(y) : y)
            .Set("text", text).Set("showarrow", arrow).Set("xref", "x").Set("yref", "y"));
        return this;
    }

    /// <summary>Adds a horizontal reference line across the plot at <paramref name="y"/>.</summary>
    public Figure HorizontalLine(double y, TraceStyle? style = null)
    {
        _shapes.Add(new JsonObject().Set("type", "line").Set("xref", "paper").Set("x0", 0).Set("x1", 1)
            .Set("yref", "y").Set("y0", y).Set("y1", y)
            .Set("line", new JsonObject().Set("color", style?.Color ?? "#555").Set("dash", style?.Dash ?? "dot").Set("width", style?.Width ?? 1)));
        return this;
    }

    /// <summary>Adds a vertical reference line across the plot at <paramref name="x"/>.</summary>
    public Figure VerticalLine(double x, TraceStyle? style = null)
    {
        _shapes.Add(new JsonObject().Set("type", "line").Set("yref", "paper").Set("y0", 0).Set("y1", 1)
            .Set("xref", "x").Set("x0", x).Set("x1", x)
            .Set("line", new JsonObject().Set("color", style?.Color ?? "#555").Set("dash", style?.Dash ?? "dot").Set("width", style?.Width ?? 1)));
        return this;
    }

    /// <summary>
    /// Places several figures in a grid of subplots, row by row, each keeping its own axes, log scales and title.
    /// </summary>
    /// <param name="title">Title of the whole grid.</param>
    /// <param name="columns">Columns of the grid. Range: ≥ 1.</param>
    /// <param name="panels">The panels; their number fixes the rows.</param>
    public static Figure Grid(string title, int columns, params Figure[] panels)
    {
        Guard.Positive(columns);
        Guard.NotEmpty(panels);
        int rows = (panels.Length + columns - 1) / columns;
        var grid = new Figure(title) { Height = Math.Max(340, 320 * rows) };
        const double xGap = 0.07, yGap = 0.14;
        double w = (1 - xGap * (columns - 1)) / columns;
        double h = (1 - yGap * (rows - 1)) / rows;
        for (int p = 0; p < panels.Length; p++)
        {
            var panel = panels[p];
            int r = p / columns, c = p % columns;
            string suffix = p == 0 ? "" : (p + 1).ToString(CultureInfo.InvariantCulture);
            double x0 = c * (w + xGap), y1 = 1 - r * (h + yGap);
            var xa = grid._layoutExtra.Child("xaxis" + suffix);
            var ya = grid._layoutExtra.Child("yaxis" + suffix);
            FillAxis(xa, panel.XTitle, panel.LogX, panel.XRange);
            FillAxis(ya, panel.YTitle, panel.LogY, panel.YRange);
            xa.Set("domain", new[] { x0, x0 + w }).Set("anchor", "y" + suffix);
            ya.Set("domain", new[] { y1 - h, y1 }).Set("anchor", "x" + suffix);
            foreach (var t in panel._traces)
            {
                var copy = Clone(t);
                copy["xaxis"] = "x" + suffix;
                copy["yaxis"] = "y" + suffix;
                grid._traces.Add(copy);
            }
            foreach (var a in panel._annotations)
            {
                var copy = Clone(a);
                copy["xref"] = "x" + suffix;
                copy["yref"] = "y" + suffix;
                grid._annotations.Add(copy);
            }
            foreach (var s in panel._shapes)
            {
                var copy = Clone(s);
                if ((string?)copy["xref"] == "paper") { copy["xref"] = "x" + suffix + " domain"; copy["yref"] = "y" + suffix; }
                else { copy["yref"] = "y" + suffix + " domain"; copy["xref"] = "x" + suffix; }
                grid._shapes.Add(copy);
            }
            if (!string.IsNullOrEmpty(panel.Title))
            {
                grid._annotations.Add(new JsonObject().Set("text", "<b>" + panel.Title + "</b>").Set("showarrow", false)
                    .Set("xref", "paper").Set("yref", "paper").Set("x", x0 + w / 2).Set("y", y1)
                    .Set("xanchor", "center").Set("yanchor", "bottom").Set("font", new JsonObject().Set("size", 13)));
            }
        }
        return grid;
    }

    /// <summary>The plotly specification: <c>{"data": [...], "layout": {...}, "config": {...}}</c>.</summary>
    public string ToJson()
    {
        var layout = new JsonObject();
        if (!string.IsNullOrEmpty(Title)) layout["title"] = new JsonObject().Set("text", Title);
        layout["height"] = Height;
        layout["template"] = "plotly_white";
        layout["margin"] = new JsonObject().Set("l", 70).Set("r", 30).Set("t", string.IsNullOrEmpty(Title) ? 30 : 60).Set("b", 60);
        layout["barmode"] = BarMode;
        layout["legend"] = new JsonObject().Set("bgcolor", "rgba(255,255,255,0.6)");
        if (_layoutExtra.Entries.Any())
        {
            foreach (var (k, v) in _layoutExtra.Entries) layout[k] = v;
        }
        else
        {
            FillAxis(layout.Child("xaxis"), XTitle, LogX, XRange);
            FillAxis(layout.Child("yaxis"), YTitle, LogY, YRange);
        }
        if (_annotations.Count > 0) layout["annotations"] = _annotations;
        if (_shapes.Count > 0) layout["shapes"] = _shapes;
        var spec = new JsonObject()
            .Set("data", _traces)
            .Set("layout", layout)
            .Set("config", new JsonObject().Set("responsive", true).Set("displaylogo", false));
        return JsonText.Write(spec);
    }

    /// <inheritdoc />
    public string ToHtml()
    {
        string json = ToJson();
        string id = "rk-fig-" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(json)), 0, 6).ToLowerInvariant();
        var sb = new StringBuilder();
        sb.Append("<div class=\"rk-figure\"><div id=\"").Append(id).Append("\" style=\"width:100%;height:")
          .Append(Height.ToString(CultureInfo.InvariantCulture)).Append("px\"></div>\n");
        sb.Append("<script type=\"text/javascript\">\n(function () {\n");
        sb.Append("var spec = ").Append(json).Append(";\n");
        sb.Append("var draw = function (P) { P.newPlot('").Append(id).Append("', spec.data, spec.layout, spec.config); };\n");
        sb.Append("if (window.Plotly) { draw(window.Plotly); return; }\n");
        sb.Append("var url = 'https://cdn.plot.ly/plotly-").Append(PlotlyVersion).Append(".min';\n");
        sb.Append("if (typeof window.requirejs === 'function') { window.requirejs.config({ paths: { plotly: url } }); window.requirejs(['plotly'], draw); return; }\n");
        sb.Append("var s = document.createElement('script'); s.src = url + '.js'; s.onload = function () { draw(window.Plotly); }; document.head.appendChild(s);\n");
        sb.Append("})();\n</script></div>");
        return sb.ToString();
    }

    /// <inheritdoc />
    public override string ToString() => $"Figure '{Title}' ({_traces.Count} traces)";

    private Figure AddXY(IReadOnlyList<double> x, IReadOnlyList<double> y, string name, string mode, TraceStyle? style)
    {
        Guard.NotNull(x);
        Guard.NotNull(y);
        Guard.SameLength(y.Count, x.Count, nameof(y), nameof(x));
        var t = new JsonObject().Set("type", "scatter").Set("mode", mode).Set("name", name)
            .Set("x", x.ToArray()).Set("y", y.ToArray());
        if (style is not null)
        {
            if (mode.Contains("lines", StringComparison.Ordinal))
            {
                var line = new JsonObject();
                if (style.Color is { } c) line["color"] = c;
                if (style.Dash is { } d) line["dash"] = d;
                if (style.Width is { } wd) line["width"] = wd;
                t["line"] = line;
            }
            if (mode.Contains("markers", StringComparison.Ordinal))
            {
                var marker = new JsonObject();
                if (style.Color is { } c) marker["color"] = c;
                if (style.MarkerSize is { } ms) marker["size"] = ms;
                t["marker"] = marker;
            }
            if (style.Opacity is { } op) t["opacity"] = op;
            if (!style.ShowLegend) t["showlegend"] = false;
            if (style.LegendGroup is { } g) t["legendgroup"] = g;
        }
        _traces.Add(t);
        return this;
    }

    private static void ApplyMarkerColor(JsonObject t, TraceStyle? style)
    {
        if (style?.Color is { } c) t["marker"] = new JsonObject().Set("color", c);
    }

    private static void FillAxis(JsonObject axis, string title, bool log, (double Min, double Max)? range)
    {
        if (!string.IsNullOrEmpty(title)) axis["title"] = new JsonObject().Set("text", title);
        if (log)
        {
            axis["type"] = "log";
            axis["exponentformat"] = "power";
        }
        if (range is { } r) axis["range"] = new[] { r.Min, r.Max };
    }

    private static JsonObject Clone(JsonObject source)
    {
        var copy = new JsonObject();
        foreach (var (k, v) in source.Entries) copy[k] = v;
        return copy;
    }
}
