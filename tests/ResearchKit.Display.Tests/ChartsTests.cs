using System.Globalization;
using System.Text.Json;
using Plotly.NET;
using ResearchKit.PowerLaws;

namespace ResearchKit.Display.Tests;

public class ChartsTests
{
    private static readonly double[] TheoryX = Enumerable.Range(1, 2000).Select(i => i * 0.01).ToArray();
    private static readonly double[] TheoryY = TheoryX.Select(t => 1 / (1 + t) / 3).ToArray();
    private static readonly double[] SimX = { 1, 2, 4, 8, 16 };
    private static readonly double[] SimY = SimX.Select(t => 1 / (1 + t) / 3 + 1e-3 / 7).ToArray();
    private static readonly double[] SimErr = SimX.Select(t => 0.01 / (1 + t) / 7).ToArray();

    [Fact]
    public void TheoryOverSimulation_DashedTheoryOverMarkersWithErrorBars()
    {
        var root = ChartJson.Parse(Charts.TheoryOverSimulation("λ = 0.5", TheoryX, TheoryY, SimX, SimY, SimErr, color: 1));
        var traces = ChartJson.Traces(root);
        Assert.Equal(2, traces.Length);
        var markers = traces[0];
        var theory = traces[1];
        Assert.Equal("markers", markers.GetProperty("mode").GetString());
        Assert.Equal("λ = 0.5 simulation", markers.GetProperty("name").GetString());
        Assert.Equal("lines", theory.GetProperty("mode").GetString());
        Assert.Equal("dash", theory.GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal(ChartStyle.Palette[1], theory.GetProperty("line").GetProperty("color").GetString());
        Assert.Equal("λ = 0.5", theory.GetProperty("legendgroup").GetString());
        Assert.Equal("λ = 0.5", markers.GetProperty("legendgroup").GetString());
        var errorY = markers.GetProperty("error_y");
        Assert.Equal("data", errorY.GetProperty("type").GetString());
        Assert.Equal(SimErr.Select(ChartData.Round), ChartJson.Numbers(errorY.GetProperty("array")));
        Assert.Equal(SimY.Select(ChartData.Round), ChartJson.Numbers(markers.GetProperty("y")));
        Assert.InRange(theory.GetProperty("x").GetArrayLength(), 300, Charts.DefaultCurvePoints + 2);
        Assert.Equal(20.0, ChartJson.Numbers(theory.GetProperty("x"))[^1]);
    }

    [Fact]
    public void TheoryOverSimulation_EveryNumberHasAtMostSixSignificantDigits()
    {
        var root = ChartJson.Parse(Charts.TheoryOverSimulation("", TheoryX, TheoryY, SimX, SimY, SimErr));
        var numbers = ChartJson.RawNumbers(root.GetProperty("data")).ToList();
        Assert.True(numbers.Count > 300);
        Assert.All(numbers, n => Assert.InRange(ChartJson.SignificantDigits(n), 1, ChartData.SignificantDigits));
        Assert.Contains(numbers, n => n == "0.16681"); // 1/(1+1)/3 + 1/7000 at t = 1, rounded
    }

    [Fact]
    public void TheoryOverSimulation_LogX_SetsTheAxisTypeAndThinsInLogX()
    {
        var x = Enumerable.Range(1, 10_000).Select(i => (double)i).ToArray();
        var y = x.Select(t => Math.Pow(t, -0.5)).ToArray();
        var root = ChartJson.Parse(Charts.TheoryOverSimulation("", x, y, SimX, SimY, logX: true));
        Assert.Equal("log", root.GetProperty("layout").GetProperty("xaxis").GetProperty("type").GetString());
        Assert.False(root.GetProperty("layout").TryGetProperty("yaxis", out _));
        var kept = ChartJson.Numbers(ChartJson.Traces(root)[1].GetProperty("x"));
        Assert.True(kept.Count(v => v < 100) >= 60, "the first half of the decades keeps a good share of the points");
    }

    [Fact]
    public void TheoryOverSimulation_NoErrorBars_WhenNotGiven()
    {
        var markers = ChartJson.Traces(ChartJson.Parse(Charts.TheoryOverSimulation("", TheoryX, TheoryY, SimX, SimY)))[0];
        Assert.False(markers.TryGetProperty("error_y", out _));
    }

    [Fact]
    public void TheoryOverSimulation_MismatchedLengths_NamesBothParameters()
    {
        var e = Assert.Throws<ArgumentException>(() => Charts.TheoryOverSimulation("", TheoryX, TheoryY, SimX, SimY.Take(4).ToArray()));
        Assert.Equal("simulationY", e.ParamName);
        Assert.Contains("length 4", e.Message);
        Assert.Contains("simulationX has length 5", e.Message);
        var e2 = Assert.Throws<ArgumentException>(() => Charts.TheoryOverSimulation("", TheoryX, TheoryY, SimX, SimY, new[] { 0.1 }));
        Assert.Equal("simulationError", e2.ParamName);
    }

    [Fact]
    public void TheoryOverSimulation_NaN_NamesTheElement()
    {
        var y = (double[])TheoryY.Clone();
        y[7] = double.NaN;
        var e = Assert.Throws<ArgumentException>(() => Charts.TheoryOverSimulation("", TheoryX, y, SimX, SimY));
        Assert.Contains("y[7] = NaN is not finite", e.Message);
    }

    [Fact]
    public void TheoryOverSimulation_NegativeError_Throws()
    {
        var err = (double[])SimErr.Clone();
        err[2] = -0.1;
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Charts.TheoryOverSimulation("", TheoryX, TheoryY, SimX, SimY, err));
        Assert.Contains("simulationError[2] = -0.1 is out of range; allowed: 0 ≤", e.Message);
    }

