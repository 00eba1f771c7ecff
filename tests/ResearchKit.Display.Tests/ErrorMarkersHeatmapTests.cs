using System.Globalization;
using System.Text.Json;
using Plotly.NET;

namespace ResearchKit.Display.Tests;

public class ErrorMarkersTests
{
    private static readonly double[] X = { 0, 1, 2, 3 };
    private static readonly double[] Y = { 0.246 + 1e-9, 0.31, 0.28, 0.4 };
    private static readonly double[] Err = { 0.028, 0.05, 0.0, 0.1 / 3 };

    [Fact]
    public void SymmetricBars_InTheMarkersColour_RoundedAndGroupedByName()
    {
        var root = ChartJson.Parse(Charts.ErrorMarkers("MLE (±1.96 SE)", X, Y, Err, color: 1));
        var trace = ChartJson.Traces(root).Single();
        Assert.Equal("markers", trace.GetProperty("mode").GetString());
        Assert.Equal("MLE (±1.96 SE)", trace.GetProperty("name").GetString());
        Assert.Equal("MLE (±1.96 SE)", trace.GetProperty("legendgroup").GetString());
        Assert.Equal(ChartStyle.Palette[1], trace.GetProperty("marker").GetProperty("color").GetString());
        Assert.Equal(Charts.DefaultMarkerSize, trace.GetProperty("marker").GetProperty("size").GetInt32());
        Assert.Equal(new[] { 0.246, 0.31, 0.28, 0.4 }, ChartJson.Numbers(trace.GetProperty("y")));
        var bars = trace.GetProperty("error_y");
        Assert.Equal("data", bars.GetProperty("type").GetString());
        Assert.Equal(new[] { 0.028, 0.05, 0.0, 0.0333333 }, ChartJson.Numbers(bars.GetProperty("array")));
        Assert.False(bars.TryGetProperty("arrayminus", out _));
        Assert.Equal(ChartStyle.Palette[1], bars.GetProperty("color").GetString());
        Assert.False(trace.TryGetProperty("showlegend", out _));
        Assert.False(root.GetProperty("layout").TryGetProperty("xaxis", out var xaxis) && xaxis.TryGetProperty("type", out _));
    }

    [Fact]
    public void AsymmetricBars_FromAnInterval()
    {
        double[] lower = { 0.2, 0.25, 0.28, 0.3 }, upper = { 0.3, 0.4, 0.28, 0.45 };
        var plus = upper.Zip(Y, (u, y) => Math.Max(0, u - y)).ToArray();
        var minus = Y.Zip(lower, (y, l) => Math.Max(0, y - l)).ToArray();
        var bars = ChartJson.Traces(ChartJson.Parse(Charts.ErrorMarkers("curve fit", X, Y, plus, minus))).Single().GetProperty("error_y");
        Assert.False(bars.GetProperty("symmetric").GetBoolean());
        Assert.Equal(plus.Select(ChartData.Round), ChartJson.Numbers(bars.GetProperty("array")));
        Assert.Equal(minus.Select(ChartData.Round), ChartJson.Numbers(bars.GetProperty("arrayminus")));
    }

