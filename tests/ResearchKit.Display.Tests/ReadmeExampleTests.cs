using Microsoft.Data.Analysis;
using Plotly.NET;
using CSharpChart = Plotly.NET.CSharp.Chart;

namespace ResearchKit.Display.Tests;

/// <summary>The examples of notebooks/README.md, "Display types", as a notebook cell writes them.</summary>
public class ReadmeExampleTests
{
    private sealed record Fit(string Model, double Alpha, double StandardError);

    [Fact]
    public void DirectPlotlyNetChart_WithTheWorkbookStyle()
    {
        var steps = Enumerable.Range(1, 100_000).Select(i => (double)i).ToArray();
        var loss = steps.Select(t => Math.Pow(t, -0.4)).ToArray();
        double[] t = { 10, 100, 1000, 10_000 };
        double[] mean = t.Select(v => 1.02 * Math.Pow(v, -0.4)).ToArray();
        var s = ChartData.Thin(steps, loss, maxPoints: 400, logX: true);
        var chart = Chart.combine(new[]
        {
            CSharpChart.Line<double, double, string>(x: s.X, y: s.Y, Name: "SGD"),
            CSharpChart.Point<double, double, string>(x: ChartData.Round(t), y: ChartData.Round(mean), Name: "8 seeds"),
        });
        var root = ChartJson.Parse(ChartStyle.Apply(chart).WithTitles("Fig. 3", "steps t", "test loss").WithLogLog());
        var layout = root.GetProperty("layout");
        Assert.Equal("log", layout.GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal("log", layout.GetProperty("yaxis").GetProperty("type").GetString());
        Assert.Equal("test loss", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.True(GenericChart.toJson(chart).Length < 20_000);
    }

    [Fact]
    public void Tables()
    {
        var fits = new[] { new Fit("linear", 0.31, 0.02), new Fit("tanh", 0.28, 0.03) };
        DataFrame frame = DataFrames.FromRecords(fits);
        Assert.Equal(typeof(double), frame["Alpha"].DataType);
        Assert.Equal(2, DataFrames.Head(frame, 10).Rows.Count);
    }
}
