using ResearchKit.Notebooks.Documents;
using ResearchKit.Notebooks.Execution;

namespace ResearchKit.Notebooks.Tests.Execution;

public class StableIdsTests
{
    private const string Chart =
        "<div><div id=\"caf0715f-870c-4734-bde0-603477748e35\"></div><script>var renderPlotly_caf0715f870c4734bde0603477748e35 = function() {"
        + " Plotly.newPlot('caf0715f-870c-4734-bde0-603477748e35', data); }; renderPlotly_caf0715f870c4734bde0603477748e35();</script></div>";

    private static string Rerender(string html, string guid) =>
        html.Replace("caf0715f-870c-4734-bde0-603477748e35", guid, StringComparison.Ordinal)
            .Replace("caf0715f870c4734bde0603477748e35", guid.Replace("-", "", StringComparison.Ordinal), StringComparison.Ordinal);

    [Fact]
    public void PlotlyChart_SameContentRenderedTwice_GetsTheSameConsistentGuid()
    {
        string first = StableIds.ApplyToHtml(Chart, "2/0");
        string second = StableIds.ApplyToHtml(Rerender(Chart, "655c73a5-a6df-422e-ad91-730bde9e7483"), "2/0");
        Assert.Equal(first, second);
        Assert.DoesNotContain("caf0715f", first);
        var ids = System.Text.RegularExpressions.Regex.Matches(first, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").Select(m => m.Value).Distinct().ToList();
        string id = Assert.Single(ids);
        Assert.Contains("renderPlotly_" + id.Replace("-", "", StringComparison.Ordinal), first); // the function name follows the div id
    }

    [Fact]
    public void PlotlyChart_SameContentAtAnotherPlace_GetsAnotherId()
    {
        Assert.NotEqual(StableIds.ApplyToHtml(Chart, "2/0"), StableIds.ApplyToHtml(Chart, "2/1"));
        Assert.NotEqual(StableIds.ApplyToHtml(Chart, "2/0"), StableIds.ApplyToHtml(Chart.Replace("data", "other", StringComparison.Ordinal), "2/0"));
    }

    [Fact]
    public void DataFrameTable_TimestampId_BecomesAContentHash()
    {
        string a = StableIds.ApplyToHtml("<table id=\"table_639317597612907449\"><tr><td>1</td></tr></table>", "3/0");
        string b = StableIds.ApplyToHtml("<table id=\"table_639317597699999999\"><tr><td>1</td></tr></table>", "3/0");
        Assert.Equal(a, b);
        Assert.Matches("^<table id=\"table_[0-9a-f]{16}\">", a);
    }

    [Fact]
    public void PagedDataFrameTable_PagerAndScriptFollowTheTableId()
    {
        const string paged = "<table id=\"table_639317622124585962\"><tr><td>1</td></tr></table><span id=\"page_639317622124585962\">1</span>"
            + "<script>var page = parseInt(document.querySelector('#page_639317622124585962').innerHTML) - 1; "
            + "var rows = document.querySelectorAll(`#table_639317622124585962 tbody tr`);</script>";
        string a = StableIds.ApplyToHtml(paged, "4/0");
        string b = StableIds.ApplyToHtml(paged.Replace("639317622124585962", "639317622336638321", StringComparison.Ordinal), "4/0");
        Assert.Equal(a, b);
        Assert.DoesNotContain("639317622124585962", a);
        string id = System.Text.RegularExpressions.Regex.Match(a, "<table id=\"table_([0-9a-f]{16})\"").Groups[1].Value;
        Assert.Contains($"id=\"page_{id}\"", a);
        Assert.Contains($"'#page_{id}'", a);
        Assert.Contains($"`#table_{id} tbody tr`", a);
    }

    [Fact]
    public void OtherHtml_IsLeftAlone()
    {
        const string html = "<p>run 655c73a5-a6df-422e-ad91-730bde9e7483</p>";
        Assert.Same(html, StableIds.ApplyToHtml(html, "1/0"));
        var plain = new DisplayOutput(new SortedDictionary<string, string> { ["text/plain"] = "x" });
        Assert.Same(plain, StableIds.Apply(plain, 1, 0));
    }

    [Fact]
    public void Run_PlotlyChartsAndDataFrames_TwoRunsGiveByteIdenticalFiles()
    {
        string notebooks = TestEnvironment.StageWithLibrary("charts.ipynb");
        var (result, first) = TestEnvironment.Run(Path.Combine(notebooks, "charts.ipynb"));
        Assert.True(result.Failures.Count == 0, string.Join("\n", result.Failures.Select(f => $"cell {f.CellNumber}: {f.Message}")));
        var (_, second) = TestEnvironment.Run(Path.Combine(notebooks, "charts.ipynb"));
        Assert.Equal(File.ReadAllText(first), File.ReadAllText(second));

        var doc = NotebookReader.ReadFile(first);
        Assert.Empty(doc.Cells[1].Outputs); // the package restore shows nothing
        string chart = Assert.IsType<DisplayOutput>(Assert.Single(doc.Cells[2].Outputs)).Get("text/html")!;
        Assert.Contains("renderPlotly_", chart);
        var twice = doc.Cells[3].Outputs.Cast<DisplayOutput>().Select(o => o.Get("text/html")).ToList();
        Assert.Equal(2, twice.Count);
        Assert.NotEqual(twice[0], twice[1]); // the same chart twice in a cell still gets two ids
        Assert.Contains("<th>name</th>", Assert.IsType<DisplayOutput>(Assert.Single(doc.Cells[4].Outputs)).Get("text/html"));
    }
}