    [Fact]
    public void NoError_NoBars_AndTheOptionsReachTheJson()
    {
        var root = ChartJson.Parse(Charts.ErrorMarkers("slope", new[] { 10.0, 100 }, new[] { 0.5, 0.05 }, logX: true, logY: true,
            showLegend: false, legendGroup: "model 3", markerSize: 4, color: 9));
        var trace = ChartJson.Traces(root).Single();
        Assert.False(trace.TryGetProperty("error_y", out _));
        Assert.False(trace.GetProperty("showlegend").GetBoolean());
        Assert.Equal("model 3", trace.GetProperty("legendgroup").GetString());
        Assert.Equal(4, trace.GetProperty("marker").GetProperty("size").GetInt32());
        Assert.Equal(ChartStyle.Palette[9 % ChartStyle.Palette.Count], trace.GetProperty("marker").GetProperty("color").GetString());
        Assert.Equal("log", root.GetProperty("layout").GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal("log", root.GetProperty("layout").GetProperty("yaxis").GetProperty("type").GetString());
    }

    [Fact]
    public void LegendEntry_NoPoints_ListedInTheLegendInTheMarkersStyle()
    {
        var trace = ChartJson.Traces(ChartJson.Parse(Charts.LegendEntry("n = 45 (no run kept)", color: 4, markerSize: 9))).Single();
        Assert.Equal("markers", trace.GetProperty("mode").GetString());
        Assert.Equal("n = 45 (no run kept)", trace.GetProperty("name").GetString());
        Assert.Empty(ChartJson.Numbers(trace.GetProperty("x")));
        Assert.Empty(ChartJson.Numbers(trace.GetProperty("y")));
        Assert.True(trace.GetProperty("showlegend").GetBoolean());
        Assert.Equal("n = 45 (no run kept)", trace.GetProperty("legendgroup").GetString());
        Assert.Equal(ChartStyle.Palette[4], trace.GetProperty("marker").GetProperty("color").GetString());
        Assert.Equal(9, trace.GetProperty("marker").GetProperty("size").GetInt32());
        Assert.Equal("g", ChartJson.Traces(ChartJson.Parse(Charts.LegendEntry("a", legendGroup: "g"))).Single().GetProperty("legendgroup").GetString());
    }

    [Fact]
    public void LegendEntry_InAGrid_StaysListedBesideTheMarkers_AndErrorMarkersStillRefusesAnEmptySeries()
    {
        GenericChart Panel() => Chart.combine(new[] { Charts.ErrorMarkers("n = 25", X, Y, color: 0), Charts.LegendEntry("n = 45", color: 1) });
        var traces = ChartJson.Traces(ChartJson.Parse(Charts.Grid(new[] { Panel(), Panel() }, 2))).ToArray();
        Assert.Equal(4, traces.Length);
        var entries = traces.Where(t => t.GetProperty("name").GetString() == "n = 45").ToArray();
        Assert.Equal(new[] { true, false }, entries.Select(t => t.GetProperty("showlegend").GetBoolean()));
        Assert.Throws<ArgumentException>(() => Charts.ErrorMarkers("n = 45", Array.Empty<double>(), Array.Empty<double>()));
        Assert.Equal("name", Assert.Throws<ArgumentException>(() => Charts.LegendEntry("")).ParamName);
        Assert.Equal("markerSize", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.LegendEntry("a", markerSize: 0)).ParamName);
        Assert.Equal("color", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.LegendEntry("a", color: -1)).ParamName);
    }

    [Fact]
    public void EmptyName_HasNoLegendGroup()
    {
        var trace = ChartJson.Traces(ChartJson.Parse(Charts.ErrorMarkers("", X, Y))).Single();
        Assert.False(trace.TryGetProperty("legendgroup", out _));
    }

    [Fact]
    public void LengthsThatDisagree_NameBothParameters()
    {
        var e = Assert.Throws<ArgumentException>(() => Charts.ErrorMarkers("", X, Y.Take(3).ToArray()));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("y has length 3 but x has length 4", e.Message);
        var e2 = Assert.Throws<ArgumentException>(() => Charts.ErrorMarkers("", X, Y, Err.Take(2).ToArray()));
        Assert.Equal("error", e2.ParamName);
        Assert.Contains("error has length 2 but x has length 4", e2.Message);
        var e3 = Assert.Throws<ArgumentException>(() => Charts.ErrorMarkers("", X, Y, Err, Err.Skip(1).ToArray()));
        Assert.Equal("errorMinus", e3.ParamName);
    }

    [Fact]
    public void NaN_AndNegativeOrNaNHalfWidths_AreRefused()
    {
        var y = (double[])Y.Clone();
        y[2] = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => Charts.ErrorMarkers("", X, y));
        Assert.Contains("y[2] = NaN is not finite", e.Message);
        foreach (double bad in new[] { -0.01, double.NaN, double.PositiveInfinity })
        {
            var err = (double[])Err.Clone();
            err[1] = bad;
            var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => Charts.ErrorMarkers("", X, Y, err));
            Assert.Equal("error", e2.ParamName);
            Assert.Contains("error[1] = ", e2.Message);
            Assert.Contains("allowed: 0 ≤ error[i] < ∞", e2.Message);
        }
    }

    [Fact]
    public void Empty_MinusWithoutPlus_NonPositiveOnLogAxes_AndBadSizes_AreRefused()
    {
        Assert.Contains("x is empty", Assert.Throws<ArgumentException>(() => Charts.ErrorMarkers("", Array.Empty<double>(), Array.Empty<double>())).Message);
        Assert.Equal("errorMinus", Assert.Throws<ArgumentException>(() => Charts.ErrorMarkers("", X, Y, errorMinus: Err)).ParamName);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Charts.ErrorMarkers("", X, Y, logX: true));
        Assert.Contains("x[0] = 0 is out of range; allowed: x[i] > 0 on a log x axis", e.Message);
        var neg = Y.Select(v => v - 0.3).ToArray();
        Assert.Equal("y", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.ErrorMarkers("", X, neg, logY: true)).ParamName);
        Assert.Equal("markerSize", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.ErrorMarkers("", X, Y, markerSize: 0)).ParamName);
        Assert.Equal("color", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.ErrorMarkers("", X, Y, color: -1)).ParamName);
    }
}