    [Fact]
    public void TheoryOverSimulation_NonPositiveXOnLogAxis_Throws()
    {
        var x = new[] { 0.0, 1, 2, 3, 4 };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Charts.TheoryOverSimulation("", TheoryX, TheoryY, x, SimY, logX: true));
        Assert.Equal("simulationX", e.ParamName);
        Assert.Contains("simulationX[0] = 0 is out of range; allowed: simulationX[i] > 0 on a log x axis", e.Message);
    }

    [Fact]
    public void TheoryOverSimulation_Empty_Throws()
    {
        var e = Assert.Throws<ArgumentException>(() => Charts.TheoryOverSimulation("", Array.Empty<double>(), Array.Empty<double>(), SimX, SimY));
        Assert.Contains("is empty", e.Message);
    }

    [Fact]
    public void TheoryOverBand_FillsBetweenTheEdges()
    {
        var lower = SimY.Select(v => v * 0.9).ToArray();
        var upper = SimY.Select(v => v * 1.1).ToArray();
        var traces = ChartJson.Traces(ChartJson.Parse(Charts.TheoryOverBand("d = 100", TheoryX, TheoryY, SimX, lower, upper, SimY, color: 2)));
        Assert.Equal(4, traces.Length);
        Assert.False(traces[0].GetProperty("showlegend").GetBoolean());
        Assert.Equal("tonexty", traces[1].GetProperty("fill").GetString());
        Assert.StartsWith("rgba(0,158,115,", traces[1].GetProperty("fillcolor").GetString());
        Assert.Equal(upper.Select(ChartData.Round), ChartJson.Numbers(traces[1].GetProperty("y")));
        Assert.Equal("markers", traces[2].GetProperty("mode").GetString());
        Assert.Equal("dash", traces[3].GetProperty("line").GetProperty("dash").GetString());
        Assert.All(traces, t => Assert.Equal("d = 100", t.GetProperty("legendgroup").GetString()));
    }

    [Fact]
    public void TheoryOverBand_UpperBelowLower_NamesTheIndex()
    {
        var lower = SimY.Select(v => v * 0.9).ToArray();
        var upper = SimY.Select(v => v * 1.1).ToArray();
        upper[3] = lower[3] / 2;
        var e = Assert.Throws<ArgumentException>(() => Charts.TheoryOverBand("", TheoryX, TheoryY, SimX, lower, upper));
        Assert.Equal("bandUpper", e.ParamName);
        Assert.Contains("bandUpper[3]", e.Message);
        Assert.Contains("allowed: bandUpper[i] ≥ bandLower[i]", e.Message);
    }

    private static readonly double[] Spectrum = Enumerable.Range(1, 5000).Select(i => 2.0 * Math.Pow(i, -1.3)).ToArray();

    [Fact]
    public void RankOrderedSpectrum_LogLogMarkersAndAFitLineOverTheWindow()
    {
        var fit = PowerLawFit.FitRankOrdered(Spectrum, new RankWindow(10, 1000));
        var root = ChartJson.Parse(Charts.RankOrderedSpectrum("toy", Spectrum, fit));
        var layout = root.GetProperty("layout");
        Assert.Equal("log", layout.GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
        var traces = ChartJson.Traces(root);
        Assert.Equal(2, traces.Length);
        var ranks = ChartJson.Numbers(traces[0].GetProperty("x"));
        Assert.InRange(ranks.Length, 150, Charts.DefaultSpectrumPoints + 2);
        Assert.Equal(1.0, ranks[0]);
        Assert.Equal(5000.0, ranks[^1]);
        Assert.Equal(new[] { 10.0, 1000.0 }, ChartJson.Numbers(traces[1].GetProperty("x")));
        Assert.Equal(new[] { ChartData.Round(2 * Math.Pow(10, -1.3)), ChartData.Round(2 * Math.Pow(1000, -1.3)) },
            ChartJson.Numbers(traces[1].GetProperty("y")));
        Assert.Equal("toy fit: s = 1.3 (ranks 10–1000)", traces[1].GetProperty("name").GetString());
    }

    [Fact]
    public void RankOrderedSpectrum_Ascending_Throws()
    {
        var ascending = Spectrum.Reverse().ToArray();
        var e = Assert.Throws<ArgumentException>(() => Charts.RankOrderedSpectrum("", ascending));
        Assert.Equal("descending", e.ParamName);
        Assert.Contains("descending[1]", e.Message);
        Assert.Contains("allowed: non-increasing", e.Message);
    }

    [Fact]
    public void RankOrderedSpectrum_NonPositive_Throws()
    {
        var s = Spectrum.Append(0.0).ToArray();
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Charts.RankOrderedSpectrum("", s));
        Assert.Contains("descending[5000] = 0 is out of range; allowed: descending[i] > 0", e.Message);
    }

    [Fact]
    public void RankOrderedSpectrum_FitWindowBeyondTheSpectrum_Throws()
    {
        var fit = PowerLawFit.FitRankOrdered(Spectrum, new RankWindow(10, 1000));
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Charts.RankOrderedSpectrum("", Spectrum.Take(500).ToArray(), fit));
        Assert.Equal("fit", e.ParamName);
        Assert.Contains("LastRank = 1000", e.Message);
        Assert.Contains("≤ the spectrum's length 500", e.Message);
    }

    [Fact]
    public void Grid_MovesEachPanelOntoItsOwnAxesWithItsLogAxesAndLines()
    {
        var a = Charts.TheoryOverSimulation("n = 1", TheoryX, TheoryY, SimX, SimY).WithTitles("", "t", "loss");
        var b = Charts.TheoryOverSimulation("n = 1", TheoryX, TheoryY, SimX, SimY, logX: true).WithHorizontalLine(0.1, "floor");
        var c = Charts.RankOrderedSpectrum("", Spectrum);
        var root = ChartJson.Parse(Charts.Grid(new[] { a, b, c }, columns: 2, titles: new[] { "(a)", "(b)", "(c)" }, title: "Fig. 2"));
        var traces = ChartJson.Traces(root);
        Assert.Equal(5, traces.Length);
        Assert.Equal(new[] { "x", "x", "x2", "x2", "x3" }, traces.Select(t => t.GetProperty("xaxis").GetString()));
        Assert.Equal(new[] { "y", "y", "y2", "y2", "y3" }, traces.Select(t => t.GetProperty("yaxis").GetString()));
        var layout = root.GetProperty("layout");
        Assert.Equal(2, layout.GetProperty("grid").GetProperty("rows").GetInt32());
        Assert.Equal(2, layout.GetProperty("grid").GetProperty("columns").GetInt32());
        Assert.Equal("t", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("log", layout.GetProperty("xaxis2").GetProperty("type").GetString());
        Assert.Equal("log", layout.GetProperty("yaxis3").GetProperty("type").GetString());
        var shape = layout.GetProperty("shapes").EnumerateArray().Single();
        Assert.Equal("y2", shape.GetProperty("yref").GetString());
        Assert.Equal("x2 domain", shape.GetProperty("xref").GetString());
        var annotations = layout.GetProperty("annotations").EnumerateArray().Select(x => x.GetProperty("text").GetString()).ToArray();
        Assert.Equal(new[] { "(a)", "(b)", "(c)" }, annotations);
        Assert.Equal("Fig. 2", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(ChartStyle.Width, layout.GetProperty("width").GetInt32());
        Assert.True(layout.GetProperty("height").GetInt32() > ChartStyle.PanelHeight);
        // "n = 1 theory" appears in two panels but once in the legend.
        Assert.Equal(1, traces.Count(t => t.GetProperty("name").GetString() == "n = 1 theory"
            && !(t.TryGetProperty("showlegend", out var s) && s.ValueKind == JsonValueKind.False)));
    }

    [Fact]
    public void Grid_BadArguments_Throw()
    {
        var a = Charts.RankOrderedSpectrum("", Spectrum);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Charts.Grid(new[] { a }, columns: 2));
        Assert.Equal("columns", e.ParamName);
        Assert.Contains("columns = 2 is out of range; allowed: 1 ≤ columns ≤ 1", e.Message);
        var e2 = Assert.Throws<ArgumentException>(() => Charts.Grid(new[] { a }, 1, titles: new[] { "a", "b" }));
        Assert.Equal("titles", e2.ParamName);
        Assert.Throws<ArgumentException>(() => Charts.Grid(Array.Empty<GenericChart>(), 1));
    }

    [Theory]
    [InlineData("x", 3, "x3")]
    [InlineData("y domain", 2, "y2 domain")]
    [InlineData("paper", 4, "paper")]
    [InlineData("x2", 4, "x2")]
    public void Reference_MovesOnlyTheFirstAxes(string reference, int k, string expected)
        => Assert.Equal(expected, Charts.Reference(reference, k));

    [Fact]
    public void ReferenceLines_AreDottedShapesAcrossThePlot()
    {
        var chart = Charts.TheoryOverSimulation("", TheoryX, TheoryY, SimX, SimY).WithHorizontalLine(1.0 / 3, "σ²/3").WithVerticalLine(2.5);
        var shapes = ChartJson.Parse(chart).GetProperty("layout").GetProperty("shapes").EnumerateArray().ToArray();
        Assert.Equal(2, shapes.Length);
        Assert.Equal("line", shapes[0].GetProperty("type").GetString());
        Assert.Equal("x domain", shapes[0].GetProperty("xref").GetString());
        Assert.Equal(0.333333, shapes[0].GetProperty("y0").GetDouble());
        Assert.Equal(0.333333, shapes[0].GetProperty("y1").GetDouble());
        Assert.Equal("dot", shapes[0].GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal("σ²/3", shapes[0].GetProperty("label").GetProperty("text").GetString());
        Assert.Equal("y domain", shapes[1].GetProperty("yref").GetString());
        Assert.Equal(2.5, shapes[1].GetProperty("x0").GetDouble());
        Assert.False(shapes[1].TryGetProperty("label", out _));
    }

    [Fact]
    public void ReferenceLines_NaN_Throws()
    {
        var chart = Charts.RankOrderedSpectrum("", Spectrum);
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => chart.WithHorizontalLine(double.NaN));
        Assert.Equal("y", e.ParamName);
        Assert.Contains("y = NaN is out of range; allowed: y finite", e.Message);
    }

    [Fact]
    public void WithTitles_AndLogAxes_KeepEachOther()
    {
        var chart = Charts.TheoryOverSimulation("", TheoryX, TheoryY, SimX, SimY).WithTitles("Fig. 1", "steps t", "loss").WithLogLog();
        var layout = ChartJson.Parse(chart).GetProperty("layout");
        Assert.Equal("Fig. 1", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("steps t", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("log", layout.GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal("loss", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
    }

    [Fact]
    public void Helpers_ComposeWithPlotlyNetCharts()
    {
        var extra = Plotly.NET.CSharp.Chart.Line<double, double, string>(x: new[] { 1.0, 20.0 }, y: new[] { 0.3, 0.01 }, Name: "bound");
        var root = ChartJson.Parse(ChartStyle.Apply(Chart.combine(new[] { Charts.TheoryOverSimulation("", TheoryX, TheoryY, SimX, SimY), extra })));
        Assert.Equal(new[] { "simulation", "theory", "bound" }, ChartJson.Traces(root).Select(t => t.GetProperty("name").GetString()));
    }

    [Fact]
    public void Json_IsTheSameOnEveryBuildAndInEveryCulture()
    {
        string Build() => GenericChart.toJson(Charts.Grid(new[]
        {
            Charts.TheoryOverSimulation("a", TheoryX, TheoryY, SimX, SimY, SimErr).WithHorizontalLine(0.05, "floor"),
            Charts.RankOrderedSpectrum("b", Spectrum, PowerLawFit.FitRankOrdered(Spectrum, new RankWindow(10, 1000))),
        }, 2, new[] { "(a)", "(b)" }));
        string first = Build();
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
        Assert.DoesNotMatch("[0-9a-f]{8}-[0-9a-f]{4}-", first); // no GUIDs
    }
}
