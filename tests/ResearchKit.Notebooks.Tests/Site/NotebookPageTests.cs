using ResearchKit.Notebooks.Documents;
using ResearchKit.Notebooks.Site;

namespace ResearchKit.Notebooks.Tests.Site;

public class NotebookPageTests
{
    [Fact]
    public void LinearAlgebra_PreambleLine_IsFoundForTheFooter()
    {
        var doc = NotebookReader.Parse("""
            {"cells":[{"cell_type":"code","source":"x","outputs":[
              {"output_type":"stream","name":"stdout","text":["scale: Full; linear algebra: native (OpenBLAS 0.3.21)\n","next line\n"]}]}]}
            """, "01-x.ipynb");
        Assert.Equal("native (OpenBLAS 0.3.21)", new NotebookPage("01-x.ipynb", doc).LinearAlgebra);
    }

    [Fact]
    public void LinearAlgebra_NoPreambleLine_IsNull()
    {
        var doc = NotebookReader.Parse("""{"cells":[{"cell_type":"code","source":"x","outputs":[]}]}""", "02-y.ipynb");
        Assert.Null(new NotebookPage("02-y.ipynb", doc).LinearAlgebra);
    }

    [Fact]
    public void OfflineChart_PlotlyNetOutput_KeepsItsDivAndDrawsWithThePagesPlotly()
    {
        const string html = "<div><div id=\"0a1b2c3d-0000-4000-8000-00000000abcd\"><!-- Plotly chart will be drawn inside this DIV --></div><script type=\"text/javascript\">\n"
            + "var renderPlotly_0a1b2c3d000040008000000000abcd = function() {\n"
            + "    var fsharpPlotlyRequire = requirejs.config({context:'fsharp-plotly',paths:{plotly:'https://cdn.plot.ly/plotly-2.28.0.min'}}) || require;\n"
            + "    fsharpPlotlyRequire(['plotly'], function(Plotly) {\n"
            + "        var data = [{\"type\":\"scatter\",\"name\":\"a</script>b\",\"x\":[1.0],\"y\":[2.0]}];\n"
            + "        var layout = {\"width\":720};\n"
            + "        var config = {\"responsive\":true};\n"
            + "        Plotly.newPlot('0a1b2c3d-0000-4000-8000-00000000abcd', data, layout, config);\n"
            + "    });\n};\nrenderPlotly_0a1b2c3d000040008000000000abcd();\n</script><p>description</p></div>";

        string offline = NotebookPage.OfflineChart(html)!;

        Assert.StartsWith("<div><div id=\"0a1b2c3d-0000-4000-8000-00000000abcd\">", offline);
        Assert.EndsWith("</script><p>description</p></div>", offline);
        Assert.DoesNotContain("cdn.plot.ly", offline);
        Assert.DoesNotContain("requirejs", offline);
        Assert.Contains("window.Plotly.newPlot(div, [{\"type\":\"scatter\",\"name\":\"a<\\/script>b\",\"x\":[1.0],\"y\":[2.0]}], {\"width\":720}, {\"responsive\":true});", offline);
        Assert.Null(NotebookPage.OfflineChart("<b>not a chart</b>"));
    }

    [Fact]
    public void Footer_HasTheMachineDetailThePreambleLeavesOut()
    {
        var doc = NotebookReader.Parse("""
            {"cells":[{"cell_type":"code","source":"x","outputs":[
              {"output_type":"stream","name":"stdout","text":["scale: Full; linear algebra: native (OpenBLAS 0.3.21 (libopenblas.so.0); LAPACK from the same library)\n"]}]}]}
            """, "01-x.ipynb");
        string html = new NotebookPage("01-x.ipynb", doc).Render(SiteAssets.Prepare(TestEnvironment.NewTempFolder("footer"), null));
        string footer = html[html.IndexOf("<footer", StringComparison.Ordinal)..];
        Assert.Contains("Linear algebra: native (OpenBLAS 0.3.21 (libopenblas.so.0); LAPACK from the same library).", footer);
        Assert.Contains("Site exported on: " + System.Net.WebUtility.HtmlEncode(MachineDetail.Current), footer);
        Assert.Contains($"{Environment.ProcessorCount} logical processors", MachineDetail.Current);
    }
}