public class HeatmapTests
{
    private static readonly double[] Budgets = { 1000, 2000, 5000 };
    private static readonly double[] Ks = { 100, 200 };
    private static readonly double[,] Z = { { -1.0 / 3, -2, -3 }, { -4, -5, -6.123456789 } };

    [Fact]
    public void RowsAreY_ColumnsAreX_Rounded_WithAColourBarTitle()
    {
        var root = ChartJson.Parse(Charts.Heatmap("MSE", Budgets, Ks, Z, "log₁₀ MSE", zMin: -7, zMax: 0));
        var trace = ChartJson.Traces(root).Single();
        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        Assert.Equal(Budgets, ChartJson.Numbers(trace.GetProperty("x")));
        Assert.Equal(Ks, ChartJson.Numbers(trace.GetProperty("y")));
        var z = trace.GetProperty("z").EnumerateArray().Select(ChartJson.Numbers).ToArray();
        Assert.Equal(2, z.Length);
        Assert.Equal(new[] { -0.333333, -2, -3 }, z[0]);
        Assert.Equal(new[] { -4, -5, -6.12346 }, z[1]);
        Assert.Equal("log₁₀ MSE", trace.GetProperty("colorbar").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(-7.0, trace.GetProperty("zmin").GetDouble());
        Assert.Equal(0.0, trace.GetProperty("zmax").GetDouble());
        Assert.Equal("Viridis", trace.GetProperty("colorscale").GetString());
        Assert.True(trace.GetProperty("showscale").GetBoolean());
        Assert.Equal(ChartStyle.Width, root.GetProperty("layout").GetProperty("width").GetInt32());
    }

    [Fact]
    public void JaggedRows_GiveTheSameJsonAsTheMatrix()
    {
        var rows = new[] { new[] { -1.0 / 3, -2, -3 }, new[] { -4, -5, -6.123456789 } };
        Assert.Equal(GenericChart.toJson(Charts.Heatmap("m", Budgets, Ks, Z, "c")), GenericChart.toJson(Charts.Heatmap("m", Budgets, Ks, rows, "c")));
    }

    [Fact]
    public void LogAxes_ScaleOptions_AndMissingCells()
    {
        var z = (double[,])Z.Clone();
        z[1, 2] = double.NaN;
        var root = ChartJson.Parse(Charts.Heatmap("", Budgets, Ks, z, logX: true, logY: true, showScale: false,
            colorScale: "RdBu", reverseScale: true, allowMissing: true));
        var trace = ChartJson.Traces(root).Single();
        Assert.Equal(JsonValueKind.Null, trace.GetProperty("z")[1][2].ValueKind);
        Assert.False(trace.GetProperty("showscale").GetBoolean());
        Assert.False(trace.TryGetProperty("colorbar", out _));
        Assert.True(trace.GetProperty("reversescale").GetBoolean());
        Assert.Equal("RdBu", trace.GetProperty("colorscale").GetString());
        Assert.False(trace.TryGetProperty("zmin", out _));
        Assert.Equal("log", root.GetProperty("layout").GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal("log", root.GetProperty("layout").GetProperty("yaxis").GetProperty("type").GetString());
    }

    [Fact]
    public void ShapeThatDisagrees_NamesTheCounts()
    {
        var e = Assert.Throws<ArgumentException>(() => Charts.Heatmap("", Ks, Budgets, Z));
        Assert.Equal("z", e.ParamName);
        Assert.Contains("z has 2 rows × 3 columns but y has 3 and x has 2 values", e.Message);
        var jagged = new[] { new[] { 1.0, 2, 3 }, new[] { 4.0, 5 } };
        var e2 = Assert.Throws<ArgumentException>(() => Charts.Heatmap("", Budgets, Ks, jagged));
        Assert.Equal("rows[1]", e2.ParamName);
        Assert.Contains("rows[1] has length 2 but x has length 3", e2.Message);
        var e3 = Assert.Throws<ArgumentException>(() => Charts.Heatmap("", Budgets, new[] { 100.0 }, new[] { new[] { 1.0, 2, 3 }, new[] { 4.0, 5, 6 } }));
        Assert.Equal("rows", e3.ParamName);
    }

    [Fact]
    public void NaN_IsRefusedUnlessAllowed_AndInfinityAlways()
    {
        var z = (double[,])Z.Clone();
        z[0, 1] = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => Charts.Heatmap("", Budgets, Ks, z));
        Assert.Contains("z[0, 1] = NaN is not finite", e.Message);
        Assert.Contains("only with allowMissing: true", e.Message);
        z[0, 1] = double.NegativeInfinity;
        var e2 = Assert.Throws<ArgumentException>(() => Charts.Heatmap("", Budgets, Ks, z, allowMissing: true));
        Assert.Contains("z[0, 1] = -∞ is not finite", e2.Message.Replace("-Infinity", "-∞"));
        var allMissing = new double[2, 3];
        for (int i = 0; i < 2; i++) for (int j = 0; j < 3; j++) allMissing[i, j] = double.NaN;
        Assert.Contains("no finite value", Assert.Throws<ArgumentException>(() => Charts.Heatmap("", Budgets, Ks, allMissing, allowMissing: true)).Message);
    }

    [Fact]
    public void Axes_MustBeStrictlyIncreasing_NonEmpty_Finite_AndPositiveOnLogAxes()
    {
        var e = Assert.Throws<ArgumentException>(() => Charts.Heatmap("", new[] { 1000.0, 1000, 5000 }, Ks, Z));
        Assert.Equal("x", e.ParamName);
        Assert.Contains("x[1] = 1000 ≤ x[0] = 1000; allowed: strictly increasing", e.Message);
        Assert.Contains("y is empty", Assert.Throws<ArgumentException>(() => Charts.Heatmap("", Budgets, Array.Empty<double>(), new double[0, 3])).Message);
        Assert.Contains("x[2] = NaN is not finite", Assert.Throws<ArgumentException>(() => Charts.Heatmap("", new[] { 1.0, 2, double.NaN }, Ks, Z)).Message);
        var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => Charts.Heatmap("", new[] { -1.0, 0, 1 }, Ks, Z, logX: true));
        Assert.Contains("x[0] = -1 is out of range; allowed: x[i] > 0 on a log x axis", e2.Message);
    }

