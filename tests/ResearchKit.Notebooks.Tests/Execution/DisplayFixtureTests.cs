using ResearchKit.Notebooks.Documents;

namespace ResearchKit.Notebooks.Tests.Execution;

/// <summary>
/// The display fixture: a notebook that references lib/ResearchKit.Display beside lib/ResearchKit, draws a helper
/// chart (Plotly.NET) and shows DataFrames, run through the real kernel as the notebooks are.
/// </summary>
public class DisplayFixtureTests
{
    [Fact]
    public void Run_HelperChartAndDataFrames_RenderThroughTheirKernelFormatters()
    {
        string notebooks = TestEnvironment.StageWithLibrary("display.ipynb"); // stages lib/ResearchKit.Display too

        var (result, written) = TestEnvironment.Run(Path.Combine(notebooks, "display.ipynb"));
        var doc = NotebookReader.ReadFile(written);

        Assert.Empty(result.Failures);
        string chart = Assert.IsType<DisplayOutput>(Assert.Single(doc.Cells[2].Outputs)).Get("text/html")!;
        Assert.Contains("Plotly.newPlot", chart);                      // Plotly.NET.Interactive's formatter
        Assert.Contains("\"dash\":\"dash\"", chart);                   // the dashed theory curve
        Assert.Contains("\"error_y\":{\"type\":\"data\"", chart);      // the simulated points' error bars
        Assert.Contains("\"colorway\":[\"#0072B2\"", chart);           // the workbook's template, not Plotly.NET's
        Assert.Contains("\"text\":\"floor\"", chart);                  // the labelled reference line
        string frame = Assert.IsType<DisplayOutput>(Assert.Single(doc.Cells[3].Outputs)).Get("text/html")!;
        Assert.Contains("<table", frame);                              // Microsoft.Data.Analysis's formatter
        Assert.Contains("<th>Alpha</th>", frame);
        Assert.Contains("tanh", frame);
        var claimsOutputs = doc.Cells[4].Outputs;
        Assert.Equal(2, claimsOutputs.Count);
        Assert.Contains("<th>verdict</th>", Assert.IsType<DisplayOutput>(claimsOutputs[0]).Get("text/html"));
        Assert.Equal((1, 0), (result.Claims!.Total, result.Claims.Failed));
    }
}
