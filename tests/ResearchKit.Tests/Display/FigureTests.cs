using System.Text.Json;
using ResearchKit.Display;

namespace ResearchKit.Tests.Display;

public class FigureTests
{
    [Fact]
    public void ToJson_IsValidPlotlySpec_WithLogAxesAndNaNAsNull()
    {
        var fig = new Figure("t", "x", "y") { LogX = true, LogY = true }
            .Line(new[] { 1.0, 2, 3 }, new[] { 1.0, double.NaN, 0.25 }, "line")
            .Band(new[] { 1.0, 2 }, new[] { 0.5, 0.5 }, new[] { 1.5, 1.5 }, "band");
        using var doc = JsonDocument.Parse(fig.ToJson());
        var root = doc.RootElement;
        Assert.Equal(2, root.GetProperty("data").GetArrayLength());
        Assert.Equal("log", root.GetProperty("layout").GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, root.GetProperty("data")[0].GetProperty("y")[1].ValueKind);
    }

    [Fact]
    public void ToHtml_SameFigure_SameBytes()
    {
        Figure Make() => new Figure("a").Markers(new[] { 0.1, 0.2 }, new[] { 3.0, 4.0 }, "m");
        Assert.Equal(Make().ToHtml(), Make().ToHtml());
    }

    [Fact]
    public void Histogram_Density_IntegratesToOne()
    {
        var values = Enumerable.Range(0, 1000).Select(i => Math.Sin(i) * 3).ToArray();
        var fig = new Figure().Histogram(values, "h", bins: 25);
        using var doc = JsonDocument.Parse(fig.ToJson());
        var t = doc.RootElement.GetProperty("data")[0];
        double width = t.GetProperty("width").GetDouble();
        double total = t.GetProperty("y").EnumerateArray().Sum(e => e.GetDouble()) * width;
        NumericAssert.Close(1.0, total, 1e-5);
    }

    [Fact]
    public void Grid_AssignsOneAxisPairPerPanel()
    {
        var a = new Figure("A") { LogY = true }.Line(new[] { 1.0, 2 }, new[] { 1.0, 2 }, "a");
        var b = new Figure("B").Line(new[] { 1.0, 2 }, new[] { 1.0, 2 }, "b").HorizontalLine(1.5);
        using var doc = JsonDocument.Parse(Figure.Grid("g", 2, a, b).ToJson());
        var layout = doc.RootElement.GetProperty("layout");
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal("x2", doc.RootElement.GetProperty("data")[1].GetProperty("xaxis").GetString());
        Assert.True(layout.TryGetProperty("xaxis2", out _));
    }

    [Fact]
    public void Line_MismatchedLengths_ThrowsNamingBoth()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Figure().Line(new[] { 1.0 }, new[] { 1.0, 2 }, "l"));
        Assert.Contains("y has length 2", ex.Message);
    }
}
