using System.Text.Json;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace ResearchKit.Display.Tests;

public class ChartStyleTests
{
    private static readonly double[] X = Enumerable.Range(0, 400).Select(i => i / 40.0).ToArray();
    private static readonly double[] Y = X.Select(v => Math.Exp(-v) / 3).ToArray();

    [Fact]
    public void Template_IsSmall()
    {
        var chart = ChartStyle.Apply(CSharpChart.Line<double, double, string>(x: new[] { 1.0 }, y: new[] { 1.0 }));
        var template = ChartJson.Parse(chart).GetProperty("layout").GetProperty("template").GetRawText();
        Assert.InRange(template.Length, 200, 1000);
    }

    [Fact]
    public void Apply_ReplacesPlotlyNetsDefaultTemplate()
    {
        var plain = CSharpChart.Line<double, double, string>(x: X, y: Y);
        int before = GenericChart.toJson(plain).Length;
        var styled = ChartStyle.Apply(CSharpChart.Line<double, double, string>(x: X, y: Y));
        string json = GenericChart.toJson(styled);
        Assert.True(before - json.Length > 7000, $"default {before} B, styled {json.Length} B");
        Assert.Contains("\"colorway\":[\"#0072B2\"", json);
        Assert.DoesNotContain("#636efa", json); // the default template's first colour
        var layout = JsonDocument.Parse(json).RootElement.GetProperty("layout");
        Assert.Equal(ChartStyle.Width, layout.GetProperty("width").GetInt32());
        Assert.Equal(ChartStyle.PanelHeight, layout.GetProperty("height").GetInt32());
    }

    [Fact]
    public void TypicalHelperChart_IsAFractionOfTheDefault()
    {
        // A 400-point theory curve over 20 simulated points with error bars: a typical workbook figure.
        var simX = Enumerable.Range(0, 20).Select(i => i / 2.0).ToArray();
        var simY = simX.Select(v => Math.Exp(-v) / 3 * 1.01).ToArray();
        var err = simX.Select(v => 0.01 * Math.Exp(-v)).ToArray();
        var helper = Charts.TheoryOverSimulation("λ = 0.5", X, Y, simX, simY, err);
        var direct = Chart.combine(new[]
        {
            CSharpChart.Line<double, double, string>(x: X, y: Y),
            CSharpChart.Point<double, double, string>(x: simX, y: simY),
        });
        int helperBytes = GenericChart.toJson(helper).Length, directBytes = GenericChart.toJson(direct).Length;
        Assert.True(helperBytes < directBytes / 2, $"helper {helperBytes} B, Plotly.NET default {directBytes} B");
        Assert.True(helperBytes < 12_000, $"helper {helperBytes} B");
    }

    [Fact]
    public void Template_IsAFreshInstance()
    {
        var a = ChartStyle.Template;
        a.SetProperty("layout", null!);
        Assert.Contains("colorway", GenericChart.toJson(ChartStyle.Apply(CSharpChart.Line<double, double, string>(x: X, y: Y))));
    }

    [Fact]
    public void Color_CyclesThroughThePalette()
    {
        Assert.Equal(ChartStyle.Color(0).ToString(), ChartStyle.Color(ChartStyle.Palette.Count).ToString());
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ChartStyle.Color(-1));
        Assert.Contains("index = -1", e.Message);
    }

    [Fact]
    public void Apply_RowsOutOfRange_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => ChartStyle.Apply(CSharpChart.Line<double, double, string>(x: X, y: Y), rows: 0));
        Assert.Equal("rows", e.ParamName);
    }
}
