using ResearchKit.Notebooks.Documents;

namespace ResearchKit.Notebooks.Tests.Execution;

/// <summary>
/// The display fixture: a notebook that references lib/ResearchKit.Display beside lib/ResearchKit, draws a helper
/// chart (Plotly.NET) and shows DataFrames, run through the real kernel as the notebooks are.
/// </summary>
public class DisplayFixtureTests
{
    private const string DisplayDllPath = "lib/ResearchKit.Display/bin/Release/net8.0/ResearchKit.Display.dll";

    private static readonly Lazy<string> DisplayDll = new(EnsureDisplayLibrary, LazyThreadSafetyMode.ExecutionAndPublication);

    [Fact]
    public void Run_HelperChartAndDataFrames_RenderThroughTheirKernelFormatters()
    {
        string notebooks = TestEnvironment.StageWithLibrary("display.ipynb");
        string displayDir = Path.Combine(Path.GetDirectoryName(notebooks)!, "lib", "ResearchKit.Display", "bin", "Release", "net8.0");
        Directory.CreateDirectory(displayDir);
        File.Copy(DisplayDll.Value, Path.Combine(displayDir, "ResearchKit.Display.dll"));

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

    private static string EnsureDisplayLibrary()
    {
        string dll = Path.Combine(TestEnvironment.RepositoryRoot, DisplayDllPath);
        if (!File.Exists(dll))
        {
            var build = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("dotnet")
            {
                ArgumentList = { "build", "lib/ResearchKit.Display/ResearchKit.Display.csproj", "-c", "Release", "-nologo", "-v", "quiet" },
                WorkingDirectory = TestEnvironment.RepositoryRoot,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            string output = build.StandardOutput.ReadToEnd() + build.StandardError.ReadToEnd();
            build.WaitForExit();
            Assert.True(build.ExitCode == 0, "building lib/ResearchKit.Display failed:\n" + output);
        }
        Assert.True(File.Exists(dll), $"{dll} does not exist after the build.");
        return dll;
    }
}
