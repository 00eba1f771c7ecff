using Plotly.NET;
using ResearchKit.Numerics;

namespace ResearchKit.Display;

public static partial class Charts
{
    /// <summary>The plotly.js colour scales <see cref="Heatmap(string, IReadOnlyList{double}, IReadOnlyList{double}, double[,], string, bool, bool, double?, double?, bool, string, bool, bool)"/>
    /// accepts by name (https://plotly.com/javascript/colorscales/).</summary>
    public static IReadOnlyList<string> ColorScales { get; } = new[]
    {
        "Viridis", "Cividis", "Greys", "Blues", "Greens", "Reds", "YlGnBu", "YlOrRd", "RdBu", "Bluered", "Hot",
        "Blackbody", "Earth", "Electric", "Jet", "Picnic", "Portland", "Rainbow",
    };

    /// <summary>
    /// A heatmap of a quantity over a grid of two parameters — a phase diagram, or the mean squared error of a forecast
    /// over (budget, k) — with a titled colour bar. Cell (i, j) is <paramref name="z"/>[i, j] at
    /// x = <paramref name="x"/>[j], y = <paramref name="y"/>[i] (rows are y, plotly.js's convention); the grid points are
    /// the cells' centres, and on a log axis the cells' edges lie halfway between them in log units.
    /// </summary>
    /// <param name="name">The trace name (shown on hover; heatmaps are not listed in the legend); may be empty.</param>
    /// <param name="x">The columns' coordinates, strictly increasing. Range: finite (&gt; 0 when <paramref name="logX"/>), non-empty.</param>
    /// <param name="y">The rows' coordinates, strictly increasing. Range: finite (&gt; 0 when <paramref name="logY"/>), non-empty.</param>
    /// <param name="z">The values, <c>z.GetLength(0) = y.Count</c> rows by <c>z.GetLength(1) = x.Count</c> columns.
    /// Range: finite; NaN only with <paramref name="allowMissing"/> (drawn as an empty cell); at least one finite value.</param>
    /// <param name="colorBarTitle">The colour bar's title, e.g. "log₁₀ MSE"; may be empty.</param>
    /// <param name="logX">Draw x on a logarithmic axis.</param>
    /// <param name="logY">Draw y on a logarithmic axis.</param>
    /// <param name="zMin">Optional bottom of the colour scale (give the same to several maps to share one scale).
    /// Range: finite, &lt; <paramref name="zMax"/> when both are given.</param>
    /// <param name="zMax">Optional top of the colour scale. Range: finite.</param>
    /// <param name="showScale">Draw the colour bar (in a grid of maps that share a scale, draw it once).</param>
    /// <param name="colorScale">A colour scale of <see cref="ColorScales"/>.</param>
    /// <param name="reverseScale">Reverse the colour scale.</param>
    /// <param name="allowMissing">Accept NaN in <paramref name="z"/> as a cell without a value (e.g. where a time is
    /// undefined); ±∞ is refused either way.</param>
    /// <returns>A one-trace chart in the workbook's style with every number rounded by <see cref="ChartData.Round(double)"/>
    /// (the cells are not thinned: keep grids small, a 100 × 100 map is about 80 KB).</returns>
    public static GenericChart Heatmap(string name, IReadOnlyList<double> x, IReadOnlyList<double> y, double[,] z,
        string colorBarTitle = "", bool logX = false, bool logY = false, double? zMin = null, double? zMax = null,
        bool showScale = true, string colorScale = "Viridis", bool reverseScale = false, bool allowMissing = false)
    {
        Guard.NotNull(z);
        return HeatmapOf(name, x, y, z.GetLength(0), z.GetLength(1), (i, j) => z[i, j], "z", colorBarTitle, logX, logY,
            zMin, zMax, showScale, colorScale, reverseScale, allowMissing);
    }

    /// <summary>
    /// <see cref="Heatmap(string, IReadOnlyList{double}, IReadOnlyList{double}, double[,], string, bool, bool, double?, double?, bool, string, bool, bool)"/>
    /// with the values given row by row: <paramref name="rows"/>[i][j] at x = <paramref name="x"/>[j], y = <paramref name="y"/>[i].
    /// </summary>
    /// <param name="name">The trace name; may be empty.</param>
    /// <param name="x">The columns' coordinates, strictly increasing. Range: finite (&gt; 0 when <paramref name="logX"/>), non-empty.</param>
    /// <param name="y">The rows' coordinates, strictly increasing. Range: finite (&gt; 0 when <paramref name="logY"/>), non-empty.</param>
    /// <param name="rows">One row per y, each with one value per x. Range: as for <c>z</c> of the other overload.</param>
    /// <param name="colorBarTitle">The colour bar's title; may be empty.</param>
    /// <param name="logX">Draw x on a logarithmic axis.</param>
    /// <param name="logY">Draw y on a logarithmic axis.</param>
    /// <param name="zMin">Optional bottom of the colour scale. Range: finite, &lt; <paramref name="zMax"/>.</param>
    /// <param name="zMax">Optional top of the colour scale. Range: finite.</param>
    /// <param name="showScale">Draw the colour bar.</param>
    /// <param name="colorScale">A colour scale of <see cref="ColorScales"/>.</param>
    /// <param name="reverseScale">Reverse the colour scale.</param>
    /// <param name="allowMissing">Accept NaN as a cell without a value.</param>
    public static GenericChart Heatmap(string name, IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<IReadOnlyList<double>> rows,
        string colorBarTitle = "", bool logX = false, bool logY = false, double? zMin = null, double? zMax = null,
        bool showScale = true, string colorScale = "Viridis", bool reverseScale = false, bool allowMissing = false)
    {
        Guard.NotNull(rows);
        Guard.NotNull(x);
        for (int i = 0; i < rows.Count; i++)
        {
            if (rows[i] is null)
                throw new ArgumentNullException(nameof(rows), $"rows[{i}] is null; allowed: one value per x.");
            Guard.SameLength(rows[i].Count, x.Count, $"rows[{i}]", nameof(x));
        }
        return HeatmapOf(name, x, y, rows.Count, x.Count, (i, j) => rows[i][j], "rows", colorBarTitle, logX, logY,
            zMin, zMax, showScale, colorScale, reverseScale, allowMissing);
    }

