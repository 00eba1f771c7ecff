using ResearchKit.Notebooks.Documents;
using ResearchKit.Notebooks.Execution;
using ResearchKit.Notebooks.Site;
using Xunit.Abstractions;

namespace ResearchKit.Notebooks.Tests.Site;

/// <summary>
/// The exported site opened in a real browser (headless Chromium): the figure must be drawn by plotly.js from the
/// local copy beside the pages. Without Chromium the test fails when RESEARCHKIT_REQUIRE_BROWSER=1 (CI) and
/// otherwise says plainly that nothing was checked.
/// </summary>
public class SiteBrowserTests
{
    private readonly ITestOutputHelper _output;

    public SiteBrowserTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public async Task ExportedPage_InHeadlessChromium_ShowsTheClaimsTableAndTheMath()
    {
        string? browser = HeadlessChromium.Find();
        if (browser is null)
        {
            const string message = "BROWSER TEST NOT RUN: no chromium on PATH, so the exported site was NOT checked in a browser. "
                + "Install it (Debian: apt-get install chromium) or set RESEARCHKIT_REQUIRE_BROWSER=1 to make this a failure.";
            Assert.False(Environment.GetEnvironmentVariable("RESEARCHKIT_REQUIRE_BROWSER") == "1", message);
            _output.WriteLine(message);
            Console.WriteLine(message);
            return;
        }

        string notebooks = TestEnvironment.StageWithLibrary("library.ipynb");
        string path = Path.Combine(notebooks, "library.ipynb");
        var result = await new NotebookRunner(RunScale.Quick).RunFileAsync(path);
        Assert.Empty(result.Failures);
        string site = Path.Combine(Path.GetDirectoryName(notebooks)!, "site");
        var cache = new NpmPackageCache(Path.Combine(TestEnvironment.RepositoryRoot, "data", "cache", "npm"));
        var export = SiteExporter.Export(SiteExporter.ReadAll(new[] { path }), site, cache);
        Assert.True(export.Assets.PlotlyIsLocal, "plotly.js was not copied beside the pages: " + string.Join(" ", export.Assets.Warnings));

        string page = Path.Combine(site, "library.html");
        string dom = HeadlessChromium.DumpDom(browser, page);

        // The charts are Plotly.NET's and are checked on charts.ipynb below.
        Assert.Contains("data-rk-claims-total=\"2\"", dom);   // the claims table is on the page
        Assert.Contains("class=\"katex\"", dom);              // markdown math rendered by the local KaTeX

        string screenshots = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(screenshots);
        string png = Path.Combine(screenshots, "library.png");
        HeadlessChromium.Screenshot(browser, page, png);
        Assert.True(new FileInfo(png).Length > 10_000, "the screenshot is suspiciously small");
        _output.WriteLine($"screenshot: {png}");
    }

    [Fact]
    public async Task ExportedPage_InHeadlessChromium_DrawsThePlotlyNetChartsOffline()
    {
        string? browser = HeadlessChromium.Find();
        if (browser is null)
        {
            const string message = "BROWSER TEST NOT RUN: no chromium on PATH, so the Plotly.NET charts were NOT checked in a browser.";
            Assert.False(Environment.GetEnvironmentVariable("RESEARCHKIT_REQUIRE_BROWSER") == "1", message);
            _output.WriteLine(message);
            return;
        }

        string notebooks = TestEnvironment.StageWithLibrary("charts.ipynb");
        string path = Path.Combine(notebooks, "charts.ipynb");
        var result = await new NotebookRunner(RunScale.Quick).RunFileAsync(path);
        Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures.Select(f => $"cell {f.CellNumber}: {f.Message}")));
        string site = Path.Combine(Path.GetDirectoryName(notebooks)!, "site");
        var cache = new NpmPackageCache(Path.Combine(TestEnvironment.RepositoryRoot, "data", "cache", "npm"));
        var export = SiteExporter.Export(SiteExporter.ReadAll(new[] { path }), site, cache);
        Assert.True(export.Assets.PlotlyIsLocal, "plotly.js was not copied beside the pages: " + string.Join(" ", export.Assets.Warnings));

        string page = Path.Combine(site, "charts.html");
        string html = File.ReadAllText(page);
        Assert.DoesNotContain("cdn.plot.ly", html);      // not the formatter's CDN plotly.js 2.x …
        Assert.DoesNotContain("require.min.js", html);   // … nor require.js: the page's local plotly.js draws
        string dom = HeadlessChromium.DumpDom(browser, page);

        // Three charts (one trailing value, one displayed twice), each drawn by plotly.js with its line trace.
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(dom, "class=\"plot-container plotly\"").Count);
        Assert.Equal(3, System.Text.RegularExpressions.Regex.Matches(dom, "class=\"trace scatter").Count);
        Assert.DoesNotContain("class=\"rk-chart-missing\"", dom);
        Assert.Contains("<th>name</th>", dom);            // the DataFrame as a table
    }
}