    [Fact]
    public void ScaleBounds_AndColourScale_AreChecked()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Charts.Heatmap("", Budgets, Ks, Z, zMin: 1, zMax: 1));
        Assert.Equal("zMin", e.ParamName);
        Assert.Contains("allowed: zMin < zMax = 1", e.Message);
        Assert.Equal("zMax", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.Heatmap("", Budgets, Ks, Z, zMax: double.NaN)).ParamName);
        var e2 = Assert.Throws<ArgumentOutOfRangeException>(() => Charts.Heatmap("", Budgets, Ks, Z, colorScale: "viridis"));
        Assert.Contains("allowed: Viridis, Cividis", e2.Message);
    }

    [Fact]
    public void InAGrid_SharedScale_EachMapOnItsAxes_AndTheJsonDoesNotVary()
    {
        string Build() => GenericChart.toJson(Charts.Grid(new[]
        {
            Charts.Heatmap("a", Budgets, Ks, Z, "log₁₀ MSE", zMin: -7, zMax: 0),
            Charts.Heatmap("b", Budgets, Ks, Z, zMin: -7, zMax: 0, showScale: false),
            Charts.ErrorMarkers("c", new[] { 1.0, 2 }, new[] { 0.5, 0.6 }, new[] { 0.1, 0.1 }),
        }, 3));
        string first = Build();
        var traces = ChartJson.Traces(JsonDocument.Parse(first).RootElement);
        Assert.Equal(new[] { "x", "x2", "x3" }, traces.Select(t => t.GetProperty("xaxis").GetString()));
        var saved = CultureInfo.CurrentCulture;
        try
        {
            var comma = (CultureInfo)CultureInfo.InvariantCulture.Clone();
            comma.NumberFormat.NumberDecimalSeparator = ",";
            comma.NumberFormat.NegativeSign = "~";
            CultureInfo.CurrentCulture = comma;
            Assert.Equal(first, Build());
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}

public class GridTitleTests
{
    private static GenericChart Panel() => Charts.ErrorMarkers("p", new[] { 1.0, 2 }, new[] { 0.5, 0.6 });

    [Theory]
    [InlineData(1, 90)]
    [InlineData(2, 41)]
    [InlineData(3, 26)]
    [InlineData(4, 19)]
    public void TitleCharacters_FollowThePanelWidth(int columns, int expected) => Assert.Equal(expected, Charts.TitleCharacters(columns));

    [Theory]
    [InlineData("short", 10, "short")]
    [InlineData("", 10, "")]
    [InlineData("pythia 2.8B discretised Beta", 12, "pythia 2.8B<br>discretised<br>Beta")]
    [InlineData("aaaaaaaaaaaaaaaaaa b", 5, "aaaaaaaaaaaaaaaaaa<br>b")]            // a long word stays whole
    [InlineData("one two<br>three four", 9, "one two<br>three<br>four")]           // the caller's break stays
    [InlineData("t*<sub>gen</sub> − t*<sub>tr</sub> at λ", 12, "t*<sub>gen</sub> − t*<sub>tr</sub><br>at λ")] // markup does not count
    [InlineData("<span style=\"color: red\">red words</span> here", 9, "<span style=\"color: red\">red words</span><br>here")]
    public void WrapTitle_BreaksAtSpacesOutsideTags(string text, int max, string expected) => Assert.Equal(expected, Charts.WrapTitle(text, max));

    [Fact]
    public void WrapTitle_NoLineLongerThanTheLimitUnlessOneWordIs()
    {
        var rng = new Random(5);
        for (int trial = 0; trial < 200; trial++)
        {
            var words = Enumerable.Range(0, rng.Next(1, 20)).Select(_ => new string('x', rng.Next(1, 12))).ToArray();
            int max = rng.Next(5, 40);
            var lines = Charts.WrapTitle(string.Join(' ', words), max).Split("<br>");
            Assert.Equal(words, lines.SelectMany(l => l.Split(' ')));
            Assert.All(lines, l => Assert.True(l.Length <= max || !l.Contains(' '), $"'{l}' longer than {max}"));
        }
    }

    [Fact]
    public void Grid_ShortTitles_LeaveTheLayoutAsBefore()
    {
        var layout = ChartJson.Parse(Charts.Grid(new[] { Panel(), Panel(), Panel() }, 3, new[] { "(a)", "(b)", "(c)" }, "Fig. 7")).GetProperty("layout");
        Assert.Equal(ChartStyle.PanelHeight, layout.GetProperty("height").GetInt32());
        Assert.False(layout.TryGetProperty("margin", out _));
        Assert.Equal(0.25, layout.GetProperty("grid").GetProperty("ygap").GetDouble());
    }

    [Fact]
    public void Grid_LongPanelTitles_AreWrapped_AndTheGridGrowsToHoldThem()
    {
        string longTitle = "Pythia 2.8B · discretised Beta (100 seeds in every cell)";   // 56 characters, 3 columns of 26
        var panels = Enumerable.Range(0, 6).Select(_ => Panel()).ToArray();
        var shortRoot = ChartJson.Parse(Charts.Grid(panels.Select(_ => Panel()).ToArray(), 3, Enumerable.Repeat("(a)", 6).ToArray()));
        var root = ChartJson.Parse(Charts.Grid(panels, 3, Enumerable.Repeat(longTitle, 6).ToArray(),
            "Forecast errors per model (0–4 CodeContests, 5–11 MATH; error bars: 95 % bootstrap half-widths)"));
        var layout = root.GetProperty("layout");
        var texts = layout.GetProperty("annotations").EnumerateArray().Select(a => a.GetProperty("text").GetString()!).ToArray();
        Assert.All(texts, t => Assert.Equal("Pythia 2.8B · discretised<br>Beta (100 seeds in every<br>cell)", t));
        Assert.All(texts.SelectMany(t => t.Split("<br>")), line => Assert.True(line.Length <= Charts.TitleCharacters(3)));
        string title = layout.GetProperty("title").GetProperty("text").GetString()!;
        Assert.Equal(2, title.Split("<br>").Length);
        // Three lines of panel title: the gap between rows and the top margin grow, the panels keep their height.
        int shortHeight = shortRoot.GetProperty("layout").GetProperty("height").GetInt32();
        Assert.Equal(shortHeight + 2 * 18 + (layout.GetProperty("margin").GetProperty("t").GetInt32() - 50), layout.GetProperty("height").GetInt32());
        Assert.True(layout.GetProperty("margin").GetProperty("t").GetInt32() >= 50 + 2 * 18);
        double ygap = layout.GetProperty("grid").GetProperty("ygap").GetDouble();
        Assert.True(ygap > 0.25);
        double rowHeight = (shortHeight - 110) / (2 + 0.25);
        Assert.Equal(0.25 * rowHeight + 36, ygap * rowHeight, 6);
    }

    [Fact]
    public void Grid_OneChartInTwoPanels_IsRefused()
    {
        var p = Panel();
        var e = Assert.Throws<ArgumentException>(() => Charts.Grid(new[] { p, Panel(), p }, 3));
        Assert.Equal("panels", e.ParamName);
        Assert.Contains("panels[2] is the same chart as panels[0]", e.Message);
    }

    [Fact]
    public void Grid_NullTitle_NamesItsIndex()
    {
        var e = Assert.Throws<ArgumentNullException>(() => Charts.Grid(new[] { Panel(), Panel() }, 2, new[] { "(a)", null! }));
        Assert.Equal("titles[1]", e.ParamName);
    }

    [Fact]
    public void WrapTitle_BadArguments()
    {
        Assert.Equal("maxCharacters", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.WrapTitle("a b", 0)).ParamName);
        Assert.Throws<ArgumentNullException>(() => Charts.WrapTitle(null!, 5));
        Assert.Equal("columns", Assert.Throws<ArgumentOutOfRangeException>(() => Charts.TitleCharacters(0)).ParamName);
    }
}