    private static GenericChart HeatmapOf(string name, IReadOnlyList<double> x, IReadOnlyList<double> y, int rowCount, int columnCount,
        Func<int, int, double> value, string zName, string colorBarTitle, bool logX, bool logY, double? zMin, double? zMax,
        bool showScale, string colorScale, bool reverseScale, bool allowMissing)
    {
        Guard.NotNull(name);
        Guard.NotNull(colorBarTitle);
        Guard.NotNull(colorScale);
        RequireGrid(x, nameof(x), logX, "x");
        RequireGrid(y, nameof(y), logY, "y");
        if (rowCount != y.Count || columnCount != x.Count)
            throw new ArgumentException(FormattableString.Invariant(
                $"{zName} has {rowCount} rows × {columnCount} columns but y has {y.Count} and x has {x.Count} values; allowed: {y.Count} rows (one per y) × {x.Count} columns (one per x)."), zName);
        if (!ColorScales.Contains(colorScale, StringComparer.Ordinal))
            throw new ArgumentOutOfRangeException(nameof(colorScale), colorScale,
                $"colorScale = \"{colorScale}\" is not a known plotly.js colour scale; allowed: {string.Join(", ", ColorScales)}.");
        if (zMin is double lo) Guard.Finite(lo, nameof(zMin));
        if (zMax is double hi) Guard.Finite(hi, nameof(zMax));
        if (zMin is double a && zMax is double b && !(a < b))
            throw new ArgumentOutOfRangeException(nameof(zMin), a, FormattableString.Invariant(
                $"zMin = {a:G6} is out of range; allowed: zMin < zMax = {b:G6}."));

        var cells = new double?[rowCount][];
        bool anyValue = false;
        for (int i = 0; i < rowCount; i++)
        {
            cells[i] = new double?[columnCount];
            for (int j = 0; j < columnCount; j++)
            {
                double v = value(i, j);
                if (double.IsNaN(v) && allowMissing) continue;   // null in the JSON: an empty cell
                if (!double.IsFinite(v))
                    throw new ArgumentException(FormattableString.Invariant(
                        $"{zName}[{i}, {j}] = {v:G6} is not finite; allowed: finite values{(allowMissing ? " or NaN (a missing cell)" : " (NaN for a missing cell only with allowMissing: true)")}."), zName);
                cells[i][j] = ChartData.Round(v);
                anyValue = true;
            }
        }
        if (!anyValue)
            throw new ArgumentException($"{zName} has no finite value; allowed: at least one cell with a value.", zName);

        var trace = new Trace2D("heatmap");
        trace.SetProperty("name", name);
        trace.SetProperty("x", ChartData.Round(x, nameof(x)));
        trace.SetProperty("y", ChartData.Round(y, nameof(y)));
        trace.SetProperty("z", cells);
        trace.SetProperty("colorscale", colorScale);
        if (reverseScale) trace.SetProperty("reversescale", true);
        if (zMin is double min) trace.SetProperty("zmin", ChartData.Round(min));
        if (zMax is double max) trace.SetProperty("zmax", ChartData.Round(max));
        trace.SetProperty("showscale", showScale);
        if (showScale && colorBarTitle.Length > 0)
            trace.SetProperty("colorbar", Traces.Object(("title", Traces.Object(("text", colorBarTitle), ("side", "right")))));
        return Finish(GenericChart.ofTraceObject(true, trace), logX, logY);
    }

    private static void RequireGrid(IReadOnlyList<double> values, string name, bool log, string axis)
    {
        Guard.AllFinite(values, name);
        if (log) RequirePositive(values, name, $"on a log {axis} axis");
        for (int i = 1; i < values.Count; i++)
        {
            if (!(values[i] > values[i - 1]))
                throw new ArgumentException(FormattableString.Invariant(
                    $"{name}[{i}] = {values[i]:G6} ≤ {name}[{i - 1}] = {values[i - 1]:G6}; allowed: strictly increasing (the cells' centres)."), name);
        }
    }
}
